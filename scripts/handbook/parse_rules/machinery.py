"""Lines that are editor or outliner machinery, not note text.

Accepts::

    id:: 65e1a2b3-…     collapsed:: true     title:: 目标检测      (Logseq properties)
    <!-- handbook: question -->   <!-- handbook: topic: detection -->   (author directives)
    [TOC]   {:toc}   [[_TOC_]]   * TOC {:toc}                           (generated tables of contents)
    ---   ***   ___   =====   —— END ——   （完）                          (thematic breaks, end marks)
    #separator:tab   #html:true   #tags column:3                         (Anki export headers)
    :::tips   :::warning   :::                                           (语雀 / VuePress containers)
"""

from __future__ import annotations

import re

from .marker import Mark

PROPERTY = re.compile(r"^\s*(?:[-*]\s+)?(?P<key>[a-z][\w-]*)::(?:\s+(?P<value>.*)|\s*)$", re.I)
"""``id:: 65e1…``, ``collapsed:: true``: Logseq writes a space after ``::`` (``std::move`` is C++)."""
DIRECTIVE = re.compile(r"^\s*<!--\s*handbook\s*:\s*(?P<text>.*?)\s*-->\s*$", re.I)
TOC = re.compile(
    r"^\s*(?:\[TOC\]|\[\[_?TOC_?\]\]|\{:\s*toc\s*\}|\*\s*(?:TOC|目录)\s*\{:toc\}|@\[toc\](?:\(.*\))?)\s*$", re.I
)
RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
DECORATIVE_RULE = re.compile(r"^\s*([━─═—–~～·•◆◇■□★☆＊])(?:\s*\1){2,}\s*$")
"""``━━━━━━━━``, ``～～～～``, ``★★★★★``: a separator drawn with symbols."""
END_MARK = re.compile(r"^\s*[-—–=_~·*\s]*(?:the\s+end|end|全文完|本文完|[（(]?完[)）]?)[-—–=_~·*\s]*$", re.I)
"""``—— END ——``, ``（完）``: where a copied article ends."""


CONTAINER_FENCE = re.compile(r"^\s*:{3,}\s*(?P<kind>[A-Za-z][\w-]*)?\s*$")
"""``:::tips`` … ``:::``: a 语雀/VuePress block's fences; the text between them is answer."""


ANKI_HEADER = re.compile(r"^#(?:separator|html|tags column|deck column|notetype column|guid column|columns):", re.I)


ORG_DRAWER = re.compile(r"^\s*:(?:PROPERTIES|END|LOGBOOK|[A-Z][A-Z_]*):(?:\s.*)?$")
"""``:PROPERTIES:`` … ``:CUSTOM_ID: lightweight`` … ``:END:``: org-mode's drawers."""
ORG_SETTING = re.compile(r"^#\+(?!BEGIN|END)[A-Z_]+\s*:", re.I)


def match(line: str) -> Mark | None:
    if ORG_DRAWER.match(line) or ORG_SETTING.match(line):
        return Mark(kind="property", text=line.strip(), rule="org_setting", label="org")
    if m := CONTAINER_FENCE.match(line):
        return Mark(kind="property", text=m.group("kind") or "", rule="container_fence", label="container")
    if ANKI_HEADER.match(line):
        return Mark(kind="property", text=line.strip(), rule="anki_header", label="anki")
    if m := DIRECTIVE.match(line):
        return Mark(kind="directive", text=m.group("text"), rule="directive")
    if TOC.match(line):
        return Mark(kind="toc", text=line.strip(), rule="toc_directive")
    if RULE.match(line) or DECORATIVE_RULE.match(line) or END_MARK.match(line):
        return Mark(kind="rule", text="", rule="thematic_break")
    if m := PROPERTY.match(line):
        return Mark(kind="property", text=m.group("value") or "", rule="logseq_property", label=m.group("key").lower())
    return None
