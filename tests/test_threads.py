"""threads: forum threads copied into a note, reply lines moved to the question they answer."""

from __future__ import annotations

import pytest
from handbook.diagnostics import Report
from handbook.parse import read_note_structure
from handbook.read import read_note
from handbook.threads import find_posts, named_question, opening_clause, ordinal

THREAD = """\
# 求助：CV 算法岗二面被问懵了

[2023-08-12 14:03] 楼主：
1. 为什么 BN 能加速训练？
2. 正负样本不平衡，除了 Focal Loss 还有什么办法？
3. Dice Loss 适合什么场景？

[2023-08-12 15:02] 检测小白：
回复 @楼主：第二个问题：可以试试 OHEM 在线难例挖掘，只对 loss 大的样本回传梯度。

[2023-08-12 15:40] 路过的炼丹师：
回复 @楼主：BN 那个：它让每层输入的分布更稳定，可以用更大的学习率。

[2023-08-12 15:55] 分割小能手：
回复 @楼主：Dice 那个：分割里前景很小的时候用，直接优化重叠度。

[2023-08-12 16:10] 楼主：
回复 @路过的炼丹师：学到了，谢谢！

[2023-08-12 20:31] 楼主：
补充一下二面被问到的：
4. 知识蒸馏的温度系数有什么作用？
"""


def read(tmp_path, text: str):
    path = tmp_path / "thread.md"
    path.write_text(text, encoding="utf-8")
    note = read_note(path, tmp_path, Report())
    return read_note_structure(note, Report())


def by_question(reading) -> dict:
    return {e.question: e for e in reading.entries}


def test_find_posts():
    posts = find_posts(THREAD.split("\n"))
    assert [(p.author, p.reply_to) for p in posts] == [
        ("楼主", ""), ("检测小白", "楼主"), ("路过的炼丹师", "楼主"), ("分割小能手", "楼主"),
        ("楼主", "路过的炼丹师"), ("楼主", "")]
    assert [p.start for p in posts] == [2, 7, 10, 13, 16, 19]
    assert all(a.end == b.start for a, b in zip(posts, posts[1:], strict=False))


def test_too_few_post_headers_are_no_thread():
    text = "[2023-09-01 10:00] 楼主：\n1. RoI Align 好在哪？\n\n[2023-09-01 12:00] 大佬甲：\n回复 @楼主：第一个问题：…\n"
    assert find_posts(text.split("\n")) == []


@pytest.mark.parametrize("text, n", [
    ("第二个问题：OHEM", 2), ("第十二题", 12), ("第二十一道", 21), ("问题3 的话", 3), ("Q4：", 4),
    ("第3问", 3), ("这个问题我也不会", None), ("第二阶段再微调", None),
])
def test_ordinal(text, n):
    assert ordinal(text) == n


def test_opening_clause():
    assert opening_clause("回复 @楼主：Dice 那个：分割里前景很小的时候用") == "Dice 那个"
    assert opening_clause("@炼丹侠 BN 的问题，其实…") == "BN 的问题"


def test_named_question_by_position_then_by_words():
    asked = ["为什么 BN 能加速训练？", "Dice Loss 适合什么场景？"]
    words = {"为什么 BN 能加速训练？": {"bn", "加速", "训练"}, "Dice Loss 适合什么场景？": {"dice", "loss", "场景"}}
    assert named_question("回复 @楼主：第二个问题：…", asked, asked, words.get) == asked[1]
    assert named_question("回复 @楼主：Dice 那个：…", asked, asked, words.get) == asked[1]
    assert named_question("回复 @楼主：第五个问题：…", asked, asked, words.get) is None  # no such position
    assert named_question("回复 @楼主：同问", asked, asked, words.get) is None


def test_a_reply_naming_the_second_question_answers_question_2(tmp_path):
    entries = by_question(read(tmp_path, THREAD))
    second = entries["正负样本不平衡，除了 Focal Loss 还有什么办法？"]
    assert "OHEM" in second.answer
    assert "OHEM" not in entries["Dice Loss 适合什么场景？"].answer


