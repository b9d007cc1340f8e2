"""The store's behaviour, the same on every backend: TinyDB JSON, SQLite and PostgreSQL.

Each test runs once per backend (the `store_spec` fixture), against the real engine.
"""

import orjson
import pytest
from support_claims import claim, store_desk
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import AmbiguousID, BadRecord, DatabaseError, NotFound
from factcheck.store import open_store


def _claim(claim_id: str, **fields) -> dict:
    # a stored claim always names its article (factcheck.schema)
    return {**claim("ماريا زاخاروفا", "قالت", "الخطة جاهزة للتنفيذ"), "id": claim_id,
            "article": "f00d", **fields}


def _review(review_id: str, **fields) -> dict:
    return {"id": review_id, "claim": review_id, "history": [], **fields}


def test_a_record_written_is_read_back_whole_with_fields_the_store_never_heard_of(store_spec):
    store = open_store(store_spec)
    record = _claim("abc123", appearances=[{"article": "f00d", "at": "2025-07-09"}], score=0.5)
    with store.write() as db:
        db.claims.insert(record)
        db.table("notes").insert({"id": "n1", "body": "any kind of record"})
    db = store.read()
    assert db.claims.get("abc123") == record
    assert db.table("notes").get("n1") == {"id": "n1", "body": "any kind of record"}
    assert "abc123" in db.claims and "zzz" not in db.claims
    assert len(db.claims) == 1 and len(db.table("notes")) == 1
    assert db.claims.get("zzz") is None


def test_an_exception_inside_a_write_stores_nothing_of_it(store_spec):
    store = open_store(store_spec)
    with store.write() as db:
        db.claims.insert(_claim("a1"))
    with pytest.raises(RuntimeError), store.write() as db:
        db.claims.insert(_claim("a2"))
        db.claims.update("a1", {"status": "changed"})
        raise RuntimeError("crash halfway")
    db = store.read()
    assert db.claims.ids() == ["a1"]
    assert db.claims.get("a1") == _claim("a1")


def test_ids_resolve_by_prefix_like_git(store_spec):
    store = open_store(store_spec)
    with store.write() as db:
        db.claims.insert_many([_claim("abc123"), _claim("abd456"), _claim("abd789")])
    db = store.read()
    assert db.claims.resolve("abc")["id"] == "abc123"
    assert db.claims.resolve(" ABD4 ")["id"] == "abd456"
    with pytest.raises(AmbiguousID, match="matches 2 claims: abd456, abd789"):
        db.claims.resolve("abd")
    with pytest.raises(NotFound):
        db.claims.resolve("zz")
    with pytest.raises(NotFound):
        db.claims.resolve("")


def test_single_records_are_inserted_updated_upserted_and_removed(store_spec):
    store = open_store(store_spec)
    with store.write() as db:
        db.table("reviews").insert(_review("r1", verdict="false"))
        with pytest.raises(DatabaseError, match="already exists"):
            db.table("reviews").insert(_review("r1", verdict="true"))
        db.table("reviews").update("r1", {"note": "checked"})
        db.table("reviews").upsert(_review("r2", verdict="true"))
        db.table("reviews").upsert(_review("r2", verdict="mostly-true"))
        db.table("reviews").insert_many([_review("r2", verdict="false"), _review("r3")])
        db.table("reviews").remove("r3")
        with pytest.raises(NotFound):
            db.table("reviews").update("r9", {"note": "x"})
    got = {r["id"]: r for r in store.read().table("reviews").all()}
    assert got == {"r1": _review("r1", verdict="false", note="checked"),
                   "r2": _review("r2", verdict="mostly-true")}


