"""How a line is *phrased*: does it ask, name a topic, report the interview, or remind?

Phrasing is one signal among several (marker style, numbering, nesting); the role
rules of :mod:`handbook.roles` weigh it. Everything here is a pure function of one
line's text, computed once per line by :func:`handbook.outline.mark_lines`.

Graded, because notes ask in three ways::

    STRONG  为什么 BN 能加速收敛？      介绍一下 NASNet      手撕 NMS      What is IoU?
    WEAK    Dropout 的原理              FPN结构              (a short topic phrase)
    NONE    训练时用当前 batch 的均值方差，测试用滑动平均。   (a statement)

A bare pair of terms (``ROC 和 AUC``) does not ask by itself; among questions of the same
kind it is one (:func:`handbook.roles.question_sibling`).

Traditional Chinese is folded to Simplified first (``為什麼`` asks like ``为什么``).
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache

from ..textfix import fold


class Ask(IntEnum):
    NONE = 0
    WEAK = 1
    STRONG = 2


# Words interviewers ask with. They describe how questions are phrased in Chinese and
# English, not which topics exist.
INTERROGATIVES = (
    "为什么", "为何", "如何", "怎么", "怎样", "什么", "啥", "哪些", "哪个", "哪种", "哪里", "哪儿", "哪一",
    "哪几", "哪方面", "哪类", "在哪", "哪家", "哪点", "多少", "多大", "多久", "有几种",
    "吗", "呢", "怎么办",
)
# "X 和 Y 的区别" asks; "差异大", "像素值差异，能…" do not: comparison words ask at a clause's end.
COMPARISONS = re.compile(r"(?:区别|异同|差异|差别|优劣|不同点|相同点)(?:是什么|在哪里?|有哪些|分别是什么)?\s*$")
# "Whether" words ask at the start of a clause ("是否需要…"), not inside a statement
# ("控制是否遗忘记忆细胞", "判断模型是否过拟合").
WHETHER = ("是否", "能否", "可否", "有没有", "是不是", "会不会", "能不能", "要不要")
# Requests that ask as much as a question mark does, where they start a clause
# ("介绍熟悉的NASNet网络", "…，介绍"), but not inside a statement ("得到了很好的解释").
REQUESTS = (
    "介绍", "讲讲", "讲解", "说说", "说明", "谈谈", "聊聊", "解释", "描述", "简述", "概述", "阐述",
    "推导", "写出", "画出", "举例", "口述", "证明", "列举", "细讲", "展开讲", "写个", "写一个",
)
# Verbs that ask only among questions ("实现卷积操作", "设计一个…"), since answers use them
# too ("计算简单", "写法比较简单").
WEAK_REQUESTS = ("实现", "设计", "计算", "分析", "比较", "写", "画")
# …and phrases that ask wherever they stand: "各种激活函数介绍一下", "手撕 NMS".
REQUEST_PHRASES = re.compile(
    r"(?<!了)(?:介绍|讲|说|解释|写|实现|推导|画|分析|描述|谈|比较|计算|总结|证明|口述|聊|看|展开)(?:一下|一讲|一说|一谈)"
    r"|手推|手写|手撕|了解吗|知道吗|并求|如何求|自我介绍|细讲|展开讲|详细讲"
    # "用 Python 实现两个框的 IoU": a coding task, where a clause starts with it
    r"|(?:^|[，,：:])\s*用\s*(?:python|numpy|pytorch|torch|c\+\+|opencv|cuda)\s*(?:实现|写|手写|编写)"
)
REQUEST_LEAD = re.compile(r"^(?:请|能|能不能|可以|再|先|简单|简要|详细|具体|大概|分别|稍微|你|麻烦)*")
# Interrogative words that do not ask: "什么都不用做", "多少有点", "无论如何".
NON_ASKING = re.compile(r"什么都|什么也|没什么|没啥|不怎么|怎么都|怎么也|无论如何|不管怎么|或多或少|多少有|多多少少|"
                        r"不知道为什么|某几|哪怕|哪怕是|^(?:手写|手撕|手推)(?:代码|算法|题|部分|系列|公式)?$"
                        # "输入平移多少，输出就跟着平移多少": the same word twice around 就/也 is "however much"
                        r"|(多少|什么|怎么|哪里|哪儿|谁)[^。？?]{0,30}?[就也都][^。？?]{0,12}?\1")
CLAUSES = re.compile(r"[，,；;。！!]")
# "是 VOC 还是 COCO", "先 BN 还是先激活": an alternative question; not "还是不行", "效果还是很好",
# "不管是训练还是测试都…".
ALTERNATIVE = re.compile(
    r"[是用选按先在](?!还是)[^了都]{1,20}?还是(?![不没很挺要会得可也太更比蛮有算能一基])[^了都]{1,20}$"
)
NOT_ALTERNATIVE = re.compile(r"不管|无论|不论|不论是")
# Topic words name what to explain; they ask only in a short phrase ("空洞卷积的作用").
TOPIC_WORDS = (
    "作用", "原理", "优缺点", "优势", "劣势", "优点", "缺点", "好处", "意义", "特点", "方法", "问题", "原因",
    "影响", "计算", "实现", "用途", "改进", "本质", "适用", "场景", "代码", "思路", "流程", "不同", "结构",
    "机制", "思想", "定义", "概念", "公式", "应用", "种类", "类型", "用法", "步骤", "过程", "细节", "技巧",
    "策略", "方案", "来源", "由来", "理解", "解决", "效果", "指标", "推导", "复杂度", "参数量", "计算量", "数量",
    "演进", "发展", "演变", "历程", "做法",
)
ENGLISH_QUESTION = re.compile(
    r"^(?:what|why|how|when|which|where|who|is|are|does|do|did|can|could|should|would|will|explain|describe"
    r"|compare|define|derive|implement|write|name|list|give|tell)\b|\bdifference between\b|\bvs\.?\b",
    re.I,
)
# Someone reporting the interview ("我答了…", "面试官提示…", "没答上来") rather than asking.
NARRATIVE = re.compile(
    r"(?<!自)我(?:答|说|回答|觉得|当时|直接|用了|提了|讲了|解释|补充|推了|写了|就|也|是|先(?:讲|说|答|写|提|用))"
    r"|面试官(?:说|提示|解释|补充|问了|让我|追问|表示|觉得|对)|答了|说了|(?:都|也|当场)(?:写|推|画)了|写出来了|没答|答不上|答错|坦言|记不清|忘了|卡住|提了"
    r"|答得|^主要(?:聊|问|考|看)"  # "项目部分答得一般", "主要聊规划、为什么选这个方向"
    r"|问了面试官|^说了|^答|^回答|^(?:先|上来先?|首先|接着|开始)[^？?]*然后"
    r"|(?:介绍|讲解|说明|解释|描述|推导|阐述|聊|谈)了"  # "简单介绍了学校和项目。": what was said
)
REMINDER = re.compile(
    r"^(?:todo|fixme|later|now|doing|done|待补|待整理|待完善|记得|复习|有空|找时间|回头|整理|看完|看一下|刷完|刷一遍|"
    r"读完|学完|补一下|补充|过一遍|背一下|背熟|补)",
    re.I,
)
TODO_KEYWORD = re.compile(r"^(?:todo|fixme|later|now|doing|done)\s*[:：]?\s*", re.I)
# Advice to oneself anywhere in a line: "每个都要能讲清楚", "一定要搞懂", "别忘了…".
SELF_ADVICE = re.compile(
    r"都要(?:会|能|背|看|练|搞|懂|熟|掌握|准备|复习|记)|一定要|要能|要搞懂|要弄清|搞清楚|弄清楚|别忘|记得|需要自己总结|"
    r"要熟悉|要掌握|要背熟"
)
ANSWER_BLANK = re.compile(r"(?:（\s*）|\(\s+\))\s*[。.？?]?\s*$|_{3,}|＿{2,}")
"""``…尺寸为（ ）``, ``…称为____``: an exam question's blank for the answer (not ``zero_grad()``)."""
QUESTION_END = re.compile(r"[?？]\s*[)）\]】」』\"”]?\s*$")
TRAILING_ASIDE = re.compile(r"\s*(?:[(（][^()（）]*[)）]\s*)+$")
SENTENCE_END = re.compile(r"[。；;!！]\s*$")
SENTENCE_INSIDE = re.compile(r"[。！!；;]")
CLAUSE_PUNCTUATION = re.compile(r"[，,。；;！!]")
OPENER = re.compile(
    r"^(?:问(?![题了过到])|如何|为什么|为何|怎么|怎样|什么是|简述|请|谈谈|说说|讲讲|介绍|解释|手写|手撕|手推)"
)

