"""Source fixers: pure ``str -> str`` repairs that turn a note's answer into Markdown
Python-Markdown and pymdown-extensions read the way the note writer meant.

Applied in the order of :data:`FIXERS` (block layout first, then prose). Each is small,
named, and has golden cases in ``tests/fixers/`` (``case.md`` → ``case.out.md``).
"""

from __future__ import annotations

from collections.abc import Callable

from . import html, inline, structure
from .spans import map_prose, map_text_lines

Fixer = Callable[[str], str]


def _prose(fix: Fixer) -> Fixer:
    return lambda text: map_prose(text, fix)


def _lines(fix: Fixer) -> Fixer:
    return lambda text: map_text_lines(text, fix)


FIXERS: list[tuple[str, Fixer]] = [
    ("comments_shown", html.comments_shown),
    ("inert_tags", html.inert_tags),
    ("close_fences", structure.close_fences),
    ("dedent_fences", structure.dedent_fences),
    ("markdown_in_wrappers", html.markdown_in_wrappers),
    ("display_math_lines", structure.display_math_lines),
    ("flat_numbered_lines", structure.flat_numbered_lines),
    ("list_indentation", structure.list_indentation),
    ("blocks_apart", structure.blocks_apart),
    ("answer_headings", structure.answer_headings),
    ("url_apart", _lines(inline.url_apart)),
    ("empty_link", _lines(inline.empty_link)),
    ("table_math", _lines(inline.table_math)),
    ("pandoc_attributes", _lines(inline.pandoc_attributes)),
    ("literal_star", _prose(inline.literal_star)),
    ("double_underscore", _prose(inline.double_underscore)),
    ("lone_dollar", _prose(inline.lone_dollar)),
    ("tex_outside_math", _prose(inline.tex_outside_math)),
    ("cjk_latin_spacing", _prose(inline.cjk_latin_spacing)),
]


def fix_markdown(text: str) -> str:
    """Every fixer, in order."""
    for _name, fix in FIXERS:
        text = fix(text)
    return text
