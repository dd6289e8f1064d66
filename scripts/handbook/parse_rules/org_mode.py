"""Org-mode notes (Emacs): ``*`` stars for headings, ``#+KEY:`` settings, drawers.

Accepts::

    #+TITLE: 深度学习 / CV 面试笔记        #+OPTIONS: toc:nil
    * 目标检测                             ** YOLO 系列的演进？        :detection:
    ** TODO 两阶段和单阶段检测器的区别      :PROPERTIES: … :END:

A note is read as org-mode when it has ``#+TITLE:``-style settings or headings of two or more
stars (which Markdown has no use for). Its headings are then read as Markdown headings of the
same depth (``**`` → ``##``), with trailing ``:tags:`` dropped; every line keeps its place.
"""

from __future__ import annotations

import re

SETTING = re.compile(r"^#\+(?:TITLE|AUTHOR|DATE|STARTUP|OPTIONS|FILETAGS|SETUPFILE|LANGUAGE)\s*:", re.I)
HEADING = re.compile(r"^(?P<stars>\*+)\s+(?P<text>\S.*?)(?:\s+:[\w@#%:]+:)?\s*$")
DEEP_HEADING = re.compile(r"^\*{2,}\s+\S")
MIN_DEEP_HEADINGS = 2
TITLE = re.compile(r"^#\+TITLE\s*:\s*(?P<text>.*)$", re.I)


def is_org(lines: list[str]) -> bool:
    return any(SETTING.match(ln) for ln in lines) or sum(1 for ln in lines if DEEP_HEADING.match(ln)) >= (
        MIN_DEEP_HEADINGS)


def as_markdown(line: str) -> str:
    """One org line as the Markdown line that means the same."""
    if m := TITLE.match(line):
        return f"# {m.group('text').strip()}"
    if m := HEADING.match(line):
        return f"{'#' * min(len(m.group('stars')) + 1, 6)} {m.group('text')}"
    return line
