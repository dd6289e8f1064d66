"""Forum threads copied into a note: answers sit in reply posts, far from their questions.

    [2023-08-12 14:03] 楼主：                       ← a post: header, then its body
    1. 为什么 BN 能加速训练？
    2. 正负样本不平衡，除了 Focal Loss 还有什么办法？
    =====
    [2023-08-12 15:02] 检测小白：
    回复 @楼主：第二个问题：OHEM 在线难例挖掘…     ← answers question 2, not the one above it

Reading the outline alone, a reply joins whichever question came last. Once a note has
enough post headers to be a thread, each line of a reply post is moved to the question it
answers: one it names by position (``第二个问题``, ``问题3``), else one its opening clause
shares a content word with (``Dice 那个：…``), else the one question its addressee asked.
A reply to an answer (``回复 @路过的炼丹师：学到了``) stays with that answer. A new post of the
thread's asker does not answer the question before it: its lines before its own first
question are that question's preface (``补充一下二面被问到的：``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from .parse_rules.speaker import POST_HEADER
from .roles import content_words

MIN_POSTS = 3
"""Fewer post headers than this and the note is not read as a thread."""
REPLY_TO = re.compile(r"^\s*(?:回复\s*@?|@)(?P<to>[^:：\s]{1,24})\s*[:：]?\s*")
ORIGINAL_POSTER = frozenset({"楼主", "题主", "lz", "op"})
ORDINAL = re.compile(
    r"第\s*(?P<n>[一二三四五六七八九十\d]{1,3})\s*(?:个|道|题|问)|(?:问题|题|q)\s*(?P<m>\d{1,2})(?!\d)", re.I
)
CHINESE_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
OPENING_CLAUSE = re.compile(r"[，,。；;：:！!？?]")


@dataclass
class Post:
    start: int
    """0-based line of the header."""
    end: int
    author: str
    reply_to: str = ""


def find_posts(lines: list[str]) -> list[Post]:
    """The posts of a thread, or ``[]`` when the note has too few post headers to be one."""
    headers: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        for pattern in POST_HEADER:
            if m := pattern.match(line):
                headers.append((i, m.group("who").strip(), m.group("text")))
                break
    if len(headers) < MIN_POSTS:
        return []
    posts = []
    for k, (start, who, text) in enumerate(headers):
        end = headers[k + 1][0] if k + 1 < len(headers) else len(lines)
        first_words = text.strip() or next((ln for ln in lines[start + 1:end] if ln.strip()), "")
        to = m.group("to") if (m := REPLY_TO.match(first_words)) else ""
        posts.append(Post(start, end, who, to))
    op = posts[0].author
    for post in posts:
        if post.reply_to.lower() in ORIGINAL_POSTER:
            post.reply_to = op
        if post.author.lower() in ORIGINAL_POSTER:
            post.author = op
    return posts


def ordinal(text: str) -> int | None:
    """``第二个问题`` → 2, ``第十二题`` → 12, ``问题3`` → 3."""
    m = ORDINAL.search(text)
    if not m:
        return None
    digits = m.group("n") or m.group("m")
    if digits.isdigit():
        return int(digits)
    tens, _, units = digits.rpartition("十")
    if "十" not in digits:
        return CHINESE_DIGITS.get(digits)
    return (CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + CHINESE_DIGITS.get(units, 0)


def opening_clause(line: str) -> str:
    """The words a reply opens with, after ``回复 @楼主：`` (``Dice 那个``)."""
    rest = REPLY_TO.sub("", line, count=1).strip()
    return OPENING_CLAUSE.split(rest, maxsplit=1)[0]


def named_question(line: str, latest: list, asked: list, words_of) -> object | None:
    """The question a reply line names: by position in the addressee's latest list, or by a
    content word its opening clause shares with exactly one of the addressee's questions."""
    n = ordinal(REPLY_TO.sub("", line, count=1))
    if n is not None and 1 <= n <= len(latest):
        return latest[n - 1]
    opening = content_words(opening_clause(line))
    if not opening:
        return None
    scores = [(len(opening & words_of(q)), k) for k, q in enumerate(asked)]
    best = max((s for s, _ in scores), default=0)
    winners = [k for s, k in scores if s == best]
    return asked[winners[0]] if best and len(winners) == 1 else None



