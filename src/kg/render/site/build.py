"""``kg site -o DIR``: every page, download and asset, written all at once or not at all.

The pages are rendered into memory first, then written into a fresh folder beside DIR,
which replaces DIR by renames only when everything is there: a failed build leaves the
previous site as it was and no half-written folder. DIR must be new, empty, or a site an
earlier ``kg site`` wrote (it holds ``.kg-site``), so a typo never wipes another folder.

May use: :mod:`kg.model` (loading, evidence), :mod:`kg.query.catalogue`,
:mod:`kg.render.results`, every ``site`` page module; rdflib.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import UsageError
from kg.query import catalogue
from kg.render.site.answers import Answer, answer_question
from kg.render.site.article import render_article
from kg.render.site.assets import all_assets, library_versions
from kg.render.site.base import SiteData, class_key, open_source_texts
from kg.render.site.classes import members_by_class, render_class_page, render_classes_index
from kg.render.site.describe import description_triples
from kg.render.site.home import render_home
from kg.render.site.links import Links, page_file, resource_slug
from kg.render.site.question import render_question_page, render_questions_index
from kg.render.site.rdfdocs import jsonld_of, turtle_of
from kg.render.site.resource import render_resource_page
from kg.render.site.search import render_search, search_index_js

MARKER = ".kg-site"


@dataclass(frozen=True)
class SiteReport:
    """What a build wrote."""

    folder: Path
    pages: int
    files: int
    bytes: int
    seconds: float
    article: bool


def _resource_files(site: SiteData) -> dict[str, bytes]:
    links = Links.files(1)
    files: dict[str, bytes] = {}
    for node in site.pages:
        name = resource_slug(str(node))
        html = render_resource_page(site.graph, node, links=links, site=site)
        files[page_file("resource", name or "")] = html.encode("utf-8")
        description = description_triples(site, node)
        files[f"id/{name}.ttl"] = turtle_of(description, node)
        files[f"id/{name}.jsonld"] = jsonld_of(description, node)
    return files


def _question_files(site: SiteData, answers: dict[str, Answer]) -> dict[str, bytes]:
    links = Links.files(1)
    files = {}
    for name, answer in answers.items():
        page = render_question_page(site.graph, name, links=links, answer=answer, site=site)
        files[page_file("question", name)] = page.encode("utf-8")
        for suffix, data in answer.downloads.items():
            files[f"queries/{name}{suffix}"] = data
    index = render_questions_index(site.graph, links=links, answers=answers, site=site)
    files[page_file("questions")] = index.encode("utf-8")
    return files


def _class_files(site: SiteData) -> dict[str, bytes]:
    links = Links.files(1)
    files = {page_file("classes"): render_classes_index(site.graph, links=links, site=site)}
    for cls in members_by_class(site):
        key = class_key(cls)
        if key is not None:
            files[page_file("class", key)] = render_class_page(
                site.graph, key, links=links, site=site
            )
    return {name: text.encode("utf-8") for name, text in files.items()}


def site_files(site: SiteData, *, timeout: float | None = 60) -> dict[str, bytes]:
    """Every file of the site, by its path under the site's folder."""
    answers = {
        n: answer_question(site, q, timeout=timeout) for n, q in catalogue.catalogue().items()
    }
    top = Links.files(0)
    files = {
        page_file("home"): render_home(site.graph, links=top, answers=answers, site=site),
        page_file("search"): render_search(site.graph, links=top, site=site),
    }
    if site.texts:
        files[page_file("article")] = render_article(site.graph, links=top, site=site)
    files = {name: text.encode("utf-8") for name, text in files.items()}
    files.update(_question_files(site, answers))
    files.update(_class_files(site))
    files.update(_resource_files(site))
    files.update(all_assets(search_index_js(site.graph, links=top, site=site)))
    return files


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a folder", where="-o", hint="give a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise UsageError(
            f"{out} is not empty and is not a site kg wrote (no {MARKER} in it)",
            where="-o",
            hint="give a new or empty folder, or one an earlier 'kg site' wrote",
        )


def _write_folder(out: Path, files: dict[str, bytes]) -> None:
    """Write into a fresh folder beside ``out``, then swap it in by renames."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    old: Path | None = None
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        os.chmod(staging, 0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.rmdir(old)
            os.replace(out, old)
        os.replace(staging, out)
    except BaseException:
        if old is not None and old.exists() and not out.exists():
            os.replace(old, out)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_site(
    out: Path | str,
    *,
    graph: Graph | None = None,
    data: Path | str | None = None,
    sources: Path | str | None = None,
    timeout: float | None = 60,
) -> SiteReport:
    """Build the whole site into ``out`` (see the module docstring) and say what it wrote.

    ``graph`` defaults to the shipped graph (or ``data``'s folder). ``sources``: the folder
    holding the article's copy; with it, evidence shows each span's sentence and the article
    view is built (a copy whose SHA-256 differs is refused, InputError).
    """
    started = time.perf_counter()
    out = Path(out)
    _check_target(out)
    files_read = None
    if graph is None:
        from kg.model.load import load
        from kg.model.sources import source_files

        files_read = source_files(data)
        graph = load(data)
    texts = open_source_texts(graph, Path(sources)) if sources is not None else {}
    site = SiteData(graph, texts)
    site.source_files = files_read
    files = site_files(site, timeout=timeout)
    pages = sum(1 for name in files if name.endswith(".html"))
    marker = {
        "generator": "kg site",
        "pages": pages,
        "article": bool(texts),
        "libraries": library_versions(),
    }
    files[MARKER] = (json.dumps(marker, indent=1, sort_keys=True) + "\n").encode("utf-8")
    _write_folder(out, files)
    return SiteReport(
        folder=out,
        pages=pages,
        files=len(files),
        bytes=sum(len(d) for d in files.values()),
        seconds=time.perf_counter() - started,
        article=bool(texts),
    )
