"""Answer Markdown → safe HTML, rendered the way note writers meant it.

markdown-it-py (CommonMark) with the notes' habits built in:

* ``breaks``: one source line is one line on the page (Typora, CSDN copies);
* indented code is off: indentation in notes is an outline, not code;
* ``256*256*3``, ``G*G*`` stay literal: a ``*`` between two word characters is text;
* ``**注意：**这里`` is bold: CommonMark's flanking rules reject a closing ``**`` after
  Chinese punctuation, so a rule of our own pairs ``**…**`` on one line first;
* ``$…$``/``$$…$$``/``\\begin{equation}`` → arithmatex-style spans that KaTeX renders;
  a stray ``$`` stays a dollar sign;
* fenced code is highlighted by Pygments with the markup of pymdownx.highlight, so
  Material styles it and adds its copy button;
* images: remote ones keep their URL with ``referrerpolicy="no-referrer"``; a local
  path that does not exist becomes a visible placeholder naming the file.

The result passes the nh3 allow-list sanitizer: ``<script>``, ``on*=`` handlers and
``javascript:`` URLs never reach the site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound

WORD_CHAR = re.compile(r"[\w\u4e00-\u9fff]")
REMOTE = re.compile(r"^(?:https?:)?//", re.I)
# Formulas that blogs (CSDN, Zhihu, GitHub readmes) embed as rendered images: recover the TeX.
EQUATION_IMAGE = re.compile(
    r"^(?:https?:)?//(?:latex\.codecogs\.com/[\w.]+(?:\.latex|\.image|\.download)?\?"
    r"|www\.zhihu\.com/equation\?(?:.*?&)?tex="
    r"|render\.githubusercontent\.com/render/math\?(?:.*?&)?math="
    r"|math\.now\.sh/?\?(?:.*?&)?from=)(?P<tex>.+)$",
    re.I,
)
CODECOGS_PREFIX = re.compile(r"^(?:\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|large|small|tiny|huge|inline)\s*)+")
# "…zhihu.com/p/72195907![截屏](…)": linkify would take the "!" into the URL
MAX_INDENT = 40  # columns: ~20 levels of Typora's 2-space lists, ~10 of 4-space ones
LEADING_SPACE = re.compile(r"^[ \t]+")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
INLINE_MATH = re.compile(r"\$[^$\n]+\$")
URL_GLUED_TO_IMAGE = re.compile(r"(https?://[^\s!()<>]+)(?=!\[)")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "details", "div", "em", "font", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul", "center", "figure", "figcaption", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "align"},
    "a": {"href", "title", "aria-label"},
    "img": {"src", "alt", "title", "width", "height", "referrerpolicy", "loading"},
    "font": {"color", "size", "face"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start", "type"},
}


@dataclass
class RenderContext:
    """What rendering one answer needs to know, and what it found."""

    image_exists: Callable[[str], bool] = lambda src: False
    image_url: Callable[[str], str] = lambda src: src
    image_size: Callable[[str], tuple[int, int] | None] = lambda src: None
    """Pixel size of a local image: written as width/height so the page keeps its place while it loads."""
    remote_images: bool = True
    """False for print: offline PDFs show a remote image as its link instead."""
    missing_images: list[tuple[int, str]] = field(default_factory=list)
    """(line offset in the answer, path) of local images that do not exist."""
    removed_html: list[str] = field(default_factory=list)
    """Raw HTML the sanitizer removed (scripts, handlers, javascript: URLs), for a warning."""


# -- inline rules ------------------------------------------------------------------

def literal_star(state: StateInline, silent: bool) -> bool:
    """``256*256*3``, ``1*1卷积``: a single ``*`` between word characters is a times sign."""
    pos = state.pos
    src = state.src
    if src[pos] != "*" or src.startswith("**", pos):
        return False
    before = src[pos - 1] if pos > 0 else " "
    after = src[pos + 1] if pos + 1 < state.posMax else " "
    if not (WORD_CHAR.match(before) and WORD_CHAR.match(after)):
        return False
    if not silent:
        state.push("text", "", 0).content = "*"
    state.pos += 1
    return True


def same_line_pair(delimiter: str, tag: str, token_name: str):
    """An inline rule pairing ``delimiter…delimiter`` on one line, around non-space text.

    ``**注意：**这里``: CommonMark's flanking rules reject a closing ``**`` after Chinese
    punctuation; notes write it all the time. ``==重点==``: Typora/Obsidian highlight.
    """
    width = len(delimiter)

    def rule(state: StateInline, silent: bool) -> bool:
        pos, src = state.pos, state.src
        if not src.startswith(delimiter, pos) or src.startswith(delimiter + delimiter[0], pos):
            return False
        end = src.find(delimiter, pos + width, state.posMax)
        inner = src[pos + width : end] if end > pos + width else ""
        if not inner or "\n" in inner or inner[0].isspace() or inner[-1].isspace():
            return False
        if not silent:
            state.push(f"{token_name}_open", tag, 1).markup = delimiter
            old_max = state.posMax
            state.pos, state.posMax = pos + width, end
            state.md.inline.tokenize(state)
            state.posMax = old_max
            state.push(f"{token_name}_close", tag, -1).markup = delimiter
        state.pos = end + width
        return True

    return rule


cjk_strong = same_line_pair("**", "strong", "strong")
mark_highlight = same_line_pair("==", "mark", "mark")


LOOSE_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(([^()\n]+?)\)")


def loose_image(state: StateInline, silent: bool) -> bool:
    """``![截屏 10.58](../Library/Application Support/x.png)``: Typora writes paths with spaces.

    Runs after the CommonMark image rule, so it only sees what that rule refused.
    """
    if not state.src.startswith("![", state.pos):
        return False
    m = LOOSE_IMAGE.match(state.src, state.pos, state.posMax)
    if not m:
        return False
    if not silent:
        token = state.push("image", "img", 0)
        token.attrs = {"src": m.group(2).strip(), "alt": ""}
        token.children = []
        token.content = m.group(1)
        inline_state = StateInline(m.group(1), state.md, state.env, token.children)
        inline_state.md.inline.tokenize(inline_state)
    state.pos = m.end()
    return True


# -- core rules (after parsing, on the token stream) ----------------------------------

HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
EDITOR_MARKERS = {"toc", "/toc", "more", "endtoc", "excerpt", "truncate", "readmore"}
CJK_THEN_LATIN = re.compile(r"([\u4e00-\u9fff\u3400-\u4dbf])([A-Za-z0-9\u0370-\u03ff])")
LATIN_THEN_CJK = re.compile(r"([A-Za-z0-9\u0370-\u03ff%])([\u4e00-\u9fff\u3400-\u4dbf])")


def cjk_latin_spacing(text: str) -> str:
    """Pangu-style spacing: ``用CNN提取`` → ``用 CNN 提取``. Text only, never code, math or URLs."""
    return LATIN_THEN_CJK.sub(r"\1 \2", CJK_THEN_LATIN.sub(r"\1 \2", text))


def visible_comment(match: re.Match[str]) -> str:
    body = match.group(1).strip()
    if not body or body.lower() in EDITOR_MARKERS:
        return ""  # markers for editors and blog engines, not hidden text
    return f'<span class="hb-comment" title="笔记中的 HTML 注释">（注：{html.escape(body)}）</span>'


RAW_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]+)\"|'([^']+)'|([^\s\"'>]+))[^>]*>", re.I)
DANGEROUS_ATTRIBUTE = re.compile(r"<[a-z][^>]*?\s(?:on[a-z]+\s*=|href\s*=\s*[\"']?\s*javascript:)", re.I)


def raw_image(match: re.Match[str], ctx: RenderContext) -> str:
    """``<img src=…>`` written as HTML gets the same treatment as ``![](…)``."""
    written = next(g for g in match.groups() if g is not None)
    src = html.unescape(written).strip()
    tex = equation_from_image(src)
    if tex:
        return formula_html(tex, src)
    if REMOTE.match(src) or src.startswith("data:image/"):
        if not ctx.remote_images and REMOTE.match(src):
            return f'<span class="hb-img-link">🖼 图片：<a href="{html.escape(src)}">{html.escape(src)}</a></span>'
        return match.group(0)
    if ctx.image_exists(src):
        return match.group(0).replace(written, html.escape(ctx.image_url(src)))
    ctx.missing_images.append((0, src))
    return missing_image_placeholder("", src)


EXECUTABLE_TAG = re.compile(r"</?(?:script|style|iframe|object|embed)\b[^>]*>", re.I)


def inert_tag(match: re.Match[str], ctx: RenderContext) -> str:
    """``<script>`` written in a note is shown as text, never run (nor silently dropped)."""
    ctx.removed_html.append(match.group(0))
    return f'<code class="hb-inert">{html.escape(match.group(0))}</code>'


def rewrite_raw_html(state) -> None:
    """Raw HTML of notes: ``<!-- 待补充：… -->`` would hide text from readers, so it is
    shown; ``<script>`` tags are shown as text; ``<img src="…codecogs…">`` formulas
    become real math; local images are checked."""
    ctx: RenderContext = state.env.get("ctx") or RenderContext()

    def rewrite(fragment: str) -> str:
        fragment = EXECUTABLE_TAG.sub(lambda m: inert_tag(m, ctx), fragment)
        return RAW_IMG.sub(lambda m: raw_image(m, ctx), HTML_COMMENT.sub(visible_comment, fragment))

    for token in state.tokens:
        if token.type == "html_block":
            token.content = rewrite(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                child.content = rewrite(child.content)


def fill_empty_links(state) -> None:
    """``[](https://…)``: a link with no text shows its address."""
    for token in state.tokens:
        children = token.children or []
        for i in range(len(children) - 1, 0, -1):
            if children[i].type == "link_close" and children[i - 1].type == "link_open":
                text = Token("text", "", 0)
                text.content = children[i - 1].attrGet("href") or ""
                children.insert(i, text)


def space_cjk_latin(state) -> None:
    for token in state.tokens:
        if token.type != "inline":
            continue
        inside_link = 0
        for child in token.children or ():
            if child.type == "link_open":
                inside_link += 1
            elif child.type == "link_close":
                inside_link -= 1
            elif child.type == "text" and not (inside_link and child.content.startswith(("http", "www."))):
                child.content = cjk_latin_spacing(child.content)


# -- renderers ---------------------------------------------------------------------

def _math_inline(self, tokens, idx, options, env) -> str:
    return f'<span class="arithmatex">\\({html.escape(tokens[idx].content)}\\)</span>'


def _math_inline_display(self, tokens, idx, options, env) -> str:
    """``$$x$$`` inside a line: display style, but still inline HTML."""
    return f'<span class="arithmatex">\\[{html.escape(tokens[idx].content)}\\]</span>'


def _math_block(self, tokens, idx, options, env) -> str:
    return f'<div class="arithmatex">\\[{html.escape(tokens[idx].content.strip())}\\]</div>\n'


def _amsmath(self, tokens, idx, options, env) -> str:
    return f'<div class="arithmatex">\\[{html.escape(tokens[idx].content.strip())}\\]</div>\n'


def formula_html(tex: str, src: str) -> str:
    """Recovered TeX as math, plus a small link to the image it came from."""
    return (
        f'<span class="arithmatex">\\({html.escape(tex)}\\)</span>'
        f'<a class="hb-formula-src" href="{html.escape(src)}" aria-label="公式原图">↗</a>'
    )


def equation_from_image(src: str) -> str:
    """TeX behind a codecogs / Zhihu / GitHub equation image URL, or ``""``."""
    m = EQUATION_IMAGE.match(src.strip())
    if not m:
        return ""
    tex = m.group("tex").split("&", 1)[0] if "zhihu" in src or "github" in src else m.group("tex")
    tex = unquote(tex.replace("&space;", " ").replace("+", " ") if "codecogs" not in src else
                  tex.replace("&space;", " "))
    return CODECOGS_PREFIX.sub("", tex).strip()


@cache
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True)


