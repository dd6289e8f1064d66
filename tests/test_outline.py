"""outline: every line marked once, then nested into a tree (headings by level, items by indent, content under heads)."""

from __future__ import annotations

import pytest
from handbook.outline import BOLD_TITLE_RANK, CHAPTER_RANK, FRAMED_RANK, build_outline, split_cells
from handbook.parse_rules.interrogative import Ask


def tree(text: str):
    return build_outline(text)[0]


def shape(node) -> list:
    """(kind, text) of each child, with its own children, for heads and headings."""
    return [(c.kind, c.text, shape(c)) if c.kind in ("head", "heading") else c.kind for c in node.children]


def test_headings_nest_by_level():
    root = tree("# 目标检测\n## 两阶段\n### Faster R-CNN 的流程是什么？\n\nRPN 出候选框，再做 RoI Pooling。\n"
                "## 单阶段\n### YOLO 为什么快？\n")
    assert shape(root) == [("heading", "目标检测", [
        ("heading", "两阶段", [("heading", "Faster R-CNN 的流程是什么？", ["content"])]),
        ("heading", "单阶段", [("heading", "YOLO 为什么快？", [])]),
    ])]
    assert [n.rank for n in root.walk() if n.kind == "heading"] == [1.0, 2.0, 3.0, 2.0, 3.0]


def test_items_nest_by_indent():
    root = tree("- 卷积相关\n  - 卷积输出尺寸怎么算？\n  - 1x1 卷积的作用\n- 池化相关\n\t- 池化有什么用？\n")
    assert shape(root) == [
        ("head", "卷积相关", [("head", "卷积输出尺寸怎么算？", []), ("head", "1x1 卷积的作用", [])]),
        ("head", "池化相关", [("head", "池化有什么用？", [])]),
    ]


def test_content_sits_under_the_open_head():
    root = tree("问：什么是感受野？\n答：输出特征图上一个点对应的输入区域。\n\n问：怎么计算？\n从后往前逐层递推。\n")
    assert shape(root) == [("head", "什么是感受野？", ["content"]), ("head", "怎么计算？", ["content"])]


def test_logseq_properties_are_skip_nodes():
    root = tree("- 目标检测\n  id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b\n  - 为什么要 NMS？\n    collapsed:: true\n"
                "    - 去掉重复的框\n")
    kinds = [n.kind for n in root.walk()]
    assert kinds.count("skip") == 2
    [top] = root.children
    assert [c.text for c in top.children if c.kind == "head"] == ["为什么要 NMS？"]


def test_indented_lines_are_an_outline_not_code():
    root = tree("感受野怎么计算？\n    从后往前递推：r = r + (k - 1) * s\n")
    [head] = root.children
    assert all(c.container != "block" for c in head.children)
    assert head.children[0].start == 1


def test_code_fences_are_opaque():
    root = tree("问：NMS 代码？\n```python\n# 按分数排序\n1. 这不是编号\n## 也不是标题\n```\n")
    [head] = root.children
    assert [(c.kind, c.container, c.start, c.end) for c in head.children] == [("content", "block", 1, 6)]


def test_unclosed_fence_ends_before_a_numbered_question():
    root, reader = build_outline("```python\ndef nms(boxes, scores):\n    order = scores.argsort()\n\n"
                                 "2. 为什么要用 Soft-NMS？\n\n用分数衰减代替删除。\n")
    assert reader.blocks.unclosed == [0]
    assert [(c.kind, c.container or c.text) for c in root.children] == [
        ("content", "unclosed_fence"), ("head", "为什么要用 Soft-NMS？")]


def test_callout_title_is_a_head_over_its_body():
    root = tree("> [!question] Q1: 卷积层输出尺寸怎么算？\n> (W - K + 2P) / S + 1\n> 向下取整\n\n"
                "> [!question]- Q2: 1x1 卷积有什么用？\n> 升降维\n")
    first, second = root.children
    assert (first.container, first.text, first.mark.number) == ("callout", "卷积层输出尺寸怎么算？", 1)
    assert [(c.container, c.start, c.end) for c in first.children] == [("callout_body", 1, 3)]
    assert (second.text, second.mark.number) == ("1x1 卷积有什么用？", 2)


def test_details_summary_is_the_head():
    root = tree("<details><summary>NMS 怎么实现？</summary>\n\n按分数排序，逐个抑制重叠框。\n\n</details>\n")
    [head] = root.children
    assert (head.kind, head.container, head.text) == ("head", "details", "NMS 怎么实现？")
    assert {c.container for c in head.children} == {"details_body"}


