"""MIME types for drag and drop and the clipboard, shared by the palette, the scene and the view."""

PALETTE_MIME = "application/x-journey-palette"  # payload: b"stage", b"lane" or b"card:<kind>"
CARDS_MIME = "application/x-journey-cards"  # payload: UTF-8 JSON list of cards (the file format's)
