"""The quote panel (speaker, variant group, other articles carrying a variant) and Speakers.

With the cursor in no quote, the panel lists the open article's quotes instead: who said each
and in how many other articles it appears. Variant text is drawn with the words that differ
from the selected quote marked, taken from the link's word alignment (or aligned on the spot
when the two are linked only through others).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.documents.model import Document
from reader.quotes.alignment import align
from reader.quotes.model import Quote
from reader.ui.models import ID_ROLE, Row, RowsModel, SpeakersModel
from reader.ui.present import byline, escape, variant_words, words_html
from reader.ui.theme import LIGHT, Colours
from reader.ui.views.common import RichTextDelegate, add_list_keys, named


def _list(parent: QWidget, name: str) -> tuple[QListView, RowsModel]:
    model = RowsModel(parent)
    view = QListView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setItemDelegate(RichTextDelegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setWordWrap(True)
    add_list_keys(view)
    return view, model


def speaker_text(quote: Quote) -> str:
    """ "Name (role)", a guess marked as such, or "Speaker unknown"."""
    if quote.speaker:
        role = quote.role if quote.role not in quote.speaker else ""  # "unnamed official"
        name = f"{quote.speaker} ({role})" if role else quote.speaker
        return name + (" · corrected by hand" if quote.attribution == "corrected" else "")
    if quote.speaker_guess:
        return f"Probably {quote.speaker_guess}"
    return "Speaker unknown"


def speaker_reason(quote: Quote) -> str:
    """Why the panel names this speaker (shown on hover), most of all for a guess."""
    if quote.attribution == "corrected":
        return "Set by hand (Quotes ▸ Undo correction takes it back)."
    if quote.speaker is None and quote.speaker_guess:
        return (
            f"A guess, not certain: the text does not say clearly who spoke; "
            f"{quote.speaker_guess} is the most likely. Ctrl+Shift+S corrects it."
        )
    if quote.unnamed:
        return (
            f"The article does not name who said it; it describes them as "
            f"“{quote.role or quote.speaker}”. Ctrl+Shift+S corrects it."
        )
    evidence = quote.attribution.replace("-", " ") or "the words around the quote"
    return f"Found from {evidence}. Ctrl+Shift+S corrects it."


def _other_articles(analysis: Any, quote: Quote) -> int:
    """How many other articles carry a variant of `quote`."""
    group = analysis.group_of(quote.id)
    return len({analysis.quote(q).doc for q in group.quotes} - {quote.doc}) if group else 0


class QuotePanel(QWidget):
    """What the quote under the cursor is and where else it appears, else the article's quotes.

    Activating a row emits `quoteActivated(id)`: a variant, or a quote of the article.
    """

    quoteActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaker = QLabel("Put the cursor in a quote (] and [ move between quotes).", self)
        self.speaker.setObjectName("quoteSpeaker")
        self.speaker.setTextFormat(Qt.TextFormat.PlainText)
        self.speaker.setWordWrap(True)
        self.quote = named(QLabel(self), "quoteText")
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.group = named(QLabel(self), "quoteGroup")
        self.group.setTextFormat(Qt.TextFormat.PlainText)
        self.group.setWordWrap(True)
        self.list, self.model = _list(self, "Variants in other articles")
        self.list.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        for widget in (self.speaker, self.quote, self.group):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.colours: Colours = LIGHT
        self.quote_id = ""

    def show_document(self, analysis: Any, doc_id: str, colours: Colours) -> None:
        """List the quotes of one article (a `QuoteAnalysis`'s), each with its speaker and
        the number of other articles carrying a variant of it."""
        self.colours = colours
        self.quote_id = ""
        quotes = analysis.quotes_of(doc_id) if analysis is not None else []
        elsewhere = [_other_articles(analysis, quote) for quote in quotes]
        self.speaker.setText("Quotes in this article" if quotes else "No quotes in this article.")
        self.speaker.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.speaker.setToolTip("")
        shared = sum(1 for n in elsewhere if n)
        self.quote.setText(
            f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}, {shared} found in other "
            "articles. Enter goes to one; ] and [ move between them in the text."
            if quotes
            else ""
        )
        self.group.clear()
        self.model.set_rows([self._quote_row(q, n) for q, n in zip(quotes, elsewhere, strict=True)])

    def _quote_row(self, quote: Quote, other_articles: int) -> Row:
        where = (
            f"in {other_articles} other article{'s' if other_articles != 1 else ''}"
            if other_articles
            else ""
        )
        who = speaker_text(quote)
        who_html = f"<i>{escape(who)}</i>" if quote.speaker is None else f"<b>{escape(who)}</b>"
        badge = f' <span style="color:{self.colours.accent}; font-weight:600;">· {where}</span>'
        text = quote.text.strip(chr(34) + "“”‘’ ")
        short = text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + " …"
        html = f"<div>{who_html}{badge if where else ''}<br>“{escape(short)}”</div>"
        label = f"{who}{', ' + where if where else ''}: {text}"
        return Row(quote.id, label, html, tooltip=speaker_reason(quote))

    def show_quote(
        self, analysis: Any, quote_id: str, documents: dict[str, Document], colours: Colours
    ) -> None:
        """Show a quote of `analysis` (a `QuoteAnalysis`) and its variants."""
        self.colours = colours
        self.quote_id = quote_id
        quote = analysis.quote(quote_id)
        self.speaker.setText(speaker_text(quote))
        guess = quote.speaker is None
        style = "font-style: italic; font-weight: 400;" if guess else "font-weight: 600;"
        self.speaker.setStyleSheet(f"{style} font-size: 12pt;")
        self.speaker.setToolTip(speaker_reason(quote))
        self.quote.setText(f"“{quote.text.strip(chr(34) + '“”‘’ ')}”")
        group = analysis.group_of(quote_id)
        others = [q for q in (group.quotes if group else []) if q != quote_id]
        self.group.setText(self._summary(others, _other_articles(analysis, quote)))
        rows = [self._row(analysis, quote, analysis.quote(q), group, documents) for q in others]
        rows.sort(key=lambda r: r.tooltip)
        self.model.set_rows(rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    @staticmethod
    def _summary(others: list[str], articles: int) -> str:
        if not articles:
            return "Not found in any other article." + (" Related quotes here:" if others else "")
        return f"Variants in {articles} other article{'s' if articles != 1 else ''}:"

    def variant_ids(self) -> list[str]:
        return [row.id for row in self.model.rows()] if self.quote_id else []

    def selected_quote_id(self) -> str:
        """The quote shown, else (listing the article's quotes) the one selected in the list."""
        if self.quote_id:
            return self.quote_id
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE) or "") if index.isValid() else ""

    def _row(
        self, analysis: Any, selected: Quote, other: Quote, group: Any, docs: dict[str, Document]
    ) -> Row:
        c = self.colours
        doc = docs.get(other.doc)
        words = self._differences(selected, other)
        mark = f"background-color:{c.changed}; color:{c.changed_text};"
        earliest = group is not None and group.earliest == other.id
        labels = (["earliest"] if earliest else []) + (
            ["this article"] if other.doc == selected.doc else []
        )
        badge = "".join(
            f' <span style="color:{c.accent}; font-weight:600;">· {label}</span>'
            for label in labels
        )
        title = escape(doc.title if doc else other.doc)
        meta = escape(byline(doc.source, "", doc.published) if doc else "")
        html = (
            f'<div><span style="color:{c.muted};">{meta}</span>{badge}<br><b>{title}</b><br>'
            f"{words_html(words, mark)}</div>"
        )
        when = doc.published_iso if doc and doc.published_iso else "9999"
        label = f"{'[earliest] ' if earliest else ''}{doc.source if doc else ''}: {other.text}"
        return Row(other.id, label, html, tooltip=f"{when} {other.id}")

    @staticmethod
    def _differences(selected: Quote, other: Quote) -> list[tuple[str, bool]]:
        return variant_words(align(selected.text, other.text), "b")

    def _activated(self, index: QModelIndex) -> None:
        quote_id = index.data(ID_ROLE)
        if quote_id:
            self.quoteActivated.emit(quote_id)


