"""Stage 5, render: merged entries → the Markdown pages MkDocs builds.

Pages (paths relative to ``docs/``):

* ``index.md``: home page with counts, topic cards, newest questions, downloads;
* ``<group>/<slug>.md``: one topic page; each question an ``h2`` with a stable id,
  its 关键词 line (glossary aliases, so any alias finds it in search), its answer(s)
  as sanitized HTML, and a source line linking to the note's verbatim page;
* ``sources/<slug>.md``: each note verbatim with line anchors (``#L42``), excluded
  from search; ``sources/index.md`` lists them.

Answers are pre-rendered by :mod:`handbook.markup` and embedded as raw HTML blocks,
so Python-Markdown never re-interprets note text (``a_b``, ``2*3*4``, ``$``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from .diagnostics import Report
from .markup import RenderContext, render_block, render_inline
from .merge import anchor_for
from .model import MergedEntry, Note, Placed
from .pages import front_matter
from .printpages import cheatsheet_page, handbook_page
from .taxonomy import Taxonomy

TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]{}$#|~^]")
ASSET_DIR = "assets/notes"


@dataclass
class Site:
    """Everything the render stage produces."""

    pages: dict[str, str] = field(default_factory=dict)
    """docs-relative path → Markdown text."""
    assets: dict[str, Path] = field(default_factory=dict)
    """docs-relative path → file to copy (local images of notes)."""
    nav: list = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


def image_size(path: Path | None) -> tuple[int, int] | None:
    """(width, height) in pixels read from the image's header; None if it is not an image we can read."""
    if path is None:
        return None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None


def shield_markdown(fragment: str) -> str:
    """Entity-escape Markdown syntax in the *text* of an HTML fragment.

    Python-Markdown still parses inline syntax between inline tags of a heading; the
    entities display the same characters and KaTeX reads the decoded text.
    """
    parts = TAG_OR_TEXT.split(fragment)
    for i in range(0, len(parts), 2):
        parts[i] = MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", parts[i])
    return "".join(parts)


