"""factcheck: who said what, where, and whether it clashes with what was said before."""

from importlib.metadata import PackageNotFoundError, version

# The package is `factcheck`; its distribution on the package index is named apart, since
# "factcheck" there is an unrelated project. The version is stated once, in pyproject.toml.
DISTRIBUTION = "factcheck-claims"

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
