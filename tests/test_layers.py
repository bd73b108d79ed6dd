"""The package's folders follow the data's path, and imports only go down it.

Layers, lowest first: the base modules (errors, io, limits); ``kg.model`` (what the graph is);
``kg.stores`` (where it is kept); ``kg.query`` and ``kg.validate`` (asking and checking it);
``kg.render`` (turning answers and graphs into bytes and pictures); ``kg.edit`` and
``kg.serve`` (changing the data folder, serving it); ``kg.cli`` on top. The package root and
the public aliases ``kg.network`` / ``kg.export`` may use anything; nothing may use them.
Every import counts, also those inside functions (they are how heavy libraries load late).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src" / "kg"

LAYERS = {
    "kg.errors": 0,
    "kg.io": 0,
    "kg.limits": 0,
    "kg.model": 1,
    "kg.stores": 2,
    "kg.query": 3,
    "kg.validate": 3,
    "kg.render": 4,
    "kg.edit": 5,
    "kg.serve": 5,
    "kg.cli": 6,
}
TOP = {"kg", "kg.__main__", "kg.network", "kg.export"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                if base == "kg" and alias.name.startswith("__"):
                    continue  # kg.__version__: a constant, not the package's lazy API
                child = f"{base}.{alias.name}"
                found.add(child if child in MODULES else base)
    return {m for m in found if m == "kg" or m.startswith("kg.")}


def layer(name: str) -> int | None:
    if name in TOP:
        return None
    for prefix, rank in sorted(LAYERS.items(), key=lambda kv: -len(kv[0])):
        if name == prefix or name.startswith(prefix + "."):
            return rank
    raise AssertionError(f"{name} belongs to no layer: add it to LAYERS in this test")


def test_every_module_has_a_layer():
    for name in MODULES:
        layer(name)


def test_no_module_imports_from_a_higher_layer():
    upward = []
    for name in MODULES:
        mine = layer(name)
        for target in imports_of(name):
            if target in TOP and mine is not None:
                upward.append(f"{name} -> {target} (a public alias)")
            theirs = layer(target) if target not in TOP else None
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{name} (layer {mine}) -> {target} (layer {theirs})")
    assert not upward, "imports going up the layers:\n" + "\n".join(sorted(upward))


def test_no_import_cycle():
    graph = nx.DiGraph()
    for name in MODULES:
        for target in imports_of(name):
            # a package's __init__ re-exporting its own modules is not a cycle with them
            if target.startswith(name + ".") and MODULES[name].name == "__init__.py":
                continue
            if name.startswith(target + ".") and MODULES.get(target, Path()).name == "__init__.py":
                continue
            graph.add_edge(name, target)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_checker_sees_a_cycle_and_an_upward_import(monkeypatch):
    # the control: the same code on a made-up pair of modules does object
    fake = {"kg.model.a": "from kg.render import b\n", "kg.render.b": "import kg.model.a\n"}
    graph = nx.DiGraph()
    for name, text in fake.items():
        for node in ast.walk(ast.parse(text)):
            targets = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [f"{node.module}.{a.name}" for a in node.names]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for target in targets:
                graph.add_edge(name, target)
    assert list(nx.simple_cycles(graph))
    assert layer("kg.render.b") > layer("kg.model.a")


#: Longer than the guide's ~400 lines or ~60-line functions, each with the reason it stays.
LONG_ALLOWED: dict[str, str] = {}


def test_files_and_functions_stay_small():
    too_long = []
    for name, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 420 and name not in LONG_ALLOWED:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                key = f"{name}.{node.name}"
                if length > 65 and key not in LONG_ALLOWED:
                    too_long.append(f"{key}: {length} lines")
    assert not too_long, "split these (or say in LONG_ALLOWED why not):\n" + "\n".join(too_long)
