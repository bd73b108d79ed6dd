"""Content negotiation: which format an answer is written in, from Accept or ``format=``.

Pure string work (no rdflib), so the HTTP threads can call it cheaply.
"""

from __future__ import annotations

#: media types a client may ask for -> format name, per kind of answer.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "sparql-tsv",  # the W3C TSV, not kg query's plain tsv
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "rdfxml",
}
DEFAULT = {"results": "json", "graph": "ttl"}

#: what ``format=``/``output=`` names (SPARQLWrapper sends them) mean for each kind.
FORMAT_ALIASES: dict[str, dict[str, str]] = {
    "results": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "sparql-tsv", "srj": "json"},
    "graph": {
        "turtle": "ttl",
        "ttl": "ttl",
        "json-ld": "jsonld",
        "jsonld": "jsonld",
        "json": "jsonld",
        "nt": "nt",
        "n-triples": "nt",
        "ntriples": "nt",
        "xml": "rdfxml",
        "rdf+xml": "rdfxml",
        "rdfxml": "rdfxml",
    },
}


def types_for(kind: str) -> dict[str, str]:
    """The media-type table of a ``results`` or ``graph`` answer."""
    return RESULT_TYPES if kind == "results" else GRAPH_TYPES


def parse_accept(accept: str | None) -> list[str]:
    """Media ranges of an Accept header, best first (by q, then by order given)."""
    if not accept:
        return ["*/*"]
    ranges = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, index, media))
    return [m for _, _, m in sorted(ranges)] or ["*/*"]


def negotiate(kind: str, accept: str | None = None, explicit: str | None = None) -> str | None:
    """The format name to answer in, for a ``results`` or ``graph`` answer; None if the
    client accepts nothing we can write (406). ``explicit`` (``format=`` / ``output=``) wins.
    """
    table = types_for(kind)
    if explicit:
        return FORMAT_ALIASES[kind].get(explicit.lower()) or table.get(explicit.lower())
    for media in parse_accept(accept):
        if media in table:
            return table[media]
        if media == "*/*" or media.endswith("/*"):
            major = media.split("/")[0]
            if major == "*" or any(t.startswith(major + "/") for t in table):
                preferred = [t for t, n in table.items() if n == DEFAULT[kind]]
                if major == "*" or preferred[0].startswith(major + "/"):
                    return DEFAULT[kind]
                return next(n for t, n in table.items() if t.startswith(major + "/"))
    return None
