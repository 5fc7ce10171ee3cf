"""Connected components of a graph held as an RDD of edges, by min-label propagation.

Each node starts labelled with itself and takes the smallest label among its neighbours, round
after round, until no label changes (as many rounds as the widest component's diameter; variant
groups are small-world, so a few). The adjacency stays partitioned and cached, labels keep its
partitioner, so a round shuffles only the messages; lineage is cut every few rounds.
"""

from __future__ import annotations

from typing import Any

from reader.scale.session import keep

CHECKPOINT_EVERY = 4  # rounds between lineage cuts


def components(edges: Any, partitions: int) -> Any:
    """RDD of (node, label): every node of `edges` (pairs of ints) with the smallest node of its
    component as label."""
    adjacency = keep(
        edges.flatMap(lambda edge: [(edge[0], edge[1]), (edge[1], edge[0])])
        .groupByKey(partitions)
        .mapValues(frozenset)
    )
    labels = adjacency.map(lambda item: (item[0], min(item[1] | {item[0]})), True)
    for round_ in range(1, 10**6):
        proposals = adjacency.join(labels).flatMap(_tell_neighbours).reduceByKey(min, partitions)
        updated = keep(labels.join(proposals).mapValues(min))
        if round_ % CHECKPOINT_EVERY == 0:
            updated.localCheckpoint()
        changed = updated.join(labels).filter(lambda item: item[1][0] != item[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            break
    adjacency.unpersist()
    return labels


def _tell_neighbours(item: tuple[int, tuple[frozenset[int], int]]) -> list[tuple[int, int]]:
    _node, (neighbours, label) = item
    return [(other, label) for other in neighbours]
