"""Stage 6, pdf: print ``site/print/{handbook,cheatsheet}/`` to ``site/downloads/*.pdf``.

Headless Chromium, driven by Playwright, loads the built site over HTTP on 127.0.0.1,
so fonts, KaTeX math and code highlighting come out exactly as on screen. The browser
is ``$HANDBOOK_CHROMIUM``, else ``/usr/bin/chromium``, else Chrome, else Playwright's own.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import HandbookError

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "google-chrome-stable",
              "google-chrome", "chrome")
MARGIN = {"top": "12mm", "bottom": "14mm", "left": "11mm", "right": "11mm"}
FOOTER = (
    '<div style="width:100%;font-size:7pt;color:#666;text-align:center;'
    'font-family:\'Noto Sans CJK SC\',sans-serif;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
RENDER_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Document:
    name: str
    path: str
    """Site-relative URL of the print page."""


DOCUMENTS = (Document("handbook", "print/handbook/"), Document("cheatsheet", "print/cheatsheet/"))


def find_chromium() -> str | None:
    configured = os.environ.get("HANDBOOK_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CANDIDATES:
        found = candidate if Path(candidate).is_file() else shutil.which(candidate)
        if found:
            return found
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/"
        finally:
            httpd.shutdown()


def build_pdfs(site_dir: Path, chromium: str | None = None) -> list[Path]:
    """Print every :data:`DOCUMENTS` page of ``site_dir``; return the PDFs written."""
    from playwright.sync_api import sync_playwright

    site_dir = Path(site_dir)
    for doc in DOCUMENTS:
        if not (site_dir / doc.path / "index.html").is_file():
            raise HandbookError(f"{site_dir}: no {doc.path} page; build the site first")
    executable = chromium or find_chromium()
    out_dir = site_dir / "downloads"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site_dir) as base, sync_playwright() as pw:
        launch = {"args": CHROMIUM_ARGS}
        if executable:
            launch["executable_path"] = executable
        try:
            browser = pw.chromium.launch(**launch)
        except Exception as exc:  # no browser at all: say so in one line
            raise HandbookError(f"cannot start Chromium ({executable or 'playwright default'}): "
                                f"{str(exc).splitlines()[0]}") from exc
        try:
            page = browser.new_page()
            for doc in DOCUMENTS:
                page.goto(base + doc.path, wait_until="load", timeout=RENDER_TIMEOUT_MS)
                page.emulate_media(media="print")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.wait_for_function(  # math.js loads KaTeX only when the page has math
                    "() => document.documentElement.dataset.mathFailed || "
                    "[...document.querySelectorAll('.arithmatex')].every(e => e.dataset.rendered)",
                    timeout=RENDER_TIMEOUT_MS,
                )
                target = out_dir / f"{doc.name}.pdf"
                page.pdf(
                    path=str(target), format="A4", margin=MARGIN, print_background=True,
                    display_header_footer=True, header_template="<div></div>", footer_template=FOOTER,
                    outline=True, tagged=True,
                )
                written.append(target)
        finally:
            browser.close()
    return written
