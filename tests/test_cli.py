"""Exit codes, root discovery, help in Swedish, and the cache."""

from __future__ import annotations

import pytest

from tests.minimal import FILES

RUTIN = "rutiner/R001-mottagning.yaml"


def test_exit_code_zero_when_clean(lsk, repo):
    assert lsk("check", repo()).code == 0


def test_warnings_fail_only_with_strict(lsk, repo):
    root = repo({"bilagor/protokoll.yaml": "x: 1\n"})
    assert lsk("check", root).code == 0
    assert lsk("check", root, "--strict").code == 1


def test_usage_error_exits_2(lsk, repo):
    assert lsk("check", repo(), "--format", "xml").code == 2
    assert lsk("finns-inte").code == 2


def test_unwritable_out_exits_2_with_message(lsk, repo, tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    result = lsk("check", repo(), "--format", "json", "--out", blocker / "under" / "x.json")
    assert result.code == 2
    assert result.err.startswith("lsk: fel: kan inte skriva")


def test_root_is_found_from_inside_the_repository(lsk, repo):
    root = repo()
    assert lsk("check", "--format", "json", cwd=root / "rutiner").json["summary"]["files"] == 5


def test_root_defaults_to_ledningssystem_folder(lsk, tmp_path):
    from tests import minimal

    minimal.write(tmp_path / "ledningssystem")
    assert lsk("check", "--format", "json", cwd=tmp_path).json["summary"]["files"] == 5


@pytest.mark.parametrize("command", [[], ["check"], ["schema"], ["koder"]])
def test_help_is_swedish_and_has_an_example(lsk, command):
    result = lsk(*command, "--help")
    assert result.code == 0
    assert "Användning:" in result.out and "Exempel" in result.out
    assert "Visa den här hjälpen" in result.out


def test_internal_error_is_reported_not_dumped(lsk, repo, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("lsk.commands.check.check", explode)
    result = lsk("check", repo())
    assert result.code == 2
    assert "internt fel: RuntimeError: boom" in result.err
    assert "Traceback" not in result.err


def test_warm_cache_gives_the_same_result_and_sees_changes(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("ansvarig: enhetschef", "ansvarig: enhetchef")})
    cold = lsk("check", root, "--format", "json").json
    assert list((root / ".lsk-cache").glob("files-*.pickle"))
    warm = lsk("check", root, "--format", "json").json
    assert warm == cold and warm["summary"]["errors"] == 1
    (root / RUTIN).write_text(FILES[RUTIN], encoding="utf-8")
    assert lsk("check", root, "--format", "json").json["summary"]["errors"] == 0
    # a change in another file must re-resolve references into the cached one
    (root / "roller.yaml").write_text(FILES["roller.yaml"].replace("id: enhetschef",
                                                                   "id: chef"), encoding="utf-8")
    codes = [d["code"] for d in lsk("check", root, "--format", "json").json["diagnostics"]]
    assert codes.count("LSK302") == 3


def test_corrupt_cache_is_ignored(lsk, repo):
    root = repo()
    lsk("check", root)
    for stored in (root / ".lsk-cache").glob("*.pickle"):
        stored.write_bytes(b"not a pickle")
    assert lsk("check", root, "--format", "json").json["summary"]["errors"] == 0


def test_cache_is_reused_by_a_new_process(repo):
    """A second run in a fresh interpreter must hit the cache (no salted hashes in its key)."""
    import subprocess
    import sys

    root = repo()
    probe = ("import sys, lsk.loader.files as f; calls = []; orig = f.process_file\n"
             "def spy(*a, **k):\n    calls.append(a[0]); return orig(*a, **k)\n"
             "f.process_file = spy\nimport lsk.loader.repository as r; r.process_file = spy\n"
             f"r.load_repository(__import__('pathlib').Path({str(root)!r}))\nprint(len(calls))")
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    from lsk.catalog import catalog_files

    assert runs == [str(5 + len(catalog_files())), "0"]


def test_a_planted_cache_is_never_unpickled(lsk, repo, tmp_path):
    """pickle runs code: a .lsk-cache committed by someone else must be ignored, not loaded."""
    import pickle

    class Boom:
        def __reduce__(self):
            return (open, (str(tmp_path / "PWNED"), "w"))

    root = repo()
    lsk("check", root)
    for stored in (root / ".lsk-cache").glob("*.pickle"):
        stored.write_bytes(b"\0" * 32 + pickle.dumps(Boom()))
    assert lsk("check", root, "--format", "json").json["summary"]["errors"] == 0
    assert not (tmp_path / "PWNED").exists()


def test_a_broken_override_template_names_the_template(lsk, repo, tmp_path):
    root = repo()
    (root / "mallar").mkdir()
    (root / "mallar" / "start.html").write_text("{% if %}", encoding="utf-8")
    result = lsk("render", root, "--out", tmp_path / "h")
    assert result.code == 2
    assert "mallfel i" in result.err and "start.html" in result.err
    assert "internt fel" not in result.err


def test_a_template_that_includes_itself_is_named(lsk, repo, tmp_path):
    root = repo()
    (root / "mallar").mkdir()
    (root / "mallar" / "_rutin.html").write_text('{% include "_rutin.html" %}', encoding="utf-8")
    result = lsk("render", root, "--out", tmp_path / "h")
    assert result.code == 2 and "_rutin.html" in result.err and "sig själv" in result.err
    assert "internt fel" not in result.err


def test_an_unwritable_output_path_is_a_usage_error(lsk, repo, tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    result = lsk("trace", repo(), "--format", "xlsx", "--out", blocker / "x.xlsx")
    assert result.code == 2 and "internt fel" not in result.err


@pytest.mark.parametrize("args, swedish", [
    (["check", "--formt", "json"], "Flaggan --formt finns inte (menade du --format"),
    (["check", "--format", "xx"], "'xx' är inte ett av 'text'"),
    (["trace", "--fail-under", "abc"], "ett tal förväntas"),
    (["chek"], "Kommandot 'chek' finns inte; menade du 'check'"),
    (["status", "--datum", "2026-13-01"], "inget datum på formen ÅÅÅÅ-MM-DD"),
    (["granska"], "Argumentet 'ID' saknas"),
    (["check", "a", "b"], "Oväntat argument: b"),
    (["trace", "--out"], "Flaggan --out behöver ett värde"),
    (["ny"], "Argumentet 'TYP' saknas; välj ett av: rutin, process, roll, tjanst, styrdokument"),
    (["kvalitetsberattelse", "2025", "--troskel", "-1"], "värdet måste vara minst 0"),
    (["trace", "--fail-under", "nan"], "--fail-under nan är ingen procentsats"),
    (["fmt", "/etc/passwd"], "roten '/etc/passwd' är ingen mapp"),
])
def test_usage_errors_are_in_swedish(lsk, args, swedish):
    result = lsk(*args)
    assert result.code == 2
    assert swedish in " ".join(result.err.replace("│", " ").split())


def test_unknown_usage_messages_pass_through_unchanged():
    from lsk.cli_sv import swedish_message

    assert swedish_message("Something new in Typer 9") == "Something new in Typer 9"


def test_operating_system_errors_are_in_swedish(lsk, repo, tmp_path):
    result = lsk("trace", repo(), "--format", "csv", "--out", "/proc/lsk/x.csv")
    assert result.code == 2 and "No such file" not in result.err
    assert "finns inte" in result.err or "behörighet" in result.err


def test_help_has_swedish_metavars_and_type_labels(lsk):
    text = " ".join(lsk("check", "--help").out.split())
    assert "[FLAGGOR]" in text and "<sökväg>" in text
    assert "[OPTIONS]" not in text and "<bool>" not in text and "<path>" not in text


def test_schema_out_must_be_a_folder(lsk, tmp_path):
    target = tmp_path / "fil"
    target.write_text("x", encoding="utf-8")
    result = lsk("schema", "--out", target)
    assert result.code == 2 and "är ingen mapp" in result.err
