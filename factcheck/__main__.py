"""`python -m factcheck` and the `claims` command start here.

The command's own boundary (factcheck.cli.app) turns every failure of a run into exit 2; this
covers what comes before it, a failure to import the command at all (a dependency missing
after an upgrade), which Python would report with exit 1: "contradictions found" to cron.
"""

import sys
import traceback

# As factcheck.cli.app.FAILED, which cannot be imported when the import is what failed.
FAILED = 2


def main() -> None:
    try:
        from factcheck.cli import app
    except Exception:  # noqa: BLE001 - whatever the import raised, cron must not read "found"
        traceback.print_exc()
        sys.stderr.write("claims: error: the claims command cannot start (see above); "
                         "reinstall factcheck-claims\n")
        sys.exit(FAILED)
    app(prog_name="claims")


if __name__ == "__main__":
    main()