class Renderer:
    def __init__(self, taxonomy: Taxonomy, notes: list[Note], notes_dir: Path, report: Report):
        self.taxonomy = taxonomy
        self.notes = notes
        self.notes_dir = notes_dir
        self.report = report
        self.site = Site()
        self._line_cache: dict[str, list[str]] = {}
        self.first_entry: dict[str, int] = {}
        """note path → line of its first entry, which carries the note's front matter."""

    # -- helpers -------------------------------------------------------------------
    def _image_context(self, note: Note, depth: int, remote: bool = True) -> RenderContext:
        note_dir = (self.notes_dir / note.path).parent
        up = "../" * depth

        def resolve(src: str) -> Path | None:
            if not src or src.startswith(("/", "file:")):
                return None
            candidate = (note_dir / unquote(src.split("#")[0].split("?")[0])).resolve()
            try:
                candidate.relative_to(self.notes_dir.resolve())
            except ValueError:
                return None  # outside notes/: not ours to publish
            return candidate if candidate.is_file() else None

        def url(src: str) -> str:
            path = resolve(src)
            assert path is not None
            # mirrored under its path in notes/, so the page still says which file it was
            rel = f"{ASSET_DIR}/{path.relative_to(self.notes_dir.resolve()).as_posix()}"
            self.site.assets[rel] = path
            return up + quote(rel)

        return RenderContext(image_exists=lambda s: resolve(s) is not None, image_url=url,
                             image_size=lambda s: image_size(resolve(s)), remote_images=remote)

    def _lines(self, note: Note) -> list[str]:
        """A note's lines, split once (a 20 MB note has tens of thousands of entries)."""
        if note.path not in self._line_cache:
            self._line_cache[note.path] = note.lines
        return self._line_cache[note.path]

    def _report(self, placed: Placed, ctx: RenderContext) -> None:
        """What rendering an answer found: dead images, neutralised HTML (file:line warnings)."""
        entry = placed.entry
        for _offset, src in ctx.missing_images:
            lines = self._lines(entry.note)
            line = entry.lines[0]
            for n in range(entry.lines[0] - 1, min(entry.lines[1], len(lines))):
                if src in lines[n]:
                    line = n + 1
                    break
            self.report.warn(entry.note.path, line, f"image not found, shown as a placeholder: {src}")
        if ctx.removed_html:
            shown = ", ".join(sorted({h.strip()[:40] for h in ctx.removed_html}))
            self.report.warn(entry.note.path, entry.lines[0],
                             f"unsafe HTML neutralised (tags shown as text, handlers removed): {shown}")

    # -- topic pages -----------------------------------------------------------------
    def topic_page(self, slug: str, merged: list[MergedEntry]) -> str:
        topic = self.taxonomy.topic(slug)
        answered = sum(1 for m in merged if m.answered)
        # The description goes to <meta name="description">, not the page text: the page-level
        # search document is boosted, and topic words in it would outrank the questions.
        description = f"description: {json.dumps(topic.description, ensure_ascii=False)}"
        out = [front_matter(topic.title, extra=description), f"# {topic.title}\n\n"]
        intro = f"共 {len(merged)} 题，已答 {answered} 题。" if merged else "暂无题目。"
        out.append(f'<p class="hb-intro">{html.escape(intro)}</p>\n\n')
        for m in merged:
            out.append(self.question_block(m))
        return "".join(out)

    def question_block(self, m: MergedEntry) -> str:
        heading = shield_markdown(render_inline(m.question))
        number = m.items[0].entry.number
        if number:  # the note's own numbering, muted: helps to find the question in its note
            heading = f'<span class="hb-qno">{html.escape(number)}</span> {heading}'

        out = [f"## {heading} {{#{m.anchor}}}\n\n"]
        extra_ids = sorted({anchor_for(p.entry.question) for p in m.items} - {m.anchor})
        parts = ['<div class="hb-qa">']
        parts += [f'<span id="{a}"></span>' for a in extra_ids]
        for p in m.items:
            parts.append(self.answer_block(p))
        if m.terms:
            parts.append(self.keyword_line(m))
        parts.append("</div>")
        return "".join(out) + "\n".join(parts) + "\n\n"

    @staticmethod
    def keyword_line(m: MergedEntry) -> str:
        """Glossary terms with every alias: a search by any of them finds this question."""
        words: list[str] = []
        for term in m.terms:
            words.extend(form for form in term.forms if form not in words)
        keywords = " · ".join(html.escape(w) for w in words)
        return f'<p class="hb-keywords"><span class="hb-label">关键词</span> {keywords}</p>'

    def answer_block(self, p: Placed) -> str:
        entry = p.entry
        out = []
        ctx = self._image_context(entry.note, depth=2)
        if entry.wordings:
            shown = "；".join(render_inline(w) for w in entry.wordings)
            out.append(f'<p class="hb-wordings">其他问法：{shown}</p>')
        if entry.preface.strip():
            out.append(f'<div class="hb-preface">{render_block(entry.preface, ctx)}</div>')
        if entry.unanswered:
            out.append('<p class="hb-todo">待补充</p>')
        if entry.answer.strip():
            body = render_block(entry.answer, ctx)
            out.append(f'<div class="hb-answer">{body}</div>')
        if entry.postscript.strip():
            out.append(f'<div class="hb-postscript">{render_block(entry.postscript, ctx)}</div>')
        self._report(p, ctx)
        source = (
            f'<a href="../../sources/{entry.note.slug}/#L{entry.lines[0]}">{html.escape(entry.note.title)}</a>'
        )
        bits = [f"来源：{source}", f"第 {entry.lines[0]} 行"]
        if entry.marker:
            bits.append(html.escape(entry.marker))
        if entry.context:
            bits.append(html.escape(" › ".join(entry.context)))
        if entry.note.company:
            bits.append(html.escape(entry.note.company))
        out.append(f'<p class="hb-source">{" · ".join(bits)}</p>')
        if entry.note.front_matter and self.first_entry.get(entry.note.path) == entry.lines[0]:
            lines = entry.note.front_matter.split("\n")
            fields = " · ".join(html.escape(line.strip()) for line in lines if line.strip())
            out.append(f'<p class="hb-source hb-meta">笔记信息：{fields}</p>')
        return "\n".join(out)

    # -- sources ---------------------------------------------------------------------
    def source_page(self, note: Note) -> str:
        lines = note.lines
        if lines and lines[-1] == "":
            lines = lines[:-1]
        rows = []
        for n, text in enumerate(lines, start=1):
            rows.append(
                f'<span class="hb-line" id="L{n}"><a class="hb-ln" href="#L{n}" aria-label="第 {n} 行">{n}</a>'
                f"{html.escape(text) or ' '}</span>"
            )
        meta = [f"文件 <code>{html.escape(note.path)}</code>", f"{len(lines)} 行", f"编码 {note.encoding}"]
        if note.source_url:
            meta.append(f'原文 <a href="{html.escape(note.source_url)}">{html.escape(note.source_url)}</a>')
        return (
            front_matter(f"原文：{note.title}", exclude_from_search=True)
            + f"# 原文：{html.escape(note.title)}\n\n"
            + f'<p class="hb-intro">{" · ".join(meta)}</p>\n\n'
            + '<pre class="hb-verbatim"><code>' + "\n".join(rows) + "</code></pre>\n"
        )

    def sources_index(self) -> str:
        items = "\n".join(
            f'<li><a href="{n.slug}/">{html.escape(n.title)}</a> <small><code>{html.escape(n.path)}</code>'
            f" · {len(n.lines)} 行</small></li>"
            for n in self.notes
        )
        return (
            front_matter("原始笔记", exclude_from_search=True)
            + "# 原始笔记\n\n"
            + '<p class="hb-intro">每条题目下的“来源”链接指向这里的原文行。</p>\n\n'
            + f'<ul class="hb-sources">\n{items}\n</ul>\n'
        )

    # -- home --------------------------------------------------------------------------
    def home_page(self, merged: dict[str, list[MergedEntry]], placed: list[Placed]) -> str:
        total = sum(len(v) for v in merged.values())
        answered = sum(1 for v in merged.values() for m in v if m.answered)
        self.site.stats = {
            "notes": len(self.notes), "questions": total, "answered": answered,
            "topics": len(self.taxonomy.topics), "entries": len(placed),
        }
        stats = "".join(
            f'<div class="hb-stat"><span class="hb-num">{value}</span><span>{label}</span></div>'
            for value, label in (
                (len(self.notes), "篇笔记"), (total, "道题"), (answered, "道已答"),
                (len(self.taxonomy.topics), "个主题"),
            )
        )
        groups = []
        for gslug, gtitle in self.taxonomy.groups:
            cards = []
            for topic in (t for t in self.taxonomy.topics if t.group == gslug):
                n = len(merged.get(topic.slug, []))
                cards.append(
                    f'<li><a href="{topic.url}"><strong>{html.escape(topic.title)}</strong>'
                    f'<span class="hb-count">{n} 题</span></a>'
                    f"<p>{html.escape(topic.description)}</p></li>"
                )
            groups.append(f'<h3>{html.escape(gtitle)}</h3>\n<ul class="hb-cards">{"".join(cards)}</ul>')
        newest = self._newest(merged)
        return (
            front_matter("面试手册", exclude_from_search=True, extra="hide:\n  - toc")
            + "# 面试手册\n\n"
            + '<p class="hb-lead">计算机视觉与深度学习算法岗面试笔记，按主题整理：每道题一个条目，'
            "附答案、公式、代码和原文出处。支持全文搜索，也可下载 PDF 离线复习。</p>\n\n"
            + f'<div class="hb-stats">{stats}</div>\n\n'
            + '<div class="hb-downloads"><a class="md-button md-button--primary" href="downloads/cheatsheet.pdf">'
            "下载速查表 PDF</a> "
            '<a class="md-button" href="downloads/handbook.pdf">下载完整手册 PDF</a></div>\n\n'
            + "## 主题\n\n"
            + "\n\n".join(groups)
            + "\n\n## 最新题目\n\n"
            + newest
            + "\n\n## 添加笔记\n\n"
            + '<p>把 Markdown 或纯文本笔记放进 <code>notes/</code> 文件夹（任意编码、任意子目录），'
            "运行 <code>make site</code>（或 <code>mkdocs serve</code> 边写边看）。"
            '工具从不修改 <code>notes/</code>；全部原文见<a href="sources/">原始笔记</a>。</p>\n'
        )

    def _newest(self, merged: dict[str, list[MergedEntry]], limit: int = 10) -> str:
        order = sorted(self.notes, key=lambda n: (n.date, n.path), reverse=True)
        rank = {n.path: i for i, n in enumerate(order)}
        everything = [m for v in merged.values() for m in v]
        everything.sort(key=lambda m: (rank.get(m.items[0].entry.note.path, 0), -m.items[0].entry.lines[0]))
        rows = []
        for m in everything[:limit]:
            topic = self.taxonomy.topic(m.topic)
            rows.append(
                f'<li><a href="{topic.url}#{m.anchor}">{shield_markdown(render_inline(m.question))}</a>'
                f' <small>{html.escape(topic.title)}</small></li>'
            )
        return f'<ul class="hb-newest">\n{"".join(rows)}\n</ul>'

    # -- all ---------------------------------------------------------------------------
    def render(self, merged: dict[str, list[MergedEntry]], placed: list[Placed]) -> Site:
        site = self.site
        for p in placed:
            path, line = p.entry.note.path, p.entry.lines[0]
            self.first_entry[path] = min(line, self.first_entry.get(path, line))
        site.pages["index.md"] = self.home_page(merged, placed)
        nav: list = [{"首页": "index.md"}]
        for gslug, gtitle in self.taxonomy.groups:
            items = []
            for topic in (t for t in self.taxonomy.topics if t.group == gslug):
                path = f"{gslug}/{topic.slug}.md"
                site.pages[path] = self.topic_page(topic.slug, merged.get(topic.slug, []))
                items.append({topic.title: path})
            nav.append({gtitle: items})
        site.pages["sources/index.md"] = self.sources_index()
        for note in self.notes:
            site.pages[f"sources/{note.slug}.md"] = self.source_page(note)
        def printable(note: Note) -> RenderContext:
            return self._image_context(note, depth=2, remote=False)

        site.pages["print/handbook.md"] = handbook_page(self.taxonomy, merged, site.stats, printable)
        site.pages["print/cheatsheet.md"] = cheatsheet_page(self.taxonomy, merged, printable)
        site.nav = nav
        return site


def render(
    taxonomy: Taxonomy, notes: Iterable[Note], notes_dir: Path,
    merged: dict[str, list[MergedEntry]], placed: list[Placed], report: Report,
) -> Site:
    return Renderer(taxonomy, list(notes), notes_dir, report).render(merged, placed)
