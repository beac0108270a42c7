"""The main window's actions, menus and toolbar, built once from the window's verbs.

Shortcuts are Qt's standard key sequences, so each platform gets its own conventions. Actions
that act on the canvas selection (delete, cut, copy, paste, duplicate, select all, edit text) are
shortcuts of the canvas only: pressed in an inspector field, Delete must not delete the card.
Icons come from the desktop theme, else Qt's standard pixmaps, else are painted here.
Imports: PySide6.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from editor.i18n import add_language_menu, tr

Key = QKeySequence.StandardKey
ThemeIcon = QIcon.ThemeIcon
Pixmap = QStyle.StandardPixmap


def glyph_icon(symbol: str) -> QIcon:
    """A magnifier with ``symbol`` ("+", "-", "1", "fit") in it: the zoom icons no style has."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    handle = QPen(Qt.GlobalColor.darkGray, 3)
    handle.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(handle)
    painter.drawLine(QPointF(20, 20), QPointF(29, 29))
    painter.setPen(QPen(Qt.GlobalColor.black, 2.2))
    painter.drawEllipse(QPointF(13, 13), 10, 10)
    if symbol in "+-":
        painter.drawLine(QPointF(8, 13), QPointF(18, 13))
    if symbol == "+":
        painter.drawLine(QPointF(13, 8), QPointF(13, 18))
    elif symbol == "fit":
        painter.drawRect(QRectF(8.5, 9.5, 9, 7))
    elif symbol == "1":
        painter.drawText(QRectF(3, 3, 20, 20), Qt.AlignmentFlag.AlignCenter, "1:1")
    painter.end()
    return QIcon(pixmap)


