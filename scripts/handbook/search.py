"""Search tuning: teach jieba the field's vocabulary before Material indexes pages.

Material's search plugin segments Chinese with jieba at build time, and the browser
segments a query greedily against the index's own tokens. Short field words jieba
does not know (``感受野``, ``反卷积``, ``过拟合``) would be cut into pieces that also
match unrelated text, so glossary words of at most :data:`MAX_GLUED` characters are
added to jieba. Longer compounds (``深度可分离卷积``, ``直方图均衡化``) are left to
jieba's own cut into parts: glued, they would be unsearchable by their parts, and a
query for the whole is segmented into the same parts anyway. Measured on the shared
probes: no dictionary 28/30, every glossary word 29/30, words ≤ 5 characters 30/30.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt

from .model import MergedEntry
from .taxonomy import MIN_HAN_QUERY_WORD, load_glossary, load_query_words
from .textfix import to_simplified

CJK = re.compile(r"[\u4e00-\u9fff]")
WORD_FREQ = 2000
MAX_GLUED = 5
MIN_COMPOUND = 4
"""Shorter words are glued whole even when they end in another field word (``反卷积``)."""


@cache
def user_words() -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    known = jieba.dt.FREQ
    forms = {form for term in load_glossary() for form in term.forms if CJK.search(form) and " " not in form}
    vocabulary = forms | {w for w, freq in known.items() if freq}
    words = {form for form in forms if 2 <= len(form) <= MAX_GLUED and not is_compound(form, vocabulary)}
    return sorted(words)


def is_compound(form: str, vocabulary: set[str] | dict) -> bool:
    """``可分离卷积`` = ``可分离`` + ``卷积``: a word that is a modifier of two characters or more
    before a word jieba or the glossary knows stays in its parts, so a search for ``卷积`` still
    finds it (``反卷积``, ``感受野`` are glued whole)."""
    if len(form) < MIN_COMPOUND:
        return False
    return any(form[k:] in vocabulary for k in range(2, len(form) - 1))


@cache
def prepare_segmenter() -> int:
    """Add glossary words to jieba (once per process); return how many were added."""
    import jieba

    jieba.setLogLevel(60)
    words = user_words()
    for word in words:
        jieba.add_word(word, freq=WORD_FREQ)
    return len(words)


FALLBACK_JS = Path(__file__).parent / "theme" / "assets" / "javascripts" / "search-fallback.js"


@dataclass(frozen=True)
class ScriptPatch:
    """A change to one of Material's minified scripts, found by a pattern of its code."""

    why: str
    script: str
    """A glob under ``assets/javascripts`` of the built site."""
    pattern: re.Pattern[str]
    replacement: Callable[[re.Match[str]], str]


WORKER = "workers/search.*.min.js"
BUNDLE = "bundle.*.min.js"


SCRIPT_PATCHES = (
    # Material 9.x segments a Chinese query greedily against the index vocabulary, but its
    # inner loop stops one character short (`j < query.length`; upstream marks the function
    # "@todo fix"), so the last word of a query is never looked up whole: "直方图均衡" loses "均衡".
    ScriptPatch(
        "the last word of a Chinese query is looked up whole",
        WORKER,
        re.compile(r"for\(let (\w)=(\w)\+1;\1<(\w)\.length;\1\+\+\)\3\.slice\(\2,\1\)in"),
        lambda m: f"for(let {m[1]}={m[2]}+1;{m[1]}<={m[3]}.length;{m[1]}++){m[3]}.slice({m[2]},{m[1]})in",
    ),
    # Material groups results by page and puts the page first: the first link of every result
    # was the topic page ("卷积"), the question second (MRR about 0.5). Grouped by section, each
    # question is a result of its own, its heading the first link.
    ScriptPatch(
        "each question is a result of its own",
        WORKER,
        re.compile(r"let (\w)=(\w)\.parent\?\2\.parent\.location:\2\.location;"),
        lambda m: f"let {m[1]}={m[2]}.location;",
    ),
    # The worker's search becomes `_mdSearch`; the new `search` respells the query and widens
    # it when it finds (almost) nothing (search-fallback.js, prepended to the worker).
    ScriptPatch(
        "a query that finds nothing falls back to close words",
        WORKER,
        re.compile(r"\}search\((\w)\)\{(?=if\(\1=\1\.replace\(new RegExp\(\"\\\\p\{sc=Han\})"),
        lambda m: f"}}search({m[1]}){{return self.hbSearch(this,{m[1]})}}_mdSearch({m[1]}){{",
    ),
    # Each word of a Chinese query became a prefix (`卷积*`): every longer word it begins
    # (卷积核, 卷积层, 卷积神经网络) then scores as one more match, and a question that merely
    # says 卷积 three ways outranks the one about 空洞卷积. Words are matched whole; only the
    # query's last word, still being typed, stays a prefix (hbSearch adds the `*`).
    ScriptPatch(
        "the words of a Chinese query are matched whole",
        WORKER,
        re.compile(r'(\[\.\.\.\w{1,3}\(\w,this\.index\.invertedIndex\)\]\.join\(")\* "\)'),
        lambda m: f'{m[1]} ")',
    ),
    # The result list shows a page's text only under a result that is the page itself; a
    # question is a result of its own, so its preview (hbSearch cuts it to the answer's first
    # sentence) is shown whenever it is the only hit of its group.
    ScriptPatch(
        "a result shows the first sentence of its answer",
        BUNDLE,
        re.compile(r"(\w{1,3})\((\w),2\|\+\(!(\w)&&(\w)===0\)\)"),
        lambda m: f"{m[1]}({m[2]},2|+({m[3]}<=0&&{m[4]}===0))",
    ),
)
FALLBACK_HOOK = SCRIPT_PATCHES[2]


