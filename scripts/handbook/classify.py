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

from .diagnostics import Report
from .model import Entry, GlossaryTerm, Placed
from .taxonomy import Taxonomy, load_glossary, load_taxonomy
from .textfix import fold, glue_scripts

QUESTION_WEIGHT = 10.0
CONTEXT_WEIGHT = 3.0
ANSWER_WEIGHT = 1.0
ANSWER_REPEAT_CAP = 3  # a long answer repeating a word is not ten times more about it
GLOSSARY_WEIGHT = 2.0
SUBJECT_WEIGHT = 2.0
"""The first field concept of a question is its subject and counts this many times."""
CONTEXT_FALLBACK_SHARE = 1 / 3
"""Share of a context heading's vote for the interview page (``字节一面`` says where, not what)."""
ANSWER_SCAN_CHARS = 4000  # the start of an answer says what it is about; a 1 MB answer need not be read
ASCII_WORD = re.compile(r"[a-z0-9]")
CONDITION = re.compile(
    r"^(?:[^，,？?。]{1,30}?(?:的时候|时候|时|情况下|条件下|的话)|(?:如果|假如|假设|若|当)[^，,？?。]{1,30}?[，,])[，,\s]*"
)
"""``小 batch 的时候…``, ``如果 batch size = 1，BN 还能…``: a condition before the question's subject."""
VIEWPOINT = re.compile(r"从[^，,？?。]{1,12}?(?:角度|视角|层面)(?:来看|来说|来|看)?[，,\s]*")
"""``从贝叶斯角度怎么理解 L2 正则``: the viewpoint is not what the question is about."""
CODING_TASK = re.compile(r"手写|手撕|手推代码|写一个|写个|编程实现|代码实现|用代码|implement", re.I)
"""``手写数值稳定的 softmax``: a coding task; what it computes gets no subject's extra weight."""
FORMULA_BY_HAND = re.compile(r"公式\s*(?:手写|手推|写)一?下?|(?:手写|手推)\s*(?:一下)?\s*公式")
"""``Dice Loss 怎么定义，公式手写一下``: the formula written out, no coding task."""
END = ""
URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|\]\([^)\s]*\)", re.I)
CASED_ABBREVIATIONS = {"in": re.compile(r"(?<![A-Za-z])IN(?![A-Za-z])")}
"""Abbreviations that are also English words count only as written: ``IN`` (Instance Norm), not ``in``."""
MIN_PLURAL_WORD = 4
"""English words this long also match with a plural ending (``map`` must not match ``maps``)."""


