"""The whole normalizer: determinism, stable permalinks, nothing lost (property test)."""

from __future__ import annotations

import re
import shutil

from conftest import FIXTURE_NOTES, make_note
from handbook.diagnostics import Report
from handbook.parse import parse_note
from handbook.pipeline import run, write_docs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PAGE_Q = re.compile(r"^## .* \{#(q-[0-9a-f]{8})\}$", re.M)


def test_two_runs_are_identical(tmp_path):
    a, b = run(FIXTURE_NOTES), run(FIXTURE_NOTES)
    assert a.site.pages == b.site.pages


def test_adding_a_note_moves_no_other_permalink(tmp_path):
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    before = {m.question: m.anchor for v in run(notes).merged.values() for m in v}
    (notes / "0_new.md").write_text("问：新加的问题？\n答：新答案。\n问：NMS 的流程是什么？\n答：另一种说法。\n",
                                    encoding="utf-8")
    after = {m.question: m.anchor for v in run(notes).merged.values() for m in v}
    for question, anchor in before.items():
        assert after.get(question, anchor) == anchor


def test_write_docs_writes_only_changes_and_removes_stale_pages(tmp_path):
    site = run(FIXTURE_NOTES).site
    docs = tmp_path / "docs"
    assert write_docs(site, docs) > 0
    assert write_docs(site, docs) == 0  # mkdocs serve would otherwise loop
    (docs / "sources" / "gone.md").write_text("old", encoding="utf-8")
    manifest = docs / ".handbook-manifest"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "sources/gone.md\n", encoding="utf-8")
    write_docs(site, docs)
    assert not (docs / "sources" / "gone.md").exists()


def test_deep_nesting_and_long_lines_render(tmp_path):
    (tmp_path / "deep.md").write_text("问：深层列表？\n" + "".join("  " * i + "- 层\n" for i in range(1000)),
                                      encoding="utf-8")
    (tmp_path / "long.md").write_text("问：长行？\n" + "很长的答案" * 200_000 + "\n", encoding="utf-8")
    state = run(tmp_path)
    assert len(state.entries) == 2 and state.site is not None


# -- property: normalize never raises, and every clause of the input is kept ----------

QUESTION = st.sampled_from(["感受野怎么计算？", "BN 的作用", "为什么用 ReLU？", "NMS 代码", "Dropout 的原理"])
ANSWER = st.sampled_from(["增大感受野。", "加速收敛，**注意：**要分训练和测试。", "公式 $a_b$ 和 256*256*3。",
                          "见图 ![x](../missing.png)", "```python\nx = 1\n```", "> 引用一句话"])
LINE = st.one_of(
    st.builds(lambda n, q: f"{n}、{q}", st.integers(1, 12), QUESTION),
    st.builds(lambda n, q: f"({n}) {q}", st.integers(1, 12), QUESTION),
    st.builds(lambda q: f"问：{q}", QUESTION), st.builds(lambda a: f"答：{a}", ANSWER),
    st.builds(lambda q: f"Q: {q}", QUESTION), st.builds(lambda q: f"- {q}", QUESTION),
    st.builds(lambda q: f"\t-- {q}", QUESTION), st.builds(lambda q: f"###{q}", QUESTION),
    st.builds(lambda q: f"**{q}**", QUESTION), ANSWER, st.just(""), st.just("---"), st.just("```"),
    st.builds(lambda a: f"    {a}", ANSWER), st.just("\u200b\t缩进的答案"),
)


def clauses(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>|[*`#>$\-]|!\[[^\]]*\]\([^)]*\)", " ", text)
    parts = re.split(r"[\n。！？!?；;，,：:、（）()\[\]【】]+", text)
    return [re.sub(r"\W", "", p) for p in parts if len(re.sub(r"\W", "", p)) >= 4]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=25))
def test_normalize_never_raises_and_keeps_every_clause(lines):
    text = "\n".join(lines)
    entries = parse_note(make_note(text), Report())
    kept = re.sub(r"\W", "", " ".join(
        e.preface + e.question + " ".join(e.wordings) + e.answer + e.postscript + " ".join(e.context) for e in entries
    ))
    for clause in clauses(text):
        assert clause in kept, clause


def test_files_no_note_uses_get_one_info_line_each(tmp_path):
    notes = tmp_path / "notes"
    (notes / "img").mkdir(parents=True)
    (notes / "bn.md").write_text("## BN 的作用？\n\n![示意](img/bn-diagram.png)\n\n附件：[讲义](slides.pdf)\n",
                                 encoding="utf-8")
    png = (FIXTURE_NOTES / "assets").glob("*.png")
    shutil.copyfile(next(png), notes / "img" / "bn-diagram.png")
    shutil.copyfile(notes / "img" / "bn-diagram.png", notes / "img" / "bn-diagarm.png")  # misspelt copy
    (notes / "slides.pdf").write_bytes(b"%PDF-1.4\n")
    infos = [d for d in run(notes).report.sorted() if "not used by any note" in d.message]
    assert [(d.path, d.line, d.level) for d in infos] == [("img/bn-diagarm.png", 1, "info")]
