"""Where a question was asked: companies and interview rounds, from the note's front matter
(``company:``, ``round:``), its title (``字节跳动 CV 一面面经``) and the group headings above
the question (``‹腾讯-一面(2018)›``, ``百度二面``). Names come from ``data/companies.yaml``,
validated once at load; answers are never searched (``理想情况下`` names no company).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .diagnostics import HandbookError
from .model import Entry
from .textfix import fold

DATA = Path(__file__).parent / "data" / "companies.yaml"


@dataclass(frozen=True)
class Companies:
    pattern: re.Pattern[str]
    """Every alias, longest first; ASCII aliases as whole words."""
    names: dict[str, str]
    """folded alias → the company's shown name."""
    rounds: re.Pattern[str]
    round_names: dict[str, str]

    def company(self, text: str) -> str:
        m = self.pattern.search(fold(text))
        return self.names[m.group(0)] if m else ""

    def round(self, text: str) -> str:
        m = self.rounds.search(fold(text))
        return self.round_names[m.group(0)] if m else ""


@cache
def load_companies(path: Path = DATA) -> Companies:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("companies")
    if not isinstance(items, list) or not all(isinstance(i, list) and i for i in items):
        raise HandbookError(f"{path}: companies: expected a list of [name, alias, …] lists")
    names: dict[str, str] = {}
    for item in items:
        for alias in item:
            key = fold(str(alias))
            if key in names and names[key] != item[0]:
                raise HandbookError(f"{path}: {alias!r} names both {names[key]!r} and {item[0]!r}")
            names[key] = str(item[0])
    parts = [(rf"(?<![a-z0-9]){re.escape(a)}(?![a-z0-9])" if a.isascii() else re.escape(a))
             for a in sorted(names, key=len, reverse=True)]
    round_names = {fold(str(r)): str(r) for r in data.get("rounds") or []}
    rounds = re.compile("|".join(re.escape(r) for r in sorted(round_names, key=len, reverse=True)) or "(?!)")
    return Companies(re.compile("|".join(parts)), names, rounds, round_names)


def asked_at(entry: Entry, companies: Companies | None = None) -> str:
    """``字节跳动 一面`` (or just a company, or ``""``) for one entry."""
    companies = companies or load_companies()
    note = entry.note
    sources = [*reversed(entry.context), note.title]
    company = companies.company(note.company) if note.company else ""
    company = company or note.company or next((c for c in map(companies.company, sources) if c), "")
    rnd = note.round or next((r for r in map(companies.round, sources) if r), "")
    return " ".join(x for x in (company, rnd) if x) if company else ""
