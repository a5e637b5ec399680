"""Personnummer written as people hide them, and numbers that only look like them: shared by the
scanner's tests and the end-to-end test of everything lsk publishes (issue 13, parts 1 and 4)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from lsk.personnummer import luhn_ok


def check_digit(nine: str) -> str:
    return next(d for d in "0123456789" if luhn_ok(nine + d))


def numbers(count: int, *, samordning: bool, seed: int) -> list[str]:
    """``count`` different valid numbers, twelve digits each (century first), no dash."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        born = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(0, 30_000))
        day = born.day + (60 if samordning else 0)
        nine = f"{born:%y%m}{day:02d}{rng.randrange(0, 1000):03d}"
        twelve = f"{born:%Y}"[:2] + nine + check_digit(nine)
        if twelve not in out:
            out.append(twelve)
    return out


def _join(sep: str, n: str) -> str:
    return sep.join(n)


# Each form writes a twelve-digit number (YYYYMMDDNNNN) the way one attack did; every form reads
# as the number once the page is published (Markdown rendered, entities decoded).
FORMS: dict[str, Callable[[str], str]] = {
    "plain": lambda n: f"{n[:8]}-{n[8:]}",
    "short": lambda n: f"{n[2:8]}-{n[8:]}",
    "no-dash": lambda n: n,
    "markdown-escape": lambda n: f"{n[:8]}\\-{n[8:]}",
    "entity-decimal": lambda n: f"{n[:8]}&#45;{n[8:]}",
    "entity-hex": lambda n: f"{n[:8]}&#x2D;{n[8:]}",
    "entity-named": lambda n: f"{n[:8]}&minus;{n[8:]}",
    "entity-digit": lambda n: f"{n[:4]}&#{ord(n[4])};{n[5:8]}-{n[8:]}",
    "zero-width": lambda n: f"{n[:4]}\u200b{n[4:8]}-{n[8:]}",
    "soft-hyphen": lambda n: f"{n[:8]}\u00ad-{n[8:]}",
    "word-joiner-every-digit": lambda n: _join("\u2060", f"{n[:8]}-{n[8:]}"),
    "spaces-around-dash": lambda n: f"{n[:8]} - {n[8:]}",
    "em-dash": lambda n: f"{n[:8]}\u2014{n[8:]}",
    "en-dash-spaced": lambda n: f"{n[:8]} \u2013 {n[8:]}",
    "tab": lambda n: f"{n[:8]}\t{n[8:]}",
    "double-space": lambda n: f"{n[:8]}  {n[8:]}",
    "date-in-groups": lambda n: f"{n[:4]} {n[4:6]} {n[6:8]}-{n[8:]}",
    "bold-pieces": lambda n: f"**{n[:4]}**{n[4:8]}-{n[8:]}",
    "emphasis-around": lambda n: f"_{n[:8]}_-_{n[8:]}_",
    "code-span": lambda n: f"`{n[:8]}-{n[8:]}`",
    "html-tags": lambda n: f"<b>{n[:4]}</b>{n[4:8]}-{n[8:]}",
    "html-comment": lambda n: f"{n[:6]}<!-- x -->{n[6:8]}-{n[8:]}",
    "tel-before": lambda n: f"tel {n[:8]}-{n[8:]}",
    "tel-before-short": lambda n: f"tel. {n[2:8]}-{n[8:]}",
    "full-width": lambda n: "".join(chr(0xFF10 + int(c)) for c in n[:8]) + "-" + n[8:],
}

# Forms that survive a YAML plain scalar or a file name (no tab or line-break tricks needed there).
SAFE_IN_NAMES = ("plain", "short", "no-dash", "zero-width", "em-dash", "spaces-around-dash",
                 "date-in-groups", "full-width", "entity-decimal")


def near_misses(count: int, seed: int) -> dict[str, list[str]]:
    """Numbers people write in a handbook that are not personnummer: diarienummer, org numbers,
    phone numbers, dates and times, and personnummer with a wrong check digit."""
    rng = random.Random(seed)

    def day() -> dt.date:
        return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(0, 15_000))

    def wrong() -> str:
        born = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(0, 45_000))
        nine = f"{born:%y%m%d}{rng.randrange(1000):03d}"
        ten = nine + rng.choice([c for c in "0123456789" if not luhn_ok(nine + c)])
        return rng.choice([f"{ten[:6]}-{ten[6:]}", f"{born:%Y}{ten[2:6]}-{ten[6:]}", ten,
                           f"{born:%Y} {ten[2:4]} {ten[4:6]} - {ten[6:]}",
                           f"{born:%Y}{ten[2:6]}\\-{ten[6:]}"])

    kinds: dict[str, Callable[[], str]] = {
        "dnr": lambda: rng.choice([
            f"Dnr SN {day().year}/{rng.randrange(1, 2000)}",
            f"dnr {day().year}-{rng.randrange(0, 999_999):06d}",
            f"KS {day().year}.{rng.randrange(1, 9999):04d}",
            f"SN {day().year}/{rng.randrange(1, 999):03d}-{rng.randrange(1, 99)}"]),
        "org": lambda: rng.choice([
            f"org.nr {rng.choice('2589')}{rng.randrange(10**4, 10**5)}-{rng.randrange(10**3, 10**4)}",
            f"{rng.choice(['21', '55', '80', '91'])}{rng.randrange(10**4):04d}-"
            f"{rng.randrange(10**4):04d}",
            f"16{rng.choice(['21', '55', '80'])}{rng.randrange(10**4):04d}-{rng.randrange(10**4):04d}"]),
        "phone": lambda: rng.choice([
            f"tel 0{rng.randrange(70, 77)}-{rng.randrange(100, 999)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}",
            f"telefon 0{rng.randrange(10, 99)}-{rng.randrange(10**5, 10**6)}",
            f"+46 {rng.randrange(70, 77)} {rng.randrange(100, 999)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}",
            f"tel. 0{rng.randrange(8, 99)}-{rng.randrange(10, 99)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}",
            f"mobil 0{rng.randrange(70, 77)}{rng.randrange(10**6, 10**7)}",
            f"växel 0{rng.randrange(100, 999)}-{rng.randrange(10**4, 10**5)}"]),
        "datum": lambda: rng.choice([
            f"{day():%Y-%m-%d}", f"{day():%Y-%m-%d} {rng.randrange(24):02d}:{rng.randrange(60):02d}",
            f"{day():%Y%m%d}", f"{day():%Y %m %d}", f"{day():%d/%m %Y}",
            f"{day():%Y-%m-%d} kl {rng.randrange(24):02d}.{rng.randrange(60):02d}",
            f"**{day():%Y-%m-%d}** {rng.randrange(1, 99)} st"]),
        "fel-kontrollsiffra": wrong,
    }
    return {name: [make() for _ in range(count)] for name, make in kinds.items()}
