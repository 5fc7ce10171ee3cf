#!/usr/bin/env bash
# Build the one-folder app (dist/source-reader/) with PyInstaller, then check the result:
# desktop and AppStream files validate, the binary prints --version, the archive
# dist/source-reader-VERSION-OS-ARCH.tar.gz unpacked elsewhere lists the bundled sample articles,
# and opens its window under Xvfb and stays up.
#
#   packaging/build.sh            (what `make package` runs; VENV=path overrides .venv)
#
# A missing validator or Xvfb is skipped with a note, except in CI (CI=true), where it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${VENV:-.venv}/bin
APP_ID=io.github.sourcereader.SourceReader
DIST=dist/source-reader
STAY_UP=${STAY_UP:-4}
WORK=$(mktemp -d)
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf 'package: %s\n' "$*"; }
die() {
    say "FAILED: $*" >&2
    exit 1
}
# need TOOL APT-PACKAGE: true when TOOL is installed; else fail in CI, or skip with a note.
need() {
    command -v "$1" >/dev/null && return 0
    [ "${CI:-}" = true ] && die "$1 not found (apt install $2)"
    say "skipped: $1 not found (apt install $2)"
    return 1
}

[ -x "$BIN/pyinstaller" ] || die "$BIN/pyinstaller not found: $BIN/pip install pyinstaller"

# -- icons (rendered from the SVG when it is newer than the PNGs) ---------------------------------
SVG=resources/icons/source-reader.svg
PNG=resources/icons/hicolor/512x512/apps/$APP_ID.png
if [ -f "$SVG" ] && { [ ! -f "$PNG" ] || [ "$SVG" -nt "$PNG" ]; }; then
    QT_QPA_PLATFORM=offscreen "$BIN/python" packaging/render_icons.py
fi

# -- build ------------------------------------------------------------------------------------------
say "building with PyInstaller $("$BIN/pyinstaller" --version)"
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/source-reader.spec

# -- desktop integration files --------------------------------------------------------------------
if need desktop-file-validate desktop-file-utils; then
    desktop-file-validate "packaging/$APP_ID.desktop"
    say "desktop-file-validate: ok"
fi
if need appstreamcli appstream; then
    appstreamcli validate --no-net "packaging/$APP_ID.metainfo.xml"
fi

# -- the binary -----------------------------------------------------------------------------------
expected="source-reader $("$BIN/python" -c 'import reader; print(reader.__version__)')"
got=$("$DIST/source-reader" --version)
[ "$got" = "$expected" ] || die "--version printed '$got', expected '$expected'"
say "--version: $got"

# The archive users download, unpacked somewhere else and run from another folder with a fresh
# home: it must find its seeds and resources there.
version=${expected#source-reader }
ARCHIVE="dist/source-reader-$version-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m).tar.gz"
tar -C dist -czf "$ARCHIVE" source-reader
mkdir "$WORK/unpacked"
tar -C "$WORK/unpacked" -xzf "$ARCHIVE"
APP="$WORK/unpacked/source-reader/source-reader"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config"
mkdir -p "$HOME"
(cd / && "$APP" --library "$WORK/library" list --json) >"$WORK/list.json"
seeds=$(find seeds -maxdepth 1 -type f | wc -l)
listed=$("$BIN/python" -c 'import json, sys; print(len(json.load(sys.stdin)["documents"]))' \
    <"$WORK/list.json")
[ "$listed" = "$seeds" ] || die "list --json showed $listed documents, seeds/ holds $seeds"
say "list --json (unpacked archive, new library): $listed sample articles"

# Every command group works from the bundle (search index, quotes, PDF with the bundled fonts).
(cd / && "$APP" --library "$WORK/library" search NATO --json) >"$WORK/search.json"
hits=$("$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["total"])' <"$WORK/search.json")
[ "$hits" -gt 0 ] || die "search NATO found nothing in the sample articles"
(cd / && "$APP" --library "$WORK/library" quotes --json) >"$WORK/quotes.json"
quotes=$("$BIN/python" -c 'import json, sys; print(len(json.load(sys.stdin)["quotes"]))' \
    <"$WORK/quotes.json")
[ "$quotes" -gt 0 ] || die "quotes found no quotation in the sample articles"
(cd / && "$APP" --library "$WORK/library" export --query NATO --pdf "$WORK/report.pdf") >/dev/null
[ "$(head -c 5 "$WORK/report.pdf")" = "%PDF-" ] || die "export --pdf wrote no PDF"
say "search: $hits documents for NATO; quotes: $quotes; export --pdf: $(du -h "$WORK/report.pdf" | cut -f1)"

# -- the window under Xvfb ------------------------------------------------------------------------
# visible_window: the id of a viewable top-level window of the app, or nothing.
visible_window() {
    xwininfo -root -children 2>/dev/null | grep -i '("source-reader"' | awk '{print $1}' |
        while read -r id; do
            xwininfo -id "$id" 2>/dev/null | grep -q 'IsViewable' && echo "$id" && break
        done || true
}
if need Xvfb xvfb && need xwininfo x11-utils; then
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" 2>/dev/null &
    PIDS+=($!)
    for _ in $(seq 100); do [ -s "$WORK/display" ] && break || sleep 0.1; done
    [ -s "$WORK/display" ] || die "Xvfb did not start"
    export DISPLAY=":$(head -n1 "$WORK/display")"
    unset WAYLAND_DISPLAY QT_QPA_PLATFORM
    article=$(find "$ROOT/seeds" -maxdepth 1 -type f | sort | head -n1)
    start=$(date +%s%N)
    "$APP" --library "$WORK/library" "$article" >"$WORK/app.log" 2>&1 &
    PIDS+=($!)
    app_pid=$!
    window=""
    for _ in $(seq 300); do
        window=$(visible_window)
        [ -n "$window" ] && break
        kill -0 "$app_pid" 2>/dev/null || die "the app exited before showing a window: $(cat "$WORK/app.log")"
        sleep 0.1
    done
    [ -n "$window" ] || die "no window after 30 s: $(cat "$WORK/app.log")"
    shown=$((($(date +%s%N) - start) / 1000000))
    sleep "$STAY_UP"
    kill -0 "$app_pid" 2>/dev/null || die "the window closed by itself: $(cat "$WORK/app.log")"
    # A module PyInstaller missed shows up as a traceback in the output or the library's log.
    for log in "$WORK/app.log" "$WORK/library/logs/source-reader.log"; do
        if grep -q Traceback "$log" 2>/dev/null; then die "errors while running: $(cat "$log")"; fi
    done
    title=$(xwininfo -id "$window" | sed -n 's/^xwininfo: Window id: [^ ]* //p')
    # Desktops match the window to the .desktop file by this name (Wayland app_id, KDE, GNOME).
    desktop_id=$(xprop -id "$window" _KDE_NET_WM_DESKTOP_FILE | sed -n 's/.* = "\(.*\)"$/\1/p')
    if [ "$desktop_id" != "$APP_ID" ]; then
        say "WARNING: the window gives its desktop file as '$desktop_id', not $APP_ID" \
            "(QGuiApplication.setDesktopFileName)"
    fi
    say "window $title shown after ${shown} ms (Xvfb $DISPLAY), still up after ${STAY_UP} s"
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
fi

say "bundle: $(du -sh "$DIST" | cut -f1) in $(find "$DIST" -type f | wc -l) files ($DIST)"
say "archive: $(du -h "$ARCHIVE" | cut -f1) ($ARCHIVE)"
say "all checks passed"
