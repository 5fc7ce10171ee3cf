"""Annotations: the SQLite store, W3C anchoring, and W3C Web Annotation JSON-LD import/export.

store = AnnotationStore(library.annotations_path)
note = store.add(doc, start, end, note="…", tags=["budget"], colour="yellow")
store.undo(); store.redo()
store.reanchor(doc)                # after the document's text changed
write_jsonld(store.list(), path);  read_jsonld(path) -> ImportResult   # the app's own format
importing.import_file(store, library, path) -> ImportReport  # any W3C producer or Hypothesis
unattached.listed(store); importing.attach(store, unattached_id, doc, span=None)  # by hand
unattached.discard(store, unattached_id); unattached.restore(store, unattached_id)
hypothesis.write_hypothesis(store.list(), library.documents(), path)
"""

from reader.annotations.anchoring import Anchor, Selector, anchor, make_selector
from reader.annotations.jsonld import (
    ImportResult,
    from_jsonld,
    read_jsonld,
    to_jsonld,
    write_jsonld,
)
from reader.annotations.model import COLOURS, Annotation, new_annotation
from reader.annotations.store import AnnotationStore, ReanchorReport

__all__ = [
    "COLOURS",
    "Anchor",
    "Annotation",
    "AnnotationStore",
    "ImportResult",
    "ReanchorReport",
    "Selector",
    "anchor",
    "from_jsonld",
    "make_selector",
    "new_annotation",
    "read_jsonld",
    "to_jsonld",
    "write_jsonld",
]
