"""Stage 5, render: merged entries → the Markdown pages MkDocs (or Zensical) builds.

Pages (paths relative to ``docs/``), all plain Markdown a person can read and diff:

* ``index.md``: home page with counts, topic cards, newest questions, downloads;
* ``<group>/<slug>.md``: one topic page; each question a ``## question {#q-id}`` heading,
  its answer as Markdown (fences, ``$…$`` math, lists, tables, images) repaired by
  :mod:`handbook.fixers`, and a ``来源`` line linking the note's verbatim page (a follow-up
  links the question it follows rather than repeating it). Glossary aliases, so that any
  alias finds a question, go into the search index (:func:`handbook.search.search_keywords`),
  not into the entry's words;
* ``sources/<slug>.md``: each note verbatim with line anchors (``#L42``), excluded from search.

Links are relative to the page file (``../sources/x.md#L12``), which MkDocs resolves
whatever ``use_directory_urls`` says. Raw HTML appears only where a note had it (and the
home page's cards); the built pages are sanitized by :mod:`handbook.sanitize`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from .diagnostics import Report
from .fixers import fix_markdown
from .fixers.images import ImageResolver, rewrite_images
from .merge import anchor_for
from .model import Entry, MergedEntry, Note, Placed
from .pages import front_matter
from .printpages import cheatsheet_page, handbook_page
from .reviewpages import companies_page, entry_link, hot_page, most_asked, todo_page
from .taxonomy import Taxonomy

ASSET_DIR = "assets/notes"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|$~=!])")
LOCAL_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?![a-z][a-z0-9+.-]*:|#|/)([^()\s]+)\)", re.I)
"""A Markdown link to a relative path (not a URL, an anchor or an image)."""
FENCE_SPLIT = re.compile(r"((?:```|~~~)[\s\S]*?(?:```|~~~|$))")
UNSAFE_HTML = re.compile(r"<(?:script|iframe|object|embed|style)\b|\son[a-z]+\s*=|javascript:", re.I)
INDENT = "    "


@dataclass
class Site:
    """Everything the render stage produces."""

    pages: dict[str, str] = field(default_factory=dict)
    """docs-relative path → Markdown text."""
    assets: dict[str, Path] = field(default_factory=dict)
    """docs-relative path → file to copy (local images of notes)."""
    nav: list = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    topic_pages: list[str] = field(default_factory=list)
    """docs-relative paths of the topic pages (each question an ``<h2>``)."""


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


def plain(text: str) -> str:
    """Text shown as written (a note's title, a glossary word): Markdown syntax escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def inline(text: str) -> str:
    """A question line as inline Markdown, repaired like answers (``256*256*3``, ``$5``)."""
    return " ".join(fix_markdown(" ".join(text.split())).split("\n"))


def indented(text: str) -> str:
    return "\n".join(INDENT + line if line.strip() else "" for line in text.split("\n"))


def with_class(block: str, *classes: str) -> str:
    """A paragraph with CSS classes (attr_list): ``text`` + ``{: .hb-source }``."""
    return f"{block}\n{{: {' '.join('.' + c for c in classes)} }}"


class Renderer:
    def __init__(self, taxonomy: Taxonomy, notes: list[Note], notes_dir: Path, report: Report):
        self.taxonomy = taxonomy
        self.notes = notes
        self.slug_of = {n.path: n.slug for n in notes}
        """note path → its source page's name, for links between notes."""
        self.notes_dir = notes_dir
        self.report = report
        self.site = Site()
        self._line_cache: dict[str, list[str]] = {}
        self.page_of: dict[str, str] = {}
        """A question's anchor (and every member's) → its topic page (``vision/detection.md``)."""
        self.first_entry: dict[str, int] = {}
        """note path → line of its first entry, which carries the note's front matter."""

    # -- helpers -------------------------------------------------------------------
    def resolver(self, note: Note, depth: int = 1, remote: bool = True) -> ImageResolver:
        """How ``note``'s images are published, from a page ``depth`` folders below ``docs/``."""
        note_dir = (self.notes_dir / note.path).parent
        root = self.notes_dir.resolve()

        def resolve(src: str) -> Path | None:
            if not src or src.startswith(("/", "file:")):
                return None
            candidate = (note_dir / unquote(src.split("#")[0].split("?")[0])).resolve()
            try:
                candidate.relative_to(root)
            except ValueError:
                return None  # outside notes/: not ours to publish
            return candidate if candidate.is_file() else None

        def url(src: str) -> str | None:
            path = resolve(src)
            if path is None:
                return None
            # mirrored under its path in notes/, so the page still says which file it was
            rel = f"{ASSET_DIR}/{path.relative_to(root).as_posix()}"
            self.site.assets[rel] = path
            return "../" * depth + quote(rel)

        return ImageResolver(url=url, size=lambda src: image_size(resolve(src)), remote=remote)

    def answer_markdown(self, text: str, entry: Entry, resolver: ImageResolver, report: bool = True) -> str:
        """An answer's Markdown, images published and note habits repaired; problems reported
        (once: the print pages render the same answers again without reporting)."""
        text = self.local_links(text, entry, report)
        if not report:
            return fix_markdown(rewrite_images(text, resolver))
        if UNSAFE_HTML.search(text):
            found = sorted({m.group(0).strip() for m in UNSAFE_HTML.finditer(text)})
            self.report.warn(entry.note.path, entry.lines[0],
                             f"unsafe HTML neutralised (shown as text or removed): {', '.join(found)}")
        before = len(resolver.missing)
        text = fix_markdown(rewrite_images(text, resolver))
        for src in resolver.missing[before:]:
            self.report.warn(entry.note.path, self._line_of(entry, src),
                             f"image not found, shown as a placeholder: {src}")
        return text

    def local_links(self, text: str, entry: Entry, report: bool) -> str:
        """``[格式](CONTRIBUTING.md)``: a link to another note goes to its source page; a link to a
        file the notes do not have would be broken on the site, so its text is kept without it."""
        note_dir = PurePosixPath(entry.note.path).parent

        def relink(m: re.Match[str]) -> str:
            label, target = m.group(1), m.group(2)
            path = posixpath.normpath((note_dir / unquote(target.split("#")[0])).as_posix())
            if path in self.slug_of:
                return f"[{label}](../sources/{self.slug_of[path]}.md)"
            if (self.notes_dir / path).is_file():
                return m.group(0)  # a file of the notes (an image, a PDF) stays linked
            if report:
                self.report.add(entry.note.path, self._line_of(entry, target), "info",
                                f"link to {target}, which is not in the notes, shown as text")
            return f"{label}（{target}）"

        pieces = FENCE_SPLIT.split(text)  # code is left alone
        return "".join(p if p.startswith(("```", "~~~")) else LOCAL_LINK.sub(relink, p) for p in pieces)

    def _line_of(self, entry: Entry, needle: str) -> int:
        lines = self._lines(entry.note)
        for n in range(entry.lines[0] - 1, min(entry.lines[1], len(lines))):
            if needle in lines[n]:
                return n + 1
        return entry.lines[0]

    def _lines(self, note: Note) -> list[str]:
        """A note's lines, split once (a 20 MB note has tens of thousands of entries)."""
        if note.path not in self._line_cache:
            self._line_cache[note.path] = note.lines
        return self._line_cache[note.path]

    # -- topic pages -----------------------------------------------------------------
    def topic_page(self, slug: str, merged: list[MergedEntry]) -> str:
        topic = self.taxonomy.topic(slug)
        answered = sum(1 for m in merged if m.answered)
        # The description goes to <meta name="description">, not the page text: the page-level
        # search document is boosted, and topic words in it would outrank the questions.
        description = f"description: {json.dumps(topic.description, ensure_ascii=False)}"
        out = [front_matter(topic.title, extra=description), f"# {plain(topic.title)}\n\n"]
        intro = f"共 {len(merged)} 题，已答 {answered} 题。" if merged else "暂无题目。"
        out.append(with_class(intro, "hb-intro") + "\n\n")
        for m in merged:
            out.append(self.question_block(m))
        return "".join(out)

    def question_block(self, m: MergedEntry) -> str:
        number = m.items[0].entry.number  # the note's own numbering: helps to find the question in its note
        heading = f"{plain(number)} {inline(m.question)}" if number else inline(m.question)
        out = [f"## {heading} {{#{m.anchor}}}"]
        # other wordings keep their own permalinks (a link to either lands on this entry)
        extra_ids = sorted({anchor_for(p.entry.question) for p in m.items} - {m.anchor})
        out += [f'<span id="{a}"></span>' for a in extra_ids]
        if badges := self.badges(m):
            out.append(badges)
        for k, p in enumerate(m.items):
            if k and p.entry.question.strip() != m.question.strip():
                out.append(with_class(f"其他问法：{inline(p.entry.question)}", "hb-wordings"))
            out.append(self.answer_block(p))
        return "\n\n".join(out) + "\n\n"

    @staticmethod
    def badges(m: MergedEntry) -> str:
        """``被问 3 次 · 字节跳动 一面 · 腾讯``: how often, and where, the question was asked."""
        bits = [f"被问 {m.asked} 次"] if m.asked > 1 else []
        bits += [plain(c) for c in m.companies]
        return with_class(" · ".join(bits), "hb-badges") if bits else ""


    def answer_block(self, p: Placed) -> str:
        entry = p.entry
        resolver = self.resolver(entry.note)
        out = []
        if entry.wordings:
            out.append(with_class("其他问法：" + "；".join(inline(w) for w in entry.wordings), "hb-wordings"))
        if entry.preface.strip():
            out.append('!!! quote "题前"\n' + indented(self.answer_markdown(entry.preface, entry, resolver)))
        if entry.unanswered:
            out.append(with_class("待补充", "hb-todo"))
        if entry.answer.strip():
            out.append(self.answer_markdown(entry.answer, entry, resolver))
        if entry.postscript.strip():
            out.append('!!! note "附注"\n' + indented(self.answer_markdown(entry.postscript, entry, resolver)))
        out.append(self.source_line(entry))
        if entry.note.front_matter and self.first_entry.get(entry.note.path) == entry.lines[0]:
            lines = entry.note.front_matter.split("\n")
            fields = " · ".join(plain(line.strip()) for line in lines if line.strip())
            out.append(with_class(f"笔记信息：{fields}", "hb-source", "hb-meta"))
        return "\n\n".join(out)

    def source_line(self, entry: Entry) -> str:
        link = f"[{plain(entry.note.title)}](../sources/{entry.note.slug}.md#L{entry.lines[0]})"
        bits = [f"来源：{link}", f"第 {entry.lines[0]} 行"]
        if entry.marker:
            bits.append(plain(entry.marker))
        if entry.follows:
            # a link, not the question again: its words belong to the entry they ask
            parent = anchor_for(entry.follows)
            page = self.page_of.get(parent, "")
            title = entry.follows.replace('"', "'")
            text = "原题" if "追问" in entry.marker else "追问自原题"  # "追问 · 原题", not "追问 · 追问自原题"
            bits.append(f'[{text}](../{page}#{parent} "{plain(title)}")' if page else "追问")
        if entry.context:
            bits.append(plain(" › ".join(entry.context)))
        if entry.note.company:
            bits.append(plain(entry.note.company))
        return with_class(" · ".join(bits), "hb-source")

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
        meta = [f"文件 `{note.path}`", f"{len(lines)} 行", f"编码 {note.encoding}"]
        if note.source_url:
            meta.append(f"原文 <{note.source_url}>")
        return (
            front_matter(f"原文：{note.title}", exclude_from_search=True)
            + f"# 原文：{plain(note.title)}\n\n"
            + with_class(" · ".join(meta), "hb-intro") + "\n\n"
            + '<pre class="hb-verbatim"><code>' + "\n".join(rows) + "</code></pre>\n"
        )

    def sources_index(self) -> str:
        items = "\n".join(f"- [{plain(n.title)}]({n.slug}.md) `{n.path}` · {len(n.lines)} 行" for n in self.notes)
        return (
            front_matter("原始笔记", exclude_from_search=True)
            + "# 原始笔记\n\n"
            + with_class("每条题目下的“来源”链接指向这里的原文行。", "hb-intro") + "\n\n"
            + items + "\n"
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
            groups.append(f'### {plain(gtitle)}\n\n<ul class="hb-cards">{"".join(cards)}</ul>')
        return (
            front_matter("面试手册", exclude_from_search=True, extra="hide:\n  - toc")
            + "# 面试手册\n\n"
            + with_class("计算机视觉与深度学习算法岗面试笔记，按主题整理：每道题一个条目，"
                         "附答案、公式、代码和原文出处。支持全文搜索，也可下载 PDF 离线复习。", "hb-lead") + "\n\n"
            + f'<div class="hb-stats">{stats}</div>\n\n'
            # raw links: the PDFs are printed after the build, so MkDocs cannot check them
            + '<div class="hb-downloads"><a class="md-button md-button--primary" href="downloads/cheatsheet.pdf">'
            "下载速查表 PDF</a> "
            '<a class="md-button" href="downloads/handbook.pdf">下载完整手册 PDF</a></div>\n\n'
            + "## 主题\n\n"
            + "\n\n".join(groups)
            + "\n\n## 高频题\n\n"
            + self._hot(merged)
            + "\n\n## 各主题完成度\n\n"
            + self._coverage(merged)
            + "\n\n## 最新题目\n\n"
            + self._newest(merged)
            + "\n\n## 添加笔记\n\n"
            + "把 Markdown 或纯文本笔记放进 `notes/` 文件夹（任意编码、任意子目录），运行 `make site`"
            "（或 `mkdocs serve` 边写边看）。工具从不修改 `notes/`；全部原文见[原始笔记](sources/index.md)。\n"
        )

    def _hot(self, merged: dict[str, list[MergedEntry]], limit: int = 10) -> str:
        rows = [f"1. {entry_link(self.taxonomy, m, inline(m.question), up='')} · 被问 {m.asked} 次"
                for m in most_asked(self.taxonomy, merged, limit)]
        return ("\n".join(rows) + "\n\n[全部高频题](review/hot.md) · [按公司](review/companies.md) · "
                "[待补充](review/todo.md)") if rows else "[按公司](review/companies.md) · [待补充](review/todo.md)"

    def _coverage(self, merged: dict[str, list[MergedEntry]]) -> str:
        """Answered / total per topic, as small bars (the home page's only drawing)."""
        rows = []
        for topic in self.taxonomy.topics:
            entries = merged.get(topic.slug, [])
            if not entries:
                continue
            done = sum(1 for m in entries if m.answered)
            share = round(100 * done / len(entries))
            rows.append(f'<li><a href="{topic.url}">{html.escape(topic.title)}</a>'
                        f'<span class="hb-bar"><span style="width:{share}%"></span></span>'
                        f"<small>{done}/{len(entries)}</small></li>")
        return f'<ul class="hb-coverage">{"".join(rows)}</ul>'

    def _newest(self, merged: dict[str, list[MergedEntry]], limit: int = 10) -> str:
        order = sorted(self.notes, key=lambda n: (n.date, n.path), reverse=True)
        rank = {n.path: i for i, n in enumerate(order)}
        everything = [m for v in merged.values() for m in v]
        everything.sort(key=lambda m: (rank.get(m.items[0].entry.note.path, 0), -m.items[0].entry.lines[0]))
        rows = []
        for m in everything[:limit]:
            topic = self.taxonomy.topic(m.topic)
            rows.append(f"- [{inline(m.question)}]({topic.group}/{topic.slug}.md#{m.anchor}) · {plain(topic.title)}")
        return with_class("\n".join(rows), "hb-newest") if rows else ""

    # -- all ---------------------------------------------------------------------------
    def render(self, merged: dict[str, list[MergedEntry]], placed: list[Placed]) -> Site:
        site = self.site
        for p in placed:
            path, line = p.entry.note.path, p.entry.lines[0]
            self.first_entry[path] = min(line, self.first_entry.get(path, line))
        for topic in self.taxonomy.topics:
            for m in merged.get(topic.slug, []):
                for p in m.items:
                    self.page_of[anchor_for(p.entry.question)] = f"{topic.group}/{topic.slug}.md"
        site.pages["index.md"] = self.home_page(merged, placed)
        nav: list = [{"首页": "index.md"}]
        for gslug, gtitle in self.taxonomy.groups:
            items = []
            for topic in (t for t in self.taxonomy.topics if t.group == gslug):
                path = f"{gslug}/{topic.slug}.md"
                site.pages[path] = self.topic_page(topic.slug, merged.get(topic.slug, []))
                site.topic_pages.append(path)
                items.append({topic.title: path})
            nav.append({gtitle: items})
        review = [("高频题", "review/hot.md", hot_page), ("按公司", "review/companies.md", companies_page),
                  ("待补充", "review/todo.md", todo_page)]
        for _title, path, page in review:
            site.pages[path] = page(self.taxonomy, merged, inline)
        nav.append({"复习": [{title: path} for title, path, _page in review]})
        site.pages["sources/index.md"] = self.sources_index()
        for note in self.notes:
            site.pages[f"sources/{note.slug}.md"] = self.source_page(note)

        def printable(entry: Entry, text: str) -> str:
            return self.answer_markdown(text, entry, self.resolver(entry.note, remote=False), report=False)

        site.pages["print/handbook.md"] = handbook_page(self.taxonomy, merged, site.stats, printable)
        site.pages["print/cheatsheet.md"] = cheatsheet_page(self.taxonomy, merged, printable)
        site.nav = nav
        return site


def render(
    taxonomy: Taxonomy, notes: Iterable[Note], notes_dir: Path,
    merged: dict[str, list[MergedEntry]], placed: list[Placed], report: Report,
) -> Site:
    return Renderer(taxonomy, list(notes), notes_dir, report).render(merged, placed)
