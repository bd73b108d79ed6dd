"""``kg export --table``: the tables that join with the field's datasets, by name.

``commitments`` is CSV shaped like AidData's GCDF 3.0 (:mod:`kg.render.aiddata`);
``events`` is PLOVER event records as JSON lines (:mod:`kg.render.plover`). Both are read
from the same graph any command uses (``--data``, ``--store``).

>>> from kg.render.joined import export_table
>>> export_table("commitments").decode().split(",")[:4]
['Title', 'Financier Country', 'Recipient', 'Recipient ISO-3']
>>> import json
>>> first = json.loads(export_table("events").splitlines()[0])
>>> sorted(k for k in ("id", "date", "actor", "event") if k in first)   # PLOVER's required
['actor', 'date', 'event', 'id']

May use: :mod:`kg.render.aiddata`, :mod:`kg.render.plover`, :mod:`kg.stores`, :mod:`kg.errors`.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import UsageError

#: table name -> (format, what it is)
TABLES = {
    "commitments": ("csv", "commitments with AidData GCDF 3.0 column names"),
    "events": ("jsonl", "PLOVER event records, one JSON object a line"),
}


def export_table(name: str, *, data: Path | str | None = None, store: str = "memory") -> bytes:
    """The bytes of the table called ``name`` (see :data:`TABLES`)."""
    if name not in TABLES:
        raise UsageError(
            f"unknown table {name!r}", where="--table", hint="use " + " or ".join(TABLES)
        )
    from kg.stores import open_graph

    graph = open_graph(store, Path(data) if data is not None else None)
    if name == "commitments":
        from kg.render import aiddata

        return aiddata.to_csv(aiddata.commitment_rows(graph))
    from kg.render import plover

    return plover.to_jsonl(plover.event_records(graph))
