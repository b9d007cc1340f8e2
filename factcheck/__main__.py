"""`python -m factcheck` runs the `claims` command."""

from factcheck.cli import app

if __name__ == "__main__":
    app(prog_name="claims")
