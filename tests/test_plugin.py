"""The handbook MkDocs plugin in someone else's MkDocs Material project, outside this repo."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

NOTE = """\
# 检测复习

1. NMS 的流程是什么？
   按得分排序，保留最高分的框，删掉与它 IoU 超过阈值的框，重复。
2. 卷积输出尺寸怎么算？
   $O = (W - K + 2P) / S + 1$，注意 256*256*3 不是强调。<script>alert(1)</script>
"""


@pytest.fixture(scope="module")
def outside_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("someone-elses-site")
    (root / "notes").mkdir()
    (root / "notes" / "复习.md").write_text(NOTE, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# 关于\n\n我自己的页面。<b>保留</b>\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: 我的站点
        theme:
          name: material
          language: zh
        plugins:
          - search
          - handbook:
              notes: notes
        markdown_extensions:
          - attr_list
          - md_in_html
          - admonition
          - tables
          - nl2br
          - toc:
              permalink: true
          - pymdownx.arithmatex:
              generic: true
          - pymdownx.highlight
          - pymdownx.superfences
          - pymdownx.details
        """), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        config = load_config(str(root / "mkdocs.yml"))
        config.plugins.run_event("startup", command="build", dirty=False)
        build(config)
        config.plugins.run_event("shutdown")
    finally:
        os.chdir(cwd)
    return root


def test_the_plugin_builds_topic_pages_in_an_outside_project(outside_project):
    page = (outside_project / "site" / "vision" / "detection" / "index.html").read_text(encoding="utf-8")
    assert "NMS 的流程是什么？" in page and 'class="hb-qa"' in page
    assert 'href="../../sources/' in page and "#L3" in page


def test_answers_are_markdown_rendered_and_sanitized(outside_project):
    page = (outside_project / "site" / "fundamentals" / "convolution" / "index.html").read_text(encoding="utf-8")
    assert 'class="arithmatex"' in page and "256*256*3" in page
    assert "<script>alert" not in page


def test_the_projects_own_pages_are_left_alone(outside_project):
    page = (outside_project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "我自己的页面。<b>保留</b>" in page
    assert (outside_project / "docs" / "about.md").read_text(encoding="utf-8").startswith("# 关于")


def test_scripts_and_theme_overrides_come_from_the_package(outside_project):
    site = outside_project / "site"
    assert (site / "assets" / "javascripts" / "math.js").is_file()
    assert 'id="hb-header-end"' in (site / "index.html").read_text(encoding="utf-8")