class ThreadEntry(Protocol):
    """What regrouping needs of an entry being emitted (``parse.OpenEntry``)."""

    question: str
    lines: list[int]
    preface: list[int]

    @property
    def head_line(self) -> int: ...

    @property
    def head_lines(self) -> range: ...

    @property
    def asks(self) -> bool:
        """Phrased as a question (or labelled one), not only read as one from its place."""
        ...


@dataclass
class Regrouped:
    moves: list[tuple[int, ThreadEntry, str]]
    """``(line, entry, rule)`` per line moved."""
    dissolved: list[ThreadEntry]
    """Entries that were lines of a reply (``另外 Dice 那个：…`` read as a term and its definition)."""


def regroup(lines: list[str], posts: list[Post], entries: list[ThreadEntry]) -> Regrouped:
    """Move reply lines to the questions they answer."""
    moves: list[tuple[int, ThreadEntry, str]] = []
    owner: dict[int, ThreadEntry | None] = {i: e for e in entries for i in e.lines}
    asked_in = [[e for e in entries if post.start <= e.head_line < post.end] for post in posts]
    words = {id(e): content_words(e.question) for e in entries}
    answered: dict[str, ThreadEntry] = {}
    """author → the question their last reply answered."""
    dissolved: list[ThreadEntry] = []

    def move(i: int, target: ThreadEntry, rule: str, to_preface: bool = False) -> None:
        source = owner.get(i)
        if source is target and not to_preface:
            return
        if source is not None and i in source.lines:
            source.lines.remove(i)
        (target.preface if to_preface else target.lines).append(i)
        owner[i] = target if not to_preface else None
        moves.append((i, target, rule))

    for k, post in enumerate(posts):
        if post.reply_to:  # in a reply, only a line phrased as a question asks
            for e in [e for e in asked_in[k] if not e.asks]:
                if not any(not _among(x, dissolved) for x in entries[: _index(entries, e)]):
                    continue  # no question before it to take its lines
                dissolved.append(e)
                asked_in[k].remove(e)
                owner.update({i: e for i in e.head_lines})
        own = asked_in[k]
        first_own = min((e.head_line for e in own), default=post.end)
        body = [i for i in range(post.start, first_own) if owner.get(i) is not None]
        if not post.reply_to:
            if own and post.author == posts[0].author:  # "补充一下二面被问到的：" leads into the asker's new questions
                for i in body:
                    move(i, own[0], "thread_post_preface", to_preface=True)
            continue
        earlier = [qs for j, qs in enumerate(asked_in[:k]) if qs and posts[j].author == post.reply_to]
        if not earlier:
            if post.reply_to in answered:  # "回复 @路过的炼丹师：学到了，谢谢！": with the answer it thanks
                for i in body:
                    move(i, answered[post.reply_to], "thread_reply_to_answer")
            continue
        latest, asked = earlier[-1], [q for qs in earlier for q in qs]
        current = asked[0] if len(asked) == 1 else None
        pending: list[int] = []  # the header and lines before the first line that names a question
        for i in body:
            named = named_question(lines[i], latest, asked, lambda q: words[id(q)])
            if named is not None:
                current = named
            if current is None:
                pending.append(i)
                continue
            for j in [*pending, i]:
                move(j, current, "thread_reply")
            pending = []
            answered[post.author] = current
    _rehome(dissolved, entries, owner, move)
    return Regrouped(moves, dissolved)


def _rehome(dissolved: list[ThreadEntry], entries: list[ThreadEntry], owner: dict, move) -> None:
    """Lines a dissolved entry still holds go to the entry before it: nothing is lost."""
    for e in dissolved:
        home = [x for x in entries[: _index(entries, e)] if not _among(x, dissolved)][-1]
        for i in sorted(i for i, o in owner.items() if o is e):
            move(i, home, "thread_reply")


def _among(entry: ThreadEntry, entries: list[ThreadEntry]) -> bool:
    return any(entry is e for e in entries)


def _index(entries: list[ThreadEntry], entry: ThreadEntry) -> int:
    return next(k for k, e in enumerate(entries) if e is entry)
