"""Does a line *read* like an interview question?

Used only after a line's marker has been found; numbering context is weighed elsewhere.
"""

from __future__ import annotations

import re

# Words interviewers ask with. Kept short and generic: they describe how questions are
# phrased in Chinese and English, not which topics exist.
ASKING_WORDS = (
    "为什么", "为何", "如何", "怎么", "怎样", "什么", "哪些", "哪个", "哪种", "哪里", "哪一", "多少",
    "是否", "能否", "可否", "有没有", "是不是", "区别", "异同", "差异", "介绍", "讲讲", "讲一下",
    "说说", "说一下", "说一说", "谈谈", "解释", "描述", "比较", "对比", "推导", "手推", "手写", "手撕",
    "了解吗", "理解吗", "怎么办", "吗", "呢", "问了", "问到",
)
# Topic words that ask only in a short phrase ("Dropout 的原理", "空洞卷积的作用"), not in prose.
TOPIC_WORDS = (
    "作用", "原理", "优缺点", "优势", "优点", "缺点", "好处", "意义", "特点", "方法", "问题", "原因",
    "影响", "计算", "实现", "用途", "几种", "改进", "本质", "适用", "场景", "代码", "思路", "流程", "不同",
)
PROSE_PUNCTUATION = re.compile(r"[，,。；;]")
OPENER = re.compile(r"^(?:问(?!题)|如何|为什么|为何|怎么|怎样|什么是|简述|请(?:问|说|介绍|解释|描述)|谈谈|说说|讲讲)")
ENGLISH_ASKING = re.compile(r"\b(?:what|why|how|when|which|explain|describe|difference|compare)\b", re.I)
TRAILING_ASIDE = re.compile(r"\s*(?:[(（][^()（）]*[)）]\s*)+$")
QUESTION_END = re.compile(r"[?？]\s*[)）\]】]?\s*$")
ENDS_AS_SENTENCE = re.compile(r"[。；;!！]\s*$")


def ends_with_question_mark(text: str) -> bool:
    """``…吗？`` also when a parenthetical aside follows: ``是否过拟合？（理解…）``."""
    return bool(QUESTION_END.search(TRAILING_ASIDE.sub("", text)) or QUESTION_END.search(text))


def asks(text: str, max_len: int = 60, strong: bool = False) -> bool:
    """A short line that ends with a question mark or is phrased with an asking word.

    ``strong`` ignores topic words (``原理``, ``代码实现``): for lines nested under a
    question, where such a phrase is more often a sub-point of the answer.
    """
    text = text.strip()
    core = TRAILING_ASIDE.sub("", text) or text  # "…哪个更好(答：…)" asks like "…哪个更好"
    if not core:
        return False
    if ends_with_question_mark(text) and len(core) <= 2 * max_len or opens_as_question(text):
        return True
    if ENDS_AS_SENTENCE.search(core):
        return False
    if len(core) <= max_len + 20 and (any(w in text for w in ASKING_WORDS) or ENGLISH_ASKING.search(text)):
        return True
    if strong or len(core) > max_len:
        return False
    return len(core) <= 30 and not PROSE_PUNCTUATION.search(core) and any(w in core for w in TOPIC_WORDS)


def opens_as_question(text: str) -> bool:
    """``如何做…``, ``为什么…``: a short line that starts the way questions start."""
    return bool(OPENER.match(text.strip())) and len(text.strip()) <= 40 and not ENDS_AS_SENTENCE.search(text)
