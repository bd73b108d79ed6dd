"""Where each page lives: one set of templates, two deliveries (files on disk, server routes).

A page never spells a URL itself; it asks a :class:`Links` object, so the same rendering
serves ``kg site`` (relative links between ``.html`` files, which work from ``file://`` and
from any static host, at any sub-path) and ``kg serve`` (absolute routes such as
``/id/SLUG`` and ``/queries/NAME``, which the server maps onto the same functions).

File names come from IRIs and never from labels, so a link stays valid when a label is
reworded and pages diff well between builds: ``skgr:xi-jinping`` is ``id/xi-jinping.html``.

May use: the standard library only (no rdflib: links are strings).
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from dataclasses import dataclass

#: Resources under this namespace get a page; any other IRI is an outside link.
RESOURCE_NS = "https://w3id.org/summit-kg/id/"
ONTOLOGY_NS = "https://w3id.org/summit-kg/ontology#"

_PLAIN_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
_UNSAFE = re.compile(r"[^a-z0-9-]+")


def slug(local: str) -> str:
    """A file-name-safe, case-safe slug for an IRI's local name, stable across builds.

    The shipped data's names are already kebab case and are kept as they are. Anything else
    (capitals, which collide on case-insensitive disks; dots; non-ASCII) is lowered and
    cleaned, with a short hash of the original so two names cannot meet in one file.
    """
    if _PLAIN_SLUG.fullmatch(local):
        return local
    cleaned = _UNSAFE.sub("-", local.lower()).strip("-")[:60] or "x"
    digest = hashlib.sha256(local.encode("utf-8")).hexdigest()[:10]
    return f"{cleaned}-{digest}"


def resource_slug(iri: str) -> str | None:
    """The slug of a project resource's IRI, or None for an IRI outside ``skgr:``."""
    if not iri.startswith(RESOURCE_NS) or len(iri) == len(RESOURCE_NS):
        return None
    local = iri[len(RESOURCE_NS) :]
    if "/" in local or "#" in local or "?" in local:
        return None
    return slug(local)


def class_slug(iri: str, prefixes: dict[str, str]) -> str | None:
    """The slug of a class: ``skg:State`` -> ``State``, ``skos:Concept`` -> ``skos-Concept``."""
    if iri.startswith(ONTOLOGY_NS):
        local, prefix = iri[len(ONTOLOGY_NS) :], ""
    else:
        found = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default="")
        if not found:
            return None
        local = iri[len(found) :]
        prefix = next(p for p, ns in prefixes.items() if ns == found) + "-"
    return prefix + local if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,99}", local) else None


@dataclass(frozen=True)
class Links:
    """How pages link to each other.

    ``style="files"``: relative links; ``root`` is the way back to the site's top from the
    page being written ("" for the top pages, "../" one folder down). ``style="server"``:
    absolute routes below ``base_url`` (default ""), without ``.html``.
    """

    style: str = "files"
    root: str = ""
    base_url: str = ""

    @classmethod
    def files(cls, depth: int = 0) -> Links:
        return cls("files", "../" * depth)

    @classmethod
    def server(cls, base_url: str = "") -> Links:
        return cls("server", "", base_url.rstrip("/"))

    def at_depth(self, depth: int) -> Links:
        """The same style, seen from a page ``depth`` folders below the top."""
        return self if self.style == "server" else Links.files(depth)

    # -- the site's places ----------------------------------------------------------------
    def _path(self, path: str, suffix: str = ".html") -> str:
        if self.style == "server":
            return f"{self.base_url}/{path}"
        return f"{self.root}{path}{suffix}"

    def home(self) -> str:
        return f"{self.base_url}/" if self.style == "server" else f"{self.root}index.html"

    def search(self, query: str = "") -> str:
        url = self._path("search")
        return f"{url}?q={urllib.parse.quote(query)}" if query else url

    def article(self, anchor: str = "") -> str:
        return self._path("article") + (f"#{anchor}" if anchor else "")

    def questions(self) -> str:
        return self._path("queries") if self.style == "server" else f"{self.root}queries/index.html"

    def question(self, name: str, suffix: str = "") -> str:
        """A named question's page, or (``suffix`` ".csv", ".json", ...) a download."""
        if suffix:
            return (
                f"{self.base_url}/queries/{name}{suffix}"
                if self.style == "server"
                else (f"{self.root}queries/{name}{suffix}")
            )
        return self._path(f"queries/{name}")

    def classes(self) -> str:
        return self._path("class") if self.style == "server" else f"{self.root}class/index.html"

    def klass(self, name: str) -> str:
        return self._path(f"class/{name}")

    def resource(self, iri: str, suffix: str = "") -> str | None:
        """A resource's page (or its ``.ttl`` / ``.jsonld`` download); None outside ``skgr:``."""
        name = resource_slug(iri)
        if name is None:
            return None
        if suffix:
            return (
                f"{self.base_url}/id/{name}{suffix}"
                if self.style == "server"
                else (f"{self.root}id/{name}{suffix}")
            )
        return self._path(f"id/{name}")

    def asset(self, name: str) -> str:
        return (
            f"{self.base_url}/assets/{name}"
            if self.style == "server"
            else (f"{self.root}assets/{name}")
        )


def page_file(kind: str, name: str = "") -> str:
    """The file (relative to the site's top) that ``kg site`` writes for a page."""
    if kind == "home":
        return "index.html"
    if kind in ("search", "article"):
        return f"{kind}.html"
    if kind == "questions":
        return "queries/index.html"
    if kind == "classes":
        return "class/index.html"
    folder = {"question": "queries", "class": "class", "resource": "id"}[kind]
    return f"{folder}/{name}.html"
