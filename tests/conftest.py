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


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole run, started on first use (tests/pgserver.py)."""
    from pgserver import Server

    server = Server()
    yield server
    server.stop()


BACKENDS = ("json", "sqlite", "postgresql")


def new_store_spec(backend: str, folder: Path, request) -> str:
    """A --db value naming a new, empty store of the given backend."""
    if backend == "json":
        return str(folder / "claims.json")
    if backend == "sqlite":
        return str(folder / "claims.sqlite")
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture(params=BACKENDS)
def store_spec(request, tmp_path, monkeypatch) -> str:
    """A new, empty store on each backend in turn, also set as CLAIMS_DB."""
    spec = new_store_spec(request.param, tmp_path, request)
    monkeypatch.setenv("CLAIMS_DB", spec)
    return spec
