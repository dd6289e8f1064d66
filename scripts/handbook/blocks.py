"""Block structure of a note from markdown-it-py's token stream.

The segmenter must never cut inside fenced code, display math, raw HTML or a table,
and must know which lines are headings (ATX, setext, ``<h2>``). markdown-it-py gives
exactly that, with source line spans (``token.map``). Everything else is handed on as
plain text lines for the note-idiom rules.

Indented code blocks are switched off: in notes, indentation means an outline
(Typora, tab-indented question lists), not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from markdown_it import MarkdownIt
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin

BlockKind = Literal["blank", "text", "heading", "opaque"]

HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.I | re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    start: int
    """0-based index of the first line."""
    end: int
    """0-based index one past the last line."""
    level: int = 0
    title: str = ""


@cache
def block_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True)
    md.use(amsmath_plugin)
    md.disable("code")
    md.disable("inline")  # block structure only: inline parsing is the renderer's job
    return md


OPAQUE_TOKENS = {"fence", "math_block", "math_block_label", "amsmath", "html_block", "table_open"}


def unclosed_fence(lines: list[str], tokens) -> int | None:
    """Line index of a fence that runs to the end of the note without closing."""
    content_lines = len("\n".join(lines).rstrip("\n").split("\n"))
    for tok in tokens:
        if tok.type == "fence" and tok.map and tok.map[1] >= content_lines:
            last = lines[tok.map[1] - 1].strip() if tok.map[1] - 1 > tok.map[0] else ""
            if not (last.startswith(tok.markup) and last.strip(tok.markup[0]) == ""):
                return tok.map[0]
    return None


def scan(text: str) -> tuple[list[Block], list[int]]:
    """Cut ``text`` into blocks; also return lines of fences left unclosed (0-based).

    An unclosed fence would swallow the rest of the note; its opening line is read as
    text instead, and the renderer closes the fence at the end of its entry.
    """
    lines = text.split("\n")
    neutral = list(lines)
    unclosed: list[int] = []
    while True:
        tokens = block_parser().parse("\n".join(neutral))
        at = unclosed_fence(neutral, tokens)
        if at is None:
            break
        unclosed.append(at)
        neutral[at] = ""
    covered: dict[int, Block] = {}
    for i, tok in enumerate(tokens):
        if not tok.map:
            continue
        start, end = tok.map
        if tok.type == "heading_open" and tok.markup in ("=", "-") and end - start > 2:
            continue  # "两行文字\n---": in notes a rule under a paragraph, not a two-line heading
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            block = Block("heading", start, end, level=int(tok.tag[1]), title=inline.content.strip())
        elif tok.type == "html_block" and (m := HTML_HEADING.match(tok.content)):
            title = TAG.sub("", m.group(2)).strip()
            block = Block("heading", start, end, level=int(m.group(1)), title=title)
        elif tok.type in OPAQUE_TOKENS:
            block = Block("opaque", start, end)
        else:
            continue
        if start not in covered:
            covered[start] = block
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if i in covered:
            block = covered[i]
            blocks.append(block)
            i = max(block.end, i + 1)
            continue
        kind: BlockKind = "text" if lines[i].strip() else "blank"
        blocks.append(Block(kind, i, i + 1))
        i += 1
    return blocks, unclosed
