"""parse_rules.machinery: outliner properties, author directives, tables of contents, breaks, Anki headers."""

from __future__ import annotations

import pytest
from handbook.parse_rules import mark
from handbook.parse_rules.machinery import match


@pytest.mark.parametrize("line, key, value", [
    ("id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b", "id", "65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b"),
    ("  collapsed:: true", "collapsed", "true"),
    ("title:: 目标检测面经", "title", "目标检测面经"),
    ("- tags:: 面经, 检测", "tags", "面经, 检测"),
])
def test_logseq_properties(line, key, value):
    m = match(line)
    assert (m.kind, m.rule, m.label, m.text) == ("property", "logseq_property", key, value)


@pytest.mark.parametrize("line, text", [
    ("<!-- handbook: question -->", "question"),
    ("<!--handbook:topic: detection-->", "topic: detection"),
])
def test_author_directives(line, text):
    m = match(line)
    assert (m.kind, m.text) == ("directive", text)


@pytest.mark.parametrize("line", ["[TOC]", "{:toc}", "[[_TOC_]]", "* TOC {:toc}", "@[toc](目录)", "  [toc]  "])
def test_tables_of_contents(line):
    assert match(line).kind == "toc"


@pytest.mark.parametrize("line", ["---", "***", "___", "=====", "- - -", "—— END ——", "（完）", "The End",
                                  "━━━━━━━━", "～～～～", "★★★★★", "全文完"])
def test_thematic_breaks_and_end_marks(line):
    m = match(line)
    assert (m.kind, m.rule) == ("rule", "thematic_break")


@pytest.mark.parametrize("line", ["#separator:tab", "#html:true", "#tags column:3", "#deck column:2"])
def test_anki_export_headers(line):
    m = match(line)
    assert (m.kind, m.rule, m.label) == ("property", "anki_header", "anki")


@pytest.mark.parametrize("line", [
    "- 为什么要做 NMS？",
    "1. id 和 ood 数据的区别",
    "--- code 编程",  # dashes with text: a group title
    "<!-- 这里是普通注释 -->",
    "# 一面",
    "#面试 #检测",
    "END 之后的 token 怎么处理？",
    "完全卷积网络 FCN 的结构",
    "★ 重点：BN 的位置",
])
def test_note_text_is_not_machinery(line):
    assert match(line) is None


@pytest.mark.parametrize("line", ["std::move 和 std::forward 的区别？", "cv::Mat 的浅拷贝和深拷贝"])
def test_cpp_scope_is_not_a_property(line):
    assert match(line) is None


def test_mark_tries_machinery_first():
    assert mark("- id:: 65e1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b").kind == "property"  # not a bullet
    assert mark("---").kind == "rule"  # not a bullet nor a setext underline


@pytest.mark.parametrize("line, kind", [(":::tips", "tips"), ("::: warning", "warning"), (":::", "")])
def test_container_fences(line, kind):
    m = match(line)
    assert (m.kind, m.rule, m.text) == ("property", "container_fence", kind)


def test_a_container_with_a_title_or_a_c_plus_plus_scope_is_text():
    assert match(":::tips 注意 BN 的位置") is None  # its title is words of the note
    assert match("std::vector<int> v;") is None
