"""Condense an answer for the cheat sheet: its key sentences, bullets, formulas, short code.

Pure ``str -> str`` over answer Markdown, line by line:

* prose keeps its first sentences up to a character budget (never cutting inside ``$…$``);
* list items keep their first sentence, at most :data:`MAX_ITEMS` of them;
* display math is kept whole; code fences are kept when short, else cut with ``…``;
* images are dropped (a cheat sheet is for reading on the train).
"""

from __future__ import annotations

import re

PROSE_BUDGET = 160
MAX_ITEMS = 6
MAX_CODE_LINES = 10
SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)、]|[(（]\d+[)）])\s+")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def first_sentences(text: str, budget: int) -> str:
    """Leading sentences of ``text`` within ``budget`` characters (at least one)."""
    parts = [p for p in SENTENCE_END.split(text) if p]
    out = ""
    for part in parts:
        inside_math = out.count("$") % 2 == 1
        if out and len(out) + len(part) > budget and not inside_math:
            break
        out += part
    if len(out) > budget * 2 and out.count("$") == 0:
        out = out[: budget * 2].rstrip() + "…"
    return out


def condense(answer: str) -> str:
    lines = answer.split("\n")
    out: list[str] = []
    budget = PROSE_BUDGET
    items = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            marker = fence.group(1)
            end = i + 1
            while end < len(lines) and not lines[end].strip().startswith(marker):
                end += 1
            code = lines[i + 1 : end]
            if len(code) > MAX_CODE_LINES:
                code = code[:MAX_CODE_LINES] + ["# …"]
            out += [line, *code, marker]
            i = end + 1
            continue
        if line.strip().startswith("$$"):
            end = i
            if line.strip().count("$$") < 2:  # a display block over several lines
                end = i + 1
                while end < len(lines) and "$$" not in lines[end]:
                    end += 1
            out += lines[i : end + 1]
            i = end + 1
            continue
        text = IMAGE.sub("", line).rstrip()
        if not text.strip():
            if out and out[-1] != "":
                out.append("")
            i += 1
            continue
        if LIST_ITEM.match(text):
            items += 1
            if items <= MAX_ITEMS:
                out.append(first_sentences(text, 80))
            elif items == MAX_ITEMS + 1:
                out.append(LIST_ITEM.match(text).group(0) + "…")
        elif budget > 0:
            kept = first_sentences(text, budget)
            budget -= len(kept)
            out.append(kept)
        i += 1
    return "\n".join(out).strip()
