"""A line that is only an image (a figure of the answer, or an image used as a heading).

Accepts::

    ![在这里插入图片描述](https://img-blog.csdnimg.cn/x.png)    ![](media/image3.png){width="5in"}
    ![[rf_demo.png|300]]       <img src="x.png" width="300">      <center><img src="…"></center>
"""

from __future__ import annotations

import re

from .marker import Mark

IMAGE_ONLY = re.compile(
    r"^\s*(?:!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?|!\[\[[^\]]+\]\]|(?:<center>\s*)?<img\b[^>]*>(?:\s*</center>)?)\s*$",
    re.I,
)


def match(line: str) -> Mark | None:
    if IMAGE_ONLY.match(line):
        return Mark(kind="image", text=line.strip(), rule="image_only")
    return None
