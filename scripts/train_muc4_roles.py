"""Train the MUC-4 role-filler tagger (a small spaCy NER) on the MUC-4 *train* documents.

Data: ../shared/data/muc4/grit_train.jsonl (1300 documents, 600 without any filler, kept as
negatives). Tagged spans come from ``claimwatch.evaluate.muc4_roles.training_spans`` (every
occurrence of every gold mention string). A seeded tenth of the documents is held out for
early stopping and for the CEAF-REE figure printed at the end; the dev split is never read.
The model is a fresh spaCy NER with its own small tok2vec (width 64, 4 layers, a window of
two words: features reach 8 words either side; CPU, seeded), trained on the truecased text
(``claimwatch.nlp.truecase``; ``--lowercase`` keeps the lower-case text as given). On the
held-out tenth, 8 epochs of a one-word window gave CEAF-REE 34.68 lower case and 35.40
truecased; 12 epochs with the two-word window, truecased, 36.42.

It then trains the document relevance gate (``claimwatch.evaluate.muc4_gate``): a logistic
regression on the bag of words of the same training documents (relevant = at least one
gold filler), whose threshold is the one that gives the tagger's gated fillers the best
CEAF-REE F1 on the held-out tenth. ``--gate-only`` trains just the gate, with the tagger
already in ``--out``.

Usage: python scripts/train_muc4_roles.py [--shared PATH] [--out PATH] [--lowercase]
           [--max-epochs N] [--negative-share F] [--first-occurrence-only] [--gate-only]
The trained folder goes to ``src/claimwatch/data/muc4_roles`` and the gate to
``src/claimwatch/data/muc4_gate.json`` (both shipped with the package).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from claimwatch.evaluate import muc4_metrics as metrics
from claimwatch.evaluate.muc4 import read_jsonl
from claimwatch.evaluate.muc4_gate import Gate, words
from claimwatch.evaluate.muc4_roles import (
    ROLES,
    RoleSpan,
    as_role_fillers,
    entities_from_spans,
    predict_spans,
    tagger_text,
    training_spans,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = 0
HOLDOUT_SHARE = 0.1

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["ner"]
batch_size = 32

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null
scorer = {"@scorers":"spacy.ner_scorer.v1"}

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2000,500]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 4
window_size = 2
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.2
accumulate_gradient = 1
patience = 800
max_epochs = 12
max_steps = 0
eval_frequency = 100
frozen_components = []
annotating_components = []
train_corpus = "corpora.train"
dev_corpus = "corpora.dev"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 1000
stop = 3000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001
L2 = 0.01
grad_clip = 1.0
use_averages = true

[training.score_weights]
ents_f = 1.0

[initialize]
"""


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, held-out) with a seeded shuffle of the docids."""
    docids = sorted(str(r["docid"]) for r in records)
    held = set(random.Random(SEED).sample(docids, round(len(docids) * HOLDOUT_SHARE)))
    return ([r for r in records if r["docid"] not in held],
            [r for r in records if r["docid"] in held])


SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")


def sentence_pieces(text: str, spans: list[RoleSpan]) -> list[tuple[int, int]]:
    """The text cut after each sentence end that no span crosses."""
    cuts = [0]
    for m in SENTENCE_GAP.finditer(text):
        if all(not (s.start < m.end() and m.start() < s.end) for s in spans):
            cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def write_docbin(records: list[dict[str, Any]], path: Path, truecased: bool,
                 every_occurrence: bool, negative_share: float = 1.0) -> int:
    """The records as a spaCy DocBin with their role spans as entities.

    The tagger's features reach a few words either side, so a document is fed sentence by
    sentence, and only ``negative_share`` of the sentences without a filler (seeded) are
    kept: a sentence is the unit of context, and training time goes down threefold."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docbin = DocBin()
    rng = random.Random(SEED)
    kept = 0
    for rec in records:
        text = str(rec["doctext"])
        spans = training_spans(text, rec["extracts"], every_occurrence=every_occurrence)
        cased = tagger_text(text, truecased)
        for a, b in sentence_pieces(text, spans):
            inside = [s for s in spans if a <= s.start and s.end <= b]
            if not inside and rng.random() >= negative_share:
                continue
            doc = nlp.make_doc(cased[a:b])
            ents: list[Any] = []
            for span in inside:
                ent = doc.char_span(span.start - a, span.end - a, label=span.role,
                                    alignment_mode="expand")
                if ent is not None and all(ent.end <= e.start or ent.start >= e.end
                                           for e in ents):
                    ents.append(ent)
            doc.ents = ents
            kept += len(ents)
            docbin.add(doc)
    docbin.to_disk(path)
    return kept


