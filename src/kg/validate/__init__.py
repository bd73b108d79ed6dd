"""Checking the graph: syntax, SHACL shapes, SPARQL checks and evidence spans, as findings.

:func:`validate` is what ``kg validate`` runs; a notebook can call it too and look at the
typed :class:`Finding` records instead of parsing text. Modules, one concern each:
``report`` (findings and the report), ``locate`` (names and ``file:line`` of resources),
``shacl``, ``sparql`` (the checks in ``queries/checks/``), ``spans`` (evidence spans in
their source and paragraph), ``wording`` (quotations, numbers and names against the text),
``api`` (putting it together). Names are looked up lazily so that importing the package
(for :class:`Severity`, say) does not import pyshacl.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> the module that defines it
_NAMES = {
    "Severity": "report",
    "Finding": "report",
    "Report": "report",
    "Namer": "locate",
    "locate_subjects": "locate",
    "run_shacl": "shacl",
    "CHECKS_DIR": "sparql",
    "Check": "sparql",
    "load_checks": "sparql",
    "run_checks": "sparql",
    "check_evidence": "api",
    "validate": "api",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str) -> Any:
    module = _NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.validate' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kg.validate.{module}"), name)
