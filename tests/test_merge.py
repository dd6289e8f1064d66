"""merge: the same question from several notes is shown once; ids come from the text."""

from __future__ import annotations

from conftest import make_note
from handbook.merge import anchor_for, merge
from handbook.model import Entry, Placed


def placed(question: str, path: str, line: int = 1, answer: str = "答") -> Placed:
    return Placed(Entry(make_note("x", path=path), question, answer, (line, line)), "detection", 1.0)


def test_identical_and_near_identical_questions_merge():
    items = [
        placed("NMS 的流程是什么？", "a.md"),
        placed("NMS的流程是什么", "b.md"),
        placed("Soft-NMS 改进了什么？", "a.md", 5),
    ]
    merged = merge(items)["detection"]
    assert [len(m.items) for m in merged] == [2, 1]
    assert merged[0].question == "NMS 的流程是什么？"


def test_short_questions_merge_only_when_identical():
    merged = merge([placed("ROC 和 AUC", "a.md"), placed("ROC 和 PR", "b.md")])["detection"]
    assert len(merged) == 2


def test_anchor_depends_on_text_not_position():
    assert anchor_for("NMS 的流程是什么？") == anchor_for("NMS的流程是什么?")
    assert anchor_for("NMS 的流程是什么？").startswith("q-")
    before = {m.question: m.anchor for m in merge([placed("感受野怎么算？", "b.md")])["detection"]}
    after = {m.question: m.anchor for m in merge([placed("全新的问题？", "a.md"), placed("感受野怎么算？", "b.md")])[
        "detection"]}
    assert after["感受野怎么算？"] == before["感受野怎么算？"]


def test_merge_order_is_deterministic():
    items = [placed("问题甲？", "b.md"), placed("问题乙？", "a.md", 3), placed("问题丙？", "a.md", 1)]
    assert [m.question for m in merge(items)["detection"]] == ["问题丙？", "问题乙？", "问题甲？"]
    assert merge(list(reversed(items))) == merge(items)
