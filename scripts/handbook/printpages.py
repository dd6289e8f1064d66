"""Render stage, print half: the two single-page documents the PDFs are printed from.

* ``print/handbook.md``: cover (title, date, counts), table of contents, every topic
  with every question, answer and source;
* ``print/cheatsheet.md``: every question once (merged), with a condensed answer
  (:mod:`handbook.condense`), topics in order, unanswered questions as a compact list.

Both are Markdown pages of the site (excluded from search), laid out by ``md_in_html``
wrappers that ``handbook.css``'s print rules style; Chromium prints them with the site's own
fonts, KaTeX and highlighting.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from .condense import condense
from .model import Entry, MergedEntry
from .pages import front_matter
from .taxonomy import Taxonomy

AnswerMarkdown = Callable[[Entry, str], str]
"""(entry, answer text) → the answer as page Markdown (images and note habits handled)."""


def build_date() -> str:
    """Today, or ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else time.time()
    return time.strftime("%Y-%m-%d", time.gmtime(stamp))


def _page(title: str, css_class: str, body: list[str]) -> str:
    meta = "hide:\n  - navigation\n  - toc"
    return (
        front_matter(title, exclude_from_search=True, extra=meta)
        + f'<div class="hb-print {css_class}" markdown>\n\n'
        + "\n\n".join(body)
        + "\n\n</div>\n"
    )


def _question(text: str) -> str:
    from .render import inline

    return inline(text)


def handbook_page(
    taxonomy: Taxonomy, merged: dict[str, list[MergedEntry]], stats: dict[str, int], answer: AnswerMarkdown
) -> str:
    body = [
        '<section class="hb-cover" markdown>\n\n# 面试手册\n\n计算机视觉与深度学习算法岗面试笔记 · 完整版\n'
        "{: .hb-cover-sub }\n\n"
        f"{build_date()} · {stats.get('notes', 0)} 篇笔记 · {stats.get('questions', 0)} 道题 · "
        f"{stats.get('answered', 0)} 道已答 · {len(taxonomy.topics)} 个主题\n\n</section>",
        '<nav class="hb-print-toc" markdown>\n\n## 目录 {#toc}\n\n'
        + "\n".join(f"1. [{t.title}](#t-{t.slug}) · {len(merged.get(t.slug, []))} 题" for t in taxonomy.topics)
        + "\n\n</nav>",
    ]
    for topic in taxonomy.topics:
        body.append(f"## {topic.title} {{#t-{topic.slug} .hb-topic}}")
        for m in merged.get(topic.slug, []):
            body.append(f"### {_question(m.question)} {{#p-{m.anchor}}}")
            if m.asked > 1:
                body.append(f"被问 {m.asked} 次" + "".join(f" · {c}" for c in m.companies) + "\n{: .hb-badges }")
            for k, p in enumerate(m.items):
                entry = p.entry
                if k and entry.question.strip() != m.question.strip():
                    body.append(f"其他问法：{_question(entry.question)}\n{{: .hb-wordings }}")
                if entry.answer.strip():
                    body.append(answer(entry, entry.answer))
                else:
                    body.append("待补充\n{: .hb-todo }")
                body.append(f"来源：{entry.note.title} · 第 {entry.lines[0]} 行\n{{: .hb-source }}")
    return _page("面试手册（完整版）", "hb-print-handbook", body)


def cheatsheet_page(taxonomy: Taxonomy, merged: dict[str, list[MergedEntry]], answer: AnswerMarkdown) -> str:
    body = [
        f'<header class="hb-cs-head" markdown>\n\n# 面试手册 · 速查表\n\n{build_date()} · 每题一条，答案取要点；'
        "完整内容见完整版手册。\n\n</header>"
    ]
    for topic in taxonomy.topics:
        entries = merged.get(topic.slug, [])
        if not entries:
            continue
        body.append(f"## {topic.title} {{#c-{topic.slug} .hb-topic}}")
        todo = []
        for m in sorted(entries, key=lambda m: -m.asked):  # most asked first; stable within a count
            item = next((p for p in m.items if p.entry.answer.strip()), None)
            if item is None:
                todo.append(_question(m.question))
                continue
            short = answer(item.entry, condense(item.entry.answer))
            asked = f" ×{m.asked}" if m.asked > 1 else ""
            body.append(
                f'<div class="hb-cs-item" markdown>\n\n{_question(m.question)}{asked}\n{{: .hb-cs-q }}\n\n'
                f'<div class="hb-cs-a" markdown>\n\n{short}\n\n</div>\n\n</div>'
            )
        if todo:
            items = "\n".join(f"1. {q}" for q in todo)
            body.append(f'<div class="hb-cs-todo" markdown>\n\n待补充\n{{: .hb-cs-q }}\n\n{items}\n\n</div>')
    return _page("面试手册 · 速查表", "hb-print-cheatsheet", body)
