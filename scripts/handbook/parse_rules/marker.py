"""What a line's markers say about it, found once per line (see :mod:`handbook.parse_rules`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "blank", "heading", "item", "qa_q", "qa_a", "label", "bold", "callout", "quote", "image",
    "property", "directive", "toc", "rule", "plain", "option",
]


@dataclass(frozen=True, slots=True)
class Mark:
    """One source line as its markers describe it; the role rules decide what it *is*."""

    kind: Kind
    text: str
    """The line's text without its markers (Markdown inline syntax kept)."""
    rule: str = ""
    """Name of the marking rule that matched (shown by ``handbook explain``)."""
    family: str = ""
    """Numbering or bullet family for sequences: ``N`` (1. 1、 1)), ``(1)``, ``一、``, ``-``, ``--``, ``task``…"""
    number: int = 0
    prefix: str = ""
    """The marker as written (``Q2.``, ``3、``, ``(1)``), kept so pages can show the note's numbering."""
    level: int = 0
    """Heading level (1–6) for headings, also for a Logseq ``- ## heading`` block."""
    bold: bool = False
    """The marker sat inside bold (``**1、问题？**``): a different family from plain numbering."""
    todo: str = ""
    """``[ ]``/``[x]`` of a task line, or a TODO/DONE keyword."""
    callout: str = ""
    """Obsidian callout type (``question``, ``note``…) of a callout's title line."""
    label: str = ""
    """A bold label's words (``答案``, ``特点``, ``English answer``)."""
    indent: int = 0
    """Columns before the marker (tabs count 4)."""
    group: bool = False
    """``3、-- 卷积相关``: dashes after the number mark the line as a group's name."""

    @property
    def signature(self) -> str:
        """Lines with the same signature are siblings of one kind (a question list, a step list)."""
        if self.kind == "heading":
            return f"h{self.level}"
        bold = "b" if self.bold else ""
        return f"{self.kind}:{bold}{self.family}"
