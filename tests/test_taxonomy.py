"""taxonomy and glossary data files: the 23 topics of the design, validated at load."""

from __future__ import annotations

import pytest
from handbook.diagnostics import HandbookError
from handbook.taxonomy import load_glossary, load_taxonomy

EXPECTED = {
    "fundamentals": ["nn-basics", "convolution", "pooling", "activation", "loss", "normalization",
                     "regularization", "optimization", "gradients", "training"],
    "models": ["backbones", "lightweight", "sequence-attention", "gan"],
    "vision": ["detection", "segmentation", "image-processing", "metrics"],
    "ml-engineering": ["classic-ml", "compression-deployment", "frameworks-tools", "coding"],
    "interview": ["interview-experience"],
}


def test_exactly_the_23_topics_in_their_groups_and_order():
    taxonomy = load_taxonomy()
    got: dict[str, list[str]] = {}
    for topic in taxonomy.topics:
        got.setdefault(topic.group, []).append(topic.slug)
    assert got == EXPECTED
    assert [g for g, _ in taxonomy.groups] == list(EXPECTED)
    assert all(t.title and t.keywords for t in taxonomy.topics)


def test_glossary_is_a_field_glossary_of_hundreds_of_forms():
    glossary = load_glossary()
    forms = [f for t in glossary for f in t.forms]
    assert len(glossary) >= 250 and len(forms) >= 900
    nms = next(t for t in glossary if "NMS" in t.forms)
    assert {"非极大值抑制", "non-maximum suppression"} <= set(nms.forms)


def test_bad_taxonomy_is_rejected_with_the_key(tmp_path):
    bad = tmp_path / "t.yaml"
    bad.write_text("groups:\n  - slug: g\n    title: G\n    topics:\n      - slug: a\n        title: A\n"
                   "        keywords: {卷积: many}\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"groups\[0\]\.topics\[0\]\.keywords\.卷积: expected a number"):
        load_taxonomy.__wrapped__(bad)


def test_an_alias_names_one_concept_unless_both_say_shared(tmp_path):
    clash = tmp_path / "g.yaml"
    clash.write_text("terms:\n  - {topic: optimization, terms: [学习率, LR]}\n"
                     "  - {topic: classic-ml, terms: [逻辑回归, lr]}\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"terms\[1\].*'lr' already names '学习率'"):
        load_glossary.__wrapped__(clash)
    clash.write_text("terms:\n  - {topic: optimization, shared: true, terms: [学习率, LR]}\n"
                     "  - {topic: classic-ml, shared: true, terms: [逻辑回归, L-R]}\n", encoding="utf-8")
    assert [t.name for t in load_glossary.__wrapped__(clash)] == ["学习率", "逻辑回归"]
