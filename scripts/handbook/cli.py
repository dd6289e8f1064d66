"""``handbook``: the command line. Thin: every command is a few calls into the stages.

    handbook normalize [--notes notes] [--docs docs] [--until STAGE]
    handbook build --notes DIR --site DIR [--no-pdf]
    handbook check [--notes notes]
    handbook explain FILE[:LINE] [--json]
    handbook pdf [--site site]

Problems in notes are printed as ``file:line: level: message``; ``check`` exits 1 when
any is an error. Tests call :func:`main` with an argument list.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import HandbookError, Report
from .pipeline import MANIFEST, STAGES, run, write_docs

REPO_ROOT = Path(__file__).resolve().parents[2]
STAGE_NAMES = [name for name, _ in STAGES]


def print_report(report: Report) -> None:
    for diagnostic in report.sorted():
        print(diagnostic, file=sys.stderr)


def _jsonable(value):
    if dataclasses.is_dataclass(value):
        data = {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if "note" in data and isinstance(data["note"], dict):
            data["note"] = data["note"]["path"]  # an entry names its note, not its whole text
        return data
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def cmd_normalize(args: argparse.Namespace) -> int:
    state = run(Path(args.notes), until=args.until)
    print_report(state.report)
    if args.until != "render":
        data = {"read": state.notes, "parse": state.entries, "classify": state.placed,
                "merge": state.merged}[args.until]
        if args.until == "read":
            data = [{"path": n.path, "title": n.title, "encoding": n.encoding, "lines": len(n.lines)}
                    for n in state.notes]
        json.dump(_jsonable(data), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    assert state.site is not None
    changed = write_docs(state.site, Path(args.docs))
    print(f"{len(state.site.pages)} pages ({changed} changed) in {args.docs}/ from "
          f"{len(state.notes)} notes, {len(state.entries)} questions", file=sys.stderr)
    return 0


def explain_note(path: Path, line: int | None = None, as_json: bool = False, out=None) -> int:
    """How ``handbook`` read one note: every line's role, the rule that decided it, the entry."""
    from .classify import classify
    from .parse import read_note_structure
    from .read import read_note

    out = out or sys.stdout
    report = Report()
    note = read_note(path, path.parent, report)
    if note is None:
        print_report(report)
        return 1
    reading = read_note_structure(note, report)
    placed = classify(reading.entries)
    if as_json:
        json.dump([golden_entry(p) for p in placed], out, ensure_ascii=False, indent=1)
        print(file=out)
        return 0
    lines = note.text.split("\n")
    shown = [r for r in reading.lines if line is None or r.line == line]
    for r in shown:
        if r.role == "blank" and line is None:
            continue
        where = ""
        if r.entry is not None:
            p = placed[r.entry]
            where = f"→ #{r.entry + 1} [{p.topic}]"
        text = lines[r.line - 1].strip() if r.line - 1 < len(lines) else ""
        print(f"{r.line:>5}  {r.role:<9} {r.rule:<26} {where:<24} {text[:60]}", file=out)
    if line is not None and shown and shown[0].entry is not None:
        p = placed[shown[0].entry]
        print(f"\nentry #{shown[0].entry + 1}: lines {p.entry.lines[0]}-{p.entry.lines[1]}, topic {p.topic} "
              f"(score {p.score:g}), context {' › '.join(p.entry.context) or '-'}", file=out)
    print_report(report)
    return 0


def golden_entry(p) -> dict:
    """What the golden corpus records of an entry: enough to review a parse change as a diff."""
    e = p.entry
    first = next((ln.strip() for ln in e.answer.split("\n") if ln.strip()), "")
    return {"question": e.question, "number": e.number, "answer_first_line": first[:80],
            "unanswered": e.unanswered, "lines": list(e.lines), "context": list(e.context),
            "topic": p.topic, "rule": e.rule}


