"""CommentsDock: the comments of the selected card (issue 14, "Comments and parking lot").

A dock of its own, not a tab of the inspector: in a workshop the thread is read while the card's
fields are edited (both in view at once), it needs the height the inspector's form takes, and it
can be torn off to a second screen. It follows the scene's selection (one card: its threads;
none or several: a hint) and the model's comment events, so comments written by others in a
live session appear as they arrive. Each thread shows its first comment and its replies (one
level), each with author, time and text; Reply, Resolve / Reopen and Delete (own comments only)
act through ``controller.workshop``, one undo step each. Ctrl+Enter (or Send) sends what is
typed, as a new comment or as the reply being written; Esc stops replying.
Imports: PySide6, model, editor.canvas (authorship, selection_burst), editor.panels.comment_views.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.authorship import person_name
from editor.canvas.selection_burst import BurstSlot
from editor.panels.comment_views import CommentView
from editor.panels.refusal import RefusalLine

COMMENT_EVENTS = ("comment_added", "comment_changed", "comment_removed")
MAX_COMMENT_LENGTH = 5000  # characters: a comment is a remark, not a document


class CommentsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Comments"), parent)
        self.setObjectName("CommentsDock")
        self.scene = self.controller = None
        self.card_id: str | None = None
        self.replying_to = ""  # the comment whose thread the typed text answers
        self.views: dict[str, CommentView] = {}
        self._follow = BurstSlot(self.show_selection, self)
        self._build()
        self.show_selection()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(body)
        self.heading.setObjectName("commentsHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; padding: 2px;")
        self.threads = QWidget(body)
        self.thread_column = QVBoxLayout(self.threads)
        self.thread_column.setContentsMargins(0, 0, 0, 0)
        self.thread_column.setSpacing(4)
        self.scroll = QScrollArea(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.threads)
        self.message = RefusalLine(body)
        column.addWidget(self.heading)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.message)
        column.addLayout(self._build_reply_bar(body))
        column.addWidget(self._build_input(body))
        self.setWidget(body)

    def _build_reply_bar(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.reply_label = QLabel(body)
        self.reply_label.setObjectName("replyingTo")
        self.reply_label.setStyleSheet("color: #1a73e8;")
        self.cancel_reply_button = QToolButton(body)
        self.cancel_reply_button.setText(self.tr("Cancel reply"))
        self.cancel_reply_button.clicked.connect(self.stop_replying)
        row.addWidget(self.reply_label, 1)
        row.addWidget(self.cancel_reply_button)
        self.reply_label.hide()
        self.cancel_reply_button.hide()
        return row

    def _build_input(self, body: QWidget) -> QWidget:
        box = QWidget(body)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.input = QPlainTextEdit(box)
        self.input.setObjectName("commentInput")
        self.input.setPlaceholderText(self.tr("Write a comment… (Ctrl+Enter sends)"))
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(64)
        self.input.installEventFilter(self)
        self.send_button = QPushButton(self.tr("Send"), box)
        self.send_button.setObjectName("sendComment")
        self.send_button.setToolTip(self.tr("Send the comment (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.send()
                return True
            if key == Qt.Key.Key_Escape and self.replying_to:
                self.stop_replying()
                return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- following the document
    def set_scene(self, scene, controller) -> None:
        self.detach()
        self.scene, self.controller = scene, controller
        scene.selectionChanged.connect(self._follow.trigger)
        controller.journey.events.connect(self._on_event)
        self.show_selection()

    def detach(self) -> None:
        if self.scene is not None:
            self.scene.selectionChanged.disconnect(self._follow.trigger)
            self.controller.journey.events.disconnect(self._on_event)
        self._follow.cancel()
        self.scene = self.controller = None

    def show_selection(self) -> None:
        cards = self.scene.selected_card_ids() if self.scene is not None else []
        card_id = cards[0] if len(cards) == 1 else None
        if card_id != self.card_id:
            self.stop_replying()
            self.message.hide()
        self.card_id = card_id
        self.refresh()

    def _on_event(self, event) -> None:
        payload = event.payload
        if event.type in COMMENT_EVENTS and payload.get("card_id") == self.card_id:
            self.refresh()
        elif event.type == "reset" or (event.type in ("card_removed", "card_added", "card_changed")
                                       and payload.get("card_id") == self.card_id):
            QTimer.singleShot(0, self, self.show_selection)  # after the scene has followed
        elif event.type.startswith("participant_") and self.card_id is not None:
            self.refresh()  # a renamed author

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        journey = self.controller.journey if self.controller is not None else None
        if journey is None or self.card_id is None or not journey.has(self.card_id):
            self.card_id = None
            self._show_threads(None)
            return
        title = journey.card(self.card_id).title.strip() or self.tr("(untitled)")
        self.heading.setText(self.tr("Comments on \"%1\"").replace("%1", title))
        self._show_threads(journey)

    def _show_threads(self, journey) -> None:
        keep = self.scroll.verticalScrollBar().value()
        self._clear_threads()
        if journey is None:
            self.heading.setText(self.tr("Comments"))
            self._add_hint(self.tr("Select one card to read and write its comments."))
        else:
            threads = journey.comment_threads(self.card_id)
            me = self._my_id()
            for top, replies in threads:
                for comment in (top, *replies):
                    self._add_view(comment, journey, comment.author == me, top.resolved)
            if not threads:
                self._add_hint(self.tr("No comments yet. Write the first one below."))
        self.thread_column.addStretch(1)
        self._enable_input(journey is not None)
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(keep))

    def _clear_threads(self) -> None:
        self.views = {}
        while self.thread_column.count():
            item = self.thread_column.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()

    def _add_view(self, comment, journey, mine: bool, resolved: bool) -> None:
        view = CommentView(comment, journey, mine=mine, resolved=resolved, parent=self.threads)
        view.acted.connect(self._act)
        self.views[comment.id] = view
        self.thread_column.addWidget(view)
        view.show()  # now, not when the layout gets round to it: the thread never flickers

    def _add_hint(self, text: str) -> None:
        hint = QLabel(text, self.threads)
        hint.setObjectName("commentsHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280; padding: 8px 2px;")
        self.thread_column.addWidget(hint)
        hint.show()

    def _enable_input(self, enabled: bool) -> None:
        self.input.setEnabled(enabled)
        self.send_button.setEnabled(enabled)

    def _my_id(self) -> str:
        """My participant id, without joining the participants (reading changes nothing)."""
        found = self.controller.journey.participant_named(self.controller.workshop.my_name())
        return found.id if found is not None else ""

    # ----------------------------------------------------------------- acting
    def send(self) -> None:
        text = self.input.toPlainText().strip()
        if self.controller is None or self.card_id is None or not text:
            return
        if len(text) > MAX_COMMENT_LENGTH:
            self.message.say(self.tr("A comment can have at most %1 characters; this one has %2.")
                          .replace("%1", str(MAX_COMMENT_LENGTH)).replace("%2", str(len(text))))
            return
        workshop = self.controller.workshop
        if self.message.attempt(lambda: workshop.reply(self.replying_to, text) if self.replying_to
                     else workshop.add_comment(self.card_id, text)):
            self.input.clear()
            self.stop_replying()

    def start_reply(self, comment_id: str) -> None:
        journey = self.controller.journey
        comment = journey.comment(comment_id)
        self.replying_to = comment.parent or comment.id
        name = person_name(journey, comment.author) or self.tr("Someone")
        self.reply_label.setText(self.tr("Replying to %1").replace("%1", name))
        self.reply_label.show()
        self.cancel_reply_button.show()
        self.send_button.setText(self.tr("Reply"))
        self.input.setFocus()

    def stop_replying(self) -> None:
        self.replying_to = ""
        self.reply_label.hide()
        self.cancel_reply_button.hide()
        self.send_button.setText(self.tr("Send"))

    def _act(self, action: str, comment_id: str) -> None:
        workshop = self.controller.workshop
        if action == "reply":
            self.start_reply(comment_id)
        elif action in ("resolve", "reopen"):
            self.message.attempt(lambda: workshop.resolve_comment(comment_id, action == "resolve"))
        elif action == "delete":
            if not self._thread_may_go(comment_id):
                return
            if self.replying_to in (comment_id, ""):
                self.stop_replying()
            self.message.attempt(lambda: workshop.delete_comment(comment_id))

    def _thread_may_go(self, comment_id: str) -> bool:
        """Deleting a thread's first comment deletes its replies, often other people's: ask."""
        journey = self.controller.journey
        comment = journey.comment(comment_id)
        replies = sum(c.parent == comment_id for c in journey.comments(comment.card))
        if not replies:
            return True
        answer = QMessageBox.question(
            self, self.tr("Delete Comment"),
            self.tr("Delete this comment and the reply to it? Undo brings both back.")
            if replies == 1 else
            self.tr("Delete this comment and the %1 replies to it? Undo brings them back.")
            .replace("%1", str(replies)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes


