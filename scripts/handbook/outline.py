"""A note as an outline: every line marked once, then nested into a tree of nodes.

    lines ──mark()──▶ one Mark per line (markers, indent; phrasing is read lazily)
          ──units()──▶ heads, content, opaque blocks, containers (callouts, <details>)
          ──nest()──▶ tree: headings by level, items by indent, content under the open head

The tree is *structure only*: which lines sit under which. Whether a node is a question,
an answer or a group title is decided afterwards by the role rules (:mod:`handbook.roles`),
which read this tree and never change it.

markdown-it-py supplies what must never be cut: fenced code, display math, tables and
raw HTML blocks, and which lines are headings (ATX, setext, ``<h2>``). Indented code is
off: indentation in notes is an outline (Typora, tab-indented 面经), not code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from markdown_it import MarkdownIt
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin

from .parse_rules import Mark, html_export, indent_of, mark, org_mode, transcript
from .parse_rules.answer_key import is_key_lead
from .parse_rules.inline_answer import first_listed, listed_questions, round_lead, split_list, term_definition
from .parse_rules.inline_answer import split as split_answer
from .parse_rules.interrogative import (
    Ask,
    ask,
    ends_with_question_mark,
    has_question_mark,
    is_link_line,
    is_meta_line,
    is_short_phrase,
    is_title_phrase,
    plain_text,
    section_label,
    width,
)
from .textfix import fold

NodeKind = Literal["root", "heading", "head", "content", "skip"]

LIST_SEPARATOR_END = re.compile(r"\s*[；;]\s*$")
LIST_ITEM_END = re.compile(r"[；;。]\s*$")
"""A line closed by ``；`` next to another closed by ``；`` or ``。``: an item of a list typed as lines."""
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I | re.S)
HTML_HEADING_LINE = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*(?P<rest>.*)$", re.I)
DETAILS_OPEN = re.compile(r"<details\b[^>]*>", re.I)
DETAILS_CLOSE = re.compile(r"</details\s*>", re.I)
SUMMARY = re.compile(r"<summary\b[^>]*>(?P<title>.*?)</summary>", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
OPAQUE_TOKENS = {"fence", "math_block", "math_block_label", "amsmath", "html_block", "table_open"}
QUOTE_LINE = re.compile(r"^\s*>")
CJK = re.compile(r"[\u4e00-\u9fff]")
QUOTE_PREFIX = re.compile(r"^\s*>\s?")
QUOTE_QUESTION = re.compile(
    r"^\s*(?:\*\*)?(?:思考题|思考|问题|提问|练习|小问题|想一想|Q)\s*\d*(?:\*\*)?"
    r"\s*[:：]\s*(?:\*\*)?\s*(?P<q>\S.*)$",
    re.I,
)
QUESTION_COLUMN = re.compile(r"^(?:面试|常见)?(?:问题|题目|题干|问|面试题|考点)(?:描述|名称)?$"
                             r"|^(?:q|question|questions?)$", re.I)
ANSWER_COLUMN = re.compile(r"^(?:参考|简要)?(?:答案|回答|答|解答|要点|思路|解析)(?:要点|思路|概要|摘要|简述)?$"
                           r"|^(?:a|answers?|key points?)$", re.I)
"""``| 题目 | 答案要点 | 频率 |``: a question bank's columns."""
NUMBER_COLUMN = re.compile(r"^(?:#|no\.?|序号|编号|题号)$", re.I)
CELL_SPLIT = re.compile(r"(?<!\\)\|")


def split_cells(line: str) -> list[str]:
    r"""The cells of a table row (``| a | b |``), escaped ``\|`` kept."""
    cells = CELL_SPLIT.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells
