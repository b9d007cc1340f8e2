"""`claims compare`: two statements, or every row of a CSV, as a table or JSON lines."""

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
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["relation"] for r in rows] == ["unrelated", "contradicts"]
    assert rows[1]["s2"] == "The vote will take place in August"
    assert rows[1]["reasons"] == ["different date: July / August"]


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
