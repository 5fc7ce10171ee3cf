"""Benchmark: the quote engine as a Spark job (local[2]) against the desktop engine.

Usage: bench_scale.py [N ...] [--side both|spark|desktop] [--driver-memory SIZE] [--partitions P]
(default 10000, both sides, partitions by input size; add 50000 for the full run). Per size, on the
corpus of corpus.write_corpus (the one bench_quotes uses): the desktop engine's wall time and
peak memory (load_paths + analyse, in a child process), then the job's wall time in local[2]
(session start apart), the peak resident memory of the executor (in local mode the driver JVM)
and of its Python workers (sampled from /proc every 0.2 s), and the heaviest stages (from
Spark's event log). Checks that both give the same links and groups (when both run), and
notes the load average before and after each side. Writes
tests/benchmarks/results/scale.json (sizes not run keep their rows) and each child's whole
stderr to results/scale-<side>-<N>.log; on a failure prints the last Python traceback found
there. Skips when Java is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]

from bench_quotes import corpus_dir  # noqa: E402
from corpus import write_corpus  # noqa: E402

RESULTS = HERE / "results" / "scale.json"
MASTER = "local[2]"


def desktop(n: int) -> dict[str, Any]:
    """The desktop engine on the corpus (run in a child process: its own peak memory)."""
    from reader.documents.loading import load_paths
    from reader.quotes import analyse

    started = time.perf_counter()
    documents, _ = load_paths([write_corpus(corpus_dir(n), n)])
    analysis = analyse(documents)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "links": sorted((k.a, k.b, k.score, str(k.kind)) for k in analysis.links),
        "groups": sorted(g.quotes for g in analysis.groups),
    }


class MemorySampler(threading.Thread):
    """Peak RSS of the JVM (this process's java child) and of the Python workers under it."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.jvm_mb = self.workers_mb = self.worker_mb = 0.0

    def run(self) -> None:
        while not self.stop.wait(0.2):
            tree = _descendants(os.getpid())
            jvm = [p for p in tree if _name(p) == "java"]
            workers = [p for p in tree if _name(p).startswith("python") and p != os.getpid()]
            sizes = [_rss_mb(p) for p in workers]
            self.jvm_mb = max(self.jvm_mb, sum(_rss_mb(p) for p in jvm))
            self.workers_mb = max(self.workers_mb, sum(sizes))
            self.worker_mb = max([self.worker_mb, *sizes])


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def heaviest_stages(folder: Path, count: int = 3) -> list[dict[str, Any]]:
    """The longest stages of the run, from the event log in `folder`."""
    stages: list[dict[str, Any]] = []
    for log in (path for path in folder.rglob("*") if path.is_file()):
        for line in log.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            if event["Event"] == "SparkListenerStageCompleted":
                info = event["Stage Info"]
                seconds = (info["Completion Time"] - info["Submission Time"]) / 1000
                stages.append({"stage": info["Stage Name"].split(" at ")[0] + " at "
                               + info["Stage Name"].rsplit("/", 1)[-1],
                               "seconds": round(seconds, 1), "tasks": info["Number of Tasks"]})  # fmt: skip
    total = {"stages": len(stages), "seconds": round(sum(s["seconds"] for s in stages), 1)}
    return [*sorted(stages, key=lambda s: -s["seconds"])[:count], total]


def spark_job(n: int, driver_memory: str, partitions: int | None) -> dict[str, Any]:
    """The job on the corpus in local[2], its figures, and its answers."""
    import pyarrow.parquet as parquet

    from reader.scale.job import run
    from reader.scale.session import start

    events = Path(tempfile.mkdtemp(prefix="scale-events-"))
    out = Path(tempfile.mkdtemp(prefix="scale-out-"))
    settings = {"spark.eventLog.enabled": "true", "spark.eventLog.dir": str(events),
                "spark.eventLog.compress": "false", "spark.eventLog.rolling.enabled": "false"}  # fmt: skip
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    session = start(MASTER, settings=settings, driver_memory=driver_memory)
    startup = time.perf_counter() - started
    summary = run(write_corpus(corpus_dir(n), n), out, session=session, partitions=partitions)
    seconds = time.perf_counter() - started - startup
    session.stop()
    sampler.stop.set()
    sampler.join()
    links = parquet.read_table(out / "links").to_pylist()
    groups = parquet.read_table(out / "groups").to_pylist()
    figures = {
        "seconds": round(seconds, 1),
        "startup_seconds": round(startup, 1),
        "partitions": summary["partitions"],
        "driver_memory": driver_memory,
        "executor_jvm_peak_mb": round(sampler.jvm_mb),
        "python_workers_peak_mb": round(sampler.workers_mb),
        "one_python_worker_peak_mb": round(sampler.worker_mb),
        "heaviest_stages": heaviest_stages(events),
        "quotes": summary["quotes"],
        "links": sorted((k["a"], k["b"], k["score"], k["kind"]) for k in links),
        "groups": sorted(g["quotes"] for g in groups),
    }
    shutil.rmtree(events, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return figures


def measure(n: int, side: str, driver_memory: str, partitions: int | None) -> dict[str, Any]:
    reference = _child(["desktop", str(n)]) if side != "spark" else None
    spark_args = ["spark", str(n), driver_memory, str(partitions or 0)]
    job = _child(spark_args) if side != "desktop" else None
    answers = [(r.pop("links"), r.pop("groups")) for r in (reference, job) if r is not None]
    ratio = round(job["seconds"] / reference["seconds"], 2) if job and reference else None
    return {
        "articles": n,
        "machine": f"{os.cpu_count()} cores, shared",
        "desktop": reference,
        "spark_local_2": job,
        "same_answers": answers[0] == answers[1] if len(answers) == 2 else f"not checked ({side})",
        "differences": differences(*answers) if len(answers) == 2 else None,
        "time_ratio_spark_to_desktop": ratio,
    }


def differences(desktop: tuple[list[Any], list[Any]], job: tuple[list[Any], list[Any]]) -> Any:
    """Links and groups found by one side only (the first few of each, and how many)."""
    found: dict[str, Any] = {}
    for name, theirs, mine in (("links", *[side[0] for side in (desktop, job)]),
                               ("groups", *[side[1] for side in (desktop, job)])):  # fmt: skip
        a, b = {json.dumps(x) for x in theirs}, {json.dumps(x) for x in mine}
        found[name] = {
            "desktop_only": len(a - b),
            "job_only": len(b - a),
            "first_desktop_only": sorted(a - b)[:5],
            "first_job_only": sorted(b - a)[:5],
        }
    return found


def _child(args: list[str]) -> dict[str, Any]:
    """Run one side in a child; its whole stderr goes to results/scale-<kind>-<n>.log."""
    log = RESULTS.parent / f"scale-{args[0]}-{args[1]}.log"
    before = _load()
    with log.open("w", encoding="utf-8") as errors:
        done = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
    if done.returncode:
        raise SystemExit(f"{args[0]} {args[1]} failed (whole log: {log}):\n{python_error(log)}")
    return json.loads(done.stdout.strip().splitlines()[-1]) | {"load": [before, _load()]}


def _load() -> str:
    """The 1, 5 and 15 minute load averages (as `uptime` shows them)."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def python_error(log: Path) -> str:
    """The last Python traceback in the log (the worker's error under Spark's JVM trace)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if "Traceback (most recent call last)" in line]
    if not starts:
        return "\n".join(lines[-40:])
    block = lines[starts[-1] :]
    ends = [i for i, line in enumerate(block[1:], 1) if line and not line[0].isspace()]
    return "\n".join(block[: ends[0] + 1] if ends else block)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        kind, n = argv[1], int(argv[2])
        answer = desktop(n) if kind == "desktop" else spark_job(n, argv[3], int(argv[4]) or None)
        print(json.dumps(answer))
        return 0
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        print("bench_scale: skipped (no Java)")
        return 0
    parser = argparse.ArgumentParser(description="the Spark job against the desktop engine")
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    parser.add_argument("--side", choices=["both", "spark", "desktop"], default="both")
    parser.add_argument("--driver-memory", default="1g", help="driver JVM heap (local mode)")
    parser.add_argument("--partitions", type=int, help="the job's partitions (default: by size)")
    args = parser.parse_args(argv)
    for n in args.sizes:
        row = measure(n, args.side, args.driver_memory, args.partitions)
        key = f"{n} on {args.partitions} partitions" if args.partitions else str(n)
        rows = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        RESULTS.write_text(json.dumps(rows | {key: row}, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(row, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
