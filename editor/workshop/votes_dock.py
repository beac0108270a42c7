"""The Votes dock: the vote's state, whose dots a click places, and the results.

Top: what runs ("Vote running: 3 dots each, on pain points and ideas, at most 1 per card") and
the vote's buttons (the Workshop menu's actions). Then "Dots for:" the participant picked (me
by default; on one machine the facilitator picks someone and clicks cards for them, adding
people with Add…) and how many dots they have left. The list ranks cards by dots once the vote
is revealed (named votes say who; anonymous ones only count); before that it lists the picked
participant's own dots, since the others' stay hidden. "Highlight top N" outlines the first N
cards on the canvas; a click on a row selects the card and centres it.
Imports: PySide6, model.layout.appearance, editor.i18n, editor.canvas.card_marks.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.card_marks import display_colours
from editor.i18n import tr
from model.layout.appearance import CARD_KIND_LABELS, label_language

CARD_ROLE = Qt.ItemDataRole.UserRole
MAX_ROWS = 300  # a ranking is read from the top; listing 25,000 voted cards took seconds


class VotesDock(QDockWidget):
    def __init__(self, votes, window) -> None:
        super().__init__(self.tr("Votes"), window)
        self.setObjectName("VotesDock")
        self.votes, self.window_ = votes, window
        body = QWidget(self)
        self.state = QLabel(body)
        self.state.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.who = QComboBox(body)
        self.add_person = QPushButton(self.tr("Add…"), body)
        self.left = QLabel(body)
        self.top = QSpinBox(body)
        self.top.setRange(0, 20)
        self.top.setValue(3)
        self.top.setSpecialValueText(self.tr("none"))
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        self.list = QTreeWidget(body)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self._lay_out(body)
        self.setWidget(body)
        self._stale = True  # something changed while the dock was not shown
        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        votes.changed.connect(self._refresh_timer.start)
        self._people_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh_people)
        votes.people_changed.connect(self._people_timer.start)
        self.who.activated.connect(lambda _i: votes.pick(self.who.currentData()))
        self.add_person.clicked.connect(self.ask_participant)
        self.top.valueChanged.connect(self._set_top)
        self.list.itemClicked.connect(self._show_card)

    def _lay_out(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.addWidget(self.state)
        layout.addLayout(self.buttons)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Dots for:"), body))
        who.addWidget(self.who, 1)
        who.addWidget(self.add_person)
        layout.addLayout(who)
        layout.addWidget(self.left)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Highlight top:"), body))
        top.addWidget(self.top)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)

    def add_buttons(self, actions) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    # ----------------------------------------------------------------- the user's gestures
    def ask_participant(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add Participant"),
                                        self.tr("Name of the participant:"))
        if ok:
            self.votes.add_participant(name)

    def _set_top(self, count: int) -> None:
        marks = getattr(self.votes.scene, "card_marks", None)
        if marks is not None:
            marks.set_top_n(count)

    def _show_card(self, row: QTreeWidgetItem) -> None:
        card_id = row.data(0, CARD_ROLE)
        scene = self.votes.scene
        if scene is None or card_id not in scene.cards:
            return
        scene.select_element(card_id)
        view = self.window_.view
        view.centerOn(scene.cards[card_id])
        view.setFocus()

    # ----------------------------------------------------------------- what it shows
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        # A closed or tabbed-away dock fills itself when it shows: listing a map's voted cards
        # after every first edit (its author joins the participants) cost 0.15 s at 2,000 cards.
        self._stale = not self.isVisible()
        if self._stale:
            return
        journey = self.votes.journey
        self.setEnabled(journey is not None)
        if journey is None:
            self.list.clear()
            return
        self._people_timer.stop()  # done here too
        self.state.setText(self._state_text(journey.vote_round()))
        self.refresh_people()
        marks = getattr(self.votes.scene, "card_marks", None)
        if marks is not None and marks.top_n != self.top.value():
            marks.set_top_n(self.top.value())
        if marks is None or marks.results_shown():
            self._fill_results(journey, marks)
        else:
            self._fill_own(journey, marks)

    def refresh_people(self) -> None:
        """The people to pick and the dots left; not the ranking (a participant joining or
        leaving names no card: the undo of someone's first edit re-listed 50,000)."""
        journey = self.votes.journey
        if journey is None:
            return
        self._fill_people(journey)
        self.left.setText(self.votes.remaining_text())
        self.left.setVisible(bool(self.left.text()))

    def _state_text(self, vote) -> str:
        if not vote.started_at and not vote.active:
            return self.tr("No vote yet. Workshop → Start Vote… begins one.")
        labels = CARD_KIND_LABELS[label_language(self.window_.language)]
        kinds = ", ".join(labels[k] for k in vote.kinds) if vote.kinds else self.tr("every card")
        limit = (self.tr("at most %1 per card").replace("%1", str(vote.max_per_card))
                 if vote.max_per_card else self.tr("no limit per card"))
        how = self.tr("anonymous") if vote.anonymous else self.tr("named")
        if vote.active:
            head = self.tr("Vote running: %1 dots each").replace("%1", str(vote.dots_per_participant))
        else:
            head = self.tr("Vote ended")
        shown = self.tr("revealed") if vote.revealed else self.tr("not revealed yet")
        return f"{head} · {kinds} · {limit} · {how} · {shown}"

    def _fill_people(self, journey) -> None:
        """Me first, then everyone else, each with the colour of their dots on the canvas."""
        self.who.blockSignals(True)
        self.who.clear()
        me = self.votes.my_id()
        colours = display_colours(journey.participants())
        self.who.addItem(self.tr("Me (%1)").replace("%1", self.votes.name_of(None)), None)
        if me in colours:
            self.who.setItemIcon(0, _swatch(colours[me]))
        for person in journey.participants():
            if person.id != me:
                self.who.addItem(_swatch(colours[person.id]), person.name, person.id)
        self.who.setCurrentIndex(max(0, self.who.findData(self.votes.picked)))
        self.who.blockSignals(False)

    def _fill_results(self, journey, marks) -> None:
        anonymous = journey.vote_round().anonymous
        self.note.setText(self.tr("Cards ranked by dots."))
        headers = [self.tr("#"), self.tr("Card"), self.tr("Stage"), self.tr("Dots")]
        self.list.clear()
        headers = headers if anonymous else [*headers, self.tr("By")]
        self.list.setColumnCount(len(headers))
        self.list.setHeaderLabels(headers)
        people = journey.participants()
        hidden = {c for c in journey.private_card_ids()
                  if marks is not None and marks.is_hidden(journey.card(c))}
        ranked = [pair for pair in journey.vote_ranking_ids(MAX_ROWS + len(hidden))
                  if pair[0] not in hidden]
        for rank, (card_id, votes) in enumerate(ranked[:MAX_ROWS], start=1):
            card = journey.card(card_id)
            by = ", ".join(f"{p.name} {card.dots[p.id]}" for p in people if card.dots.get(p.id))
            if card.unattributed_votes:
                by = ", ".join(filter(None, (by, self.tr("counted %1").replace(
                    "%1", str(card.unattributed_votes)))))
            texts = [str(rank), None, None, str(votes)]
            self._add_row(journey, card, texts if anonymous else [*texts, by])
        shown = journey.voted_card_count() - sum(1 for c in hidden if journey.card(c).votes)
        if shown > MAX_ROWS:
            self.note.setText(self.tr("Cards ranked by dots: the first %1 of %2 (every card's "
                                      "dots are in the Excel export).")
                              .replace("%1", str(MAX_ROWS)).replace("%2", str(shown)))
        self._fit_columns()

    def _fill_own(self, journey, marks) -> None:
        who = self.votes.viewer_id()
        self.note.setText(self.tr("%1's dots. The others' stay hidden until the votes are revealed.")
                          .replace("%1", self.votes.name_of(self.votes.picked)))
        self.list.clear()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([self.tr("#"), self.tr("Card"), self.tr("Stage"), self.tr("Dots")])
        mine = journey.dots_of(who) if who else {}
        for index, (card_id, count) in enumerate(mine.items(), start=1):
            self._add_row(journey, journey.card(card_id), [str(index), None, None, str(count)])
        self._fit_columns()

    def _add_row(self, journey, card, texts: list) -> None:
        stage = journey.card_place(card.id).stage
        texts[1] = " ".join(card.title.split())[:60] or tr("(untitled)")
        texts[2] = journey.stage(stage).name if stage else ""
        row = QTreeWidgetItem(texts)
        row.setData(0, CARD_ROLE, card.id)
        row.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
        self.list.addTopLevelItem(row)

    def _fit_columns(self) -> None:
        for column in (0, 2, 3):
            self.list.resizeColumnToContents(column)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)
