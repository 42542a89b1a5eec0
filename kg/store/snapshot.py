"""Consistent snapshots of a store for ``kg serve``.

A RocksDB store must not be read by a second process while another writes it (pyoxigraph: "undefined
behaviour"). So the endpoint never reads the live store: it serves a *snapshot*, a RocksDB checkpoint
of the store (hard links to its immutable table files: cheap, and untouched by later writes), and
takes a new one when the store has changed and no writer holds it (``kg ingest`` finished).

:func:`take_snapshot` opens the store as its writer for the split second of the checkpoint, which
proves no ``kg ingest`` is running (an ingest starting in that instant is told the store is busy).
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox


class StoreBusy(RuntimeError):
    """Another process (``kg ingest``) is writing the store: try again later."""


def signature(path: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when the store is written: names, sizes and modification times of its files."""
    out = []
    try:
        entries = list(os.scandir(path))
    except OSError:
        return ()
    for e in entries:
        if e.name.startswith("kg-"):  # kg's own files beside the database (kg-push.json)
            continue
        try:
            st = e.stat()
        except OSError:  # a file removed while we looked
            continue
        out.append((e.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


def new_snapshot_dir(live: Path) -> Path:
    """A fresh folder for a snapshot: beside the store (same file system: hard links) when possible."""
    try:
        d = tempfile.mkdtemp(prefix=f".{live.name}.serve-", dir=live.resolve().parent)
    except OSError:
        d = tempfile.mkdtemp(prefix="kg-serve-")
    return Path(d)


def take_snapshot(live: Path, primary: ox.Store | None = None) -> Path:
    """A checkpoint of the store at ``live`` in a new folder; returns the checkpoint's path. With
    ``primary`` (a store this process already holds open for writing), checkpoint that. Raises
    :class:`StoreBusy` when another process holds the store, OSError when it cannot be read."""
    folder = new_snapshot_dir(live)
    target = folder / "db"
    try:
        if primary is not None:
            primary.flush()
            primary.backup(str(target))
            return target
        try:
            store = ox.Store(str(live))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreBusy(f"{live} is being written by another process") from e
            # not ours to write (permissions, a read-only file system): then no kg ingest of ours
            # writes it either, and a read-only open is safe
            store = ox.Store.read_only(str(live))
        try:
            store.backup(str(target))
        finally:
            del store
            gc.collect()
        return target
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def remove_snapshot(target: Path) -> None:
    shutil.rmtree(target.parent, ignore_errors=True)
