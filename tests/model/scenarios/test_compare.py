"""Comparing two scenarios: the exact summary of a crafted pair (English and Japanese), stages
aligned by id then name, cards matched by id then by stage + lane + title, emotions per stage and
curve. Qt-free."""
from __future__ import annotations

from scenario_pairs import crafted_pair

from model import Card, CardKind, JourneyMap, Lane, Stage
from model.scenarios.compare import compare_maps, compare_scenarios
from model.scenarios.compare_text import comparison_data, detail_lines, signed, summary_text


def compared(language: str = "en"):
    scenarios = crafted_pair(language)
    return compare_scenarios(*scenarios.scenarios())


def test_the_summary_of_the_crafted_pair_in_english():
    assert summary_text(compared("en")) == (
        "As-is → To-be: −2 pain points, +2 ideas, emotion at Renewal −1 → +1, "
        "stage renamed: Adoption → Active use, stage added: Advocacy")


def test_the_summary_of_the_crafted_pair_in_japanese():
    assert summary_text(compared("ja")) == (
        "現状 → あるべき姿: 問題点 −2、アイディア +2、契約更新の感情 −1 → +1、"
        "ステージ名変更: 積極活用 → 定着、ステージ追加: 推奨")


def test_the_card_changes_of_the_crafted_pair():
    comparison = compared("en")
    assert [c.card.id for c in comparison.of_status("added")] == ["i2", "i3"]
    assert [c.card.id for c in comparison.of_status("removed")] == ["p1", "p2"]
    [changed] = comparison.of_status("changed")
    assert (changed.before.id, changed.fields, changed.matched_by) == ("i1", ("title",), "id")
    assert detail_lines(comparison)[1:] == [
        "Cards added (2):",
        "  + [Idea] Renewal / Ideas: Call 120 days ahead",
        "  + [Idea] Renewal / Ideas: Thank-you mail",
        "Cards removed (2):",
        "  − [Pain point] Onboarding / Pain points: Manual hard to find",
        "  − [Pain point] Active use / Pain points: Explains twice",
        "Cards changed (1):",
        "  ~ [Idea] Active use / Ideas: Webinar → Monthly webinar (title)",
    ]


def test_a_card_recreated_by_hand_in_the_same_cell_is_the_same_card():
    comparison = compared("en")
    assert all(c.card.id not in ("p3", "p3-again") for c in comparison.cards)


def test_emotions_per_stage_and_curve():
    comparison = compared("en")
    table = {(e.stage.name, e.curve): (e.before, e.after) for e in comparison.emotions}
    assert table[("Renewal", "")] == (-1, 1)
    assert table[("Advocacy", "")] == (None, 2)
    assert table[("Active use", "seg-smb")] == (0, 0)  # a renamed stage keeps its curves
    data = comparison_data(comparison)
    assert data["kinds"] == [{"kind": "pain_point", "before": 3, "after": 1, "change": -2},
                             {"kind": "idea", "before": 1, "after": 3, "change": 2}]


def test_stages_align_by_id_then_by_name_and_keep_one_sided_stages_in_place():
    before, after = JourneyMap(), JourneyMap()
    for stage in (Stage("a", "One"), Stage("b", "Two"), Stage("c", "Three")):
        before.add_stage(stage)
    for stage in (Stage("a", "One"), Stage("x", "three"), Stage("d", "Four")):
        after.add_stage(stage)
    pairs = compare_maps(before, after).stages
    assert [(p.before_id, p.after_id, p.matched_by) for p in pairs] == [
        ("a", "a", "id"), ("b", None, ""), ("c", "x", "name"), (None, "d", "")]


def test_a_card_moved_to_another_stage_is_changed():
    before = JourneyMap()
    for stage in (Stage("a", "One"), Stage("b", "Two")):
        before.add_stage(stage)
    before.add_lane(Lane("l", "Notes"))
    before.add_card(Card("c", CardKind.NOTE, "Note"), "a", "l")
    after = JourneyMap()
    for stage in (Stage("a", "One"), Stage("b", "Two")):
        after.add_stage(stage)
    after.add_lane(Lane("l", "Notes"))
    after.add_card(Card("c", CardKind.NOTE, "Note"), "b", "l")
    [change] = compare_maps(before, after).cards
    assert change.status == "changed" and change.fields == ("stage",)
    assert summary_text(compare_maps(after, after, "A", "A")) == "A → A: no differences"
    # Counts and emotions even, yet a card moved: the summary says so, never "no differences".
    assert summary_text(compare_maps(before, after, "A", "B")) == "A → B: 1 card changed"


def test_a_retitled_card_and_a_swap_of_one_kind_are_differences_too():
    def one(title: str, card_id: str = "c", language: str = "ja") -> JourneyMap:
        journey = JourneyMap(language=language)
        journey.add_stage(Stage("a", "導入"))
        journey.add_lane(Lane("l", "メモ"))
        journey.add_card(Card(card_id, CardKind.IDEA, title), "a", "l")
        return journey

    assert summary_text(compare_maps(one("前"), one("後"), "現状", "あるべき姿")) \
        == "現状 → あるべき姿: カード変更 1"
    swapped = compare_maps(one("x", "c1", "en"), one("y", "c2", "en"), "As-is", "To-be")
    assert summary_text(swapped) == "As-is → To-be: 1 card added, 1 removed"


def test_signed_numbers_use_a_real_minus_sign():
    assert [signed(v) for v in (1, -1, 0, 0.5, -1.5, None)] == ["+1", "−1", "0", "+0.5", "−1.5",
                                                               "–"]


def test_the_fixture_files_of_the_pair_are_the_crafted_pair():
    """The command-line and export tests read these files; they must stay the crafted pair."""
    from pathlib import Path

    from model.scenarios import dumps_document
    for language in ("en", "ja"):
        fixture = Path(__file__).parent / "fixtures" / f"crafted-pair.{language}.journey"
        assert fixture.read_text(encoding="utf-8") == dumps_document(crafted_pair(language))
