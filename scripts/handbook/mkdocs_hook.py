"""MkDocs hook: run the normalizer on every ``mkdocs build`` and ``mkdocs serve``.

Thin by design: it finds the notes folder, runs :mod:`handbook.pipeline`, writes the
pages into ``docs_dir`` (only those that changed), sets the navigation, and copies
KaTeX from ``node_modules`` so math is served by the site itself. Problems in notes
are printed as ``file:line: level: message`` lines of the normalizer; they are not
MkDocs warnings, so ``--strict`` judges the site, not the notes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.assets import install_katex
from handbook.diagnostics import HandbookError
from handbook.pipeline import run, write_docs
from handbook.search import compact_search_index, patch_query_segmenter, prepare_segmenter


def _notes_dir(config) -> Path:
    configured = (config.extra.get("handbook") or {}).get("notes")
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    return Path(configured) if configured and Path(configured).is_absolute() else root / (configured or "notes")


@event_priority(100)  # before the search plugin reads anything
def on_config(config):
    notes_dir = _notes_dir(config)
    docs_dir = Path(config.docs_dir)
    try:
        state = run(notes_dir)
    except HandbookError as exc:
        raise PluginError(f"handbook: {exc}") from exc
    for diagnostic in state.report.sorted():
        print(diagnostic, file=sys.stderr)
    assert state.site is not None
    write_docs(state.site, docs_dir)
    install_katex(docs_dir, Path(config.config_file_path).parent if config.config_file_path else Path.cwd())
    prepare_segmenter()
    config.nav = state.site.nav
    config.extra.setdefault("handbook", {})["stats"] = state.site.stats
    if str(notes_dir) not in [str(w) for w in config.watch]:
        config.watch.append(str(notes_dir))
    return config


@event_priority(-100)  # after Material has written its search worker
def on_post_build(config):
    if not patch_query_segmenter(config.site_dir):
        print("handbook: warning: Material's search worker changed; query segmentation left unpatched",
              file=sys.stderr)
    compact_search_index(config.site_dir)
