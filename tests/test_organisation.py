"""The organisation of any depth: the tree API others build on, the older shape read into the same
units, organs and units that act (``ansvar``, ``medverkar``) and the organisation chart."""

from __future__ import annotations

import pytest
import yaml

from lsk.model.organisation import Enhet, Organisation, Stabsfunktion
from lsk.render import environment
from lsk.render.svgorg import chart, organisationsschema
from lsk.render.urls import Urls
from tests.conftest import EXAMPLE, check_json
from tests.minimal import FILES

PROCESS = "processer/KP01-mottagning.yaml"
RUTIN = "rutiner/R001-mottagning.yaml"


def _example() -> Organisation:
    data = yaml.safe_load((EXAMPLE / "organisation.yaml").read_text(encoding="utf-8"))
    return Organisation.model_validate(data)


def _minimal() -> Organisation:
    return Organisation.model_validate(yaml.safe_load(FILES["organisation.yaml"]))


def test_the_tree_of_the_example_has_two_offices_under_the_kommunledning_and_stab_under_one():
    org = _example()
    assert org.underordnade(None) == ["kommunledningen"]
    assert org.underordnade("kommunledningen") == [
        "dataskydd-funktionen", "kommunkansliet", "namndkontoret", "socialkontoret"]
    assert [org.enhet(i).typ for i in org.underordnade("kommunledningen")] == [
        "stab", "kansli", "kontor", "kontor"]
    assert org.overordnad("mas-funktionen") == "socialkontoret"
    assert org.overordnad("personligt-ombud-funktionen") == "socialkontoret"
    assert isinstance(org.enhet("mas-funktionen"), Stabsfunktion)
    assert org.overordnad("hemtjanst-norra") == "hemtjansten"
    assert org.overordnade("hemtjanst-norra") == [
        "hemtjanst-norra", "hemtjansten", "aldreomsorgen", "socialkontoret", "kommunledningen"]
    assert org.djup("hemtjanst-norra") == 4 and org.djup("kommunledningen") == 0
    assert org.overordnad("kommunledningen") is None and org.overordnad("finns-inte") is None
    assert org.enhet("finns-inte") is None and org.underordnade("finns-inte") == []
    assert org.gren("aldreomsorgen") == [
        "aldreomsorgen", "bistandsenheten", "hemtjansten", "hemtjanst-norra", "hemtjanst-centrum",
        "hemtjanst-sodra", "sarskilt-boende-solgarden", "halso-och-sjukvardsenheten"]


def test_every_unit_comes_once_and_after_the_unit_above_it():
    org = _example()
    order = org.enhetsordning()
    assert len(order) == len(set(order)) == 28
    for i, unit in enumerate(order):
        parent = org.overordnad(unit)
        assert parent is None or order.index(parent) < i
    assert order[:3] == ["kommunledningen", "dataskydd-funktionen", "kommunkansliet"]


def test_the_older_shape_is_read_into_the_same_units():
    org = _minimal()
    assert org.forvaltning is not None and org.forvaltning.typ == "forvaltning"
    assert org.underordnade(None) == ["socialforvaltningen"]
    ifo = org.enhet("ifo")
    assert isinstance(ifo, Enhet) and ifo.typ == "avdelning"
    assert org.overordnad("mottagningen") == "ifo"
    assert org.enhet("mottagningen").typ == "enhet"


def test_the_older_top_level_stab_belongs_to_the_forvaltning():
    data = yaml.safe_load(FILES["organisation.yaml"])
    data["stab"] = [{"id": "mas-funktionen", "namn": "MAS"}]
    org = Organisation.model_validate(data)
    assert org.underordnade("socialforvaltningen") == ["mas-funktionen", "ifo"]
    del data["forvaltning"]
    assert Organisation.model_validate(data).underordnade(None) == ["mas-funktionen"]