def patch_search_scripts(site_dir, synonyms: list | None = None, simplified: dict | None = None) -> list[str]:
    """Apply :data:`SCRIPT_PATCHES` to Material's scripts in ``site_dir``, with the
    :func:`synonym_table` and :func:`simplified_map` for the fallback; return the reasons of
    those whose code was not found (Material changed), which are left out. No search
    worker: nothing to patch."""
    def js(value) -> str:
        return json.dumps(value or {}, ensure_ascii=False, separators=(",", ":"))

    prelude = f"self.HB_SYNONYMS={js(synonyms or [])};self.HB_T2S={js(simplified)};\n"
    scripts = Path(site_dir, "assets", "javascripts")
    if not any(scripts.glob(WORKER)):
        return []
    missing = []
    for patch in SCRIPT_PATCHES:
        found = False
        for script in sorted(scripts.glob(patch.script)):
            code, n = patch.pattern.subn(patch.replacement, script.read_text(encoding="utf-8"))
            if n:
                found = True
                if patch is FALLBACK_HOOK:
                    code = prelude + FALLBACK_JS.read_text(encoding="utf-8") + "\n" + code
                script.write_text(code, encoding="utf-8")
        if not found:
            missing.append(patch.why)
    return missing


MAX_EXPANSIONS = 2
"""Words a synonym adds to a query: the forms the index's question titles use most."""
MIN_LATIN_FORM = 2
ZERO_WIDTH = "\u200b"  # Material's search plugin puts one between jieba's words
TAG = re.compile(r"<[^>]+>")


def normalize_form(form: str) -> str:
    """How the worker sees a query: full-width folded (NFKC), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", form).casefold().split())


def _occurrences(form: str, titles: str) -> int:
    if CJK.search(form):
        return titles.replace(" ", "").count(form.replace(" ", ""))
    return len(re.findall(rf"(?<![a-z0-9]){re.escape(form)}(?![a-z0-9])", titles))


def synonym_table(docs: list[dict]) -> list[list[list[str]]]:
    """``[[forms], [words to add]]`` per glossary concept and everyday question word
    (data/query_words.yaml) that the question titles of the index use.

    A query holding one form (``批标准化``, ``cross entropy``, ``why``) gets the concept's
    forms the titles use most (``BN``, ``交叉熵``, ``为什么``): a title match outranks the
    alias line that every question of a concept shares."""
    titles = "\n".join(normalize_form(TAG.sub("", doc.get("title", "")).replace(ZERO_WIDTH, "")) for doc in docs)
    groups = [term.forms for term in load_glossary()] + list(load_query_words())
    table = []
    for forms in groups:
        keys = list(dict.fromkeys(normalize_form(f) for f in forms))
        keys = [k for k in keys if len(k) >= (MIN_HAN_QUERY_WORD if CJK.search(k) else MIN_LATIN_FORM)]
        counted = sorted(((_occurrences(k, titles), k) for k in keys), key=lambda c: -c[0])
        used = [k for n, k in counted if n][:MAX_EXPANSIONS]
        if used:
            table.append([keys, used])
    return table


HAN_CHARS = range(0x4E00, 0xA000)


def simplified_map(docs: list[dict]) -> dict[str, str]:
    """Traditional character → Simplified one, for the characters whose Simplified form the
    index holds: a query typed in 繁體 is searched in Simplified (the index holds a Simplified
    copy of every Traditional question too, see :func:`with_simplified_copy`)."""
    present = {ch for doc in docs for ch in doc.get("title", "") + doc.get("text", "") if CJK.match(ch)}
    out = {}
    for cp in HAN_CHARS:
        ch = chr(cp)
        simple = to_simplified(ch)
        if simple != ch and simple in present:
            out[ch] = simple
    return out


def with_simplified_copy(doc: dict) -> dict:
    """A question written in 繁體 is found by a query in Simplified: its title in Simplified
    joins its text (indexed, never shown: the preview is written apart)."""
    title = doc.get("title", "")
    simple = to_simplified(title)
    return doc if simple == title else {**doc, "text": f"{doc.get('text', '')} <p>{simple}</p>"}


def tune_search(site_dir, topic_pages: set[str], previews: dict[str, str] | None = None,
                keywords: dict[str, str] | None = None) -> list[str]:
    """Everything the handbook changes in Material's search after a build (``previews``:
    question anchor → :func:`answer_preview`; ``keywords``: → :func:`search_keywords`); return
    the script patches left out because Material's code moved."""
    compact_search_index(site_dir, topic_pages, previews, keywords)
    path = Path(site_dir, "search", "search_index.json")
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"] if path.is_file() else []
    questions = [d for d in docs if QUESTION_SECTION.search(d["location"])]
    return patch_search_scripts(site_dir, synonym_table(questions), simplified_map(docs))