# Markup that says nothing about phrasing: emphasis, links, wiki links, tags, HTML, escapes.
MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?"), ""),  # images
    (re.compile(r"!\[\[[^\]]*\]\]"), ""),  # Obsidian embeds
    (re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]"), r"\1"),  # [[page|label]] → label
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"\[([^\]]*)\]\{[^}]*\}"), r"\1"),  # pandoc [text]{.underline}
    # tags: #[[目标检测]], #面经, #字节跳动#
    (re.compile(r"(?<!\S)#\[\[[^\]]*\]\]|(?<![\w&#])#(?=[^\s#\d])[\w/\-\u4e00-\u9fff]+#?"), ""),
    (re.compile(r"\{\{[^}]*\}\}|\(\([0-9a-f-]{8,}\)\)"), ""),  # Logseq embeds and block refs
    (re.compile(r"<[^>]+>"), ""),  # HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~^$])"), r"\1"),  # backslash escapes (Word/pandoc)
    (re.compile(r"\*\*|__|==|~~|`"), ""),
]

ASK_MAX_CHARS = 90
"""A line longer than this is prose even if it holds an interrogative word."""
QUESTION_MARK_MAX_CHARS = 160
"""…unless it ends with a question mark (long 面经 questions do)."""
WEAK_MAX_CHARS = 30
"""A topic phrase that asks is short: "Dropout 的原理", not a sentence about Dropout."""
WEAK_CLAUSE_CHARS = 20
PERFECTIVE = re.compile(r"了(?!解)")
"""``腾讯没来得及反问就挂电话了``: something that happened, not a name."""
COPULA = re.compile(r"是(?!什么|否|不是|啥|多少|哪)")
"""``主要是八股 + 场景题``: a statement about the topic, not the topic itself."""
HEAD_MAX_CHARS = 32
"""A line this short without sentence punctuation can head an entry or a group."""
TITLE_MAX_CHARS = 24


