"""Explicit question / answer prefixes.

Accepts::

    问：什么是感受野？        Q: what is NMS?      Q3. 为什么…      问题2：…  问题 2:
    答：感受野是…            A: …    A1：…        A：…            【答：…】  -答：1、…
"""

from __future__ import annotations

import re

from .marker import Marker

QUESTION = re.compile(r"^\s*(?:[-*+]\s*)?(?:问题\s*(\d*)\s*[:：.、]|问\s*[:：]|Q\s*(\d*)\s*[:：.、])\s*(.*)$", re.I)
ANSWER = re.compile(r"^\s*(?:[-*+]\s*)?(?:【\s*)?(?:答\s*\d*\s*[:：、]|A\s*\d*\s*[:：]|回答\s*[:：])\s*(.*)$", re.I)


def match(line: str) -> Marker | None:
    if (m := QUESTION.match(line)) and m.group(3).strip():
        number = m.group(1) or m.group(2) or "0"
        prefix = line[: m.start(3)].strip().lstrip("-*+ ")
        return Marker(kind="question", body=m.group(3).strip(), style="Q", number=int(number), prefix=prefix)
    if m := ANSWER.match(line):
        return Marker(kind="answer", body=m.group(1).strip())
    return None
