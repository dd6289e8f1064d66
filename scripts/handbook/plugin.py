"""The ``handbook`` MkDocs plugin: notes in, topic pages out.

    plugins:
      - search
      - handbook:
          notes: notes          # the notes folder, relative to mkdocs.yml
          # taxonomy: my-topics.yaml   glossary: my-terms.yaml   (replace the shipped ones)
          # theme_overrides: true      search_tuning: true        pdf: false

``on_config`` runs the normalizer (the same code path as ``handbook normalize``), writes the
pages into ``docs_dir`` (only those that changed), sets the navigation, serves KaTeX and our
scripts from the site itself, and puts the Material overrides (:mod:`handbook.theme`) in front
of the theme. ``on_page_content`` sanitizes the pages it generated and wraps each entry.
``on_post_build`` applies the search fixes and, if asked, prints the PDFs. Problems in notes are
logged as ``file:line: level: message`` at INFO level: they judge the notes, not the site, so
``mkdocs build --strict`` is not failed by a note's missing image.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .assets import install_katex
from .diagnostics import HandbookError
from .pipeline import run, write_docs
from .sanitize import sanitize, wrap_entries
from .search import answer_preview, prepare_segmenter, search_keywords, tune_search

log = logging.getLogger("mkdocs.plugins.handbook")
THEME_DIR = Path(__file__).parent / "theme"
"""The Material compatibility layer: every override of Material lives in this one folder."""
MATERIAL_VERSION = "9.8.1"
"""The Material release the overrides were written against (tests/test_material_compat.py)."""
SCRIPTS = ("assets/javascripts/math.js", "assets/javascripts/search-input.js")
"""Served from the theme folder: KaTeX on pages with math, and the search box's input fix."""


class HandbookConfig(base.Config):
    notes = c.Type(str, default="notes")
    taxonomy = c.Optional(c.File(exists=True))
    glossary = c.Optional(c.File(exists=True))
    theme_overrides = c.Type(bool, default=True)
    """Material overrides for speed on phones and the colour toggle (:mod:`handbook.theme`)."""
    search_tuning = c.Type(bool, default=True)
    """jieba learns the glossary; Material's query segmenter and search index are fixed after the build."""
    pdf = c.Type(bool, default=False)
    """Print ``downloads/cheatsheet.pdf`` and ``downloads/handbook.pdf`` after the build (needs Chromium)."""


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self):
        self.generated: set[str] = set()
        self.topic_pages: set[str] = set()
        self.previews: dict[str, str] = {}
        self.keywords: dict[str, str] = {}

    @event_priority(100)  # before the search plugin reads anything
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        notes_dir = Path(self.config.notes)
        notes_dir = notes_dir if notes_dir.is_absolute() else root / notes_dir
        try:
            state = run(notes_dir, taxonomy=self.config.taxonomy, glossary=self.config.glossary)
        except HandbookError as exc:
            raise PluginError(f"handbook: {exc}") from exc
        for diagnostic in state.report.sorted():
            log.info(str(diagnostic))
        assert state.site is not None
        write_docs(state.site, Path(config.docs_dir))
        self.generated = set(state.site.pages)
        self.topic_pages = set(state.site.topic_pages)
        self.previews = {m.anchor: answer_preview(m) for entries in state.merged.values() for m in entries}
        self.keywords = {m.anchor: search_keywords(m) for entries in state.merged.values() for m in entries}
        install_katex(Path(config.docs_dir), root)
        if self.config.search_tuning:
            prepare_segmenter()
        if not config.nav:
            config.nav = state.site.nav
        config.extra.setdefault("handbook", {})["stats"] = state.site.stats
        if self.config.theme_overrides:
            config.theme.dirs.insert(0, str(THEME_DIR))
            _check_material_version()
        present = {str(s) for s in config.extra_javascript}
        for script in SCRIPTS:
            if script not in present:
                config.extra_javascript.append(c.ExtraScriptValue(script))
                config.extra_javascript[-1].defer = True
        if str(notes_dir) not in [str(w) for w in config.watch]:
            config.watch.append(str(notes_dir))
        return config

    def on_page_content(self, html: str, page, config: MkDocsConfig, files) -> str:
        src = page.file.src_uri
        if src not in self.generated or src.startswith("sources/"):
            return html  # the user's own pages, and verbatim sources (escaped text), are theirs
        html = sanitize(html)
        return wrap_entries(html) if src in self.topic_pages else html

    @event_priority(-100)  # after Material has written its search worker
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.config.search_tuning:
            pages = {p.removesuffix(".md") + ("/" if config.use_directory_urls else ".html") for p in self.topic_pages}
            for why in tune_search(config.site_dir, pages, self.previews, self.keywords):
                log.warning("handbook: Material's search worker changed, left unpatched: %s", why)
        if self.config.pdf:
            from .pdf import build_pdfs

            build_pdfs(Path(config.site_dir))


def _check_material_version() -> None:
    try:
        import material
    except ImportError:
        return
    if material.__version__ != MATERIAL_VERSION:
        log.info(f"handbook: theme overrides were written for Material {MATERIAL_VERSION}, "
                 f"this is {material.__version__}; set theme_overrides: false if pages look wrong")
