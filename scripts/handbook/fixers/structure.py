"""Block structure: what Python-Markdown needs to see the blocks a note writer meant.

Notes are written for Typora, Obsidian and markdown-it, which are lenient where
Python-Markdown is strict: a list must follow a blank line, nested items need four spaces,
and a line indented four spaces outside a list is code. These fixers rewrite the layout,
never the words.
"""

from __future__ import annotations

import re

from .spans import FENCE, blocks, join

LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,3}[.)])(?P<gap>[ \t]+)(?P<body>\S.*)$")
TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")
QUOTE = re.compile(r"^\s*>")
HEADING = re.compile(r"^(?P<hashes>#{1,6})(?P<gap>\s*)(?P<text>\S.*)$")
TAG_LINE = re.compile(r"^#(?=[^\s#])")
"""``#检测 #NMS``: Obsidian tags, which Python-Markdown would read as an ``<h1>``."""
ANSWER_HEADING_LEVEL = 3
"""An answer's own headings start at ``###``: ``#``/``##`` would end the entry (its ``<h2>``)."""
MAX_LIST_DEPTH = 6
"""Deeper outline levels are shown at this depth (every line kept)."""
INDENT = "    "


def width(space: str) -> int:
    return len(space.expandtabs(4))


def close_fences(text: str) -> str:
    """A code fence the note never closes is closed at the end of the answer."""
    lines = text.split("\n")
    open_fence: str | None = None
    for line in lines:
        m = FENCE.match(line)
        if not m:
            continue
        mark = m.group("mark")
        if open_fence is None:
            open_fence = mark
        elif mark[0] == open_fence[0] and len(mark) >= len(open_fence) and not line.strip()[len(mark):].strip():
            open_fence = None
    if open_fence is not None:
        lines.append(open_fence)
    return "\n".join(lines)


def dedent_fences(text: str) -> str:
    """Fences keep their place in the text but start at column 0 (an indented fence in a
    Typora list would otherwise be read as indented code with its backticks)."""
    parts = blocks(text)
    for block in parts:
        if block.kind == "code":
            indent = width(FENCE.match(block.lines[0]).group("indent"))
            block.lines = [_strip(line, indent) for line in block.lines]
    return join(parts)


def _strip(line: str, columns: int) -> str:
    expanded = line.expandtabs(4)
    lead = len(expanded) - len(expanded.lstrip(" "))
    return expanded[min(lead, columns):]


ONE_LINE_DISPLAY = re.compile(r"^\s*\$\$(?P<tex>[^$\n]+)\$\$\s*$")
INLINE_DISPLAY = re.compile(r"\$\$(?P<tex>[^$\n]+?)\$\$")


def display_math_lines(text: str) -> str:
    """``$$c_t = …$$`` alone on a line is a display block (arithmatex reads ``$$`` only as a
    block); inside a sentence it is inline math (``…得到 $$x^2$$ 项`` → ``$x^2$``)."""
    parts = blocks(text)
    for block in parts:
        if block.kind != "text":
            continue
        lines: list[str] = []
        for line in block.lines:
            if m := ONE_LINE_DISPLAY.match(line):
                lines += ["$$", m.group("tex").strip(), "$$"]
            else:
                lines.append(INLINE_DISPLAY.sub(lambda m: f"${m.group('tex').strip()}$", line))
        block.lines = lines
    return join(parts)


def blocks_apart(text: str) -> str:
    """Code, display math, lists, tables and quotes start after a blank line; tables and
    quotes end before one (a line right after a list item stays with it, as in CommonMark)."""
    parts = blocks(text)
    out: list[str] = []
    for k, block in enumerate(parts):
        if block.kind != "text":
            if out and out[-1].strip():
                out.append("")
            out.extend(block.lines)
            if k + 1 < len(parts) and parts[k + 1].lines and parts[k + 1].lines[0].strip():
                out.append("")
            continue
        previous = "blank"
        for i, line in enumerate(block.lines):
            kind = _line_kind(line, block.lines[i + 1] if i + 1 < len(block.lines) else "")
            if kind == "text" and previous == "list" and line[:1] in (" ", "\t"):
                kind = "list"  # an indented line under an item belongs to it
            if kind == "text" and previous == "table" and line.lstrip().startswith("|"):
                kind = "table"  # the rows after the delimiter row
            starts = kind in ("list", "table", "quote") and previous not in (kind, "blank")
            ends = kind == "text" and previous in ("table", "quote")
            if (starts or ends) and out and out[-1].strip():
                out.append("")
            out.append(line)
            if kind == "text" and previous == "list":
                kind = "list"  # a lazy line after an item stays with it
            previous = kind
    return "\n".join(out)


