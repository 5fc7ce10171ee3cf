"""One version key for every cache: parsed documents, quote analyses and the search index.

A cache written by other code must never be read back. The key mixes the app's version (the
only thing a PyInstaller bundle can vouch for: it ships compiled code, not sources) with a hash
of the sources of the subpackages the cache depends on, when those sources are present (a
source checkout or a pip install, where code changes between releases).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

from reader import __version__

PACKAGE = Path(__file__).parent


def version_key(*parts: str, exclude: Collection[str] = (), extra: str = "") -> str:
    """A 16-hex key for caches built by the `reader` subpackages `parts` (e.g. "quotes").

    `exclude` names modules (file names) of those subpackages that do not change what is
    cached; `extra` adds another version (e.g. the search engine's).
    """
    digest = hashlib.sha1(f"{__version__}\0{extra}".encode())
    for part in parts:
        for source in sorted((PACKAGE / part).glob("*.py")):
            if source.name not in exclude:
                digest.update(f"{part}/{source.name}\0".encode() + source.read_bytes())
    return digest.hexdigest()[:16]
