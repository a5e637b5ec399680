"""The only module that imports gitpython.

Paths in and out are relpaths: posix, relative to the ledningssystem's root, which may be a
folder inside the git work tree (``ledningssystem/`` in lsk's own repository).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsk.errors import LskError
from lsk.personnummer import masked

_LOG_FORMAT = "%H%x1f%aI%x1f%an%x1f%s"
_NEEDS = "historik, fastställande, utgåvor, diff och --changed-since kräver git"
_NEEDS_GIT = ("Arbeta i en klon av repot, eller kör 'git init' och checka in. Allt annat i lsk "
              "fungerar utan git.")


class GitUnavailable(LskError):
    """The root is not in a git work tree, or git is not installed (exit 2)."""


@dataclass(frozen=True)
class Change:
    """One commit that touched a document."""

    commit: str
    date: dt.datetime
    author: str
    message: str
    approximate: bool = False
    """The commit is the edge of a shallow clone: the change happened then or earlier."""


@dataclass(frozen=True)
class TagInfo:
    name: str
    commit: str
    """The object the tag points at: a commit unless ``kind`` says otherwise."""
    message: str
    date: str
    kind: str = "commit"
    """The git type of that object: ``commit``, or ``tree``, ``blob``, ``tag`` in a hand-made
    tag (``git tag -a x HEAD^{tree}``), which is no edition of anything."""


def init(path: Path) -> bool:
    """``git init`` in ``path``; False when git is not available."""
    try:
        import git

        git.Repo.init(path)
    except (ImportError, OSError) as exc:  # gitpython raises ImportError when git is missing
        del exc
        return False
    return True


def open_repo(root: Path) -> GitRepo:
    """The git work tree holding ``root``; ``GitUnavailable`` outside git."""
    try:
        import git
    except ImportError as exc:
        raise GitUnavailable(f"{_NEEDS}, men git är inte installerat", _NEEDS_GIT) from exc
    try:
        repo = git.Repo(root, search_parent_directories=True)
        top = Path(str(repo.working_tree_dir)).resolve()
        prefix = Path(root).resolve().relative_to(top).as_posix()
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError, TypeError) as exc:
        raise GitUnavailable(f"{_NEEDS}, men '{root}' ligger inte i ett git-repo",
                             _NEEDS_GIT) from exc
    return GitRepo(repo, "" if prefix == "." else prefix)


class GitRepo:
    def __init__(self, repo: Any, prefix: str) -> None:
        self._repo = repo
        self.prefix = prefix
        """The root relative to the work tree's top, '' when they are the same."""

    def _git(self, *args: str) -> str:
        out = self._try(*args)
        if out is None:
            raise LskError(f"git {args[0]} misslyckades", "Kontrollera repot med 'git status'.")
        return out

    def _try(self, *args: str) -> str | None:
        """A git command's output; None when it fails silently (``--verify -q`` of nothing)."""
        import git

        try:
            # no optional locks: a read-only lsk command must not rewrite the index (git status)
            return str(self._repo.git.execute([git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git", *args],
                                              strip_newline_in_stdout=False,
                                              env={"GIT_OPTIONAL_LOCKS": "0"}))
        except git.GitCommandError as exc:
            detail = str(exc.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
            if not detail:
                return None
            raise LskError(f"git {args[0]} misslyckades: {detail}",
                           "Kontrollera repot med 'git status'.") from exc

    def _spec(self) -> str:
        return f":(literal){self.prefix}" if self.prefix else "."

    def rel(self, gitpath: str) -> str | None:
        """A path from git (relative to the top) as a relpath, None when outside the root."""
        if not self.prefix:
            return gitpath
        head = self.prefix + "/"
        return gitpath[len(head):] if gitpath.startswith(head) else None

    def _shallow(self) -> frozenset[str]:
        path = Path(self._repo.common_dir, "shallow")
        return frozenset(path.read_text().split()) if path.is_file() else frozenset()

    @property
    def is_shallow(self) -> bool:
        return bool(self._shallow())

    def head(self) -> str | None:
        """The checked-out commit (a detached HEAD too); None before the first commit."""
        return (self._try("rev-parse", "--verify", "-q", "HEAD") or "").strip() or None

    def resolve(self, rev: str) -> str:
        """The commit a tag, branch or commit id names."""
        found = None if rev.startswith("-") else self._try("rev-parse", "--verify", "-q",
                                                          f"{rev}^{{commit}}")
        if not found:
            raise LskError(f"'{rev}' är ingen känd revision i git", (
                "Ange en tagg (t.ex. faststalld/2024-04-25), ett commit-id eller datumet för en "
                "fastställd utgåva (lsk utgavor). I en grund klon kan äldre commits saknas: "
                "git fetch --unshallow --tags."))
        return found.strip()

    def last_changes(self, wanted: Iterable[str] | None = None) -> dict[str, Change]:
        """The newest commit touching each file, from one ``git log`` walk.

        With ``wanted``, the walk stops as soon as every wanted relpath has been seen.
        """
        want = set(wanted) if wanted is not None else None
        shallow = self._shallow()
        out: dict[str, Change] = {}
        if self.head() is None:
            return out
        handle = self._repo.git.log("-z", "--name-only", "--no-renames",
                                    f"--format=%x1e{_LOG_FORMAT}", "--", self._spec(),
                                    as_process=True)  # gitpython kills the process when freed
        proc, buf = handle.proc, b""
        try:
            while True:
                chunk = proc.stdout.read(1 << 16)
                records = (buf + chunk).split(b"\x1e")
                buf = records.pop() if chunk else b""
                for record in records:
                    self._take(record, out, shallow)
                if not chunk or (want is not None and want <= out.keys()):
                    break
        finally:
            proc.stdout.close()
            if proc.poll() is None:
                proc.terminate()
            proc.wait()
        return {k: v for k, v in out.items() if want is None or k in want}

    def _take(self, record: bytes, out: dict[str, Change], shallow: frozenset[str]) -> None:
        head, _, names = record.partition(b"\0")
        if not head.strip():
            return
        change = _change(head.decode("utf-8", "replace"), shallow)
        for raw in names.lstrip(b"\n").split(b"\0"):
            rel = self.rel(os.fsdecode(raw)) if raw else None
            if rel and rel not in out:
                out[rel] = change

    def last_commit_before(self, when: dt.datetime) -> tuple[str, dt.datetime] | None:
        """The newest commit of HEAD's history committed before ``when`` (an aware datetime),
        and its commit time; None when the history starts later (or in a shallow clone, was
        cut off before it)."""
        if self.head() is None:
            return None
        line = self._git("log", "-1", "--format=%H%x1f%cI", f"--before={when.isoformat()}",
                         "HEAD").strip()
        if not line:
            return None
        sha, _, date = line.partition("\x1f")
        return sha, dt.datetime.fromisoformat(date)

    def log(self, relpath: str) -> list[Change]:
        """Every commit that touched one file, newest first, following renames."""
        if self.head() is None:
            return []
        path = f"{self.prefix}/{relpath}" if self.prefix else relpath
        text = self._git("log", "--follow", f"--format={_LOG_FORMAT}", "--", f":(literal){path}")
        shallow = self._shallow()
        return [_change(line, shallow) for line in text.splitlines() if line]

    def reasons(self, since: str, until: str | None, relpaths: Iterable[str]) -> list[str]:
        """The subjects of the commits after ``since`` up to ``until`` (HEAD when None) that
        touched any of ``relpaths``, oldest first: why a document changed, without who."""
        paths = [f":(literal){self.prefix}/{r}" if self.prefix else f":(literal){r}"
                 for r in relpaths]
        if self.head() is None or not paths:
            return []
        text = self._try("log", "--reverse", "--format=%s", f"{since}..{until or 'HEAD'}", "--",
                         *paths)
        return [_private(line) for line in (text or "").splitlines() if line.strip()]

    def dirty(self) -> list[str]:
        """Relpaths with uncommitted changes: tracked files, and new YAML files lsk would read."""
        text = self._git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--",
                         self._spec())
        out, entries = [], iter(text.split("\0"))
        for entry in entries:
            if len(entry) < 4:
                continue
            status, rel = entry[:2], self.rel(entry[3:])
            if status[0] in "RC":
                next(entries, None)  # the rename's source path
            if rel is None or (status == "??" and not _readable(rel)):
                continue
            out.append(rel)
        return sorted(set(out))  # 'git rm --cached' lists a file twice (deleted and untracked)

    def changed_since(self, commit: str) -> set[str]:
        """Relpaths that differ between ``commit`` and the working tree, new files included."""
        diff = self._git("diff", "--name-only", "-z", "--no-renames", commit, "--", self._spec())
        new = self._git("ls-files", "--others", "--exclude-standard", "-z", "--", self._spec())
        paths = (self.rel(p) for p in (diff + "\0" + new).split("\0") if p)
        return {p for p in paths if p}

    def tag(self, name: str, message: str) -> None:
        """An annotated tag on HEAD."""
        self._git("tag", "-a", "--cleanup=verbatim", "-m", message, name, "HEAD")

    def tags(self, namespace: str) -> list[TagInfo]:
        """Tags under ``refs/tags/<namespace>/``; a lightweight tag has an empty message."""
        fmt = "%(refname:strip=2)%1f%(objectname)%1f%(objecttype)%1f%(*objectname)" \
              "%1f%(*objecttype)%1f%(taggerdate:iso-strict)%1f%(contents)%1e"
        text = self._git("for-each-ref", f"--format={fmt}", f"refs/tags/{namespace}/")
        out = []
        for record in text.split("\x1e"):
            fields = record.lstrip("\n").split("\x1f")
            if len(fields) == 7:
                name, obj, kind, peeled, peeled_kind, date, message = fields
                out.append(TagInfo(name, peeled or obj, _private(message) if peeled else "", date,
                                   peeled_kind or kind))
        return out

    def _tree(self, commit: str) -> Any:
        try:
            return self._repo.commit(commit).tree
        except ValueError as exc:  # a tree's or a blob's id (gitpython cannot convert it)
            raise LskError(f"'{commit}' är ingen commit i git",
                           "Ange en commit, en tagg eller en fastställd utgåva (lsk utgavor).") \
                from exc

    def export(self, commit: str, dest: Path) -> Path:
        """Every file of ``commit`` written under the empty folder ``dest`` as git holds it
        (regular files, and links as links; submodules left out), for a command that must see
        exactly what was committed and nothing else. Returns the root's folder in ``dest``."""
        base = os.path.realpath(dest)
        for item in self._tree(commit).traverse():
            parts = item.path.split("/")
            if any(part in ("", ".", "..", ".git") for part in parts):
                continue  # a hand-made tree object; git itself refuses to check these out
            target = os.path.join(base, *parts)
            if item.type == "tree":
                os.makedirs(target, exist_ok=True)
            elif item.type == "blob":
                os.makedirs(os.path.dirname(target), exist_ok=True)
                folder = os.path.realpath(os.path.dirname(target))
                if folder != base and not folder.startswith(base + os.sep):
                    continue  # under a committed link that leads out of the tree
                data = item.data_stream
                if item.mode == 0o120000:
                    os.symlink(os.fsdecode(data.read()), target)
                    continue
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    while chunk := data.read(1 << 16):
                        fh.write(chunk)
        return Path(base, self.prefix) if self.prefix else Path(base)

    def files_at(self, commit: str, only: Iterable[str] | None = None,
                 also: Callable[[str], bool] | None = None) -> dict[str, bytes]:
        """The YAML files under the root as they were in ``commit`` (hidden folders skipped);
        with ``only``, just those relpaths that existed then; with ``also``, the other files
        it accepts too (``lsk diff``: the written chapters)."""
        tree = self._tree(commit)
        if self.prefix:
            try:
                tree = tree / self.prefix
            except KeyError:
                return {}
        if only is not None:
            items = []
            for rel in only:
                try:
                    items.append(tree / rel)
                except KeyError:
                    continue
        else:
            items = tree.traverse(prune=lambda i, _d: i.name.startswith("."))
        out = {}
        for item in items:
            relpath = self.rel(item.path) if item.type == "blob" and item.mode != 0o120000 else None
            if relpath and (_readable(relpath) or (also is not None and also(relpath) and
                                                   _readable(relpath, any_suffix=True))):
                out[relpath] = item.data_stream.read()
        return out


def _readable(relpath: str, any_suffix: bool = False) -> bool:
    """The files lsk reads (see ``lsk.loader.discover``): no hidden parts, nothing in mallar/."""
    parts = relpath.split("/")
    return (any_suffix or relpath.endswith((".yaml", ".yml"))) and parts[0] != "mallar" and not any(
        part.startswith(".") for part in parts)


def _change(line: str, shallow: frozenset[str]) -> Change:
    sha, date, author, message = (line.split("\x1f", 3) + ["", "", ""])[:4]
    return Change(sha, dt.datetime.fromisoformat(date), _private(author), _private(message),
                  sha in shallow)


def _private(text: str) -> str:
    """Text written in git (commit messages, author names, tag messages) as lsk hands it on:
    every personnummer and samordningsnummer replaced, however it is written (escaped,
    entity-encoded, with invisible characters or odd dashes: ``personnummer.scan_text``). The
    one place lsk reads git text, so no caller (historik, render, utgavor, diff) can forget it."""
    return masked(text)[0]
