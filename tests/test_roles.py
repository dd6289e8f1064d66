"""roles: which node of a note's outline is a question, an answer, a title (ordered ROLE_RULES, first wins)."""

from __future__ import annotations

import pytest
from handbook.outline import build_outline
from handbook.roles import ROLE_RULES, Role, assign


def roles(text: str) -> dict[str, tuple[str, str]]:
    """Source line (stripped) → (role, rule) of the node that starts on it."""
    root, reader = build_outline(text)
    decisions = assign(root)
    return {reader.lines[n.start].strip(): (decisions[id(n)].role.value, decisions[id(n)].rule)
            for n in root.walk() if n.kind != "root"}


def role_of(text: str, line: str) -> tuple[str, str]:
    return roles(text)[line]


@pytest.mark.parametrize("text, line, expected", [
    # an author's directive on the line before overrides everything
    ("<!-- handbook: question -->\n部署注意事项\n\n导出 ONNX 前先把 BN 融合进卷积。\n", "部署注意事项",
     ("question", "author_directive")),
    ("<!-- handbook: skip -->\n为什么用 GELU？\n", "为什么用 GELU？", ("skip", "author_directive")),
    # machinery
    ("- 目标检测\n  id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b\n", "id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b",
     ("skip", "machinery")),
    # everything under an answer is answer, even a line that asks
    ("<!-- handbook: answer -->\n- 注意点\n  - 为什么学习率要 warmup？\n", "- 为什么学习率要 warmup？",
     ("answer", "inside_answer")),
    ("问：什么是感受野？\n答：输出上一个点对应的输入区域。\n", "答：输出上一个点对应的输入区域。", ("answer", "content_line")),
    ("岗位：计算机视觉算法工程师\n\n问：为什么用 BN？\n答：加速收敛。\n", "岗位：计算机视觉算法工程师", ("answer", "meta_line")),
    ("2023 秋招 CV 算法岗都问些什么？\n作者：匿名炼丹师\n\n1. 为什么 BN 能加速收敛？\n\n损失面更平滑。\n",
     "2023 秋招 CV 算法岗都问些什么？", ("title", "article_title")),
    ("字节跳动 一面\n1. 介绍一下 ResNet\n2. 手撕 NMS\n", "字节跳动 一面", ("title", "round_title")),
    ("二面（50min）\n1. 讲讲 DETR 的匈牙利匹配\n", "二面（50min）", ("title", "round_title")),
    ("✨三面（40min）\n1. 讲讲 DETR 的匈牙利匹配\n", "✨三面（40min）", ("title", "round_title")),
    ("> [!faq] 为何要 warmup\n> 早期梯度不稳定\n", "> [!faq] 为何要 warmup", ("question", "explicit_question")),
    ("问题1：focal loss 的形式？\n答：FL = -α(1-p)^γ log p\n1. 代码实现要点\n问题2：GHM 和 focal loss 的区别？\n",
     "1. 代码实现要点", ("answer", "unlabelled_under_labelled")),
    ("问：BN 有什么作用？\n答：加速收敛。\n\n> [!note] 自己的理解\n> 本质是平滑损失面\n", "> [!note] 自己的理解",
     ("answer", "aside_callout")),
    ("## 1. 什么是过拟合？\n*What is overfitting?*\n\n模型在训练集上好，测试集上差。\n", "*What is overfitting?*",
     ("wording", "twin_wording")),
    ("## 讲一下 Faster R-CNN\n> 面试官原话：从输入到输出经过了哪些模块？\n\n先 backbone 提特征，再 RPN。\n",
     "> 面试官原话：从输入到输出经过了哪些模块？", ("wording", "restating_quote")),
    ("问：Post-LN 和 Pre-LN 的区别？\n答：LN 的位置不同。\n▲ 图1：Post-LN 与 Pre-LN 结构对比\n",
     "▲ 图1：Post-LN 与 Pre-LN 结构对比", ("answer", "caption")),
    ("- 为什么用 BN？\n  - 加速收敛\n- TODO 把 hot100 刷完\n", "- TODO 把 hot100 刷完", ("answer", "reminder")),
    ("## 为什么用 GELU？\n\n更平滑。\n\n## 总结\n\n项目一定要能讲清楚每个设计。\n", "## 总结", ("answer", "generic_section")),
    ("1、讲一下 Transformer 的位置编码\n\t-- 相对位置偏置是怎么加的？\n", "-- 相对位置偏置是怎么加的？",
     ("question", "follow_up")),
    ("1、讲一下 Focal Loss\n\t-- α 和 γ 分别有什么作用？\n\t-- 为什么 α 通常取 0.25？\n\t-- Focal Loss 与 GHM\n",
     "-- Focal Loss 与 GHM", ("question", "follow_up_sibling")),
    ("### 为什么小目标难检测？\n\n下采样后特征太少，anchor 也难匹配。\n\nCascade R-CNN 级联结构\n\n多个 head 逐步提高 IoU 阈值。\n",
     "Cascade R-CNN 级联结构", ("question", "topic_shift")),
    ("- 为什么用 BN？\n  - 加速收敛\n", "- 加速收敛", ("answer", "answer_under_question")),
    ("二面\n问了很多部署相关的：\n模型量化的基本原理；\nINT8 量化为什么会掉点；\n", "问了很多部署相关的：",
     ("title", "list_heading")),
    ("3、目标检测\n\t(1) NMS 怎么实现？\n\t(2) Anchor 怎么设计？\n", "3、目标检测", ("title", "group_title")),
    ("1、1x1 卷积的作用。\n答：降维，跨通道融合\n", "1、1x1 卷积的作用。", ("question", "answer_follows")),
    ("1. 为什么用 ReLU？\n答：1、缓解梯度消失\n2、计算简单\n2. 为什么用 BN？\n\n加速收敛。\n", "2、计算简单",
     ("answer", "numbering")),
    ("1. 为什么用 ReLU？\n答：1、缓解梯度消失\n2、计算简单\n2. 为什么用 BN？\n\n加速收敛。\n", "2. 为什么用 BN？",
     ("question", "numbering")),
    (":1.卷积核的物理意义，2.IoU 怎么计算，3.常见的评价指标\n", ":1.卷积核的物理意义，2.IoU 怎么计算，3.常见的评价指标",
     ("question", "questions_on_one_line")),
    ("Xavier 初始化=：保持每层输出方差一致\n", "Xavier 初始化=：保持每层输出方差一致", ("question", "answered_on_its_line")),
    ("为什么 Transformer 用 LayerNorm 不用 BatchNorm？\n\n序列长度可变。\n",
     "为什么 Transformer 用 LayerNorm 不用 BatchNorm？", ("question", "asks")),
    ("- 说说 anchor-free 和 anchor-based 的区别\n- Dropout 的原理？\n- 感受野\n", "- 感受野",
     ("question", "question_sibling")),
    ("一面问得很快：\nLN 和 BN 的区别；\n感受野的计算公式；\n为什么分类用交叉熵不用 MSE；\n", "感受野的计算公式；",
     ("question", "question_sibling")),  # "；" closes an item of a list typed as lines
    ("问：BN 有什么作用？\n答：加速收敛。\n\nLayerNorm：对单个样本的全部通道做归一化，不依赖 batch 大小\n",
     "LayerNorm：对单个样本的全部通道做归一化，不依赖 batch 大小", ("question", "definition_line")),
    ("Swin 相比 ViT 改进了什么？\n\n主要两点：一是窗口注意力降低计算量，二是移位窗口让窗口间交互\n",
     "主要两点：一是窗口注意力降低计算量，二是移位窗口让窗口间交互", ("answer", "definition_line")),
    ("问：Swin 相比 ViT 改进了什么？\n主要两点：一是窗口注意力降低计算量，二是移位窗口让窗口间交互\n",
     "主要两点：一是窗口注意力降低计算量，二是移位窗口让窗口间交互", ("answer", "answer_of_other_kind")),
    ("问：BN 有什么作用？\n答：加速收敛。\n\n卷积输出计算，卷积核参数数量\n", "卷积输出计算，卷积核参数数量",
     ("question", "topic_phrase")),
    ("## ResNet\n\n残差连接让很深的网络也能训练。\n", "## ResNet", ("question", "topic_card")),
    # a line opening with the means ("用…：") leads into the steps under it; the heading asks
    ("#### ShuffleNet 的核心思想\n\n用分组卷积加通道重排：\n\n1. 分组 1×1 卷积省计算；\n2. channel shuffle 让组间交流。\n",
     "#### ShuffleNet 的核心思想", ("question", "topic_card")),
    ("## 可变形卷积\n## 空洞卷积\n\n扩大感受野且不增加参数。\n", "## 可变形卷积", ("title", "empty_heading")),
    ("## 空洞卷积\n\n扩大感受野且不增加参数。\n\n## Deformable DETR\n", "## Deformable DETR", ("question", "empty_heading")),
    ("1. 为什么用 BN？\n\n加速收敛。\n\n- 训练时用 batch 统计量，测试时用滑动平均。\n",
     "- 训练时用 batch 统计量，测试时用滑动平均。", ("answer", "answer_by_default")),
])
def test_each_rule(text, line, expected):
    assert role_of(text, line) == expected


