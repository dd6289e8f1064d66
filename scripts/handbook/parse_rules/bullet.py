"""Bullets, including the hand-typed ``--`` and ``•`` of plain-text outlines.

Accepts::

    - 问题      * 问题     + 问题     -- 问题     • 问题     ▸ 问题     - ▸ 问题 (Notion toggles)
    ---- Anchor-free 目标检测-----     (a dash-framed group title)
    --- code 编程                      (three dashes and text: a group title too)
"""

from __future__ import annotations

import re

from .marker import Mark

BULLET = re.compile(r"^\s*(-{1,6}|[*+•·▪●○◦▸▹►▶‣◆◇❖➤➢])(?:\s+|(?=[^\s\-*+]))(.*)$")
TOGGLE = re.compile(r"^[▸▹►▶‣]\s*")
"""``- ▸ 问题``: a Notion toggle exported as a bullet; the triangle is not text."""
FRAMED = re.compile(r"^\s*-{2,}\s*(.*?)\s*-{2,}\s*$")


def match(line: str) -> Mark | None:
    if (m := FRAMED.match(line)) and m.group(1):
        return Mark(kind="item", text=m.group(1), rule="framed_title", family="framed")
    m = BULLET.match(line)
    if not m:
        return None
    mark, body = m.group(1), TOGGLE.sub("", m.group(2).strip())
    if mark.startswith("-") and len(mark) >= 3 and not body:
        return None  # a thematic break
    if mark == "*" and body.endswith("*") and not body.startswith("*"):
        return None  # *emphasis*, not a bullet
    if mark in "*+" and not m.group(0)[len(m.group(0)) - len(m.group(0).lstrip()) + 1 :].startswith((" ", "\t")):
        return None  # "*args" or "+1": a bullet needs a space after * and +
    family = "--" if mark.startswith("-") and len(mark) == 2 else "-"
    if len(mark) >= 3:
        family = "framed"  # "--- code 编程" names a group of questions
    return Mark(kind="item", text=body, rule="bullet", family=family, prefix=mark)
