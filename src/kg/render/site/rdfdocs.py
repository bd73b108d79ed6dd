"""A resource's description as Turtle and JSON-LD files, for the site's download links.

Why not :func:`kg.render.rdf.serialize.serialize`: it canonicalises blank nodes and
compacts JSON-LD with the full project context through pyld, about 40 ms a resource; a
site has six hundred, which would make ``kg site`` take half a minute. A description is a
small tree (named subjects; blank nodes each held by one statement: amounts, annotation
targets and selectors), so it is written directly here, in about a millisecond:

* Turtle with the project's prefixes, subjects and predicates sorted, every blank node
  written in place as ``[ ... ]``, literals in their exact lexical form (a decimal stays
  ``"3000"^^xsd:decimal``, as the data writes it);
* JSON-LD whose ``@context`` holds only the prefixes it uses, each node an object with
  prefixed keys, blank nodes embedded, literals as ``@value`` with ``@type``/``@language``.

Both are repeatable to the byte and parse back to the same graph (tested). A blank node
held by two statements (none in the shipped data) is written with a label numbered in
order of appearance, so the output stays valid and repeatable.

May use: rdflib, :mod:`kg.model.namespaces`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier

from kg.model.namespaces import PREFIXES

Triple = tuple[Identifier, Identifier, Identifier]
_TYPE = RDF.type
_STRING = XSD.string
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_BAD = re.compile(r'[\\"\x00-\x1f]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class _Writer:
    """What both syntaxes share: prefixes used, which blank nodes nest, their order."""

    def __init__(self, triples: Iterable[Triple], first: Identifier | None = None) -> None:
        self.used: set[str] = set()
        self.index: dict[Identifier, dict[URIRef, list[Identifier]]] = {}
        held: dict[BNode, int] = {}
        for s, p, o in triples:
            self.index.setdefault(s, {}).setdefault(p, []).append(o)  # type: ignore[arg-type]
            if isinstance(o, BNode):
                held[o] = held.get(o, 0) + 1
        self.nested = {b for b, n in held.items() if n == 1}
        named = sorted((s for s in self.index if not isinstance(s, BNode)), key=str)
        if first is not None and first in named:
            named.remove(first)
            named.insert(0, first)
        loose = sorted(
            (s for s in self.index if isinstance(s, BNode) and s not in self.nested), key=str
        )
        self.roots: list[Identifier] = [*named, *loose]
        self.labels = {b: f"b{i}" for i, b in enumerate(loose)}

    def compact(self, iri: str) -> str | None:
        found = _compact(iri)
        if found is not None:
            self.used.add(found.split(":", 1)[0])
        return found

    def predicates(self, node: Identifier) -> list[tuple[URIRef, list[Identifier]]]:
        props = self.index.get(node, {})
        order = sorted(props, key=lambda p: (p != _TYPE, str(p)))
        return [(p, sorted(props[p], key=_order)) for p in order]


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str | None:
    """``skgr:china`` for a project IRI whose local part is a Turtle local name, else None."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default="")
    local = iri[len(best) :]
    if best and (local == "" or _LOCAL.fullmatch(local)):
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        return f"{prefix}:{local}"
    return None


def _order(term: Identifier) -> tuple[int, str]:
    return (2 if isinstance(term, BNode) else 1 if isinstance(term, Literal) else 0, term.n3())


def _iri_turtle(w: _Writer, iri: str) -> str:
    short = w.compact(iri)
    if short is not None:
        return short
    return "<" + _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"


def _string_turtle(text: str) -> str:
    return '"' + _STRING_BAD.sub(_escape_char, text) + '"'


def _escape_char(match: re.Match[str]) -> str:
    ch = match.group()
    return _STRING_ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def _term_turtle(w: _Writer, term: Identifier, indent: str) -> str:
    if isinstance(term, URIRef):
        return _iri_turtle(w, str(term))
    if isinstance(term, Literal):
        text = _string_turtle(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != _STRING:
            return f"{text}^^{_iri_turtle(w, str(term.datatype))}"
        return text
    if term in w.nested:
        body = _block_turtle(w, term, indent + "    ")
        return f"[\n{body}\n{indent}]"
    return f"_:{w.labels[term]}"


def _block_turtle(w: _Writer, node: Identifier, indent: str) -> str:
    lines = []
    for prop, objects in w.predicates(node):
        verb = "a" if prop == _TYPE else _iri_turtle(w, str(prop))
        values = ", ".join(_term_turtle(w, o, indent) for o in objects)
        lines.append(f"{indent}{verb} {values}")
    return " ;\n".join(lines)


def turtle_of(triples: Iterable[Triple], first: Identifier | None = None) -> bytes:
    """The triples (a Graph will do) as Turtle; ``first``, the described resource, first."""
    w = _Writer(triples, first)
    blocks = []
    for root in w.roots:
        name = _term_turtle(w, root, "") if not isinstance(root, BNode) else f"_:{w.labels[root]}"
        blocks.append(f"{name}\n{_block_turtle(w, root, '    ')} .\n")
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items() if p in w.used)
    return (header + "\n" + "\n".join(blocks)).encode("utf-8")


def _iri_json(w: _Writer, iri: str) -> str:
    return w.compact(iri) or iri


def _value_json(w: _Writer, term: Identifier) -> Any:
    if isinstance(term, URIRef):
        return {"@id": _iri_json(w, str(term))}
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is not None and term.datatype != _STRING:
            return {"@value": str(term), "@type": _iri_json(w, str(term.datatype))}
        return {"@value": str(term)}
    if term in w.nested:
        return _node_json(w, term)
    return {"@id": f"_:{w.labels[term]}"}


def _node_json(w: _Writer, node: Identifier) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not isinstance(node, BNode):
        out["@id"] = _iri_json(w, str(node))
    elif node not in w.nested:
        out["@id"] = f"_:{w.labels[node]}"
    for prop, objects in w.predicates(node):
        if prop == _TYPE and all(isinstance(o, URIRef) for o in objects):
            out["@type"] = [_iri_json(w, str(o)) for o in objects]
        else:
            out[_iri_json(w, str(prop))] = [_value_json(w, o) for o in objects]
    return out


def jsonld_of(triples: Iterable[Triple], first: Identifier | None = None) -> bytes:
    """The triples (a Graph will do) as JSON-LD with a prefixes-only context."""
    w = _Writer(triples, first)
    nodes = [_node_json(w, root) for root in w.roots]
    context = {p: ns for p, ns in PREFIXES.items() if p in w.used}
    # one node per line: readable, and json's fast encoder (indent= would switch it off)
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    body = ",\n ".join(dump(node) for node in nodes)
    return f'{{"@context":{dump(context)},\n"@graph":[\n {body}\n]}}\n'.encode()
