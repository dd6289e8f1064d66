"""Pagefind over the same pages, same hit rule as ../shared/eval/search_eval.py (top-5 section links)."""
import sys, json, re, html, functools, http.server, socketserver, threading
from pathlib import Path
from urllib.parse import unquote
from playwright.sync_api import sync_playwright
site = Path(sys.argv[1]); probes_file = sys.argv[2]
def norm(s): return re.sub(r"[\s\u200b]+", "", html.unescape(re.sub(r"<[^>]+>", "", s))).lower()
docs = {d["location"]: d for d in json.loads((site / "search/search_index.json").read_text())["docs"]}
probes = [(l.split("\t")[0], [norm(x) for x in l.split("\t")[1].split("|")]) for l in Path(probes_file).read_text().splitlines() if l.strip() and not l.startswith("#")]
class Q(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Q, directory=str(site)))
threading.Thread(target=httpd.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{httpd.server_address[1]}/"
hits = rr = 0
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    pg = b.new_page(); pg.goto(base)
    pg.evaluate("async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }")
    for q, snips in probes:
        urls = pg.evaluate("""async (q) => { const r = await window.pf.search(q); const out = [];
            for (const x of r.results.slice(0, 10)) { const d = await x.data();
              for (const s of d.sub_results) out.push(s.url); if (out.length >= 10) break; }
            return out; }""", q)
        seen = []
        for u in urls:
            if u not in seen: seen.append(u)
        rank = 0
        for i, u in enumerate(seen[:5], 1):
            loc = unquote(u.lstrip("/")).replace("index.html", "")
            d = docs.get(loc)
            if not d: continue
            t, body = norm(d.get("title", "")), norm(d.get("text", ""))
            one = len(body) <= 2000 and len(re.findall(r"[?？]", body)) <= 3
            if any(s in t or (one and s in body) for s in snips): rank = i; break
        if rank: hits += 1; rr += 1 / rank
        elif "-v" in sys.argv: print("MISS", q, seen[:3])
    b.close()
print(f"hit@5: {hits}/{len(probes)} ({100*hits/len(probes):.0f}%)  MRR {rr/len(probes):.2f}")