def guess_language(code: str) -> str:
    """A language for an untagged fence, only when Pygments is fairly sure."""
    try:
        lexer = guess_lexer(code)
    except ClassNotFound:
        return ""
    name = lexer.aliases[0] if lexer.aliases else ""
    return name if name in {"python", "cpp", "c", "java", "bash", "javascript", "sql", "json", "yaml"} else ""


def highlight_code(code: str, lang: str) -> str:
    lang = (lang or "").strip().split()[0].lower() if lang else ""
    if not lang:
        lang = guess_language(code)
    try:
        lexer = get_lexer_by_name(lang) if lang else None
    except ClassNotFound:
        lexer = None
    body = highlight(code, lexer, _formatter()) if lexer else html.escape(code)
    css_lang = re.sub(r"[^\w+-]", "", lang) or "text"
    return (
        f'<div class="language-{css_lang} highlight"><pre><span></span>'
        f"<code>{body}</code></pre></div>\n"
    )


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    return highlight_code(token.content, token.info)


def _image(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    src = token.attrGet("src") or ""
    alt = self.renderInlineAsText(token.children or [], options, env)
    ctx: RenderContext = env["ctx"]
    title = token.attrGet("title")
    title_attr = f' title="{html.escape(title)}"' if title else ""
    tex = equation_from_image(src)
    if tex:
        return formula_html(tex, src)
    if REMOTE.match(src) and not ctx.remote_images:
        return f'<span class="hb-img-link">🖼 图片：<a href="{html.escape(src)}">{html.escape(src)}</a></span>'
    if REMOTE.match(src) or src.startswith("data:image/"):
        return (
            f'<img src="{html.escape(src)}" alt="{html.escape(alt)}"{title_attr} '
            f'loading="lazy" referrerpolicy="no-referrer">'
        )
    if ctx.image_exists(src):
        size = ctx.image_size(src)
        size_attr = f' width="{size[0]}" height="{size[1]}"' if size else ""
        return (
            f'<img src="{html.escape(ctx.image_url(src))}" alt="{html.escape(alt)}"{title_attr}{size_attr} '
            f'loading="lazy">'
        )
    line = token.map[0] if token.map else env.get("line", 0)
    ctx.missing_images.append((line, src))
    return missing_image_placeholder(alt, src)


def missing_image_placeholder(alt: str, src: str) -> str:
    return (
        f'<span class="missing-image" title="图片不在笔记目录中">🖼 图片缺失：'
        f"{html.escape(alt)} <code>{html.escape(src)}</code></span>"
    )


@cache
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"breaks": True, "html": True, "linkify": True, "maxNesting": 100})
    md.enable(["table", "strikethrough", "linkify"])
    md.disable("code")
    md.use(dollarmath_plugin, allow_space=True, allow_digits=False, double_inline=True)
    md.use(amsmath_plugin)
    md.inline.ruler.before("emphasis", "literal_star", literal_star)
    md.inline.ruler.before("emphasis", "cjk_strong", cjk_strong)
    md.inline.ruler.after("image", "loose_image", loose_image)
    md.inline.ruler.before("emphasis", "mark_highlight", mark_highlight)
    md.core.ruler.push("rewrite_raw_html", rewrite_raw_html)
    md.core.ruler.push("fill_empty_links", fill_empty_links)
    md.core.ruler.push("space_cjk_latin", space_cjk_latin)
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_inline_display)
    md.add_render_rule("math_block", _math_block)
    md.add_render_rule("math_block_label", _math_block)
    md.add_render_rule("amsmath", _amsmath)
    md.add_render_rule("fence", _fence)
    md.add_render_rule("image", _image)
    return md


