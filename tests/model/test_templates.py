"""The bundled templates: each id loads in Japanese and English with the same structure, the
Japanese one is written in Japanese, and the loader falls back and fails helpfully. No Qt."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from model import JourneyFileError, JourneyMap, ModelError
from model.analysis import structure_findings
from model.templates import (
    TemplateInfo,
    find_template,
    list_templates,
    load_template,
    normalise_language,
    template_ids,
)
from resources import TEMPLATES_DIR

TEMPLATE_IDS = ("blank", "saas-cs-lifecycle", "cs-design-worksheet", "saas-customer-journey",
                "cs-business-phases")
LANGUAGES = ("ja", "en")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")  # kana and kanji


def structure(journey: JourneyMap) -> dict:
    """Everything but the words: ids, kinds, places and references."""
    return {
        "stages": journey.stage_ids(), "lanes": [(x.id, x.kind) for x in journey.lanes()],
        "segments": [s.id for s in journey.segments()],
        "emotions": [dict(s.emotions) for s in journey.stages()],
        "cards": [(c.id, c.kind, c.segments, journey.card_place(c.id)) for c in journey.cards()],
        "transitions": [(t.id, t.source, t.target, t.kind) for t in journey.transitions()],
        "paths": [(p.id, p.stages) for p in journey.paths()],
        "links": [(k.id, k.source, k.target) for k in journey.links()],
    }


def test_the_expected_templates_exist_in_both_languages():
    listed = {(info.id, info.language) for info in list_templates()}
    assert {(t, lang) for t in TEMPLATE_IDS for lang in LANGUAGES} <= listed
    assert set(TEMPLATE_IDS) <= set(template_ids())
    assert template_ids()[0] == "blank"


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_loads_in_every_language(template_id, language):
    journey = load_template(template_id, language)
    info = find_template(template_id, language)
    assert info.path == TEMPLATES_DIR / f"{template_id}.{language}.journey"
    assert journey.language == language
    assert journey.title == info.title != ""
    assert journey.stage_ids() and journey.lane_ids()
    assert structure_findings(journey) == []  # a template is a well-formed journey


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_both_languages_have_the_same_ids_and_structure(template_id):
    assert structure(load_template(template_id, "ja")) == structure(load_template(template_id, "en"))


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_the_japanese_template_is_written_in_japanese(template_id):
    journey = load_template(template_id, "ja")
    names = [journey.title] + [s.name for s in journey.stages()] + [x.name for x in journey.lanes()]
    assert all(JAPANESE.search(name) for name in names), names
    english = find_template(template_id, "en").path.read_text(encoding="utf-8")
    assert not JAPANESE.search(english)


def test_list_templates_reads_title_and_description():
    info = next(i for i in list_templates() if (i.id, i.language) == ("saas-cs-lifecycle", "en"))
    assert isinstance(info, TemplateInfo) and info.description
    data = json.loads(info.path.read_text(encoding="utf-8"))
    assert (info.title, info.description) == (data["map"]["title"], data["map"]["description"])


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "en"), ("ja_JP.UTF-8", "ja"), ("ja-JP", "ja"), ("EN-gb", "en"), ("", "en")])
def test_missing_languages_fall_back_to_english(language, expected):
    assert load_template("saas-cs-lifecycle", language).language == expected


def test_normalise_language_keeps_the_primary_subtag():
    assert [normalise_language(x) for x in ("ja_JP.UTF-8", "en-GB", " JA ", "C")] == [
        "ja", "en", "ja", "c"]


def test_unknown_template_names_the_known_ones():
    with pytest.raises(ModelError) as caught:
        load_template("no-such-template")
    message = str(caught.value)
    assert "no-such-template" in message
    assert all(template_id in message for template_id in TEMPLATE_IDS)


def test_each_load_returns_a_fresh_map():
    first = load_template("blank")
    first.set_fields(title="changed")
    first.remove_stage(first.stage_ids()[0])
    assert load_template("blank") != first


def test_a_template_only_in_japanese_is_still_found(tmp_path):
    shutil.copy(TEMPLATES_DIR / "blank.ja.journey", tmp_path / "solo.ja.journey")
    (tmp_path / "README.journey").write_text("{}", encoding="utf-8")  # not <id>.<lang>.journey
    assert template_ids(tmp_path) == ["solo"]
    assert load_template("solo", "en", tmp_path).language == "ja"


def test_a_broken_template_is_reported_with_its_file(tmp_path):
    (tmp_path / "broken.en.journey").write_text("{not json", encoding="utf-8")
    with pytest.raises(JourneyFileError) as caught:
        list_templates(tmp_path)
    assert "broken.en.journey" in str(caught.value)


def test_an_empty_folder_has_no_templates(tmp_path):
    assert list_templates(tmp_path) == [] and template_ids(tmp_path) == []
    with pytest.raises(ModelError, match="none"):
        load_template("blank", directory=tmp_path)
