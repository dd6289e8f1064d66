"""Lines of a transcript or a forum thread, prefixed by who speaks.

Accepts::

    面试官：BN 在训练和测试时有什么区别？     (the interviewer asks: a question)
    面试官：嗯，好的。                        (a comment: part of the answer around it)
    我：训练时用 batch 的统计量…             候选人：…     答主：…     (an answer)
    [2023-08-12 14:03] 楼主：请问 NMS 怎么写？     回复 @炼丹侠：用 numpy…     (a forum thread)
    [2023-08-12 14:20] 路过的炼丹师：     3楼 检测小白：                  (a post's header: who wrote it)
    👉 面试官还追问了为什么不用 BN，我答的是…                          (a follow-up told, with its answer)
"""

from __future__ import annotations

import re

from .interrogative import Ask, ask
from .marker import Mark

TIMESTAMP = r"(?:[\[【(（]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]】)）]?\s*)?"
ASKER = re.compile(
    rf"^\s*{TIMESTAMP}(?P<who>面试官|技术面试官|主面试官|考官|hr|interviewer|楼主|提问者|题主)"
    r"\s*[:：]\s*(?P<text>.*)$",
    re.I,
)
ANSWERER = re.compile(
    rf"^\s*{TIMESTAMP}(?P<who>我|候选人|本人|me|candidate|答主|层主|回复\s*@[^:：\s]{{1,20}}|@[^:：\s]{{1,20}}|[^\s:：]{{1,12}}回复)"
    r"\s*[:：]\s*(?P<text>.*)$",
    re.I,
)


ACKNOWLEDGEMENT = re.compile(
    r"^(?:(?:嗯+|哦+|好+的?|ok|okay|行|可以|明白|了解|不错|挺好的?|没问题|对)[，,。.!！~～\s]+)+"
    r"(?:那么?|然后)?\s*",
    re.I,
)
"""``面试官：嗯，好的。那 LN 呢？``: the interviewer acknowledges the last answer, then asks."""
TURN_LEAD = re.compile(r"^(?:那么?|然后|最后|接着|下面|再|好)[，,\s]*")
"""``面试官：最后写个代码吧，…``, ``那你说说…``: words that move the interview on, before the request."""


POST_TIMESTAMP = r"[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]】)）]?"
FLOOR = r"(?:#\d+|\d+\s*(?:楼|#|F)|第\s*\d+\s*楼|沙发|板凳)"
POST_HEADER = (
    re.compile(rf"^\s*(?:{POST_TIMESTAMP}|{FLOOR})\s*(?P<who>[^\s:：][^:：]{{0,24}}?)\s*[:：]\s*(?P<text>.*)$", re.I),
    re.compile(r"^\s*(?P<who>[^\s:：\d][^:：]{0,24}?)\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?P<text>)$"),
)
"""``[2023-08-12 14:03] 楼主：``, ``3楼 路过的炼丹师：…``, ``路过的炼丹师 2023-08-12 14:20``."""


REPORTED_FOLLOW_UP = re.compile(
    r"^\s*(?:[^\w\s(（]{1,3}\s*)?(?:面试官|他|她|对方)(?:还|又|接着|然后|最后)?(?:追问|问)(?:了|道|我)?\s*[:：]?\s*"
    r"(?P<text>[^，,。；;]{4,80}[，,。；;]\s*(?:我|当时我)(?:答的是|答|回答|说).+)$"
)
"""``👉 面试官还追问了为什么 Transformer 不用 BN，我答的是…``: a follow-up and its answer, told."""


def match(line: str) -> Mark | None:
    if m := REPORTED_FOLLOW_UP.match(line):
        return Mark(kind="qa_q", text=m.group("text").strip(), rule="reported_follow_up", family="Q", label="面试官")
    if m := ASKER.match(line):
        text = ACKNOWLEDGEMENT.sub("", m.group("text").strip())
        if text and (ask(text) >= Ask.STRONG or ask(TURN_LEAD.sub("", text, count=1)) >= Ask.STRONG):
            return Mark(kind="qa_q", text=text, rule="speaker_asks", family="Q", label=m.group("who"))
        return Mark(kind="plain", text=line.strip(), rule="speaker_comment", label=m.group("who"))
    if m := ANSWERER.match(line):
        return Mark(kind="qa_a", text=m.group("text").strip(), rule="speaker_answers", label=m.group("who"))
    for pattern in POST_HEADER:
        if (m := pattern.match(line)) and not m.group("text").strip():
            return Mark(kind="plain", text=line.strip(), rule="post_header", label=m.group("who"))
    return None
