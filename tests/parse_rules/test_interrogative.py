"""parse_rules.interrogative: how a line is phrased (asks strongly, names a topic, states, reports, reminds)."""

from __future__ import annotations

import pytest
from handbook.parse_rules.interrogative import (
    Ask,
    ask,
    ends_with_question_mark,
    first_clause_asks,
    first_person_statement,
    is_link_line,
    is_meta_line,
    is_narrative,
    is_reminder,
    is_short_phrase,
    is_title_phrase,
    latin_share,
    plain_text,
    width,
)


@pytest.mark.parametrize("text", [
    "为什么残差连接能缓解网络退化？",
    "介绍一下 DETR 的匈牙利匹配",
    "手撕 RoI Align",
    "What is the receptive field of a 3x3 conv stack?",
    "Why does label smoothing help calibration",
    "為什麼要用空洞卷積",  # Traditional folds to Simplified
    "Anchor-based 和 anchor-free 的区别",
    "是否需要对输入图像做归一化",
    "讲讲 FPN 的自顶向下路径",
    "各种上采样方式介绍一下",
    "常用的正则化方法，介绍",  # a request opening a later clause
    "推导 Softmax 交叉熵的梯度",
    "算法题：手写 IoU 计算",  # a label before the colon: asks like its task
    "用 numpy 实现两个框的 IoU",  # a coding task
    "SGD 和 Adam 哪个泛化更好（答：一般 SGD）",  # a trailing aside does not hide the question
    "零样本检测的设定。如果测试时出现训练没见过的类别，怎么做",  # the last sentence asks
    "我看你简历里有 GAN 的项目，能讲一讲吗",
    "NMS 是在分类之前还是之后做",  # an alternative question: 是 A 还是 B
    "先 BN 还是先 ReLU",
    "输入 32×32×3，10 个 5×5 卷积核，输出尺寸为（ ）",  # an exam question's blank
    "Focal Loss 为什么能缓解正负样本不平衡，它给容易分类的样本乘上一个随置信度增大而变小的衰减因子，"
    "这样大量简单负样本对总 loss 的贡献被压低，训练就会更关注少量难分的样本，α 再额外平衡正负类别的权重",  # long
])
def test_strong_questions(text):
    assert ask(text) == Ask.STRONG


@pytest.mark.parametrize("text", [
    "Dropout 的原理",
    "FPN结构",
    "空洞卷积的作用",
    "实现卷积操作(代码)",
    "mIoU(语义分割的常用评价指标) 的代码实现",
])
def test_topic_phrases_ask_weakly(text):
    assert ask(text) == Ask.WEAK


def test_two_terms_joined_by_and_do_not_ask_by_themselves():
    assert ask("ROC 和 AUC") == Ask.NONE  # a question only among questions (roles.question_sibling)


@pytest.mark.parametrize("text", [
    "训练时用当前 batch 的均值方差，测试用滑动平均。",
    "什么都不用改，直接换 backbone 就行。",
    "输入平移多少，输出就跟着平移多少",
    "主要是八股 + 场景题",
    "格式：Q：问题 A：回答",
    "双边滤波：权重同时考虑空间距离和像素值差异，能保边去噪",
    "遗忘门控制是否遗忘记忆细胞里的信息",
    "这个结论在论文里得到了很好的解释",
    "很多同学会发现，为什么验证集 loss 先降后升。博主总结了三点原因。",  # only first and last sentence count
    "调参时要多想想为什么这么设计",  # an interrogative inside advice
    "换了学习率之后 loss 还是不降。",  # 还是 as "still", not "or"
    "注意：每个 iteration 都要 optimizer.zero_grad()。",  # a call's parentheses are no blank
    "不管是训练还是测试都用同一套归一化参数。",
    "当场写的，没啥难度：",  # 没啥 is "nothing much"
    "可以用 numpy 实现，速度也够。",  # the tool named inside an answer
    "",
])
def test_statements_do_not_ask(text):
    assert ask(text) == Ask.NONE


@pytest.mark.parametrize("text", [
    "简单介绍了学校和项目。",
    "说了用 focal loss，后来怎么改的",  # reports the answer, however it is phrased
    "推导",  # a bare request word is a sub-heading
    "又是自我介绍 + 项目，项目部分答得一般，面试官对检测那块不太满意。",
    "主要聊职业规划、为什么想做这个方向，技术题就问了两个：",
])
def test_reports_of_the_interview_do_not_ask_strongly(text):
    assert ask(text) < Ask.STRONG


def test_a_long_line_asks_only_if_it_opens_asking():
    filler = "，".join(["训练阶段先用较大的学习率快速下降"] * 3)
    long_statement = f"{filler}，后面逐步衰减，这里其实就是余弦退火，至于具体怎么设置要看数据集大小和 batch"
    assert len(long_statement) > 90
    assert ask(long_statement) < Ask.STRONG
    assert ask(f"学习率怎么调，{long_statement}") == Ask.STRONG


def test_a_reported_question_asks_however_long_the_answer_after_it():
    report = "然后问了 Focal Loss 为什么有效。我答" + "它降低了易分样本的权重，" * 8
    assert ask(report) == Ask.STRONG


