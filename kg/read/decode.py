"""Bytes -> str: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030/GBK, Big5; refuse binary.

Legacy Chinese encodings overlap: most Big5 byte pairs are also valid GBK and the other way round,
so "the first codec that decodes without error" is wrong half of the time. Instead every candidate
decodes strictly and the results are scored by the share of common characters (see
:mod:`kg.read.hanzi`); the best scoring decoding wins, ties going to the earlier candidate.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from kg.read.errors import ReadError
from kg.read.hanzi import common_share

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")
_MIN_SHARE = 0.5  # below this share of common characters a CJK decoding is mojibake
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"), (b"BM", None), (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"), (b"RIFF", "a RIFF media file"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` is ("a PNG image", ...), or None when it may be text."""
    for magic, kind in _MAGIC:
        if kind and data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    if head and ctrl > len(head) * 0.05:
        return "binary data (control bytes)"
    return None


def _strict(data: bytes, enc: str) -> str | None:
    """Strict decoding that forgives a multi-byte character cut off at the very end (a truncated
    capture); None when the bytes are not valid in ``enc``."""
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        cut_off = "end of data" in e.reason or "incomplete" in e.reason
        if cut_off and e.start >= len(data) - 3:
            try:
                return data[: e.start].decode(enc)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM shows NULs in every other byte of its ASCII characters."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    n = len(head) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > n * 0.6 and other == 0:
            text = _strict(data, enc)
            share = common_share(text) if text is not None else 0.0
            if text is not None and "\x00" not in text and (share is None or share >= _MIN_SHARE):
                return text
    return None


def _max_bad(data: bytes) -> int:
    """How many corrupted bytes a long capture may have and still be read (as U+FFFD)."""
    return max(4, len(data) // 1000)


def _best_of(decodings: list[tuple[str, str]], min_share: float) -> Decoded | None:
    """The decoding with the highest share of common characters (ties: the earlier one)."""
    best: tuple[float, str, str] | None = None
    for enc, text in decodings:
        share = common_share(text)
        if share is not None and (best is None or share > best[0] + 1e-9):
            best = (share, enc, text)
    return Decoded(best[2], best[1]) if best and best[0] >= min_share else None


def _legacy(data: bytes) -> Decoded | None:
    """The best strict decoding among the legacy CJK candidates, or None."""
    strict = [(enc, text) for enc in _CJK_CANDIDATES if (text := _strict(data, enc)) is not None]
    return _best_of(strict, _MIN_SHARE)


def _lenient_legacy(data: bytes) -> Decoded | None:
    """A GBK or Big5 capture with a few corrupted bytes: replaced, when the rest is clearly Chinese."""
    loose = []
    for enc in _CJK_CANDIDATES[:2]:
        text = data.decode(enc, errors="replace")
        if text.count("\ufffd") <= _max_bad(data):
            loose.append((enc, text))
    return _best_of(loose, 0.8)


def _latin(data: bytes) -> Decoded | None:
    """A mostly-ASCII (English) page with a few Windows-1252 quotes or accents."""
    high = sum(1 for b in data if b > 127)
    if high > max(4, len(data) * 0.03):
        return None
    text = _strict(data, "cp1252")
    return Decoded(text, "cp1252") if text is not None else None


def _lenient_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a handful of corrupted bytes (replaced by U+FFFD)."""
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8") if text.count("\ufffd") <= _max_bad(data) else None


def _declared_codec(name: str) -> str | None:
    try:
        canon = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    if canon in {"gb2312", "gbk", "hz", "gb18030"}:
        return "gb18030"  # a superset: pages that say gb2312 use GBK characters freely
    if canon == "big5":
        return "cp950"  # the Windows superset that Big5 pages are really written in
    return canon


def _accept_declared(data: bytes, declared: str) -> Decoded | None:
    """The declared charset, when the bytes agree with it."""
    enc = _declared_codec(declared)
    if enc is None:
        return None
    if enc in {"latin-1", "iso8859-1", "cp1252", "ascii"} and any(b > 127 for b in data):
        return None  # a Chinese page that says iso-8859-1 is mislabelled: let detection decide
    text = _strict(data, enc)
    if text is None:
        return None
    share = common_share(text)
    if enc not in {"utf-8", "utf-16", "utf-32"} and share is not None and share < _MIN_SHARE:
        return None
    return Decoded(text, enc)


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> Decoded:
    """Decode a release's bytes. ``declared`` is a charset the page itself names (HTML <meta>), used
    when the bytes are consistent with it. Raises ReadError ("binary ...", "undecodable ...")."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data, enc)
            if text is None:
                raise ReadError(where, f"undecodable {enc.upper()} text (after its byte-order mark)")
            return Decoded(text.lstrip("\ufeff"), enc)
    kind = binary_kind(data)
    if kind:
        text16 = _utf16_without_bom(data) if "NUL" in kind else None
        if text16 is not None:
            return Decoded(text16, "utf-16")
        raise ReadError(where, f"binary file, not a text or HTML release: {kind}")
    if declared and (found := _accept_declared(data, declared)):
        return found
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    for attempt in (_legacy, _latin, _lenient_utf8, _lenient_legacy):
        if found := attempt(data):
            return found
    raise ReadError(where, "undecodable bytes: not UTF-8, UTF-16, GB18030/GBK or Big5 text")
