"""The runnable examples in kg's docstrings (networkx style) are tested: every module of the package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg

MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed"


def test_examples_exist() -> None:
    """At least the knowledge loader and the trace helpers show how they are called."""
    finder = doctest.DocTestFinder()
    for name in ("kg.knowledge", "kg.extract.trace"):
        tests = finder.find(importlib.import_module(name))
        assert sum(len(t.examples) for t in tests) >= 1, name
