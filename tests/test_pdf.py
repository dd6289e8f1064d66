"""pdf: both PDFs exist, embed their fonts, hold every topic, and the cheat sheet is short."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import needs_chromium
from handbook.taxonomy import load_taxonomy

pytestmark = [
    needs_chromium,
    pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed"),
]


def pdf(built_site, name: str):
    path = built_site.path / "downloads" / f"{name}.pdf"
    assert path.is_file()
    return path


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("name", ["handbook", "cheatsheet"])
def test_every_font_is_embedded(built_site, name):
    rows = run("pdffonts", str(pdf(built_site, name))).splitlines()[2:]
    assert rows, "no fonts at all?"
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column


@pytest.mark.parametrize("name", ["handbook", "cheatsheet"])
def test_text_layer_has_topics_and_questions_and_no_raw_tex(built_site, name):
    text = run("pdftotext", "-layout", str(pdf(built_site, name)), "-")
    flat = "".join(text.split())
    for topic in load_taxonomy().topics:
        if name == "handbook" or topic.slug in ("convolution", "detection"):
            assert "".join(topic.title.split()) in flat, topic.title
    for question in ("非极大值抑制是怎么做的？", "感受野怎么算？", "手写反转链表"):
        assert question in flat
    if name == "handbook":  # the full handbook keeps every wording of a merged entry
        assert "其他问法：NMS的流程是什么？" in flat and "其他问法：感受野怎么计算？" in flat
    for raw in ("$$", "\\frac", "\\(", "\\["):
        assert raw not in text


def test_cheat_sheet_is_at_most_40_percent_of_the_handbook(built_site):
    from pypdf import PdfReader

    handbook = len(PdfReader(pdf(built_site, "handbook")).pages)
    cheatsheet = len(PdfReader(pdf(built_site, "cheatsheet")).pages)
    assert cheatsheet <= 0.4 * handbook, (cheatsheet, handbook)


def test_bookmarks_per_topic(built_site):
    from pypdf import PdfReader

    def titles(outline):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    found = set(titles(PdfReader(pdf(built_site, "cheatsheet")).outline))
    assert {"卷积", "目标检测"} <= found



def test_rendered_pages_have_ink(built_site, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    for name in ("handbook", "cheatsheet"):
        prefix = tmp_path / name
        subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "3", str(pdf(built_site, name)),
                        str(prefix)], check=True)
        for image in sorted(tmp_path.glob(f"{name}-*.pgm")):
            data = image.read_bytes()
            pixels = data[data.index(b"255\n") + 4:]
            dark = sum(1 for b in pixels if b < 128)
            assert dark > len(pixels) * 0.002, f"{image.name} looks blank"


def test_chinese_is_set_in_a_simplified_chinese_face(site_url, browser):
    """Type 3 fonts in the PDF carry no names, so ask Chromium which face it used."""
    page = browser.new_page()
    page.goto(site_url + "print/cheatsheet/")
    page.emulate_media(media="print")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".hb-cs-q"})["nodeId"]
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    page.close()
    assert any("CJK SC" in f or f.endswith(" SC") for f in fonts), fonts
    assert not any("JP" in f for f in fonts), fonts


def test_printing_any_page_hides_navigation(site_url, browser):
    page = browser.new_page()
    page.goto(site_url + "vision/detection/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article .hb-qa").first.is_visible()
    page.close()
