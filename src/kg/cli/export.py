"""``kg export``: the graph in a standard RDF format, to stdout or a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import data_option, output_option, store_option

EXAMPLES = """\b
Examples:
  kg export -o summit.jsonld
  kg export --format jsonld --frame agreements --subject skgr:eternal-friendship-treaty
  kg export --with-ontology --inferred -o summit.trig
  kg export --store oxigraph:store/ -o store.nt
  kg export --table commitments -o commitments.csv     # AidData GCDF 3.0 column names
  kg export --table events | jq -c '{id, event, date}'  # PLOVER event records
"""


@click.command(name="export", epilog=EXAMPLES)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "nt", "nq", "trig", "xml"]),
    default=None,
    help="Output format; guessed from -o FILE's suffix, else ttl.",
)
@output_option
@data_option
@store_option
@click.option("--with-ontology", is_flag=True, help="Add the ontology and the SHACL shapes.")
@click.option(
    "--inferred",
    is_flag=True,
    help="Add the OWL 2 RL entailments as the named graph .../graph/inferred "
    "(nq, trig, jsonld). ttl, nt and xml hold one graph and refuse this without "
    "--merge-inferred.",
)
@click.option(
    "--merge-inferred",
    is_flag=True,
    help="Mix the entailments into the one graph of ttl/nt/xml/jsonld; the file header says so.",
)
@click.option(
    "--frame",
    "frame_spec",
    metavar="NAME|FILE",
    default=None,
    help="JSON-LD only: nest the output with a JSON-LD 1.1 frame: agreements, actors, or a file.",
)
@click.option(
    "--subject",
    metavar="IRI",
    default=None,
    help="With --frame: only this node at the top (e.g. skgr:eternal-friendship-treaty).",
)
@click.option(
    "--table",
    type=click.Choice(["commitments", "events"]),
    default=None,
    help="Instead of RDF, a table that joins with the field's datasets: commitments (CSV with "
    "AidData GCDF 3.0 column names) or events (PLOVER records as JSON lines). See "
    "docs/data-dictionary.md.",
)
def cli(
    fmt: str | None,
    output: Path | None,
    data_dir: Path | None,
    store: str,
    with_ontology: bool,
    inferred: bool,
    merge_inferred: bool,
    frame_spec: str | None,
    subject: str | None,
    table: str | None,
) -> None:
    """Write the graph as Turtle, JSON-LD, N-Triples, N-Quads, TriG or RDF/XML.

    By default only the data; the same input always gives the same bytes. In N-Quads and
    TriG every part is a named graph under https://w3id.org/summit-kg/graph/ (data,
    ontology, shapes, inferred). Inferred triples are never mixed into the data unasked:
    single-graph formats need --merge-inferred.
    """
    from kg.io import write_atomic

    if table is not None:
        _write_table(
            table, output, data_dir, store, fmt, with_ontology or inferred or bool(frame_spec)
        )
        return
    from kg.render.export import export, resolve_format

    name = resolve_format(fmt, output)
    if frame_spec is not None and fmt is None and output is None:
        name = "jsonld"
    data = export(
        data_dir,
        fmt=name,
        with_ontology=with_ontology,
        inferred=inferred,
        merge_inferred=merge_inferred,
        frame_spec=frame_spec,
        subject=subject,
        store=store,
    )
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"wrote {output} ({len(data):,} bytes, {name})", err=True)


def _write_table(
    table: str, output: Path | None, data_dir: Path | None, store: str, fmt: str | None, rdf: bool
) -> None:
    """``--table``: a CSV or JSON-lines table; RDF options do not apply to it."""
    from kg.errors import UsageError
    from kg.io import write_atomic
    from kg.render.joined import TABLES, export_table

    if fmt is not None or rdf:
        raise UsageError(
            "--table writes a table, not RDF",
            where="--table",
            hint="drop --format, --with-ontology, --inferred and --frame",
        )
    data = export_table(table, data=data_dir, store=store)
    if output is None:
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    click.echo(f"wrote {output} ({len(data):,} bytes, {table}: {TABLES[table][1]})", err=True)
