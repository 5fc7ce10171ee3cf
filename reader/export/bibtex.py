"""The CSL-JSON items of `reader.export.csl` as BibTeX entries, for reference managers.

An article with an outlet is an `@article` (outlet as `journal`), anything else `@misc`. Dates
are written as `year` and a numeric `month` and `date` (biblatex); the URL as `url`, the date
the copy was saved as `urldate`, the excerpts as `note`. Values are brace-delimited with TeX's
special characters escaped, so any title or note parses; keys are family name, year and the
first word of the title, made unique with a letter.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reader.export.csl import Item
from reader.export.writing import write_text

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile("|".join(re.escape(c) for c in _SPECIAL))


def escape(text: str) -> str:
    """`text` safe inside a brace-delimited BibTeX value (TeX specials escaped)."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], " ".join(text.split("\n\n")).strip())


def to_bibtex(items: list[Item]) -> str:
    """Every item as one BibTeX entry, separated by blank lines."""
    used: set[str] = set()
    return "\n\n".join(_entry(item, _key(item, used)) for item in items) + "\n"


def write_bibtex(items: list[Item], path: Path) -> None:
    """Write the items as a .bib file, atomically."""
    write_text(Path(path), to_bibtex(items))


def _name(person: dict[str, str]) -> str:
    if "literal" in person:
        return "{" + escape(person["literal"]) + "}"
    family = " ".join(p for p in (person.get("non-dropping-particle"), person["family"]) if p)
    return f"{escape(family)}, {escape(person['given'])}"


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _key(item: Item, used: set[str]) -> str:
    people = item.get("author", [{}])
    first = people[0].get("family") or people[0].get("literal") or "anon"
    year = str(item["issued"]["date-parts"][0][0]) if "issued" in item else "nd"
    words = [w for w in map(_ascii_word, item["title"].split()) if len(w) > 3]
    base = f"{_ascii_word(first) or 'anon'}{year}{words[0] if words else ''}"
    key, suffix = base, 0
    while key in used:
        key, suffix = f"{base}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}", suffix + 1
    used.add(key)
    return key


def _fields(item: Item) -> list[tuple[str, str]]:
    fields = [("title", escape(item["title"]))]
    if "container-title" in item:
        fields.append(("journal", escape(item["container-title"])))
    if item.get("author"):
        fields.append(("author", " and ".join(_name(p) for p in item["author"])))
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        fields += [("year", str(year)), ("month", str(month))]
        fields.append(("date", f"{year:04d}-{month:02d}-{day:02d}"))
    if "URL" in item:
        fields.append(("url", item["URL"].replace("{", "%7B").replace("}", "%7D")))
    if "accessed" in item:
        year, month, day = item["accessed"]["date-parts"][0]
        fields.append(("urldate", f"{year:04d}-{month:02d}-{day:02d}"))
    if "language" in item:
        fields.append(("language", escape(item["language"])))
    if "note" in item:
        fields.append(("note", escape(item["note"])))
    return fields


def _entry(item: Item, key: str) -> str:
    kind = "article" if "container-title" in item else "misc"
    lines = [f"  {name} = {{{value}}}" for name, value in _fields(item)]
    return f"@{kind}{{{key},\n" + ",\n".join(lines) + "\n}"
