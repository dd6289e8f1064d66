"""parse_rules.mark(): rules tried in order, one Mark per line; indent, Logseq heading blocks, signatures.

Also covers the two small rules without a file of their own (heading_no_space, qa_prefix).
"""

from __future__ import annotations

import pytest
from handbook.parse_rules import indent_of, mark


@pytest.mark.parametrize("line, kind, rule", [
    ("", "blank", "blank"),
    ("   ", "blank", "blank"),
    ("训练时用当前 batch 的统计量。", "plain", "plain"),
    ("id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b", "property", "logseq_property"),
    ("###什么样的数据集不适合用深度学习？", "heading", "heading_no_space"),
    ("> [!question] 为什么要 warmup？", "callout", "callout"),
    ("面试官：为什么用 Focal Loss？", "qa_q", "speaker_asks"),
    ("问：什么是感受野？", "qa_q", "qa_prefix"),
    ("- [ ] 手写 NMS", "item", "task"),
    ("**1、NMS 怎么写？**", "item", "bold_numbered"),
    ("1、NMS 怎么写？", "item", "numbered"),
    ("- NMS 怎么写？", "item", "bullet"),
    ("![](nms.png)", "image", "image_only"),
])
def test_first_matching_rule_wins(line, kind, rule):
    m = mark(line)
    assert (m.kind, m.rule) == (kind, rule)


def test_bold_labels_of_a_question_bank():
    m = mark("**Q5. Why does label smoothing help?**")
    assert (m.kind, m.number, m.text) == ("qa_q", 5, "Why does label smoothing help?")
    m = mark("- **Q**: 空洞卷积有什么用？ **A**: 不降分辨率地扩大感受野。")
    assert (m.kind, m.text) == ("qa_q", "空洞卷积有什么用？ **A**: 不降分辨率地扩大感受野。")
    assert (mark("**A**: 不降分辨率地扩大感受野。").kind, mark("**答**：扩大感受野").kind) == ("qa_a", "qa_a")


def test_a_pandoc_escaped_number_is_still_a_number():
    m = mark("**3\\. SVM 的核函数有什么作用？**")
    assert (m.kind, m.number, m.text) == ("item", 3, "SVM 的核函数有什么作用？")


def test_a_reaction_emoji_does_not_hide_the_marker_after_it():
    m = mark("🙏 第三个：anchor 的尺寸怎么定")
    assert (m.kind, m.number, m.text) == ("item", 3, "anchor 的尺寸怎么定")
    assert mark("😂 这题我也不会").kind == "plain"


@pytest.mark.parametrize("line, number, text", [
    ("问：什么是感受野？", 0, "什么是感受野？"),
    ("Q3. 为什么用 GELU？", 3, "为什么用 GELU？"),
    ("问题2：RoI Align 解决了什么", 2, "RoI Align 解决了什么"),
    ("Q: What is NMS?", 0, "What is NMS?"),
    ("❓Q1｜为什么小目标难检测", 1, "为什么小目标难检测"),
    ("**Q**: 什么是 mAP？", 0, "什么是 mAP？"),
])
def test_question_prefixes(line, number, text):
    m = mark(line)
    assert (m.kind, m.number, m.text) == ("qa_q", number, text)


@pytest.mark.parametrize("line, text", [
    ("答：感受野是输出上一个点对应的输入区域", "感受野是输出上一个点对应的输入区域"),
    ("A: intersection over union", "intersection over union"),
    ("✅A：交并比", "交并比"),
    ("答案：C", "C"),
    ("→ 一種跨框架的模型格式，怎麼轉都行", "一種跨框架的模型格式，怎麼轉都行"),  # an arrow opening the answer line
])
def test_answer_prefixes(line, text):
    m = mark(line)
    assert (m.kind, m.text) == ("qa_a", text)


def test_bracketed_answer_prefix_loses_both_brackets():
    assert mark("【答：用分数衰减代替删除】").text == "用分数衰减代替删除"


@pytest.mark.parametrize("line", ["问题：", "Question:", "Q3.", "问问题的技巧很重要"])
def test_not_question_prefixes(line):
    assert mark(line).kind != "qa_q"


@pytest.mark.parametrize("line, level, text", [("###什么样的数据集不适合用深度学习？", 3, "什么样的数据集不适合用深度学习？"),
                                               ("##1.问题", 2, "1.问题")])
def test_headings_without_a_space(line, level, text):
    m = mark(line)
    assert (m.kind, m.level, m.text) == ("heading", level, text)


@pytest.mark.parametrize("line", ["#面试 #CV/卷积", "#字节跳动# #面经#", "#include <vector>", "#define N 100", "#[[目标检测]]"])
def test_tags_and_preprocessor_lines_are_not_headings(line):
    assert mark(line).kind != "heading"


def test_logseq_heading_block():
    m = mark("- ## 两阶段检测")
    assert (m.kind, m.level, m.text, m.rule) == ("item", 2, "两阶段检测", "bullet")


@pytest.mark.parametrize("line, indent", [("x", 0), ("  - x", 2), ("\t- x", 4), ("\t  1. x", 6)])
def test_indent_counts_tabs_as_four(line, indent):
    assert indent_of(line) == indent
    assert mark(line).indent == indent


def test_signatures_group_siblings_of_one_kind():
    assert mark("1. 为什么用 BN？").signature == mark("7、Dropout 的原理").signature == "item:N"
    assert mark("(1) 卷积怎么反向传播？").signature == "item:(1)"
    assert mark("- 感受野").signature == "item:-"
    assert mark("-- 追问").signature == "item:--"
    assert mark("##3.问题").signature == "h2"
