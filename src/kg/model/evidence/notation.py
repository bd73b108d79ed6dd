"""Numbers as people write them: plain words for a value, and the notations a text may use.

The graph keeps numbers in one canonical form (``8000000000`` USD, ``P2Y``, ``2025-06-17``);
the article writes "$8 billion", "the next two years", "June 17". To check that a span
states a statement's number, this module produces every notation the article's style may
use for a value, as regular expressions, and a span passes when one of them matches. The
candidates are generated from the value alone (never from the article), so a wrong number
in the data cannot be matched by accident.
"""

from __future__ import annotations

import datetime
import decimal
import re
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.term import Identifier

from kg.model.namespaces import SCHEMA, SKG, SKGR

_WORDS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
]
_ORDINALS = [
    *("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh"),
    *("eighth", "ninth", "tenth", "eleventh", "twelfth"),
]
# English month names, fixed here rather than taken from the locale (strftime's %B).
MONTHS = [
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
]

#: How a currency is written before or after a figure ("$8 billion", "1.5 billion yuan").
CURRENCY_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("US$", "$", "USD "), (" US dollars", " dollars", " USD")),
    "CNY": (("¥", "CNY ", "RMB "), (" yuan", " renminbi", " RMB", " CNY")),
    "EUR": (("€", "EUR "), (" euros", " EUR")),
}
_PERCENT = ("%", " per cent", " percent")
_RANK_WORDS = {1: ("largest", "biggest", "top", "leading", "first"), 2: ("second-largest",)}

#: Literal datatypes that hold a number a text states.
NUMERIC_TYPES = {
    XSD.integer, XSD.decimal, XSD.int, XSD.long, XSD.nonNegativeInteger,
    XSD.positiveInteger, XSD.double, XSD.float, XSD.gYear, XSD.date, XSD.duration,
}  # fmt: skip


@dataclass(frozen=True)
class Notation:
    """A value's written forms: ``shown`` for messages, ``patterns`` to search a text."""

    shown: tuple[str, ...]
    patterns: tuple[str, ...]

    def found_in(self, text: str) -> bool:
        return any(re.search(p, text, re.IGNORECASE) for p in self.patterns)


def _bounded(literal: str) -> str:
    """A written form that must not be part of a longer number or word.

    A space in the form matches any run of blanks, the no-break spaces typesetters put
    between a figure and "billion" included.
    """
    body = r"\s+".join(re.escape(part) for part in literal.split(" "))
    return rf"(?<![\w.,]){body}(?![\w]|[.,]\d)"


def _decimal(value: object) -> decimal.Decimal | None:
    try:
        return decimal.Decimal(str(value))
    except (decimal.InvalidOperation, ValueError):
        return None


def figures(number: decimal.Decimal) -> list[str]:
    """How a figure is written: "8 billion", "1.2 million", "3,000", "3000", "two"."""
    forms: list[str] = []
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(number) >= size:
            scaled = (number / size).normalize()
            forms.append(f"{scaled:f} {word}")
            break
    if number == number.to_integral_value():
        whole = int(number)
        forms += [f"{whole:,}", str(whole)]
        if 0 <= whole < len(_WORDS):
            forms.append(_WORDS[whole])
    else:
        forms.append(f"{number.normalize():f}")
    return list(dict.fromkeys(forms))


def _local(node: Identifier | None) -> str:
    return str(node).rsplit("/", 1)[-1] if node is not None else ""


