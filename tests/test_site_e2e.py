"""End to end, in real Chromium: the site built from the fixture notes, served on 127.0.0.1."""

from __future__ import annotations

import html
import re

import pytest
from conftest import needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]

COLOUR_TOGGLE = "[data-hb-palette] button:visible"  # the one button showing the current colour option

NOTE_NUMBER = re.compile(r"^[(（]?\d+[.、)）]?\s+")
"""A heading starts with the note's own number (``(1) 感受野…``), kept for finding it in the note."""


def test_mkdocs_build_has_no_warnings(built_site):
    assert built_site.mkdocs_warnings == []


def pages(built_site) -> list[str]:
    out = []
    for index in sorted(built_site.path.rglob("index.html")):
        rel = index.parent.relative_to(built_site.path).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out


def test_every_page_loads_without_console_errors_or_failed_requests(built_site, site_url, browser):
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    for path in pages(built_site):
        problems_before = len(problems)
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("[...document.querySelectorAll('.arithmatex')].every(e => e.dataset.rendered)")
        if page.locator(".katex-error").count():
            problems.append(f"127.0.0.1 KaTeX error on /{path}: {page.locator('.katex-error').first.inner_text()}")
        # remote images of notes are allowed to fail offline; the site's own assets are not
        problems[problems_before:] = [p for p in problems[problems_before:] if "127.0.0.1" in p]
    page.close()
    assert problems == []


def test_no_request_leaves_the_site(built_site, site_url, browser):
    page = browser.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: not r.url.startswith(site_url) and foreign.append(r.url))
    page.goto(site_url + "fundamentals/convolution/")
    page.wait_for_load_state("networkidle")
    page.close()
    # the only foreign requests allowed are images that notes themselves link to
    assert [u for u in foreign if not u.startswith("https://img.example.com/")] == []


def render_every_entry(page) -> None:
    """Entries far below the fold are skipped by `content-visibility: auto` until scrolled to,
    and innerText leaves skipped content out; show them all, as a reader scrolling down would."""
    page.add_style_tag(content=".hb-qa { content-visibility: visible !important; }")


def test_math_is_rendered_by_katex(site_url, browser):
    page = browser.new_page()
    page.goto(site_url + "fundamentals/convolution/")
    page.wait_for_function("document.querySelectorAll('.arithmatex .katex').length >= 2")
    assert page.locator(".katex-error").count() == 0
    render_every_entry(page)
    text = page.locator("article").inner_text()
    assert "\\frac" not in text and "\\(" not in text
    page.close()


def test_text_renders_as_written(site_url, browser):
    page = browser.new_page()
    page.goto(site_url + "fundamentals/convolution/")
    render_every_entry(page)
    text = page.locator("article").inner_text()
    for literal in ("256*256*3", "a_b", "x < y", "单独的 $ 号"):
        assert literal in text
    assert re.search(r"箭头写成\s*→", text)  # \rightarrow typed outside a formula, shown by KaTeX as the arrow
    assert page.locator("strong", has_text="注意：").count() == 1
    page.close()


def test_dark_mode_toggle(site_url, browser):
    page = browser.new_page(color_scheme="light")
    page.goto(site_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    first = page.evaluate(scheme)
    page.locator(COLOUR_TOGGLE).first.click()
    page.wait_for_timeout(200)
    second = page.evaluate(scheme)
    page.locator(COLOUR_TOGGLE).first.click()
    page.wait_for_timeout(200)
    assert {first, second, page.evaluate(scheme)} >= {"default", "slate"}
    page.close()


def test_colour_choice_survives_a_reload(site_url, browser):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(site_url)
    page.locator(COLOUR_TOGGLE).click()  # auto → light
    page.locator(COLOUR_TOGGLE).click()  # light → dark
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.locator(COLOUR_TOGGLE).count() == 1
    context.close()


def test_system_dark_mode_applies_before_any_of_materials_js(site_url, browser):
    """Our inline script, not Material's bundle, picks the scheme: no flash of white at night."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    page.goto(site_url)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()


def test_material_bundle_is_deferred(built_site):
    text = (built_site.path / "index.html").read_text(encoding="utf-8")
    tag = re.search(r"<script[^>]*bundle\.[0-9a-f]+\.min\.js[^>]*>", text)
    assert tag is not None and " defer" in tag.group(0)


def test_no_inline_script_between_the_header_and_the_text(built_site):
    """The parser may yield after an inline script: one there makes the first paint show the
    header alone, and the text follows after one long layout (measured: 10 loads in 15)."""
    html = (built_site.path / "index.html").read_text(encoding="utf-8")
    between = html[html.index("<header"):html.index("<article")]
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", between) is None


def test_materials_start_up_does_not_restyle_the_whole_page(site_url, browser):
    """The bundle resolves every relative href (a stylesheet <link> then swaps its sheet) and
    adds focus-visible's class to <html>: both restyle every element unless done before."""
    page = browser.new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
    # Deferred scripts run after readyState becomes "interactive": record the state before them
    page.add_init_script("document.addEventListener('readystatechange', () => {"
                         " if (document.readyState !== 'interactive') return;"
                         " window.__sheets = [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.sheet);"
                         " window.__class = document.documentElement.className; }, {once: true})")
    page.goto(site_url, wait_until="networkidle")
    page.wait_for_function("window.component$ !== undefined")  # Material has started
    assert page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')]"
                         ".every((l, i) => l.sheet === window.__sheets[i])"), "a stylesheet was swapped"
    assert page.evaluate("document.documentElement.className === window.__class")
    assert page.evaluate("document.documentElement.classList.contains('js-focus-visible')")
    page.close()