@pytest.mark.parametrize("text, expected", [
    ("我答了并联更好", True),
    ("面试官提示了一下可以从梯度角度想", True),
    ("简单介绍了学校和项目。", True),
    ("没答上来，回去查了才知道", True),
    ("快排和归并都写了", True),
    ("我先講可分離的做法", True),  # 繁體 reports too
    ("自我介绍一下", False),
    ("为什么 BN 能加速收敛？", False),
    ("残差结构让梯度可以直接回传", False),
])
def test_is_narrative(text, expected):
    assert is_narrative(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("岗位：计算机视觉算法工程师", True),
    ("整理：2024/02", True),
    ("面试时长：45min", True),
    ("点击上方蓝字关注，后台回复「面经」领取 PDF", True),
    ("置顶 某博主 已于 2023-08-21 10:15:32 修改 阅读量1.2w 收藏 356", True),  # a blog post's stats
    ("发布于 2024-03-15 21:40 北京", True),
    ("赞同 123", True),
    ("作者  pixelwolf (像素狼)", True),  # a PTT post's header, no colon
    ("標題  [心得] 某廠 影像演算法 面試", True),
    ("分类专栏： 面试 文章标签： 目标检测", True),
    ("BN 的作用：加速收敛", False),
    ("为什么用 ReLU？", False),
    ("算法题：岛屿数量", False),
])
def test_is_meta_line(text, expected):
    assert is_meta_line(text) is expected


@pytest.mark.parametrize("text, todo, expected", [
    ("TODO 把 hot100 刷完", "", True),
    ("DONE 看一下 ATSS", "", True),
    ("待整理：Transformer 的位置编码", "", True),
    ("TODO：补一下 RNN 为什么容易梯度爆炸", "", True),  # a task, even with an interrogative in it
    ("每个模块的设计动机都要能讲清楚", "", True),
    ("读 Deformable DETR 论文", "DONE", True),  # the outliner keyword makes it a to-do
    ("TODO 小目标检测有哪些常用的办法？", "", False),  # a to-do that asks is still a question
    ("小目标检测有哪些常用的办法？", "TODO", False),
    ("介绍一下调参的经验，这个需要自己总结", "", False),
    ("为什么用 GELU 不用 ReLU", "", False),
])
def test_is_reminder(text, todo, expected):
    assert is_reminder(text, todo) is expected


@pytest.mark.parametrize("text, expected", [
    ("上一篇：[[CNN基础]] ｜ 下一篇：[[优化器]]", True),
    ("相关页面：[[NMS 手写]]", True),
    ("原文 https://zhuanlan.zhihu.com/p/123456", True),
    ("NMS 的实现见 [[NMS 手写]]，核心是按置信度排序后逐个抑制重叠框", False),
    ("上一篇讲了 CNN 基础", False),
])
def test_is_link_line(text, expected):
    assert is_link_line(text) is expected


def test_plain_text_drops_markup_but_keeps_words():
    assert plain_text("**BN** 的 [原理](https://a.b/c) #面试") == "BN 的 原理"
    assert plain_text("[[卷积|Conv]] 的作用") == "Conv 的作用"
    assert plain_text(r"1\. 为什么用 \*\*BN") == "1. 为什么用 BN"
    assert plain_text("<b>答案</b>：  略") == "答案： 略"


def test_width_counts_latin_as_half():
    assert width("卷积") == 2
    assert width("ab") == 1
    assert width("R-CNN --> FAST-RCNN --> FASTER-RCNN") < 24
    assert is_short_phrase("R-CNN --> FAST-RCNN --> FASTER-RCNN")


@pytest.mark.parametrize("text, expected", [
    ("扩展问题", True),
    ("分割：", True),
    ("训练时用 BN。测试时用滑动平均", False),  # sentence punctuation inside
    ("这一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长的文字", False),
    ("", False),
])
def test_is_short_phrase(text, expected):
    assert is_short_phrase(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("卷积相关", True),
    ("目标检测", True),
    ("深度学习常用的optimizer(优化器)", True),
    ("腾讯没来得及反问就挂电话了", False),  # something that happened
    ("我答了并联更好", False),
    ("训练用 BN，测试固定", False),
])
def test_is_title_phrase(text, expected):
    assert is_title_phrase(text) is expected


def test_question_mark_before_a_trailing_aside():
    assert ends_with_question_mark("模型是否过拟合？（看训练集和验证集的 gap）")
    assert ends_with_question_mark("**NMS 怎么写？**")
    assert not ends_with_question_mark("NMS 的写法（按分数排序？）再说")


def test_first_clause_asks():
    assert first_clause_asks("为什么要归一化，因为量纲不同")
    assert first_clause_asks("如何理解感受野")
    assert not first_clause_asks("归一化能加速收敛，原因是损失面更圆")


@pytest.mark.parametrize("text, expected", [
    ("项目要多想想为什么这么设计", True),
    ("我不知道怎么回事", True),
    ("你觉得为什么会这样呢", False),
])
def test_first_person_statement(text, expected):
    assert first_person_statement(text) is expected


def test_latin_share():
    assert latin_share("What is overfitting?") == 1.0
    assert latin_share("什么是过拟合") == 0.0
    assert 0 < latin_share("BN 的作用") < 0.5