def test_the_new_shape_in_the_minimal_repository_checks_clean(lsk, repo):
    organisation = """\
namnd: {id: socialnamnden, namn: Socialnämnden}
politiska_organ:
  - {id: kommunfullmaktige, namn: Kommunfullmäktige, typ: kommunfullmaktige}
enheter:
  - id: kommunledningen
    namn: Kommunledningen
    typ: kommunledning
    enheter:
      - id: socialkontoret
        namn: Socialkontoret
        typ: kontor
        chef: forvaltningschef
        stab:
          - {id: mas-funktionen, namn: MAS}
        enheter:
          - id: mottagningen
            namn: Mottagningsenheten
            chef: enhetschef
            enheter:
              - {id: team-a, namn: Team A, typ: team}
externa_parter:
  - {id: regionen, namn: Regionen, typ: region}
"""
    root = repo({"organisation.yaml": organisation})
    assert check_json(lsk, root) == []


def test_organs_and_units_can_be_responsible_and_take_part(lsk, repo):
    process = FILES[PROCESS].replace(
        "    ansvar: handlaggare\n",
        "    ansvar: socialnamnden\n    medverkar: [handlaggare, mottagningen, regionen]\n")
    root = repo({PROCESS: process})
    codes = [d["code"] for d in check_json(lsk, root)]
    assert codes == ["LSK303"]  # an external party cooperates (samverkan), it does not act here
    process = process.replace(", regionen]", "]")
    routine = FILES[RUTIN].replace(
        "  - text: Bekräfta mottagandet till den enskilde.\n    ansvar: handlaggare\n",
        "  - text: Bekräfta mottagandet till den enskilde.\n    ansvar: mottagningen\n"
        "    medverkar: [enhetschef, socialnamnden]\n")
    root = repo({PROCESS: process, RUTIN: routine})
    assert check_json(lsk, root) == []


@pytest.mark.parametrize(("field", "line", "column"), [("ansvar", 12, 13), ("medverkar", 13, 17)])
def test_an_unknown_actor_is_a_broken_reference_with_a_suggestion(lsk, repo, field, line, column):
    process = FILES[PROCESS].replace(
        "    ansvar: handlaggare\n", "    ansvar: handlaggare\n    medverkar: [handlaggare]\n")
    wrong = ("    ansvar: socialnamden\n" if field == "ansvar" else
             "    medverkar: [handlagare]\n")
    right = "    ansvar: handlaggare\n" if field == "ansvar" else "    medverkar: [handlaggare]\n"
    root = repo({PROCESS: process.replace(right, wrong)})
    d = next(d for d in check_json(lsk, root) if d["code"] == "LSK302")
    assert (d["line"], d["column"]) == (line, column)
    assert d["hint"] == ("Menade du 'socialnamnden'?" if field == "ansvar" else
                         "Menade du 'handlaggare'?")


def test_the_chart_links_every_unit_and_organ_and_fits_its_labels():
    org = _example()
    c = chart(org, Urls("html"))
    ids = [b.id for b in c.boxes]
    assert set(org.enhetsordning()) <= set(ids)
    assert {"kommunfullmaktige", "kommunstyrelsen", "socialnamnden", "arbetsutskottet",
            "pensionarsradet"} <= set(ids)
    assert all(b.href == f"organisation.html#org-{b.id}" for b in c.boxes)
    for a in c.boxes:  # no two boxes overlap, and every box is inside the drawing
        assert a.x >= 0 and a.x + a.w <= c.width and a.y >= 0 and a.y + a.h <= c.height
        for b in c.boxes:
            if a is not b:
                assert (a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y
                        or b.y + b.h <= a.y), (a.id, b.id)
    # a page of A4 holds it at a readable size: about five columns of boxes
    assert c.width <= 1000


def test_organisationsschema_returns_the_svg_for_an_organisation(tmp_path):
    svg = organisationsschema(environment.html_environment(tmp_path), _example(), Urls("pdf"))
    assert svg.startswith("<svg") and 'role="group"' in svg and "<title" in svg
    assert 'href="#org-socialkontoret"' in svg and 'aria-label="Socialkontoret (kontor)"' in svg
    assert "Medicinskt ansvarig sjuksköterska" in svg


def _points(d: str) -> list[tuple[float, float]]:
    """The corners of a path written as 'M x,y V y H x …'."""
    import re

    points: list[tuple[float, float]] = []
    for op, args in re.findall(r"([MHV])\s*([-0-9.,]+)", d):
        if op == "M":
            x, y = map(float, args.split(","))
        elif op == "H":
            x, y = float(args), points[-1][1]
        else:
            x, y = points[-1][0], float(args)
        points.append((x, y))
    return points