def test_question_table_rows_carry_their_answer_cell():
    root = tree("| 问题 | 答案 |\n|---|---|\n| 什么是 IoU？ | 交并比 |\n| mAP 怎么算？ | 各类 AP 取平均 |\n")
    heads = [n for n in root.children if n.kind == "head"]
    assert [(h.text, h.inline) for h in heads] == [("什么是 IoU？", "交并比"), ("mAP 怎么算？", "各类 AP 取平均")]


def test_traditional_headers_and_extra_columns_of_a_question_table():
    root = tree("| 編號 | 題目 | 參考答案 | 出處 |\n|---|---|---|---|\n| 1 | 什麼是 NMS？ | 非極大值抑制 | 字節 |\n"
                "| 2 | 條件 GAN 是什麼 |  | 美團 |\n")
    heads = [n for n in root.children if n.kind == "head"]
    assert [(h.text, h.inline, h.mark.prefix) for h in heads] == [
        ("什麼是 NMS？", "非極大值抑制<br>出處：字節", "1"),  # the source column is kept, labelled
        ("條件 GAN 是什麼", "出處：美團", "2"),
    ]
    assert heads[1].mark.label == "no_answer"  # its answer cell is empty: 待补充, whatever else the row says


def test_a_table_without_question_columns_is_one_block():
    root = tree("| 模型 | mAP |\n|---|---|\n| YOLOv5s | 37.4 |\n")
    assert [(c.kind, c.container) for c in root.children] == [("content", "block")]


def test_split_cells_keeps_escaped_bars():
    assert split_cells(r"| a \| b | c |") == [r" a \| b ", " c "]


def test_flashcard_export():
    root = tree("什么是 IoU\t交并比\n什么是 mAP\t各类 AP 的平均\nNMS 的作用\t去掉重复框\n")
    assert [(c.text, c.inline, c.mark.rule) for c in root.children] == [
        ("什么是 IoU", "交并比", "flashcard"), ("什么是 mAP", "各类 AP 的平均", "flashcard"),
        ("NMS 的作用", "去掉重复框", "flashcard")]


def test_a_flashcard_with_html_is_one_card_not_a_block_over_the_next_ones():
    text = ("#html:true\n什么是 IoU\t交并比\n<div>Canny 的步骤</div>\t1. 高斯滤波<br>2. 梯度\n"
            "NMS 的作用\t去掉重复框\n什么是 mAP\t各类 AP 的平均\n")
    cards = [(c.text, c.inline) for c in tree(text).children if c.mark is not None and c.mark.rule == "flashcard"]
    assert cards == [("什么是 IoU", "交并比"), ("Canny 的步骤", "1. 高斯滤波<br>2. 梯度"),
                     ("NMS 的作用", "去掉重复框"), ("什么是 mAP", "各类 AP 的平均")]


def test_two_tabbed_lines_are_not_a_flashcard_export():
    root = tree("什么是 IoU\t交并比\n什么是 mAP\t各类 AP 的平均\n")
    assert all(c.mark.rule != "flashcard" for c in root.children if c.mark is not None)


def test_question_typed_across_two_lines_is_joined():
    root = tree("Q：请说明 BN 和 LN\n的区别？\n答：一个沿 batch 统计，一个沿通道统计。\n")
    head = root.children[0]
    assert (head.text, head.continuation, head.end) == ("请说明 BN 和 LN 的区别？", (1,), 2)


def test_question_answered_after_an_arrow_is_not_joined_to_the_next_question():
    root = tree("梯度裁剪怎么做 -> 按全局范数缩放，超过阈值就等比例缩小\nwarmup 有什么用？\n    前几百步学习率从小升到大\n")
    assert [c.text.split(" ->")[0] for c in root.children if c.kind == "head"] == ["梯度裁剪怎么做", "warmup 有什么用？"]


def test_question_cut_by_a_blank_line_after_a_comma_is_joined():
    root = tree("- 为什么用 warmup，\n\n  以及之后怎么衰减？\n\n  先线性升再余弦降。\n")
    head = root.children[0]
    assert (head.text, head.continuation) == ("为什么用 warmup，以及之后怎么衰减？", (2,))
    assert [c.kind for c in head.children] == ["content"]


def test_heading_cut_by_a_blank_line_after_a_comma_is_joined():
    root = tree("## 为什么用 warmup，\n\n以及之后怎么衰减？\n\n先线性升再余弦降。\n")
    assert root.children[0].text == "为什么用 warmup，以及之后怎么衰减？"


def test_a_title_then_its_first_question_is_not_joined():
    root = tree("二、训练相关\n梯度消失和梯度爆炸的原因？\n")
    assert [c.text for c in root.walk() if c.kind == "head"] == ["训练相关", "梯度消失和梯度爆炸的原因？"]


