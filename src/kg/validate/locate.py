"""Naming resources in findings, and finding the ``file:line`` each is described at."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

_PREFIX_LINE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


def display_path(path: Path) -> str:
    """A path as a person typed it: relative to the working folder when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def locate_subjects(files: Iterable[Path]) -> dict[str, str]:
    """IRI -> ``file:line`` of the first Turtle line that starts with it as a subject.

    rdflib keeps no line numbers, so this reads the Turtle text: good enough to send a
    person to the resource's description, which in our files starts at column 1.
    """
    where: dict[str, str] = {}
    for path in files:
        if path.suffix.lower() not in (".ttl", ".turtle"):
            continue
        prefixes: dict[str, str] = {}
        shown = display_path(path)
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                m = _PREFIX_LINE.match(line)
                if m:
                    prefixes[m.group(1)] = m.group(2)
                    continue
                if not line or line[0] in " \t\r\n#@[(":
                    continue
                token = line.split(None, 1)[0]
                if token.startswith("<") and token.endswith(">"):
                    iri = token[1:-1]
                elif ":" in token:
                    prefix, local = token.split(":", 1)
                    if prefix not in prefixes:
                        continue
                    iri = prefixes[prefix] + local.rstrip(".;,")
                else:
                    continue
                where.setdefault(iri, f"{shown}:{lineno}")
    return where


class Namer:
    """Prefixed names for findings, and the file:line a focus node is described at."""

    def __init__(self, graph: Graph, locations: dict[str, str]) -> None:
        self.graph = graph
        self.nsm = graph.namespace_manager
        self.locations = locations

    def name(self, node: object, depth: int = 0) -> str:
        if isinstance(node, BNode):
            holder = self._holder(node)
            if holder is None or depth > 4:
                return "[ ]"
            subject, predicate = holder
            return f"{self.name(subject, depth + 1)} {self.name(predicate)} [ ]"
        if isinstance(node, (URIRef, Literal)):
            return node.n3(self.nsm)
        return str(node)

    def where(self, node: object, depth: int = 0) -> str:
        if isinstance(node, BNode):
            holder = self._holder(node)
            return "" if holder is None or depth > 4 else self.where(holder[0], depth + 1)
        return self.locations.get(str(node), "")

    def _holder(self, node: BNode) -> tuple[object, object] | None:
        holders = sorted(self.graph.subject_predicates(node), key=lambda sp: (str(sp[0]), sp[1]))
        return holders[0] if holders else None
