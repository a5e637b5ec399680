"""Run the rules: configuration, positions, suppression comments, severities.

Rules only say *where in the model*; here a finding becomes a diagnostic with a line. Files are
re-parsed for positions only when they have findings, so a clean repository costs nothing.
"""

from __future__ import annotations

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Diagnostic, Severity, diag
from lsk.loader.validate import closest
from lsk.rules.registry import RULES

_SEVERITY = {"fel": Severity.ERROR, "varning": Severity.WARNING, "info": Severity.INFO}


def run_rules(corpus: Corpus) -> list[Diagnostic]:
    """Diagnostics from every active rule, after configuration and suppression comments."""
    locate = corpus.locate
    settings = corpus.config.regler if corpus.config else {}
    out: list[Diagnostic] = []
    for code in settings:
        if code not in RULES:
            line, col = locate(corpus.config_path, ("regler", code), key=True)
            # a letter O typed for the digit 0 is the common slip in a code ('LSK5O5')
            guess = closest(code.upper().replace("O", "0"), list(RULES))
            out.append(diag("LSK010", corpus.config_path, line, col,
                            f"regeln '{code}' finns inte",
                            f"Menade du '{guess}'?" if guess else "Se 'lsk regler' för koderna."))
    suppressed = {f.relpath: f.suppressions for f in corpus.files if f.suppressions}
    used = {(f.relpath, line, code) for f in corpus.files for line, code in f.used_suppressions}
    for code, rule in RULES.items():
        setting = settings.get(code)
        if setting is not None and not setting.aktiv:
            continue
        severity = _SEVERITY[setting.allvarlighet] if setting and setting.allvarlighet else (
            rule.severity)
        for finding in rule.check(corpus):
            line, col = finding.at or locate(finding.relpath, finding.path)
            if code in suppressed.get(finding.relpath, {}).get(line, ()):
                used.add((finding.relpath, line, code))
                continue
            out.append(Diagnostic(code, severity, finding.relpath, line, col, finding.message,
                                  finding.hint))
    for relpath, lines in suppressed.items():
        for line, codes in lines.items():
            for code in sorted(codes):
                if (relpath, line, code) not in used:
                    out.append(diag("LSK009", relpath, line, 1,
                                    f"kommentaren undantar {code}, men {code} har inget fynd här",
                                    "Ta bort kommentaren; bara regler (lsk regler) och "
                                    "LSK401/402 kan undantas."))
    return out
