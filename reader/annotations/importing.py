"""Importing annotations from any producer onto the library's documents, and attaching by hand.

`import_file` reads a file in any known format (`formats.read_file`), finds each annotation's
document from its target source (the app's URN, the page's URL, a `file://` URI or a path, or, with
no source, the one document holding the exact quote) and its text, and stores the result. An
annotation whose document is found but whose text is not is kept as orphaned, as the store keeps
annotations whose document changed; one that matches no document goes to the unattached list with
the reason. Ids come from the file or from the content, so importing a file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qsl, unquote, urlencode, urlparse

from reader.annotations import unattached
from reader.annotations.anchoring import Selector, make_selector
from reader.annotations.formats import read_file
from reader.annotations.incoming import Incoming
from reader.annotations.jsonld import DOC_URN
from reader.annotations.model import Annotation
from reader.annotations.store import AnnotationStore
from reader.annotations.unattached import Unattached
from reader.documents.model import Document
from reader.errors import StoreError


class Documents(Protocol):
    """What importing needs of the library (`reader.library.Library` has both)."""

    def documents(self) -> list[Document]: ...

    def find(self, reference: str) -> Document | None: ...


@dataclass(slots=True)
class ImportReport:
    """What one import did, entry by entry; nothing read is left out."""

    format: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    orphaned: list[str] = field(default_factory=list)  # placed on a document, text not found
    unattached: list[Unattached] = field(default_factory=list)  # every entry no document took
    newly_unattached: int = 0  # of those, how many were not on the list already
    discarded: int = 0  # entries no document took that were discarded by hand earlier
    errors: list[str] = field(default_factory=list)  # malformed entries, with their position

    @property
    def imported(self) -> int:
        """Annotations now on documents (new, replaced or already there)."""
        return self.added + self.replaced + self.unchanged

    def summary(self) -> str:
        """One line: what was imported, rejected and left unattached."""
        orphaned = f", {len(self.orphaned)} orphaned" if self.orphaned else ""
        return (
            f"imported {self.imported} annotations from a {self.format} file "
            f"({self.added} new, {self.replaced} replaced, {self.unchanged} unchanged{orphaned}, "
            f"{len(self.errors)} rejected); {len(self.unattached)} unattached "
            f"({self.newly_unattached} new)"
            + (f", {self.discarded} discarded" * bool(self.discarded))
        )


def import_file(store: AnnotationStore, library: Documents, path: Path) -> ImportReport:
    """Import every annotation of `path` (any known format) onto the library's documents."""
    kind, items, errors = read_file(Path(path))
    report = ImportReport(format=kind, errors=errors)
    documents = library.documents()
    placed: list[Annotation] = []
    loose: list[Unattached] = []
    for item in items:
        doc, reason = find_document(item, library, documents)
        made = None if doc is None else _annotation(item, doc)
        if made is None:
            if doc is not None:
                reason = f"its text is not in {doc.title or doc.id} (document {doc.id})"
            loose.append(Unattached(item.key, reason, item))
            continue
        placed.append(made)
        if made.orphaned:
            report.orphaned.append(made.id)
    changed = [a for a in placed if store.find(a.id) != a]
    report.added, report.replaced = store.put_many(changed) if changed else (0, 0)
    report.unchanged = len(placed) - len(changed)
    unattached.forget(store, [a.id for a in placed])
    _list_unplaced(store, report, loose)
    return report


def _list_unplaced(store: AnnotationStore, report: ImportReport, loose: list[Unattached]) -> None:
    """Put what no document took on the unattached list, but for those attached or discarded
    by hand since an earlier import (counted as unchanged, and as discarded)."""
    gone = {u.id for u in unattached.discarded(store)}
    attached = {u.id for u in loose if u.id not in gone and store.find(u.id) is not None}
    report.unchanged += len(attached)
    report.unattached = [u for u in loose if u.id not in gone | attached]
    report.discarded = len(loose) - len(attached) - len(report.unattached)
    report.newly_unattached = len(unattached.keep(store, report.unattached))


