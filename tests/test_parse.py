"""parse: note idioms → one entry per question, answers attached, nothing dropped."""

from __future__ import annotations

import pytest
from conftest import entries_of, make_note, questions_of
from handbook.diagnostics import Report
from handbook.parse import parse_note


def test_numbered_questions_with_numbered_answers():
    text = (
        "1、深度学习为什么要深？\n\n答：1、表达能力更强。\n\n2、特征有层次。\n\n"
        "2、如何解决数据不平衡问题？\n\n答：1、重采样。\n\n2、改损失函数。\n\n3、换评价指标。\n\n"
        "3、训练集和测试集分布不同怎么处理\n\n1、先分析偏差和方差。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == [
        "深度学习为什么要深？", "如何解决数据不平衡问题？", "训练集和测试集分布不同怎么处理",
    ]
    assert "2、特征有层次。" in entries[0].answer
    assert "3、换评价指标。" in entries[1].answer
    assert entries[2].answer == "1、先分析偏差和方差。"


def test_markdown_list_interview_log_with_plain_answers():
    text = "1. 介绍一下你自己\n略\n2. 讲一下你的检测项目\n基于 YOLOv3 调参。\n2. 过拟合怎么解决？\n加 dropout。\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["介绍一下你自己", "讲一下你的检测项目", "过拟合怎么解决？"]
    assert entries[1].answer == "基于 YOLOv3 调参。"
    assert entries[1].lines == (3, 4)


def test_tab_outline_groups_become_context():
    text = "2、CNN\n\t(1) 卷积怎么反向传播？\n\t(2) CNN的平移不变性\n3、-- 池化相关\n\t(1) 池化的作用\n"
    entries = entries_of(text)
    assert [(e.question, e.context) for e in entries] == [
        ("卷积怎么反向传播？", ("CNN",)),
        ("CNN的平移不变性", ("CNN",)),
        ("池化的作用", ("池化相关",)),
    ]


def test_atx_heading_without_space_and_setext_headings():
    text = "###什么数据集不适合深度学习？\n\n数据太少时。\n\n面经\n===\n\n为什么用 ReLU？\n---\n\n缓解梯度消失。\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["什么数据集不适合深度学习？", "为什么用 ReLU？"]
    assert entries[1].context == ("面经",)
    assert entries[1].answer == "缓解梯度消失。"


def test_bare_rule_is_not_a_heading():
    entries = entries_of("问：BN 的作用？\n答：加速收敛。\n\n---\n\n问：LN 呢？\n")
    assert [e.question for e in entries] == ["BN 的作用？", "LN 呢？"]


def test_html_headings():
    entries = entries_of('<h2 id="bn">BN 的原理是什么？</h2>\n\n归一化后再缩放平移。\n')
    assert entries[0].question == "BN 的原理是什么？"
    assert entries[0].answer == "归一化后再缩放平移。"


def test_qa_prefixes_in_both_languages():
    text = "Q: What is IoU?\nA: 交并比。\n问：NMS 的作用？\n答：去掉重复框。\n问题3：Soft-NMS 改进了什么？\n【答：用分数衰减代替删除】\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["What is IoU?", "NMS 的作用？", "Soft-NMS 改进了什么？"]
    assert "交并比" in entries[0].answer and "分数衰减" in entries[2].answer


def test_bold_pseudo_heading_and_colon_title():
    text = "**思路一**\n\n先排序再遍历。\n\nR-CNN:\n\n- (1)选择性搜索提取候选框；\n- (2)CNN 提特征；\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["思路一", "R-CNN"]
    assert "(2)CNN 提特征" in entries[1].answer


