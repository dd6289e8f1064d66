"""Explicit question / answer prefixes.

Accepts::

    问：什么是感受野？        Q: what is NMS?      Q3. 为什么…      问题2：…  问题 2:   **Q**: …
    答：感受野是…            A: …    A1：…        A：…            【答：…】  -答：1、…  **A**：…
    ❓Q1｜为什么…            ✅A：…              Q2丨…   (emoji and bars of social-media posts)
"""

from __future__ import annotations

import re

from .marker import Mark

EMOJI = r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u203C\u2049\uFE0F\u200D]\s*)*"
"""``❓Q1｜…``, ``✅A：…``: emoji that social-media notes put before their markers."""
BAR = r"[:：.、｜丨|]"
QUESTION = re.compile(
    rf"^\s*(?:[-*+]\s+)?{EMOJI}(?:\*\*)?(?:问题\s*(\d*)\s*{BAR}|问\s*[:：]|Q\s*(\d*)\s*{BAR}|Q(\d+)\s+(?=\S)"
    r"|Question\s*(\d*)\s*[:：])(?:\*\*)?\s*(.*)$",
    re.I,
)
ANSWER = re.compile(
    rf"^\s*(?:[-*+]\s*)?{EMOJI}(?:【\s*)?(?:\*\*)?(?:答\s*\d*\s*[:：、｜丨|]|A\s*\d*\s*[:：｜丨|]|回答\s*[:：]"
    r"|Answer\s*[:：])(?:\*\*)?\s*(.*)$",
    re.I,
)


def match(line: str) -> Mark | None:
    if (m := QUESTION.match(line)) and m.group(5).strip().strip("*").strip():
        number = m.group(1) or m.group(2) or m.group(3) or m.group(4) or "0"
        prefix = line[: m.start(5)].strip().lstrip("-*+ ").replace("**", "")
        return Mark(kind="qa_q", text=m.group(5).strip(), rule="qa_prefix", family="Q", number=int(number),
                    prefix=prefix)
    if m := ANSWER.match(line):
        text = m.group(1).strip()
        if "【" in line[: m.start(1)] and text.endswith("】"):
            text = text[:-1].rstrip()  # "【答：用分数衰减代替删除】"
        return Mark(kind="qa_a", text=text, rule="qa_prefix")
    return None
