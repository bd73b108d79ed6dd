"""The page's own files, the catalogue of named questions as JSON, and names that are not
questions (404 before any worker is asked).

Everything here runs in the HTTP threads and reads text only (no rdflib).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.serve.config import MAX_NAME
from kg.serve.reply import JSON_TYPE, Reply, error_reply

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
PAGE_POLICY = "default-src 'self'; frame-src 'self'; img-src 'self' data:; object-src 'none'"
_NAME = re.compile(r"[\w.-]+")


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, so that a message never echoes a huge input."""
    return text if len(text) <= limit else text[:limit] + "…"


def plain_name(name: str) -> bool:
    """A slug or file name the routes accept: short, letters, digits, ``.``, ``-``, ``_``."""
    return len(name) <= MAX_NAME and bool(_NAME.fullmatch(name)) and ".." not in name


def static(name: str, *, csp: bool = False) -> Reply:
    """One file of ``static/``; anything else (``..``, other suffixes) is 404."""
    if len(name) > MAX_NAME or not _NAME.fullmatch(name):
        return error_reply(404, "not-found", f"no asset {shorten(name)!r}")
    path = (STATIC_DIR / name).resolve()
    if path.parent != STATIC_DIR or path.suffix not in STATIC_TYPES or not path.is_file():
        return error_reply(404, "not-found", f"no asset {shorten(name)!r}")
    headers = {"Cache-Control": "no-cache"}
    if csp:
        headers["Content-Security-Policy"] = PAGE_POLICY
    return Reply(200, STATIC_TYPES[path.suffix], path.read_bytes(), headers)


def unknown_question(name: str, folder: Path | None) -> Reply | None:
    """A 404 if ``name`` is not a named question of ``folder``, else None.

    Checked here, in text, so that a long or strange name never reaches the file system
    (where it would fail with the server's own path in the message).
    """
    from kg.errors import KgError
    from kg.query import catalogue

    if len(name) > MAX_NAME or not _NAME.fullmatch(name):
        return error_reply(
            404,
            "not-found",
            f"no question named {shorten(name)!r}; GET /queries lists them",
        )
    if name in catalogue.names(folder):
        return None
    try:
        catalogue.find(name, folder)
    except KgError as exc:
        return error_reply(404, "not-found", str(exc))
    return None


def catalogue_reply(folder: Path | None) -> Reply:
    """Every named question with its parameters, as the page lists them."""
    from kg.errors import KgError
    from kg.query import catalogue

    try:
        questions = catalogue.catalogue(folder)
    except KgError as exc:
        return error_reply(500, "bad-catalogue", str(exc))
    items = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "kind": kind_of(q.text),
            "text": q.text,
            "params": [
                {"name": p.name, "required": p.required, "type": p.type, "help": p.description}
                for p in q.params
            ],
            "url": f"/queries/{q.name}",
        }
        for q in questions.values()
    ]
    body = json.dumps(items, indent=1, ensure_ascii=False) + "\n"
    return Reply(200, JSON_TYPE, body.encode("utf-8"))


def kind_of(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the query form, read from the text past comments."""
    body = re.sub(r"(?m)#[^\n]*$", "", text)
    m = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", body, re.IGNORECASE)
    return m.group(1).upper() if m else "SELECT"
