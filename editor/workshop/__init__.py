"""The workshop room: what a facilitator runs the room with on one machine, built so that a live
session can share it later (issue 14): presentation mode (stages stepped through, a card in the
spotlight) and the timebox (a countdown over the canvas). ``workshop.Workshop`` is what the window
owns (``window.workshop``); ``state`` holds the Qt-free session state a live layer syncs.
Only editor.window imports this room; it may import editor.canvas, editor.panels, editor.document.
See docs/workshop.md."""
