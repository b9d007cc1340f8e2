"""Verdicts with their history, and triage of flagged contradictions (factcheck.review)."""

import pytest

from factcheck.articles import add_article
from factcheck.contradict import Status, contradiction_id
from factcheck.errors import InputError, NotFound
from factcheck.ingest import Article
from factcheck.review import (
    BEST_RATING,
    SCALE,
    WORST_RATING,
    Triage,
    Verdict,
    history,
    resolve,
    review,
    undo,
)
from factcheck.store import Store

AR_TEXT = ("قال وزير المالية سامر الحداد، الثلاثاء، إن العجز سينخفض إلى ثلاثة في المئة هذا العام. "
           "ونفت الوزارة لاحقا أن تكون هناك خطة لرفع الضرائب.")
EN_TEXT = ("Finance minister Sarah Collins said on Tuesday that the deficit would fall to "
           "three percent this year.")


def claim_dict(text: str, speaker: str, cue: str, content: str, *, lang: str) -> dict:
    """A claim as the extractor returns it, with spans that point into `text`."""
    def span(part):
        start = text.index(part)
        return [start, start + len(part)]
    return {"speaker": {"name": speaker, "role": None, "kind": "person", "span": span(speaker),
                        "mention": {"text": speaker, "span": span(speaker)}},
            "cue": {"text": cue, "span": span(cue)},
            "content": {"text": content, "span": span(content)},
            "direct": False, "negated": False, "modality": "assertion", "context": None,
            "context_span": None, "listener": None, "sentence_span": [0, len(text)], "lang": lang}


@pytest.fixture
def store(tmp_path):
    """A database with one Arabic claim, one English claim, and a contradiction between them."""
    s = Store(tmp_path / "claims.json")
    with s.write() as db:
        ar = add_article(db, Article(text=AR_TEXT, url="https://news.example/ar/1"), claims=[
            claim_dict(AR_TEXT, "سامر الحداد", "قال", "العجز سينخفض إلى ثلاثة في المئة هذا العام",
                       lang="ar")]).claims[0]
        en = add_article(db, Article(text=EN_TEXT, url="https://news.example/en/1"), claims=[
            claim_dict(EN_TEXT, "Sarah Collins", "said",
                       "the deficit would fall to three percent this year", lang="en")]).claims[0]
        a, b = sorted((ar["id"], en["id"]))
        db.table("contradictions").insert({
            "id": contradiction_id(a, b), "a": a, "b": b, "relation": "contradicts",
            "score": 0.8, "reasons": ["a number set against another"], "status": "open",
            "created": "2025-07-01T08:00:00+00:00", "history": []})
    s.ar, s.en, s.cid = ar["id"], en["id"], contradiction_id(a, b)
    return s


def test_verdicts_are_the_desk_set_and_the_scale_runs_false_to_true():
    assert [v.value for v in Verdict] == ["true", "mostly-true", "half-true", "misleading",
                                          "mostly-false", "false", "unproven", "satire"]
    assert SCALE[Verdict.FALSE] == WORST_RATING and SCALE[Verdict.TRUE] == BEST_RATING
    ordered = [Verdict.FALSE, Verdict.MOSTLY_FALSE, Verdict.HALF_TRUE, Verdict.MOSTLY_TRUE,
               Verdict.TRUE]
    assert [SCALE[v] for v in ordered] == sorted(SCALE.values())
    assert Verdict.MISLEADING not in SCALE and Verdict.SATIRE not in SCALE
    assert Verdict.MOSTLY_FALSE.label == "Mostly false"


def test_review_stores_the_verdict_and_one_history_entry(store):
    with store.write() as db:
        rec = review(db, store.ar[:6], verdict="false", note="الأرقام الرسمية تقول 4.2%",
                     url="https://desk.example/checks/7", reviewer="amal",
                     rating_label="زائف", now="2025-07-02T09:00:00+00:00")
    assert rec["id"] == store.ar
    assert (rec["verdict"], rec["rating_label"], rec["reviewer"]) == ("false", "زائف", "amal")
    with store.write() as db:
        assert db.table("reviews").get(store.ar)["note"] == "الأرقام الرسمية تقول 4.2%"
        entries = history(db, store.ar)
    assert entries == [{"at": "2025-07-02T09:00:00+00:00", "by": "amal", "action": "review",
                        "changes": {"verdict": [None, "false"], "rating_label": [None, "زائف"],
                                    "note": [None, "الأرقام الرسمية تقول 4.2%"],
                                    "url": [None, "https://desk.example/checks/7"]}}]


