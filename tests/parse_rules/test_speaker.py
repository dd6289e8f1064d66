"""parse_rules.speaker: 面经 transcripts and forum threads, lines prefixed by who speaks."""

from __future__ import annotations

import pytest
from handbook.parse_rules.speaker import match


@pytest.mark.parametrize("line, who, text", [
    ("面试官：BN 在训练和测试时有什么区别？", "面试官", "BN 在训练和测试时有什么区别？"),
    ("面试官: 介绍一下你做的 ReID 项目", "面试官", "介绍一下你做的 ReID 项目"),
    ("面试官：嗯，好的。那 LN 呢？", "面试官", "LN 呢？"),  # acknowledgement taken off
    ("HR：期望薪资是多少？", "HR", "期望薪资是多少？"),
    ("面试官：最后写个代码吧，不调库实现一个二维卷积。", "面试官", "最后写个代码吧，不调库实现一个二维卷积。"),  # moves on, then asks
    ("[2023-08-12 14:03] 楼主：请问 NMS 怎么写成向量化的？", "楼主", "请问 NMS 怎么写成向量化的？"),
])
def test_the_asker_asks(line, who, text):
    m = match(line)
    assert (m.kind, m.rule, m.label, m.text, m.family) == ("qa_q", "speaker_asks", who, text, "Q")


@pytest.mark.parametrize("line", ["面试官：嗯，好的。", "面试官：我们组主要做自动驾驶感知。", "面试官："])
def test_the_asker_comments(line):
    m = match(line)
    assert (m.kind, m.rule, m.label) == ("plain", "speaker_comment", "面试官")


@pytest.mark.parametrize("line, who, text", [
    ("我：训练时用 batch 的统计量，测试用滑动平均", "我", "训练时用 batch 的统计量，测试用滑动平均"),
    ("候选人：用过 TensorRT 做 INT8 量化", "候选人", "用过 TensorRT 做 INT8 量化"),
    ("答主：可以看看 OHEM", "答主", "可以看看 OHEM"),
    ("回复 @炼丹侠：用 numpy 的广播一次算完 IoU 矩阵", "回复 @炼丹侠", "用 numpy 的广播一次算完 IoU 矩阵"),
])
def test_the_answerer_answers(line, who, text):
    m = match(line)
    assert (m.kind, m.rule, m.label, m.text) == ("qa_a", "speaker_answers", who, text)


@pytest.mark.parametrize("line, who", [
    ("[2023-08-12 14:20] 路过的炼丹师：", "路过的炼丹师"),
    ("3楼 检测小白：", "检测小白"),
    ("#12 调参侠：", "调参侠"),
    ("路过的炼丹师 2023-08-12 14:20", "路过的炼丹师"),
])
def test_post_headers(line, who):
    m = match(line)
    assert (m.kind, m.rule, m.label) == ("plain", "post_header", who)


def test_a_reported_follow_up_carries_its_answer():
    m = match("👉 面试官还追问了为什么 Transformer 不用 BN，我答的是序列长度不固定，batch 统计量不稳")
    assert (m.kind, m.rule, m.label) == ("qa_q", "reported_follow_up", "面试官")
    assert m.text.startswith("为什么 Transformer 不用 BN") and "我答的是" in m.text


@pytest.mark.parametrize("line", [
    "面试官很 nice，全程都在引导。",
    "我觉得这题答得不好",
    "我们组主要做检测：2D 和 3D 都有",
    "3楼 检测小白：其实可以用 OHEM",  # a floor with text is not a bare header
    "面试官还追问了为什么不用 BN",  # no answer told: not a reported follow-up
    "BN 在训练和测试时有什么区别？",
])
def test_not_speaker_lines(line):
    assert match(line) is None
