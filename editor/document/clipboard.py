"""Cards on the clipboard as JSON (the file format's card objects), so paste works between maps.

Imports: PySide6.QtCore, model.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from editor.document.mime import CARDS_MIME
from model import Card, CardPlace, JourneyMap, ModelError
from model.journey.plain_data import card_from_data, card_to_data


def cards_to_mime(journey: JourneyMap, card_ids: list[str]) -> QMimeData:
    payload = [card_to_data(journey.card(c), journey.card_place(c)) for c in card_ids]
    mime = QMimeData()
    mime.setData(CARDS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n".join(journey.card(c).title for c in card_ids))
    return mime


def put_cards_on_clipboard(journey: JourneyMap, card_ids: list[str]) -> None:
    QGuiApplication.clipboard().setMimeData(cards_to_mime(journey, card_ids))
    app = QCoreApplication.instance()
    if app is not None and not app.property("journey_clipboard_hooked"):
        app.setProperty("journey_clipboard_hooked", True)
        app.aboutToQuit.connect(release_clipboard)


def release_clipboard() -> None:
    """Swap our cards on the clipboard for their plain text before Qt shuts down.

    With PySide6, a QMimeData made in Python and still owned by the clipboard when the
    QApplication is destroyed crashes the process on exit; text set by Qt itself does not.
    The plain text (the card titles) stays available to other programs.
    """
    app = QCoreApplication.instance()
    if app is None:
        return
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(CARDS_MIME):
        clipboard.setText(mime.text())


def cards_from_mime(mime: QMimeData) -> list[tuple[Card, str, str]]:
    """Cards with the stage and lane ids they came from; [] when the data is not ours or broken."""
    if not mime.hasFormat(CARDS_MIME):
        return []
    try:
        payload = json.loads(bytes(mime.data(CARDS_MIME)).decode("utf-8"))
        return [(card_from_data(item), str(item.get("stage", "")), str(item.get("lane", "")))
                for item in payload if isinstance(item, dict)]
    except (ValueError, KeyError, TypeError, ModelError):
        return []


def paste_places(journey: JourneyMap, cards: list[tuple[Card, str, str]],
                 target: CardPlace | None) -> list[tuple[Card, CardPlace]]:
    """Where pasted cards go: from ``target`` on (the cell and index the user chose); else their
    own cell if this map has it; else the first cell. Each keeps its order."""
    result = []
    stages, lanes = journey.stage_ids(), journey.lane_ids()
    for offset, (card, stage_id, lane_id) in enumerate(cards):
        if target is not None:
            place = CardPlace(target.stage, target.lane, target.index + offset)
        else:
            if stage_id not in stages or lane_id not in lanes:
                stage_id, lane_id = stages[0], lanes[0]
            size = len(journey.cell_card_ids(stage_id, lane_id)) + sum(
                1 for _, p in result if (p.stage, p.lane) == (stage_id, lane_id))
            place = CardPlace(stage_id, lane_id, size)
        result.append((card, place))
    return result
