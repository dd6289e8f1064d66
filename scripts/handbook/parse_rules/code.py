"""Source code typed without a fence, as plain-text notes and chat copies have it.

Accepts::

    def softmax(x):                 class Node:          import numpy as np
        return e / e.sum()          for i in range(n):   #include <vector>
    int main() {                    std::sort(v.begin(), v.end());        }
    In [3]:   Out[6]:   @functools.wraps(fn)   #+BEGIN_SRC python   (notebook prompts, decorators, org blocks)

Only lines with no Chinese outside a trailing comment count, so ``for 循环怎么写`` and
``return 的值是什么？`` stay note text; an assignment needs a lower-case name on the left
(``x = x - x.max()``), so formulas such as ``F1 = 2PR/(P+R)`` stay text too.
"""

from __future__ import annotations

import re

from .marker import Mark

CODE_START = re.compile(
    r"^\s*(?:def\s+\w+\s*\(|class\s+\w+[\s:(]|import\s+\w|from\s+[\w.]+\s+import\s|return\b|yield\b|"
    r"for\s+.+\s+in\s+.+:\s*$|while\s+.+:\s*$|if\s+.+:\s*$|elif\s+.+:|else\s*:|try\s*:|except\b.*:|with\s+.+:\s*$|"
    r"#include\s*[<\"]|using\s+namespace\s|template\s*<|(?:public|private|protected)\s*:|"
    r"(?:int|void|bool|auto|double|float|char|long|string|vector<[^>]*>)\s+\**\w+\s*(?:\(|=|;|\[)|"
    r"std::|[a-z_][a-z0-9_]*(?:\.\w+|\[[^\]]*\])*\s*(?:[+\-*/]?=)\s*[^=\s].*$|[{}]\s*;?\s*$)"
)
NOTEBOOK_PROMPT = re.compile(r"^\s*(?:In|Out)\s*\[\s*\d*\s*\]\s*:?\s*$")
"""``In [3]:``, ``Out[6]:``: a notebook's cell prompts, copied with its code."""
DECORATOR = re.compile(r"^\s*@[A-Za-z_][\w.]*(?:\(.*\))?\s*$")
ORG_BLOCK = re.compile(r"^\s*#\+(?:BEGIN|END)_\w+", re.I)
"""``#+BEGIN_SRC python`` … ``#+END_SRC``: org-mode's fences."""
CJK = re.compile(r"[\u4e00-\u9fff]")
COMMENT = re.compile(r"\s(?:#|//).*$")


def match(line: str) -> Mark | None:
    if NOTEBOOK_PROMPT.match(line) or DECORATOR.match(line) or ORG_BLOCK.match(line):
        return Mark(kind="code", text=line.rstrip(), rule="unfenced_code")
    code = COMMENT.sub("", line)
    if CJK.search(code) or not CODE_START.match(code):
        return None
    return Mark(kind="code", text=line.rstrip(), rule="unfenced_code")
