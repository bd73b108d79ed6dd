"""Registering another report as a source of the graph, all or nothing.

Why a command and not "edit two files by hand": a new source needs its node in
``sources.ttl`` (address, publisher, date, language), its publisher (reused when the graph
knows it, minted otherwise) and a file of its own, ``source-<slug>.ttl``, that already holds
the one claim every report makes (its publisher's name). Getting any of these slightly
wrong (a typed date, an IRI that clashes, a file that half exists) leaves a folder that no
longer validates. So everything is checked first, the folder as it would be afterwards is
validated in a temporary copy, and only then are both files written, together or not at
all (:func:`kg.edit.importer.write_all`). See docs/decisions/2026-12-01-several-sources.md.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, UsageError
from kg.model import paths

#: The file every source node goes in.
SOURCES_FILE = "sources.ttl"

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_DATES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
)

_PREFIXES = """\
@prefix skg:     <https://w3id.org/summit-kg/ontology#> .
@prefix skgr:    <https://w3id.org/summit-kg/id/> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix schema:  <https://schema.org/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa:      <http://www.w3.org/ns/oa#> .
"""

_HEADER = """
# What {label} states, as claims. Each skg:Claim names a
# resource (oa:hasBody) and the property of one of its statements (skg:supportsProperty);
# without skg:statedValue the report states it as the graph has it, with skg:statedValue it
# gives these values, which stay claims and are never written onto the resource. Things
# only other reports speak of are skg:ClaimedResource: a label and sources, the rest
# claims. No text of the report is kept: claims target the report itself, with no span.
# Written by `kg source add`; see README "Adding a source" and
# docs/decisions/2026-12-01-several-sources.md.
"""


@dataclass(frozen=True)
class NewSource:
    """What a person knows about a report before its facts are entered.

    ``publisher`` and ``via`` are a name (an existing publisher of that label is reused,
    otherwise one is minted from it) or an IRI / ``skgr:`` name of one the graph has.
    ``date`` and ``dateline`` are a day, a month or a year (``2025-06-18``, ``2024-04``,
    ``2025``), as precisely as known.
    """

    slug: str
    label: str
    url: str
    publisher: str
    date: str
    language: str = "en"
    about: str | None = None
    via: str | None = None
    dateline: str | None = None
    title: str | None = None
    comment: str | None = None


@dataclass(frozen=True)
class AddedSource:
    """Where the new source went: its IRI, the two files written, its publisher's IRI."""

    iri: str
    sources_file: Path
    claims_file: Path
    publisher: str
    new_publisher: bool
    written: bool


def _typed_date(value: str, option: str) -> str:
    for pattern, datatype in _DATES:
        if pattern.fullmatch(value):
            return f'"{value}"^^xsd:{datatype}'
    raise UsageError(
        f"not a date: {value!r}",
        where=option,
        hint="give a day, a month or a year: 2025-06-18, 2024-04 or 2025",
    )


def _check_spec(spec: NewSource) -> None:
    """One clear line for each thing a person can get wrong before anything is read."""
    if not _SLUG.fullmatch(spec.slug):
        raise UsageError(
            f"not a usable slug: {spec.slug!r}",
            where="SLUG",
            hint="lower-case letters, digits and single hyphens, e.g. reuters-2025-06-20",
        )
    if not _URL.fullmatch(spec.url):
        raise UsageError(
            f"not an http(s) address: {spec.url!r}",
            where="--url",
            hint="give the report's address, starting with https:// or http://",
        )
    if not _LANGUAGE.fullmatch(spec.language):
        raise UsageError(
            f"not a language tag: {spec.language!r}", where="--language", hint="e.g. en, ru, zh"
        )
    for value, option in ((spec.label, "--label"), (spec.publisher, "--publisher")):
        if not value.strip():
            raise UsageError("must not be empty", where=option)
    _typed_date(spec.date, "--date")
    if spec.dateline:
        _typed_date(spec.dateline, "--dateline")


