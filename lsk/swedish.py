"""Small pieces of Swedish grammar that messages and reports share."""

from __future__ import annotations


def count(n: int, singular: str, plural: str) -> str:
    """'1 risk', '3 risker': the noun agrees with the number."""
    return f"{n} {singular if n == 1 else plural}"
