"""``claimwatch eval muc4``: run the pipeline on MUC-4 documents and score it as GRIT and GTT do.

Each document's text (lower-case in the processed files) is truecased, read with
``ingest.read_text`` (publication date from the raw file's dateline when ``raw/`` is beside
the data) and analysed by ``pipeline.analyze``; ``muc4_mapping`` turns the events into
templates; ``muc4_metrics`` scores them. The gold for CEAF-REE comes from ``grit_<split>``
and for the GTT metric from ``gtt_<split>``, whichever of the two files is given (both
hold the same documents). ``--predictions`` scores a saved GRIT/GTT output instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimwatch.errors import PipelineError, RecordError
from claimwatch.evaluate import muc4_metrics as metrics
from claimwatch.evaluate.muc4_gate import gate_path, load_gate
from claimwatch.evaluate.muc4_mapping import document_templates, role_fillers
from claimwatch.evaluate.muc4_roles import (
    ROLE_MODES,
    as_role_fillers,
    attach_to_templates,
    combine_fillers,
    load_model,
    model_entities,
    template_extents,
)
from claimwatch.model import Event

MONTHS = {m: i + 1 for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"))}
# A raw MUC-4 message's head: its id line ("TST1-MUC3-0001"), then the dateline's day,
# month and two-digit year ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --"). Not the same
# pattern as nlp.components.DATELINE, which finds a wire dateline inside a report's text
# to start a sentence after it and has neither the id nor the date groups.
MESSAGE_HEAD = re.compile(
    r"^([A-Z0-9]+-MUC\d-\d{4})[^\n]*\n\s*\n?[^\n]*?,\s*(\d{1,2})\s+([A-Z]{3})\s+(\d{2})", re.M)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a ``gtt_*`` / ``grit_*`` file, with the line number in any error."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RecordError(f"cannot read the MUC-4 file: {exc}", source=str(path)) from exc
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RecordError(f"line {lineno}: {exc.msg}", source=str(path)) from exc
    for i, rec in enumerate(records, 1):
        if not isinstance(rec, dict) or "docid" not in rec or "doctext" not in rec:
            raise RecordError(f"record {i} has no docid/doctext; give a gtt_*.jsonl or "
                              "grit_*.jsonl file", source=str(path))
    return records


def sibling(path: Path, kind: str) -> Path | None:
    """``gtt_dev.jsonl`` <-> ``grit_dev.jsonl``: the other annotation view of the same split."""
    name = path.name
    for prefix in ("gtt_", "grit_"):
        if name.startswith(prefix):
            other = path.with_name(kind + "_" + name[len(prefix):])
            return other if other.exists() else None
    return None


def published_dates(raw_dir: Path) -> dict[str, dt.date]:
    """Each raw message's dateline date ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --")."""
    dates: dict[str, dt.date] = {}
    if not raw_dir.is_dir():
        return dates
    for path in sorted(raw_dir.glob("*.txt")):
        if path.name.startswith("key-"):
            continue
        for m in MESSAGE_HEAD.finditer(path.read_text(encoding="latin-1")):
            docid, day, month, year = m.groups()
            if month in MONTHS:
                try:
                    dates[docid] = dt.date(1900 + int(year), MONTHS[month], int(day))
                except ValueError:
                    continue
    return dates


@dataclass
class Muc4Run:
    """System output for a set of MUC-4 documents, in both annotation views."""

    templates: dict[str, list[metrics.Template]] = field(default_factory=dict)
    extracts: dict[str, metrics.RoleFillers] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    events: int = 0

    def to_reference_format(self) -> dict[str, dict[str, Any]]:
        """GRIT/GTT's output format: ``{numeric docid: {pred_extracts, pred_templates}}``."""
        return {metrics.numeric_docid(d): {"docid": d, "pred_extracts": self.extracts.get(d, {}),
                                           "pred_templates": t}
                for d, t in self.templates.items()}


