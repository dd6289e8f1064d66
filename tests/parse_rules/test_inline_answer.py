"""parse_rules.inline_answer: an answer typed on the question's own line, split off rule by rule."""

from __future__ import annotations

import pytest
from handbook.parse_rules.inline_answer import (
    colon_after_question,
    dashes,
    explicit_marker,
    narrative_clause,
    question_part,
    questions_in_prose,
    questions_separated_in_prose,
    reported_answer,
    round_lead,
    split,
    split_list,
    statement_after_question_mark,
    term_definition,
    trailing_aside,
    trailing_parenthetical,
)


@pytest.mark.parametrize("text, question, answer", [
    ("Xavier 初始化的目的=：让每层输出的方差保持一致", "Xavier 初始化的目的", "让每层输出的方差保持一致"),
    ("Dropout 的作用 A: 随机失活，相当于集成", "Dropout 的作用", "随机失活，相当于集成"),
    ("学习率怎么调？（答先 warmup 再余弦衰减）", "学习率怎么调？", "答先 warmup 再余弦衰减"),
])
def test_explicit_marker(text, question, answer):
    assert explicit_marker(text) == (question, answer)


@pytest.mark.parametrize("text", [
    "BN 有什么作用？",
    "公式见 https://latex.codecogs.com/gif.latex?a=:b",  # a marker inside a URL is no marker
])
def test_explicit_marker_needs_a_marker(text):
    assert explicit_marker(text) is None


@pytest.mark.parametrize("text, question, answer", [
    ("Anchor-free 和 anchor-based 的区别 ---- 前者直接回归中心点和宽高",
     "Anchor-free 和 anchor-based 的区别", "前者直接回归中心点和宽高"),
    ("为什么残差能缓解退化？---- 推了一下恒等映射的梯度", "为什么残差能缓解退化？", "推了一下恒等映射的梯度"),
    ("NMS 和 Soft-NMS 的区别——前者直接删掉重叠框，后者衰减分数",
     "NMS 和 Soft-NMS 的区别", "前者直接删掉重叠框，后者衰减分数"),
    ("BN 为什么能加速收敛？→ 损失曲面更平滑，可以用大学习率", "BN 为什么能加速收敛？", "损失曲面更平滑，可以用大学习率"),
])
def test_dashes(text, question, answer):
    assert dashes(text) == (question, answer)


@pytest.mark.parametrize("text", [
    "高斯滤波 → Sobel 求梯度 → 非极大值抑制 → 双阈值",  # an arrow between steps
    "Gridding Effect -- 网格效应",  # a short gloss, not an answer
    "NMS 和 Soft-NMS 的区别",
])
def test_dashes_negative(text):
    assert dashes(text) is None


def test_trailing_parenthetical_answers_a_question():
    text = "为什么部署时选 YOLOv5 不选 Faster R-CNN（板子算力有限，需要实时）"
    assert trailing_parenthetical(text) == ("为什么部署时选 YOLOv5 不选 Faster R-CNN", "板子算力有限，需要实时")


def test_trailing_parenthetical_list_answers_a_topic_phrase():
    assert trailing_parenthetical("1x1 卷积的作用（升降维、跨通道信息融合、减少参数量）") == (
        "1x1 卷积的作用", "升降维、跨通道信息融合、减少参数量")


def test_an_answer_after_the_question_mark_keeps_its_own_aside():
    assert split("快排的时间复杂度？平均 O(nlogn)，最坏 O(n²)（已有序时）") == (
        "快排的时间复杂度？", "平均 O(nlogn)，最坏 O(n²)（已有序时）", "statement_after_question_mark")


def test_a_bold_answer_marker_on_the_question_line():
    assert split("BN 放在激活前还是后？ **答：** 原论文放在激活前") == ("BN 放在激活前还是后？", "原论文放在激活前", "explicit_marker")


