"""The Help menu's two sheets (issue 10, item 22).

Help → Keyboard Shortcuts lists every shortcut: those of the menus are read from the window's own
actions when the sheet opens, so the sheet cannot fall out of step with them; the canvas's keys
and gestures, which are not menu actions, follow from a table here. Help → User Guide shows
docs/user-guide.md (English and Japanese sections, marked ``<!-- lang:en -->`` and
``<!-- lang:ja -->``) in the interface's language, with a button for the other one.
Imports: PySide6, editor.i18n.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from editor.i18n import tr

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"
LANG_MARK = re.compile(r"<!--\s*lang:(\w+)\s*-->")


def canvas_keys() -> list[tuple[str, str]]:
    """The canvas's own keys and gestures, which are no menu actions: (keys, what they do).
    Kept in step with editor.canvas.interaction (keys, drags), editor.canvas.view (zoom, pan,
    Tab), editor.panels.find_bar (the find field) and editor.workshop.presenter_input."""
    return [
        (tr("Arrow keys"), tr("Select the card next to the selected one")),
        (tr("Ctrl+Arrow keys"), tr("Move the selected cards one cell")),
        (tr("Tab / Shift+Tab"), tr("Select the next / previous card in journey order")),
        (tr("Enter / F2"), tr("Edit the selected card or header in place")),
        (tr("Enter (editing)"), tr("Finish editing (Shift+Enter: a new line in a card)")),
        (tr("Esc (editing)"), tr("Cancel editing")),
        (tr("Delete / Backspace"), tr("Delete the selection")),
        (tr("Ctrl+Wheel"), tr("Zoom in or out around the mouse")),
        (tr("Wheel / Shift+Wheel"), tr("Scroll up and down / left and right")),
        (tr("Space+Drag, Middle-drag"), tr("Pan the canvas")),
        (tr("Enter / Shift+Enter (find bar)"), tr("Go to the next / previous match")),
        (tr("Esc (find bar)"), tr("Close the find bar")),
        (tr("→ / ←, Page Down / Page Up (presenting)"), tr("Next / previous stage")),
        (tr("Home / End (presenting)"), tr("First / last stage")),
        (tr("Click a card (presenting)"), tr("Spotlight it; Esc goes back, then out")),
        (tr("P / + (presenting)"), tr("Pause or resume the timer / add a minute")),
        (tr("B (presenting, live session)"), tr("Bring everyone to me: participants follow "
                                                "my stage")),
    ]


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{where} → {_plain(action.text())}")
            elif action.shortcuts():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                 for k in action.shortcuts())
                rows.append((where, _plain(action.text()), keys))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    return rows


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing ellipsis."""
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").rstrip("…").strip()


def shortcut_sheet_html(window: QMainWindow) -> str:
    def table(rows) -> str:
        cells = "".join(
            "<tr>" + "".join(f"<td style='padding:2px 12px 2px 0'>{html.escape(c)}</td>" for c in row)
            + "</tr>" for row in rows)
        return f"<table>{cells}</table>"

    menus = [(f"{keys}", f"{where} → {command}") for where, command, keys in menu_shortcuts(window)]
    menu_title, canvas_title = tr("Menu commands"), tr("On the canvas")
    return (f"<h3>{html.escape(menu_title)}</h3>{table(menus)}"
            f"<h3>{html.escape(canvas_title)}</h3>{table(canvas_keys())}")


def _sheet(window: QMainWindow, name: str, title: str) -> tuple[QDialog, QTextBrowser]:
    """A non-modal dialog with a text browser, one per window and name, reused when reopened."""
    dialog = window.findChild(QDialog, name)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setObjectName(name)
        dialog.resize(640, 620)
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser(dialog)
        browser.setOpenExternalLinks(True)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.close)
        layout.addWidget(buttons)
    dialog.setWindowTitle(title)
    return dialog, dialog.findChild(QTextBrowser)


def show_shortcut_sheet(window: QMainWindow) -> QDialog:
    dialog, browser = _sheet(window, "ShortcutSheet", tr("Keyboard Shortcuts"))
    browser.setHtml(shortcut_sheet_html(window))  # read from the actions each time it opens
    dialog.show()
    dialog.raise_()
    return dialog


def guide_sections(text: str) -> dict[str, str]:
    """The guide's language sections, keyed by language code."""
    parts = LANG_MARK.split(text)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def show_user_guide(window: QMainWindow, language: str | None = None) -> QDialog | None:
    if not GUIDE.is_file():
        window.show_warning(tr("User Guide"),
                            tr("The user guide was not found: %1").replace("%1", str(GUIDE)))
        return None
    sections = guide_sections(GUIDE.read_text(encoding="utf-8"))
    language = language or getattr(window, "language", "en")
    if language not in sections:
        language = "en" if "en" in sections else next(iter(sections))
    dialog, browser = _sheet(window, "UserGuide", tr("User Guide"))
    browser.setSearchPaths([str(GUIDE.parent)])  # the screenshots: docs/images/...
    browser.setMarkdown(sections[language])
    _language_button(dialog, window, language, sections)
    dialog.show()
    dialog.raise_()
    return dialog


def _language_button(dialog: QDialog, window, language: str, sections: dict[str, str]) -> None:
    other = next((code for code in sections if code != language), None)
    button = dialog.findChild(QPushButton, "GuideLanguage")
    if button is None:
        button = QPushButton(dialog)
        button.setObjectName("GuideLanguage")
        dialog.findChild(QDialogButtonBox).addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.setVisible(other is not None)
    if other is not None:
        button.setText({"ja": "日本語", "en": "English"}.get(other, other))
        try:
            button.clicked.disconnect()
        except (RuntimeError, TypeError):
            pass
        button.clicked.connect(lambda: show_user_guide(window, other))
