"""Rows of plain strings as text for people or for spreadsheets.

Shared by query answers shown to people (:mod:`kg.render.results`) and by listings such as
``kg queries``: an aligned table, a Markdown table, CSV/TSV, or JSON objects.

May use: :mod:`kg.errors` and the standard library (no rdflib: listings stay cheap).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from kg.errors import UsageError


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= width else text[: width - 1] + "…"


def rows_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, max_width: int = 60) -> str:
    """Columns aligned with spaces, a rule under the header; long cells clipped with '…'."""
    cells = [[_clip(c, max_width) for c in row] for row in rows]
    widths = [len(h) for h in header]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def rows_markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; pipes and line breaks inside cells are escaped."""

    def cell(text: str) -> str:
        return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |"]
    lines.append("| " + " | ".join("---" for _ in header) + " |")
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def rows_csv(header: Sequence[str], rows: Sequence[Sequence[str]], *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_rows(header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str) -> str:
    """Plain string rows in table, md, csv, tsv or json (a list of objects)."""
    if fmt == "table":
        return rows_table(header, rows)
    if fmt == "md":
        return rows_markdown(header, rows)
    if fmt == "csv":
        return rows_csv(header, rows)
    if fmt == "tsv":
        return rows_csv(header, rows, delimiter="\t")
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(header, r, strict=False)) for r in rows], indent=2, ensure_ascii=False
            )
            + "\n"
        )
    raise UsageError(f"format {fmt!r} does not apply here", where="--format")
