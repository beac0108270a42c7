"""A crafted as-is / to-be pair for the comparison tests (model, command line, exports): known
differences, so the expected summary can be written out exactly. Qt-free."""
from __future__ import annotations

from model import Card, CardKind, JourneyMap, Lane, LaneKind, Segment, Stage
from model.scenarios import ScenarioSet

NAMES = {"en": ("Onboarding", "Adoption", "Renewal", "Advocacy", "Active use"),
         "ja": ("導入", "積極活用", "契約更新", "推奨", "定着")}


def crafted_pair(language: str = "en") -> ScenarioSet:
    """as-is: 3 pain points, 1 idea; to-be: two pain points gone, one re-created by hand (same
    cell, same title, new id), two ideas added, one idea retitled, Renewal's emotion −1 → +1,
    a stage added (Advocacy) and one renamed (Adoption → Active use)."""
    onb, adopt, renew, adv, active = NAMES[language]
    journey = JourneyMap("Journey", language)
    journey.add_segment(Segment("seg-smb", "SMB"))
    journey.add_stage(Stage("st-onb", onb, emotions={"": 0}))
    journey.add_stage(Stage("st-adopt", adopt, emotions={"": 1, "seg-smb": 0}))
    journey.add_stage(Stage("st-renew", renew, emotions={"": -1}))
    journey.add_lane(Lane("ln-pain", "Pain points", LaneKind.PAIN_POINTS))
    journey.add_lane(Lane("ln-idea", "Ideas", LaneKind.IDEAS))
    for card_id, stage, title in (("p1", "st-onb", "Manual hard to find"),
                                  ("p2", "st-adopt", "Explains twice"),
                                  ("p3", "st-renew", "Late renewal call")):
        journey.add_card(Card(card_id, CardKind.PAIN_POINT, title), stage, "ln-pain")
    journey.add_card(Card("i1", CardKind.IDEA, "Webinar"), "st-adopt", "ln-idea")
    scenarios = ScenarioSet.of_map(journey)
    to_be = scenarios.add_copy().journey
    to_be.remove_card("p1")
    to_be.remove_card("p2")
    to_be.remove_card("p3")
    to_be.add_card(Card("p3-again", CardKind.PAIN_POINT, "Late renewal call"), "st-renew",
                   "ln-pain")
    to_be.add_card(Card("i2", CardKind.IDEA, "Call 120 days ahead"), "st-renew", "ln-idea")
    to_be.add_card(Card("i3", CardKind.IDEA, "Thank-you mail"), "st-renew", "ln-idea")
    to_be.update_card("i1", title="Monthly webinar")
    to_be.update_stage("st-renew", emotions={"": 1})
    to_be.update_stage("st-adopt", name=active)
    to_be.add_stage(Stage("st-adv", adv, emotions={"": 2}))
    return scenarios
