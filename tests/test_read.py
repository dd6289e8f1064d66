"""read: encodings, editor debris, front matter, titles, bad files — never an exception."""

from __future__ import annotations

import os

import pytest
from handbook.diagnostics import Report
from handbook.read import decode, find_title, read_notes, split_front_matter
from handbook.textfix import clean_debris, fold

TEXT = "1、什么是感受野？\n答：输出特征图上一个点对应输入图像的区域。\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-16", "utf-8-sig", "utf-8"])
def test_decodes_common_chinese_encodings(tmp_path, encoding):
    text = TEXT if encoding != "big5" else "1、什麼是感受野？\n答：輸出特徵圖上一個點對應輸入圖像的區域。\n"
    (tmp_path / "n.md").write_bytes(text.encode(encoding))
    report = Report()
    [note] = read_notes(tmp_path, report)
    assert note.text.replace("\r", "") == text
    assert "\ufeff" not in note.text


def test_decode_prefers_utf8_and_reports_name():
    assert decode("感受野".encode()) == ("感受野", "utf-8")
    text, enc = decode("感受野的计算方法和空洞卷积的关系".encode("gbk"))
    assert text == "感受野的计算方法和空洞卷积的关系" and enc in ("gbk", "gb18030", "gb2312")


def test_clean_debris_keeps_line_count():
    raw = "\ufeff第一行\r\n\u200b\t缩进\u00a0行\r第三行"
    cleaned = clean_debris(raw)
    assert cleaned == "第一行\n\t缩进 行\n第三行"
    assert cleaned.count("\n") == 2


def test_fold_is_for_matching_only():
    assert fold("１ｘ１卷積") == "1x1卷积"
    assert fold("3×3") == fold("3*3") == fold("3 x 3") == "3x3"
    assert fold("Batch Normalization") == "batch normalization"


def test_front_matter_is_read_and_blanked_keeping_lines():
    meta, body, error = split_front_matter("---\ntitle: 字节一面\ncompany: 字节\n---\n问：NMS？\n")
    assert error is None and meta == {"title": "字节一面", "company": "字节"}
    assert body.split("\n")[4] == "问：NMS？"


def test_invalid_front_matter_is_kept_as_text_with_a_message():
    meta, body, error = split_front_matter("---\ntitle: [unclosed\n---\n正文\n")
    assert meta == {} and "正文" in body and "[unclosed" in body
    assert error and "invalid front matter" in error


def test_title_never_comes_from_a_hash_file_name():
    assert find_title({}, "1. 简单介绍一下你自己\n答案", "000_48fa3448021f6718") == "简单介绍一下你自己"
    assert find_title({}, "### 实习准备\n内容", "003_826b952b6b360ff5") == "实习准备"
    assert find_title({}, "# 一面\n", "字节跳动一面") == "字节跳动一面"
    assert find_title({"title": "美团视觉面经"}, "# 一面", "x") == "美团视觉面经"


def test_bad_files_give_one_message_each_and_the_rest_builds(tmp_path):
    (tmp_path / "ok.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "名字 有#空格%.md").write_text("问：文件名奇怪也能读吗？\n答：能。\n", encoding="utf-8")
    report = Report()
    notes = read_notes(tmp_path, report)
    assert sorted(n.path for n in notes) == ["ok.md", "名字 有#空格%.md"]
    messages = [str(d) for d in report.sorted()]
    assert any(m.startswith("binary.md:1: error: binary file") for m in messages)
    assert any(m.startswith("empty.md:1: warning: empty note") for m in messages)
    slugs = [n.slug for n in notes]
    assert all("#" not in s and "%" not in s and " " not in s for s in slugs)


def test_duplicate_titles_and_slugs_are_made_unique(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("---\ntitle: 同名笔记\n---\n问：x？\n", encoding="utf-8")
    notes = read_notes(tmp_path, Report())
    assert [n.title for n in notes] == ["同名笔记", "同名笔记（2）"]


def test_symlink_loop_is_reported_not_followed_forever(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "n.md").write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    report = Report()
    notes = read_notes(tmp_path, report)
    assert [n.path for n in notes] == ["sub/n.md"]
    assert any("symlink loop" in d.message for d in report.items)


def test_huge_line_and_deep_nesting_do_not_crash(tmp_path):
    (tmp_path / "long.md").write_text("问：长行？\n" + "很长" * 500_000 + "\n", encoding="utf-8")
    (tmp_path / "deep.md").write_text("".join("  " * i + "- 层\n" for i in range(1000)), encoding="utf-8")
    notes = read_notes(tmp_path, Report())
    assert len(notes) == 2
