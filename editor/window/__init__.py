"""The application and its windows: start-up (``app``), the main window, actions and menus, the
file verbs (``file_ops``), the export UI and the template dialog. The top room: it may import every
other room of the editor, and none of them imports it."""
