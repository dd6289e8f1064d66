"""`make audit`: Lighthouse (mobile) and axe-core on the built site, served on 127.0.0.1.

Installs lighthouse and axe-core from npm into .cache/audit on first use and runs them
with the system Chromium. Prints one line of scores per page; exits 1 when a page misses
the goals (performance ≥ 95, accessibility/best practices/SEO = 100, axe: no serious or
critical violation). Each page is measured five times and the median run reported.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import socketserver
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.pdf import CHROMIUM_ARGS, find_chromium  # noqa: E402

TOOLS = ROOT / ".cache" / "audit"
PAGES = ["", "fundamentals/convolution/"]
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
RUNS = 5  # Lighthouse's variability docs: the median of 5 runs roughly halves the run-to-run spread


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files gzipped like GitHub Pages or any CDN would serve them."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE and path.is_file():
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve(site: Path):
    handler = functools.partial(GzipHandler, directory=str(site))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}/"
        finally:
            httpd.shutdown()


def ensure_tools() -> None:
    if not (TOOLS / "node_modules" / ".bin" / "lighthouse").exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                        "--loglevel=error", "lighthouse@12", "axe-core@4"], check=True)


def lighthouse(url: str, chromium: str) -> dict[str, int]:
    env = dict(os.environ, CHROME_PATH=chromium)
    out = subprocess.run(
        [str(TOOLS / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
        check=True, capture_output=True, text=True, env=env,
    )
    report = json.loads(out.stdout)
    failed = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1
              and a.get("scoreDisplayMode") == "binary"]
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    scores["_failed"] = failed
    # Simulated throttling multiplies this host's CPU time by 4: a slow moment of the host
    # (see Lighthouse's docs/throttling.md) shows here, so it is printed with the scores
    scores["_cpu"] = round(report["environment"]["benchmarkIndex"])
    return scores


def axe(url: str, chromium: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    script = (TOOLS / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(content=script)
        result = page.evaluate("axe.run().then(r => r.violations)")
        browser.close()
    return [f"{v['impact']}: {v['id']} ({len(v['nodes'])})" for v in result if v["impact"] in ("serious", "critical")]


def main() -> int:
    site = ROOT / "site"
    chromium = find_chromium()
    if chromium is None or not (site / "index.html").is_file():
        print("audit: needs a built site/ and Chromium")
        return 1
    ensure_tools()
    ok = True
    with serve(site) as base:
        for path in PAGES:
            runs = [lighthouse(base + path, chromium) for _ in range(RUNS)]
            runs.sort(key=lambda r: r.get("performance", 0))
            scores = runs[len(runs) // 2]  # the median run
            failed = scores.pop("_failed")
            cpu = sorted(r["_cpu"] for r in runs)
            scores.pop("_cpu")
            violations = axe(base + path, chromium)
            good = all(scores.get(k, 0) >= v for k, v in GOALS.items()) and not violations
            ok &= good
            line = " ".join(f"{k}={v}" for k, v in scores.items())
            print(f"{'OK  ' if good else 'MISS'} /{path}: {line} axe-serious={len(violations)} "
                  f"(host CPU benchmark {cpu[0]}–{cpu[-1]})")
            for item in failed + violations:
                print(f"       {item}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
