"""``lsk importera avvikelser FIL --ar ÅR``: the year's counts from the deviation system's table.

The table (CSV or XLSX) has a row per unit or department and a column per type, and usually a
column with the number of reports ("Totalt"); a row named "Totalt" or "Summa" gives the year's
reports. Columns "Anmälda till IVO" and "Anmälda till IMY" give the year's anmälningar: summed
over the units (a department and its units counted once), or taken from the total row, and
never more in a row than its lex Sarah and lex Maria (IVO) or personuppgiftsincidenter (IMY).
Swedish headers are matched to lsk's types, units to the organisation by name (or id), with
"menade du" for near misses. Every unknown unit, column or value is an error with its row and
column, and nothing is written then. The record is written through the round-trip writer: an
existing ``ar/<år>/avvikelser.yaml`` is only changed with ``--skriv-over``, and then only its
counts (``antal``, ``rapporter``, ``totalt``, and ``anmalda_ivo``/``anmalda_imy`` when the
table has their columns); comments, analysis and causes stay.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import sys
import unicodedata
from pathlib import Path
from typing import Any

from lsk.errors import EXIT_FINDINGS, EXIT_OK, LskError, os_error_text
from lsk.rootdir import existing_root

TOTAL_ROWS = ("totalt", "summa", "total", "summa totalt")
IVO = "anmalda_ivo"
IMY = "anmalda_imy"
"""The record's fields for anmälningar, as the columns that give them."""
NOTIFIED = {IVO: (("lex_sarah", "lex_maria"), "lex Sarah- och lex Maria-ärenden", "IVO"),
            IMY: (("personuppgiftsincident",), "personuppgiftsincidenter", "IMY")}
"""Anmälningar → (the types they are made from, those types in words, the authority)."""


def _plain(text: str) -> str:
    """Headers and names compared without case, accents on å/ä/ö kept apart, spacing or '/'."""
    text = unicodedata.normalize("NFC", str(text)).lower().strip()
    for a, b in (("/", " "), ("-", " "), ("_", " "), (":", " "), (".", " ")):
        text = text.replace(a, b)
    return " ".join(text.split())


def _headers() -> dict[str, str]:
    """Header text → type (or RAPPORTER), derived from the model's labels plus common forms."""
    from lsk.model.labels import labels_of
    from lsk.model.poster import RAPPORTER, Avvikelsetyp

    out = {_plain(label): typ for typ, label in labels_of(Avvikelsetyp).text.items()}
    out.update({_plain(typ): typ for typ in labels_of(Avvikelsetyp).text})
    out.update({_plain(k): v for k, v in {
        "Personuppgiftsincidenter": "personuppgiftsincident", "PUI": "personuppgiftsincident",
        "Synpunkter och klagomål": "synpunkt_klagomal", "Klagomål och synpunkter":
        "synpunkt_klagomal", "Synpunkter": "synpunkt_klagomal", "Klagomål": "synpunkt_klagomal",
        "Övriga avvikelser": "ovrig_avvikelse", "Avvikelse": "ovrig_avvikelse",
        "Avvikelser": "ovrig_avvikelse", "Ej avvikelse": "ej_avvikelse",
        "Bedömd ej avvikelse": "ej_avvikelse", "Bedömda som ej avvikelse": "ej_avvikelse",
        "Totalt": RAPPORTER, "Total": RAPPORTER, "Summa": RAPPORTER, "Rapporter": RAPPORTER,
        "Antal rapporter": RAPPORTER, "Rapporter totalt": RAPPORTER,
        "Anmälda till IVO": IVO, "Anmäld till IVO": IVO, "Anmälningar till IVO": IVO,
        "Anmälan till IVO": IVO, "Anmälda IVO": IVO, "Anmäld IVO": IVO, "IVO": IVO,
        "Anmälda till IMY": IMY, "Anmäld till IMY": IMY, "Anmälningar till IMY": IMY,
        "Anmälan till IMY": IMY, "Anmälda IMY": IMY, "Anmäld IMY": IMY, "IMY": IMY,
    }.items()})
    return out


