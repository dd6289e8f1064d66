"""ATX headings written without the space CommonMark requires.

Accepts::

    ###什么样的资料集不适合用深度学习？
    ##1.问题
"""

from __future__ import annotations

import re

from .marker import Marker

NO_SPACE_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[^\s#])(.+?)\s*#*\s*$")


def match(line: str) -> Marker | None:
    m = NO_SPACE_HEADING.match(line)
    if not m or m.group(2).startswith(("include", "define", "!")):
        return None
    return Marker(kind="heading", body=m.group(2).strip(), level=len(m.group(1)))
