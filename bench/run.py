"""Benchmark lsk check on a large synthetic repository and compare it with check-jsonschema.

    make bench                     (= .venv/bin/python bench/run.py)
    python bench/run.py --regenerate --runs 5

Every measurement runs in a fresh child process; wall time is measured around it and peak
memory is the child's own ``ru_maxrss`` from ``os.wait4``. Each scenario runs ``--runs`` times
and the median is reported. The exit code is 0 even when a target is missed (this is a report,
not a test) and 1 when a command fails unexpectedly (a crash, errors in the valid repository,
check-jsonschema rejecting it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
REPO = OUT / "repo"
SCHEMA = OUT / "schema"
LOGS = OUT / "logs"
RESULTS = OUT / "results.json"
PYTHON = sys.executable
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"

sys.path.insert(0, str(ROOT))  # lsk.model.kinds: the folder convention (imports no pydantic)
from generate import MARKER, marker_text  # noqa: E402  (bench/ is on sys.path as script dir)

from lsk.model.kinds import kind_for  # noqa: E402

MEMORY_LIMIT_MB = 500.0
WARM_FACTOR = 10


class CommandFailed(Exception):
    pass


@dataclass
class Run:
    wall_s: float
    maxrss_mb: float
    exit_code: int


@dataclass
class Scenario:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall_s(self) -> float:
        return statistics.median(r.wall_s for r in self.runs)

    @property
    def maxrss_mb(self) -> float:
        return statistics.median(r.maxrss_mb for r in self.runs)

    def as_json(self) -> dict:
        return {"name": self.name, "median_wall_s": round(self.wall_s, 4),
                "median_maxrss_mb": round(self.maxrss_mb, 1),
                "runs": [asdict(r) for r in self.runs]}


def measure(cmd: list[str], cwd: Path, log: str) -> Run:
    """Run ``cmd`` as a child; wall time and the child's peak RSS (ru_maxrss is KiB on Linux)."""
    LOGS.mkdir(parents=True, exist_ok=True)
    with open(LOGS / f"{log}.out", "wb") as out, open(LOGS / f"{log}.err", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped by wait4; tell Popen so it does not wait again
    return Run(round(wall, 4), round(usage.ru_maxrss * 1024 / 1e6, 1), code)


def tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join("    " + line for line in text.splitlines()[-lines:])


def run_checked(cmd: list[str], cwd: Path, what: str) -> None:
    """A preparation step (generate, export schemas): must succeed."""
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandFailed(f"{what} failed with exit code {result.returncode}:\n"
                            f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    if result.stdout.strip():
        print("  " + result.stdout.strip().splitlines()[-1])


# --- preparation --------------------------------------------------------------------------


def prepare_repo(args: argparse.Namespace) -> None:
    wanted = marker_text(args.routines, args.processes, args.roles)
    marker = REPO / MARKER
    current = marker.read_text(encoding="utf-8") if marker.exists() else None
    if args.regenerate or current != wanted or not (REPO / "lsk.yaml").exists():
        print(f"Generating {REPO.relative_to(ROOT)} ...")
        run_checked([PYTHON, str(BENCH / "generate.py"), "--out", str(REPO),
                     "--routines", str(args.routines), "--processes", str(args.processes),
                     "--roles", str(args.roles)], ROOT, "bench/generate.py")
    else:
        print(f"Using existing {REPO.relative_to(ROOT)} (--regenerate to rebuild)")


def documents() -> dict[str, list[str]]:
    """The repository's YAML files by kind, the way lsk discovers them (hidden ones skipped)."""
    by_kind: dict[str, list[str]] = {}
    for dirpath, dirnames, filenames in os.walk(REPO):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(".yaml"):
                continue
            rel = Path(dirpath, name).relative_to(REPO).as_posix()
            kind = kind_for(rel)
            if kind is None:
                raise CommandFailed(f"generated file {rel} belongs to no document kind")
            by_kind.setdefault(kind.name, []).append(rel)
    return by_kind


def repo_size() -> tuple[int, int]:
    files = size = 0
    for path in REPO.rglob("*.yaml"):
        if ".lsk-cache" not in path.parts:
            files += 1
            size += path.stat().st_size
    return files, size


# --- scenarios ----------------------------------------------------------------------------


def cache_dir() -> Path:
    return REPO / ".lsk-cache"


def cache_stamp() -> int:
    folder = cache_dir()
    if not folder.is_dir():
        return 0
    return max((p.stat().st_mtime_ns for p in folder.iterdir()), default=0)


def lsk_check(log: str, n_files: int) -> Run:
    run = measure([PYTHON, "-m", "lsk", "check", str(REPO), "--format", "json"], ROOT, log)
    out = LOGS / f"{log}.out"
    try:
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    except (OSError, ValueError, KeyError) as exc:
        raise CommandFailed(f"lsk check ({log}) exited {run.exit_code} without JSON output "
                            f"({exc}):\n{tail(LOGS / f'{log}.err')}") from exc
    if run.exit_code != 0 or summary.get("errors") or summary.get("files") != n_files:
        raise CommandFailed(f"lsk check ({log}) exited {run.exit_code}, summary {summary} "
                            f"(expected 0 errors in {n_files} files); see {out}\n"
                            f"{tail(LOGS / f'{log}.err')}")
    return run


def change_one_routine(original: str, i: int) -> str:
    """The routine with the text of its first step changed (a different change per run)."""
    lines = original.splitlines(keepends=True)
    for n, line in enumerate(lines):
        value = line.split("text: ", 1)[1] if line.lstrip("- ").startswith("text: ") else ""
        if value and value[0] not in "'\"|>":
            lines[n] = line.rstrip("\n") + f" Ändrad i benchmark, körning {i}.\n"
            return "".join(lines)
    raise CommandFailed("no step text to change in the routine")


def bench_lsk(runs: int, n_files: int, notes: list[str]) -> list[Scenario]:
    cold = Scenario("lsk check, cold (no cache)")
    for i in range(runs):
        shutil.rmtree(cache_dir(), ignore_errors=True)
        cold.runs.append(lsk_check(f"lsk-cold-{i + 1}", n_files))
    print(f"  {cold.name}: {[r.wall_s for r in cold.runs]}")

    warm = Scenario("lsk check, warm (nothing changed)")
    for i in range(runs):
        before = cache_stamp()
        warm.runs.append(lsk_check(f"lsk-warm-{i + 1}", n_files))
        if cache_stamp() != before:
            notes.append(f"warm run {i + 1} rewrote the cache although nothing changed "
                         "(lsk's code changed during the benchmark?)")
    print(f"  {warm.name}: {[r.wall_s for r in warm.runs]}")

    changed = Scenario("lsk check, warm (1 routine changed)")
    routine = sorted((REPO / "rutiner").glob("*.yaml"))[0]
    original = routine.read_bytes()
    try:
        for i in range(runs):
            routine.write_text(change_one_routine(original.decode("utf-8"), i + 1),
                               encoding="utf-8")
            before = cache_stamp()
            changed.runs.append(lsk_check(f"lsk-changed-{i + 1}", n_files))
            if cache_stamp() == before:
                notes.append(f"changed-routine run {i + 1} did not update the cache "
                             "(was the change seen?)")
    finally:
        routine.write_bytes(original)
    print(f"  {changed.name}: {[r.wall_s for r in changed.runs]} "
          f"({routine.relative_to(REPO)})")
    return [cold, warm, changed]


def bench_check_jsonschema(runs: int, by_kind: dict[str, list[str]]) -> Scenario:
    """One invocation per kind; a run's figure is the sum of wall times and the max of RSS."""
    scenario = Scenario(f"check-jsonschema ({len(by_kind)} kinds, one call each)")
    for i in range(runs):
        total, peak, codes = 0.0, 0.0, {}
        for kind, files in by_kind.items():
            schema = SCHEMA / f"{kind}.schema.json"
            if not schema.exists():
                raise CommandFailed(f"lsk schema wrote no {schema.name} for kind {kind}")
            log = f"check-jsonschema-{kind}-{i + 1}"
            run = measure([str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *files], REPO, log)
            total += run.wall_s
            peak = max(peak, run.maxrss_mb)
            codes[kind] = run.exit_code
            if run.exit_code != 0:
                raise CommandFailed(
                    f"check-jsonschema failed on {len(files)} {kind} file(s) with exit code "
                    f"{run.exit_code}:\n{tail(LOGS / f'{log}.out')}\n{tail(LOGS / f'{log}.err')}")
        print(f"  check-jsonschema run {i + 1}: {total:.2f} s, exit codes "
              + ", ".join(f"{k}={c}" for k, c in codes.items()))
        scenario.runs.append(Run(round(total, 4), peak, max(codes.values())))
    return scenario


# --- report -------------------------------------------------------------------------------


def targets(cold: Scenario, warm: Scenario, changed: Scenario, cj: Scenario) -> list[dict]:
    limit = cj.wall_s / WARM_FACTOR
    rows = [
        ("cold lsk check <= check-jsonschema", cold.wall_s, "s", "<=", cj.wall_s),
        (f"warm, nothing changed < check-jsonschema/{WARM_FACTOR}", warm.wall_s, "s", "<", limit),
        (f"warm, 1 routine changed < check-jsonschema/{WARM_FACTOR}", changed.wall_s, "s", "<",
         limit),
    ]
    rows += [(f"peak memory < {MEMORY_LIMIT_MB:.0f} MB ({s.name.removeprefix('lsk check, ')})",
              s.maxrss_mb, "MB", "<", MEMORY_LIMIT_MB) for s in (cold, warm, changed)]
    out = []
    for name, value, unit, op, limit_value in rows:
        ok = value <= limit_value if op == "<=" else value < limit_value
        out.append({"target": name, "value": round(value, 4), "limit": round(limit_value, 4),
                    "unit": unit, "comparison": op, "pass": ok})
    return out


def print_report(scenarios: list[Scenario], goals: list[dict], files: int, size: int) -> None:
    print()
    print(f"Repository: {files} YAML files, {size / 1e6:.1f} MB "
          f"(medians of {len(scenarios[0].runs)} runs; each run a fresh process)")
    print()
    width = max(len(s.name) for s in scenarios)
    print(f"{'scenario':<{width}}  {'wall (s)':>9}  {'peak RSS (MB)':>13}")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 13}")
    for s in scenarios:
        print(f"{s.name:<{width}}  {s.wall_s:>9.2f}  {s.maxrss_mb:>13.1f}")
    print()
    width = max(len(g["target"]) for g in goals)
    print(f"{'target':<{width}}  {'value':>9}  {'limit':>9}  result")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 9}  ------")
    for g in goals:
        value = f"{g['value']:.2f} {g['unit']}"
        limit = f"{g['limit']:.2f} {g['unit']}"
        print(f"{g['target']:<{width}}  {value:>9}  {limit:>9}  {'PASS' if g['pass'] else 'FAIL'}")


