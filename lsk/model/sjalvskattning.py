"""The municipality's own assessment per provision: overrides and 'ej tillämplig' with motivation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from lsk.model.base import Labels, LagkravRef, Modell, Text

Status = Annotated[
    Literal["uppfylls", "uppfylls_delvis", "uppfylls_ej", "ej_tillamplig"],
    Labels({"uppfylls": "uppfylls", "uppfylls_delvis": "uppfylls delvis",
            "uppfylls_ej": "uppfylls ej", "ej_tillamplig": "ej tillämplig"}),
]


class Bedomning(Modell):
    LABEL = "bedömning"
    krav: LagkravRef
    status: Status
    motivering: Text
    datum: dt.date | None = None


class Sjalvskattning(Modell):
    """Document ``sjalvskattning.yaml``."""

    bedomningar: list[Bedomning] = []
