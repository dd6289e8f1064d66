"""Stage 3, classify: each :class:`Entry` → a topic page (:class:`Placed`).

Scores every topic by the weighted keywords of the taxonomy and the glossary terms
found in the entry. The question counts far more than its context headings, and
those more than the answer: a question about ``BN`` filed under an ``一面`` heading
and answered with a word about convolution is still a normalization question.
Every entry lands somewhere; with no evidence at all it goes to the fallback topic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from .model import Entry, GlossaryTerm, Placed
from .taxonomy import Taxonomy, load_glossary, load_taxonomy
from .textfix import fold

QUESTION_WEIGHT = 10.0
CONTEXT_WEIGHT = 3.0
ANSWER_WEIGHT = 1.0
ANSWER_REPEAT_CAP = 3  # a long answer repeating a word is not ten times more about it
GLOSSARY_WEIGHT = 2.0
ASCII_WORD = re.compile(r"[a-z0-9]")


def _pattern_for(term: str) -> str:
    """Whole-word match for ASCII edges, substring match for CJK edges."""
    body = re.escape(term).replace(r"\ ", r"[\s_-]*")
    left = r"(?<![a-z0-9])" if ASCII_WORD.match(term[0]) else ""
    right = r"(?![a-z0-9])" if ASCII_WORD.match(term[-1]) else ""
    return f"{left}{body}{right}"


@dataclass(frozen=True)
class Matcher:
    """One compiled alternation of every keyword, longest first."""

    regex: re.Pattern[str]
    votes: dict[str, tuple[tuple[str, float], ...]]
    """folded keyword → (topic, weight) votes."""
    terms: dict[str, GlossaryTerm]
    """folded glossary form → its term."""

    def find(self, text: str) -> list[str]:
        return [m.group(0) for m in self.regex.finditer(fold(text))]

    def key(self, found: str) -> str:
        return re.sub(r"[\s_-]+", " ", found).strip()


@cache
def build_matcher(taxonomy: Taxonomy, glossary: tuple[GlossaryTerm, ...]) -> Matcher:
    votes: dict[str, dict[str, float]] = defaultdict(dict)
    for topic in taxonomy.topics:
        for term, weight in topic.keywords:
            votes[_norm_key(term)][topic.slug] = weight
    terms: dict[str, GlossaryTerm] = {}
    for gterm in glossary:
        for form in gterm.forms:
            key = _norm_key(form)
            terms.setdefault(key, gterm)
            if gterm.topic and gterm.topic not in votes[key]:
                votes[key][gterm.topic] = GLOSSARY_WEIGHT
    keys = sorted(votes, key=len, reverse=True)
    regex = re.compile("|".join(_pattern_for(k) for k in keys if k))
    frozen = {k: tuple(v.items()) for k, v in votes.items()}
    return Matcher(regex, frozen, terms)


def _norm_key(term: str) -> str:
    return re.sub(r"[\s_-]+", " ", fold(term)).strip()


class Classifier:
    def __init__(self, taxonomy: Taxonomy | None = None, glossary: tuple[GlossaryTerm, ...] | None = None):
        self.taxonomy = taxonomy or load_taxonomy()
        self.glossary = glossary if glossary is not None else load_glossary()
        self.matcher = build_matcher(self.taxonomy, self.glossary)
        self.order = {t.slug: i for i, t in enumerate(self.taxonomy.topics)}

    def _score(self, text: str, weight: float, scores: dict[str, float], cap: int | None = None) -> list[str]:
        found = [self.matcher.key(f) for f in self.matcher.find(text)]
        counts: dict[str, int] = defaultdict(int)
        for key in found:
            counts[key] += 1
        for key, n in counts.items():
            n = min(n, cap) if cap else n
            for topic, w in self.matcher.votes.get(key, ()):
                scores[topic] += weight * w * n
        return found

    def place(self, entry: Entry) -> Placed:
        scores: dict[str, float] = defaultdict(float)
        found = self._score(entry.question, QUESTION_WEIGHT, scores)
        self._score(" / ".join(entry.context[-2:]), CONTEXT_WEIGHT, scores)
        answer_found = self._score(entry.answer, ANSWER_WEIGHT, scores, cap=ANSWER_REPEAT_CAP)
        if scores and max(scores.values()) > 0:
            topic = max(scores, key=lambda s: (scores[s], -self.order[s]))
            score = scores[topic]
        else:
            topic, score = self.taxonomy.fallback, 0.0
        keys = found or answer_found[:3]
        terms: list[GlossaryTerm] = []
        for key in keys:
            term = self.matcher.terms.get(key)
            if term is not None and term not in terms:
                terms.append(term)
        return Placed(entry=entry, topic=topic, score=score, terms=tuple(terms))


def classify(entries: list[Entry], classifier: Classifier | None = None) -> list[Placed]:
    classifier = classifier or Classifier()
    return [classifier.place(e) for e in entries]