def _line_kind(line: str, following: str) -> str:
    if not line.strip():
        return "blank"
    if LIST_ITEM.match(line):
        return "list"
    if line.lstrip().startswith("|") and (TABLE_DELIMITER.match(following) or TABLE_DELIMITER.match(line)):
        return "table"
    if QUOTE.match(line):
        return "quote"
    return "text"


ORDERED_ITEM = re.compile(r"^(?P<number>\d{1,3})(?P<dot>[.)])(?P<gap>[ \t]+)(?P<body>\S.*)$")


def flat_numbered_lines(text: str) -> str:
    """``1. 改变通道数`` / ``2. 跨通道融合`` with nothing nested under them: a note's numbered
    lines, kept as lines with their numbers (a list would draw the numbers, and renumber
    ``3. 4.`` that start in the middle)."""
    parts = blocks(text)
    for block in parts:
        if block.kind != "text":
            continue
        lines = block.lines
        items = [i for i, line in enumerate(lines) if ORDERED_ITEM.match(line)]
        nested = any(next((ln for ln in lines[i + 1:] if ln.strip()), "")[:1] in (" ", "\t") for i in items)
        if nested:
            continue  # an item with something nested under it: a real list, kept as one
        for i in items:
            m = ORDERED_ITEM.match(lines[i])
            lines[i] = f"{m.group('number')}\\{m.group('dot')}{m.group('gap')}{m.group('body')}"
    return join(parts)


def list_indentation(text: str) -> str:
    """Nested items at four spaces per level (Typora writes two, 面经 outlines tabs); their
    continuation lines under them; other indented prose at column 0, since indentation in
    notes is an outline, not code."""
    parts = blocks(text)
    for block in parts:
        if block.kind != "text":
            continue
        stack: list[int] = []  # source indents of the open list levels
        fixed: list[str] = []
        blank_run = False
        for line in block.lines:
            if not line.strip():
                fixed.append("")
                blank_run = True
                continue
            m = LIST_ITEM.match(line)
            lead = width(re.match(r"^[ \t]*", line).group(0))
            if m:
                while stack and lead < stack[-1]:
                    stack.pop()
                if not stack or lead > stack[-1]:
                    stack.append(lead)
                level = min(len(stack) - 1, MAX_LIST_DEPTH)
                fixed.append(f"{INDENT * level}{m.group('marker')} {m.group('body')}")
            elif stack and lead > stack[0]:
                while len(stack) > 1 and lead <= stack[-1]:
                    stack.pop()
                level = min(len(stack), MAX_LIST_DEPTH + 1)
                fixed.append(f"{INDENT * level}{line.strip()}")
            else:
                if blank_run:
                    stack = []
                fixed.append(line.strip() if lead >= len(INDENT) or not stack else line)
            blank_run = False
        block.lines = fixed
    return join(parts)


def answer_headings(text: str) -> str:
    """``## 公式`` inside an answer becomes ``### 公式``; ``###公式`` gets its space; a line of
    tags (``#检测 #NMS``) stays text."""
    def fix(line: str) -> str:
        if TAG_LINE.match(line):
            return "\\" + line
        m = HEADING.match(line)
        if not m:
            return line
        level = max(len(m.group("hashes")), ANSWER_HEADING_LEVEL)
        return f"{'#' * level} {m.group('text')}"

    parts = blocks(text)
    for block in parts:
        if block.kind == "text":
            block.lines = [fix(line) for line in block.lines]
    return join(parts)