@pytest.mark.parametrize("text, line, not_expected", [
    ("- TODO 小目标检测有哪些常用办法？\n", "- TODO 小目标检测有哪些常用办法？", "reminder"),  # a to-do that asks
    ("# 面试官最爱问的检测问题，你能答上几个？\n\n## 1. NMS 的原理？\n\n排序后抑制。\n", "# 面试官最爱问的检测问题，你能答上几个？",
     "page_title"),  # one question under it is not a list
    ("1、讲一下 Transformer 的位置编码\n\t- **为什么要除以根号 d_k**：防止点积过大导致 softmax 饱和\n",
     "- **为什么要除以根号 d_k**：防止点积过大导致 softmax 饱和", "follow_up"),  # a labelled point of the answer
    ("### 为什么小目标难检测？\n\n下采样后特征太少，anchor 也难匹配。\n\n小目标检测的常用技巧\n\n多尺度训练、超分辨率。\n",
     "小目标检测的常用技巧", "topic_shift"),  # shares words with the question: still its answer
])
def test_rules_that_must_not_fire(text, line, not_expected):
    assert role_of(text, line)[1] != not_expected


def test_page_title_over_a_list_of_questions():
    text = ("# 面试官最爱问的 3 个检测问题，你能答上几个？\n\n## 1. NMS 的原理？\n\n排序后抑制。\n\n"
            "## 2. Anchor 怎么设计？\n\n聚类。\n\n## 3. 为什么小目标难检测？\n\n下采样。\n")
    found = roles(text)
    assert found["# 面试官最爱问的 3 个检测问题，你能答上几个？"] == ("title", "page_title")
    assert [found[f"## {n}"][0] for n in ("1. NMS 的原理？", "2. Anchor 怎么设计？", "3. 为什么小目标难检测？")] == [
        "question"] * 3


