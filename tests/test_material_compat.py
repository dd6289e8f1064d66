"""What the Material overrides (``scripts/handbook/theme/``, the plugin's ``theme_overrides``
option) rely on in Material itself. An upgrade of mkdocs-material that changes any of it fails
here, naming the override to revisit, instead of silently breaking the site."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from handbook.plugin import MATERIAL_VERSION, THEME_DIR

TEMPLATES = Path(material.__file__).parent / "templates"


def upstream(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def test_the_overrides_were_written_for_this_material():
    assert material.__version__ == MATERIAL_VERSION, "re-check every file in scripts/handbook/theme/"


@pytest.mark.parametrize("block", ["extrahead", "header", "content", "scripts"])
def test_main_html_extends_blocks_base_html_still_has(block):
    assert f"{{% block {block} %}}" in upstream("base.html")
    assert f"{{% block {block} %}}" in (THEME_DIR / "main.html").read_text(encoding="utf-8")


def test_the_bundle_is_the_first_script_tag_the_defer_replace_finds():
    scripts = upstream("base.html").split("{% block scripts %}", 1)[1]
    assert scripts.lstrip().startswith('<script src="{{ \'assets/javascripts/bundle.')


def test_the_early_script_starts_from_the_no_js_class():
    assert '<html lang="{{ lang.t(\'language\') }}" class="no-js">' in upstream("base.html")


def test_the_palette_script_uses_materials_storage_helpers():
    helpers = upstream("partials/javascripts/base.html")
    assert "__md_get=" in helpers and "__md_set=" in helpers
    assert 'data-md-component="palette"' in upstream("partials/palette.html")  # ours drops it on purpose


def test_our_search_partial_is_materials_plus_an_accessible_name():
    ours = (THEME_DIR / "partials" / "search.html").read_text(encoding="utf-8")
    ours = re.sub(r"\{#-.*?-#\}\n", "", ours, count=1, flags=re.S).replace(
        ' aria-label="{{ lang.t(\'search\') }}">', ">", 1)
    theirs = re.sub(r"\{#-.*?-#\}\n", "", upstream("partials/search.html"), count=1, flags=re.S)
    assert ours == theirs