def test_trailing_parenthetical_reports_how_a_coding_task_went():
    assert trailing_parenthetical("手撕：快速排序（递归和非递归都写了）") == ("手撕：快速排序", "递归和非递归都写了")


def test_an_arrow_answers_an_alternative_question():
    assert dashes("anchor 是按 k-means 聚出来的还是手工设的 → k-means，距离用 1 − IoU") == (
        "anchor 是按 k-means 聚出来的还是手工设的", "k-means，距离用 1 − IoU")


@pytest.mark.parametrize("text", [
    "常用的 Loss 函数 (MSE / huber loss / focal loss)",  # the question part does not ask by itself
    "Dropout 的作用（训练时随机失活神经元来防止过拟合）",  # a topic phrase takes only a list
    "可变形卷积怎么实现的（DCN）",  # a gloss
    "什么叫标签平滑（label-smoothing-regularization）",  # a translation
    "手写一个卷积的前向（numpy 实现，不能调库）",  # the task's terms
    "目标检测有哪些评价指标",
])
def test_trailing_parenthetical_keeps_the_line_whole(text):
    assert trailing_parenthetical(text) is None


def test_colon_after_question():
    assert colon_after_question("BN 推理时用的均值和方差怎么来的：训练时滑动平均累计的") == (
        "BN 推理时用的均值和方差怎么来的", "训练时滑动平均累计的")


def test_colon_after_a_topic_phrase():
    assert colon_after_question("deque 的随机访问复杂度：O(1)，分段连续存储") == (
        "deque 的随机访问复杂度", "O(1)，分段连续存储")


@pytest.mark.parametrize("text", [
    "讲一下项目：你在里面负责什么？",  # what follows the colon asks
    "手撕代码：实现 NMS",  # a task label, then the task
    "代码：怎么写都行，关键是边界条件",  # a label before the colon
    "链接：https://arxiv.org/abs/1512.03385",
])
def test_colon_after_question_negative(text):
    assert colon_after_question(text) is None


def test_statement_after_question_mark():
    text = "为什么用多任务 Loss？权重怎么定？一开始手调，后来用不确定性加权自动学"
    assert statement_after_question_mark(text) == ("为什么用多任务 Loss？权重怎么定？", "一开始手调，后来用不确定性加权自动学")


@pytest.mark.parametrize("text", [
    "优化器了解吗？动量法、Adam、AdamW，各自的优势",  # the question goes on
    "常见的数据增强有哪些？比如 Mosaic 和 MixUp 这种",
    "为什么用多任务 Loss？权重怎么定？",
])
def test_statement_after_question_mark_negative(text):
    assert statement_after_question_mark(text) is None


def test_narrative_clause():
    assert narrative_clause("多卡训练时 BN 怎么同步统计量， 问了面试官说是用 SyncBN") == (
        "多卡训练时 BN 怎么同步统计量", "问了面试官说是用 SyncBN")


def test_narrative_clause_negative():
    assert narrative_clause("为什么要用 warmup，学习率一开始太大会震荡") is None


@pytest.mark.parametrize("text, term", [
    ("LayerNorm: 对单个样本的所有通道做归一化，不依赖 batch", "LayerNorm"),
    ("感受野：输出特征图上一个点对应到输入图像上的区域大小", "感受野"),
])
def test_term_definition(text, term):
    found = term_definition(text)
    assert found is not None and found[0] == term and text.endswith(found[1])


@pytest.mark.parametrize("text", [
    "IoU: 交并比",  # too short to define
    "注意：推理时要把 BN 的参数融合进卷积里再导出",  # a label
    "为什么用 GELU：它在零附近更平滑，梯度不会突变",  # the part before the colon asks
    "参考实现：https://github.com/open-mmlab/mmdetection",
])
def test_term_definition_negative(text):
    assert term_definition(text) is None


