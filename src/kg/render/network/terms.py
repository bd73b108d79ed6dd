"""RDF terms as the words and figures people read on a picture or in a network file."""

from __future__ import annotations

import re
from decimal import Decimal


def snake(name: str) -> str:
    """``estimatedCost`` -> ``estimated_cost``: attribute names that read well in GraphML."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``: the name a class or property goes by."""
    return re.split(r"[#/]", str(iri))[-1]


def number_text(value: Decimal | float) -> str:
    """1500000000 -> "1.5 billion", 3000 -> "3,000": figures as people write them."""
    v = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:.3g} {word}"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.3g}"


def duration_text(text: str) -> str:
    """``P2Y`` -> "2 years"; anything unusual is shown as written."""
    m = re.fullmatch(r"P(\d+)([YMD])", text)
    if not m:
        return text
    n, unit = int(m.group(1)), {"Y": "year", "M": "month", "D": "day"}[m.group(2)]
    return f"{n} {unit}{'s' if n != 1 else ''}"
