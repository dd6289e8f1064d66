"""classify: the question decides first, context and answer after; nothing is left unplaced."""

from __future__ import annotations

import pytest
from conftest import make_note
from handbook.classify import Classifier
from handbook.model import Entry


def place(question: str, answer: str = "", context: tuple[str, ...] = ()) -> str:
    entry = Entry(make_note("x"), question, answer, (1, 1), context)
    return Classifier().place(entry).topic


@pytest.mark.parametrize("question, topic", [
    ("感受野怎么计算？", "convolution"),
    ("写一个数值稳定的 softmax", "coding"),  # a coding task: what it computes is no subject
    ("Dice Loss 怎么定义，公式手写一下", "loss"),  # the formula written out is no coding task
    ("从信息论的角度怎么理解 L2 正则？", "regularization"),  # a viewpoint is no subject either
    ("为什么 teacher 给的软标签比 one-hot 更有用？", "compression-deployment"),
    ("Max Pooling 和 Average Pooling 的区别", "pooling"),
    ("介绍 Leaky ReLU", "activation"),
    ("为什么分类用交叉熵而不用 MSE", "loss"),
    ("BN 训练和测试有什么区别", "normalization"),
    ("L1 为什么能产生稀疏解", "regularization"),
    ("Adam 的更新公式", "optimization"),
    ("Xavier 初始化的思想", "gradients"),
    ("如何处理类别不平衡", "training"),
    ("ResNet 的残差结构为什么有效", "backbones"),
    ("MobileNetV2 的倒残差结构", "lightweight"),
    ("LSTM 有哪几个门", "sequence-attention"),
    ("ViT 的位置编码能不能换成卷积", "sequence-attention"),  # a Transformer for images
    ("WGAN 改进了什么", "gan"),
    ("Faster R-CNN 的 RPN 怎么工作", "detection"),
    ("DeepLab 的 ASPP 模块", "segmentation"),
    ("Canny 边缘检测的步骤", "image-processing"),
    ("mAP 怎么计算", "metrics"),
    ("IoU 怎么算", "detection"),  # a box's overlap: every labeller files it with detection
    ("GIoU 相比 IoU 改进了什么", "loss"),  # the IoU family of box-regression losses
    ("SVM 的核函数有什么作用", "classic-ml"),
    ("偏差和方差分别指什么", "classic-ml"),  # the bias-variance decomposition is learning theory
    ("知识蒸馏怎么做", "compression-deployment"),
    ("PyTorch 的 DataLoader 怎么写", "frameworks-tools"),
    ("反转链表，不用递归", "coding"),
    ("请做一下自我介绍", "interview-experience"),
])
def test_common_questions_land_on_their_topic(question, topic):
    assert place(question) == topic


def test_question_outweighs_a_long_answer():
    answer = "卷积 " * 50 + "这里顺便说了很多卷积。"
    assert place("BN 有哪些可学习参数？", answer) == "normalization"


def test_answer_decides_when_the_question_says_nothing():
    assert place("这个怎么做？", "用 NMS 去掉重叠的检测框，阈值取 0.5。") == "detection"


def test_context_heading_helps_a_terse_question():
    assert place("有什么作用", context=("池化相关",)) == "pooling"


def test_traditional_chinese_is_folded_for_matching():
    assert place("捲積神經網路的感受野怎麼計算？") == "convolution"


def test_ascii_keywords_match_whole_words_only():
    # "bn" must not fire inside other words, "in" is never a keyword
    assert place("what is an input bnnx token") != "normalization"


def test_no_evidence_goes_to_the_fallback_topic():
    assert place("嗯嗯好的") == "interview-experience"


def test_glossary_terms_are_attached_to_the_entry():
    entry = Entry(make_note("x"), "非极大值抑制的流程", "", (1, 1))
    placed = Classifier().place(entry)
    assert placed.topic == "detection"
    assert any("NMS" in t.forms for t in placed.terms)


def test_author_topic_hints_override_the_scores(tmp_path):
    from handbook.classify import classify
    from handbook.diagnostics import Report
    from handbook.parse import parse_note
    from handbook.read import read_note

    note_file = tmp_path / "misc.md"
    note_file.write_text(
        "---\ntopic: training\n---\n\n## 卷积核为什么常用 3x3？\n参数少。\n\n"
        "<!-- handbook: topic: detetion -->\n## 为什么要 warmup？\n稳定初期训练。\n",
        encoding="utf-8",
    )
    report = Report()
    note = read_note(note_file, tmp_path, report)
    placed = classify(parse_note(note, report), report=report)
    assert [p.topic for p in placed] == ["training", "training"]  # front matter wins over 卷积
    (warning,) = [d for d in report.sorted() if "unknown topic" in d.message]
    assert (warning.path, warning.line, warning.level) == ("misc.md", 9, "warning")  # the question it hints


def test_an_abbreviation_that_is_an_english_word_counts_only_as_written():
    assert place("Explain the forward and reverse process in DDPM", "Forward adds Gaussian noise step by step.") == "gan"
    assert place("BN、LN、IN、GN 的区别") == "normalization"  # "in" above is not IN (Instance Norm)


def test_taiwan_words_match_the_mainland_glossary():
    assert place("如果影像上有很多椒鹽雜訊，要用什麼濾波器？", "中值濾波最有效。") == "image-processing"  # 雜訊 is 噪声


def test_the_loss_value_is_not_the_subject_of_a_training_problem():
    assert place("loss 突然变成 NaN 可能是什么原因", "学习率太大，或者数据里有 NaN") == "training"
    assert place("常用的 loss 函数有哪些") == "loss"  # still the loss page when nothing else is named


def test_a_space_between_scripts_does_not_hide_a_glossary_form():
    assert place("gamma 校正為什麼要做？") == "image-processing"  # the glossary writes gamma校正
