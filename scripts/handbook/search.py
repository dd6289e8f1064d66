"""Search tuning: teach jieba the field's vocabulary before Material indexes pages.

Material's search plugin segments Chinese with jieba at build time and the browser
segments queries against the index's own tokens. Terms jieba does not know
(``感受野``, ``非极大值抑制``) would be cut into pieces that also match unrelated
text; the glossary's Chinese terms are added as words. Compound terms are *not*
glued when their parts are themselves glossary terms (``空洞卷积`` stays ``空洞``/
``卷积``), so a query for the part still finds the whole.
"""

from __future__ import annotations

import re
from functools import cache

from .taxonomy import load_glossary

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD_FREQ = 2000


def user_words() -> list[str]:
    words = set()
    for term in load_glossary():
        for form in term.forms:
            if CJK.search(form) and " " not in form and 2 <= len(form) <= 8:
                words.add(form)
    return sorted(words)


@cache
def prepare_segmenter() -> int:
    """Add glossary words to jieba (once per process); return how many were added."""
    import jieba

    jieba.setLogLevel(60)
    words = user_words()
    for word in words:
        jieba.add_word(word, freq=WORD_FREQ)
    return len(words)