def _column(i: int) -> str:
    """0 → 'A', 26 → 'AA', as a spreadsheet names its columns."""
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _read(path: Path) -> list[list[Any]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from lsk.extras import require

        openpyxl = require("openpyxl", "Import från Excel (XLSX)")
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a file that is no workbook
            raise LskError(f"{path} kan inte läsas som en Excel-fil ({type(e).__name__})",
                           "Spara tabellen som .xlsx eller .csv.") from None
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    except OSError as e:
        raise LskError(f"{path} kan inte läsas: {os_error_text(e)}") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _empty(value: Any) -> bool:
    return value is None or str(value).strip() in ("", "-", "–")


def parse_table(rows: list[list[Any]], units: dict[str, str], where: str
                ) -> tuple[dict[str, dict[str, int]], dict[str, tuple[int, str]], list[str]]:
    """(place → type, RAPPORTER, IVO or IMY → count; the total row's column → (count, where
    'FIL:rad:kolumn'); errors 'FIL:rad:kolumn: …')."""
    from lsk.model.poster import MAX_ANTAL

    errors: list[str] = []
    rows = [r for r in rows if any(not _empty(v) for v in r)]
    if not rows:
        return {}, {}, [f"{where}: tabellen är tom"]
    known = _headers()
    header = rows[0]
    columns: dict[int, str] = {}
    for i, h in enumerate(header[1:], start=1):
        if _empty(h):
            continue
        typ = known.get(_plain(str(h)))
        if typ is None:
            near = difflib.get_close_matches(_plain(str(h)), list(known), n=1)
            hint = f"; menade du '{near[0]}'?" if near else ""
            errors.append(f"{where}:1:{_column(i)}: kolumnen '{h}' är ingen avvikelsetyp som lsk "
                          f"känner{hint}")
        elif typ in columns.values():
            errors.append(f"{where}:1:{_column(i)}: kolumnen '{h}' finns redan")
        else:
            columns[i] = typ
    by_name = {_plain(name): place for place, name in units.items()}
    by_name.update({_plain(place): place for place in units})
    counts: dict[str, dict[str, int]] = {}
    total: dict[str, tuple[int, str]] = {}
    for n, row in enumerate(rows[1:], start=2):
        name = "" if not row or _empty(row[0]) else str(row[0]).strip()
        if not name:
            errors.append(f"{where}:{n}:A: raden saknar enhet")
            continue
        values: dict[str, int] = {}
        for i, typ in columns.items():
            value = row[i] if i < len(row) else None
            if _empty(value):
                continue
            text = str(value).strip().replace("\u00a0", "").replace(" ", "")
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))
            if not text.isdigit() or int(text) > MAX_ANTAL:
                errors.append(f"{where}:{n}:{_column(i)}: '{value}' är inget antal (ett heltal "
                              "från 0)")
                continue
            values[typ] = int(text)
        for field, (types, words, authority) in NOTIFIED.items():
            at = next((i for i, c in columns.items() if c == field), None)
            if at is None or field not in values or not any(t in columns.values() for t in types):
                continue  # without the types' columns there is nothing to compare with
            if _plain(name) in TOTAL_ROWS and not any(t in values for t in types):
                continue  # a total row that gives the anmälningar alone
            cases = sum(values.get(t, 0) for t in types)
            if values[field] > cases:
                errors.append(f"{where}:{n}:{_column(at)}: {values[field]} anmälda till "
                              f"{authority} men raden har bara {cases} {words}")
        if _plain(name) in TOTAL_ROWS:
            total = {c: (v, f"{where}:{n}:{_column(i)}") for i, c in columns.items()
                     if (v := values.get(c)) is not None}
            continue
        place = by_name.get(_plain(name))
        if place is None:
            near = difflib.get_close_matches(name, list(units.values()), n=1, cutoff=0.6) or [
                u for u in units.values() if _plain(name) in _plain(u)][:1]
            hint = f"; menade du '{near[0]}'?" if near else ""
            errors.append(f"{where}:{n}:A: '{name}' finns inte i organisationen{hint}")
            continue
        if place in counts:
            errors.append(f"{where}:{n}:A: '{name}' finns redan på en rad ovanför")
            continue
        counts[place] = values
    return counts, total, errors


