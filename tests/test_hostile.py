"""Untrusted input treated as data: files beside the store, article text, feeds and a
terminal or disk that fails. Each case is one an attacker or a careless user tried."""

import builtins
import pickle

from support_claims import claim, store_article, store_desk

from factcheck import cachefile
from factcheck.match import FORMS_CACHE, stored_forms
from factcheck.search import INDEX_NAME
from factcheck.store import Store


class _Payload:
    """What a pickle can make its reader do: here, create a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return builtins.open, (self.marker, "w")


def _caches(db_file):
    return [db_file.with_name(f"{db_file.name}.{name}.idx") for name in (INDEX_NAME, FORMS_CACHE)]


def test_a_pickle_put_in_place_of_a_cache_never_runs_and_the_cache_is_made_again(db_file, run):
    store_desk(db_file)
    assert run("search", "Peskov", "--json").exit_code == 0
    stored_forms(Store(db_file).read())
    marker = db_file.with_name("payload-ran")
    for cache in _caches(db_file):  # another user of the shared folder replaces them
        assert cache.exists()
        cache.write_bytes(pickle.dumps(_Payload(marker)) * 2)

    result = run("search", "Peskov", "--json")
    forms = stored_forms(Store(db_file).read())

    assert not marker.exists()
    assert result.exit_code == 0 and "بيسكوف" in result.stdout
    assert len(forms) == 5
    for cache in _caches(db_file):
        assert cache.read_bytes().startswith(cachefile.MAGIC)


def test_a_cache_from_another_store_is_not_taken_for_this_one(tmp_path, db_file, run):
    other = tmp_path / "other" / "claims.json"
    other.parent.mkdir()
    store_article(other, [claim("Omar Haddad", "said", "the bridge will reopen in spring")])
    run("search", "bridge", "--db", str(other))
    store_desk(db_file)
    other.with_name(f"{other.name}.{INDEX_NAME}.idx").replace(_caches(db_file)[0])

    nothing = run("search", "bridge", "--json")
    assert (nothing.exit_code, nothing.stdout) == (1, "[]\n")
    assert "Zakharova" in run("search", "Zakharova").stdout