def badge_icon(text: str, colour: str) -> QIcon:
    """A page with a coloured ``text`` badge (PDF, XLS): export icons no style has."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.darkGray, 1.5))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRect(QRectF(6.5, 2.5, 19, 27))
    painter.fillRect(QRectF(1, 15, 30, 12), QColor(colour))
    font = painter.font()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    painter.drawText(QRectF(1, 15, 30, 12), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class WindowActions(QObject):
    """Every QAction of one MainWindow; the window connects them to its verbs."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._file_actions()
        self._edit_actions()
        self._view_actions()
        self._find_actions()
        self._canvas_toggles()
        self.workshop = window.workshop.actions  # editor.workshop.menu: presentation and timer
        self.shortcuts = self._action(self.tr("&Keyboard Shortcuts"),
                                      lambda: _help().show_shortcut_sheet(window), Key.HelpContents)
        self.user_guide = self._action(self.tr("&User Guide"), lambda: _help().show_user_guide(window))
        self.about = self._action(self.tr("&About Journey Map Editor"), window.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, text: str, slot, keys=None, icon: QIcon | None = None) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcuts(keys if isinstance(keys, list) else [keys])
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _icon(self, theme: ThemeIcon | None, standard: Pixmap | None) -> QIcon:
        icon = QIcon.fromTheme(theme) if theme is not None else QIcon()
        if icon.isNull() and standard is not None:
            icon = self.window.style().standardIcon(standard)
        return icon

    def _file_actions(self) -> None:
        w = self.window
        self.new = self._action(self.tr("&New from Template…"), w.files.new_from_template, Key.New,
                                self._icon(ThemeIcon.DocumentNew, Pixmap.SP_FileIcon))
        self.open = self._action(self.tr("&Open…"), w.files.open_file, Key.Open,
                                 self._icon(ThemeIcon.DocumentOpen, Pixmap.SP_DialogOpenButton))
        self.save = self._action(self.tr("&Save"), w.files.save, Key.Save,
                                 self._icon(ThemeIcon.DocumentSave, Pixmap.SP_DialogSaveButton))
        self.save_as = self._action(self.tr("Save &As…"), w.files.save_as, Key.SaveAs,
                                    self._icon(ThemeIcon.DocumentSaveAs, None))
        self.export_pdf = self._action(self.tr("&PDF Poster…"), w.exports.export_pdf,
                                       QKeySequence(self.tr("Ctrl+E")),
                                       badge_icon("PDF", "#c62828"))
        self.export_excel = self._action(self.tr("&Excel Workbook…"), w.exports.export_excel,
                                         icon=badge_icon("XLS", "#1e7145"))
        self.export_image = self._action(self.tr("&Image (PNG/SVG)…"), w.exports.export_image)
        self.export_pptx = self._action(self.tr("Power&Point Slides…"), w.exports.export_pptx,
                                        icon=badge_icon("PPT", "#c43e1c"))
        self.export_record = self._action(self.tr("&Workshop Record…"), w.exports.export_record)
        self.import_map = self._action(self.tr("&Import…"), w.files.import_map)
        self.share_live = self._action(self.tr("Share &Live…"), w.live.share_live)
        self.join_live = self._action(self.tr("&Join Live Session…"), w.live.join_live)
        self.stop_live = self._action(self.tr("S&top Live Session"), w.live.stop_live)
        self.stop_live.setEnabled(False)
        self.close = self._action(self.tr("&Close"), w.close_map, Key.Close)
        self.quit = self._action(self.tr("&Quit"), w.quit_application, Key.Quit,
                                 self._icon(ThemeIcon.ApplicationExit, None))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

    def _edit_actions(self) -> None:
        w = self.window
        self.undo = w.undo_group.createUndoAction(w, self.tr("&Undo"))
        self.undo.setShortcuts(Key.Undo)
        self.undo.setIcon(self._icon(ThemeIcon.EditUndo, Pixmap.SP_ArrowBack))
        self.redo = w.undo_group.createRedoAction(w, self.tr("&Redo"))
        self.redo.setShortcuts(Key.Redo)
        self.redo.setIcon(self._icon(ThemeIcon.EditRedo, Pixmap.SP_ArrowForward))
        self.cut = self._action(self.tr("Cu&t"), w.verbs.cut, Key.Cut, self._icon(ThemeIcon.EditCut, None))
        self.copy = self._action(self.tr("&Copy"), w.verbs.copy, Key.Copy,
                                 self._icon(ThemeIcon.EditCopy, None))
        self.paste = self._action(self.tr("&Paste"), w.verbs.paste, Key.Paste,
                                  self._icon(ThemeIcon.EditPaste, None))
        self.duplicate = self._action(self.tr("D&uplicate"), w.verbs.duplicate,
                                      QKeySequence(self.tr("Ctrl+D")))
        self.delete = self._action(self.tr("&Delete"), w.verbs.delete, Key.Delete,
                                   self._icon(ThemeIcon.EditDelete, Pixmap.SP_TrashIcon))
        self.select_all = self._action(self.tr("Select &All"), w.verbs.select_all, Key.SelectAll)
        self.edit_text = self._action(self.tr("&Edit Text"), w.verbs.edit_text, QKeySequence(Qt.Key.Key_F2))
        for action in self.canvas_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def set_map_open(self, is_open: bool) -> None:
        """Enable what needs a map (the start screen has none): saving, exports, edits, zoom."""
        for action in (self.save, self.save_as, self.export_pdf, self.export_excel,
                       self.export_image, *self.canvas_actions(), self.zoom_in, self.zoom_out,
                       self.reset_zoom, self.fit, self.export_pptx, self.share_live,
                       self.export_record):
            action.setEnabled(is_open)
        self.window.workshop.set_map_open(is_open)

    def canvas_actions(self) -> list[QAction]:
        """The actions whose shortcuts belong to the canvas (added to each new view)."""
        return [self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all,
                self.edit_text]

    def _view_actions(self) -> None:
        w = self.window
        # Ctrl+= too: the "+" key of most keyboards needs Shift, and Ctrl+Shift+= is what arrives.
        zoom_in_keys = QKeySequence.keyBindings(Key.ZoomIn) + [QKeySequence("Ctrl+=")]
        self.zoom_in = self._action(self.tr("Zoom &In"), w.verbs.zoom_in, zoom_in_keys, glyph_icon("+"))
        self.zoom_out = self._action(self.tr("Zoom &Out"), w.verbs.zoom_out, Key.ZoomOut, glyph_icon("-"))
        self.reset_zoom = self._action(self.tr("&Actual Size"), w.verbs.reset_zoom,
                                       QKeySequence(self.tr("Ctrl+0")), glyph_icon("1"))
        self.fit = self._action(self.tr("&Fit to Window"), w.verbs.fit_to_window,
                                QKeySequence(self.tr("Ctrl+9")), glyph_icon("fit"))


    def _find_actions(self) -> None:
        bar = self.window.find_bar
        self.find = self._action(self.tr("&Find…"), bar.start, Key.Find)
        self.find_next = self._action(self.tr("Find &Next"), bar.next, Key.FindNext)
        self.find_previous = self._action(self.tr("Find Pre&vious"), bar.previous, Key.FindPrevious)

    def _canvas_toggles(self) -> None:
        """Checkable View entries, remembered in the settings (editor.canvas.options)."""
        self.freeze_headers = self._toggle(self.tr("&Freeze Headers"), "frozen")
        self.show_links = self._toggle(self.tr("Idea → Pain Point &Links"), "links")
        self.show_paths = self._toggle(self.tr("Journey &Paths"), "paths")
        self.show_legend = self._toggle(self.tr("Le&gend"), "legend")

    def _toggle(self, text: str, name: str) -> QAction:
        w = self.window
        action = QAction(text, w)
        action.setCheckable(True)
        action.setChecked(w.canvas_options.value(name))
        action.toggled.connect(lambda on: w.canvas_options.set(name, on, w.view))
        return action


