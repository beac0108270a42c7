"""The command line: builds the argparse parser and dispatches to one module per verb.

Each verb is a module of this package with ``add_parser(subparsers)`` and ``run(args) -> int``.
Pure Python: imports the standard library and model.*; verb modules are imported only when the
parser is built, so ``import cli`` loads neither them nor Qt.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from model.journey.errors import JourneyFileError, ModelError

PROG = "journey-map-editor"
APP_NAME = "Journey Map Editor"
FALLBACK_VERSION = "0.1.0"
# Order is the order of the help text. Verbs written later by others (render, export) are skipped
# until their module exists, so the command line works at every stage of the project.
VERB_MODULES = ("templates_cmd", "new", "check", "compare", "render", "export", "import_cmd",
                "serve", "pull")
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def app_version() -> str:
    """The installed version; from pyproject.toml (or a constant) when running from a checkout."""
    from importlib import metadata

    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:
        pass
    try:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return FALLBACK_VERSION


def verb_modules() -> list[ModuleType]:
    modules = []
    for name in VERB_MODULES:
        try:
            modules.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise  # the verb exists but something it needs is missing: a real error
    return modules


def _build() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = argparse.ArgumentParser(
        prog=PROG, description=f"{APP_NAME}: customer journey maps for customer-success workshops.",
        epilog="Without a command, the editor window opens (with any .journey files given).")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {app_version()}")
    subparsers = parser.add_subparsers(dest="verb", metavar="COMMAND", title="commands")
    subparsers.required = True
    for module in verb_modules():
        before = set(subparsers.choices)
        module.add_parser(subparsers)
        # Bind the verb's run here rather than trusting each module to set_defaults(...) itself.
        for name in set(subparsers.choices) - before:
            subparsers.choices[name].set_defaults(verb_run=module.run)
    return parser, subparsers


def build_parser() -> argparse.ArgumentParser:
    return _build()[0]


def verb_names() -> set[str]:
    """The names (and aliases) of every registered verb."""
    return set(_build()[1].choices)


def one_line(error: BaseException) -> str:
    """An error as a single line: the message, never a traceback, never a line break."""
    return " ".join(str(error).split()) or type(error).__name__


def report_error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the verb; returns the exit status instead of exiting."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help/--version (0) and usage errors (2) end parsing this way
        if exc.code is None:
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return args.verb_run(args)
    except (JourneyFileError, ModelError) as exc:
        report_error(one_line(exc))
        return EXIT_USAGE
    except OSError as exc:
        report_error(one_line(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
