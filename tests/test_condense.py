"""condense: cheat-sheet answers keep key sentences, formulas and short code."""

from handbook.condense import condense, first_sentences


def test_first_sentences_respect_the_budget():
    text = "第一句。" * 3 + "很长的第四句" * 30 + "。"
    assert first_sentences(text, 20) == "第一句。第一句。第一句。"


def test_never_cuts_inside_inline_math():
    text = "公式是 $a。b$ 这样。后面还有很多很多很多很多很多。"
    assert first_sentences(text, 8).count("$") == 2


def test_keeps_display_math_and_short_code_drops_images():
    answer = "要点一。细节很多很多。\n\n$$\nE=mc^2\n$$\n\n```python\nx = 1\n```\n\n![图](a.png)"
    out = condense(answer)
    assert "$$\nE=mc^2\n$$" in out and "x = 1" in out and "![图]" not in out


def test_long_code_and_long_lists_are_cut():
    code = "```python\n" + "\n".join(f"x{i} = {i}" for i in range(30)) + "\n```"
    assert "# …" in condense(code) and "x29" not in condense(code)
    items = "\n".join(f"- 第{i}点。补充说明。" for i in range(10))
    out = condense(items)
    assert "第5点" in out and "第7点" not in out and "- …" in out
