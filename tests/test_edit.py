"""factcheck.edit on every store backend: corrections kept with who and when, undos that
stack, and a deleted claim's tombstone and history."""

import pytest
from support_claims import claim, store_article

from factcheck import edit
from factcheck.errors import InputError
from factcheck.export import import_records
from factcheck.store import open_store


@pytest.fixture
def stored(store_spec):
    claims = store_article(store_spec, [
        claim("ماريا زاخاروفا", "قالت", "الزيارة ستتم في الخريف", role="المتحدثة باسم الخارجية"),
    ])
    return open_store(store_spec), claims[0]


def test_an_edit_records_each_fields_old_and_new_value(stored):
    store, original = stored
    with store.write() as db:
        record = edit.edit(db, original["id"][:5], {"speaker": "مصدر دبلوماسي",
                                                    "negated": True}, editor="amal",
                           now="2025-07-10T09:00:00+00:00")
    db = store.read()
    assert record["history"] == [{
        "at": "2025-07-10T09:00:00+00:00", "by": "amal", "action": "edit",
        "changes": {"speaker": ["ماريا زاخاروفا", "مصدر دبلوماسي"], "negated": [False, True]}}]
    corrected = db.claims.get(original["id"])
    assert corrected["speaker"]["name"] == "مصدر دبلوماسي" and corrected["negated"] is True
    assert corrected["speaker"]["id"] != original["speaker"]["id"]
    assert corrected["speaker"]["role"] == "المتحدثة باسم الخارجية"


def test_undos_stack_and_each_names_the_change_it_takes_back(stored):
    store, original = stored
    with store.write() as db:
        edit.edit(db, original["id"], {"content": "الزيارة أُلغيت"}, editor="amal", now="t1")
        edit.edit(db, original["id"], {"cue": "أكدت"}, editor="amal", now="t2")
        edit.undo(db, original["id"], editor="sami", now="t3")
        record = edit.undo(db, original["id"], editor="sami", now="t4")
        with pytest.raises(InputError, match="every correction is undone already"):
            edit.undo(db, original["id"], editor="sami")
    assert [(e["action"], e.get("undoes")) for e in record["history"]] == [
        ("edit", None), ("edit", None), ("undo", "t2"), ("undo", "t1")]
    assert store.read().claims.get(original["id"]) == original


def test_a_deleted_claim_keeps_its_tombstone_and_history_and_is_not_imported_again(stored):
    store, original = stored
    with store.write() as db:
        edit.edit(db, original["id"], {"context": "موعد الزيارة"}, editor="amal", now="t1")
        corrected = db.claims.get(original["id"])
        edit.delete(db, original["id"], editor="amal", note="مكرر", now="t2")
    db = store.read()
    assert original["id"] not in db.claims and edit.is_deleted(db, original["id"])
    assert edit.tombstone_of(db, original["id"])["claim"] == corrected
    assert [e["at"] for e in edit.history(db, original["id"])] == ["t1"]
    with store.write() as db:
        import_records(db, [{"claim": corrected, "article": None, "speaker": None,
                             "review": None}])
    assert original["id"] not in store.read().claims


def test_an_unknown_field_is_refused(stored):
    store, original = stored
    with store.write() as db, pytest.raises(InputError, match="cannot edit 'lang'"):
        edit.edit(db, original["id"], {"lang": "en"}, editor="amal")