TOC_OPEN = re.compile(r"^\s*<!--\s*TOC\b.*-->\s*$", re.I)
TOC_CLOSE = re.compile(r"^\s*<!--\s*/TOC\s*-->\s*$", re.I)
TOC_HEADING = re.compile(r"^\s*(?:目录|目 录|文章目录|contents|table of contents|toc)\s*[:：]?\s*$", re.I)
TOC_ENTRY_MAX_CHARS = 40
MIN_TOC_ENTRIES = 2
ANCHOR_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s*\[[^\]]*\]\(#[^)]*\)\s*$")
KRAMDOWN_TOC_ITEM = re.compile(r"^\s*[*-]\s*(?:TOC|目录)\s*$", re.I)
# A question typed across two lines: the second line carries on the first ("…和 LN\n的差別？").
CONTINUATION_START = re.compile(r"^(?:的|和|与|及|或|还是|并|以及|而|、|，|,|or\b|and\b)", re.I)
PREDICATE_START = re.compile(r"^(?:有什么|有哪些|是什么|是否|分别|各自|区别|的区别|有何)")
"""``PyTorch 里 model.eval() 和 torch.no_grad()`` + blank + ``有什么区别？``: a question's predicate alone."""
PREDICATE_MAX_WIDTH = 16
OPEN_ENDING = re.compile(r"[，,、和与及或的]\s*$")
TERMINAL = re.compile(r"[?？。！!；;]\s*$")
CODE_LIKE = re.compile(r"[=(){}\[\];]|^\s*(?:def|return|for|if|import|class)\b")

BROKEN_MIN_WIDTH = 30
BROKEN_MAX_TAIL = 24
SELF_CONTAINED = frozenset({"explicit_marker", "dashes", "term_definition"})
"""Inline-answer rules whose line is a question and answer in one (never a continuation)."""
ANSWERED_BY_MARK = frozenset({"explicit_marker", "dashes"})
"""A question line that hands over to its answer with ``答：``, ``->`` or ``——`` is complete."""
HEADING_RANK = {level: float(level) for level in range(1, 7)}
BARE_NUMBER = re.compile(r"^\s*(?P<n>\d{1,2})\s+(?P<text>[^\d\s].*)$")
CHAPTER_LOOKAHEAD = 4
CARD = re.compile(r"^[^\t\s#][^\t]*\t")
CARD_WRAPPER = re.compile(r"</?(?:div|p|span|font)\b[^>]*>|<br\s*/?>", re.I)
"""Layout tags around an HTML card's front; inline ones (<sub>, <b>) are its text."""
MIN_CARDS = 3
MIN_QUOTED_QUESTIONS = 3
"""A note that sets this many questions off as quotes, each answered below it, asks in quotes."""
MAX_QUOTED_QUESTION_LINES = 3
FLASHCARD_SHARE = 0.6
DOTTED_INDENT = 2
PAGE_NUMBER = re.compile(r"^[-－—–~～·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-－—–~～·\s]*$"
                         r"|^page\s+\d+(?:\s+of\s+\d+)?$|^.{1,40}?\s{2,}第\s*\d{1,4}\s*页$", re.I)
"""``－ 2 －``, ``- 12 -``, ``第 3 页``, ``Page 4 of 9``, ``深度学习面试宝典      第 14 页``: a page's number."""
MIN_RUNNING_HEADERS = 3
RUNNING_HEADER_CHARS = (4, 40)
MARKUP_START = re.compile(r"^(?:[#>|*+\-`$<!]|\d+[.、．)）])")
"""Columns a level of dotted numbering (``1.1``, ``1.1.1``) counts as when nesting."""
NEVER_TITLES = frozenset({"post_header", "speaker_comment"})
"""``[2023-08-12 14:20] 路过的炼丹师：``: who wrote what follows, not a title over it."""
MAX_NESTING_INDENT = 40
"""Columns: ~20 levels of Typora's 2-space lists, ~10 of 4-space ones; deeper lines are siblings."""
CHAPTER_RANK = 6.5
"""``一、传统机器学习`` / ``第二章``: a chapter line without ``#`` ranks just below headings."""
BOLD_TITLE_RANK = 7.0
FRAMED_RANK = 7.5
"""``---- Anchor-free 目标检测 ----``: dash-framed group lines of plain-text notes."""
PLAIN_TITLE_RANK = 8.0
"""``扩展问题`` / ``分割：``: a short line that titles what follows it."""


@dataclass(eq=False)
class Node:
    """One node of a note's outline; ``lines`` are the node's own lines (0-based, half-open)."""

    kind: NodeKind
    start: int
    end: int
    mark: Mark | None = None
    indent: int = 0
    rank: float = 0.0
    """Headings and group-like lines outrank each other (lower = higher); 0 for other nodes."""
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    text: str = ""
    """A head's text without markers (multi-line heads joined); empty for content."""
    blank_before: bool = False
    container: str = ""
    """``callout`` / ``details`` / ``quote``: the node's lines hold a whole block."""
    directive: str = ""
    """An author's ``<!-- handbook: … -->`` on the line before."""
    continuation: tuple[int, ...] = ()
    """Lines (0-based) of a head typed across several lines."""
    inline: str = ""
    """An answer given beside the question (a table's answer cell, a flashcard's back)."""
    lines_text: tuple[str, ...] = ()
    """The raw lines of a quote node (read by the rule that finds restated questions)."""

    @property
    def lines(self) -> range:
        return range(self.start, self.end)

    @property
    def signature(self) -> str:
        if self.kind == "heading":
            return f"h{self.mark.level if self.mark else 0}"
        return self.mark.signature if self.mark else self.kind

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def ask(self) -> Ask:
        """How the node's text asks, judged on the part before an answer typed on its line
        (``虚函数的实现原理——每个含虚函数的类…`` asks like ``虚函数的实现原理``)."""
        return ask(split_answer(self.text)[0]) if self.text else Ask.NONE

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.kind}, L{self.start + 1}-{self.end}, {self.text[:30]!r}, {len(self.children)} children)"