@lru_cache(maxsize=65536)
def plain_text(text: str) -> str:
    """The words of a line: markup, links, tags and escapes removed; whitespace squeezed."""
    for pattern, repl in MARKUP:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    return fold(plain_text(text))


def ends_with_question_mark(text: str) -> bool:
    """``…吗？`` also when a parenthetical aside follows: ``是否过拟合？（理解…）``."""
    core = plain_text(text)
    return bool(QUESTION_END.search(TRAILING_ASIDE.sub("", core)) or QUESTION_END.search(core))


def has_question_mark(text: str) -> bool:
    return "?" in text or "？" in text


BARE_URL = re.compile(r"https?://\S+|www\.\S+")
PARENTHETICAL = re.compile(r"\s*[(（][^()（）]*[)）]")
NOT_TOPICS = re.compile(r"计算机|问题集|问题列表|面试题")
"""Words that contain a topic word without naming one (计算机 is not 计算)."""
LABELLED = re.compile(r"^(?P<label>[^:：]{1,16}?)\s*[:：]\s*(?P<rest>\S.*)$")
BARE_LABEL = re.compile(r"^(?P<label>[^:：]{1,16}?)\s*[:：]\s*$")
# Words before a colon that label the rest of the line rather than ask ("理解：…", "注意：…",
# "场景题：…", "代码：…").
LABEL_WORDS = re.compile(
    r"^(?:理解|注意|备注|补充|总结|例如|比如|例|答|解|解析|详解|分析|思路|结论|原因|提示|ps|note|tips?|附|参考|链接|代码|"
    r"场景题|追问|算法题|编程题|手撕|面试官问|问题|题目|coding|code|笔试|面试|备注|注|作用|优点|缺点|优缺点|"
    r"常用|原理|公式|特点|注意点|结论|步骤|流程|解法|复杂度|区别|联系|背景|动机)$",
    re.I,
)
LABEL_SUFFIX = re.compile(r"(?:题|问|题目|部分)$")
TASK_LABELS = re.compile(
    r"^(?:场景题|算法题|编程题|代码题|笔试题|手撕|手写|手撕代码|coding|leetcode|力扣|智力题|开放题)$", re.I
)
"""``手撕：给定一个 m×n 矩阵，按顺时针螺旋顺序输出。``: what follows the label is a task set, however phrased."""
TASK_MIN_CHARS = 4
REFLECTION_LABELS = re.compile(r"^(?:复盘|反思|感想|感受|教训|心得|自评|吐槽|碎碎念|小结|总结)$")
TITLE_SUFFIX = re.compile(r"(?:篇|专题|系列|汇总|合集|部分|专栏)$")
"""``✍️ 手撕篇``, ``八股篇``, ``检测专题``: the name of a part of the note, however it starts."""
TITLE_SUFFIX_MAX_WIDTH = 12
"""``最后一道算法题：岛屿数量``, ``Weighted Gaussian 部分：…``: the part before the colon labels."""


