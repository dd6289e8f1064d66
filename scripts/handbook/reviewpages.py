"""Render stage, review half: pages for studying across topics.

* ``review/hot.md`` 高频题: questions asked in two notes or more, most asked first, with where;
* ``review/companies.md`` 按公司: the questions each company asked, round by round;
* ``review/todo.md`` 待补充: every unanswered question by topic, linking its entry and the note
  line where its answer belongs.
"""

from __future__ import annotations

from collections import defaultdict

from .model import MergedEntry
from .pages import front_matter
from .taxonomy import Taxonomy

Merged = dict[str, list[MergedEntry]]


def _everything(taxonomy: Taxonomy, merged: Merged) -> list[MergedEntry]:
    return [m for t in taxonomy.topics for m in merged.get(t.slug, [])]


def entry_link(taxonomy: Taxonomy, m: MergedEntry, text: str, up: str = "../") -> str:
    topic = taxonomy.topic(m.topic)
    return f"[{text}]({up}{topic.group}/{topic.slug}.md#{m.anchor})"


def most_asked(taxonomy: Taxonomy, merged: Merged, limit: int | None = None) -> list[MergedEntry]:
    hot = [m for m in _everything(taxonomy, merged) if m.asked > 1]
    hot.sort(key=lambda m: (-m.asked, m.question))
    return hot[:limit] if limit else hot


def hot_page(taxonomy: Taxonomy, merged: Merged, question) -> str:
    rows = []
    for k, m in enumerate(most_asked(taxonomy, merged), start=1):
        where = " · ".join(m.companies)
        rows.append(f"{k}. {entry_link(taxonomy, m, question(m.question))} · 被问 {m.asked} 次"
                    + (f" · {where}" if where else "") + f" · {taxonomy.topic(m.topic).title}")
    body = "\n".join(rows) if rows else "暂时没有在两篇以上笔记里出现的题。"
    return (front_matter("高频题", exclude_from_search=True) + "# 高频题\n\n"
            + "在多篇笔记里出现的题，按出现的笔记数排序。\n{: .hb-intro }\n\n" + body + "\n")


def companies_page(taxonomy: Taxonomy, merged: Merged, question) -> str:
    by_company: dict[str, dict[str, list[MergedEntry]]] = defaultdict(lambda: defaultdict(list))
    for m in _everything(taxonomy, merged):
        for place in m.companies:
            company, _, rnd = place.partition(" ")
            if m not in by_company[company][rnd]:
                by_company[company][rnd].append(m)
    parts = [front_matter("按公司", exclude_from_search=True), "# 按公司\n\n",
             "笔记里记下了公司（和轮次）的题，按公司和轮次列出。\n{: .hb-intro }\n\n"]
    if not by_company:
        parts.append("笔记里还没有写明公司的面经（front matter 的 `company:`、标题或“字节一面”这样的小标题）。\n")
    for company in sorted(by_company, key=lambda c: -sum(len(v) for v in by_company[c].values())):
        total = sum(len(v) for v in by_company[company].values())
        parts.append(f"## {company} · {total} 题\n\n")
        for rnd in sorted(by_company[company]):
            if rnd:
                parts.append(f"### {rnd}\n\n")
            parts.append("\n".join(f"- {entry_link(taxonomy, m, question(m.question))}"
                                   for m in by_company[company][rnd]) + "\n\n")
    return "".join(parts)


def todo_page(taxonomy: Taxonomy, merged: Merged, question) -> str:
    parts = [front_matter("待补充", exclude_from_search=True), "# 待补充\n\n",
             "还没有答案的题，按主题；“原文”链接指向答案该写的那一行。\n{: .hb-intro }\n\n"]
    total = 0
    for topic in taxonomy.topics:
        todo = [m for m in merged.get(topic.slug, []) if not m.answered]
        if not todo:
            continue
        total += len(todo)
        parts.append(f"## {topic.title} · {len(todo)} 题\n\n")
        for m in todo:
            entry = m.items[0].entry
            source = f"[原文第 {entry.lines[0]} 行](../sources/{entry.note.slug}.md#L{entry.lines[0]})"
            parts.append(f"- {entry_link(taxonomy, m, question(m.question))} · {source}\n")
        parts.append("\n")
    if not total:
        parts.append("每道题都有答案了。\n")
    return "".join(parts)
