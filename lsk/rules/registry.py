"""The explicit list of rules. A code is never reused: a retired rule's code moves to the ledger
``lsk.diagnostics.RETIRED`` and stays reserved."""

from __future__ import annotations

from lsk.rules import (
    aktivitet_utan_ansvar,
    aktivitet_utan_rutin,
    ar_saknar_poster,
    arscykel_saknar_handelse,
    arscykel_tidpunkt,
    arscykel_utan_tidpunkt,
    atgard_forsenad,
    atgard_utan_orsak,
    avdelning_stammer_inte,
    avvikelser_dubbelraknade,
    bedomning_dubblerad,
    egenkontroll_utan_resultat,
    ej_faststalld,
    ej_placerad,
    giltighet_passerad,
    kapitel_samma_ordning,
    kapitel_trasig_lank,
    krav_utan_tackning,
    lagrum_andrat,
    lank_saknas,
    lex_sarah_utan_beslut,
    mallens_text,
    medverkar_dubblerad,
    poster_summor,
    process_utan_aktiviteter,
    rekommenderat_falt,
    revision_passerad,
    risk_efter_atgard,
    risk_utan_atgard,
    riskskala,
    roll_utan_ansvar,
    rutin_utan_lagkrav,
    sammanstallning_dubblett,
    samverkan_saknas,
    steg_utan_ansvar,
    undersokning_varden,
    upphavt_lagrum,
    utforare_utan_avtal,
)
from lsk.rules.base import Rule

MODULES = (
    process_utan_aktiviteter, aktivitet_utan_rutin, aktivitet_utan_ansvar, steg_utan_ansvar,
    rutin_utan_lagkrav, samverkan_saknas, revision_passerad, ej_faststalld, roll_utan_ansvar,
    krav_utan_tackning, upphavt_lagrum, lagrum_andrat, arscykel_saknar_handelse,
    bedomning_dubblerad, rekommenderat_falt, medverkar_dubblerad, lank_saknas,
    giltighet_passerad, mallens_text,
    poster_summor, riskskala, atgard_forsenad, risk_utan_atgard, risk_efter_atgard,
    egenkontroll_utan_resultat, lex_sarah_utan_beslut, ar_saknar_poster,
    kapitel_trasig_lank, kapitel_samma_ordning, arscykel_tidpunkt, arscykel_utan_tidpunkt,
    avvikelser_dubbelraknade, avdelning_stammer_inte, atgard_utan_orsak, undersokning_varden,
    utforare_utan_avtal, ej_placerad, sammanstallning_dubblett,
)
RULES: dict[str, Rule] = {m.RULE.code: m.RULE for m in MODULES}
DOCS: dict[str, str] = {m.RULE.code: (m.__doc__ or "").strip() for m in MODULES}
