"""The annotations package's modules import each other without a cycle (lazy imports included)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reader" / "annotations"


def imports_within_package(path: Path) -> set[str]:
    """The sibling modules `path` imports anywhere in its code, by module name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "reader.annotations."
        ):
            found.add(node.module.removeprefix("reader.annotations."))
    return found


def test_no_import_cycle_between_annotation_modules():
    graph = {
        p.stem: imports_within_package(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"
    }
    assert "store" in graph and "jsonld" in graph

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            n == goal or (n not in seen and reaches(n, goal, seen | {n}))
            for n in graph.get(start, ())
        )

    cycles = [module for module in graph if reaches(module, module, {module})]
    assert cycles == []
