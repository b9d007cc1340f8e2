"""One schema for stored records: a bad record is named in one line, never a traceback."""

import json

import pytest
from conftest import SEED

from factcheck import schema
from factcheck.errors import BadRecord
from factcheck.store import Store

CLAIM = {"id": "c1", "article": "a1", "content": {"text": "سنفتح المعبر غدا", "span": [10, 26]},
         "cue": {"text": "قال", "span": [0, 3]},
         "speaker": {"name": "أحمد الزعبي", "role": None, "kind": "person", "span": [4, 15],
                     "mention": None, "id": "s1"},
         "direct": False, "negated": False, "modality": "assertion", "context": None,
         "context_span": None, "listener": None, "sentence_span": [0, 27], "lang": "ar",
         "url": None, "outlet": None, "published": "2025-07-09", "title": None, "path": None,
         "added": "2025-07-09T10:00:00+00:00"}
REVIEW = {"id": "c1", "claim": "c1", "verdict": "false", "rating_label": None, "note": None,
          "url": None, "reviewer": "rania", "reviewed": "2025-07-10T08:00:00+00:00",
          "first_reviewed": "2025-07-10T08:00:00+00:00",
          "history": [{"at": "2025-07-10T08:00:00+00:00", "by": "rania", "action": "review",
                       "changes": {"verdict": [None, "false"]}}]}
SPEAKER = {"id": "s1", "key": "زعبي", "kind": "person", "names": ["أحمد الزعبي"], "roles": [],
           "first": "2025-07-09", "last": "2025-07-09", "merged": []}
CONTRADICTION = {"id": "k1", "a": "c1", "b": "c2", "relation": "contradicts", "score": 0.8,
                 "reasons": ["negation"], "status": "open", "created": "2025-07-10T08:00:00+00:00",
                 "history": []}


def changed(record: dict, **fields) -> dict:
    return {**record, **fields}


@pytest.mark.parametrize("table, record", [
    ("claims", CLAIM), ("reviews", REVIEW), ("speakers", SPEAKER),
    ("contradictions", CONTRADICTION),
    ("articles", {"id": "a1", "text": "قال أحمد الزعبي ...", "published": None}),
    ("_meta", {"version": 1}), ("sources", {"id": "x", "anything": ["goes"]}),
])
def test_a_record_of_the_right_shape_passes(table, record):
    key = "schema" if table == "_meta" else record["id"]
    assert schema.record_problem(table, key, record) is None


@pytest.mark.parametrize("table, record, problem", [
    ("claims", "قال الوزير", "is text, not a record"),
    ("claims", {k: v for k, v in CLAIM.items() if k != "content"}, "`content` must have a text"),
    ("claims", changed(CLAIM, published=2025), "`published` must be text or null, not a number"),
    ("claims", changed(CLAIM, lang=["ar"]), "`lang` must be text or null, not a list"),
    ("claims", changed(CLAIM, speaker={**CLAIM["speaker"], "id": ["s1"]}),
     "`speaker.id` must be text or null, not a list"),
    ("claims", changed(CLAIM, speaker="أحمد"), "`speaker` must be an object, not text"),
    ("claims", changed(CLAIM, cue={"text": "قال", "span": [3, 0]}),
     "`cue.span` must be [start, end]"),
    ("claims", changed(CLAIM, negated="no"), "`negated` must be true or false, not text"),
    ("claims", changed(CLAIM, id="c2"), "is stored under 'c1' but its `id` is 'c2'"),
    ("reviews", changed(REVIEW, verdict="pants-on-fire"),
     "`verdict` 'pants-on-fire' is not a verdict"),
    ("reviews", changed(REVIEW, history=[{"at": "2025-07-10", "changes": {}}]),
     "`history` entry 1 says nobody (`by`)"),
    ("reviews", changed(REVIEW, history=None), "`history` must be a list, not null"),
    ("speakers", changed(SPEAKER, names="أحمد الزعبي"), "`names` must be a list of text"),
    ("speakers", changed(SPEAKER, merged=[{"speaker": "s2"}]),
     "`merged` entry 1 has no whole speaker record"),
    ("contradictions", changed(CONTRADICTION, status="maybe"), "`status` 'maybe' is not a status"),
    ("contradictions", changed(CONTRADICTION, a=None), "`a` must be a claim ID, not null"),
    ("articles", {"id": "a1", "text": None}, "`text` must be text, not null"),
    ("_meta", {"version": "1"}, "`version` must be a whole number, not text"),
])
def test_the_first_thing_wrong_with_a_record_is_named(table, record, problem):
    key = "schema" if table == "_meta" else "c1" if table == "claims" else \
        record.get("id") if isinstance(record, dict) else None
    assert schema.record_problem(table, key, record) == problem


