"""MainWindow: one open journey map with its canvas, palette, inspector and undo history.

The window owns one Document at a time; New and Open replace it (after maybe_save). It edits
nothing itself: the canvas, palette and inspector go through the document's EditController, and
Undo/Redo come from a QUndoGroup that follows the current document's stack. File verbs live in
editor.window.file_ops, exports in editor.window.export_ui, actions and menus in
editor.window.actions. The installed RecoveryManager (editor.document.recovery) autosaves the
window's document.
Imports: PySide6, editor (actions, document, export_ui, file_ops, inspector, journey_docks,
palette, recovery, scene, segments_dock, settings, view).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QUndoView,
    QWidget,
)

from editor.canvas.scene import JourneyScene
from editor.canvas.view import JourneyView
from editor.document.document import Document
from editor.document.recovery import installed_recovery
from editor.panels.inspector import InspectorDock
from editor.panels.journey_docks import HealthDock, MomentsOfTruthDock
from editor.panels.palette import PaletteDock
from editor.panels.segments_dock import SegmentsPathsDock
from editor.settings import KEY_GEOMETRY, KEY_STATE, app_settings, ui_language
from editor.window.actions import WindowActions, build_menus, build_toolbar
from editor.window.export_ui import ExportUi
from editor.window.file_ops import FileOpsMixin

APP_TITLE = "Journey Map Editor"
_open_windows: dict[int, MainWindow] = {}  # windows made by show_new_window, kept alive here


class DocumentUndoFilter(QObject):
    """Lets Undo/Redo pressed in an inspector field undo the map, not only the field's text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()  # not overridden: the window's Undo/Redo shortcut fires
            return True
        return False