def _literal(text: str) -> str:
    from rdflib import Literal

    return Literal(text, lang="en").n3()


def _mint(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "publisher"


def _find_publisher(graph, name: str, option: str) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """(IRI, is new): an organisation the graph knows by that IRI or label, or a new one."""
    from rdflib import URIRef
    from rdflib.namespace import RDF, RDFS

    from kg.model.namespaces import SKG, SKGR

    organisations = {
        s for c in (SKG.Publisher, SKG.Organisation) for s in graph.subjects(RDF.type, c)
    }
    if name.startswith(("http://", "https://", "skgr:")):
        iri = URIRef(SKGR[name[5:]] if name.startswith("skgr:") else name)
        if iri not in organisations:
            raise UsageError(
                f"{name} is not a publisher or organisation of the graph",
                where=option,
                hint="give an existing publisher's IRI, or a name to create one",
            )
        return str(iri), False
    folded = name.strip().casefold()
    for node in sorted(organisations, key=str):
        if any(str(label).casefold() == folded for label in graph.objects(node, RDFS.label)):
            return str(node), False
    iri = SKGR[_mint(name)]
    if (iri, None, None) in graph or (None, None, iri) in graph:
        raise UsageError(
            f"{name!r} would be {iri}, which the graph already uses for something else",
            where=option,
            hint="give the publisher's existing IRI, or a more specific name",
        )
    return str(iri), True


def _resolve_about(graph, about: str | None) -> str | None:  # type: ignore[no-untyped-def]
    if about is None:
        return None
    from kg.query.params import resolve_entity

    return str(resolve_entity(graph, about, "--about"))


def _iri(text: str) -> str:
    from kg.model.namespaces import SKGR

    return f"skgr:{text[len(str(SKGR)) :]}" if text.startswith(str(SKGR)) else f"<{text}>"


def _publisher_block(iri: str, name: str, new: bool, source: str, role: str) -> str:
    """A new publisher node, or one more source an existing one is named by."""
    if not new:
        return f"{_iri(iri)} prov:wasDerivedFrom {source} .\n"
    comment = "" if role == "publisher" else f"    rdfs:comment {_literal(role)} ;\n"
    return (
        f"{_iri(iri)} a skg:Publisher ;\n    rdfs:label {_literal(name.strip())} ;\n"
        f"{comment}    prov:wasDerivedFrom {source} .\n"
    )


def _source_block(spec: NewSource, source: str, publisher: str, via: str | None, about) -> str:  # type: ignore[no-untyped-def]
    lines = [
        f"{source} a skg:SummarisedSource, skg:SourceDocument ;",
        f"    rdfs:label {_literal(spec.label.strip())} ;",
    ]
    if spec.title:
        lines.append(f"    dcterms:title {_literal(spec.title.strip())} ;")
    if spec.comment:
        lines.append(f"    rdfs:comment {_literal(spec.comment.strip())} ;")
    lines.append(f"    schema:url <{spec.url}> ;")
    lines.append(f"    schema:publisher {_iri(publisher)} ;")
    if via is not None:
        lines.append(f"    skg:publishedVia {_iri(via)} ;")
    if spec.dateline:
        lines.append(f"    schema:dateCreated {_typed_date(spec.dateline, '--dateline')} ;")
    lines.append(f"    schema:datePublished {_typed_date(spec.date, '--date')} ;")
    if about is not None:
        lines.append(f"    schema:about {_iri(about)} ;")
    lines.append(f'    dcterms:language "{spec.language}" .')
    return "\n".join(lines) + "\n"


def _claim_block(slug: str, name: str, body: str) -> str:
    source = f"skgr:source-{slug}"
    return (
        f"\nskgr:claim-{slug}-{name} a oa:Annotation, skg:Claim ;\n"
        f"    oa:hasBody {_iri(body)} ;\n    skg:supportsProperty rdfs:label ;\n"
        f"    oa:hasTarget {source} ;\n    prov:wasDerivedFrom {source} .\n"
    )


def _texts(spec: NewSource, graph) -> tuple[str, str, str, bool]:  # type: ignore[no-untyped-def]
    """(text appended to sources.ttl, the new claims file, publisher IRI, publisher is new)."""
    source = f"skgr:source-{spec.slug}"
    publisher, new = _find_publisher(graph, spec.publisher, "--publisher")
    via, via_new = (None, False)
    if spec.via:
        via, via_new = _find_publisher(graph, spec.via, "--via")
    about = _resolve_about(graph, spec.about)
    block = f"\n# Added by `kg source add {spec.slug}`.\n\n"
    block += _source_block(spec, source, publisher, via, about) + "\n"
    block += _publisher_block(publisher, spec.publisher, new, source, "publisher")
    if via is not None and via != publisher:
        block += _publisher_block(via, spec.via or "", via_new, source, "Distributed the report.")
    claims = _PREFIXES + _HEADER.format(label=spec.label.strip())
    claims += _claim_block(spec.slug, "publisher", publisher)
    if via is not None and via != publisher:
        claims += _claim_block(spec.slug, "platform", via)
    return block, claims, publisher, new


def add_source(
    spec: NewSource, data_dir: Path | str | None = None, *, dry_run: bool = False
) -> AddedSource:
    """Register ``spec`` in ``data_dir``: its node, its publisher, its own claims file.

    Raises UsageError for a bad value or a slug already taken, KgError when the folder
    would not validate afterwards; nothing is written then (nor with ``dry_run``).
    """
    from rdflib.namespace import RDF

    from kg.model.load import load
    from kg.model.namespaces import SKGR

    _check_spec(spec)
    folder = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    graph = load(folder)
    sources_file, claims_file = folder / SOURCES_FILE, folder / f"source-{spec.slug}.ttl"
    iri = SKGR[f"source-{spec.slug}"]
    if (iri, RDF.type, None) in graph or claims_file.exists():
        raise UsageError(
            f"the source {spec.slug!r} is already registered "
            f"({claims_file.name} or its node exists)",
            where="SLUG",
            hint="choose another slug, e.g. with the report's date",
        )
    block, claims, publisher, new = _texts(spec, graph)
    before = sources_file.read_text(encoding="utf-8") if sources_file.exists() else _PREFIXES
    updated = before.rstrip("\n") + "\n" + block
    _validate_in_copy(folder, {sources_file.name: updated, claims_file.name: claims})
    if not dry_run:
        from kg.edit.importer import write_all

        try:
            write_all([(sources_file, updated.encode()), (claims_file, claims.encode())])
        except UsageError as exc:  # the importer's words; the folder is as it was
            what = exc.message.split(";", 1)[0]
            raise UsageError(f"{what}; nothing was written", exc.where, exc.hint) from None
    return AddedSource(str(iri), sources_file, claims_file, publisher, new, not dry_run)


def _validate_in_copy(folder: Path, changed: dict[str, str]) -> None:
    """The checks of ``kg validate`` on the folder as it would be, in a temporary copy."""
    from kg.model.sources import data_files
    from kg.validate import Severity, validate

    with tempfile.TemporaryDirectory(prefix="kg-source-") as tmp:
        trial = Path(tmp)
        for f in data_files(folder):
            shutil.copy2(f, trial / f.name)
        for name, text in changed.items():
            (trial / name).write_text(text, encoding="utf-8")
        report = validate(trial)
        violations = [f for f in report.findings if f.severity is Severity.VIOLATION]
    if violations:
        first = violations[0]
        more = f"; and {len(violations) - 1} more" if len(violations) > 1 else ""
        raise KgError(
            f"the data would not validate with this source: {first.focus}: {first.message} "
            f"[{first.check}]{more}",
            where=str(folder / SOURCES_FILE),
            hint="fix the value given (or the data it clashes with); nothing was written",
        )