def test_bulleted_questions_with_indented_answers():
    text = (
        "# 一面\n\n- 问项目细节（用了哪些数据增强？）\n  - 随机裁剪、翻转、颜色抖动。\n"
        "  - Mixup代码实现:\n    ```python\n    lam = np.random.beta(a, a)\n    ```\n"
        "- 了解哪些检测 baseline？\n  - R-CNN 系列、YOLO 系列。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["问项目细节（用了哪些数据增强？）", "了解哪些检测 baseline？"]
    assert "lam = np.random.beta" in entries[0].answer
    assert entries[0].context == ("一面",)


def test_a_paragraph_of_short_questions_one_per_line():
    text = "RFCN 的 position sensitive score map 是什么？\n说说 anchor-based 和 anchor-free 的区别\nROC 和 AUC\n"
    assert questions_of(text) == [
        "RFCN 的 position sensitive score map 是什么？", "说说 anchor-based 和 anchor-free 的区别", "ROC 和 AUC",
    ]


def test_answer_lines_indented_four_spaces_are_not_code():
    entries = entries_of("感受野怎么计算？\n    从后往前递推：r = r + (k - 1) * s\n")
    assert entries[0].question == "感受野怎么计算？"
    assert entries[0].answer == "从后往前递推：r = r + (k - 1) * s"


def test_quote_right_under_a_question_is_its_answer():
    entries = entries_of("- RoI Align 解决了什么？\n  > 量化误差带来的错位。\n")
    assert "> 量化误差带来的错位。" in entries[0].answer


def test_inline_answer_after_dashes():
    [entry] = entries_of("1、检测和分类的区别 ---- 检测对位置敏感，不能随意 resize\n")
    assert entry.question == "检测和分类的区别"
    assert entry.answer == "检测对位置敏感，不能随意 resize"


def test_empty_question_heading_is_kept():
    entries = entries_of("## 为什么 Adam 收敛快？\n\n## 学习率怎么调？\n\n先大后小。\n")
    assert [(e.question, e.answer) for e in entries] == [("为什么 Adam 收敛快？", ""), ("学习率怎么调？", "先大后小。")]


def test_title_without_content_or_questions_is_kept():
    entries = entries_of("实际操作相关\n\n---- 场景分析 ----\n\n- 训练集 loss 上升怎么办？\n")
    assert [(e.question, e.answer, e.context) for e in entries] == [
        ("实际操作相关", "", ()),  # replaced by a title of the same rank: 待补充, not lost
        ("训练集 loss 上升怎么办？", "", ("场景分析",)),
    ]


def test_unclosed_fence_is_closed_at_the_end_of_its_entry():
    report = Report()
    text = "问：RoI Align 怎么写？\n```python\n# 双线性插值\nx = roi_align(f, b)\n\n问：mAP 怎么算？\n答：对类别平均 AP。\n"
    entries = entries_of(text, report)
    assert [e.question for e in entries] == ["RoI Align 怎么写？", "mAP 怎么算？"]
    assert "# 双线性插值" in entries[0].answer
    assert [str(d) for d in report.items] == ["note.md:2: warning: code fence never closed: closed at the end of its entry"]


def test_hash_comments_inside_code_are_not_headings():
    entries = entries_of("问：NMS 代码？\n```python\n# 按分数排序\norder = scores.argsort()\n```\n")
    assert len(entries) == 1 and "# 按分数排序" in entries[0].answer


def test_dotted_numbering_and_chinese_ordinals():
    text = "一、卷积\n5.15.1 什么是感受野？\n答：略。\n5.15.2 空洞卷积有什么用？\n二、池化\n5.16.1 池化的作用\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["什么是感受野？", "空洞卷积有什么用？", "池化的作用"]


def test_every_line_lands_somewhere():
    text = "前言：\n\n博主面了很多家。\n\n1、BN 的作用？\n答：加速收敛。\n\n总结\n\n多刷题。\n"
    entries = entries_of(text)
    covered = " ".join(e.preface + e.question + e.answer + e.postscript + " ".join(e.context) for e in entries)
    for piece in ("前言", "博主面了很多家", "BN 的作用", "加速收敛", "总结", "多刷题"):
        assert piece in covered


def test_table_of_contents_directives_are_skipped_with_a_note():
    report = Report()
    text = "[TOC]\n\n<!-- TOC -->\n- [感受野](#感受野)\n<!-- /TOC -->\n\n## 感受野怎么算？\n\n递推。\n\n* TOC\n{:toc}\n"
    entries = entries_of(text, report)
    assert [(e.question, e.answer) for e in entries] == [("感受野怎么算？", "递推。")]
    assert [d.line for d in report.sorted()] == [1, 3, 12] and all(d.level == "info" for d in report.items)


def test_bullets_alternating_markers():
    text = "- 什么是 BN？\n* 什么是 LN？\n+ 什么是 GN？\n"
    assert questions_of(text) == ["什么是 BN？", "什么是 LN？", "什么是 GN？"]


def test_chinese_ordinals_that_stop_partway():
    text = "一、BN 的作用是什么？\n加速收敛。\n二、LN 用在哪里？\n序列模型。\n然后面试官问了 Dropout 的原理\n"
    entries = entries_of(text)
    assert [e.question for e in entries][:2] == ["BN 的作用是什么？", "LN 用在哪里？"]
    assert "Dropout 的原理" in " ".join(e.question + e.answer for e in entries)


def test_no_final_newline_and_crlf():
    entries = entries_of("问：最后一题？\r\n答：没有换行结尾")
    assert [(e.question, e.answer) for e in entries] == [("最后一题？", "答：没有换行结尾")]


def test_latex_in_a_heading_question():
    [entry] = entries_of("## $L_2$ 正则为什么能防止过拟合？\n\n权重衰减。\n")
    assert entry.question == "$L_2$ 正则为什么能防止过拟合？"


def test_zero_width_and_nbsp_inside_math_are_cleaned():
    [entry] = entries_of("问：公式？\n答：$a\u200b+\u00a0b$\n")
    assert entry.answer == "答：$a+ b$"


def test_a_note_that_is_only_html():
    entries = entries_of("<div>\n<h3>注意力机制</h3>\n<p>Q、K、V 的点积。</p>\n</div>\n")
    assert len(entries) == 1 and "Q、K、V 的点积" in entries[0].answer


def test_hand_made_table_of_contents_is_skipped_with_a_note():
    report = Report()
    text = "## 目录\n- [基础](#基础)\n- [检测](#检测)\n\n## 基础\n\n### 1. 什么是过拟合？\n\n训练好、测试差。\n"
    entries = entries_of(text, report)
    assert [(e.question, e.number) for e in entries] == [("什么是过拟合？", "1.")]
    assert [(d.line, d.level) for d in report.items] == [(1, "info")]


def test_bullets_opening_an_answer_are_its_points():
    entries = entries_of("### 为什么 ReLU 比 Sigmoid 好？\n\n- 计算简单\n- 正区间梯度为 1，缓解梯度消失\n")
    assert len(entries) == 1 and "- 计算简单" in entries[0].answer


def test_numbered_answer_prefix():
    [entry] = entries_of("Q1：介绍一下你的实习项目\nA1：缺陷检测，用 YOLOv5 改的。\n")
    assert (entry.question, entry.number, entry.answer) == ("介绍一下你的实习项目", "Q1：", "A1：缺陷检测，用 YOLOv5 改的。")


def test_questions_typed_on_one_line_are_split():
    text = "### 一些问题：\n\n:1.卷积的物理意义，2.IoU 计算3.常见评价指标4.梯度消失\n"
    entries = entries_of(text)
    assert [(e.number, e.question, e.context) for e in entries] == [
        ("1.", "卷积的物理意义", ("一些问题：",)), ("2.", "IoU 计算", ("一些问题：",)),
        ("3.", "常见评价指标", ("一些问题：",)), ("4.", "梯度消失", ("一些问题：",)),
    ]


def test_inline_answers_in_parentheses_and_after_a_question_mark():
    a, b = entries_of("训练加速有什么办法？(答加大batch size，或者先adam再SGD)\n\nskip connection有什么好处？---- 梯度直达浅层。\n")
    assert (a.question, a.answer) == ("训练加速有什么办法？", "答加大batch size，或者先adam再SGD")
    assert (b.question, b.answer) == ("skip connection有什么好处？", "梯度直达浅层。")


def test_author_directives_decide_the_line_after_them():
    text = (
        "## 检测\n\n"
        "<!-- handbook: question -->\n"
        "FPN 的结构\n"
        "自顶向下加横向连接，融合高低层特征。\n\n"
        "<!-- handbook: answer -->\n"
        "为什么小目标难检？下采样后只剩几个像素，这是上一题的补充。\n\n"
        "<!-- handbook: title -->\n"
        "NMS 有哪些变种？\n\n"
        "- Soft-NMS 的思路是什么？\n"
        "  按 IoU 衰减分数而不是直接删除。\n\n"
        "<!-- handbook: skip -->\n"
        "这一行是写给自己的草稿\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["FPN 的结构", "Soft-NMS 的思路是什么？"]
    assert "为什么小目标难检？" in entries[0].answer  # answer: not a question of its own
    assert entries[1].context[-1] == "NMS 有哪些变种？"  # title: heads the questions under it
    assert all("草稿" not in e.answer for e in entries)  # skip: left out (the directive says so)


def test_topic_directive_is_carried_by_the_entry():
    text = "<!-- handbook: topic: detection -->\n## 正负样本怎么分配？\n按 IoU 阈值划分。\n"
    (entry,) = entries_of(text)
    assert entry.topic_hint == "detection"
    assert "handbook:" not in entry.answer


QUOTED_QUESTIONS = """# 多模态面试题

> 说明：问题写在引用里，下面是我的回答。

> BLIP 的 captioner 和 filter 各起什么作用？

captioner 给网图生成新描述，filter 把和图不符的描述（原始的和生成的）筛掉。

> CLIP 的温度参数为什么要设成可学习的？

固定的温度很难调，设成可学习参数让对比损失自己找合适的 logits 尺度。

> LoRA 为什么只在注意力的投影矩阵上加？

那里的更新量低秩性最明显，加在 q、v 上参数最少、效果也最好。
"""


def test_questions_set_off_as_quotes_are_answered_by_the_text_below():
    entries = entries_of(QUOTED_QUESTIONS)
    assert [e.question for e in entries] == ["BLIP 的 captioner 和 filter 各起什么作用？",
                                             "CLIP 的温度参数为什么要设成可学习的？",
                                             "LoRA 为什么只在注意力的投影矩阵上加？"]
    assert entries[0].answer.startswith("captioner 给网图生成新描述")


def test_a_quote_under_a_heading_still_restates_it():
    text = "## 讲一下 CLIP\n\n> 原话：CLIP 是怎么训练的？\n\n图文对比学习。\n\n## 讲一下 BLIP\n\n> 原话：BLIP 和 CLIP 有何不同？\n\n多了生成。\n\n## 讲一下 LoRA\n\n> 原话：LoRA 为什么省显存？\n\n只训低秩增量。\n"
    assert [e.question for e in entries_of(text)] == ["讲一下 CLIP", "讲一下 BLIP", "讲一下 LoRA"]


@pytest.mark.parametrize("placeholder", ["（TODO，下次画图补）", "A3：（没复习到，待补）", "（表还没画，先空着）",
                                         "这题答得稀碎，就不放我的答案了，大家自己查吧。",
                                         "（只报了几个名字，面试官就跳过了……）", "我：嗯……",
                                         "（今天群里没人答，周末一起讨论）", "> 二面被问到，没答好，记得再复习",
                                         "孙悦 2024-03-02 21:40\n我也不太会，求大佬"])
def test_a_put_off_answer_leaves_the_question_unanswered(placeholder):
    [entry] = entries_of(f"## Swin 的 shifted window 怎么实现？\n\n{placeholder}\n")
    assert entry.unanswered


def test_a_plain_question_after_a_headings_answer_is_a_card_with_its_own_answer():
    text = ("#### 介绍一下 R-CNN 系列的发展\n\n- R-CNN：选择性搜索 + CNN 特征\n- Fast R-CNN：共享卷积，RoI Pooling\n\n"
            "RoI Align 是怎么做的？\n\n取消量化，用双线性插值采样\n\n- 每个 bin 采四个点再池化\n\n"
            "Cascade R-CNN 为什么有效？\n\n- 待补充\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["介绍一下 R-CNN 系列的发展", "RoI Align 是怎么做的？",
                                             "Cascade R-CNN 为什么有效？"]
    assert entries[2].unanswered and "四个点" in entries[1].answer
    assert "Fast R-CNN" in entries[0].answer and "双线性" not in entries[0].answer
    assert entries[1].answer.startswith("取消量化") and "四个点" in entries[1].answer


def test_an_answer_that_says_what_needs_review_still_answers():
    [entry] = entries_of("## BN 的参数量\n\n每个通道 γ、β 两个，需要复习的是推理时的均值方差\n")
    assert not entry.unanswered


def test_an_answer_that_was_not_answered_in_time_still_answers():
    [entry] = entries_of("## Swin 的 shifted window 怎么实现？\n\n（没答上来，面试官说是把窗口整体平移半个窗口再算注意力）\n")
    assert not entry.unanswered


def test_display_math_right_under_a_sentence_does_not_swallow_the_next_question():
    text = ("## softmax 交叉熵的梯度\n\n由链式法则：\n$$\n\\begin{align}\n\\partial L/\\partial z &= p - y\n"
            "\\end{align}\n$$\n预测减标签。\n\n## sigmoid 的导数最大是多少？\n\n1/4。\n")
    assert [e.question for e in entries_of(text)] == ["softmax 交叉熵的梯度", "sigmoid 的导数最大是多少？"]


def test_questions_listed_in_prose_answered_later_by_number():
    text = (
        "字节 视觉算法 面经\n\n"
        "一面：项目聊了半小时，然后问了：1.Dropout 训练和测试有什么不同 2.讲讲 SENet 的结构 3.手撕：二分查找。面试官人挺好。\n\n"
        "二面：4.为什么 Adam 容易泛化差 5.说说 mAP 怎么算\n\n"
        "答案整理如下：\n\n"
        "1. 训练时随机置零并放大 1/(1-p)，测试时不做。\n"
        "2. squeeze 用全局池化，excitation 用两层 FC 出通道权重。\n"
        "3. 左闭右开写法，注意 mid 溢出。\n"
        "4. 还没想好，之后补。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == [
        "Dropout 训练和测试有什么不同", "讲讲 SENet 的结构", "手撕：二分查找", "为什么 Adam 容易泛化差", "说说 mAP 怎么算",
    ]
    assert entries[0].answer.startswith("训练时随机置零")
    assert "面试官人挺好" in entries[0].preface  # the paragraph itself is kept, above its first question
    assert "答案整理如下" in entries[0].preface
    assert entries[1].answer.startswith("squeeze 用全局池化")
    assert entries[3].unanswered and entries[4].unanswered
    assert [e.context[-1] for e in entries] == ["一面", "一面", "一面", "二面", "二面"]
    assert entries[0].lines[0] == entries[1].lines[0] == 3  # every listed question links to its paragraph


def test_round_title_with_a_comma_in_brackets_and_the_topics_it_covered():
    text = (
        "⭐二面（技术面，55min）\n问了 Deformable DETR 为什么收敛快？\n答：稀疏采样点，注意力只看少数位置。\n\n"
        "⭐三面（总监面，30min）\n基本是聊天，聊了实习里最有成就感的事、怎么规划技术成长、对加班的看法\n"
    )
    entries = parse_note(make_note(text, path="面经.txt"), Report())  # a phone memo: each line its own
    assert [e.question for e in entries] == [
        "问了 Deformable DETR 为什么收敛快？", "基本是聊天，聊了实习里最有成就感的事", "怎么规划技术成长", "对加班的看法"]
    assert entries[0].answer.startswith("答：稀疏采样点")
    assert [e.context for e in entries[1:]] == [("⭐三面（总监面，30min）",)] * 3
    assert all(e.unanswered for e in entries[1:])


def test_round_paragraph_whose_last_clause_is_its_first_question():
    text = (
        "某厂 CV 面经\n\n"
        "一面（45min）：先讲了二十分钟实习项目；接着八股：DETR 为什么不需要 NMS\n"
        "（我说一对一的匈牙利匹配本身就去重了）；\n"
        "RoIAlign 相比 RoIPooling 改进了什么；\n"
        "手撕 IoU。\n\n"
        "二面（总监面，30min）：聊最有挑战的项目；\n"
        "为什么想来我们组。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == [
        "DETR 为什么不需要 NMS", "RoIAlign 相比 RoIPooling 改进了什么", "手撕 IoU", "聊最有挑战的项目",
        "为什么想来我们组"]
    assert entries[0].answer.startswith("（我说一对一的匈牙利匹配")
    assert "先讲了二十分钟实习项目" in entries[0].preface  # the paragraph stays on the page, above its question
    assert [e.context[-1] for e in entries] == ["一面（45min）"] * 3 + ["二面（总监面，30min）"] * 2


def test_answers_keyed_below_the_questions_by_label_and_in_order():
    text = (
        "# 某厂检测岗一面\n\n"
        "面试官先问：1. GIoU 相比 IoU loss 解决了什么问题，\n"
        "2. Anchor 的长宽比怎么定，\n"
        "3. RPN 的损失怎么设计，\n"
        "最后手撕一个 NMS。\n\n"
        "参考答案简单整理：\n"
        "- RPN：分类用二分类交叉熵，回归用 smooth L1，只对正样本算。\n"
        "- GIoU：不相交时 IoU 恒为 0 没梯度，GIoU 加了外接框的惩罚项。\n"
        "- 长宽比：对训练集的框做 k-means 聚类。\n"
        "- 用 numpy 写的，按分数排序后循环去掉重叠框。\n"
    )
    entries = {e.question: e for e in entries_of(text)}
    assert list(entries) == ["GIoU 相比 IoU loss 解决了什么问题", "Anchor 的长宽比怎么定，", "RPN 的损失怎么设计，",
                             "最后手撕一个 NMS。"]
    assert entries["RPN 的损失怎么设计，"].answer.startswith("- RPN：分类用二分类交叉熵")
    assert entries["GIoU 相比 IoU loss 解决了什么问题"].answer.startswith("- GIoU：不相交时")
    assert entries["Anchor 的长宽比怎么定，"].answer.startswith("- 长宽比：对训练集")
    assert entries["最后手撕一个 NMS。"].answer.startswith("- 用 numpy 写的")  # no label: the next in order
    assert "面试官先问" in entries["GIoU 相比 IoU loss 解决了什么问题"].preface


def test_answers_keyed_by_number_under_their_own_lead():
    text = (
        "二面：\n\n"
        "先问 DETR 为什么不需要 NMS；\n"
        "然后 Deformable DETR 改进了什么；\n"
        "RT-DETR 为什么快。\n\n"
        "二面的答案：\n"
        "1. 匈牙利匹配一对一分配，预测本身不重复。\n"
        "2. 注意力只采样参考点附近的少数位置，收敛快很多。\n"
        "3. 还没看，之后补。\n"
    )
    entries = entries_of(text)
    assert [e.answer.split("\n")[0] for e in entries] == [
        "匈牙利匹配一对一分配，预测本身不重复。", "注意力只采样参考点附近的少数位置，收敛快很多。", "还没看，之后补。"]
    assert entries[2].unanswered


def test_labelled_points_of_an_answer_stay_with_it():
    text = (
        "1. Focal Loss 的 α 和 γ 分别起什么作用？\n"
        "2. 为什么 YOLO 对小目标不友好？\n"
        "3. BN 和 LN 有什么区别？\n"
        "- BN：在 batch 维度上对每个通道统计。\n"
        "- LN：对单个样本的全部特征统计。\n"
    )
    entries = entries_of(text)
    assert entries[2].answer.startswith("- BN：在 batch 维度上")  # its own answer's points, not keyed to others
    assert entries[0].unanswered and entries[1].unanswered


def test_answer_points_listed_in_prose_are_not_questions():
    text = "1x1 卷积的作用？\n\n主要有三点：1.降维 2.跨通道信息融合 3.减少参数量。\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["1x1 卷积的作用？"]
    assert "跨通道信息融合" in entries[0].answer


def test_blog_copy_header_plain_toc_and_section_titles_over_labelled_questions():
    text = (
        "检测面试题整理——收藏这篇就够了\n\n"
        "原创 某博主 已于 2024-03-02 09:12:40 修改 阅读量 3k 收藏 120\n"
        "分类专栏： 面试 文章标签： 目标检测\n\n"
        "文章目录\n前言\n一、基础\n二、两阶段检测\n\n"
        "前言\n整理了一些常见题。\n\n"
        "一、基础\n"
        "Q1：NMS 是做什么的？\nA1：去掉重叠的冗余框。\n\n"
        "二、两阶段检测\n"
        "Q2：Soft-NMS 改了什么？\nA2：按 IoU 衰减分数而不是直接删。\n"
    )
    report = Report()
    entries = entries_of(text, report)
    assert [(e.question, e.context) for e in entries] == [
        ("NMS 是做什么的？", ("基础",)), ("Soft-NMS 改了什么？", ("两阶段检测",)),
    ]
    assert "阅读量" in entries[0].preface and "整理了一些常见题" in entries[0].preface
    assert any("table of contents" in d.message for d in report.items)


def test_readme_trailer_sections_and_connectives_are_not_questions():
    text = (
        "## 1. softmax 交叉熵的梯度怎么推？\n\n$$\np = softmax(z)\n$$\n\n所以\n\n$$\n\\partial L / \\partial z = p - y\n$$\n\n"
        "## 🤝 贡献\n\n欢迎提 PR。\n\n## License\n\nMIT\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["softmax 交叉熵的梯度怎么推？"]
    assert "p - y" in entries[0].answer and "MIT" in entries[0].postscript


def test_a_coding_problem_with_its_statement_idea_and_code_is_one_question():
    text = (
        "# 手撕题\n\n## 70. 爬楼梯\n\n**题目**：每次爬 1 或 2 阶，爬到 n 阶有几种方法。\n\n"
        "**思路**\n斐波那契，dp[i] = dp[i-1] + dp[i-2]。\n\n**代码**\n```python\ndef f(n):\n    a, b = 1, 1\n"
        "    for _ in range(n):\n        a, b = b, a + b\n    return a\n```\n\n"
        "## 手撕：快排\n\n**题目**：原地排序一个整数数组。\n\n**思路**\n选 pivot 划分后递归。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["爬楼梯", "手撕：快排"]
    assert entries[0].answer.startswith("**题目**：每次爬 1 或 2 阶") and "return a" in entries[0].answer
    assert "选 pivot 划分后递归" in entries[1].answer


def test_a_lead_in_under_a_heading_starts_its_answer_not_a_group():
    text = ("## 2.1 中值滤波适合什么噪声？\n\n椒盐噪声。\n\n## 2.2 Canny 边缘检测的步骤\n一共分四步：\n"
            "1. 高斯滤波去噪\n2. Sobel 求梯度\n3. 非极大值抑制\n4. 双阈值连接\n\n## 2.3 直方图均衡化原理\n\n用 CDF 映射灰度。\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["中值滤波适合什么噪声？", "Canny 边缘检测的步骤", "直方图均衡化原理"]
    assert "4. 双阈值连接" in entries[1].answer


def test_a_multiple_choice_bank_is_one_question_per_item():
    text = (
        "1. 3×3 卷积核、stride=1、padding=1 时输出尺寸（ ）\nA. 不变\nB. 减半\nC. 加倍\n答案：A\n解析：(n+2-3)/1+1=n。\n\n"
        "2. 下列哪个不是正则化方法（ ）\nA. Dropout  B. L2  C. 增大学习率  D. 数据增强\n答案：C\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["3×3 卷积核、stride=1、padding=1 时输出尺寸（ ）", "下列哪个不是正则化方法（ ）"]
    assert "解析：(n+2-3)/1+1=n。" in entries[0].answer and entries[0].answer.startswith("A. 不变")


def test_a_wechat_article_copy_keeps_only_its_questions():
    text = (
        "# 检测高频题 5 问\n\n原创 某公众号 *2024-05-01 20:00* 发表于北京\n\n大家好～\n\n👇👇👇\n\n"
        "**01**\n\n**IoU 有哪几种变体？**\n\n不相交时 IoU 恒为 0，于是有了：\n\n- GIoU：加最小外接框\n- CIoU：再考虑长宽比\n\n"
        "![](https://example.com/a.png)\n\n**02**\n\n**正负样本怎么定义？**\n\n以 RPN 为例：\n\n1. IoU > 0.7 为正\n2. IoU < 0.3 为负\n\n"
        "---\n\n以上就是今天的全部内容啦，你还被问过哪些题？欢迎在留言区交流～\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["IoU 有哪几种变体？", "正负样本怎么定义？"]
    assert "CIoU：再考虑长宽比" in entries[0].answer and "2. IoU < 0.3 为负" in entries[1].answer


def test_a_bare_answer_marker_is_no_answer():
    entries = entries_of("Q. 為什麼不用 MSE？\nA. \n\nQ. 什麼是 IoU？\nA. 交集比並集。\n")
    assert [e.unanswered for e in entries] == [True, False]


def test_numbered_typora_headings_with_sub_headings_are_questions_with_structured_answers():
    text = (
        "## 三、分割\n\n### 3.1 U-Net 的结构特点\n\n对称的 U 形编码器-解码器。\n\n#### 结构\n四次下采样、四次上采样。\n\n"
        "#### 为什么在医学图像上效果好？\n数据少，skip 保留细节。\n\n"
        "### 3.2 空洞卷积的作用和问题\n\n不增加参数就扩大感受野。\n\n#### 问题：gridding effect\n采样点不连续。\n\n"
        "### 3.3 Dice Loss 和交叉熵的区别\n\nDice 直接优化重叠度。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == [
        "U-Net 的结构特点", "为什么在医学图像上效果好？", "空洞卷积的作用和问题", "Dice Loss 和交叉熵的区别",
    ]
    assert "四次下采样" in entries[0].answer and "采样点不连续" in entries[2].answer  # 问题： names a drawback


def test_a_lead_in_and_its_table_do_not_swallow_the_next_numbered_question():
    text = (
        "**第一章 评估**\n\n**1.1 什么是 mAP？**\n\n各类 AP 的平均。\n\nVOC 与 COCO 的差异如下：\n\n"
        "| 项目 | VOC | COCO |\n| --- | --- | --- |\n| IoU | 0.5 | 0.5:0.95 |\n\n"
        "**1.2 Precision 和 Recall 的定义**\n\nP = TP/(TP+FP)。\n"
    )
    entries = entries_of(text)
    assert [e.question for e in entries] == ["什么是 mAP？", "Precision 和 Recall 的定义"]
    assert "0.5:0.95" in entries[0].answer and entries[1].answer.startswith("P = TP")


def test_a_checklist_of_topics_under_a_heading_is_its_questions():
    text = ("## 模型压缩\n\n- [x] 知识蒸馏的基本思路\n\n    大模型的软标签监督小模型。\n\n"
            "- [ ] 剪枝的常见做法\n\n    按通道的 L1 范数剪。\n")
    assert [e.question for e in entries_of(text)] == ["知识蒸馏的基本思路", "剪枝的常见做法"]


def test_a_lead_in_counting_its_points_does_not_swallow_the_next_numbered_question():
    text = ("**1. BN 为什么有效？**\n\n可以从三个角度理解：\n\n- 优化：loss 曲面更平滑\n- 分布：输入分布稳定\n\n"
            "还有人认为它有正则效果。\n\n**2. LN 和 BN 的区别？**\n\nLN 在特征维上归一化。\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["BN 为什么有效？", "LN 和 BN 的区别？"]
    assert "正则效果" in entries[0].answer


def test_a_label_restating_the_question_leads_into_its_answer():
    text = ("**3、Sobel 和 Canny 边缘检测的步骤？**\n\nSobel 用两个核求梯度。\n\nCanny 的步骤：\n\n"
            "1.  高斯滤波；\n\n2.  非极大值抑制；\n\n**4、直方图均衡化是怎么做的？**\n\n按累积分布映射灰度。\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["Sobel 和 Canny 边缘检测的步骤？", "直方图均衡化是怎么做的？"]
    assert "非极大值抑制" in entries[0].answer


def test_page_properties_are_not_questions():
    text = "Created: 2024年3月2日 21:14\nLast edited: 2024年4月9日 23:50\n\n## NMS 的流程？\n\n按分数排序。\n"
    assert [e.question for e in entries_of(text)] == ["NMS 的流程？"]


def test_q_k_v_enumerates_letters_and_is_no_q_label():
    [entry] = entries_of("> [!question] Q、K、V 分别代表什么\n> 输入乘三个投影矩阵得到。\n")
    assert entry.question == "Q、K、V 分别代表什么"


def test_an_english_answer_line_with_a_dash_or_a_label_answers_the_question_waiting_for_it():
    text = ("1) Difference between BatchNorm and LayerNorm?\n"
            "BN normalizes each channel over (N, H, W) — 跨样本统计; LN normalizes each sample.\n\n"
            "One-stage vs two-stage detector, 主要区别?\n"
            "Two-stage: proposals first (RPN), then per-RoI heads. One-stage: dense prediction.\n\n"
            "IoU 怎么算?\nIntersection over union.\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["Difference between BatchNorm and LayerNorm?",
                                             "One-stage vs two-stage detector, 主要区别?", "IoU 怎么算?"]
    assert entries[1].answer.startswith("Two-stage: proposals first")


def test_a_numbered_heading_in_a_question_list_keeps_its_point_cards_as_answer():
    text = ("## 8. NMS 的流程？\n\n- 按分数排序\n\n## 9. mAP 的计算方式\n\n- 对每个类别\n  - 按置信度排序判定 TP/FP\n"
            "  - 画 PR 曲线\n- mAP = 各类 AP 的平均\n\n## 10. IoU 怎么算？\n\n交并比。\n")
    assert [e.question for e in entries_of(text)] == ["NMS 的流程？", "mAP 的计算方式", "IoU 怎么算？"]


def test_a_table_with_answer_key_points_column_is_a_question_bank():
    text = "| 题目 | 答案要点 | 频率 |\n| --- | --- | --- |\n| Adam优化器原理 | 一阶矩加二阶矩 | 高 |\n| GIL 是什么 |  | 低 |\n"
    entries = entries_of(text)
    assert [e.question for e in entries] == ["Adam优化器原理", "GIL 是什么"]
    assert entries[0].answer.startswith("一阶矩加二阶矩") and entries[1].unanswered


def test_a_bold_table_of_contents_of_anchor_links_is_skipped():
    text = ("**文章目录**\n\n*   [一、CNN 基础](#CNN_1)\n    *   [1.1 BN 的原理是什么？](#11_BN)\n\n* * *\n\n"
            "# 一、CNN 基础\n\n## 1.1 BN 的原理是什么？\n\n归一化再仿射。\n")
    assert [e.question for e in entries_of(text)] == ["BN 的原理是什么？"]


def test_dotted_questions_keep_their_margin_points_and_stay_siblings():
    text = ("## 第一章 基础\n\n**1.1 Dropout 为什么能防止过拟合？**\n\n（1）集成的角度：随机丢弃。\n\n（2）减少共适应。\n\n"
            "**1.2 AdamW 和 Adam 有什么区别？**\n\n核心是 weight decay 的实现方式不同。\n\n（1）Adam + L2。\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["Dropout 为什么能防止过拟合？", "AdamW 和 Adam 有什么区别？"]
    assert "减少共适应" in entries[0].answer


def test_page_numbers_and_running_headers_of_a_pdf_copy_are_skipped():
    page = "卷积网络面试手册"
    text = (f"{page}\n\n1．什么是感受野？\n答：输出上一点看到的输入区域。\n\n－ 1 －\n\n{page}\n\n"
            f"2．BN 训练和测试有什么不同？\n答：测试用滑动平均。\n\n－ 2 －\n\n{page}\n")
    entries = entries_of(text)
    assert [e.question for e in entries] == ["什么是感受野？", "BN 训练和测试有什么不同？"]
    assert all("－" not in e.answer and page not in e.answer for e in entries)


def test_a_repeated_line_without_page_numbers_is_kept():
    text = "## NMS 怎么写？\n\n代码如下：\n\n`nms(boxes)`\n\n## IoU 怎么写？\n\n代码如下：\n\n`iou(a, b)`\n\n## GIoU 怎么写？\n\n代码如下：\n"
    assert all("代码如下" in e.answer for e in entries_of(text))


def test_a_mind_map_topic_over_one_question_titles_it_like_its_siblings():
    text = ("卷积\n\t感受野怎么计算\n\t\t递推公式\n\t1x1 卷积有什么用\n\t\t降维升维\n"
            "归一化\n\tGroupNorm 适用什么场景\n\t\t小 batch\n"
            "检测\n\tNMS 的流程是什么\n\t\t按分数排序\n\tanchor 怎么设置\n\t\t聚类\n")
    assert [e.question for e in entries_of(text)] == ["感受野怎么计算", "1x1 卷积有什么用", "GroupNorm 适用什么场景",
                                                      "NMS 的流程是什么", "anchor 怎么设置"]


def test_a_notebook_cells_printed_output_is_part_of_the_answer():
    text = ("### 1. 手写 IoU 计算\n\n```python\nprint(iou(a, b))\n```\n\n    0.1428571428367347\n\n"
            "### 2. 用 numpy 实现 NMS\n\n```python\nprint(keep.shape)\n```\n\n    torch.Size([1, 1, 32, 32]) 10\n")
    assert [e.question for e in entries_of(text)] == ["手写 IoU 计算", "用 numpy 实现 NMS"]


def test_a_title_over_no_question_keeps_its_words():
    # found by the property test: the title's text went nowhere when no question sat under it
    [first, _] = entries_of("- BN 的作用\n答：增大感受野。\n问：感受野怎么计算？\n问：感受野怎么计算？\n")
    assert "BN 的作用" in first.preface
