"""The site's scripts and styles: ours from this package, the libraries from theirs.

Our own small files (``static/``: the look, sortable tables, the search, the glue that
draws the views) ship with kg. plotly.js (timeline, bar charts) is read from the installed
``plotly`` Python package and vis-network (the network) from ``pyvis``, at build time,
exactly as ``kg viz`` inlines vis-network: no copy of another project's code is kept in
this repository, and the built site fetches nothing from anywhere. Each library is written
once, as ``assets/NAME``, and shared by every page that needs it.

May use: :mod:`kg.errors`; the package data of plotly and pyvis, read as files (neither
library's Python code is imported).
"""

from __future__ import annotations

import importlib.util
import re
from importlib import resources
from pathlib import Path

from kg.errors import UsageError

#: our files, as they are in ``static/``
OWN_ASSETS = ("site.css", "site.js", "tables.js", "search.js", "views.js")


def own_assets() -> dict[str, bytes]:
    folder = resources.files("kg.render.site") / "static"
    return {name: (folder / name).read_bytes() for name in OWN_ASSETS}


def plotly_js() -> bytes:
    """plotly.min.js as the ``plotly`` wheel ships it (``package_data/plotly.min.js``)."""
    try:
        path = package_folder("plotly") / "package_data" / "plotly.min.js"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        raise UsageError(
            "the plotly package (which ships plotly.js) is not installed",
            where="kg site",
            hint="pip install 'plotly>=5.20'",
        ) from None
    # a source-map comment would make a browser's developer tools ask for a file
    return re.sub(r"//# sourceMappingURL=\S*", "", text).encode("utf-8")


def package_folder(name: str) -> Path:
    """Where an installed package lives, found without importing it (importing pyvis
    imports networkx and more, a second of a build for two file reads)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(name)
    return Path(next(iter(spec.submodule_search_locations)))


def vis_assets() -> dict[str, bytes]:
    """vis-network's JS and CSS from the pyvis wheel (``pyvis/lib/vis-*/``), as ``kg viz``
    uses them; read here rather than through :mod:`kg.render.pictures`, whose package
    imports networkx and matplotlib."""
    try:
        lib = package_folder("pyvis") / "lib"
        folders = sorted(d for d in lib.iterdir() if d.name.startswith("vis-"))
        folder = next(d for d in reversed(folders) if (d / "vis-network.min.js").is_file())
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, StopIteration, OSError):
        raise UsageError(
            "pyvis (which ships vis-network) is not installed or has no vis-network files",
            where="kg site",
            hint="pip install 'pyvis>=0.3.2'",
        ) from None
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    css = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/", "", css)
    return {"vis-network.min.js": js.encode("utf-8"), "vis-network.css": css.encode("utf-8")}


def library_versions() -> dict[str, str]:
    """Which library versions a build used, for the site's marker file."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("plotly", "pyvis", "jinja2"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:  # pragma: no cover - all three are dependencies
            found[name] = "?"
    return found


def all_assets(search_index: str) -> dict[str, bytes]:
    """Every file under ``assets/``: ours, the search index, plotly.js and vis-network."""
    files = {f"assets/{name}": data for name, data in own_assets().items()}
    files["assets/search-index.js"] = search_index.encode("utf-8")
    files["assets/plotly.min.js"] = plotly_js()
    files.update({f"assets/{name}": data for name, data in vis_assets().items()})
    return files