def analyse_events(records: Sequence[dict[str, Any]], dates: dict[str, dt.date],
                   progress: bool = False, cased: Mapping[str, str] | None = None,
                   ) -> tuple[dict[str, list[Event]], list[str]]:
    """claimwatch's events for each document (truecased first, or its text in ``cased``
    when the caller has truecased it already); failures are listed."""
    from claimwatch.ingest import read_text
    from claimwatch.nlp.truecase import truecase
    from claimwatch.pipeline import analyze

    events: dict[str, list[Event]] = {}
    errors: list[str] = []
    for rec in _progress(records, progress):
        docid = str(rec["docid"])
        text = cased[docid] if cased is not None else truecase(str(rec["doctext"]))
        try:
            events[docid] = analyze(read_text(text, dates.get(docid), doc_id=docid))
        except PipelineError as exc:
            errors.append(f"{docid}: {exc}")
            events[docid] = []
    return events, errors


RELEVANCE_MODES = ("both", "gate", "off")


def analyse_documents(records: Sequence[dict[str, Any]], dates: dict[str, dt.date],
                      progress: bool = False, roles: str = "model",
                      relevance_gate: bool = False, relevance: str = "both") -> Muc4Run:
    """Analyse every document and map its events to MUC-4 templates.

    ``roles``: where the role fillers come from: ``rules`` (claimwatch's events, through
    ``muc4_mapping``), ``model`` (the trained tagger of ``muc4_roles``; incident types still
    from the events) or ``combined`` (the tagger's fillers plus the rule fillers that name
    none of them). ``relevance`` says where, in ``model`` and ``combined``, the tagger's
    fillers are dropped: ``both`` (the default) where claimwatch finds no relevant incident
    *and* the relevance gate (``muc4_gate``) calls the document irrelevant (no gating when
    the gate is not trained), ``gate`` wherever the gate calls it irrelevant
    (``relevance_gate`` True is the same), ``off`` nowhere.
    """
    from claimwatch.nlp.truecase import truecase

    if roles not in ROLE_MODES:
        raise RecordError(f"unknown roles source {roles!r}; use one of {', '.join(ROLE_MODES)}")
    if relevance not in RELEVANCE_MODES:
        raise RecordError(f"unknown relevance mode {relevance!r}; use one of "
                          f"{', '.join(RELEVANCE_MODES)}")
    relevance = "gate" if relevance_gate else relevance
    gate = None
    if roles != "rules":
        load_model()  # fail before the long pipeline run when the tagger is not built
        gate = load_gate() if relevance != "off" else None
        if relevance == "gate" and gate is None:
            raise RecordError("the MUC-4 relevance gate is not trained; run `make train`",
                              source=str(gate_path()))
    cased_texts = {str(rec["docid"]): truecase(str(rec["doctext"])) for rec in records}
    events, errors = analyse_events(records, dates, progress, cased_texts)
    run = Muc4Run(errors=errors)
    for rec in records:
        docid, text = str(rec["docid"]), str(rec["doctext"])
        cased = cased_texts[docid]
        run.events += len(events[docid])
        templates = document_templates(events[docid], text, cased)
        if roles == "rules":
            run.templates[docid] = templates
            run.extracts[docid] = role_fillers(templates)
            continue
        entities = model_entities(text, cased)
        if gate is not None and (relevance == "gate" or not templates) and \
                not gate.relevant(text):
            entities = []  # the gate (and, with "both", the events) call it irrelevant
        if roles == "combined":
            entities = combine_fillers(entities, templates)
        run.templates[docid] = attach_to_templates(
            templates, entities, template_extents(events[docid], cased))
        run.extracts[docid] = as_role_fillers(entities)
    return run


def _progress(records: Sequence[dict[str, Any]], enabled: bool) -> Iterator[dict[str, Any]]:
    if not enabled:
        yield from records
        return
    from tqdm import tqdm

    yield from tqdm(records, desc="MUC-4", unit="doc")


