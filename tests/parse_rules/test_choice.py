"""parse_rules.choice: the options of a multiple-choice question."""

from __future__ import annotations

import pytest
from handbook.parse_rules import mark
from handbook.parse_rules.choice import match


@pytest.mark.parametrize("line, letter, text", [
    ("A. 28×28×10", "A", "28×28×10"),
    ("(B) 增大学习率", "B", "增大学习率"),
    ("C、BN 的效果与 batch size 无关", "C", "BN 的效果与 batch size 无关"),
    ("A. 750　　B. 760　　C. 7500", "A", "750　　B. 760　　C. 7500"),  # all options on one line
])
def test_options(line, letter, text):
    m = match(line)
    assert (m.kind, m.label, m.text) == ("option", letter, text)


@pytest.mark.parametrize("line", ["A.I. 是什么", "A: 先排序再抑制", "I. 引言", "Adam 的更新公式"])
def test_not_options(line):
    assert mark(line).kind != "option"
