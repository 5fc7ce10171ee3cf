"""Render the application icon (resources/icons/source-reader.svg) to every size platforms want.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

writes, under resources/icons/:

- hicolor/NxN/apps/io.github.sourcereader.SourceReader.png for N in SIZES, and
  hicolor/scalable/apps/io.github.sourcereader.SourceReader.svg (freedesktop icon theme layout);
- source-reader.ico (Windows: 16..256, PNG-compressed entries);
- source-reader.icns (macOS: 16..512 plus the @2x variants, PNG entries).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

APP_ID = "io.github.sourcereader.SourceReader"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns chunk type -> pixel size (PNG payloads; types from Apple's Icon Services).
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 512),
    ("ic14", 1024),
)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub wants bytes
        raise RuntimeError(f"cannot encode a {size}px PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (size 256 is written as 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(pngs[size]), offset)
        payload += pngs[size]
        offset += len(pngs[size])
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG chunks (a retina variant is the bitmap of twice the size)."""
    chunks = b""
    for kind, pixels in ICNS_TYPES:
        data = pngs[pixels]
        chunks += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(chunks) + 8) + chunks


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def main(svg: Path = ICONS / "source-reader.svg", out: Path = ICONS) -> int:
    """Render every icon file from `svg` into the folder `out`; return the exit code."""
    # A QApplication (not QGuiApplication), so widgets still work when run inside a test session.
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"render_icons: cannot read {svg} as SVG", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in {*SIZES, *ICO_SIZES, 1024}}
    for size in SIZES:
        write(out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", pngs[size])
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    if scalable.resolve() != svg.resolve():
        shutil.copyfile(svg, scalable)
    write(out / "source-reader.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    write(out / "source-reader.icns", icns_bytes(pngs))
    print(f"render_icons: {len(SIZES)} PNG sizes, .ico and .icns written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ICONS / "source-reader.svg"))
