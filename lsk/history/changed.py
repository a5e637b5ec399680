"""What changed since a point in history: for the handbook, and for ``lsk check --changed-since``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lsk.gitrepo import GitRepo, open_repo
from lsk.history import editions, snapshot
from lsk.history.semdiff import DocumentDiff, compare
from lsk.model.kinds import CONFIG_FILE, kind_for

if TYPE_CHECKING:
    from lsk.loader.files import FileResult


def changed_since_approval(root: Path, edition: editions.Edition | None = None
                           ) -> dict[str, DocumentDiff] | None:
    """Documents that differ between an approved edition (default: the latest) and the working
    tree, by relpath (a removed document by its old relpath). None when nothing is approved yet.

    Raises ``lsk.gitrepo.GitUnavailable`` outside git.
    """
    git = open_repo(root)
    edition = edition or editions.latest(git)
    if edition is None:
        return None
    diffs = compare(snapshot.at(git, edition.commit, root), snapshot.at(git, None, root))
    return {d.document.relpath: d for d in diffs}


def relevant_paths(root: Path, rev: str, files: list[FileResult]) -> set[str] | None:
    """Relpaths ``lsk check --changed-since REV`` reports on: files changed since ``rev`` (new
    ones included), files defining ids they reference, and files referencing ids they define
    now or defined at ``rev``. None means every file (lsk.yaml changed: settings affect all).
    """
    git = open_repo(root)
    side = editions.resolve_side(git, rev)  # 'faststalld', an edition's date or tag, any commit
    if side.commit is None:  # 'arbetskopia': nothing has changed since the files on disk
        return set()
    commit = side.commit
    changed = git.changed_since(commit)
    if CONFIG_FILE in changed:
        return None
    defined: set[str] = set()
    referenced: set[str] = set()
    for f in files:
        if f.relpath in changed:
            defined.update(d.id for d in f.definitions)
            referenced.update(r.target for r in f.references)
    defined |= _old_definitions(git, commit, changed)
    keep = set(changed)
    for f in files:
        if any(d.id in referenced for d in f.definitions) or any(
                r.target in defined for r in f.references):
            keep.add(f.relpath)
    return keep


def _old_definitions(git: GitRepo, commit: str, changed: set[str]) -> set[str]:
    """Ids the changed files defined at ``commit``: references to a removed id now break."""
    from lsk.loader.references import collect
    from lsk.loader.yamlread import parse_yaml

    out: set[str] = set()
    for relpath, raw in git.files_at(commit, only=changed).items():
        kind = kind_for(relpath)
        try:
            parsed = parse_yaml(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            continue
        if kind is not None and parsed.ok:
            out.update(d.id for d in collect(kind.model, parsed.data, parsed.positions)[0])
    return out
