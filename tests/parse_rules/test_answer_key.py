"""parse_rules.answer_key: which earlier question a keyed answer's label names."""

from __future__ import annotations

import pytest
from handbook.parse_rules.answer_key import is_key_lead, key_label, named_question, names


@pytest.mark.parametrize("text, expected", [
    ("参考答案整理如下：", True),
    ("一面的答案：", True),
    ("答案回去查了一下，记在这：", True),
    ("面试官对我的答案不太满意。", False),  # says something; leads into nothing
    ("答案：", False),  # a bare label answers the question right above it
    ("**答案**:", False),
    ("下面说说我的看法：", False),
])
def test_is_key_lead(text, expected):
    assert is_key_lead(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("GIoU：在 IoU 上减去最小外接框里的空白比例", "GIoU"),
    ("torch.no_grad()：不建计算图，省显存", "torch.no_grad()"),
    ("答：先分析 bad case", None),  # the answer's own label
    ("用 C++ 写的，先排序再二分：", None),  # a comma before the colon: a sentence
])
def test_key_label(text, expected):
    assert key_label(text) == expected


def test_names():
    assert names("左右值", "C++ 里左值和右值怎么区分")
    assert names("NMS", "Soft-NMS 和普通 NMS 的区别")
    assert not names("Adam", "SGD 的动量是怎么起作用的")


def test_named_question_prefers_the_exact_name_and_the_order():
    asked = ["Soft-NMS 和 NMS 有什么不一样", "NMS 的具体流程", "RPN 的损失怎么设计", "为什么 anchor 要设不同长宽比"]
    assert named_question("NMS", asked) == 1  # the question it opens, not the one comparing it
    assert named_question("Soft-NMS", asked) == 0
    assert named_question("长宽比", asked, start=3) == 3
    assert named_question("RPN", asked, start=3) == 2  # found before where the search started
    assert named_question("Mask", asked) is None