# Metadata keys of a note's header ("岗位：…", "整理：2024/02", "格式：Q：问题 A：回答")
META_LABELS = re.compile(
    r"^(?:格式|说明|整理|作者|来源|时间|日期|更新|更新时间|最后更新|目标职缺|目标职位|岗位|职位|base|部门|时长|形式|结果|"
    r"状态|面试形式|面试时间|面试时长|tags?|标签|分类|地点|城市|公司|轮次|last update|链接|原文|原文链接|"
    r"出处|转载|版权声明|发布于|编辑于|阅读|赞同|收藏|板块|版块|浏览|浏览量|回复数|楼层|发帖时间|帖子|"
    r"难度|频率|出现频率|出现公司|考察公司|被问公司|热度|星级|掌握程度|出现次数|分类专栏|文章标签|个人分类|所属专栏|"
    # Notion and Obsidian page properties
    r"created|created time|created by|last edited|last edited time|last edited by|last modified|status|updated|"
    r"date|type|创建时间|创建于|修改时间|最后编辑|最后修改|编辑时间)$",
    re.I,
)
LABEL_MAX_CHARS = 12
TERM_MAX_CHARS = 12
DEFINITION_MIN_CHARS = 12


def is_label(words: str) -> bool:
    words = plain_text(words).strip()
    if LABEL_WORDS.match(words) or META_LABELS.match(fold(words)) or TASK_LABELS.match(words):
        return True
    return bool(LABEL_SUFFIX.search(words)) and width(words) <= LABEL_MAX_CHARS and not any(
        w in words for w in INTERROGATIVES)


PROMOTION = re.compile(
    r"点击(?:上方|下方)?(?:蓝字|关注)|关注(?:我们|公众号)|欢迎关注|后台回复|点个[「“\"]?(?:在看|赞)|长按(?:识别|二维码)|"
    r"扫码(?:关注|加群|领取)|转载请(?:注明|联系)|本文首发于|阅读原文|一键三连|一键收藏|觉得还不错[?？]|"
    r"^以上就是(?:今天|本期|本文)?的?全部内容|欢迎在?(?:评论区|留言区)"
)
"""A copied article's calls to follow, share or reply (``点击关注，后台回复「面经」领取…``)."""


GROUP_SUFFIX = re.compile(r"(?:相关|部分|篇|专题|系列|汇总|合集|类|方面)(?:问题|题目)?$")
"""``池化相关``, ``Softmax 相关``, ``编程部分``: a name for a group of questions."""
SECTION_LABEL = re.compile(r"^(?P<label>[^:：，,。？?]{1,24}?(?:部分|相关|篇|专题|方面))\s*[:：]\s*(?P<rest>\S.*)$")


def section_label(text: str) -> str | None:
    """``Weighted Gaussian 部分： 预训练 vgg16…``: a section's name with what it is about on the
    same line (not a question, nor a term being defined)."""
    m = SECTION_LABEL.match(plain_text(text))
    return m.group("label").strip() if m and ask(m.group("label")) < Ask.WEAK else None