def test_page_load_does_not_shift_the_layout(built_site, site_url, browser):
    """The home page and every topic page (whose entries are laid out lazily) appear in place.
    Pages with math are left out: KaTeX typesets after load and the text around it moves."""
    topics = sorted(p.parent.relative_to(built_site.path).as_posix() + "/" for p in built_site.path.glob("*/*/index.html")
                    if 'class="hb-qa"' in (html := p.read_text(encoding="utf-8")) and "arithmatex" not in html)
    assert topics
    shifted = {}
    for path in ["", *topics]:
        page = browser.new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
        page.add_init_script("window.__shift = []; new PerformanceObserver(list => { for (const e of list.getEntries())"
                             " window.__shift.push([e.value, e.sources.map(s => s.node && s.node.nodeName + '.'"
                             " + s.node.className)]) }).observe({type: 'layout-shift', buffered: true})")
        page.goto(site_url + path, wait_until="networkidle")
        page.wait_for_timeout(300)
        if shifts := page.evaluate("window.__shift"):
            shifted["/" + path] = shifts
        page.close()
    assert not shifted


@pytest.mark.parametrize("which", ["middle", "last"])
def test_permalink_deep_in_the_longest_page(which, built_site, site_url, browser):
    """Entries above it are laid out lazily (content-visibility): the jump must still land on it."""
    topic_pages = [p for p in built_site.path.glob("*/*/index.html")
                   if p.parent.parent.name not in ("sources", "print") and 'class="hb-qa"' in p.read_text("utf-8")]
    longest = max(topic_pages, key=lambda p: p.stat().st_size)
    anchors = re.findall(r'<h2 id="(q-[0-9a-f]{8})"', longest.read_text(encoding="utf-8"))
    anchor = anchors[-1] if which == "last" else anchors[len(anchors) * 2 // 3]
    path = longest.parent.relative_to(built_site.path).as_posix()
    page = browser.new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
    page.goto(f"{site_url}{path}/#{anchor}", wait_until="networkidle")
    page.wait_for_timeout(500)
    box = page.locator(f"#{anchor}").bounding_box()
    at_bottom = page.evaluate("scrollY + innerHeight >= document.documentElement.scrollHeight - 2")
    assert box is not None and 0 <= box["y"] < 823 - box["height"]  # on screen …
    assert box["y"] < 120 or at_bottom  # … at the top, unless the page ends first
    page.close()


def test_question_permalink_scrolls_to_the_question(built_site, site_url, browser):
    anchor = anchor_of(built_site, "vision/metrics/", "mAP 怎么计算")
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(f"{site_url}vision/metrics/#{anchor}")
    page.wait_for_timeout(300)
    box = page.locator(f"#{anchor}").bounding_box()
    assert box is not None and 0 <= box["y"] < 350
    page.close()


def anchor_of(built_site, page_part: str, heading: str) -> str:
    """The id of the question heading whose text (without the note's numbering) starts with ``heading``."""
    text = (built_site.path / page_part / "index.html").read_text(encoding="utf-8")
    for m in re.finditer(r'<h2 id="(q-[0-9a-f]{8})"[^>]*>(.*?)</h2>', text, re.S):
        shown = NOTE_NUMBER.sub("", html.unescape(re.sub(r'<[^>]+>', "", m.group(2))).strip())
        if html.unescape(shown).strip().startswith(heading):
            return m.group(1)
    raise AssertionError(f"no question {heading!r} on {page_part}")


def search(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=5)
    page.wait_for_function(
        "() => /\\d|没有/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))")[:5]


@pytest.mark.parametrize("query, page_part, heading", [
    ("感受野", "fundamentals/convolution/", "感受野怎么算"),
    ("非极大值抑制", "vision/detection/", "非极大值抑制是怎么做的"),  # an alias from the glossary
    ("non-maximum suppression", "vision/detection/", "非极大值抑制是怎么做的"),
    ("focal loss", "vision/detection/", "Focal Loss 解决了什么问题"),
    ("RoI Align", "vision/detection/", "RoI Align 和 RoI Pooling 的区别"),
    ("1x1卷积", "fundamentals/convolution/", "1 * 1 卷积的作用"),
    ("空洞", "fundamentals/convolution/", "空洞卷积如何实现"),  # a part of a compound still finds it
    ("直方图均衡", "vision/image-processing/", "直方图均衡化有什么作用"),
    ("反转链表", "ml-engineering/coding/", "手写反转链表"),
    # spelt another way, mistyped, or in the other script: still the question
    ("yolo v3 anchor", "vision/detection/", "YOLOv3 的 anchor 是怎么得到的"),
    ("focall loss", "vision/detection/", "Focal Loss 解决了什么问题"),
    ("梯度暴炸", "fundamentals/gradients/", "梯度爆炸怎么解决"),
    ("残差网络 更深", "models/backbones/", "殘差網路為什麼能訓練得更深"),
])
def test_search_lands_on_the_question(built_site, site_url, browser, query, page_part, heading):
    anchor = anchor_of(built_site, page_part, heading)
    page = browser.new_page()
    hrefs = search(page, site_url, query)
    page.close()
    assert any(h.endswith(f"{page_part}#{anchor}") for h in hrefs), hrefs


def test_a_result_previews_the_first_sentence_of_its_answer(site_url, browser):
    page = browser.new_page()
    search(page, site_url, "感受野")
    first = page.locator(".md-search-result__list a.md-search-result__link").first
    assert "感受野怎么算" in first.locator("h1").inner_text().replace("\u200b", "")
    # the note's answer, not the source line or the keyword list Material would show
    assert first.locator("article > p").inner_text().startswith("从输出往回推：每层的感受野")
    page.close()


def test_search_ui_speaks_chinese(site_url, browser):
    page = browser.new_page()
    page.goto(site_url)
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索"
    assert page.evaluate("document.documentElement.lang") == "zh"
    page.close()


def test_phone_layout_has_no_horizontal_scroll(site_url, browser):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(site_url + "vision/detection/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.close()


def test_a_merged_entrys_old_member_id_scrolls_to_it(site_url, browser):
    from handbook.merge import anchor_for

    page = browser.new_page()
    old_id = anchor_for("感受野怎么算？")  # one member's own id, not the entry's: it still lands on the entry
    page.goto(site_url + f"fundamentals/convolution/#{old_id}")
    page.wait_for_load_state("networkidle")
    assert page.locator(f"#{old_id}").count() == 1
    # the entry the member id belongs to: the last question heading before it
    heading = page.locator(f"#{old_id}").evaluate("""el => {
        const hs = [...document.querySelectorAll("article h2")].filter(
            h => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        const h = hs[hs.length - 1], r = h.getBoundingClientRect();
        return {text: h.textContent, top: r.top, height: innerHeight, scrolled: scrollY};
    }""")
    assert "感受野" in heading["text"]
    assert heading["scrolled"] > 0 and -5 < heading["top"] < heading["height"]  # scrolled to, and in view
    assert "被问 2 次" in page.locator("article").inner_text()
    page.close()


@pytest.mark.parametrize("path, text", [
    ("review/hot/", "被问 2 次"), ("review/companies/", "字节跳动"), ("review/todo/", "原文第"),
])
def test_review_pages_link_their_entries(site_url, browser, path, text):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert text in page.locator("article").inner_text() and errors == []
    href = page.locator("article a[href*='#q-']").first.get_attribute("href")
    assert href and "/#q-" in href
    page.close()
