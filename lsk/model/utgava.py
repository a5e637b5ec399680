"""The metadata lsk writes into a fastställd utgåva's tag message (``lsk faststall``).

Anyone can make a tag by hand, so its block is read like any document: validated against this
model, and a tag whose block does not validate is reported and is no edition (an unreadable
``datum`` would otherwise sort anywhere, even as the newest edition).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from lsk.model.base import Modell, Text

CommitId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{40}([0-9a-f]{24})?$")]
"""A full git commit id: 40 hexadecimal digits (64 in a SHA-256 repository)."""


class Faststallelsetagg(Modell):
    """Block ``lsk-faststallelse:`` in a tag ``faststalld/<datum>``."""

    LABEL = "fastställd utgåva"
    ARTICLE = "en"

    format: int = Field(1, ge=1, le=1, description="Blockets format; lsk skriver 1.")
    beslut: Text = Field(description='Nämndens beslut, t.ex. "SN 2024-04-25 § 79".')
    dnr: str | None = Field(None, description="Diarienummer, t.ex. \"SN 2024/123\".")
    datum: dt.date = Field(description="Beslutets datum, ÅÅÅÅ-MM-DD.")
    commit: CommitId | None = Field(None, description="Commiten som fastställdes.")
    rot: str = Field("", description="Rotens mapp i git-repot; tom när roten är repots topp.")
