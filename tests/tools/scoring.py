"""Segmentation scoring on parsed entries, shared by ``segcheck.py`` and the golden tests.

The rules follow ``../shared/eval/segmentation_eval.py`` (which reads a built site): a labelled
question is *correct* when one entry of its note has the question snippet in its heading (or
other wordings), no other labelled snippet of the note in that heading, the answer snippet in
its answer (or is unanswered for ``-``), and an accepted topic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from handbook.classify import classify
from handbook.diagnostics import Report
from handbook.model import Placed
from handbook.parse import parse
from handbook.read import read_notes

STRIP = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad*_`$#\\]+")


def norm(s: str) -> str:
    s = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else ("" if c == "\u3000" else c) for c in s)
    return STRIP.sub("", s).casefold()


def rows(path: Path, width: int) -> list[list[str]]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")][:width])
    return out


def placed_by_note(notes_dir: Path) -> dict[str, list[Placed]]:
    report = Report()
    by_note: dict[str, list[Placed]] = defaultdict(list)
    for p in classify(parse(read_notes(Path(notes_dir), report), report)):
        by_note[Path(p.entry.note.path).name].append(p)
    return by_note


def heading(p: Placed) -> str:
    e = p.entry
    return norm(e.number + e.question) + "|" + "|".join(norm(w) for w in e.wordings)


@dataclass
class Score:
    correct: int = 0
    total: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 1.0


def score_labels(by_note: dict[str, list[Placed]], labels: Path, files: set[str] | None = None) -> Score:
    score = Score()
    table = [r for r in rows(labels, 4) if files is None or r[0] in files]
    snippets: dict[str, set[str]] = defaultdict(set)
    for f, q, _, _ in table:
        snippets[f].add(norm(q))
    for f, q, answer, topics in table:
        qn, an = norm(q), (None if answer == "-" else norm(answer))
        best, why = -1, "own"
        for p in by_note.get(f, []):
            head = heading(p)
            if qn not in head:
                continue
            checks = {
                "alone": not any(o != qn and o in head for o in snippets[f]),
                "answer": p.entry.unanswered if an is None else an in norm(p.entry.answer),
                "topic": p.topic in topics.split(","),
            }
            if sum(checks.values()) > best:
                best, why = sum(checks.values()), ",".join(k for k, v in checks.items() if not v)
        score.total += 1
        if best == 3:
            score.correct += 1
        else:
            score.failures.append(f"{f} «{q}»: {why}")
    return score


@dataclass
class Coverage:
    entries: int = 0
    questions: int = 0
    found: int = 0
    per_note: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)


def score_questions(by_note: dict[str, list[Placed]], questions: Path, files: set[str] | None = None) -> Coverage:
    cov = Coverage()
    per: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for f, line, q in rows(questions, 3):
        if files is None or f in files:
            per[f].append((int(line), q))
    for f, qs in per.items():
        entries = by_note.get(f, [])
        heads = [heading(p) for p in entries]
        found = 0
        for line, q in qs:
            if any(norm(q) in h for h in heads):
                found += 1
            else:
                cov.missed.append(f"{f}:{line} «{q}»")
        cov.per_note[f] = (len(entries), len(qs), found)
        cov.entries += len(entries)
        cov.questions += len(qs)
        cov.found += found
    return cov
