"""``kg evidence ENTITY``: each statement about a resource, where the article states it.

The records come from :func:`kg.query.evidence.evidence`; this module only prints them
(text, Markdown or JSON) and defines ``--sources``, which ``kg validate`` and
``kg query --evidence`` share. Nothing heavy is imported at the top: ``kg query`` imports
this module for its options.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kg.cli.options import data_option, store_option

if TYPE_CHECKING:  # pragma: no cover
    from kg.model.evidence import EntityEvidence, Passage, StatementEvidence

sources_option = click.option(
    "--sources",
    "sources",
    type=click.Path(path_type=Path),
    default=None,
    metavar="DIR",
    help="Folder holding the article's copy (found by its file name and refused unless its "
    "SHA-256 is the recorded one), to show and check the words of each span "
    "[default: $KG_SOURCES].",
)

EXAMPLES = """\b
Examples:
  kg evidence "Xi Jinping" --sources ../shared/sources
  kg evidence skgr:china-kyrgyzstan-uzbekistan-railway --format md
  KG_SOURCES=../shared/sources kg evidence "Astana Declaration" --format json
"""

#: how each format marks the span inside its sentence
_MARKS = {"text": ("[[", "]]"), "md": ("**", "**")}


def resolve_sources(option: Path | None) -> Path | None:
    """``--sources``, else ``$KG_SOURCES``, else None; a missing folder is an error."""
    from kg.model.evidence import sources_folder

    return sources_folder(option)


def _where(p: Passage) -> str:
    paragraph = f"¶{p.paragraph}" if p.paragraph is not None else "¶?"
    return f"{paragraph} {p.start}–{p.end}"


def _passage_line(p: Passage, fmt: str) -> str:
    left, right = _MARKS[fmt]
    sentence = p.marked(left, right)
    if fmt == "md":
        shown = f"¶{p.paragraph} ({p.start}–{p.end})" if p.paragraph else f"{p.start}–{p.end}"
        text = sentence.replace("\n", " ") if sentence is not None else ""
        return f"  - {shown}" + (f": {text}" if text else "")
    return f"    {_where(p)}" + (f"  {sentence}" if sentence is not None else "")


def _beyond_spans(named: tuple[str, ...], passages: tuple[Passage, ...], claims: bool) -> bool:
    """True when the sources to name are more than the spans shown already name."""
    return claims or not set(named) <= {p.source for p in passages}


def _source_lines(s: StatementEvidence, fmt: str) -> list[str]:
    """Every source of a statement, and each other source's values, where the spans shown
    do not say it all (one article and no claims: the spans name their source)."""
    if not _beyond_spans(s.stated_by, s.passages, bool(s.claims)):
        return []
    lead = "  - " if fmt == "md" else "    "
    lines = [f"{lead}stated by: {', '.join(s.stated_by)}"] if s.stated_by else []
    for c in s.claims:
        disputed = f"  (disputed: {', '.join(c.disagreements)})" if c.disagreements else ""
        lines.append(f"{lead}{c.source} gives: {'; '.join(c.values)}{disputed}")
    return lines


def _entity_sources(ev: EntityEvidence) -> list[str]:
    """``sources: ...`` when the resource has sources its spans do not name (other reports)."""
    every = [*ev.passages, *(p for s in ev.statements for p in s.passages)]
    claims = any(s.claims for s in ev.statements if s.subject is None)
    if ev.stated_by and _beyond_spans(ev.stated_by, tuple(every), claims):
        return [f"sources: {', '.join(ev.stated_by)}"]
    return []


def _statement_lines(ev: EntityEvidence, fmt: str) -> list[str]:
    lines: list[str] = []
    for s in ev.statements:
        values = "; ".join(s.values)
        if s.subject is not None:
            head = f"{values} ({s.subject}) — {s.label}: {ev.label or ev.name}"
        else:
            head = f"{s.label}:" + (f" {values}" if values else "")
        if s.outside_knowledge:
            note = "outside knowledge, not from the article"
        elif not s.values and s.claims:
            note = "only in other sources' claims"
        elif not s.passages:
            note = "no span recorded"
        elif not s.own and s.subject is None:
            note = "see the resource's spans"
        else:
            note = ""
        if fmt == "md":
            lines.append(f"- **{head}**" + (f" ({note})" if note else ""))
        else:
            lines.append(f"  {head}" + (f"  ({note})" if note else ""))
        lines += _source_lines(s, fmt)
        if s.outside_knowledge or (not s.own and s.subject is None):
            continue
        lines += [_passage_line(p, fmt) for p in s.passages]
    return lines


def render(ev: EntityEvidence, fmt: str) -> str:
    """The evidence as text or Markdown (the span marked in its sentence)."""
    if fmt == "json":
        return json.dumps(ev.to_dict(), indent=2, ensure_ascii=False) + "\n"
    types = ", ".join(ev.types)
    paragraphs = ", ".join(map(str, ev.paragraphs)) or "none"
    sources = _entity_sources(ev)
    if fmt == "md":
        lines = [
            f"## {ev.label or ev.name} (`{ev.name}`)",
            "",
            f"*{types}*; paragraphs {paragraphs}",
            *(f"*{line}*" for line in sources),
            "",
        ]
        lines.append("- **the resource itself**" + ("" if ev.passages else " (no span recorded)"))
    else:
        lines = [f"{ev.name}  {ev.label}  ({types})", f"paragraphs: {paragraphs}", *sources, ""]
        lines.append("  the resource itself" + ("" if ev.passages else "  (no span recorded)"))
    lines += [_passage_line(p, fmt) for p in ev.passages]
    lines += _statement_lines(ev, fmt)
    return "\n".join(lines) + "\n"


@click.command(name="evidence", epilog=EXAMPLES)
@click.argument("entity", metavar="ENTITY")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="text: the span marked [[...]] in its sentence; md: marked **...**; json: the records.",
)
@sources_option
@data_option
@store_option
def cli(entity: str, fmt: str, sources: Path | None, data_dir: Path | None, store: str) -> None:
    """Show each statement about ENTITY (a label, another name, skgr:NAME or an IRI) with
    the paragraph and character offsets of the span of the article that states it, and,
    given the article's copy (--sources or KG_SOURCES), the sentence with the span marked.

    Statements without a span of their own are shown with the resource's spans; values
    from outside knowledge are marked as such. Statements other resources make about
    ENTITY (a commitment it announced, a quotation it spoke) follow, with their spans.
    """
    from kg.model.evidence import HOW_TO_POINT
    from kg.query.evidence import evidence

    folder = resolve_sources(sources)
    ev = evidence(entity, sources=folder, data=data_dir, store=store)
    click.echo(render(ev, fmt), nl=False)
    if folder is None:
        click.echo(HOW_TO_POINT, err=True)


def row_evidence_text(records: list[Any], fmt: str) -> str:
    """The evidence of each answer row's subject: its paragraphs and its own spans."""
    left, right = _MARKS.get(fmt, _MARKS["text"])
    lines = ["", "## Evidence" if fmt == "md" else "Evidence of each row's subject:"]
    if not records:
        lines.append("    (the answer names no resource)")
    for ev in records:
        paragraphs = ", ".join(map(str, ev.paragraphs)) or "none"
        name = f"`{ev.name}`" if fmt == "md" else ev.name
        lines.append(f"{'- ' if fmt == 'md' else ''}{name}  {ev.label}  (paragraphs {paragraphs})")
        lines += [f"    {line}" for line in _entity_sources(ev)]
        passages = ev.passages or tuple(
            p for s in ev.statements if s.own and not s.subject for p in s.passages
        )
        if not passages:
            lines.append("    no span recorded")
        for p in passages:
            sentence = p.marked(left, right)
            lines.append(f"    {_where(p)}" + (f"  {sentence}" if sentence is not None else ""))
    return "\n".join(lines) + "\n"


