"""The one error type the read stage raises: it names the file and says what is wrong with it."""

from __future__ import annotations

from kg.read.normalize import printable


class ReadError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{printable(path)}: {printable(reason)}")
        self.path = path
        self.reason = reason
