"""Find release files under the given paths and turn each into a Release (or a ReadError)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Release
from kg.read.decode import decode_bytes
from kg.read.errors import ReadError
from kg.read.furniture import read_furniture
from kg.read.html import html_to_text

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
MAX_BYTES = 20 * 1024 * 1024  # a single release larger than this is not a press release
_STEM_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus release files found (sorted) under folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.endswith(".gold.json")
            )
        else:
            out.append(p)
    return out


def _date_hint(stem: str) -> str | None:
    m = _STEM_DATE.search(stem)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _finish(release: Release) -> Release:
    if not release.text or not release.text.strip():
        raise ReadError(release.path or release.id, "no text in this release")
    fur = read_furniture(release.text)
    release.title = release.title or fur.title
    release.published = release.published or fur.published
    release.source = release.source or fur.source
    release.url = release.url or fur.url
    release.date_hint = release.date_hint or _date_hint(release.id)
    return release


def load_release(path: str | Path) -> Release:
    """Read one .txt/.html file as a Release. Raises ReadError with a clear reason."""
    p = Path(path)
    if not p.exists():
        raise ReadError(str(p), "no such file")
    if not p.is_file():
        raise ReadError(str(p), "not a file")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(str(p), "empty file")
    if size > MAX_BYTES:
        raise ReadError(str(p), f"file is {size} bytes, larger than the {MAX_BYTES}-byte limit for a release")
    data = p.read_bytes()
    text, encoding = decode_bytes(data, str(p))
    html = p.suffix.lower() in {".html", ".htm"} or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    title = None
    if html:
        text, title = html_to_text(text)
        if not text.strip():
            raise ReadError(str(p), "HTML page without any text")
    return _finish(Release(id=p.stem, text=text, title=title, path=str(p), encoding=encoding))


def _jsonl_releases(p: Path) -> Iterator[Release | ReadError]:
    try:
        data = p.read_bytes()
        text, _ = decode_bytes(data, str(p))
    except ReadError as e:
        yield e
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(where, f"not valid JSON ({e.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield ReadError(where, 'a release line needs an object with a "text" string')
            continue
        rid = str(obj.get("id") or f"{p.stem}-{n}")
        body = obj["text"]
        if "<" in body and re.search(r"</?(p|div|html|body|br)\b", body, re.I):
            body, _t = html_to_text(body)
        try:
            yield _finish(Release(
                id=rid, text=body, url=obj.get("url"), title=obj.get("title"),
                published=obj.get("published"), path=where, encoding="utf-8",
            ))
        except ReadError as e:
            yield e


def iter_releases(paths: Iterable[str | Path]) -> Iterator[Release | ReadError]:
    """Every release under ``paths``; a bad file yields a ReadError and the batch goes on."""
    for p in expand_paths(paths):
        if p.suffix.lower() == ".jsonl":
            yield from _jsonl_releases(p)
            continue
        try:
            yield load_release(p)
        except ReadError as e:
            yield e
        except OSError as e:
            yield ReadError(str(p), f"cannot read: {e.strerror or e}")
