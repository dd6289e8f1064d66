"""parse_rules.image: a line that is only an image."""

from __future__ import annotations

import pytest
from handbook.parse_rules.image import match


@pytest.mark.parametrize("line", [
    "![在这里插入图片描述](https://img-blog.csdnimg.cn/20210301/fpn.png)",
    '![](media/image7.png){width="5.2in" height="3in"}',
    "![[roi_align.png|400]]",
    '<img src="assets/swin_window.png" width="300">',
    '<center><img src="yolo_head.png"></center>',
    "  ![](a.png)  ",
])
def test_image_only_lines(line):
    m = match(line)
    assert (m.kind, m.rule, m.text) == ("image", "image_only", line.strip())


@pytest.mark.parametrize("line", [
    "如图所示 ![](a.png)",
    "![](a.png) 图1：FPN 的结构",
    "见下图：",
    "[普通链接](https://example.com)",
    "![](a.png)![](b.png) 两张对比图",
])
def test_not_image_only(line):
    assert match(line) is None