def build_menus(window: QMainWindow, actions: WindowActions, docks: list) -> QMenu:
    """The menu bar; returns the Open Recent menu, which the window fills when it opens."""
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addActions([actions.new, actions.open])
    recent = file_menu.addMenu(tr("Open &Recent"))
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    export = file_menu.addMenu(tr("&Export"))
    export.addActions([actions.export_pdf, actions.export_excel, actions.export_image])
    export.addAction(actions.export_pptx)
    export.addSeparator()
    export.addAction(actions.export_record)  # the workshop's summary (issue 14)
    file_menu.addAction(actions.import_map)  # with or without an open map
    file_menu.addSeparator()
    file_menu.addActions([actions.share_live, actions.join_live, actions.stop_live])
    file_menu.addSeparator()
    file_menu.addActions([actions.close, actions.quit])
    edit = bar.addMenu(tr("&Edit"))
    edit.addActions([actions.undo, actions.redo])
    edit.addSeparator()
    edit.addActions([actions.cut, actions.copy, actions.paste, actions.duplicate, actions.delete])
    edit.addSeparator()
    edit.addActions([actions.select_all, actions.edit_text])
    edit.addSeparator()
    edit.addActions([actions.find, actions.find_next, actions.find_previous])
    view = bar.addMenu(tr("&View"))
    view.addActions([actions.zoom_in, actions.zoom_out, actions.reset_zoom, actions.fit])
    view.addSeparator()
    view.addActions([actions.freeze_headers, actions.show_links, actions.show_paths,
                     actions.show_legend])
    view.addSeparator()
    window.scenarios.fill_menu(view)  # View → Scenario, View → Compare Scenarios… (scenario_ui)
    view.addSeparator()
    view.addActions([dock.toggleViewAction() for dock in docks])
    view.addSeparator()
    add_language_menu(view.addMenu(tr("&Language")), window)
    window.workshop.fill_menu(bar.addMenu(tr("&Workshop")))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addActions([actions.shortcuts, actions.user_guide])
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    return recent


def build_toolbar(window: QMainWindow, actions: WindowActions) -> QToolBar:
    toolbar = window.addToolBar(tr("Main"))
    toolbar.setObjectName("MainToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for group in ([actions.new, actions.open, actions.save], [actions.undo, actions.redo],
                  [actions.delete], [actions.zoom_out, actions.zoom_in, actions.fit],
                  [actions.export_pdf, actions.export_excel]):
        toolbar.addActions(group)
        toolbar.addSeparator()
    return toolbar


def _help():
    """The Help sheets, loaded when first asked for: the first window does without them."""
    import editor.window.help as help_sheets
    return help_sheets
