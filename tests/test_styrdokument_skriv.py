"""lsk ny styrdokument and lsk granska on a styrdokument: an entry of styrdokument.yaml is added
or marked reviewed, and every other line of the file (comments, blank lines, key order) stays."""

from __future__ import annotations

import difflib

import pytest

from lsk.writers.fmt import formatted
from tests.conftest import check_json

REGISTER = """\
# Styrdokument som nämnden beslutat (kommentaren står kvar)

styrdokument:
  # delegationsordningen revideras varje år
  - id: delegationsordning
    titel: Delegationsordning för socialnämnden
    typ: delegationsordning
    ansvarig: forvaltningschef  # förvaltningschefen äger den
    faststalld:
      datum: 2026-01-28
      av: socialnamnden
    nasta_revision: 2027-01-31
    lank: https://provby.example/delegationsordning.pdf

  - id: overenskommelse
    titel: Överenskommelse om utskrivning
    typ: overenskommelse
    faststalld: {datum: 2024-11-21, av: socialnamnden}
    giltig_till: 2027-12-31
    nasta_revision: 2026-12-31
    lank: https://provby.example/overenskommelse.pdf

  - id: riktlinje-mottagning
    titel: Riktlinje för mottagning
    typ: riktlinje
    faststalld:
      datum: 2025-11-20
      av: socialnamnden
    beskrivning: >-
      Hur ansökningar tas emot och registreras,

      och vem som gör vad.
# slut på registret
"""


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line[:1] in "+-"]


def test_ny_styrdokument_starts_the_register_with_a_placeholder_lsk_check_flags(lsk, repo):
    root = repo()
    assert not (root / "styrdokument.yaml").exists()
    result = lsk("ny", "styrdokument", "--typ", "riktlinje", "--titel", "Riktlinje för nycklar",
                 "--agare", "enhetschef", root)
    assert result.code == 0, result.err
    assert result.out.strip().endswith("styrdokument.yaml: riktlinje-for-nycklar")
    text = (root / "styrdokument.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Styrdokument som nämnden har beslutat")
    assert text.endswith("styrdokument:\n  - id: riktlinje-for-nycklar\n"
                         "    titel: Riktlinje för nycklar\n    typ: riktlinje\n"
                         "    beskrivning: Beskriv kort vad dokumentet styr.\n"
                         "    ansvarig: enhetschef\n")
    found = check_json(lsk, root)
    codes = {d["code"] for d in found}
    # no error: reminders to link it, have it fastställd, and write its own description
    assert codes <= {"LSK508", "LSK515", "LSK518"} and "LSK518" in codes
    assert all(d["severity"] != "error" for d in found)
    assert formatted("styrdokument.yaml", text) == text  # as lsk fmt writes it


def test_ny_styrdokument_appends_and_keeps_every_comment_and_blank_line(lsk, repo):
    root = repo({"styrdokument.yaml": REGISTER})
    result = lsk("ny", "styrdokument", "--typ", "plan", "--titel", "Plan för intern kontroll",
                 root)
    assert result.code == 0, result.err
    after = (root / "styrdokument.yaml").read_text(encoding="utf-8")
    assert after == REGISTER + (
        "\n  - id: plan-for-intern-kontroll\n    titel: Plan för intern kontroll\n"
        "    typ: plan\n    beskrivning: Beskriv kort vad dokumentet styr.\n")


@pytest.mark.parametrize("args, message", [
    (["--titel", "Ny riktlinje"], "ett styrdokument behöver en typ"),
    (["--titel", "Ny riktlinje", "--typ", "riktlinj"], "Menade du 'riktlinje'?"),
    (["--titel", "Ny riktlinje", "--typ", "plan", "--agare", "enhetchef"],
     "Menade du 'enhetschef'?"),
    (["--titel", "Delegationsordning", "--typ", "plan"], "id 'delegationsordning' finns redan"),
])
def test_ny_styrdokument_refuses_and_leaves_the_file(lsk, repo, args, message):
    root = repo({"styrdokument.yaml": REGISTER})
    result = lsk("ny", "styrdokument", *args, root)
    assert result.code == 2 and message in result.err
    assert (root / "styrdokument.yaml").read_text(encoding="utf-8") == REGISTER


