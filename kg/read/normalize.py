"""Text normalization at the read stage: what reaches the parsers is clean Unicode text.

- line ends become ``\\n`` (CR LF, CR, and the other line and page separators: VT, FF, NEL, U+2028/9);
- byte-order marks, NULs and every other control character except ``\\n`` and ``\\t`` are dropped;
- a lone surrogate (a JSON "\\ud800", a file name that was not UTF-8) becomes U+FFFD, so the text can
  always be encoded as UTF-8 (hashing, RDF, the store, the terminal).
Nothing else changes: spans index the normalized text, which is what ``Release.text`` holds.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = {"\v": "\n", "\f": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n",
                "\u2028": "\n", "\u2029": "\n"}
_DROP = {c: None for c in [*map(chr, range(0, 32)), "\x7f", *map(chr, range(0x80, 0xA0)), "\ufeff"]
         if c not in "\n\t" and c not in _LINE_BREAKS}
_TABLE = str.maketrans({**_DROP, **_LINE_BREAKS})


def normalize_text(text: str) -> str:
    """The release text the parsers read (see the module's docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", text).translate(_TABLE)


def clean_field(value: str | None) -> str | None:
    """A one-line field (id, title, URL, source): normalized, line breaks and tabs as spaces, trimmed;
    None when nothing is left."""
    if value is None:
        return None
    value = " ".join(normalize_text(value).split())
    return value or None


def _escape(c: str) -> str:
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:
        return f"\\x{n - 0xDC00:02x}"  # an undecodable byte of a file name (surrogateescape)
    return f"\\x{n:02x}" if n < 256 else f"\\u{n:04x}"


def printable(value: str) -> str:
    """``value`` safe to print or encode: lone surrogates (undecodable bytes of a file name) and control
    characters shown as backslash escapes."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() and not _SURROGATE.match(c) else _escape(c) for c in value)


def text_digest(text: str) -> str:
    """The identity of a release's text: SHA-256 of its normalized text with runs of white space made
    one space (re-wrapped lines and a trailing newline do not make another release)."""
    import hashlib

    return "sha256:" + hashlib.sha256(" ".join(normalize_text(text).split()).encode("utf-8")).hexdigest()
