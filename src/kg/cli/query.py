"""``kg query``: run a named question, a ``.rq`` file, standard input or ``--sparql`` text.

The answer of a question on the shipped (memory) graph is cached by :mod:`kg.query.cache`, so
this module imports nothing heavy at the top: on a cache hit neither rdflib nor the graph is
touched. Everything else happens in :mod:`kg.query` and :mod:`kg.render.formats`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kg.cli.evidence import sources_option
from kg.cli.options import data_option, output_option, store_option, timeout_option
from kg.errors import UsageError

#: The formats ``kg query`` offers (kept equal to kg.render.formats.QUERY_FORMATS by a test; listed
#: here so that building the command does not import the registry module).
FORMAT_NAMES = (
    "table",
    "csv",
    "tsv",
    "sparql-tsv",
    "jsonl",
    "xlsx",
    "json",
    "xml",
    "md",
    "ttl",
    "jsonld",
    "nt",
)

#: formats --excel applies to: text tables a spreadsheet program opens by double-click
EXCEL_FORMATS = ("csv", "tsv")

EXAMPLES = """\b
Examples:
  kg query commitments-of-actor -p actor Kazakhstan
  kg query --sparql 'SELECT ?s ?l WHERE { ?s a skg:State ; rdfs:label ?l }' -o states.csv
  kg query who-committed-what --format tsv | cut -f2,6,7
  kg query money --format jsonl | jq -r .label
  kg query who-committed-what --excel -o commitments.csv
  kg query who-committed-what -o commitments.xlsx
"""


def _read_query(question: str | None, sparql: str | None) -> tuple[str, object | None, str]:
    """(query text, catalogue Question or None, where) without importing rdflib."""
    from kg.query import catalogue

    if question and sparql:
        raise UsageError(
            "give either a QUESTION or --sparql, not both",
            where="QUESTION",
            hint="kg query NAME, kg query FILE.rq, kg query - (stdin) or kg query --sparql TEXT",
        )
    if sparql is not None:
        return sparql, None, "--sparql"
    if question is None:
        raise UsageError(
            "which question?",
            where="QUESTION",
            hint="give a name ('kg queries' lists them), a .rq file, - for stdin, or --sparql TEXT",
        )
    if question == "-":
        return sys.stdin.read(), None, "stdin"
    if question.endswith(".rq") or "/" in question or Path(question).is_file():
        q = catalogue.read_question(Path(question))
        return q.text, q, question
    q = catalogue.find(question)
    return q.text, q, f"{q.name}.rq"


def _format_name(fmt: str | None, output: Path | None) -> str:
    """The requested format, or how to choose it once the query's kind is known."""
    if fmt:
        return fmt
    if output is not None:
        from kg.render import formats

        guessed = formats.guess(output, allowed=FORMAT_NAMES)
        if guessed is None:
            raise UsageError(
                f"cannot tell the format from the file name {output.name!r}",
                where="-o",
                hint=f"add --format ({', '.join(FORMAT_NAMES)}) or use a suffix such as .csv",
            )
        return guessed.name
    return "auto-tty" if sys.stdout.isatty() else "auto-pipe"


def _choose_format(fmt: str | None, output: Path | None, excel: bool) -> str:
    """The format to write (or how to pick it once the answer's kind is known)."""
    name = _excel_format(fmt, output) if excel else _format_name(fmt, output)
    if name == "xlsx" and output is None and sys.stdout.isatty():
        raise UsageError(
            "a workbook is binary and would garble the terminal",
            where="--format xlsx",
            hint="write it to a file: -o answer.xlsx",
        )
    return name


def _excel_format(fmt: str | None, output: Path | None) -> str:
    """The format --excel writes: csv unless tsv is asked for (by name or -o suffix)."""
    name = fmt or (_format_name(None, output) if output is not None else "csv")
    if name not in EXCEL_FORMATS:
        raise UsageError(
            f"--excel applies to csv and tsv, not {name}",
            where="--excel",
            hint="drop --format, or use --format csv or tsv",
        )
    return name


def _resolve_auto(name: str, result_type: str) -> str:
    graph = result_type in ("CONSTRUCT", "DESCRIBE")
    if name == "auto-tty":
        return "ttl" if graph else "table"
    if name == "auto-pipe":
        return "ttl" if graph else "csv"
    return name


