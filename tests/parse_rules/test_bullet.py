"""parse_rules.bullet: bullets, hand-typed -- and •, Notion toggles, dash-framed group titles."""

from __future__ import annotations

import pytest
from handbook.parse_rules.bullet import match


@pytest.mark.parametrize("line, family, prefix, text", [
    ("- 为什么要做 NMS？", "-", "-", "为什么要做 NMS？"),
    ("* 感受野怎么计算", "-", "*", "感受野怎么计算"),
    ("+ Anchor 的设计", "-", "+", "Anchor 的设计"),
    ("-- 相对位置偏置是怎么加的", "--", "--", "相对位置偏置是怎么加的"),
    ("• 数据增强有哪些", "-", "•", "数据增强有哪些"),
    ("▸ 为什么用 GELU", "-", "▸", "为什么用 GELU"),
    ("- ▸ 为什么用 GELU", "-", "-", "为什么用 GELU"),  # a Notion toggle: the triangle is not text
    ("    - 嵌套的一条", "-", "-", "嵌套的一条"),
])
def test_bullets(line, family, prefix, text):
    m = match(line)
    assert (m.kind, m.rule, m.family, m.prefix, m.text) == ("item", "bullet", family, prefix, text)


@pytest.mark.parametrize("line, text", [
    ("---- Anchor-free 目标检测-----", "Anchor-free 目标检测"),
    ("-- 场景题 --", "场景题"),
])
def test_dash_framed_group_titles(line, text):
    m = match(line)
    assert (m.kind, m.rule, m.family, m.text) == ("item", "framed_title", "framed", text)


def test_three_dashes_and_text_title_a_group():
    m = match("--- code 编程")
    assert (m.kind, m.family, m.text) == ("item", "framed", "code 编程")


@pytest.mark.parametrize("line", [
    "---",  # a thematic break
    "------",
    "*强调的一句话*",  # emphasis
    "*args 和 **kwargs 的区别",  # a bullet needs a space after *
    "+1 的技巧",
    "为什么要做 NMS？",
])
def test_not_bullets(line):
    assert match(line) is None
