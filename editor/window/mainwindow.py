"""MainWindow: one open journey map with its canvas, palette, inspector and undo history.

The window owns one Document at a time; New and Open replace it (after maybe_save), and File →
Close leaves the start screen (editor.window.start_screen) when no other window is open. It edits
nothing itself: the canvas, palette and inspector go through the document's EditController, and
Undo/Redo come from a QUndoGroup that follows the current document's stack. Its collaborators:
``files`` (editor.window.file_ops), ``exports`` (editor.window.export_ui), ``verbs`` (Edit and
View, editor.window.verbs), ``scenarios`` (the scenario bar, editor.window.scenario_ui); actions
and menus are in editor.window.actions. The canvas is one JourneyView, shown a new scene for each
map and scenario. The installed RecoveryManager autosaves the window's document.
Imports: PySide6, model.bulk, editor (canvas, document, panels, live, settings, window, workshop).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QChildEvent, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QUndoView,
    QWidget,
)

from editor.canvas.options import CanvasOptions
from editor.canvas.scene import JourneyScene
from editor.canvas.selection_burst import BurstSlot
from editor.canvas.view import JourneyView
from editor.document.document import Document
from editor.document.recovery import installed_recovery
from editor.live.live_share import LiveShare
from editor.panels.comments_dock import CommentsDock
from editor.panels.find_bar import FindBar
from editor.panels.inspector import InspectorDock
from editor.panels.journey_docks import HealthDock, MomentsOfTruthDock
from editor.panels.palette import PaletteDock
from editor.panels.parking_dock import ParkingLotDock
from editor.panels.segments_dock import SegmentsPathsDock
from editor.settings import KEY_GEOMETRY, KEY_STATE, app_settings, ui_language
from editor.window.actions import WindowActions, build_menus, build_toolbar
from editor.window.export_ui import ExportUi
from editor.window.file_ops import FileOperations
from editor.window.first_paint import FirstPaint
from editor.window.scenario_ui import ScenarioUi, swap_scene
from editor.window.verbs import CanvasVerbs, application_version
from editor.workshop.workshop import Workshop
from model.bulk import keep_heap, release_heap

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


class MainWindow(QMainWindow):
    def __init__(self, document: Document, settings: QSettings | None = None,
                 parent: QWidget | None = None, docks_after_paint: bool = False) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else app_settings()
        self.language = ui_language(self.settings)
        self.document: Document | None = None
        self.recovery = installed_recovery()
        self.scene: JourneyScene | None = None
        self.view: JourneyView | None = None
        self.undo_group = QUndoGroup(self)
        self._selection_follower = BurstSlot(self._on_selection_changed, self)
        self._panels_attached = False
        self._dock_state: QByteArray | None = None  # the docks' layout, while the start screen shows
        self.files = FileOperations(self, show_new_window)
        self.exports = ExportUi(self)
        self.verbs = CanvasVerbs(self)
        self.workshop = Workshop(self)  # presentation mode and the timebox (editor.workshop)
        self.scenarios = ScenarioUi(self)  # the scenario bar above the canvas, switching
        self._build_pages()
        self._build_docks()
        self.first_paint = FirstPaint(self, docks_after_paint)  # the first map: after its paint
        self.live = LiveShare(self)  # File → Share live / Join live session, editor.live
        self.canvas_options = CanvasOptions(self.settings)  # View toggles of the canvas
        self.find_bar = FindBar(self)
        self.menu_actions = WindowActions(self)
        self.recent_menu = build_menus(self, self.menu_actions, self.docks())
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        self.toolbar = build_toolbar(self, self.menu_actions)
        self._build_status_bar()
        self.setAcceptDrops(True)
        self.set_document(document)
        self.first_paint.later(self._make_start_screen)  # its page sets the minimum width
        self._restore_layout()

    # ----------------------------------------------------------------- building
    def _build_pages(self) -> None:
        """The canvas (made with the first map) or the start screen (after the first paint)."""
        self.pages = QStackedWidget(self)
        self.start_screen = None  # a StartScreen, made after the first paint
        self.setCentralWidget(self.scenarios.central(self.pages))

    def _make_start_screen(self):
        if self.start_screen is None:
            from editor.window.start_screen import StartScreen  # not before the first paint
            screen = self.start_screen = StartScreen(self.language, self.settings, self.pages)
            screen.open_path.connect(self.files.open_path)
            screen.open_other.connect(self.files.open_file)
            screen.new_map.connect(self.files.new_document)
            self.pages.addWidget(screen)
        return self.start_screen

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
        self.inspector.set_field_filter(self._undo_filter)

    def _build_journey_docks(self) -> None:
        """Under the inspector, as tabs: moments of truth, segments and paths, health check."""
        self.moments = MomentsOfTruthDock(self)
        self.health = HealthDock(self)
        self.segments = SegmentsPathsDock(self)
        self.comments, self.parking = CommentsDock(self), ParkingLotDock(self)  # the workshop's
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.moments)
        self.splitDockWidget(self.inspector, self.moments, Qt.Orientation.Vertical)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.workshop.votes_dock)
        for dock in (self.comments, self.parking, self.segments, self.health, self.workshop.votes_dock):
            self.tabifyDockWidget(self.moments, dock)
        self.tabifyDockWidget(self.inspector, self.history)
        self.moments.raise_()
        self.inspector.raise_()

    def childEvent(self, event: QChildEvent) -> None:
        # QMainWindow makes a new tab bar whenever docks are tabified, by the code above, by the
        # user, or by restoreState() at the next start: each shows whole dock names (with scroll
        # arrows when they do not fit), never "Journey he…".
        if event.type() == QEvent.Type.ChildPolished and isinstance(event.child(), QTabBar):
            event.child().setElideMode(Qt.TextElideMode.ElideNone)
            event.child().setUsesScrollButtons(True)
        super().childEvent(event)

    def docks(self) -> list[QDockWidget]:
        return [self.palette, self.inspector, self.history, self.moments, self.segments, self.health,
                self.comments, self.parking, self.live.dock, self.workshop.votes_dock]

    def _build_status_bar(self) -> None:
        self.zoom_label = QLabel(self, minimumWidth=56)
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
        self.workshop.leave_presentation()
        old, old_scene = self.document, self.scene
        self._detach_panels()
        self._leave_start_screen()
        document.setParent(self)
        if not document.read_only and not document.acquire_lock():
            document.read_only = True  # another editor has the file: this window must not write it
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.scene = JourneyScene(document.controller, self)
        self._show_scene(self.scene)
        self.canvas_options.apply(self.view)
        self._attach_panels()
        self.scenarios.attach(document)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(lambda _path: self.update_title())
        document.step_skipped.connect(self._show_step_skipped)
        if self.recovery is not None:
            self.recovery.watch(document, self._show_autosave_error)
        self.update_title()
        self._update_selection_actions()
        if old is not None:
            self._drop_document(old, old_scene)
        QTimer.singleShot(0, keep_heap)  # once the old map's objects are gone

    def _attach_panels(self) -> None:
        controller = self.document.controller
        self.palette.set_target(self.scene, controller)
        self.inspector.set_scene(self.scene, controller)
        self.first_paint.attach_docks()  # moments, health, segments, comments, parking lot
        self.find_bar.prepare(self.scene.journey)
        self.workshop.set_scene(self.scene, controller)  # votes, private round, card marks
        self.scene.selectionChanged.connect(self._selection_follower.trigger)
        self._panels_attached = True

    def _detach_panels(self) -> None:
        """The panels stop following the scene: before it goes, whatever the order Qt deletes
        the window's children in (raising a dock moves it after the scene)."""
        if not self._panels_attached:
            return
        self._panels_attached = False
        self.scene.selectionChanged.disconnect(self._selection_follower.trigger)
        self._selection_follower.cancel()
        self.palette.set_target(None, None)
        self.find_bar.stop_preparing()
        self.inspector.detach()
        self.first_paint.detach_docks()
        self.workshop.set_scene(None, None)

    def _show_scene(self, scene: JourneyScene) -> None:
        """Show ``scene`` in the window's one view. The view is made once: a new central widget
        for each map made QMainWindow re-share the width, squeezing the canvas to a strip."""
        if self.view is None:
            self.view = JourneyView(scene)
            self.view.addActions(self.menu_actions.canvas_actions())
            self.view.zoom_changed.connect(lambda f: self.zoom_label.setText(f"{round(f * 100)} %"))
            self.pages.addWidget(self.view)
        else:
            self.view.setScene(scene)
        view = self.view
        self.pages.setCurrentWidget(view)
        view.reset_zoom()  # a map opens at 100 %, as it always has
        view.setFocus()
        # Start at the top-left (the first stage), not the middle of a wide map; after layout.
        QTimer.singleShot(0, view, lambda: _scroll_to_start(view))

    def show_current_scenario(self) -> None:
        """Another scenario became current: its map in the one view, the docks following it."""
        self.workshop.leave_presentation()
        self._detach_panels()
        old_scene, self.scene = self.scene, JourneyScene(self.document.controller, self)
        swap_scene(self.view, self.scene)  # at the same zoom and scroll
        self.canvas_options.apply(self.view)
        self._attach_panels()
        self.live.scene_replaced(old_scene, self.scene)
        self._update_selection_actions()
        old_scene.detach()
        old_scene.deleteLater()

    def _drop_document(self, old: Document, old_scene: JourneyScene) -> None:
        self.live.document_dropped(old)
        self.scenarios.detach(old)
        old_scene.detach()
        self.undo_group.removeStack(old.undo_stack)
        self.files.release_document(old)
        old_scene.deleteLater()
        old.deleteLater()
        release_heap()  # the GC may walk (and free) the old map's objects again

    # ----------------------------------------------------------------- closing the map
    def close_map(self) -> bool:
        """File → Close: with other windows open, close this one; else close the map and show the
        start screen, so that closing the last map does not quit the application."""
        others = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not self and w.isVisible()]
        if others or self.document is None:
            return self.close()
        if not self.files.maybe_save():
            return False
        self.workshop.leave_presentation()
        old, old_scene = self.document, self.scene
        self._detach_panels()
        self.view.setScene(None)
        self.document = self.scene = None
        self._drop_document(old, old_scene)
        self._show_start_screen()
        return True

    def _show_start_screen(self) -> None:
        self._dock_state = self.saveState()  # the docks come back as they were with the next map
        for dock in self.docks():
            dock.hide()
        self._make_start_screen().refresh()
        self.pages.setCurrentWidget(self.start_screen)
        self.menu_actions.set_map_open(False)
        self.setWindowTitle(APP_TITLE)
        self.setWindowModified(False)
        self.zoom_label.clear()

    def _leave_start_screen(self) -> None:
        if self._dock_state is not None:
            self.restoreState(self._dock_state)
            self._dock_state = None
            self.menu_actions.set_map_open(True)

    def update_title(self) -> None:
        read_only = " " + self.tr("(read-only)") if self.document.read_only else ""
        shown = self.scenarios.title_part()  # which scenario shows, once there are several
        self.setWindowTitle(f"{self.document.display_name()}[*]{shown}{read_only} — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    def _show_autosave_error(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", message), 10000)

    def _show_step_skipped(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)  # a word, never a dialog: the stack goes on

    def _on_selection_changed(self) -> None:
        self._update_selection_actions()
        if self.scene.selected_ids():
            self._bring_inspector_forward()

    def _bring_inspector_forward(self) -> None:
        """A selection is made to be looked at: when the History tab hides the inspector, show
        the inspector's tab (a closed inspector stays closed)."""
        if self.inspector.isHidden() or self.inspector.visibleRegion().isEmpty():
            if self.inspector.toggleViewAction().isChecked() and self.tabifiedDockWidgets(self.inspector):
                self.inspector.raise_()

    def _update_selection_actions(self) -> None:
        has_cards = bool(self.scene.selected_card_ids())
        for action in (self.menu_actions.cut, self.menu_actions.copy, self.menu_actions.duplicate):
            action.setEnabled(has_cards)
        self.menu_actions.delete.setEnabled(bool(self.scene.selected_ids()))

    # ----------------------------------------------------------------- messages (tests patch these)
    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    def show_warning(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # ----------------------------------------------------------------- files dropped on the window
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.files.accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event)

    # ----------------------------------------------------------------- help
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Journey Map Editor"), self.tr(
            "<h3>Journey Map Editor</h3><p>Version %1</p><p>Customer journey maps for "
            "customer-success workshops: stages, touchpoints, moments of truth and pain points on "
            "a swimlane grid, shared as a PDF poster and an Excel workbook.</p>")
            .replace("%1", application_version()))

    # ----------------------------------------------------------------- closing
    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save() or not self.exports.may_close():  # or an export runs
            event.ignore()
            return
        self.workshop.leave_presentation()  # the geometry and docks saved are the window's own
        self.live.shutdown()
        if self.document is not None:
            self.files.release_document(self.document)
            self._detach_panels()
        release_heap()
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_STATE, self._dock_state if self._dock_state is not None
                               else self.saveState())
        event.accept()


def _scroll_to_start(view: JourneyView) -> None:
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())


def show_new_window(document: Document, settings: QSettings | None = None) -> MainWindow:
    """A top-level window of its own for ``document``; it deletes itself when closed."""
    window = MainWindow(document, settings, docks_after_paint=True)  # shown at once, below
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_windows[key := id(window)] = window
    window.destroyed.connect(lambda _obj=None, key=key: _open_windows.pop(key, None))
    window.show()
    return window