def cmd_explain(args: argparse.Namespace) -> int:
    spec = args.target
    line = None
    if (m := re.match(r"^(?P<path>.+?):(?P<line>\d+)$", spec)) and not Path(spec).exists():
        spec, line = m.group("path"), int(m.group("line"))
    path = Path(spec)
    if not path.is_file():
        raise HandbookError(f"{spec}: no such note")
    return explain_note(path, line, as_json=args.json)


def cmd_check(args: argparse.Namespace) -> int:
    state = run(Path(args.notes))
    print_report(state.report)
    counts = {level: sum(d.level == level for d in state.report.items) for level in ("error", "warning")}
    print(f"{len(state.notes)} notes, {len(state.entries)} questions: "
          f"{counts['error']} errors, {counts['warning']} warnings", file=sys.stderr)
    return 1 if state.report.has_errors else 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from .pdf import build_pdfs

    for path in build_pdfs(Path(args.site)):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def build_site(notes: Path, site: Path, config_file: Path = REPO_ROOT / "mkdocs.yml") -> None:
    """A complete site from any notes folder, built in a scratch docs folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    repo_docs = config_file.parent / "docs"
    with tempfile.TemporaryDirectory(prefix="handbook-docs-") as scratch:
        docs = Path(scratch) / "docs"
        generated = set()
        manifest = repo_docs / MANIFEST
        if manifest.is_file():
            generated = set(manifest.read_text(encoding="utf-8").splitlines())

        def ignore(directory: str, names: list[str]) -> set[str]:
            rel = Path(directory).relative_to(repo_docs)
            return {n for n in names if (rel / n).as_posix() in generated or n in (MANIFEST, "katex")}

        if repo_docs.is_dir():
            shutil.copytree(repo_docs, docs, ignore=ignore)
        else:  # a fresh clone: every page of docs/ is generated, none is tracked
            docs.mkdir()
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site.resolve()))
        config["plugins"]["handbook"].config["notes"] = str(notes.resolve())
        config["plugins"].run_event("startup", command="build", dirty=False)
        try:
            build(config)
        finally:
            config["plugins"].run_event("shutdown")


def cmd_build(args: argparse.Namespace) -> int:
    notes, site = Path(args.notes), Path(args.site)
    if not notes.is_dir():
        raise HandbookError(f"{notes}: notes folder not found")
    build_site(notes, site)
    if args.no_pdf:
        return 0
    from .pdf import build_pdfs, find_chromium

    if find_chromium() is None:
        print("handbook: PDFs skipped: no Chromium found (install `chromium` or set HANDBOOK_CHROMIUM)",
              file=sys.stderr)
        return 0
    for path in build_pdfs(site):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="handbook", description="面试手册: interview notes → handbook site")
    sub = p.add_subparsers(dest="command", required=True)
    n = sub.add_parser("normalize", help="write the Markdown pages of docs/ from notes/")
    n.add_argument("--notes", default="notes")
    n.add_argument("--docs", default="docs")
    n.add_argument("--until", choices=STAGE_NAMES, default="render",
                   help="stop after this stage and print its output as JSON")
    n.set_defaults(func=cmd_normalize)
    b = sub.add_parser("build", help="build a complete site from any notes folder")
    b.add_argument("--notes", required=True)
    b.add_argument("--site", required=True)
    b.add_argument("--no-pdf", action="store_true", help="skip the PDF cheat sheet and handbook")
    b.set_defaults(func=cmd_build)
    c = sub.add_parser("check", help="lint notes: print every problem as file:line: level: message")
    c.add_argument("--notes", default="notes")
    c.set_defaults(func=cmd_check)
    e = sub.add_parser("explain", help="show how each line of a note was read: role, rule, entry")
    e.add_argument("target", metavar="FILE[:LINE]")
    e.add_argument("--json", action="store_true", help="print the note's entries as JSON (the golden corpus format)")
    e.set_defaults(func=cmd_explain)
    d = sub.add_parser("pdf", help="print site/downloads/{cheatsheet,handbook}.pdf from a built site")
    d.add_argument("--site", default="site")
    d.set_defaults(func=cmd_pdf)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except HandbookError as exc:
        print(f"handbook: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
