"""JSON-LD 1.1 framing: the graph as nested documents, one treaty or actor at a time.

Frames ship in ``ontology/frames/NAME.jsonld``; their ``@context`` may name
``"context.jsonld"``, which is replaced by the project context so nothing is fetched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.errors import InputError, UsageError
from kg.model import paths
from kg.model.namespaces import PREFIXES
from kg.render.rdf.canonical import canonical_quads, quads_of
from kg.render.rdf.jsonld import expanded, load_context, no_network, sort_nodes

FRAMES_DIR: Path = paths.ONTOLOGY_DIR / "frames"


def frame_names() -> list[str]:
    """The shipped frames (ontology/frames/NAME.jsonld)."""
    return sorted(p.stem for p in FRAMES_DIR.glob("*.jsonld"))


def load_frame(frame: str | Path) -> dict[str, Any]:
    """A frame by name (``agreements``, ``actors``) or path, its context made inline.

    A frame file's ``@context`` may name ``"context.jsonld"``: that entry is replaced by
    the project context, so frames stay short and nothing is fetched from the network.
    """
    path = Path(frame)
    if not path.suffix and (FRAMES_DIR / f"{frame}.jsonld").is_file():
        path = FRAMES_DIR / f"{frame}.jsonld"
    if not path.is_file():
        raise UsageError(
            f"no frame {str(frame)!r}",
            where="--frame",
            hint=f"use one of {', '.join(frame_names())} or a .jsonld frame file",
        )
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from None
    ctx = doc.get("@context", [])
    entries = ctx if isinstance(ctx, list) else [ctx]
    doc["@context"] = [load_context() if e == "context.jsonld" else e for e in entries]
    return doc


def expand_iri(name: str) -> str:
    """A CURIE (``skgr:china``) or full IRI as a full IRI."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return name


def frame(
    graph: Graph | Dataset, frame: str | Path | dict[str, Any], *, subject: str | None = None
) -> dict[str, Any]:
    """The graph as nested JSON-LD documents shaped by a JSON-LD 1.1 frame (pyld).

    ``subject`` (a CURIE or IRI) keeps only that node at the top, e.g. one treaty.
    """
    from pyld import jsonld

    doc = load_frame(frame) if not isinstance(frame, dict) else dict(frame)
    if subject is not None:
        doc["@id"] = expand_iri(subject)
    framed = jsonld.frame(
        expanded(canonical_quads(quads_of(graph, keep_graphs=False))),
        doc,
        {"embed": "@never", "omitDefault": True, "omitGraph": False, "documentLoader": no_network},
    )
    framed["@context"] = doc["@context"]
    return sort_nodes(framed)
