"""Raw HTML that notes bring along: hidden text is shown, executable tags made inert.

The page itself is sanitized after rendering (:mod:`handbook.sanitize`); these fixers decide
what a reader sees before that: an HTML comment is part of the note (``<!-- 这题面试官追问过 -->``),
so it is shown as a remark, and a ``<script>`` tag is shown as text rather than dropped.
"""

from __future__ import annotations

import html
import re

COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.S)
EDITOR_MARKERS = {"toc", "/toc", "more", "endtoc", "excerpt", "truncate", "readmore"}
EXECUTABLE = re.compile(
    r"(?<!`)</?(?:script|style|iframe|object|embed|frame|frameset|applet|base|meta|link)\b[^>]*>(?!`)", re.I
)
BLOCK_WRAPPER = re.compile(
    r"^(?P<indent>\s*)<(?P<tag>center|div|figure|section)\b(?P<attrs>(?![^>]*\bmarkdown\b)[^>]*)>\s*$", re.I
)


def comments_shown(text: str) -> str:
    """``<!-- 博主注：追问过 -->`` → ``（注：博主注：追问过）``; editor markers (``<!-- more -->``) go."""
    def shown(m: re.Match[str]) -> str:
        body = " ".join(m.group("body").split())
        if not body or body.lower() in EDITOR_MARKERS:
            return ""
        return f"（注：{html.escape(body, quote=False)}）"

    return COMMENT.sub(shown, text)


def inert_tags(text: str) -> str:
    """``<script>…</script>`` → the tags as inline code: shown, never run."""
    return EXECUTABLE.sub(lambda m: f"`{m.group(0)}`", text)


def markdown_in_wrappers(text: str) -> str:
    """``<center>`` + an image + ``</center>``: the Markdown inside an HTML wrapper is read too."""
    return "\n".join(
        BLOCK_WRAPPER.sub(lambda m: f"{m.group('indent')}<{m.group('tag')}{m.group('attrs')} markdown>", line)
        for line in text.split("\n")
    )
