"""The folder of every fixture note plus every bad input, built into one site (issue 3)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from handbook.cli import build_site

# The clause rule of ../shared/eval/conservation.py, so `make test` holds the same bar
CUT = re.compile(r"[\n。！？!?；;，,：:、（）()\[\]【】<>《》\"“”'‘’|]+")
MARK = re.compile(r"^\s*(?:#+|>+|[-*+]+|--+|\d+(?:\.\d+)*[.、)）]|[(（]\d+[)）]|[一二三四五六七八九十]+、"
                  r"|[QA][:：]|问[:：]|答[:：]|问题\s*\d*\s*[:：])\s*")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("×", "x").replace("*", "x")
    return "".join(ch for ch in text if ch.isalnum())


def clauses(text: str):
    text = re.sub(r"<[^>]+>", " ", text)
    text = "\n".join(MARK.sub("", line) for line in text.splitlines())
    for part in CUT.split(text):
        if len(norm(part)) >= 4:
            yield part.strip(), norm(part)


def topic_text(site: Path) -> str:
    chunks = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).parts
        if rel[0] in ("assets", "search", "sources", "print"):
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find("article")
        if article is not None:
            chunks.append(norm(article.get_text(" ")))
            chunks += [norm(t.get(k, "")) for t in article.find_all(["a", "img"]) for k in ("href", "src", "alt")]
    return "\n".join(chunks)


def readable_notes(notes: Path):
    for path in sorted(p for p in notes.rglob("*") if p.is_file() and not p.is_symlink()):
        raw = path.read_bytes()
        if not raw.strip() or b"\x00" in raw[:64] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue  # binary and empty files are reported, not published
        for enc in ("utf-8-sig", "utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030"):
            try:
                yield path, raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue


def test_every_clause_of_every_fixture_reaches_a_topic_page(built_site):
    hay = topic_text(built_site.path)
    total, lost = 0, []
    for path, text in readable_notes(built_site.notes):
        if path.name == "big5.txt":
            text = path.read_bytes().decode("big5")
        for raw, clause in clauses(text):
            total += 1
            if clause not in hay:
                lost.append(f"{path.name}: {raw}")
    assert total > 300
    # The one clause no page can hold contains **bold** markup, which this metric counts as
    # letters (it folds * to x before dropping punctuation).
    assert lost == ["typora_outline.md: **这里的 a_b 和 x"]
    assert 1 - len(lost) / total >= 0.995


def test_bad_inputs_are_reported_and_the_rest_is_published(built_site):
    hay = topic_text(built_site.path)
    for question in ("GB18030编码的笔记能读吗", "繁體big5的筆記呢", "utf16带bom呢", "前言坏了还能读吗", "同名笔记二"):
        assert norm(question) in hay, question
    page = (built_site.path / "sources").rglob("*.html")
    assert not any("<script>alert" in p.read_text(encoding="utf-8") for p in page)


def test_no_script_or_handler_from_notes_reaches_any_page(built_site):
    for page in built_site.path.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], page
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], (page, element)
            for attribute in ("href", "src"):
                assert not str(element.get(attribute, "")).strip().lower().startswith("javascript:"), page


def test_two_builds_are_byte_identical(built_site, tmp_path):
    again = tmp_path / "site"
    build_site(built_site.notes, again)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and not p.name.startswith("sitemap") and p.suffix != ".pdf"}

    first, second = files(built_site.path), files(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
