"""Every test gets its own database and a CLI runner pointed at it."""

from pathlib import Path

import pytest
from tests_support import SEED, SEEDS  # noqa: F401  (SEEDS re-exported for tests)
from typer.testing import CliRunner

from factcheck.cli import app


@pytest.fixture
def db_file(tmp_path, monkeypatch) -> Path:
    """A fresh database path, also set as CLAIMS_DB so commands find it without --db."""
    path = tmp_path / "claims.json"
    monkeypatch.setenv("CLAIMS_DB", str(path))
    return path


@pytest.fixture
def run(db_file):
    """Run `claims ARGS...` in-process; returns typer's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
