"""Git metadata publishes no personal data (issue 13, part 2; issue 14, part 7): personnummer in
commit messages, author names and tag messages are masked where lsk reads git, in every form
they can be written, and no person's name from git reaches the handbook."""

from __future__ import annotations

import datetime as dt
import json

from lsk import gitrepo
from lsk.history import editions
from lsk.personnummer import MASK, reader_text, scan_text
from tests import gitrepos
from tests.personal_data import FORMS, numbers

R001 = "rutiner/R001-mottagning.yaml"


def _leaks(text: str, planted: list[str]) -> list[str]:
    """The planted numbers a reader could still find in ``text``."""
    seen = reader_text(text).text
    found = {h.number for h in scan_text(text)} | {h.number for h in scan_text(seen)}
    return [n for n in planted if n[2:] in found or n[2:8] + n[8:] in seen.replace("-", "")]


def _escaped(n: str) -> str:
    """A YAML double-quoted string spelling the number with escapes only."""
    return "".join(f"\\u{ord(c):04x}" for c in f"{n[:8]}-{n[8:]}")


def test_git_text_in_every_form_is_masked_for_every_caller(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    planted = numbers(3 * len(FORMS) + 1, samordning=False, seed=2)
    in_message, in_author, in_tag = (planted[i::3][:len(FORMS)] for i in range(3))
    message = "Rättat efter klagomål: " + "; ".join(
        f"{name}: {form(n)}" for (name, form), n in zip(FORMS.items(), in_message, strict=True))
    author = "Anna " + " ".join(form(n) for form, n in zip(FORMS.values(), in_author, strict=True))
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta skriftligt")
    head = git.commit(message.replace("\t", " \t"), author=author.replace("\t", " "))
    beslut = "SN 2026-12-01 § 9 " + " ".join(form(n) for form, n in
                                             zip(FORMS.values(), in_tag, strict=True))
    tag = editions.format_message(beslut, None, dt.date(2026, 12, 1), head, "ledningssystem")
    tag = tag.replace('"\n  datum', f' {_escaped(planted[-1])}"\n  datum')
    git("tag", "-a", "--cleanup=verbatim", "-m", tag, "faststalld/2026-12-01")
    git.replace(R001, "Bekräfta skriftligt", "Bekräfta skriftligt och muntligt")
    git.commit("Efter samtal med Bo Berg")

    repo = gitrepo.open_repo(git.root)
    changes = repo.log(R001)
    assert not _leaks(" ".join(c.message + " " + c.author for c in changes), planted)
    assert MASK in changes[1].message and MASK in changes[1].author
    (edition,) = editions.editions(repo)
    assert not _leaks(edition.beslut, planted) and MASK in edition.beslut

    outputs = {}
    for name, args in {
        "historik": ["historik", R001, git.root, "--alla"],
        "historik-json": ["historik", R001, git.root, "--alla", "--format", "json"],
        "utgavor": ["utgavor", git.root],
        "utgavor-json": ["utgavor", git.root, "--format", "json"],
        "diff": ["diff", "faststalld", "HEAD", "--rot", git.root],
        "diff-json": ["diff", "faststalld", "HEAD", "--rot", git.root, "--format", "json"],
    }.items():
        result = lsk(*args)
        assert result.code == 0, (name, result.err)
        outputs[name] = result.out + result.err
    site = tmp_path / "hb"
    assert lsk("render", git.root, "--format", "md", "--out", site).code == 0
    for path in site.rglob("*.md"):
        outputs[path.name] = path.read_text(encoding="utf-8")
    leaks = {name: _leaks(text, planted) for name, text in outputs.items()}
    assert not any(leaks.values()), leaks
    assert MASK in outputs["utgavor"] and MASK in outputs["historik"]
    assert json.loads(outputs["utgavor-json"])


def test_the_handbook_names_no_person_and_quotes_no_commit_message(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta skriftligt")
    git.commit("Rättat efter samtal med Bo Berg", author="Cecilia Dahl",
               date="2026-11-30T10:00:00+01:00")
    out = tmp_path / "hb"
    assert lsk("render", git.root, "--format", "md", "--out", out).code == 0
    page = next(out.rglob("R001*.md")).read_text(encoding="utf-8")
    assert "| Senast ändrad | 2026-11-30 |" in page
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    for name in ("Bo Berg", "Cecilia", "Dahl", "Anna Andersson", "Rättat efter"):
        assert name not in everything
