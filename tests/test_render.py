"""render: topic pages are plain Markdown: each question a heading with a stable id, its
answer, its source line; few HTML lines; the same page read by markdown-it-py shows it all."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURE_NOTES
from handbook.pipeline import run
from handbook.render import image_size, inline, plain

MAX_HTML_SHARE = 0.05
HTML_LINE = re.compile(r"^\s*</?[A-Za-z][^>]*>")


def rendered():
    state = run(FIXTURE_NOTES)
    assert state.site is not None
    return state


def topic_pages(site) -> dict[str, str]:
    return {p: site.pages[p] for p in site.topic_pages}


def test_every_topic_page_and_sources_exist():
    site = rendered().site
    assert "index.md" in site.pages and "sources/index.md" in site.pages
    assert len(topic_pages(site)) == 23
    assert {"print/handbook.md", "print/cheatsheet.md"} <= set(site.pages)
    assert {"review/hot.md", "review/companies.md", "review/todo.md"} <= set(site.pages)


def test_question_heading_answer_and_source_line():
    page = rendered().site.pages["vision/detection.md"]
    assert "## 1. 非极大值抑制是怎么做的？ {#q-" in page  # merged with qa_blog's "NMS 的流程是什么？"
    assert "其他问法：NMS 的流程是什么？\n{: .hb-wordings }" in page and "被问 2 次 · 某视觉公司 · 字节跳动 二面" in page
    assert "\nA: 先按得分排序" in page
    assert "来源：[检测面试问答整理](../sources/qa_blog.md#L8) · 第 8 行" in page
    assert "关键词" not in page  # glossary aliases go to the search index, not into the entry's words
    assert "某视觉公司" in page  # company from front matter


def test_a_follow_up_links_its_question_instead_of_repeating_it(tmp_path):
    text = "# 面经\n\n## NMS 的流程？\n\n先排序再抑制。\n\n### 追问：Soft-NMS 改了什么？\n\n按 IoU 衰减分数。\n"
    (tmp_path / "n.md").write_text(text, encoding="utf-8")
    site = run(tmp_path).site
    page = next(site.pages[p] for p in site.topic_pages if "Soft-NMS 改了什么" in site.pages[p])
    source = next(line for line in page.split("\n") if "Soft-NMS" not in line and "原题](" in line)
    assert '#q-' in source and '"NMS 的流程？"' in source  # the question is the link's title, not its text
    assert "追问自：NMS" not in page


def test_unanswered_questions_are_marked_not_hidden():
    page = rendered().site.pages["fundamentals/convolution.md"]
    assert "感受野怎么计算？" in page and "待补充\n{: .hb-todo }" in page


def test_topic_pages_are_markdown_with_fences_and_math():
    pages = topic_pages(rendered().site)
    lines = [ln for text in pages.values() for ln in text.split("\n") if ln.strip()]
    html_lines = [ln for ln in lines if HTML_LINE.match(ln)]
    assert len(html_lines) <= MAX_HTML_SHARE * len(lines), html_lines[:10]
    everything = "\n".join(pages.values())
    assert "```python" in everything and "$$" in everything and re.search(r"\$[^$\n]+\$", everything)


def test_normalized_pages_read_the_same_as_plain_markdown():
    """Opened in any Markdown viewer (markdown-it-py with dollarmath here), a topic page shows the
    same questions, code and math as the site."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin)
    page = rendered().site.pages["fundamentals/convolution.md"]
    tokens = md.parse(page.split("---\n", 2)[2])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert any(h.startswith("卷积输出尺寸怎么算？") for h in headings)
    assert any(t.type == "math_block" for t in tokens)
    inline_math = [c for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "math_inline"]
    assert any("\\frac{W-K+2P}{S}+1" in c.content for c in inline_math)


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
    assert f"![插值示意](../assets/notes/assets/bilinear.png){{ loading=lazy width={width} height={height} }}" in page


def test_image_size_of_a_file_that_is_not_an_image_is_unknown(tmp_path):
    fake = tmp_path / "not-really.png"
    fake.write_bytes(b"<html>saved login page</html>")
    assert image_size(fake) is None and image_size(None) is None


def test_titles_and_keywords_are_shown_as_written():
    assert plain("a_b [x] 2*3 $5") == "a\\_b \\[x\\] 2\\*3 \\$5"


def test_question_text_gets_the_answer_repairs():
    assert inline("256*256*3 的特征图，价格 $5，公式 $x^2$ 呢？") == "256\\*256\\*3 的特征图，价格 \\$5，公式 $x^2$ 呢？"


def test_a_link_to_another_note_goes_to_its_source_page_and_a_missing_file_stays_text(tmp_path):
    (tmp_path / "bn.md").write_text("## BN 的作用？\n\n见 [NMS 笔记](nms.md)；格式见 [CONTRIBUTING](CONTRIBUTING.md)。\n"
                                    "\n```\n[不动](code.md)\n```\n", encoding="utf-8")
    (tmp_path / "nms.md").write_text("## NMS 的流程？\n\n先排序再抑制。\n", encoding="utf-8")
    state = run(tmp_path)
    page = next(state.site.pages[p] for p in state.site.topic_pages if "BN 的作用" in state.site.pages[p])
    assert "[NMS 笔记](../sources/nms.md)" in page
    assert "CONTRIBUTING（CONTRIBUTING.md）" in page and "](CONTRIBUTING.md)" not in page
    assert "[不动](code.md)" in page  # code is left as written
    assert "bn.md:3: info: link to CONTRIBUTING.md, which is not in the notes, shown as text" in \
        [str(d) for d in state.report.sorted()]
