"""The stages as a named list, and the one place that writes generated files.

    read → parse → classify → merge → render

``run(notes_dir, until=…)`` stops after any stage (the CLI's ``--until parse`` prints
the entries as JSON for debugging). ``write_docs`` writes only files whose content
changed, so ``mkdocs serve`` does not rebuild in a loop, and removes pages it wrote
before that no longer exist.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .classify import Classifier, classify
from .diagnostics import HandbookError, Report
from .merge import merge
from .parse import parse
from .read import other_files, read_notes
from .render import Site, render
from .taxonomy import Taxonomy, load_glossary, load_taxonomy

MANIFEST = ".handbook-manifest"


@dataclass
class State:
    notes_dir: Path
    report: Report = field(default_factory=Report)
    taxonomy: Taxonomy = field(default_factory=load_taxonomy)
    glossary: tuple = field(default_factory=load_glossary)
    notes: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    placed: list = field(default_factory=list)
    merged: dict = field(default_factory=dict)
    classifier: Classifier | None = None
    site: Site | None = None


def _read(s: State) -> None:
    if not s.notes_dir.is_dir():
        raise HandbookError(f"{s.notes_dir}: notes folder not found")
    s.notes = read_notes(s.notes_dir, s.report)


def _parse(s: State) -> None:
    s.entries = parse(s.notes, s.report)


def _classify(s: State) -> None:
    s.classifier = Classifier(s.taxonomy, s.glossary)
    s.placed = classify(s.entries, s.classifier, report=s.report)


def _merge(s: State) -> None:
    s.merged = merge(s.placed, s.classifier.matcher)


def _render(s: State) -> None:
    s.site = render(s.taxonomy, s.notes, s.notes_dir, s.merged, s.placed, s.report)
    report_unused_files(s)


def report_unused_files(s: State) -> None:
    """One info line per file in the notes folder that no note shows or names: often an image
    whose name a note misspells."""
    shown = {source.resolve() for source in s.site.assets.values()} if s.site else set()
    texts = [unquote(note.text) for note in s.notes]
    for path in other_files(s.notes_dir):
        if path.resolve() in shown or any(path.name in text for text in texts):
            continue
        rel = path.relative_to(s.notes_dir).as_posix()
        s.report.add(rel, 1, "info", "not a note and not used by any note (a misspelt image name?)")


STAGES: list[tuple[str, Callable[[State], Any]]] = [
    ("read", _read),
    ("parse", _parse),
    ("classify", _classify),
    ("merge", _merge),
    ("render", _render),
]


def run(notes_dir: Path, until: str = "render", taxonomy: Path | None = None, glossary: Path | None = None) -> State:
    """The stages up to ``until``; ``taxonomy`` / ``glossary`` replace the shipped data files."""
    names = [name for name, _ in STAGES]
    if until not in names:
        raise HandbookError(f"unknown stage {until!r}; expected one of {', '.join(names)}")
    state = State(notes_dir=Path(notes_dir))
    if taxonomy is not None:
        state.taxonomy = load_taxonomy(Path(taxonomy))
    if glossary is not None:
        state.glossary = load_glossary(Path(glossary))
    for name, stage in STAGES:
        stage(state)
        if name == until:
            break
    return state


def write_if_changed(path: Path, data: str | bytes) -> bool:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    return True


def write_docs(site: Site, docs_dir: Path) -> int:
    """Write generated pages and assets into ``docs_dir``; return how many changed."""
    changed = 0
    written: set[str] = set()
    for rel, text in site.pages.items():
        changed += write_if_changed(docs_dir / rel, text)
        written.add(rel)
    for rel, source in site.assets.items():
        target = docs_dir / rel
        if not target.is_file() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            changed += 1
        written.add(rel)
    manifest = docs_dir / MANIFEST
    if manifest.is_file():
        for rel in manifest.read_text(encoding="utf-8").splitlines():
            if rel and rel not in written and (docs_dir / rel).is_file():
                (docs_dir / rel).unlink()
                changed += 1
    write_if_changed(manifest, "\n".join(sorted(written)) + "\n")
    return changed