def test_claims_are_asked_for_by_article_speaker_and_date(store_spec):
    store_desk(store_spec)
    db = open_store(store_spec).read()
    by_speaker = {}
    for c in db.claims.all():
        by_speaker.setdefault(c["speaker"]["id"], []).append(c["id"])
    zakharova = next(c["speaker"]["id"] for c in db.claims.all()
                     if c["speaker"]["name"] == "ماريا زاخاروفا")
    assert [c["id"] for c in db.claims_by_speakers([zakharova])] == by_speaker[zakharova]
    # Maria Zakharova in Latin letters is the same speaker as in Arabic
    assert len(by_speaker[zakharova]) == 2
    assert db.claims_per_speaker() == {sid: len(ids) for sid, ids in by_speaker.items()}
    newest = db.recent_claims(2)
    assert [c["published"] for c in newest] == ["2025-08-02", "2025-08-02"]
    assert [c["speaker"]["name"] for c in newest] == ["Maria Zakharova", "Lim Eul-chul"]
    assert [c["id"] for c in db.recent_claims(5, speakers=[zakharova])] == \
        list(reversed(by_speaker[zakharova]))
    assert db.recent_claims(5, speakers=[]) == []
    article = newest[0]["article"]
    assert [c["speaker"]["name"] for c in db.claims_of_article(article)] == \
        ["Maria Zakharova", "Lim Eul-chul", "Alexander Novak"]
    assert db.kinds() == ["articles", "claims", "speakers"]


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 1) and not crashed, result.output + repr(result.exception)
    return result.stdout


def _without_times(value):
    """A command's JSON with the times of this run left out (added, reviewed, created)."""
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items()
                if k not in ("added", "reviewed", "first_reviewed", "at", "created", "first",
                             "last", "undoes", "datePublished", "dateModified")}
    return value


def _session(spec: str, later: str) -> dict:
    """What a desk does in one sitting, as each command's JSON."""
    store_desk(spec)
    out = {"add": _cli("add", later, "--published", "2025-09-01", "--json"),
           "list": _cli("list", "--limit", "3", "--json"),
           "search": _cli("search", "Peskov", "--json"),
           "phrase": _cli("search", "تعزيز التعاون", "--json")}
    first = orjson.loads(out["list"])[0]["id"]
    out["review"] = _cli("review", first[:6], "--verdict", "false", "--note", "checked",
                         "--reviewer", "desk", "--json")
    # the review record as the desk works it: assigned, titled, published, one undo
    out["assign"] = _cli("review", first[:6], "--assign", "سليم", "--status", "in-progress",
                         "--title", "نوفاك والنفط", "--summary", "Novak: oil output will fall",
                         "--lang", "en", "--reviewer", "desk", "--json")
    out["publish"] = _cli("review", first[:6], "--url", "https://desk.example/checks/9",
                          "--publish", "--reviewer", "desk", "--json")
    out["export"] = _cli("export", "--publisher", "Desk")
    out["undo"] = _cli("review", first[:6], "--undo", "--reviewer", "desk", "--json")
    out["unpublished"] = _cli("export", "--publisher", "Desk")
    out["history"] = _cli("history", first[:6], "--json")
    out["merge"] = _cli("speakers", "merge", "Maria Zakharova", "Alexander Novak", "--json")
    out["speakers"] = _cli("speakers", "--json")
    out["show"] = _cli("show", first[:6], "--json")
    out["contradictions"] = _cli("contradictions", "--json")
    assert all(out.values()), out
    return {k: _without_times(orjson.loads(v)) for k, v in out.items()}


def test_every_command_answers_the_same_on_every_backend(store_spec, tmp_path, monkeypatch):
    later = tmp_path / "later.txt"
    later.write_text("Alexander Novak said on Monday that oil output will fall in August.\n")
    got = _session(store_spec, str(later))
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "reference.json"))
    assert got == _session(str(tmp_path / "reference.json"), str(later))
    assert len(got["search"]) == 1 and got["review"]["verdict"] == "false"
    assert (got["assign"]["status"], got["assign"]["assignee"]) == ("in-progress", "سليم")
    assert got["publish"]["status"] == "published"
    [published] = got["export"]
    assert (published["headline"], published["claimReviewed"], published["inLanguage"]) == (
        "نوفاك والنفط", "Novak: oil output will fall", "en")
    assert (got["undo"]["status"], got["undo"]["url"], got["unpublished"]) == (
        "in-progress", None, [])
    assert [e["action"] for e in got["history"]] == ["review", "review", "review", "undo"]
    assert got["merge"][0]["names"] == ["ماريا زاخاروفا", "Maria Zakharova", "Alexander Novak"]
    assert [c["reasons"] for c in got["contradictions"]] == [["opposite words: fall / rise"]]
    assert got["add"][0]["contradictions"][0]["id"] == got["contradictions"][0]["id"]


def test_a_record_of_the_wrong_shape_is_named(store_spec):
    store = open_store(store_spec)
    with pytest.raises(BadRecord, match="claims record 'bad1': `content`"):
        with store.write() as db:
            db.claims.insert({**_claim("bad1"), "content": "a string, not an object"})
        store.read().claims.get("bad1")


