"""Verify the heldout-e labels against the notes.

Checks:
- labels.tsv and questions.tsv have the same rows (file, question snippet) in the same order
- every note file has rows and every row names an existing note
- each question snippet is 6-25 chars, has no markdown markers, and is on its stated line
- line numbers strictly increase within a file
- each answer snippet (unless "-") is 6-25 chars and occurs after its question snippet
  and before the line of the next question
- topics are 1-3 slugs from the allowed list
"""

import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent
NOTES = BASE / "notes"
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
MARKERS = ("**", "#", "`", "\t")


def read_tsv(path):
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append(raw.split("\t"))
    return rows


def check_snippet(kind, snippet, where, errors):
    if not 6 <= len(snippet) <= 25:
        errors.append(f"{where}: {kind} snippet length {len(snippet)}: {snippet!r}")
    for marker in MARKERS:
        if marker in snippet:
            errors.append(f"{where}: {kind} snippet has marker {marker!r}")


def main():
    errors = []
    labels = read_tsv(BASE / "labels.tsv")
    questions = read_tsv(BASE / "questions.tsv")
    if len(labels) != len(questions):
        errors.append(f"row counts differ: {len(labels)} vs {len(questions)}")
    by_file = {}
    for idx, (lab, que) in enumerate(zip(labels, questions, strict=False), start=1):
        if len(lab) != 4 or len(que) != 3:
            errors.append(f"row {idx}: wrong column count")
            continue
        name, qsnip, asnip, topics = lab
        qname, line, qsnip2 = que
        if (name, qsnip) != (qname, qsnip2):
            errors.append(f"row {idx}: labels/questions mismatch")
        by_file.setdefault(name, []).append((int(line), qsnip, asnip, topics))

    note_names = sorted(p.name for p in NOTES.iterdir() if p.is_file())
    for name in note_names:
        if name not in by_file:
            errors.append(f"{name}: no rows")
    for name, rows in by_file.items():
        path = NOTES / name
        if not path.is_file():
            errors.append(f"{name}: note missing")
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        prev = 0
        for pos, (line, qsnip, asnip, topics) in enumerate(rows):
            where = f"{name}:{line}"
            check_snippet("question", qsnip, where, errors)
            if line <= prev:
                errors.append(f"{where}: line not increasing")
            prev = line
            if not 1 <= line <= len(lines) or qsnip not in lines[line - 1]:
                errors.append(f"{where}: question snippet not on line: {qsnip!r}")
                continue
            slugs = topics.split(",")
            if not 1 <= len(slugs) <= 3 or not set(slugs) <= TOPICS:
                errors.append(f"{where}: bad topics {topics!r}")
            if asnip == "-":
                continue
            check_snippet("answer", asnip, where, errors)
            end = rows[pos + 1][0] - 1 if pos + 1 < len(rows) else len(lines)
            first = lines[line - 1]
            first = first[first.index(qsnip) + len(qsnip) :]
            span = "\n".join([first, *lines[line:end]])
            if asnip not in span:
                errors.append(f"{where}: answer snippet not in answer span: {asnip!r}")
        if not 8 <= len(rows) <= 16:
            errors.append(f"{name}: {len(rows)} questions (want 8-16)")

    for err in errors:
        print(err)
    total = sum(len(rows) for rows in by_file.values())
    status = "FAIL" if errors else "OK"
    print(f"{status}: {len(by_file)} files, {total} questions, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
