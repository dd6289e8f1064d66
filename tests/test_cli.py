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


def test_explain_prints_each_line_with_its_role_rule_and_entry(tmp_path, capsys):
    note = tmp_path / "bn.md"
    note.write_text("# 归一化\n\n1. BN 的作用是什么？\n   加速收敛。\n2. LN 呢？\n", encoding="utf-8")
    assert main(["explain", str(note)]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = {int(line.split()[0]): line.split() for line in out if line.strip() and line.split()[0].isdigit()}
    assert rows[1][1] == "title"
    assert rows[3][1:3] == ["question", "numbering"] and rows[3][3] == "→"
    assert rows[4][1] == "answer" and rows[4][3:5] == rows[3][3:5]  # joined the same entry
    assert rows[5][1] == "question" and rows[5][4] != rows[3][4]


def test_explain_one_line_names_its_entry(tmp_path, capsys):
    note = tmp_path / "bn.md"
    note.write_text("1. BN 的作用是什么？\n   加速收敛。\n", encoding="utf-8")
    assert main(["explain", f"{note}:2"]) == 0
    out = capsys.readouterr().out
    assert "answer" in out and "entry #1: lines 1-2, topic normalization" in out


def test_explain_json_is_the_golden_record(tmp_path, capsys):
    note = tmp_path / "bn.md"
    note.write_text("1. BN 的作用是什么？\n   加速收敛。\n", encoding="utf-8")
    assert main(["explain", str(note), "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["question"] == "BN 的作用是什么？" and entry["answer_first_line"] == "加速收敛。"
    assert entry["lines"] == [1, 2] and entry["topic"] == "normalization"
