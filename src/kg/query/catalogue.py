"""The catalogue of named questions: the ``.rq`` files in ``queries/`` and their headers.

A question's name is its file stem (``queries/parties-to-agreements.rq`` is
``parties-to-agreements``). Files in subfolders (``queries/checks/``) are quality checks,
not analysts' questions, and are left out.

Each file starts with a comment header, read by :func:`parse_header`::

    # title: Parties to each agreement
    # description: Every agreement with the states that are party to it. A long
    #   description goes on over comment lines indented by two or more spaces.
    # param: agreement  (optional) an agreement's IRI or label
    # param: year  (required, gYear) the year, e.g. 2025

``param`` lines name a variable of the query (``?agreement``) that ``kg query -p NAME VALUE``
binds *as an RDF term* (never by pasting text into the query). Inside the parentheses come
``required`` or ``optional`` (default ``optional``) and, optionally, the value's type:

==========  ============================================================================
``entity``  (default) a resource: an IRI (``<https://...>`` or bare), a prefixed name
            (``skgr:china``), a local name (``china``) or a label, matched without regard
            to case against rdfs:label, skos:prefLabel and skos:altLabel
``iri``     an IRI or prefixed name only, no label look-up
``string``  a plain literal (``literal`` is a synonym)
``integer`` / ``decimal`` / ``boolean`` / ``date`` / ``gYear``: a typed literal, checked
==========  ============================================================================

The text after the parentheses is the help shown by ``kg queries``. Other comment lines
are ignored; the header ends at the first line that is not a comment.

This module reads text only (no rdflib), so ``kg queries`` and the cached path of
``kg query`` stay fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, UsageError
from kg.model import paths

#: Parameter types a header may declare.
PARAM_TYPES: tuple[str, ...] = (
    "entity",
    "iri",
    "string",
    "integer",
    "decimal",
    "boolean",
    "date",
    "gYear",
)
_TYPE_ALIASES = {"literal": "string", "str": "string", "int": "integer", "gyear": "gYear"}

_KEY = re.compile(r"^#\s*([A-Za-z][\w-]*)\s*:\s?(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*(.*)$")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a question."""

    name: str
    required: bool = False
    type: str = "entity"
    description: str = ""

    def usage(self) -> str:
        """How to give it on the command line, for error messages."""
        return f"-p {self.name} VALUE"


@dataclass(frozen=True)
class Question:
    """A named question: its file, header fields and query text."""

    name: str
    path: Path
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    text: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value.strip())
    if not match:
        raise InputError(
            f"malformed param line {value!r}",
            where=where,
            hint="write '# param: NAME  (optional|required[, TYPE]) help text'",
        )
    name, flags, help_text = match.groups()
    required, ptype = False, "entity"
    for flag in (f.strip() for f in (flags or "").split(",") if f.strip()):
        low = flag.lower()
        if low in ("required", "optional"):
            required = low == "required"
        elif low in _TYPE_ALIASES or flag in PARAM_TYPES or low in PARAM_TYPES:
            ptype = _TYPE_ALIASES.get(low, low if low in PARAM_TYPES else flag)
        else:
            raise InputError(
                f"unknown word {flag!r} in the parameter {name!r}",
                where=where,
                hint=f"use required or optional, and one of {', '.join(PARAM_TYPES)}",
            )
    return Param(name=name, required=required, type=ptype, description=help_text.strip())


def parse_header(text: str, source: str = "query") -> tuple[str, str, tuple[Param, ...]]:
    """Title, description and parameters from the comment header of a query's text.

    ``source`` names the file in error messages (``source:line``).
    """
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    last: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            last = None
            continue
        if not line.lstrip().startswith("#"):
            break
        line = line.lstrip()
        cont = _CONTINUATION.match(line)
        if cont and last is not None:
            last.append(cont.group(1).strip())
            continue
        key = _KEY.match(line)
        if not key:
            last = None
            continue
        name, value = key.group(1).lower(), key.group(2).strip()
        if name == "param":
            params.append(_parse_param(value, f"{source}:{lineno}"))
            last = None
        elif name in ("title", "description"):
            last = fields.setdefault(name, [])
            last.append(value)
        else:
            last = None
    seen: set[str] = set()
    for p in params:
        if p.name in seen:
            raise InputError(f"parameter {p.name!r} is declared twice", where=source)
        seen.add(p.name)
    title = " ".join(fields.get("title", [])).strip()
    description = " ".join(fields.get("description", [])).strip()
    return title, description, tuple(params)


def read_question(path: Path | str, name: str | None = None) -> Question:
    """A question from any ``.rq`` file (named or not)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such query file", where=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("the query file is not UTF-8 text", where=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the query file: {exc.strerror}", where=str(path)) from None
    title, description, params = parse_header(text, str(path))
    return Question(
        name=name or path.stem,
        path=path,
        title=title,
        description=description,
        params=params,
        text=text,
    )


def catalogue(folder: Path | str | None = None) -> dict[str, Question]:
    """Every named question of ``folder`` (default: the shipped ``queries/``), by name."""
    folder = Path(folder) if folder is not None else paths.QUERIES_DIR
    if not folder.is_dir():
        return {}
    return {p.stem: read_question(p) for p in sorted(folder.glob("*.rq")) if p.is_file()}


def names(folder: Path | str | None = None) -> list[str]:
    """The question names alone, without reading the files (cheap)."""
    folder = Path(folder) if folder is not None else paths.QUERIES_DIR
    return sorted(p.stem for p in folder.glob("*.rq")) if folder.is_dir() else []


def find(name: str, folder: Path | str | None = None) -> Question:
    """The question called ``name``; an unknown name suggests the closest ones."""
    folder = Path(folder) if folder is not None else paths.QUERIES_DIR
    path = folder / f"{name}.rq"
    if re.fullmatch(r"[\w.-]+", name) and path.is_file():
        return read_question(path)
    known = names(folder)
    import difflib

    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    if not close:
        close = [k for k in known if name.lower() in k.lower()][:3]
    hint = (
        f"did you mean {' or '.join(close)}?"
        if close
        else "'kg queries' lists the named questions; a file must end in .rq"
    )
    raise UsageError(f"no question named {name!r}", where="QUESTION", hint=hint)
