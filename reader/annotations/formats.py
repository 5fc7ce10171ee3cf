"""Which annotation format a file is in, told from its content alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.annotations.hypothesis import is_hypothesis, parse_hypothesis
from reader.annotations.incoming import Incoming
from reader.annotations.jsonld import is_w3c, parse_w3c, read_json
from reader.errors import StoreError

W3C = "W3C Web Annotation"
HYPOTHESIS = "Hypothesis"


def read_file(path: Path) -> tuple[str, list[Incoming], list[str]]:
    """The format's name, every entry read, and one message per malformed entry."""
    return parse(read_json(path), str(path))


def parse(data: Any, name: str = "the data") -> tuple[str, list[Incoming], list[str]]:
    """As `read_file`, for JSON already parsed."""
    if is_w3c(data):
        return (W3C, *parse_w3c(data))
    if is_hypothesis(data):
        return (HYPOTHESIS, *parse_hypothesis(data))
    raise StoreError(
        f"{name} is neither W3C Web Annotation JSON-LD nor a Hypothesis export "
        "(expected an AnnotationCollection, Annotations, or rows with a uri)"
    )
