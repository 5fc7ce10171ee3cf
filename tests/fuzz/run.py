"""Run every fuzz target for a while with a corpus seeded from the seeds (`make fuzz`).

Usage: run.py [SECONDS_PER_TARGET]  (default 120). Corpora and crashes go to tests/fuzz/work/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


QUERIES = [
    'nato "main issue" -ukraine',
    "title:(russia OR nato) after:2022-01-27",
    'speaker:lavrov in:quotes secur* date:"jan 28 2022"',
    "(peskov OR lavrov) NOT date:2022-01-27..2022-01-29",
]


LINKER_SEEDS = [
    "\x01We will not go back on sanctions.\0\x01We will not go back on the sanctions.",
    "\x02I'm not going to sign that damn bill\0\x02I'm not going to sign\0\x00the of and",
    "\x00f***ing [...] 100 per cent\0\x00f—ing … 100%\0\x01one",
]


def seed_corpus(folder: Path, target: str) -> None:
    """Start from the bundled articles (as .txt and as HTML) or from sample queries."""
    folder.mkdir(parents=True, exist_ok=True)
    if target == "fuzz_query":
        for number, query in enumerate(QUERIES):
            (folder / f"query{number}").write_text(query)
        return
    if target == "fuzz_linker":
        for number, quotes in enumerate(LINKER_SEEDS):
            (folder / f"quotes{number}").write_bytes(quotes.encode())
        return
    for number, seed in enumerate(sorted((ROOT / "seeds").glob("*.txt"))):
        text = seed.read_bytes()
        (folder / f"seed{number}-txt").write_bytes(b"\x00" + text)
        html = b"<html><body><article><p>" + text.replace(b"\n\n", b"</p><p>") + b"</p>"
        (folder / f"seed{number}-html").write_bytes(b"\x02" + html)


def main(seconds: int) -> int:
    failed = []
    for target in sorted(HERE.glob("fuzz_*.py")):
        work = HERE / "work" / target.stem
        corpus = work / "corpus"
        if not corpus.exists():
            seed_corpus(corpus, target.stem)
        (work / "crashes").mkdir(parents=True, exist_ok=True)
        print(f"== {target.stem}: {seconds} s", flush=True)
        result = subprocess.run(
            [
                sys.executable,
                str(target),
                str(corpus),
                f"-max_total_time={seconds}",
                f"-artifact_prefix={work / 'crashes'}/",
                "-rss_limit_mb=4096",
            ],
            cwd=ROOT,
        )
        if result.returncode:
            failed.append(target.stem)
    print("failed: " + ", ".join(failed) if failed else "no failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 120))