class MainWindow(FileOpsMixin, QMainWindow):
    def __init__(self, document: Document, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else app_settings()
        self.language = ui_language(self.settings)
        self.document: Document | None = None
        self.recovery = installed_recovery()
        self.scene: JourneyScene | None = None
        self.view: JourneyView | None = None
        self.undo_group = QUndoGroup(self)
        self.exports = ExportUi(self)
        self._build_docks()
        self.menu_actions = WindowActions(self)
        self.recent_menu = build_menus(self, self.menu_actions, self.docks())
        self.recent_menu.aboutToShow.connect(lambda: self.fill_recent_menu(self.recent_menu))
        self.toolbar = build_toolbar(self, self.menu_actions)
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.set_document(document)
        self._restore_layout()

    # ----------------------------------------------------------------- building
    def _build_docks(self) -> None:
        self.palette = PaletteDock(self.language, self)
        self.inspector = InspectorDock(self.language, self)
        self.history = QDockWidget(self.tr("History"), self)
        self.history.setObjectName("HistoryDock")
        self.undo_view = QUndoView(self.undo_group, self.history)
        self.undo_view.setEmptyLabel(self.tr("<opened>"))
        self.history.setWidget(self.undo_view)
        area = Qt.DockWidgetArea
        self.addDockWidget(area.LeftDockWidgetArea, self.palette)
        self.addDockWidget(area.RightDockWidgetArea, self.inspector)
        self._build_journey_docks()
        self._undo_filter = DocumentUndoFilter(self)
        for field in self.inspector.findChildren(QLineEdit) + self.inspector.findChildren(QPlainTextEdit):
            field.installEventFilter(self._undo_filter)

    def _build_journey_docks(self) -> None:
        """Under the inspector, as tabs: moments of truth, segments and paths, health check."""
        self.moments = MomentsOfTruthDock(self)
        self.health = HealthDock(self)
        self.segments = SegmentsPathsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.moments)
        self.splitDockWidget(self.inspector, self.moments, Qt.Orientation.Vertical)
        for dock in (self.segments, self.health):
            self.tabifyDockWidget(self.moments, dock)
        self.tabifyDockWidget(self.inspector, self.history)
        self.moments.raise_()
        self.inspector.raise_()
        for tabs in self.findChildren(QTabBar):
            tabs.setElideMode(Qt.TextElideMode.ElideNone)  # whole names, scroll arrows if needed
    def docks(self) -> list[QDockWidget]:
        return [self.palette, self.inspector, self.history, self.moments, self.segments, self.health]

    def _build_status_bar(self) -> None:
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(56)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _restore_layout(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1700, int(screen.width() * 0.92)), min(1050, int(screen.height() * 0.92)))
            self.resizeDocks([self.palette, self.inspector], [180, 390], Qt.Orientation.Horizontal)
            self.resizeDocks([self.inspector, self.moments], [700, 220], Qt.Orientation.Vertical)
        state = self.settings.value(KEY_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    # ----------------------------------------------------------------- the document
    def set_document(self, document: Document) -> None:
        """Show ``document`` in this window, dropping the previous one (already saved or discarded)."""
        old, old_scene = self.document, self.scene
        document.setParent(self)
        if not document.read_only and not document.acquire_lock():
            document.read_only = True  # another editor has the file: this window must not write it
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.scene = JourneyScene(document.controller, self)
        self._set_view(JourneyView(self.scene))
        self.palette.set_target(self.scene, document.controller)
        self.inspector.set_scene(self.scene, document.controller)
        self.moments.set_scene(self.scene, self.view)
        self.health.set_scene(self.scene, self.view)
        self.segments.set_scene(self.scene)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(lambda _path: self.update_title())
        document.journey.events.connect(self._on_map_event)
        if self.recovery is not None:
            self.recovery.watch(document, self._show_autosave_error)
        self.scene.selectionChanged.connect(self._update_selection_actions)
        self.update_title()
        self._update_selection_actions()
        if old is not None:
            self._drop_document(old, old_scene)

    def _set_view(self, view: JourneyView) -> None:
        self.view = view
        view.addActions(self.menu_actions.canvas_actions())
        view.zoom_changed.connect(self._show_zoom)
        self.setCentralWidget(view)  # deletes the previous view
        self._show_zoom(view.zoom())
        view.setFocus()
        # Start at the top-left (the first stage), not the middle of a wide map; after layout.
        QTimer.singleShot(0, view, lambda: _scroll_to_start(view))

    def _drop_document(self, old: Document, old_scene: JourneyScene) -> None:
        old.journey.events.disconnect(self._on_map_event)
        old_scene.detach()
        self.undo_group.removeStack(old.undo_stack)
        self.release_document(old)
        old_scene.deleteLater()
        old.deleteLater()

    def update_title(self) -> None:
        read_only = " " + self.tr("(read-only)") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.display_name()}[*]{read_only} — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    def _on_map_event(self, event) -> None:
        if event.type == "map_changed" and self.document.path is None:
            self.update_title()  # an untitled map is named after its title

    def _show_autosave_error(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", message), 10000)

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    def _update_selection_actions(self) -> None:
        has_cards = bool(self.scene.selected_card_ids())
        for action in (self.menu_actions.cut, self.menu_actions.copy, self.menu_actions.duplicate):
            action.setEnabled(has_cards)
        self.menu_actions.delete.setEnabled(bool(self.scene.selected_ids()))

    # ----------------------------------------------------------------- edit verbs
    def _text_field(self) -> QWidget | None:
        """The focused text field, when a menu click on Cut/Copy/Paste means its text."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractSpinBox):
            focus = focus.findChild(QLineEdit)
        return focus if isinstance(focus, (QLineEdit, QPlainTextEdit)) else None

    def cut(self) -> None:
        field = self._text_field()
        field.cut() if field is not None else self.scene.cut_selection()

    def copy(self) -> None:
        field = self._text_field()
        field.copy() if field is not None else self.scene.copy_selection()

    def paste(self) -> None:
        field = self._text_field()
        field.paste() if field is not None else self.scene.paste()

    def select_all(self) -> None:
        field = self._text_field()
        field.selectAll() if field is not None else self.scene.select_all()

    def duplicate(self) -> None:
        self.scene.duplicate_selection()

    def delete(self) -> None:
        self.scene.delete_selection()

    def edit_text(self) -> None:
        self.view.setFocus()
        self.scene.edit_selection()

    # ----------------------------------------------------------------- view verbs
    def zoom_in(self) -> None:
        self.view.zoom_in()

    def zoom_out(self) -> None:
        self.view.zoom_out()

    def reset_zoom(self) -> None:
        self.view.reset_zoom()

    def fit_to_window(self) -> None:
        self.view.fit_to_window()

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Journey Map Editor"), self.tr(
            "<h3>Journey Map Editor</h3><p>Customer journey maps for customer-success workshops: "
            "stages, touchpoints, moments of truth and pain points on a swimlane grid, shared as a "
            "PDF poster and an Excel workbook.</p>"))

    # ----------------------------------------------------------------- closing
    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.release_document(self.document)
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_STATE, self.saveState())
        event.accept()


def _scroll_to_start(view: JourneyView) -> None:
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())


def show_new_window(document: Document, settings: QSettings | None = None) -> MainWindow:
    """A top-level window of its own for ``document``; it deletes itself when closed."""
    window = MainWindow(document, settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    key = id(window)
    _open_windows[key] = window
    window.destroyed.connect(lambda _obj=None, key=key: _open_windows.pop(key, None))
    window.show()
    return window
