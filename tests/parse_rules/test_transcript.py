"""parse_rules/transcript.py: speech-to-text exports, a speaker-and-time line before each turn."""

from __future__ import annotations

from conftest import entries_of
from handbook.parse_rules.transcript import ANSWERER, ASKER, HEADER, read_turns

EXPORT = """CV 一面 录音转写
2024年3月5日 下午 2:00|32分钟

发言人 1 00:01:05
先聊聊项目吧，你这个缺陷检测的数据是怎么标的？

发言人 2 00:01:12
产线工人框的，我们抽检了一成，错标的返工。

发言人 1 00:03:40
好，那 Mosaic 增强为什么对小目标有帮助？

发言人 2 00:03:47
四张图拼一张，小目标出现的次数和背景都变多了。

发言人 1 00:06:02
嗯，可以。那写个代码吧，手写一个 NMS。

发言人 2 00:06:09
按分数排序，取最高的框，去掉和它 IoU 大于阈值的，循环到没有框。
"""


def test_the_speaker_who_asks_is_the_interviewer_and_headers_are_machinery():
    turns = read_turns(EXPORT.split("\n"))
    assert turns[3] == HEADER and turns[4] == ASKER and turns[7] == ANSWERER


def test_each_interviewer_turn_is_a_question_with_the_next_turn_as_its_answer():
    entries = entries_of(EXPORT)
    assert [e.question for e in entries] == ["先聊聊项目吧，你这个缺陷检测的数据是怎么标的？",
                                             "Mosaic 增强为什么对小目标有帮助？",
                                             "写个代码吧，手写一个 NMS。"]  # the acknowledgement is not the question
    assert entries[1].answer.startswith("四张图拼一张")


def test_a_schedule_with_times_is_not_a_transcript():
    schedule = "周一 09:30\n看 DETR\n周二 10:00\n刷题\n周三 09:30\n看 Swin\n周四 10:00\n复习\n"
    assert read_turns(schedule.split("\n")) == {}
