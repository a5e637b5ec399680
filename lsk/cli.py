"""The ``lsk`` command line: options in, a command function called, its exit code out. No logic.

Every command that reads a ledningssystem takes the root as an optional positional argument
(see ``lsk.rootdir``), ``--format`` for the output and ``--out`` for a file or folder.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from lsk import cli_sv
from lsk.errors import EXIT_USAGE, LskError, os_error_text

cli_sv.install()

app = typer.Typer(
    name="lsk",
    help=(
        "lsk – ledningssystem som kod.\n\n"
        "Kontrollera, spåra och publicera socialnämndens ledningssystem för systematiskt "
        "kvalitetsarbete (SOSFS 2011:9), skrivet som YAML i ett git-repo.\n\n"
        "Exempel: [bold]lsk check[/bold]  (kontrollerar ./ledningssystem)"
    ),
    rich_markup_mode="rich",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[FLAGGOR]",
    subcommand_metavar="KOMMANDO [ARGUMENT]...",
)


def _print_version(asked: bool) -> None:
    if asked:
        import lsk

        typer.echo(f"lsk {lsk.__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", help="Visa lsk:s version och avsluta.", is_eager=True,
        callback=_print_version)] = False,
) -> None:
    """lsk – ledningssystem som kod."""

RootArg = Annotated[
    Optional[Path],  # noqa: UP045 - Typer reads the annotation at runtime
    typer.Argument(
        help="Ledningssystemets rot. Standard: närmaste mapp uppåt med lsk.yaml, "
        "annars ./ledningssystem.",
        show_default=False,
        metavar="ROT",
    ),
]
OutOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--out", "-o", help="Skriv till en fil i stället för till terminalen.",
                 metavar="FIL"),
]


DateOpt = Annotated[
    Optional[dt.datetime],  # noqa: UP045
    typer.Option("--datum", help="Kontrollera som om det vore detta datum (ÅÅÅÅ-MM-DD); "
                 "standard: i dag.", formats=["%Y-%m-%d"], metavar="DATUM", show_default=False),
]


def _today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


class CheckFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


class CodesFormat(str, enum.Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("check")
def check_command(
    root: RootArg = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        CheckFormat.text
    ),
    out: OutOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Varningar ger också slutkod 1.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Läs om alla filer (ingen cache i .lsk-cache/).")
    ] = False,
    datum: DateOpt = None,
    changed_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--changed-since", help="Visa bara fynd i filer som ändrats sedan REV (och "
                     "filer som hänvisar till dem eller som de hänvisar till). Kräver git.",
                     metavar="REV", show_default=False),
    ] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Skriv om hänvisningar till upphävda bestämmelser som har en enda "
        "ersättare (t.ex. SFS-2001:453/14/3 → SFS-2025:400/27/2), kontrollera sedan.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Visa som en diff vad --fix skulle ändra, utan att skriva.")] = False,
) -> None:
    """Kontrollera ledningssystemet: filer, fält, referenser, personuppgifter och reglerna.

    Slutkod 0: inga fel. 1: fel (med --strict även varningar). 2: fel användning, internt fel.

    Exempel: [bold]lsk check[/bold] · [bold]lsk check ledningssystem --format json[/bold]

    I GitHub Actions: [bold]lsk check --format github[/bold] ·
    bara det som ändrats i grenen: [bold]lsk check --changed-since origin/main[/bold]

    Till nya socialtjänstlagen: [bold]lsk check --diff[/bold], sedan [bold]lsk check --fix[/bold]
    """
    from lsk.commands.check import run

    raise typer.Exit(run(root_arg=root, fmt=format.value, out=out, strict=strict,
                         use_cache=not no_cache, today=_today(datum),
                         changed_since=changed_since, fix=fix, show_diff=diff))


@app.command("schema")
def schema_command(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Mapp som JSON Schema-filerna skrivs till.",
                           metavar="MAPP")
    ] = Path("schema"),
) -> None:
    """Skriv ett JSON Schema per dokumenttyp, för validering och komplettering i editorn.

    Exempel: [bold]lsk schema --out schema[/bold], och överst i en rutin:

    [dim]# yaml-language-server: $schema=../../schema/rutin.schema.json[/dim]
    """
    from lsk.commands.schema import run

    raise typer.Exit(run(out=out))


@app.command("koder")
def codes_command(
    format: Annotated[CodesFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        CodesFormat.text
    ),
    out: OutOpt = None,
) -> None:
    """Lista alla diagnostikkoder: kod, namn, allvarlighet, vad och varför.

    Exempel: [bold]lsk koder[/bold] · [bold]lsk koder --format markdown[/bold]
    """
    from lsk.commands.codes import run

    raise typer.Exit(run(fmt=format.value, out=out))


class TraceFormat(str, enum.Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


@app.command("trace")
def trace_command(
    root: RootArg = None,
    format: Annotated[TraceFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        TraceFormat.table
    ),
    out: OutOpt = None,
    uncovered: Annotated[
        bool, typer.Option("--uncovered", help="Visa bara tillämpliga krav som saknar täckning.")
    ] = False,
    item: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--for", help="Visa vilka krav en process, aktivitet, rutin eller roll bär, "
                     "eller vad som bär en författning eller ett kapitel (SFS-2025:400/27).",
                     metavar="ID"),
    ] = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--fail-under", help="Slutkod 1 om täckningen är under PCT procent.",
                     metavar="PCT"),
    ] = None,
    ar: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--ar", help="Året vars poster visar det årliga arbetet (riskanalyser, "
                     "egenkontroller …); standard: förra året.", metavar="ÅR", min=2000, max=2100),
    ] = None,
    datum: DateOpt = None,
) -> None:
    """Spårbarhetsmatris: varje krav, dess status, skälet och vad i ledningssystemet som bär det.

    Täckningen räknas per författning, per kapitel och totalt över de krav som är tillämpliga.
    Ett krav på årligt arbete uppfylls för ett år först när årets poster visar arbetet.

    Exempel: [bold]lsk trace[/bold] · [bold]lsk trace --uncovered[/bold] · [bold]lsk trace --for R004[/bold]

    Ett år: [bold]lsk trace --ar 2025[/bold] · ett kapitel: [bold]lsk trace --for SFS-2025:400/27[/bold]

    I CI: [bold]lsk trace --fail-under 100[/bold] · Excel: [bold]lsk trace -f xlsx -o sparbarhet.xlsx[/bold]
    """
    from lsk.commands.trace import run

    raise typer.Exit(run(root_arg=root, fmt=format.value, out=out, uncovered=uncovered, item=item,
                         fail_under=fail_under, today=_today(datum), year=ar))


@app.command("regler")
def rules_command(
    format: Annotated[CodesFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        CodesFormat.text
    ),
    out: OutOpt = None,
) -> None:
    """Lista reglerna: kod, namn, allvarlighet, vad de kontrollerar och varför.

    Exempel: [bold]lsk regler[/bold] · [bold]lsk regler --format markdown[/bold]
    """
    from lsk.commands.rules import run

    raise typer.Exit(run(fmt=format.value, out=out))


@app.command("fmt")
def fmt_command(
    root: RootArg = None,
    check: Annotated[
        bool, typer.Option("--check", help="Ändra inget; slutkod 1 om någon fil skulle ändras.")
    ] = False,
) -> None:
    """Formatera dokumenten: nycklar i standardordning, samma indrag; kommentarer och värden behålls.

    En fil som inte kan tolkas rörs aldrig, och varje fil skrivs atomärt.

    Exempel: [bold]lsk fmt[/bold] · i CI: [bold]lsk fmt --check[/bold]
    """
    from lsk.commands.fmt import run

    raise typer.Exit(run(root_arg=root, check=check))


@app.command("granska")
def review_command(
    item: Annotated[str, typer.Argument(help="Id för rutinen, processen eller styrdokumentet.",
                                          metavar="ID")],
    root: RootArg = None,
    datum: DateOpt = None,
    nasta: Annotated[
        Optional[dt.datetime],  # noqa: UP045
        typer.Option("--nasta", help="Nästa revision (standard: samma intervall som förut, "
                     "annars ett år).", formats=["%Y-%m-%d"], metavar="DATUM"),
    ] = None,
) -> None:
    """Notera att ett dokument granskats utan ändring: granskad och nasta_revision flyttas.

    ID är en rutins, en process eller ett styrdokuments id. Inget annat i filen ändras; ett
    styrdokument ändras bara i sin egen post i styrdokument.yaml.

    Exempel: [bold]lsk granska R004[/bold] · [bold]lsk granska KP01 --datum 2026-11-20[/bold] ·
    [bold]lsk granska delegationsordning[/bold]
    """
    from lsk.commands.granska import run

    raise typer.Exit(run(root_arg=root, item=item, when=_today(datum),
                         next_due=nasta.date() if nasta else None))


class NewKind(str, enum.Enum):
    rutin = "rutin"
    process = "process"
    roll = "roll"
    tjanst = "tjanst"
    styrdokument = "styrdokument"


@app.command("ny")
def new_command(
    what: Annotated[NewKind, typer.Argument(help="Vad som ska skapas.", metavar="TYP")],
    titel: Annotated[str, typer.Option("--titel", "-t", help="Titel eller namn.")],
    root: RootArg = None,
    typ: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--typ", help="För process: ledningsprocess, karnprocess (standard) eller "
                     "stodprocess. För styrdokument (krävs): dokumentets typ, t.ex. riktlinje, "
                     "policy, delegationsordning eller plan (en okänd typ ger hela listan).",
                     metavar="TYP"),
    ] = None,
    agare: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--agare", help="Roll som äger processen, ansvarar för rutinen eller "
                     "ansvarar för styrdokumentet.", metavar="ROLL"),
    ] = None,
) -> None:
    """Skapa ett nytt dokument med nästa lediga id och de obligatoriska fälten; skriver ut sökvägen.

    TYP är rutin, process, roll, tjanst eller styrdokument. Ett styrdokument läggs sist i
    styrdokument.yaml; allt annat i filen behålls. Fyll sedan i den text som lsk check påminner om.

    Exempel: [bold]lsk ny rutin --titel "Hantering av nycklar"[/bold] ·
    [bold]lsk ny process --typ stodprocess --titel "Arkiv" --agare arkivarie[/bold] ·
    [bold]lsk ny styrdokument --typ riktlinje --titel "Riktlinje för nyckelhantering"[/bold]
    """
    from lsk.commands.ny import run

    raise typer.Exit(run(root_arg=root, what=what.value, title=titel, kind=typ, owner=agare))


@app.command("init")
def init_command(
    target: Annotated[Path, typer.Argument(help="Mapp för det nya repot.", metavar="MAPP")],
    kommun: Annotated[str, typer.Option("--kommun", help="Kommunens namn.")] = "Min kommun",
    namnd: Annotated[str, typer.Option("--namnd", help="Nämndens namn.")] = "Socialnämnden",
    force: Annotated[
        bool, typer.Option("--force", help="Fyll på en mapp som inte är tom (skriver aldrig över).")
    ] = False,
) -> None:
    """Skapa ett nytt repo med ett minimalt, giltigt ledningssystem, README, .gitignore och CI-exempel.

    Exempel: [bold]lsk init ekby-ls --kommun "Ekby kommun"[/bold]
    """
    from lsk.commands.init import run

    raise typer.Exit(run(target=target, kommun=kommun, namnd=namnd, force=force))


class StatusFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command("status")
def status_command(
    root: RootArg = None,
    format: Annotated[StatusFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        StatusFormat.text
    ),
    out: OutOpt = None,
    datum: DateOpt = None,
) -> None:
    """Vad som ska göras denna månad och vad som är försenat: årscykeln, revisioner, åtgärder.

    Exempel: [bold]lsk status[/bold] · till en instrumentpanel: [bold]lsk status --format json[/bold]
    """
    from lsk.commands.status import run

    raise typer.Exit(run(root_arg=root, fmt=format.value, out=out, today=_today(datum)))


@app.command("kalender")
def kalender_command(
    root: RootArg = None,
    ar: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--ar", help="Året som serierna börjar (och --expandera skriver); standard: "
                     "i år.", metavar="ÅR", min=2000, max=2100),
    ] = None,
    expandera: Annotated[bool, typer.Option(
        "--expandera", help="Ett tillfälle per händelse och månad under året i stället för "
        "återkommande serier.")] = False,
    out: OutOpt = None,
    datum: DateOpt = None,
) -> None:
    """Årscykeln, revisionsdatum och åtgärdernas sista dag som kalenderfil (iCalendar, .ics).

    Importera filen i Outlook eller en annan kalender; en ny import uppdaterar händelserna i
    stället för att lägga till kopior. Varje händelse anger den ansvariga rollen.
    Exempel: [bold]lsk kalender --out arscykel.ics[/bold]
    """
    from lsk.commands.kalender import run

    raise typer.Exit(run(root_arg=root, year=ar, expand=expandera, out=out, today=_today(datum)))


class RenderFormat(str, enum.Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


@app.command("render")
def render_command(
    root: RootArg = None,
    format: Annotated[RenderFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        RenderFormat.html
    ),
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", "-o", help="Mapp att skriva till (PDF: fil). Standard: handbok/ "
                     "(handbok.pdf) bredvid roten.", metavar="MAPP", show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ersätt en mapp eller fil som lsk inte har skapat.")
    ] = False,
    check_links: Annotated[
        bool, typer.Option("--check-links", help="Kontrollera efteråt att varje intern länk "
                           "fungerar (slutkod 1 annars).")
    ] = False,
    datum: Annotated[
        Optional[dt.datetime],  # noqa: UP045
        typer.Option("--datum", help="Publiceringsdatum på versionsraden och för kravens status "
                     "(ÅÅÅÅ-MM-DD); standard: i dag.", formats=["%Y-%m-%d"], metavar="DATUM",
                     show_default=False),
    ] = None,
    arkiv: Annotated[
        bool, typer.Option("--arkiv", help="PDF/A för arkivet (PDF/A-2a, taggad); utan den en "
                           "taggad PDF (PDF/UA).")
    ] = False,
) -> None:
    """Publicera handboken: webbplats (html), Markdown (md) eller PDF för fastställande.

    Mallar i mallar/ bredvid roten ersätter lsk:s egna med samma namn (t.ex. egen.css,
    rutin.html; se lsk mallar); ROT/mallar/ läses också, men är den äldre platsen.

    Exempel: [bold]lsk render[/bold] · [bold]lsk render --format md --out docs[/bold] ·
    [bold]lsk render -f pdf -o handbok.pdf[/bold]
    """
    from lsk.commands.render import run

    raise typer.Exit(run(root_arg=root, fmt=format.value, out=out, force=force,
                         check_links=check_links, today=_today(datum), archive=arkiv))


@app.command("serve")
def serve_command(
    root: RootArg = None,
    port: Annotated[int, typer.Option("--port", "-p", help="Port att lyssna på (0: en ledig).",
                                      min=0, max=65535)] = 8000,
    host: Annotated[str, typer.Option("--host", help="Adress att lyssna på; standard bara den "
                                      "egna datorn.")] = "127.0.0.1",
) -> None:
    """Förhandsgranska handboken medan du skriver: byggs om när en fil sparas.

    Öppna adressen som skrivs ut i webbläsaren; sidan laddas om av sig själv efter varje
    ändring, och fynden från lsk check för sidans dokument visas överst. Kräver tillägget
    lsk[serve].

    Exempel: [bold]lsk serve[/bold] · [bold]lsk serve --port 8001[/bold]
    """
    from lsk.commands.serve import run

    raise typer.Exit(run(root_arg=root, host=host, port=port, today=dt.date.today()))


@app.command("mallar")
def templates_command(
    names: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Argument(help="Mallarna att kopiera, t.ex. egen.css _logo.svg. Standard: alla.",
                       metavar="MALL", show_default=False),
    ] = None,
    root: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--rot", "--root", help="Ledningssystemets rot (som ROT i andra kommandon).",
                     metavar="ROT", show_default=False),
    ] = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", "-o", help="Mapp att kopiera till. Standard: mallar/ bredvid roten.",
                     metavar="MAPP", show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Skriv över filer som redan finns (aldrig länkar).")
    ] = False,
    lista: Annotated[
        bool, typer.Option("--lista", help="Visa lsk:s mallar och vad de gör; kopiera inget.")
    ] = False,
) -> None:
    """Kopiera lsk:s mallar till mallar/ bredvid roten för att göra dem till kommunens egna.

    En fil som redan finns skrivs aldrig över utan --force.

    Versionen av mallkontraktet som kopiorna gjordes från skrivs i mallar/mallkontrakt.txt.

    Exempel: [bold]lsk mallar egen.css _logo.svg[/bold] · [bold]lsk mallar --lista[/bold] ·
    [bold]lsk mallar --out /tmp/nya-mallar[/bold]
    """
    from lsk.commands.mallar import run

    raise typer.Exit(run(names=names or [], root_arg=root, out=out, force=force, show_list=lista))


class ReportFormat(str, enum.Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"


@app.command("kvalitetsberattelse")
def quality_report_command(
    year: Annotated[int, typer.Argument(help="Året som berättelsen gäller.", metavar="ÅR")],
    root: RootArg = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        ReportFormat.html
    ),
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", "-o", help="Fil (html, pdf, docx) eller mapp (md).", metavar="SÖKVÄG"),
    ] = None,
    intern: Annotated[
        bool, typer.Option("--intern", help="Intern version: små antal per enhet visas.")
    ] = False,
    troskel: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--troskel", help="Maskeringsgräns (standard: maskningsgrans i lsk.yaml, 5).",
                     min=0, metavar="N"),
    ] = None,
    utkast: Annotated[
        bool, typer.Option("--utkast", help="Gör ett utkast även om årets poster har fel; "
                           "varje sida märks som utkast.")
    ] = False,
    datum: DateOpt = None,
    arkiv: Annotated[
        bool, typer.Option("--arkiv", help="PDF/A för arkivet (PDF/A-2a, taggad); utan den en "
                           "taggad PDF (PDF/UA).")
    ] = False,
    beslut: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--beslut", help="Nämndens beslut för Word-filens första sida, t.ex. "
                     '"SN 2026-02-19 § 12".', metavar="TEXT", show_default=False),
    ] = None,
    dnr: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dnr", help="Diarienummer för Word-filens första sida.", metavar="DNR",
                     show_default=False),
    ] = None,
) -> None:
    """Kvalitetsberättelsen för ett år, med alla siffror framräknade ur årets poster.

    Små antal per enhet döljs (×) så att ingen enskild kan pekas ut, utom med --intern.
    Har årets poster fel skapas ingen berättelse (slutkod 1), utom som utkast med --utkast.

    Exempel: [bold]lsk kvalitetsberattelse 2025[/bold] · [bold]lsk kvalitetsberattelse 2025 -f docx[/bold]
    """
    from lsk.commands.kvalitetsberattelse import run

    raise typer.Exit(run(year=year, root_arg=root, fmt=format.value, out=out, internal=intern,
                         threshold=troskel, today=_today(datum), archive=arkiv,
                         decision=beslut, dnr=dnr, draft=utkast))


class ImportKind(str, enum.Enum):
    avvikelser = "avvikelser"


@app.command("importera")
def import_command(
    vad: Annotated[ImportKind, typer.Argument(help="Vad som importeras.", metavar="VAD")],
    fil: Annotated[Path, typer.Argument(help="Tabellen som CSV eller XLSX.", metavar="FIL")],
    ar: Annotated[int, typer.Option("--ar", help="Året som tabellen gäller.", metavar="ÅR",
                                    min=2000, max=2100)],
    root: RootArg = None,
    skriv_over: Annotated[
        bool, typer.Option("--skriv-over", help="Ersätt antalen i en befintlig post.")
    ] = False,
    datum: DateOpt = None,
) -> None:
    """Årets antal avvikelser ur avvikelsesystemets tabell (en rad per enhet, en kolumn per typ).

    Rubrikerna matchas mot lsk:s typer och enheterna mot organisationen; okända enheter och
    kolumner är fel med rad och kolumn. En befintlig post skrivs bara över med --skriv-over.

    Exempel: [bold]lsk importera avvikelser avvikelser-2025.xlsx --ar 2025[/bold]
    """
    from lsk.commands.importera import run

    raise typer.Exit(run(what=vad.value, path=fil, year=ar, root_arg=root, overwrite=skriv_over,
                         today=_today(datum)))


class HistoryFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command("historik")
def history_command(
    target: Annotated[str, typer.Argument(help="Sökväg till dokumentet, eller dess id.",
                                          metavar="SÖKVÄG|ID")],
    root: RootArg = None,
    alla: Annotated[bool, typer.Option("--alla", help="Visa varje ändring, inte bara den senaste.")
                    ] = False,
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        HistoryFormat.text
    ),
    out: OutOpt = None,
) -> None:
    """Senaste ändringen av ett dokument ur git: datum, vem och varför (--alla: hela historiken).

    Kräver git (slutkod 2 utanför ett git-repo).

    Exempel: [bold]lsk historik R004[/bold] · [bold]lsk historik rutiner/R004-utredning.yaml --alla[/bold]
    """
    from lsk.commands.historik import run

    raise typer.Exit(run(root_arg=root, target=target, every=alla, fmt=format.value, out=out))


@app.command("faststall")
def approve_command(
    beslut: Annotated[str, typer.Option("--beslut", help="Nämndens beslut, t.ex. "
                                        "\"SN 2024-04-25 § 79\".", show_default=False)],
    root: RootArg = None,
    dnr: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dnr", help="Ärendets diarienummer.", show_default=False),
    ] = None,
    datum: Annotated[
        Optional[dt.datetime],  # noqa: UP045
        typer.Option("--datum", help="Beslutsdatum (ÅÅÅÅ-MM-DD); standard: i dag.",
                     formats=["%Y-%m-%d"], metavar="DATUM", show_default=False),
    ] = None,
) -> None:
    """Registrera nämndens fastställande: en annoterad git-tagg faststalld/DATUM på HEAD.

    Vägrar om något inte är incheckat eller om lsk check hittar fel.

    Exempel: [bold]lsk faststall --beslut "SN 2024-04-25 § 79" --dnr SN-2024/112 --datum 2024-04-25[/bold]
    """
    from lsk.commands.faststall import run

    raise typer.Exit(run(root_arg=root, beslut=beslut, dnr=dnr, datum=_today(datum),
                         today=dt.date.today()))


@app.command("utgavor")
def editions_command(
    root: RootArg = None,
    format: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        HistoryFormat.text
    ),
    out: OutOpt = None,
) -> None:
    """Lista de fastställda utgåvorna: datum, tagg, beslut, dnr och commit.

    Exempel: [bold]lsk utgavor[/bold] · [bold]lsk utgavor --format json[/bold]
    """
    from lsk.commands.utgavor import run

    raise typer.Exit(run(root_arg=root, fmt=format.value, out=out))


class DiffFormat(str, enum.Enum):
    md = "md"
    json = "json"


@app.command("diff")
def diff_command(
    from_rev: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="Från: 'faststalld' (senaste fastställda utgåvan, standard), en "
                       "utgåvas tagg eller datum, eller en git-revision.", metavar="FRÅN",
                       show_default=False),
    ] = None,
    to_rev: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(help="Till: 'arbetskopia' (filerna som de är nu, standard), en utgåva "
                       "eller en git-revision.", metavar="TILL", show_default=False),
    ] = None,
    root: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--rot", "--root", help="Ledningssystemets rot (som ROT i andra kommandon).",
                     metavar="ROT", show_default=False),
    ] = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Utdataformat.")] = (
        DiffFormat.md
    ),
    out: OutOpt = None,
) -> None:
    """Vad som ändrats i sak mellan två utgåvor: dokument och fält, inte rader.

    Markdown-utdata är ett beslutsunderlag att bifoga i nämndens ärende.

    Exempel: [bold]lsk diff[/bold] (senaste fastställda → nu) ·
    [bold]lsk diff 2024-04-25 HEAD -o underlag.md[/bold]
    """
    from lsk.commands.diff import run

    raise typer.Exit(run(root_arg=root, from_rev=from_rev, to_rev=to_rev, fmt=format.value, out=out,
                         today=dt.date.today()))


@app.command("version")
def version_command() -> None:
    """Visa lsk:s version. Exempel: [bold]lsk version[/bold]"""
    import lsk

    typer.echo(f"lsk {lsk.__version__}")


def _template_in(exc: BaseException) -> str | None:
    """The innermost Jinja template in a traceback (compiled templates keep their file name)."""
    names = []
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".md", ".svg", ".css", ".js")):
            names.append(filename)
        tb = tb.tb_next
    return Path(names[-1]).name if names else None


def main() -> int:
    """Entry point: known errors and crashes both end in exit code 2, never a bare traceback."""
    try:
        app()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    except LskError as exc:
        print(f"lsk: fel: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"    tips: {exc.hint}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("lsk: avbrutet", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a path the user gave cannot be written or read
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"lsk: fel: {os_error_text(exc)}{where}", file=sys.stderr)
        print("    tips: kontrollera sökvägen och behörigheten.", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the error boundary: report, don't dump a traceback on users
        if isinstance(exc, RecursionError) and (template := _template_in(exc)):
            print(f"lsk: fel: mallen {template} tar med sig själv i all oändlighet",
                  file=sys.stderr)
            print("    tips: en mall i mallar/ kan inte ta med (include/extends/import) sig själv, "
                  "direkt eller via en annan mall.", file=sys.stderr)
            return EXIT_USAGE
        if type(exc).__module__.startswith("jinja2"):  # an overridden template in mallar/
            name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "en mall"
            lineno = getattr(exc, "lineno", None)
            line = f":{lineno}" if lineno else ""
            print(f"lsk: fel: mallfel i {name}{line}: {exc}", file=sys.stderr)
            print("    tips: rätta mallen i mallar/ eller ta bort den för att använda lsk:s egen.",
                  file=sys.stderr)
            return EXIT_USAGE
        if os.environ.get("LSK_DEBUG"):
            raise
        print(f"lsk: internt fel: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("    tips: kör igen med LSK_DEBUG=1 för detaljer och rapportera felet.",
              file=sys.stderr)
        return EXIT_USAGE
    return 0
