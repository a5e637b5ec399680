"""Swedish for the few fixed strings Typer prints around our (Swedish) help texts.

Typer vendors click without gettext, so the strings are replaced here; if a Typer release
moves them, help falls back to English headings rather than failing.
"""

from __future__ import annotations


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
