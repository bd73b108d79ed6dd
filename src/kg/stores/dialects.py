"""What a remote engine writes differently, read back as the memory store has it.

The one place where an answer from ``--store sparql:URL`` is adapted after it arrives. Each
difference was found by asking every named question of a real engine and comparing the
answer with the memory store's (tests/test_push.py for Oxigraph's server, whose answers need
nothing of this; tests/test_virtuoso.py for Virtuoso Open Source 7.2).

Adapted here, for every remote endpoint:

* **Durations.** Virtuoso 7.2 keeps an ``xsd:duration`` as a number and writes that number
  back as its lexical form: a year-month duration as months (``"P2Y"`` comes back as
  ``"24"``), a day-time one as seconds with a decimal point (``"P3D"`` as ``"259200.0"``). A
  bare number is never a valid ``xsd:duration``, so such a literal is rewritten in ISO 8601
  form whatever engine sent it: the same value, though not always the data's spelling
  (``"P12M"`` comes back as ``"P1Y"``). What Virtuoso lost on loading stays lost: the days of
  a mixed duration (``"P1Y2D"`` is kept as 12 months), and some day-time durations are misread
  (``"P1DT2H3M4S"`` as 93784.4 s); the shipped data holds ``"P2Y"`` only. rdflib logs a
  warning with a traceback for each such literal it parses, before it can be rewritten;
  :func:`quiet_numeric_durations` keeps exactly those off stderr.

Not adaptable here, because they happen inside the engine; the named questions are written
so that every engine agrees (each place says why in a comment):

* Virtuoso returns a boolean expression bound with BIND (``EXISTS {...}``, ``?a != ?b``) as
  ``xsd:integer`` 1 or 0: written ``xsd:boolean(...)``, a no-op elsewhere.
* Virtuoso drops a group's FILTER when a BIND comes before an OPTIONAL in that group: the
  BIND is written after the OPTIONALs.
* Inside Virtuoso, ``STR`` of a duration is the number (``"24"``): a duration is compared as
  a value (``?d = STRDT("P2Y", xsd:duration)``), never parsed from its text.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from typing import Any

_XSD_DURATION = "http://www.w3.org/2001/XMLSchema#duration"
_MONTHS = re.compile(r"-?[0-9]+")
_SECONDS = re.compile(r"-?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?|-?[0-9]+[eE][-+]?[0-9]+")


def iso_duration(text: str) -> str | None:
    """``text`` as an ISO 8601 duration if it is a bare number (months without a decimal
    point, seconds with one, as Virtuoso writes them); None if it is anything else."""
    text = text.strip()
    if _MONTHS.fullmatch(text):
        sign, months = ("-", -int(text)) if text.startswith("-") else ("", int(text))
        years, months = divmod(months, 12)
        parts = (f"{years}Y" if years else "") + (f"{months}M" if months or not years else "")
        return f"{sign}P{parts}"
    if _SECONDS.fullmatch(text):
        seconds = Decimal(text)
        sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
        days, rest = divmod(seconds, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, rest = divmod(rest, 60)
        clock = "".join(f"{int(n)}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n) + (
            f"{format(rest.normalize(), 'f')}S" if rest else ""
        )
        head = f"{int(days)}D" if days else ""
        if not head and not clock:
            clock = "0S"
        return f"{sign}P{head}" + (f"T{clock}" if clock else "")
    return None


class _NumericDurations(logging.Filter):
    """Drops rdflib's "cannot convert" record for a duration written as a bare number."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        text = str(error) if isinstance(error, ValueError) else ""
        prefix = "Unable to parse duration string "
        return not (text.startswith(prefix) and iso_duration(text[len(prefix) :]) is not None)


_QUIET = _NumericDurations()


def quiet_numeric_durations() -> None:
    """Keep rdflib from printing a traceback for each duration :func:`adapt_term` rewrites
    (idempotent; other records of its logger pass)."""
    logger = logging.getLogger("rdflib.term")
    if _QUIET not in logger.filters:
        logger.addFilter(_QUIET)


def adapt_term(term: Any) -> Any:
    """``term`` as the memory store would give it (see the module docstring)."""
    from rdflib import Literal

    if (
        isinstance(term, Literal)
        and term.datatype is not None
        and str(term.datatype) == _XSD_DURATION
    ):
        iso = iso_duration(str(term))
        if iso is not None:
            return Literal(iso, datatype=term.datatype)
    return term


def adapt_rows(rows: list[dict[Any, Any]]) -> None:
    """Adapt every cell of a SELECT answer's rows, in place."""
    for row in rows:
        for var, value in row.items():
            adapted = adapt_term(value)
            if adapted is not value:
                row[var] = adapted


def adapt_graph(graph: Any) -> None:
    """Adapt every object of a CONSTRUCT or DESCRIBE answer's graph, in place."""
    changed = [(s, p, o, adapt_term(o)) for s, p, o in graph]
    for s, p, old, new in changed:
        if new is not old:
            graph.remove((s, p, old))
            graph.add((s, p, new))
