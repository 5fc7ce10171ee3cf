"""`source-reader` opens the window (offscreen here), draws it, and closes cleanly on SIGTERM."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from ui_process import wait_for

APP = os.path.join(os.path.dirname(sys.executable), "source-reader")


def test_app_starts_offscreen_saves_a_screenshot_and_settings_on_sigterm(tmp_path):
    shot = tmp_path / "window.png"
    config = tmp_path / "config"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "SOURCE_READER_SCREENSHOT": str(shot),
    }
    env.pop("SOURCE_READER_HOME", None)
    app = subprocess.Popen(
        [APP, "--library", str(tmp_path / "lib")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(shot.exists, app, 60), "no screenshot"
        assert app.poll() is None
        assert QImage(str(shot)).width() > 0
    finally:
        app.terminate()
        output = app.communicate(timeout=20)[0]
    assert app.returncode == 0, output
    assert "Traceback" not in output
    ini = next(config.rglob("*.conf"))
    stored = QSettings(str(ini), QSettings.Format.IniFormat)
    assert stored.value("last_document")  # the first document was opened and remembered
    assert stored.value("geometry") is not None
