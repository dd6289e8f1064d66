"""Blockquotes, and Obsidian callouts (a quote whose first line names a type).

Accepts::

    > [!question] Q1: 卷积层的输出尺寸怎么计算？     (title = the question, body = its answer)
    > [!question]- Q4: 1x1 卷积有什么用？           (foldable)
    > [!note] 自己的理解    > [!tip]    > [!ABSTRACT]  (asides: part of the answer around them)
    > 引用的一段话          \\> 和 Sobel 的区别…      (a quote; pandoc escapes the > of Word text)
"""

from __future__ import annotations

import re

from .marker import Mark

CALLOUT = re.compile(r"^\s*>\s*\[!(?P<type>[\w-]+)\](?P<fold>[+-]?)\s*(?P<title>.*)$")
QUOTE = re.compile(r"^\s*(?:>|\\>)\s?(?P<text>.*)$")
# Callout types whose title is a question (Obsidian's own names and their aliases).
QUESTION_TYPES = frozenset({"question", "faq", "help", "q", "quiz", "问题", "问"})


def match(line: str) -> Mark | None:
    if m := CALLOUT.match(line):
        kind = m.group("type").lower()
        return Mark(kind="callout", text=m.group("title").strip(), rule="callout", callout=kind)
    if m := QUOTE.match(line):
        return Mark(kind="quote", text=m.group("text").strip(), rule="quote")
    return None