def load_predictions(path: Path, docids: Sequence[str]) -> Muc4Run:
    """A saved GRIT (``pred_extracts``) and/or GTT (``pred_templates``) output file."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RecordError(f"cannot read predictions: {exc}", source=str(path)) from exc
    if not isinstance(saved, dict):
        raise RecordError("predictions must be a JSON object keyed by docid", source=str(path))
    run = Muc4Run()
    run.extracts = metrics.predictions_by_docid(saved, docids, "pred_extracts")  # type: ignore[assignment]
    run.templates = metrics.predictions_by_docid(saved, docids, "pred_templates")  # type: ignore[assignment]
    if not run.extracts and not run.templates:
        raise RecordError("no pred_extracts or pred_templates for any document of the gold "
                          "file; keys must be docids or GRIT's numeric ids", source=str(path))
    return run


@dataclass
class Muc4Evaluation:
    """The two published metrics for one run, ready to print."""

    source: str
    documents: int
    ree: metrics.Scores | None
    gtt: metrics.Scores | None
    run: Muc4Run
    roles: str = "rules"

    def render(self) -> str:
        lines = [f"MUC-4 {self.source}: {self.documents} documents, {self.run.events} claimwatch "
                 f"events, {sum(len(t) for t in self.run.templates.values())} templates, role "
                 f"fillers from {self.roles}"]
        for title, scores in (("CEAF-REE (GRIT scorer, phi_strict)", self.ree),
                              ("GTT template metric", self.gtt)):
            if scores is None:
                lines.append(f"{title}: not scored (no gold file beside the input, or no "
                             "predictions in this view)")
                continue
            lines += ["", f"{title}", f"  {'role':<14}{'P':>8}{'R':>8}{'F1':>8}"]
            for role, prf in [*scores.roles.items(), ("micro", scores.micro)]:
                p, r, f = prf.as_percent()
                lines.append(f"  {role:<14}{p:8.2f}{r:8.2f}{f:8.2f}")
        if self.run.errors:
            lines += ["", f"{len(self.run.errors)} documents failed:", *self.run.errors[:10]]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        def table(s: metrics.Scores | None) -> dict[str, list[float]] | None:
            if s is None:
                return None
            return {k: list(v.as_percent()) for k, v in [*s.roles.items(), ("micro", s.micro)]}
        return {"source": self.source, "documents": self.documents, "roles": self.roles,
                "ceaf_ree": table(self.ree),
                "gtt": table(self.gtt), "errors": self.run.errors}


def evaluate_muc4(path: str | Path, *, limit: int | None = None, progress: bool = False,
                  predictions: str | Path | None = None,
                  save_predictions: str | Path | None = None,
                  roles: str = "model", relevance_gate: bool = False,
                  relevance: str = "both") -> Muc4Evaluation:
    """Score claimwatch (or a saved prediction file) on a MUC-4 gtt_/grit_ file."""
    source = Path(path)
    records = read_jsonl(source)[:limit] if limit else read_jsonl(source)
    docids = [str(r["docid"]) for r in records]
    grit_path = source if "extracts" in records[0] else sibling(source, "grit")
    gtt_path = source if "templates" in records[0] else sibling(source, "gtt")
    grit = _restrict(metrics.grit_gold(read_jsonl(grit_path)), docids) if grit_path else None
    gtt = _restrict(metrics.gtt_gold(read_jsonl(gtt_path)), docids) if gtt_path else None
    if predictions is not None:
        run = load_predictions(Path(predictions), docids)
    else:
        run = analyse_documents(records, published_dates(source.parent / "raw"), progress,
                                roles, relevance_gate, relevance)
    if save_predictions is not None:
        Path(save_predictions).write_text(json.dumps(run.to_reference_format(), indent=1))
    if predictions is not None:  # a saved file may hold only one of the two views
        grit = grit if run.extracts else None
        gtt = gtt if run.templates else None
    return Muc4Evaluation(
        source=source.name, documents=len(records),
        ree=metrics.ceaf_ree(run.extracts, grit) if grit is not None else None,
        gtt=metrics.gtt_score(run.templates, gtt) if gtt is not None else None, run=run,
        roles="saved predictions" if predictions is not None else
        f"{roles}, relevance-gated" if (relevance_gate or relevance == "gate") and
        roles != "rules" else roles,
    )


def _restrict(golds: dict[str, Any], docids: Sequence[str]) -> dict[str, Any]:
    return {d: golds[d] for d in docids if d in golds}
