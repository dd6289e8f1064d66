"""parse_rules.numbered: numbered lines in every style notes use."""

from __future__ import annotations

import pytest
from handbook.parse_rules.numbered import chinese_number, match


@pytest.mark.parametrize("line, family, number, prefix, text", [
    ("1. 为什么用 ReLU？", "N", 1, "1.", "为什么用 ReLU？"),
    ("2、BN 的作用", "N", 2, "2、", "BN 的作用"),
    ("3) 感受野怎么算", "N", 3, "3)", "感受野怎么算"),
    ("12．Adam 和 SGD 的区别", "N", 12, "12．", "Adam 和 SGD 的区别"),
    ("(4) 池化的作用", "(1)", 4, "(4)", "池化的作用"),
    ("（5）空洞卷积", "(1)", 5, "（5）", "空洞卷积"),
    ("5.15.2 空洞卷积有什么用？", "1.2/2", 2, "5.15.2", "空洞卷积有什么用？"),
    ("2.3 Anchor 怎么设计", "1.2/1", 3, "2.3", "Anchor 怎么设计"),
    ("一、传统机器学习", "一、", 1, "一、", "传统机器学习"),
    ("十二、模型部署", "一、", 12, "十二、", "模型部署"),
    ("第3题：手写 NMS", "第1", 3, "第3题：", "手写 NMS"),
    ("第二章 卷积神经网络", "第1章", 2, "第二章", "卷积神经网络"),
    ("①什么是 IoU", "①", 1, "①", "什么是 IoU"),
    ("③ 什么是 mAP", "①", 3, "③", "什么是 mAP"),
    ("01 为什么 ViT 需要大数据？", "N", 1, "01", "为什么 ViT 需要大数据？"),
])
def test_numbering_styles(line, family, number, prefix, text):
    m = match(line)
    assert (m.kind, m.family, m.number, m.prefix, m.text) == ("item", family, number, prefix, text)
    assert not m.group


def test_dashes_after_the_number_name_a_group():
    m = match("3、-- 卷积相关")
    assert (m.text, m.number, m.group) == ("卷积相关", 3, True)


@pytest.mark.parametrize("line", ["1.", "1、", "2.5", "1000 张图片就够了", "12 个 epoch 后开始过拟合", "BN 的作用"])
def test_not_numbered(line):
    assert match(line) is None


@pytest.mark.parametrize("line", ["3.5 mm 的镜头视场角怎么算", "1.0版本的模型掉点了"])
def test_decimal_numbers_in_prose_are_not_numbering(line):
    assert match(line) is None


@pytest.mark.parametrize("text, value", [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_chinese_number(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("line, number, text", [
    ("1️⃣ 过拟合有哪些解决办法？", 1, "过拟合有哪些解决办法？"),
    ("🔟 学习率太大会怎样", 10, "学习率太大会怎样"),
    ("1⃣️1⃣️ 迁移学习怎么 fine-tune", 11, "迁移学习怎么 fine-tune"),  # two keycaps, as a phone types 11
])
def test_keycap_numbers(line, number, text):
    m = match(line)
    assert (m.number, m.text) == (number, text)
