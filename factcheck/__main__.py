"""`python -m factcheck` runs the `claims` command."""

from factcheck.cli import app

app(prog_name="claims")
