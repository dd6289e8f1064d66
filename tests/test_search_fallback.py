"""search-fallback.js, the query rewriting prepended to Material's search worker, run in Node
against a small vocabulary (what the keys of lunr's inverted index would be)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from handbook.search import FALLBACK_JS

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")

VOCABULARY = ["resnet", "50", "mobilenet", "v2", "yolov3", "yolo", "v3", "vgg16", "vgg", "16", "softmax",
              "dropout", "感受野", "感受", "怎么", "算", "梯度", "爆炸", "暴", "炸", "卷积核", "卷积", "归一",
              "话", "归一化", "为什么", "的", "结构", "溢出", "要"]
SEPARATOR = (r'[\s\u200b\-_,:;!=\[\]()"`/|·，。；：！？、（）【】《》“”‘’]+'
             r"|(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])")

HARNESS = """
const f = require(process.argv[1]);
const vocabulary = new Set(JSON.parse(process.argv[2]));
const has = (w) => vocabulary.has(w);
const separator = new RegExp(process.argv[3]);
const table = [[["梯度爆炸", "gradient explosion", "exploding gradient"], ["梯度爆炸"]],
               [["卷积层", "conv layer"], ["卷积层"]],
               [["批归一化", "批标准化", "bn", "batch normalization"], ["bn"]]];
const out = {};
for (const q of JSON.parse(process.argv[4])) {
  const rewritten = f.rewriteQuery(q, has, separator);
  out[q] = {rewritten, wider: f.widenQuery(f.queryWords(rewritten, separator), has, [...vocabulary]),
            synonyms: f.synonymsOf(f.rewriteQuery(q, () => true, separator), table, has)};
}
console.log(JSON.stringify(out));
"""


def run(*queries: str) -> dict:
    done = subprocess.run(["node", "-e", HARNESS, str(FALLBACK_JS), json.dumps(VOCABULARY), SEPARATOR,
                           json.dumps(queries)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("typed, rewritten", [
    ("ResNet50", "resnet 50"),                  # split into words the index has
    ("ｍｏｂｉｌｅｎｅｔＶ２", "mobilenet v2"),      # full-width and case folded first
    ("YOLO v3", "yolov3 yolo v3"),              # the join the index has is added
    ("VGG-16", "vgg16 vgg 16"),
    ("resnet50的结构", "resnet 50 的结构"),
])
def test_model_names_are_respelled_the_way_the_index_spells_them(typed, rewritten):
    assert run(typed)[typed]["rewritten"] == rewritten


def test_a_word_without_digits_is_not_split_into_short_pieces():
    assert run("softmx")["softmx"]["rewritten"] == "softmx"  # not "soft mx"


def test_a_misspelt_latin_word_widens_to_prefix_and_edit_distance():
    assert run("softmx 溢出")["softmx 溢出"]["wider"] == "softmx* softmx~1 溢出"
    assert run("dropuot")["dropuot"]["wider"] == "dropuot* dropuot~1"


def test_known_words_are_not_widened():
    result = run("softmax 溢出", "为什么要归一化")
    assert result["softmax 溢出"]["wider"] is None
    assert result["为什么要归一化"]["wider"] is None


def test_a_chinese_word_the_index_lacks_gets_its_closest_words():
    wider = run("感受域怎么算")["感受域怎么算"]["wider"].split()
    assert "感受野" in wider and "怎么" in wider


def test_a_stray_character_next_to_a_word_is_read_as_a_slip():
    assert "归一化" in run("归一话")["归一话"]["wider"].split()


def test_synonyms_cover_aliases_english_and_one_slip_of_the_keyboard():
    result = run("批标准化", "gradient explosion", "梯度暴炸怎么解决", "卷积核")
    assert result["批标准化"]["synonyms"] == ["bn"]
    assert result["gradient explosion"]["synonyms"] == ["梯度爆炸"]
    assert result["梯度暴炸怎么解决"]["synonyms"] == ["梯度爆炸"]
    assert result["卷积核"]["synonyms"] == []  # a word the index has is no slip for 卷积层
