"""Adding an article: each claim stored once, under an ID of its own."""

from factcheck.articles import add_article
from factcheck.ingest import Article
from factcheck.store import Store

RELAY = ("نقلت وكالة أنباء الساحل عن وزير النقل قوله إن الطريق الساحلي سيفتح أمام "
         "الشاحنات الأسبوع المقبل بعد انتهاء أعمال الصيانة.\n")


def test_a_relay_and_the_speaker_it_quotes_are_two_claims_with_two_ids(tmp_path):
    with Store(tmp_path / "claims.json").write() as db:
        added = add_article(db, Article(text=RELAY, path="relay.txt"))
        ids = [c["id"] for c in added.claims]
        speakers = [(c.get("speaker") or {}).get("name") for c in added.claims]
        assert len(ids) == len(set(ids)) == len(db.claims.records())
        assert len(ids) >= 2 and len(set(speakers)) == len(speakers)
