"""`claims extract`: claims of one article, printed, never stored."""

import json

from tests_support import SEED


def test_extract_json_follows_the_contract(run, db_file):
    result = run("extract", str(SEED), "--json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)
    assert len(claims) == 10
    text = SEED.read_text(encoding="utf-8")
    for c in claims:
        assert set(c) >= {"speaker", "cue", "content", "direct", "negated", "modality",
                          "context", "lang"}
        assert set(c["speaker"]) >= {"name", "role", "span"}
        assert text[slice(*c["content"]["span"])] == c["content"]["text"]
    assert not db_file.exists()


def test_extract_reads_stdin(run):
    result = run("extract", "-", "--json", input="وقال الوزير إن الجسر سيفتح غدا.".encode())
    assert result.exit_code == 0
    (claim,) = json.loads(result.stdout)
    assert claim["speaker"]["name"] == "الوزير"
    assert claim["content"]["text"] == "الجسر سيفتح غدا"


def test_extract_table_on_a_terminal(run):
    result = run("extract", str(SEED))
    assert result.exit_code == 0
    assert "10 claims in" in result.stdout
    assert "دميتري بيسكوف" in result.stdout


def test_empty_file_is_a_one_line_error(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(empty))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: {empty} is empty\n"


def test_binary_file_is_a_one_line_error(run, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run("extract", str(binary))
    assert result.exit_code == 2
    assert result.stderr == f"claims: error: {binary} looks binary, not text\n"


def test_windows_1256_file(run, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("وأكدت الوزارة أن الامتحانات ستجرى في موعدها.".encode("cp1256"))
    result = run("extract", str(path), "--json")
    assert result.exit_code == 0
    (claim,) = json.loads(result.stdout)
    assert claim["speaker"]["name"] == "الوزارة"
