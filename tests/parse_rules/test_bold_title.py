"""parse_rules.bold_title: bold titles, bold labels, numbered questions wrapped in bold, bracketed titles."""

from __future__ import annotations

import pytest
from handbook.parse_rules import mark
from handbook.parse_rules.bold_title import match


def bold(line: str):
    return match(line, inner=mark)


@pytest.mark.parametrize("line, text", [("**思路一**", "思路一"), ("__两阶段检测器__", "两阶段检测器")])
def test_bold_title(line, text):
    m = bold(line)
    assert (m.kind, m.rule, m.text) == ("bold", "bold_title", text)


@pytest.mark.parametrize("line, label, text", [
    ("**特点：**", "特点", ""),
    ("**优点**：计算量小，适合端侧部署", "优点", "计算量小，适合端侧部署"),
    ("**English answer:** Overfitting is when the model memorises noise", "English answer",
     "Overfitting is when the model memorises noise"),
])
def test_bold_labels(line, label, text):
    m = bold(line)
    assert (m.kind, m.label, m.text) == ("label", label, text)


@pytest.mark.parametrize("line, text", [
    ("**答案**:", ""),
    ("**参考答案**：先看 loss 曲线再调学习率", "先看 loss 曲线再调学习率"),
    ("**A**：交并比", "交并比"),
])
def test_bold_answer_labels(line, text):
    m = bold(line)
    assert (m.kind, m.rule, m.text) == ("qa_a", "bold_answer_label", text)


def test_bold_question_label():
    m = bold("**Q**: 什么是 IoU？")
    assert (m.kind, m.rule, m.text) == ("qa_q", "bold_question_label", "什么是 IoU？")


@pytest.mark.parametrize("line, number, text", [
    ("**1、双线性插值的原理是什么？**", 1, "双线性插值的原理是什么？"),
    ("**4、直方图均衡化**是怎么做的？", 4, "**直方图均衡化**是怎么做的？"),  # bold covered part of the text
    ("**2．**形态学的开运算是什么？", 2, "形态学的开运算是什么？"),  # only the number is bold (Word export)
    ("**12 为什么 ViT 要加 cls token？**", 12, "为什么 ViT 要加 cls token？"),
    ("**(3) RoI Pooling 的量化误差**", 3, "RoI Pooling 的量化误差"),
])
def test_bold_numbered_questions(line, number, text):
    m = bold(line)
    assert (m.kind, m.bold, m.number, m.text) == ("item", True, number, text)


def test_bold_numbering_is_its_own_family():
    assert mark("**1、NMS 怎么写？**").signature != mark("1、NMS 怎么写？").signature


def test_bold_prefix_question():
    m = bold("**问：为什么用 1x1 卷积？**")
    assert (m.kind, m.bold, m.text) == ("qa_q", True, "为什么用 1x1 卷积？")


@pytest.mark.parametrize("line, text", [
    ("‹腾讯-一面(2018)›", "腾讯-一面(2018)"),
    ("【字节跳动 二面】", "字节跳动 二面"),
    ("「美团 三面（HR）」", "美团 三面（HR）"),
])
def test_bracketed_titles(line, text):
    m = bold(line)
    assert (m.kind, m.rule, m.text) == ("bold", "bracket_title", text)


@pytest.mark.parametrize("line", [
    "这里的 **BN** 放在激活前",
    "【字节跳动】二面主要问了项目",  # brackets only around part of the line
    "《深度学习》这本书推荐看",
    "普通的一行",
    "****",
])
def test_not_bold_lines(line):
    assert bold(line) is None


def test_a_bold_follow_up_label_asks():
    m = mark("**追问：** 那 InstanceNorm 呢？ **答：** 每个样本每个通道单独归一化")
    assert (m.kind, m.label) == ("qa_q", "追问")
