"""The template contract (lsk.render.kontrakt, docs/mallar.md) against the shipped templates.

Both directions: every variable, global, filter and attribute a shipped template uses is in the
contract (read from the templates' syntax and recorded while the example is rendered), and
everything the contract names exists in the code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import types
from collections import defaultdict

import jinja2
import pytest
from jinja2 import meta, nodes

from lsk.render import environment, kontrakt
from lsk.render.kontrakt import GLOBALER, JINJA_GLOBALER, MALLAR, TYPER, VARIABLER
from tests.conftest import EXAMPLE, PROJECT

PACKAGED = environment.PACKAGED


def test_docs_mallar_md_is_generated_from_the_contract():
    committed = (PROJECT / "docs" / "mallar.md").read_text(encoding="utf-8")
    assert committed == kontrakt.markdown(), "kör 'make docs' och checka in docs/mallar.md"
    assert f"Mallkontrakt version {kontrakt.MALL_KONTRAKT}" in committed


def test_every_shipped_template_is_in_the_contract_and_no_other():
    shipped = {p.name for p in PACKAGED.iterdir() if p.is_file()}
    assert shipped == set(MALLAR)
    for name, mall in MALLAR.items():
        assert set(mall.variabler) <= set(VARIABLER)
        assert (mall.format == "statisk") == name.endswith((".css", ".js"))
        assert mall.format != "statisk" or not mall.variabler


def _declared_in(ast: nodes.Template) -> set[str]:
    """Names a template gives a value itself: set, for, with, import, macro arguments."""
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names |= {i.target for i in ast.find_all(nodes.Import)}
    for imported in ast.find_all(nodes.FromImport):
        names |= {n if isinstance(n, str) else n[-1] for n in imported.names}
    names |= {m.name for m in ast.find_all(nodes.Macro)}
    return names | {"caller", "loop", "self", "varargs", "kwargs"}


@pytest.mark.parametrize("name", sorted(n for n, m in MALLAR.items() if m.format != "statisk"))
def test_a_shipped_template_uses_only_the_names_the_contract_gives_it(name):
    bare = jinja2.Environment()  # no globals, and only the contract's filters besides Jinja's
    bare.filters.update({f: str for f in kontrakt.FILTER})
    ast = bare.parse((PACKAGED / name).read_text(encoding="utf-8"))
    used = meta.find_undeclared_variables(ast) - _declared_in(ast)
    allowed = set(MALLAR[name].variabler) | set(GLOBALER) | set(JINJA_GLOBALER)
    if MALLAR[name].format == "md":
        allowed.discard("css")
    assert used <= allowed, f"{name} använder {sorted(used - allowed)}, som inte står i kontraktet"


def test_the_environments_globals_and_filters_are_the_contracts(tmp_path):
    html = environment.html_environment(tmp_path)
    markdown = environment.markdown_environment(tmp_path)
    own = set(jinja2.defaults.DEFAULT_NAMESPACE)
    assert set(html.globals) - own == set(GLOBALER)
    assert set(markdown.globals) - own == set(GLOBALER) - {"css", "arshjul"}
    assert set(JINJA_GLOBALER) == own
    for env in (html, markdown):
        assert set(env.filters) - set(jinja2.defaults.DEFAULT_FILTERS) == set(kontrakt.FILTER)
    assert html.from_string("{{ mall_kontrakt }}").render() == str(kontrakt.MALL_KONTRAKT)


def _classes() -> dict[str, object]:
    """The contract's type names → the class (or module) in the code."""
    from lsk.analysis.corpus import Approval, Carrier
    from lsk.analysis.coverage import Assessment
    from lsk.render import labels
    from lsk.render.direktiv import Kapiteltext
    from lsk.render.handbook import Handbook
    from lsk.render.matrix import Actor, Cell, Matrix
    from lsk.render.svgcycle import Band, Line, Sector, Wheel
    from lsk.render.svgflow import Box, Chip, Flow
    from lsk.render.svgorg import Legend, OrgBox, OrgChart, SupportLine
    from lsk.render.urls import Urls
    from lsk.render.version import Version
    from lsk.reports.kvalitet.document import Chart, Document, Section, Table
    from lsk.reports.kvalitet.figures import Compilation, Figures, Series, TypeRow
    from lsk.reports.kvalitet.masking import MaskedTable
    from lsk.typografi import Plan

    found: dict[str, object] = {c.__name__: c for c in (
        Handbook, Version, Urls, Matrix, Cell, Actor, Flow, Box, Chip, Wheel, Sector, Band, Line,
        Assessment, OrgChart, OrgBox, Carrier, Document, Section, Table, Chart, Figures, TypeRow,
        Series, MaskedTable, Approval, Kapiteltext, Plan, SupportLine, Legend, Compilation)}
    found["labels"] = labels
    return found


def _has(owner: object, attr: str) -> bool:
    if dataclasses.is_dataclass(owner) and attr in {f.name for f in dataclasses.fields(owner)}:
        return True
    return hasattr(owner, attr)


