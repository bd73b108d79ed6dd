"""Merging outside RDF files into a data folder, all or nothing.

Why so careful: the data folder is the project's source of truth. An import that half
succeeds (one file written, the next refused) or that lets in triples ``kg validate``
would reject leaves a folder someone must repair by hand. So every file is parsed and the
merged result validated in a temporary copy first; only then are the new files written,
each atomically.

Each imported file becomes ``<data>/imported-<stem>.ttl`` holding only the triples the
folder does not already have, written as deterministic Turtle. An existing file of that
name is replaced only when asked (``replace=True``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, KgError, UsageError
from kg.model import paths


@dataclass(frozen=True)
class Imported:
    """One imported file: where it came from, where it went, how many triples were new."""

    source: Path
    target: Path
    triples: int
    new: int


def target_name(source: Path) -> str:
    """``imported-<stem>.ttl``, the stem made safe as a file name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(source).stem).strip("-.") or "data"
    return f"imported-{stem}.ttl"


def import_files(
    files: Sequence[Path | str],
    data_dir: Path | str | None = None,
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> list[Imported]:
    """Parse, merge and validate ``files`` against ``data_dir``; write only if all is well.

    Raises :class:`~kg.errors.KgError` naming the file (and ``line:col`` for syntax
    errors, the resource and the broken rule for validation failures); nothing is written
    then.
    """
    from kg.model.load import data_files

    folder = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    existing_files = data_files(folder)
    if not files:
        raise UsageError("no files to import", where="FILE", hint="name one or more RDF files")

    sources = [Path(f) for f in files]
    targets = [folder / target_name(s) for s in sources]
    _check_targets(sources, targets, folder, replace=replace)
    # What the folder holds, without the files this import replaces.
    kept = [f for f in existing_files if f not in targets]
    outputs = _new_triples(sources, targets, kept)
    _validate_in_copy(kept, outputs)
    if not dry_run:
        write_all([(item.target, text) for item, text in outputs if item.new])
    return [item for item, _ in outputs]


def _replace(source: Path, target: Path) -> None:
    os.replace(source, target)


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file or none: all are staged beside their targets first, then renamed into
    place; if a rename fails, the ones already done are undone (replaced files restored).

    Raises UsageError naming the file that could not be written; the folder is then as it was.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in files:
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".kg-new", dir=target.parent
            )
            staged.append((Path(tmp), target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except OSError as exc:
        _discard(tmp for tmp, _ in staged)
        raise _not_written(target, exc) from None
    done: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    try:
        for tmp, target in staged:
            backup = None
            if target.exists():
                backup = target.with_name(f".{target.name}.kg-old")
                _replace(target, backup)
            done.append((target, backup))
            _replace(tmp, target)
    except OSError as exc:
        _undo(done)
        _discard(tmp for tmp, _ in staged)
        raise _not_written(target, exc) from None
    _discard(backup for _, backup in done if backup is not None)


def _undo(done: Sequence[tuple[Path, Path | None]]) -> None:
    for target, backup in reversed(done):
        if backup is not None and backup.exists():
            os.replace(backup, target)
        elif backup is None and target.exists():
            target.unlink()


def _discard(paths_: Iterable[Path]) -> None:
    for path in paths_:
        with contextlib.suppress(OSError):
            path.unlink()


def _not_written(target: Path, exc: OSError) -> UsageError:
    return UsageError(
        f"cannot write {target.name}: {exc.strerror or exc}; nothing was imported",
        where=str(target),
        hint="check that the data folder is writable and has room",
    )


def _check_targets(
    sources: Sequence[Path], targets: Sequence[Path], folder: Path, *, replace: bool
) -> None:
    """Refuse two sources landing on one file, and overwriting an import unasked."""
    seen: dict[Path, Path] = {}
    for source, target in zip(sources, targets, strict=True):
        if target in seen:
            raise UsageError(
                f"{seen[target].name} and {source.name} would both become {target.name}",
                where=str(source),
                hint="rename one of them",
            )
        seen[target] = source
        if target.exists() and not replace:
            raise UsageError(
                f"{target.name} already exists in {folder}",
                where=str(source),
                hint="add --replace to overwrite it",
            )


def _new_triples(
    sources: Sequence[Path], targets: Sequence[Path], kept: Sequence[Path]
) -> list[tuple[Imported, bytes]]:
    """Each source's triples that neither the kept files nor an earlier source hold, as Turtle."""
    from rdflib import Graph

    from kg.model.load import parse_file
    from kg.model.namespaces import bind_prefixes
    from kg.render.export import serialize

    existing = Graph()
    for f in kept:
        parse_file(f, existing)
    outputs: list[tuple[Imported, bytes]] = []
    merged_new = Graph()
    for source, target in zip(sources, targets, strict=True):
        parsed = parse_file(source)
        if len(parsed) == 0:
            raise InputError("the file holds no triples", where=str(source))
        new = Graph()
        bind_prefixes(new)
        for triple in parsed:
            if triple not in existing and triple not in merged_new:
                new.add(triple)
                merged_new.add(triple)
        header = f"Imported from {source.name} by kg import; {len(new)} triples."
        text = serialize(new, "ttl", header=header) if len(new) else b""
        outputs.append((Imported(source, target, len(parsed), len(new)), text))
    return outputs


def _validate_in_copy(kept: Sequence[Path], outputs: Sequence[tuple[Imported, bytes]]) -> None:
    """Run ``kg validate``'s checks on the folder as it would be after the import."""
    from kg.validate import Severity, validate

    with tempfile.TemporaryDirectory(prefix="kg-import-") as tmp:
        trial = Path(tmp)
        for f in kept:
            shutil.copy2(f, trial / f.name)
        by_name: dict[str, Path] = {}
        for item, text in outputs:
            if item.new:
                (trial / item.target.name).write_bytes(text)
                by_name[item.target.name] = item.source
        report = validate(trial)
        violations = [f for f in report.findings if f.severity is Severity.VIOLATION]
        if not violations:
            return
        first = violations[0]
        located = _source_of(first.where, by_name)
        where = located if located.startswith(tuple(str(s) for s in by_name.values())) else ""
        where = where or ", ".join(str(item.source) for item, _ in outputs)
        about = f" (described at {located})" if located and located != where else ""
        more = f"; and {len(violations) - 1} more" if len(violations) > 1 else ""
        raise KgError(
            f"the merged data would not validate: {first.focus}{about}: {first.message} "
            f"[{first.check}]{more}",
            where=where,
            hint="fix the file, or the data it clashes with, and import again; nothing was written",
        )


def _source_of(where: str, by_name: dict[str, Path]) -> str:
    """Map ``<tmp>/imported-x.ttl:12`` back to the file the user gave (the line is ours)."""
    if not where:
        return ""
    name = Path(where.split(":", 1)[0]).name
    line = where.split(":", 1)[1] if ":" in where else ""
    if name in by_name:
        return f"{by_name[name]} (as {name}{':' + line if line else ''})"
    return f"{name}{':' + line if line else ''}"