def attach(
    store: AnnotationStore, reference: str, doc: Document, span: tuple[int, int] | None = None
) -> Annotation:
    """Place an unattached annotation on `doc`: at `span` (body offsets), else at its own quote.

    The command line and the window both attach through here; the annotation goes on the store's
    undo history, and undoing it lists the entry again.
    """
    item = unattached.get(store, reference).item
    made: Annotation | None
    if span is not None:
        start, end = span
        if not 0 <= start < end <= len(doc.body):
            raise StoreError(f"no text at {start}..{end} in {doc.id} to attach it to")
        made = _build(item, doc, make_selector(doc.body, start, end))
    else:
        made = _annotation(item, doc)
    if made is None or made.orphaned:
        raise StoreError(f"its text is not in {doc.id}; choose the passage to attach it to")
    store.put_many([made])
    return made


def find_document(
    item: Incoming, library: Documents, documents: list[Document]
) -> tuple[Document | None, str]:
    """The document an annotation's target names, or None and the reason."""
    if item.unplaceable:
        return None, item.unplaceable
    addresses = [a for a in (item.source, item.via) if a]
    for address in addresses:
        doc = _by_address(address, library, documents, item)
        if doc is not None:
            return doc, ""
    if any(_is_web(a) for a in addresses):
        return None, f"no library document has the URL {next(filter(_is_web, addresses))}"
    found, reason = _by_quote(item, documents)
    if found is None and addresses:
        reason = f"no library document is {addresses[0]}, and {reason}"
    return found, reason


def _is_web(address: str) -> bool:
    return address.startswith(("http://", "https://"))


def url_key(url: str) -> str:
    """A URL as compared: http = https, no `www.`, no fragment, no trailing `/`, no utm_ tags."""
    parts = urlparse(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = urlencode([(k, v) for k, v in query if not k.lower().startswith("utm_")])
    return f"{host}{parts.path.rstrip('/')}" + (f"?{kept}" if kept else "")


def _by_address(
    address: str, library: Documents, documents: list[Document], item: Incoming
) -> Document | None:
    if address.startswith(DOC_URN):
        wanted = address.removeprefix(DOC_URN)
        return next((d for d in documents if d.id == wanted), None)
    if _is_web(address):
        key = url_key(address)
        same = [d for d in documents if d.url and url_key(d.url) == key]
        return next((d for d in same if item.place(d.body) is not None), same[0] if same else None)
    if address.startswith("file://"):
        return library.find(unquote(urlparse(address).path))
    if "://" in address or address.startswith("urn:"):
        return None
    return library.find(address)


def _by_quote(item: Incoming, documents: list[Document]) -> tuple[Document | None, str]:
    """The one document holding the exact quote (with its context, when several hold the quote)."""
    span = item.span
    if span is None or not span.exact:
        return None, "it names no document and quotes no text to look for"
    holding = [d for d in documents if span.exact in d.body]
    in_context = [d for d in holding if span.prefix + span.exact + span.suffix in d.body]
    if len(holding) > 1 and (span.prefix or span.suffix) and len(in_context) == 1:
        holding = in_context
    if len(holding) != 1:
        where = "no library document" if not holding else f"{len(holding)} library documents"
        return None, f"its quote is in {where}"
    doc = holding[0]
    count = doc.body.count(span.exact)
    if count > 1 and not (span.prefix or span.suffix):
        return None, f"its quote occurs {count} times in {doc.id}, with no context to choose"
    return doc, ""


def _annotation(item: Incoming, doc: Document) -> Annotation | None:
    """The annotation on `doc`: placed, else orphaned on it if its quote is known, else None."""
    where = item.place(doc.body)
    if where is not None:
        return _build(item, doc, make_selector(doc.body, *where))
    span = item.span
    if span is None or not span.exact:
        return None
    start = span.start or 0
    quote = Selector(span.exact, span.prefix, span.suffix, start, start + len(span.exact))
    return _build(item, doc, quote, orphaned=True)


def _build(item: Incoming, doc: Document, selector: Selector, orphaned: bool = False) -> Annotation:
    # the source is where it was annotated when the file says so, else this document
    return item.annotation(doc.id, selector, item.via or doc.url or doc.path, orphaned)