def test_a_reply_naming_a_question_by_its_words(tmp_path):
    entries = by_question(read(tmp_path, THREAD))
    assert "分布更稳定" in entries["为什么 BN 能加速训练？"].answer
    assert "直接优化重叠度" in entries["Dice Loss 适合什么场景？"].answer
    assert "直接优化重叠度" not in entries["为什么 BN 能加速训练？"].answer


def test_thanks_stay_with_the_answer_they_thank(tmp_path):
    entries = by_question(read(tmp_path, THREAD))
    assert "学到了，谢谢" in entries["为什么 BN 能加速训练？"].answer
    assert "学到了" not in entries["Dice Loss 适合什么场景？"].answer


def test_a_new_post_of_the_asker_prefaces_its_own_question(tmp_path):
    entries = by_question(read(tmp_path, THREAD))
    assert "补充一下二面被问到的" in entries["知识蒸馏的温度系数有什么作用？"].preface
    assert "补充一下" not in entries["Dice Loss 适合什么场景？"].answer


def test_moves_are_recorded_per_line(tmp_path):
    reading = read(tmp_path, THREAD)
    rules = {r.line: r.rule for r in reading.lines}
    assert rules[9] == "thread_reply"
    assert rules[18] == "thread_reply_to_answer"
    assert rules[21] == "thread_post_preface"


def test_a_reply_to_a_single_asker_answers_their_one_question(tmp_path):
    text = ("[2023-09-01 10:00] 楼主：\n1. RoI Align 比 RoI Pooling 好在哪？\n\n"
            "[2023-09-01 13:00] 新人乙：\n请问 Swin 的移位窗口怎么实现？\n\n"
            "[2023-09-01 13:30] 楼主：\n2. 为什么 ViT 需要大数据？\n\n"
            "[2023-09-01 14:00] 大佬甲：\n回复 @新人乙：用 torch.roll 把特征图循环移位，再加注意力掩码。\n")
    entries = by_question(read(tmp_path, text))
    assert "torch.roll" in entries["请问 Swin 的移位窗口怎么实现？"].answer
    assert "torch.roll" not in entries["为什么 ViT 需要大数据？"].answer


def test_posts_separated_by_rules(tmp_path):
    text = ("[2023-08-12 14:03] 楼主：\n1. 为什么 BN 能加速训练？\n2. 正负样本不平衡，除了 Focal Loss 还有什么办法？\n=====\n"
            "[2023-08-12 15:02] 检测小白：\n回复 @楼主：第二个问题：OHEM 在线难例挖掘，只回传难样本的梯度。\n=====\n"
            "[2023-08-12 15:30] 路过的炼丹师：\n回复 @楼主：BN 那个：输入分布更稳定，可以用更大的学习率。\n")
    entries = by_question(read(tmp_path, text))
    assert "OHEM" in entries["正负样本不平衡，除了 Focal Loss 还有什么办法？"].answer
    assert "分布更稳定" in entries["为什么 BN 能加速训练？"].answer
    assert "分布更稳定" not in entries["正负样本不平衡，除了 Focal Loss 还有什么办法？"].answer


def test_without_a_thread_a_reply_joins_the_last_question(tmp_path):
    text = ("[2023-09-01 10:00] 楼主：\n1. RoI Align 比 RoI Pooling 好在哪？\n2. 为什么 ViT 需要大数据？\n\n"
            "[2023-09-01 12:00] 大佬甲：\n回复 @楼主：第一个问题：去掉了两次量化，用双线性插值采样。\n")
    entries = by_question(read(tmp_path, text))
    assert "双线性插值" in entries["为什么 ViT 需要大数据？"].answer
    assert "双线性插值" not in entries["RoI Align 比 RoI Pooling 好在哪？"].answer


def test_every_line_of_a_reply_post_is_moved(tmp_path):
    text = THREAD.replace("可以用更大的学习率。\n", "可以用更大的学习率。\n另外 Dice 那个：分割里前景很小的时候用，直接优化重叠度。\n")
    entries = by_question(read(tmp_path, text))
    assert "另外 Dice 那个" not in entries
    assert "另外 Dice 那个" in entries["Dice Loss 适合什么场景？"].answer
