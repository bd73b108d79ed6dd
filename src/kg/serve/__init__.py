"""``kg serve``: the graph as a read-only SPARQL 1.1 Protocol endpoint, with a small page.

What lives here, in the order a request goes through it:

=================  ========================================================================
``config``         :class:`ServeConfig`: every option and limit, with the safe defaults
``http``           the HTTP server and handler: reading requests safely, routing only
``deadlines``      the total deadline for a client to send its request
``checks``         Host (DNS rebinding), Content-Length, numbers in the query string
``pages``          the page's static files, the catalogue as JSON, 404 for unknown names
``description``    the SPARQL service description, built as rdflib terms
``workers``        the worker processes: time limit, memory cap, replacing dead ones
``jobs``           what a worker does with a job: an answer, a picture, a one-line error
``negotiation``    Accept headers and ``format=`` names to format names
``reply``          :class:`Reply`, an answer as plain data that pickles across processes
``lifecycle``      :func:`start`, :func:`shutdown`
=================  ========================================================================

Safety: the query text goes through :func:`kg.query.execute.run`, which refuses updates, FROM,
FROM NAMED and SERVICE; the protocol's ``default-graph-uri``/``named-graph-uri`` and
``update`` are refused here. Bound to 127.0.0.1 and answering only to this machine's names
unless told otherwise; CORS off unless enabled; limits on time, rows, bytes and memory.

May use :mod:`kg.query`, :mod:`kg.stores`, :mod:`kg.render`, :mod:`kg.model` and
:mod:`kg.errors`; never :mod:`kg.cli`. Names are exported lazily, so that a worker process
imports ``workers`` and ``jobs`` only, and ``kg --help`` none of this.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> the module that defines it.
_EXPORTS = {
    "ServeConfig": "config",
    "MAX_BODY": "config",
    "parse_size": "config",
    "KgServer": "http",
    "Handler": "http",
    "Reply": "reply",
    "error_reply": "reply",
    "parse_accept": "negotiation",
    "negotiate": "negotiation",
    "RESULT_TYPES": "negotiation",
    "GRAPH_TYPES": "negotiation",
    "execute": "jobs",
    "WorkerPool": "workers",
    "WorkerFailed": "workers",
    "service_description": "description",
    "start": "lifecycle",
    "shutdown": "lifecycle",
    "is_loopback": "lifecycle",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"kg.serve.{module}"), name)
