"""Images in answers: formulas drawn as images become formulas, local files are published,
missing ones are named instead of breaking.

``![](https://latex.codecogs.com/gif.latex?\\frac{a}{b})`` (CSDN, Zhihu and GitHub embed
formulas this way) becomes ``$\\frac{a}{b}$`` with a small link to the image. Other images
are handed to an :class:`ImageResolver`, which knows the note's folder and the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

REMOTE = re.compile(r"^(?:https?:)?//", re.I)
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>(?:[^()\n]|\([^()\n]*\))+?)(?:\s+\"(?P<title>[^\"\n]*)\")?\)")
"""``![alt](src "title")``; the path may hold spaces (Typora) or one level of parentheses (formula URLs)."""
RAW_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]+)\"|'([^']+)'|([^\s\"'>]+))[^>]*>", re.I)
EQUATION_IMAGE = re.compile(
    r"^(?:https?:)?//(?:latex\.codecogs\.com/[\w.]+(?:\.latex|\.image|\.download)?\?"
    r"|www\.zhihu\.com/equation\?(?:.*?&)?tex="
    r"|render\.githubusercontent\.com/render/math\?(?:.*?&)?math="
    r"|math\.now\.sh/?\?(?:.*?&)?from=)(?P<tex>.+)$",
    re.I,
)
CODECOGS_PREFIX = re.compile(r"^(?:\\(?:dpi\{\d+\}|bg_\w+|bg\{\w+\}|large|small|tiny|huge|inline)\s*)+")
URL_BEFORE_IMAGE = re.compile(r"(https?://[^\s!()<>]+)(?=!\[)")


def equation_from_image(src: str) -> str:
    """TeX behind a codecogs / Zhihu / GitHub equation image URL, or ``""``."""
    m = EQUATION_IMAGE.match(src.strip())
    if not m:
        return ""
    tex = m.group("tex").split("&", 1)[0] if "zhihu" in src or "github" in src else m.group("tex")
    tex = tex.replace("&space;", " ")
    tex = unquote(tex.replace("+", " ") if "codecogs" not in src else tex)
    return CODECOGS_PREFIX.sub("", tex).strip()


@dataclass
class ImageResolver:
    """How one note's images are published: ``url(src)`` gives the page-relative URL of a
    local file (or None when it does not exist), ``size(src)`` its pixel size."""

    url: Callable[[str], str | None] = lambda src: None
    size: Callable[[str], tuple[int, int] | None] = lambda src: None
    remote: bool = True
    """False for print: an offline PDF shows a remote image as its link."""
    missing: list[str] = field(default_factory=list)
    """Local images that do not exist (reported as warnings)."""


def rewrite_images(text: str, resolver: ImageResolver) -> str:
    text = URL_BEFORE_IMAGE.sub(r"\1 ", text)  # "…/p/72195907![截屏](…)"
    text = IMAGE.sub(lambda m: _markdown_image(m, resolver), text)
    return RAW_IMG.sub(lambda m: _raw_image(m, resolver), text)


def _markdown_image(m: re.Match[str], resolver: ImageResolver) -> str:
    alt, src, title = m.group("alt"), m.group("src").strip(), m.group("title")
    if src.startswith("<") and src.endswith(">"):
        src = src[1:-1]
    if tex := equation_from_image(src):
        return _formula(tex, src)
    if REMOTE.match(src) or src.startswith("data:image/"):
        if not resolver.remote and REMOTE.match(src):
            return f"🖼 图片：<{src}>"
        return f"![{alt}]({src}{_title(title)}){{ loading=lazy }}"
    url = resolver.url(src)
    if url is None:
        resolver.missing.append(src)
        return f"🖼 图片缺失：{alt} `{src}`"
    size = resolver.size(src)
    dims = f" width={size[0]} height={size[1]}" if size else ""
    return f"![{alt}]({url}{_title(title)}){{ loading=lazy{dims} }}"


def _raw_image(m: re.Match[str], resolver: ImageResolver) -> str:
    written = next(g for g in m.groups() if g is not None)
    src = written.strip()
    if tex := equation_from_image(src):
        return _formula(tex, src)
    if REMOTE.match(src) or src.startswith("data:image/"):
        if not resolver.remote and REMOTE.match(src):
            return f"🖼 图片：<{src}>"
        return m.group(0)
    url = resolver.url(src)
    if url is None:
        resolver.missing.append(src)
        return f"🖼 图片缺失：`{src}`"
    return m.group(0).replace(written, url)


def _formula(tex: str, src: str) -> str:
    return f"${tex}$ [↗]({src} \"公式原图\")"


def _title(title: str | None) -> str:
    return f' "{title}"' if title else ""
