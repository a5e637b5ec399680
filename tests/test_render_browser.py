"""The site in a real browser: Debian's chromium, driven by playwright, pages opened from disk.

No ``playwright install``: the tests use the system's ``/usr/bin/chromium`` (``.ci/run`` installs
it). Locally they are skipped when it is missing; in CI (``CI`` set) a missing browser fails.
Screenshots of the start page, a process and the årscykel are saved in ``$LSK_SCREENSHOTS``
(default ``/tmp/lsk-screenshots``) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from lsk.commands.render import run
from tests.conftest import EXAMPLE
from tests.render_support import write_injected

CHROMIUM = os.environ.get("LSK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("LSK_SCREENSHOTS", "/tmp/lsk-screenshots"))
TODAY = dt.date(2026, 11, 25)


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright saknas (pip install -e '.[dev]')"
    if not Path(CHROMIUM).is_file():
        return f"chromium saknas ({CHROMIUM}); installera med apt-get install chromium"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"webbläsartesterna kan inte köras i CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("webbplats") / "handbok"
    assert run(root_arg=EXAMPLE, fmt="html", out=out, force=False, check_links=False, today=TODAY) == 0
    return out


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type in ("error", "warning") and tab.problems.append(m.text))
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    tab.on("requestfailed", lambda r: tab.problems.append(f"misslyckades: {r.url}"))
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield tab
    context.close()


def _url(site: Path, rel: str) -> str:
    return (site / rel).as_uri()


def test_start_page_loads_without_console_errors(page, site):
    page.goto(_url(site, "index.html"))
    assert page.locator("h1").inner_text().startswith("Ledningssystem för systematiskt")
    assert page.locator("html").get_attribute("lang") == "sv"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "start.png"), full_page=True)
    assert page.problems == []


def test_the_examples_own_colours_and_logo_pass_the_content_security_policy(page, site):
    """mallar/ beside the example's root: Sjöbacka's egen.css and _logo.svg, under the CSP."""
    page.goto(_url(site, "rutiner/R004.html"))
    logo = page.locator(".sidhuvud svg.logo")
    assert logo.is_visible() and 30 < logo.bounding_box()["height"] < 60
    header = page.evaluate("getComputedStyle(document.querySelector('.sidhuvud')).backgroundColor")
    assert header == "rgb(14, 77, 92)"  # --accent in mallar/egen.css, not lsk's #123a5e
    assert page.problems == []


def test_search_finds_a_routine_by_a_word_from_its_steps(page, site):
    page.goto(_url(site, "index.html"))
    page.fill("#snabbsok", "utredningsplan")  # R004, step 1
    page.click(".sok-litet button")
    page.wait_for_url("**/sok.html?q=utredningsplan")
    hit = page.locator("#sokresultat a", has_text="R004")
    assert hit.count() == 1
    assert "träff" in page.locator("#sokstatus").inner_text()
    hit.click()
    page.wait_for_url("**/rutiner/R004.html")
    assert page.locator("h1").inner_text().startswith("R004")
    page.fill("#snabbsok", "")
    page.goto(_url(site, "sok.html"))
    page.fill("#sokfalt", "ordsomintefinns")
    assert page.locator("#sokstatus").inner_text().startswith("Inga träffar")
    assert page.problems == []


def test_the_process_diagram_leads_to_its_routines(page, site):
    page.goto(_url(site, "processer/KP01.html"))
    diagram = page.locator("svg.flode")
    assert diagram.is_visible()
    page.screenshot(path=str(SHOTS / "process-KP01.png"), full_page=True)
    diagram.locator('a[aria-label^="Rutin R004"]').click()
    page.wait_for_url("**/rutiner/R004.html")
    assert "Utredning och dokumentation" in page.locator("h1").inner_text()
    assert page.problems == []


def test_arscykel_wheel_links_to_the_months(page, site):
    page.goto(_url(site, "arscykel.html"))
    page.screenshot(path=str(SHOTS / "arscykel.png"), full_page=True)
    page.locator('svg.arshjul a[aria-label^="Februari"]').click()
    page.wait_for_url("**/arscykel.html#manad-februari")
    assert "Patientsäkerhetsberättelsen" in page.locator("#manad-februari").inner_text()
    assert page.problems == []


_WHEEL_GEOMETRY = """svg => {
  const inside = (path, box) => [[box.x, box.y], [box.x + box.width, box.y],
      [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
    .every(([x, y]) => path.isPointInFill(new DOMPoint(x, y)));
  const months = [...svg.querySelectorAll("a.manad")].map(a => {
    const path = a.querySelector("path.sektor");
    const texts = [...a.querySelectorAll("text")];
    return {month: a.dataset.manad, texts: texts.map(t => ({
      text: t.textContent, inside: inside(path, t.getBBox()), cls: t.getAttribute("class")}))};
  });
  const view = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const bands = [...svg.querySelectorAll("g.band text")].map(t => {
    const b = t.getBBox();
    return {text: t.textContent, right: b.x + b.width, bottom: b.y + b.height};
  });
  return {months, bands, scale: box.width / view.width, width: view.width, height: view.height,
          visible: box.right <= document.documentElement.clientWidth};
}"""


def test_arscykel_wheel_names_what_happens_each_month_inside_its_sector(page, site):
    page.goto(_url(site, "arscykel.html"))
    svg = page.locator("svg.arshjul")
    svg.screenshot(path=str(SHOTS / "arshjul.png"))
    wheel = svg.evaluate(_WHEEL_GEOMETRY)
    assert [m["month"] for m in wheel["months"]][:2] == ["januari", "februari"]
    for m in wheel["months"]:
        heading, *names = m["texts"]
        assert heading["cls"] == "manadsnamn" and heading["text"] == m["month"].capitalize()
        assert names, m["month"]  # the example has events in every month
        clipped = [t["text"] for t in m["texts"] if not t["inside"]]
        assert clipped == [], f"{m['month']}: text utanför sin sektor"
        assert not any("…" in t["text"] for t in names), m["month"]  # every name whole
    shown = {m["month"]: " ".join(t["text"] for t in m["texts"]) for m in wheel["months"]}
    assert "Kvalitetsberättelse" in shown["mars"]
    assert all("Ej verkställda beslut" in shown[m] for m in ("januari", "april", "juli", "oktober"))
    assert "Delårsrapport" in shown["april"] and "Delårsrapport" in shown["september"]
    assert "Ekonomisk uppföljning" not in shown["mars"]  # monthly: once, under the wheel
    bands = " ".join(b["text"] for b in wheel["bands"])
    assert "Varje månad" in bands and "Ekonomisk uppföljning (varje månad utom juli)" in bands
    assert "Löpande under året" in bands and "Stickprov i internkontrollen" in bands
    assert all(b["right"] <= wheel["width"] and b["bottom"] <= wheel["height"]
               for b in wheel["bands"])
    assert wheel["visible"] and wheel["scale"] * 12 >= 10  # names at least 10 px on screen
    for month in ("Januari", "Juli"):
        label = svg.locator("text.manadsnamn", has_text=month)
        assert label.is_visible()
    assert page.problems == []


def test_injected_script_from_yaml_never_runs(page, tmp_path):
    out = tmp_path / "handbok"
    assert run(root_arg=write_injected(tmp_path / "ls"), fmt="html", out=out, force=False,
               check_links=False, today=TODAY) == 0
    pages = ["index.html", "rutiner/R001.html", "processer/KP01.html", "roller.html",
             "arscykel.html", "krav.html", "sok.html?q=injektionsprov"]
    for rel in pages:
        page.goto(_url(out, rel.split("?")[0]) + ("?" + rel.split("?")[1] if "?" in rel else ""))
        page.mouse.move(400, 400)
        assert page.evaluate("window.__pwned") is None, rel
    assert page.locator("#sokresultat li").count() >= 1  # the injected text is found, as text
    assert "<img" in page.locator("#sokresultat").inner_text()
    assert page.problems == []


def test_the_organisation_chart_is_visible_links_to_the_units_and_cuts_no_label(page, site):
    page.goto(_url(site, "organisation.html"))
    chart = page.locator("svg.organisationsschema")
    assert chart.is_visible()
    assert chart.get_attribute("role") == "group"
    assert chart.locator("title").first.text_content().startswith("Organisationsschema")
    SHOTS.mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=str(SHOTS / "organisationsschema.png"))
    boxes = chart.locator("a.org-ruta")
    assert boxes.count() >= 30
    # every box leads to its unit's section on the page, and has an accessible name
    for link in boxes.all():
        href = link.get_attribute("href")
        assert href and href.startswith("organisation.html#org-"), href
        assert page.locator(f"[id='{href.split('#', 1)[1]}']").count() == 1, href
        assert link.get_attribute("aria-label")
    assert chart.locator("a.org-ruta[href='organisation.html#org-socialkontoret']").count() == 1
    # no label runs outside its box (measured by the browser's own text layout)
    clipped = page.evaluate("""() => {
        const out = [];
        for (const a of document.querySelectorAll('svg.organisationsschema a.org-ruta')) {
            const r = a.querySelector('rect').getBBox();
            for (const t of a.querySelectorAll('text')) {
                const b = t.getBBox();
                if (b.x < r.x + 1 || b.x + b.width > r.x + r.width - 1
                    || b.y < r.y || b.y + b.height > r.y + r.height) {
                    out.push(t.textContent);
                }
            }
        }
        return out;
    }""")
    assert clipped == []
    # support (stodjer) is drawn apart from the lines of command: dotted, in its own colour,
    # from the unit's box to the organ's, and named in the legend
    support = page.evaluate("""() => {
        const svg = document.querySelector('svg.organisationsschema');
        const box = id => svg.querySelector(`a.org-ruta[href$='#org-${id}'] rect`).getBBox();
        const line = svg.querySelector('path:not(.org-stod)');
        return [...svg.querySelectorAll('path.org-stod')].map(p => {
            const style = getComputedStyle(p);
            const start = p.getPointAtLength(0);
            const end = p.getPointAtLength(p.getTotalLength());
            const from = box(p.dataset.fran), to = box(p.dataset.till);
            return {pair: p.dataset.fran + '>' + p.dataset.till,
                    dashed: style.strokeDasharray !== 'none',
                    ownColour: style.stroke !== getComputedStyle(line).stroke,
                    fromTop: Math.abs(start.y - from.y) < 0.5
                             && start.x > from.x && start.x < from.x + from.width,
                    toBottom: Math.abs(end.y - (to.y + to.height)) < 0.5
                              && end.x > to.x && end.x < to.x + to.width,
                    visible: p.getBoundingClientRect().height > 0};
        });
    }""")
    assert [s["pair"] for s in support] == [
        "kommunkansliet>socialnamnden", "kommunkansliet>arbetsutskottet",
        "kommunkansliet>individutskottet", "kommunkansliet>pensionarsradet",
        "namndkontoret>socialnamnden"]
    assert all(s["dashed"] and s["ownColour"] and s["fromTop"] and s["toBottom"] and s["visible"]
               for s in support), support
    legend = chart.locator("g.org-teckenforklaring")
    assert legend.is_visible() and legend.text_content().strip() == "Ger stöd till (inte linjeansvar)"
    # following a box goes to the unit's description
    chart.locator("a.org-ruta[href='organisation.html#org-mas-funktionen']").click()
    assert page.url.endswith("#org-mas-funktionen")
    assert page.locator("#org-mas-funktionen h5, #org-mas-funktionen h4").first.is_visible()
