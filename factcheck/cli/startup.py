"""What `claims` does when the command itself cannot be imported."""

import sys
import traceback
from collections.abc import Callable

# As factcheck.cli.app.FAILED, which cannot be imported when the import is what failed.
FAILED = 2


def stand_in(error: BaseException) -> Callable[..., None]:
    """A command that shows why the real one could not be imported, and exits 2."""
    shown = "".join(traceback.format_exception(error))

    def cannot_start(*_args, **_kwargs) -> None:
        sys.stderr.write(shown)
        sys.stderr.write("claims: error: the claims command cannot start (see above); "
                         "reinstall factcheck-claims\n")
        sys.exit(FAILED)

    return cannot_start
