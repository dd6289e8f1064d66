"""parse_rules.callout: Obsidian callouts (a quote whose first line names a type) and plain quotes."""

from __future__ import annotations

import pytest
from handbook.parse_rules.callout import QUESTION_TYPES, match


@pytest.mark.parametrize("line, kind, text", [
    ("> [!question] Q1: 卷积层输出尺寸怎么算？", "question", "Q1: 卷积层输出尺寸怎么算？"),
    ("> [!question]- Q4: 1x1 卷积有什么用？", "question", "Q4: 1x1 卷积有什么用？"),  # foldable
    ("> [!faq]+ 为何要 warmup", "faq", "为何要 warmup"),
    ("> [!NOTE] 自己的理解", "note", "自己的理解"),  # type lower-cased
    ("> [!tip]", "tip", ""),
    ("  >[!abstract] 本节小结", "abstract", "本节小结"),
])
def test_callout_title_lines(line, kind, text):
    m = match(line)
    assert (m.kind, m.callout, m.text, m.rule) == ("callout", kind, text, "callout")


@pytest.mark.parametrize("line, text", [
    ("> 引用原文：BN 会引入 batch 间的噪声", "引用原文：BN 会引入 batch 间的噪声"),
    ("\\> 和 Sobel 的区别在于多了高斯平滑", "和 Sobel 的区别在于多了高斯平滑"),  # pandoc-escaped >
    (">", ""),
])
def test_quotes(line, text):
    m = match(line)
    assert (m.kind, m.text) == ("quote", text)


@pytest.mark.parametrize("line", ["[!question] 没有大于号", "a > b 时取 a", "-> 箭头", "1. > 不是引用"])
def test_not_quotes(line):
    assert match(line) is None


def test_question_types():
    assert {"question", "faq", "问题"} <= QUESTION_TYPES
    assert not {"note", "tip", "warning", "abstract"} & QUESTION_TYPES
