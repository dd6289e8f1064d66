"""Explicit question / answer prefixes.

Accepts::

    问：什么是感受野？        Q: what is NMS?      Q3. 为什么…      问题2：…  问题 2:   **Q**: …
    答：感受野是…            A: …    A1：…        A：…            【答：…】  -答：1、…  **A**：…
"""

from __future__ import annotations

import re

from .marker import Mark

QUESTION = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:问题\s*(\d*)\s*[:：.、]|问\s*[:：]|Q\s*(\d*)\s*[:：.、]|Q(\d+)\s+(?=\S)|Question\s*(\d*)\s*[:：])"
    r"(?:\*\*)?\s*(.*)$",
    re.I,
)
ANSWER = re.compile(
    r"^\s*(?:[-*+]\s*)?(?:【\s*)?(?:\*\*)?(?:答\s*\d*\s*[:：、]|A\s*\d*\s*[:：]|回答\s*[:：]|Answer\s*[:：])(?:\*\*)?\s*(.*)$",
    re.I,
)


def match(line: str) -> Mark | None:
    if (m := QUESTION.match(line)) and m.group(5).strip().strip("*").strip():
        number = m.group(1) or m.group(2) or m.group(3) or m.group(4) or "0"
        prefix = line[: m.start(5)].strip().lstrip("-*+ ").replace("**", "")
        return Mark(kind="qa_q", text=m.group(5).strip(), rule="qa_prefix", family="Q", number=int(number),
                    prefix=prefix)
    if m := ANSWER.match(line):
        return Mark(kind="qa_a", text=m.group(1).strip(), rule="qa_prefix")
    return None
