"""The municipality's risk matrix, defined once in ``riskmatris.yaml`` (3×3 to 5×5)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from lsk.model.base import Modell, Text


class Niva(Modell):
    LABEL = "nivå"

    namn: Text
    till: int = Field(ge=1, le=25, description="Högsta riskvärde (sannolikhet × konsekvens) på nivån.")
    farg: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")


class Riskmatris(Modell):
    """Document ``riskmatris.yaml``."""

    storlek: int = Field(ge=3, le=5)
    sannolikhet: list[Text]
    konsekvens: list[Text]
    nivaer: list[Niva] = Field(min_length=2)
    atgard_kravs_fran: Text = Field(description="Lägsta nivå där en risk måste ha åtgärder.")

    @model_validator(mode="after")
    def _consistent(self) -> Riskmatris:
        if len(self.sannolikhet) != self.storlek or len(self.konsekvens) != self.storlek:
            raise ValueError(f"sannolikhet och konsekvens ska ha {self.storlek} steg var")
        tops = [n.till for n in self.nivaer]
        if tops != sorted(tops) or tops[-1] != self.storlek * self.storlek:
            raise ValueError("nivåernas 'till' ska stiga och den sista vara storlek × storlek")
        if self.atgard_kravs_fran not in {n.namn for n in self.nivaer}:
            raise ValueError("atgard_kravs_fran ska vara namnet på en av nivåerna")
        return self

    def level(self, probability: int, consequence: int) -> Niva:
        value = probability * consequence
        return next(n for n in self.nivaer if value <= n.till)

    def lacks_measures(self, risk: Any) -> bool:
        """A risk rated inside the matrix, at or above the measure level, with no åtgärder."""
        inside = risk.sannolikhet <= self.storlek and risk.konsekvens <= self.storlek
        return inside and not risk.atgarder and self.needs_measures(risk.sannolikhet,
                                                                     risk.konsekvens)

    def needs_measures(self, probability: int, consequence: int) -> bool:
        names = [n.namn for n in self.nivaer]
        return names.index(self.level(probability, consequence).namn) >= names.index(
            self.atgard_kravs_fran)
