"""A SELECT answer in the plain forms spreadsheets, ``cut``/``awk`` and ``jq`` read.

* ``tsv``: a header of variable names (no ``?``), one line per row, each cell the term's
  plain value (:func:`kg.render.values.plain_text`). Tabs and line breaks inside a value
  become one space: a TSV field cannot hold them, and ``cut -f`` must see every row whole.
* ``jsonl``: one flat JSON object per row, every variable a key (``null`` when unbound), so
  ``jq -r .label`` works without knowing the W3C results shape.
* ``xlsx``: one sheet, numbers as numbers, years as whole numbers, dates as dates, IRIs as
  links (needs openpyxl: ``pip install 'summit-kg[analyst]'``).
* :func:`with_bom`: the byte-order mark that spreadsheet programs expecting Windows code
  pages need to read UTF-8 CSV correctly (``kg query --excel``).

The W3C TSV (``sparql-tsv``) stays in :mod:`kg.render.results` for SPARQL tools.

May use: :mod:`kg.render.values`, :mod:`kg.errors`, the standard library; openpyxl inside
:func:`to_xlsx` only.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from kg.errors import UsageError
from kg.render.values import json_value, plain_text, python_value

BOM = "\ufeff".encode()

_BREAKS = re.compile(r"[\t\r\n]+")


def _rows(result: Any) -> tuple[list[str], Iterable[Sequence[Any]]]:
    """(header, rows of terms); an ASK answer is one column ``answer``."""
    if result.type == "ASK":
        from rdflib import Literal

        return ["answer"], [[Literal(bool(result.askAnswer))]]
    if result.type != "SELECT":
        raise UsageError(
            f"a {result.type} answer is a graph, not a table",
            where="--format",
            hint="use ttl, jsonld or nt",
        )
    names = [str(v) for v in result.vars]
    return names, ([row[v] for v in result.vars] for row in result)


def to_tsv(result: Any) -> bytes:
    """Plain TSV: header line, then one line per row; every line ends with ``\\n``."""
    header, rows = _rows(result)
    lines = ["\t".join(header)]
    for row in rows:
        lines.append("\t".join(_BREAKS.sub(" ", plain_text(t)) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_jsonl(result: Any) -> bytes:
    """One JSON object per line, keys in the query's variable order."""
    header, rows = _rows(result)
    out = io.StringIO()
    for row in rows:
        record = {name: json_value(t) for name, t in zip(header, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out.getvalue().encode("utf-8")


def with_bom(data: bytes) -> bytes:
    """``data`` (UTF-8 text) with the byte-order mark in front, once."""
    return data if data.startswith(BOM) else BOM + data


def to_xlsx(result: Any, *, sheet: str = "answer") -> bytes:
    """A workbook of one sheet: header in bold, typed cells, IRIs as hyperlinks."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        raise UsageError(
            "writing xlsx needs openpyxl",
            where="--format",
            hint="pip install 'summit-kg[analyst]' (or openpyxl), or use --format csv --excel",
        ) from None
    from rdflib import URIRef

    header, rows = _rows(result)
    book = Workbook()
    page = book.active
    page.title = sheet[:31]
    page.append(header)
    for cell in page[1]:
        cell.font = Font(bold=True)
    for row in rows:
        page.append([python_value(t) for t in row])
        for cell, term in zip(page[page.max_row], row, strict=True):
            if isinstance(term, URIRef):
                cell.hyperlink = str(term)
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
