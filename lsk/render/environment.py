"""Jinja environments for the handbook and the kvalitetsberättelse: a repository's own templates
win over lsk's.

The packaged templates live in ``lsk/render/mallar/`` so they ship inside the wheel. A repository
overrides any of them, and the static files (``stil.css``, ``egen.css``, ``sok.js``,
``pdf.css``), with a file of the same name in its own template folder, looked up in this order:

1. ``mallar/`` beside the root (``ROOT/../mallar/``): the place for them, at the top of the repo;
2. ``ROOT/mallar/``: the older place, still read (``notes`` says so on every run);
3. lsk's own.

Only a folder named exactly ``mallar`` is read, never through a symbolic link, and a template
that is a link leading out of its folder is refused: the root's parent may be any folder (a home
directory). Both environments use StrictUndefined and autoescape; the Markdown one first escapes
every value for Markdown (``finalize``), so macros and filters return Markup and a template
cannot forget to escape. What a template may use is the contract in ``lsk.render.kontrakt``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from lsk.errors import LskError
from lsk.render import labels, textformat
from lsk.render.kontrakt import MALL_KONTRAKT, MARKER, PACKAGED, read_marker
from lsk.render.svgcycle import arshjul, wheel
from lsk.render.svgflow import flow
from lsk.render.svgorg import chart as org_chart
from lsk.render.urls import anchor
from lsk.terminal import without_controls
from lsk.typografi import clean

OVERRIDE_FOLDER = "mallar"


@dataclass(frozen=True)
class Note:
    """Something about the template folders the user should hear once per run."""

    level: str
    """'obs' or 'varning'."""
    message: str
    hint: str = ""


def shown(path: Path) -> str:
    """A folder as the user would type it: relative to the working directory when below it."""
    try:
        rel = path.relative_to(Path.cwd().resolve())
    except ValueError:
        return f"{path}/"
    return "./" if rel == Path() else f"{rel.as_posix()}/"


def candidate_folders(root: Path) -> tuple[Path, Path]:
    """(``mallar/`` beside the root, the older ``ROOT/mallar/``), whether they exist or not."""
    real = root.resolve()
    return real.parent / OVERRIDE_FOLDER, real / OVERRIDE_FOLDER


def override_folders(root: Path) -> list[Path]:
    """The repository's own template folders that are read, the first one winning."""
    out: list[Path] = []
    for folder in candidate_folders(root):
        if folder not in out and folder.is_dir() and not folder.is_symlink():
            out.append(folder)
    return out


def notes(root: Path) -> list[Note]:
    """What a run should say about the template folders: a linked folder that is not read,
    templates in the older place, and copies made under another contract version."""
    beside, older = candidate_folders(root)
    out = [Note("varning", f"{shown(folder)} är en symbolisk länk och läses inte",
                "Lägg egna mallar i en vanlig mapp med namnet mallar bredvid roten; länkade "
                "mappar följs aldrig.")
           for folder in dict.fromkeys((beside, older)) if folder.is_symlink()]
    if older != beside and older.is_dir() and not older.is_symlink():
        out.append(Note("obs", f"{shown(older)} är den äldre platsen för egna mallar; flytta dem "
                        f"till {shown(beside)} bredvid roten (där vinner en fil med samma namn)"))
    return out + _version_notes(override_folders(root))


