"""Front-end assets served by the site itself (no CDN): KaTeX from its npm package."""

from __future__ import annotations

import sys
from pathlib import Path

KATEX_FILES = ("katex.min.js", "katex.min.css")


def find_katex(root: Path) -> Path | None:
    for base in (root, Path.cwd()):
        dist = base / "node_modules" / "katex" / "dist"
        if (dist / "katex.min.js").is_file():
            return dist
    return None


def install_katex(docs_dir: Path, root: Path) -> bool:
    """Copy KaTeX (JS, CSS, woff2 fonts) into ``docs/assets/katex``; only changed files."""
    from .pipeline import write_if_changed

    dist = find_katex(root)
    target = docs_dir / "assets" / "katex"
    if dist is None:
        if not (target / "katex.min.js").is_file():
            print("handbook: warning: KaTeX not installed (run `npm ci`): math shows as TeX source",
                  file=sys.stderr)
        return False
    for name in KATEX_FILES:
        write_if_changed(target / name, (dist / name).read_bytes())
    for font in sorted((dist / "fonts").glob("*.woff2")):
        write_if_changed(target / "fonts" / font.name, font.read_bytes())
    return True
