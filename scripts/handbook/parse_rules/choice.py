"""The options of a multiple-choice question: answer text under it, never questions.

Accepts::

    A. 28×28×10        (B) 增大学习率        C、BN 的效果与 batch size 无关
    A. 750　　B. 760　　C. 7500　　D. 250          (all options on one line)
"""

from __future__ import annotations

import re

from .marker import Mark

OPTION = re.compile(
    r"^\s*(?:[-*+]\s+)?[(（]?(?P<letter>[A-H])\s*(?:[)）]|、|[.．](?=\s|[^\x00-\x7f]))\s*(?P<text>\S.*)$"
)
"""``A.``, ``(B)``, ``C、`` and what follows; ``A: …`` (an answer label) is not an option."""


def match(line: str) -> Mark | None:
    m = OPTION.match(line)
    if not m:
        return None
    return Mark(kind="option", text=m.group("text").strip(), rule="choice_option", label=m.group("letter"))
