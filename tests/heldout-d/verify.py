"""Check heldout-d labels.tsv / questions.tsv against the notes.

Run: python tests/heldout-d/verify.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTES = HERE / "notes"

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

MIN_SNIPPET = 6
MAX_SNIPPET = 25
MIN_QUESTIONS = 8
MAX_QUESTIONS = 18


def read_tsv(path: Path, width: int) -> list[list[str]]:
    rows = []
    text = path.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != width:
            raise SystemExit(f"{path.name}:{number}: expected {width} columns, got {len(cells)}")
        rows.append(cells)
    return rows


def check_snippet(where: str, snippet: str, errors: list[str]) -> None:
    if not MIN_SNIPPET <= len(snippet) <= MAX_SNIPPET:
        errors.append(f"{where}: snippet length {len(snippet)} outside {MIN_SNIPPET}-{MAX_SNIPPET}: {snippet!r}")
    if "**" in snippet or snippet.startswith("#"):
        errors.append(f"{where}: snippet contains markdown markers: {snippet!r}")
    if snippet != snippet.strip():
        errors.append(f"{where}: snippet has surrounding whitespace: {snippet!r}")


def offset_of_line(lines: list[str], line_no: int) -> int:
    return sum(len(text) + 1 for text in lines[: line_no - 1])


def check_file(name: str, labels: list[list[str]], questions: list[list[str]], errors: list[str]) -> None:
    path = NOTES / name
    if not path.is_file():
        errors.append(f"{name}: note file missing")
        return
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        errors.append(f"{name}: {len(questions)} questions, expected {MIN_QUESTIONS}-{MAX_QUESTIONS}")
    starts = []
    previous = 0
    for _, line_text, snippet in questions:
        line_no = int(line_text)
        where = f"{name}:{line_no}"
        if line_no <= previous:
            errors.append(f"{where}: line numbers not strictly increasing (previous {previous})")
        previous = line_no
        if not 1 <= line_no <= len(lines):
            errors.append(f"{where}: line out of range")
            starts.append(None)
            continue
        column = lines[line_no - 1].find(snippet)
        if column < 0:
            errors.append(f"{where}: question snippet not on line: {snippet!r}")
            starts.append(None)
            continue
        starts.append(offset_of_line(lines, line_no) + column + len(snippet))
    ends = [offset_of_line(lines, int(question[1])) for question in questions[1:]]
    ends.append(len(text))
    for label, start, end in zip(labels, starts, ends, strict=False):
        answer = label[2]
        if start is None or answer == "-":
            continue
        if answer not in text[start:end]:
            errors.append(f"{name}: answer snippet {answer!r} not between question {label[1]!r} and the next one")


def main() -> int:
    labels = read_tsv(HERE / "labels.tsv", 4)
    questions = read_tsv(HERE / "questions.tsv", 3)
    errors: list[str] = []
    if len(labels) != len(questions):
        errors.append(f"row count differs: labels {len(labels)} vs questions {len(questions)}")
    for number, (label, question) in enumerate(zip(labels, questions, strict=False), start=1):
        if label[0] != question[0] or label[1] != question[2]:
            errors.append(f"row {number}: labels and questions disagree: {label[:2]} vs {question[::2]}")
        check_snippet(f"row {number} question", label[1], errors)
        if label[2] != "-":
            check_snippet(f"row {number} answer", label[2], errors)
        topics = [topic.strip() for topic in label[3].split(",")]
        if not 1 <= len(topics) <= 3:
            errors.append(f"row {number}: expected 1-3 topics, got {len(topics)}")
        unknown = [topic for topic in topics if topic not in TOPICS]
        if unknown:
            errors.append(f"row {number}: unknown topics {unknown}")
    order: list[str] = []
    for label in labels:
        if label[0] not in order:
            order.append(label[0])
    note_names = sorted(path.name for path in NOTES.iterdir() if path.is_file())
    missing = sorted(set(note_names) - set(order))
    if missing:
        errors.append(f"notes without labels: {missing}")
    for name in order:
        file_labels = [label for label in labels if label[0] == name]
        file_questions = [question for question in questions if question[0] == name]
        check_file(name, file_labels, file_questions, errors)
    for error in errors:
        print("FAIL", error)
    if errors:
        return 1
    print(f"OK: {len(labels)} questions in {len(order)} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
