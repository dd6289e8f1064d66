"""search tuning: jieba vocabulary from the glossary, the Material segmenter fix, the compact index."""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest
from conftest import make_note
from handbook.model import Entry, MergedEntry, Placed
from handbook.search import (
    MAX_GLUED,
    PREVIEW_CHARS,
    SCRIPT_PATCHES,
    answer_preview,
    compact_search_index,
    patch_search_scripts,
    prepare_segmenter,
    questions_only,
    simplified_map,
    synonym_table,
    user_words,
    with_simplified_copy,
)

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates/assets/javascripts"


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


@pytest.mark.parametrize("patch", SCRIPT_PATCHES, ids=lambda p: p.why)
def test_each_patch_finds_its_code_once_in_the_installed_material(patch):
    [script] = MATERIAL_SCRIPTS.glob(patch.script)
    assert len(patch.pattern.findall(script.read_text(encoding="utf-8"))) == 1


def copy_material_scripts(site: Path) -> Path:
    target = site / "assets/javascripts"
    for patch in SCRIPT_PATCHES:
        [script] = MATERIAL_SCRIPTS.glob(patch.script)
        (target / script.relative_to(MATERIAL_SCRIPTS)).parent.mkdir(parents=True, exist_ok=True)
        (target / script.relative_to(MATERIAL_SCRIPTS)).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_patching_the_scripts_applies_every_patch_once_with_the_tables(tmp_path):
    target = copy_material_scripts(tmp_path)
    assert patch_search_scripts(tmp_path, [[["bn"], ["批归一化"]]], {"歸": "归"}) == []
    [worker] = target.glob("workers/search.*.min.js")
    code = worker.read_text(encoding="utf-8")
    assert code.startswith('self.HB_SYNONYMS=[[["bn"],["批归一化"]]];self.HB_T2S={"歸":"归"};')
    assert "self.hbSearch(this," in code and "_mdSearch(" in code and "<=" in code
    assert not any(p.pattern.search(code) for p in SCRIPT_PATCHES if p.script.startswith("workers"))
    # a second run finds nothing left to change: every patch is reported missing
    assert len(patch_search_scripts(tmp_path)) == len(SCRIPT_PATCHES)


def test_a_site_without_a_search_worker_is_left_alone(tmp_path):
    assert patch_search_scripts(tmp_path) == []


TOPIC = "fundamentals/convolution/"


def test_a_topic_page_keeps_an_empty_parent_and_one_document_per_question():
    docs = [
        {"location": TOPIC, "title": "卷积", "text": "卷积 页面导语"},
        {"location": TOPIC + "#q-0a1b2c3d", "title": "空洞卷积如何实现", "text": "在核元素间插零"},
        {"location": TOPIC + "#公式", "title": "公式", "text": "k' = k + (k-1)(d-1)"},
        {"location": TOPIC + "#q-4e5f6a7b", "title": "感受野怎么算", "text": "逐层累加"},
        {"location": "review/hot/", "title": "高频题", "text": "被问 3 次"},
    ]
    out = questions_only(docs, {TOPIC})
    assert [d["location"] for d in out] == [TOPIC, TOPIC + "#q-0a1b2c3d", TOPIC + "#q-4e5f6a7b", "review/hot/"]
    assert out[0]["title"] == out[0]["text"] == ""  # matches nothing, still the parent the worker needs
    assert "公式" in out[1]["text"] and "(k-1)(d-1)" in out[1]["text"]  # the answer's sub-heading stays in it
    assert out[3] == docs[4]  # other pages untouched


def test_glossary_aliases_are_searched_with_their_question():
    docs = [{"location": TOPIC, "title": "卷积", "text": ""},
            {"location": TOPIC + "#q-0a1b2c3d", "title": "DwConv 怎么实现", "text": "groups=C"}]
    out = questions_only(docs, {TOPIC}, keywords={"q-0a1b2c3d": "深度可分离卷积 depthwise convolution"})
    assert out[1]["text"] == "groups=C 深度可分离卷积 depthwise convolution"


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


def merged(*answers: str, unanswered: bool = False) -> MergedEntry:
    note = make_note("x")
    items = tuple(Placed(Entry(note, "BN 训练和测试有什么区别", a, (3, 3), unanswered=unanswered), "normalization", 1.0)
                  for a in answers)
    return MergedEntry("q-0a1b2c3d", "BN 训练和测试有什么区别", "normalization", items)


def test_the_preview_is_the_first_sentence_of_the_answer_as_plain_text():
    entry = merged("**训练时**用 batch 的均值方差，`running_mean` 累计。测试时用累计值。\n\n- 其余")
    assert answer_preview(entry) == "训练时用 batch 的均值方差，running_mean 累计。"


def test_the_preview_of_an_unanswered_question_says_so():
    assert answer_preview(merged("", unanswered=True)) == "待补充"


def test_a_long_first_sentence_is_cut_and_markup_is_escaped():
    preview = answer_preview(merged("当 a<b 时" + "很长" * 100))
    assert preview.startswith("当 a&lt;b 时") and preview.endswith("…")
    assert len(preview) <= PREVIEW_CHARS + len("&lt;") + 1


def test_an_answer_that_opens_with_code_previews_its_first_line():
    assert answer_preview(merged("```python\ndef nms(boxes):\n    pass\n```")) == "def nms(boxes):"


def test_synonyms_add_the_forms_the_titles_use():
    docs = [{"location": TOPIC + "#q-1", "title": "BN\u200b有\u200b哪些\u200b参数", "text": ""},
            {"location": TOPIC + "#q-2", "title": "为什么\u200b要\u200b归一化", "text": ""}]
    table = {tuple(forms): words for forms, words in synonym_table(docs)}
    bn = next(words for forms, words in table.items() if "批标准化" in forms)
    assert bn == ["bn"]  # the form the titles use, found from any alias
    why = next(words for forms, words in table.items() if "why" in forms)
    assert why == ["为什么"]
    assert not any("dropout" in forms for forms in table)  # no title uses it: not shipped


def test_a_traditional_question_is_found_in_simplified_and_the_other_way():
    doc = {"location": TOPIC + "#q-1", "title": "殘差網路為什麼能訓練得更深", "text": "<p>因為…</p>"}
    assert "残差网路为什么能训练得更深" in with_simplified_copy(doc)["text"]
    assert with_simplified_copy({**doc, "title": "残差"}) == {**doc, "title": "残差"}
    mapping = simplified_map([{"title": "残差网络", "text": ""}])
    assert mapping["殘"] == "残" and mapping["網"] == "网"
    assert "為" not in mapping  # 为 is not in the index: nothing to gain from mapping it
