"""search tuning: jieba vocabulary from the glossary, the Material segmenter fix, the compact index."""

from __future__ import annotations

import json
from pathlib import Path

import material
from handbook.search import (
    MAX_GLUED,
    SEGMENTER_BUG,
    compact_search_index,
    patch_query_segmenter,
    prepare_segmenter,
    user_words,
)


def test_short_field_words_are_glued_long_compounds_are_not():
    words = set(user_words())
    assert {"感受野", "反卷积", "过拟合"} <= words
    assert "深度可分离卷积" not in words  # stays 深度/可分离/卷积: searchable by its parts
    assert all(len(w) <= MAX_GLUED for w in words)


def test_jieba_keeps_a_glued_word_whole_and_parts_of_long_ones():
    import jieba

    prepare_segmenter()
    assert "感受野" in jieba.lcut("感受野的计算")
    assert "卷积" in jieba.lcut("深度可分离卷积的计算量")


def test_the_installed_material_worker_has_the_segmenter_bug_we_patch(tmp_path):
    source = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    [worker] = source.glob("search.*.min.js")
    assert SEGMENTER_BUG.search(worker.read_text(encoding="utf-8"))
    target = tmp_path / "assets/javascripts/workers"
    target.mkdir(parents=True)
    (target / worker.name).write_text(worker.read_text(encoding="utf-8"), encoding="utf-8")
    assert patch_query_segmenter(tmp_path)
    patched = (target / worker.name).read_text(encoding="utf-8")
    assert not SEGMENTER_BUG.search(patched) and "<=t.length" in patched
    assert not patch_query_segmenter(tmp_path)  # idempotent: nothing left to fix


def test_search_index_is_rewritten_as_plain_utf8_with_the_same_content(tmp_path):
    index = {"config": {"lang": ["zh"]},
             "docs": [{"location": "fundamentals/convolution/#q-1", "title": "感受野\u200b怎么\u200b算",
                       "text": "<p>RF = k + (k - 1)(d - 1)，逐层累加</p>"}]}
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    path.write_text(json.dumps(index), encoding="utf-8")  # what the plugin writes: \uXXXX escapes
    before = path.stat().st_size

    saved = compact_search_index(tmp_path)

    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == index
    assert "\\u" not in text and "感受野" in text
    assert saved == before - path.stat().st_size > 0


def test_no_search_index_is_left_alone(tmp_path):
    assert compact_search_index(tmp_path) == 0
    assert not (tmp_path / "search").exists()
