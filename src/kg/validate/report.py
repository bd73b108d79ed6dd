"""What a validation finds: typed findings and the report that gathers them.

Kept apart from the checks so that a caller (``kg import``, a notebook, the CLI) can read
findings without importing pyshacl or pyoxigraph.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a finding is; only violations make a report fail (unless strict)."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"violation": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem: which check found it, about which resource, and where that is written.

    ``focus`` is the resource as a prefixed name (``skgr:china``); a blank amount node is
    named by the path from the resource that holds it (``skgr:x skg:amount [ ]``).
    ``where`` is ``file:line`` of the focus resource's description when it can be found.
    """

    severity: Severity
    check: str
    focus: str
    message: str
    where: str = ""

    def to_dict(self) -> dict[str, str]:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d


@dataclass
class Report:
    """The outcome of :func:`kg.validate.validate`: findings and what was read.

    ``spans`` counts the evidence spans read; ``spans_checked`` says whether they were
    compared with a verified copy of their source (``sources`` names the copies).
    """

    findings: list[Finding] = field(default_factory=list)
    triples: int = 0
    ontology_triples: int = 0
    resources: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    spans: int = 0
    spans_checked: bool = False
    sources: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no finding is a violation (warnings are advice)."""
        return not any(f.severity is Severity.VIOLATION for f in self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def to_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "triples": self.triples,
            "ontology_triples": self.ontology_triples,
            "resources": self.resources,
            "classes": self.classes,
            "files": self.files,
            "spans": self.spans,
            "spans_checked": self.spans_checked,
            "sources": self.sources,
        }


def order(f: Finding) -> tuple[int, bool, str, int, str, str, str]:
    """Violations first, then by file and line number, so a report reads top to bottom."""
    file, _, line = f.where.rpartition(":")
    if not line.isdigit():
        file, line = f.where, "0"
    return (f.severity.rank, not f.where, file, int(line), f.focus, f.check, f.message)
