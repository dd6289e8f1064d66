"""Check a labelled note batch: check_labels.py DIR [DIR …] (DIR holds notes/, labels.tsv, questions.tsv).

For each batch: both files list the same rows (file, question snippet) in the same order; every
note has rows; each question snippet (6–25 characters, no Markdown markers) is on its stated line,
and lines never go back within a note (a 面经 paragraph may list several on one line); each answer
snippet (unless ``-``) lies after its question, usually before the next one; topics are slugs of ``data/taxonomy.yaml``. Prints problems; exits 1 if there are any.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from handbook.taxonomy import load_taxonomy  # noqa: E402  (the package is not installed for this script)

SNIPPET_CHARS = (6, 40)
"""A snippet long enough to be distinctive, short enough to survive a heading's markup."""
MARKERS = ("**", "#", "`", "\t")


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def snippet_problems(kind: str, snippet: str, where: str) -> list[str]:
    low, high = SNIPPET_CHARS
    out = [f"{where}: {kind} snippet of {len(snippet)} characters: {snippet!r}"] if not low <= len(snippet) <= high else []
    return out + [f"{where}: {kind} snippet has {m!r}" for m in MARKERS if m in snippet]


def check(batch: Path, slugs: set[str]) -> tuple[list[str], int]:
    problems: list[str] = []
    labels, questions = rows(batch / "labels.tsv"), rows(batch / "questions.tsv")
    if len(labels) != len(questions):
        problems.append(f"{batch}: {len(labels)} label rows but {len(questions)} question rows")
    by_note: dict[str, list[tuple[int, str, str, str]]] = {}
    for k, (label, question) in enumerate(zip(labels, questions, strict=False), start=1):
        if len(label) != 4 or len(question) != 3 or (label[0], label[1]) != (question[0], question[2]):
            problems.append(f"{batch}: row {k} differs between labels.tsv and questions.tsv")
            continue
        by_note.setdefault(label[0], []).append((int(question[1]), label[1], label[2], label[3]))
    for note in sorted(p.name for p in (batch / "notes").iterdir() if p.is_file()):
        if note not in by_note:
            problems.append(f"{note}: no rows")
    for note, items in by_note.items():
        path = batch / "notes" / note
        if not path.is_file():
            problems.append(f"{note}: no such note")
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        previous = 0
        for k, (line, question, answer, topics) in enumerate(items):
            where = f"{note}:{line}"
            problems += snippet_problems("question", question, where)
            if line < previous:
                problems.append(f"{where}: line numbers go back")
            previous = line
            if not 1 <= line <= len(lines) or question not in lines[line - 1]:
                problems.append(f"{where}: question snippet not on its line: {question!r}")
                continue
            if not set(topics.split(",")) <= slugs:
                problems.append(f"{where}: unknown topics {topics!r}")
            if answer == "-":
                continue
            problems += snippet_problems("answer", answer, where)
            end = items[k + 1][0] - 1 if k + 1 < len(items) else len(lines)
            first = lines[line - 1][lines[line - 1].index(question) + len(question):]
            if answer not in "\n".join([first, *lines[line:end]]) and answer not in "\n".join(lines[end:]):
                # (a 面经 may list its questions first and key their answers further down)
                problems.append(f"{where}: answer snippet not after its question: {answer!r}")
    return problems, sum(len(items) for items in by_note.values())


def main(argv: list[str]) -> int:
    slugs = {t.slug for t in load_taxonomy().topics}
    failed = False
    for arg in argv:
        problems, count = check(Path(arg), slugs)
        print("\n".join(problems) or f"{arg}: {count} questions, labels consistent")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