UNNAMED_SOURCES = "(unnamed sources)"  # the Speakers row of every source left unnamed


class SpeakersPanel(QWidget):
    """Every speaker; selecting one lists their quotes, activating a quote emits its id."""

    quoteActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speakers = SpeakersModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Speakers")
        self.table.setModel(self.speakers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        add_list_keys(self.table)
        self.list, self.model = _list(self, "Quotes of the speaker")
        self.list.activated.connect(self._activated)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)
        self._analysis: Any = None
        self._quotes: dict[str, list[Quote]] = {}  # speaker -> quotes, the unnamed sources too
        self._documents: dict[str, Document] = {}
        self.colours: Colours = LIGHT
        self.table.selectionModel().currentRowChanged.connect(self._speaker_changed)

    def set_analysis(self, analysis: Any, documents: dict[str, Document], colours: Colours) -> None:
        self._analysis, self._documents, self.colours = analysis, documents, colours
        self._quotes = dict(analysis.speakers()) if analysis is not None else {}
        unnamed = analysis.unnamed_sources() if analysis is not None else []
        if unnamed:  # a row of their own: how much the story rests on sources left unnamed
            self._quotes[UNNAMED_SOURCES] = unnamed
        self.speakers.set_speakers({name: len(quotes) for name, quotes in self._quotes.items()})
        self.model.set_rows([])

    def _speaker_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._analysis is None:
            return
        name = self.speakers.speaker(current.row())
        rows = []
        for quote in self._quotes.get(name, []):
            doc = self._documents.get(quote.doc)
            meta = escape(byline(doc.source, "", doc.published) if doc else quote.doc)
            if quote.unnamed:  # "unnamed senior official · Texecutions · 2022-01-28"
                meta = f"{escape(quote.speaker or '')} · {meta}"
            html = (
                f'<span style="color:{self.colours.muted};">{meta}</span><br>{escape(quote.text)}'
            )
            rows.append(Row(quote.id, quote.text, html))
        self.model.set_rows(rows)

    def _activated(self, index: QModelIndex) -> None:
        quote_id = index.data(ID_ROLE)
        if quote_id:
            self.quoteActivated.emit(quote_id)
