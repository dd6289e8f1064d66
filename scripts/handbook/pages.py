"""Small helpers shared by the web and print halves of the render stage."""

from __future__ import annotations

import json


def front_matter(title: str, exclude_from_search: bool = False, extra: str = "") -> str:
    """YAML front matter for a generated page (title quoted as JSON, which YAML reads)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if exclude_from_search:
        lines += ["search:", "  exclude: true"]
    if extra:
        lines.append(extra)
    lines.append("---")
    return "\n".join(lines) + "\n\n"
