"""read: bytes on disk (.txt, .html/.htm, .jsonl) -> Release objects, with clear per-file errors."""

from kg.read.errors import ReadError
from kg.read.loader import iter_releases, load_release

__all__ = ["ReadError", "iter_releases", "load_release"]