QUERIES = [("Peskov", {}), ("Zakharov", {}), ("لا توجد خطط", {}), ("زيارة كيم الى روسيا", {}),
           ("strengthening cooperation", {}), ("oil output August", {}), ("novak", {}),
           ("نوفاك", {}), ("Kim", {}), ("cooperation تعزيز", {"lang": "en"}),
           ("", {"since": "2025-08"}), ("", {"until": "2025-07"}), ("", {"outlet": "example"}),
           ("", {"speaker": "Zakharova"}), ("cooperation", {"speaker": "زاخاروفا"}),
           ("", {"negated": True}), ("volcano eruption", {})]


def _hits(spec: str) -> list:
    from factcheck.search import search

    db = open_store(spec).read()
    return [[(h.claim["content"]["text"], round(h.score, 6), h.matched)
             for h in search(db, query, **filters)] for query, filters in QUERIES]


def test_search_finds_the_same_on_every_backend(store_spec, tmp_path):
    store_desk(store_spec)
    store_desk(str(tmp_path / "reference.json"))
    got = _hits(store_spec)
    assert got == _hits(str(tmp_path / "reference.json"))
    assert [len(found) for found in got] == [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 3, 2, 3, 2, 1, 1, 0]


def test_many_tied_claims_are_ranked_the_same_walking_the_store_by_date(tmp_path, monkeypatch):
    from factcheck import indexing

    spec = str(tmp_path / "desk.sqlite")
    store_desk(spec)
    before = _hits(spec)
    monkeypatch.setattr(indexing, "_WALK_FROM", 0)
    monkeypatch.setattr(indexing, "_CHUNK", 2)
    assert _hits(spec) == before


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_store_of_schema_1_gains_its_form_counts_when_opened(backend, tmp_path, request):
    from conftest import new_store_spec

    from factcheck import sqlstore

    spec = new_store_spec(backend, tmp_path, request)
    store_desk(spec)
    conn = open_store(spec).read().conn
    summed = "SELECT form, SUM(LENGTH(claims)) / 4 FROM forms GROUP BY form ORDER BY form"
    expected = conn.rows(summed)
    assert expected and conn.rows("SELECT form, n FROM form_counts ORDER BY form") == expected
    # as a store written before form_counts was
    conn.run("DROP TABLE form_counts")
    conn.run("UPDATE meta SET value = '1' WHERE key = 'schema'")
    conn.raw.close()
    again = open_store(spec).read().conn
    assert again.value("SELECT value FROM meta WHERE key = 'schema'") == \
        str(sqlstore.SCHEMA_VERSION)
    assert again.rows("SELECT form, n FROM form_counts ORDER BY form") == expected


def _counted(conn) -> list:
    return conn.rows("SELECT speaker, n FROM speaker_counts WHERE n > 0 ORDER BY speaker")


def _grouped(conn) -> list:
    return conn.rows("SELECT speaker, COUNT(*) FROM claims WHERE speaker IS NOT NULL "
                     "GROUP BY speaker ORDER BY speaker")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_speaker_counts_follow_every_write_and_are_made_when_an_older_store_opens(
        backend, tmp_path, request):
    from conftest import new_store_spec

    from factcheck import sqlstore

    spec = new_store_spec(backend, tmp_path, request)
    store_desk(spec)
    store = open_store(spec)
    with store.write() as db:
        first, second, *_ = db.claims.all()
        db.claims.update(first["id"], {"speaker": {**first["speaker"], "id": "s-moved"}})
        db.claims.remove(second["id"])
        db.claims.insert({**_claim("c-new"), "speaker": {**first["speaker"], "id": "s-moved"}})
    conn = store.read().conn
    expected = _grouped(conn)
    assert ("s-moved", 2) in expected and _counted(conn) == expected
    # as a store written before speaker_counts was
    conn.run("DROP TABLE speaker_counts")
    conn.run("DROP INDEX claims_speaker_day")
    conn.run("UPDATE meta SET value = '2' WHERE key = 'schema'")
    conn.raw.close()
    again = open_store(spec).read().conn
    assert again.value("SELECT value FROM meta WHERE key = 'schema'") == \
        str(sqlstore.SCHEMA_VERSION)
    assert _counted(again) == expected