def holdout_predictions(model_path: Path, records: list[dict[str, Any]]
                        ) -> dict[str, metrics.RoleFillers]:
    """The trained tagger's fillers in the held-out train documents."""
    import spacy

    nlp = spacy.load(model_path)
    return {str(r["docid"]): as_role_fillers(entities_from_spans(
        str(r["doctext"]), predict_spans(nlp, str(r["doctext"])))) for r in records}


def holdout_scores(model_path: Path, records: list[dict[str, Any]]) -> metrics.Scores:
    """CEAF-REE of the trained tagger on the held-out train documents."""
    return metrics.ceaf_ree(holdout_predictions(model_path, records),
                            metrics.grit_gold(records))


def is_relevant(record: dict[str, Any]) -> bool:
    """A MUC-4 document is relevant when it has at least one gold filler (GRIT's view of a
    template; the 600 train documents without a template have none)."""
    return any(record["extracts"].get(role) for role in ROLES)


GATE_MIN_DOCS = 3  # a word is a feature when at least this many training documents have it
GATE_L2 = 1e-4
GATE_STEPS = 3000
GATE_THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]


def fit_gate(records: list[dict[str, Any]]) -> Gate:
    """A logistic regression on binary bag-of-words features (each document's vector
    L2-normalised), full-batch gradient descent with an L2 penalty; threshold 0.5."""
    import numpy as np

    docs = [words(str(r["doctext"])) for r in records]
    counts: dict[str, int] = {}
    for doc in docs:
        for w in doc:
            counts[w] = counts.get(w, 0) + 1
    vocab = sorted(w for w, n in counts.items() if n >= GATE_MIN_DOCS)
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(docs), len(vocab)))
    for row, doc in enumerate(docs):
        cols = [index[w] for w in doc if w in index]
        x[row, cols] = 1.0 / max(1.0, len(cols)) ** 0.5
    y = np.array([1.0 if is_relevant(r) else 0.0 for r in records])
    weights, bias = np.zeros(len(vocab)), 0.0
    rate = 2.0
    for _ in range(GATE_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        grad = x.T @ (p - y) / len(y) + GATE_L2 * weights
        weights -= rate * grad
        bias -= rate * float(np.mean(p - y))
    return Gate({w: float(v) for w, v in zip(vocab, weights, strict=True)}, bias, 0.5)


def gated(predicted: dict[str, metrics.RoleFillers], records: list[dict[str, Any]],
          gate: Gate, threshold: float) -> dict[str, metrics.RoleFillers]:
    """The predictions with every filler dropped in documents below ``threshold``."""
    out = dict(predicted)
    for r in records:
        if gate.probability(str(r["doctext"])) < threshold:
            out[str(r["docid"])] = {role: [] for role in ROLES}
    return out


def train_gate(train_recs: list[dict[str, Any]], held_recs: list[dict[str, Any]],
               tagger: Path, out: Path) -> None:
    """Fit the gate on the training documents, choose its threshold on the held-out ones
    (the tagger's gated CEAF-REE F1; ties to the lower threshold) and write it to ``out``."""
    gate = fit_gate(train_recs)
    truth = [is_relevant(r) for r in held_recs]
    calls = [gate.probability(str(r["doctext"])) >= 0.5 for r in held_recs]
    accuracy = sum(a == b for a, b in zip(truth, calls, strict=True)) / len(truth)
    print(f"gate: {len(gate.weights)} words; held-out accuracy at 0.5: {accuracy:.3f} "
          f"({sum(truth)} of {len(truth)} relevant)", flush=True)
    predicted = holdout_predictions(tagger, held_recs)
    gold = metrics.grit_gold(held_recs)
    p, r, f = metrics.ceaf_ree(predicted, gold).micro.as_percent()
    print(f"held-out CEAF-REE without the gate: {p:.2f} {r:.2f} {f:.2f}")
    best = (-1.0, 0.0)
    for threshold in GATE_THRESHOLDS:
        scores = metrics.ceaf_ree(gated(predicted, held_recs, gate, threshold), gold)
        p, r, f = scores.micro.as_percent()
        kept = sum(gate.probability(str(x["doctext"])) >= threshold for x in held_recs)
        print(f"  threshold {threshold:.2f}: {kept:3d} documents kept, CEAF-REE "
              f"{p:.2f} {r:.2f} {f:.2f}")
        if f > best[0]:
            best = (f, threshold)
    chosen = Gate(gate.weights, gate.bias, best[1])
    out.write_text(chosen.to_json() + "\n", "utf-8")
    print(f"gate threshold {best[1]:.2f} (held-out CEAF-REE F1 {best[0]:.2f}) -> {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path,
                        default=ROOT / "src" / "claimwatch" / "data" / "muc4_roles")
    parser.add_argument("--lowercase", action="store_true",
                        help="Train on the lower-case text as given, not truecased.")
    parser.add_argument("--first-occurrence-only", action="store_true",
                        help="Tag only the occurrence each gold offset points at.")
    parser.add_argument("--max-epochs", type=int, default=12)
    parser.add_argument("--negative-share", type=float, default=0.3,
                        help="Share of training sentences without a filler that are kept.")
    parser.add_argument("--gate", type=Path,
                        default=ROOT / "src" / "claimwatch" / "data" / "muc4_gate.json")
    parser.add_argument("--gate-only", action="store_true",
                        help="Train only the relevance gate (the tagger in --out is kept).")
    args = parser.parse_args(argv)
    if args.gate_only:
        train_recs, held_recs = split(read_jsonl(args.shared / "muc4" / "grit_train.jsonl"))
        train_gate(train_recs, held_recs, args.out, args.gate)
        return 0

    from spacy.cli.train import train
    from spacy.util import fix_random_seed

    fix_random_seed(SEED)
    source = args.shared / "muc4" / "grit_train.jsonl"
    train_recs, held_recs = split(read_jsonl(source))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="muc4_roles_") as tmp:
        work = Path(tmp)
        every = not args.first_occurrence_only
        n_train = write_docbin(train_recs, work / "train.spacy", not args.lowercase, every,
                               args.negative_share)
        n_held = write_docbin(held_recs, work / "held.spacy", not args.lowercase, every)
        print(f"{len(train_recs)} training documents ({n_train} spans), {len(held_recs)} "
              f"held out ({n_held} spans); roles {', '.join(ROLES)}", flush=True)
        (work / "config.cfg").write_text(CONFIG, "utf-8")
        train(work / "config.cfg", work / "output", overrides={
            "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "held.spacy"),
            "training.max_epochs": args.max_epochs})
        best = work / "output" / "model-best"
        meta = json.loads((best / "meta.json").read_text("utf-8"))
        meta["claimwatch"] = {"truecase": not args.lowercase, "every_occurrence": every,
                              "negative_share": args.negative_share,
                              "source": "muc4/grit_train.jsonl", "seed": SEED,
                              "holdout_share": HOLDOUT_SHARE}
        (best / "meta.json").write_text(json.dumps(meta, indent=2), "utf-8")
        scores = holdout_scores(best, held_recs)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    minutes = (time.monotonic() - started) / 60
    print(f"trained in {minutes:.1f} min -> {args.out}")
    print("held-out CEAF-REE (P R F1):")
    for role, prf in [*scores.roles.items(), ("micro", scores.micro)]:
        p, r, f = prf.as_percent()
        print(f"  {role:<10}{p:8.2f}{r:8.2f}{f:8.2f}")
    train_gate(train_recs, held_recs, args.out, args.gate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
