"""Where the shipped ontology, data and queries live.

In a source checkout (or an editable install) they sit at the repository's top level, where
people edit them. A built wheel carries copies under ``kg/_resources/`` so that a plain
``pip install .`` used from any directory still finds them. Looking in the wheel location
first means an installed copy never silently reads some unrelated checkout.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent.parent  # the kg package
_BUNDLED = _PKG / "_resources"
_CHECKOUT = _PKG.parent.parent


def _locate(*parts: str) -> Path:
    bundled = _BUNDLED.joinpath(*parts)
    if bundled.is_dir():
        return bundled
    return _CHECKOUT.joinpath(*parts)


ONTOLOGY_DIR: Path = _locate("ontology")
DATA_DIR: Path = _locate("data", "triples")
QUERIES_DIR: Path = _locate("queries")

ONTOLOGY_FILE: Path = ONTOLOGY_DIR / "summit.ttl"
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE: Path = ONTOLOGY_DIR / "context.jsonld"
