"""lsk status with a fixed 'today': this month's events and what is overdue."""

from __future__ import annotations

CYCLE = """\
handelser:
  - {manad: mars, vad: Riskanalys inför sommaren, ansvar: enhetschef, producerar: riskanalys}
  - {manad: maj, vad: Journalgranskning, ansvar: enhetschef, producerar: egenkontroll}
  - {manad: november, vad: Budget för nästa år, ansvar: forvaltningschef, producerar: budget}
"""
MEASURES = """\
ar: 2026
atgarder:
  - id: atg-2026-01
    atgard: Dubbelkontroll av registreringen.
    ursprung: ek-2026-01
    agare: enhetschef
    sista_datum: 2026-09-30
    status: pagaende
  - id: atg-2026-02
    atgard: Ny introduktion för vikarier.
    ursprung: ek-2026-01
    agare: enhetschef
    sista_datum: 2026-12-31
    status: planerad
"""
CONTROLS = """\
ar: 2026
egenkontroller:
  - id: ek-2026-01
    vad: Journalgranskning
    metod: journalgranskning
    ansvar: enhetschef
    planerad: 2026-05-15
    genomford: 2026-05-20
    resultat: 18 av 20 akter var kompletta (90 %).
"""


def test_status_lists_this_month_and_what_is_overdue(lsk, repo):
    root = repo({"arscykel.yaml": CYCLE, "ar/2026/atgarder.yaml": MEASURES,
                 "ar/2026/egenkontroller.yaml": CONTROLS})
    result = lsk("status", root, "--format", "json", "--datum", "2026-11-25")
    assert result.code == 0
    report = result.json
    assert report["month"] == "november"
    assert [i["id"] for i in report["this_month"]] == ["budget"]
    late = sorted((i["type"], i["id"]) for i in report["overdue"])
    # the riskanalys of March has no record this year; the egenkontroll of May has one
    assert late == [("arscykel", "riskanalys"), ("atgard", "atg-2026-01")]


def test_status_moves_with_the_date(lsk, repo):
    root = repo({"arscykel.yaml": CYCLE, "ar/2026/atgarder.yaml": MEASURES,
                 "ar/2026/egenkontroller.yaml": CONTROLS})
    report = lsk("status", root, "--format", "json", "--datum", "2026-03-10").json
    assert [i["id"] for i in report["this_month"]] == ["riskanalys"]
    assert report["overdue"] == []


def test_status_text_is_swedish(lsk, repo):
    root = repo({"arscykel.yaml": CYCLE})
    out = lsk("status", root, "--datum", "2026-11-25").out
    assert "Att göra i november:" in out and "Budget för nästa år" in out
    assert "Försenat:" in out and "årscykel: Riskanalys:" in out and "riskanalys:" not in out


def test_status_never_sends_control_characters_to_the_terminal(lsk, repo):
    cycle = CYCLE.replace("Journalgranskning", '"Journal\\x1b[2Jgranskning \\u202eevil"')
    result = lsk("status", repo({"arscykel.yaml": cycle}), "--datum", "2026-05-10")
    assert result.code == 0 and "\x1b" not in result.out and "\u202e" not in result.out
    assert "Journal[2Jgranskning" in result.out  # the reader drops ESC from an escape (LSK011)


def test_a_january_compilation_of_last_year_is_not_overdue_in_february(lsk, repo):
    cycle = "handelser:\n  - {manad: januari, vad: Avvikelser för helåret sammanställs, " \
            "ansvar: enhetschef, producerar: avvikelsesammanstallning}\n"
    records = ("id: avvikelser-2026\nar: 2026\nantal:\n  - {enhet: mottagningen, typ: ovrig_avvikelse, "
               "antal: 12}\n")
    root = repo({"arscykel.yaml": cycle, "ar/2026/avvikelser.yaml": records})
    late = lsk("status", root, "--datum", "2027-02-01", "--format", "json").json["overdue"]
    assert late == []


RECURRING = """\
handelser:
  - {aterkommer: manadsvis, utom: [juli], vad: Ekonomisk uppföljning, ansvar: forvaltningschef}
  - {aterkommer: kvartalsvis, manad: januari, vad: Ej verkställda beslut, ansvar: enhetschef,
     not: Kvartal 2 tas upp i augusti.}
  - {aterkommer: tertialvis, vad: Avvikelser sammanställs, ansvar: enhetschef,
     producerar: avvikelsesammanstallning}
  - {manad: [mars, augusti], vad: Verksamhetsredovisning, ansvar: forvaltningschef,
     producerar: delarsrapport}
  - {aterkommer: lopande, vad: Stickprov i akterna, ansvar: enhetschef}
"""


def _due(lsk, root, day: str) -> list[str]:
    report = lsk("status", root, "--format", "json", "--datum", day).json
    return [i["description"].split(" (")[0] for i in report["this_month"]]


def test_status_expands_recurring_events_into_their_months(lsk, repo):
    root = repo({"arscykel.yaml": RECURRING})
    assert _due(lsk, root, "2026-01-15") == ["Ekonomisk uppföljning", "Ej verkställda beslut"]
    assert _due(lsk, root, "2026-04-15") == ["Ekonomisk uppföljning", "Ej verkställda beslut",
                                             "Avvikelser sammanställs"]
    assert _due(lsk, root, "2026-07-15") == ["Ej verkställda beslut"]  # no meeting in July
    assert _due(lsk, root, "2026-08-15") == ["Ekonomisk uppföljning", "Avvikelser sammanställs",
                                             "Verksamhetsredovisning"]
    report = lsk("status", root, "--format", "json", "--datum", "2026-10-01").json
    quarterly = next(i for i in report["this_month"] if i["description"].startswith("Ej"))
    assert "en gång per kvartal (januari, april, juli och oktober)" in quarterly["description"]
    assert "Kvartal 2 tas upp i augusti" in quarterly["description"]
    assert quarterly["description"].endswith("; ansvar: Enhetschef)")  # the role by its name
    assert [i["description"].split(" (")[0] for i in report["ongoing"]] == ["Stickprov i akterna"]
    text = lsk("status", root, "--datum", "2026-10-01").out
    assert "Löpande under året:" in text and "Stickprov i akterna" in text


def test_a_recurring_promise_is_overdue_from_its_first_month(lsk, repo):
    root = repo({"arscykel.yaml": RECURRING})
    late = lsk("status", root, "--format", "json", "--datum", "2026-06-10").json["overdue"]
    # tertial 1 ends in April: no record of avvikelser this year
    assert [(i["id"], i["due"]) for i in late] == [("avvikelsesammanstallning", "april")]