QUESTION_SECTION = re.compile(r"#q-[0-9a-f]{8}$")
PREVIEW_CHARS = 120
SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?=\s|$)")
UNANSWERED = "待补充"


def answer_preview(entry: MergedEntry) -> str:
    """What a search result shows under the question: the first sentence of its first
    answer as plain text (HTML-escaped), or 待补充. Material would show the section's
    matching blocks, which for most queries are the source line or the keyword list."""
    answers = (p.entry.answer for p in entry.items if not p.entry.unanswered)
    text = next((t for t in map(_first_text, answers) if t), "")
    return html.escape(_first_sentence(text), quote=False) if text else UNANSWERED


def search_keywords(entry: MergedEntry) -> str:
    """Every glossary form of the concepts a question names (``DW卷积 depthwise convolution …``):
    searched, not shown. On the page they would be words of this entry that other questions
    use as their own wording."""
    forms: list[str] = []
    for term in entry.terms:
        forms.extend(form for form in term.forms if form not in forms)
    return " ".join(forms)


def _first_text(markdown: str) -> str:
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            words = [c.content if c.type in ("text", "code_inline") else " " for c in token.children or []
                     if c.type in ("text", "code_inline", "softbreak", "hardbreak")]
            if text := " ".join("".join(words).split()):
                return text
        elif token.type in ("fence", "code_block"):
            return next((line.strip() for line in token.content.splitlines() if line.strip()), "")
    return ""


def _first_sentence(text: str) -> str:
    end = SENTENCE_END.search(text)
    cut = end.end() if end else len(text)
    return text[:cut] if cut <= PREVIEW_CHARS else text[:PREVIEW_CHARS].rstrip() + "…"


def questions_only(docs: list[dict], topic_pages: set[str], previews: dict[str, str] | None = None,
                   keywords: dict[str, str] | None = None) -> list[dict]:
    """On topic pages, a search document per question: the page itself is emptied (it would be
    the first hit for any word of its title), and an answer's own sub-headings (``### 公式``)
    are folded into their question's document.

    The emptied page document stays: the worker files a page's first document under the
    page's bare address and makes it the parent of the rest, so without it the first
    question of every page could never be found."""
    out: list[dict] = []
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if page not in topic_pages:
            out.append(doc)
        elif not anchor:
            out.append({"location": doc["location"], "title": "", "text": ""})
        elif QUESTION_SECTION.search(doc["location"]) or not out or not out[-1]["location"].startswith(page + "#"):
            preview = (previews or {}).get(anchor)
            doc = with_simplified_copy(doc)
            if words := (keywords or {}).get(anchor):
                doc = {**doc, "text": f"{doc.get('text', '')} {words}".strip()}
            out.append({**doc, "preview": preview} if preview else doc)
        else:
            out[-1] = {**out[-1], "text": f"{out[-1]['text']} {doc.get('title', '')} {doc.get('text', '')}".strip()}
    return out


def compact_search_index(site_dir, topic_pages: set[str] | None = None,
                         previews: dict[str, str] | None = None, keywords: dict[str, str] | None = None) -> int:
    """Rewrite Material's ``search/search_index.json`` as plain UTF-8; return bytes saved.

    The plugin writes ASCII-escaped JSON: each CJK character and each zero-width space it puts
    between words costs six bytes (``\\u200b``). Phones fetch and parse this file on the main
    thread at start-up, so half the bytes is less parse time as well as less transfer.
    """
    path = Path(site_dir, "search", "search_index.json")
    if not path.is_file():
        return 0
    raw = path.read_bytes()
    index = json.loads(raw)
    if topic_pages:
        index["docs"] = questions_only(index["docs"], topic_pages, previews, keywords)
    compact = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(compact)
    return len(raw) - len(compact)