def test_support_is_drawn_as_its_own_lines_from_the_unit_to_the_organ():
    org = _example()
    c = chart(org, Urls("html"))
    assert [(s.fran, s.till) for s in c.support] == [
        ("kommunkansliet", "socialnamnden"), ("kommunkansliet", "arbetsutskottet"),
        ("kommunkansliet", "individutskottet"), ("kommunkansliet", "pensionarsradet"),
        ("namndkontoret", "socialnamnden")]
    boxes = {b.id: b for b in c.boxes}
    for s in c.support:
        assert s.d not in c.connectors and s.d not in c.dashed
        points = _points(s.d)
        unit, organ = boxes[s.fran], boxes[s.till]
        (x0, y0), (x1, y1) = points[0], points[-1]
        assert y0 == unit.y and unit.x < x0 < unit.x + unit.w  # leaves the unit's top
        assert y1 == organ.y + organ.h and organ.x < x1 < organ.x + organ.w  # enters from below
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):  # through no box
            for b in c.boxes:
                inside_x = min(ax, bx) < b.x + b.w - 0.5 and max(ax, bx) > b.x + 0.5
                inside_y = min(ay, by) < b.y + b.h - 0.5 and max(ay, by) > b.y + 0.5
                assert not (inside_x and inside_y), (s.title, b.id)
            assert min(ax, bx) >= 0 and max(ax, bx) <= c.width
            assert min(ay, by) >= 0 and max(ay, by) <= c.height
    assert c.legend is not None and c.legend.y > max(b.y + b.h for b in c.boxes)
    assert "Kommunkansliet ger stöd till Socialnämnden" in c.description


def test_support_to_a_role_or_a_unit_is_not_drawn_and_no_support_needs_no_legend(tmp_path):
    text = (EXAMPLE / "organisation.yaml").read_text(encoding="utf-8")
    text = text.replace("stodjer: [socialnamnden, arbetsutskottet, individutskottet, "
                        "pensionarsradet]", "stodjer: [socialkontoret, forvaltningschef]")
    text = text.replace("stodjer: [socialnamnden]", "stodjer: []")
    org = Organisation.model_validate(yaml.safe_load(text))
    c = chart(org, Urls("html"))
    assert c.support == [] and c.legend is None
    svg = organisationsschema(environment.html_environment(tmp_path), org, Urls("pdf"))
    assert "org-stod" not in svg and "org-teckenforklaring" not in svg


def test_the_svg_draws_support_dotted_in_its_own_colour_with_a_legend(tmp_path):
    svg = organisationsschema(environment.html_environment(tmp_path), _example(), Urls("pdf"))
    assert svg.count('<path class="org-stod"') == 5
    assert ('data-fran="namndkontoret" data-till="socialnamnden"><title>Nämndkontoret ger stöd '
            'till Socialnämnden</title>') in svg
    assert 'class="org-teckenforklaring"' in svg and "Ger stöd till (inte linjeansvar)" in svg


def test_a_role_can_sit_at_an_utforare_but_not_at_an_external_party(lsk, repo):
    """Handbooks give 'externa entreprenörer' responsibilities of their own: the role sits at
    the utförare. An external party (regionen) only cooperates, so a role cannot sit there."""
    organisation = FILES["organisation.yaml"].replace(
        "externa_parter:\n",
        "utforare:\n  - id: entreprenorer\n    namn: Externa entreprenörer\n    regi: extern\n"
        "    avtal: {uppfoljning: Följs upp varje år.}\nexterna_parter:\n")
    roles = FILES["roller.yaml"] + (
        "  - id: extern-entreprenor\n    namn: Extern entreprenör\n    organ: entreprenorer\n"
        "    ansvar:\n      - Har ett eget ledningssystem och rapporterar resultaten till nämnden.\n")
    root = repo({"organisation.yaml": organisation, "roller.yaml": roles})
    assert check_json(lsk, root) == []
    root = repo({"organisation.yaml": organisation,
                 "roller.yaml": roles.replace("organ: entreprenorer", "organ: regionen")})
    [d] = check_json(lsk, root)
    assert d["code"] == "LSK303"
    assert "utförare" in d["hint"]