def sanitize(fragment: str) -> str:
    """Allow-list sanitizer; comments are removed by the caller's preprocessing first."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        set_tag_attribute_values={"img": {"referrerpolicy": "no-referrer"}},
    )


def render_block(text: str, ctx: RenderContext | None = None) -> str:
    """Render answer Markdown to sanitized HTML."""
    ctx = ctx or RenderContext()
    text = URL_GLUED_TO_IMAGE.sub(r"\1 ", text)
    text = "\n".join(protect_table_math(cap_indent(line)) for line in text.split("\n"))
    rendered = markdown().render(text, {"ctx": ctx})
    ctx.removed_html += [m.group(0) for m in DANGEROUS_ATTRIBUTE.finditer(rendered)]
    return sanitize(rendered)


def cap_indent(line: str) -> str:
    """Lists nested deeper than :data:`MAX_INDENT` columns are shown at that depth.

    markdown-it stops parsing (and drops the rest) past its nesting limit; a 1,000-deep
    outline would lose its tail. Flattening the deepest levels keeps every line."""
    m = LEADING_SPACE.match(line)
    if not m:
        return line
    width = len(m.group(0).expandtabs(4))
    return line if width <= MAX_INDENT else " " * MAX_INDENT + line[m.end():]


def protect_table_math(line: str) -> str:
    """``| $|x|$ |``: a ``|`` inside math would split the table cell; KaTeX reads ``\\vert``."""
    if not TABLE_ROW.match(line):
        return line
    return INLINE_MATH.sub(lambda m: m.group(0).replace("\\|", "\\Vert ").replace("|", "\\vert "), line)


def render_inline(text: str, ctx: RenderContext | None = None) -> str:
    """Render a question line (inline Markdown only) to sanitized HTML."""
    ctx = ctx or RenderContext()
    return sanitize(markdown().renderInline(text, {"ctx": ctx}))
