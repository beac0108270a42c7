"""CommentView: one comment of the Comments dock as a person reads it: the author and the time,
the text, a "Resolved" mark on a closed thread, and its buttons (Reply; Resolve or Reopen on
the first comment of a thread; Delete on one's own comments).

A view only shows one comment and says which button was pressed (``acted(action, comment_id)``);
the dock (editor.panels.comments_dock) turns that into a controller call. Replies are indented
under their thread's first comment; a resolved thread is drawn grey, still readable.
Imports: PySide6, model, editor.canvas.authorship.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from editor.canvas.authorship import moment_text, person_name
from model import Comment, JourneyMap

REPLY_INDENT = 22  # pixels: a reply sits under its thread's first comment
OPEN_STYLE = "QFrame#commentFrame { background: #ffffff; border: 1px solid #d0d4da; border-radius: 4px; }"
RESOLVED_STYLE = ("QFrame#commentFrame { background: #f3f4f6; border: 1px solid #e1e4e8; "
                  "border-radius: 4px; } QLabel { color: #6b7280; }")


class CommentView(QWidget):
    """One comment; ``acted`` says "reply", "resolve", "reopen" or "delete" with its id."""

    acted = Signal(str, str)

    def __init__(self, comment: Comment, journey: JourneyMap, *, mine: bool, resolved: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName(f"comment:{comment.id}")
        frame = QFrame(self)
        frame.setObjectName("commentFrame")
        frame.setStyleSheet(RESOLVED_STYLE if resolved else OPEN_STYLE)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(REPLY_INDENT if comment.parent else 0, 0, 0, 0)
        outer.addWidget(frame)
        column = QVBoxLayout(frame)
        column.setContentsMargins(8, 6, 8, 4)
        column.setSpacing(2)
        column.addLayout(self._header(journey))
        self.text = QLabel(comment.text, frame)
        self.text.setObjectName("commentText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # what was typed, never markup
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.text)
        column.addLayout(self._buttons(mine))

    def _header(self, journey: JourneyMap) -> QHBoxLayout:
        row = QHBoxLayout()
        name = person_name(journey, self.comment.author) or self.tr("Someone")
        self.author = QLabel(name, self)
        self.author.setObjectName("commentAuthor")
        self.author.setStyleSheet("font-weight: bold;")
        self.author.setTextFormat(Qt.TextFormat.PlainText)
        when = moment_text(self.comment.created_at)
        if self.comment.edited_at:
            when += " " + self.tr("(edited)")
        self.time = QLabel(when, self)
        self.time.setObjectName("commentTime")
        self.time.setStyleSheet("color: #6b7280;")
        row.addWidget(self.author)
        row.addWidget(self.time)
        row.addStretch(1)
        self.resolved_mark = QLabel(self.tr("✓ Resolved"), self)
        self.resolved_mark.setObjectName("resolvedMark")
        self.resolved_mark.setStyleSheet("color: #1e7145; font-weight: bold;")
        self.resolved_mark.setVisible(self.comment.resolved and not self.comment.parent)
        row.addWidget(self.resolved_mark)
        return row

    def _buttons(self, mine: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.reply_button = self._button(self.tr("Reply"), "reply")
        row.addWidget(self.reply_button)
        self.resolve_button = None
        if not self.comment.parent:  # threads are resolved as a whole, at their first comment
            resolved = self.comment.resolved
            self.resolve_button = self._button(self.tr("Reopen") if resolved else self.tr("Resolve"),
                                               "reopen" if resolved else "resolve")
            row.addWidget(self.resolve_button)
        self.delete_button = self._button(self.tr("Delete"), "delete")
        self.delete_button.setToolTip(self.tr("Delete this comment (and its replies)")
                                      if not self.comment.parent else self.tr("Delete this reply"))
        self.delete_button.setVisible(mine)  # one deletes one's own words, not another's
        row.addWidget(self.delete_button)
        row.addStretch(1)
        return row

    def _button(self, text: str, action: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(f"{action}Button")
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.acted.emit(action, self.comment.id))
        return button
