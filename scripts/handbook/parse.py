"""Stage 2, parse: a :class:`Note` → its :class:`Entry` list, one per question.

    note text ──outline──▶ tree of marked lines   (:mod:`handbook.outline`)
              ──roles────▶ question / answer / title per node   (:mod:`handbook.roles`)
              ──emit─────▶ entries: question, whole answer, line span, context

Emitting walks the tree once. A question's answer is everything under it except its
follow-ups (which become entries of their own), plus answer lines that follow it among
its siblings. Text before a group's first question (``面试官是做检测的，基本围绕简历问``)
is that question's *preface*. Every line is recorded with the role and the rule that
decided it, which is what ``handbook explain`` prints; nothing is dropped but outliner
properties and editor directives, each reported as ``file:line: info``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import threads
from .diagnostics import Report
from .model import Entry, Note
from .outline import Node, Reader, build_outline
from .parse_rules import inline_answer, mark
from .parse_rules.answer_key import key_label, names
from .parse_rules.interrogative import Ask, is_meta_line, is_title_phrase, plain_text
from .roles import Decision, Role, assign, number_of, quote_text

QUOTE_PREFIX = re.compile(r"^(\s*)>\s?")
TRAILING_COLON = re.compile(r"\s*[:：]\s*$")
FOLLOW_UP_LABEL = re.compile(r"^\s*(?:追问|再问|接着问|follow[- ]?up)\s*(?:[(（]追问[)）])?\s*[:：]\s*", re.I)
DETAILS_TAGS = re.compile(r"</?details\b[^>]*>|<summary\b[^>]*>.*?</summary>", re.I)
HTML_HEADING_PREFIX = re.compile(r"^\s*<h([1-6])\b[^>]*>.*?</h\1>", re.I)
NUMBERING = re.compile(r"[0-9一二三四五六七八九十①-⑳]")
BESIDE_ANSWER = frozenset({"table_row", "flashcard"})
"""Questions whose answer sits beside them (a table cell, a card's back), never split on their line."""
TASK_MARKS = {"[ ]": "☐", "[x]": "☑", "[-]": "☐", "[/]": "☐"}
SIBLING_RULES = frozenset({"topic_shift", "continued_numbering"})
"""Questions nested under a question that start anew rather than follow it up; what comes after them is theirs."""
ASIDE_RULES = frozenset({"reminder", "generic_section", "section_label"})
"""Answer-role nodes among questions that are about the note, not the question before them."""
TOPIC_DIRECTIVE = re.compile(r"^topic\s*:\s*(?P<slug>[\w-]+)$", re.I)
PLACEHOLDER_ANSWER = re.compile(
    r"^(?:我|me|候选人)?\s*[:：]?\s*[(（]?(?:嗯|呃|额|啊|唔|这个)+[…。.，,！!]*[)）]?$|"  # "我：嗯……": no answer
    r"^[\s(（\[【]*(?:待补充?|待补|待整理|待完善|todo|tbd|略|暂无|空|未完|没答上来|没答出来|答不上来|不会|不知道|忘了|沉默)"
    r"[\s)）\]】。.!！:：]*$|^(?:todo|fixme|tbd)\b",
    re.I,
)
DEFERRAL = re.compile(
    r"还没看|还没写|还没整理|还没画|还没补|就?不写了|没复习到?|没来得及|下一篇|下篇|单独讲|单独写|先空着|"
    r"不放(?:我的)?答案|大家自己查|面试官就?跳过了|没什么标准答案|没人(?:回)?答|无人(?:回)?答|"
    r"(?:以后|回头|之后|有空|下次)[^，。,.]{0,6}补|待续|待补|\btodo\b|\btbd\b|"
    r"(?:记得|(?<!需)要|回头|待)(?:再)?复习|没答好|没答上来?(?=[。.!！~～…]*$)|我也不(?:太)?(?:懂|清楚|会)|[等求]大佬",
    re.I,
)
"""``（还没看论文）``, ``（这个太长了，下一篇单独讲！）``, ``（TODO，下次画图补）``, ``这题我答得很乱，就不放
我的答案了``, ``（…面试官就跳过了）``, ``（今天没人答，周末再讨论）``, ``> 被问过，没答好，记得复习``,
a chat's ``面试官问了我没答上`` and ``这个我也不太懂，等大佬``: the answer put off, not given."""
DEFERRAL_MAX_CHARS = 60
KEY_NUMBER = re.compile(r"^\s*(?:[-*+]\s+)?\d{1,2}\s*[.、．)）]\s*")


@dataclass(frozen=True, slots=True)
class LineReading:
    """How one line of a note was read (``handbook explain``)."""

    line: int
    """1-based."""
    role: str
    rule: str
    entry: int | None
    """Index into the note's entries, or None (titles, skipped lines, blank lines)."""


@dataclass(eq=False)
class OpenEntry:
    node: Node
    question: str
    context: tuple[str, ...]
    number: str
    inline: str = ""
    inline_rule: str = ""
    lines: list[int] = field(default_factory=list)
    preface: list[int] = field(default_factory=list)
    postscript: list[int] = field(default_factory=list)
    wordings: list[str] = field(default_factory=list)
    topic_hint: str = ""
    parent: OpenEntry | None = None
    """The question a follow-up follows up."""
    marker: str = ""

    @property
    def head_line(self) -> int:
        return self.node.start

    @property
    def head_lines(self) -> range:
        return range(self.node.start, self.node.end)

    @property
    def asks(self) -> bool:
        m = self.node.mark
        return self.node.ask >= Ask.STRONG or (m is not None and m.kind == "qa_q")


@dataclass
class NoteReading:
    entries: list[Entry]
    lines: list[LineReading]


class Emitter:
    """Walks the decided tree; see the module docstring."""

    def __init__(self, note: Note, reader: Reader, decisions: dict[int, Decision], report: Report):
        self.note = note
        self.reader = reader
        self.lines = reader.lines
        self.decisions = decisions
        self.report = report
        self.open: list[OpenEntry] = []
        self.nested: list[tuple[Node, OpenEntry]] = []
        """Follow-ups found inside an answer subtree, with the entry they follow up."""
        self.readings: dict[int, tuple[str, str, int | None]] = {}
        """0-based line → (role, rule, index into self.open)."""
        self.properties = 0
        self.by_number: dict[int, OpenEntry] = {}
        """Questions listed in prose (``一面：1.… 2.…``) by their number, for answers given by number."""
        self.key_lines: set[int] = set()
        """Lines that answer such a question by its number: the number is the question's, not the answer's."""

    def decision(self, node: Node) -> Decision:
        return self.decisions[id(node)]

    # -- recording ------------------------------------------------------------------
    def record(self, node: Node, role: str, rule: str, entry: OpenEntry | None) -> None:
        index = self.open.index(entry) if entry is not None else None
        for i in range(node.start, node.end):
            if i not in self.readings:
                self.readings[i] = (role, rule, index)

    def record_tree(self, node: Node, entry: OpenEntry | None, role: str | None = None) -> None:
        d = self.decision(node)
        self.record(node, role or d.role.value, d.rule, entry)
        for child in node.children:
            self.record_tree(child, entry, role)

    # -- walking ----------------------------------------------------------------------
    def run(self, root: Node) -> None:
        leftover, last = self.container(root, (), [])
        if leftover:
            if last is not None:
                last.lines.extend(leftover)
            else:
                # a note with no question at all: one entry under its title, nothing lost
                entry = OpenEntry(root, self.note.title, (), "")
                self.open.append(entry)
                entry.lines.extend(leftover)
                for i in leftover:
                    self.readings[i] = ("answer", "note_without_questions", len(self.open) - 1)
        if posts := threads.find_posts(self.lines):
            regrouped = threads.regroup(self.lines, posts, self.open)
            kept = [e for e in self.open if all(e is not d for d in regrouped.dissolved)]
            position = {id(e): k for k, e in enumerate(kept)}
            new_index = {old: position[id(e)] for old, e in enumerate(self.open) if id(e) in position}
            self.readings = {i: (role, rule, new_index.get(index) if index is not None else None)
                             for i, (role, rule, index) in self.readings.items()}
            self.open = kept
            for i, entry, rule in regrouped.moves:
                role = "preface" if i in entry.preface else "answer"
                self.readings[i] = (role, rule, position[id(entry)])

    def container(self, parent: Node, context: tuple[str, ...], pending: list[int]
                  ) -> tuple[list[int], OpenEntry | None]:
        """Children of a title (or of the note): returns preface lines no question took, and
        the last entry opened here."""
        last: OpenEntry | None = None
        base = round_context = context
        for child in parent.children:
            d = self.decision(child)
            if d.role == Role.SKIP:
                self.skip(child, d)
            elif d.role == Role.TITLE:
                self.record(child, "title", d.rule, None)
                title = plain_text(child.text).strip()
                if not child.children:
                    # "一面（45min）" above the questions it titles, at their own level; a label
                    # like "八股部分：" under it narrows it rather than replacing it
                    if d.rule == "list_heading":
                        context = (*round_context, title) if title else round_context
                    else:
                        context = round_context = (*base, title) if title else base
                    continue
                pending, inner_last = self.container(child, (*context, title) if title else context, pending)
                if inner_last is None and title:
                    pending = [child.start, *pending]  # titles no question: its words go with the text under it
                last = inner_last or last
            elif d.role == Role.QUESTION and d.rule == "prose_questions":
                last = self.prose_questions(child, context, pending)
                pending = []
            elif d.role == Role.QUESTION and d.rule == "round_lead_question":
                if (found := inline_answer.round_lead(child.text)) is not None:
                    context = round_context = (*base, found[0])  # for the lines after it too
                last = self.question(child, context, pending)
                pending = []
            elif d.role == Role.QUESTION:
                last = self.question(child, context, pending)
                pending = []
            elif d.rule in ("answer_key", "answer_key_lead") and (keyed := self.keyed_entry(child)) is not None:
                lines = self.subtree_lines(child, keyed)
                (keyed.preface if d.rule == "answer_key_lead" else keyed.lines).extend(lines)
                if d.rule == "answer_key" and number_of(child) is not None:
                    self.key_lines.add(child.start)  # "3. 量化：…": the number is the question's
                last = keyed  # what follows the numbered answer (its code, its next lines) goes on with it
            else:
                lines = self.subtree_lines(child, last)
                if last is not None:
                    (last.postscript if d.rule in ASIDE_RULES else last.lines).extend(lines)
                    self.flush_nested(last, context)
                else:
                    pending = pending + lines
        if pending and last is not None:
            last.lines.extend(pending)
            pending = []
        return pending, last

    def question(self, node: Node, context: tuple[str, ...], preface: list[int],
                 parent: OpenEntry | None = None) -> OpenEntry:
        d = self.decision(node)
        text = node.text.strip()
        shown_above: list[int] = []
        if d.rule == "round_lead_question":  # the paragraph is shown above its first question
            text = inline_answer.asked_text(text)
            shown_above = list(range(node.start, node.end))
        pairs = [] if node.inline else inline_answer.split_pairs(text)
        if pairs:  # "Q1？A1；Q2？A2" on a cram sheet: one entry per pair, the last one goes on below
            for question, answer, rule in pairs[:-1]:
                first = OpenEntry(node, question, context, "", inline=answer,
                                  inline_rule=rule or "pairs_on_one_line")
                first.preface, preface = list(preface), []
                self.open.append(first)
            text = text[max(text.rfind(pairs[-1][0]), 0):]
        listed = inline_answer.split_list(text)
        if listed:  # several questions typed on one line: all but the last have no answer
            for number, item in listed[:-1]:
                first = OpenEntry(node, item, context, number, inline_rule="questions_on_one_line")
                first.preface, preface = list(preface), []
                self.open.append(first)
            number, text = listed[-1]
        if node.inline or (node.mark is not None and node.mark.rule in BESIDE_ANSWER):
            question, inline, rule = text, node.inline, node.mark.rule if node.mark else ""  # a cell, a card's back
        else:
            question, inline, rule = inline_answer.split(text)
        question = TRAILING_COLON.sub("", question)  # "R-CNN:" titles its card
        told_follow_up = parent is not None and FOLLOW_UP_LABEL.match(question) and FOLLOW_UP_LABEL.sub("", question)
        question_before_label = question
        if told_follow_up:  # "追问：…": the label becomes the entry's marker, the entry links its question
            question = FOLLOW_UP_LABEL.sub("", question)
        m = node.mark
        if not listed:
            number = m.prefix if m is not None and NUMBERING.search(m.prefix or "") else ""
        if m is not None and m.todo:  # "- TODO 小目标检测…？", "- [x] 指针和引用的区别": the note's own marks
            number = " ".join(filter(None, (TASK_MARKS.get(m.todo, m.todo), number)))
        entry = OpenEntry(node, question, context, number, inline=inline, inline_rule=rule, parent=parent)
        if m is not None and m.callout:
            entry.marker = f"[!{m.callout}]"
        elif told_follow_up:
            entry.marker = FOLLOW_UP_LABEL.match(question_before_label).group(0).strip(" :：")
        entry.preface = list(preface)
        if node.directive and (t := TOPIC_DIRECTIVE.match(node.directive.strip())):
            entry.topic_hint = t.group("slug")
        self.open.append(entry)
        self.record(node, "question", d.rule, entry)
        for i in preface:
            role, rule_name, _ = self.readings.get(i, ("answer", "preface", None))
            self.readings[i] = ("preface", rule_name, self.open.index(entry))
        entry.preface.extend(shown_above)
        follow_ups: list[tuple[Node, list[int]]] = []
        sections: list[Node] = []
        for child in node.children:
            cd = self.decision(child)
            if cd.role == Role.QUESTION and cd.rule not in SIBLING_RULES and not sections:
                follow_ups.append((child, []))
                continue
            if cd.role == Role.TITLE or cd.rule in SIBLING_RULES or sections:
                # "三面（HR + 主管）" or an unrelated card after the answer: what follows is a new group
                sections.append(child)
                continue
            if cd.role == Role.ANSWER and self.is_card_under(node, follow_ups):
                # "#### YOLO 的发展" … then "mAP怎么算？" and its paragraphs: a card of its own under the heading
                follow_ups[-1][1].extend(self.subtree_lines(child, None))
                continue
            if follow_ups and cd.role == Role.ANSWER and not child.blank_before and (
                not follow_ups[-1][1] and not follow_ups[-1][0].children
            ) and answers_a_follow_up(child):
                # "-- 为什么 α 取 0.25？" then "（没答上来，面试官解释说…）": the answer of that follow-up
                follow_ups[-1][1].extend(self.subtree_lines(child, None))
                continue
            if cd.role == Role.WORDING:
                entry.wordings.append(child.text.strip() or quote_text(child).strip())
                self.record(child, "wording", cd.rule, entry)
                for grandchild in child.children:
                    entry.lines.extend(self.subtree_lines(grandchild, entry))
                continue
            if cd.role == Role.SKIP:
                self.skip(child, cd)
                continue
            target = entry.postscript if cd.rule in ("generic_section", "section_label") else entry.lines
            target.extend(self.subtree_lines(child, entry))
        for child, answer_lines in follow_ups:
            follow = self.question(child, context, [], parent=entry)
            follow.lines.extend(answer_lines)
            for i in answer_lines:
                self.readings[i] = ("answer", "follow_up_answer", self.open.index(follow))
        self.flush_nested(entry, context)
        if sections:
            holder = Node("root", sections[0].start, sections[0].start, children=sections)
            leftover, _ = self.container(holder, context, [])
            entry.lines.extend(leftover)
        return entry

    def is_card_under(self, heading: Node, follow_ups: list[tuple[Node, list[int]]]) -> bool:
        """The last follow-up under ``heading`` is a plain question line (``mAP怎么算？``): a card of
        its own, which takes the paragraphs after it."""
        if not follow_ups or heading.kind != "heading":
            return False
        last = follow_ups[-1][0]
        return (last.mark is not None and last.mark.kind == "plain" and not last.children
                and self.decision(last).rule == "follow_up")

    def prose_questions(self, node: Node, context: tuple[str, ...], preface: list[int]) -> OpenEntry:
        """One entry per question a 面经 paragraph lists by number; the paragraph itself is shown
        above the first of them (its lead, ``一面（50min）：…然后八股：``, and what follows)."""
        d = self.decision(node)
        found = inline_answer.listed_questions(node.text.strip(), max(self.by_number, default=0) + 1, told=True)
        assert found is not None, "roles.prose_questions decided on the same text"
        lead, items, _trailer = found
        round_name = inline_answer.ROUND_LEAD.match(plain_text(lead))
        if round_name:
            context = (*context, round_name.group("round").strip())
        entry: OpenEntry | None = None
        for k, (number, item) in enumerate(items):
            inline, rule = "", "prose_questions"
            if not number:  # "BN和LN的区别（BN按batch统计…）；…": an unnumbered item may carry its answer
                item, inline, split_rule = inline_answer.split(item)
                rule = split_rule or rule
                if not inline and (aside := inline_answer.trailing_aside(item)):
                    (item, inline), rule = aside, "trailing_aside"
            entry = OpenEntry(node, item, context, number, inline=inline, inline_rule=rule)
            if k == 0:
                entry.preface = [*preface, *range(node.start, node.end)]
                for i in preface:
                    self.readings[i] = ("preface", self.readings.get(i, ("", "preface", None))[1], len(self.open))
            self.open.append(entry)
            if number:
                self.by_number[int(re.match(r"\d+", number).group(0))] = entry
            if k == 0:
                self.record(node, "question", d.rule, entry)
        for child in node.children:
            entry.lines.extend(self.subtree_lines(child, entry))
        return entry

    def keyed_entry(self, node: Node) -> OpenEntry | None:
        """The question a keyed answer (or the line leading into keyed answers) belongs to: the one
        :mod:`handbook.roles` found for it, else the one listed in prose with its number."""
        d = self.decision(node)
        if d.keyed_to is not None:
            asked = [e for e in self.open if e.node is d.keyed_to]
            label = key_label(node.text)
            named = [e for e in asked if label is not None and names(label, e.question)]
            if named or asked:
                return (named or asked)[-1]  # ("Q1？Q2？" typed on one line: the one the label names)
        if d.rule == "answer_key_lead":
            return self.by_number[min(self.by_number)] if self.by_number else None
        m = node.mark
        return self.by_number.get(m.number) if m is not None else None

    def flush_nested(self, entry: OpenEntry, context: tuple[str, ...]) -> None:
        """Entries for the follow-ups found nested in ``entry``'s answer."""
        mine = [node for node, owner in self.nested if owner is entry]
        self.nested = [(node, owner) for node, owner in self.nested if owner is not entry]
        for node in mine:
            self.question(node, context, [], parent=entry)

    def subtree_lines(self, node: Node, entry: OpenEntry | None) -> list[int]:
        """Every line of an answer subtree, in order (skipped machinery left out)."""
        out: list[int] = []
        d = self.decision(node)
        if d.role == Role.SKIP:
            self.skip(node, d)
            return out
        if d.role == Role.QUESTION and entry is not None:
            self.nested.append((node, entry))  # "追问：…？" nested in the answer: its own entry, later
            return out
        if node.kind == "content" or node.kind in ("head", "heading"):
            out.extend(range(node.start, node.end))
            self.record(node, "answer" if entry is not None else "preface", d.rule, entry)
        for child in node.children:
            out.extend(self.subtree_lines(child, entry))
        return out

    def skip(self, node: Node, d: Decision) -> None:
        m = node.mark
        if m is not None and m.kind == "property" and m.rule == "logseq_property":
            self.properties += 1
        elif m is not None and m.kind == "toc" and m.text:
            self.report.add(self.note.path, node.start + 1, "info",
                            f"{m.text} directive skipped: the site has its own table of contents")
        self.record(node, "skipped", d.rule, None)
        for child in node.children:
            self.skip(child, self.decision(child))

    # -- entries ------------------------------------------------------------------------
    def answer_text(self, lines: list[int]) -> str:
        """Answer Markdown from note lines: callout quotes and ``<details>`` tags taken off,
        common indentation removed, runs of blank lines kept as one."""
        chunks: list[str] = []
        previous = None
        for i in sorted(set(lines)):
            if previous is not None and i > previous + 1:
                chunks.append("")  # a paragraph break stays one, whatever lay between
            chunks.append(self.answer_line(i))
            previous = i
        while chunks and not chunks[-1].strip():
            chunks.pop()
        while chunks and not chunks[0].strip():
            chunks.pop(0)
        return dedent(chunks)

    def answer_line(self, i: int) -> str:
        line = self.lines[i]
        if self.reader.in_callout_body(i):
            line = QUOTE_PREFIX.sub(r"\1", line, count=1)
        if self.reader.in_details(i):
            line = DETAILS_TAGS.sub("", line)
        if self.reader.heading_with_rest(i):
            line = HTML_HEADING_PREFIX.sub("", line)
        if i in self.key_lines:
            line = KEY_NUMBER.sub("", line, count=1)
        return line

    def entries(self) -> list[Entry]:
        out = []
        for entry in self.open:
            body = [i for i in entry.lines if i not in entry.preface and i not in entry.postscript]
            answer = self.answer_text(body)
            if entry.inline:
                answer = entry.inline + ("\n\n" + answer if answer else "")
            head = entry.node
            span_lines = [head.start, head.end - 1, *body]
            start = min(head.start, *entry.lines) if entry.lines and min(entry.lines) < head.start else head.start
            out.append(Entry(
                note=self.note,
                question=entry.question or "（无标题）",
                answer=answer,
                lines=(start + 1, max(span_lines) + 1),
                context=entry.context,
                number=entry.number,
                preface=self.answer_text(entry.preface),
                postscript=self.answer_text(entry.postscript),
                wordings=tuple(entry.wordings),
                rule=self.decisions[id(head)].rule if id(head) in self.decisions else "note_without_questions",
                inline_rule=entry.inline_rule,
                topic_hint=entry.topic_hint,
                unanswered=is_placeholder(answer) or (head.mark is not None and head.mark.label == "no_answer"),
                follows=entry.parent.question if entry.parent is not None else "",
                marker=entry.marker,
            ))
        return out

    def line_readings(self) -> list[LineReading]:
        out = []
        for i in range(len(self.lines)):
            role, rule, index = self.readings.get(i, ("blank", "blank", None) if not self.lines[i].strip()
                                                  else ("unread", "", None))
            out.append(LineReading(i + 1, role, rule, index))
        return out


LINE_LABEL = re.compile(
    r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s*)?)?(?:\d+(?:\.\d+)*[.、)）]?\s+)?"
    r"(?:\*\*)?(?:【(?:答案?|解析)】|答案?|A[.．]?|回答|answer)?\s*(?:\*\*)?\s*[:：]?\s*(?:\*\*)?",
    re.I,
)


