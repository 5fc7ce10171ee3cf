"""A job's output opened in the window (read-only): its articles, speakers and quote groups."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from reader.library import Library
from reader.scale.job import run
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.views.quote_panel import UNNAMED_SOURCES
from tests.scale.conftest import SEEDS


def test_the_window_shows_the_groups_and_speakers_of_a_job_output(qtbot, spark, tmp_path):
    out = tmp_path / "out"
    run(SEEDS, out, session=spark)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Library(tmp_path / "lib"), settings)
    qtbot.addWidget(window)
    window.show()
    window.open_output(str(out))
    qtbot.waitUntil(lambda: window.workspace.analysis is not None, timeout=60000)
    qtbot.waitUntil(lambda: not window.workspace.busy(), timeout=60000)
    analysis = window.workspace.analysis

    assert sorted(window.workspace.by_id) == sorted(d.id for d in analysis.documents)
    assert window.library.model.rowCount() == 5
    assert window.reader.document is not None and window.reader.document.body
    speakers = window.speakers.speakers
    shown = {speakers.speaker(row) for row in range(speakers.rowCount())}
    unnamed = {UNNAMED_SOURCES} if analysis.unnamed_sources() else set()
    assert shown == set(analysis.speakers()) | unnamed and len(shown) > 3
    group = max(analysis.groups, key=lambda g: len(g.quotes))
    window.show_quote(group.quotes[0])
    assert set(window.quote_panel.variant_ids()) == set(group.quotes) - {group.quotes[0]}
    window.close()
