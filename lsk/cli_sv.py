"""Swedish for the fixed strings Typer prints around our (Swedish) help texts and errors.

Typer vendors click without gettext, so the strings are replaced here; if a Typer release
moves them, help falls back to English headings rather than failing, and an error message no
pattern matches is shown as Typer wrote it.
"""

from __future__ import annotations

import re
from typing import Any

Translations = tuple[tuple[re.Pattern[str], str], ...]


def _compiled(*pairs: tuple[str, str]) -> Translations:
    return tuple((re.compile(pattern, re.DOTALL), swedish) for pattern, swedish in pairs)


# Usage errors as Typer formats them → Swedish. Each pattern matches the whole message.
_MESSAGES = _compiled(
    (r"No such option: (\S+) \(Possible options: (.+)\)", r"flaggan \1 finns inte (menade du \2?)"),
    (r"No such option: (\S+)", r"flaggan \1 finns inte"),
    (r"No such command '(.+)'\. Did you mean (.+)\?", r"kommandot '\1' finns inte; menade du \2?"),
    (r"No such command '(.+)'\.", r"kommandot '\1' finns inte"),
    (r"Missing command\.", "ett kommando saknas"),
    (r"Missing argument '(.+)'\. Choose from:\s*(.+)", r"argumentet '\1' saknas; välj ett av: \2"),
    (r"Missing argument '(.+)'\.", r"argumentet '\1' saknas"),
    (r"Missing option '(.+)'\.", r"flaggan '\1' krävs"),
    (r"Got unexpected extra argument\(s\) \((.+)\)", r"oväntat argument: \1"),
    (r"Option '(.+)' requires an argument\.", r"flaggan \1 behöver ett värde"),
    (r"Option '(.+)' requires (\d+) arguments\.", r"flaggan \1 behöver \2 värden"),
    (r"Option '(.+)' does not take a value\.", r"flaggan \1 tar inget värde"),
    (r"Invalid value for (.+?): (.+)", r"ogiltigt värde för \1: \2"),
)
# What follows "Invalid value for X:".
_VALUES = _compiled(
    (r"(?:Value error, )?(.+) does not match the formats? '%Y-%m-%d'\.",
     r"\1 är inget datum på formen ÅÅÅÅ-MM-DD"),
    (r"(?:Value error, )?(.+) is not one of (.+)\.", r"\1 är inte ett av \2"),
    (r"Input should be a valid number.*", "ett tal förväntas"),
    (r"Input should be greater than or equal to (\S+)", r"värdet måste vara minst \1"),
    (r"Input should be less than or equal to (\S+)", r"värdet får vara högst \1"),
    (r"Input should be greater than (\S+)", r"värdet måste vara större än \1"),
    (r"Input should be less than (\S+)", r"värdet måste vara mindre än \1"),
    (r"Input should be a finite number", "ett ändligt tal förväntas"),
    (r"Input should be a valid integer.*", "ett heltal förväntas"),
    (r"(?:Value error, )?(\w+) '(.+)' does not exist\.", r"sökvägen '\2' finns inte"),
)


def swedish_message(message: str) -> str:
    """A usage error in Swedish; unknown messages come back unchanged."""
    for pattern, swedish in _MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is None:
            continue
        text = re.sub(r"\s*\n\s*", " ", match.expand(swedish))  # Typer's choice lists
        if swedish.startswith("ogiltigt värde"):
            value = match.group(2)
            for value_pattern, value_swedish in _VALUES:
                found = value_pattern.fullmatch(value)
                if found is not None:
                    text = f"ogiltigt värde för {match.group(1)}: {found.expand(value_swedish)}"
                    break
        return text[0].upper() + text[1:]
    return message


def install() -> None:
    try:
        from typer import rich_utils
        from typer._click import decorators, formatting
    except ImportError:  # pragma: no cover - depends on Typer internals
        return
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[krävs]"
    rich_utils.RICH_HELP = "Se [blue]'{command_path} {help_option}'[/] för hjälp."
    original_format_error = rich_utils.rich_format_error

    def format_error(error: Any) -> None:
        english = error.format_message
        error.format_message = lambda: swedish_message(english())
        original_format_error(error)

    rich_utils.rich_format_error = format_error  # type: ignore[assignment]
    _swedish_type_labels()

    original_help_option = decorators.help_option

    def help_option(param_decls: list[str]):
        apply = original_help_option(param_decls)

        def swedish(command):
            command = apply(command)
            command.params[-1].help = "Visa den här hjälpen och avsluta."
            return command

        return swedish

    decorators.help_option = help_option
    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_write_usage(self, prog, args, "Användning: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]



_TYPE_LABELS = {"str": "text", "text": "text", "path": "sökväg", "int": "heltal",
                "integer": "heltal", "float": "tal", "%Y-%m-%d": "ÅÅÅÅ-MM-DD",
                "int range": "heltal", "integer range": "heltal", "float range": "tal",
                "list[str]": "text"}


def _swedish_type_labels() -> None:
    """The type column of the help: '<sökväg>' for '<path>', nothing for on/off flags."""
    try:
        from typer.core import _TyperParameter
    except ImportError:  # pragma: no cover - depends on Typer internals
        return
    original = _TyperParameter.display_type

    def display_type(self: Any, ctx: Any) -> Any:
        label = original(self, ctx)
        if not isinstance(label, str) or not label.startswith("<"):
            return label
        inner = label[1:-1]
        if inner in ("bool", "boolean"):
            return None
        return f"<{_TYPE_LABELS.get(inner, inner)}>"

    _TyperParameter.display_type = display_type  # type: ignore[method-assign]