@pytest.mark.parametrize("text, rule", [
    ("Xavier 初始化的目的=：让每层输出的方差保持一致", "explicit_marker"),
    ("NMS 和 Soft-NMS 的区别——前者直接删掉重叠框，后者衰减分数", "dashes"),
    ("为什么部署时选 YOLOv5 不选 Faster R-CNN（板子算力有限，需要实时）", "trailing_parenthetical"),
    ("BN 推理时用的均值和方差怎么来的：训练时滑动平均累计的", "colon_after_question"),
    ("LayerNorm: 对单个样本的所有通道做归一化，不依赖 batch", "term_definition"),
])
def test_split_names_the_rule(text, rule):
    question, answer, found = split(text)
    assert found == rule and question and answer and question != text


@pytest.mark.parametrize("text", [
    "讲一下项目：你在里面负责什么？",
    "为什么 Transformer 用 LayerNorm 不用 BatchNorm？",
    "介绍一下 NASNet",
])
def test_split_keeps_a_whole_question(text):
    assert split(text) == (text, "", "")


def test_question_part():
    assert question_part("虚函数的实现原理——每个含虚函数的类都有一张虚表") == "虚函数的实现原理"
    assert question_part("BN 推理时用的均值和方差怎么来的") == "BN 推理时用的均值和方差怎么来的"


def test_split_list():
    assert split_list(":1.卷积核的物理意义，2.IoU 怎么计算3.常见的评价指标") == [
        ("1.", "卷积核的物理意义"), ("2.", "IoU 怎么计算"), ("3.", "常见的评价指标")]


@pytest.mark.parametrize("text", [
    "1.0版本的 YOLO 和 2.0 版本有 3.5 倍差距",
    "1.先验框 2.后验框",  # only two
    "问了 1.NMS 2.IoU 3.mAP",  # text before the run
    "2.NMS 3.IoU 4.mAP",  # does not count from 1
])
def test_split_list_negative(text):
    assert split_list(text) == []


def test_questions_in_prose():
    lead, items, trailer = questions_in_prose("二面：项目深挖，然后 5.讲讲 FPN 6.RoIAlign 解决了什么问题。整体还行", first=5)
    assert lead == "二面：项目深挖，然后"
    assert items == (("5.", "讲讲 FPN"), ("6.", "RoIAlign 解决了什么问题"))
    assert trailer == "整体还行"


@pytest.mark.parametrize("text", [
    "主要有三点：1.降维 2.跨通道信息融合 3.减少参数量",  # answer points, they do not ask
    "版本 3.5 之后改成了 4.0 的接口",  # numbers that are not a list
    "一面只问了 1.讲讲项目",  # a single item
])
def test_questions_in_prose_negative(text):
    assert questions_in_prose(text) is None


def test_a_bold_answer_label_on_the_question_line_splits():
    assert split("空洞卷积有什么用？ **A**: 不降分辨率地扩大感受野。") == (
        "空洞卷积有什么用？", "不降分辨率地扩大感受野。", "explicit_marker")


@pytest.mark.parametrize("text, expected", [
    ("卷积的计算量是多少（O(k²·C_in·C_out·H·W)，和核大小平方成正比）",
     ("卷积的计算量是多少", "O(k²·C_in·C_out·H·W)，和核大小平方成正比")),
    ("最后反问（问了组里的技术栈）", ("最后反问", "问了组里的技术栈")),
    ("讲讲 FPN", None),
    ("可变形卷积（DCN）", None),  # an abbreviation, not an answer
    ("（全是括号）", None),
])
def test_trailing_aside(text, expected):
    assert trailing_aside(text) == expected


