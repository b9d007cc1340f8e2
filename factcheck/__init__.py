"""factcheck: who said what, where, and whether it clashes with what was said before."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
