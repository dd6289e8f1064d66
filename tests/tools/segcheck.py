"""Quick segmentation check on parsed entries (no site build): the same scoring as
``../shared/eval/segmentation_eval.py``, applied to the parser's output in-process.

    python tests/tools/segcheck.py NOTES_DIR LABELS.tsv [QUESTIONS.tsv] [-v] [--files a,b]

A row is correct when some entry of its note has the question snippet in its question (or
other wordings), no other labelled snippet of that note in it, the answer snippet in its
answer (or is unanswered for "-"), and a topic among the accepted ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from handbook.classify import classify  # noqa: E402
from handbook.diagnostics import Report  # noqa: E402
from handbook.parse import parse  # noqa: E402
from handbook.read import read_notes  # noqa: E402

ZW = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff\u00ad*_`$#\\]+")


def norm(s: str) -> str:
    s = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else ("" if c == "\u3000" else c) for c in s)
    return ZW.sub("", s).casefold()


def rows(path: str, width: int) -> list[list[str]]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")][:width])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("notes")
    ap.add_argument("labels")
    ap.add_argument("questions", nargs="?")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--files")
    ap.add_argument("--extras", action="store_true", help="list entries that match no editor question")
    a = ap.parse_args()
    report = Report()
    notes = read_notes(Path(a.notes), report)
    placed = classify(parse(notes, report))
    by_note = defaultdict(list)
    for p in placed:
        by_note[Path(p.entry.note.path).name].append(p)
    want = set(a.files.split(",")) if a.files else None
    labels = [r for r in rows(a.labels, 4) if want is None or r[0] in want]
    snippets = defaultdict(set)
    for f, q, _, _ in labels:
        snippets[f].add(norm(q))
    totals = defaultdict(int)
    per_file = defaultdict(lambda: defaultdict(int))
    fails = []
    for f, q, ans, topics in labels:
        qn, an = norm(q), (None if ans == "-" else norm(ans))
        best, best_score, why = None, -1, ""
        for p in by_note.get(f, []):
            e = p.entry
            heading = norm(e.number + e.question) + "|" + "|".join(norm(w) for w in e.wordings)
            if qn not in heading:
                continue
            alone = not any(o != qn and o in heading for o in snippets[f])
            body = norm(e.answer)
            answer = e.unanswered if an is None else an in body
            topic = p.topic in topics.split(",")
            score = alone + answer + topic
            if score > best_score:
                best, best_score = p, score
                why = ",".join(k for k, v in (("alone", alone), ("answer", answer), ("topic", topic)) if not v)
        ok = best is not None and best_score == 3
        pf = per_file[f]
        pf["n"] += 1
        pf["ok"] += ok
        totals["n"] += 1
        totals["ok"] += ok
        if not ok:
            fails.append((f, q, ans, topics, best, why or "own"))
    for f, c in per_file.items():
        print(f"{f}: {c['ok']}/{c['n']}")
    if a.v:
        for f, q, ans, topics, best, why in fails:
            where = ""
            if best is not None:
                e = best.entry
                where = f" -> [{best.topic}] «{e.question[:50]}» A«{e.answer[:50]}»".replace("\n", "⏎")
            else:
                hits = [p.entry for p in by_note.get(f, []) if norm(q) in norm(p.entry.answer)]
                if hits:
                    where = f" -> in answer of «{hits[0].question[:50]}»"
            print(f"FAIL {f} «{q}» ({why}; want {ans[:20]} @{topics}){where}")
    n = totals["n"]
    print(f"segmentation: {totals['ok']}/{n} ({100 * totals['ok'] / max(n, 1):.1f}%)")
    if a.questions:
        qrows = [r for r in rows(a.questions, 3) if want is None or r[0] in want]
        per = defaultdict(list)
        for f, line, q in qrows:
            per[f].append((int(line), q))
        te = tq = tf = 0
        for f, qs in per.items():
            entries = [p.entry for p in by_note.get(f, [])]
            found = 0
            for line, q in qs:
                qn = norm(q)
                if any(qn in norm(e.number + e.question) or any(qn in norm(w) for w in e.wordings) for e in entries):
                    found += 1
                elif a.v:
                    print(f"MISSED {f}:{line} «{q}»")
            if a.extras:
                snips = [norm(q) for _, q in qs]
                for e in entries:
                    head = norm(e.number + e.question) + "|" + "|".join(norm(w) for w in e.wordings)
                    if not any(sn in head for sn in snips):
                        print(f"EXTRA {f}:{e.lines[0]} [{e.rule}] «{e.question[:60]}»")
            te, tq, tf = te + len(entries), tq + len(qs), tf + found
            print(f"{f}: entries {len(entries)} · editor {len(qs)} · ratio {len(entries) / len(qs):.2f} · "
                  f"found {found}/{len(qs)}")
        print(f"over-segmentation: entries {te}/{tq} (ratio {te / max(tq, 1):.2f}) · found {tf}/{tq} "
              f"({100 * tf / max(tq, 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