POST_STATS = re.compile(
    r"(?:阅读量?|浏览量?|收藏|点赞数?|评论数?|赞同)\s*[\d.]+\s*[wk万千]?|已于\s*\d{4}-\d{1,2}-\d{1,2}"
)
MIN_POST_STATS = 2
STATS_REST_CHARS = 2
BOARD_HEADER = re.compile(r"^(?:作者|标题|时间|看板|发信人|发信站|信区)\s+\S")
"""PTT / BBS post headers, no colon: ``作者  pixelwolf (像素狼)``, ``標題  [心得] …``."""
POST_DATE = re.compile(
    r"^(?:发布于|发表于|编辑于|写于|更新于|posted on)\s*\d{4}[-/.年]|^原创\s.{0,40}\d{4}-\d{1,2}-\d{1,2}", re.I
)
"""``发布于 2024-03-15 21:40``, ``原创 AI算法小屋 2023-08-14 20:00 发表于浙江`` (a 公众号 article's byline)."""
"""``置顶 小白学CV 已于 2023-08-21 修改 阅读量1.2w 收藏 356``: a copied post's header line."""


def is_meta_line(text: str) -> bool:
    """``岗位：计算机视觉算法工程师``, ``整理：2024/02``, ``点击关注，后台回复…``: a note's header
    or an article's trimmings, not a question."""
    words = plain_text(text)
    if PROMOTION.search(words) or len(POST_STATS.findall(words)) >= MIN_POST_STATS or POST_DATE.match(words) or (
            BOARD_HEADER.match(fold(words))):
        return True
    if POST_STATS.search(words) and len(POST_STATS.sub("", words).strip(" ·|｜,，")) <= STATS_REST_CHARS:
        return True  # "赞同 123": a post's footer
    m = LABELLED.match(words) or BARE_LABEL.match(words)  # "标签：#检测 #NMS" is a bare label once tags go
    return bool(m and META_LABELS.match(fold(m.group("label").strip())))


REPORTED_QUESTION = re.compile(
    r"^(?:(?:然后|接着|之后|随后|又|再|最后|后来|开始|首先|先|面试官)(?:又|还|就|再)?)?"
    r"(?:追问|问了?|问到了?)(?![题过:：])(?:我|一下|一个|一道)?\s*"
    r"(?P<q>[^。！!；;]+?)\s*(?=[。！!；;]|[，,]\s*(?:我|答)|$)"
)
"""``然后问了项目里为什么用 Focal Loss。我答…``: a 面经 telling what was asked, then what was said."""
VAGUE_AMOUNT = re.compile(r"^(?:很多|好多|一些|不少|许多|大量|挺多|各种|几个|一堆|一大堆)")


def reported_question(text: str) -> str | None:
    """The question a line reports (``接着问 batch 很小时 BN 有什么问题，怎么办。答：…`` →
    ``batch 很小时 BN 有什么问题，怎么办``), if what follows 问 asks or names a topic by itself."""
    m = REPORTED_QUESTION.match(plain_text(text))
    if not m or ask(m.group("q")) < Ask.WEAK or VAGUE_AMOUNT.match(m.group("q")):
        return None  # "面试官问了很多项目细节": what was asked, not a question
    return m.group("q")


