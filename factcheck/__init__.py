"""factcheck: who said what, where, and whether it clashes with what was said before."""

# The package is `factcheck`; its distribution on the package index is named apart, since
# "factcheck" there is an unrelated project. The version is stated once, in pyproject.toml.
DISTRIBUTION = "factcheck-claims"


def __getattr__(name: str) -> str:
    # Read when asked for: importlib.metadata costs every command's start-up otherwise.
    if name != "__version__":
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
