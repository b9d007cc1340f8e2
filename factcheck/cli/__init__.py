"""The `claims` command: the only place that parses arguments, renders and exits.

Each command group lives in its own module and registers itself on `app`.

The command's own boundary (factcheck.cli.app) turns every failure of a run into exit 2. What
comes before it, a failure to import the command at all (a dependency broken by an upgrade),
Python would report with exit 1, which is "contradictions found" to cron; so the import is
guarded here and `app` is then a stand-in that says so and exits 2.
"""

try:
    # Each module registers its commands on `app` when imported.
    from factcheck.cli import (  # noqa: F401
        articles,
        contradictions,
        doctor,
        edit,
        migrate,
        review,
        search,
        speakers,
        watch,
    )
    from factcheck.cli.app import app
except Exception as exc:  # noqa: BLE001 - whatever the import raised, cron must not read "found"
    from factcheck.cli.startup import stand_in

    app = stand_in(exc)

__all__ = ["app"]
