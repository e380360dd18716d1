"""Throughput of the claimwatch pipeline against a bare spaCy parse of the same texts.

Usage: python bench/throughput.py [--docs 500] [--shared ../shared]

Both runs process the same documents one by one in this process (the model is loaded
first, outside the timings). Prints per-stage time shares and, last, the line
``docs_per_s=… words_per_s=… spacy_words_per_s=… ratio=…``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from claimwatch.ingest import read_text
from claimwatch.nlp import load_nlp
from claimwatch.pipeline import Analysis, run_stages


def corpus(shared: Path, n: int) -> list[tuple[str, dt.date]]:
    """Varied news texts from the shared benchmark data (MUC-4 train, then WikiEvents)."""
    texts: list[tuple[str, dt.date]] = []
    for line in (shared / "data/muc4/gtt_train.jsonl").read_text().splitlines():
        doc = json.loads(line)
        texts.append((doc["doctext"], dt.date(1990, 1, 15)))
    wiki = shared / "data/wikievents/dev.jsonl"
    for line in wiki.read_text().splitlines():
        texts.append((json.loads(line)["text"], dt.date(2020, 1, 1)))
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--shared", type=Path,
                        default=Path(__file__).resolve().parents[1].parent / "shared")
    args = parser.parse_args()
    texts = corpus(args.shared, args.docs)
    words = sum(len(t.split()) for t, _ in texts)
    nlp = load_nlp()
    docs = [read_text(t, d) for t, d in texts]
    run_stages(Analysis(docs[0]))  # warm every lazy table before timing

    began = time.perf_counter()
    for d in docs:
        nlp(d.text)
    spacy_s = time.perf_counter() - began

    stage_s: dict[str, float] = {}
    began = time.perf_counter()
    for d in docs:
        a = run_stages(Analysis(d))
        for k, v in a.seconds.items():
            stage_s[k] = stage_s.get(k, 0.0) + v
    pipe_s = time.perf_counter() - began

    print(f"documents={len(docs)} words={words}")
    print(f"bare spaCy: {spacy_s:.2f}s   pipeline: {pipe_s:.2f}s")
    for k, v in stage_s.items():
        print(f"  stage {k:8s} {v:7.2f}s  {100 * v / pipe_s:5.1f}% of pipeline")
    resolve_share = sum(stage_s.get(k, 0) for k in ("time", "places", "resolve")) / pipe_s
    print(f"resolution (time+places+resolve stages) = {100 * resolve_share:.1f}% of pipeline time")
    print(f"docs_per_s={len(docs) / pipe_s:.2f} words_per_s={words / pipe_s:.0f} "
          f"spacy_words_per_s={words / spacy_s:.0f} ratio={spacy_s / pipe_s:.3f}")


if __name__ == "__main__":
    main()
