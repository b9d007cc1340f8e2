"""Decoding article bytes: the encodings Arabic news arrives in, and what is not text."""

import codecs

import pytest

from factcheck.errors import InputError
from factcheck.ingest import article_paths, decode, read_article

ARABIC = "وقال الوزير إن الميناء سيعمل بكامل طاقته الأسبوع المقبل."


@pytest.mark.parametrize(
    "raw",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM
        ARABIC.encode("utf-16-le"),  # without BOM
        ARABIC.encode("cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "windows-1256"],
)
def test_decodes_every_encoding_arabic_arrives_in(raw):
    assert decode(raw) == ARABIC


def test_declared_charset_is_tried_first():
    assert decode("é".encode("latin-1") * 3, charset="latin-1") == "ééé"


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"", "is empty"), (b"  \n\t ", "is empty"), (bytes(range(256)) * 4, "looks binary")],
)
def test_empty_and_binary_input_are_refused(raw, message):
    with pytest.raises(InputError, match=message):
        decode(raw, name="x.txt")


def test_html_file_gives_its_main_text(tmp_path):
    page = tmp_path / "a.html"
    body = " ".join([ARABIC] * 5)
    page.write_text(
        "<html><head><title>الميناء</title></head><body><nav>الرئيسية | أخبار</nav>"
        f"<article><h1>الميناء</h1><p>{body}</p></article><footer>جميع الحقوق محفوظة</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert ARABIC in article.text
    assert "الرئيسية" not in article.text
    assert article.path == str(page)


def test_missing_file_and_folder_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder"):
        read_article(str(tmp_path))


def test_folders_expand_to_their_article_files(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "c.jpg").write_bytes(b"x")
    assert article_paths([str(tmp_path)]) == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]


def test_english_utf16_without_bom():
    assert decode("The minister said talks went well.".encode("utf-16-be")) == (
        "The minister said talks went well."
    )


LINE_UTF8 = "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في عمان.\n"
LINE_1256 = "وأضاف المتحدث باسم الوزارة أن الوفد سيصل يوم الأحد.\n"


def test_a_file_of_utf8_and_windows_1256_lines_is_read_line_by_line_not_all_as_1256():
    raw = LINE_UTF8.encode("utf-8") + LINE_1256.encode("cp1256") + LINE_UTF8.encode("utf-8")
    assert decode(raw) == LINE_UTF8 + LINE_1256 + LINE_UTF8
    # also when the container declares Windows-1256 for what is partly UTF-8
    assert decode(raw, charset="windows-1256") == LINE_UTF8 + LINE_1256 + LINE_UTF8


def test_a_mixed_file_gives_the_claims_of_each_line():
    from factcheck.extract import extract

    raw = LINE_UTF8.encode("utf-8") + LINE_1256.encode("cp1256")
    contents = [c.content for c in extract(decode(raw))]
    assert contents == ["المفاوضات ستستأنف الأسبوع المقبل في عمان", "الوفد سيصل يوم الأحد"]


@pytest.mark.parametrize("colour", ["\x1b[1;31m", "\x1b[0m", "\x1b]0;سطر\x07", "\x1b(B", "\x9b2J"])
def test_terminal_escapes_in_an_article_are_left_out_not_refused(colour):
    raw = (colour + ARABIC + "\x1b[0m\n" + colour + ARABIC).encode("utf-8")
    assert decode(raw) == ARABIC + "\n" + ARABIC
    assert decode((colour + ARABIC).encode("utf-16")) == ARABIC


def test_a_coloured_english_log_line_is_text():
    raw = b"\x1b[33mUPDATE\x1b[0m The minister said the bridge would reopen on Monday.\n" * 40
    assert decode(raw).startswith("UPDATE The minister said")
