"""RDF out: the writers, canonical order, JSON-LD, frames and OWL RL entailments.

Everything here turns an rdflib graph or dataset into bytes (or a JSON-LD document) that
are the same in every process, or derives triples to write. The modules, lowest first:
``graphs`` (the named graphs of an export), ``writers`` (which serializer writes each
format, Turtle/TriG keeping decimal forms), ``canonical`` (blank-node labels and sorted
quads), ``jsonld`` (context, compaction, no network), ``serialize`` (``serialize()``),
``frames`` (JSON-LD framing) and ``entailment`` (OWL 2 RL, kept in its own graph).

May use: :mod:`kg.render.registry` (format names), :mod:`kg.model`, :mod:`kg.errors`;
nothing else in :mod:`kg.render`, so results and exports can both build on it.
"""
