"""Everything Qt, in rooms: ``canvas`` (scene, items, gestures, view, render), ``panels``
(inspector, palette, docks), ``document`` (document, controller, undo commands, clipboard, lock,
recovery) and ``window`` (application, main window, menus, file and export verbs, dialogs).
The three modules here serve every room: ``i18n`` (tr and translators), ``fonts`` (the bundled
Japanese font) and ``settings`` (QSettings keys and helpers)."""
