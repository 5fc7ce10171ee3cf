"""The project's segment writer writes what Whoosh's own writer writes.

Every file but the postings (and the term index, which points into them) byte for byte; the
postings in smaller blocks that Whoosh reads back as the same postings, block by block.
"""

import hashlib
from pathlib import Path
from typing import ClassVar

import pytest
from whoosh import index as whoosh_index
from whoosh import writing
from whoosh.qparser import QueryParser
from whoosh.writing import SegmentWriter

from reader.documents.loading import load_paths
from reader.search import schema as fields
from reader.search.preparing import prepare
from reader.search.segments import Writer
from tests.search.conftest import make_doc
from tests.search.test_parallel import corpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BODIES = ["The harbour opened.", "A zebra crossed the harbour.", "An otter swam by the harbour."]


def segment_files(folder):
    """Each file of the folder's segments by its kind (extension), as a hash of its bytes.

    The postings and term index files stand for what Whoosh reads back from them.
    """
    found = {}
    for path in folder.iterdir():
        if path.name.startswith("MAIN_") and path.name != "MAIN_WRITELOCK":
            kind = path.name.split(".", 1)[1]
            if kind not in ("pst", "trm"):
                found.setdefault(kind, []).append(hashlib.sha1(path.read_bytes()).hexdigest())
    found["postings"] = postings_read_back(folder)
    return {kind: sorted(hashes) for kind, hashes in found.items()}


def postings_read_back(folder):
    """Per segment: every term's statistics and its postings, block by block, as Whoosh reads them."""
    index = whoosh_index.open_dir(str(folder), "MAIN")
    segments = []
    with index.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            terms = []
            for fieldname, term in leaf.all_terms():
                info = leaf.term_info(fieldname, term)
                stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length())
                stats += (info.max_weight(), info.min_id(), info.max_id())
                found = []
                matcher = leaf.postings(fieldname, term)
                while matcher.is_active():
                    block = (matcher.block_max_weight(), matcher.block_min_length())
                    block += (matcher.block_max_length(), matcher.block_max_id())
                    found.append((matcher.id(), matcher.weight(), matcher.value(), block))
                    matcher.next()
                terms.append((fieldname, term, stats, found))
            segments.append(repr(terms))
    index.close()
    return segments


def postings_bytes(folder):
    return sum(path.stat().st_size for path in folder.glob("MAIN_*.pst"))


def build(folder, writer_class, batches, merge=None, delete=()):
    """An index of `batches` of documents, one commit (one segment) per batch."""
    folder.mkdir()
    index = whoosh_index.create_in(str(folder), fields.build_schema(), "MAIN")
    for batch in batches:
        writer = writer_class(index, compound=False)
        for n, document in enumerate(batch):
            ranges = [(0, 3, f"Speaker {n % 3}")] if n % 2 else []
            values = prepare(writer.schema, document, ranges, f"print-{document.id}")
            assert not isinstance(values, str), values
            writer.add_document(**values)
        writer.commit(mergetype=writing.NO_MERGE)
    if merge:
        writer = writer_class(index, compound=False)
        for doc_id in delete:
            writer.delete_by_term(fields.ID_FIELD, doc_id)
        writer.commit(mergetype=merge)
    return segment_files(folder)


def test_documents_are_written_as_whoosh_writes_them(tmp_path):
    seeds, _ = load_paths([SEEDS])
    documents = seeds + corpus(300)  # common words span several 128-posting blocks
    ours = build(tmp_path / "ours", Writer, [documents])
    whoosh = build(tmp_path / "whoosh", SegmentWriter, [documents])
    assert ours == whoosh
    assert {"postings", "_stored.col", "_body_len.col"} <= set(ours)
    assert len(ours["postings"][0]) > 10_000  # the terms were read back
    assert postings_bytes(tmp_path / "ours") < 0.8 * postings_bytes(tmp_path / "whoosh")


class Spilling(Writer):
    """Our writer with a postings budget of 64 KB, noting the run files each segment had."""

    runs: ClassVar[list[int]] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pool.budget = 64 * 1024

    def _flush_segment(self):
        Spilling.runs.append(len(self.pool.runs))
        super()._flush_segment()


def test_postings_past_the_budget_go_through_run_files_and_write_the_same_segments(tmp_path):
    documents = load_paths([SEEDS])[0] + corpus(300)
    batches = [documents[:250], documents[250:]]
    Spilling.runs = []
    for name, writer, merge in [("one", Spilling, None), ("merged", Spilling, writing.OPTIMIZE)]:
        ours = build(tmp_path / name, writer, [documents] if merge is None else batches, merge)
        whoosh = build(
            tmp_path / f"whoosh-{name}",
            SegmentWriter,
            [documents] if merge is None else batches,
            merge,
        )
        assert ours == whoosh
        assert not list((tmp_path / name).glob("MAIN.tmp/*"))
    assert len(Spilling.runs) == 4 and min(Spilling.runs) >= 1 and max(Spilling.runs) >= 3


def test_segments_are_merged_as_whoosh_merges_them(tmp_path):
    documents = corpus(200)
    batches = [documents[:90], documents[90:170], documents[170:]]
    gone = [documents[5].id, documents[100].id]
    ours = build(tmp_path / "ours", Writer, batches, writing.OPTIMIZE, gone)
    whoosh = build(tmp_path / "whoosh", SegmentWriter, batches, writing.OPTIMIZE, gone)
    assert ours == whoosh
    assert len(ours["postings"]) == 1  # one merged segment


def test_a_document_that_fails_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "ix"
    folder.mkdir()
    index = whoosh_index.create_in(str(folder), fields.build_schema(), "MAIN")
    writer = Writer(index, compound=False)
    good, bad, last = (make_doc(f"d{n}", body) for n, body in enumerate(BODIES))
    writer.add_document(**prepare(writer.schema, good, [], "p0"))
    broken = dict(prepare(writer.schema, bad, [], "p1"), date_order="not a number")
    with pytest.raises(ValueError):
        writer.add_document(**broken)
    writer.add_document(**prepare(writer.schema, last, [], "p2"))
    writer.commit()
    with index.searcher() as searcher:
        assert searcher.doc_count() == 2
        assert b"zebra" not in set(searcher.lexicon(fields.BODY))
        found = searcher.search(QueryParser(fields.BODY, searcher.schema).parse("otter"))
        assert [hit[fields.ID_FIELD] for hit in found] == ["d2"]
