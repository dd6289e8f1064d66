"""An answer typed on the question's own line, split off by an ordered table of rules.

Only applied to a line already read as a question. Each rule returns ``(question, answer)``
or ``None``; the first that splits wins. The part kept as the question must still read
as one, and what is split off must not ask: ``讲一下项目：你在里面负责什么？`` stays whole.

Accepts::

    为什么使用pix2pix =： 更好理解，结构兼容thermalGAN          (explicit_marker)
    训练加速有什么办法？(答加大batch size，或者先adam再SGD)      (explicit_marker)
    skip connection有什么好处？---- 推了下反向传播公式            (dashes)
    图片检测、识别、分割的区别 ---- 进神经网络时…                 (dashes)
    逻辑回归和线性回归的区别——LR 在线性输出上套了一个 sigmoid     (dashes)
    为什么选 YOLOv5 不选两阶段的（要部署到 Jetson 上，需要实时）   (trailing_parenthetical)
    BN在inference的时候用到的mean和var怎么来的：类似于滑动平均    (colon_after_question)
    为什么用multi Loss？多loss权重如何选？训练普通的模型使其收敛…  (statement_after_question_mark)
    BN跨卡训练怎么保证相同的mean和var， 问了面试官是SYNC          (narrative_clause)
    BatchNorm: 用在激活函数前，加快收敛，更稳定                 (term_definition)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .interrogative import (
    TOPIC_WORDS,
    Ask,
    ask,
    first_clause_asks,
    is_label,
    is_narrative,
    is_title_phrase,
    plain_text,
    reported_question,
    width,
)

Split = tuple[str, str]

MIN_ANSWER_CHARS = 4
MAX_QUESTION_CHARS = 90
"""Text before an answer's colon is a question only if it is question-sized."""
MIN_PAREN_ANSWER_CHARS = 8
MIN_PAREN_LIST_CHARS = 12
"""An aside answers when it is a clause or list (``，`` ``、``), or at least this long."""
PAREN_LIST = re.compile(r"[，,、；;]")
MIN_STATEMENT_CHARS = 12
"""Text after the last ``？`` answers only if it is a statement of some length."""
EXPLICIT = re.compile(
    r"\s*=\s*[:：]\s*|\s*[(（]\s*(?=答)|(?:\s+|\s*[:：]\s*)(?:\*\*)?(?:答|A)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*"
)
DASHES_AFTER_MARK = re.compile(r"(?<=[？?])\s*(?:-{2,}|—{1,2})\s*")
ARROW = re.compile(r"\s*(?:→|->|=>|⇒)\s*")
SPACED_DASHES = re.compile(r"\s+(?:-{2,}|—{1,2})\s+|\s*——\s*")
TRAILING_PAREN = re.compile(r"^(?P<q>.*?\S)\s*[(（](?P<a>[^()（）]+)[)）]\s*$")
COLON = re.compile(r"[:：]")
LAST_QUESTION_MARK = re.compile(r"^(?P<q>.*[?？])(?P<a>[^?？]+)$")
QUESTION_MARKS = re.compile(r"[?？]")


OPAQUE_SPANS = re.compile(r"<[^>]*>|https?://\S+|`[^`]*`|\$[^$]*\$|!?\[[^\]]*\]\([^)]*\)")


def _masked(text: str) -> str:
    """``text`` with tags, URLs, code and math blanked (same length): a ``?`` in
    ``gif.latex?…`` or a ``:`` in ``https:`` is no place to split a question."""
    return OPAQUE_SPANS.sub(lambda m: "\x00" * len(m.group(0)), text)


def _answer_like(text: str, minimum: int = MIN_ANSWER_CHARS) -> bool:
    """Long enough, and not opening with a question of its own."""
    words = plain_text(text).strip(" ，,。；;")
    return len(words) >= minimum and not first_clause_asks(words)


