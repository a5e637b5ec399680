"""The municipality's own assessment per provision: overrides and 'ej tillämplig' with motivation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from lsk.model.base import LagkravRef, Modell, Text

Status = Literal["uppfylls", "uppfylls_delvis", "uppfylls_ej", "ej_tillamplig"]


class Bedomning(Modell):
    krav: LagkravRef
    status: Status
    motivering: Text
    datum: dt.date | None = None


class Sjalvskattning(Modell):
    """Document ``sjalvskattning.yaml``."""

    bedomningar: list[Bedomning] = []
