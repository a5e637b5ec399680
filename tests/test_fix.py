"""lsk check --fix and --diff: references to repealed provisions rewritten in place, nothing else."""

from __future__ import annotations

from tests.conftest import check_json

R001 = "rutiner/R001-mottagning.yaml"
KP01 = "processer/KP01-mottagning.yaml"

OLD = """\
forfattning:
  id: SN-2020:5
  namn: Socialnämndens beslut 2020 § 5
  kortnamn: SN 2020 § 5
  typ: lokal
  upphavd: 2025-01-01
krav:
  - id: SN-2020:5/1
    rubrik: Registrering inom en vecka
    text: Ansökningar registreras inom en vecka.
    evidens: [rutin]
    upphavd: 2025-01-01
    ersatt_av: [SN-2025:12/1]
  - id: SN-2020:5/2
    rubrik: Två sätt
    text: Ansökan tas emot muntligt eller skriftligt.
    evidens: [rutin]
    upphavd: 2025-01-01
    ersatt_av: [SN-2025:12/1, SN-2025:12/2]
"""
NEW = """\
forfattning:
  id: SN-2025:12
  namn: Socialnämndens beslut 2025 § 12
  kortnamn: SN 2025 § 12
  typ: lokal
krav:
  - id: SN-2025:12/1
    rubrik: Registrering samma dag
    text: Varje ansökan registreras samma dag.
    evidens: [rutin]
  - id: SN-2025:12/2
    rubrik: Muntlig ansökan
    text: En muntlig ansökan dokumenteras.
    evidens: [rutin]
"""


def _repo(repo, routine_refs: str = "[SOSFS-2011:9/4/4, 'SN-2020:5/1']  # beslut 2020",
          process_refs: str = "\n  - SN-2020:5/1\n  - SN-2020:5/2\n"):
    root = repo({"krav/sn-2020-5.yaml": OLD, "krav/sn-2025-12.yaml": NEW})
    routine = (root / R001).read_text(encoding="utf-8")
    (root / R001).write_text(routine.replace("lagkrav: [SOSFS-2011:9/4/4]",
                                             f"lagkrav: {routine_refs}"), encoding="utf-8")
    process = (root / KP01).read_text(encoding="utf-8")
    (root / KP01).write_text(process.replace("lagkrav: [SOSFS-2011:9/4/3]",
                                             f"lagkrav:{process_refs}"), encoding="utf-8")
    return root


def test_diff_shows_what_fix_would_change_and_writes_nothing(lsk, repo):
    root = _repo(repo)
    before = (root / R001).read_bytes()
    result = lsk("check", root, "--diff")
    assert result.code == 1
    assert "-lagkrav: [SOSFS-2011:9/4/4, 'SN-2020:5/1']  # beslut 2020" in result.out
    assert "+lagkrav: [SOSFS-2011:9/4/4, 'SN-2025:12/1']  # beslut 2020" in result.out
    assert "skulle rätta 2 hänvisningar" in result.err
    assert (root / R001).read_bytes() == before


def test_fix_rewrites_only_one_to_one_references_and_lists_the_rest(lsk, repo):
    root = _repo(repo)
    texts = {rel: (root / rel).read_text(encoding="utf-8") for rel in (R001, KP01)}
    result = lsk("check", root, "--fix")
    assert "rättade 2 hänvisningar till upphävda bestämmelser i 2 filer" in result.err
    assert f"{R001}:" in result.err and "SN-2020:5/1 → SN-2025:12/1" in result.err
    assert "SN-2020:5/2: flera bestämmelser ersätter den" in result.err
    assert "(kandidater: SN-2025:12/1, SN-2025:12/2)" in result.err
    for rel, old in texts.items():
        new = (root / rel).read_text(encoding="utf-8")
        changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]
        assert len(changed) == 1, rel  # one line, everything else byte for byte
        assert changed[0][1] == changed[0][0].replace("SN-2020:5/1", "SN-2025:12/1")
    diags = check_json(lsk, root)
    assert [d["message"] for d in diags if d["code"] == "LSK511"] == [
        "SN-2020:5/2 är upphävd sedan 2025-01-01, men KP01 fastställdes därefter (2025-03-20)"]
    again = lsk("check", root, "--fix")
    assert "rättade" not in again.err and (root / R001).read_text(encoding="utf-8") == \
        texts[R001].replace("'SN-2020:5/1'", "'SN-2025:12/1'")


def test_a_replacement_already_in_the_list_is_not_written_twice(lsk, repo):
    root = _repo(repo, routine_refs="[SN-2025:12/1, SN-2020:5/1]")
    before = (root / R001).read_bytes()
    result = lsk("check", root, "--fix")
    assert "SN-2025:12/1 står redan i samma lista; ta bort SN-2020:5/1" in result.err
    assert (root / R001).read_bytes() == before


def test_a_file_with_errors_is_never_rewritten(lsk, repo):
    root = _repo(repo)
    broken = (root / R001).read_text(encoding="utf-8").replace("titel:", "tittel:")
    (root / R001).write_text(broken, encoding="utf-8")
    result = lsk("check", root, "--fix")
    assert "R001-mottagning.yaml har fel och skrivs inte om" in result.err
    assert (root / R001).read_text(encoding="utf-8") == broken
    assert result.code == 1  # the check that follows reports the error


