"""Where the ontology folder (kg.ttl, shapes.ttl, queries/) is: next to the package in a checkout, or
an installed copy. ``KG_ONTOLOGY_DIR`` overrides."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import kg


def ontology_candidates() -> list[Path]:
    pkg = Path(kg.__file__).resolve().parent
    out = []
    if os.environ.get("KG_ONTOLOGY_DIR"):
        out.append(Path(os.environ["KG_ONTOLOGY_DIR"]))
    out += [
        pkg.parent / "ontology",  # a checkout: <repo>/kg and <repo>/ontology
        pkg / "ontology",  # packaged inside kg/
        pkg / "data" / "ontology",
        Path(sys.prefix) / "share" / "kg" / "ontology",  # installed as data files
        Path.cwd() / "ontology",
    ]
    return out


def ontology_dir() -> Path:
    """The first candidate folder that holds shapes.ttl."""
    for c in ontology_candidates():
        if (c / "shapes.ttl").is_file():
            return c
    tried = ", ".join(str(c) for c in ontology_candidates())
    raise FileNotFoundError(f"ontology folder not found (tried {tried}); set KG_ONTOLOGY_DIR")