@lru_cache(maxsize=65536)
def ask(text: str) -> Ask:
    """How strongly ``text`` asks; see the module docstring."""
    words = BARE_URL.sub("", _folded(text)).strip()
    if REPORTED_QUESTION.match(words) and reported_question(words):
        return Ask.STRONG  # "然后问了…。我答…": however long the report of the answer
    core = TRAILING_ASIDE.sub("", words) or words  # "…哪个更好(答：…)" asks like "…哪个更好"
    if not core:
        return Ask.NONE
    if TITLE_SUFFIX.search(core) and width(core) <= TITLE_SUFFIX_MAX_WIDTH and not has_question_mark(core):
        return Ask.NONE
    if (ends_with_question_mark(text) or ANSWER_BLANK.search(words)) and len(core) <= QUESTION_MARK_MAX_CHARS:
        return Ask.STRONG  # "…输出特征图尺寸为（ ）": a blank to fill is a question
    if m := LABELLED.match(core):
        label, rest = m.group("label").strip(), m.group("rest")
        if is_label(label):
            if META_LABELS.match(label):
                return Ask.NONE  # "格式：Q：问题 A：回答": the note's header
            if TASK_LABELS.match(label) and len(plain_text(rest).strip()) >= TASK_MIN_CHARS:
                return Ask.STRONG
            if REFLECTION_LABELS.match(label):
                return Ask.NONE  # "复盘：…DETR 那块一直没细看？": the candidate to self
            return ask(rest)  # "shufflenet 算法题：random_shuffle的实现" asks like its task
        if len(label) <= TERM_MAX_CHARS and not has_question_mark(rest) and len(rest) >= DEFINITION_MIN_CHARS and (
            not _asks_in_words(label)
        ):
            return Ask.NONE  # "双边滤波：权重同时考虑空间距离和像素值差异…": a term and its definition
    asking = _asks_in_words(NON_ASKING.sub("", core)) if len(core) <= ASK_MAX_CHARS else (
        _opening_asks(NON_ASKING.sub("", core)))  # a long line that opens with a question has its answer after it
    # "说了…后来怎么改的" reports an answer; "我看你…能讲一讲吗" asks
    if asking and not (is_narrative(text) and not core.endswith(("吗", "呢", "么")) and not has_question_mark(core)):
        return Ask.STRONG
    bare = NOT_TOPICS.sub("", PARENTHETICAL.sub("", core))  # "mIOU(图像分割的通用评估指标) 的代码实现"
    if width(bare) <= WEAK_MAX_CHARS and not SENTENCE_INSIDE.search(bare):
        clauses = [c for c in re.split(r"[，,]", bare) if c.strip()]
        # "LSTM比rnn的好处，乘变加，梯度信息有": a topic phrase first, maybe its answer after
        if clauses and any(w in clauses[0] for w in TOPIC_WORDS) and width(clauses[0]) <= WEAK_CLAUSE_CHARS and not (
            COPULA.search(clauses[0])
        ):
            return Ask.WEAK
    if len(core) <= ASK_MAX_CHARS and REQUEST_LEAD.sub("", core).startswith(WEAK_REQUESTS) and not (
        SENTENCE_END.search(core) or COPULA.search(core)
    ):
        return Ask.WEAK  # "实现卷积操作(代码)"; not "计算量（乘加次数）大约是 …。"
    return Ask.NONE


def _opening_asks(core: str) -> bool:
    """For a long line: does its first clause ask (``Focal Loss 为什么目标检测中提出，…交流了…``)?"""
    first = CLAUSES.split(core, maxsplit=1)[0]
    return len(first) <= ASK_MAX_CHARS and _sentence_asks(first, opening_only=True)


def _asks_in_words(core: str) -> bool:
    """A question mark, an interrogative or a request in the line; in prose of several
    sentences only the first and the last sentence count (``很多同学会发现，为什么…。博主总结了…``
    reports, ``零样本分类问题。如果测试时出现新类别，怎么做`` asks)."""
    sentences = [t for t in re.split(r"(?<=[。！!；;])", core) if t.strip()]
    if len(sentences) > 1:
        if core.rstrip().endswith("。") and not has_question_mark(core):
            return False  # "按时间顺序记。“我：”是我当场怎么答的…。": prose about the note
        return _sentence_asks(sentences[0], opening_only=True) or _sentence_asks(sentences[-1])
    return _sentence_asks(core)


def _sentence_asks(sentence: str, opening_only: bool = False) -> bool:
    clauses = [c.strip() for c in CLAUSES.split(sentence) if c.strip()]
    if not clauses:
        return False
    if has_question_mark(sentence) or OPENER.match(sentence) or ENGLISH_QUESTION.search(clauses[0]):
        return True
    if any(w in clauses[0] for w in INTERROGATIVES) and not first_person_statement(clauses[0]):
        return True
    if opening_only:
        clauses = clauses[:1]
    if any(COMPARISONS.search(c) or (ALTERNATIVE.search(c) and not NOT_ALTERNATIVE.search(c)) for c in clauses):
        return True
    for k, clause in enumerate(clauses):
        lead = REQUEST_LEAD.sub("", clause)
        # "推导 BN 的反向传播" and "常用的凸优化方法，介绍" ask; a bare "推导" (a sub-heading) does not
        if any(lead.startswith(w) and (len(lead) > len(w) + 1 or k > 0) for w in REQUESTS + INTERROGATIVES + WHETHER):
            return True
        if any(w in clause for w in INTERROGATIVES) and not first_person_statement(clause):
            return True
    if REQUEST_PHRASES.search(clauses[0] if opening_only else sentence):
        return True
    return not opening_only and clauses[-1].endswith(("吗", "呢", "么"))