def explicit_marker(text: str) -> Split | None:
    """``=：``, ``(答…``, `` A: …``: the note says where the answer starts."""
    m = EXPLICIT.search(_masked(text))
    if m and m.start() >= 2 and len(text) - m.end() >= 2:
        answer = text[m.end():].strip()
        if text[m.start():m.end()].strip().startswith(("(", "（")) and answer.endswith((")", "）")):
            answer = answer[:-1].strip()
        return text[: m.start()].strip(), answer
    return None


def dashes(text: str) -> Split | None:
    """``…的区别 ---- 检测对位置敏感``, ``…好处？---- 推了下公式``, ``…的区别——LR 在…``, and an
    arrow after a question (``BN 为什么能加速？→ 损失曲面更平滑``; an arrow between steps is not)."""
    for pattern in (DASHES_AFTER_MARK, SPACED_DASHES, ARROW):
        m = pattern.search(_masked(text))
        if not m or m.start() < 2 or not _answer_like(text[m.end():], MIN_STATEMENT_CHARS // 2):
            continue
        if pattern is ARROW and ask(text[: m.start()]) < Ask.WEAK:
            continue  # "高斯滤波 → Sobel → NMS" is a sequence of steps
        return text[: m.start()].strip(), text[m.end():].strip()
    return None


CODING_TASK = re.compile(r"手写|手撕|手推|手敲|写一个|写个|写出|编程实现|代码实现|用代码")


def trailing_parenthetical(text: str) -> Split | None:
    """``为什么选 YOLOv5 不选两阶段的（要部署到 Jetson 上）``: a complete question, then an
    aside that answers it. Kept whole when the question part does not ask by itself
    (``常用的 Loss 函数 (MSE / huber loss …)``) or the aside is a gloss (``（DCN）``)."""
    m = TRAILING_PAREN.match(text)
    if not m:
        return None
    if (mark := LAST_QUESTION_MARK.match(_masked(m.group("q")))) and len(plain_text(mark.group("a")).strip()) > 1:
        return None  # "快排的复杂度？平均 O(nlogn)（…）": the answer starts at the question mark
    inside = m.group("a").strip()
    words = plain_text(inside)
    listed = bool(PAREN_LIST.search(words))
    told = is_narrative(inside)  # "（递归和非递归都写了）": how it went in the interview
    strength = ask(m.group("q"))
    # "(传统+深度学习)" qualifies the question; "(消除数据量纲差，…)" answers it. A topic phrase
    # ("1x1 卷积的作用（升降维、跨通道信息融合…）", "形态学的开运算和闭运算（开：…；闭：…）")
    # takes an answer only as a list.
    if strength < Ask.STRONG and not (listed and len(words) >= MIN_PAREN_LIST_CHARS):
        return None
    if strength == Ask.NONE and not is_title_phrase(m.group("q")):
        return None
    if len(words) < MIN_PAREN_ANSWER_CHARS or not (listed or told or len(words) >= MIN_PAREN_LIST_CHARS):
        return None
    if not _answer_like(inside, MIN_PAREN_ANSWER_CHARS):
        return None
    if re.fullmatch(r"[\x00-\x7f]+", inside) and " " not in inside.strip():
        return None  # "(overfitting)": a translation, part of the question
    if CODING_TASK.search(plain_text(m.group("q"))) and not told:
        return None  # "手写一个卷积的前向（numpy，不能调库）": the task's terms, not its answer
    return m.group("q").strip(), inside


SEQUENCE_LEAD = re.compile(r"^(?:最后|然后|接着|之后|随后|又|再|先|首先)")
"""``最后手撕代码：实现 NMS``: the label after a word of sequence still labels."""


def colon_after_question(text: str) -> Split | None:
    """``…mean和var怎么来的：类似于滑动平均``: a question, a colon, then its answer."""
    for m in COLON.finditer(_masked(text)):
        before, after = text[: m.start()].strip(), text[m.end():].strip()
        if not after or re.match(r"//", after):  # "http://…"
            continue
        tail = re.split(r"[，,；;]", before)[-1]
        # "push_back 的时间复杂度：均摊 O(1)": a short topic phrase asks (weakly) for what follows
        topic = ask(tail) == Ask.WEAK and is_title_phrase(before)
        asks_here = ask(tail) >= Ask.STRONG or topic
        if is_label(SEQUENCE_LEAD.sub("", before)) or not asks_here or len(before) > MAX_QUESTION_CHARS or re.search(
            r"[。！!；;]", before
        ):
            continue  # a paragraph's "…特别说一下：" is no question
        if _answer_like(after) and not after.startswith(("http", "www")):
            return before, after
    return None


GOES_ON = ("各自", "分别", "两者", "它们", "各", "其", "以及", "和", "与")
"""``…了解吗？牛顿法、SGD，各自的优势``: after ``？`` the question goes on."""


def statement_after_question_mark(text: str) -> Split | None:
    """``为什么用multi Loss？多loss权重如何选？训练普通的模型使其收敛，…``: after the last
    question mark comes a statement, not more of the question (``…了解吗？牛顿法、SGD，各自的优势``)."""
    m = LAST_QUESTION_MARK.match(_masked(text))
    if not m:
        return None
    after = text[m.start("a"):].strip()
    words = plain_text(after).strip(" ，,。；;")
    if not _answer_like(after, MIN_STATEMENT_CHARS) and not (is_narrative(after) and _answer_like(after)):
        return None
    last = re.split(r"[，,]", words)[-1]
    if any(last.endswith(w) for w in TOPIC_WORDS) and last.startswith(GOES_ON):
        return None  # "…了解吗？牛顿法、SGD，各自的优势": the question goes on
    clauses = [c for c in re.split(r"[，,；;]", words) if c.strip()]
    goes_on = ask(after) >= Ask.STRONG or all(ask(c) >= Ask.WEAK for c in clauses)
    if goes_on and not is_narrative(after):
        return None  # "Softmax的原理是？反向传播、梯度公式推导，代码实现": more to explain, not an answer
    if words.startswith(("比如", "例如")):
        return None
    return text[: m.end("q")].strip(), after


MAX_TOLD_QUESTION_CHARS = 60


def narrative_clause(text: str) -> Split | None:
    """``BN跨卡训练怎么保证相同的mean和var， 问了面试官是SYNC``: the last clause reports what
    was said in the interview."""
    parts = re.split(r"(?<=[，,])", text)
    for k in range(1, len(parts)):  # "…不用 BN，我答的是序列长度不固定、…，他说ok": from the report on
        after = "".join(parts[k:])
        before = "".join(parts[:k]).rstrip("，, ")
        last = k == len(parts) - 1
        if not last and (len(plain_text(before)) > MAX_TOLD_QUESTION_CHARS or is_narrative(before)):
            continue  # a long report before the clause: only its last clause can be what was said
        if is_narrative(parts[k]) and _answer_like(after) and ask(before) >= Ask.STRONG:
            return before, after.strip()
    return None


TERM_DEFINITION = re.compile(
    r"^(?P<term>[A-Za-z][A-Za-z0-9 .+\-/]{0,30}?|[^\s:：，,。？?][^:：，,。？?]{1,20}?)\s*[:：]\s*(?P<rest>.+)$"
)
MIN_DEFINITION_CHARS = 12
MAX_TERM_WIDTH = 12
"""``空洞卷积 Dilated Conv``: a term is a name, not a clause."""



def term_definition(text: str) -> Split | None:
    """``BatchNorm: 用在激活函数前，加快收敛…``: a term, a colon, what it is."""
    m = TERM_DEFINITION.match(text)
    term = m.group("term").strip() if m else ""
    if not m or is_label(term) or ask(term) >= Ask.STRONG or width(plain_text(term)) > MAX_TERM_WIDTH:
        return None
    rest = m.group("rest").strip()
    if len(plain_text(rest)) < MIN_DEFINITION_CHARS or not _answer_like(rest) or rest.startswith(("http", "www")):
        return None
    return m.group("term").strip(), rest


def reported_answer(text: str) -> Split | None:
    """``然后问了项目里为什么用 Focal Loss。我答主要是…``: a 面经 paragraph telling the question
    asked, then what was answered."""
    question = reported_question(text)
    if question is None:
        return None
    end = text.find(question)
    if end < 0:
        return None  # markup inside the question: keep the line whole
    end += len(question)
    answer = text[end:].lstrip(" 。！!；;，,")
    return (text[:end].strip(), answer) if _answer_like(answer) or is_narrative(answer) else None


RULES: list[tuple[str, Callable[[str], Split | None]]] = [
    ("explicit_marker", explicit_marker),
    ("dashes", dashes),
    ("reported_answer", reported_answer),
    ("trailing_parenthetical", trailing_parenthetical),
    ("colon_after_question", colon_after_question),
    ("statement_after_question_mark", statement_after_question_mark),
    ("narrative_clause", narrative_clause),
    ("term_definition", term_definition),
]


def question_part(text: str) -> str:
    """The line up to an explicit answer marker or dashes (rules that need no phrasing)."""
    for rule in (explicit_marker, dashes):
        found = rule(text)
        if found is not None and found[0]:
            return found[0]
    return text


def split(text: str) -> tuple[str, str, str]:
    """``(question, answer, rule)``; the answer is empty (and rule ``""``) when the line is all question."""
    for name, rule in RULES:
        found = rule(text)
        if found is not None and found[0] and found[1]:
            return found[0], found[1], name
    return text, "", ""


INLINE_NUMBER = re.compile(r"(?<![\d.])(\d{1,2})[.、．]\s*(?=\D)")
MIN_LISTED_QUESTIONS = 3


PAIR_SEPARATOR = re.compile(r"[；;]\s*")


def split_pairs(text: str) -> list[tuple[str, str, str]]:
    """``NMS有什么缺点？密集遮挡时…；Soft-NMS怎么改的？不直接删，按IoU衰减分数``: several
    questions, each with its answer, on one line of a cram sheet, as (question, answer, rule)."""
    if len(QUESTION_MARKS.findall(_masked(text))) < 2:
        return []
    segments = [seg.strip() for seg in PAIR_SEPARATOR.split(text) if seg.strip()]
    pairs = []
    for seg in segments:
        if not QUESTION_MARKS.search(seg):
            if not pairs:
                return []
            q, a, rule = pairs[-1]  # "…；能匹配上的anchor也少": more of the answer before
            pairs[-1] = (q, f"{a}；{seg}" if a else seg, rule)
            continue
        q, a, rule = split(seg)
        if ask(q) < Ask.STRONG:
            return []
        pairs.append((q, a, rule))
    return pairs if len(pairs) >= 2 else []


def split_list(text: str) -> list[tuple[str, str]]:
    """``:1.物理意义，2.Iou计算3.评价指标…``: questions typed on one line, as (number, text).

    Only a run of at least :data:`MIN_LISTED_QUESTIONS` numbers counting up from 1, with
    nothing but a colon before it, counts as a list (``1.0版本`` or ``3.5 mm`` do not)."""
    run: list[re.Match[str]] = []
    for m in INLINE_NUMBER.finditer(text):
        if int(m.group(1)) == len(run) + 1:
            run.append(m)
    if len(run) < MIN_LISTED_QUESTIONS or text[: run[0].start()].strip(" :：") != "":
        return []
    items = []
    for k, m in enumerate(run):
        end = run[k + 1].start() if k + 1 < len(run) else len(text)
        item = text[m.end() : end].strip(" ，,;；")
        if not item:
            return []
        items.append((m.group(0).strip(), item))
    return items


MIN_PROSE_QUESTIONS = 2
PROSE_SENTENCE_END = re.compile(r"[。！!；;]")
"""The last question listed in a paragraph ends where its sentence does (``…IoU。整体还行``)."""


@lru_cache(maxsize=65536)  # asked of the same line by the outline, the role rules and the emitter
def questions_in_prose(text: str, first: int | None = 1) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    """``一面：自我介绍+项目，然后八股：1.BN和LN的区别 2.介绍一下Focal Loss 3.手撕IoU。整体还行``:
    a 面经 paragraph listing the questions asked, numbered, as ``(lead, [(number, question)], trailer)``.

    The numbers count up by one from 1 or from ``first`` (a later round goes on: ``二面：5.…
    6.…``; ``first=None``: from whatever number comes first); most items must ask (``主要有三点：
    1.降维 2.跨通道融合`` lists answer points)."""
    matches = list(INLINE_NUMBER.finditer(text))
    if first is None:
        first = int(matches[0].group(1)) if matches else 1
    for start in dict.fromkeys((first, 1)):
        run: list[re.Match[str]] = []
        for m in matches:
            if int(m.group(1)) == start + len(run):
                run.append(m)
        if len(run) < MIN_PROSE_QUESTIONS:
            continue
        items: list[tuple[str, str]] = []
        trailer = ""
        for k, m in enumerate(run):
            end = run[k + 1].start() if k + 1 < len(run) else len(text)
            item = text[m.end():end]
            if k + 1 == len(run) and (stop := PROSE_SENTENCE_END.search(item)):
                item, trailer = item[: stop.start()], item[stop.end():].strip()
            items.append((m.group(0).strip(), item.strip(" ，,;；")))
        if any(not item for _, item in items):
            continue
        strong = sum(ask(item) >= Ask.STRONG for _, item in items)
        if strong * 2 < len(items):
            continue
        return text[: run[0].start()].strip(), tuple(items), trailer
    return None


PROSE_SEPARATORS = ("；;", "、")
"""Separators a 面经 paragraph lists its questions with when it does not number them."""
MIN_SEPARATED_QUESTIONS = 3
MIN_SEPARATED_ITEM_CHARS = 4
OPENING = "(（[【"
CLOSING = ")）]】"


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """``A（x；y）；B`` → ``["A（x；y）", "B"]``: separators inside an aside do not split."""
    parts, current, depth = [], [], 0
    for ch in text:
        depth += ch in OPENING
        depth = max(depth - (ch in CLOSING), 0)
        if depth == 0 and ch in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def trailing_aside(text: str) -> Split | None:
    """``Self-attention的时间复杂度是多少（O(n²d)，n是token数）``: the bracketed aside that closes an
    item of a 面经's list, nested brackets and all: what the candidate answered."""
    text = text.rstrip()
    if not text or text[-1] not in CLOSING:
        return None
    depth = 0
    for k in range(len(text) - 1, -1, -1):
        depth += text[k] in CLOSING
        depth -= text[k] in OPENING
        if depth == 0:
            question, aside = text[:k].rstrip(), text[k + 1:-1].strip()
            return (question, aside) if question and _answer_like(aside) else None  # not "可变形卷积（DCN）"
    return None


ASKED_ABOUT = re.compile(r"(?:问|聊|考|问到|聊到|考到)了|被问|问到|聊到|问的是|聊的是")
"""``聊了项目的难点和收获、平时怎么读论文、未来的职业规划``: the 面经 says these were asked, asking or not."""


@lru_cache(maxsize=65536)
def questions_separated_in_prose(text: str, told: bool = False) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    """``二面：项目问得更细了，然后是一堆八股：BN和LN的区别（…）；为什么Transformer用LN不用BN；ViT怎么
    把图像输入Transformer；…`` or ``为什么选择我们公司、期望薪资大概多少、手上有没有其他offer``: a 面经
    paragraph listing the questions asked with ``；`` or ``、``, as :func:`questions_in_prose` does
    for numbered ones (numbers empty).

    At least :data:`MIN_SEPARATED_QUESTIONS` items, most of them asking, none shorter than
    :data:`MIN_SEPARATED_ITEM_CHARS` (``BN、LN、GN 的区别`` is one question) and none answered after
    a ``？`` (a cram sheet's ``Q？A；Q？A`` pairs are :func:`split_pairs`'). Where the note may tell
    what was asked (``told``: not under a question, whose answer this would be), a verb that says so
    (:data:`ASKED_ABOUT`) before the first item stands for the asking."""
    for separators in PROSE_SEPARATORS:
        first = _split_outside_brackets(text, separators)[0]
        opening = _split_outside_brackets(first, "：:。！!")  # the lead ends at the colon (or sentence) before the list
        cut = len(first) - len(opening[-1])
        lead, body = text[:cut], text[cut:]
        parts = [p.strip(" ，,") for p in _split_outside_brackets(body, separators)]
        parts = [p for p in parts if p]
        if len(parts) < MIN_SEPARATED_QUESTIONS:
            continue
        trailer = ""
        last = _split_outside_brackets(parts[-1], "。！!")
        if len(last) > 1:
            parts[-1], trailer = last[0].strip(), "。".join(last[1:]).strip()
        if any(len(plain_text(p)) < MIN_SEPARATED_ITEM_CHARS for p in parts):
            return None
        if any(QUESTION_MARKS.search(p.rstrip("？? ")) for p in parts):
            return None
        strong = sum(ask(split(p)[0]) >= Ask.STRONG for p in parts)
        if strong * 2 < len(parts) and not (told and ASKED_ABOUT.search(lead + parts[0])):
            return None
        return lead.strip(), tuple(("", p) for p in parts), trailer
    return None


def listed_questions(text: str, first: int | None = 1, told: bool = False
                     ) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    """The questions a 面经 paragraph lists, numbered or separated."""
    return questions_in_prose(text, first) or questions_separated_in_prose(text, told)


ROUND_LEAD = re.compile(
    r"^(?P<round>[^：:，,。（(]{0,12}?(?:[一二三四五六七八九十\d]\s*面|hr\s*面|终面|笔试|主管面|技术面)"
    r"(?:[^：:，,。（(]|[（(][^（）()]{0,20}[)）]){0,16})[：:]",
    re.I,
)
"""``二面（60min）：…``, ``三面（主管面，40min）：…`` opening a paragraph of the questions asked in
that round: the round's name."""
CONTINUING = "，,、；;"
"""A line that ends so goes on with the next: the round's questions continue below."""


FIRST_LISTED = re.compile(r"^(?P<lead>[^：:]{1,20}[：:])\s*(?:1|１)\s*[.、．)）]\s*(?P<q>\S.*)$")
"""``接着八股：1. BN 在训练和测试时有什么不同，`` (``2. …`` on the next line): a list of questions
that starts after a lead on the same line."""
ANSWER_LEAD = re.compile(r"(?:^|[^\w])(?:答|答案|回答|解答|a|我答|我说|好处|优点|缺点|原因|方法|步骤)\s*[：:]$", re.I)


def first_listed(text: str) -> tuple[str, str] | None:
    """The lead and the first question of such a line; ``答：1、…`` starts an answer's points instead."""
    m = FIRST_LISTED.match(plain_text(text).strip())
    if m is None or ANSWER_LEAD.search(m.group("lead")) or ask(m.group("q")) < Ask.STRONG:
        return None
    return m.group("lead"), m.group("q").strip(" " + CONTINUING)


def round_lead(text: str) -> tuple[str, str, str] | None:
    """``一面（50min）：自我介绍后深挖项目，…；然后是八股：BN 为什么能加快收敛`` (more questions on
    the lines below): the round, the lead, and the last clause, the question it goes on to. ``None``
    when the line does not open with a round or closes its sentence (``HR 面：常规流程，聊了期望薪资。``)."""
    words = plain_text(text).strip()
    m = ROUND_LEAD.match(words)
    if m is None or words.endswith(("。", ".", "！", "!")):
        return None
    body = words[m.end():].rstrip(" " + CONTINUING)  # "…的实现原理、": the list goes on below
    last = _split_outside_brackets(body, "：:。！!；;")[-1]
    if not last.strip():
        return None
    return m.group("round").strip(), words[: m.end() + len(body) - len(last)].rstrip(), last.strip()


def asked_text(text: str) -> str:
    """The question a round's (or a list's) lead line goes on to (see :func:`round_lead`, :func:`first_listed`)."""
    if (listed := first_listed(text)) is not None:
        return listed[1]
    found = round_lead(text)
    return found[2] if found is not None else text
