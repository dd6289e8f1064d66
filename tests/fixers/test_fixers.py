"""Source fixers: each golden case ``cases/x.md`` is fixed into ``cases/x.out.md``.

Regenerate with ``pytest tests/fixers --update-golden`` and review the diff. The rendered
HTML of each case is checked for the property the fixer is for.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from handbook.fixers import FIXERS, fix_markdown
from handbook.fixers.images import ImageResolver, equation_from_image, rewrite_images

CASES = sorted(p for p in (Path(__file__).parent / "cases").glob("*.md") if not p.name.endswith(".out.md"))
EXTENSIONS = ["attr_list", "md_in_html", "tables", "nl2br", "pymdownx.arithmatex", "pymdownx.superfences",
              "pymdownx.magiclink", "pymdownx.mark", "pymdownx.tilde"]


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs={"pymdownx.arithmatex": {"generic": True}})


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_case(case: Path, request):
    got = fix_markdown(case.read_text(encoding="utf-8"))
    expected = case.with_suffix(".out.md")
    if request.config.getoption("--update-golden"):
        expected.write_text(got, encoding="utf-8")
        return
    assert got == expected.read_text(encoding="utf-8")


def test_fixers_are_idempotent():
    for case in CASES:
        once = fix_markdown(case.read_text(encoding="utf-8"))
        assert fix_markdown(once) == once, case.name


def test_every_fixer_is_named_once():
    names = [name for name, _ in FIXERS]
    assert len(names) == len(set(names))


def read(name: str) -> str:
    return html_of(fix_markdown((Path(__file__).parent / "cases" / name).read_text(encoding="utf-8")))


def test_typora_lists_nest_and_follow_their_lead_in():
    page = read("lists_typora.md")
    assert page.startswith("<p>答：主要有三点</p>\n<ul>")
    assert page.count("<ul>") == 3  # three levels


def test_tab_outlines_nest():
    assert read("lists_tabs.md").count("<ol>") == 2


def test_indented_prose_is_not_code():
    assert "<pre>" not in read("indented_prose.md")


def test_times_signs_and_dunders_stay_literal():
    page = read("literal_star.md")
    assert "256*256*3" in page and "3 * 3 * C" in page and "<em>强调</em>" in page
    assert "__init__" in page and "<strong>加粗</strong>" in page


def test_only_formulas_are_math():
    page = read("dollars.md")
    assert page.count('class="arithmatex"') == 3  # L, a, b
    assert "$5 的时候" in page and "单独的 $ 号" in page


def test_display_math_is_a_block_of_its_own():
    page = read("display_math.md")
    assert page.count('<div class="arithmatex">') == 2


def test_bars_in_table_formulas_keep_the_table():
    page = read("table_math.md")
    assert page.count("<tr>") == 3 and "\\vert" in page and "<p>表后的说明。</p>" in page


def test_an_unclosed_fence_is_closed_and_code_stays_code():
    page = read("unclosed_fence.md")
    assert "<pre" in page and "nms" in page and "代码如下" in page


def test_answer_headings_never_reach_h2_and_tags_stay_text():
    page = read("headings_tags.md")
    assert "<h2" not in page and "<h1" not in page and page.count("<h3>") == 2 and "#检测 #NMS" in page


def test_tex_outside_math_becomes_math():
    page = read("tex_outside_math.md")
    assert page.count('<span class="arithmatex">\\(\\rightarrow\\)</span>') == 2  # KaTeX shows →
    assert '<span class="arithmatex">\\(\\times\\)</span>' in page and "a \\rightarrow b" in page


def test_spacing_and_urls():
    page = read("spacing_urls.md")
    assert "用 CNN 提取" in page and 'href="https://zhuanlan.zhihu.com/p/72195907"' in page
    assert ">https://arxiv.org/abs/1512.03385</a>" in page  # an empty link shows its address
    assert "x=Conv2d(3,64)" in page


def test_html_comments_are_shown_and_scripts_inert():
    page = read("html_in_notes.md")
    assert "（注：博主注：这一段面试官追问过）" in page and "more" not in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" in page  # the Markdown inside <center> is read


def test_equation_images_become_formulas():
    src = "https://latex.codecogs.com/gif.latex?FL(p_t)&space;=&space;-(1-p_t)^\\gamma\\log(p_t)"
    assert equation_from_image(src) == "FL(p_t) = -(1-p_t)^\\gamma\\log(p_t)"
    text = rewrite_images(f"![公式]({src})", ImageResolver())
    assert text.startswith("$FL(p_t) = ") and "公式原图" in text


def test_local_images_are_published_or_named():
    resolver = ImageResolver(url=lambda src: "../../assets/notes/a.png" if src == "a.png" else None,
                             size=lambda src: (640, 480))
    text = rewrite_images("![图](a.png) 和 ![丢了](b.png)", resolver)
    assert "![图](../../assets/notes/a.png){ loading=lazy width=640 height=480 }" in text
    assert "🖼 图片缺失：丢了 `b.png`" in text and resolver.missing == ["b.png"]
    page = html_of(text)
    assert 'width="640"' in page and 'loading="lazy"' in page


def test_one_line_display_math_is_a_block_and_inline_display_is_inline():
    page = read("display_math_lines.md")
    assert page.count('<div class="arithmatex">') == 1 and "$" not in page.replace("\\$", "")
    assert '<span class="arithmatex">\\(\\prod f_t\\)</span>' in page


def test_flat_numbered_lines_keep_their_numbers_as_written():
    page = read("flat_numbered_lines.md")
    assert "<ol>" not in page and "1. 改变通道数" in page and "3. 后面接激活函数" in page


def test_pandoc_attributes_stay_visible_text():
    page = read("pandoc_attributes.md")
    assert '{width="5.2in" height="2.9in"}' in page.replace("&quot;", '"') and "{.underline}" in page