@cache
def block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    # notes write `$$` right under a sentence ("…利用下式：\n$$"); without a blank line the plugin
    # reads it as text while amsmath still takes a `\begin{align}` inside it, and the closing `$$`
    # then opens a block that swallows the rest of the note. A `$$` line may interrupt a paragraph.
    math_block = next(rule.fn for rule in md.block.ruler.__rules__ if rule.name == "math_block")
    md.block.ruler.at("math_block", math_block, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.use(amsmath_plugin)
    md.disable("code")
    md.disable("inline")  # block structure only: inline parsing is the renderer's job
    return md


@dataclass
class Blocks:
    """What markdown-it says about each line of a note."""

    opaque_end: dict[int, int]
    """start line → end line (exclusive) of fenced code, math, tables and HTML blocks."""
    headings: dict[int, tuple[int, int, str]]
    """start line → (end line, level, title) of Markdown headings."""
    unclosed: list[int]
    """Lines of code fences that never close (read as text; see :func:`scan`)."""
    tables: set[int] = field(default_factory=set)
    """Start lines of tables (a question bank may be one)."""


def unclosed_fence(lines: list[str], tokens) -> int | None:
    """Line index of a fence that runs to the end of the note without closing."""
    content_lines = len("\n".join(lines).rstrip("\n").split("\n"))
    for tok in tokens:
        if tok.type == "fence" and tok.map and tok.map[1] >= content_lines:
            last = lines[tok.map[1] - 1].strip() if tok.map[1] - 1 > tok.map[0] else ""
            if not (last.startswith(tok.markup) and last.strip(tok.markup[0]) == ""):
                return tok.map[0]
    return None


def scan(lines: list[str]) -> Blocks:
    """Find opaque blocks and headings. A fence that never closes would swallow the rest of
    the note: its opening line is taken out and the rest parsed again (the caller decides
    where its code ends)."""
    neutral = list(lines)
    unclosed: list[int] = []
    while True:
        tokens = block_parser().parse("\n".join(neutral))
        at = unclosed_fence(neutral, tokens)
        if at is None:
            break
        unclosed.append(at)
        neutral[at] = ""
    opaque: dict[int, int] = {}
    headings: dict[int, tuple[int, int, str]] = {}
    tables: set[int] = set()
    for i, tok in enumerate(tokens):
        if not tok.map or tok.level > 0 and tok.type != "html_block":
            continue  # blocks nested in lists or quotes are handled with their container
        start, end = tok.map
        if tok.type == "heading_open":
            if tok.markup in ("=", "-") and end - start > 2:
                continue  # "两行文字\n---": in notes a rule under a paragraph, not a two-line heading
            headings[start] = (end, int(tok.tag[1]), tokens[i + 1].content.strip())
        elif tok.type == "html_block" and (m := HTML_HEADING.match(tok.content)):
            headings[start] = (end, int(m.group(1)), TAG.sub("", m.group(2)).strip())
        elif tok.type in OPAQUE_TOKENS and start not in opaque:
            opaque[start] = end
            if tok.type == "table_open":
                tables.add(start)
        elif tok.type == "code_block" and not CJK.search(tok.content) and start not in opaque:
            opaque[start] = end  # "    0.1428…" under "Out[6]:": output; indented Chinese is an outline
    # fences and math nested in list items are opaque too (but not inside quotes: callouts)
    for tok in tokens:
        if tok.map and tok.level > 0 and tok.type in ("fence", "math_block", "amsmath", "table_open"):
            start, end = tok.map
            if not QUOTE_LINE.match(lines[start]) and not any(s <= start < e for s, e in opaque.items()):
                opaque[start] = end
    return Blocks(opaque, headings, sorted(unclosed), tables)


# -- units: one head, content line, block or container at a time -------------------------

@dataclass
class Unit:
    kind: NodeKind
    start: int
    end: int
    mark: Mark | None = None
    text: str = ""
    container: str = ""
    level: int = 0
    blank: bool = False
    """A blank line comes right before this unit."""
    inline: str = ""
    """An answer given beside the question (a table's answer cell, a flashcard's back)."""


def _ends_a_lead_in(top: Node, item: Node) -> bool:
    """``**1.1 什么是 mAP？**``, ``VOC 与 COCO 的差异如下：`` and its table, then ``**1.2 …**``: an
    item numbered like the one before the lead-in line is that item's sibling, not a point of it."""
    if top.kind != "head" or not top.rank or top.mark is None or top.mark.kind != "plain" or top.parent is None:
        return False
    if not plain_text(top.text).rstrip().endswith((":", "：")):
        return False
    earlier = [c for c in top.parent.children if c is not top and c.mark is not None and c.mark.kind == "item"]
    question = top.parent
    if not earlier and question.mark is not None and question.mark.kind == "item":
        earlier = [question]  # "**2. 残差为什么有效？**", "可以从两个角度理解：" and its points, "**3. …**"
    m = item.mark
    return bool(earlier) and (earlier[-1].mark.family, earlier[-1].mark.bold) == (m.family, m.bold) and (
        earlier[-1].indent == item.indent)


def head_like(m: Mark) -> bool:
    """Could this plain line head an entry or a group (rather than continue a paragraph)?
    It asks, is short, lists questions (``1.…，2.…3.…``, ``A；B；C``) or defines a term (``BatchNorm: …``)."""
    question, _answer, rule = split_answer(m.text)
    if rule in SELF_CONTAINED and is_short_phrase(question):
        return True  # "DeepLab v3+ 的 ASPP 模块=：1x1 卷积、…": a card, question and answer on one line
    return (ask(question) >= Ask.WEAK or is_short_phrase(m.text) or bool(split_list(m.text))
            or term_definition(m.text) is not None or section_label(m.text) is not None
            or listed_questions(m.text, first=None, told=True) is not None or is_meta_line(m.text)
            or first_listed(m.text) is not None or round_lead(m.text) is not None)


class Reader:
    """Turns a note's lines into :class:`Unit` values, then nests them (:meth:`tree`)."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.blocks = scan(lines)
        self.marks: dict[int, Mark] = {}
        self.turns = transcript.read_turns(lines)
        """Line → role in a speech-to-text export (``说话人 1 00:04:15`` headers)."""
        self.code_ends: dict[int, int] = {}
        cards = sum(1 for ln in lines if CARD.match(ln))
        content = sum(1 for ln in lines if ln.strip() and not ln.startswith("#"))
        self.flashcards = cards >= MIN_CARDS and cards >= FLASHCARD_SHARE * content
        """Most lines are ``front<TAB>back``: the note is a flashcard export."""
        if self.flashcards:  # a card with HTML (Anki's `#html:true`) is one card, not a block over the next ones
            for start in [s for s in self.blocks.opaque_end if CARD.match(lines[s])]:
                del self.blocks.opaque_end[start]
        self.notes: list[tuple[int, str]] = []
        """(0-based line, message) about what was skipped, reported as ``file:line: info``."""
        headers = [i for i, role in self.turns.items() if role == transcript.HEADER]
        if headers:
            self.notes.append((min(headers), f"{len(headers)} speaker-and-time lines of a transcript export "
                                             "left out of the entries (the source page keeps them)"))
        self.callout_body: set[int] = set()
        self.quoted_question: set[int] = set()
        self.details: set[int] = set()
        self.heading_rest: set[int] = set()
        for at in self.blocks.unclosed:
            self.code_ends[at] = self.unclosed_code_end(at)
        quoted = self.quotes_answered_below()
        self.quote_questions: set[int] = set(quoted) if len(quoted) >= MIN_QUOTED_QUESTIONS else set()
        """Starts of ``> 问题？`` quotes answered by the unquoted text below them."""

    def mark_of(self, i: int) -> Mark:
        if i not in self.marks:
            found = mark(self.lines[i])
            if i in self.turns and (turn := transcript.turn_mark(self.lines[i], self.turns[i])) is not None:
                found = turn
            if found.kind == "plain" and (chapter := self.chapter_number(i)) is not None:
                found = chapter
            elif found.kind == "plain" and self.in_semicolon_list(i):
                found = Mark(**{**_fields(found), "text": LIST_ITEM_END.sub("", found.text).rstrip()})
            self.marks[i] = found
        return self.marks[i]

    def chapter_number(self, i: int) -> Mark | None:
        """``1 卷积神经网络`` over ``1.1 为什么用小卷积核？``: a bare number is a chapter's number
        when dotted numbers under it continue it."""
        m = BARE_NUMBER.match(self.lines[i])
        if not m:
            return None
        below = next((ln for ln in self.lines[i + 1:i + CHAPTER_LOOKAHEAD] if ln.strip()), "")
        if not re.match(rf"^\s*{m.group('n')}\.\d", below):
            return None
        return Mark(kind="item", text=m.group("text").strip(), rule="chapter_number", family="N",
                    number=int(m.group("n")), prefix=m.group("n"), indent=indent_of(self.lines[i]))

    def in_semicolon_list(self, i: int) -> bool:
        """``LN 和 BN 的区别；`` then ``感受野的计算公式；``: a 面经 typing one question per line,
        each closed by ``；``, lists them; the ``；`` separates items, it does not end a sentence."""
        def ends(j: int, pattern: re.Pattern) -> bool:  # the cheap test first: most lines end otherwise
            return (0 <= j < len(self.lines) and bool(pattern.search(self.lines[j]))
                    and mark(self.lines[j]).kind == "plain")

        line = self.lines[i]  # line i is plain already (the caller marked it)
        if LIST_SEPARATOR_END.search(line):
            return ends(i - 1, LIST_ITEM_END) or ends(i + 1, LIST_ITEM_END)
        return bool(LIST_ITEM_END.search(line)) and ends(i - 1, LIST_SEPARATOR_END)  # the last item, closed by "。"

    def is_flashcard(self, i: int) -> bool:
        """``问题<TAB>答案<TAB>标签``: a card of a flashcard export (Anki's plain-text notes)."""
        return self.flashcards and bool(CARD.match(self.lines[i]))

    # -- unclosed fences ------------------------------------------------------------
    def unclosed_code_end(self, start: int) -> int:
        """Where the code of a fence that never closes really ends: before the first line,
        after a blank one, that is plainly not code (a heading, a numbered or ``Q:`` line, or
        Chinese prose); at the end of the note otherwise."""
        for i in range(start + 1, len(self.lines)):
            line = self.lines[i]
            if not line.strip() or i == start + 1 or self.lines[i - 1].strip():
                continue
            if i in self.blocks.headings:
                level = self.blocks.headings[i][1]
                title = self.blocks.headings[i][2]
                if level >= 2 or not re.match(r"^[\x00-\x7f]*$", title):
                    return i
            m = mark(line)
            numbered = m.kind == "item" and m.family in ("N", "(1)", "一、") and indent_of(line) == 0
            if (m.kind == "qa_q" or numbered) and not CODE_LIKE.search(m.text):
                return i
            if m.kind == "plain" and indent_of(line) == 0 and re.search(r"[\u4e00-\u9fff]{4}", line) and not (
                line.lstrip().startswith(("#", "//"))
            ):
                return i
        return len(self.lines)

    # -- units ---------------------------------------------------------------------
    def units(self) -> list[Unit]:
        return self.skip_page_furniture(self.skip_tables_of_contents(self.read_units()))

    def skip_page_furniture(self, units: list[Unit]) -> list[Unit]:
        """Text copied out of a PDF keeps its pages' furniture: ``－ 2 －`` page numbers and the
        book's title repeated as a running header. Single lines of that kind are skipped, noted once."""
        counts = Counter(self.lines[u.start].strip() for u in units if u.end - u.start == 1 and u.kind != "skip")
        repeated = {t for t, c in counts.items() if c >= MIN_RUNNING_HEADERS and RUNNING_HEADER_CHARS[0] <= len(t)
                    <= RUNNING_HEADER_CHARS[1] and not has_question_mark(t) and not MARKUP_START.match(t)}
        if not any(PAGE_NUMBER.match(self.lines[u.start].strip()) for u in units if u.kind != "skip"):
            repeated = set()  # a repeated "代码如下：" is no running header in a note without pages
        out: list[Unit] = []
        skipped = []
        for u in units:
            text = self.lines[u.start].strip()
            if u.kind != "skip" and u.end - u.start == 1 and (PAGE_NUMBER.match(text) or text in repeated):
                out.append(Unit("skip", u.start, u.end, mark=Mark("rule", "", rule="page_furniture")))
                skipped.append(u.start)
                continue
            out.append(u)
        if len(skipped) >= MIN_RUNNING_HEADERS:
            self.notes.append((skipped[0], f"{len(skipped)} page numbers and running headers of a PDF copy skipped"))
        elif skipped:
            out = units  # one stray number is not a page's furniture
        return out

    def skip_tables_of_contents(self, units: list[Unit]) -> list[Unit]:
        """``<!-- TOC -->…<!-- /TOC -->``, ``* TOC`` + ``{:toc}``, and ``## 目录`` over nothing but
        links to ``#anchors``: generated or hand-made tables of contents (the site has its own)."""
        out: list[Unit] = []
        k = 0
        while k < len(units):
            unit = units[k]
            first = self.lines[unit.start]
            if TOC_OPEN.match(first):
                close = next((j for j in range(k + 1, len(units)) if TOC_CLOSE.match(self.lines[units[j].start])), None)
                if close is not None:
                    self.notes.append((unit.start, f"generated table of contents (lines {unit.start + 1}-"
                                                   f"{units[close].end}) skipped: the site has its own"))
                    out.extend(Unit("skip", u.start, u.end, mark=Mark("toc", "", rule="table_of_contents"))
                               for u in units[k:close + 1])
                    k = close + 1
                    continue
            if (unit.kind == "heading" and TOC_HEADING.match(unit.text)) or (
                    unit.kind == "head" and TOC_HEADING.match(plain_text(self.lines[unit.start]))):  # "**文章目录**"
                j = k + 1
                while j < len(units) and (units[j].container == "blank" or ANCHOR_LINK_ITEM.match(
                        self.lines[units[j].start])):
                    j += 1
                links = [u for u in units[k + 1:j] if u.container != "blank"]
                if links and (j == len(units) or units[j].kind in ("heading", "skip")):  # "---" may end it
                    self.notes.append((unit.start, f"hand-made table of contents ({len(links)} links) skipped: "
                                                   "the site has its own"))
                    out.extend(Unit("skip", u.start, u.end, mark=Mark("toc", "", rule="table_of_contents"))
                               for u in units[k:j])
                    k = j
                    continue
            if unit.kind == "head" and TOC_HEADING.match(self.lines[unit.start]) and (
                    entries := self.plain_toc_entries(units, k)):
                self.notes.append((unit.start, f"table of contents ({entries} lines) skipped: the site has its own"))
                out.extend(Unit("skip", u.start, u.end, mark=Mark("toc", "", rule="table_of_contents"))
                           for u in units[k:k + entries + 1])
                k += entries + 1
                continue
            if unit.mark is not None and unit.mark.kind == "toc" and out and KRAMDOWN_TOC_ITEM.match(
                    self.lines[out[-1].start]):
                out[-1] = Unit("skip", out[-1].start, out[-1].end, mark=Mark("toc", "", rule="table_of_contents"))
            out.append(unit)
            k += 1
        return out

    def read_units(self) -> list[Unit]:
        out: list[Unit] = []
        i, n = 0, len(self.lines)
        while i < n:
            line = self.lines[i]
            if i in self.code_ends:  # a fence that never closes: code up to where it really ends
                out.append(Unit("content", i, self.code_ends[i], container="unclosed_fence"))
                i = self.code_ends[i]
                continue
            if self.mark_of(i).kind in ("directive", "toc"):  # "<!-- handbook: … -->" is not an HTML block here
                out.extend(self.text_units(i, i + 1))
                i += 1
                continue
            if QUOTE_LINE.match(line):
                out.extend(self.quote_units(i))
                i = out[-1].end
                continue
            if DETAILS_OPEN.search(line) and (details := self.details_at(i)) is not None:
                out.extend(details)
                i = max(u.end for u in details)
                continue
            if i in self.blocks.headings:
                end, level, title = self.blocks.headings[i]
                out.append(Unit("heading", i, end, text=title, level=level))
                i = end
                continue
            if i in self.blocks.tables and (rows := self.table_units(i, self.blocks.opaque_end[i])):
                out.extend(rows)
                i = self.blocks.opaque_end[i]
                continue
            if i in self.blocks.opaque_end:
                end = self.blocks.opaque_end[i]
                if any(HTML_HEADING_LINE.match(self.lines[j]) for j in range(i, end)):
                    # "<h2 id=…>1. 问题</h2>" with its answer right below, no blank line between
                    out.extend(self.html_units(i, end))
                    i = end
                    continue
                out.append(Unit("content", i, end, container="block"))
                i = end
                continue
            out.extend(self.text_units(i, i + 1))
            i += 1
        return out

    def html_units(self, start: int, end: int) -> list[Unit]:
        """An HTML block that holds headings, read line by line: ``<h2>``/``<h3>`` lines are
        headings, the lines between them text (``<p><b>答案：</b>…</p>``)."""
        out: list[Unit] = []
        for j in range(start, end):
            m = HTML_HEADING_LINE.match(self.lines[j])
            if not m:
                out.extend(self.text_units(j, j + 1))
                continue
            out.append(Unit("heading", j, j + 1, text=TAG.sub("", m.group(2)).strip(), level=int(m.group(1))))
            if m.group("rest").strip():
                out.append(Unit("content", j, j + 1, container="html_rest"))
                self.heading_rest.add(j)
        return out

    def plain_toc_entries(self, units: list[Unit], k: int) -> int:
        """``文章目录`` then ``前言`` ``一、两阶段与单阶段`` … (a blog copy's TOC, without links): how
        many lines follow that each come back later as a line of the note; 0 if it is no TOC."""
        count = 0
        for unit in units[k + 1:]:
            text = self.lines[unit.start].strip()
            if unit.container == "blank" or not text:
                break
            if unit.end - unit.start != 1 or len(text) > TOC_ENTRY_MAX_CHARS:
                return 0
            name = text.lstrip("#").strip()
            if not any(ln.strip().lstrip("#").strip() == name for ln in self.lines[unit.end:]):
                return 0
            count += 1
        return count if count >= MIN_TOC_ENTRIES else 0

    def table_units(self, start: int, end: int) -> list[Unit]:
        """``| 问题 | 答案 |`` tables: each row a question with its answer cell (empty: none)."""
        header = split_cells(self.lines[start])
        names = [fold(plain_text(c)).strip() for c in header]  # "| 問題 | 答案 |" reads as "| 问题 | 答案 |"
        q_col = next((k for k, c in enumerate(names) if QUESTION_COLUMN.match(c)), None)
        a_cols = [k for k, c in enumerate(names) if ANSWER_COLUMN.match(c)]
        if q_col is None or not a_cols:
            return []
        n_col = next((k for k, c in enumerate(names) if NUMBER_COLUMN.match(c)), None)
        # "| 出处 |", "| 难度 |": other columns are kept with the answer, labelled by their header
        extra = [k for k in range(len(header)) if k != q_col and k != n_col and k not in a_cols]
        units = [Unit("skip", start, start + 2, mark=Mark("property", "", rule="table_header", label="table"))]
        for row in range(start + 2, end):
            cells = split_cells(self.lines[row])
            if q_col >= len(cells) or not plain_text(cells[q_col]):
                units.append(Unit("content", row, row + 1, container="table_row"))
                continue
            question = cells[q_col].strip()
            answer = "<br>".join(cells[k].strip() for k in a_cols if k < len(cells) and cells[k].strip())
            number = cells[n_col].strip() if n_col is not None and n_col < len(cells) else ""
            told = [f"{header[k].strip()}：{cells[k].strip()}" for k in extra if k < len(cells) and cells[k].strip()]
            cell = Mark(kind="qa_q", text=question, rule="table_row", family="row", prefix=number,
                        label="" if answer else "no_answer")
            answer = "<br>".join(filter(None, [answer, *told]))
            units.append(Unit("head", row, row + 1, mark=cell, text=question, inline=answer, container="table_row"))
        return units

    def is_heading_line(self, i: int) -> bool:
        return self.mark_of(i).kind == "heading" or any(s <= i < e for s, (e, _, _) in self.blocks.headings.items())

    def quotes_answered_below(self) -> list[int]:
        """``> 多头注意力里每个头的维度为什么取 d_model / h？`` then the answer, unquoted: quotes
        of a few lines that ask, with a plain line after them and no heading right above (under
        a heading, a quote restates the heading's question)."""
        out = []
        i, n = 0, len(self.lines)
        while i < n:
            if not QUOTE_LINE.match(self.lines[i]):
                i += 1
                continue
            end = i + 1
            while end < n and QUOTE_LINE.match(self.lines[end]):
                end += 1
            text = " ".join(QUOTE_PREFIX.sub("", ln).strip() for ln in self.lines[i:end])
            before = next((j for j in range(i - 1, -1, -1) if self.lines[j].strip()), None)
            after = next((j for j in range(end, n) if self.lines[j].strip()), None)
            if (end - i <= MAX_QUOTED_QUESTION_LINES and ask(text) >= Ask.STRONG
                    and after is not None and not QUOTE_LINE.match(self.lines[after])
                    and not self.is_heading_line(after)
                    and (before is None or not self.is_heading_line(before))):
                out.append(i)
            i = end
        return out

    def quote_units(self, start: int) -> list[Unit]:
        """A run of ``>`` lines: one quote; a callout (its title line heads its body); or a
        question set off as a quote (``> **思考题**：为什么…？``), its answer the rest of the quote."""
        end = start + 1
        while end < len(self.lines) and QUOTE_LINE.match(self.lines[end]):
            end += 1
        m = self.mark_of(start)
        first = QUOTE_PREFIX.sub("", self.lines[start], count=1)
        if m.kind != "callout" and (q := QUOTE_QUESTION.match(first)) and ask(q.group("q")) >= Ask.WEAK:
            head = Mark(kind="qa_q", text=q.group("q").strip(), rule="quoted_question", family="Q")
            units = [Unit("head", start, start + 1, mark=head, text=head.text, container="quote_question")]
            self.quoted_question.add(start)
            if end > start + 1:
                units.append(Unit("content", start + 1, end, container="callout_body"))
                self.callout_body.update(range(start + 1, end))
            return units
        if m.kind != "callout" and start in self.quote_questions:
            text = " ".join(QUOTE_PREFIX.sub("", ln).strip() for ln in self.lines[start:end])
            head = Mark(kind="qa_q", text=text, rule="quote_answered_below", family="quote")
            self.quoted_question.add(start)
            return [Unit("head", start, end, mark=head, text=text, container="quote_question")]
        if m.kind != "callout":
            return [Unit("content", start, end, mark=m, container="quote")]
        units = [Unit("head", start, start + 1, mark=m, text=m.text, container="callout")]
        if end > start + 1:
            units.append(Unit("content", start + 1, end, container="callout_body"))
            self.callout_body.update(range(start + 1, end))
        return units

    def text_units(self, start: int, end: int) -> list[Unit]:
        units = []
        for i in range(start, end):
            m = self.mark_of(i)
            if m.kind in ("callout", "quote"):  # a quote line among other lines (e.g. after an HTML heading)
                m = Mark(kind="quote", text=m.text, rule="quote", indent=m.indent)
            if m.kind == "blank":
                units.append(Unit("content", i, i + 1, mark=m, container="blank"))
            elif m.kind in ("property", "toc", "rule", "directive"):
                units.append(Unit("skip", i, i + 1, mark=m))
            elif m.kind == "heading":
                units.append(Unit("heading", i, i + 1, mark=m, text=m.text, level=m.level))
            elif self.is_flashcard(i):
                front, back = self.lines[i].split("\t")[:2]
                front = CARD_WRAPPER.sub(" ", front)  # Anki's `#html:true` cards: <div>问题</div>
                card = Mark(kind="qa_q", text=front.strip(), rule="flashcard", family="card")
                units.append(Unit("head", i, i + 1, mark=card, text=front.strip(), inline=back.strip()))
            elif m.kind in ("item", "qa_q", "bold", "callout") or (
                m.kind == "plain" and m.rule != "speaker_comment" and head_like(m) and not is_link_line(m.text)
            ):
                units.append(Unit("head", i, i + 1, mark=m, text=m.text))
            else:  # qa_a, label, quote, image, long plain lines
                units.append(Unit("content", i, i + 1, mark=m))
        return units

    def details_at(self, start: int) -> list[Unit] | None:
        """``<details><summary>问题</summary>答案</details>``: the summary is the question."""
        depth, end = 0, None
        for j in range(start, len(self.lines)):
            depth += len(DETAILS_OPEN.findall(self.lines[j])) - len(DETAILS_CLOSE.findall(self.lines[j]))
            if depth <= 0:
                end = j + 1
                break
        if end is None:
            return None
        region = "\n".join(self.lines[start:end])
        m = SUMMARY.search(region)
        if m is None:
            return None
        title = " ".join(TAG.sub("", m.group("title")).split())
        summary_line = start + region[: m.start()].count("\n")
        marked = mark(title)
        head_mark = marked if marked.kind in ("item", "qa_q") else Mark(kind="plain", text=title, rule="details")
        units = [Unit("head", summary_line, summary_line + 1, mark=head_mark, text=head_mark.text or title,
                      container="details")]
        body = [j for j in range(start, end) if j != summary_line]
        self.details.update(range(start, end))
        if end - start == 1 or region.count("\n") == region[: m.end()].count("\n"):
            # one line "<details><summary>Q</summary>A</details>": the answer shares the line
            units.append(Unit("content", summary_line, summary_line + 1, container="details_rest"))
        for j in body:
            units.append(Unit("content", j, j + 1, container="details_body"))
        return units

    def in_callout_body(self, i: int) -> bool:
        return i in self.callout_body

    def in_details(self, i: int) -> bool:
        return i in self.details

    def heading_with_rest(self, i: int) -> bool:
        return i in self.heading_rest

    # -- nesting ---------------------------------------------------------------------
    def section_rank(self, unit: Unit, following: list[Unit]) -> float:
        """Rank of a head that titles the lines after it at its own indent (0: it does not).

        ``一、传统机器学习``, ``**思路一**``, ``--- code 编程 ---``, ``分割：``, or a short line
        followed by questions of another kind (``扩展问题`` then ``1、…``)."""
        m = unit.mark
        if m is None or ask(unit.text) >= Ask.STRONG or m.rule in NEVER_TITLES or is_meta_line(unit.text):
            return 0.0  # "面试时长：50min" describes the note; it titles nothing
        if m.kind == "item" and m.family == "framed":
            return FRAMED_RANK
        chapter_like = m.family in ("一、", "第1章") or m.rule == "chapter_number"
        if m.kind == "item" and chapter_like and is_short_phrase(unit.text):
            return CHAPTER_RANK
        if m.kind == "bold":
            return BOLD_TITLE_RANK
        if m.level:
            return 0.0  # a Logseq heading block nests by indent like any block
        titled = is_title_phrase(unit.text)
        if m.kind == "plain" and is_key_lead(unit.text):
            return 0.0  # "二面的答案：": the keyed answers below it are read beside the questions they answer
        if m.kind == "plain" and section_label(unit.text) is not None:
            return PLAIN_TITLE_RANK  # "Weighted Gaussian 部分： …" over the paragraphs after it
        if titled and unit.text.rstrip().endswith(("：", ":")):
            return PLAIN_TITLE_RANK
        if m.kind == "plain" and titled:
            nxt = next((u for u in following if u.container != "blank" and u.kind != "skip"), None)
            if nxt is not None and nxt.kind == "head" and nxt.mark is not None:
                # a deeper next line nests by its indent; a title over lines of its own indent needs a rank
                same_indent = indent_of(self.lines[nxt.start]) == m.indent
                if same_indent and nxt.mark.signature != m.signature:
                    return PLAIN_TITLE_RANK
            if nxt is not None and nxt.kind == "content" and unit.blank and following[0].container == "blank":
                return PLAIN_TITLE_RANK  # "CNN不适用的场景" between blank lines, over its paragraphs
        return 0.0

    def tree(self) -> Node:
        root = Node("root", 0, 0, rank=0.0)
        stack: list[Node] = [root]
        units = self.units()
        blank_before = True
        directive = ""
        skip_next = 0
        for k, unit in enumerate(units):
            unit.blank = blank_before
            if skip_next:
                skip_next -= 1
                continue
            if unit.container == "blank":
                blank_before = True
                continue
            if unit.kind == "skip":
                node = Node("skip", unit.start, unit.end, mark=unit.mark)
                stack[-1].children.append(node)
                node.parent = stack[-1]
                if unit.mark is not None and unit.mark.kind == "directive":
                    directive = unit.mark.text
                continue
            # an outline nested deeper than MAX_NESTING_INDENT is read at that depth (the tree stays shallow)
            indent = min(indent_of(self.lines[unit.start]), MAX_NESTING_INDENT) if unit.mark is not None else 0
            if unit.kind == "head":
                self.prepare_head(unit, stack)
            if unit.kind == "heading":
                level = unit.level
                while len(stack) > 1 and not (stack[-1].kind == "heading" and stack[-1].rank < level):
                    stack.pop()
                heading_mark = heading_mark_of(unit.text, level)
                node = Node("heading", unit.start, unit.end, mark=heading_mark, rank=HEADING_RANK[level],
                            text=heading_mark.text)
                skip_next = self.join_continuation(node, units, k)  # "## 为什么用 warmup，" + "以及…？"
            elif unit.kind == "head":
                rank = 0.0 if self.inside_question(stack, unit) else self.section_rank(unit, units[k + 1 : k + 4])
                dotted = self.dotted_depth(unit)
                if not dotted and not rank and unit.mark is not None and unit.mark.family != "N":
                    indent = self.under_dotted(stack, indent, 1)
                node = Node("head", unit.start, unit.end, mark=unit.mark, indent=indent + dotted,
                            rank=rank, text=unit.text, container=unit.container, inline=unit.inline)
                self.pop_for_head(stack, node)
                skip_next = self.join_continuation(node, units, k)
            else:
                indent = self.under_dotted(stack, indent, 0)
                node = Node("content", unit.start, unit.end, mark=unit.mark, indent=indent,
                            container=unit.container,
                            lines_text=tuple(self.lines[unit.start:unit.end]) if unit.container == "quote" else ())
                if unit.container not in ("callout_body", "details_body", "details_rest", "html_rest"):
                    self.pop_for_content(stack, node)
            node.blank_before = blank_before
            node.directive, directive = directive, ""
            blank_before = False
            parent = stack[-1]
            parent.children.append(node)
            node.parent = parent
            if node.kind in ("heading", "head"):
                stack.append(node)
        return root

    @staticmethod
    def under_dotted(stack: list[Node], indent: int, deeper: int) -> int:
        """``**1.1 Dropout 为什么有效？**`` (nested as if indented) then its answer's ``（1）…`` points
        and paragraphs at the margin: they are under it, not beside it (so ``**1.2 …**`` is its sibling)."""
        open_dotted = next((n for n in reversed(stack) if n.kind == "head" and n.mark is not None
                            and n.mark.family.startswith("1.2/")), None)
        return max(indent, open_dotted.indent + deeper) if open_dotted is not None else indent

    @staticmethod
    def dotted_depth(unit: Unit) -> int:
        """``1.1 问题`` under ``1 章``, ``1.1.1 要点`` under ``1.1``: dotted numbers nest as if indented."""
        m = unit.mark
        if m is None or not m.family.startswith("1.2/"):
            return 0
        return int(m.family.split("/")[1]) * DOTTED_INDENT

    def inside_question(self, stack: list[Node], unit: Unit) -> bool:
        """Right under a head that asks, a line like ``缓解方法：`` leads into its answer; it titles
        no group. After a blank line at the question's own indent it may (``coding: 一面``)."""
        top = stack[-1]
        if top.kind not in ("head", "heading") or top.ask < Ask.STRONG or unit.mark is None:
            return False
        if unit.mark.kind != "plain":
            return False  # "二、池化", "**思路二**", "--- 场景题 ---" still title groups
        return not unit.blank or top.kind == "heading" or indent_of(self.lines[unit.start]) > top.indent

    def prepare_head(self, unit: Unit, stack: list[Node]) -> None:
        """Callout and ``<summary>`` titles carry numbering (``Q1: …``); a short plain line
        after an answer has started is more of that answer (:meth:`lazy_content`)."""
        if unit.container in ("callout", "details"):
            inner = mark(unit.text)
            if inner.kind in ("item", "qa_q") and inner.text and unit.mark is not None:
                unit.text = inner.text
                unit.mark = Mark(**{**_fields(unit.mark), "family": inner.family, "number": inner.number,
                                    "prefix": inner.prefix})
        elif self.lazy_content(unit, stack):
            unit.kind = "content"

    def lazy_content(self, unit: Unit, stack: list[Node]) -> bool:
        """A short plain line after an answer has started is more of that answer
        (``下图是高通滤波器`` under a question already answered), unless it asks."""
        m = unit.mark
        if m is None or m.kind != "plain":
            return False
        question, _answer, rule = split_answer(unit.text)
        if ask(question) >= Ask.WEAK or rule in SELF_CONTAINED:
            return False  # "DeepLab v3+ 的 ASPP 模块=：…" carries its own answer
        if unit.blank and is_title_phrase(unit.text):
            return False  # "‹腾讯-一面(2018)›" after a blank line titles what follows
        top = stack[-1]
        return top.kind == "head" and not top.rank and top.indent <= m.indent and has_content_child(top)

    @staticmethod
    def pop_for_head(stack: list[Node], node: Node) -> None:
        """Close what a new head ends: deeper or same-indent items; groups it outranks. An
        explicit question (``Q:``, a ``<summary>``, a question callout) stands at the question
        level, so it also closes group-like lines (an answer's ``缓解方法：``)."""
        m = node.mark
        explicit = m is not None and (m.kind == "qa_q" or node.container in ("details", "callout"))
        numbered_item = m is not None and m.kind == "item" and bool(m.number)
        while len(stack) > 1:
            top = stack[-1]
            if numbered_item and _ends_a_lead_in(top, node):
                stack.pop()  # (a lead-in may be under the points it led into by now)
                continue
            if top.kind == "heading":
                if node.rank and top.rank >= node.rank:
                    stack.pop()
                    continue
                break
            if top.rank:  # a group-like line: holds the heads at its own indent
                if node.indent < top.indent or (node.rank and node.rank <= top.rank) or explicit:
                    stack.pop()
                    continue
                break
            if top.indent >= node.indent:
                stack.pop()
                continue
            break

    @staticmethod
    def pop_for_content(stack: list[Node], node: Node) -> None:
        """A content line belongs to the deepest open head at or left of its indent."""
        while len(stack) > 1 and stack[-1].kind == "head" and not stack[-1].rank and (
            stack[-1].indent > node.indent or is_meta_line(stack[-1].text)  # "标签：#检测" holds nothing
        ):
            stack.pop()

    def broken_paragraph(self, node: Node, units: list[Unit], k: int) -> bool:
        """``…这几个不相关的问题的相似性在哪里？CNN通`` + blank + ``过什么手段抓住了这个共性？``: a
        pasted paragraph cut mid-sentence by a stray blank line."""
        words = plain_text(node.text)
        if width(words) <= BROKEN_MIN_WIDTH or not re.search(r"[，,？?]", words) or not re.search(r"[\w一-鿿]$", words):
            return False
        if len(units) < k + 3 or units[k + 1].container != "blank":
            return False
        rest = units[k + 2]
        m = rest.mark
        if m is None or m.kind != "plain" or rest.end != rest.start + 1:
            return False
        tail = plain_text(m.text)
        if not (ends_with_question_mark(m.text) and width(tail) <= BROKEN_MAX_TAIL):
            return False
        node.text = node.text.rstrip() + m.text.strip()
        node.continuation += (rest.start,)
        node.end = rest.end
        return True

    @staticmethod
    def second_part(node: Node, units: list[Unit], k: int) -> int:
        """``Q：positional encoding 是做什麼用的？`` + ``為什麼 self-attention 沒有位置資訊？`` + ``A：…``:
        a labelled question asked in two lines before its one answer."""
        if node.mark is None or node.mark.kind != "qa_q" or len(units) < k + 3:
            return 0
        part, after = units[k + 1], units[k + 2]
        m = part.mark
        if m is None or m.kind != "plain" or part.end != part.start + 1 or not ends_with_question_mark(m.text):
            return 0
        if after.mark is None or after.mark.kind != "qa_a":
            return 0
        node.text = f"{node.text.rstrip()}{m.text.strip()}"
        node.continuation += (part.start,)
        node.end = part.end
        return 1

    def join_continuation(self, node: Node, units: list[Unit], k: int) -> int:
        """A question typed across lines: ``Q：請說明 BN 和 LN\\n的差別？``; ``## 为什么用 warmup，``
        + blank + ``以及之后怎么衰减？``. Returns how many following units it took."""
        if TERMINAL.search(plain_text(node.text)):
            return self.second_part(node, units, k)
        question, _answer, rule = split_answer(node.text)
        if term_definition(node.text) is not None and ask(question) < Ask.WEAK:
            return 0  # "- SimOTA / TAL：把分类和回归…" + "其实核心都在回答…？": a point and a remark
        if rule in ANSWERED_BY_MARK:
            return 0  # "IoU 怎么算 -> 交集 / 并集" + "anchor-free 的区别？": answered, so complete
        if self.broken_paragraph(node, units, k):
            return 2  # the blank line and the rest of the question
        taken = 0
        for unit in units[k + 1 : k + 4]:
            if unit.container == "blank":
                after = units[k + 1 + taken + 1] if len(units) > k + 2 + taken else None
                predicate = after is not None and after.mark is not None and after.mark.kind == "plain" and (
                    PREDICATE_START.match(plain_text(after.mark.text)) and ends_with_question_mark(after.mark.text)
                    and width(plain_text(after.mark.text)) <= PREDICATE_MAX_WIDTH)
                if not (OPEN_ENDING.search(plain_text(node.text)) or predicate):
                    return 0
                taken += 1
                continue
            m = unit.mark
            if m is None or m.kind != "plain" or unit.start != unit.end - 1:
                return 0
            words = plain_text(m.text)
            closes = TERMINAL.search(words) and words[-1] in "?？"
            if not (CONTINUATION_START.match(words) or closes) or len(words) > 60:
                return 0
            explicit = node.mark is not None and node.mark.kind == "qa_q"
            predicate = PREDICATE_START.match(words) and closes and width(words) <= PREDICATE_MAX_WIDTH
            if not CONTINUATION_START.match(words) and not explicit and not predicate and (
                node.rank or is_title_phrase(node.text)
            ):
                return 0  # "二、训练相关" then "梯度消失…的原因？": a title, then its first question
            node.text = f"{node.text}{'' if re.search(r'[一-鿿，、]$', node.text) else ' '}{m.text}"
            node.continuation += (unit.start,)
            node.end = unit.end
            return taken + 1
        return 0


def has_content_child(node: Node) -> bool:
    return any(c.kind == "content" for c in node.children)


def heading_mark_of(text: str, level: int) -> Mark:
    """``1. 梯度下降有哪几种？`` / ``Q1: ResNet…``: a heading's own numbering, split off."""
    inner = mark(text)
    if inner.kind in ("item", "qa_q") and inner.text and inner.family != "framed":
        return Mark(kind="heading", text=inner.text, rule=inner.rule, family=inner.family, number=inner.number,
                    prefix=inner.prefix, level=level)
    return Mark(kind="heading", text=text, rule="heading", level=level)


def _fields(m: Mark) -> dict:
    return {name: getattr(m, name) for name in m.__slots__}


def build_outline(text: str) -> tuple[Node, Reader]:
    lines = text.split("\n")
    if html_export.is_html_export(lines):
        lines = [html_export.unwrap(line) for line in lines]  # "<div><b>1. …？</b></div>" per line
    elif org_mode.is_org(lines):
        lines = [org_mode.as_markdown(line) for line in lines]  # "** YOLO 系列的演进？  :detection:"
    reader = Reader(lines)
    return reader.tree(), reader