def test_everything_the_contract_names_exists():
    classes = _classes()
    assert set(classes) == set(TYPER)
    for name, typ in TYPER.items():
        missing = [a for a in typ.attribut if not _has(classes[name], a)]
        assert not missing, f"{name} saknar {missing}"
    for name, cls in kontrakt.model_types().items():
        assert set(kontrakt.model_attributes(cls)) == set(cls.model_fields), name
        assert all(hasattr(cls, m) for m in kontrakt.MODELL_METODER.get(name, {})), name
    assert set(kontrakt.MODELL_METODER) <= set(kontrakt.model_types())
    linked = set(re.findall(r"\[([A-Za-z]+)\]", repr((VARIABLER, GLOBALER, TYPER))))
    assert linked <= set(TYPER) | set(kontrakt.model_types()), "länk till en typ som saknas"


_SKIP = (dict, list, tuple, set, frozenset, str, int, float, jinja2.runtime.LoopContext,
         jinja2.runtime.Macro, jinja2.utils.Namespace, jinja2.environment.TemplateModule)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> dict[str, set[str]]:
    """Every (type, attribute) the shipped templates read while the example is rendered in
    every format, the kvalitetsberättelse included (a copy: no own templates beside it)."""
    from lsk.commands.kvalitetsberattelse import run as report
    from lsk.commands.render import run as render
    from lsk.render import pdf

    base = tmp_path_factory.mktemp("kontrakt")
    root = base / "ledningssystem"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    seen: dict[str, set[str]] = defaultdict(set)
    original_getattr, original_getitem = jinja2.Environment.getattr, jinja2.Environment.getitem

    def note(obj: object, attr: object) -> None:
        if isinstance(attr, str) and not isinstance(obj, _SKIP):
            owner = obj.__name__ if isinstance(obj, types.ModuleType) else type(obj).__name__
            seen[owner.rsplit(".", 1)[-1]].add(attr)

    def getattr_(self, obj, attribute):
        note(obj, attribute)
        return original_getattr(self, obj, attribute)

    def getitem(self, obj, argument):
        note(obj, argument)
        return original_getitem(self, obj, argument)

    today = dt.date(2026, 11, 25)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Environment, "getattr", getattr_)
        patch.setattr(jinja2.Environment, "getitem", getitem)
        patch.setattr(pdf, "html_to_pdf", lambda html, target, css=None: 1)
        assert render(root_arg=root, fmt="html", out=base / "webb", force=False, check_links=False,
                      today=today) == 0
        assert render(root_arg=root, fmt="md", out=base / "md", force=False, check_links=False,
                      today=today) == 0
        assert render(root_arg=root, fmt="pdf", out=base / "h.pdf", force=False, check_links=False,
                      today=today) == 0
        for fmt, out in (("md", base / "k"), ("html", base / "k.html")):
            assert report(year=2025, root_arg=root, fmt=fmt, out=out, internal=False, threshold=None,
                          today=today) == 0
    return dict(seen)


def test_every_attribute_the_shipped_templates_read_is_in_the_contract(recorded):
    models = kontrakt.model_types()
    assert {"Handbook", "Process", "Rutin", "Document", "Figures"} <= set(recorded)
    undocumented = {}
    for owner, attrs in recorded.items():
        if owner in models:
            known = set(models[owner].model_fields) | set(kontrakt.MODELL_METODER.get(owner, {}))
        elif owner in TYPER:
            known = set(TYPER[owner].attribut)
        else:
            undocumented[owner] = sorted(attrs)
            continue
        if attrs - known:
            undocumented[owner] = sorted(attrs - known)
    assert not undocumented, f"mallarna läser det här, som inte står i kontraktet: {undocumented}"
    assert "corpus" not in recorded["Handbook"]  # internal: the contract stops at hb


def test_the_css_variables_are_those_stil_css_declares():
    css = (PACKAGED / "stil.css").read_text(encoding="utf-8")
    root = css[css.index(":root {"):css.index("}")]
    assert set(re.findall(r"(--[a-z]+):", root)) == set(kontrakt.CSS_VARIABLER)
    for sheet in ("pdf.css", "kvalitetsberattelse.html"):
        declared = set(re.findall(r"(--[a-z]+):", (PACKAGED / sheet).read_text(encoding="utf-8")))
        assert declared <= set(kontrakt.CSS_VARIABLER), sheet


def test_a_template_using_an_undocumented_name_would_fail_the_check():
    ast = jinja2.Environment().parse("{% set x = 1 %}{{ hb.title }} {{ x }} {{ hemligt }}")
    used = meta.find_undeclared_variables(ast) - _declared_in(ast)
    assert used - set(MALLAR["start.html"].variabler) == {"hemligt"}
    with pytest.raises(jinja2.TemplateAssertionError):  # an undocumented filter
        meta.find_undeclared_variables(jinja2.Environment().parse("{{ hb.title | hemlig }}"))

