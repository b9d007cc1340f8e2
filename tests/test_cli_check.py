"""`claims check`, the check inside `claims add`, and `claims contradictions`."""

import json

ARABIC_VISIT = (
    "موسكو تستعد لاستقبال ضيف من بيونغ يانغ\n"
    "قال مصدر دبلوماسي روسي لوكالة أنباء محلية، يوم الخميس، إن التحضيرات جارية لزيارة يقوم "
    "بها الزعيم الكوري الشمالي كيم جونغ أون إلى موسكو في الخريف المقبل.\n"
)
ARABIC_WHEAT = (
    "أسعار القمح في الأسواق المحلية\n"
    "قال وزير الزراعة المصري إن محصول القمح هذا العام تجاوز التوقعات بفضل الأمطار الغزيرة.\n"
)
ENGLISH_DENIAL = (
    "Asked whether Kim Jong Un would visit Russia or Vladimir Putin would visit North Korea, "
    'Kremlin spokesman Dmitry Peskov said: "At present, and in the near future, there are no '
    'such plans."\n'
)
ENGLISH_VISIT = (
    "Officials in Moscow said on Thursday that preparations are under way for a visit by "
    "North Korean leader Kim Jong Un to Russia in the autumn.\n"
)
ENGLISH_WHEAT = "The agriculture minister said the wheat harvest beat expectations this year.\n"


