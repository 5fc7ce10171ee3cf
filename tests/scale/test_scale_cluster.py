"""The job on a real standalone cluster: a master and two workers on this machine (started with
pyspark's own `spark-class`, on free ports, stopped after), driven through the command line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.documents.loading import load_paths
from reader.quotes import analyse
from tests.scale.conftest import SEEDS, require_java
from tests.scale.equality import assert_same

WORKERS = 2
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def spark_class(*args: str, log: Path) -> subprocess.Popen:
    import pyspark

    home = Path(pyspark.__file__).parent
    env = os.environ | {"SPARK_HOME": str(home), "PYSPARK_PYTHON": sys.executable}
    return subprocess.Popen(
        [str(home / "bin" / "spark-class"), *args],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def alive_workers(ui_port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{ui_port}/json/", timeout=5) as answer:
            state = json.load(answer)
    except OSError:
        return 0
    return sum(1 for worker in state.get("workers", []) if worker.get("state") == "ALIVE")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[str]:
    """spark://127.0.0.1:PORT of a master with two one-core workers."""
    require_java()
    logs = tmp_path_factory.mktemp("cluster")
    port, ui_port = free_port(), free_port()
    master_args = ["--host", "127.0.0.1", "--port", str(port), "--webui-port", str(ui_port)]
    processes = [
        spark_class("org.apache.spark.deploy.master.Master", *master_args, log=logs / "master.log")
    ]
    url = f"spark://127.0.0.1:{port}"
    for number in range(WORKERS):
        worker_args = ["--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                       "--webui-port", str(free_port()), "--work-dir", str(logs / f"w{number}")]  # fmt: skip
        processes.append(
            spark_class(
                "org.apache.spark.deploy.worker.Worker",
                url,
                *worker_args,
                log=logs / f"worker{number}.log",
            )
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while alive_workers(ui_port) < WORKERS:
            assert time.monotonic() < deadline, (logs / "master.log").read_text()[-2000:]
            assert all(p.poll() is None for p in processes), "a cluster process stopped"
            time.sleep(1)
        yield url
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_the_job_on_a_two_worker_cluster_gives_the_desktop_answer(cluster, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib"), "scale",
               "quotes", str(SEEDS), "--out", str(out), "--master", cluster, "--partitions", "4",
               "--executor-memory", "768m", "--json"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout)
    assert summary["master"] == cluster and summary["partitions"] == 4
    documents, _ = load_paths([SEEDS])
    assert_same(out, analyse(documents))
