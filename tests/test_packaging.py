"""What the distribution ships and promises: its own name, its licence and the notice for the
data the model came from, bounds where we lean on a library's internals."""

import re
import tomllib

from tests_support import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirement(name: str) -> str:
    [found] = [d for d in PROJECT["dependencies"]
               if re.match(rf"{re.escape(name)}\b", d, re.I)]
    return found


def test_the_distribution_is_not_named_after_the_unrelated_factcheck_project():
    assert PROJECT["name"] == "factcheck-claims"
    # factcheck.cli guards its own import, so the entry exits 2, not 1, when the command cannot
    # even be imported (tests/test_hostile.py::test_a_command_that_cannot_even_start_exits_2).
    assert PROJECT["scripts"] == {"claims": "factcheck.cli:app"}


def test_the_licence_is_apache_2_0_as_pyproject_says():
    assert PROJECT["license"] == {"text": "Apache-2.0"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text


def test_the_notice_names_the_corpus_the_stance_model_was_learned_from():
    import json

    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    model = json.loads((ROOT / "factcheck" / "data" / "stance_model.json").read_text())
    assert "github.com/latynt/ans" in model["provenance"]["data"]
    assert "latynt/ans" in notice and "commit 9c5f313" in notice
    assert "Apache License" in notice and "Khouja" in notice and "FEVER" in notice


def test_libraries_whose_internals_we_use_are_bounded_above():
    # store.py reads tinydb's Table._read_table; bidi.py runs bidi.algorithm's steps itself
    assert re.search(r",\s*<5\b", requirement("tinydb"))
    assert re.search(r",\s*<0\.7\b", requirement("python-bidi"))
    for path, used in (("factcheck/store.py", "._read_table()"),
                       ("factcheck/bidi.py", "_uba.resolve_weak_types")):
        assert used in (ROOT / path).read_text(encoding="utf-8")


def test_ci_lints_and_runs_the_installed_wheel():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "ruff check factcheck tests bench tools" in ci
    assert "pip wheel -q --no-deps -w dist ." in ci
    assert re.search(r"pip install -q dist/factcheck_claims-\*\.whl", ci)
    assert "claims\" --version" in ci and "claims\" extract" in ci
