"""Stage 4, merge: the same question asked in several notes is shown once.

Every question gets a :class:`QuestionKey`: the glossary concepts it names (aliases folded
to one concept: ``1*1卷积`` and ``pointwise convolution`` are the same), the first of them
as its subject, the aspects it asks about (区别, 原理, 代码实现, 训练 vs 推理…) and the words
left when concepts and filler (``说说``, ``讲一下``, ``的``) are removed. Candidates are only
questions that share a concept, or, without concepts, a run of words (blocking: no
comparison of every pair). Two wordings are one question when their concepts mostly agree,
their remaining words are alike, and no guard keeps them apart (contrasting aspects,
different versions ``v2``/``v3``, an author's ``never`` pair). Rules, thresholds and the
author's ``never``/``always`` pairs live in ``data/merge.yaml``.

A merged entry lands on the topic most of its members were placed on. Its id is the id of
its oldest member (by note date, then path and line), so a wording joining later does not
move it, and every member's own id is kept as an anchor on the entry.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from .classify import Matcher
from .companies import asked_at
from .diagnostics import HandbookError
from .model import MergedEntry, Placed
from .textfix import compact, fold, glue_scripts

DATA = Path(__file__).parent / "data" / "merge.yaml"
CONCEPT_SHARE = 0.5
"""Share of concepts two wordings must have in common (Jaccard) to be compared at all."""
MERGE_SCORE = 0.5
"""Cosine of weighted concepts, aspects and content words from which two wordings are one question."""
CONCEPT_FEATURE = 2.0
"""A concept counts twice a word in the comparison."""
MIN_CONTENT_WORD = 2
BARE_TOPIC_ASPECTS = frozenset({"principle", "process"})
"""What a bare topic (``BatchNorm``, ``感受野``) asks: what it is; it merges only with that question."""
EXTRA_SUBJECT_SHARE = 0.8
"""An extra concept this specific (idf, relative to the most specific shared one) is a subject of its own."""
IDENTICAL_WORDS = 90.0
"""Wordings naming no concept merge only when their words are this alike (rapidfuzz ratio)."""
MAX_BLOCK = 400
"""A concept shared by more questions than this is too common to find candidates by."""
VERSION = re.compile(r"(?<![a-z0-9])(?:v\d+(?:\.\d+)?|[a-z]+-?v?\d+[a-z]?)(?![a-z0-9])")
"""``v2``, ``yolov3``, ``resnet50``: versions and model sizes tell questions apart."""
PUNCTUATION = re.compile(r"[\W_]+")
PASSING_TRAINING = re.compile(
    r"(?:加速|加快|更快|更好|更容易|容易|稳定)地?(?:网络|模型)?(?:的)?训练|训练(?:得|到)?(?:很深|更深|深层|一百多层)|"
    r"(?:能|可以|能够)(?:把网络)?训练|能训")
"""``加速网络训练``, ``为什么能训练很深的网络``: training named in passing (``怎么训练``,
``为什么难训练`` still ask about training)."""
MENTION = re.compile(r"@[^\s:：，,]{1,20}")
"""``@群主 追问：…``: who is asked in a chat, not what."""
PREAMBLE = re.compile(
    r"^[^？?。；;]{0,30}?(?P<verb>做过|用过|用了|了解|熟悉|熟|知道|接触过|听说过|学过)[^？?。；;]{0,20}?吗\s*[？?]\s*")
EXPERIENCE = frozenset({"做过", "用过", "用了", "接触过"})
"""``模型部署做过吗？INT8 量化的原理说一下``, ``Faster R-CNN 熟吗？RPN 里…``: a yes-or-no opener
before the question that is asked."""
HTML_TAG = re.compile(r"<[^<>]{1,200}>")
PAIRED = re.compile(r"和|与|及|vs|对比|、|/")
"""Two concepts named side by side with nothing asked about them are being compared."""
BASELINE_VERSION = re.compile(r"(?:相比|相对于|相较于|比起|对比|比|较)\s*(v\d+(?:\.\d+)?)(?![a-z0-9])")
LATIN_LEAD = re.compile(r"[a-z0-9]+(?=\s*[\u3400-\u9fff])")
WORD_GAP = r"[^\s，,。？?；;]{0,4}"
GREEK = re.compile(r"[\u0370-\u03ff]")


@dataclass(frozen=True)
class MergeRules:
    filler: tuple[str, ...]
    aspects: dict[str, tuple[str, ...]]
    contrasts: tuple[tuple[str, str], ...]
    one_sided: frozenset[str]
    generic: frozenset[str]
    never: frozenset[frozenset[str]]
    always: frozenset[frozenset[str]]
    personal: frozenset[str] = frozenset()


@cache
def load_rules(path: Path = DATA) -> MergeRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def need(ok: bool, what: str) -> None:
        if not ok:
            raise HandbookError(f"{path}: {what}")

    need(isinstance(data.get("filler"), list) and all(isinstance(w, str) for w in data["filler"]),
         "filler: expected a list of words (quote YAML's yes/no/on/off)")
    aspects = data.get("aspects") or {}
    need(isinstance(aspects, dict) and all(isinstance(v, list) and all(isinstance(w, str) for w in v)
                                           for v in aspects.values()),
         "aspects: expected a mapping name: [words]")
    contrasts = data.get("contrasts") or []
    need(all(isinstance(c, list) and len(c) == 2 and set(c) <= set(aspects) for c in contrasts),
         "contrasts: expected pairs of aspect names")
    need(set(data.get("one_sided") or []) <= set(aspects), "one_sided: expected aspect names")
    pairs = {}
    for kind in ("never", "always"):
        items = data.get(kind) or []
        need(all(isinstance(p, list) and len(p) == 2 for p in items), f"{kind}: expected pairs of questions")
        pairs[kind] = frozenset(frozenset(compact(q) for q in p) for p in items)
    filler = tuple(sorted((fold(w) for w in data["filler"]), key=len, reverse=True))
    need(all(isinstance(w, str) for w in data.get("personal") or []), "personal: expected concept names")
    return MergeRules(
        filler=filler,
        aspects={k: tuple(fold(w) for w in v) for k, v in aspects.items()},
        contrasts=tuple((a, b) for a, b in contrasts),
        one_sided=frozenset(data.get("one_sided") or []),
        generic=frozenset(data.get("generic") or []),
        never=pairs["never"], always=pairs["always"],
        personal=frozenset(data.get("personal") or []),
    )


@cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words``, longest first; an English word only as a whole word (``is`` is not in
    ``this``), Chinese anywhere (it has no spaces to bound a word); ``*`` in a Chinese word
    stands for a few characters (``怎么*算`` is ``怎么一层层算``)."""
    def one(w: str) -> str:
        if w.isascii():
            return rf"(?<![a-z]){re.escape(w)}(?![a-z])"
        return WORD_GAP.join(re.escape(piece) for piece in w.split("*"))
    return re.compile("|".join(one(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")


@dataclass(frozen=True)
class QuestionKey:
    text: str
    """The question folded and compacted (exact duplicates share it)."""
    concepts: frozenset[str]
    subject: str
    aspects: frozenset[str]
    words: str
    content: frozenset[str]
    """What the question is about beyond its concepts and aspects (``mean``, ``var``, ``溢出``)."""
    versions: frozenset[str]
    alternatives: frozenset[str] = frozenset()
    """Concepts named as alternatives of another (``正则化/归一化``): none is a subject of its own."""
    personal: bool = False
    """Names the candidate's own project, résumé or self-introduction: answers differ per person."""
    parts: tuple[QuestionKey, ...] = ()
    """The sub-questions of a compound question (``FPN 的结构？为什么对小目标有用``), each also
    naming the concepts of the one before; empty for a single question."""


REASON_FOR_A_METHOD = re.compile(r"(?:为什么|为何|为啥)\s*(?:能够|能|可以)\s*(?=解决|缓解|避免|防止|克服)")
"""``残差网络为什么能解决梯度消失`` asks how it solves it (``ResNet 如何解决梯度消失``), not why."""
ASIDE = re.compile(r"^[(（][^()（）]{0,40}[)）]")
SLASH = re.compile(r"\s*[/／]\s*|\s*或\s*")
SENTENCE_END = re.compile(r"[？?。；;]+")
COMMA = re.compile(r"[，,]")
ASKS = re.compile(r"为什么|为何|为啥|怎么|怎样|如何|什么|哪|吗|呢|是否|能否|有没有|多少|几|手写|手撕|写一下|推导")
"""A comma starts a new question when what follows asks (``感受野是什么，怎么一层层算``, ``Focal Loss
解决什么问题，公式手写一下``), not when it goes on with the same one (``BN 训练，测试区别``)."""
TAG = re.compile(r"#\[\[[^\]]*\]\]|(?<!\S)#[^\s#]+")
"""Obsidian and Logseq tags (``#[[FPN]]``, ``#检测``) file a question; they ask nothing."""


def question_key(question: str, matcher: Matcher, rules: MergeRules) -> QuestionKey:
    question = HTML_TAG.sub(" ", question)  # "1x1 卷积的作用？<a id="q2"></a>"
    question = MENTION.sub(" ", question)
    if (lead := PREAMBLE.match(question)) and PUNCTUATION.sub("", question[lead.end():]):
        named = {matcher.key(f) for f in matcher.find(lead.group(0)) if matcher.key(f) in matcher.terms}
        rest = {matcher.key(f) for f in matcher.find(question[lead.end():])}
        if lead.group("verb") in EXPERIENCE or named <= rest:
            question = question[lead.end():]  # (but "凸优化了解吗？牛顿法、SGD…" names its subject first)
    whole = _key(question, matcher, rules)
    parts: list[QuestionKey] = []
    for sentence in sub_questions(TAG.sub(" ", question)):
        for n, piece in enumerate(sentence):
            part = _key(piece, matcher, rules)
            if not (part.concepts or part.words):
                continue
            if parts:  # "怎么一层层算", "为什么 Transformer 里常用" ask about the subject before
                before = parts.pop() if _sets_the_scene(parts[-1], n) else parts[-1]
                part = replace(part, concepts=before.concepts | part.concepts, subject=before.subject,
                               versions=part.versions or before.versions)
            parts.append(part)
    return replace(whole, parts=tuple(parts)) if len(parts) > 1 else whole


def _sets_the_scene(part: QuestionKey, n: int) -> bool:
    """``faster rcnn, roi pooling 如何工作``: a bare name before a comma only says what the
    next clause is about (after a ``？`` it asks what that is)."""
    return n > 0 and not part.aspects and not part.content


def sub_questions(text: str) -> list[list[str]]:
    """The questions a compound question asks: per sentence, its clauses that ask (a clause
    that goes on with the one before, ``BN 训练，测试区别``, stays with it)."""
    out: list[list[str]] = []
    for sentence in SENTENCE_END.split(text):
        clauses: list[str] = []
        for clause in COMMA.split(sentence):
            if clauses and not ASKS.search(clause):
                clauses[-1] += "，" + clause.strip()
            else:
                clauses.append(clause.strip())
        out.append([c for c in clauses if PUNCTUATION.sub("", c)])
    return out


def _key(question: str, matcher: Matcher, rules: MergeRules) -> QuestionKey:
    glued = glue_scripts(question)
    folded = fold(glued)
    hits = [f for f in matcher.find(glued) if matcher.key(f) in matcher.terms]  # glossary concepts only
    terms = []
    for k in (matcher.key(f) for f in hits + _distributed(folded, hits, matcher)):
        term = matcher.terms[k]
        if term.name not in terms:
            terms.append(term.name)
    rest = folded
    for f in sorted(set(hits), key=len, reverse=True):
        rest = rest.replace(f, " ")
    rest = REASON_FOR_A_METHOD.sub(" 解决 ", rest)
    # aspects are read off what is left once the concepts are gone ("梯度消失" asks no formula)
    aspects = frozenset(name for name, words in rules.aspects.items() if words_pattern(words).search(rest))
    if "train" in aspects and "inference" not in aspects and PASSING_TRAINING.search(rest):
        aspects -= {"train"}  # "为什么能训练很深的网络", "加速训练": training named in passing, not train vs test
    paired = len(set(hits)) >= 2 and bool(PAIRED.search(rest))
    rest = words_pattern(rules.filler).sub(" ", rest)
    content = rest
    for words in rules.aspects.values():
        content = words_pattern(words).sub(" ", content)
    content_set = content_words(content)
    if not aspects and not content_set and paired:
        aspects = frozenset({"difference"})  # "深拷贝和浅拷贝", "RoI Pooling 和 RoI Align": the two compared
    specific = [t for t in terms if t not in rules.generic] or terms
    alternatives = {matcher.terms[matcher.key(f)].name for f in hits
                    if any(_named_together(glued, f, g) for g in hits if g != f)}
    return QuestionKey(
        text=compact(question),
        concepts=frozenset(specific),
        subject=specific[0] if specific else "",
        aspects=aspects,
        words=PUNCTUATION.sub("", rest),
        content=content_set,
        versions=_versions(folded),
        alternatives=frozenset(alternatives) & frozenset(specific),
        personal=bool(set(terms) & rules.personal),
    )


def _versions(folded: str) -> frozenset[str]:
    """The versions a question is about; ``v2`` in ``YOLOv3 相比 v2 做了哪些改进`` is only what it
    is compared with (``YOLOv3 的改进点`` asks the same)."""
    versions = set(VERSION.findall(folded))
    baseline = set(BASELINE_VERSION.findall(folded))
    return frozenset(versions - baseline if versions - baseline else versions)


def _distributed(folded: str, hits: list[str], matcher: Matcher) -> list[str]:
    """``L1 和 L2 正则化`` (or ``L1 L2正则``) names L1 正则化 too: the head word shared by a coordination."""
    out = []
    for f in set(hits):
        lead = LATIN_LEAD.match(f)
        if not lead:
            continue
        for m in re.finditer(rf"([a-z0-9]+)(?:\s*[和与及、/]\s*|\s+){re.escape(f)}", folded):
            form = m.group(1) + f[lead.end():]
            out.extend(g for g in matcher.find(form) if g == form and matcher.key(g) in matcher.terms)
    return out


def _named_together(text: str, a: str, b: str) -> bool:
    """``a/b`` or ``a或b`` written next to each other (with an aside like ``(normalization)``)."""
    for x, y in ((a, b), (b, a)):
        at = text.find(x)
        while at >= 0:
            after = text[at + len(x):]
            after = ASIDE.sub("", after, count=1) if after.startswith(("(", "（")) else after
            gap = SLASH.match(after)
            if gap and after[gap.end():].startswith(y):
                return True
            at = text.find(x, at + 1)
    return False


def content_words(text: str) -> frozenset[str]:
    """Words of two characters or more (jieba), Latin words, and Greek letters (``γ`` and ``α``
    of Focal Loss are what a question about them is about)."""
    import jieba

    jieba.setLogLevel(60)
    out = set()
    for piece in PUNCTUATION.split(text):
        if not piece:
            continue
        out.update(w for w in jieba.lcut(piece)
                   if (len(w) >= MIN_CONTENT_WORD and not w.isdigit()) or GREEK.fullmatch(w))
    return frozenset(out)


SERIES = 2
"""A question naming this many versions (``Inception V1-V4``) asks about the whole series."""


def _series(a: QuestionKey, b: QuestionKey) -> bool:
    """``Inception(V1-V4) 网络结构`` and ``Inception 系列的核心思路``: the series either way."""
    return min(len(a.versions), len(b.versions)) == 0 and max(len(a.versions), len(b.versions)) >= SERIES


PROS_AND_CONS = frozenset({"pros", "cons"})


def one_sided_difference(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Aspects one side asks and the other does not; ``优缺点`` (pros and cons) answers ``好处``
    (pros) and ``缺点`` (cons) too, so that side asks what the other does, and pros and cons are
    a comparison already. (``优点`` vs ``缺点`` still differ.)"""
    diff = a ^ b
    if (a >= PROS_AND_CONS and b & PROS_AND_CONS) or (b >= PROS_AND_CONS and a & PROS_AND_CONS):
        diff -= PROS_AND_CONS
    if a >= PROS_AND_CONS and b >= PROS_AND_CONS:
        diff -= {"difference"}  # "ViT 与 CNN 各有什么优缺点" is "ViT 和 CNN 相比有什么优劣"
    for one, other in ((a, b), (b, a)):
        if "pros" in one and "cons" not in one and "purpose" in other:
            diff -= {"pros"}  # "X 的优势" is answered where "X 有什么好处" is
    return diff


COMPARISON_ASPECTS = frozenset({"difference", "reason", "pros", "purpose", "principle", "choice"})
"""What a question naming two things may ask of them: ``ReLU 和 sigmoid 的区别``, ``为什么用 ReLU
而不用 sigmoid``, ``ReLU 相比 sigmoid 好在哪`` and ``选 ReLU 还是 sigmoid`` are one comparison."""


def _compares_the_same_pair(a: QuestionKey, b: QuestionKey) -> bool:
    return (len(a.concepts) >= 2 and a.concepts == b.concepts and a.versions == b.versions
            and (a.aspects | b.aspects) <= COMPARISON_ASPECTS and not (a.content ^ b.content) - COMPARISON_WORDS)


COMPARISON_WORDS = frozenset({"不用", "而不用", "而不是", "不选", "好用", "更好", "优于", "适合", "更适合",
                              "better", "than", "worse"})


def _characters(words: frozenset[str]) -> set[str]:
    """Chinese characters and Latin words of content words."""
    out: set[str] = set()
    for w in words:
        out.update([w] if w.isascii() else (ch for ch in w if CJK_CHAR.match(ch) and not FUNCTION_CHAR.match(ch)))
    return out


MIN_SHARED_CHARACTERS = 2
"""Content words that differ but share this many characters (``物理含义``, ``含义``) are about one thing."""
CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
FUNCTION_CHAR = re.compile(r"[的了和与及或是在有为对把被中上下个一不也都就而且么吗呢吧啊]")


def apart(a: QuestionKey, b: QuestionKey, rules: MergeRules) -> bool:
    """A guard keeps these two apart: versions differ; an aspect that makes a question of its
    own is on one side only; their aspects contrast; or they compare different things."""
    if a.versions != b.versions and (a.versions or b.versions) and not _series(a, b):
        return True
    diff = one_sided_difference(a.aspects, b.aspects)
    if _compares_the_same_pair(a, b):
        diff -= COMPARISON_ASPECTS
    if diff & rules.one_sided:
        return True
    for x, y in rules.contrasts:
        if (x in a.aspects and y in b.aspects and x not in b.aspects) or (
                x in b.aspects and y in a.aspects and x not in a.aspects):
            return True
    if a.content and b.content and not a.content & b.content and (
            len(_characters(a.content) & _characters(b.content)) < MIN_SHARED_CHARACTERS):
        return True  # "损失函数用 log 的形式" vs "损失函数用的 BCElogitloss": about different things
    for bare, other in ((a, b), (b, a)):
        if not bare.aspects and not bare.content and (other.aspects - BARE_TOPIC_ASPECTS or other.content):
            return True  # "BatchNorm" (what is it) vs "BN 有哪些需要学习的参数"
    if "difference" in a.aspects and "difference" in b.aspects and a.concepts != b.concepts:
        return True  # "随机森林和 GBDT 的区别" vs "XGBoost 和 GBDT 的区别"
    shared = len(a.concepts & b.concepts) / len(a.concepts | b.concepts) if a.concepts and b.concepts else 1.0
    return shared < CONCEPT_SHARE  # "LSTM 门的结构" vs "LSTM 为什么能缓解梯度消失"


def features(k: QuestionKey) -> Counter:
    f: Counter = Counter()
    for c in k.concepts:
        f["c:" + c] += CONCEPT_FEATURE
    for a in k.aspects:
        f["a:" + a] += 1
    for w in k.content:
        f["w:" + w] += 1
    return f


class FeatureWeights(dict):
    """Feature → idf, remembering each question's weighted vector: a merge compares every
    question with hundreds of candidates."""

    def __init__(self, idf: dict[str, float]):
        super().__init__(idf)
        self.vectors: dict[int, tuple[dict[str, float], float]] = {}


def feature_weights(keys: list[QuestionKey]) -> FeatureWeights:
    """Rare features say more about a question than common ones (``机器学习``, ``原理``):
    inverse document frequency over the questions being merged."""
    df = Counter(t for k in keys for t in features(k))
    n = max(len(keys), 1)
    return FeatureWeights({t: math.log(1 + n / d) for t, d in df.items()})


def _vector(k: QuestionKey, weights: dict[str, float]) -> tuple[dict[str, float], float]:
    """``k``'s weighted features and their norm (kept by a :class:`FeatureWeights`, whose keys
    live as long as it does)."""
    cache = getattr(weights, "vectors", None)
    if cache is not None and id(k) in cache:
        return cache[id(k)]
    vector = {t: v * weights.get(t, 1.0) for t, v in features(k).items()}
    found = vector, math.sqrt(sum(x * x for x in vector.values()))
    if cache is not None:
        cache[id(k)] = found
    return found


def score(a: QuestionKey, b: QuestionKey, weights: dict[str, float]) -> float:
    """Cosine of the two questions' weighted concepts, aspects and content words."""
    if a.text == b.text:
        return 1.0
    if not a.concepts and not b.concepts:
        return 1.0 if fuzz.ratio(a.words, b.words) >= IDENTICAL_WORDS else 0.0
    (va, na), (vb, nb) = _vector(a, weights), _vector(b, weights)
    if len(vb) < len(va):
        va, vb = vb, va
    dot = sum(x * vb.get(t, 0.0) for t, x in va.items())
    return dot / (na * nb) if na and nb else 0.0


def adds_a_subject(a: QuestionKey, b: QuestionKey, weights: dict[str, float]) -> bool:
    """``空洞卷积的网格效应怎么解决`` vs ``空洞卷积是什么``: one wording names a concept the other
    lacks that is at least as specific as everything they share: it asks about that one."""
    shared = a.concepts & b.concepts
    if not shared:
        return False
    extra = (a.concepts | b.concepts) - shared - a.alternatives - b.alternatives
    top = max(weights.get("c:" + c, 1.0) for c in shared)
    return any(weights.get("c:" + c, 1.0) >= EXTRA_SUBJECT_SHARE * top for c in extra)


def same_question(a: QuestionKey, b: QuestionKey, rules: MergeRules, weights: dict[str, float]) -> bool:
    pair = frozenset((a.text, b.text))
    if pair in rules.always:
        return True
    if pair in rules.never:
        return False
    return _alike(a, b, rules, weights) or asks_within(a, b, rules, weights) or asks_within(b, a, rules, weights)


def _alike(a: QuestionKey, b: QuestionKey, rules: MergeRules, weights: dict[str, float]) -> bool:
    if apart(a, b, rules) or adds_a_subject(a, b, weights):
        return False
    if a.personal or b.personal:  # "介绍一下你简历上的缺陷检测项目" vs "…项目数据有多少张"
        return fuzz.ratio(a.words, b.words) >= IDENTICAL_WORDS
    return score(a, b, weights) >= MERGE_SCORE


def asks_within(small: QuestionKey, big: QuestionKey, rules: MergeRules, weights: dict[str, float]) -> bool:
    """Everything ``small`` asks is one of the questions compound ``big`` asks: ``FPN结构`` is
    answered where ``FPN 的结构？为什么对小目标有用`` is. (``什么是过拟合？怎么缓解`` and
    ``什么是过拟合？怎么发现`` each ask something the other does not.)"""
    if not big.parts or big.personal or ("project" in big.aspects and "project" not in small.aspects):
        return False  # "你的项目里 mAP 从 0.62 提到 0.71，每个改动贡献多少" is about the candidate's work
    bare_part = any(not p.aspects and not p.content for p in big.parts)  # "凸优化了解吗？" asks what it is
    asked = big.aspects | (BARE_TOPIC_ASPECTS if bare_part else frozenset())
    if not (small.content <= big.content and small.aspects <= asked):
        return False  # "以下哪种方法不能缓解过拟合" asks more than "怎么判断过拟合，怎么缓解"
    return all(any(_alike(s, b, rules, weights) for b in big.parts) for s in (small.parts or (small,)))


def kept_apart(a: QuestionKey, b: QuestionKey, rules: MergeRules) -> bool:
    """A guard (or the author) keeps ``a`` and ``b`` apart, and neither asks within the other."""
    if frozenset((a.text, b.text)) in rules.never:
        return True
    if not apart(a, b, rules):
        return False
    return not (asks_within(a, b, rules, {}) or asks_within(b, a, rules, {}))


def anchor_for(question: str) -> str:
    key = compact(question) or question
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def _age(p: Placed) -> tuple[str, str, int]:
    """Oldest first: notes by date, then path and line. An undated note counts as old: the notes
    a handbook starts from rarely have dates, and a note added later must not take their ids."""
    note = p.entry.note
    return (note.date or "0000", note.path, p.entry.lines[0])


def candidates(keys: list[QuestionKey]) -> dict[int, set[int]]:
    """For each question, the earlier questions worth comparing it with."""
    by_concept: dict[str, list[int]] = defaultdict(list)
    by_text: dict[str, list[int]] = defaultdict(list)
    by_words: dict[str, list[int]] = defaultdict(list)
    out: dict[int, set[int]] = defaultdict(set)
    for i, k in enumerate(keys):
        for other in by_text.get(k.text, []):
            out[i].add(other)
        for c in k.concepts:
            bucket = by_concept[c]
            if len(bucket) <= MAX_BLOCK:
                out[i].update(bucket)
            bucket.append(i)
        if not k.concepts and k.words:
            gram = k.words[:2]
            out[i].update(by_words[gram][-MAX_BLOCK:])
            by_words[gram].append(i)
        by_text[k.text].append(i)
    return out


def group(keys: list[QuestionKey], rules: MergeRules, weights: dict[str, float]) -> list[list[int]]:
    """Groups of wordings of one question (indices into ``keys``). The same text is one
    question; other pairs judged the same are joined most alike first, and two groups are
    joined only if no wording of one is kept apart from a wording of the other, so
    ``BN 是什么`` and ``BN 训练和测试的区别`` never meet through a third wording close to both."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_text[k.text].append(i)
    texts = [keys[ids[0]] for ids in by_text.values()]  # one key per text, oldest first
    pairs = []
    for i, earlier in candidates(texts).items():
        for j in earlier:
            if same_question(texts[i], texts[j], rules, weights):
                pairs.append((-score(texts[i], texts[j], weights), j, i))
    group_of = list(range(len(texts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(texts))}
    for _, j, i in sorted(pairs):
        a, b = group_of[j], group_of[i]
        if a == b or any(kept_apart(texts[x], texts[y], rules) for x in members[a] for y in members[b]):
            continue
        a, b = min(a, b), max(a, b)  # the group keeps its oldest member's number
        for m in members.pop(b):
            group_of[m] = a
            members[a].append(m)
    return [[i for t in texts_of for i in by_text[texts[t].text]] for texts_of in members.values()]


def merge(placed: list[Placed], matcher: Matcher, rules: MergeRules | None = None) -> dict[str, list[MergedEntry]]:
    """Topic slug → merged entries, in note order (deterministic)."""
    rules = rules or load_rules()
    items = sorted(placed, key=_age)
    keys = [question_key(p.entry.question, matcher, rules) for p in items]
    weights = feature_weights(keys)
    members = group(keys, rules, weights)
    result: dict[str, list[MergedEntry]] = defaultdict(list)
    for ids in sorted(members, key=min):
        entry = build_entry([items[m] for m in sorted(ids)])
        result[entry.topic].append(entry)
    for topic in result:
        result[topic].sort(key=lambda m: _note_order(m.items[0]))
    return dict(result)


def _note_order(p: Placed) -> tuple[str, int]:
    return (p.entry.note.path, p.entry.lines[0])


def build_entry(group: list[Placed]) -> MergedEntry:
    """One entry for the wordings of one question (``group``, oldest first): the topic most
    members were placed on, the clearest wording as its heading. A tie goes to the oldest
    member's topic, as the entry's id does: a newer note that joins it cannot move it to
    another page (where links to it would no longer land)."""
    votes = Counter(p.topic for p in group)
    top = max(votes.values())
    topic = next(p.topic for p in group if votes[p.topic] == top)
    terms = []
    for p in group:
        terms.extend(t for t in p.terms if t not in terms)
    heading = clearest(group)
    ordered = [heading] + [p for p in group if p is not heading]
    places = []
    for p in group:
        place = asked_at(p.entry)
        if place and place not in places:
            places.append(place)
    return MergedEntry(
        anchor=anchor_for(group[0].entry.question),
        question=heading.entry.question,
        topic=topic,
        items=tuple(ordered),
        terms=tuple(terms),
        companies=tuple(places),
    )


CLEAR_LENGTH = (6, 40)
"""A heading reads best between these many characters."""


def clearest(group: list[Placed]) -> Placed:
    """The wording to show as the heading: answered, phrased as a question, of a readable length."""
    def quality(p: Placed) -> tuple:
        q = p.entry.question.strip()
        low, high = CLEAR_LENGTH
        answered = bool(p.entry.answer.strip()) and not p.entry.unanswered
        return (answered, q.endswith(("？", "?")), low <= len(q) <= high, -abs(len(q) - 20))
    return max(group, key=quality) if len(group) > 1 else group[0]
