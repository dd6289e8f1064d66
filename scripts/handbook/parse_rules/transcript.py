"""Speech-to-text exports of an interview (飞书妙记, 腾讯会议, 通义听悟, Otter): each turn is a
header line naming the speaker and the time, then what was said::

    说话人 1 00:04:15
    嗯，那我问一下，3D 卷积和双流网络各自有什么优缺点？

    说话人 2 00:04:22
    双流是 RGB 一路、光流一路……

The speakers are anonymous, so the interviewer is read off the turns: the speaker whose turns
ask most. Their turns are read as ``面试官：…`` lines, the other speakers' as ``我：…``; the
header lines are machinery, and the export's own header above the first turn (title, date,
keywords) is text about the note, shown before its first question.
"""

from __future__ import annotations

import re
from collections import Counter

from .interrogative import Ask, ask
from .marker import Mark
from .speaker import ACKNOWLEDGEMENT

TURN_HEADER = re.compile(
    r"^\s*(?P<who>(?:说话人|发言人|讲话人|Speaker|参会人)\s*\d{1,2}|[^\s\d:：]{1,12})"
    r"\s+\[?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\]?\s*$",
    re.I,
)
MIN_TURNS = 4
"""Fewer headers than this, and ``张三 10:30`` is a line of text, not a transcript."""
MAX_SPEAKERS = 4
MIN_TURNS_EACH = 2

REQUEST = re.compile(r"写个|写一下|写一个|手写|手撕|实现一下|讲讲|讲一下|介绍一下|说一下|说说|聊聊|解释一下|推导一下")
"""``好，那写个代码吧，旋转排序数组找最小值``: the interviewer asks by asking for something."""

ASKER = "asker"
ANSWERER = "answerer"
HEADER = "header"
PREAMBLE = "preamble"


def read_turns(lines: list[str]) -> dict[int, str]:
    """Line index → :data:`HEADER`, :data:`ASKER` or :data:`ANSWERER` for the lines of a
    transcript export; empty when the note is not one."""
    headers = [(i, m.group("who")) for i, line in enumerate(lines) if (m := TURN_HEADER.match(line))]
    speakers = Counter(who for _, who in headers)
    if (len(headers) < MIN_TURNS or not 2 <= len(speakers) <= MAX_SPEAKERS
            or min(speakers.values()) < MIN_TURNS_EACH):
        return {}  # a schedule (``周一 10:00``) names no speakers who take turns
    spoken: dict[int, tuple[str, list[int]]] = {}
    for k, (start, who) in enumerate(headers):
        end = headers[k + 1][0] if k + 1 < len(headers) else len(lines)
        spoken[start] = (who, [j for j in range(start + 1, end) if lines[j].strip()])
    asks = Counter()
    for who, body in spoken.values():
        asks[who] += sum(1 for j in body if ask(lines[j]) >= Ask.STRONG)
    asker = max(speakers, key=lambda who: (asks[who], -list(speakers).index(who)))
    roles: dict[int, str] = {}
    for j in range(headers[0][0]):  # the export's own header: title, date and length, keywords
        if lines[j].strip() and ask(lines[j]) < Ask.STRONG:
            roles[j] = PREAMBLE
    for start, (who, body) in spoken.items():
        roles[start] = HEADER
        for j in body:
            roles[j] = ASKER if who == asker else ANSWERER
    return roles


def turn_mark(line: str, role: str) -> Mark | None:
    """The mark of a transcript line: its header is machinery, the interviewer's turn a question
    when it asks or requests (else a comment around the answer), the other speaker's an answer."""
    if role == HEADER:
        return Mark(kind="property", text=line.strip(), rule="turn_header", label="transcript")
    if role == PREAMBLE:  # kept as text about the note, shown before its first question
        return Mark(kind="qa_a", text=line.strip(), rule="transcript_preamble", label="transcript")
    text = line.strip()
    if role == ANSWERER:
        return Mark(kind="qa_a", text=text, rule="speaker_answers", label="transcript")
    asked = ACKNOWLEDGEMENT.sub("", text)
    if asked and (ask(asked) >= Ask.WEAK or REQUEST.search(asked)):
        return Mark(kind="qa_q", text=asked, rule="speaker_asks", family="Q", label="transcript")
    return Mark(kind="plain", text=text, rule="speaker_comment", label="transcript")