def test_ny_styrdokument_refuses_a_register_of_another_shape(lsk, repo):
    text = "- id: a\n  titel: A\n  typ: plan\n"
    root = repo({"styrdokument.yaml": text})
    result = lsk("ny", "styrdokument", "--typ", "plan", "--titel", "Ny plan", root)
    assert result.code == 2 and "styrdokument.yaml" in result.err
    assert (root / "styrdokument.yaml").read_text(encoding="utf-8") == text


def test_granska_styrdokument_sets_the_two_dates_in_its_entry_only(lsk, repo):
    root = repo({"styrdokument.yaml": REGISTER})
    findings = [(d["code"], d["message"]) for d in check_json(lsk, root)]  # the last: no link
    result = lsk("granska", "delegationsordning", root, "--datum", "2026-11-20")
    assert result.code == 0, result.err
    assert "delegationsordning granskad 2026-11-20, nästa revision 2027-11-23" in result.out
    after = (root / "styrdokument.yaml").read_text(encoding="utf-8")
    # fastställd 2026-01-28, next revision 2027-01-31: the interval (368 days) is kept
    assert sorted(_changed(REGISTER, after)) == [
        "+     granskad: 2026-11-20", "+     nasta_revision: 2027-11-23",
        "-     nasta_revision: 2027-01-31"]
    assert [(d["code"], d["message"]) for d in check_json(lsk, root)] == findings


def test_granska_styrdokument_puts_granskad_in_the_models_key_order(lsk, repo):
    root = repo({"styrdokument.yaml": REGISTER})
    assert lsk("granska", "overenskommelse", root, "--datum", "2026-11-20").code == 0
    after = (root / "styrdokument.yaml").read_text(encoding="utf-8")
    assert ("    faststalld: {datum: 2024-11-21, av: socialnamnden}\n"
            "    granskad: 2026-11-20\n    giltig_till: 2027-12-31\n"
            "    nasta_revision: 2028-12-29\n") in after  # granskad before giltig_till
    # fastställd 2024-11-21, next revision 2026-12-31: 770 days, kept from the review on
    assert len(_changed(REGISTER, after)) == 3


def test_granska_styrdokument_adds_keys_after_a_last_block_text(lsk, repo):
    root = repo({"styrdokument.yaml": REGISTER})
    assert lsk("granska", "riktlinje-mottagning", root, "--datum", "2026-11-20").code == 0
    after = (root / "styrdokument.yaml").read_text(encoding="utf-8")
    assert after.endswith("      och vem som gör vad.\n    granskad: 2026-11-20\n"
                          "    nasta_revision: 2027-11-20\n# slut på registret\n")
    assert _changed(REGISTER, after) == ["+     granskad: 2026-11-20",
                                         "+     nasta_revision: 2027-11-20"]


def test_granska_styrdokument_refuses_an_entry_written_on_one_line(lsk, repo):
    text = ("styrdokument:\n  - {id: plan, titel: Plan, typ: plan, "
            "faststalld: {datum: 2025-01-10, av: socialnamnden}, nasta_revision: 2026-12-31}\n")
    root = repo({"styrdokument.yaml": text})
    result = lsk("granska", "plan", root, "--datum", "2026-11-20")
    assert result.code == 2 and "ändra det för hand" in result.err
    assert (root / "styrdokument.yaml").read_text(encoding="utf-8") == text


def test_granska_styrdokument_keeps_crlf_and_suggests_an_id(lsk, repo):
    root = repo({"styrdokument.yaml": REGISTER.replace("\n", "\r\n")})
    assert lsk("granska", "riktlinje-mottagning", root, "--datum", "2026-11-20").code == 0
    raw = (root / "styrdokument.yaml").read_bytes()
    assert b"    granskad: 2026-11-20\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    wrong = lsk("granska", "delegationsordningen", root)
    assert wrong.code == 2 and "Menade du 'delegationsordning'?" in wrong.err