def _subjects(result: Any) -> list[Any]:
    """The resources whose evidence follows an answer, in answer order: those of the first
    column that holds resources (a year may come first, as in a timeline); for a CONSTRUCT
    or DESCRIBE answer, the subjects of the graph it returns."""
    from rdflib import URIRef

    found: list[URIRef] = []
    if result.type == "SELECT":
        rows = list(result.bindings)
        column = next(
            (v for v in result.vars or [] if any(isinstance(r.get(v), URIRef) for r in rows)),
            None,
        )
        nodes = [row.get(column) for row in rows] if column is not None else []
    elif result.graph is not None:
        nodes = sorted(set(result.graph.subjects()), key=str)
    else:
        nodes = []
    for node in nodes:
        if isinstance(node, URIRef) and node not in found:
            found.append(node)
    return found


def show_row_evidence(
    graph: Any, result: Any, sources: Path | None, fmt: str, to_stdout: bool
) -> None:
    """For ``kg query --evidence``: after the answer, the evidence of each row's subject.

    The first column's resources, once each, in answer order. Written to stdout after a
    table or Markdown answer on stdout; otherwise to stderr, so a CSV or JSON answer stays
    parseable.
    """
    from kg.model.evidence import HOW_TO_POINT
    from kg.query.evidence import evidence_of

    folder = resolve_sources(sources)
    records = evidence_of(graph, _subjects(result), folder)
    text = row_evidence_text(records, "md" if fmt == "md" and to_stdout else "text")
    click.echo(text, nl=False, err=not to_stdout)
    if folder is None:
        click.echo(HOW_TO_POINT, err=True)
