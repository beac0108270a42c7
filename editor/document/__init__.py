"""One open map: the Document (map, undo stack, path, lock), the EditController and its undo
commands (the only way an edit reaches the model), clipboard and MIME types, file locking and
crash recovery. Imports PySide6 (no widgets but the recovery and lock prompts), model, editor.i18n,
editor.settings."""
