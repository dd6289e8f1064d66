"""Shared fixtures: small realistic notes, and one site built from them for the browser tests."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from handbook.diagnostics import Report
from handbook.model import Entry, Note
from handbook.parse import parse_note
from handbook.read import make_slug, split_front_matter
from handbook.textfix import clean_debris

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files of the golden tests (review them as a diff)")
FIXTURE_NOTES = FIXTURES / "notes"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def make_note(text: str, path: str = "note.md", title: str = "测试笔记") -> Note:
    meta, body, _ = split_front_matter(clean_debris(text))
    return Note(path=path, title=meta.get("title", title), text=body, slug=make_slug(path))


def entries_of(text: str, report: Report | None = None) -> list[Entry]:
    return parse_note(make_note(text), report or Report())


def questions_of(text: str) -> list[str]:
    return [e.question for e in entries_of(text)]


def chromium_path() -> str | None:
    from handbook.pdf import find_chromium

    return find_chromium()


needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="Chromium not installed")


def add_bad_inputs(notes: Path) -> None:
    """Every kind of bad input next to the good notes: the site must still build."""
    bad = notes / "bad inputs #1 %"
    bad.mkdir()
    (bad / "gb18030.txt").write_bytes("问：GB18030 编码的笔记能读吗？\n答：能，自动识别编码。\n".encode("gb18030"))
    (bad / "big5.txt").write_bytes("問：繁體 Big5 的筆記呢？\n答：也能讀，分類時轉成簡體比對。\n".encode("big5"))
    (bad / "utf16.md").write_bytes("问：UTF-16 带 BOM 呢？\n答：同样可以。\n".encode("utf-16"))
    (bad / "bom.md").write_bytes("\ufeff问：UTF-8 带 BOM 呢？\r\n答：BOM 会被去掉。\r\n".encode())
    (bad / "binary.md").write_bytes(bytes(range(256)))
    (bad / "empty.md").write_text("", encoding="utf-8")
    (bad / "bad_front_matter.md").write_text("---\ntitle: [未闭合\n---\n问：前言坏了还能读吗？\n答：能。\n",
                                             encoding="utf-8")
    (bad / "同名.md").write_text("---\ntitle: 同名笔记\n---\n问：同名笔记一？\n答：一。\n", encoding="utf-8")
    (bad / "同名2.md").write_text("---\ntitle: 同名笔记\n---\n问：同名笔记二？\n答：二。\n", encoding="utf-8")
    (bad / "deep.md").write_text("问：嵌套很深的列表？\n" + "".join("  " * i + f"- 第 {i} 层\n" for i in range(200)),
                                 encoding="utf-8")
    (bad / "xss.md").write_text('问：脚本会被执行吗？\n答：<script>alert(1)</script><a href="javascript:alert(2)" '
                                'onclick="x()">不会</a><img src=x onerror="alert(3)">\n', encoding="utf-8")
    (bad / "loop").symlink_to(bad, target_is_directory=True)


@dataclass
class BuiltSite:
    path: Path
    notes: Path
    mkdocs_warnings: list[str]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The fixture notes built into a complete site (PDFs too when Chromium is present)."""
    from handbook.cli import build_site

    root = tmp_path_factory.mktemp("built")
    notes = root / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    add_bad_inputs(notes)
    site = root / "site"
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build_site(notes, site)
    finally:
        logger.removeHandler(collect)
    if chromium_path() is not None:
        from handbook.pdf import build_pdfs

        build_pdfs(site)
    return BuiltSite(site, notes, collect.messages)


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not installed")
    with playwright.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    from handbook.pdf import serve

    with serve(built_site.path) as base:
        yield base
