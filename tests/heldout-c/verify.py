"""Consistency checks for the heldout-c blind test set.

Checks that
- labels.tsv and questions.tsv have the same rows in the same order,
- every question snippet occurs on its stated (1-based) line,
- line numbers strictly increase within each file,
- every answer snippet occurs after its question and before the next one,
- snippets are 6-25 characters long,
- topics come from the handbook's topic list.

Run: python verify.py  (exit code 0 on success)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NOTES = ROOT / "notes"

TOPICS = {
    "nn-basics",
    "convolution",
    "pooling",
    "activation",
    "loss",
    "normalization",
    "regularization",
    "optimization",
    "gradients",
    "training",
    "backbones",
    "lightweight",
    "sequence-attention",
    "gan",
    "detection",
    "segmentation",
    "image-processing",
    "metrics",
    "classic-ml",
    "compression-deployment",
    "frameworks-tools",
    "coding",
    "interview-experience",
}


def read_tsv(path):
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append(raw.split("\t"))
    return rows


def offset_of_line(lines, index):
    """Character offset of the start of 0-based line `index` in the joined text."""
    return sum(len(line) + 1 for line in lines[:index])


def main():
    errors = []
    labels = read_tsv(ROOT / "labels.tsv")
    questions = read_tsv(ROOT / "questions.tsv")
    if len(labels) != len(questions):
        errors.append(f"row count differs: labels={len(labels)} questions={len(questions)}")

    by_file = {}
    for idx, (lab, que) in enumerate(zip(labels, questions, strict=False)):
        if len(lab) != 4 or len(que) != 3:
            errors.append(f"row {idx}: wrong column count")
            continue
        fname, q_snip, a_snip, topics = lab
        q_file, q_line, q_snip2 = que
        if (fname, q_snip) != (q_file, q_snip2):
            errors.append(f"row {idx}: labels/questions mismatch {lab[:2]} vs {que}")
        for slug in topics.split(","):
            if slug.strip() not in TOPICS:
                errors.append(f"{fname}: unknown topic {slug!r}")
        for snip in (q_snip, a_snip):
            if snip != "-" and not 6 <= len(snip) <= 25:
                errors.append(f"{fname}: snippet length {len(snip)}: {snip!r}")
        by_file.setdefault(fname, []).append((int(q_line), q_snip, a_snip))

    for fname in sorted(by_file):
        path = NOTES / fname
        if not path.is_file():
            errors.append(f"missing note {fname}")
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        entries = by_file[fname]
        prev = 0
        for pos, (line_no, q_snip, a_snip) in enumerate(entries):
            if line_no <= prev:
                errors.append(f"{fname}:{line_no}: line numbers not increasing")
            prev = line_no
            if not 1 <= line_no <= len(lines) or q_snip not in lines[line_no - 1]:
                errors.append(f"{fname}:{line_no}: question snippet not on line: {q_snip!r}")
                continue
            if a_snip == "-":
                continue
            start = offset_of_line(lines, line_no - 1)
            start += lines[line_no - 1].index(q_snip) + len(q_snip)
            has_next = pos + 1 < len(entries)
            end = offset_of_line(lines, entries[pos + 1][0] - 1) if has_next else len(text)
            if a_snip not in text[start:end]:
                errors.append(f"{fname}:{line_no}: answer snippet not in answer region: {a_snip!r}")

    notes_on_disk = {p.name for p in NOTES.iterdir() if p.is_file()}
    for name in sorted(notes_on_disk - set(by_file)):
        errors.append(f"note without labels: {name}")

    for err in errors:
        print("FAIL", err)
    if errors:
        return 1
    print(f"OK: {len(labels)} questions in {len(by_file)} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
