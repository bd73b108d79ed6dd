"""Every date and year of the projection, as items on one time axis (``kg viz --view timeline``).

Read from the full projection's node attributes, so the timeline and the network pictures
agree on labels and on how a due year is worked out (the stated target year, else the
year the commitment was made plus its duration; see :mod:`kg.render.network.commitments`).
Lanes, top to bottom: summits and other events, agreements signed, commitments from start
to due year, and the years the reported figures cover.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.render.network.commitments import due_year

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

LANES = ("Summits and events", "Agreements signed", "Commitments: start \u2192 due", "Figures for")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Item:
    """One thing on the axis: a point (``end`` is None) or a span, in fractional years."""

    lane: int
    start: float
    end: float | None
    label: str
    when: str
    node: str
    kind: str  # the node's class
    status: str = ""


def timeline_items(full: nx.MultiDiGraph) -> list[Item]:
    """The dated items of the projection, sorted by lane, then time, then label."""
    items: list[Item] = []
    for n, data in full.nodes(data=True):
        group, label, cls = data["group"], data["label"], data["class"]
        if group == "event":
            items += _event(n, data)
        elif group == "agreement" and data.get("signing_date"):
            day = data["signing_date"]
            items.append(Item(1, _year(day), None, label, f"signed {_day(day)}", n, cls))
        elif group == "commitment":
            items += _commitment(full, n, data)
        elif group == "statistic":
            items += _statistic(n, data)
    return sorted(items, key=lambda i: (i.lane, i.start, i.label, i.node))


def _event(n: str, data: dict) -> list[Item]:
    label, cls = data["label"], data["class"]
    start, end = data.get("start_date"), data.get("end_date")
    if start:
        when = _days(start, end)
        if data.get("conclusion_date") and data["conclusion_date"] != end:
            when += f" (concludes {_day(data['conclusion_date'])})"
        return [Item(0, _year(start), _year(end, last=True) if end else None, label, when, n, cls)]
    if str(data.get("year", "")).isdigit():
        year = int(data["year"])
        return [Item(0, year + 0.5, None, label, str(year), n, cls)]
    return []


def _commitment(full: nx.MultiDiGraph, n: str, data: dict) -> list[Item]:
    start, due = str(data.get("start_year", "")), due_year(full, n)
    if not (start.isdigit() or due.isdigit()):
        return []
    made = _made_at(full, n)
    begin = float(start) if start.isdigit() else made
    if begin is None:
        begin = float(due)
    end = float(due) + 1 if due.isdigit() else None
    if start.isdigit() and due.isdigit():
        when = f"in {start}" if start == due else f"{start} \u2192 {due}"
    else:
        when = f"due {due}" if due.isdigit() else f"from {start}"
    if due.isdigit() and not data.get("target_year") and data.get("duration"):
        when = f"{data['duration']} from the summit: due {due}"
    status = str(data.get("status", ""))
    if status:
        when += f" \u00b7 {status}"
    return [Item(2, begin, end, data["label"], when, n, data["class"], status)]


def _statistic(n: str, data: dict) -> list[Item]:
    label, cls = data["label"], data["class"]
    ref = str(data.get("reference_year", ""))
    first, last = str(data.get("period_start", "")), str(data.get("period_end", ""))
    if first.isdigit() and last.isdigit():
        return [Item(3, float(first), float(last) + 1, label, f"{first} \u2013 {last}", n, cls)]
    if ref.isdigit():
        return [Item(3, int(ref) + 0.5, None, label, ref, n, cls)]
    return []


def _made_at(full: nx.MultiDiGraph, n: str) -> float | None:
    for _, v, k in full.out_edges(n, keys=True):
        if k == "madeAt":
            day = full.nodes[v].get("start_date")
            if day:
                return _year(day)
    return None


def _year(day: str, last: bool = False) -> float:
    """``2025-06-16`` -> 2025.456: the year and how far through it the day falls."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(day))
    if not m:
        return float(str(day)[:4]) + (1.0 if last else 0.0)
    d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    days = (dt.date(d.year + 1, 1, 1) - dt.date(d.year, 1, 1)).days
    return d.year + (d.timetuple().tm_yday - (0 if last else 1)) / days


def _days(start: str, end: str | None) -> str:
    """ "16–18 June 2025", or each day in full when months or years differ."""
    if not end or end == start:
        return _day(start)
    a, b = _day(start).split(" ", 1), _day(end).split(" ", 1)
    if a[1] == b[1]:
        return f"{a[0]}\u2013{b[0]} {a[1]}"
    return f"{_day(start)} \u2013 {_day(end)}"


def _day(day: str) -> str:
    """``2025-06-16`` -> "16 June 2025"."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(day))
    if not m:
        return str(day)
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
