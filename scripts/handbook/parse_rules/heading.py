"""ATX headings written without the space CommonMark requires.

Accepts::

    ###什么样的资料集不适合用深度学习？
    ##1.问题
"""

from __future__ import annotations

import re

from .marker import Mark

NO_SPACE_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[^\s#])(.+?)\s*#*\s*$")
TAG = r"(?:#\[\[[^\]]+\]\]|#[^\s#]+#(?=\s|$)|#[^\s#]+)"
TAG_LINE = re.compile(rf"^\s*{TAG}(?:\s*{TAG})*\s*$")
"""``#面试 #CV/卷积`` (Obsidian), ``#字节跳动# #面经#`` (牛客, Weibo): a line of tags."""


def match(line: str) -> Mark | None:
    m = NO_SPACE_HEADING.match(line)
    if not m or m.group(2).startswith(("include", "define", "!", "[[")):
        return None
    if TAG_LINE.match(line):
        return None  # "#面试 #CV/卷积", "#字节跳动# #面经#": tags, not a heading
    return Mark(kind="heading", text=m.group(2).strip(), rule="heading_no_space", level=len(m.group(1)))