def test_crlf_line_ends_are_kept(lsk, repo):
    root = _repo(repo)
    crlf = (root / R001).read_text(encoding="utf-8").replace("\n", "\r\n")
    (root / R001).write_bytes(crlf.encode())
    lsk("check", root, "--fix")
    assert (root / R001).read_bytes() == crlf.replace("'SN-2020:5/1'", "'SN-2025:12/1'").encode()


def test_fix_and_diff_cannot_be_combined(lsk, repo):
    result = lsk("check", _repo(repo), "--fix", "--diff")
    assert result.code == 2 and "kan inte kombineras" in result.err


def test_the_example_moves_to_the_new_socialtjanstlag(lsk, tmp_path):
    """Issue 12's case: a routine in a copy of the example cites SFS-2001:453/14/3 and /11/5."""
    import shutil
    import subprocess

    from tests.conftest import EXAMPLE

    root = tmp_path / "ledningssystem"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    routine = root / "rutiner/R004-utredning-och-dokumentation.yaml"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(text.replace("  - SFS-2025:400/14/2\n", "  - SFS-2001:453/14/3\n", 1)
                       .replace("  - SFS-2025:400/14/3\n", "  - SFS-2001:453/11/5\n", 1),
                       encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "kopia"], check=True)
    warned = {d["message"]: d["hint"] for d in check_json(lsk, root) if d["code"] == "LSK511"}
    assert set(warned) == {"SFS-2001:453/14/3 är upphävd sedan 2025-07-01, men R004 fastställdes "
                           "därefter (2025-10-06)",
                           "SFS-2001:453/11/5 är upphävd sedan 2025-07-01, men R004 fastställdes "
                           "därefter (2025-10-06)"}
    hints = " ".join(warned.values())
    assert "SFS-2025:400/27/2 «Rapporteringsskyldighet (lex Sarah)»" in hints
    assert "SFS-2025:400/14/3 «Dokumentation av handläggning och genomförande»" in hints
    assert lsk("check", root, "--fix").code == 0
    diff = subprocess.run([*git, "diff", "--unified=0"], capture_output=True, text=True,
                          check=True).stdout
    changed = [line for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-  - SFS-2001:453/14/3", "-  - SFS-2001:453/11/5",
                       "+  - SFS-2025:400/27/2", "+  - SFS-2025:400/14/3"]
    assert [d for d in check_json(lsk, root) if d["code"] == "LSK511"] == []


def test_a_chain_of_replacements_is_followed_so_a_second_run_changes_nothing(lsk, repo):
    """SN-2020:5/1 was replaced by a provision that was itself repealed later."""
    chain = OLD.replace("ersatt_av: [SN-2025:12/1]", "ersatt_av: [SN-2023:1/1]") + """\
"""
    middle = """\
forfattning:
  id: SN-2023:1
  namn: Socialnämndens beslut 2023 § 1
  kortnamn: SN 2023 § 1
  typ: lokal
krav:
  - id: SN-2023:1/1
    rubrik: Registrering inom tre dagar
    text: Ansökningar registreras inom tre dagar.
    evidens: [rutin]
    upphavd: 2025-06-01
    ersatt_av: [SN-2025:12/1]
"""
    root = _repo(repo)
    (root / "krav/sn-2020-5.yaml").write_text(chain, encoding="utf-8")
    (root / "krav/sn-2023-1.yaml").write_text(middle, encoding="utf-8")
    lsk("check", root, "--fix")
    assert "'SN-2025:12/1'" in (root / R001).read_text(encoding="utf-8")
    again = lsk("check", root, "--diff")
    assert again.code == 0 and again.out == ""


def test_a_file_with_reference_errors_is_not_rewritten(lsk, repo):
    root = _repo(repo)
    text = (root / R001).read_text(encoding="utf-8").replace("ansvar: handlaggare",
                                                              "ansvar: handlagare", 1)
    (root / R001).write_text(text, encoding="utf-8")
    result = lsk("check", root, "--fix")
    assert "filen har fel och skrivs inte om" in result.err
    assert (root / R001).read_text(encoding="utf-8") == text


def test_one_value_that_cannot_be_rewritten_does_not_block_the_others(lsk, repo):
    third = OLD + """\
  - id: SN-2020:5/3
    rubrik: Bekräftelse
    text: Mottagandet bekräftas.
    evidens: [rutin]
    upphavd: 2025-01-01
    ersatt_av: [SN-2025:12/2]
"""
    root = _repo(repo, process_refs='\n  - SN-2020:5/3\n  - "SN-2020:5\\/1"\n')
    (root / "krav/sn-2020-5.yaml").write_text(third, encoding="utf-8")
    result = lsk("check", root, "--fix")
    process = (root / KP01).read_text(encoding="utf-8")
    assert "  - SN-2025:12/2\n" in process and '"SN-2020:5\\/1"' in process
    assert "kan inte skrivas om säkert" in result.err and "ändra för hand" in result.err


def test_fix_refuses_what_it_cannot_do_before_writing_anything(lsk, repo, tmp_path):
    root = _repo(repo)
    before = (root / R001).read_bytes()
    for args in (("--fix", "--out", root / "rapport.json"), ("--diff", "--format", "json"),
                 ("--fix", "--changed-since", "HEAD")):
        result = lsk("check", root, *args)
        assert result.code == 2, args
    assert (root / R001).read_bytes() == before
    assert lsk("check", tmp_path / "inget", "--diff").code == 2
