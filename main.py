"""Starts Journey Map Editor: the editor window, or a command-line verb (templates, new, check, ...).

``python main.py`` (optionally with .journey files) opens the editor; ``python main.py VERB ...`` or
an option (--help, --version) runs the command line. Imports cli at once and the editor (Qt) only
when the window is wanted, so the command line starts fast and works without a display.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

CLI_OPTIONS = ("--version", "--help", "-h")
DOCUMENT_SUFFIX = ".journey"
EXIT_FAILURE, EXIT_INTERRUPTED = 1, 130


def use_utf8_output() -> None:
    """Print Japanese titles correctly whatever the console's locale says (e.g. LANG=C)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):
            pass  # a stream that cannot change encoding any more keeps its own


def looks_like_document(argument: str) -> bool:
    path = Path(argument)
    return path.suffix.lower() == DOCUMENT_SUFFIX or path.exists() or "/" in argument \
        or "\\" in argument


def wants_cli(arguments: Sequence[str]) -> bool:
    """True for a verb or an option; false for nothing or documents to open in the editor."""
    if not arguments:
        return False
    first = arguments[0]
    if first.startswith("-") or first in CLI_OPTIONS:
        return True
    if Path(first).suffix.lower() == DOCUMENT_SUFFIX:
        return False  # no verb is named like a map: the editor starts without the command line
    import cli

    # A word that is neither a verb nor a document is a mistyped verb: the CLI says so (exit 2)
    # instead of the editor failing to open a file called "chek".
    return first in cli.verb_names() or not looks_like_document(first)


def run_editor(paths: list[str]) -> int:
    # The model (with networkx, some 400 modules) and the other Qt-free modules the first window
    # uses, before Qt: once PySide6 is loaded it reads the source of every module imported after
    # it, to see whether it uses PySide (0.15 s here for the model alone).
    import collab.links  # noqa: F401
    import collab.presence  # noqa: F401
    import exporters.workshop_rows  # noqa: F401
    import model  # noqa: F401
    import model.analysis  # noqa: F401
    import model.fileformat  # noqa: F401
    import model.layout.keeper  # noqa: F401
    import model.scenarios  # noqa: F401
    import model.templates  # noqa: F401

    try:
        from editor.window.app import run_gui
    except ModuleNotFoundError as exc:
        print(f"journey-map-editor: error: the editor cannot start: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return run_gui(paths)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if wants_cli(arguments):
            use_utf8_output()
            import cli

            return cli.main(arguments)
        return run_editor(arguments)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
