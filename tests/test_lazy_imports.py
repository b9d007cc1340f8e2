"""A command loads only what its work needs: what a run imports is part of its cost."""

import subprocess
import sys

import pytest

PROBE = ("import sys; sys.argv = ['claims'] + sys.argv[1:]; import factcheck.cli; "
         "print(' '.join(sorted(m for m in sys.modules)))")


def imported(*argv: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("module", ["factcheck.extract", "factcheck.contradict",
                                    "factcheck.articles", "httpx", "feedparser"])
def test_review_of_a_verdict_loads_neither_the_extractor_nor_the_contradiction_code(module):
    loaded = imported("review", "--help")
    assert "factcheck.review" in loaded
    assert module not in loaded


@pytest.mark.parametrize("module", ["httpx", "feedparser"])
def test_watch_loads_no_http_client_nor_feed_parser_until_it_fetches(module):
    loaded = imported("watch", "--help")
    assert "factcheck.watch" in loaded
    assert module not in loaded


RUN = ("import sys; sys.argv = ['claims'] + sys.argv[1:]; from factcheck.cli import app\n"
       "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
       "print('MODULES', ' '.join(sorted(sys.modules)))")


def test_a_list_of_the_newest_claims_loads_neither_the_speaker_registry_nor_numpy(tmp_path):
    spec = str(tmp_path / "desk.sqlite")
    done = subprocess.run([sys.executable, "-c", RUN, "list", "--json", "--db", spec],
                          capture_output=True, text=True, check=True)
    loaded = set(done.stdout.rsplit("MODULES", 1)[1].split())
    assert "factcheck.sqlstore" in loaded
    assert not loaded & {"factcheck.speakers", "factcheck.names", "numpy", "rapidfuzz"}


def test_parsing_a_command_line_loads_no_validation_library(tmp_path):
    # typer 0.29 validates each option through pydantic: 0.1-0.25 s of every command's start.
    spec = str(tmp_path / "desk.sqlite")
    done = subprocess.run([sys.executable, "-c", RUN, "search", "budget", "--limit", "5",
                           "--json", "--db", spec], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.rsplit("MODULES", 1)[1].split())
    assert "factcheck.search" in loaded
    assert "pydantic" not in loaded
