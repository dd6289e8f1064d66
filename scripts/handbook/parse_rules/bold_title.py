"""Bold lines: a bold title standing alone, a bold label opening an answer part, or a
numbered question wrapped in bold.

Accepts::

    **思路一**                       (bold title)
    **特点：**   **答案**:   **English answer:** Overfitting is…   (bold labels)
    **1、双线性插值的原理是什么？**   **4、直方图均衡化**是怎么做的？   **1．**什么是…？   (bold numbered)
    ‹腾讯-一面(2018)›   【字节跳动 二面】                                (bracketed titles)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .marker import Mark

TWO_DIGITS = re.compile(r"^(\d{2})\s+")
BARE_NUMBER = re.compile(r"^\s*\(?\d{1,3}\s*[)、.．)]?\s*$")
"""``**1．**`` with the question after the bold: only the number is bold."""
BRACKET_TITLE = re.compile(r"^\s*(?:‹[^›]+›|【[^】]+】|〔[^〕]+〕|「[^」]+」|『[^』]+』|［[^］]+］|《[^》]+》)\s*$")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<body>[^*_].{0,80}?)\1\s*(?P<colon>[:：]?)\s*$")
BOLD_LABEL = re.compile(r"^\s*\*\*(?P<label>[^*]{1,24}?)\s*(?P<c1>[:：]?)\s*\*\*\s*(?P<c2>[:：]?)\s*(?P<rest>.*)$")
BOLD_NUMBER = re.compile(r"^(\s*)\*\*\s*(?=\(?\d{1,3}[)、.．)]|[一二三四五六七八九十]{1,3}、|\d{2}\s)")
# Labels that say "the answer starts here" or "the question is"
ANSWER_LABELS = re.compile(r"^(?:答案?|参考答案|回答|解答|解析|a|answer|ans)$", re.I)
QUESTION_LABELS = re.compile(r"^(?:问题?|题目|q|question|追问|follow-?up)$", re.I)


def match(line: str, inner: Callable[[str], Mark]) -> Mark | None:
    """``inner`` marks the text inside the bold (numbered, Q: …) with the other rules."""
    if (m := BOLD_NUMBER.match(line)) and (closing := line.find("**", m.end())) > 0:
        inside, after = line[m.end():closing], line[closing + 2:].strip()
        inside = TWO_DIGITS.sub(r"\1. ", inside)  # "**12 …**" numbers like "**12. …**" in bold
        marked = inner(m.group(1) + inside)
        if marked.kind not in ("item", "qa_q") and after and BARE_NUMBER.match(inside):
            marked = inner(f"{m.group(1)}{inside.strip()} {after}")  # "**1．**什么是双线性插值？"
            after = ""
        if marked.kind in ("item", "qa_q"):
            # "**4、直方图均衡化**是怎么做的？": the bold covered the number and part of the text
            text = f"**{marked.text}**{after}" if after and marked.text else marked.text or after
            return Mark(**{**_fields(marked), "text": text, "bold": True, "rule": "bold_numbered"})
    if m := BOLD_LABEL.match(line):
        label, rest = m.group("label").strip(), m.group("rest").strip()
        colon = bool(m.group("c1") or m.group("c2"))
        if ANSWER_LABELS.match(label):
            return Mark(kind="qa_a", text=rest, rule="bold_answer_label", label=label)
        if QUESTION_LABELS.match(label) and rest:
            return Mark(kind="qa_q", text=rest, rule="bold_question_label", family="Q", label=label)
        if colon or rest:
            return Mark(kind="label", text=rest, rule="bold_label", label=label)
    if BRACKET_TITLE.match(line):  # "‹腾讯-一面(2018)›", "【字节跳动】": a title set off like bold
        return Mark(kind="bold", text=line.strip()[1:-1].strip(), rule="bracket_title")
    if m := BOLD_LINE.match(line):
        body = m.group("body").strip()
        marked = inner(body)
        if marked.kind in ("item", "qa_q", "qa_a"):
            return Mark(**{**_fields(marked), "bold": True, "rule": "bold_" + marked.rule})
        if m.group("colon") or body.endswith(("：", ":")):
            return Mark(kind="label", text="", rule="bold_label", label=body.rstrip("：:"))
        return Mark(kind="bold", text=body, rule="bold_title")
    return None


def _fields(mark: Mark) -> dict:
    return {name: getattr(mark, name) for name in mark.__slots__}
