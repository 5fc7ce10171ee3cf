"""Item models for the window's lists and tables (Qt model/view, no hand-filled widgets).

- `LibraryModel` + `LibraryFilter`: the library table, sortable, filtered by outlet and date.
- `ResultsModel`: the hits of one search, with safe rich-text snippets in `HTML_ROLE`.
- `VariantsModel`: the other occurrences of a quote; `SpeakersModel`: speakers and their quotes.
Rows hold plain data built by the caller; `ID_ROLE` gives the document or quote id of a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.documents.model import Document
from reader.ui.present import date_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
OUTLET_ROLE = Qt.ItemDataRole.UserRole + 4
DATE_ROLE = Qt.ItemDataRole.UserRole + 5

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending rows as (first, last) runs of adjacent ones: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for row in rows:
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


def _shown(doc: Document) -> tuple[object, ...]:
    """What the library table shows of a document."""
    return doc.title, doc.path, doc.source, doc.author, doc.published


def _filtered_by(doc: Document) -> tuple[object, ...]:
    """What `LibraryFilter` reads of a document (`OUTLET_ROLE`, `DATE_ROLE`)."""
    return doc.source, doc.published


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are named by `HEADERS`."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None


class LibraryModel(HeaderedTableModel):
    """One row per document: title, outlet, author, date, number of quotes, original if a copy.

    The model sorts itself (`sort`), in Python on keys computed once per row: a sorting proxy
    would ask `data()` for two keys per comparison, which for 10,000 rows holds the GUI thread
    for seconds.
    """

    HEADERS = ("Title", "Outlet", "Author", "Date", "Quotes", "Copy of")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._documents: list[Document] = []
        self._quotes: dict[str, int] = {}
        self._rows: dict[str, int] = {}
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._copy_of: dict[str, str] = {}  # document id -> title of the document it copies

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Show these documents, kept in the current sort order, without resetting the model.

        Rows of documents gone (or whose sort key, outlet or date changed) are removed, new ones
        inserted where the order puts them, a run of adjacent rows at a time, and otherwise
        changed ones updated in place: views keep their selection and only the rows inserted
        are filtered (`LibraryFilter` does not filter again on a change in place).
        """
        incoming = {d.id: d for d in documents}
        key = self._key_of(self._order[0]) if self._order is not None else None

        def stays(doc: Document) -> bool:
            new = incoming.get(doc.id)
            if new is None or _filtered_by(new) != _filtered_by(doc):
                return False
            return key is None or key(new) == key(doc)

        self._remove_rows([i for i, d in enumerate(self._documents) if not stays(d)])
        changed = [i for i, d in enumerate(self._documents) if _shown(incoming[d.id]) != _shown(d)]
        self._documents = [incoming[d.id] for d in self._documents]
        self._rows_changed(changed, 0, len(self.HEADERS) - 1)
        kept = {d.id for d in self._documents}
        final = self._documents + [d for d in documents if d.id not in kept]
        if key is not None:
            final.sort(key=key, reverse=self._reversed())  # stable: kept rows keep their order
        self._insert_rows(final, [i for i, d in enumerate(final) if d.id not in kept])
        self._rows = {d.id: i for i, d in enumerate(self._documents)}

    def _remove_rows(self, rows: list[int]) -> None:
        for first, last in reversed(runs(rows)):
            self.beginRemoveRows(ROOT, first, last)
            del self._documents[first : last + 1]
            self.endRemoveRows()

    def _insert_rows(self, final: list[Document], rows: list[int]) -> None:
        """Insert `final[first..last]` for each run of `rows` (positions in `final`)."""
        for first, last in runs(rows):
            self.beginInsertRows(ROOT, first, last)
            self._documents[first:first] = final[first : last + 1]
            self.endInsertRows()

    def _rows_changed(self, rows: list[int], first_column: int, last_column: int) -> None:
        for first, last in runs(rows):
            self.dataChanged.emit(self.index(first, first_column), self.index(last, last_column))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; selections and other persistent indexes follow."""
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        persistent = self.persistentIndexList()
        ids = [self._documents[i.row()].id for i in persistent]
        self._documents.sort(key=self._key_of(column), reverse=self._reversed())
        self._rows = {d.id: i for i, d in enumerate(self._documents)}
        for old, doc_id in zip(persistent, ids, strict=True):
            self.changePersistentIndex(old, self.index(self._rows[doc_id], old.column()))
        self.layoutChanged.emit()

    def _key_of(self, column: int) -> Callable[[Document], Any]:
        return lambda doc: self._sort_key(doc, column)

    def _reversed(self) -> bool:
        return self._order is not None and self._order[1] == Qt.SortOrder.DescendingOrder

    def set_quote_counts(self, counts: dict[str, int]) -> None:
        """Fill the Quotes column (after quote analysis finishes); only rows whose count changed
        are drawn again (or the rows re-sorted when sorted by it)."""
        changed = [
            i for i, d in enumerate(self._documents) if counts.get(d.id) != self._quotes.get(d.id)
        ]
        self._quotes = dict(counts)
        if changed and self._order is not None and self._order[0] == 4:
            self.sort(*self._order)
        else:
            self._rows_changed(changed, 4, 4)

    def set_copy_of(self, originals: dict[str, str]) -> None:
        """Fill the Copy of column: document id -> id of the document it is a copy of; only the
        rows whose original changed are drawn (and filtered) again."""
        titles = {d.id: d.title or d.path for d in self._documents}
        copy_of = {doc: titles[o] for doc, o in originals.items() if o in titles}
        changed = [
            i for i, d in enumerate(self._documents) if copy_of.get(d.id) != self._copy_of.get(d.id)
        ]
        self._copy_of = copy_of
        self._rows_changed(changed, 5, 5)

    def document(self, row: int) -> Document:
        return self._documents[row]

    def row_of(self, doc_id: str) -> int:
        """The row of a document id, or -1."""
        return self._rows.get(doc_id, -1)

    def outlets(self) -> list[str]:
        return sorted({d.source for d in self._documents if d.source})

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._documents):
            return None
        doc = self._documents[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(doc, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(doc, column) or None
        if role == ID_ROLE:
            return doc.id
        if role == OUTLET_ROLE:
            return doc.source
        if role == DATE_ROLE:
            return doc.published.date() if doc.published else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, doc: Document, column: int) -> str:
        if column == 3:
            return date_text(doc.published)
        if column == 4:
            count = self._quotes.get(doc.id)
            return "" if count is None else str(count)
        if column == 5:
            return self._copy_of.get(doc.id, "")
        return (doc.title or doc.path, doc.source, doc.author)[column]

    def _sort_key(self, doc: Document, column: int) -> Any:
        if column == 3:
            return doc.published.timestamp() if doc.published else float("-inf")
        if column == 4:
            return self._quotes.get(doc.id, -1)
        return self._display(doc, column).casefold()


class LibraryFilter(QSortFilterProxyModel):
    """Keeps rows matching an outlet and a date range; sorting is left to the library model.

    Rows are filtered when inserted and when the filter changes, not on `dataChanged`: a dynamic
    filter calls `filterAcceptsRow` (Python, two `data()` calls) for every row a change covers,
    and filling the Quotes or Copy of column after an import covers them all (10,000 rows:
    seconds on the GUI thread), though the filter reads neither. The library model takes out
    and puts back a row whose outlet or date changed instead.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._outlet = ""
        self._since: date | None = None
        self._until: date | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model (the proxy keeps its order, filtering only)."""
        self.sourceModel().sort(column, order)

    def set_outlet(self, outlet: str) -> None:
        """Only documents from this outlet ("" for all)."""
        self._refilter(lambda: setattr(self, "_outlet", outlet))

    def set_date_range(self, since: date | None, until: date | None) -> None:
        """Only documents published within [since, until] (undated ones only when unbounded)."""
        self._refilter(lambda: self._set_range(since, until))

    def _set_range(self, since: date | None, until: date | None) -> None:
        self._since, self._until = since, until

    def _refilter(self, change: Callable[[], object]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._outlet and self._since is None and self._until is None:
            return True  # no filter: asks the model nothing (10,000 rows inserted at once)
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._outlet and model.data(index, OUTLET_ROLE) != self._outlet:
            return False
        when = model.data(index, DATE_ROLE)
        if self._since is not None and (when is None or when < self._since):
            return False
        return self._until is None or (when is not None and when <= self._until)


@dataclass(slots=True, frozen=True)
class Row:
    """One row of a list: an id, a plain label (for tests and accessibility) and rich text."""

    id: str
    label: str
    html: str
    tooltip: str = ""


class RowsModel(QAbstractListModel):
    """A list of `Row`s: search hits, variants, a speaker's quotes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:  # type: ignore[override]
        return self._rows[index]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.label
        if role == HTML_ROLE:
            return row.html
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or None
        return None


class SpeakersModel(HeaderedTableModel):
    """Every speaker and how many quotes they have, most quoted first."""

    HEADERS = ("Speaker", "Quotes")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []

    def set_speakers(self, counts: dict[str, int]) -> None:
        self.beginResetModel()
        self._rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        self.endResetModel()

    def speaker(self, row: int) -> str:
        return self._rows[row][0]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        name, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == 0 else str(count)
        if role == ID_ROLE:
            return name
        return None
