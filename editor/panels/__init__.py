"""Docks beside the canvas: the inspector and its forms, the palette, the moments-of-truth and
health-check docks, segments and paths. They read the model and edit through the controller.
Imports PySide6, model, editor.document and the shared editor modules (never editor.window)."""
