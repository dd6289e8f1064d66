"""markup: answer Markdown renders as written; the tricky fragments asserted on HTML."""

from __future__ import annotations

import pytest
from handbook.markup import RenderContext, render_block, render_inline


def html(text: str, **ctx) -> str:
    return render_block(text, RenderContext(**ctx)).strip()


@pytest.mark.parametrize("text, shown", [
    ("256*256*3", "256*256*3"), ("1*1卷积", "1*1 卷积"), ("G*G*为生成器", "G*G*为生成器"), ("(C, H*W)", "(C, H*W)"),
])
def test_stars_between_word_characters_stay_literal(text, shown):
    assert html(text) == f"<p>{shown}</p>"  # no emphasis; only CJK–Latin spacing is added


def test_underscores_angle_brackets_and_backslashes_render_as_written():
    assert html("a_b 和 x < y 和 \\rightarrow") == "<p>a_b 和 x &lt; y 和 \\rightarrow</p>"


def test_bold_next_to_chinese_punctuation():
    # CommonMark (and pymdownx.betterem) refuse this closing **; notes write it all the time
    assert html("**注意：**这里") == "<p><strong>注意：</strong>这里</p>"
    assert html("这是**重点**。") == "<p>这是<strong>重点</strong>。</p>"


def test_inline_and_display_math_become_arithmatex():
    out = html("公式 $a^2+b^2$ 和\n\n$$\n\\frac{a}{b}\n$$")
    assert '<span class="arithmatex">\\(a^2+b^2\\)</span>' in out
    assert '<div class="arithmatex">\\[\\frac{a}{b}\\]</div>' in out


def test_two_adjacent_inline_formulas_are_not_a_display_block():
    assert html("$a$$b$") == (
        '<p><span class="arithmatex">\\(a\\)</span><span class="arithmatex">\\(b\\)</span></p>'
    )


@pytest.mark.parametrize("text", ["价格 $5 和 $6", "只有一个 $ 号", "$ 开头"])
def test_stray_dollars_stay_text(text):
    assert "arithmatex" not in html(text)
    assert "$" in html(text)


def test_raw_latex_environment_without_dollars():
    out = html("\\begin{equation}\nE = mc^2\n\\end{equation}")
    assert out.startswith('<div class="arithmatex">\\[\\begin{equation}')


def test_typora_two_space_nested_lists():
    out = html("- 一级\n  - 二级\n    - 三级")
    assert out.count("<ul>") == 3 and "三级" in out


def test_fenced_code_keeps_its_language_and_is_highlighted():
    out = html("```python\ndef f(x):\n    return x\n```")
    assert out.startswith('<div class="language-python highlight"><pre><span></span><code>')
    assert '<span class="k">def</span>' in out


def test_untagged_fence_gets_a_guessed_language():
    out = html("```\n#include <stdio.h>\nint main() { return 0; }\n```")
    assert 'class="language-' in out and "&lt;stdio.h&gt;" in out


def test_unclosed_fence_closes_at_the_end_of_the_answer():
    out = html("```python\nx = 1")
    assert out.endswith("</code></pre></div>")


def test_dead_local_image_becomes_a_visible_placeholder():
    ctx = RenderContext()
    out = render_block("![截屏](../Library/Application Support/a b.png)", ctx)
    assert 'class="missing-image"' in out and "../Library/Application Support/a b.png" in out
    assert ctx.missing_images and ctx.missing_images[0][1] == "../Library/Application Support/a b.png"


def test_existing_local_image_is_published():
    ctx = RenderContext(image_exists=lambda s: True, image_url=lambda s: "../../assets/notes/x.png")
    assert '<img src="../../assets/notes/x.png"' in render_block("![图](img/x.png)", ctx)


def test_remote_images_stay_with_no_referrer():
    out = html("![r](https://img-blog.csdnimg.cn/a.png)")
    assert 'src="https://img-blog.csdnimg.cn/a.png"' in out and 'referrerpolicy="no-referrer"' in out


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
    ctx = RenderContext()
    out = render_block("答：<script>alert(1)</script> 和 <foo>未知标签</foo>", ctx)
    assert "<script" not in out and "&lt;script&gt;" in out and "alert(1)" in out
    assert "未知标签" in out and "<foo" not in out
    assert ctx.removed_html == ["<script>", "</script>"]


def test_harmless_note_html_passes():
    out = html('<font color="red">重点</font> <center>居中</center> ==高亮==')
    assert '<font color="red">重点</font>' in out and "<center>居中</center>" in out


def test_inline_question_rendering_keeps_code_and_math():
    out = render_inline("`nn.Conv2d` 的参数量 $k^2 C_{in} C_{out}$ 怎么算？")
    assert "<code>nn.Conv2d</code>" in out and 'class="arithmatex"' in out


def test_highlight_marks():
    assert html("==重点== 要背") == "<p><mark>重点</mark> 要背</p>"


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
    out = html(f"![]({src})")
    assert out.startswith(f'<p><span class="arithmatex">\\({tex}\\)</span><a class="hb-formula-src" href="')
    assert 'aria-label="公式原图"' in out  # the original image stays one click away
    assert f'<span class="arithmatex">\\({tex}\\)</span>' in html(f'<img src="{src}">')


def test_pipe_inside_math_in_a_table_cell():
    out = html("| 范数 | 值 |\n|---|---|\n| $|x|$ | 1 |")
    assert "<td><span class=\"arithmatex\">\\(\\vert x\\vert \\)</span></td>" in out


def test_cjk_latin_spacing_outside_code_math_and_urls():
    out = html("用CNN提取特征，`CNN卷积`，$a卷积b$，见https://a.com/用法")
    assert "用 CNN 提取特征" in out and "<code>CNN卷积</code>" in out and "\\(a卷积b\\)" in out
    assert ">https://a.com/用法</a>" in out


def test_full_width_and_traditional_text_is_kept_as_written():
    assert html("１ｘ１卷積") == "<p>１ｘ１卷積</p>"


def test_liquid_tags_are_shown_as_text():
    out = html("{% raw %}代码{% endraw %} 和 {{ site.url }}")
    assert "{% raw %}" in out and "{{ site.url }}" in out


def test_centred_image_padded_with_spaces_and_hard_breaks():
    out = html("      ![图](https://a.cn/x.png)      \n第一行  \n第二行")
    assert 'src="https://a.cn/x.png"' in out and "第一行<br>" in out
