"""Quick category check on parsed entries: each probe snippet (``category_probes.tsv``)
must sit only in entries of accepted topics (question, answer, preface or postscript).

    python tests/tools/catcheck.py NOTES_DIR PROBES.tsv [-v]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from handbook.classify import classify  # noqa: E402
from handbook.diagnostics import Report  # noqa: E402
from handbook.parse import parse  # noqa: E402
from handbook.read import read_notes  # noqa: E402


def norm(s: str) -> str:
    return re.sub(r"[\s\u200b*]+", "", s).lower()


def main() -> int:
    notes_dir, probes = sys.argv[1], sys.argv[2]
    placed = classify(parse(read_notes(Path(notes_dir), Report()), Report()))
    texts = [(p.topic, norm(p.entry.preface + p.entry.number + p.entry.question + p.entry.answer + p.entry.postscript))
             for p in placed]
    ok = total = 0
    for line in Path(probes).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        snippet, slugs = line.split("\t")[:2]
        want = set(slugs.split(","))
        where = {t for t, text in texts if norm(snippet) in text}
        total += 1
        if where and where <= want:
            ok += 1
        elif "-v" in sys.argv:
            print(f"MISPLACED {snippet!r}: in {sorted(where) or 'no entry'}, want {sorted(want)}")
    print(f"placed: {ok}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
