from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["heading", "question", "answer", "numbered", "bullet", "bold", "plain"]


@dataclass(frozen=True, slots=True)
class Marker:
    """What the start of a line says about it."""

    kind: Kind
    body: str
    """The line's text without its marker."""
    style: str = ""
    """Numbering style (``1.``, ``1、``, ``(1)``, ``一、``, ``-``…), for sequence tracking."""
    number: int = 0
    level: int = 0
    """Heading level for ``heading``."""
    prefix: str = ""
    """The marker as written (``Q2.``, ``3、``, ``(1)``), kept so pages can show the note's numbering."""
