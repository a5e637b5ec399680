"""Every input that ever crashed, hung or leaked through lsk, run again (tests/regressions/).

Each case runs in a fresh interpreter with a deadline and 1 GiB of address space, so a hang or
a memory bomb fails the test instead of the suite. See tests/regressions/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests import gitrepos, minimal

CASES = Path(__file__).parent / "regressions"
TODAY = "2026-11-25"
SECONDS = 60
GUARDED = """\
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from lsk.cli import main
sys.argv = ["lsk", *sys.argv[1:]]
sys.exit(main())
"""


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "fall.yaml").is_file())


def _bytes_path(text: str) -> bytes:
    """'rutiner/R002-\\xff.yaml' as the bytes of a file name."""
    return text.encode("utf-8").decode("unicode_escape").encode("latin-1")


def _build(case: Path, spec: dict, top: Path) -> tuple[Path, list[Path]]:
    """The case's root under ``top``, and folders to remove leaf first (deep nestings)."""
    root = top / "ls"
    if spec.get("bas", "minimal") == "minimal":
        minimal.write(root)
    else:
        root.mkdir(parents=True)
    if (case / "filer").is_dir():
        shutil.copytree(case / "filer", root, dirs_exist_ok=True, symlinks=True)
    nested: list[Path] = []
    for step in spec.get("skapa", []):
        if "bytenamn" in step:
            target = os.path.join(os.fsencode(root), _bytes_path(step["bytenamn"]))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write((root / step["kopia_av"]).read_bytes())
        elif "djup" in step:
            folder = root / step["under"]
            for _ in range(step["djup"]):  # one level at a time: os.makedirs recurses
                folder = folder / "x"
                folder.mkdir()
                nested.append(folder)
            (folder / "R999-djup.yaml").write_text("id: R999\n", encoding="utf-8")
        elif "lank" in step:
            (root / step["lank"]).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(step["till"], root / step["lank"])
        elif "fifo" in step:
            (root / step["fifo"]).parent.mkdir(parents=True, exist_ok=True)
            os.mkfifo(root / step["fifo"])
        elif "git" in step:
            git = gitrepos.Git(root, "")
            git("init", "-q", "-b", "main")
            git.commit("Första versionen", date="2024-03-01T10:00:00+01:00")
        elif "git_tagg" in step:
            from lsk.history import editions

            git = gitrepos.Git(root, "")
            head = git("rev-parse", "HEAD").strip()
            message = step.get("meddelande") or editions.format_message(
                "SN 2025-01-01 § 1", None, dt.date(2025, 1, 1), head, "")
            git("tag", "-a", "--cleanup=verbatim", "-m", message.replace("{commit}", head),
                step["git_tagg"], step.get("pa", "HEAD"))
        else:
            raise AssertionError(f"{case.name}: okänt steg {step}")
    return root, nested


def _run(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "xdg"), **gitrepos.IDENTITY}
    try:
        return subprocess.run([sys.executable, "-c", GUARDED, *args], capture_output=True,
                              text=True, timeout=SECONDS, env=env, cwd=tmp)
    except subprocess.TimeoutExpired:
        pytest.fail(f"lsk {' '.join(args)} ran for more than {SECONDS} s")


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_an_input_that_once_crashed_lsk_no_longer_does(case, tmp_path):
    spec = yaml.safe_load((case / "fall.yaml").read_text(encoding="utf-8"))
    assert spec.get("beskrivning") and spec.get("kalla"), f"{case.name}: beskrivning och kalla"
    root, nested = _build(case, spec, tmp_path)
    out = tmp_path / "ut"
    out.mkdir()
    try:
        for run in spec["kor"]:
            args = [a.replace("{rot}", str(root)).replace("{ut}", str(out))
                    for a in run["kommando"]]
            if args[0] in ("check", "kvalitetsberattelse", "render", "status") \
                    and "--datum" not in args:
                args += ["--datum", TODAY]
            done = _run(args, tmp_path)
            shown = f"lsk {' '.join(run['kommando'])}: {done.returncode}\n{done.stderr[-2000:]}"
            assert "internt fel" not in done.stderr and "Traceback" not in done.stderr, shown
            assert done.returncode in run["slutkod"], shown
            for text in run.get("stderr", []):
                assert text in done.stderr, shown
            if run.get("koder"):
                found = _run(["check", str(root), "--format", "json", "--no-cache",
                              "--datum", TODAY], tmp_path)
                codes = {d["code"] for d in json.loads(found.stdout)["diagnostics"]}
                assert set(run["koder"]) <= codes, (codes, shown)
            if run.get("utdata"):
                written = out / run["utdata"]["fil"]
                text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                                 for p in sorted(written.rglob("*")) if p.is_file()) \
                    if written.is_dir() else written.read_text(encoding="utf-8", errors="replace")
                for bad in run["utdata"].get("saknar", []):
                    assert bad not in text, (bad, written)
                for good in run["utdata"].get("har", []):
                    assert good in text, (good, written)
            for rel in run.get("skapas_inte", []):
                assert not os.path.lexists(root / rel), f"{rel} was written"
    finally:
        for path in [p for p in root.rglob("*") if p.is_symlink()] if not nested else []:
            path.unlink()  # a link to '.' or '..' loops rmtree
        for leaf in sorted((f for f in nested), key=lambda p: len(p.parts), reverse=True):
            for child in leaf.iterdir():
                child.unlink()
            leaf.rmdir()