def test_problems_lists_every_bad_record_in_the_store_order():
    data = {"claims": {"c1": CLAIM, "c2": "نص", "c3": changed(CLAIM, id="c3", published=7)},
            "speakers": [], "_meta": {"schema": {"version": 1}}}
    assert list(schema.problems(data)) == [
        schema.Problem("claims", "c2", "is text, not a record"),
        schema.Problem("claims", "c3", "`published` must be text or null, not a number"),
        schema.Problem("speakers", None, "is a list, not a table of records"),
    ]


def _damaged(db_file, damage) -> str:
    data = json.loads(db_file.read_text(encoding="utf-8"))
    damage(data)
    db_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return db_file.read_text(encoding="utf-8")


def _some_claim(data: dict) -> dict:
    return data["claims"][sorted(data["claims"])[0]]


DAMAGES = {
    "a claim without content": lambda d: _some_claim(d).pop("content"),
    "published as a number": lambda d: _some_claim(d).update(published=2025),
    "a claim as a string": lambda d: d["claims"].update({sorted(d["claims"])[0]: "قال الوزير"}),
    "the schema version as a string": lambda d: d["_meta"]["schema"].update(version="1"),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
@pytest.mark.parametrize("command", [
    ("list",), ("show", "0"), ("search", "الوزير"), ("speakers",), ("export", "--format", "csv"),
    ("contradictions",), ("add", "NEW"), ("watch", "NEW"),
])
def test_a_store_with_a_bad_record_gives_one_line_naming_it_and_keeps_it(
        run, db_file, tmp_path, damage, command):
    assert run("add", str(SEED)).exit_code == 0
    before = _damaged(db_file, damage)
    new = tmp_path / "new.txt"
    new.write_text("قال وزير النقل أحمد الزعبي إن الطريق سيفتح غدا.\n", encoding="utf-8")
    result = run(*(str(new) if a == "NEW" else a for a in command))
    assert result.exit_code == 2, result.output
    line = result.stderr
    assert line.count("\n") == 1 and line.startswith(f"claims: error: {db_file}: ")
    assert ("claims record '" in line or "_meta record 'schema'" in line)
    assert line.endswith("run `claims doctor` to list every bad record, `claims doctor --fix` "
                         "to set them aside\n")
    assert db_file.read_text(encoding="utf-8") == before  # nothing written over it


def test_the_store_names_the_first_bad_record(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps({"claims": {"c1": CLAIM, "c2": changed(CLAIM, id="c2", lang=[])}}),
                    encoding="utf-8")
    with pytest.raises(BadRecord, match=r"claims record 'c2': `lang` must be text or null"):
        Store(path).read()
    with pytest.raises(BadRecord), Store(path).write():
        pass


@pytest.mark.parametrize("table, record, problem", [
    # Each of these passed the first schema and crashed a command (found by setting each field
    # of a stored record to each wrong kind of value and running every command).
    ("reviews", changed(REVIEW, history=[{**REVIEW["history"][0],
                                          "changes": {"verdict": [[1, 2], "false"]}}]),
     "`history` entry 1 changes `verdict` to a list"),
    ("reviews", changed(REVIEW, history=[{**REVIEW["history"][0],
                                          "changes": {"verdict": ["maybe", "false"]}}]),
     "`history` entry 1 changes `verdict` to 'maybe', not a verdict"),
    ("reviews", changed(REVIEW, claim="c9"),
     "`claim` must be the claim it reviews ('c1'), not 'c9'"),
    ("reviews", changed(REVIEW, verdict=["false"]), "`verdict` ['false'] is not a verdict"),
    ("speakers", changed(SPEAKER, roles=None), "`roles` must be a list of text, not null"),
    ("claims", changed(CLAIM, article=None), "`article` must be the ID of its article, not null"),
    ("contradictions", changed(CONTRADICTION, score=None), "`score` must be a number, not null"),
    ("contradictions", changed(CONTRADICTION, reasons=None),
     "`reasons` must be a list of text, not null"),
    ("sources", {"id": "s1", "etag": ["a"]}, "`etag` must be text or null, not a list"),
    ("claims", changed(CLAIM, cue={"text": "قال"}), "`cue.span` must be [start, end]"),
    ("reviews", {k: v for k, v in REVIEW.items() if k != "claim"},
     "`claim` must be the claim it reviews ('c1'), not None"),
    ("contradictions", {k: v for k, v in CONTRADICTION.items() if k != "status"},
     "`status` None is not a status"),
    ("seen", {"id": "k1", "article": 5}, "`article` must be text or null, not a number"),
])
def test_shapes_that_crashed_a_command_are_named(table, record, problem):
    assert schema.record_problem(table, record["id"], record) == problem