def test_a_second_review_records_only_what_changed_and_keeps_the_rest(store):
    with store.write() as db:
        review(db, store.en, verdict="half-true", note="Only the planned figure.", reviewer="amal",
               rating_label="Half right", now="2025-07-02T09:00:00+00:00")
        rec = review(db, store.en, verdict="mostly-false", reviewer="salim",
                     now="2025-07-03T10:00:00+00:00")
        entries = history(db, store.en)
    assert rec["note"] == "Only the planned figure."
    assert rec["rating_label"] is None  # the label was the wording of the old verdict
    assert rec["first_reviewed"] == "2025-07-02T09:00:00+00:00"
    assert rec["reviewed"] == "2025-07-03T10:00:00+00:00"
    assert entries[1] == {"at": "2025-07-03T10:00:00+00:00", "by": "salim", "action": "review",
                          "changes": {"verdict": ["half-true", "mostly-false"],
                                      "rating_label": ["Half right", None]}}


def test_the_same_review_twice_adds_no_history_and_an_empty_note_clears(store):
    with store.write() as db:
        review(db, store.en, verdict="true", note="Checked.", reviewer="amal")
        review(db, store.en, verdict="true", reviewer="amal")
        assert len(history(db, store.en)) == 1
        rec = review(db, store.en, verdict="true", note="", reviewer="amal")
    assert rec["note"] is None
    assert rec["history"][-1]["changes"] == {"note": ["Checked.", None]}


def test_undo_puts_back_the_state_before_the_last_change_and_is_itself_history(store):
    with store.write() as db:
        review(db, store.ar, verdict="misleading", note="سياق ناقص", reviewer="amal",
               now="2025-07-02T09:00:00+00:00")
        review(db, store.ar, verdict="false", url="https://desk.example/c/1", reviewer="amal",
               now="2025-07-02T10:00:00+00:00")
        rec = undo(db, store.ar, reviewer="salim", now="2025-07-02T11:00:00+00:00")
        assert (rec["verdict"], rec["url"], rec["note"]) == ("misleading", None, "سياق ناقص")
        assert rec["history"][-1]["action"] == "undo"
        assert rec["history"][-1]["by"] == "salim"
        first_undone = undo(db, store.ar, reviewer="salim")  # the change before it, too
        assert (first_undone["verdict"], first_undone["note"]) == (None, None)
        assert len(history(db, store.ar)) == 4
        with pytest.raises(InputError, match="nothing left to undo"):
            undo(db, store.ar, reviewer="salim")


def test_undos_stack_past_a_review_made_after_them(store):
    with store.write() as db:
        for at, verdict in (("09", "misleading"), ("10", "false")):
            review(db, store.ar, verdict=verdict, reviewer="amal", now=f"2025-07-02T{at}:00:00Z")
        undo(db, store.ar, reviewer="amal", now="2025-07-02T11:00:00Z")  # false taken back
        review(db, store.ar, verdict="mostly-false", reviewer="amal",
               now="2025-07-02T12:00:00Z")
        assert undo(db, store.ar, reviewer="amal")["verdict"] == "misleading"
        assert undo(db, store.ar, reviewer="amal")["verdict"] is None  # not "false" again
        assert [e.get("undoes") for e in history(db, store.ar)] == [
            None, None, "2025-07-02T10:00:00Z", None, "2025-07-02T12:00:00Z",
            "2025-07-02T09:00:00Z"]


