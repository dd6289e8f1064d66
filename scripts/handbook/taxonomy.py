"""Load and validate the data files: taxonomy (topics) and glossary (terms).

A bad shape is rejected once, at load, with a message naming the key and what was
expected; the stages then work on typed objects only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .diagnostics import HandbookError
from .model import GlossaryTerm, Topic

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    groups: tuple[tuple[str, str], ...]
    """(slug, title) of each navigation tab, in order."""
    fallback: str

    def topic(self, slug: str) -> Topic:
        for t in self.topics:
            if t.slug == slug:
                return t
        raise KeyError(slug)


def _load_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HandbookError(f"{path}: cannot read data file: {exc}") from exc
    if not isinstance(data, dict):
        raise HandbookError(f"{path}: expected a mapping at the top level")
    return data


def _require(cond: bool, path: Path, where: str, expected: str) -> None:
    if not cond:
        raise HandbookError(f"{path}: {where}: expected {expected}")


@cache
def load_taxonomy(path: Path = DATA_DIR / "taxonomy.yaml") -> Taxonomy:
    data = _load_yaml(path)
    groups = data.get("groups")
    _require(isinstance(groups, list) and groups, path, "groups", "a non-empty list")
    topics: list[Topic] = []
    group_list: list[tuple[str, str]] = []
    for gi, group in enumerate(groups):
        where = f"groups[{gi}]"
        _require(isinstance(group, dict), path, where, "a mapping with slug, title, topics")
        for key in ("slug", "title", "topics"):
            _require(key in group, path, f"{where}.{key}", "a value")
        group_list.append((str(group["slug"]), str(group["title"])))
        for ti, topic in enumerate(group["topics"]):
            twhere = f"{where}.topics[{ti}]"
            _require(isinstance(topic, dict) and "slug" in topic and "title" in topic, path, twhere,
                     "a mapping with slug, title, keywords")
            keywords = topic.get("keywords") or {}
            _require(isinstance(keywords, dict), path, f"{twhere}.keywords", "a mapping term: weight")
            pairs = []
            for term, weight in keywords.items():
                _require(isinstance(weight, int | float), path, f"{twhere}.keywords.{term}", "a number")
                pairs.append((str(term), float(weight)))
            topics.append(Topic(
                slug=str(topic["slug"]), title=str(topic["title"]), group=str(group["slug"]),
                group_title=str(group["title"]), keywords=tuple(pairs),
                description=str(topic.get("description", "")),
            ))
    slugs = [t.slug for t in topics]
    _require(len(set(slugs)) == len(slugs), path, "topics", "unique slugs")
    fallback = str(data.get("fallback", slugs[-1]))
    _require(fallback in slugs, path, "fallback", f"one of the topic slugs, not {fallback!r}")
    return Taxonomy(tuple(topics), tuple(group_list), fallback)


ALIAS_KEY = re.compile(r"[\s\-_]+")
"""Aliases compare case-insensitively with spaces, hyphens and underscores removed."""
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


@cache
def load_glossary(path: Path = DATA_DIR / "glossary.yaml") -> tuple[GlossaryTerm, ...]:
    data = _load_yaml(path)
    items = data.get("terms")
    _require(isinstance(items, list), path, "terms", "a list")
    slugs = {t.slug for t in load_taxonomy().topics}
    terms = []
    shared: list[bool] = []
    for i, item in enumerate(items):
        where = f"terms[{i}]"
        _require(isinstance(item, dict) and isinstance(item.get("terms"), list) and item["terms"],
                 path, where, "a mapping with a non-empty `terms` list")
        topic = str(item.get("topic", ""))
        _require(not topic or topic in slugs, path, f"{where}.topic", f"a topic slug, not {topic!r}")
        forms = [str(f) for f in item["terms"]]
        _require(isinstance(item.get("umbrella", False), bool), path, f"{where}.umbrella", "true or false")
        terms.append(GlossaryTerm(name=forms[0], aliases=tuple(forms[1:]), topic=topic,
                                  umbrella=bool(item.get("umbrella", False))))
        shared.append(bool(item.get("shared", False)))
    owners: dict[str, int] = {}
    for i, term in enumerate(terms):
        for form in term.forms:
            key = ALIAS_KEY.sub("", form.casefold())
            first = owners.setdefault(key, i)
            _require(first == i or (shared[first] and shared[i]), path, f"terms[{i}]",
                     f"its own forms: {form!r} already names {terms[first].name!r} "
                     "(mark both entries `shared: true` if it truly names two concepts)")
    return tuple(terms)


MIN_HAN_QUERY_WORD = 2
"""A one-character Chinese word would match inside other words (小 in 小目标)."""


@cache
def load_query_words(path: Path = DATA_DIR / "query_words.yaml") -> tuple[tuple[str, ...], ...]:
    """Everyday question words in English and Chinese, one tuple of forms per meaning."""
    data = _load_yaml(path)
    lines = data.get("words")
    _require(isinstance(lines, list), path, "words", "a list")
    seen: dict[str, int] = {}
    out = []
    for i, line in enumerate(lines):
        where = f"words[{i}]"
        _require(isinstance(line, list) and len(line) >= 2 and all(isinstance(w, str) and w for w in line),
                 path, where, "a list of two or more forms")
        for form in line:
            _require(not (CJK_CHAR.search(form) and len(form) < MIN_HAN_QUERY_WORD), path, where,
                     f"Chinese forms of {MIN_HAN_QUERY_WORD} characters or more, not {form!r}")
            first = seen.setdefault(form.casefold(), i)
            _require(first == i, path, where, f"its own forms: {form!r} is already in words[{first}]")
        out.append(tuple(line))
    return tuple(out)