def _add_seed(run, seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return run("add", str(path), "--json")


def test_add_of_the_seed_records_and_prints_the_two_contradictions(run, seed_text, tmp_path):
    result = _add_seed(run, seed_text, tmp_path)
    assert result.exit_code == 0
    added = json.loads(result.stdout)[0]
    speakers = sorted(sorted(c["speaker"] or "-" for c in rec["claims"])
                      for rec in added["contradictions"])
    assert speakers == [["-", "دميتري بيسكوف"], ["دميتري بيسكوف", "ليم يول-تشول"]]


def test_add_prints_the_new_contradictions_and_still_exits_0(run, seed_text, tmp_path,
                                                            monkeypatch):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("add", "seed.txt")
    assert result.exit_code == 0
    assert "seed.txt: 2 new contradictions" in result.stdout


def test_contradictions_lists_them_with_reasons_and_filters(run, seed_text, tmp_path):
    _add_seed(run, seed_text, tmp_path)
    listed = json.loads(run("contradictions", "--json").stdout)
    assert len(listed) == 2
    assert all(r["status"] == "open" and r["reasons"] for r in listed)
    assert len(json.loads(run("contradictions", "--speaker", "ليم يول-تشول", "--json").stdout)) == 1
    assert json.loads(run("contradictions", "--status", "dismissed", "--json").stdout) == []
    table = run("contradictions")
    assert table.exit_code == 0
    assert "2 contradictions" in table.stdout


def test_adding_the_seed_again_adds_no_contradiction(run, seed_text, tmp_path):
    _add_seed(run, seed_text, tmp_path)
    again = json.loads(_add_seed(run, seed_text, tmp_path).stdout)[0]
    assert again["new"] is False and again["contradictions"] == []
    assert len(json.loads(run("contradictions", "--json").stdout)) == 2


def test_check_arabic_visit_report_flags_peskov_and_exits_1(run, seed_text, tmp_path):
    _add_seed(run, seed_text, tmp_path)
    result = run("check", "-", "--json", input=ARABIC_VISIT.encode())
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert [(f["relation"], f["other"]["speaker"]) for f in found] == [
        ("contradicts", "دميتري بيسكوف")]
    assert "التحضيرات" in found[0]["reasons"][0]
    assert len(json.loads(run("contradictions", "--json").stdout)) == 2  # check stores nothing


def test_check_article_about_something_else_exits_0(run, seed_text, tmp_path):
    _add_seed(run, seed_text, tmp_path)
    result = run("check", "-", "--json", input=ARABIC_WHEAT.encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_check_english_visit_report_against_english_denial(run, tmp_path):
    denial = tmp_path / "denial.txt"
    denial.write_text(ENGLISH_DENIAL, encoding="utf-8")
    assert run("add", str(denial)).exit_code == 0
    flagged = run("check", "-", input=ENGLISH_VISIT.encode())
    assert flagged.exit_code == 1
    assert "Dmitry Peskov" in flagged.stdout
    assert "contradicts" in flagged.stdout
    quiet = run("check", "-", input=ENGLISH_WHEAT.encode())
    assert quiet.exit_code == 0
    assert "nothing contradicts" in quiet.stderr


def test_check_of_a_missing_file_is_trouble(run, tmp_path):
    result = run("check", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("claims: error:")


def test_contradictions_by_speaker_in_another_script(run, db_file):
    from tests_support import SEED

    assert run("add", str(SEED)).exit_code == 0
    by_latin = json.loads(run("contradictions", "--speaker", "Peskov", "--json").stdout)
    by_arabic = json.loads(run("contradictions", "--speaker", "بيسكوف", "--json").stdout)
    assert len(by_latin) == 2 and by_latin == by_arabic
    assert json.loads(run("contradictions", "--speaker", "Zakharova", "--json").stdout) == []


# A story told by two outlets in Arabic, then denied in English (sentences written for the test).
ARABIC_REPORT = (
    "وزير المالية في المستشفى\n"
    "قالت صحيفة الأفق المحلية، يوم الأحد، إن وزير المالية سمير حداد نقل إلى المستشفى بعد "
    "تعرضه لأزمة قلبية خلال اجتماع الحكومة.\n"
)
ARABIC_WIRE_COPY = (
    "نقل وزير المالية إلى المستشفى\n"
    "ذكرت وكالة أنباء الشرق، نقلا عن صحيفة الأفق، أن وزير المالية سمير حداد نقل إلى "
    "المستشفى بعد تعرضه لأزمة قلبية خلال اجتماع الحكومة.\n"
)
ENGLISH_DENIAL_OF_REPORT = (
    "Finance ministry denies minister was hospitalised\n"
    "The finance ministry on Monday denied a report by the newspaper Al-Ofuq that finance "
    "minister Samir Haddad had been taken to hospital after a heart attack.\n"
    '"This is entirely false," a ministry spokeswoman said.\n'
)


def _add_text(run, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run("add", str(path), "--json")


def test_an_english_denial_contradicts_the_arabic_report_once(run, tmp_path):
    _add_text(run, tmp_path, "a.txt", ARABIC_REPORT)
    _add_text(run, tmp_path, "b.txt", ARABIC_WIRE_COPY)
    result = run("check", "-", "--json", input=ENGLISH_DENIAL_OF_REPORT.encode())
    assert result.exit_code == 1
    found = [f for f in json.loads(result.stdout) if f["relation"] == "contradicts"]
    assert found
    # the two Arabic copies are one statement: each new claim meets it once, as first stored
    # (the denial also meets the paper's report it names, a claim of the same input: no path)
    assert {f["other"]["path"] for f in found} - {None} == {str(tmp_path / "a.txt")}
    reasons = " ".join(found[0]["reasons"])
    assert "hospital / المستشفى" in reasons and "Haddad / حداد" in reasons
    assert "A negates or denies (denied) what B asserts" in {r for f in found for r in f["reasons"]}


def test_a_wire_copy_is_an_appearance_of_the_first_report(run, tmp_path, db_file):
    _add_text(run, tmp_path, "a.txt", ARABIC_REPORT)
    _add_text(run, tmp_path, "b.txt", ARABIC_WIRE_COPY)
    claims = json.loads(db_file.read_text(encoding="utf-8"))["claims"].values()
    first = next(c for c in claims if c["path"].endswith("a.txt") and "حداد" in
                 c["content"]["text"])
    copy = next(c for c in claims if c["path"].endswith("b.txt") and "حداد" in
                c["content"]["text"])
    assert copy["same_as"] == first["id"]
    # the agency's copy and the newspaper it names are both appearances, each with its source
    assert copy["id"] in {a["claim"] for a in first["appearances"]}
    assert {a["path"] for a in first["appearances"]} == {str(tmp_path / "b.txt")}
    assert {a["speaker"] for a in first["appearances"]} == {"وكالة أنباء الشرق", "صحيفة الأفق"}


def test_the_denial_added_after_both_copies_is_one_contradiction(run, tmp_path):
    _add_text(run, tmp_path, "a.txt", ARABIC_REPORT)
    _add_text(run, tmp_path, "b.txt", ARABIC_WIRE_COPY)
    added = json.loads(_add_text(run, tmp_path, "c.txt", ENGLISH_DENIAL_OF_REPORT).stdout)
    pairs = {frozenset((c["a"], c["b"])) for c in added[0]["contradictions"]}
    assert len(pairs) == len(added[0]["contradictions"]) >= 1
    paths = {brief["path"] for c in added[0]["contradictions"] for brief in c["claims"]}
    assert str(tmp_path / "b.txt") not in paths


def test_check_of_a_repeat_only_exits_0(run, tmp_path):
    _add_text(run, tmp_path, "a.txt", ARABIC_REPORT)
    result = run("check", "-", "--json", input=ARABIC_WIRE_COPY.encode())
    assert result.exit_code == 0
    assert [f["relation"] for f in json.loads(result.stdout)] == ["agrees"]


def test_check_and_contradictions_tables_show_the_claim_ids(run, seed_text, tmp_path):
    _add_seed(run, seed_text, tmp_path)
    found = json.loads(run("check", "-", "--json", input=ARABIC_VISIT.encode()).stdout)
    table = run("check", "-", input=ARABIC_VISIT.encode())
    assert table.exit_code == 1
    assert found[0]["other"]["id"][:8] in table.stdout
    listed = json.loads(run("contradictions", "--json").stdout)
    shown = run("contradictions").stdout
    for record in listed:
        assert record["a"][:8] in shown and record["b"][:8] in shown


ARABIC_KIM_VISIT = (
    "قال مصدر دبلوماسي روسي، يوم الخميس، إن الزعيم الكوري الشمالي كيم جونغ أون سيزور روسيا "
    "في الخريف المقبل.\n")


def _import_claim_reviews(run):
    from tests_support import ROOT

    return run("import", str(ROOT / "tests" / "data" / "claimreview.json"), "--json")


def test_check_reports_an_already_fact_checked_claim_with_its_verdict_and_url(run):
    imported = json.loads(_import_claim_reviews(run).stdout)
    assert imported == {"records": 2, "added": {"factchecks": 2}, "updated": {"factchecks": 0}}
    result = run("check", "-", "--json", input=ARABIC_KIM_VISIT.encode())
    assert result.exit_code == 1
    [found] = [f for f in json.loads(result.stdout) if f["factcheck"]]
    assert (found["relation"], found["factcheck"]["rating"], found["factcheck"]["url"]) == (
        "agrees", "False", "https://checks.example.org/2025/kim-visit")


def test_add_reports_the_new_claims_already_fact_checked(run, tmp_path):
    _import_claim_reviews(run)
    (tmp_path / "kim.txt").write_text(ARABIC_KIM_VISIT, encoding="utf-8")
    added = json.loads(run("add", str(tmp_path / "kim.txt"), "--json").stdout)
    assert [m["factcheck"]["url"] for m in added[0]["factchecked"]] == [
        "https://checks.example.org/2025/kim-visit"]
