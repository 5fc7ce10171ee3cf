"""Finding the files the app ships (icons, fonts, styles, seeds) wherever it was installed.

Three layouts: the source tree (`resources/` beside `reader/`), a PyInstaller bundle
(`sys._MEIPASS/resources`) and a pip install (`sys.prefix/share/source-reader/resources`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _roots(folder: str) -> list[Path]:
    roots = [
        Path(__file__).resolve().parent.parent / folder,
        Path(sys.prefix) / "share" / "source-reader" / folder,
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.insert(0, Path(bundle) / folder)
    return roots


def resource_path(name: str) -> Path | None:
    """`resources/NAME` (e.g. "icons/source-reader.svg", "fonts"), or None when not shipped."""
    return next((root / name for root in _roots("resources") if (root / name).exists()), None)


def seeds_folder() -> Path | None:
    """The sample articles shipped with the app, or None."""
    return next((root for root in _roots("seeds") if root.is_dir()), None)
