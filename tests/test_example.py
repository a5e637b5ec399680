"""The embedded example is complete, realistic and passes lsk check with zero errors."""

from __future__ import annotations

from collections import Counter

import pytest

from lsk.loader.repository import load_repository
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def example():
    return load_repository(EXAMPLE, use_cache=False)


def test_example_has_no_diagnostics(example):
    assert [f"{d.path}:{d.line}: {d.code} {d.message}" for d in example.diagnostics] == []


def test_cli_reports_zero_errors_on_the_example(lsk):
    result = lsk("check", EXAMPLE, "--no-cache")
    assert result.code == 0
    assert result.out.splitlines()[-1].startswith("Kontrollerade")
    assert "inga fel, 0 varningar" in result.out


def test_example_is_complete(example):
    processes = example.models("process")
    types = Counter(p.typ for p in processes)
    assert len(processes) >= 12
    assert set(types) == {"ledningsprocess", "karnprocess", "stodprocess"}
    routines = example.models("rutin")
    assert len(routines) >= 30
    assert all(step.ansvar for r in routines for step in r.steg)
    assert all(a.ansvar and a.rutiner for p in processes for a in p.aktiviteter)
    (services,) = example.models("tjanster")
    assert len(services.tjanster) >= 6
    (cycle,) = example.models("arscykel")
    assert len({m for h in cycle.handelser for m in h.months()}) == 12
    assert {h.aterkommer for h in cycle.handelser} >= {
        "manadsvis", "kvartalsvis", "tertialvis", "halvarsvis", "lopande", "arligen"}
    assert any(len(h.given_months) > 1 for h in cycle.handelser)  # "per mars och augusti"
    assert any(h.note for h in cycle.handelser)
    produced = {h.producerar for h in cycle.handelser}
    assert {"kvalitetsberattelse", "patientsakerhetsberattelse", "internkontrollplan",
            "riskanalys", "egenkontroll", "budget", "verksamhetsplan"} <= produced


def test_every_routine_governs_an_activity_and_every_role_is_used(example):
    used_routines = {r for p in example.models("process") for a in p.aktiviteter for r in a.rutiner}
    assert {r.id for r in example.models("rutin")} <= used_routines
    referenced = {ref.target for f in example.files for ref in f.references}
    (roles,) = example.models("roller")
    assert {r.id for r in roles.roller} <= referenced


def test_the_newest_year_shows_what_real_records_look_like():
    """Reports apart from types, a survey over several years, partial dates, a partly done
    measure, and the year's own words and self-assessment (issue 15)."""
    import datetime as dt

    from lsk.analysis.corpus import Corpus
    from lsk.model.berattelse import Arsberattelse
    from lsk.model.poster import Atgarder, Avvikelser
    from lsk.model.tidpunkt import Delvisdatum
    from lsk.model.undersokning import Undersokning

    corpus = Corpus.load(EXAMPLE, dt.date(2026, 11, 25))
    year = max(corpus.years())
    deviations = corpus.record(Avvikelser, year)
    assert deviations and deviations.rapporter and deviations.totalt is not None
    assert deviations.totalt < sum(a.antal for a in deviations.antal)
    assert any(len(d.model.years()) >= 3 and year in d.model.years()
               for d in corpus.of(Undersokning))
    measures = corpus.record(Atgarder, year)
    assert measures and any(a.status == "delvis_genomford" and a.orsak for a in measures.atgarder)
    assert any(isinstance(a.sista_datum, Delvisdatum) for a in measures.atgarder)
    own = corpus.record(Arsberattelse, year)
    assert own and own.inledning and own.bedomning and len(own.kapitel) == 5
