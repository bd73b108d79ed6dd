"""JSON-LD out: the project context, compaction with pyld, and a loader that never fetches.

pyld would fetch remote contexts; here the only context is the shipped
``ontology/context.jsonld``, and any other URL is refused, so writing JSON-LD never goes
to the network. Node order, key order and integer values are fixed so the bytes repeat.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rdflib.namespace import XSD

from kg.errors import InputError
from kg.model import paths
from kg.render.rdf.canonical import Quad, dataset_of


@lru_cache(maxsize=1)
def _context_text() -> str:
    try:
        return paths.CONTEXT_FILE.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("the JSON-LD context is missing", where=str(paths.CONTEXT_FILE)) from None


def load_context() -> dict[str, Any]:
    """The project's JSON-LD context (the value of ``@context`` in ontology/context.jsonld)."""
    return json.loads(_context_text())["@context"]


def no_network(url: str, options: Any = None) -> Any:
    """pyld's document loader: refuse every URL, contexts are resolved locally."""
    from pyld.jsonld import JsonLdError

    raise JsonLdError(
        f"refusing to fetch {url}: summit-kg resolves contexts locally",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


_INTEGER = re.compile(r"^(0|-?[1-9][0-9]*)$")


def _native(node: Any) -> Any:
    """xsd:integer and xsd:boolean values as JSON numbers and booleans, where lossless.

    pyld's ``useNativeTypes`` also turns doubles into JSON numbers, whose lexical form does
    not survive a round trip; here only canonical integer and boolean forms are converted.
    """
    if isinstance(node, list):
        return [_native(x) for x in node]
    if not isinstance(node, dict):
        return node
    if "@value" in node and set(node) == {"@value", "@type"}:
        value, dtype = node["@value"], node["@type"]
        if dtype == str(XSD.integer) and _INTEGER.match(value) and abs(int(value)) < 2**53:
            return {"@value": int(value)}
        if dtype == str(XSD.boolean) and value in ("true", "false"):
            return {"@value": value == "true"}
        return node
    return {k: _native(v) for k, v in node.items()}


def expanded(quads: Sequence[Quad]) -> list[Any]:
    """Expanded JSON-LD of (canonical) quads, read from their sorted N-Quads."""
    from pyld import jsonld

    nquads = dataset_of(quads).serialize(format="nquads", encoding="utf-8").decode("utf-8")
    nquads = "".join(sorted(line + "\n" for line in nquads.splitlines() if line.strip()))
    return _native(jsonld.from_rdf(nquads, {"format": "application/n-quads"}))


def sort_nodes(doc: Any) -> Any:
    """Sort every ``@graph`` array by node id, so output order never depends on hashing."""
    if isinstance(doc, list):
        return [sort_nodes(x) for x in doc]
    if not isinstance(doc, dict):
        return doc
    first = ("@context", "id", "@id", "type", "@type")
    keys = [k for k in first if k in doc] + sorted(k for k in doc if k not in first)
    out = {k: sort_nodes(doc[k]) for k in keys}
    for k, v in out.items():  # paragraph numbers read 4, 5, 21 rather than 21, 4, 5
        if k != "@list" and isinstance(v, list) and all(_is_int(x) for x in v):
            out[k] = sorted(v)
    if isinstance(out.get("@graph"), list):
        out["@graph"] = sorted(out["@graph"], key=_node_sort_key)
    return out


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _node_sort_key(node: Any) -> tuple[int, str]:
    if not isinstance(node, dict):
        return (2, json.dumps(node, sort_keys=True))
    ident = node.get("id", node.get("@id", ""))
    return (1 if ident.startswith("_:") else 0, ident)


def dump(doc: Any) -> bytes:
    """JSON with the context first, one term per line, so the file reads and diffs well."""
    doc = dict(doc)
    ctx = doc.pop("@context", None)
    body = json.dumps(doc, indent=2, ensure_ascii=False)
    if ctx is not None:
        rest = "\n}" if not doc else "," + body[1:]
        body = '{\n  "@context": ' + _format_context(ctx, "  ") + rest
    return (body + "\n").encode("utf-8")


def _format_context(ctx: Any, indent: str) -> str:
    if isinstance(ctx, list):
        inner = indent + "  "
        items = ",\n".join(inner + _format_context(c, inner) for c in ctx)
        return "[\n" + items + "\n" + indent + "]"
    if not isinstance(ctx, dict):
        return json.dumps(ctx, ensure_ascii=False)
    inner = indent + "  "
    items = ",\n".join(
        f"{inner}{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in ctx.items()
    )
    return "{\n" + items + "\n" + indent + "}"


def to_jsonld(quads: Sequence[Quad], *, context: bool) -> bytes:
    """Quads as JSON-LD bytes: compacted with the project context, or expanded."""
    from pyld import jsonld

    doc = expanded(quads)
    if not context:
        return dump(sort_nodes({"@graph": doc})["@graph"])
    ctx = load_context()
    compacted = jsonld.compact(
        doc, {"@context": ctx}, {"graph": True, "documentLoader": no_network}
    )
    compacted["@context"] = ctx
    return dump(sort_nodes(compacted))
