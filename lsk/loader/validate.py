"""Validate parsed data against a kind's model and turn pydantic errors into Swedish diagnostics."""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lsk import limits
from lsk.diagnostics import Diagnostic, diag
from lsk.loader.positions import Pos, position_of
from lsk.model.base import PATTERN_HELP
from lsk.model.introspect import model_at

M = TypeVar("M", bound=BaseModel)
_EXPLAINED = 5 * limits.MAX_FINDINGS_PER_CODE


def fold(text: str) -> str:
    """Lowercase ASCII form used to compare keys: 'Fastställd' → 'faststalld'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def closest(word: str, candidates: list[str] | set[str]) -> str | None:
    """The candidate a user most likely meant, compared without case and diacritics."""
    folded = {fold(c): c for c in candidates}
    match = difflib.get_close_matches(fold(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


_SHOWN = 40
"""Longest value quoted whole in a message; a longer one is shortened (a 4,300-digit number)."""


def _shown(text: str) -> str:
    if len(text) <= _SHOWN:
        return text
    return f"{text[:_SHOWN // 2]}…{text[-8:]} ({len(text)} tecken)"


def _type_name(value: Any) -> str:
    if isinstance(value, dict):
        return "en mappning"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, bool):
        return "ett sant/falskt-värde"
    if value is None:
        return "inget värde"
    if isinstance(value, int) and value.bit_length() > 128:
        return "ett mycket stort tal"  # str() of a number over 4,300 digits raises
    if isinstance(value, (int, float)):
        return f"talet {value}"
    return f"'{_shown(str(value))}'"


_EXPECTED = {
    "string_type": "text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "float_parsing": "ett tal",
    "finite_number": "ett ändligt tal",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en lista (rader som börjar med '- ')",
    "model_type": "en mappning (nyckel: värde)",
    "dict_type": "en mappning (nyckel: värde)",
    "model_attributes_type": "en mappning (nyckel: värde)",
    "date_type": "ett datum på formen ÅÅÅÅ-MM-DD",
    "date_parsing": "ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "ett datum på formen ÅÅÅÅ-MM-DD",
    "date_from_datetime_inexact": "ett datum utan klockslag, ÅÅÅÅ-MM-DD",
}

_BOUNDS = {
    "greater_than_equal": ("minst", "ge"),
    "greater_than": ("större än", "gt"),
    "less_than_equal": ("högst", "le"),
    "less_than": ("mindre än", "lt"),
}


def _field(loc: tuple[Any, ...]) -> str:
    """A path users can follow: list positions count from 1 ('steg 3, ansvar')."""
    parts: list[str] = []
    for p in loc:
        if isinstance(p, int) and parts:
            parts[-1] += f" {p + 1}"
        else:
            parts.append(str(p))
    return ", ".join(parts) or "dokumentet"


def _error_to_diagnostic(
    err: Any, model: type[BaseModel], relpath: str, positions: Pos | None, guess: bool = True
) -> Diagnostic:
    """One pydantic error in Swedish; ``guess`` looks for the key the user meant (a fuzzy match,
    skipped past the first errors of a file that has thousands)."""
    loc: tuple[Any, ...] = tuple(err["loc"])
    kind, value = err["type"], err.get("input")
    name = _field(loc)
    if kind == "extra_forbidden":
        line, col = position_of(positions, loc, key=True)
        owner = model_at(model, loc[:-1])
        allowed = sorted(owner.model_fields) if owner else []
        key = str(loc[-1])
        meant = closest(key, allowed) if guess else None
        if meant and fold(key) == meant:
            hint = f"Skriv '{meant}': nycklar skrivs utan å, ä och ö."
        elif meant:
            hint = f"Menade du '{meant}'?"
        elif " " in key and value is None:
            # '{term: X, definition: Processer som …, t.ex. personal}': in a {…} mapping a comma
            # ends the value, and the rest of the text is read as a key without a value
            hint = ("Ett kommatecken inom {…} avslutar värdet, så resten av texten lästes som en "
                    "nyckel. Sätt citattecken runt texten ('…'), eller skriv nyckeln på en egen "
                    "rad.")
        else:
            hint = "Tillåtna nycklar här: " + ", ".join(allowed) + "."
        return diag("LSK201", relpath, line, col, f"okänd nyckel '{key}'", hint)
    line, col = position_of(positions, loc)
    if kind == "missing":
        where = f" i {_field(loc[:-1])}" if len(loc) > 1 else ""
        return diag("LSK202", relpath, line, col, f"fältet '{loc[-1]}' saknas{where}",
                    f"Lägg till '{loc[-1]}:' med ett värde.")
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        helptext = PATTERN_HELP.get(pattern, f"mönstret {pattern}")
        return diag("LSK204", relpath, line, col, f"{name}: {_type_name(value)} har fel format",
                    f"Formatet är {helptext}.")
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", "")).replace(" or ", " eller ")
        return diag("LSK203", relpath, line, col,
                    f"{name}: {_type_name(value)} är inte ett tillåtet värde",
                    f"Välj ett av: {expected}.")
    if kind in _EXPECTED:
        hint = ("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-03-31." if kind.startswith("date")
                else "Rätta värdet; sätt citattecken runt text som ser ut som ett tal.")
        return diag("LSK203", relpath, line, col,
                    f"{name}: {_type_name(value)} ska vara {_EXPECTED[kind]}", hint)
    if kind in _BOUNDS:
        limit = err.get("ctx", {}).get(_BOUNDS[kind][1])
        limit = f"{limit:,}".replace(",", " ") if isinstance(limit, int) else limit
        return diag("LSK203", relpath, line, col,
                    f"{name}: {_type_name(value)} ska vara {_BOUNDS[kind][0]} {limit}",
                    "Rätta värdet; gränsen följer av vad fältet räknar.")
    if kind == "int_parsing_size":
        return diag("LSK203", relpath, line, col,
                    f"{name}: {_type_name(value)} är ett för stort tal",
                    "Rätta värdet; inget fält i lsk räknar så stora tal.")
    if kind in ("string_too_short", "too_short"):
        return diag("LSK203", relpath, line, col, f"{name} får inte vara tomt",
                    "Fyll i ett värde eller ta bort nyckeln om den är frivillig.")
    if kind == "value_error":
        msg = str(err["msg"]).removeprefix("Value error, ")
        return diag("LSK203", relpath, line, col, f"{name}: {msg}", "Rätta dokumentet.")
    return diag("LSK203", relpath, line, col, f"{name}: ogiltigt värde ({err['msg']})",
                "Rätta värdet enligt dokumenttypens schema (lsk schema).")


def validate(
    model: type[M], data: Any, relpath: str, positions: Pos | None
) -> tuple[M | None, list[Diagnostic]]:
    """The validated model instance, or None and one diagnostic per problem."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        # Explaining an error costs a fuzzy match; the cap in diagnostics.cap shows no more
        # than this many per code anyway, so a file with 90,000 bad keys stays cheap.
        errors = exc.errors(include_url=False)
        return None, [_error_to_diagnostic(e, model, relpath, positions, guess=i < _EXPLAINED)
                      for i, e in enumerate(errors)]
