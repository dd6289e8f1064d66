"""render: topic pages hold each question as a heading with a stable id, answer, source."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_NOTES
from handbook.pipeline import run
from handbook.render import image_size, shield_markdown


def rendered():
    state = run(FIXTURE_NOTES)
    assert state.site is not None
    return state


def test_every_topic_page_and_sources_exist():
    site = rendered().site
    assert "index.md" in site.pages and "sources/index.md" in site.pages
    assert sum(1 for p in site.pages if p.count("/") == 1 and not p.startswith(("sources", "print"))) == 23
    assert {"print/handbook.md", "print/cheatsheet.md"} <= set(site.pages)


def test_question_heading_answer_keywords_and_source_line():
    page = rendered().site.pages["vision/detection.md"]
    assert "## NMS 的流程是什么？ {#q-" in page
    assert '<div class="hb-answer"><p>A: 先按得分排序' in page
    assert '来源：<a href="../../sources/qa_blog/#L8">检测面试问答整理</a> · 第 8 行' in page
    assert "关键词</span> 非极大值抑制 · NMS" in page
    assert "某视觉公司" in page  # company from front matter


def test_unanswered_questions_are_marked_not_hidden():
    page = rendered().site.pages["fundamentals/convolution.md"]
    assert "感受野怎么计算？" in page and '<p class="hb-todo">待补充</p>' in page


def test_verbatim_source_pages_are_safe_and_not_searched():
    page = rendered().site.pages["sources/qa_blog.md"]
    assert "search:\n  exclude: true" in page
    assert '<span class="hb-line" id="L8"><a class="hb-ln" href="#L8"' in page
    assert "<script" not in page


def test_missing_image_is_a_normalizer_warning_with_file_and_line():
    state = rendered()
    messages = [str(d) for d in state.report.sorted()]
    assert "images.md:7: warning: image not found, shown as a placeholder: " \
           "../Library/Application Support/typora-user-images/截屏 2022-03-20.png" in messages


def test_existing_local_image_is_copied_into_the_site():
    site = rendered().site
    [(rel, source)] = list(site.assets.items())
    assert rel == "assets/notes/assets/bilinear.png" and Path(source).name == "bilinear.png"


def test_local_image_carries_its_size_so_the_page_does_not_jump_when_it_loads():
    page = rendered().site.pages["vision/image-processing.md"]
    from PIL import Image

    width, height = Image.open(FIXTURE_NOTES / "assets" / "bilinear.png").size
    assert f'src="../../assets/notes/assets/bilinear.png" alt="插值示意" width="{width}" height="{height}"' in page


def test_image_size_of_a_file_that_is_not_an_image_is_unknown(tmp_path):
    fake = tmp_path / "not-really.png"
    fake.write_bytes(b"<html>saved login page</html>")
    assert image_size(fake) is None and image_size(None) is None


def test_markdown_syntax_in_question_text_is_shielded():
    assert shield_markdown("<code>a_b</code> 2*3 $x$") == "<code>a&#95;b</code> 2&#42;3 &#36;x&#36;"
