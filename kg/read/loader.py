"""Find release files under the given paths and turn each into a Release (or a ReadError).

.txt -> one release; .html/.htm -> one release (markup stripped, <meta> read); .jsonl -> one release a
line. One bad file, or one bad line of a .jsonl file, never aborts the batch: ``iter_releases`` yields
a ReadError for it and goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.model import Release
from kg.read.dates import find_dates
from kg.read.decode import binary_kind, decode_bytes
from kg.read.errors import ReadError
from kg.read.furniture import read_furniture
from kg.read.html import PageMeta, declared_charset, html_to_text, looks_like_html
from kg.read.normalize import clean_field, normalize_text

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}
MAX_BYTES = 20 * 1024 * 1024  # a single release larger than this is not a press release
MAX_JSONL_BYTES = 2 * 1024 * 1024 * 1024  # a .jsonl batch is read line by line
_STEM_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_HTML_IN_JSON = re.compile(r"</?(p|div|html|body|br|span|h1|h2)\b", re.I)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus release files found (sorted) under folders."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
            )
        else:
            out.append(p)
    return out


def date_hint(stem: str) -> str | None:
    """A yyyymmdd date in a file stem ("en-changchun-20210907-fawc2" -> "2021-09-07")."""
    m = _STEM_DATE.search(stem)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _iso_date(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    toks = find_dates(value)
    return toks[0].iso if toks else None


def _finish(release: Release, where: str, meta: PageMeta | None = None) -> Release:
    release.text = normalize_text(release.text)
    release.id = clean_field(release.id) or "release"
    release.url, release.title = clean_field(release.url), clean_field(release.title)
    release.source = clean_field(release.source)
    if not release.text.strip():
        raise ReadError(where, "no text (only whitespace)")
    fur = read_furniture(release.text)
    if meta is not None:
        release.title = release.title or meta.title
        release.published = release.published or _iso_date(meta.published)
        release.url = release.url or meta.url
        release.source = release.source or meta.source
    release.title = release.title or fur.title
    release.published = release.published or fur.published
    release.source = release.source or fur.source
    release.url = release.url or fur.url
    release.date_hint = release.date_hint or date_hint(release.id)
    release.url, release.title = clean_field(release.url), clean_field(release.title)
    release.source = clean_field(release.source)
    return release


def _check_file(p: Path, limit: int) -> int:
    if not p.exists():
        raise ReadError(str(p), "no such file")
    if not p.is_file():
        raise ReadError(str(p), "not a file")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(str(p), "empty file")
    if size > limit:
        raise ReadError(str(p), f"file too large: {size} bytes, over the {limit}-byte limit for a release "
                                "(not read)")
    return size


def load_release(path: str | Path) -> Release:
    """Read one .txt/.html file as a Release. Raises ReadError with a clear reason."""
    p = Path(path)
    if p.suffix.lower() == ".jsonl":
        raise ReadError(str(p), "a .jsonl file holds many releases: read it with iter_releases")
    _check_file(p, MAX_BYTES)
    data = p.read_bytes()
    html_suffix = p.suffix.lower() in HTML_SUFFIXES
    declared = declared_charset(data) if html_suffix or data.lstrip()[:1] == b"<" else None
    decoded = decode_bytes(data, str(p), declared=declared)
    text = decoded.text
    meta = None
    if html_suffix or looks_like_html(text):
        text, meta = html_to_text(text)
        if not text.strip():
            raise ReadError(str(p), "HTML page without any text")
    release = Release(id=p.stem, text=text, path=str(p), encoding=decoded.encoding)
    return _finish(release, str(p), meta)


def _jsonl_line(obj: Any, p: Path, n: int) -> Release:
    where = f"{p}:{n}"
    if not isinstance(obj, dict):
        raise ReadError(where, "a release line must be a JSON object")
    if not isinstance(obj.get("text"), str):
        raise ReadError(where, 'a release line needs a "text" string')
    body = obj["text"]
    meta = None
    if _HTML_IN_JSON.search(body):
        body, meta = html_to_text(body)
        if not body.strip():
            raise ReadError(where, "HTML page without any text")
    rid = str(obj.get("id") or f"{p.stem}-{n}")

    def text_or_none(key: str) -> str | None:
        value = obj.get(key)
        return value.strip() or None if isinstance(value, str) else None

    lang = text_or_none("language")
    release = Release(
        id=rid, text=body, url=text_or_none("url"), title=text_or_none("title"),
        published=_iso_date(obj.get("published")), source=text_or_none("source"),
        language=lang if lang in {"en", "zh"} else None, path=where, encoding="utf-8",
    )
    return _finish(release, where, meta)


def _jsonl_releases(p: Path) -> Iterator[Release | ReadError]:
    """One release per line, read line by line; bad lines are reported as FILE:LINE and skipped."""
    found = 0
    try:
        _check_file(p, MAX_JSONL_BYTES)
        with p.open("rb") as fh:
            first = fh.read(8192)
            if kind := binary_kind(first):
                raise ReadError(str(p), f"binary file, not JSON Lines: {kind}")
            fh.seek(0)
            for n, raw in enumerate(iter(lambda: fh.readline(MAX_BYTES + 1), b""), 1):
                if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                    yield ReadError(f"{p}:{n}", f"line longer than the {MAX_BYTES}-byte limit (skipped)")
                    for rest in iter(lambda: fh.readline(MAX_BYTES + 1), b""):
                        if rest.endswith(b"\n"):
                            break
                    continue
                items = list(_jsonl_item(raw, p, n))
                found += len(items)
                yield from items
            if not found:
                raise ReadError(str(p), "no text: the .jsonl file has only blank lines")
    except ReadError as e:
        yield e
    except OSError as e:
        yield ReadError(str(p), f"cannot read: {e.strerror or e}")


def _jsonl_item(raw: bytes, p: Path, n: int) -> Iterator[Release | ReadError]:
    where = f"{p}:{n}"
    if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        yield ReadError(where, "undecodable line: JSON Lines must be UTF-8")
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        yield ReadError(where, f"not valid JSON ({e.msg} at column {e.colno})")
        return
    try:
        yield _jsonl_line(obj, p, n)
    except ReadError as e:
        yield e
    except Exception as e:  # noqa: BLE001 - one odd line must not abort the batch
        yield ReadError(where, f"cannot read: {type(e).__name__}: {e}")


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
        except Exception as e:  # noqa: BLE001 - a reader bug on one file must not abort the batch
            yield ReadError(str(p), f"cannot read: {type(e).__name__}: {e}")