def _version_notes(folders: list[Path]) -> list[Note]:
    """One warning for the overrides in use that were copied under another contract version."""
    used: dict[str, tuple[Path, int | None]] = {}
    for folder in folders:
        recorded = read_marker(folder)
        for path in sorted(folder.iterdir()):
            if path.name not in used and path.name != MARKER and (PACKAGED / path.name).is_file():
                used[path.name] = (folder, recorded.get(path.name))
    older = {n: (f, v) for n, (f, v) in used.items() if v is not None and v < MALL_KONTRAKT}
    newer = {n: (f, v) for n, (f, v) in used.items() if v is not None and v > MALL_KONTRAKT}
    out = []
    if older:
        listed = ", ".join(f"{shown(f)}{n} ({v})" for n, (f, v) in older.items())
        out.append(Note("varning", f"{_templates(len(older))} kopierades från ett äldre "
                        f"mallkontrakt än lsk:s ({MALL_KONTRAKT}): {listed}",
                        f"Jämför {'den' if len(older) == 1 else 'dem'} med lsk:s nya (lsk mallar "
                        f"--out /tmp/nya-mallar {' '.join(older)}) och docs/mallar.md, ändra det "
                        f"som behövs och skriv sedan {MALL_KONTRAKT} på "
                        f"{'dess rad' if len(older) == 1 else 'deras rader'} i {MARKER}."))
    if newer:
        listed = ", ".join(f"{shown(f)}{n} ({v})" for n, (f, v) in newer.items())
        out.append(Note("varning", f"{_templates(len(newer))} gjordes för ett nyare "
                        f"mallkontrakt än den här lsk:s ({MALL_KONTRAKT}): {listed}",
                        "Uppdatera lsk till den version som mallarna gjordes för."))
    return out


def _templates(n: int) -> str:
    return "en egen mall" if n == 1 else f"{n} egna mallar"


class _FolderLoader(FileSystemLoader):
    """Templates from one folder; a file that is a link leading out of the folder is refused."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self.real = os.path.realpath(folder)

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not os.path.realpath(filename).startswith(self.real + os.sep):
            raise LskError(f"mallen {template} i {shown(self.folder)} är en länk som pekar "
                           "utanför mappen",
                           "Kopiera in filen i mappen eller ta bort länken; lsk läser bara egna "
                           "mallar som ligger i mallar/.")
        return source, filename, uptodate


def template_loader(root: Path) -> ChoiceLoader:
    loaders: list[BaseLoader] = [_FolderLoader(f) for f in override_folders(root)]
    return ChoiceLoader([*loaders, FileSystemLoader(str(PACKAGED))])


def _common(env: Environment) -> Environment:
    env.globals.update(labels=labels, flow=flow, wheel=wheel, org_chart=org_chart, anchor=anchor,
                       mall_kontrakt=MALL_KONTRAKT)
    env.filters["ymd"] = _ymd
    return env


def _nothing_for_none(value: Any) -> Any:
    """A missing optional field prints as nothing, never as 'None'; text never carries a
    control character (the reader drops those from YAML, LSK011; this covers any other source)
    and loses the invisible characters of word processors (soft hyphens and the like,
    ``lsk.typografi.clean``)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return Markup(clean(str(value)))
    return without_controls(clean(value)) if isinstance(value, str) else value


def _md_finalize(value: Any) -> Any:
    return textformat.md_finalize(_nothing_for_none(value))


def _ymd(d: Any) -> str:
    return d.isoformat() if d else ""


def _css(env: Environment) -> Callable[[str], Markup]:
    def css(name: str) -> Markup:
        """A style sheet by the same lookup as templates, unrendered, to put in a <style>."""
        if not name.endswith(".css"):
            raise LskError(f"css() läser bara .css-filer, inte {name}",
                           "Ange en stilmall, t.ex. css(\"egen.css\").")
        source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        return Markup(source.replace("</", "<\\/"))  # cannot end the <style> element

    return css


def html_environment(root: Path) -> Environment:
    env = Environment(loader=template_loader(root), autoescape=True, undefined=StrictUndefined,
                      finalize=_nothing_for_none, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=textformat.markdown_block, md_inline=textformat.markdown_inline)
    env.globals["css"] = _css(env)
    env.globals["arshjul"] = lambda hb, url: arshjul(env, hb, url)
    return _common(env)


def markdown_environment(root: Path) -> Environment:
    env = Environment(loader=template_loader(root), autoescape=True, undefined=StrictUndefined,
                      finalize=_md_finalize, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(md=textformat.md_source, md_inline=textformat.md_source_inline)
    return _common(env)


def static_file(root: Path, name: str) -> str:
    """A static file (CSS, JavaScript) by the same lookup as templates, unrendered."""
    source, _, _ = template_loader(root).get_source(Environment(), name)
    return source