def test_a_to_do_that_asks_is_a_question():
    assert role_of("- TODO 小目标检测有哪些常用办法？\n", "- TODO 小目标检测有哪些常用办法？")[0] == "question"


def test_header_lines_do_not_swallow_the_questions_after_them():
    text = "岗位：计算机视觉算法工程师\n面试时长：50min\n\n1. 为什么用 BN？\n\n加速收敛。\n\n2. 为什么用 Dropout？\n\n防止过拟合。\n"
    found = roles(text)
    assert found["面试时长：50min"][0] == "answer"
    assert found["1. 为什么用 BN？"][0] == found["2. 为什么用 Dropout？"][0] == "question"


def test_typora_repeats_one_for_every_question():
    text = "1. 为什么用 BN？\n加速收敛。\n1. 为什么用 Dropout？\n防止过拟合。\n1. 为什么用 ReLU？\n缓解梯度消失。\n"
    found = roles(text)
    assert [found[f"1. 为什么用 {w}？"][0] for w in ("BN", "Dropout", "ReLU")] == ["question"] * 3


def test_unanswered_typora_repeats_are_questions():
    found = roles("1. 为什么用 BN？\n1. 为什么用 Dropout？\n1. 为什么用 ReLU？\n")
    assert [found[f"1. 为什么用 {w}？"][0] for w in ("BN", "Dropout", "ReLU")] == ["question"] * 3


def test_a_chinese_follow_up_under_a_mixed_script_question_is_no_twin():
    text = "1、讲一下 Focal Loss\n\t-- 为什么 α 取 0.25？\n\t-- γ 的作用是什么？\n"
    assert role_of(text, "-- 为什么 α 取 0.25？") == ("question", "follow_up")


def test_a_generic_section_with_questions_is_no_aside():
    text = "## 背景\n\n### 为什么要做模型压缩？\n\n端侧算力有限。\n"
    assert role_of(text, "## 背景")[0] == "title"


def test_every_node_gets_one_decision():
    root, _ = build_outline("# 一面\n\n问：什么是感受野？\n答：略。\n\n- 为什么用 BN？\n  - 加速收敛\n  id:: 65e1a2b3\n")
    decisions = assign(root)
    nodes = [n for n in root.walk() if n.kind != "root"]
    assert {id(n) for n in nodes} == set(decisions)
    assert all(isinstance(d.role, Role) for d in decisions.values())


def test_rule_order_ends_with_the_default():
    names = [name for name, _ in ROLE_RULES]
    assert names[0] == "author_directive" and names[-1] == "answer_by_default"
    assert names.index("inside_answer") < names.index("content_line") < names.index("asks")
    assert names.index("explicit_question") < names.index("numbering") < names.index("asks")
