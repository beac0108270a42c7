"""The canvas: the scene that follows the model (``scene``), its thin item views (``items``,
``emotion_item``), what the user does on it (``interaction``, ``gestures``, ``inline_edit``,
``context_menu``), painting helpers, the view (zoom, pan) and headless rendering (``render``).
Imports PySide6, model, editor.document (controller, clipboard, mime) and the shared editor modules."""
