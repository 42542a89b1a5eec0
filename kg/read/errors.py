"""The one error type the read stage raises: it names the file and says what is wrong with it."""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
