"""Zensical (Material's successor) builds the normalized docs/ without our plugin or overrides."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE_NOTES
from handbook.pipeline import run, write_docs

REPO = Path(__file__).resolve().parents[1]
ZENSICAL = shutil.which("zensical") or str(Path(__import__("sys").executable).parent / "zensical")


@pytest.mark.skipif(not Path(ZENSICAL).exists(), reason="zensical not installed (pip install -e '.[dev]')")
def test_zensical_builds_every_question_with_math_code_and_sources(tmp_path):
    state = run(FIXTURE_NOTES)
    write_docs(state.site, tmp_path / "docs")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run([ZENSICAL, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    wanted = {m.anchor for entries in state.merged.values() for m in entries}
    built = set()
    html = ""
    for path in state.site.topic_pages:
        page = (site / path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        built |= set(re.findall(r'<h2 id="(q-[0-9a-f]{8})"', page))
        html += page
    assert built == wanted
    assert 'class="arithmatex"' in html and "highlight" in html and re.search(r'href="[^"]*sources/[^"]+#L\d+"', html)
