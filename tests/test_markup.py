"""markup: answer Markdown renders as written; the tricky fragments asserted on HTML."""

from __future__ import annotations

import pytest
from handbook.markup import RenderContext, render_block, render_inline


def html(text: str, **ctx) -> str:
    return render_block(text, RenderContext(**ctx)).strip()


@pytest.mark.parametrize("text", ["256*256*3", "1*1卷积", "G*G*为生成器", "(C, H*W)"])
def test_stars_between_word_characters_stay_literal(text):
    assert html(text) == f"<p>{text}</p>"


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


def test_harmless_note_html_passes():
    out = html('<font color="red">重点</font> <center>居中</center> ==高亮==')
    assert '<font color="red">重点</font>' in out and "<center>居中</center>" in out


def test_inline_question_rendering_keeps_code_and_math():
    out = render_inline("`nn.Conv2d` 的参数量 $k^2 C_{in} C_{out}$ 怎么算？")
    assert "<code>nn.Conv2d</code>" in out and 'class="arithmatex"' in out
