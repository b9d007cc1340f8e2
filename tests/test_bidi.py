"""Right-to-left text in visual order (factcheck.bidi) and in tables (factcheck.cli.render)."""

import pytest
from rich.cells import cell_len
from rich.console import Console
from tests_support import SEED

from factcheck import bidi
from factcheck.bidi import RtlMode, enabled, layout, visual
from factcheck.cli import render
from factcheck.extract import extract

PESKOV = "في الوقت الراهن، وفي المستقبل القريب، لا توجد مثل هذه الخطط"


@pytest.fixture
def rtl():
    """Visual order on for the test, and off again after it."""
    render.set_rtl(True)
    yield
    render.set_rtl(False)


def reversed_word(word: str) -> str:
    return word[::-1]


# When -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("env, isatty, expected", [
    ({"KITTY_WINDOW_ID": "1"}, False, False),            # a pipe keeps logical order
    ({"KITTY_WINDOW_ID": "1"}, True, True),              # kitty prints code points as they come
    ({"TERM_PROGRAM": "vscode"}, True, True),
    ({"WT_SESSION": "x"}, True, True),                   # Windows Terminal
    ({"VTE_VERSION": "5202"}, True, True),               # VTE before bidi
    ({"VTE_VERSION": "7600", "TERM": "xterm-256color"}, True, False),  # VTE that does bidi
    ({"KONSOLE_VERSION": "230804"}, True, False),
    ({"TERM_PROGRAM": "Apple_Terminal"}, True, False),
    ({"TERM": "xterm-256color"}, True, False),           # unknown: leave the text alone
    ({}, True, False),
])
def test_auto_reorders_only_on_a_terminal_known_to_lack_bidi(env, isatty, expected):
    assert enabled(RtlMode.AUTO, env=env, isatty=isatty) is expected


@pytest.mark.parametrize("env", [
    # tmux started from GNOME Terminal: the outer VTE does bidi, but never sees tmux's lines
    {"TMUX": "/tmp/tmux-1000/default,4242,0", "TERM": "tmux-256color", "VTE_VERSION": "7600"},
    {"TERM": "screen-256color", "KONSOLE_VERSION": "230804"},   # over ssh: only TERM says so
    {"STY": "4242.pts-0.desk", "TERM": "screen"},               # GNU screen
    {"TERM_PROGRAM": "tmux", "TERM": "xterm-256color"},
])
def test_auto_reorders_inside_a_multiplexer_whatever_terminal_is_outside(env):
    assert enabled(RtlMode.AUTO, env=env, isatty=True) is True
    assert enabled(RtlMode.AUTO, env=env, isatty=False) is False  # a pipe stays logical


def test_on_and_off_ignore_the_terminal():
    assert enabled(RtlMode.ON, env={"VTE_VERSION": "7600"}, isatty=False) is True
    assert enabled(RtlMode.OFF, env={"KITTY_WINDOW_ID": "1"}, isatty=True) is False


# Visual order ---------------------------------------------------------------------------------

def test_an_arabic_sentence_reads_right_to_left():
    words = PESKOV.split()
    assert visual(PESKOV).split() == [reversed_word(w) for w in reversed(words)]


def test_english_is_left_as_it_is():
    line = "Peskov said there were no such plans (for now)."
    assert visual(line) == line
    assert layout(line).order == list(range(len(line)))


def test_numbers_and_latin_inside_arabic_keep_their_own_order():
    line = "تفصل بينهما مسافة 6500 كيلومتر حسب Nordwind"
    assert visual(line).split() == ["Nordwind", reversed_word("حسب"), reversed_word("كيلومتر"),
                                    "6500", reversed_word("مسافة"), reversed_word("بينهما"),
                                    reversed_word("تفصل")]


def test_arabic_inside_an_english_line_is_reversed_in_place():
    line = "asked about: زيارة كيم"
    assert visual(line) == "asked about: " + reversed_word("كيم") + " " + reversed_word("زيارة")


def test_combining_marks_stay_after_their_letter_and_width_is_kept():
    line = "كَتَبَ الوزيرُ"
    shown = visual(line)
    assert shown.split() == ["رُيزولا", "بَتَكَ"]
    assert cell_len(shown) == cell_len(line) == 10


