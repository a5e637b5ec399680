"""Jinja environments for the handbook: templates in ``<root>/mallar/`` win over lsk's own.

The packaged templates live in ``lsk/render/mallar/`` so they ship inside the wheel; a repository
overrides any of them, and the static files (``stil.css``, ``sok.js``), by putting a file with the
same name in its own ``mallar/`` folder. Both environments use StrictUndefined and autoescape;
the Markdown one first escapes every value for Markdown (``finalize``), so macros and filters
return Markup and a template cannot forget to escape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from lsk.render import labels, textformat
from lsk.render.svgcycle import wheel
from lsk.render.svgflow import flow
from lsk.render.urls import anchor

PACKAGED = Path(__file__).parent / "mallar"
OVERRIDE_FOLDER = "mallar"


def template_loader(root: Path) -> ChoiceLoader:
    folders = [root / OVERRIDE_FOLDER, PACKAGED]
    return ChoiceLoader([FileSystemLoader(str(f)) for f in folders if f.is_dir()])


def _common(env: Environment) -> Environment:
    env.globals.update(labels=labels, flow=flow, wheel=wheel, anchor=anchor)
    env.filters["ymd"] = lambda d: d.isoformat() if d else ""
    return env


def _nothing_for_none(value: Any) -> Any:
    """A missing optional field prints as nothing, never as 'None'."""
    return "" if value is None else value


def html_environment(root: Path) -> Environment:
    env = Environment(loader=template_loader(root), autoescape=True, undefined=StrictUndefined,
                      finalize=_nothing_for_none, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=textformat.markdown_block, md_inline=textformat.markdown_inline)
    return _common(env)


def markdown_environment(root: Path) -> Environment:
    env = Environment(loader=template_loader(root), autoescape=True, undefined=StrictUndefined,
                      finalize=textformat.md_finalize, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(md=textformat.md_source, md_inline=textformat.md_source_inline)
    return _common(env)


def static_file(root: Path, name: str) -> str:
    """A static file (CSS, JavaScript) by the same lookup as templates, unrendered."""
    source, _, _ = template_loader(root).get_source(Environment(), name)
    return source
