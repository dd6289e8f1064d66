"""Line idioms of note-taking: one marking rule per module, tried in order, first match wins.

Each rule looks at one source line (known not to be inside code, math, HTML or a table)
and returns a :class:`Mark` describing its markers — numbering, bullet, prefix, callout,
bold label — or ``None``. A line is marked exactly once; what it *is* (question, answer,
group title) is decided afterwards by the role rules of :mod:`handbook.roles`, which also
see its neighbours and the numbering around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import bold_title, bullet, callout, choice, code, heading, image, machinery, numbered, qa_prefix, speaker, task
from .marker import Mark

Rule = Callable[[str], Mark | None]

LEADING = re.compile(r"^[ \t]*")
LOGSEQ_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
REACTION = re.compile(r"^([ \t]*)(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?)+\s+(?=\S)")
"""``👍 第二个：残差结构解决了什么问题``: a chat message's reaction emoji before its text."""


def _bold(line: str) -> Mark | None:
    return bold_title.match(line, inner=mark)


RULES: list[tuple[str, Rule]] = [
    ("machinery", machinery.match),
    ("code", code.match),
    ("heading_no_space", heading.match),
    ("callout", callout.match),
    ("speaker", speaker.match),
    ("qa_prefix", qa_prefix.match),
    ("task", task.match),
    ("bold", _bold),
    ("choice", choice.match),
    ("numbered", numbered.match),
    ("bullet", bullet.match),
    ("image", image.match),
]


def indent_of(line: str) -> int:
    """Columns of leading white space, a tab counting four (Logseq, 面经 outlines mix both)."""
    return len(LEADING.match(line).group(0).expandtabs(4))


@lru_cache(maxsize=65536)
def mark(line: str) -> Mark:
    """The first rule that matches ``line``; a plain (or blank) mark when none does."""
    if not line.strip():
        return Mark(kind="blank", text="", rule="blank")
    for _name, rule in RULES:
        found = rule(line)
        if found is not None:
            break
    else:
        found = Mark(kind="plain", text=line.strip(), rule="plain")
        if (lead := REACTION.match(line)) and (inner := mark(lead.group(1) + line[lead.end():])).kind != "plain":
            found = inner  # the marker after the emoji ("第二个：") is the line's marker
    if found.kind == "item" and (h := LOGSEQ_HEADING.match(found.text)):
        # "- ## 两阶段检测": an outliner block that is also a heading
        found = Mark(**{**_fields(found), "text": h.group(2).strip(), "level": len(h.group(1))})
    return Mark(**{**_fields(found), "indent": indent_of(line)})


def _fields(m: Mark) -> dict:
    return {name: getattr(m, name) for name in m.__slots__}


__all__ = ["Mark", "RULES", "indent_of", "mark"]