def test_generated_table_of_contents_is_skipped_and_reported():
    root, reader = build_outline("<!-- TOC -->\n- [一面](#一面)\n- [二面](#二面)\n<!-- /TOC -->\n\n## 一面\n\n"
                                 "### 为什么用 GELU？\n")
    assert [c.kind for c in root.children] == ["skip"] * 4 + ["heading"]
    assert len(reader.notes) == 1 and "table of contents" in reader.notes[0][1]


def test_hand_made_table_of_contents_is_skipped():
    root, reader = build_outline("## 目录\n\n- [BN](#bn)\n- [Dropout](#dropout)\n\n## BN 的作用？\n\n加速收敛。\n")
    assert [c.kind for c in root.children if c.kind != "skip"] == ["heading"]
    assert root.children[-1].text == "BN 的作用？"
    assert reader.notes


def test_heading_keeps_its_numbering_in_the_mark():
    root = tree("## 1. 梯度下降有哪几种？\n\nBGD、SGD、mini-batch。\n")
    h = root.children[0]
    assert (h.text, h.mark.family, h.mark.number, h.mark.level) == ("梯度下降有哪几种？", "N", 1, 2)


def test_bare_chapter_number_over_dotted_numbers():
    root = tree("1 卷积神经网络\n1.1 为什么用小卷积核？\n1.2 感受野怎么算？\n")
    [chapter] = root.children
    assert (chapter.mark.rule, chapter.text, chapter.rank) == ("chapter_number", "卷积神经网络", CHAPTER_RANK)
    assert [c.text for c in chapter.children] == ["为什么用小卷积核？", "感受野怎么算？"]


def test_a_bare_number_without_dotted_numbers_is_no_chapter():
    root = tree("1 卷积神经网络\n为什么用小卷积核？\n")
    assert root.children[0].mark.rule != "chapter_number"


@pytest.mark.parametrize("text, rank", [
    ("一、传统机器学习\n1. SVM 的核函数有什么用？\n2. 决策树怎么剪枝？\n", CHAPTER_RANK),
    ("**思路一**\n\n先排序再遍历。\n", BOLD_TITLE_RANK),
    ("---- 场景题 ----\n- 训练 loss 不降怎么办？\n", FRAMED_RANK),
])
def test_group_like_lines_rank_and_hold_what_follows(text, rank):
    root = tree(text)
    first = root.children[0]
    assert first.rank == rank
    assert first.children


def test_a_line_that_asks_has_no_rank():
    root = tree("一、为什么要用 BN？\n1. 加速收敛\n")
    assert root.children[0].rank == 0.0


def test_chapters_of_one_rank_are_siblings():
    root = tree("一、传统机器学习\n1. SVM 的核函数有什么用？\n二、深度学习\n1. BN 的作用？\n")
    assert [(c.text, len(c.children)) for c in root.children] == [("传统机器学习", 1), ("深度学习", 1)]


def test_short_plain_line_after_an_answer_is_more_answer():
    root = tree("问：高通滤波器有什么用？\n答：保留边缘和细节。\n下图是高通滤波器的频率响应\n")
    [head] = root.children
    assert [c.kind for c in head.children] == ["content", "content"]


def test_a_speaker_comment_titles_nothing():
    root = tree("面试官：嗯，好的。\n1. 为什么用 Focal Loss？\n")
    assert [c.kind for c in root.children] == ["content", "head"]


def test_setext_heading_of_one_line_but_not_of_a_paragraph():
    assert shape(tree("面经\n===\n\n为什么用 ReLU？\n")) == [("heading", "面经", [("head", "为什么用 ReLU？", [])])]
    root = tree("BN 在训练时用 batch 统计量\n测试时用滑动平均\n---\n")
    assert all(n.kind != "heading" for n in root.walk())


def test_node_ask_reads_the_part_before_an_inline_answer():
    root = tree("- 虚函数的实现原理——每个含虚函数的类都有一张虚表，对象里存着指向它的指针\n")
    assert root.children[0].ask == Ask.WEAK


def test_very_deep_outlines_stay_shallow():
    root = tree("".join("  " * i + f"- 第 {i} 层\n" for i in range(80)))

    def depth(node) -> int:
        return 1 + max((depth(c) for c in node.children), default=0)

    assert depth(root) <= 25
    assert sum(1 for n in root.walk() if n.kind == "head") == 80


def test_lines_are_covered_once():
    text = "# 一面\n\n问：什么是感受野？\n答：输出上一点对应的输入区域。\n\n- 为什么用 BN？\n  - 加速收敛\n"
    root = tree(text)
    lines = sorted(i for n in root.walk() if n.kind != "root" for i in n.lines)
    assert lines == sorted(set(lines))
    assert set(lines) == {i for i, ln in enumerate(text.split("\n")) if ln.strip()}
