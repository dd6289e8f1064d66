"""Inline habits of note writers that Python-Markdown would read another way.

Each fixer sees only prose runs (:func:`handbook.fixers.spans.map_prose`), never code,
math, URLs or markup, and changes how the text is read, not its words.
"""

from __future__ import annotations

import re

from .spans import PROTECTED, math_spans

WORD = r"[\w\u4e00-\u9fff]"
LITERAL_STAR = re.compile(rf"(?<={WORD})\*(?={WORD})|(?<=[\w)])\s\*\s(?=[\w(])")
"""``256*256*3``, ``G*G``, ``3 * 3``: a times sign, not emphasis."""
DOUBLE_UNDERSCORE = re.compile(r"__(?=\w)|(?<=\w)__")
"""``__init__``: Chinese notes bold with ``**``; ``__`` is Python's."""
LONE_DOLLAR = re.compile(r"(?<!\\)\$")
TEX_SYMBOLS = (
    "rightarrow", "leftarrow", "Rightarrow", "Leftarrow", "leftrightarrow", "to", "times", "cdot", "approx",
    "neq", "ne", "leq", "geq", "le", "ge", "infty", "pm", "sum", "alpha", "beta", "gamma", "lambda", "sigma",
    "theta", "mu", "epsilon", "delta", "pi",
)
TEX_COMMAND = re.compile(r"\\(" + "|".join(sorted(TEX_SYMBOLS, key=len, reverse=True)) + r")(?![A-Za-z])")
CJK_THEN_LATIN = re.compile(r"([\u4e00-\u9fff\u3400-\u4dbf])([A-Za-z0-9\u0370-\u03ff])")
LATIN_THEN_CJK = re.compile(r"([A-Za-z0-9\u0370-\u03ff%])([\u4e00-\u9fff\u3400-\u4dbf])")
URL_GLUED = re.compile(
    r"((?:https?|ftp)://[^\s<>()\[\]\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]*[A-Za-z0-9_%.-])"
    r"(?=[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e!])"
)
"""``…/p/72195907这篇``: a URL ends where Chinese prose starts (``https://a.com/用法`` is one URL)."""
BARE_UNICODE_URL = re.compile(r"(?<![(<\"'=\w])((?:https?|ftp)://[^\s<>()\[\]]*[^\x00-\x7f][^\s<>()\[\]]*)")
EMPTY_LINK = re.compile(r"(?<!!)\[\]\((?P<url>[^)\s]+)\)")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PANDOC_ATTRIBUTES = re.compile(r"(?<![\\ ])\{(?=(?:width|height|\.|#)[^}\n]*\})")
"""``![](a.png){width="5.2in" height="2.9in"}``, ``[文字]{.underline}``: a Word export's attributes."""


def literal_star(prose: str) -> str:
    return LITERAL_STAR.sub(lambda m: m.group(0).replace("*", "\\*"), prose)


def double_underscore(prose: str) -> str:
    return DOUBLE_UNDERSCORE.sub(r"\\_\\_", prose)


def lone_dollar(prose: str) -> str:
    """A ``$`` outside any formula is a dollar sign (``价格写作 $5``)."""
    return LONE_DOLLAR.sub(r"\\$", prose)


def tex_outside_math(prose: str) -> str:
    """``R-CNN \\rightarrow Fast R-CNN``: TeX typed outside a formula becomes a formula, so it
    is shown as the symbol it means (the page text keeps the command, as the note wrote it)."""
    return TEX_COMMAND.sub(lambda m: f"${m.group(0)}$", prose)


def cjk_latin_spacing(prose: str) -> str:
    """Pangu spacing: ``用CNN提取`` → ``用 CNN 提取``."""
    return LATIN_THEN_CJK.sub(r"\1 \2", CJK_THEN_LATIN.sub(r"\1 \2", prose))


URL_AFTER_CJK = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e])(?=(?:https?|ftp)://)")


def url_apart(line: str) -> str:
    """``见https://zhuanlan.zhihu.com/p/1这篇`` → spaces around the URL: it starts and ends
    where the Chinese does, and is linked as a URL."""
    line = URL_AFTER_CJK.sub(" ", URL_GLUED.sub(r"\1 ", line))
    return BARE_UNICODE_URL.sub(r"<\1>", line)  # "https://a.com/用法": an autolink keeps it whole


def empty_link(line: str) -> str:
    """``[](https://…)``: a link with no text shows its address."""
    return EMPTY_LINK.sub(lambda m: f"[{m.group('url')}]({m.group('url')})", line)


def pandoc_attributes(line: str) -> str:
    """Shown as the note has them rather than read as attributes (``5.2in`` is no HTML width)."""
    return PANDOC_ATTRIBUTES.sub(r"\\{", line)


def table_math(line: str) -> str:
    """``| $|x|$ |``: a ``|`` inside a formula would split the table cell; KaTeX reads ``\\vert``."""
    if not TABLE_ROW.match(line):
        return line
    out, pos = [], 0
    for m in math_spans(line):
        out.append(line[pos:m.start()])
        out.append(m.group(0).replace("\\|", "\\Vert{}").replace("|", "\\vert{}"))
        pos = m.end()
    out.append(line[pos:])
    return "".join(out)


__all__ = ["PROTECTED", "cjk_latin_spacing", "double_underscore", "empty_link", "literal_star", "lone_dollar",
           "table_math", "tex_outside_math", "url_apart"]
