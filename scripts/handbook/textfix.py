"""Pure ``str -> str`` fixers for editor debris and matching-only folding.

Fixers that change what the reader sees keep the number of lines, so every
``file:line`` the pipeline reports still points at the right line of the note.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Zero-width characters editors leave behind (Typora ZWSP indents, Word joiners, stray BOMs).
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
NBSP = re.compile("[\u00a0\u202f]")
# `1x1`, `1×1`, `1*1`, `1 * 1`, `１ｘ１` all mean the same kernel size.
TIMES_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*(?:[xX×*]|\\times)\s*(?=\d)")


def clean_debris(text: str) -> str:
    """BOM, CRLF/CR line ends, zero-width characters and NBSP; line count unchanged."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ZERO_WIDTH.sub("", text)
    return NBSP.sub(" ", text)


@cache
def _opencc():
    try:
        import opencc  # opencc-python-reimplemented

        return opencc.OpenCC("t2s")
    except Exception:  # pragma: no cover - optional speed-up only
        return None


def to_simplified(text: str) -> str:
    """Traditional Chinese characters as Simplified (unchanged without the converter)."""
    converter = _opencc()
    if converter is None or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    return converter.convert(text)


TAIWAN_TERMS = {"杂讯": "噪声", "网路": "网络", "影像": "图像", "程式": "程序", "解析度": "分辨率", "前处理": "预处理",
                # 资料 alone is "material" on the mainland; in these compounds it is Taiwan's "data"
                **{f"资料{w}": f"数据{w}" for w in ("集", "增强", "增广", "不平衡", "量", "分布", "清洗")}}
"""Words Taiwan writes differently (after character conversion: 雜訊 → 杂讯): the mainland word,
same length, so ``椒鹽雜訊`` matches ``椒盐噪声``. (OpenCC's tw2sp phrase table also has these, but
turns 正規化 into 范式.)"""
TAIWAN_WORD = re.compile("|".join(TAIWAN_TERMS))


GLUED_SPACE = re.compile(r"(?<=[A-Za-z0-9])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=[A-Za-z0-9])")
"""``gamma 校正``, ``1x1 卷积核``: the space notes put between scripts, which glossary forms omit."""


def glue_scripts(text: str) -> str:
    return GLUED_SPACE.sub("", text)


def fold(text: str) -> str:
    """Fold text for *matching only*: NFKC, case, Traditional→Simplified (and Taiwan's words for
    the field's), ``1×1``→``1x1``."""
    text = to_simplified(unicodedata.normalize("NFKC", text).lower())
    text = TAIWAN_WORD.sub(lambda m: TAIWAN_TERMS[m.group(0)], text)
    return TIMES_BETWEEN_DIGITS.sub("x", text)


def compact(text: str) -> str:
    """Fold and drop everything but letters, digits and CJK (for fuzzy identity of questions)."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
