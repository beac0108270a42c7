"""Mermaid ``journey`` diagrams: the example of Mermaid's documentation, the way people paste
them (code fences, comments, odd spacing, Japanese, missing scores), and what is reported."""
from __future__ import annotations

import pytest

from exporters.mermaid import mermaid_text
from importers import ImportFileError, guess_format, import_file

DOCS_EXAMPLE = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""

PASTED_JAPANESE = """# オンボーディング

説明の文章。

```mermaid
%%{init: {'theme': 'forest'}}%%
journey
  title   導入から定着まで
  accDescr: 初期設定でつまずく顧客の体験
  %% 契約直後
  section 契約
    キックオフに参加する:5:担当者
    契約書を読む : 3 : 担当者 , 情シス
  section 初期設定
    マニュアルを探す
    インストールする: 0: 情シス
    管理者に問い合わせる : 7 :情シス
  section 定着
    社内に展開する: : 担当者
```
"""


def write(tmp_path, text, name="journey.mmd"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_of_mermaids_documentation(tmp_path):
    path = write(tmp_path, DOCS_EXAMPLE)
    assert guess_format(path) == "mermaid"
    result = import_file(path)
    journey = result.journey
    assert journey.title == "My working day" and journey.language == "en"
    assert [s.name for s in journey.stages()] == ["Go to work", "Go home"]
    assert [(lane.name, lane.kind) for lane in journey.lanes()] == [
        ("User actions", "actions"), ("Emotion", "emotion")]
    assert [c.title for c in journey.cards()] == [
        "Make tea", "Go upstairs", "Do work", "Go downstairs", "Sit down"]
    assert [journey.segment(s).name for s in journey.cards()[2].segments] == ["Me", "Cat"]
    # (5 + 3 + 1) / 3 - 3 = 0; (5 + 5) / 2 - 3 = 2
    assert [dict(s.emotions) for s in journey.stages()] == [{"": 0}, {"": 2}]
    assert result.warnings == [] and result.skipped == []
    # and back: the same diagram, score for score
    text, warnings = mermaid_text(journey)
    assert text.split() == DOCS_EXAMPLE.split() and warnings == []


def test_pasted_markdown_with_japanese_comments_spacing_and_bad_scores(tmp_path):
    result = import_file(write(tmp_path, PASTED_JAPANESE, "notes.md"))
    journey = result.journey
    assert journey.title == "導入から定着まで" and journey.language == "ja"
    assert journey.description == "初期設定でつまずく顧客の体験"
    assert [s.name for s in journey.stages()] == ["契約", "初期設定", "定着"]
    cards = {c.title: c for c in journey.cards()}
    assert list(cards) == ["キックオフに参加する", "契約書を読む", "マニュアルを探す",
                           "インストールする", "管理者に問い合わせる", "社内に展開する"]
    assert [journey.segment(s).name for s in cards["契約書を読む"].segments] == ["担当者", "情シス"]
    assert "mermaid_score" not in cards["マニュアルを探す"].extra  # no score: no emotion point
    assert cards["インストールする"].extra["mermaid_score"] == 1  # 0 clamped to 1
    assert cards["管理者に問い合わせる"].extra["mermaid_score"] == 5  # 7 clamped to 5
    assert [dict(s.emotions) for s in journey.stages()] == [{"": 1}, {"": 0}, {}]
    warnings = " ".join(result.warnings)
    assert "line 16: score 0 is outside 1–5; used 1" in warnings
    assert "line 17: score 7 is outside 1–5; used 5" in warnings
    assert "tasks without a score (no emotion point): line 15, line 19" in warnings


def test_a_score_that_is_not_a_number_skips_its_line(tmp_path):
    result = import_file(write(tmp_path, "journey\nsection A\n  ok: 4: Me\n  bad: high: Me\n"))
    assert result.skipped == ["line 4: the score 'high' of task 'bad' is not a number"]
    assert [c.title for c in result.journey.cards()] == ["ok"]


def test_tasks_before_any_section(tmp_path):
    result = import_file(write(tmp_path, "journey\n  Wake up: 2: Me\nsection Day\n  Work: 4\n"))
    assert [s.name for s in result.journey.stages()] == ["", "Day"]
    assert any("before the first section" in w for w in result.warnings)


@pytest.mark.parametrize("text", ["flowchart LR\n  A --> B\n", "", "title only\n"])
def test_not_a_journey_diagram(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(ImportFileError, match="not a Mermaid journey diagram") as error:
        import_file(path, "mermaid")
    assert str(path) in str(error.value)
