"""Notes exported as one HTML element per line (Evernote, OneNote, some web clippers).

Accepts::

    <div><b>1. 模型量化有哪几种方式？</b></div>
    <div><span style="color: rgb(0, 112, 192);">按是否重新训练分为…</span></div>
    <div>&nbsp;&nbsp;&nbsp;&nbsp;追问：INT8 量化后精度掉得厉害，怎么排查？</div>
    <div><br/></div>

Such a note is read through its text: each line keeps its place (line anchors still match),
wrappers and styling spans go, bold stays bold, leading ``&nbsp;`` become indentation and
``<div><br/></div>`` a blank line. The page under ``/sources/`` still shows the note as written.
"""

from __future__ import annotations

import html
import re

WRAPPED = re.compile(r"^\s*<(div|p)\b[^>]*>.*</\1>\s*$", re.I | re.S)
MIN_WRAPPED_SHARE = 0.6
"""A note is an HTML export when this share of its non-blank lines are wrapped elements."""
WRAPPERS = re.compile(r"</?(?:div|p|span|font)\b[^>]*>", re.I)
BREAK = re.compile(r"<br\s*/?>", re.I)
BOLD = re.compile(r"</?(?:b|strong)\b[^>]*>", re.I)
CODE = re.compile(r"</?code\b[^>]*>", re.I)
LEADING_SPACE = re.compile(r"^(?:&nbsp;|&#160;|\u00a0|\s)+")


def is_html_export(lines: list[str]) -> bool:
    text = [ln for ln in lines if ln.strip()]
    return bool(text) and sum(1 for ln in text if WRAPPED.match(ln)) >= MIN_WRAPPED_SHARE * len(text)


def unwrap(line: str) -> str:
    """The text of one exported line, as a Markdown line."""
    inner = WRAPPERS.sub("", BREAK.sub("", line))
    indent = LEADING_SPACE.match(inner)
    depth = len(re.findall(r"&nbsp;|&#160;|\u00a0| ", indent.group(0))) if indent else 0
    body = inner[indent.end():] if indent else inner
    body = CODE.sub("`", BOLD.sub("**", body))
    return " " * depth + html.unescape(body).rstrip()
