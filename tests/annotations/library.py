"""A small real library for the import tests: three articles, one with a URL, and files in the
other tools' formats (tests/data/annotations) filled in with this library's paths."""

import json
from pathlib import Path

from reader.library import Library

DATA = Path(__file__).resolve().parents[1] / "data" / "annotations"
BUDGET_URL = "https://budget.example.net/2024/spending"

FERRY = """\
Harbour council closes the old ferry terminal
By Maria Lopez
March 3, 2022
The city council voted on Wednesday to close the old ferry terminal by the end of the year, ending more than a century of service from the waterfront.
“We cannot keep pouring money into a building that is falling apart,” said councillor Tom Reed. “The new terminal will serve everyone better.”
Residents who opposed the plan said they were “deeply disappointed” by the decision and met outside the town hall.
"""

BUDGET = """\
Council sets out spending plans
By Ana Ruiz and Tom Baker
April 2, 2024
The council will spend forty million euros on the new harbour road over four years, the finance committee said.
Critics gathered at the town hall to ask why the spending plans left out the ferry.
"""

PARK = """\
A new park for the old quarter
By Li Wei
May 9, 2024
Gardeners planted two hundred trees along the river this spring, and the park opens in June.
"""


def make_library(root: Path, seed_urls: bool = True) -> tuple[Library, Path]:
    """A library at `root`/lib holding copies of the three articles written to `root`/src."""
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    for name, text in (("ferry.txt", FERRY), ("budget.txt", BUDGET), ("park.txt", PARK)):
        (src / name).write_text(text, encoding="utf-8")
    if seed_urls:
        (src / "budget.meta.json").write_text(json.dumps({"url": BUDGET_URL}), encoding="utf-8")
    library = Library(root / "lib", seed=False)
    report = library.import_paths([src])
    assert not report.errors and len(report.added) == 3
    return library, src


def by_name(library: Library, name: str):
    return next(d for d in library.documents() if Path(d.path).name == name)


def data_file(name: str, target: Path, **values: object) -> Path:
    """Copy tests/data/annotations/`name` to `target`, filling in {PLACEHOLDERS}."""
    text = (DATA / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    target.write_text(text, encoding="utf-8")
    return target
