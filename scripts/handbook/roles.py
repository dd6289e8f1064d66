"""Roles: which nodes of a note's outline are questions, answers, or group titles.

The outline (:mod:`handbook.outline`) says what sits under what. Here every node gets one
role, decided once, top-down, by the first rule of :data:`ROLE_RULES` that returns one.
Each rule reads the same documented state, :class:`Siblings`: the node's parent role, its
siblings and their kinds, the question opened last among them, and the numbering so far.

* a node under an **answer** is answer (numbered steps, bold labels, sub-headings, code);
* under a **question**, only a follow-up (a nested line that asks) is a question of its own;
* among the children of a **title** (or of the note itself) the rules find the question
  level: explicit ``Q:``/callouts, numbering sequences, phrasing, and what siblings of the
  same kind are.

A title whose subtree holds no question at all is a question itself ("topic card": a
heading with its explanation under it), unless it is a generic word (前言, 总结).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from .outline import HEADING_RANK, Node
from .parse_rules.answer_key import (
    MIN_KEYED_QUESTIONS,
    MIN_LISTED_QUESTIONS,
    is_key_lead,
    key_label,
    named_question,
    names,
)
from .parse_rules.callout import QUESTION_TYPES
from .parse_rules.inline_answer import (
    asked_text,
    first_listed,
    listed_questions,
    round_lead,
    split_list,
    term_definition,
)
from .parse_rules.inline_answer import split as split_answer
from .parse_rules.interrogative import (
    GROUP_SUFFIX,
    Ask,
    ask,
    has_question_mark,
    is_label,
    is_meta_line,
    is_narrative,
    is_reminder,
    is_short_phrase,
    is_title_phrase,
    latin_share,
    plain_text,
    section_label,
)
from .textfix import fold


class Role(StrEnum):
    QUESTION = "question"
    TITLE = "title"
    ANSWER = "answer"
    WORDING = "wording"
    """Another wording of its parent question (a bilingual twin), shown with it."""
    SKIP = "skip"


QUESTION_GROUP_SHARE = 0.5
MIN_CHECKLIST = 2
MIN_TITLED_SIBLINGS = 2
PROGRAM_OUTPUT = re.compile(r"[\d_\[\](){}=]")
CJK = re.compile(r"[\u3400-\u9fff]")
"""Siblings of one kind that title questions; then one over a single question titles it too."""
"""Task items naming topics (``- [ ] INT8 量化的原理``) this many under one heading are its questions."""
"""Siblings of one kind are a question list when at least this share of them ask."""
MAX_CARD_FOLLOW_UPS = 2
"""A topic heading answered first, then at most this many questions: a card with follow-ups."""
STRONG_GROUP_SHARE = 0.75
"""…and a list where this share asks takes any short line of its kind as a question too."""
SHORT_SIBLING_CHARS = 24
MAX_NUMBER_GAP = 3
"""``19. 19. 21.``: a question list may skip a number or two (or repeat one, Typora)."""
TWIN_SCRIPT_GAP = 0.5
"""A line under a question whose share of Latin letters differs this much is its translation."""
TWIN_MAX_CHARS = 160
TWIN_MIN_WORDS = 3
"""The English side of a translated pair is a sentence: this many words at least."""
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
ANSWERED_LINE_CHARS = 80
"""A question line this long carries its answer (a 面经's one-line report of what was asked and said)."""
MIN_LABELLED_QUESTIONS = 2
"""A note that labels this many siblings ``问题N：`` / ``Q:`` labels its questions."""
ARTICLE_MIN_QUESTIONS = 3
"""A page title (``# 面试官最爱问的 8 个问题，你能答上几个？``) over this many questions titles them."""
GENERIC_TITLES = re.compile(
    r"^(?:前言|引言|写在前面|说明|简介|概述|背景|目录|正文|总结|小结|后记|结语|参考|参考资料|参考文献|参考链接|"
    r"相关链接|相关笔记|致谢|附录|备注|更新日志|个人信息|基本信息|面试信息|问题|题目|问题列表|题目列表|心得|感悟|"
    r"体会|经验|建议|总结与感悟|面试总结|面试感受|总结一下|写在最后|最后|结束语|往期推荐|往期回顾|往期精选|推荐阅读|"
    r"相关阅读|延伸阅读|相关文章|更多阅读|贡献|贡献指南|如何贡献|参与贡献|license|许可|许可证|开源协议|contributing|"
    r"contributors|acknowledg(?:e?ments?)|star history|联系|联系方式|联系我|交流群|关于|关于我|about|changelog)$",
    re.I,
)
TITLE_DECORATION = re.compile(r"^[^\w\u4e00-\u9fff]+")
"""``🤝 贡献``, ``📌 参考``: emoji and symbols before a section's name."""
NOTE_SECTIONS = re.compile(
    r"^(?:总结|小结|后记|结语|心得|感悟|体会|总结与感悟|面试总结|面试感受|总结一下|致谢|参考.*|写在最后|最后的话|"
    r"最后|结束语|往期推荐|往期回顾|往期精选|推荐阅读|相关阅读|延伸阅读|相关文章|更多阅读|further reading)$",
    re.I,
)
"""Sections about the note or the interview, whatever they list (``总结：1. 项目一定要…``)."""
DIRECTIVE_ROLES = {"question": Role.QUESTION, "answer": Role.ANSWER, "title": Role.TITLE, "skip": Role.SKIP}
NUMBERED_FAMILIES = frozenset({"N", "(1)", "一、", "①", "第1", "第1章", "1️⃣"})
BOLD_LEAD = re.compile(r"^\*\*[^*]+\*\*\s*[:：]|^\*\*[^*]+[:：]\s*\*\*")
"""``- **为什么不除以 d_k**：那样…``: a labelled point of an answer, not a follow-up."""
BOLD_ONLY = re.compile(r"^\*\*[^*]+\*\*$")
ANSWER_PARTS = re.compile(
    r"^(?:原理|公式|推导|代码|实现|总结|小结|优点|缺点|优缺点|例子|示例|举例|分析|解释|定义|步骤|流程|结构|特点|作用|注意|"
    r"补充|改进|缺陷|应用|参考|结论|说明|思路|方法|解法|复杂度|答案|解析|背景|动机|问题|不足|局限|区别|对比|联系|"
    r"代码实现|具体实现|核心思想|基本思想|主要思想|详细|细节|扩展|延伸|拓展|追问|变体|改进版|进阶|"
    r"题目描述|题意|示例|样例|输入|输出|提示|时间复杂度|空间复杂度|复杂度分析|实验|结果|贡献|创新点|"
    r"方法|模型|网络结构|损失函数|数据集|实验结果|消融实验|局限性|启发|摘要|引言|相关工作)[:：]?$"
)
"""``### 公式``, ``**优点：**``, ``缺陷:``: parts of an answer, never a new topic."""
ANSWER_PART_END = re.compile(r"(?:方法|原因|思路|步骤|做法|建议|结论|技巧|要点|优点|缺点|特点|作用|区别|理由|注意)$")
"""``判断方法``, ``常见原因``, ``解决思路``: a label naming a part of an answer."""
FOLLOW_UP_LEAD = re.compile(r"^(?:追问|再问|接着问|延伸问题?|follow[- ]?up)\s*(?:\d+\s*)?[:：(（]", re.I)
"""``#### 追问：Soft-NMS 改进了什么？``: a sub-heading that follows its question up, not a sibling."""
CAPTION = re.compile(r"^[▲△▼▽↑↓]?\s*(?:图|表|figure|fig\.|table)\s*\d+(?:[.-]\d+)*\s*[:：.．]", re.I)
LEAD_IN = re.compile(
    r"这些|这几|如下|以下|几种|几点|包括|分为|主要有|有两|有三|有几|如图|见下|主要|"
    r"[两二三四五六七八九十\d]+(?:点|个方面|个原因|个步骤|种方法|步)$|为例$|"
    r"[两二三四五六七八九十几\d]+\s*(?:个|种|点|类)?\s*(?:角度|方面|层面|维度|原因|阶段|部分|要点)"
)
"""``改进版本有这些：``, ``主要分为以下几种：``, ``主要两点：``, ``以 RPN 为例：``, ``可以从两个角度理解：``:
words leading into the answer."""
MEANS_FIRST = re.compile(r"^(?:用|把|将|通过|利用|采用|使用|借助|基于)(?![户法途处])")
MEANS_MIN_CHARS = 5
"""``用 1×1 卷积降维：``, ``通过两个分支实现：``: a clause that opens with the means is said, not a name
(``用户画像：`` is one, and so is a bare ``使用：``)."""
WORD_CHARACTER = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
CONNECTIVE = re.compile(
    r"^(?:所以|因此|因而|于是|然后|接着|那么|即|也就是说|换句话说|同理|其中|例如|比如|注意|另外|此外|最后|总之|综上)"
    r"[，,：:]?$"
)
"""A line that is only a connective carries on the answer (``所以`` before the next formula)."""
ASIDE_QUESTION = re.compile(r"[(（][^()（）]*(?:怎么|如何|什么|为什么|[?？])[^()（）]*[)）]")
FUNCTION_CHARS = re.compile(r"[的了和与及或是在有为对把被中上下个一不也都就而且]")
ROUND_TITLE = re.compile(
    r"^[\w\s\-·/&（）()【】]{0,16}?(?:[一二三四五六七八九十\d]\s*面|hr\s*面|终面|笔试|机试|技术面|交叉面|加面|主管面|"
    r"总监面|群面|电话面|视频面|现场面)(?:[\w\s\-·/&+：:]|[（(【][^（）()【】]{0,18}[)）】]){0,20}$",
    re.I,
)
"""``字节跳动 一面``, ``‹腾讯-一面(2018)›``, ``二面（50min）``, ``美团 三面（HR）``, ``三面（主管面，40min）``:
a round of a 面经 (a comma only inside its brackets: ``二面，问了…`` goes on to say what was asked)."""


@dataclass
class Numbering:
    """Numbers seen among siblings, per family: the question list's, and the open answer's."""

    question: dict[str, int] = field(default_factory=dict)
    repeats: set[str] = field(default_factory=set)
    """Families whose question numbers repeat (Typora writes ``1. 1. 1.``)."""
    answer: dict[str, int] = field(default_factory=dict)
    """Numbers the open question's answer has used (``答：1、… 2、…``)."""
    explicit: bool = False
    """The open answer's numbering began after ``答：``: only a line that asks ends it."""


@dataclass
class Siblings:
    """The state every role rule reads: one node among its parent's children."""

    parent_role: Role
    nodes: list[Node]
    shares: dict[str, float]
    """signature → share of the siblings of that kind that ask (question lists score high)."""
    counts: dict[str, int]
    strong_shares: dict[str, float] = field(default_factory=dict)
    """signature → share of the siblings of that kind phrased as questions (not topic phrases)."""
    index: int = 0
    open_question: Node | None = None
    """The last sibling read as a question; answer lines after it join it."""
    open_answered: bool = False
    """The open question has answer text (under it, or answer siblings after it)."""
    numbering: Numbering = field(default_factory=Numbering)
    listed: set[int] = field(default_factory=set)
    """Numbers of the questions listed in prose so far (``一面：1.… 2.…``), whose answers may follow by number."""
    keyed: set[int] = field(default_factory=set)
    """…and the numbers already answered that way."""
    awaiting: list[Node] = field(default_factory=list)
    """Questions asked since the last title with no answer yet, in order: answers keyed to them
    further down (:mod:`handbook.parse_rules.answer_key`) may still come."""
    asked: list[Node] = field(default_factory=list)
    """Every question since the last title or block of keyed answers: a keyed ``5.`` answers the fifth."""
    key_run: list[Node] | None = None
    """Inside a block of keyed answers: the questions it answers (numbers count in it), else None."""
    key_next: int = 0
    """Position in :attr:`awaiting` where the next keyed answer without a label goes."""
    key_lead: bool = False
    """The block was opened by a lead line (``答案简单记一下：``), so unlabelled lines are keyed in order."""

    @property
    def node(self) -> Node:
        return self.nodes[self.index]


# -- helpers -----------------------------------------------------------------------

def key(node: Node) -> str:
    """Numbering family of a node: headings, items and bold items are numbered apart
    (``## 6.`` does not continue ``4.`` of a ``<summary>``; Word's bold questions not its steps)."""
    m = node.mark
    if m is None:
        return ""
    return f"{node.signature}|{m.family}"


def number_of(node: Node) -> int | None:
    m = node.mark
    if m is None or m.kind not in ("item", "qa_q", "heading", "callout"):
        return None
    if m.family not in NUMBERED_FAMILIES and not m.family.startswith("1.2"):
        return None
    return m.number


def labelled_number(node: Node) -> int | None:
    """``### Q5:`` / ``Q6：``: the number of a labelled question (not a numbering family of its own)."""
    m = node.mark
    return m.number if m is not None and m.family == "Q" and m.number else None


def heads(node: Node) -> list[Node]:
    return [c for c in node.children if c.kind in ("head", "heading")]


def question_children(node: Node) -> int:
    """How many children of ``node`` read as questions on their own (before roles are known):
    explicit ``Q:``/callouts, lines that ask, numbered items in a phrased list. A translation
    right under a question (:func:`is_twin`) does not count; group-like children count what
    they hold."""
    children = [c for i, c in enumerate(heads(node)) if not (i == 0 and is_twin(c, node))]
    asking = sum(len(split_list(c.text)) or 1 for c in children if explicit_question(c) or c.ask >= Ask.STRONG
                 or split_list(c.text))
    numbered = sum(1 for c in children if number_of(c) is not None and term_definition(c.text) is None and (
        c.ask >= Ask.WEAK or (is_short_phrase(c.text) and not c.children)))
    # an outline's topic nodes over cards (``两阶段`` over ``Faster R-CNN整体流程`` and its points)
    cards = sum(1 for c in children if is_card(c))
    # a checklist of topics to review (``- [x] 知识蒸馏的基本思路`` with its answer indented under it)
    tasks = sum(1 for c in children if c.mark is not None and c.mark.family == "task" and c.ask >= Ask.WEAK
                and not is_reminder(c.text, c.mark.todo))
    tasks = tasks if tasks >= MIN_CHECKLIST else 0
    # group-like children (a heading, ``- 目标检测相关`` over its questions) count what they hold
    nested = sum(question_children(c) for c in children
                 if not explicit_question(c) and c.ask < Ask.STRONG and not leads_in(c))
    return max(asking, numbered, cards, tasks) + nested


def is_card(node: Node) -> bool:
    """A mind-map or outline node that names a topic and lists its points under it
    (``FPN网络结构`` over ``自顶向下路径…``, ``横向连接…``); not an answer's part (``原理``)."""
    points = heads(node)
    if len(points) < 1 or len(points) != len(node.children) or any(heads(p) for p in points):
        return False
    text = head_text(node)
    return (node.ask >= Ask.WEAK or is_short_phrase(text)) and not ANSWER_PARTS.search(text) and not leads_in(node)


def leads_in(node: Node) -> bool:
    """``Canny 一共分四步：`` over ``1. 高斯滤波…``, ``用深度可分离卷积替代标准卷积：`` over its two
    steps: a line leading into the points of an answer."""
    words = plain_text(node.text).rstrip()
    if not words.endswith((":", "：")):
        return False
    words = words.rstrip(":：").strip()
    return bool(LEAD_IN.search(words) or (MEANS_FIRST.match(words) and len(words) >= MEANS_MIN_CHARS))


FOLLOW_UP_LABEL = re.compile(r"^(?:追问|再问|接着问|follow[- ]?up)$", re.I)


def labelled_follow_up(node: Node) -> bool:
    """``追问：…？`` written out, or as a bold label (``**追问**：面试官不让用 OrderedDict 怎么办？``)."""
    m = node.mark
    return bool(FOLLOW_UP_LEAD.match(plain_text(node.text)) or (
        m is not None and m.kind == "qa_q" and FOLLOW_UP_LABEL.match(m.label)))


def bears_questions(node: Node) -> bool:
    """Is ``node`` a title over questions? A heading (or group line) needs one question
    under it; a list item needs two (one asking child is a follow-up of a question)."""
    m = node.mark
    heading_like = node.kind == "heading" or node.rank or (m is not None and (m.level or m.group))
    need = 1 if heading_like or not plain_text(node.text) or GROUP_SUFFIX.search(head_text(node)) else 2
    return question_children(node) >= need


def is_twin(node: Node, parent: Node) -> bool:
    """``*What is overfitting?*`` right under ``什么是过拟合？``: the same question translated."""
    if parent.kind not in ("head", "heading") or node.kind != "head" or len(plain_text(node.text)) > TWIN_MAX_CHARS:
        return False
    if parent.kind == "head" and node.blank_before:
        return False
    if parent.ask < Ask.STRONG and not explicit_question(parent):
        return False  # "2、CNN" over "(1) 卷积怎么反向传播？" is a title, not a translated question
    if node.ask < Ask.STRONG or abs(latin_share(node.text) - latin_share(parent.text)) < TWIN_SCRIPT_GAP:
        return False
    english = node if latin_share(node.text) > latin_share(parent.text) else parent
    # "讲一下 Focal Loss" over "-- 为什么 α 取 0.25？" is Chinese with a term, not an English twin
    return len(ENGLISH_WORD.findall(plain_text(english.text))) >= TWIN_MIN_WORDS


def explicit_question(node: Node) -> bool:
    m = node.mark
    return bool(m and (m.kind == "qa_q" or (m.kind == "heading" and m.family == "Q")
                       or (m.kind == "callout" and m.callout in QUESTION_TYPES))) or node.container == "details"


def has_content(node: Node) -> bool:
    return any(c.kind == "content" for c in node.children)


def head_text(node: Node) -> str:
    return plain_text(node.text).rstrip("：: ")


def sibling_shares(nodes: list[Node]) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    asking: dict[str, int] = defaultdict(int)
    strong: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for n in nodes:
        if n.kind not in ("head", "heading"):
            continue
        counts[n.signature] += 1
        if n.ask >= Ask.WEAK or explicit_question(n):
            asking[n.signature] += 1
        if n.ask >= Ask.STRONG or explicit_question(n):
            strong[n.signature] += 1
    return ({s: asking[s] / counts[s] for s in counts}, {s: strong[s] / counts[s] for s in counts}, dict(counts))


# -- the rules -----------------------------------------------------------------------

RoleRule = Callable[[Node, Siblings], Role | None]


def author_directive(node: Node, s: Siblings) -> Role | None:
    """``<!-- handbook: question -->`` (or ``answer``, ``title``, ``skip``) on the line before."""
    return DIRECTIVE_ROLES.get(node.directive.split(":")[0].strip().lower()) if node.directive else None


def machinery(node: Node, s: Siblings) -> Role | None:
    """``id:: …``, ``collapsed:: true``, ``[TOC]``, ``---``: outliner and editor machinery."""
    return Role.SKIP if node.kind == "skip" else None


def follow_up_in_answer(node: Node, s: Siblings) -> Role | None:
    """``① 层融合…`` then, nested under the answer's points, ``追问：INT8 掉点厉害怎么排查？``: a
    labelled follow-up is a question wherever the answer's outline put it."""
    if s.parent_role != Role.ANSWER or node.kind != "head" or node.ask < Ask.STRONG:
        return None
    return Role.QUESTION if labelled_follow_up(node) else None


def inside_answer(node: Node, s: Siblings) -> Role | None:
    """Everything below an answer is answer: steps, labels, sub-headings, code, quotes."""
    return Role.ANSWER if s.parent_role in (Role.ANSWER, Role.WORDING, Role.SKIP) else None


def listed_in_prose(node: Node, s: Siblings):
    """The questions a paragraph lists by number (continuing the numbers listed before it) or
    separated by ``；`` or ``、``."""
    if node.kind not in ("head", "content") or split_list(node.text):
        return None
    return listed_questions(node.text, max(s.listed, default=0) + 1, told=s.parent_role != Role.QUESTION)


def prose_questions(node: Node, s: Siblings) -> Role | None:
    """``一面（50min）：项目拷打20分钟，然后八股：1.BN和LN的区别 2.介绍一下Focal Loss 3.…``: a
    面经 paragraph that lists the questions asked; each becomes an entry of its own."""
    return Role.QUESTION if listed_in_prose(node, s) else None


def round_lead_question(node: Node, s: Siblings) -> Role | None:
    """``一面（50min）：自我介绍后深挖项目…；然后是八股：BN 为什么能加快收敛`` then ``LN 和 BN 的区别；``
    on the next line: a round's paragraph whose last clause is its first question, one per line after;
    ``接着八股：1. BN 在训练和测试时有什么不同，`` then ``2. …``: a list that starts after its lead."""
    if node.kind != "head" or s.parent_role == Role.QUESTION or node.mark is None or node.mark.kind != "plain":
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    asks_after = after is not None and after.kind == "head" and after.ask >= Ask.STRONG
    if first_listed(node.text) is not None:  # "接着八股：1. BN 在训练和测试时有什么不同，" then "2. …"
        return Role.QUESTION if asks_after and number_of(after) == 2 else None
    found = round_lead(node.text)
    if found is None:
        return None
    return Role.QUESTION if ask(found[2]) >= Ask.WEAK or asks_after else None


def answer_key(node: Node, s: Siblings) -> Role | None:
    """``1. BN在batch维度上…`` below ``八股：1.BN和LN的区别 2.…``: answers numbered as the questions
    listed in prose above, each joining its question. Below a list of unanswered questions,
    ``- BN：训练时用当前 batch…`` answers the question its label names (see :func:`key_target`)."""
    n = number_of(node)
    if n is not None and n in s.listed and n not in s.keyed:
        return Role.ANSWER
    return Role.ANSWER if key_target(node, s) is not None else None


def answer_key_lead(node: Node, s: Siblings) -> Role | None:
    """``下面是我自己的答案：`` right above such answers, or ``答案简单记一下：`` below unanswered
    questions: it introduces them."""
    if s.parent_role != Role.QUESTION and len(s.awaiting) >= MIN_KEYED_QUESTIONS and is_key_lead(node.text):
        return Role.ANSWER
    if not s.listed or not plain_text(node.text).rstrip().endswith((":", "：")) or number_of(node) is not None:
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    n = number_of(after) if after is not None else None
    return Role.ANSWER if n is not None and n in s.listed and n not in s.keyed else None


def key_target(node: Node, s: Siblings) -> Node | None:
    """The awaiting question a keyed answer line answers: in a block under a lead, by its number
    (``1. 除以根号 dk：…``), by its label (``BN：…``) or, with neither, the next in order; with no
    lead, only by label, and only below :data:`MIN_LISTED_QUESTIONS` unanswered questions."""
    if node.kind == "content" and s.key_run is not None and s.key_lead:
        return None  # code or a paragraph goes on with the answer before it
    if node.kind != "head" or node.mark is None or node.ask >= Ask.STRONG and not s.key_lead:
        return None
    n = number_of(node)
    if s.key_lead and n is not None and 1 <= n <= len(s.key_run):
        return s.key_run[n - 1]  # (even if a line looked like its answer: "代码题是" + "LeetCode 200 …")
    in_block = s.key_run is not None
    if not s.awaiting or not in_block and (node.mark.kind != "item" or len(s.awaiting) < MIN_LISTED_QUESTIONS):
        return None
    label = key_label(node.text)
    if label is not None and not in_block and s.open_question is s.awaiting[-1] and names(label, s.open_question.text):
        return None  # "- BN：…" right under "BN 和 LN 的区别？": its own answer's point
    if label is not None:
        found = named_question(label, [q.text for q in s.awaiting], min(s.key_next, len(s.awaiting)))
        return s.awaiting[found] if found is not None else None
    if s.key_lead and node.mark.kind == "item" and s.key_next < len(s.awaiting):
        return s.awaiting[s.key_next]
    return None


def content_line(node: Node, s: Siblings) -> Role | None:
    """Paragraphs, quotes, images, code and ``答：`` lines are answer text wherever they stand."""
    return Role.ANSWER if node.kind == "content" else None


def meta_line(node: Node, s: Siblings) -> Role | None:
    """``作者：匿名用户``, ``岗位：计算机视觉算法工程师``: a note's header lines, not questions."""
    if node.kind == "head" and node.mark is not None and node.mark.rule == "post_header":
        return Role.ANSWER  # "[2023-08-12 14:20] 路过的炼丹师：": who wrote the post below
    if node.kind == "head" and node.text.strip() and not WORD_CHARACTER.search(plain_text(node.text)) and (
            not node.children):
        return Role.ANSWER  # "#字节跳动# #面经#", "👇👇👇": nothing but tags or symbols (a "——" over
        # questions still separates them, see the rules below)
    return Role.ANSWER if node.kind == "head" and is_meta_line(node.text) else None


def article_title(node: Node, s: Siblings) -> Role | None:
    """``2023 秋招 CV 算法岗的面试都问些什么？`` then ``作者：…``: a copied post's own title."""
    if node.parent is None or node.parent.kind != "root" or s.index != first_head_index(s):
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    if node.kind == "head" and after is not None and is_meta_line(after.text or ""):
        return Role.TITLE
    return None


def page_title(node: Node, s: Siblings) -> Role | None:
    """``# 面试官最爱问的 8 个 Transformer 问题，你能答上几个？`` over ``**01 …？**`` … ``**08 …？**``:
    a top-level ``#`` heading over a list of questions is the page's title, however it is phrased."""
    if node.kind != "heading" or node.rank != HEADING_RANK[1] or node.parent is None or node.parent.kind != "root":
        return None
    return Role.TITLE if question_children(node) >= ARTICLE_MIN_QUESTIONS else None


def round_title(node: Node, s: Siblings) -> Role | None:
    """``一面（45min）``, ``美团 三面（HR）``, ``字节跳动 一面``: a round of a 面经, titling the
    questions after it. Under a question it ends that question once it has its answer."""
    if node.kind != "head" or node.mark is None or node.mark.kind not in ("plain", "bold", "item"):
        return None
    if not ROUND_TITLE.match(TITLE_DECORATION.sub("", plain_text(node.text))) or node.ask >= Ask.STRONG:
        return None  # ("🌟二面（60min）" on a social post)
    if s.parent_role == Role.QUESTION and not (node.parent is not None and _content_before(node.parent, node)):
        return None
    return Role.TITLE


def _content_before(parent: Node, child: Node) -> bool:
    for c in parent.children:
        if c is child:
            return False
        if c.kind == "content" or c.kind == "head" and not c.children and c.ask < Ask.STRONG:
            return True
    return False


def explicit_question_marker(node: Node, s: Siblings) -> Role | None:
    """``Q: …``, ``问：…``, ``> [!question] Q1 …``, ``<details><summary>…``: the note says so.
    Under a question, ``**题目**：给定整数数组…`` states that question's problem: answer."""
    if not explicit_question(node):
        return None
    if s.parent_role == Role.QUESTION and (is_problem_statement(node) or names_a_problem(node)):
        return None
    return Role.QUESTION


PROBLEM_LABEL = re.compile(r"^(?:问题|缺点|问题点)\s*\d*\s*[:：]\s*(?P<rest>.+)$")


def names_a_problem(node: Node) -> bool:
    """``#### 问题：gridding effect`` under ``### 空洞卷积的作用和问题``: the answer names a
    problem (问题 as "drawback"), it asks nothing."""
    prefix = node.mark.prefix if node.mark is not None else ""
    m = PROBLEM_LABEL.match(f"{prefix}{plain_text(node.text)}")  # "问题：" is the heading's marker
    return bool(m) and ask(m.group("rest")) < Ask.WEAK


PROBLEM_LABELS = frozenset({"题目", "题目描述", "问题描述", "题意", "描述", "原题"})


def is_problem_statement(node: Node) -> bool:
    """``**题目**：…`` in a coding note: the problem a heading names, set out before its 思路 and 代码."""
    return node.mark is not None and node.mark.kind == "qa_q" and node.mark.label in PROBLEM_LABELS


def title_over_labelled(node: Node, s: Siblings) -> Role | None:
    """``一、两阶段与单阶段`` right above ``Q1：…``: where the note labels its questions, a title
    line set off by a blank line just before a labelled question titles the questions after it."""
    if node.kind != "head" or explicit_question(node) or node.ask >= Ask.STRONG or not node.blank_before:
        return None
    title = head_text(node)
    if not is_title_phrase(title) or is_label(title) or ANSWER_PARTS.search(title):
        return None
    if sum(1 for n in s.nodes if explicit_question(n)) < MIN_LABELLED_QUESTIONS:
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    return Role.TITLE if after is not None and explicit_question(after) else None


def unlabelled_under_labelled(node: Node, s: Siblings) -> Role | None:
    """``问题3：focal loss 的形式？`` then ``1. 代码实现要点``: where the note labels its
    questions, an unlabelled line after one that neither asks nor heads questions of its own
    is part of that answer."""
    opener = s.open_question
    if node.kind != "head" or opener is None or not explicit_question(opener) or node.ask >= Ask.STRONG:
        return None
    labelled = sum(1 for n in s.nodes if explicit_question(n))
    if labelled < MIN_LABELLED_QUESTIONS or bears_questions(node):
        return None
    if split_answer(node.text)[2] in ("explicit_marker", "dashes"):
        return None  # "DeepLab v3+ 的 ASPP 模块=：…": a card of its own, question and answer on one line
    return Role.ANSWER


def aside_callout(node: Node, s: Siblings) -> Role | None:
    """``> [!note]``, ``> [!tip]``, ``> [!warning]``: an aside that belongs to the answer around it."""
    m = node.mark
    return Role.ANSWER if m and m.kind == "callout" else None


def twin_wording(node: Node, s: Siblings) -> Role | None:
    """``## 1. 什么是过拟合？`` then ``*What is overfitting?*``: the same question in another
    language, right under it."""
    parent = node.parent
    if s.parent_role != Role.QUESTION or parent is None or s.index != first_head_index(s):
        return None
    return Role.WORDING if is_twin(node, parent) else None


def restating_quote(node: Node, s: Siblings) -> Role | None:
    """``## 讲一下 Faster R-CNN`` then ``> 面试官原话：从输入到输出经过了哪些模块？``: the question
    as the interviewer put it, another wording of it (not a follow-up, not the answer)."""
    if s.parent_role != Role.QUESTION or node.container != "quote":
        return None
    first = next((n for n in s.nodes if n.kind != "skip"), None)
    if first is not node:
        return None
    return Role.WORDING if ask(quote_text(node)) >= Ask.STRONG else None


def quote_text(node: Node) -> str:
    """The words of a quote node (markers taken off), as one line."""
    return "".join(re.sub(r"^\s*>\s?", "", line) for line in node.lines_text) if node.lines_text else ""


def first_head_index(s: Siblings) -> int:
    return next((i for i, n in enumerate(s.nodes) if n.kind in ("head", "heading")), -1)


def continued_numbering(node: Node, s: Siblings) -> Role | None:
    """``#### 7、决策树的划分准则？`` then, under it, ``**8、随机森林和 GBDT 的区别**``: the next
    number of the question list, typed in another style, is the next question, not a follow-up
    (unless it also continues the answer's own steps: ``1、…`` under ``1、…？``)."""
    parent = node.parent
    if s.parent_role != Role.QUESTION or parent is None or node.mark is None or parent.mark is None:
        return None
    n, p = number_of(node) or labelled_number(node), number_of(parent) or labelled_number(parent)
    if n is None or p is None or n != p + 1 or node.mark.family != parent.mark.family:
        return None
    steps = [number_of(c) for c in s.nodes[:s.index] if number_of(c) is not None and c.mark.family == node.mark.family]
    if steps and steps[-1] + 1 == n:
        return None  # "1、… 2、…" under "1、…？": the answer's own steps go on
    return Role.QUESTION if node.ask >= Ask.WEAK or is_title_phrase(node.text) else None


def follow_up(node: Node, s: Siblings) -> Role | None:
    """Under a question, a nested line that asks something new is a question of its own:
    ``-- 相对位置偏置是怎么加的``, ``#### Follow-up: "Why does dropout help?"``. Bold labels,
    numbered steps of the answer and lines reporting the interview stay answer."""
    if s.parent_role != Role.QUESTION:
        return None
    m = node.mark
    if m is None or node.ask < Ask.STRONG or m.kind in ("bold", "label") or BOLD_LEAD.match(node.text):
        return None
    if is_problem_statement(node):
        return None  # "**题目**：爬到 n 阶有几种方法？" sets out the problem the heading names
    if plain_text(node.text).rstrip().endswith(("：", ":")):
        return None  # "按每次用多少样本算梯度，可以分成三种：" leads into the answer
    if labelled_follow_up(node):
        return Role.QUESTION  # "1.3.3 追问：为什么后来用梯度惩罚？——…": labelled, whatever its numbering
    if number_of(node) is not None and s.shares.get(node.signature, 0.0) < 1.0:
        return None  # "1. 为什么…？ 2. 所以…": a step of the answer, unless every step asks
    parent = node.parent
    if m.kind == "plain" and parent is not None and node.indent <= parent.indent and not (
        (parent.kind == "heading" or parent.rank) and node.blank_before and _content_before(parent, node)
        and _answered_here(node, s)
    ):
        return None  # a line of the answer; under a heading, a new question once the answer is written
    return Role.QUESTION


def _answered_here(node: Node, s: Siblings) -> bool:
    """The line has its own answer: text under it, or right after it (a paragraph, or a short
    line that says something rather than asks or names: ``先算每个类别的 AP，再求平均``)."""
    after = s.nodes[s.index + 1] if s.index + 1 < len(s.nodes) else None
    if after is None:
        return has_content(node)
    says = (after.kind == "head" and after.mark is not None and after.mark.kind == "plain"
            and after.ask < Ask.WEAK and not is_title_phrase(after.text))
    put_off = after.kind == "head" and is_reminder(after.text, after.mark.todo if after.mark else "")
    return has_content(node) or after.kind == "content" or says or put_off  # ("- 待补充" holds its place)


def follow_up_sibling(node: Node, s: Siblings) -> Role | None:
    """``Focal Loss 与 GHM`` among nested lines that ask: a follow-up named by its topic."""
    if s.parent_role != Role.QUESTION or node.kind != "head" or node.mark is None or node.mark.kind == "label":
        return None
    if node.parent is not None and node.mark.kind == "plain" and node.indent <= node.parent.indent:
        return None
    if s.strong_shares.get(node.signature, 0.0) >= QUESTION_GROUP_SHARE and s.counts.get(node.signature, 0) >= 2 and (
        is_title_phrase(node.text) and not BOLD_ONLY.match(node.text)
    ):
        return Role.QUESTION
    return None


def topic_shift(node: Node, s: Siblings) -> Role | None:
    """Under a question already answered, a title line on another topic starts a card of its
    own: a blog copy's ``###什么样的资料集不适合用深度学习？`` answered, then
    ``R-CNN --> FAST-RCNN --> FASTER-RCNN`` and its notes. Answer parts (``### 公式``, ``缺陷:``)
    and sub-titles that share words with the question stay in its answer."""
    if s.parent_role != Role.QUESTION or node.kind != "head" or node.mark is None:
        return None
    if node.mark.kind not in ("plain", "bold") or node.ask >= Ask.STRONG or not node.blank_before:
        return None
    title, _answer, rule = split_answer(node.text)
    if not is_short_phrase(title) or is_label(title) or ANSWER_PARTS.search(plain_text(title)):
        return None
    if CONNECTIVE.match(plain_text(title)):
        return None  # "所以" between two formulas goes on with the derivation
    if PROGRAM_OUTPUT.search(plain_text(title)) and not CJK.search(title):
        return None  # "torch.Size([1, 1, 32, 32])", "0.1428…" printed under a notebook's code cell
    if rule or LEAD_IN.search(plain_text(title)) or ASIDE_QUESTION.search(title):
        return None  # "默认超参：β1=0.9…", "改进版本有这些：", "学习率…（怎么选取合适的学习率）": answer lines
    parent = node.parent
    if parent is None or not _content_before(parent, node):
        return None
    if s.open_question is not None and not s.open_answered:
        return None  # "mAP怎么算？" then "先算每个类别的AP，再求平均": the answer it waits for
    current = s.open_question or parent  # after a card, the card is what a new line must differ from
    if shares_words(title, current.text):
        return None
    return Role.QUESTION


def shares_words(a: str, b: str) -> bool:
    """Do two lines share a content word: a Chinese character bigram that is not a function
    word, or a whole Latin word (``R-CNN`` and ``CNN`` are different words)?"""
    return bool(content_words(a) & content_words(b))


def content_words(text: str) -> set[str]:
    folded = fold(plain_text(text))
    latin = {w.replace("-", "") for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", folded) if len(w) > 1}
    cjk = re.sub(r"[^\u4e00-\u9fff]", " ", folded)
    bigrams = {run[i:i + 2] for run in cjk.split() for i in range(len(run) - 1)}
    return latin | {b for b in bigrams if not FUNCTION_CHARS.search(b)}


def answer_under_question(node: Node, s: Siblings) -> Role | None:
    """Anything else under a question is its answer."""
    return Role.ANSWER if s.parent_role == Role.QUESTION else None


def list_heading(node: Node, s: Siblings) -> Role | None:
    """``八股部分：``, ``问了很多部署相关的：`` right over lines that ask: a label over the questions
    that follow, not the answer of the question before it."""
    if node.kind != "head" or node.children or node.ask >= Ask.WEAK:
        return None
    words = plain_text(node.text).rstrip()
    if not words.endswith((":", "：")) or not is_short_phrase(words):
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    if after is None or after.kind != "head" or ANSWER_PARTS.search(head_text(node)):
        return None
    in_question_list = after.ask >= Ask.WEAK and s.shares.get(after.signature, 0.0) >= QUESTION_GROUP_SHARE
    return Role.TITLE if after.ask >= Ask.STRONG or explicit_question(after) or in_question_list else None


def lead_in(node: Node, s: Siblings) -> Role | None:
    """``以 Faster R-CNN 的 RPN 为例：`` after a question, over its points: the answer goes on;
    so does ``Canny 的步骤：`` after ``Sobel 算子和 Canny 边缘检测的步骤？``, a label restating
    part of the question, over points that ask nothing."""
    if s.open_question is None or node.kind != "head":
        return None
    if leads_in(node) or (restates_part_of(node, s.open_question) and not question_children(node)):
        return Role.ANSWER
    return None


RESTATED_SHARE = 0.8
TOKEN = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")
"""Share of a label's characters found in the question for the label to restate part of it."""


def restates_part_of(node: Node, question: Node) -> bool:
    words = plain_text(node.text).rstrip()
    if not words.endswith((":", "：")) or node.ask >= Ask.WEAK and has_question_mark(words):
        return False
    return _shares_words(words, question)


def _shares_words(label_text: str, question: Node) -> bool:
    """Most characters of a label (``Canny 的步骤``, ``Two-stage``) are in the question's text."""
    label = _tokens(label_text)
    asked = set(_tokens(question.text))
    return len(label) >= 2 and sum(t in asked for t in label) >= RESTATED_SHARE * len(label)


def _tokens(text: str) -> list[str]:
    """English words and Chinese characters (``two-stage`` → ``two``, ``stage``)."""
    return TOKEN.findall(fold(plain_text(text)))


def group_title(node: Node, s: Siblings) -> Role | None:
    """``2、CNN`` over ``(1)…(5)``, ``## 一面`` over its questions: a title of questions. A node
    that asks by itself (``1、自我介绍 + 挑一个项目细讲`` over ``-- 数据集多大…``) is a question
    with follow-ups instead."""
    if node.ask >= Ask.STRONG or leads_in(node):
        return None
    if not bears_questions(node) and not (question_children(node) and _titles_beside(node, s) >= MIN_TITLED_SIBLINGS):
        return None  # (a mind map's "归一化" over one question, beside "卷积神经网络" over several, titles it)
    if (node.kind == "heading" or node.rank) and node.ask >= Ask.WEAK and _answers_first(node) and (
        sum(1 for c in heads(node) if explicit_question(c) or c.ask >= Ask.STRONG) <= MAX_CARD_FOLLOW_UPS
    ):
        return None  # "### Dropout 在训练和测试时的不同" answered, then a "**Q**: …" follow-up
    if node.ask >= Ask.WEAK and _next_in_question_list(node, s) and not any(
            explicit_question(c) or c.ask >= Ask.STRONG for c in heads(node)):
        return None  # "## 9. mAP 的计算方式" after "## 8. …？": its "- 对每个类别" points are its answer
    return Role.TITLE


def _titles_beside(node: Node, s: Siblings) -> int:
    """How many siblings of the same kind title questions."""
    return sum(1 for n in s.nodes if n is not node and n.signature == node.signature and n.kind == node.kind
               and n.ask < Ask.STRONG and bears_questions(n))


def _next_in_question_list(node: Node, s: Siblings) -> bool:
    n = number_of(node)
    return n is not None and s.numbering.question.get(key(node)) == n - 1


def _answers_first(node: Node) -> bool:
    """Answer text comes before the first child that asks, and no sub-heading asks (a
    heading over ``### 问题`` headings is their title, whatever text comes first). A numbered
    heading (``### 3.1 U-Net 的结构特点`` among ``### 3.2 …``) may have sub-headings that ask:
    its follow-ups, once its own answer has started."""
    if number_of(node) is None and any(
            c.kind == "heading" and c.ask >= Ask.WEAK and not labelled_follow_up(c)
            for c in node.children):
        return False
    for c in node.children:
        if c.kind == "content":
            return True
        if c.kind in ("head", "heading") and (explicit_question(c) or c.ask >= Ask.STRONG):
            return False
    return False


def caption(node: Node, s: Siblings) -> Role | None:
    """``▲ 图1：Post-LN 与 Pre-LN 结构对比``, ``表 2: …``: a figure's caption, part of the answer it illustrates."""
    return Role.ANSWER if node.kind == "head" and CAPTION.match(plain_text(node.text)) else None


def section_label_line(node: Node, s: Siblings) -> Role | None:
    """``Weighted Gaussian 部分： 预训练 vgg16…`` with no questions under it: a section of the
    note about something else (a project, a paper), shown after the entry before it, never
    taken for that entry's answer."""
    if node.kind != "head" or section_label(node.text) is None or bears_questions(node):
        return None
    return Role.ANSWER


def reminder(node: Node, s: Siblings) -> Role | None:
    """``- [ ] TODO 把 hot100 刷完``, ``DONE 看一下 ATSS``: a note to self, not a question."""
    if node.kind != "head":
        return None
    return Role.ANSWER if is_reminder(node.text, node.mark.todo if node.mark else "") else None


def answer_follows(node: Node, s: Siblings) -> Role | None:
    """``1、1*1卷积作用。`` then ``答：1. …``: a line the note answers with ``答：`` / ``A:`` is a question."""
    first = next((c for c in node.children if c.kind != "skip"), None)
    if node.kind == "head" and first is not None and first.mark is not None and first.mark.kind == "qa_a":
        return Role.QUESTION
    return None


def numbering(node: Node, s: Siblings) -> Role | None:
    """``答：1、… 2、…`` between questions ``1、`` and ``2、``: a number that continues the open
    answer's numbering is an answer step; one that continues the question list is a question.
    Where both fit, phrasing decides."""
    n = number_of(node)
    if n is None:
        return None
    family = key(node)
    q_last = s.numbering.question.get(family)
    a_last = s.numbering.answer.get(family, 0) if s.open_question is not None else None
    q_exact = q_last is None or n == q_last + 1 or (
        n == q_last and (family in s.numbering.repeats or not has_content(s.open_question or node)))
    q_loose = q_last is not None and (q_last < n <= q_last + MAX_NUMBER_GAP or n == q_last)
    a_exact = a_last is not None and n == a_last + 1
    a_loose = a_last is not None and a_last >= 1 and n <= a_last + 1
    opener = s.open_question
    if q_last is not None and n == q_last and a_last == 0 and node.ask >= Ask.STRONG and opener is not None and (
        key(opener) == family
    ):
        return Role.QUESTION  # Typora's "1. 1. 1." with answers between: the same number, asked again
    if q_last is None and a_exact and opener is not None and number_of(opener) is not None and (
        key(opener) != family and (not s.open_answered or node.ask < Ask.STRONG)
    ):
        q_exact = False  # "**3、Canny…**" then "1. 高斯滤波": steps of another numbering
    if a_exact and q_exact and q_last is None and n > 1:
        return Role.ANSWER  # "A：…技巧：" "1. …" "2. …": the answer's list, not the start of a question list
    if a_exact and q_exact:
        if node.ask >= Ask.STRONG:
            return Role.QUESTION
        if s.numbering.explicit or split_answer(node.text)[2] == "term_definition":
            return Role.ANSWER  # "答：1. …" then "2. 进行卷积核通道数的降维和升维": the answer goes on
        return Role.QUESTION if node.ask >= Ask.WEAK or is_title_phrase(node.text) else Role.ANSWER
    if a_exact or (a_loose and not q_exact and not q_loose):
        return Role.ANSWER
    if q_exact or q_loose:
        return Role.QUESTION if node.ask >= Ask.WEAK or s.shares.get(node.signature, 0) >= QUESTION_GROUP_SHARE \
            or is_short_phrase(node.text) else None
    return None


def asks(node: Node, s: Siblings) -> Role | None:
    """``为什么 BN 能加速收敛？``, ``介绍一下 NASNet``, ``手撕 NMS``: phrased as a question."""
    return Role.QUESTION if node.ask >= Ask.STRONG else None


def answer_of_other_kind(node: Node, s: Siblings) -> Role | None:
    """``**5. FLOPs 降了一半，为什么没变快？**`` then ``瓶颈在访存而不在计算：…``: right after a
    question still waiting for its answer, a line of another kind that does not ask is that answer."""
    opener = s.open_question
    if opener is None or s.open_answered or node.kind != "head" or node.signature == opener.signature:
        return None
    if node.ask >= Ask.STRONG or explicit_question(node) or bears_questions(node):
        return None
    return Role.ANSWER


def question_sibling(node: Node, s: Siblings) -> Role | None:
    """``ROC 和 AUC`` among ``说说…的区别`` and ``…的原理？``: a short phrase in a list of
    questions of the same kind is a question too."""
    share = s.shares.get(node.signature, 0.0)
    if share < QUESTION_GROUP_SHARE or s.counts.get(node.signature, 0) < 2:
        return None
    if ANSWER_PARTS.search(head_text(node)):
        return None  # "**题目描述**", "**思路**", "**代码**": the parts of one answer
    lead, rest, _rule = split_answer(node.text)
    waiting = s.open_question is not None and not s.open_answered
    if waiting and rest and (LEAD_IN.search(plain_text(lead)) or _shares_words(lead, s.open_question)):
        return None  # "Swin 改进了什么？" then "主要两点：一是…", "One-stage vs two-stage?" then
        # "Two-stage: proposals first…": the answer it waits for
    if is_narrative(node.text):
        return None  # "我答了几个方向：1）…": what was answered, among the questions
    phrase = split_answer(node.text)[0]
    if node.ask >= Ask.WEAK or is_title_phrase(phrase):
        return Role.QUESTION
    if share >= STRONG_GROUP_SHARE and is_short_phrase(phrase, SHORT_SIBLING_CHARS):
        return Role.QUESTION  # "剪枝压缩，些精简网络 (tplink)" in a list of questions
    return None


def definition_line(node: Node, s: Siblings) -> Role | None:
    """``BatchNorm: 用在激活函数前…`` standing on its own among questions: a term and what it
    is, a card of its own. Right under a question still waiting for its answer, it is that answer."""
    m = node.mark
    if node.kind != "head" or m is None or m.kind != "plain" or term_definition(node.text) is None:
        return None
    if s.open_question is None:
        return None  # a note's header ("整理：…")
    term = split_answer(node.text)[0]
    if not s.open_answered and (not node.blank_before or LEAD_IN.search(plain_text(term))):
        return Role.ANSWER  # "**06 Swin 改进了什么？**" then "主要两点：一是…": the answer it waits for
    if fold(plain_text(term)) in fold(plain_text(s.open_question.text)):
        return None  # "核函数：…" under "SVM 的基本思想？核函数有什么用？": part of its answer
    if ANSWER_PART_END.search(plain_text(term)):
        return Role.ANSWER  # "判断方法：看前几百个 iter 的 loss 曲线…": a labelled part of the answer
    return Role.QUESTION


def answered_on_its_line(node: Node, s: Siblings) -> Role | None:
    """``Xavier 初始化=：保持…``, ``双线性插值怎么做 ---- 先在 x 方向…``: a question and its answer,
    the note's own marker between them."""
    if node.kind != "head":
        return None
    question, answer, rule = split_answer(node.text)
    if rule not in ("explicit_marker", "dashes"):
        return None
    if ask(question) >= Ask.WEAK:
        return Role.QUESTION
    waiting = s.open_question is not None and not s.open_answered
    # "1) Difference between BN and LN?" then "BN normalizes each channel — 跨样本统计": its answer
    return Role.QUESTION if is_short_phrase(question) and not waiting else None


def questions_on_one_line(node: Node, s: Siblings) -> Role | None:
    """``:1.卷积核的物理意义，2.Iou计算3.常见的评价指标…``: several questions typed on one line."""
    return Role.QUESTION if node.kind == "head" and split_list(node.text) else None


def topic_phrase(node: Node, s: Siblings) -> Role | None:
    """``卷积输出计算，卷积核参数数量`` standing alone: a short phrase naming what to explain."""
    return Role.QUESTION if node.ask >= Ask.WEAK and node.kind == "head" and not has_content(node) else None


def generic_section(node: Node, s: Siblings) -> Role | None:
    """``前言：``, ``参考：``, ``总结`` with text under them: about the note, not a question. Their
    text is shown with the entry before them (or, at the start, the one after). Under a
    question this holds only after a thematic break (``---`` then ``参考：`` ends a blog post)."""
    title = TITLE_DECORATION.sub("", head_text(node))
    if node.kind not in ("head", "heading") or not GENERIC_TITLES.match(title):
        return None
    reflections = NOTE_SECTIONS.match(title) and not any(explicit_question(c) for c in node.children)
    if bears_questions(node) and not reflections:
        return None
    if s.parent_role == Role.QUESTION:
        before = last_descendant(s.nodes[s.index - 1]) if s.index else None
        if before is None or before.mark is None or before.mark.kind != "rule":
            return None
    return Role.ANSWER


def last_descendant(node: Node) -> Node:
    while node.children:
        node = node.children[-1]
    return node


def topic_card(node: Node, s: Siblings) -> Role | None:
    """``## ResNet`` with its explanation and no questions under it: a question of its own
    ("what is ResNet?"). A plain line is a card only when it reads as a title and the
    question before it already has its answer (else it starts that answer)."""
    if not node.children or all(c.kind == "skip" or (c.mark is not None and c.mark.kind == "image")
                                for c in node.children):
        return None  # a point of an answer with a figure after it is still that point
    head = node.kind == "head" and not node.rank and node.mark is not None
    if head and s.open_question is not None and not s.open_answered:
        return None  # "问：深层列表？" then "- 层" over its sub-list: the answer it waits for
    if head and node.mark.kind == "plain" and not is_title_phrase(node.text):
        return None
    if ANSWER_PARTS.search(head_text(node)) or leads_in(node):
        return None  # "### 动机" / "### 实验" under "## ResNet (2015)", "一共分四步：": parts of an answer
    return Role.QUESTION


def structured_answer(node: Node, s: Siblings) -> Role | None:
    """``## 146. LRU 缓存机制`` over ``**题目描述**``, ``**思路**``, ``**代码**`` (and maybe a
    ``#### 追问：…``): a heading whose sub-parts are all labelled parts of an answer is one
    question with a structured answer."""
    subs = []
    for c in heads(node):
        if labelled_follow_up(c):
            break  # the follow-up's own answer comes after it ("手写双向链表 + dict：…")
        if not is_meta_line(c.text):
            subs.append(c)
    if node.kind not in ("heading", "head") or not subs or any(
            c.ask >= Ask.STRONG and not is_problem_statement(c) for c in subs):
        return None  # (a problem statement may ask: "题目：爬到 n 阶有几种方法")
    if not all(ANSWER_PARTS.search(head_text(c)) or is_problem_statement(c) for c in subs):
        return None
    if all(is_problem_statement(c) for c in subs):
        return None  # "## 一面" over "题目：…" lines: questions the note labels
    return Role.QUESTION  # its 追问 sub-headings are follow-ups, its 难度/标签 lines metadata


def empty_heading(node: Node, s: Siblings) -> Role | None:
    """A heading with nothing under it is kept as a question marked 待补充 (nothing is lost);
    a bare name right above headings of its own level (``## LeetCode`` then ``## LeetCode 1. 两数之和``)
    titles them."""
    if node.kind != "heading" and not (node.kind == "head" and node.rank):
        return None
    after = next((n for n in s.nodes[s.index + 1:] if n.kind != "skip"), None)
    if node.kind == "heading" and node.ask == Ask.NONE and after is not None and after.kind == "heading":
        return Role.TITLE
    return Role.QUESTION


def answer_by_default(node: Node, s: Siblings) -> Role | None:
    """Whatever is left (a statement among questions) answers the question before it."""
    return Role.ANSWER


ROLE_RULES: list[tuple[str, RoleRule]] = [
    ("author_directive", author_directive),
    ("machinery", machinery),
    ("follow_up_in_answer", follow_up_in_answer),
    ("answer_key", answer_key),
    ("answer_key_lead", answer_key_lead),
    ("inside_answer", inside_answer),
    ("restating_quote", restating_quote),
    ("prose_questions", prose_questions),
    ("round_lead_question", round_lead_question),
    ("content_line", content_line),
    ("meta_line", meta_line),
    ("article_title", article_title),
    ("page_title", page_title),
    ("round_title", round_title),
    ("continued_numbering", continued_numbering),
    ("explicit_question", explicit_question_marker),
    ("title_over_labelled", title_over_labelled),
    ("unlabelled_under_labelled", unlabelled_under_labelled),
    ("aside_callout", aside_callout),
    ("twin_wording", twin_wording),
    ("caption", caption),
    ("reminder", reminder),
    ("section_label", section_label_line),
    ("generic_section", generic_section),
    ("follow_up", follow_up),
    ("follow_up_sibling", follow_up_sibling),
    ("topic_shift", topic_shift),
    ("answer_under_question", answer_under_question),
    ("structured_answer", structured_answer),
    ("list_heading", list_heading),
    ("lead_in", lead_in),
    ("group_title", group_title),
    ("answer_follows", answer_follows),
    ("numbering", numbering),
    ("questions_on_one_line", questions_on_one_line),
    ("answered_on_its_line", answered_on_its_line),
    ("asks", asks),
    ("answer_of_other_kind", answer_of_other_kind),
    ("question_sibling", question_sibling),
    ("definition_line", definition_line),
    ("topic_phrase", topic_phrase),
    ("topic_card", topic_card),
    ("empty_heading", empty_heading),
    ("answer_by_default", answer_by_default),
]


@dataclass
class Decision:
    role: Role
    rule: str
    keyed_to: Node | None = None
    """For an answer keyed to a question asked earlier: that question's node."""


def decide(node: Node, state: Siblings) -> Decision:
    """The first rule of :data:`ROLE_RULES` that has a role for ``node``."""
    for name, rule in ROLE_RULES:
        role = rule(node, state)
        if role is not None:
            return Decision(role, name)
    raise AssertionError("answer_by_default always decides")  # pragma: no cover


def assign(root: Node) -> dict[int, Decision]:
    """Decide every node's role; returns ``id(node) → Decision``."""
    decisions: dict[int, Decision] = {}
    _assign_children(root, Role.TITLE, decisions)
    return decisions


def _assign_children(parent: Node, parent_role: Role, decisions: dict[int, Decision],
                     keyed_from: Siblings | None = None) -> Siblings:
    """Decide ``parent``'s children; ``keyed_from`` is the state of a key lead's siblings, whose
    awaiting questions the lead's own children answer (``二面的答案：`` over ``1. …`` ``2. …``)."""
    nodes = parent.children
    shares, strong, counts = sibling_shares(nodes)
    state = Siblings(parent_role=parent_role, nodes=nodes, shares=shares, counts=counts, strong_shares=strong)
    if keyed_from is not None:
        state.awaiting = list(keyed_from.awaiting)
        state.key_run, state.key_lead = list(keyed_from.asked), True
    for i, node in enumerate(nodes):
        state.index = i
        decision = decide(node, state)
        decisions[id(node)] = decision
        if decision.rule in ("answer_key", "answer_key_lead"):
            decision.keyed_to = key_target(node, state) if decision.rule == "answer_key" else (
                state.awaiting[0] if state.awaiting else None)
        lead = decision.rule == "answer_key_lead" and bool(state.awaiting)
        inner = _assign_children(node, decision.role, decisions, keyed_from=state if lead else None)
        if lead:
            state.awaiting = inner.awaiting if node.children else state.awaiting
        _update(state, node, decision.role, decisions)
    return state


def _update(state: Siblings, node: Node, role: Role, decisions: dict[int, Decision]) -> None:
    n = number_of(node)
    family = key(node)
    rule = decisions[id(node)].rule
    if rule == "prose_questions":
        _lead, items, _trailer = listed_in_prose(node, state)
        state.listed.update(int(re.match(r"\d+", number).group(0)) for number, _ in items if number)
    elif rule == "answer_key" and n is not None and n in state.listed:
        state.keyed.add(n)
    _update_keyed(state, node, role, decisions[id(node)])
    if role == Role.QUESTION:
        state.open_question = node
        state.open_answered = has_content(node) or bool(node.inline) or bool(split_answer(node.text)[1]) or (
            len(plain_text(node.text)) > ANSWERED_LINE_CHARS)  # "…对分类真的有用吗，…交流了一下…": said on the line
        state.numbering.answer = _answer_numbers(node, decisions)
        state.numbering.explicit = any(c.mark is not None and c.mark.kind == "qa_a" for c in node.children)
        if n is not None:
            last = state.numbering.question.get(family)
            if last is not None and last == n:
                state.numbering.repeats.add(family)
            state.numbering.question[family] = n
    elif role == Role.TITLE:
        state.open_question = None
        state.numbering.answer = {}
    elif role == Role.ANSWER and state.open_question is not None:
        state.open_answered = True
        if n is not None:
            state.numbering.answer[family] = n
        elif node.mark is not None and node.mark.kind == "qa_a":
            state.numbering.answer.update(_leading_number(node.mark.text))
            state.numbering.explicit = True


def _update_keyed(state: Siblings, node: Node, role: Role, decision: Decision) -> None:
    """Which questions still await an answer, and whether a block of keyed answers goes on."""
    if role == Role.TITLE:
        state.awaiting, state.asked, state.key_run, state.key_lead, state.key_next = [], [], None, False, 0
        return
    if decision.rule == "answer_key_lead" and decision.keyed_to is not None:
        if not node.children:  # its answers follow as siblings
            state.key_run, state.key_lead, state.key_next = list(state.asked), True, 0
        state.asked = []
        return
    target = decision.keyed_to if decision.rule == "answer_key" else None
    if target is not None:
        if state.key_run is None:
            state.key_run, state.key_lead = list(state.asked), False
            state.asked = []
        if target in state.awaiting:
            state.key_next = state.awaiting.index(target)
            state.awaiting.remove(target)
        return
    if state.key_run is not None and (node.kind == "content" or role == Role.ANSWER and node.mark is not None
                                      and node.mark.kind == "item" and state.key_lead):
        return  # the code or the next point of a keyed answer
    state.key_run, state.key_lead, state.key_next = None, False, 0
    if role == Role.QUESTION and decision.rule == "prose_questions":
        return  # its questions are keyed by the numbers they were listed with (Siblings.listed)
    if role == Role.QUESTION:
        state.asked.append(node)
        asked = asked_text(node.text) if decision.rule == "round_lead_question" else node.text
        if not (any(c.kind != "skip" for c in node.children) or node.inline or split_answer(asked)[1]):
            state.awaiting.append(node)
    elif role == Role.ANSWER and state.open_question in state.awaiting:
        state.awaiting.remove(state.open_question)  # answered where it stands


def _answer_numbers(question: Node, decisions: dict[int, Decision]) -> dict[str, int]:
    """Numbers the question's own answer has used: ``答：1、…`` under it, numbered answer
    lines (not numbered follow-up questions)."""
    used: dict[str, int] = {}
    for child in question.children:
        if decisions[id(child)].role != Role.ANSWER or child.indent > question.indent:
            continue  # steps nested deeper than the question cannot be confused with its siblings
        if child.mark is not None and child.mark.kind == "qa_a":
            used.update(_leading_number(child.mark.text))
        n = number_of(child)
        if n is not None:
            used[key(child)] = n
    return used


def _leading_number(text: str) -> dict[str, int]:
    """``答：1、…``: the answer's own numbering, as the items that continue it are keyed."""
    from .parse_rules import numbered

    m = numbered.match(text)
    return {f"item:{m.family}|{m.family}": m.number} if m else {}
