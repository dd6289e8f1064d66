"""Stage 2, parse: a :class:`Note` → its :class:`Entry` list (one per question).

The note is first cut into blocks by markdown-it-py (:mod:`handbook.blocks`); text
lines are then marked by the idiom rules of :mod:`handbook.parse_rules`. The
:class:`Segmenter` walks the lines once and decides, for each, one of three roles:

* **question**: starts a new entry (``2、如何解决数据不平衡问题？``, ``Q: …``, ``- 手撕NMS``);
* **title**: a heading, a short ``xxx：`` line, a bold line or a numbered group line
  (``3、-- 卷积相关``). A title with content directly under it becomes an entry of its
  own; otherwise it is context shown with the questions under it;
* **content**: belongs to the open entry's answer.

Numbered lines are the hard case: answers are numbered too (``答：1、… 2、…``). The
segmenter keeps, per numbering style, the last question number and the last answer
number of the open entry, and a line continues whichever sequence it fits; where it
fits both, its phrasing decides.

Nothing is dropped: every non-blank line ends up in an entry's question, answer, or
context, and the line spans let later stages link back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, scan
from .diagnostics import Report
from .model import Entry, Note
from .parse_rules import Marker, mark
from .parse_rules.interrogative import asks, ends_with_question_mark, opens_as_question

TITLE_LEVEL = 7  # "xxx：" and bold lines rank below Markdown headings
GROUP_LEVEL = 8  # numbered / bulleted group lines rank below those
INLINE_ANSWER = re.compile(
    r"\s+(?:-{2,}|—{1,2}|——)\s+"  # "区别 ---- 检测对位置敏感"
    r"|(?<=[？?])\s*-{2,}\s*"  # "有什么好处？---- 推了下公式"
    r"|\s*(?:答|A)\s*[:：]\s*"  # "Q: … A: …" on one line
    r"|\s*[(（](?=答)"  # "训练加速有什么办法？(答加大 batch size)"
)
COLON_TITLE = re.compile(r"^(?P<body>[^。；;！!？?]{1,24}?)\s*[:：]\s*$")
TRAILING_COLON = re.compile(r"\s*[:：]\s*$")
# Editor directives for a generated table of contents: the site has its own
TOC_DIRECTIVE = re.compile(r"^\s*(?:\[TOC\]|\[\[_?TOC_?\]\]|\{:\s*toc\s*\}|\*\s*(?:TOC|目录)\s*\{:toc\})\s*$", re.I)
TOC_HEADING = re.compile(r"^\s*(?:目录|目 录|contents|table of contents|toc)\s*[:：]?\s*$", re.I)
ANCHOR_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s*\[[^\]]*\]\(#[^)]*\)\s*$")
KRAMDOWN_TOC_ITEM = re.compile(r"^\s*[*-]\s*(?:TOC|目录)\s*$", re.I)
TOC_OPEN = re.compile(r"^\s*<!--\s*TOC\b.*-->\s*$", re.I)
TOC_CLOSE = re.compile(r"^\s*<!--\s*/TOC\s*-->\s*$", re.I)
NUMBERING = re.compile(r"[0-9一二三四五六七八九十①-⑳]")
SENTENCE_END = re.compile(r"[。；;.!！]\s*$")
SHORT_TITLE = re.compile(r"^[^，,。；;！!？?]{1,24}$")
STEP_LIKE = re.compile(r"[。；;]\s*$")


def indent_of(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


@dataclass
class OpenEntry:
    question: str
    start: int
    """0-based line of the question (or title)."""
    context: tuple[str, ...]
    indent: int = 0
    is_title: bool = False
    answer: list[int] = field(default_factory=list)
    """0-based lines of the answer, in order (blocks expanded)."""
    inline_answer: str = ""
    explicit_answer: bool = False
    kind: str = ""
    number: str = ""
    answer_numbers: dict[str, int] = field(default_factory=dict)

    content_lines: int = 0
    """Non-blank answer lines so far."""

    def has_content(self) -> bool:
        return bool(self.inline_answer) or self.content_lines > 0


class Segmenter:
    """One pass over a note's blocks; see the module docstring for the roles."""

    def __init__(self, note: Note, report: Report, unclosed: set[int] | None = None):
        self.note = note
        self.lines = note.lines
        self.report = report
        self.entries: list[Entry] = []
        self.current: OpenEntry | None = None
        self.titles: list[tuple[float, str]] = []  # (level, text) stack of context
        self.title_styles: dict[float, str] = {}  # numbering style of group titles, by level
        self.pending: tuple[float, str, int] | None = None  # a title waiting for content
        self.question_numbers: dict[str, int] = {}
        self.unclosed: set[int] = unclosed or set()
        """Lines (0-based) of code fences that never close; see :func:`blocks.scan`."""
        self.in_unclosed_code = False
        """After a fence that never closes: lines are code until the next clear question."""

    # -- context -----------------------------------------------------------------
    def context(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.titles if t)

    def pop_titles(self, level: float) -> None:
        """Leave every title of ``level`` or deeper. A pending title leaving this way got
        neither content nor questions under it: it is kept as an entry marked 待补充."""
        if self.pending is not None and self.pending[0] >= level:
            old_level, old_text, old_line = self.pending
            if old_text:
                context = tuple(t for lv, t in self.titles if lv < old_level and t)
                self.entries.append(Entry(self.note, old_text, "", (old_line + 1, old_line + 1), context))
            self.pending = None
        self.titles = [(lv, t) for lv, t in self.titles if lv < level]

    def push_title(self, level: float, text: str, line: int, style: str = "") -> None:
        self.close()
        self.pop_titles(level)
        self.title_styles[level] = style
        self.pending = (level, text, line)
        self.titles.append((level, text))

    def open_pending_as_entry(self) -> None:
        """Content arrived under a title: the title becomes an entry of its own."""
        if self.pending is None:
            line = 0
            question = self.note.title
            context = self.context()
        else:
            level, question, line = self.pending
            context = tuple(t for lv, t in self.titles if lv < level and t)
            if not question:
                question = context[-1] if context else self.note.title
            if level >= TITLE_LEVEL:
                # "R-CNN:" with its own answer is a sub-heading, not context for later questions
                self.titles = [(lv, t) for lv, t in self.titles if lv < level]
        self.current = OpenEntry(question, line, context, is_title=True)
        self.pending = None

    # -- entries -----------------------------------------------------------------
    def start_question(self, text: str, line: int, indent: int, style: str = "plain", number: str = "") -> None:
        self.close()
        # A group title that got no content of its own stays context, not an entry.
        self.pending = None
        # "13、…" ends the group "12、-- 梯度消失" (same numbering); "-- 问题" under
        # "--- 场景分析 ---" stays in it
        group_level = GROUP_LEVEL + indent / 100
        self.titles = [
            (lv, t) for lv, t in self.titles if lv < group_level or self.title_styles.get(lv) != style
        ]
        question, inline_answer = split_inline_answer(text)
        self.current = OpenEntry(
            question, line, self.context(), indent=indent, inline_answer=inline_answer, kind=style,
            number=number if NUMBERING.search(number) else "",
        )
        self.current.explicit_answer = bool(inline_answer)

    def add_content(self, line: int) -> None:
        if self.current is None:
            self.open_pending_as_entry()
        assert self.current is not None
        self.current.answer.append(line)
        if self.lines[line].strip():
            self.current.content_lines += 1

    def close(self) -> None:
        cur = self.current
        self.current = None
        if cur is None:
            return
        body = [i for i in cur.answer]
        while body and not self.lines[body[-1]].strip():
            body.pop()
        while body and not self.lines[body[0]].strip():
            body.pop(0)
        answer = dedent([self.lines[i] for i in body])
        if cur.inline_answer:
            answer = cur.inline_answer + ("\n\n" + answer if answer else "")
        end = body[-1] if body else cur.start
        self.entries.append(
            Entry(
                note=self.note,
                question=cur.question.strip() or "（无标题）",
                answer=answer,
                lines=(cur.start + 1, end + 1),
                context=cur.context,
                number=cur.number,
            )
        )

    def finish(self) -> list[Entry]:
        self.close()
        if self.pending is not None:
            # A title at the very end with nothing under it: keep it, marked 待补充.
            level, text, line = self.pending
            if text:
                self.entries.append(Entry(self.note, text, "", (line + 1, line + 1), self.context()[:-1]))
        return self.entries

    # -- the walk ------------------------------------------------------------------
    def clear_question(self, line: str) -> bool:
        """Ends an unclosed code block: ``问：…``/``Q:`` or a line ending with a question mark."""
        marker = mark(line)
        return marker.kind == "question" or (
            marker.kind in ("numbered", "heading", "plain") and ends_with_question_mark(marker.body)
        )

    def skip_toc(self, blocks: list[Block]) -> list[Block]:
        """Drop ``[TOC]``, ``{:toc}`` and ``<!-- TOC -->…<!-- /TOC -->`` blocks, with a note."""
        kept: list[Block] = []
        in_toc = None
        for block in blocks:
            first = self.lines[block.start]
            if in_toc is not None:
                if TOC_CLOSE.match(first):
                    self.report.add(self.note.path, in_toc + 1, "info",
                                    f"generated table of contents (lines {in_toc + 1}-{block.start + 1}) "
                                    "skipped: the site has its own")
                    in_toc = None
                continue
            if TOC_OPEN.match(first) and block.end - block.start == 1:
                in_toc = block.start
                continue
            if block.kind == "text" and (TOC_DIRECTIVE.match(first) or first.strip().lower() == "{:toc}"):
                if kept and KRAMDOWN_TOC_ITEM.match(self.lines[kept[-1].start]):
                    kept.pop()  # "* TOC" is the list item kramdown replaces with the table
                self.report.add(self.note.path, block.start + 1, "info",
                                f"{first.strip()} directive skipped: the site has its own table of contents")
                continue
            kept.append(block)
        if in_toc is not None:  # never closed: keep what followed, it may be content
            return blocks
        return self.skip_manual_toc(kept)

    def skip_manual_toc(self, blocks: list[Block]) -> list[Block]:
        """``## 目录`` followed only by links to ``#anchors`` is a hand-made table of contents."""
        kept: list[Block] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.kind == "heading" and TOC_HEADING.match(block.title):
                j = i + 1
                def is_toc_line(b: Block) -> bool:
                    return b.kind == "blank" or bool(ANCHOR_LINK_ITEM.match(self.lines[b.start]))

                while j < len(blocks) and is_toc_line(blocks[j]):
                    j += 1
                links = [b for b in blocks[i + 1 : j] if b.kind == "text"]
                if links and (j == len(blocks) or blocks[j].kind == "heading"):
                    self.report.add(self.note.path, block.start + 1, "info",
                                    f"hand-made table of contents ({len(links)} links) skipped: "
                                    "the site has its own")
                    i = j
                    continue
            kept.append(block)
            i += 1
        return kept

    def run(self, blocks: list[Block]) -> list[Entry]:
        blocks = self.skip_toc(blocks)
        text_lines = [b.start for b in blocks if b.kind == "text"]
        next_text = {a: b for a, b in zip(text_lines, text_lines[1:], strict=False)}
        for index, block in enumerate(blocks):
            if self.in_unclosed_code and block.kind in ("text", "heading"):
                if not self.clear_question(self.lines[block.start]):
                    for line in range(block.start, block.end):
                        self.add_content(line)
                    continue
                self.in_unclosed_code = False
            if block.kind == "text" and block.start in self.unclosed:
                self.add_content(block.start)
                self.in_unclosed_code = True
                continue
            if block.kind == "blank":
                if self.current is not None:
                    self.current.answer.append(block.start)
            elif block.kind == "opaque":
                for i in range(block.start, block.end):
                    self.add_content(i)
            elif block.kind == "heading":
                self.on_heading(block)
            else:
                prev_blank = index == 0 or blocks[index - 1].kind in ("blank", "heading")
                next_blank = index + 1 >= len(blocks) or blocks[index + 1].kind in ("blank", "heading")
                self.on_text(block.start, next_text.get(block.start), prev_blank, next_blank)
        return self.finish()

    def on_heading(self, block: Block) -> None:
        title = block.title
        marker = mark(title)
        number = ""
        if marker.kind in ("numbered", "question"):
            title, number = marker.body or title, marker.prefix
        if asks(title, max_len=80) and not TRAILING_COLON.search(title):  # "### 一些问题：" titles a list
            self.close()
            self.pop_titles(block.level)
            self.start_question(title, block.start, 0, style="heading", number=number)
            return
        self.push_title(block.level, title, block.start)

    def on_text(self, i: int, next_i: int | None, alone_before: bool, alone_after: bool) -> None:
        alone = alone_before and alone_after
        raw = self.lines[i]
        marker = mark(raw)
        indent = indent_of(raw)
        cur = self.current
        kind = marker.kind

        if kind == "heading":  # "###标题" without the space
            self.on_heading(Block("heading", i, i + 1, level=marker.level, title=marker.body))
            return
        if kind == "question":
            self.start_question(marker.body, i, indent, style="Q", number=marker.prefix)
            return
        if kind == "answer":
            self.add_content(i)
            assert self.current is not None
            self.current.explicit_answer = True
            self.current.answer_numbers = {}
            inner = mark(marker.body)
            if inner.kind == "numbered":
                self.current.answer_numbers[inner.style] = inner.number
            return
        if kind == "numbered":
            self.on_numbered(i, marker, indent, next_i)
            return
        if kind == "bullet":
            self.on_bullet(i, marker, indent, next_i)
            return
        if kind == "bold" and ends_with_question_mark(marker.body):
            self.start_question(marker.body, i, indent, style="bold")
            return
        if kind == "bold" and (cur is None or cur.is_title or not cur.explicit_answer):
            self.push_title(TITLE_LEVEL, marker.body, i)
            return
        body = marker.body
        # "看图：" right under a question opens its answer; it is not a title of its own
        starting_answer = cur is not None and not cur.is_title and not cur.has_content() and COLON_TITLE.match(body)
        if alone_before and not starting_answer and self.looks_like_title(body, indent, next_i):
            self.push_title(TITLE_LEVEL, TRAILING_COLON.sub("", body), i)
            return
        items = split_inline_list(body)
        if items and (cur is None or cur.is_title or not cur.has_content()):
            # "1.卷积的物理意义，2.Iou计算3.评价指标…": a list of questions typed on one line
            for number, item in items:
                self.start_question(item, i, indent, style="inline", number=number)
            return
        if self.plain_line_asks(body, alone, indent):
            self.start_question(body, i, indent)
            return
        self.add_content(i)

    def looks_like_title(self, body: str, indent: int, next_i: int | None) -> bool:
        """``R-CNN:``/``分割：`` or a short bare line (``目标检测``) heading a list below it."""
        if "http" in body:
            return False
        if COLON_TITLE.match(body):
            return True
        if not SHORT_TITLE.match(body) or ends_with_question_mark(body) or next_i is None:
            return False
        nxt_raw = self.lines[next_i]
        return mark(nxt_raw).kind in ("numbered", "bullet") or indent_of(nxt_raw) > indent

    def plain_line_asks(self, body: str, alone: bool, indent: int) -> bool:
        cur = self.current
        question, inline_answer = split_inline_answer(body)
        if inline_answer and ends_with_question_mark(question) and len(question) <= 120:
            return True  # "skip connection 有什么好处？---- 梯度直达浅层。"
        if cur is not None and not cur.is_title and indent > cur.indent and not asks(body, strong=True):
            return False
        if ends_with_question_mark(body) and len(body) <= 120 or opens_as_question(body):
            return True
        if cur is not None and cur.kind == "plain" and not cur.has_content() and not alone:
            # a paragraph of short questions, one per line: "ROC 和 AUC" after "…的区别"
            return len(body) <= 40 and not SENTENCE_END.search(body)
        if not alone or not asks(body, max_len=40):
            return False
        # inside an answer only a bare, unpunctuated line can be a new (section) question
        return cur is None or cur.is_title or not cur.explicit_answer or bool(SHORT_TITLE.match(body))

    def is_group_line(self, marker: Marker, indent: int, next_i: int | None) -> bool:
        """``2、CNN`` followed by ``(1) …``: a short line that heads a deeper list."""
        body = marker.body
        if next_i is None or ends_with_question_mark(body) or len(body) > 30 or SENTENCE_END.search(body):
            return False
        nxt_raw = self.lines[next_i]
        nxt = mark(nxt_raw)
        if nxt.kind not in ("numbered", "bullet"):
            return False
        if nxt.style == "framed":
            return False  # "--- 场景分析 ---" starts a new section, it is nobody's child
        deeper = indent_of(nxt_raw) > indent
        starts_sublist = nxt.kind == "numbered" and nxt.style != marker.style and nxt.number <= 1
        return deeper or starts_sublist

    def on_numbered(self, i: int, marker: Marker, indent: int, next_i: int | None) -> None:
        cur = self.current
        style, n, body = marker.style, marker.number, marker.body
        nested = cur is not None and not cur.is_title and indent > cur.indent
        if not nested and self.is_group_line(marker, indent, next_i):
            self.push_title(GROUP_LEVEL + indent / 100, body.strip("-— "), i, style)
            self.reset_numbering(keep=style, last=n)
            return
        last_q = self.question_numbers.get(style)
        fits_q = n == 1 if last_q is None else n == last_q + 1
        in_answer = cur is not None and not cur.is_title
        last_a = cur.answer_numbers.get(style) if cur is not None else None
        fits_a = in_answer and (n == 1 if last_a is None else n == last_a + 1)
        deeper = cur is not None and not cur.is_title and indent > cur.indent
        if deeper and not ends_with_question_mark(body):
            is_question = False
        elif fits_q and not fits_a:
            is_question = True
        elif fits_a and not fits_q:
            is_question = ends_with_question_mark(body) and len(body) <= 40
        elif fits_q and fits_a:
            # a list starting at 1 after an answer that was not itself numbered ("问题3：…"
            # then "1. 代码实现要点") continues that answer unless it plainly asks
            list_in_answer = last_q is None and cur is not None and cur.has_content() and cur.kind != style
            is_question = asks(split_inline_answer(body)[0], strong=list_in_answer)
        elif ends_with_question_mark(body) and len(body) <= 60:
            is_question = True
        else:
            is_question = asks(body) and (cur is None or not cur.explicit_answer or last_q == n)
        if cur is None and self.pending is not None and not asks(split_inline_answer(body)[0]):
            # "数据集降维的好处：" then "(1) 减少存储空间。": the title's answer; but
            # "coding:" then "1.连续子数组最大和": a list of short questions
            is_question = len(body) <= 20 and not STEP_LIKE.search(body)
        elif cur is not None and cur.is_title and not is_question and not fits_a:
            is_question = asks(body, max_len=80) or not cur.has_content()
        if is_question:
            self.question_numbers[style] = n
            self.reset_numbering(keep=style, last=n)
            self.start_question(body, i, indent, style, number=marker.prefix)
        else:
            self.add_content(i)
            assert self.current is not None
            self.current.answer_numbers[style] = n

    def reset_numbering(self, keep: str, last: int) -> None:
        """A question or group of one style restarts the sequences of the others."""
        self.question_numbers = {s: v for s, v in self.question_numbers.items() if s == keep}
        self.question_numbers[keep] = last

    def on_bullet(self, i: int, marker: Marker, indent: int, next_i: int | None) -> None:
        cur = self.current
        body = marker.body
        if marker.style == "framed":  # "---- Anchor-free 目标检测 -----" titles a section
            self.push_title(TITLE_LEVEL, body, i, marker.style)
            return
        deeper = cur is not None and not cur.is_title and indent > cur.indent
        if deeper and not asks(body, strong=True):
            self.add_content(i)  # a point of the answer above
            return
        opens_answer = (  # "问：…？" then "- 第一点": the answer starts as a list
            cur is not None and not cur.is_title and cur.kind not in ("-", "--") and not cur.has_content()
        )
        if opens_answer and not asks(body, strong=True):
            self.add_content(i)  # "### 为什么 ReLU 好？" then "- 计算简单": points of the answer
            return
        if not deeper and self.is_group_line(marker, indent, next_i) and not asks(body):
            self.push_title(GROUP_LEVEL + indent / 100, body, i, marker.style)
            return
        if cur is None and self.pending is not None and not asks(body):
            self.add_content(i)  # "R-CNN:" then "- (1)输入测试图像；": the title's answer
            return
        # after a heading's or a line's answer, a bullet is more of that answer unless it
        # clearly asks; in a list of bulleted questions, phrasing like "Dropout 的原理" asks
        in_bullet_list = cur is None or cur.is_title or cur.kind in ("-", "--") or not cur.has_content()
        question_list = (  # "- 手推反向传播" right under "- 介绍 NASNet": a list of questions
            cur is not None and not cur.is_title and cur.kind in ("-", "--") and indent == cur.indent
            and not cur.has_content() and len(body) <= 60
        )
        if asks(body, strong=not in_bullet_list) or question_list or cur is None or (
            cur.is_title and not cur.has_content()
        ):
            self.start_question(body, i, indent, marker.style)
            return
        self.add_content(i)


