"""The SPARQL part of validation: ``queries/checks/*-violation.rq``, ODK style.

Each query must return no rows; a row is a finding about ``?focus`` with ``?message``.
They cover what SHACL Core cannot say: skg: terms the ontology does not declare
(``skg:comitedBy``), references to resources never described, properties used outside
their domain, outside knowledge passed off as the article's, evidence spans that leave
their paragraph. They run in pyoxigraph, not rdflib: the same queries take about 8 s in
rdflib's engine and 60 ms in Oxigraph. A header line ``# severity: warning`` makes a check
advisory.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.model import paths
from kg.model.namespaces import SKG
from kg.validate.locate import Namer
from kg.validate.report import Finding, Severity

#: Where the SPARQL quality checks live.
CHECKS_DIR: Path = paths.QUERIES_DIR / "checks"


@dataclass(frozen=True)
class Check:
    """A SPARQL quality check: a query that must return no rows."""

    name: str
    path: Path
    title: str
    description: str
    severity: Severity
    query: str


_HEADER = re.compile(r"^#\s*(title|description|severity)\s*:\s*(.*?)\s*$", re.IGNORECASE)


def _header(text: str) -> dict[str, str]:
    header = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m:
            header[m.group(1).lower()] = m.group(2)
    return header


def load_checks(folder: Path | str | None = None) -> list[Check]:
    """The ``*-violation.rq`` checks of a folder, with their header fields."""
    folder = Path(folder) if folder is not None else CHECKS_DIR
    checks = []
    for path in sorted(folder.glob("*-violation.rq")):
        text = path.read_text(encoding="utf-8")
        header = _header(text)
        try:
            severity = Severity(header.get("severity", "violation").lower())
        except ValueError:
            raise KgError(
                f"unknown severity {header['severity']!r}",
                where=str(path),
                hint="use violation, warning or info",
            ) from None
        checks.append(
            Check(
                name=path.name.removesuffix("-violation.rq"),
                path=path,
                title=header.get("title", ""),
                description=header.get("description", ""),
                severity=severity,
                query=text,
            )
        )
    return checks


def _to_oxigraph(graph: Graph):  # type: ignore[no-untyped-def]
    """Copy an rdflib graph into an in-memory Oxigraph store, keeping blank node ids."""
    import pyoxigraph as ox

    def term(t: object):  # type: ignore[no-untyped-def]
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        assert isinstance(t, Literal)
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))

    store = ox.Store()
    store.extend([ox.Quad(term(s), term(p), term(o)) for s, p, o in graph])
    return store


def _did_you_mean(term: str, declared: Sequence[str]) -> str:
    close = difflib.get_close_matches(term, declared, n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""


def run_checks(
    graph: Graph, checks: Sequence[Check], namer: Namer, ontology: Graph | None = None
) -> list[Finding]:
    """Run each SPARQL check over ``graph``; every row is a finding about its ``?focus``."""
    import pyoxigraph as ox

    from kg.stores import oxigraph_converter

    store = _to_oxigraph(graph)
    declared = sorted(
        namer.name(t)
        for t in set((ontology or graph).subjects(RDF.type, None))
        if isinstance(t, URIRef) and str(t).startswith(str(SKG))
    )
    from_oxigraph = oxigraph_converter()
    findings = []
    for check in checks:
        try:
            solutions = store.query(check.query)
        except (SyntaxError, ValueError, OSError) as exc:
            raise KgError(f"check does not run: {exc}", where=str(check.path)) from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise KgError("a check must be a SELECT query", where=str(check.path))
        names = {v.value for v in solutions.variables}
        for row in solutions:
            focus = from_oxigraph(row["focus"]) if "focus" in names else None
            if focus is None:
                continue
            message = row["message"].value if "message" in names and row["message"] else ""
            message = message or check.title or "returned a row"
            if "term" in names and row["term"] is not None:
                message += _did_you_mean(namer.name(from_oxigraph(row["term"])), declared)
            where = namer.where(focus)
            findings.append(
                Finding(check.severity, f"sparql:{check.name}", namer.name(focus), message, where)
            )
    return findings
