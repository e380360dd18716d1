"""A document relevance gate for the MUC-4 role tagger.

About 45% of the MUC-4 documents describe no terrorist incident (no gold template), yet the
role tagger (``muc4_roles``) tags fillers in them. The gate is a logistic regression on the
document's bag of words (binary unigram features, L2-normalised) trained by
``scripts/train_muc4_roles.py --gate-only`` (``make train``) on the MUC-4 *train* documents
(relevant = at least one template); its threshold is chosen on the same held-out tenth of
train the tagger uses. By default ``eval muc4`` drops the tagger's fillers in a document
the gate calls irrelevant only when claimwatch finds no relevant incident in it either
(``--relevance both``); ``--relevance-gate`` (``--relevance gate``: it raised the held-out
F1 but lowered dev's, see docs/benchmarks.md) drops them wherever the gate says so. The
weights are a small JSON file (136 kB), ``data/muc4_gate.json``.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

GATE_FILE = "muc4_gate.json"
_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


def words(text: str) -> set[str]:
    """The distinct lower-case words of a document (the gate's features)."""
    return set(_TOKEN.findall(text.lower()))


@dataclass(frozen=True)
class Gate:
    """Weights per word, a bias, and the probability at or above which a document is
    relevant."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, text: str) -> float:
        present = [w for w in words(text) if w in self.weights]
        norm = math.sqrt(len(present)) or 1.0
        z = self.bias + sum(self.weights[w] for w in present) / norm
        return 1.0 / (1.0 + math.exp(-z))

    def relevant(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def to_json(self) -> str:
        return json.dumps({"bias": round(self.bias, 6), "threshold": self.threshold,
                           "weights": {w: round(v, 5) for w, v in sorted(self.weights.items())}},
                          indent=0, ensure_ascii=False)


def gate_path() -> Path:
    """``$CLAIMWATCH_MUC4_GATE`` or the package's ``data/muc4_gate.json``."""
    env = os.environ.get("CLAIMWATCH_MUC4_GATE")
    if env:
        return Path(env)
    return Path(str(resources.files("claimwatch.data").joinpath(GATE_FILE)))


def gate_available() -> bool:
    return gate_path().exists()


@lru_cache(maxsize=1)
def load_gate() -> Gate | None:
    """The trained gate, or None when it has not been trained (no gating then)."""
    path = gate_path()
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    return Gate({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                float(data["threshold"]))
