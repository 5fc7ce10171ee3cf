"""The packaging files, checked without building: desktop entry, AppStream metainfo, icons, spec.

The validators (desktop-file-validate, appstreamcli) are skipped when missing, except in CI.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import reader

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.sourcereader.SourceReader"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect x="4" y="4" width="56" height="56" rx="10" fill="#2f6fb3"/></svg>"""


def validator(name: str) -> str:
    """The validator's path; skip the test when it is missing (fail under CI=true)."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed")
        pytest.skip(f"{name} is not installed (under CI=true this fails instead)")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_sizes(path: Path) -> list[int]:
    data = path.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for n in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n : 22 + 16 * n]
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    return sizes


def icns_chunks(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks, at = {}, 8
    while at < len(data):
        kind, length = (
            data[at : at + 4].decode("ascii"),
            struct.unpack(">I", data[at + 4 : at + 8])[0],
        )
        chunks[kind] = struct.unpack(">I", data[at + 24 : at + 28])[0]  # PNG IHDR width
        at += length
    assert at == len(data)
    return chunks


# -- desktop entry ------------------------------------------------------------------------------
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        [validator("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_file_opens_files_with_the_installed_command() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["source-reader", "%F"]
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert {"Office", "Viewer"} <= set(entry["Categories"].strip(";").split(";"))
    assert {"text/plain", "text/markdown", "text/html"} <= set(entry["MimeType"].split(";"))
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key].strip(), key


def test_desktop_file_matches_the_x11_window_class() -> None:
    """Qt names a window's WM_CLASS instance after argv[0]: the command the entry runs."""
    entry = desktop_entry()
    assert entry["StartupWMClass"] == Path(entry["Exec"].split()[0]).name
    assert entry["TryExec"] == entry["Exec"].split()[0]


# -- AppStream ----------------------------------------------------------------------------------
def test_metainfo_validates() -> None:
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_matches_the_desktop_file_and_the_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == "MIT"
    assert component.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    versions = [r.get("version") for r in component.iter("release")]
    assert versions and versions[0] == reader.__version__


def test_metainfo_screenshots_come_from_resources() -> None:
    images = [i.text or "" for i in ET.parse(METAINFO).getroot().iter("image")]
    assert images
    shots = ROOT / "resources" / "screenshots"
    for url in images:
        assert url.startswith("https://") and "/resources/screenshots/" in url
        name = url.rsplit("/", 1)[1]
        if any(shots.glob("*.png")):  # screenshots are taken by the UI's own script
            assert (shots / name).is_file(), f"{name} is not in resources/screenshots/"


# -- icons ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES)
def test_icon_png_has_its_pixel_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path) == (size, size)


def test_icon_svg_and_platform_icons_exist() -> None:
    assert (
        (ICONS / "source-reader.svg")
        .read_text(encoding="utf-8")
        .lstrip()
        .startswith(("<svg", "<?xml"))
    )
    assert ico_sizes(ICONS / "source-reader.ico") == [16, 24, 32, 48, 64, 128, 256]
    assert icns_chunks(ICONS / "source-reader.icns")["ic09"] == 512


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_render_icons_writes_every_size(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtSvg")
    svg = tmp_path / "icon.svg"
    svg.write_text(SVG, encoding="utf-8")
    render_icons = load_module(PACKAGING / "render_icons.py")
    assert render_icons.main(svg, tmp_path / "out") == 0
    for size in SIZES:
        png = tmp_path / "out" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)
    assert ico_sizes(tmp_path / "out" / "source-reader.ico") == [16, 24, 32, 48, 64, 128, 256]
    chunks = icns_chunks(tmp_path / "out" / "source-reader.icns")
    assert chunks["icp4"] == 16 and chunks["ic10"] == 1024 and chunks["ic14"] == 1024


