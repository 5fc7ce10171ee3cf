"""The quote engine as one Spark job: the stages of `reader.quotes.analyse`, distributed.

Per document (mapPartitions): extraction and attribution. Across the corpus: canonical names
(`names`), the quotes made comparable per document, word and root IDF (a keyed count), variant
links (`variants`), then the connected components of the links, inside each of which the
desktop code settles speakers and builds groups. Output: Parquet tables `documents`, `quotes`,
`links`, `groups` and `summary.json` in the output folder (see `reader.scale.output`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.documents.model import Document
from reader.quotes import _quotes_of
from reader.quotes.candidates import joined_halves, prepare
from reader.quotes.groups import build_groups, settle_speakers
from reader.quotes.model import Link, Quote
from reader.scale import tables
from reader.scale.components import components
from reader.scale.inputs import Item, read_input
from reader.scale.names import apply_names, canonical_map
from reader.scale.session import keep, start
from reader.scale.statistics import keyed_statistics, postings_of, records_of, weights_of
from reader.scale.variants import Corpus, Weights, link_all

log = logging.getLogger(__name__)

QUOTE_SLOTS = 1 << 20  # positions: document seq * QUOTE_SLOTS + the quote's place in it
SUMMARY = "summary.json"
BYTES_PER_PARTITION = 16 << 20  # input bytes per partition (~2,800 generated articles)


class ShingleIds(dict[Any, Any]):
    """Word and shingle ids that need no shared table: a word is its own id, a shingle's is the
    pair's own bytes read as one integer, so the same word or pair has the same id in every
    partition (the desktop numbers them as it meets them; only equality of ids matters)."""

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if isinstance(key, str):
            return key
        return int.from_bytes(b"\x01" + "\x00".join(key).encode("utf-8", "surrogatepass"), "big")


def run(
    source: Path,
    out: Path,
    master: str = "local[*]",
    session: Any = None,
    partitions: int | None = None,
) -> dict[str, Any]:
    """Analyse the quotes of `source` on `master` and write the tables to `out`; the summary.

    `partitions` defaults to `partition_count` of the input's size and the session's default
    parallelism (twice the cores)."""
    started = time.perf_counter()
    session = session or start(master)
    context = session.sparkContext
    partitions = partitions or partition_count(input_bytes(source), context.defaultParallelism)
    named = _named_quotes(read_input(session, source, partitions), partitions, context)
    rows = _links(named, partitions, context)
    settled, groups = _settle_and_group(named, rows, partitions)
    final = (
        named.flatMap(_positioned)
        .leftOuterJoin(settled, partitions)
        .mapValues(lambda value: value[1] or value[0])
    )
    documents = named.filter(lambda item: item[1] is not None)
    counts = tables.write(session, out, documents, final, rows.map(lambda row: row[2]), groups)
    summary = {
        "input": str(source),
        "master": context.master,
        "partitions": partitions,
        **counts,
        "problems": named.filter(lambda item: item[3]).map(lambda item: item[3]).collect(),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / SUMMARY).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def _named_quotes(items: Any, partitions: int, context: Any) -> Any:
    """(seq, document row, quotes, problem) per input item, the speakers' names canonical.

    Only the extracted items are kept (the text is in their rows): the names are applied
    again at each use, which costs less than a second copy of the corpus in the executors."""
    extracted = keep(items.mapPartitions(_extract))
    names = context.broadcast(canonical_map(extracted.flatMap(_positioned), partitions))
    return extracted.map(lambda item: _named(item, names))


def _links(named: Any, partitions: int, context: Any) -> Any:
    """The link rows of the quotes (see `variants.link_all`)."""
    prepared = keep(named.flatMap(_prepare_document))
    wholes = prepared.filter(lambda item: item[0] == "quote").map(lambda item: item[1])
    joined = prepared.filter(lambda item: item[0] == "joined").map(lambda item: item[1])
    stats = keyed_statistics(wholes, partitions)
    count, idf, root_idf = weights_of(stats)
    weights = Weights(context.broadcast(idf), context.broadcast(root_idf))
    corpus = Corpus(keep(records_of(wholes, stats, partitions)), weights, count, partitions)
    return link_all(corpus, wholes, joined, postings_of(stats, weights.idf))


def partition_count(size: int, parallelism: int) -> int:
    """Partitions for `size` bytes of input: one per BYTES_PER_PARTITION, so that a task's
    share stays the same as the corpus grows, and at least `parallelism`."""
    return max(parallelism, -(-size // BYTES_PER_PARTITION))


def input_bytes(source: Path) -> int:
    """The size of the input: a file's, or the files' under a folder."""
    if source.is_file():
        return source.stat().st_size
    return sum(path.stat().st_size for path in source.rglob("*") if path.is_file())


def _extract(items: Iterable[Item]) -> Iterator[Any]:
    """(seq, document row, quotes, problem) per item, as `analyse` extracts them; an item not
    read has no row and no quotes; a problem is [where, reason]."""
    for seq, document, where, reason in items:
        if document is None:
            yield seq, None, [], [where, reason]
            continue
        row = tables.document_row(seq, document)
        try:
            found = _quotes_of(document)
        except Exception as error:  # one odd document never stops the job
            log.error("quote analysis of %s failed", document.path, exc_info=error)
            yield seq, row, [], [document.id, f"quotes not analysed ({type(error).__name__})"]
            continue
        yield seq, row, found, []


def _positioned(item: Any) -> list[tuple[int, Quote]]:
    seq, _, found, _ = item
    return [(seq * QUOTE_SLOTS + n, quote) for n, quote in enumerate(found)]


def _named(item: Any, names: Any) -> Any:
    for quote in item[2]:
        apply_names(quote, names.value)
    return item


def _prepare_document(item: Any) -> Iterator[Any]:
    """("quote", (position, Prepared)) per quote, ("joined", (key, (Prepared, halves))) per
    split quote joined (keyed by its first half's position)."""
    seq, _, found, _ = item
    table = ShingleIds()
    prepared = [prepare(quote, table) for quote in found]
    base = seq * QUOTE_SLOTS
    for n, each in enumerate(prepared):
        yield "quote", (base + n, each)
    for whole in joined_halves(prepared, table):
        assert whole.halves is not None
        first, second = whole.halves
        whole.halves = (base + first, base + second)
        yield "joined", (base + first, (whole, (prepared[first], prepared[second])))


def _settle_and_group(named: Any, rows: Any, partitions: int) -> tuple[Any, Any]:
    """Quotes whose speaker a linked variant settled, (position, Quote); and the groups,
    (position of the first quote, VariantGroup) numbered as `build_groups` numbers them."""
    labels = components(rows.map(lambda row: (row[0], row[1])), partitions)
    quotes = named.flatMap(
        lambda item: [(p, (q, item[1]["published"])) for p, q in _positioned(item)]
    )
    members = labels.join(quotes, partitions).map(
        lambda item: (item[1][0], ("quote", item[0], item[1][1]))
    )
    links = (
        rows.map(lambda row: (row[0], row[2]))
        .join(labels, partitions)
        .map(lambda item: (item[1][1], ("link", item[1][0])))
    )
    done = keep(members.union(links).groupByKey(partitions).flatMap(_one_component))
    settled = done.filter(lambda item: item[0] == "quote").map(lambda item: item[1])
    groups = done.filter(lambda item: item[0] == "group").map(lambda item: item[1])
    return settled, groups.sortByKey(numPartitions=partitions)


def _one_component(component: tuple[int, Iterable[Any]]) -> Iterator[Any]:
    quotes: list[tuple[int, Quote, str | None]] = []
    links: list[Link] = []
    for value in component[1]:
        if value[0] == "quote":
            quotes.append((value[1], *value[2]))
        else:
            links.append(value[1])
    quotes.sort(key=lambda item: item[0])
    links.sort(key=lambda link: (link.a, link.b))
    found = [quote for _, quote, _ in quotes]
    settle_speakers(found, links)
    published = {quote.doc: when for _, quote, when in quotes}
    documents = [
        Document(id=doc, path="", published=datetime.fromisoformat(when) if when else None)
        for doc, when in published.items()
    ]
    position = {quote.id: p for p, quote, _ in quotes}
    for p, quote, _ in quotes:
        yield "quote", (p, quote)
    for group in build_groups(found, links, documents):
        yield "group", (position[group.quotes[0]], group)
