"""cli: the commands, called as main([...]) the way a shell would."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURE_NOTES
from handbook.cli import main


def test_check_prints_file_line_messages_and_exits_0_on_warnings(capsys):
    assert main(["check", "--notes", str(FIXTURE_NOTES)]) == 0
    err = capsys.readouterr().err
    assert "qa_blog.md:23: warning: code fence never closed" in err
    assert "0 errors" in err


def test_check_exits_1_on_errors(tmp_path, capsys):
    (tmp_path / "bin.md").write_bytes(b"\x00\x01\x02binary")
    assert main(["check", "--notes", str(tmp_path)]) == 1
    assert "bin.md:1: error: binary file" in capsys.readouterr().err


def test_until_parse_prints_entries_as_json(capsys):
    assert main(["normalize", "--notes", str(FIXTURE_NOTES), "--until", "parse"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {"note": "qa_blog.md", "question": "mAP 怎么计算？"}.items() <= entries[-5].items() or any(
        e["question"] == "mAP 怎么计算？" and e["note"] == "qa_blog.md" for e in entries)


def test_normalize_writes_docs_and_never_touches_notes(tmp_path):
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    before = {p: p.read_bytes() for p in notes.rglob("*") if p.is_file()}
    assert main(["normalize", "--notes", str(notes), "--docs", str(tmp_path / "docs")]) == 0
    assert (tmp_path / "docs" / "vision" / "detection.md").is_file()
    assert {p: p.read_bytes() for p in notes.rglob("*") if p.is_file()} == before


def test_missing_notes_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["build", "--notes", str(tmp_path / "nope"), "--site", str(tmp_path / "s")]) == 1
    assert "notes folder not found" in capsys.readouterr().err