INLINE_NUMBER = re.compile(r"(?<![\d.])(\d{1,2})[.、．]\s*(?=\D)")


def split_inline_list(text: str) -> list[tuple[str, str]]:
    """``1.物理意义，2.Iou计算3.评价指标`` → [("1.", "物理意义，"), ("2.", "Iou计算"), …].

    Only a run of at least three numbers counting up from 1 counts as a list."""
    marks = [m for m in INLINE_NUMBER.finditer(text)]
    run: list[re.Match[str]] = []
    for m in marks:
        if int(m.group(1)) == len(run) + 1:
            run.append(m)
    if len(run) < 3 or text[: run[0].start()].strip(" :：") != "":
        return []
    items = []
    for k, m in enumerate(run):
        end = run[k + 1].start() if k + 1 < len(run) else len(text)
        item = text[m.end() : end].strip(" ，,;；")
        if not item:
            return []
        items.append((m.group(0).strip(), item))
    return items


def split_inline_answer(text: str) -> tuple[str, str]:
    """``图片检测和分割的区别 ---- 检测对位置敏感…`` → (question, answer)."""
    m = INLINE_ANSWER.search(text)
    if m and m.start() >= 4 and len(text) - m.end() >= 4:
        return text[: m.start()].strip(), text[m.end() :].strip()
    return text, ""


def dedent(lines: list[str]) -> str:
    expanded = [ln.expandtabs(4) for ln in lines]
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in expanded if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:] if ln.strip() else "" for ln in expanded)


def parse_note(note: Note, report: Report) -> list[Entry]:
    blocks, unclosed = scan(note.text)
    for at in unclosed:
        report.warn(note.path, at + 1, "code fence never closed: closed at the end of its entry")
    return Segmenter(note, report, set(unclosed)).run(blocks)


def parse(notes: list[Note], report: Report) -> list[Entry]:
    return [entry for note in notes for entry in parse_note(note, report)]
