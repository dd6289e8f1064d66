"""Answers as readers see them: note fragments through the fixers, then Python-Markdown with
the extensions of ``mkdocs.yml``, then the sanitizer, the way the site renders them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown
import pytest
from handbook.fixers import fix_markdown
from handbook.fixers.images import ImageResolver, rewrite_images
from handbook.sanitize import sanitize, wrap_entries

REPO = Path(__file__).resolve().parents[1]


@cache
def site_markdown() -> markdown.Markdown:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def html(text: str, resolver: ImageResolver | None = None) -> str:
    md = site_markdown()
    md.reset()
    return sanitize(md.convert(fix_markdown(rewrite_images(text, resolver or ImageResolver())))).strip()


@pytest.mark.parametrize("text, shown", [
    ("256*256*3", "256*256*3"), ("1*1卷积", "1*1 卷积"), ("G*G*为生成器", "G*G*为生成器"), ("(C, H*W)", "(C, H*W)"),
])
def test_stars_between_word_characters_stay_literal(text, shown):
    assert html(text) == f"<p>{shown}</p>"  # no emphasis; only CJK–Latin spacing is added


def test_underscores_and_angle_brackets_render_as_written():
    assert html("a_b 和 x < y") == "<p>a_b 和 x &lt; y</p>"


def test_bold_next_to_chinese_punctuation():
    assert html("**注意：**这里") == "<p><strong>注意：</strong>这里</p>"
    assert html("这是**重点**。") == "<p>这是<strong>重点</strong>。</p>"


def test_inline_and_display_math_become_arithmatex():
    out = html("公式 $a^2+b^2$ 和\n$$\n\\frac{a}{b}\n$$")
    assert '<span class="arithmatex">\\(a^2+b^2\\)</span>' in out
    assert '<div class="arithmatex">\\[\n\\frac{a}{b}\n\\]</div>' in out


def test_two_adjacent_inline_formulas_are_not_a_display_block():
    assert html("$a$$b$").count('<span class="arithmatex">') == 2


@pytest.mark.parametrize("text", ["价格 $5 和 $6", "只有一个 $ 号", "$ 开头"])
def test_stray_dollars_stay_text(text):
    assert "arithmatex" not in html(text) and "$" in html(text)


def test_raw_latex_environment_without_dollars():
    out = html("推导：\n\\begin{equation}\nE = mc^2\n\\end{equation}")
    assert '<div class="arithmatex">\\[\\begin{equation}' in out


def test_nested_lists_after_a_lead_in():
    out = html("改进有：\n- 一级\n  - 二级\n    - 三级")
    assert out.startswith("<p>改进有：</p>") and out.count("<ul>") == 3


def test_fenced_code_keeps_its_language_and_is_highlighted():
    out = html("```python\ndef f(x):\n    return x\n```")
    assert '<div class="language-python highlight"><pre><span></span><code>' in out
    assert '<span class="k">def</span>' in out


def test_untagged_fence_gets_a_guessed_language():
    out = html("```\n#include <stdio.h>\nint main() { return 0; }\n```")
    assert 'class="language-' in out and "&lt;stdio.h&gt;" in out


def test_unclosed_fence_closes_at_the_end_of_the_answer():
    assert html("```python\nx = 1").endswith("</code></pre></div>")


def test_one_note_line_is_one_line_on_the_page():
    assert html("第一行\n第二行") == "<p>第一行<br>\n第二行</p>"


def test_dead_local_image_becomes_a_visible_placeholder():
    resolver = ImageResolver()
    out = html("![截屏](../Library/Application Support/a b.png)", resolver)
    assert "图片缺失" in out and "../Library/Application Support/a b.png" in out
    assert resolver.missing == ["../Library/Application Support/a b.png"]


def test_remote_images_stay_with_no_referrer_and_load_lazily():
    out = html("![r](https://img-blog.csdnimg.cn/a.png)")
    assert 'src="https://img-blog.csdnimg.cn/a.png"' in out and 'referrerpolicy="no-referrer"' in out
    assert 'loading="lazy"' in out


def test_url_glued_to_an_image_keeps_both():
    out = html("见https://zhuanlan.zhihu.com/p/1![图](https://a.cn/b.png)")
    assert 'href="https://zhuanlan.zhihu.com/p/1"' in out and 'src="https://a.cn/b.png"' in out


@pytest.mark.parametrize("dangerous", [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>', '<div onclick="steal()">点我</div>',
])
def test_sanitizer_removes_scripts_handlers_and_javascript_urls(dangerous):
    out = html(dangerous)
    for bad in ("<script", "onerror", "onclick", "javascript:", "<iframe"):
        assert bad not in out


def test_script_tags_are_shown_as_text_never_run():
    out = html("答：<script>alert(1)</script> 和 <foo>未知标签</foo>")
    assert "<script" not in out and "&lt;script&gt;" in out and "alert(1)" in out
    assert "未知标签" in out and "<foo" not in out


def test_harmless_note_html_passes():
    out = html('<font color="red">重点</font> 和 ==高亮==')
    assert '<font color="red">重点</font>' in out and "<mark>高亮</mark>" in out


def test_html_comments_are_shown_not_hidden():
    out = html("前文<!-- 面试官追问了这里 -->后文")
    assert "面试官追问了这里" in out and "<!--" not in out


def test_link_with_empty_text_shows_its_address():
    assert ">https://example.com/paper</a>" in html("[](https://example.com/paper)")


@pytest.mark.parametrize("src, tex", [
    ("https://latex.codecogs.com/gif.latex?\\frac{a}{b}&space;+&space;c", "\\frac{a}{b} + c"),
    ("https://latex.codecogs.com/svg.image?\\dpi{120}&space;x^2", "x^2"),
    ("https://www.zhihu.com/equation?tex=E%3Dmc%5E2", "E=mc^2"),
])
def test_formula_images_become_math(src, tex):
    for written in (f"![]({src})", f'<img src="{src}">'):
        out = html(written)
        assert f'<span class="arithmatex">\\({tex}\\)</span>' in out and 'title="公式原图"' in out


def test_pipe_inside_math_in_a_table_cell():
    out = html("| 范数 | 值 |\n|---|---|\n| $|x|$ | 1 |")
    assert out.count("<td>") == 2 and "\\vert" in out


def test_cjk_latin_spacing_outside_code_math_and_urls():
    out = html("用CNN提取特征，`CNN卷积`，$a卷积b$，见https://a.com/用法")
    assert "用 CNN 提取特征" in out and "<code>CNN卷积</code>" in out and "\\(a卷积b\\)" in out
    assert ">https://a.com/用法</a>" in out


def test_full_width_and_traditional_text_is_kept_as_written():
    assert html("１ｘ１卷積") == "<p>１ｘ１卷積</p>"


def test_liquid_tags_are_shown_as_text():
    out = html("{% raw %}代码{% endraw %} 和 {{ site.url }}")
    assert "{% raw %}" in out and "{{ site.url }}" in out


def test_answer_headings_stay_inside_their_entry():
    assert "<h2" not in html("## 公式\n推导如下")


def test_each_entry_body_is_wrapped_once():
    page = '<h1>卷积</h1><p>共 2 题</p><h2 id="q-1">A？</h2><p>a</p><h2 id="q-2">B？</h2><p>b</p>'
    assert wrap_entries(page) == ('<h1>卷积</h1><p>共 2 题</p><h2 id="q-1">A？</h2>\n<div class="hb-qa"><p>a</p></div>\n'
                                  '<h2 id="q-2">B？</h2>\n<div class="hb-qa"><p>b</p></div>\n')
