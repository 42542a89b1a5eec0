"""Bytes -> str: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5; refuse binary."""

from __future__ import annotations

from kg.read.errors import ReadError

_CANDIDATES = ("utf-8", "gb18030", "big5")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > len(head) * 0.05


def decode_bytes(data: bytes, where: str) -> tuple[str, str]:
    """Decode a release's bytes; returns (text, encoding). Raises ReadError when it cannot."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise ReadError(where, f"undecodable UTF-16 ({e.reason})") from None
    if _looks_binary(data):
        raise ReadError(where, "binary file, not a text or HTML release")
    for enc in _CANDIDATES:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise ReadError(where, "undecodable bytes: not UTF-8, GB18030/GBK or Big5")
