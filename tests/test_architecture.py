"""The shape of the code, checked statically: no import circles between the project's modules, and
dependencies point one way (docs/architecture.md). Reads the sources with ``ast``; imports nothing."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("model", "editor", "exporters", "importers", "collab", "cli")

# room -> rooms it must never import (a prefix matches the room and everything below it).
FORBIDDEN = {
    "model": ("editor", "exporters", "importers", "collab", "cli"),
    "exporters": ("editor", "importers", "collab", "cli"),
    "importers": ("editor", "exporters", "collab", "cli"),
    "collab": ("editor", "exporters", "importers", "cli"),
    "editor.document": ("editor.canvas", "editor.panels", "editor.window", "editor.live",
                        "editor.workshop"),
    "editor.canvas": ("editor.panels", "editor.window", "editor.live", "editor.workshop"),
    "editor.panels": ("editor.window", "editor.live", "editor.workshop"),
    # The live room reaches the window through the window object it is given; the rooms below
    # it know nothing of sessions (the session installs a hook on the controller instead).
    "editor.live": ("editor.window",),
    # The workshop's state reaches a live session through the window too (docs/workshop.md).
    "editor.workshop": ("editor.window", "editor.live"),
    "model.journey": ("model.fileformat", "model.layout", "model.templates", "model.analysis"),
    # Scenarios build and save whole documents with the file layer, never the other way round.
    "model.fileformat": ("model.scenarios",),
}


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    modules["main"] = ROOT / "main.py"
    return modules


def _type_checking_only(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imported_names(path: Path, module: str, modules: dict[str, Path]) -> set[str]:
    """Project modules that ``module`` imports at run time (at the top or inside functions;
    ``if TYPE_CHECKING:`` blocks are annotations only and do not count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in modules and name != module}


def import_graph() -> nx.DiGraph:
    modules = project_modules()
    graph = nx.DiGraph()
    for module, path in modules.items():
        graph.add_node(module)
        for target in imported_names(path, module, modules):
            # A package's __init__ importing its own modules is how a package exports; the
            # modules importing the package's other modules is not a circle through __init__.
            if not module.startswith(target + "."):
                graph.add_edge(module, target)
    return graph


def test_no_import_circles_between_project_modules():
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert not cycles, cycles


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_dependencies_point_one_way(room):
    graph = import_graph()
    bad = sorted((source, target) for source, target in graph.edges
                 if (source == room or source.startswith(room + "."))
                 and any(target == f or target.startswith(f + ".") for f in FORBIDDEN[room]))
    assert not bad, bad


def test_only_the_window_imports_the_workshop_room():
    """editor.workshop (presentation, timer) is wired into the window and nowhere else."""
    graph = import_graph()
    room = "editor.workshop"
    bad = sorted((source, target) for source, target in graph.edges
                 if (target == room or target.startswith(room + "."))
                 and not source.startswith(("editor.window.", room + ".")) and source != room)
    assert not bad, bad


def test_the_circle_check_would_notice_a_circle():
    """Guards the guard on a made-up graph shaped like the old journey <-> serialize circle."""
    graph = nx.DiGraph([("model.journey", "model.serialize"), ("model.serialize", "model.journey")])
    assert [c for c in nx.strongly_connected_components(graph) if len(c) > 1]


def test_the_rooms_hold_few_loose_modules():
    """editor/ and model/ hold at most three modules of their own beside __init__ (issue 9)."""
    for package in ("editor", "model"):
        loose = [p.name for p in (ROOT / package).glob("*.py") if p.name != "__init__.py"]
        assert len(loose) <= 3, (package, loose)
