"""How many partitions the job takes when the caller gives no count."""

from __future__ import annotations

from reader.scale.job import BYTES_PER_PARTITION, partition_count


def test_partitions_grow_with_the_input_and_never_fall_below_the_parallelism():
    assert partition_count(0, 4) == partition_count(10_000, 4) == 4
    for size in (300 << 20, 5 * (300 << 20), 1 << 40):
        count = partition_count(size, 4)
        assert BYTES_PER_PARTITION / 2 < size / count <= BYTES_PER_PARTITION
    assert partition_count(5 * (300 << 20), 4) > 4 * partition_count(300 << 20, 4)
