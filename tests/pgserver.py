"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, on a free port of
127.0.0.1, run as an unprivileged user when the tests run as root (the server refuses root).

Where no PostgreSQL is installed the tests that need it are skipped with the reason, except
in CI (CI=true), where .ci/run installs it and a missing server is a failure.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

SEARCHED = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin")
SUPERUSER = "postgres"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, the newest version first."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    for pattern in SEARCHED:
        folders = sorted(glob.glob(pattern), key=_version, reverse=True)
        for folder in folders:
            if (Path(folder) / "initdb").exists():
                return Path(folder)
    return None


def _version(folder: str) -> tuple:
    digits = "".join(c if c.isdigit() else " " for c in folder).split()
    return tuple(int(d) for d in digits)


def unavailable(reason: str):
    """Skip, or fail in CI, where the server must be there."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


class Server:
    """A running server; `url(name)` names one of its databases."""

    def __init__(self, keep: Path | None = None):
        """A new server in a temporary folder, or (`keep`) the one kept in that folder,
        started again with its databases (bench/scale.py keeps its built stores)."""
        self.bin = binaries()
        if self.bin is None:
            unavailable("no initdb found (apt-get install postgresql)")
        self.kept = keep is not None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        self.folder = keep if keep is not None else Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.user = _unprivileged_user()
        if self.user:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        if not (self.data / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "log"), "-w", "-t", "60", "start")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              user=self.user.pw_uid if self.user else None,
                              group=self.user.pw_gid if self.user else None)
        if done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            unavailable(f"{program} failed: {done.stderr.strip()[-1000:]} {tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self, template: str | None = None) -> str:
        """The URL of a new database: empty, or a copy of the database `template`."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def databases(self) -> set[str]:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            return {name for (name,) in conn.execute("SELECT datname FROM pg_database")}

    def drop(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        # A kept server is shut down cleanly: it has fsync off, and its data is read again.
        mode = "fast" if self.kept else "immediate"
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")
        if not self.kept:
            shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unprivileged_user():
    if os.geteuid() != 0:
        return None
    for name in ("nobody", "postgres", "daemon"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    unavailable("running as root and no unprivileged user to run the server as")
    return None


def wait_for(predicate, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