def test_render_icons_rejects_a_broken_svg(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtSvg")
    svg = tmp_path / "broken.svg"
    svg.write_text("<svg", encoding="utf-8")
    assert load_module(PACKAGING / "render_icons.py").main(svg, tmp_path / "out") == 1
    assert not (tmp_path / "out").exists()


# -- PyInstaller spec ----------------------------------------------------------------------------
class Recorder:
    """Stands in for one PyInstaller build step and keeps what the spec passed to it."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        Recorder.calls.append((self.name, args, kwargs))
        result = type(self.name, (), {"binaries": [], "datas": [], "pure": [], "scripts": []})()
        return result


def run_spec(
    workpath: Path,
) -> tuple[dict[str, Any], list[tuple[str, tuple[Any, ...], dict[str, Any]]]]:
    Recorder.calls = []
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    namespace: dict[str, Any] = {n: Recorder(n) for n in names}
    namespace["SPECPATH"] = str(PACKAGING)
    namespace["workpath"] = str(workpath)
    code = (PACKAGING / "source-reader.spec").read_text(encoding="utf-8")
    exec(compile(code, "source-reader.spec", "exec"), namespace)
    return namespace, Recorder.calls


def test_spec_bundles_seeds_resources_and_the_package(tmp_path: Path) -> None:
    _, calls = run_spec(tmp_path)
    analysis = next(kwargs for name, _, kwargs in calls if name == "Analysis")
    datas = {(Path(src), dest) for src, dest in analysis["datas"]}
    assert (ROOT / "seeds", "seeds") in datas
    bundled = {src for src, _ in datas}
    for item in (ROOT / "resources").iterdir():
        assert (item in bundled) == (item.name != "screenshots"), item
    assert "reader.cli" in analysis["hiddenimports"]
    assert "reader.documents.loading" in analysis["hiddenimports"]
    collect = next(kwargs for name, _, kwargs in calls if name == "COLLECT")
    assert collect["name"] == "source-reader"


def test_spec_drops_unused_qt_translations_and_plugins(tmp_path: Path) -> None:
    namespace, calls = run_spec(tmp_path)
    excludes = next(kwargs for name, _, kwargs in calls if name == "Analysis")["excludes"]
    for module in ("QtCore", "QtGui", "QtWidgets", "QtSvg"):
        assert f"PySide6.{module}" not in excludes
    for module in ("QtQml", "QtQuick", "QtDesigner"):
        assert f"PySide6.{module}" in excludes
    keep = namespace["keep_entry"]
    plugins = "PySide6/Qt/plugins"
    assert keep(f"{plugins}/platforms/libqxcb.so")
    assert keep(f"{plugins}/platforms/libqoffscreen.so")
    assert keep(f"{plugins}/platforms/libqwayland.so")
    assert keep(f"{plugins}/imageformats/libqsvg.so")
    assert not keep(f"{plugins}/platforms/libqvnc.so")
    assert not keep(f"{plugins}/qmltooling/libqmldbg_tcp.so")
    assert not keep(f"{plugins}/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6")


def test_spec_writes_a_trimming_hook_per_qt_module_used(tmp_path: Path) -> None:
    namespace, calls = run_spec(tmp_path)
    hooks = Path(next(kwargs for name, _, kwargs in calls if name == "Analysis")["hookspath"][0])
    written = {p.name for p in hooks.glob("hook-PySide6.*.py")}
    assert written == {f"hook-PySide6.{m}.py" for m in namespace["QT_USED"]}
    assert (
        "trim_hook(*add_qt6_dependencies(__file__))"
        in (hooks / "hook-PySide6.QtGui.py").read_text()
    )


def test_qt_trim_follows_the_modules_the_code_imports(tmp_path: Path) -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import qt_trim
    finally:
        sys.path.remove(str(PACKAGING))
    (tmp_path / "reader" / "ui").mkdir(parents=True)
    (tmp_path / "reader" / "ui" / "a.py").write_text(
        "from PySide6 import QtPrintSupport, QtCore as core\nimport PySide6.QtNetwork as n\n"
        "from PySide6 import (\n    QtSql,\n)\nfrom PySide6.QtGui import QColor\n"
    )
    used = qt_trim.used_qt_modules(tmp_path)
    assert used == set(qt_trim.ALWAYS_QT) | {"QtPrintSupport", "QtNetwork", "QtSql"}
    printing = "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"
    assert qt_trim.keep_entry(printing, used)
    assert not qt_trim.keep_entry(printing, set(qt_trim.ALWAYS_QT))
    hooked = qt_trim.trim_hook(
        ["PySide6.QtCore"],
        [
            ("/x/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms"),
            ("/x/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
        ],
        [("/x/translations/qtbase_fr.qm", "PySide6/Qt/translations")],
    )
    assert hooked == (
        ["PySide6.QtCore"],
        [("/x/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms")],
        [],
    )


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_builds_the_right_executables_per_platform(
    platform: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    namespace, calls = run_spec(tmp_path)
    assert namespace["VERSION"] == reader.__version__
    exes = {kwargs["name"]: kwargs for name, _, kwargs in calls if name == "EXE"}
    bundles = [kwargs for name, _, kwargs in calls if name == "BUNDLE"]
    if platform == "win32":  # a window app without console, plus a console one for the CLI
        assert not exes["source-reader"]["console"] and exes["source-reader-cli"]["console"]
        assert exes["source-reader"]["icon"].endswith("source-reader.ico")
    else:
        assert list(exes) == ["source-reader"]
    if platform == "darwin":
        assert bundles[0]["bundle_identifier"] == APP_ID
        assert bundles[0]["icon"].endswith("source-reader.icns")
        assert bundles[0]["info_plist"]["CFBundleShortVersionString"] == reader.__version__
    else:
        assert not bundles
