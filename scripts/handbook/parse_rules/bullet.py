"""Bullets, including the hand-typed ``--`` and ``•`` of plain-text outlines.

Accepts::

    - 问题      * 问题     + 问题     -- 问题     • 问题
    ---- Anchor-free 目标检测-----     (a dash-framed group title)
"""

from __future__ import annotations

import re

from .marker import Marker

BULLET = re.compile(r"^\s*(-{1,6}|[*+•·▪●○◦])(?:\s+|(?=[^\s\-*+]))(.*)$")
FRAMED = re.compile(r"^\s*-{2,}\s*(.*?)\s*-{2,}\s*$")


def match(line: str) -> Marker | None:
    if (m := FRAMED.match(line)) and m.group(1):
        return Marker(kind="bullet", body=m.group(1), style="framed")
    m = BULLET.match(line)
    if not m:
        return None
    mark, body = m.group(1), m.group(2).strip()
    if mark.startswith("-") and len(mark) >= 3 and not body:
        return None  # a thematic break
    if mark == "*" and body.endswith("*") and not body.startswith("*"):
        return None  # *emphasis*, not a bullet
    style = "--" if mark.startswith("-") and len(mark) >= 2 else "-"
    if len(mark) >= 3:
        style = "framed"  # "--- code 编程" names a group of questions
    return Marker(kind="bullet", body=body, style=style)
