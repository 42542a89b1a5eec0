"""Usage errors are messages with exit 2, never tracebacks (issue 8, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main

GOOD = "On October 7, Qiao Lina, Mayor of Lanhe, presided over the forum. Wu Ping attended the forum.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    (root / "en-lanhe-1.txt").write_text(GOOD)
    assert main(["ingest", str(root / "en-lanhe-1.txt"), "--store", str(root / "store")]) == 0
    return root / "store"


def usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("command", ["explore", "export"])
def test_output_to_a_folder_or_under_a_file(
    command: str, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "is a folder" in usage_error(capsys, command, "-o", str(tmp_path), "--store", str(store))
    (tmp_path / "f").write_text("x")
    err = usage_error(capsys, command, "-o", str(tmp_path / "f" / "out.html"), "--store", str(store))
    assert "is a file, not a folder" in err
    err = usage_error(capsys, command, "-o", "/proc/kg-no-such/out.ttl", "--store", str(store))
    assert "cannot create the folder" in err


@pytest.mark.parametrize("command", ["explore", "export"])
def test_output_into_a_missing_folder_is_made(
    command: str, store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new" / "deeper" / "out.ttl"
    assert main([command, "-o", str(out), "--store", str(store)]) == 0
    assert out.stat().st_size > 0


def test_validate_unknown_suffix_and_syntax_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "g.txt").write_text("<a> <b> <c> .\n")
    assert "cannot tell the RDF format" in usage_error(capsys, "validate", str(tmp_path / "g.txt"))
    (tmp_path / "bad.ttl").write_text("@prefix : <http://x.test/> .\n:a :b\n")
    assert "is not valid RDF" in usage_error(capsys, "validate", str(tmp_path / "bad.ttl"))
    assert "no such file" in usage_error(capsys, "validate", str(tmp_path / "none.ttl"))


@pytest.mark.parametrize(
    "args",
    [["analyze", "--top", "-5"], ["analyze", "--top", "0"], ["analyze", "--top", "x"],
     ["explore", "--depth", "-1"], ["extract", "--budget", "-1", "x.txt"],
     ["extract", "--budget", "nan", "x.txt"], ["ingest", "--budget", "inf", "x.txt"]],
)
def test_invalid_numbers_are_refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code == 2
    assert "error: argument" in capsys.readouterr().err
