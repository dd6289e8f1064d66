"""The one data model every stage shares: frozen, slotted dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Note:
    """One file of ``notes/``, decoded and cleaned of editor debris."""

    path: str
    """Path relative to the notes folder, with ``/`` separators (``面经/字节一面.md``)."""
    title: str
    """From front matter, the first heading, or the first line; never the file name hash."""
    text: str
    """Body text (front matter blanked out, so line numbers still match the file)."""
    slug: str
    """Stable, URL-safe name for the note's verbatim page under ``/sources/``."""
    source_url: str = ""
    date: str = ""
    company: str = ""
    round: str = ""
    """The interview round the note records (front matter ``round:``: 一面, HR面…)."""
    topic: str = ""
    """A topic the author chose for the whole note (front matter ``topic:``)."""
    encoding: str = "utf-8"
    front_matter: str = ""
    """The YAML front matter as written (shown once on the site, so nothing is lost)."""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class Entry:
    """One question of one note with its answer, as the parser found it."""

    note: Note
    question: str
    """The question text, numbering and markers stripped (inline Markdown allowed)."""
    answer: str
    """Answer Markdown (dedented source lines); empty when the note gives none (待补充)."""
    lines: tuple[int, int]
    """1-based, inclusive line span of question and answer in the note."""
    context: tuple[str, ...] = ()
    """Enclosing headings / group lines (``一面``, ``卷积相关``), outermost first."""
    number: str = ""
    """The note's own numbering of the question (``Q2.``, ``3、``, ``(1)``), shown, not matched."""
    preface: str = ""
    """Text before the first question of a group (``面试官是做检测的…``), shown above the answer."""
    postscript: str = ""
    """Notes to self and note sections (``TODO 刷完 hot100``, ``参考：…``) after the entry."""
    wordings: tuple[str, ...] = ()
    """Other wordings the note itself gives (an English twin under a Chinese question)."""
    rule: str = ""
    """The role rule that made this a question (``handbook explain``)."""
    inline_rule: str = ""
    """The rule that split an answer off the question's line, if any."""
    topic_hint: str = ""
    """A topic the author chose (``<!-- handbook: topic: detection -->`` or front matter)."""
    unanswered: bool = False
    """No answer, or only a placeholder (``TODO``, ``（待补充）``): shown as 待补充."""
    follows: str = ""
    """For a follow-up (``-- 追问…``), the question it follows (linked, not repeated, on the page)."""
    marker: str = ""
    """The note's own kind of block around the question (``[!question]`` callout), shown with its source."""

    @property
    def where(self) -> str:
        return f"{self.note.path}:{self.lines[0]}"


@dataclass(frozen=True, slots=True)
class Topic:
    """One category page of the taxonomy (``data/taxonomy.yaml``)."""

    slug: str
    title: str
    group: str
    group_title: str
    keywords: tuple[tuple[str, float], ...]
    description: str = ""

    @property
    def url(self) -> str:
        return f"{self.group}/{self.slug}/"


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """A field term with its aliases (Chinese, English, abbreviations) and home topic."""

    name: str
    aliases: tuple[str, ...]
    topic: str = ""
    umbrella: bool = False
    """So broad that whole topics sit under it (CNN): it votes, but is never a question's subject."""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Placed:
    """An entry with the topic the classifier chose and the glossary terms it mentions."""

    entry: Entry
    topic: str
    score: float
    terms: tuple[GlossaryTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class MergedEntry:
    """Entries that ask the same question (possibly in different notes), shown once."""

    anchor: str
    """Stable HTML id derived from the question text (not its position)."""
    question: str
    topic: str
    items: tuple[Placed, ...]
    terms: tuple[GlossaryTerm, ...] = field(default=())

    companies: tuple[str, ...] = ()
    """Where it was asked: company (and round) names, e.g. ``字节跳动 一面``."""

    @property
    def answered(self) -> bool:
        return any(p.entry.answer.strip() and not p.entry.unanswered for p in self.items)

    @property
    def asked(self) -> int:
        """被问 N 次: in how many notes the question appears."""
        return len({p.entry.note.path for p in self.items})
