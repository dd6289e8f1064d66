"""Problems found in notes, reported as ``file:line: level: message``.

Stages never print: they append :class:`Diagnostic` values to a :class:`Report`.
The CLI prints them to stderr; the MkDocs hook logs them as warnings of the normalizer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "info"]


class HandbookError(Exception):
    """A problem that stops the pipeline (bad data file, unreadable notes folder)."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


@dataclass(slots=True)
class Report:
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str, line: int, level: Level, message: str) -> None:
        self.items.append(Diagnostic(path, line, level, message))

    def warn(self, path: str, line: int, message: str) -> None:
        self.add(path, line, "warning", message)

    def error(self, path: str, line: int, message: str) -> None:
        self.add(path, line, "error", message)

    @property
    def has_errors(self) -> bool:
        return any(d.level == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=lambda d: (d.path, d.line, d.level, d.message))