def test_brackets_are_mirrored_in_a_right_to_left_run():
    assert visual("قال (الوزير)") == "(ريزولا) لاق"  # the opening bracket is drawn on the right


def test_explicit_overrides_are_applied_and_removed():
    line = "abc \u202edef\u202c ghi"  # RLO ... PDF: an override that reverses "def"
    assert visual(line) == "abc fed ghi"
    assert bidi.has_rtl(line)


# In tables ------------------------------------------------------------------------------------

def peskov_claim() -> dict:
    claims = [c.to_dict() for c in extract(SEED.read_text(encoding="utf-8"))]
    claim = next(c for c in claims if c["content"]["text"] == PESKOV)
    return {**claim, "id": "cc47ab006553", "outlet": "Example News", "published": "2025-07-09"}


def rendered(renderable, width: int = 100) -> list[str]:
    con = Console(width=width, record=True, markup=False, highlight=False, color_system=None,
                  file=open("/dev/null", "w"))  # noqa: SIM115  (rich keeps writing to it)
    con.print(renderable)
    return con.export_text().splitlines()


def content_column(lines: list[str], column: int) -> list[str]:
    """The text of one table column, line by line (border characters split the columns)."""
    cells = [line.split("│") for line in lines if line.startswith("│")]
    return [c[column].strip() for c in cells if len(c) > column and c[column].strip()]


@pytest.mark.parametrize("mode", ["on", "off"])
def test_the_seed_peskov_claim_in_the_claims_table(mode):
    render.set_rtl(mode == "on")
    try:
        lines = rendered(render.claims_table([peskov_claim()], with_id=True, with_source=True),
                         width=100)
    finally:
        render.set_rtl(False)
    widths = {cell_len(line) for line in lines}
    assert len(widths) == 1  # every row as wide as the borders: alignment holds
    content = [line for line in content_column(lines, 4) if not line.startswith("asked")]
    words = PESKOV.split()
    if mode == "off":
        assert " ".join(content).split()[:len(words)] == words
    else:
        # Each line in visual order: its words right to left, each word's letters reversed;
        # reading each line right to left, top line first, gives the sentence back.
        read = [w for line in content for w in reversed(line.split())]
        assert [reversed_word(w) for w in read][:len(words)] == words
        assert content[0].split()[-1] == reversed_word("في")


def test_a_wrapped_arabic_cell_starts_on_its_top_line_and_is_right_aligned(rtl):
    lines = rendered(render.claims_table([peskov_claim()]), width=60)
    column = content_column(lines, 3)
    first_line_words = [reversed_word(w) for w in reversed(column[0].split())]
    assert first_line_words == PESKOV.split()[:len(first_line_words)]
    rows = [line.split("│")[3] for line in lines if line.startswith("│")]
    assert rows[0].endswith(column[0] + " ")  # right-aligned: one padding space after it
    assert len(column) > 1


def test_harakat_do_not_break_alignment(rtl):
    claim = {**peskov_claim(), "content": {"text": "قَالَ إِنَّ الزِّيَارَةَ لَمْ تُحَدَّدْ بَعْدُ",
                                          "span": [0, 0]}}
    lines = rendered(render.claims_table([claim, peskov_claim()], with_id=True), width=70)
    assert len({cell_len(line) for line in lines}) == 1
    assert "دُعْبَ" in "".join(lines)  # بَعْدُ reversed as clusters: marks after their letter


def test_styles_follow_their_characters_when_reordered():
    line = render.text("قال الوزير")
    line.stylize("bold", 4, 10)  # الوزير
    shown = render.visual_line(line)
    assert shown.plain == "ريزولا لاق"
    bold = [(s.start, s.end) for s in shown.spans if s.style == "bold"]
    assert bold == [(0, 6)]


def test_off_leaves_cells_in_logical_order():
    render.set_rtl(False)
    lines = rendered(render.claims_table([peskov_claim()]), width=200)
    assert PESKOV in content_column(lines, 3)


@pytest.mark.parametrize("isolate", ["\u2066", "\u2067", "\u2068"])
def test_an_isolate_is_laid_out_like_the_embedding_of_its_direction(isolate):
    # python-bidi's own algorithm fails an assertion on isolates ("RLI not allowed here").
    line = f"قال {isolate}Putin\u2069 إن"
    assert bidi.visual(line) == "نإ Putin لاق"
