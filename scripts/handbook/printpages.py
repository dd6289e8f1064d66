"""Render stage, print half: the two single-page documents the PDFs are printed from.

* ``print/handbook.md``: cover (title, date, counts), table of contents, every topic
  with every question, answer and source;
* ``print/cheatsheet.md``: every question once (merged), with a condensed answer
  (:mod:`handbook.condense`), topics in order, unanswered questions as a compact list.

Both are plain pages of the site (excluded from search), so Chromium prints them with
the site's own fonts, KaTeX and highlighting; ``handbook.css`` holds their print rules.
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable

from .condense import condense
from .markup import RenderContext, render_block, render_inline
from .model import MergedEntry, Note
from .pages import front_matter
from .taxonomy import Taxonomy

ImageContext = Callable[[Note], RenderContext]


def build_date() -> str:
    """Today, or ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else time.time()
    return time.strftime("%Y-%m-%d", time.gmtime(stamp))


def _page(title: str, css_class: str, body: list[str]) -> str:
    meta = "hide:\n  - navigation\n  - toc"
    return (
        front_matter(title, exclude_from_search=True, extra=meta)
        + f'<div class="hb-print {css_class}">\n'
        + "\n".join(body)
        + "\n</div>\n"
    )


def handbook_page(
    taxonomy: Taxonomy, merged: dict[str, list[MergedEntry]], stats: dict[str, int], images: ImageContext
) -> str:
    body = [
        '<section class="hb-cover">',
        "<h1>面试手册</h1>",
        "<p class=\"hb-cover-sub\">计算机视觉与深度学习算法岗面试笔记 · 完整版</p>",
        f"<p>{build_date()} · {stats.get('notes', 0)} 篇笔记 · {stats.get('questions', 0)} 道题 · "
        f"{stats.get('answered', 0)} 道已答 · {len(taxonomy.topics)} 个主题</p>",
        "</section>",
        '<nav class="hb-print-toc"><h2 id="toc">目录</h2><ol>',
    ]
    for topic in taxonomy.topics:
        n = len(merged.get(topic.slug, []))
        body.append(f'<li><a href="#t-{topic.slug}">{html.escape(topic.title)}</a> <small>{n} 题</small></li>')
    body.append("</ol></nav>")
    for topic in taxonomy.topics:
        body.append(f'<h2 id="t-{topic.slug}" class="hb-topic">{html.escape(topic.title)}</h2>')
        for m in merged.get(topic.slug, []):
            body.append(f'<h3 id="p-{m.anchor}">{render_inline(m.question)}</h3>')
            for p in m.items:
                entry = p.entry
                if entry.answer.strip():
                    body.append(f'<div class="hb-answer">{render_block(entry.answer, images(entry.note))}</div>')
                else:
                    body.append('<p class="hb-todo">待补充</p>')
                body.append(
                    f'<p class="hb-source">来源：{html.escape(entry.note.title)} · 第 {entry.lines[0]} 行</p>'
                )
    return _page("面试手册（完整版）", "hb-print-handbook", body)


def cheatsheet_page(taxonomy: Taxonomy, merged: dict[str, list[MergedEntry]], images: ImageContext) -> str:
    body = [
        '<header class="hb-cs-head"><h1>面试手册 · 速查表</h1>'
        f"<p>{build_date()} · 每题一条，答案取要点；完整内容见完整版手册。</p></header>"
    ]
    for topic in taxonomy.topics:
        entries = merged.get(topic.slug, [])
        if not entries:
            continue
        body.append(f'<h2 id="c-{topic.slug}" class="hb-topic">{html.escape(topic.title)}</h2>')
        todo = []
        for m in entries:
            answer = next((p.entry.answer for p in m.items if p.entry.answer.strip()), "")
            if not answer:
                todo.append(render_inline(m.question))
                continue
            note = next(p.entry.note for p in m.items if p.entry.answer.strip())
            short = render_block(condense(answer), images(note))
            body.append(
                f'<div class="hb-cs-item"><p class="hb-cs-q">{render_inline(m.question)}</p>'
                f'<div class="hb-cs-a">{short}</div></div>'
            )
        if todo:
            items = "".join(f"<li>{q}</li>" for q in todo)
            body.append(f'<div class="hb-cs-todo"><p class="hb-cs-q">待补充</p><ol>{items}</ol></div>')
    return _page("面试手册 · 速查表", "hb-print-cheatsheet", body)
