"""Line idioms of note-taking, one rule per module, tried in order (first match wins).

Each rule looks at one source line (already known not to be inside code, math, HTML
or a table) and returns a :class:`Marker` describing its numbering or prefix, or
``None``. Whether a marked line is a *question* is decided later by the segmenter
in :mod:`handbook.parse`, which also knows the numbering sequences around it.
"""

from __future__ import annotations

from collections.abc import Callable

from . import bold_title, bullet, heading, numbered, qa_prefix
from .marker import Marker

Rule = Callable[[str], Marker | None]

RULES: list[tuple[str, Rule]] = [
    ("heading_no_space", heading.match),
    ("qa_prefix", qa_prefix.match),
    ("numbered", numbered.match),
    ("bullet", bullet.match),
    ("bold_title", bold_title.match),
]


def mark(line: str) -> Marker:
    """The first rule that matches ``line``; a plain marker when none does."""
    for _name, rule in RULES:
        marker = rule(line)
        if marker is not None:
            return marker
    return Marker(kind="plain", body=line.strip())


__all__ = ["Marker", "RULES", "mark"]
