"""Which parts of Qt the bundle keeps: the PySide6 modules `reader/` imports, a short list of
plugins, no translations. Used by source-reader.spec and by the Qt hooks it writes, so unwanted
plugins are dropped *before* PyInstaller follows their library dependencies (the GTK theme plugin
alone would otherwise drag in the build machine's GTK, cairo and pango).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALWAYS_QT = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg"})

# Plugin folder -> plugin names kept (None: all of them). Plugin folders not listed are dropped.
BASE_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"}),
    "platformthemes": frozenset({"qxdgdesktopportal"}),  # not qgtk3: it links the system GTK
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg", "qgif", "qicns"}),
    "iconengines": None,
    "xcbglintegrations": None,
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": frozenset(
        {"qt-plugin-wayland-egl", "shm-emulation-server"}
    ),
    "styles": None,  # Windows: qmodernwindowsstyle
}
# Plugin folders kept only when the module that loads them is used.
MODULE_PLUGINS = {"QtPrintSupport": "printsupport", "QtNetwork": "tls", "QtSql": "sqldrivers"}


def used_qt_modules(root: Path = ROOT) -> set[str]:
    """Every PySide6 module named in root/reader (`PySide6.QtX`, `from PySide6 import QtX`)."""
    used = set(ALWAYS_QT)
    for source in (root / "reader").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used.update(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from[ \t]+PySide6[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", text):
            words = (n.split()[0] for n in names.strip("()").split(",") if n.split())
            used.update(w for w in words if w.startswith("Qt"))
    return used


def installed_qt_modules() -> set[str]:
    """The PySide6 extension modules installed (QtCore, QtQml, ...)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    return {p.name.split(".")[0] for p in folder.glob("Qt*.*") if p.suffix in {".so", ".pyd"}}


def kept_plugins(used: set[str]) -> dict[str, frozenset[str] | None]:
    """The plugin rules for an app using the Qt modules `used`."""
    rules = dict(BASE_PLUGINS)
    rules.update({folder: None for module, folder in MODULE_PLUGINS.items() if module in used})
    return rules


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_entry(dest: str, used: set[str]) -> bool:
    """False for a bundle path that is a Qt translation or a plugin the app does not need."""
    parts = Path(dest).parts
    if "translations" in parts and dest.endswith(".qm"):
        return False
    if "plugins" in parts and len(parts) > parts.index("plugins") + 2:
        folder = parts[parts.index("plugins") + 1]
        rules = kept_plugins(used)
        if folder not in rules:
            return False
        wanted = rules[folder]
        return wanted is None or _plugin_name(parts[-1]) in wanted
    return True


def trim_hook(
    hiddenimports: list[str], binaries: list[tuple[str, str]], datas: list[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """A Qt hook's (hiddenimports, binaries, datas) without the entries `keep_entry` rejects."""
    used = used_qt_modules()

    def keep(pair: tuple[str, str]) -> bool:
        return keep_entry(str(Path(pair[1]) / Path(pair[0]).name), used)

    return hiddenimports, [b for b in binaries if keep(b)], [d for d in datas if keep(d)]
