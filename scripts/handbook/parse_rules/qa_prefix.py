"""Explicit question / answer prefixes.

Accepts::

    问：什么是感受野？        Q: what is NMS?      Q3. 为什么…      问题2：…  问题 2:   **Q**: …   **Q3** …
    答：感受野是…            A: …    A1：…        A：…            【答：…】  -答：1、…  **A**：…
    ❓Q1｜为什么…            ✅A：…              Q2丨…   (emoji and bars of social-media posts)
    - **Q**: …？ **A**: …   **Q3. How does ViT work?**   (bold labels of a GitHub question bank)
    【题目】1. …（ ）         【答案】C           【解析】…   (exam papers and quiz banks)
    答案：C   解析：…                                            (the same, unbracketed)
    → 一種跨框架的模型格式                                       (an arrow opening the answer line)
"""

from __future__ import annotations

import re

from .marker import Mark

EMOJI = r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u203C\u2049\uFE0F\u200D]\s*)*"
"""``❓Q1｜…``, ``✅A：…``: emoji that social-media notes put before their markers."""
BAR = r"[:：.、｜丨|]"
# ("Q、K、V 分别代表什么" enumerates letters: no label)
QUESTION = re.compile(
    rf"^\s*(?:[-*+]\s+)?{EMOJI}(?:\*\*)?(?:问题\s*(\d*)\s*{BAR}|问\s*[:：]|Q\s*(\d*)\s*(?:{BAR}(?<!、)|、(?!\s*[A-Za-z]\s*、))|Q(\d+)(?=\*\*\s*\S|\s+\S)|Q\*\*\s*[:：]"
    r"|Question\s*(\d*)\s*[:：])(?:\*\*)?\s*(.*)$",
    re.I,
)
ANSWER = re.compile(
    rf"^\s*(?:[-*+]\s*)?{EMOJI}(?:【\s*)?(?:\*\*)?(?:答\s*\d*\s*[:：、｜丨|]|A\s*\d*\s*[:：｜丨|]|(?:A|答)\*\*\s*[:：]|回答\s*[:：]"
    r"|(?:参考)?答案\s*[:：]|解析\s*[:：]|(?:→|⇒|=>|->)(?=\s*\S)"
    r"|Answer\s*[:：])(?:\*\*)?\s*(.*)$",
    re.I,
)


BRACKET_QUESTION = re.compile(
    r"^\s*(?:[-*+]\s+)?[【\[]\s*(?:题目|问题|题|问|试题|原题|Q)\s*(?P<n1>\d*)\s*[】\]]\s*[:：]?\s*"
    r"(?:(?P<n2>\d{1,3})\s*[.、．:：)）]\s*)?(?P<text>\S.*)$",
    re.I,
)
BRACKET_ANSWER = re.compile(
    r"^\s*(?:[-*+]\s+)?[【\[]\s*(?P<label>答案|参考答案|答|回答|解析|解答|答案解析|详解|分析|思路|A)\s*[】\]]\s*[:：]?\s*"
    r"(?P<text>.*)$",
    re.I,
)
"""``【题目】3. 关于 BN，下列说法错误的是（ ）``, ``【答案】C``, ``【解析】…``: an exam paper's labels."""


def match(line: str) -> Mark | None:
    if m := BRACKET_QUESTION.match(line):
        number = m.group("n1") or m.group("n2") or "0"
        prefix = line[: m.start("text")].strip().lstrip("-*+ ")
        return Mark(kind="qa_q", text=m.group("text").strip(), rule="bracket_label", family="Q", number=int(number),
                    prefix=prefix)
    if m := BRACKET_ANSWER.match(line):
        return Mark(kind="qa_a", text=m.group("text").strip(), rule="bracket_label", label=m.group("label"))
    if (m := QUESTION.match(line)) and m.group(5).strip().strip("*").strip():
        number = m.group(1) or m.group(2) or m.group(3) or m.group(4) or "0"
        prefix = line[: m.start(5)].strip().lstrip("-*+ ").replace("**", "")
        text = m.group(5).strip()
        if text.endswith("**") and text.count("**") % 2:
            text = text[:-2].rstrip()  # "**Q3. How does ViT work?**": the bold closes after the question
        return Mark(kind="qa_q", text=text, rule="qa_prefix", family="Q", number=int(number), prefix=prefix)
    if m := ANSWER.match(line):
        text = m.group(1).strip()
        if "【" in line[: m.start(1)] and text.endswith("】"):
            text = text[:-1].rstrip()  # "【答：用分数衰减代替删除】"
        return Mark(kind="qa_a", text=text, rule="qa_prefix")
    return None
