"""Numbered lines in every style notes use.

Accepts::

    1. 问题      1、问题     1) 问题     (1) 问题    （1）问题
    5.15.2 问题  一、问题    第3题：问题   ①问题     3、-- 卷积相关 (a numbered group)
    01 为什么…？  (two-digit numbers with a space, as WeChat articles number their sections)
    1️⃣ 过拟合有哪些解决办法？   🔟 …   1⃣️1⃣️ …  (keycap emoji, as social posts number)
    1\\. 问题    (a Word document converted by pandoc escapes the dot)
"""

from __future__ import annotations

import re

from .marker import Mark

CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("(1)", re.compile(r"^(\s*)[(（]\s*(\d{1,3})\s*[)）]\s*(.*)$")),
    ("1.2", re.compile(r"^(\s*)(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s|[^\d.])\s*(.*)$")),
    ("1.", re.compile(r"^(\s*)(\d{1,3})\\?[.．](?!\d)\s*(.*)$")),  # "1\." of a pandoc export
    ("1、", re.compile(r"^(\s*)(\d{1,3})\s*[、，,]\s*(.*)$")),
    ("1)", re.compile(r"^(\s*)(\d{1,3})\\?[)）]\s*(.*)$")),
    ("一、", re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$")),
    ("第1", re.compile(r"^(\s*)第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*([题问个章节部分篇])\s*[:：.、]?\s*(.*)$")),
    ("①", re.compile(rf"^(\s*)([{CIRCLED}])\s*(.*)$")),
    ("01", re.compile(r"^(\s*)(0[1-9])\s+(?=[^\d\s.])(.*)$")),
    ("1️⃣", re.compile(r"^(\s*)((?:\d\ufe0f?\u20e3\ufe0f?){1,2}|\d{1,2}\ufe0f?\u20e3\ufe0f?|\U0001F51F)\s*(.*)$")),
]


DECIMAL_PROSE = re.compile(
    r"^(?:mm|cm|km|m|ms|s|kg|g|gb|mb|kb|tb|%|倍|版本?|元|万|亿|秒|分钟|小时|米|寸|岁|号)(?![a-z])", re.I
)
"""``3.5 mm 的镜头``, ``2.5 倍``: a decimal with its unit starts prose."""


def chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CHINESE_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CHINESE_DIGITS.get(tens, 0) * 10 + CHINESE_DIGITS.get(ones, 0)
    return CHINESE_DIGITS.get(text, 0)


def to_int(style: str, raw: str) -> int:
    if style == "一、" or (style == "第1" and not raw.isdigit()):
        return chinese_number(raw)
    if style == "①":
        return CIRCLED.index(raw) + 1
    if style == "1.2":
        return int(raw.rsplit(".", 1)[-1])
    if style == "1️⃣":
        return 10 if raw == "\U0001F51F" else int(re.sub(r"[\ufe0f\u20e3]", "", raw))  # "1⃣️1⃣️" is 11
    return int(raw)


def match(line: str) -> Mark | None:
    for style, pattern in PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        if style == "第1":
            unit, raw_body = m.group(3), m.group(4).strip()
            style = "第1章" if unit in "章节部分篇" else "第1"
        else:
            raw_body = m.group(3).strip()
        if style in ("1.", "1、") and not raw_body:
            return None  # "1." alone is not a numbered line
        body = raw_body.lstrip("-—").strip()  # "3、-- 卷积相关" numbers the group "卷积相关"
        # a dotted number must be followed by text, and "3.5 mm" or "1.0版本" is prose, not numbering
        if style == "1.2" and (not body or DECIMAL_PROSE.match(body) or ".0" in m.group(2) + "."):
            return None
        if style == "1.2":
            style = f"1.2/{m.group(2).count('.')}"
        number = to_int(style.split("/")[0].rstrip("章"), m.group(2))
        # "6." and "7、" mix freely in one list: one sequence family for plain numbers
        family = "N" if style in ("1.", "1、", "1)", "01") else style
        prefix = line[len(m.group(1)) : m.start(m.lastindex)].strip()
        group = raw_body.startswith(("--", "—"))
        return Mark(kind="item", text=body, rule="numbered", family=family, number=number, prefix=prefix, group=group)
    return None
