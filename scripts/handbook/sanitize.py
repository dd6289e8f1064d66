"""The built HTML of generated pages: an allow-list sanitizer, and one wrapper per entry.

Notes may bring any HTML; after Python-Markdown has rendered a page, :func:`sanitize`
keeps only what the allow-list names (``<script>``, ``on*=`` handlers and ``javascript:``
URLs never reach the site). :func:`wrap_entries` puts each question's body (what follows its
``<h2>`` up to the next one) in ``<div class="hb-qa">``, which the stylesheet lays out
lazily (``content-visibility``) so a long topic page paints fast.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "em", "font", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul", "center", "figure", "figcaption", "dl", "dt", "dd", "section", "nav", "header", "caption", "col",
    "colgroup",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "align", "lang"},
    "a": {"href", "title", "aria-label"},
    "img": {"src", "alt", "title", "width", "height", "referrerpolicy", "loading"},
    "font": {"color", "size", "face"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style"},
    "ol": {"start", "type"},
    "details": {"open"},
    "span": {"style"},
}
STYLE_PROPERTIES = {"text-align", "width"}
"""Python-Markdown writes table column alignment as ``style="text-align: …"``, the home page's
coverage bars their ``width``; no other style passes."""
H2 = re.compile(r"(?=<h2[\s>])")
H2_END = "</h2>"


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        filter_style_properties=STYLE_PROPERTIES,
        set_tag_attribute_values={"img": {"referrerpolicy": "no-referrer"}},
    )


def wrap_entries(html: str) -> str:
    """``<h2 …>Q</h2> answer… <h2 …>`` → ``<h2 …>Q</h2><div class="hb-qa">answer…</div> <h2 …>``."""
    parts = H2.split(html)
    out = [parts[0]]
    for part in parts[1:]:
        end = part.find(H2_END)
        if end < 0:
            out.append(part)
            continue
        head, body = part[: end + len(H2_END)], part[end + len(H2_END):]
        out.append(f'{head}\n<div class="hb-qa">{body.strip()}</div>\n')
    return "".join(out)
