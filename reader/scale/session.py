"""A Spark session sized for the job: no UI, driver and executor memory as the caller says.

pyspark is the optional `[scale]` extra and needs Java; when either is missing the job stops with
`ScaleUnavailable` (one line for the user) before any work starts.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from reader.errors import ReaderError

DRIVER_MEMORY = "1g"  # in local mode the driver JVM is the executor too
EXECUTOR_MEMORY = "1g"


class ScaleUnavailable(ReaderError):
    """The Spark job cannot run here (pyspark or Java missing, or the master unreachable)."""


def check_requirements() -> None:
    """Raise ScaleUnavailable when pyspark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ScaleUnavailable(
            "the scale commands need pyspark: pip install 'source-reader[scale]'"
        ) from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ScaleUnavailable("the scale commands need Java 17 or later (java not found)")


def start(
    master: str,
    cores: int | None = None,
    settings: dict[str, str] | None = None,
    driver_memory: str = DRIVER_MEMORY,
    executor_memory: str = EXECUTOR_MEMORY,
) -> Any:
    """A SparkSession on `master` (local[*], local[N] or spark://HOST:PORT); memory sizes as
    Spark writes them ("1g", "512m"); `settings` are further Spark settings (e.g. an event log
    for a benchmark)."""
    check_requirements()
    from pyspark.sql import SparkSession

    cores = cores or _cores(master)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName("source-reader scale")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(2 * cores))
        .config("spark.default.parallelism", str(2 * cores))
        .config("spark.driver.memory", driver_memory)
        .config("spark.executor.memory", executor_memory)
        .config("spark.pyspark.python", sys.executable)
        .config("spark.executorEnv.PYTHONHASHSEED", "0")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    for key, value in (settings or {}).items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as error:  # the JVM did not start or the master did not answer
        raise ScaleUnavailable(f"Spark could not start on {master} ({error})") from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def keep(rdd: Any) -> Any:
    """`rdd` persisted in memory, the partitions that do not fit on the executor's disk (the
    default cache drops them, and each later use computes them again)."""
    from pyspark import StorageLevel

    return rdd.persist(StorageLevel.MEMORY_AND_DISK)


def _cores(master: str) -> int:
    """The cores a local master uses (for spark://, this machine's count as a guess)."""
    if master.startswith("local[") and master[6:-1].isdigit():
        return int(master[6:-1])
    return os.cpu_count() or 2
