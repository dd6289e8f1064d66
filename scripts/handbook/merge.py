"""Stage 4, merge: the same question asked in several notes is shown once.

Within one topic, questions whose folded text is equal, or nearly equal (rapidfuzz
ratio ≥ :data:`SIMILARITY`), become one :class:`MergedEntry` that keeps every answer
and every source line. Ids come from the question text, never from positions, so
adding a note does not move any other question's permalink; merged members keep
their own ids as extra anchors.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from rapidfuzz import fuzz, process

from .model import MergedEntry, Placed
from .textfix import compact

SIMILARITY = 92.0
MIN_FUZZY_LENGTH = 8  # short questions ("ROC 和 AUC") merge only when identical
FUZZY_LIMIT = 4000  # past this many questions on one page, exact matches only


def anchor_for(question: str) -> str:
    key = compact(question) or question
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def _sort_key(p: Placed) -> tuple[str, int]:
    return (p.entry.note.path, p.entry.lines[0])


def merge(placed: list[Placed]) -> dict[str, list[MergedEntry]]:
    """Topic slug → merged entries, in note order (deterministic)."""
    by_topic: dict[str, list[Placed]] = defaultdict(list)
    for p in sorted(placed, key=_sort_key):
        by_topic[p.topic].append(p)
    result: dict[str, list[MergedEntry]] = {}
    for topic, items in by_topic.items():
        groups: list[list[Placed]] = []
        keys: list[str] = []
        exact: dict[str, int] = {}
        fuzzy = len(items) <= FUZZY_LIMIT
        for p in items:
            key = compact(p.entry.question)
            at = exact.get(key)
            if at is None and fuzzy and len(key) >= MIN_FUZZY_LENGTH and keys:
                match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
                if match is not None and len(match[0]) >= MIN_FUZZY_LENGTH:
                    at = match[2]
            if at is None:
                at = len(groups)
                groups.append([])
                keys.append(key)
                exact[key] = at
            groups[at].append(p)
        merged = []
        for group in groups:
            first = group[0]
            terms = []
            for p in group:
                terms.extend(t for t in p.terms if t not in terms)
            merged.append(MergedEntry(
                anchor=anchor_for(first.entry.question),
                question=first.entry.question,
                topic=topic,
                items=tuple(group),
                terms=tuple(terms),
            ))
        result[topic] = merged
    return result
