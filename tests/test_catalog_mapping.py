"""The catalog's old socialtjänstlag is mapped to the new, and its quotes are the statute's words.

The mapping (``ersatt_av``) is data in ``lsk/catalog/data/sfs-2001-453.yaml``; these tests keep it
complete and honest about its certainty. The quotes of every law whose official text lies in
``../shared/lag/`` (beside the repository) are checked against that text; a fresh clone without
it (CI) skips those checks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from lsk.catalog import catalog_files
from lsk.model.krav import Kravkatalog
from tests.conftest import PROJECT

SHARED_LAG = Path(os.environ.get("LSK_SHARED_LAG", PROJECT.parent / "shared" / "lag"))
"""The official texts the catalog was checked against (see KALLOR.md)."""

OFFICIAL_TEXT = {
    "SFS-2001:453": "sfs-2001-453.txt",
    "SFS-1993:387": "sfs-1993-387-lss.md",
    "SFS-2017:30": "sfs-2017-30-hsl.md",
    "SFS-2010:659": "sfs-2010-659-psl.md",
    "SFS-1990:52": "sfs-1990-52-lvu.md",
    "SFS-1988:870": "sfs-1988-870-lvm.txt",
    "SFS-2009:400": "sfs-2009-400-osl-26kap.txt",
}
"""Författning → its official text in ``SHARED_LAG``."""


def _catalogs() -> dict[str, Kravkatalog]:
    out = {}
    for _, path in catalog_files():
        catalog = Kravkatalog.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        out[catalog.forfattning.id] = catalog
    return out


CATALOGS = _catalogs()
OLD_SOL = CATALOGS["SFS-2001:453"].krav


def _letters(text: str) -> str:
    """The text without markup and whitespace: links keep their label, tags and '#' go.

    Whitespace is removed rather than collapsed because the sources lose some spaces
    ("attfara", "skaaktivt" in SFS 2001:453 5 kap. 1 a §) and put stycken and list items on one
    line; what is compared is the sequence of letters, digits and punctuation.
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text).replace("#", "")
    return re.sub(r"\s+", "", text)


def test_every_old_sol_entry_is_repealed_and_says_what_replaced_it():
    assert len(OLD_SOL) >= 30
    for krav in OLD_SOL:
        assert krav.upphavd == dt.date(2025, 7, 1), krav.id
        assert krav.ersatt_av or krav.anmarkning, f"{krav.id}: ersatt_av eller en anmärkning om varför inte"
        assert all(r.startswith("SFS-2025:400/") for r in krav.ersatt_av), krav.id


def test_the_old_paragraphs_a_ledningssystem_cites_are_all_mapped():
    cited = {"2/7", "3/3", "3/3a", "3/5", "4/1", "5/1a", "7/6", "10/2", "10/4", "10/5", "11/1",
             "11/1a", "11/2", "11/5", "11/6", "12/1", "13/1", "14/1", "14/1a", "14/1b", "14/1c",
             "14/2", "14/3", "14/4", "14/5", "14/6", "14/7", "15/1", "16/6f", "16/6g", "16/6h"}
    mapped = {k.id.removeprefix("SFS-2001:453/") for k in OLD_SOL if k.ersatt_av}
    assert cited <= mapped, sorted(cited - mapped)


@pytest.mark.parametrize("old, new, certainty", [
    ("14/3", ["27/2"], "mycket_hog"),          # lex Sarah: LSS and others refer to 27 kap. 2 §
    ("11/5", ["14/3"], "hog"),                 # dokumentation: the cross-reference is not readable
    ("14/2", ["5/1"], "mycket_hog"),           # 27 kap. 3 § refers to 5 kap. 1 § andra stycket
    ("3/3", ["5/1", "5/3", "25/4", "5/2"], "hog"),   # split by stycke
    ("4/1", ["11/1", "12/1"], "hog"),
    ("14/6", ["27/5"], "hog"),
])
def test_known_rows_of_the_mapping(old, new, certainty):
    krav = next(k for k in OLD_SOL if k.id == f"SFS-2001:453/{old}")
    assert krav.ersatt_av == [f"SFS-2025:400/{n}" for n in new]
    assert krav.ersatt_av_sakerhet == certainty


def test_every_mapping_says_how_sure_it_is():
    for catalog in CATALOGS.values():
        for krav in catalog.krav:
            assert bool(krav.ersatt_av) == bool(krav.ersatt_av_sakerhet), krav.id


def test_a_mapping_that_is_only_hog_says_so_in_words():
    for krav in OLD_SOL:
        if krav.ersatt_av_sakerhet == "hog":
            assert krav.anmarkning and "Säkerhet hög" in krav.anmarkning, krav.id


def test_an_unverified_entry_says_why():
    for catalog in CATALOGS.values():
        for krav in catalog.krav:
            if not krav.verifierad:
                assert krav.anmarkning or catalog.forfattning.id in OFFICIAL_TEXT, krav.id
            if krav.texttyp == "aldre_lydelse":
                assert not krav.verifierad and krav.anmarkning, krav.id


QUOTES = [(fid, krav) for fid in OFFICIAL_TEXT for krav in CATALOGS[fid].krav
          if krav.texttyp == "citat" and krav.verifierad]


@pytest.mark.parametrize("forfattning, krav", QUOTES, ids=[k.id for _, k in QUOTES])
def test_a_verified_quote_is_in_the_official_text(forfattning, krav):
    source = SHARED_LAG / OFFICIAL_TEXT[forfattning]
    if not source.is_file():
        pytest.skip(f"{source} saknas: de officiella texterna ligger bredvid repot, inte i det "
                    "(en ny klon, t.ex. i CI, har dem inte)")
    assert _letters(krav.text) in _letters(source.read_text(encoding="utf-8")), (
        f"{krav.id} är märkt som verifierat citat men står inte ordagrant i {source.name}")


def test_every_old_sol_quote_is_checked():
    quoted = {k.id for k in OLD_SOL if k.texttyp == "citat"}
    assert quoted and all(k.verifierad for k in OLD_SOL if k.id in quoted)
    assert quoted <= {k.id for f, k in QUOTES if f == "SFS-2001:453"}