def test_an_undo_recorded_before_undos_named_their_change_took_back_the_latest(store):
    with store.write() as db:
        review(db, store.ar, verdict="misleading", reviewer="amal", now="2025-07-02T09:00:00Z")
        review(db, store.ar, verdict="false", reviewer="amal", now="2025-07-02T10:00:00Z")
        rec = undo(db, store.ar, reviewer="amal", now="2025-07-02T11:00:00Z")
        del rec["history"][-1]["undoes"]  # as an older version wrote it
        db.table("reviews").upsert(rec)
        assert undo(db, store.ar, reviewer="amal")["verdict"] is None


def test_undo_of_the_first_review_leaves_no_verdict_but_keeps_history(store):
    with store.write() as db:
        review(db, store.en, verdict="satire", reviewer="amal")
        rec = undo(db, store.en, reviewer="amal")
    assert rec["verdict"] is None
    assert [e["action"] for e in rec["history"]] == ["review", "undo"]


def test_undo_without_a_review_and_unknown_verdicts_or_claims_are_input_errors(store):
    with store.write() as db, pytest.raises(InputError, match="no review to undo"):
        undo(db, store.en, reviewer="amal")
    with store.write() as db, pytest.raises(InputError, match="unknown verdict 'fake'"):
        review(db, store.en, verdict="fake", reviewer="amal")
    with store.write() as db, pytest.raises(NotFound):
        review(db, "ffffffffffff", verdict="true", reviewer="amal")
    with store.write() as db:
        assert history(db, store.ar) == []


def test_dismiss_then_reopen_keeps_status_history_and_notes(store):
    with store.write() as db:
        rec = resolve(db, store.cid[:5], status=Triage.DISMISS, note="two different budgets",
                      reviewer="amal", now="2025-07-02T09:00:00+00:00")
        assert rec["status"] == Status.DISMISSED.value
        rec = resolve(db, store.cid, status="reopen", reviewer="salim",
                      now="2025-07-02T10:00:00+00:00")
    with store.write() as db:
        stored = db.table("contradictions").get(store.cid)
    assert stored["status"] == "open"
    assert stored["history"] == [
        {"at": "2025-07-02T09:00:00+00:00", "by": "amal", "action": "dismiss",
         "from": "open", "to": "dismissed", "note": "two different budgets"},
        {"at": "2025-07-02T10:00:00+00:00", "by": "salim", "action": "reopen",
         "from": "dismissed", "to": "open", "note": None}]
    assert (stored["a"], stored["b"], stored["reasons"]) == (rec["a"], rec["b"], rec["reasons"])


def test_confirm_after_confirm_or_reopen_of_an_open_pair_is_refused(store):
    with store.write() as db:
        resolve(db, store.cid, status="confirm", reviewer="amal")
        with pytest.raises(InputError, match="already confirmed"):
            resolve(db, store.cid, status="confirm", reviewer="amal")
        resolve(db, store.cid, status="reopen", reviewer="amal")
        with pytest.raises(InputError, match="already open"):
            resolve(db, store.cid, status="reopen", reviewer="amal")
        with pytest.raises(InputError, match="unknown triage"):
            resolve(db, store.cid, status="maybe", reviewer="amal")
        with pytest.raises(NotFound):
            resolve(db, "0000000", status="confirm", reviewer="amal")


def test_a_refused_change_leaves_the_file_as_it_was(store):
    before = store.path.read_bytes()
    with pytest.raises(InputError), store.write() as db:
        resolve(db, store.cid, status="reopen", reviewer="amal")
    assert store.path.read_bytes() == before


def test_a_dismissed_pair_met_again_is_not_flagged_and_keeps_its_status_and_history(store):
    from factcheck.contradict import Finding, record_contradictions
    from factcheck.relate import Relation

    with store.write() as db:
        resolve(db, store.cid, status="dismiss", note="two different budgets", reviewer="amal")
        again = Finding(db.claims.get(store.en), db.claims.get(store.ar), Relation.CONTRADICTS,
                        0.9, ["a number set against another"])
        assert record_contradictions(db, [again]) == []
        stored = db.table("contradictions").get(store.cid)
    assert stored["status"] == "dismissed"
    assert [h["action"] for h in stored["history"]] == ["dismiss"]
