"""Fixtures for the Spark job: one local[2] session for all its tests; skipped only when Java is
missing outside CI (CI installs it, and there a missing Java fails)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HAS_JAVA = bool(os.environ.get("JAVA_HOME") or shutil.which("java"))


def require_java() -> None:
    """Skip the calling test when Java is missing; in CI, fail it."""
    if not HAS_JAVA:
        if os.environ.get("CI") == "true":
            pytest.fail("Java 17+ is required in CI (.ci/run installs openjdk-17-jre-headless)")
        pytest.skip("the Spark tests need Java 17+")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """A local[2] session shared by the tests (starting the JVM is most of a small job's time)."""
    require_java()
    from reader.scale.session import start

    session = start("local[2]")
    yield session
    session.stop()
