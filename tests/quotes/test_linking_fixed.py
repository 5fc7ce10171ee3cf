"""The links and groups of a generated corpus stay exactly what they were.

The digest was recorded before the linker's memory was reduced (issue 16); a change meant to keep
the answers (how candidates, postings or prepared quotes are held) must keep it; one meant to change
them (a speaker rule) records the new digest and says in its commit what changed. Documents are
named by file, not by folder: ties between equal scores fall to ids, and ids made of the temporary
folder's path would make the digest vary from run to run."""

import dataclasses
import hashlib
import json
from pathlib import Path

from reader.documents.loading import document_id, load_paths
from reader.quotes import analyse
from tests.benchmarks.corpus import write_corpus

DIGEST = "a6114de2fbe027c5b3d18ce5581196cabf8ed84ce860e71ccef7bb9e5bf26a61"


def _fingerprint(analysis) -> str:
    """A digest of every link, group and speaker, quotes named by file (ids follow the path)."""
    files = {d.id: Path(d.path).name for d in analysis.documents}

    def name(quote_id: str | None) -> str | None:
        return None if quote_id is None else files[quote_id.split(":")[0]] + quote_id[12:]

    links = sorted((*sorted((name(k.a), name(k.b))), k.score, str(k.kind)) for k in analysis.links)
    groups = sorted(
        (sorted(name(q) for q in g.quotes), name(g.earliest), g.common_text)
        for g in analysis.groups
    )
    speakers = sorted((name(q.id), q.speaker, q.role, q.attribution) for q in analysis.quotes)
    text = json.dumps([links, groups, speakers], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_links_and_groups_of_a_generated_corpus_are_unchanged(tmp_path):
    folder = write_corpus(tmp_path / "corpus", 600, seed=11, words=400)
    documents, errors = load_paths([folder])
    named = [dataclasses.replace(d, id=document_id(Path(d.path).name)) for d in documents]
    analysis = analyse(sorted(named, key=lambda d: d.path))
    assert not errors and len(analysis.links) > 500 and len(analysis.groups) > 50
    assert _fingerprint(analysis) == DIGEST
