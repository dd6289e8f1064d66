"""A bold line standing alone works as a heading in many notes.

Accepts::

    **思路一**
    **特点：**
    __Batch Normalization__
"""

from __future__ import annotations

import re

from .marker import Marker

BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<body>[^*_].{0,60}?)\1\s*[:：]?\s*$")


def match(line: str) -> Marker | None:
    m = BOLD_LINE.match(line)
    if not m:
        return None
    return Marker(kind="bold", body=m.group("body").strip().rstrip("：:"))