def versions() -> dict[str, str]:
    import lsk

    cj = subprocess.run([str(CHECK_JSONSCHEMA), "--version"], capture_output=True, text=True)
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": str(os.cpu_count()), "lsk": lsk.__version__,
            "check-jsonschema": cj.stdout.strip().rsplit(" ", 1)[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark lsk check against check-jsonschema.")
    parser.add_argument("--regenerate", action="store_true", help="rebuild bench/out/repo")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (median)")
    parser.add_argument("--routines", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--roles", type=int, default=300)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not CHECK_JSONSCHEMA.exists():
        print(f"bench: {CHECK_JSONSCHEMA} not found (pip install -e '.[dev]')", file=sys.stderr)
        return 1
    notes: list[str] = []
    try:
        prepare_repo(args)
        print(f"Exporting schemas to {SCHEMA.relative_to(ROOT)} ...")
        shutil.rmtree(SCHEMA, ignore_errors=True)
        # from inside the generated repository: the schema lists its ids, not the example's
        run_checked([PYTHON, "-m", "lsk", "schema", "--out", str(SCHEMA)], REPO, "lsk schema")
        by_kind = documents()
        files, size = repo_size()
        print(f"Measuring ({args.runs} runs each) ...")
        cold, warm, changed = bench_lsk(args.runs, files, notes)
        cj = bench_check_jsonschema(args.runs, by_kind)
    except CommandFailed as exc:
        print(f"\nbench: {exc}", file=sys.stderr)
        return 1
    scenarios = [cold, warm, changed, cj]
    goals = targets(cold, warm, changed, cj)
    print_report(scenarios, goals, files, size)
    for note in notes:
        print(f"note: {note}")
    RESULTS.write_text(json.dumps({
        "repository": {"files": files, "bytes": size, "routines": args.routines,
                       "processes": args.processes, "roles": args.roles,
                       "files_by_kind": {k: len(v) for k, v in by_kind.items()}},
        "environment": versions(),
        "runs_per_scenario": args.runs,
        "scenarios": [s.as_json() for s in scenarios],
        "targets": goals,
        "notes": notes,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nResults written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
