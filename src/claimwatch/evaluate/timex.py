"""TempEval-3 scoring of DATE normalisation, for claimwatch and a dateparser baseline.

Measures as TempEval-3 (UzZaman et al., 2013) defines them, restricted to TIMEX3
tags of type DATE in the text (the document creation time is not scored):

* extent strict P/R/F1: a system span equal to a gold span;
* extent relaxed P/R/F1: a system span overlapping a gold span (one-to-one);
* value accuracy: share of relaxed matches whose value equals the gold value;
* value F1: relaxed F1 x value accuracy.

A system span that overlaps a gold TIME, DURATION or SET tag (and no DATE) is set
aside rather than counted wrong: it found a real temporal expression whose type is
not DATE, which TempEval-3 scores under type accuracy, not extent. The same rule is
applied to both systems and the number set aside is reported.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.errors import GoldFileError, InputError
from claimwatch.resolve.time import find_timexes

__all__ = ["GoldTimex", "TmlDocument", "Scores", "parse_tml", "score_documents",
           "evaluate_dir", "format_report", "report_dir", "claimwatch_system", "dateparser_system"]

Span = tuple[int, int, str]  # start, end, value
System = Callable[[str, dt.date], list[Span]]


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TmlDocument:
    """A TimeML file reduced to its plain text, creation date and gold TIMEX3 tags."""

    name: str
    text: str
    dct: dt.date
    timexes: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(path: Path) -> TmlDocument:
    """Read a .tml file; raises GoldFileError when it has no TEXT or DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if dct is None or body is None:
        raise GoldFileError("no <DCT> or <TEXT> element; is this a TimeML file?", source=str(path))
    dct_value = dict(_ATTR.findall(dct.group(1))).get("value", "")
    try:
        dct_date = dt.date.fromisoformat(dct_value[:10])
    except ValueError as exc:
        raise GoldFileError(f"creation time {dct_value!r} is not a date", source=str(path)) from exc
    text, timexes = _strip_tags(body.group(1))
    return TmlDocument(path.name, text, dct_date, tuple(timexes))


def _strip_tags(marked: str) -> tuple[str, list[GoldTimex]]:
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(marked):
        chunk = html.unescape(marked[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            if attrs.get("functionInDocument") != "CREATION_TIME":
                timexes.append(GoldTimex(start, length, attrs.get("type", ""),
                                         attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(marked[pos:]))
    return "".join(parts), timexes


def claimwatch_system(text: str, dct: dt.date) -> list[Span]:
    return [(t.start_char, t.end_char, t.value) for t in find_timexes(text, dct)]


def dateparser_system(text: str, dct: dt.date) -> list[Span]:
    """The baseline: dateparser's search_dates with the creation date as RELATIVE_BASE."""
    from dateparser.search import search_dates  # noqa: PLC0415 - heavy import, eval only

    base = dt.datetime.combine(dct, dt.time(0))
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    spans: list[Span] = []
    pos = 0
    for surface, when in found:
        at = text.find(surface, pos)
        if at < 0:
            continue
        spans.append((at, at + len(surface), when.date().isoformat()))
        pos = at + len(surface)
    return spans


@dataclass
class Scores:
    """Counts behind the TempEval-3 figures for one system."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    set_aside: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    @staticmethod
    def _f1(matched: int, system: int, gold: int) -> tuple[float, float, float]:
        p = matched / system if system else 0.0
        r = matched / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, float]:
        sp, sr, sf = self._f1(self.strict, self.system, self.gold)
        rp, rr, rf = self._f1(self.relaxed, self.system, self.gold)
        acc = self.value_correct / self.relaxed if self.relaxed else 0.0
        return {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp,
                "relaxed_r": rr, "relaxed_f1": rf, "value_accuracy": acc, "value_f1": rf * acc}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_document(doc: TmlDocument, spans: list[Span], scores: Scores) -> None:
    """Add one document's matches to `scores`."""
    gold = [g for g in doc.timexes if g.type == "DATE"]
    others = [g for g in doc.timexes if g.type != "DATE"]
    kept = []
    for s in spans:
        hits_date = any(_overlaps(s[:2], (g.start, g.end)) for g in gold)
        if not hits_date and any(_overlaps(s[:2], (g.start, g.end)) for g in others):
            scores.set_aside += 1
        else:
            kept.append(s)
    scores.gold += len(gold)
    scores.system += len(kept)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, s in enumerate(kept) if i not in used
                      and _overlaps(s[:2], (g.start, g.end))), None)
        if match is None:
            scores.errors.append((doc.name, doc.text[g.start:g.end], g.value, "-"))
            continue
        used.add(match)
        s = kept[match]
        scores.relaxed += 1
        scores.strict += (s[0], s[1]) == (g.start, g.end)
        if s[2] == g.value:
            scores.value_correct += 1
        else:
            scores.errors.append((doc.name, doc.text[s[0]:s[1]], g.value, s[2]))
    for i, s in enumerate(kept):
        if i not in used:
            scores.errors.append((doc.name, doc.text[s[0]:s[1]], "-", s[2]))


def score_documents(docs: Iterable[TmlDocument], system: System) -> Scores:
    scores = Scores()
    for doc in docs:
        score_document(doc, system(doc.text, doc.dct), scores)
    return scores


def evaluate_dir(directory: Path, baseline: bool = True) -> dict[str, Scores]:
    """Score claimwatch (and the dateparser baseline) on every .tml file under a directory."""
    files = sorted(Path(directory).rglob("*.tml"))
    if not files:
        raise InputError(f"no .tml files under {directory}; pass a TempEval-3 directory",
                         source=str(directory))
    docs = [parse_tml(f) for f in files]
    systems: dict[str, System] = {"claimwatch": claimwatch_system}
    if baseline:
        systems["dateparser search_dates (baseline)"] = dateparser_system
    return {name: score_documents(docs, fn) for name, fn in systems.items()}


def format_report(results: dict[str, Scores]) -> str:
    """A plain-text table of the figures, one row per system."""
    head = (f"{'system':<38}{'gold':>6}{'sys':>6}{'strictF1':>10}{'relaxP':>8}{'relaxR':>8}"
            f"{'relaxF1':>9}{'valAcc':>8}{'valF1':>8}{'aside':>7}")
    rows = [head]
    for name, s in results.items():
        f = s.figures()
        rows.append(f"{name:<38}{s.gold:>6}{s.system:>6}{f['strict_f1']:>10.3f}"
                    f"{f['relaxed_p']:>8.3f}{f['relaxed_r']:>8.3f}{f['relaxed_f1']:>9.3f}"
                    f"{f['value_accuracy']:>8.3f}{f['value_f1']:>8.3f}{s.set_aside:>7}")
    return "\n".join(rows)


def report_dir(directory: Path, baseline: bool = True, errors: int = 0) -> str:
    """The eval command's output: figures for claimwatch and the baseline on a directory.

    With `errors`, also the first that many claimwatch errors: file, text, gold value,
    system value ("-" where a side has no timex).
    """
    results = evaluate_dir(directory, baseline=baseline)
    n_files = len(list(Path(directory).rglob("*.tml")))
    lines = [f"TempEval-3 DATE normalisation on {n_files} .tml files in {directory}",
             format_report(results)]
    if errors:
        lines.append(f"\nclaimwatch errors (first {errors}): file | text | gold | system")
        lines += [" | ".join(e) for e in results["claimwatch"].errors[:errors]]
    return "\n".join(lines)
