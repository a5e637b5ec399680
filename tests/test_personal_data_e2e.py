"""The end-to-end personal-data guarantee (issue 13, part 4).

Valid personnummer and samordningsnummer, written in every evasion form (``tests.personal_data.
FORMS``), are planted in every source lsk reads: string values and comments of every YAML
document of the example, templates in both template folders, names of files and folders, commit
subjects, author names and a fastställd tag's beslut, and every Markdown file under the root (the
written chapters, once the branch has them). Then, for each plant, either ``lsk check``
reports it at its file and line, or no published output holds it: the site (every file, HTML
decoded), the Markdown, the handbook PDF and the kvalitetsberättelse PDF (text extracted), the
DOCX, the XLSX and the diff. The plants check reported are removed before publishing (publishing
refuses while any is left); what check missed stays in and must not come out.

One repository with many plants is rendered once per format (the handbook PDF from the minimal
repository, which is as planted but an order of magnitude faster to typeset). The figures are
printed (``pytest -s``) and kept in ``FIGURES`` for the report.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lsk.history import editions
from lsk.model.tidpunkt import PATTERN
from lsk.personnummer import MASK, reader_text, scan_text
from tests import gitrepos, minimal
from tests.conftest import EXAMPLE, TODAY
from tests.personal_data import FORMS, SAFE_IN_NAMES, near_misses, numbers

FIGURES: dict[str, object] = {}


@dataclass
class Plant:
    source: str
    """What kind of place: 'värde', 'kommentar', 'markdown', 'mall', 'filnamn', 'commit',
    'författare', 'tagg'."""
    form: str
    number: str
    """Twelve digits."""
    relpath: str = ""
    """Relative to the root (templates beside the root: ../mallar/...); '' for git."""
    line: int = 0
    written: str = ""
    """Exactly what was inserted, to remove it again."""
    written_was: str | None = None
    """What ``written`` replaced, when it replaced something (a value now double-quoted)."""


def _yaml_escaped(n: str) -> str:
    """The number in a YAML double-quoted string: digits as \\x and \\u escapes."""
    return "".join(f"\\x{ord(c):02x}" if i % 2 else f"\\u{ord(c):04x}"
                   for i, c in enumerate(f"{n[:8]}-{n[8:]}"))


class Planter:
    def __init__(self, seed: int) -> None:
        pool = numbers(4000, samordning=False, seed=seed) + numbers(2000, samordning=True,
                                                                    seed=seed + 1)
        pool = [pool[i // 2] if i % 2 == 0 else pool[4000 + i // 2] for i in range(4000)]
        self._numbers = iter(dict.fromkeys(pool))
        self._forms = itertools.cycle(FORMS)
        self._name_forms = itertools.cycle(SAFE_IN_NAMES)
        self.plants: list[Plant] = []

    def new(self, source: str, *, names: bool = False, **where: object) -> tuple[Plant, str]:
        form = next(self._name_forms if names else self._forms)
        plant = Plant(source, form, next(self._numbers), **where)  # type: ignore[arg-type]
        self.plants.append(plant)
        return plant, FORMS[form](plant.number)


# A plain scalar value with a space in it (free text, not an id, date or number), a list item of
# free text, and the key line of a block scalar.
_VALUE = re.compile(r"^(\s*(?:- )?[a-zåäö_]+: )([^'\"\[{|>&*!#%@`\s][^#]*?)\s*$")
_ITEM = re.compile(r"^(\s*- )([^'\"\[{|>&*!#%@`\s][^#:]*?)\s*$")
_PERIOD = re.compile(PATTERN, re.IGNORECASE)  # 'kvartal 1 2027': a date, not free text
_BLOCK = re.compile(r"^\s*(?:- )?[a-zåäö_]+: [|>][-+]?\s*$")


def plant_yaml(planter: Planter, root: Path) -> None:
    """A comment on a new first line of every document, and a number at the end of every free
    text value (one plain scalar, list item or block scalar's first line per line)."""
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        plant, text = planter.new("kommentar", relpath=rel, line=1)
        plant.written = f"# anteckning {text}\n"
        out = [plant.written.rstrip("\n")]
        block_next = False
        for index, line in enumerate(lines):
            number = len(out) + 1
            following = lines[index + 1] if index + 1 < len(lines) else ""
            alone = not following.strip() or len(following) - len(following.lstrip()) <= \
                len(line) - len(line.lstrip()) + (2 if line.lstrip().startswith("- ") else 0)
            m = _VALUE.match(line) or _ITEM.match(line)
            if block_next and line.strip():
                block_next = False
                plant, text = planter.new("värde", relpath=rel, line=number)
                plant.written = f" {text}"
                line += plant.written
            elif m and " " in m.group(2).strip() and not m.group(2).rstrip().endswith(":") \
                    and not _PERIOD.match(m.group(2)):
                plant, text = planter.new("värde", relpath=rel, line=number)
                value = m.group(2).rstrip()
                if alone and '"' not in value and "\\" not in value and plant.number[-1] in "05":
                    # a fifth of the values become double-quoted, the number spelled with YAML
                    # escapes, which only reading the YAML turns into digits
                    plant.form = "yaml-escapes"
                    plant.written = f'"{value} {_yaml_escaped(plant.number)}"'
                    line = m.group(1) + plant.written
                    plant.written_was = value
                else:
                    plant.written = f" {text}"
                    line += plant.written
            elif _BLOCK.match(line):
                block_next = True
            out.append(line)
        path.write_text("\n".join(out), encoding="utf-8")


def plant_markdown(planter: Planter, root: Path) -> None:
    """A number at the end of every other line of prose in each Markdown file under the root
    (written chapters); directive lines, headings, tables and code are left as they are."""
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith((".", "mallar/")):
            continue
        lines, fenced = path.read_text(encoding="utf-8").split("\n"), False
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith(("```", "~~~")):
                fenced = not fenced
            if fenced or not stripped or index % 2 or stripped.startswith(
                    (":::", "#", "|", "```", "~~~", "[", "<", ">")):
                continue
            plant, text = planter.new("markdown", relpath=rel, line=index + 1)
            plant.written = f" {text}"
            lines[index] = line + plant.written
        path.write_text("\n".join(lines), encoding="utf-8")


def plant_templates(planter: Planter, root: Path) -> None:
    beside, inside = root.parent / "mallar", root / "mallar"
    inside.mkdir(exist_ok=True)
    packaged = Path(__file__).parent.parent / "lsk" / "render" / "mallar"
    shutil.copy(packaged / "start.html", inside / "start.html")
    targets = [(beside / "egen.css", "/* {} */"), (beside / "README.md", "{}"),
               (inside / "start.html", "<p>Kontakt {}</p>"), (inside / "sidfot.md", "- {}")]
    for path, pattern in targets:
        rel = Path("..", path.relative_to(root.parent)).as_posix() if path.parent == beside \
            else path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        text = text if text.endswith("\n") or not text else text + "\n"
        for _ in range(len(FORMS)):
            line = text.count("\n") + 1
            plant, number = planter.new("mall", relpath=rel, line=line)
            plant.written = pattern.format(number) + "\n"
            text += plant.written
        path.write_text(text, encoding="utf-8")


def plant_names(planter: Planter, root: Path) -> None:
    folder = root / "bilagor"
    for i in range(len(SAFE_IN_NAMES)):
        plant, text = planter.new("filnamn", names=True)
        name = f"beslut {text}.pdf"
        if i % 3 == 2:  # a folder
            plant.relpath = f"bilagor/{name[:-4]}"
            (folder / name[:-4]).mkdir(parents=True)
            (folder / name[:-4] / "protokoll.pdf").write_bytes(b"%PDF-1.4\n")
        else:
            plant.relpath = f"bilagor/{name}"
            folder.mkdir(exist_ok=True)
            (folder / name).write_bytes(b"%PDF-1.4\n")
        plant.line = 1


def _reported(found: list[dict], root: Path) -> set[tuple[str, int]]:
    out = set()
    for d in found:
        if d["code"] in ("LSK401", "LSK402"):
            path = Path(d["path"])
            full = path if path.is_absolute() else Path.cwd() / path
            out.add((Path(os.path.relpath(full.resolve(), root.resolve())).as_posix(),
                     d["line"]))
    return out


def _remove(plant: Plant, root: Path) -> None:
    path = root / plant.relpath
    if plant.source == "filnamn":
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        return
    text = path.read_text(encoding="utf-8")
    assert plant.written in text, plant
    path.write_text(text.replace(plant.written, plant.written_was or "", 1), encoding="utf-8")


def _git(top: Path, *args: str, author: str | None = None) -> str:
    env = dict(gitrepos.IDENTITY)
    if author:
        env["GIT_AUTHOR_NAME"] = author
    done = subprocess.run(["git", *args], cwd=top, capture_output=True, text=True,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return done.stdout


def plant_git(planter: Planter, top: Path) -> None:
    """The planted files are committed by an author whose name holds numbers, with numbers in
    the subject; the first commit is fastställd by a hand-made tag whose beslut holds them."""
    subject = ["Rättat efter klagomål från"]
    for _ in range(len(FORMS)):
        _plant, text = planter.new("commit")
        subject.append(text.replace("\t", " \t"))
    author = ["Anna"]
    for form in SAFE_IN_NAMES:
        plant = Plant("författare", form, next(planter._numbers))
        planter.plants.append(plant)
        author.append(FORMS[form](plant.number))
    beslut = ["SN 2026-11-20 § 9"]
    for _ in range(len(FORMS)):
        _plant, text = planter.new("tagg")
        beslut.append(text)
    _git(top, "init", "-q", "-b", "main")
    (top / ".gitignore").write_text(".lsk-cache/\n", encoding="utf-8")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", " ".join(subject), author=" ".join(author))
    head = _git(top, "rev-parse", "HEAD").strip()
    message = editions.format_message(" ".join(beslut), "SN 2026/1", dt.date(2026, 11, 20),
                                      head, "ledningssystem")
    _git(top, "tag", "-a", "--cleanup=verbatim", "-m", message, "faststalld/2026-11-20")


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def _xlsx_text(path: Path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row
                     if c.value is not None)


def _through(text: str, planted: dict[str, Plant]) -> set[str]:
    """Planted numbers a reader finds in ``text`` (as written and as shown)."""
    shown = reader_text(text).text
    found = {h.number for h in scan_text(text)} | {h.number for h in scan_text(shown)}
    digits = re.sub(r"[^0-9]", "", shown)
    return {n for n in planted if n[2:] in found or n in digits}


def _publish(lsk, root: Path, out: Path) -> dict[str, str]:
    """Every published output of ``root``, read back as text."""
    texts: dict[str, str] = {}
    for fmt in ("html", "md"):
        result = lsk("render", root, "--format", fmt, "--out", out / fmt, "--datum", TODAY)
        assert result.code == 0, result.err
        for path in (out / fmt).rglob("*"):
            if path.is_file() and path.suffix in (".html", ".md", ".js", ".json", ".svg", ".txt",
                                                  ".css", ".xml"):
                texts[f"{fmt}:{path.relative_to(out / fmt)}"] = path.read_text(encoding="utf-8")
    year = "2025"
    for fmt, reader in (("pdf", _pdf_text), ("docx", _docx_text), ("html", None)):
        target = out / f"kvalitetsberattelse.{fmt}"
        result = lsk("kvalitetsberattelse", year, root, "-f", fmt, "-o", target, "--datum", TODAY)
        assert result.code == 0, result.err
        texts[f"kvalitetsberattelse.{fmt}"] = reader(target) if reader else \
            target.read_text(encoding="utf-8")
    result = lsk("trace", root, "-f", "xlsx", "-o", out / "sparbarhet.xlsx")
    assert result.code in (0, 1), result.err
    texts["sparbarhet.xlsx"] = _xlsx_text(out / "sparbarhet.xlsx")
    for fmt in ("md", "json"):
        result = lsk("diff", "faststalld", "arbetskopia", "--rot", root, "--format", fmt)
        assert result.code == 0, result.err
        texts[f"diff.{fmt}"] = result.out + result.err
    result = lsk("utgavor", root)
    texts["utgavor"] = result.out + result.err
    result = lsk("historik", "R001", root, "--alla")
    texts["historik"] = result.out + result.err
    return texts


def test_every_plant_is_reported_or_never_published(lsk, tmp_path):
    top = tmp_path / "e2e"
    shutil.copytree(EXAMPLE, top / "ledningssystem")
    shutil.copytree(EXAMPLE.parent / "mallar", top / "mallar")
    root = top / "ledningssystem"
    planter = Planter(seed=13)
    plant_yaml(planter, root)
    plant_markdown(planter, root)  # the written chapters, where the branch has them
    plant_templates(planter, root)
    plant_names(planter, root)
    checked = lsk("check", root, "--format", "json", "--no-cache")
    reported = _reported(checked.json["diagnostics"], root)
    broken = [d for d in checked.json["diagnostics"] if d["code"] < "LSK400"]
    assert not broken, broken[:5]  # planting broke no document: every one is still published
    missed = []
    for plant in planter.plants:
        if (plant.relpath, plant.line) in reported:
            _remove(plant, root)
        else:
            missed.append(plant)
    # Git: the cleaned files are committed by a named author with numbers in the subject, the
    # commit fastställd by a hand-made tag with numbers in its beslut, then a change follows.
    plant_git(planter, top)
    r001 = next(root.glob("rutiner/R001-*.yaml"))
    r001.write_text(r001.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "Ändrad efter samtal med Bo Berg")
    assert lsk("check", root, "--no-cache").code == 0 or not missed

    planted = {p.number: p for p in planter.plants}
    texts = _publish(lsk, root, tmp_path / "ut")
    # The handbook PDF, from the minimal repository planted the same way (fast to typeset).
    small = tmp_path / "liten" / "ledningssystem"
    minimal.write(small)
    small_planter = Planter(seed=14)
    plant_yaml(small_planter, small)
    small_checked = lsk("check", small, "--format", "json", "--no-cache")
    small_reported = _reported(small_checked.json["diagnostics"], small)
    for plant in small_planter.plants:
        if (plant.relpath, plant.line) in small_reported:
            _remove(plant, small)
        else:
            missed.append(plant)
    plant_git(small_planter, small.parent)
    result = lsk("render", small, "--format", "pdf", "--out", tmp_path / "handbok.pdf",
                 "--datum", TODAY)
    assert result.code == 0, result.err
    texts["handbok.pdf"] = _pdf_text(tmp_path / "handbok.pdf")
    planted |= {p.number: p for p in small_planter.plants}
    plants = planter.plants + small_planter.plants

    through = {name: _through(text, planted) for name, text in texts.items()}
    leaked = {name: sorted(f"{planted[n].source}/{planted[n].form}" for n in found)
              for name, found in through.items() if found}
    in_files = [p for p in plants if p.relpath]
    in_git = [p for p in plants if not p.relpath]
    by_source = Counter(p.source for p in plants)
    by_form = Counter(p.form for p in plants)
    fp = near_misses(1000, seed=4)
    fp_found = sum(1 for items in fp.values() for t in items if scan_text(t))
    fp_total = sum(map(len, fp.values()))
    FIGURES.update({
        "plants": len(plants), "by_source": dict(by_source), "by_form": dict(by_form),
        "in_files": len(in_files), "reported": len(in_files) - len(missed),
        "missed_by_check": [(p.source, p.form, p.relpath, p.line) for p in missed],
        "in_git": len(in_git), "outputs": len(texts), "through": leaked,
        "masked_in_outputs": sum(t.count(MASK) for t in texts.values()),
        "near_miss_fp": f"{fp_found}/{fp_total}"})
    print("\nE2E personal data:", FIGURES)
    assert not leaked, leaked
    assert len(by_form) == len(FORMS) + 1 and len(in_git) >= 2 * len(FORMS)
    assert MASK in texts["utgavor"] and MASK in texts["historik"]
    assert fp_found * 150 <= fp_total, fp_found
