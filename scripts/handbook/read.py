"""Stage 1, read: files of ``notes/`` → :class:`~handbook.model.Note`.

Decodes any encoding (UTF-8 with or without BOM, UTF-16, GBK/GB18030, Big5) with
charset-normalizer, strips editor debris, reads optional YAML front matter (title,
source/url, date, company) and finds a human title. Unreadable files become a
diagnostic, never an exception: the rest of the site still builds.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from .diagnostics import Report
from .model import Note
from .textfix import clean_debris

NOTE_SUFFIXES = {".md", ".markdown", ".txt", ".mdown", ".mkd", ""}
HASH_LIKE = re.compile(r"(?:^|[_-])[0-9a-f]{8,}$", re.IGNORECASE)
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})\s*(.+?)\s*#*\s*$")
LINE_MARKER = re.compile(r"^\s*(?:[-*+>#]+|\d+(?:\.\d+)*[.、)）]|[(（]\d+[)）]|[一二三四五六七八九十]+、)\s*")
GENERIC_TITLES = {"前言", "目录", "问题", "正文", "总结", "toc", "[toc]", "引言", "说明"}
BINARY_SNIFF = 8192
CHINESE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]
# Keys that front matter of Jekyll, Hexo, Hugo, Obsidian and Typora notes actually use; a
# "---" block without any of them ("---\nQ: 感受野怎么算？\n---") is note text, not metadata.
FRONT_MATTER_KEYS = {
    "title", "date", "updated", "tags", "tag", "categories", "category", "layout", "author", "source",
    "url", "link", "company", "description", "permalink", "toc", "draft", "aliases", "keywords", "slug",
    "comments", "mathjax", "katex", "summary", "cover", "lang", "weight", "created", "modified",
    "topic", "round",
}


def iter_note_files(notes_dir: Path, report: Report) -> Iterator[Path]:
    """Every note file below ``notes_dir``, sorted, following no symlink loops."""
    seen_dirs: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(notes_dir, followlinks=True):
        st = os.stat(root)
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            rel = Path(root).relative_to(notes_dir).as_posix()
            report.warn(rel, 1, "symlink loop: folder already read, skipped")
            dirs[:] = []
            continue
        seen_dirs.add(key)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in NOTE_SUFFIXES:
                continue
            yield path


def other_files(notes_dir: Path) -> Iterator[Path]:
    """Files below ``notes_dir`` that are not notes (images, attachments, stray files)."""
    for root, dirs, files in os.walk(notes_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() not in NOTE_SUFFIXES:
                yield path


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name). UTF-8 first; BOMs decide; else charset-normalizer."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Short Chinese notes are easily mistaken for Korean or Japanese codepages; consider the
    # encodings Chinese notes are written in first, and only then everything else.
    for candidates in (CHINESE_ENCODINGS, None):
        best = from_bytes(raw, cp_isolation=candidates).best()
        if best is not None and best.encoding:
            return str(best), best.encoding
    return raw.decode("gb18030", errors="replace"), "gb18030"


PAGE_PROPERTY = re.compile(r"^(?P<key>[a-z][\w-]*)::\s*(?P<value>.*)$", re.I)


def split_page_properties(text: str) -> tuple[dict, str]:
    """Logseq page properties (``title:: 目标检测 面试题`` lines at the top): its front matter."""
    lines = text.split("\n")
    meta: dict = {}
    end = 0
    while end < len(lines) and (m := PAGE_PROPERTY.match(lines[end].strip())):
        meta[m.group("key").lower()] = m.group("value").strip()
        end += 1
    if not meta:
        return {}, text
    return meta, "\n".join([""] * end + lines[end:])


def split_front_matter(text: str) -> tuple[dict, str, str | None]:
    """Return (meta, text with front matter blanked, error). Line numbers are kept."""
    lines = text.split("\n")
    if lines and PAGE_PROPERTY.match(lines[0].strip()):
        meta, body = split_page_properties(text)
        return meta, body, None
    if not lines or lines[0].strip() != "---":
        return {}, text, None
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            block = "\n".join(lines[1:end])
            try:
                meta = yaml.safe_load(block) or {}
            except yaml.YAMLError as exc:
                return {}, text, f"invalid front matter, kept as text ({str(exc).splitlines()[0]})"
            if not isinstance(meta, dict) or not FRONT_MATTER_KEYS & {str(k).lower() for k in meta}:
                return {}, text, None
            blanked = [""] * (end + 1) + lines[end + 1 :]
            return meta, "\n".join(blanked), None
    return {}, text, None


def find_title(meta: dict, text: str, stem: str) -> str:
    if meta.get("title"):
        return str(meta["title"]).strip()
    headings = [m.group(2) for line in text.split("\n")[:80] if (m := ATX_HEADING.match(line))]
    if headings and not HASH_LIKE.search(stem):
        return stem
    for heading in headings:
        if heading.strip("：: ").lower() not in GENERIC_TITLES:
            return heading.strip()
    if stem and not HASH_LIKE.search(stem):
        return stem
    for line in text.split("\n"):
        candidate = LINE_MARKER.sub("", re.sub(r"<[^>]+>", "", line)).strip().rstrip("：:")
        if candidate and candidate.lower() not in GENERIC_TITLES and not candidate.startswith("!["):
            candidate = re.split(r"[。！？!?；;，,]", candidate)[0]
            return candidate[:30] or stem
    return stem or "未命名笔记"


def make_slug(rel_path: str) -> str:
    stem = rel_path.rsplit(".", 1)[0] if "." in rel_path.rsplit("/", 1)[-1] else rel_path
    slug = re.sub(r"[^\w]+", "-", stem.lower(), flags=re.UNICODE).strip("-_")
    if not slug:
        slug = "note-" + hashlib.sha1(rel_path.encode()).hexdigest()[:8]
    return slug


def read_note(path: Path, notes_dir: Path, report: Report) -> Note | None:
    rel = path.relative_to(notes_dir).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        report.error(rel, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    if not raw.strip():
        report.warn(rel, 1, "empty note, skipped")
        return None
    if b"\x00" in raw[:BINARY_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.error(rel, 1, "binary file, not a note: skipped")
        return None
    text, encoding = decode(raw)
    if encoding not in ("utf-8", "ascii"):
        report.add(rel, 1, "info", f"decoded as {encoding}; consider saving as UTF-8")
    text = clean_debris(text)
    meta, body, fm_error = split_front_matter(text)
    raw_front_matter = "\n".join(
        line for old, new, line in zip(text.split("\n"), body.split("\n"), text.split("\n"), strict=False)
        if old != new and line.strip() not in ("---", "...")
    )
    text = body
    if fm_error:
        report.warn(rel, 1, fm_error)
    stem = path.stem if path.suffix else path.name
    return Note(
        path=rel,
        title=find_title(meta, text, stem),
        text=text,
        slug=make_slug(rel),
        source_url=str(meta.get("source") or meta.get("url") or meta.get("link") or ""),
        date=str(meta.get("date") or ""),
        company=str(meta.get("company") or ""),
        round=str(meta.get("round") or ""),
        topic=str(meta.get("topic") or "").strip(),
        encoding=encoding,
        front_matter=raw_front_matter,
    )


def read_notes(notes_dir: Path, report: Report) -> list[Note]:
    """Read every note; titles and slugs made unique so two notes never share a page."""
    notes: list[Note] = []
    titles: dict[str, int] = {}
    slugs: set[str] = set()
    for path in iter_note_files(notes_dir, report):
        note = read_note(path, notes_dir, report)
        if note is None:
            continue
        title, slug = note.title, note.slug
        titles[title] = titles.get(title, 0) + 1
        if titles[title] > 1:
            title = f"{title}（{titles[title]}）"
        base, n = slug, 1
        while slug in slugs:
            n += 1
            slug = f"{base}-{n}"
        slugs.add(slug)
        notes.append(_replace(note, title=title, slug=slug))
    return notes


def _replace(note: Note, **changes) -> Note:
    from dataclasses import replace

    return replace(note, **changes)
