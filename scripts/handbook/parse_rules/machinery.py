"""Lines that are editor or outliner machinery, not note text.

Accepts::

    id:: 65e1a2b3-…     collapsed:: true     title:: 目标检测      (Logseq properties)
    <!-- handbook: question -->   <!-- handbook: topic: detection -->   (author directives)
    [TOC]   {:toc}   [[_TOC_]]   * TOC {:toc}                           (generated tables of contents)
    ---   ***   ___   =====                                             (thematic breaks)
    #separator:tab   #html:true   #tags column:3                         (Anki export headers)
"""

from __future__ import annotations

import re

from .marker import Mark

PROPERTY = re.compile(r"^\s*(?:[-*]\s+)?(?P<key>[a-z][\w-]*)::\s*(?P<value>.*)$", re.I)
DIRECTIVE = re.compile(r"^\s*<!--\s*handbook\s*:\s*(?P<text>.*?)\s*-->\s*$", re.I)
TOC = re.compile(
    r"^\s*(?:\[TOC\]|\[\[_?TOC_?\]\]|\{:\s*toc\s*\}|\*\s*(?:TOC|目录)\s*\{:toc\}|@\[toc\](?:\(.*\))?)\s*$", re.I
)
RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")


ANKI_HEADER = re.compile(r"^#(?:separator|html|tags column|deck column|notetype column|guid column|columns):", re.I)


def match(line: str) -> Mark | None:
    if ANKI_HEADER.match(line):
        return Mark(kind="property", text=line.strip(), rule="anki_header", label="anki")
    if m := DIRECTIVE.match(line):
        return Mark(kind="directive", text=m.group("text"), rule="directive")
    if TOC.match(line):
        return Mark(kind="toc", text=line.strip(), rule="toc_directive")
    if RULE.match(line):
        return Mark(kind="rule", text="", rule="thematic_break")
    if m := PROPERTY.match(line):
        return Mark(kind="property", text=m.group("value"), rule="logseq_property", label=m.group("key").lower())
    return None