def _render(result: object, fmt_name: str, excel: bool) -> bytes:
    """The answer's bytes; with --excel, the same bytes marked as UTF-8 for spreadsheets."""
    from kg.render import formats

    data = formats.render_result(result, _resolve_auto(fmt_name, result.type))  # type: ignore[attr-defined]
    if excel:
        from kg.render.tabular import with_bom

        data = with_bom(data)
    return data


def _open(store: str, data_dir: Path | None) -> Any:
    """The graph to ask; the memory store's files are read on a thread while rdflib is
    imported (:func:`kg.stores.bulk.fill_in_background`)."""
    filled = None
    if store == "memory":
        from kg.model.sources import source_files
        from kg.stores.bulk import fill_in_background

        filled = fill_in_background(source_files(data_dir))
    from kg.stores import open_query_graph

    return open_query_graph(store, data_dir, filled=filled)


def _emit(data: bytes, output: Path | None) -> None:
    if output is None:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    from kg.io import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise UsageError(f"cannot write the file: {exc.strerror}", where=str(output)) from None
    click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@click.command(name="query", epilog=EXAMPLES)
@click.argument("question", required=False, metavar="[QUESTION]")
@click.option("--sparql", metavar="TEXT", help="Run this SPARQL text instead of a named question.")
@click.option(
    "-p",
    "--param",
    "params",
    nargs=2,
    multiple=True,
    metavar="NAME VALUE",
    help="Bind the query variable ?NAME to VALUE (a label, skgr:name, IRI or literal).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    help="Output format [default: from the -o suffix; else table on a terminal, csv in a pipe; "
    "ttl for CONSTRUCT/DESCRIBE]. csv, sparql-tsv, json, xml: the W3C SPARQL result formats; "
    "tsv: plain values for spreadsheets and cut/awk; jsonl: one flat JSON object a row; "
    "xlsx: a workbook (needs openpyxl).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="For spreadsheet programs: start the csv/tsv with a UTF-8 byte-order mark so accents "
    "and dashes open unbroken [implies --format csv unless tsv is asked for].",
)
@output_option
@data_option
@store_option
@timeout_option
@click.option("--no-cache", is_flag=True, help="Do not read or write the answer cache.")
@click.option(
    "--evidence",
    is_flag=True,
    help="After the answer, each row's subject (the first column holding resources) with its "
    "paragraphs and, with --sources, the article's sentence (on stderr unless the answer is a "
    "table or md on stdout).",
)
@sources_option
def cli(
    question: str | None,
    sparql: str | None,
    params: tuple[tuple[str, str], ...],
    fmt: str | None,
    output: Path | None,
    data_dir: Path | None,
    store: str,
    timeout: float,
    no_cache: bool,
    excel: bool,
    evidence: bool,
    sources: Path | None,
) -> None:
    """Run a SPARQL question on the graph: a named QUESTION (see 'kg queries'), a .rq file,
    '-' for standard input, or --sparql TEXT.

    Read-only, local-only and time-limited: SPARQL Update, FROM, FROM NAMED, SERVICE and
    LOAD are refused, and a query is stopped after --timeout seconds. The
    usual prefixes (skg:, skgr:, rdfs:, skos:, schema:, org:, prov:, xsd: ...) are pre-bound.
    Answers on the shipped graph are cached until a data file changes (--no-cache skips it).
    """
    text, q, where = _read_query(question, sparql)
    bound: dict[str, str] = {}
    for name, value in params:
        if name in bound:
            raise UsageError(f"the parameter {name!r} is given twice", where=f"-p {name}")
        bound[name] = value
    fmt_name = _choose_format(fmt, output, excel)

    key = None
    if store == "memory" and not no_cache and not evidence:
        from kg.query import cache

        key = cache.query_key(data_dir, text, bound, fmt_name + ("+bom" if excel else ""))
        hit = cache.get(key)
        if hit is not None:
            _emit(hit, output)
            return

    graph = _open(store, data_dir)
    from kg.limits import hard_stop
    from kg.query import run

    stopper = hard_stop(timeout)  # for a call that never returns to Python (a runaway regex)
    try:
        result = run(graph, text, bound, question=q, where=where, timeout=timeout)  # type: ignore[arg-type]
    finally:
        if stopper is not None:
            stopper.cancel()
    data = _render(result, fmt_name, excel)
    if key is not None:
        from kg.query import cache

        cache.put(key, data)
    _emit(data, output)
    if evidence:
        from kg.cli.evidence import show_row_evidence

        shown = _resolve_auto(fmt_name, result.type)
        show_row_evidence(
            graph, result, sources, shown, output is None and shown in ("table", "md")
        )
