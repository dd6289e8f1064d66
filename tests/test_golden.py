"""The golden corpus: notes in every style we know, each with its expected entries.

``tests/golden/notes/*`` are realistic notes written for this project; ``expected/<note>.json``
records how each was read (question, first answer line, line span, context, topic, rule).
Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.

``labels-*.tsv`` / ``questions-*.tsv`` are independent editor labels of the same notes: the
corpus must stay above the rates it reaches today, so a rule change that helps one note but
breaks others fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handbook.cli import golden_entry
from tools.scoring import placed_by_note, score_labels, score_questions

GOLDEN = Path(__file__).parent / "golden"
NOTES = sorted((GOLDEN / "notes").iterdir())
# Floors just under today's rates per batch (labels by editors who did not write the rules);
# a batch of new styles starts lower and its floor goes up as the parser learns them.
MIN_CORRECT = {"a": 0.95, "b": 0.95, "d": 0.94, "e": 0.93, "f": 0.84, "g": 0.88}
MIN_FOUND = {"a": 0.97, "b": 0.97, "d": 0.97, "e": 0.96, "f": 0.95, "g": 0.97}
DEFAULT_CORRECT, DEFAULT_FOUND = 0.80, 0.90
RATIO_RANGE = (0.9, 1.15)


@pytest.fixture(scope="module")
def by_note():
    return placed_by_note(GOLDEN / "notes")


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.name)
def test_note_reads_as_recorded(note: Path, by_note, request):
    got = [golden_entry(p) for p in by_note.get(note.name, [])]
    expected = GOLDEN / "expected" / f"{note.name}.json"
    if request.config.getoption("--update-golden"):
        expected.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert expected.is_file(), f"no golden file for {note.name}: run pytest --update-golden"
    assert got == json.loads(expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize("batch", sorted(p.stem.split("-")[1] for p in GOLDEN.glob("labels-*.tsv")))
def test_editor_labels_hold(batch: str, by_note):
    score = score_labels(by_note, GOLDEN / f"labels-{batch}.tsv")
    assert score.share >= MIN_CORRECT.get(batch, DEFAULT_CORRECT), "\n".join(score.failures)
    cov = score_questions(by_note, GOLDEN / f"questions-{batch}.tsv")
    assert cov.found / cov.questions >= MIN_FOUND.get(batch, DEFAULT_FOUND), "\n".join(cov.missed)
    low, high = RATIO_RANGE
    assert low <= cov.entries / cov.questions <= high