def notifications(counts: dict[str, dict[str, int]], total: dict[str, tuple[int, str]],
                  roll: Any) -> tuple[dict[str, int], list[str]]:
    """The year's anmälningar per field (IVO, IMY) from the table: the units' rows summed with
    ``roll`` (a department and its units counted once), or the total row's; an error where the
    total row says otherwise than its units."""
    out: dict[str, int] = {}
    errors: list[str] = []
    for field in NOTIFIED:
        given = {place: {field: row[field]} for place, row in counts.items() if field in row}
        summed = roll(given).total(field) if given else None
        if field in total:
            n, where = total[field]
            if summed is not None and summed != n:
                errors.append(f"{where}: totalraden säger {n} anmälda till "
                              f"{NOTIFIED[field][2]} men enheterna summerar till {summed}")
            out[field] = n
        elif summed is not None:
            out[field] = summed
    return out, errors


def record_text(year: int, counts: dict[str, dict[str, int]], total: int | None,
                existing: str | None, notified: dict[str, int] | None = None) -> str:
    """The record as YAML through the round-trip writer; an existing one keeps everything but
    its counts (and the anmälningar the table has columns for)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from lsk.model.poster import AVVIKELSETYPER, RAPPORTER, Avvikelser
    from lsk.writers import roundtrip

    def flow(row: dict[str, Any]) -> CommentedMap:
        m = CommentedMap(row)
        m.fa.set_flow_style()
        return m

    antal = CommentedSeq(flow({"enhet": place, "typ": typ, "antal": row[typ]})
                         for place, row in counts.items() for typ in AVVIKELSETYPER
                         if row.get(typ))
    rapporter = CommentedSeq(flow({"enhet": place, "antal": row[RAPPORTER]})
                             for place, row in counts.items() if RAPPORTER in row)
    data = roundtrip.load(existing) if existing else None
    if not isinstance(data, CommentedMap):
        data = CommentedMap()
        data["id"] = f"avvikelser-{year}"
        data["ar"] = year
    notified = notified or {}
    for key in ("antal", "rapporter", "totalt", *notified):
        data.pop(key, None)
    values: dict[str, Any] = {"antal": antal}
    if rapporter:
        values["rapporter"] = rapporter
    if total is not None:
        values["totalt"] = total
    values.update(notified)
    order = list(Avvikelser.key_order())
    for key, value in values.items():  # each in its place in the canonical order
        after = [k for k in order[order.index(key) + 1:] if k in data]
        position = list(data).index(after[0]) if after else len(data)
        data.insert(position, key, value)
    return roundtrip.dump(data)


def run(*, what: str, path: Path, year: int, root_arg: Path | None, overwrite: bool,
        today: dt.date) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.orgtree import org_tree, roll_up
    from lsk.atomic import write_atomic
    from lsk.model.poster import RAPPORTER

    root = existing_root(root_arg)
    if not path.is_file():
        raise LskError(f"{path} finns inte", "Ange tabellen som CSV eller XLSX.")
    target = root / "ar" / str(year) / "avvikelser.yaml"
    existing = target.read_text(encoding="utf-8") if target.is_file() else None
    if existing is not None and not overwrite:
        raise LskError(f"ar/{year}/avvikelser.yaml finns redan och skrivs inte över",
                       "Lägg till --skriv-over för att ersätta antalen i den (kommentarer, "
                       "orsaker och analys behålls).")
    corpus = Corpus.load(root, today)
    tree = org_tree(corpus)
    units = tree.names
    if not units:
        raise LskError("organisationen saknar enheter att matcha tabellen mot",
                       "Rätta organisation.yaml (kör 'lsk check').")
    counts, totals, errors = parse_table(_read(path), units, str(path))
    notified, wrong = notifications(counts, totals, lambda c: roll_up(c, tree))
    errors += wrong
    total = totals[RAPPORTER][0] if RAPPORTER in totals else None
    if errors:
        for e in errors:
            print(f"{e}", file=sys.stderr)
        print(f"lsk: fel: {len(errors)} fel i tabellen; inget är skrivet.", file=sys.stderr)
        return EXIT_FINDINGS
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, record_text(year, counts, total, existing, notified))
    rows = sum(1 for row in counts.values() for k, v in row.items() if v and k not in NOTIFIED)
    told = [f"{n} anmälda till {NOTIFIED[k][2]}" for k, n in notified.items()]
    print(f"Skrev ar/{year}/avvikelser.yaml: {len(counts)} enheter, {rows} antal"
          + (f", {total} rapporter totalt" if total is not None else "")
          + "".join(f", {t}" for t in told) + ".")
    print("Kör 'lsk check' för att se att summorna går ihop.")
    return EXIT_OK