def test_a_speaker_holding_most_claims_is_ranked_by_date_without_listing_them(tmp_path):
    """A name met through its speaker and in a claim's words: the claims meeting every query
    word rank first, then the speaker's other claims, newest first, as on the JSON store."""
    from support_claims import store_article

    specs = [str(tmp_path / "desk.sqlite"), str(tmp_path / "desk.json")]
    for spec in specs:
        store_desk(spec)
        for day in range(10, 14):
            for n in range(3):
                store_article(spec, [claim("Dmitry Peskov", "said",
                                           f"the talks resume in round {n} of day {day}")],
                              published=f"2025-09-{day}")
        store_article(spec, [claim("Dmitry Peskov", "said", "the pipeline is safe")],
                      published="2025-05-01")
        store_article(spec, [claim("Lim Eul-chul", "said", "Peskov called the pipeline useful")],
                      published="2025-06-01")

    def found(spec):
        from factcheck.search import search

        db = open_store(spec).read()
        return [(h.claim["content"]["text"], round(h.score, 6))
                for h in search(db, "Peskov pipeline", limit=6)]

    got = found(specs[0])
    assert got == found(specs[1])
    assert [text for text, _ in got[:5]] == [
        "Peskov called the pipeline useful", "the pipeline is safe",
        *(f"the talks resume in round {n} of day 13" for n in range(3))]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_rows_of_a_common_word_are_merged_and_search_and_matching_see_the_same(
        backend, tmp_path, request, monkeypatch):
    from conftest import new_store_spec
    from support_claims import store_article

    from factcheck import sqlstore
    from factcheck.contradict import check_claims

    def desk(spec):
        store_desk(spec)
        for day in range(10, 14):
            store_article(spec, [claim("Alexander Novak", "said",
                                       f"oil output will rise in August, day {day}")],
                          published=f"2025-09-{day}")

    def found(spec):
        db = open_store(spec).read()
        fresh = {**claim("Alexander Novak", "said", "oil output will fall in August"),
                 "id": "new1", "article": "f00e"}
        pairs = sorted(f.other["id"] for f in check_claims(db, [fresh], repeats=False))
        return _hits(spec), pairs

    spec = new_store_spec(backend, tmp_path, request)
    monkeypatch.setattr(sqlstore, "MERGE_FROM", 1)
    desk(spec)
    conn = open_store(spec).read().conn
    assert conn.value("SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM forms GROUP BY form) t") \
        <= 2
    assert conn.value("SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM postings "
                      "GROUP BY term, field) t") <= 2
    reference = str(tmp_path / "reference.json")
    desk(reference)
    got = found(spec)
    assert got == found(reference) and got[1]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_registry_keys_kept_are_those_of_the_speakers_as_stored(backend, tmp_path, request,
                                                                    monkeypatch):
    from conftest import new_store_spec

    from factcheck import speakers

    spec = new_store_spec(backend, tmp_path, request)
    monkeypatch.setenv("CLAIMS_DB", spec)
    store_desk(spec)
    _cli("speakers", "merge", "Maria Zakharova", "Alexander Novak", "--json")
    _cli("speakers", "alias", "Lim Eul-chul", "ليم أول تشول", "--json")
    db = open_store(spec).read()
    expected = []
    for record in db.table("speakers").all():
        rows = speakers.registry_keys(record)
        if rows:
            expected.append((record["id"], rows[0][0], [row[1:] for row in rows]))
    assert len(expected) == 3 and db.registry_keys() == expected


def test_merging_the_small_rows_of_a_word_keeps_every_claim_once(tmp_path, monkeypatch):
    from support_claims import store_article

    from factcheck import indexing, sqlstore

    monkeypatch.setattr(sqlstore, "MERGE_FROM", 2)
    spec = str(tmp_path / "desk.sqlite")
    for day in range(1, 25):
        store_article(spec, [claim("Alexander Novak", "said",
                                   f"oil output will rise in August, day {day}")],
                      published=f"2025-09-{day:02d}")
    conn = open_store(spec).read().conn
    numbers = sorted(n for (n,) in conn.rows("SELECT n FROM claims"))
    for table, key in (("postings", "term = 'oil' AND field = 'content'"),
                       ("forms", "form = 'oil'")):
        blobs = [b for (b,) in conn.rows(f"SELECT claims FROM {table} WHERE {key}")]
        assert sorted(indexing.unpack(blobs)) == numbers
        # each write adds a row; merges keep a few, not one per write
        assert 1 <= len(blobs) <= 4
