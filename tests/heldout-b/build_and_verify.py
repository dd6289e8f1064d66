"""Generate labels.tsv / questions.tsv from spec.py, then verify them against the notes."""

import os
import re
import sys
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from spec import SPEC, START  # noqa: E402  (spec.py sits beside this script)

SLUGS = set(
    ["nn-basics", "activation", "loss", "optimization", "regularization", "normalization", "gradients", "training", "cnn", "classic-nets", "lightweight", "transformer", "detection", "segmentation", "generative", "metrics", "classic-cv", "video", "face-ocr", "data-augmentation", "frameworks-tools", "coding", "ml-basics"]
)
NOTES = os.path.join(HERE, "notes")
# The labels were written with a draft list of topic names; the handbook's taxonomy
# (scripts/handbook/data/taxonomy.yaml) names them differently. Each draft name maps to
# every handbook topic that covers it, so the check accepts any of them.
TO_TAXONOMY = {
    "cnn": "convolution,pooling",
    "classic-nets": "backbones",
    "transformer": "sequence-attention,backbones",
    "generative": "gan",
    "classic-cv": "image-processing",
    "ml-basics": "classic-ml",
    "lightweight": "lightweight,compression-deployment",
    "video": "detection,backbones,image-processing",
    "face-ocr": "detection,sequence-attention,loss",
    "data-augmentation": "training",
}


def to_taxonomy(topics):
    out = []
    for t in topics.split(","):
        for slug in TO_TAXONOMY.get(t, t).split(","):
            if slug not in out:
                out.append(slug)
    return ",".join(out)


errs = []


def build():
    lab = ["# file\tquestion_snippet\tanswer_snippet\ttopics"]
    qs = ["# file\tline\tquestion_snippet"]
    for fn in sorted(SPEC):
        lines = Path(NOTES, fn).read_text(encoding="utf-8").split("\n")
        prev = 0
        if fn in START:
            prev = lines.index(START[fn]) + 1
        for q, a, t in SPEC[fn]:
            ln = next((i + 1 for i in range(prev, len(lines)) if q in lines[i]), None)
            if ln is None:
                errs.append(f"{fn}: question not found after line {prev}: {q}")
                continue
            prev = ln  # next question must start on a later line
            lab.append(f"{fn}\t{q}\t{a}\t{to_taxonomy(t)}")
            qs.append(f"{fn}\t{ln}\t{q}")
    Path(HERE, "labels.tsv").write_text("\n".join(lab) + "\n", encoding="utf-8")
    Path(HERE, "questions.tsv").write_text("\n".join(qs) + "\n", encoding="utf-8")


def verify():
    def rows(name):
        return [
            row.split("\t")
            for row in Path(HERE, name).read_text(encoding="utf-8").splitlines()
            if not row.startswith("#")
        ]

    L, Q = rows("labels.tsv"), rows("questions.tsv")
    assert len(L) == len(Q), "row count mismatch"
    byfile = {}
    for (f1, q1, a, t), (f2, ln, q2) in zip(L, Q, strict=True):
        if (f1, q1) != (f2, q2):
            errs.append(f"order mismatch {f1} {q1}")
        byfile.setdefault(f1, []).append((int(ln), q1, a, t))
    bad = re.compile(r"\*\*|#|`|\$|<br>|^\s*\d+[.)、）]|^[-*>] ")
    for fn, items in byfile.items():
        text = Path(NOTES, fn).read_text(encoding="utf-8")
        lines = text.split("\n")
        starts = [0]
        for row in lines:
            starts.append(starts[-1] + len(row) + 1)
        if not 8 <= len(items) <= 20:
            errs.append(f"{fn}: {len(items)} questions")
        lns = [i[0] for i in items]
        if lns != sorted(lns) or len(set(lns)) != len(lns):
            errs.append(f"{fn}: lines not strictly increasing")
        for k, (ln, q, a, t) in enumerate(items):
            tag = f"{fn}:{ln}"
            if not 6 <= len(q) <= 25:
                errs.append(f"{tag} q len {len(q)}: {q}")
            if bad.search(q):
                errs.append(f"{tag} q has markup: {q}")
            line = lines[ln - 1]
            if q not in line:
                errs.append(f"{tag} q not on line: {q}")
                continue
            if text.count(q) > 1:
                print(f"note: {tag} q snippet occurs {text.count(q)}x in file (expected only for TOC dup): {q}")
            qend = starts[ln - 1] + line.index(q) + len(q)
            nxt = starts[items[k + 1][0] - 1] if k + 1 < len(items) else len(text)
            region = text[qend:nxt]
            if a != "-":
                if not 6 <= len(a) <= 25:
                    errs.append(f"{tag} a len {len(a)}: {a}")
                if bad.search(a):
                    errs.append(f"{tag} a has markup: {a}")
                if a not in region:
                    errs.append(f"{tag} answer not in its region: {a}")
            else:
                body = region.split("\n", 1)[1] if "\n" in region else ""
                # unanswered: nothing but continuation / blank / headings before next question
                print(f"info: {tag} unanswered; text until next q: {body.strip()[:40]!r}")
            ts = t.split(",")
            valid = {slug for draft in SLUGS for slug in to_taxonomy(draft).split(",")}
            if not ts or not set(ts) <= valid:
                errs.append(f"{tag} bad topics {t}")


build()
verify()
if errs:
    print("FAILED")
    print("\n".join(errs))
    sys.exit(1)
print("OK: all checks passed")
