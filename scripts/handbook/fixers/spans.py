"""Where a fixer may write: the prose of an answer, outside code, math, URLs and markup.

An answer is cut into blocks (fenced code, display math, text) and each text line into
runs: inline code, inline math, URLs, HTML tags and link targets are kept as they are;
fixers only ever see the rest (:func:`map_prose`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

FENCE = re.compile(r"^(?P<indent>\s*)(?P<mark>`{3,}|~{3,})")
MATH_FENCE = re.compile(r"^\s*\$\$\s*$")
ENV_BEGIN = re.compile(r"^\s*\\begin\{(?P<env>[A-Za-z]+\*?)\}")
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_SENTENCE_MARKS = re.compile(r"[。，；！？]")
MAX_CJK_IN_MATH = 4
"""``$\\text{损失}$`` is math; ``$5 的时候不是公式。…$`` is two dollar signs in prose."""
INLINE_MATH = re.compile(
    r"\$\$(?P<display>[^$\n]+?)\$\$"
    r"|(?<![\\\w])\$(?=[^\s$])(?P<tex>(?:\\.|[^$\n\\])+?)(?<=[^\s\\])\$(?!\d)"
)
PROTECTED = re.compile(
    r"(?P<code>`+)[^`\n]*?(?P=code)"  # inline code
    r"|<!--.*?-->|</?[A-Za-z][^>\n]*>"  # HTML
    r"|\]\([^)\n]*\)|\]\[[^\]\n]*\]"  # link targets
    r"|(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+"  # URLs
)


@dataclass
class Block:
    kind: str
    """``code``, ``math`` or ``text``."""
    lines: list[str]


def blocks(text: str) -> list[Block]:
    """Fenced code, display math (``$$`` … ``$$``, ``\\begin{…}`` … ``\\end{…}``) and text."""
    out: list[Block] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if m := FENCE.match(line):
            close = re.compile(rf"^\s*{re.escape(m.group('mark')[0])}{{{len(m.group('mark'))},}}\s*$")
            j = next((k for k in range(i + 1, len(lines)) if close.match(lines[k])), len(lines) - 1)
            out.append(Block("code", lines[i : j + 1]))
            i = j + 1
        elif MATH_FENCE.match(line) and any(MATH_FENCE.match(ln) for ln in lines[i + 1 :]):
            j = next(k for k in range(i + 1, len(lines)) if MATH_FENCE.match(lines[k]))
            out.append(Block("math", lines[i : j + 1]))
            i = j + 1
        elif (m := ENV_BEGIN.match(line)) and (
            j := next((k for k in range(i, len(lines)) if f"\\end{{{m.group('env')}}}" in lines[k]), None)
        ) is not None:
            out.append(Block("math", lines[i : j + 1]))
            i = j + 1
        else:
            if out and out[-1].kind == "text":
                out[-1].lines.append(line)
            else:
                out.append(Block("text", [line]))
            i += 1
    return out


def join(parts: list[Block]) -> str:
    return "\n".join(line for block in parts for line in block.lines)


def is_math(tex: str) -> bool:
    return not CJK_SENTENCE_MARKS.search(tex) and len(CJK.findall(tex)) <= MAX_CJK_IN_MATH


def math_spans(line: str) -> Iterator[re.Match[str]]:
    """Inline ``$…$`` / ``$$…$$`` that are formulas (not two prices in a sentence): a
    candidate that reads as prose is skipped one character on, so ``$5 …：$a$`` still finds ``$a$``."""
    pos = 0
    while (m := INLINE_MATH.search(line, pos)) is not None:
        if is_math(m.group("display") or m.group("tex") or ""):
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def runs(line: str) -> list[tuple[bool, str]]:
    """The line as (is_prose, text) runs; math, code, URLs, HTML and link targets are not prose."""
    kept = sorted([(m.start(), m.end()) for m in math_spans(line)] + [
        (m.start(), m.end()) for m in PROTECTED.finditer(line)])
    out: list[tuple[bool, str]] = []
    pos = 0
    for start, end in kept:
        if start < pos:
            continue  # overlapping spans: the first one wins
        if start > pos:
            out.append((True, line[pos:start]))
        out.append((False, line[start:end]))
        pos = end
    if pos < len(line):
        out.append((True, line[pos:]))
    return out


def map_prose(text: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to every prose run of every text line."""
    parts = blocks(text)
    for block in parts:
        if block.kind == "text":
            block.lines = ["".join(fix(t) if prose else t for prose, t in runs(line)) for line in block.lines]
    return join(parts)


def map_text_lines(text: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to every whole line outside code and display math."""
    parts = blocks(text)
    for block in parts:
        if block.kind == "text":
            block.lines = [fix(line) for line in block.lines]
    return join(parts)