def amount_notation(graph: Graph, node: Identifier) -> Notation | None:
    """The written forms of an amount node's figure, with its currency or unit."""
    number = _decimal(graph.value(node, SCHEMA.value))
    if number is None:
        return None
    bare = figures(number)
    currency = str(graph.value(node, SCHEMA.currency) or "")
    unit = _local(graph.value(node, SKG.unit))
    shown: list[str] = []
    if currency:
        before, after = CURRENCY_WORDS.get(currency, ((f"{currency} ",), (f" {currency}",)))
        shown = [b + f for f in bare for b in before] + [f + a for f in bare for a in after]
    elif unit == "unit-percent":
        shown = [f + p for f in bare for p in _PERCENT]
    elif unit == "unit-rank" and number == number.to_integral_value():
        whole = int(number)
        shown = list(_RANK_WORDS.get(whole, ()))
        shown += [_ORDINALS[whole]] if 0 <= whole < len(_ORDINALS) else []
    else:
        shown = bare
    return Notation(tuple(shown), tuple(_bounded(s) for s in shown))


def _year_forms(year: int, reference_year: int | None) -> list[str]:
    forms = [str(year)]
    if reference_year is not None:
        relative = {-1: "last year", 0: "this year", 1: "next year"}.get(year - reference_year)
        forms += [relative] if relative else []
    return forms


def _date_notation(day: datetime.date) -> Notation:
    month = MONTHS[day.month - 1]
    shown = [f"{month} {day.day}", f"{day.day} {month}"]
    patterns = [_bounded(s) for s in shown]
    # the end of a range: "June 16–18" states June 18
    patterns.append(rf"{month}\s+\d{{1,2}}\s*[–-]\s*{day.day}(?!\d)")
    return Notation((*shown, f"{month} …–{day.day}"), tuple(patterns))


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


def _duration_forms(text: str) -> list[str]:
    match = _DURATION.match(text)
    if not match:
        return [text]
    forms: list[str] = []
    for count, unit in zip(match.groups(), ("year", "month", "day"), strict=True):
        if count is None:
            continue
        n = int(count)
        names = [str(n)] + ([_WORDS[n]] if n < len(_WORDS) else [])
        forms += [f"{name} {unit}{'s' * (n != 1)}" for name in names]
        forms += [f"{name}-{unit}" for name in names]
    if text == "P2Y":
        forms += ["biennial", "biennially"]
    if text == "P1Y":
        forms += ["annual", "annually", "yearly"]
    return forms


def literal_notation(
    literal: Literal, *, ordinal: bool = False, reference_year: int | None = None
) -> Notation | None:
    """The written forms of a numeric literal; None when it holds no number."""
    datatype = literal.datatype
    if datatype not in NUMERIC_TYPES or isinstance(literal.toPython(), bool):
        return None
    text = str(literal).strip()
    if datatype == XSD.date:
        value = literal.toPython()
        return _date_notation(value) if isinstance(value, datetime.date) else None
    if datatype == XSD.gYear:
        year = int(text[:4]) if text[:4].isdigit() else None
        shown = _year_forms(year, reference_year) if year is not None else [text]
    elif datatype == XSD.duration:
        shown = _duration_forms(text)
    else:
        number = _decimal(text)
        if number is None:
            return None
        shown = figures(number)
        whole = int(number) if number == number.to_integral_value() else -1
        if ordinal and 0 <= whole < len(_ORDINALS):
            shown = [_ORDINALS[whole], f"{whole}{_suffix(whole)}", *shown]
    return Notation(tuple(shown), tuple(_bounded(s) for s in shown))


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def qualifier_words(graph: Graph, node: Identifier) -> tuple[str, ...]:
    """The words a text uses for an amount's qualifier ("over", "more than"); () for exact."""
    qualifier = graph.value(node, SKG.qualifier)
    if qualifier is None or qualifier == SKGR["qualifier-exact"]:
        return ()
    names = {
        str(o)
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
        for o in graph.objects(qualifier, p)
    }
    return tuple(sorted(names))


def is_amount(graph: Graph, node: Identifier) -> bool:
    return (
        any(
            (cls, RDFS.subClassOf, SKG.Amount) in graph or cls == SKG.Amount
            for cls in graph.objects(node, RDF.type)
        )
        or (node, SCHEMA.value, None) in graph
    )
