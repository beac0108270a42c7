"""enablement-map-studio YAML written from the format's description: a cjm document (persona,
phases, actions with touchpoints, thoughts and scores), a service blueprint, and documents of
other kinds; broken files named by line."""
from __future__ import annotations

from pathlib import Path

import pytest

from importers import ImportFileError, guess_format, import_file

DATA = Path(__file__).parent / "data" / "onboarding.yaml"


def test_cjm_and_blueprint(tmp_path):
    assert guess_format(DATA) == "yaml"
    result = import_file(DATA)
    journey = result.journey
    assert journey.description.startswith("従業員300名の製造業")
    assert [s.name for s in journey.segments()] == ["情シス担当の佐藤さん"]
    persona = journey.segments()[0].id
    assert [(s.id, s.name) for s in journey.stages()] == [
        ("ph-contract", "契約"), ("ph-setup", "初期設定"), ("ph-rollout", "社内展開")]
    assert [dict(s.emotions) for s in journey.stages()] == [
        {persona: 1.5}, {persona: -2}, {persona: 0}]
    assert [(lane.name, lane.kind) for lane in journey.lanes()] == [
        ("アクション", "actions"), ("タッチポイント", "touchpoints"), ("思考・感情", "experiences"),
        ("感情曲線", "emotion"), ("カスタマーサクセス", "backstage"), ("サポート窓口", "services"),
        ("配信システム", "backstage")]
    assert journey.card("ac-install").title == "エージェントをインストールする"
    by_title = {c.title: journey.card_place(c.id) for c in journey.cards()}
    assert by_title["営業から引継ぎを受ける"].stage == "ph-contract"  # by source_id
    assert by_title["OS別の手順を案内する"].stage == "ph-setup"  # connected to an action's task
    assert by_title["ウェルカムメールを送る"].stage == "ph-setup"  # two connections away
    assert "社内勉強会を企画する" not in by_title
    assert result.skipped == ["document 2, tasks[6]: task \"社内勉強会を企画する\" is linked to no "
                              "customer action"]
    assert journey.card_count() == 16
    assert sum("(kind: outcome) skipped" in w or "(kind: em) skipped" in w
               for w in result.warnings) == 2
    assert "2 customer-lane tasks mirror the actions" in result.summary


@pytest.mark.parametrize("text, message, where", [
    ("kind: cjm\nphases: [\n", "not valid YAML", "line 3, column 1"),
    ("kind: outcome\nid: x\n", "no \"kind: cjm\" document", ""),
    ("kind: cjm\nphases:\n  - {id: p1, name: A}\nactions:\n  - {id: a, name: B, phase: p9}\n",
     "the action's phase 'p9' is not one of the phases", "document 1, actions[1]"),
    ("kind: cjm\nphases: {id: p1}\nactions: []\n", "phases must be a list", "document 1"),
    ("kind: cjm\nphases:\n  - {id: p1, name: A}\nactions:\n"
     "  - {id: a, name: B, phase: p1, emotion_score: high}\n", "emotion_score must be a number",
     "document 1, actions[1]"),
])
def test_broken_files_are_named_with_the_place(tmp_path, text, message, where):
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        import_file(path)
    assert message in str(error.value) and str(path) in str(error.value)
    assert error.value.where == where


def test_aliases_cannot_blow_up_the_map(tmp_path):
    """A YAML alias repeats an action by reference: 200 references to an action with 1,000
    touchpoints would be 200,000 cards from a 10 kB file. The builder counts what it builds and
    stops at the map's element limit."""
    touchpoints = ", ".join(["t"] * 1000)
    text = ("kind: cjm\nphases:\n  - {id: p, name: P}\n"
            f"template: &a {{id: a, name: A, phase: p, touchpoints: [{touchpoints}]}}\n"
            f"actions: [{', '.join(['*a'] * 200)}]\n")
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 10_000
    with pytest.raises(ImportFileError, match="more than 100,000 stages, lanes and cards"):
        import_file(path)
