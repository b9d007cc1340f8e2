"""`claims compare`: two statements, or every row of a CSV, as a table, JSON or JSON lines."""

import json


def test_compare_two_arabic_statements_as_json(run):
    result = run("compare", "نجحت المفاوضات بين الحكومة والنقابات",
                 "فشلت المفاوضات بين الحكومة والنقابات", "--json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert out["relation"] == "contradicts"
    assert out["reasons"] == ["opposite words: نجحت / فشلت"]


def test_compare_table_shows_relation_and_reason(run):
    result = run("compare", "The company closed its factory",
                 "The company did not close its factory")
    assert result.exit_code == 0
    assert "contradicts" in result.stdout
    assert "(not)" in result.stdout  # the table wraps the reason; its parts are there
    assert "what A asserts" in result.stdout


def test_compare_file_keeps_input_order(run, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "s1,s2\n"
        "البنك المركزي يرفع سعر الفائدة,فريق الكرة يفوز بالبطولة الإقليمية\n"
        "The vote will take place in July,The vote will take place in August\n",
        encoding="utf-8")
    result = run("compare", "--file", str(pairs), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)  # one document: an array, a row for each pair
    assert [r["relation"] for r in rows] == ["unrelated", "contradicts"]
    assert rows[1]["s2"] == "The vote will take place in August"
    assert rows[1]["reasons"] == ["different date: July / August"]
    streamed = run("compare", "--file", str(pairs), "--jsonl")
    assert streamed.exit_code == 0
    assert [json.loads(line) for line in streamed.stdout.splitlines()] == rows


def test_compare_json_is_one_document_and_jsonl_one_line(run):
    a, b = "ارتفعت أسعار الخبز في العاصمة", "انخفضت أسعار الخبز في العاصمة"
    whole = run("compare", a, b, "--json")
    assert whole.stdout.startswith("{\n") and json.loads(whole.stdout)["s1"] == a
    line = run("compare", a, b, "--jsonl")
    assert line.stdout.count("\n") == 1 and json.loads(line.stdout) == json.loads(whole.stdout)
    both = run("compare", a, b, "--json", "--jsonl")
    assert (both.exit_code, both.stderr) == (2, "claims: error: give --json or --jsonl, not both\n")


def test_compare_file_without_s1_s2_columns_is_an_error(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    result = run("compare", "--file", str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: {bad} needs a header with columns s1,s2\n"


def test_compare_needs_two_statements(run):
    result = run("compare", "واحدة فقط")
    assert result.exit_code == 2
    assert "give two statements" in result.stderr


def test_compare_statements_of_two_matters_is_unrelated(run):
    for a, b in [("The governor denied the ferry service would stop", "Wheat prices fell in May"),
                 ("نفى الوزير أنه نقل إلى المستشفى", "The central bank raised interest rates")]:
        out = json.loads(run("compare", a, b, "--json").stdout)
        assert (out["relation"], out["reasons"]) == ("unrelated", [])


def test_compare_an_english_report_with_an_arabic_denial(run):
    result = run("compare", "Sergei Lavrov visited the hospital in Moscow on Thursday",
                 "نفت الخارجية أن سيرغي لافروف زار المستشفى في موسكو", "--json")
    out = json.loads(result.stdout)
    assert out["relation"] == "contradicts"
    assert out["reasons"][0] == "B negates or denies (نفت) what A asserts"
    assert out["reasons"][-1] == ("about the same: Sergei / سيرغي, Lavrov / لافروف, "
                                  "visited / زار, hospital / المستشفى, Moscow / موسكو")


def test_compare_an_arabic_report_with_the_same_in_english_agrees(run):
    out = json.loads(run("compare", "زار سيرغي لافروف المستشفى في موسكو",
                         "Sergei Lavrov visited the hospital in Moscow", "--json").stdout)
    assert out["relation"] == "agrees"