def _trie_pattern(keys: list[str]) -> str:
    """One regex for many keywords, shaped as a trie (shared prefixes matched once).

    A flat alternation of ~1,500 words costs ~1,500 tries per character; the trie costs
    about one per distinct next character. Longer words are preferred, as ``regex``
    alternation tries the branches in the order given.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[END] = key

    def emit(node: dict) -> str:
        branches = []
        for ch in sorted((c for c in node if c != END), key=lambda c: -_depth(node[c])):
            piece = r"[\s_-]*" if ch == " " else re.escape(ch)
            child = node[ch]
            tail = emit(child)
            if END in child:
                word = child[END]
                right = r"(?![a-z0-9])" if ASCII_WORD.match(word[-1]) else ""
                if len(word) >= MIN_PLURAL_WORD and word[-1].isalpha() and word.isascii():
                    right = r"(?:e?s)?(?![a-z0-9])"  # "3x3 convs", "anchors", "losses"
                tail = f"(?:{tail}|{right})" if tail else right
            branches.append(piece + tail)
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def _depth(node: dict) -> int:
    return 1 + max((_depth(v) for k, v in node.items() if k != END), default=0)


@dataclass(frozen=True)
class Matcher:
    """One compiled alternation of every keyword, longest first."""

    regex: re.Pattern[str]
    votes: dict[str, tuple[tuple[str, float], ...]]
    """folded keyword → (topic, weight) votes."""
    terms: dict[str, GlossaryTerm]
    """folded glossary form → its term."""

    def find(self, text: str) -> list[str]:
        found = [m.group(0) for m in self.regex.finditer(fold(glue_scripts(text)))]  # "gamma 校正" = "gamma校正"
        for word, written in CASED_ABBREVIATIONS.items():
            if word in found and not written.search(text):
                found = [f for f in found if f != word]  # "process in DDPM" names no Instance Norm
        return found

    def key(self, found: str) -> str:
        key = re.sub(r"[\s_-]+", " ", found).strip()
        if key not in self.votes and key.endswith("s"):  # an English plural of a known word
            for singular in (key[:-1], key[:-2]):
                if singular in self.votes:
                    return singular
        return key


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
    keys = [k for k in votes if k]
    ascii_start = [k for k in keys if ASCII_WORD.match(k[0])]
    other_start = [k for k in keys if not ASCII_WORD.match(k[0])]
    # ASCII words match as whole words: not preceded by a letter or digit
    first = "".join(sorted({re.escape(k[0]) for k in other_start}))
    regex = re.compile(
        f"(?<![a-z0-9])(?=[a-z0-9]){_trie_pattern(ascii_start)}|(?=[{first}]){_trie_pattern(other_start)}"
    )
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

    def _score(self, text: str, weight: float, scores: dict[str, float], cap: int | None = None,
               subject: float = 1.0) -> list[str]:
        """Add the weighted votes of every keyword in ``text``; the first one (the question's
        subject: "池化层有参数吗，反向传播怎么传" is about pooling) counts ``subject`` times."""
        text = URL.sub(" ", text)  # "https://www.cnblogs.com/…" names a site, not HTTP or DNS
        text = FORMULA_BY_HAND.sub(" 公式 ", text)
        found = [self.matcher.key(f) for f in self.matcher.find(text)]
        counts: dict[str, float] = defaultdict(float)
        # "batch size 很小的时候 BN 有什么问题": a condition first, the subject after it
        if CODING_TASK.search(text):
            subject = 1.0
        main = self.matcher.find(VIEWPOINT.sub("", CONDITION.sub("", text, count=1))) if subject != 1.0 else []
        first_concept = next((k for k in map(self.matcher.key, main) if k in self.matcher.terms
                              and self.matcher.terms[k].topic != self.taxonomy.fallback
                              and not self.matcher.terms[k].umbrella), None)
        for key in found:
            counts[key] += subject if key == first_concept else 1.0
            if key == first_concept:
                first_concept = None
        for key, n in counts.items():
            n = min(n, cap) if cap else n
            for topic, w in self.matcher.votes.get(key, ()):
                scores[topic] += weight * w * n
        return found

    def scores(self, entry: Entry) -> tuple[dict[str, float], list[str], list[str]]:
        """Topic → score for ``entry``, with the keywords found in its question and answer.

        The question weighs most; context headings say where it was asked (a 面经's ``一面``
        votes for the interview page only weakly); the answer adds a little, capped."""
        scores: dict[str, float] = defaultdict(float)
        found = self._score(" ".join((entry.question, *entry.wordings)), QUESTION_WEIGHT, scores,
                            subject=SUBJECT_WEIGHT)
        context: dict[str, float] = defaultdict(float)
        # a follow-up ("-- 相对位置偏置是怎么加的") is about what its question was about
        self._score(" / ".join((*entry.context[-2:], entry.follows)), CONTEXT_WEIGHT, context)
        for topic, value in context.items():
            scores[topic] += value * (CONTEXT_FALLBACK_SHARE if topic == self.taxonomy.fallback else 1.0)
        answer = entry.answer[:ANSWER_SCAN_CHARS]
        answer_found = self._score(answer, ANSWER_WEIGHT, scores, cap=ANSWER_REPEAT_CAP)
        return scores, found, answer_found

    def place(self, entry: Entry) -> Placed:
        scores, found, answer_found = self.scores(entry)
        hint = next((h for h in (entry.topic_hint, entry.note.topic) if h in self.order), None)
        if hint is not None:
            topic, score = hint, float("inf")  # the author said so (directive or front matter)
        elif scores and max(scores.values()) > 0:
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


def classify(entries: list[Entry], classifier: Classifier | None = None, report: Report | None = None) -> list[Placed]:
    classifier = classifier or Classifier()
    if report is not None:
        warn_unknown_hints(entries, classifier, report)
    return [classifier.place(e) for e in entries]


def warn_unknown_hints(entries: list[Entry], classifier: Classifier, report: Report) -> None:
    """``<!-- handbook: topic: detetion -->``: a misspelt topic is said once, with the topics there are."""
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        for hint, line in ((entry.topic_hint, entry.lines[0]), (entry.note.topic, 1)):
            if not hint or hint in classifier.order or (entry.note.path, hint) in seen:
                continue
            seen.add((entry.note.path, hint))
            topics = ", ".join(classifier.order)
            report.warn(entry.note.path, line, f"unknown topic {hint!r} ignored; topics are: {topics}")
