#!/usr/bin/env python3
"""Pagefind over the same pages, with the hit rule of ../shared/eval/search_eval.py.

usage: pagefind_eval.py SITE_DIR PROBES.tsv [-v]

SITE_DIR is a built handbook site on which Pagefind has been run, for example
``npx pagefind_extended --site SITE_DIR --force-language zh --glob "{fundamentals,vision,
models,ml-engineering,interview}/**/*.html"`` (the topic pages: the pages our search indexes).
Pagefind's JS API is asked in Chromium; its first five section links are checked against the
site's ``search/search_index.json`` exactly as search_eval.py checks Material's results.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import socketserver
import sys
import threading
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import sync_playwright

K = 5
MAX_SECTION = 2000
MAX_QUESTION_MARKS = 3
SEARCH = """async (q) => {
  const found = await window.pagefind.search(q);
  const links = [];
  for (const result of found.results.slice(0, 10)) {
    const data = await result.data();
    for (const sub of data.sub_results) if (!links.includes(sub.url)) links.push(sub.url);
    if (links.length >= 10) break;
  }
  return links;
}"""


def norm(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", html.unescape(re.sub(r"<[^>]+>", "", text))).lower()


def load_probes(path: str) -> list[tuple[str, list[str]]]:
    probes = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, snippets = line.split("\t")
            probes.append((query, [norm(s) for s in snippets.split("|")]))
    return probes


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def rank_of(links: list[str], snippets: list[str], docs: dict[str, dict]) -> int:
    for rank, link in enumerate(links[:K], 1):
        doc = docs.get(unquote(link.lstrip("/")).replace("index.html", ""))
        if not doc:
            continue
        title, body = norm(doc.get("title", "")), norm(doc.get("text", ""))
        one_question = len(body) <= MAX_SECTION and len(re.findall(r"[?？]", body)) <= MAX_QUESTION_MARKS
        if any(s in title or (one_question and s in body) for s in snippets):
            return rank
    return 0


def main() -> None:
    site, probes, verbose = Path(sys.argv[1]), load_probes(sys.argv[2]), "-v" in sys.argv
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hits, reciprocal = 0, 0.0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.evaluate("async () => { window.pagefind = await import('/pagefind/pagefind.js');"
                      " await window.pagefind.init(); }")
        for query, snippets in probes:
            links = page.evaluate(SEARCH, query)
            rank = rank_of(links, snippets, docs)
            if rank:
                hits, reciprocal = hits + 1, reciprocal + 1 / rank
            elif verbose:
                print("MISS", query, links[:3])
        browser.close()
    print(f"hit@{K}: {hits}/{len(probes)} ({100 * hits / len(probes):.0f}%)  MRR {reciprocal / len(probes):.2f}")


if __name__ == "__main__":
    main()
