"""Line wrapping shared by the canvas and the PDF: Japanese without spaces and with kinsoku, Latin at
spaces, over-long words split, and an ellipsis when lines run out. Plain pytest, no Qt."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.layout.text import (
    NO_LINE_END,
    NO_LINE_START,
    CharWidths,
    estimated_char_width,
    wrap_line,
    wrap_text,
)

UNIT = CharWidths(lambda char: 1.0)  # every character one em: widths count characters
ESTIMATE = CharWidths()


def test_estimated_widths_make_wide_characters_one_em():
    assert estimated_char_width("あ") == 1.0 == estimated_char_width("漢")
    assert estimated_char_width("a") < estimated_char_width("M") < 1.0
    assert ESTIMATE.text("ab", 10) == 2 * estimated_char_width("a") * 10


def test_japanese_wraps_without_spaces():
    text = "オンボーディングのプロセスが完了している状態"
    lines = wrap_text(text, 50, UNIT, 10)  # five characters per line
    assert "".join(lines) == text
    assert len(lines) > 1 and all(len(line) <= 5 for line in lines)


def test_kinsoku_keeps_punctuation_off_the_line_start():
    lines = wrap_text("あいうえお、かきくけこ。さしすせそ", 50, UNIT, 10)
    assert lines == ["あいうえ", "お、かきく", "けこ。さし", "すせそ"]


def test_a_run_with_no_legal_break_is_split_anyway():
    lines = wrap_text("あーーー", 30, UNIT, 10)
    assert lines == ["あーー", "ー"]  # better a bent rule than text running off the card


def test_opening_brackets_do_not_end_a_line():
    lines = wrap_text("あいうえ「かきく」", 50, UNIT, 10)
    assert not any(line[-1] in NO_LINE_END for line in lines)
    assert "".join(lines) == "あいうえ「かきく」"


# Words of characters that may start a line (no ー or small kana), each followed by at most one
# closing mark: there is always a legal break, so kinsoku never has to give way.
japanese_words = st.lists(
    st.tuples(st.text(st.sampled_from("あいうえお漢字顧客導入解約更新カスタサクセス"), min_size=1,
                      max_size=8),
              st.sampled_from(["", "、", "。", "）"])),
    min_size=1, max_size=12).map(lambda words: "".join(w + p for w, p in words))


@given(japanese_words, st.integers(3, 12))
def test_no_line_starts_with_closing_punctuation(text, per_line):
    lines = wrap_text(text, per_line * 10, UNIT, 10)
    assert "".join(lines) == text
    assert not any(line[0] in "、。）" for line in lines[1:])
    assert all(UNIT.text(line, 10) <= per_line * 10 for line in lines)


def test_latin_wraps_at_spaces():
    text = "Customers who fail here churn at renewal"
    lines = wrap_text(text, 12, UNIT, 1)
    assert lines == ["Customers", "who fail", "here churn", "at renewal"]
    assert " ".join(lines) == text


def test_latin_lines_fit_with_estimated_widths():
    text = "the onboarding process is completed and the customer understands the basics"
    lines = wrap_text(text, 100, ESTIMATE, 10)
    assert " ".join(lines) == text
    assert all(ESTIMATE.text(line, 10) <= 100 for line in lines)
    assert not any(line != line.strip() for line in lines)


def test_long_words_are_split_between_characters():
    word = "supercalifragilisticexpialidocious"
    lines = wrap_line(word, 10, UNIT, 1)
    assert "".join(lines) == word
    assert [len(line) for line in lines] == [10, 10, 10, 4]


def test_mixed_japanese_and_latin_breaks_at_the_script_boundary():
    lines = wrap_text("NPSが高い", 3.5, UNIT, 1)
    assert lines == ["NPS", "が高い"]


def test_explicit_newlines_are_kept():
    assert wrap_text("一行目\n二行目\r\nthird", 100, UNIT, 1) == ["一行目", "二行目", "third"]
    assert wrap_text("", 100, UNIT, 1) == [""]


def test_max_lines_ends_the_last_line_with_an_ellipsis():
    text = "ヘルプページで仕様を説明する" * 4
    lines = wrap_text(text, 60, UNIT, 10, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(UNIT.text(line, 10) <= 60 for line in lines)
    assert lines[0] == text[:6]


def test_max_lines_leaves_short_text_alone():
    assert wrap_text("短い", 100, UNIT, 10, max_lines=2) == ["短い"]


def test_char_widths_measure_each_character_once():
    calls = []
    widths = CharWidths(lambda char: calls.append(char) or 0.5)
    assert widths.text("aaab", 2) == 4.0
    assert calls == ["a", "b"]


def test_kinsoku_sets_cover_japanese_punctuation():
    assert {"、", "。", "ー", "っ", "」"} <= NO_LINE_START
    assert {"「", "（"} <= NO_LINE_END