REFERENCES = re.compile(
    r"^\s*(?:<[^>]+>\s*)*(?:参考|参考资料|参考文献|参考链接|相关链接|references?|see also)\s*[:：]?", re.I
)


WRAPPING = re.compile(r"^\s*(?:```|~~~|:::|In\s*\[\s*\d*\s*\]\s*:|Out\s*\[\s*\d*\s*\]\s*:)", re.I)
"""Lines that wrap an answer rather than say it: fences, ``:::warning`` blocks, notebook prompts."""
COMMENT_MARK = re.compile(r"^(?:#|//|--|/\*)\s*")


def is_placeholder(answer: str) -> bool:
    """No answer yet: empty, or only ``TODO`` / ``（待补充）`` / ``**答案**: - TODO`` lines (a
    reference list after them does not answer; metadata such as ``难度：⭐⭐``, a chat's
    ``赵磊 2024-05-01 21:25`` and wrappers such as a fence around ``# TODO`` or ``:::warning`` say
    nothing either)."""
    lines = answer.split("\n")
    cut = next((k for k, line in enumerate(lines) if k and REFERENCES.match(plain_text(line) or line)), len(lines))
    words = [LINE_LABEL.sub("", plain_text(line)).strip() for line in lines[:cut] if not WRAPPING.match(line)]
    words = [COMMENT_MARK.sub("", w) for w in words if w and not is_meta_line(w) and mark(w).rule != "post_header"]
    return not words or all(
        PLACEHOLDER_ANSWER.match(w) or (len(w) <= DEFERRAL_MAX_CHARS and DEFERRAL.search(w)) for w in words)


