"""parse_rules.task: Markdown task lines and outliner TODO/DONE keywords."""

from __future__ import annotations

import pytest
from handbook.parse_rules import mark
from handbook.parse_rules.task import match


@pytest.mark.parametrize("line, todo, text", [
    ("- [ ] 虚函数的实现原理", "[ ]", "虚函数的实现原理"),
    ("- [x] 手写双线性插值", "[x]", "手写双线性插值"),
    ("* [X] 手写二分查找", "[x]", "手写二分查找"),
    ("  + [-] 看 ConvNeXt 论文", "[-]", "看 ConvNeXt 论文"),
])
def test_task_lines(line, todo, text):
    m = match(line)
    assert (m.kind, m.rule, m.family, m.todo, m.text) == ("item", "task", "task", todo, text)


@pytest.mark.parametrize("line, keyword, text", [
    ("- TODO 小目标检测有哪些常用的办法？", "TODO", "小目标检测有哪些常用的办法？"),
    ("- DONE 看一下 ATSS", "DONE", "看一下 ATSS"),
    ("\t- LATER 复现 DETR", "LATER", "复现 DETR"),
])
def test_outliner_keywords(line, keyword, text):
    m = match(line)
    assert (m.kind, m.rule, m.family, m.todo, m.text) == ("item", "outliner_keyword", "-", keyword, text)


@pytest.mark.parametrize("line", [
    "TODO 没有列表符号",
    "- [链接](https://example.com) 里的内容",
    "- [1] 参考文献",
    "- TODOLIST 的设计",
    "- 普通的一条",
])
def test_not_tasks(line):
    assert match(line) is None


def test_mark_reads_a_task_before_a_bullet():
    m = mark("- [ ] 手写 NMS")
    assert (m.rule, m.todo) == ("task", "[ ]")
