"""Task lines and outliner TODO keywords.

Accepts::

    - [ ] 虚函数的实现原理       - [x] 指针和引用的区别      * [X] 手写二分查找
    - TODO 小目标检测有哪些常用的办法？     - DONE 看一下 ATSS     (Logseq markers)
"""

from __future__ import annotations

import re

from .marker import Mark

TASK = re.compile(r"^\s*[-*+]\s+\[(?P<state>[ xX\-/])\]\s*(?P<text>.*)$")
KEYWORD = re.compile(r"^\s*[-*+]\s+(?P<kw>TODO|DONE|LATER|NOW|DOING|WAITING|CANCELED)\s+(?P<text>.*)$")


def match(line: str) -> Mark | None:
    if m := TASK.match(line):
        return Mark(kind="item", text=m.group("text").strip(), rule="task", family="task",
                    todo=f"[{m.group('state').lower()}]")
    if m := KEYWORD.match(line):
        return Mark(kind="item", text=m.group("text").strip(), rule="outliner_keyword", family="-",
                    todo=m.group("kw"))
    return None