ADVICE_OR_REPORT = re.compile(r"要多想想|想想|不知|不清楚|搞不懂|我(?:觉得|认为|想)")


def first_person_statement(clause: str) -> bool:
    """``项目要多想想为什么这么设计``, ``我不知道怎么回事``: an interrogative inside advice or a report."""
    return bool(ADVICE_OR_REPORT.search(clause)) and not clause.endswith(("吗", "呢"))


def first_clause_asks(text: str) -> bool:
    """Does the text open by asking? (For deciding whether text after a question answers it.)"""
    words = NON_ASKING.sub("", BARE_URL.sub("", _folded(text)))
    if ANSWER_BLANK.search(words):
        return True
    first = CLAUSES.split(words, maxsplit=1)[0]
    return has_question_mark(words) or bool(OPENER.match(words)) or any(w in first for w in INTERROGATIVES)


def is_narrative(text: str) -> bool:
    """``我答了并联更好``, ``面试官提示了一下``: the note reports what was said."""
    return bool(NARRATIVE.search(_folded(text)))  # 繁體 reports too: "我先講可分離"


def is_reminder(text: str, todo: str = "") -> bool:
    """``TODO 把 hot100 刷完``, ``DONE 看一下 ATSS``, ``待整理：…``: a note to self. A to-do
    that asks a question (``TODO 小目标检测有哪些办法？``) is still a question."""
    words = plain_text(text).lstrip("-* (（[【").strip()
    if not (REMINDER.match(words) or SELF_ADVICE.search(words) or todo.isalpha()):
        return False
    rest = TODO_KEYWORD.sub("", words)
    if REMINDER.match(rest):
        return True  # "TODO：补一下 RNN 为什么特别容易爆炸": a task, even with an interrogative in it
    core = NON_ASKING.sub("", _folded(rest))
    if _opening_asks(core):
        return False  # "介绍一下调参的经验，这个需要自己总结" asks first
    return not (ends_with_question_mark(text) or any(w in core for w in INTERROGATIVES))


LINK = re.compile(r"!?\[\[[^\]]*\]\]|!?\[[^\]]*\]\([^)]*\)|https?://\S+|\(\([0-9a-f-]{8,}\)\)")
LINK_LINE_REST = re.compile(r"^[\s|｜·•,，、:：;；/\-–—>]*(?:\S{0,6}[:：]?[\s|｜·•,，、;；/\-–—]*)*$")


def is_link_line(text: str) -> bool:
    """``上一篇：[[CNN基础]] ｜ 下一篇：[[优化器]]``, ``相关页面：[[NMS 手写]]``: navigation."""
    if not LINK.search(text):
        return False
    rest = LINK.sub(" ", text)
    return len(re.sub(r"[\s|｜·•,，、:：;；/\-–—>]", "", rest)) <= 8


def width(text: str) -> float:
    """Length as a reader sees it: a Latin letter or symbol counts half a Chinese character
    (``R-CNN --> FAST-RCNN --> FASTER-RCNN`` is a short title)."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def is_short_phrase(text: str, limit: int = HEAD_MAX_CHARS) -> bool:
    """Short and without sentence punctuation: could name a question or a group."""
    words = plain_text(text).rstrip("：:").strip()
    return 0 < width(words) <= limit and not SENTENCE_INSIDE.search(words)


BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


def is_title_phrase(text: str) -> bool:
    """``卷积相关``, ``目标检测``, ``深度学习常用的optimizer(优化器)``, ``二面（技术面，55min）``: a
    name, not a clause (a comma in its brackets does not make it one)."""
    words = plain_text(text).rstrip("：:").strip()
    unbracketed = BRACKETED.sub("", words).strip() or words  # (a line all in brackets is an aside)
    return (is_short_phrase(words, TITLE_MAX_CHARS) and not CLAUSE_PUNCTUATION.search(unbracketed)
            and not PERFECTIVE.search(words) and not is_narrative(words))


def latin_share(text: str) -> float:
    """Share of letters that are Latin: 1.0 for an English line, 0.0 for a Chinese one."""
    words = plain_text(text)
    latin = sum(1 for ch in words if ch.isascii() and ch.isalpha())
    cjk = sum(1 for ch in words if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")
    return latin / (latin + 2 * cjk) if latin + cjk else 0.0
