"""Answers given apart from their questions: a 面经 lists the questions asked, then keys short
answers to them further down, by label or in order::

    接着八股：1. BN 在训练和测试时有什么不同，
    2. Dropout 训练和测试的区别，
    3. 手撕 NMS。

    答案简单记一下：
    - BN：训练用 batch 统计量，测试用滑动平均。
    - Dropout：训练随机置零并放大，测试不做。
    - 手撕时用 numpy 向量化写的……

Each keyed line joins the question its label names (``BN：`` → the BN question); a line with no
label takes the next question in order. :mod:`handbook.roles` decides which lines are keyed, the
emitter of :mod:`handbook.parse` moves them; both ask this module which question a label names.
"""

from __future__ import annotations

import re

from .interrogative import plain_text

KEY_LEAD = re.compile(r"^[^：:。？?]{0,10}(?:参考答案|答案|解答|回答)[^：:。？?]{0,12}[：:]$")
BARE_LABEL = re.compile(r"^(?:参考答案|答案|解答|回答|我的答案|标准答案)\s*[：:]$")
"""``答案简单记一下：``, ``二面的答案：``, ``答案回去查了一下，记在这：``: the line that opens the keyed answers
(a bare ``答案：`` labels the answer of the question right above it)."""
LABEL = re.compile(r"^\s*(?P<label>[^：:，,。；;？?]{1,16}?)\s*[：:]\s*\S")
"""``BN：训练时…``, ``model.eval()：…``: the short name before the colon."""
NOT_LABELS = frozenset({"答", "答案", "a", "注意", "注", "备注", "补充", "总结", "结论", "例如", "比如", "追问"})
"""Colon words that label the answer itself, not the question it answers."""
WORD = re.compile(r"[a-z0-9]+(?:[.\-+][a-z0-9]+)*|[\u4e00-\u9fff]")
LABEL_COVERAGE = 0.75
"""Share of a label's words (Latin words, Chinese characters) the question must contain
(``深浅拷贝`` names ``Python 的深拷贝和浅拷贝有什么区别``)."""
MIN_KEYED_QUESTIONS = 2
"""Unanswered questions before a lead line (``答案：``) for it to open keyed answers."""
MIN_LISTED_QUESTIONS = 3
"""Unanswered questions in a row before answers keyed by label alone (no lead line) are read
so: fewer, and a label in an ordinary answer (``- BN：…`` under an LN question) could be mistaken."""


def is_key_lead(text: str) -> bool:
    words = plain_text(text).strip()
    return bool(KEY_LEAD.match(words)) and not BARE_LABEL.match(words)


def key_label(text: str) -> str | None:
    """The label a keyed answer line opens with, if any."""
    m = LABEL.match(plain_text(text))
    if m is None:
        return None
    label = m.group("label").strip()
    return None if label.casefold() in NOT_LABELS else label


def _words(text: str) -> list[str]:
    return WORD.findall(plain_text(text).casefold())


def names(label: str, question: str) -> bool:
    """Does ``label`` name ``question``? Its words, nearly all, are the question's."""
    words = _words(label)
    if not words:
        return False
    asked = set(_words(question))
    asked |= {w for q in asked for w in re.split(r"[.\-+]", q) if w}  # "Soft-NMS" also names NMS
    return sum(w in asked for w in words) >= LABEL_COVERAGE * len(words)


def named_question(label: str, questions: list[str], start: int = 0) -> int | None:
    """Index of the question ``label`` names, searching from ``start`` first (keyed answers follow
    their questions' order): one that opens with the label, else one naming it as a word, else
    one holding its words (``NMS`` is ``NMS 的具体流程``, not ``Soft-NMS 和 NMS 有什么不一样``)."""
    order = [*range(start, len(questions)), *range(start)]
    hits = [k for k in order if names(label, questions[k])]
    if not hits:
        return None
    name = label.casefold()
    asked = {k: plain_text(questions[k]).casefold().strip() for k in hits}
    opens = [k for k in hits if asked[k].startswith(name)]
    whole = [k for k in hits if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", asked[k])]
    return (opens or whole or hits)[0]
