"""The text ``lsk ny`` writes where the author has yet to write their own (platshållare).

``lsk ny`` puts these sentences in a new process, rutin, roll or styrdokument so that the document validates;
LSK518 warns about every one still left, so no template text reaches the handbook unnoticed.
Both read them here.
"""

from __future__ import annotations

RUTIN_SYFTE = "Beskriv varför rutinen finns."
RUTIN_STEG = "Beskriv första steget."
PROCESS_SYFTE = "Beskriv vad processen ska åstadkomma."
PROCESS_AKTIVITET = "Beskriv första aktiviteten."
ROLL_ANSVAR = "Beskriv rollens ansvar i kvalitetsarbetet."
STYRDOKUMENT_BESKRIVNING = "Beskriv kort vad dokumentet styr."

PLATSHALLARE: frozenset[str] = frozenset(
    {RUTIN_SYFTE, RUTIN_STEG, PROCESS_SYFTE, PROCESS_AKTIVITET, ROLL_ANSVAR,
     STYRDOKUMENT_BESKRIVNING})
"""Every sentence ``lsk ny`` writes for the author to replace."""