def answers_a_follow_up(node: Node) -> bool:
    """A paragraph or a reported answer (``（没答上来，面试官解释说…）``), not a line that could
    be the next question itself (``Focal Loss 与 GHM``)."""
    if node.kind == "content":
        return True
    m = node.mark
    return m is not None and m.kind == "plain" and node.ask < Ask.STRONG and not is_title_phrase(node.text)


def dedent(lines: list[str]) -> str:
    expanded = [ln.expandtabs(4) for ln in lines]
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in expanded if ln.strip()]
    cut = min(indents) if indents else 0
    out: list[str] = []
    for ln in expanded:
        text = ln[cut:] if ln.strip() else ""
        if text or (out and out[-1]):
            out.append(text.rstrip())
    return "\n".join(out).strip("\n")


def read_note_structure(note: Note, report: Report) -> NoteReading:
    root, reader = build_outline(note.text)
    for at in reader.blocks.unclosed:
        report.warn(note.path, at + 1, "code fence never closed: closed at the end of its entry")
    for line, message in reader.notes:
        report.add(note.path, line + 1, "info", message)
    decisions = assign(root)
    emitter = Emitter(note, reader, decisions, report)
    emitter.run(root)
    if emitter.properties:
        report.add(note.path, 1, "info", f"{emitter.properties} outliner properties (id::, collapsed:: …) "
                   "left out of the pages; their blocks' text is kept")
    return NoteReading(emitter.entries(), emitter.line_readings())


def parse_note(note: Note, report: Report) -> list[Entry]:
    return read_note_structure(note, report).entries


def parse(notes: list[Note], report: Report) -> list[Entry]:
    return [entry for note in notes for entry in parse_note(note, report)]