def test_questions_separated_in_prose():
    lead, items, trailer = questions_separated_in_prose(
        "三面：先聊实习，然后八股：GN 和 BN 的区别（GN 按组统计，不依赖 batch）；为什么检测常用 GN；"
        "Swin 的移位窗口怎么实现；手撕 RoIAlign。面试官人很好")
    assert lead == "三面：先聊实习，然后八股："
    assert [q for _, q in items] == ["GN 和 BN 的区别（GN 按组统计，不依赖 batch）", "为什么检测常用 GN",
                                     "Swin 的移位窗口怎么实现", "手撕 RoIAlign"]
    assert trailer == "面试官人很好"
    _, items, _ = questions_separated_in_prose("为什么离开上家公司、期望工作地点是哪里、能接受多久的出差")
    assert len(items) == 3
    lead, items, _ = questions_separated_in_prose(
        "八股：GN 和 BN 的区别（GN：按组统计。不依赖 batch）；为什么检测常用 GN；Swin 的移位窗口怎么实现")
    assert lead == "八股：" and items[0][1].startswith("GN 和 BN 的区别")  # a colon inside the aside is no lead


def test_questions_the_note_says_were_asked():
    text = "主要聊经历，问了实习期间最大的挑战、如何和产品同学沟通、三年后想做的方向"
    assert questions_separated_in_prose(text) is None  # only one item asks: it could be answer points
    _, items, _ = questions_separated_in_prose(text, told=True)
    assert [q for _, q in items] == ["主要聊经历，问了实习期间最大的挑战", "如何和产品同学沟通", "三年后想做的方向"]
    assert questions_separated_in_prose("我说了多尺度训练、加大分辨率、换更强的骨干网络", told=True) is None


@pytest.mark.parametrize("text", [
    "常用增强：翻转、随机裁剪、颜色抖动、Mixup",  # answer points
    "BN、LN、GN、IN 各自怎么归一化",  # names listed in one question
    "SE 模块有什么用？通道加权；CBAM 多了什么？空间注意力；ECA 呢？去掉降维",  # a cram sheet's pairs
    "先问了 DETR 的匈牙利匹配；再问了 Deformable DETR 怎么加速",  # two: a compound, not a list
    "-- DenseNet相关。描述、讲讲特点、说说为什么省参数",  # one topic's points: "描述" names no question
])
def test_questions_separated_in_prose_negative(text):
    assert questions_separated_in_prose(text) is None


@pytest.mark.parametrize("text, question, answer", [
    ("然后问了 SENet 为什么有效。我答通道注意力能重新加权特征。", "然后问了 SENet 为什么有效", "我答通道注意力能重新加权特征。"),
    ("接着问 RoIAlign 的双线性插值怎么做，我说取四个邻点加权。", "接着问 RoIAlign 的双线性插值怎么做", "我说取四个邻点加权。"),
    ("又问 FPN 的作用。答：融合多尺度特征。", "又问 FPN 的作用", "答：融合多尺度特征。"),
])
def test_reported_answer(text, question, answer):
    assert reported_answer(text) == (question, answer)


@pytest.mark.parametrize("text", [
    "面试官问了很多项目细节，我讲了半小时。",  # what follows 问 names no question
    "追问：为什么不用 L2？——对离群点太敏感",  # a label, split by its dashes instead
])
def test_reported_answer_negative(text):
    assert reported_answer(text) is None


@pytest.mark.parametrize("text, expected", [
    ("二面（视频，1h）：上来先撕了道题。然后问 Swin 的 shifted window 怎么做，",
     ("二面（视频，1h）", "二面（视频，1h）：上来先撕了道题。", "然后问 Swin 的 shifted window 怎么做")),
    ("一面：简历聊完开始八股：DETR 为什么不用 NMS；", ("一面", "一面：简历聊完开始八股：", "DETR 为什么不用 NMS")),
    ("HR面（20min）：问了期望城市、", ("HR面（20min）", "HR面（20min）：", "问了期望城市")),
    ("终面：和总监聊了聊职业规划。", None),  # the sentence is closed: a remark, not a list going on
    ("项目：多目标跟踪，", None),  # no round
])
def test_round_lead(text, expected):
    assert round_lead(text) == expected
