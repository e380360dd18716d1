"""Pooling per-file scores into the summary, and rendering it as text or JSON.

The text report ends with compact ``name=value`` lines so that the last few lines of a
run say everything at a glance (n/a where nothing was scored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from claimwatch.evaluate.gold_match import FIELDS
from claimwatch.evaluate.gold_score import UnitScore


def ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass
class GoldEvaluation:
    """The scores of every report and story evaluated, with their pooled summary."""

    units: list[UnitScore]
    mode: str  # "pipeline" | "system"
    notes: list[str] = field(default_factory=list)
    stories_skipped: int = 0

    def summary(self) -> dict[str, Any]:
        """Pooled figures: event P/R/F1, field accuracies, recalls, violations, stories."""
        tp = sum(u.tp for u in self.units)
        fp = sum(u.fp for u in self.units)
        fn = sum(u.fn for u in self.units)
        fields = {}
        for name in FIELDS:
            right = sum(u.fields.get(name, [0, 0])[0] for u in self.units)
            n = sum(u.fields.get(name, [0, 0])[1] for u in self.units)
            fields[name] = {"right": right, "n": n, "accuracy": ratio(right, n)}
        scored = [f["accuracy"] for f in fields.values() if f["accuracy"] is not None]

        def pooled(attr: str) -> dict[str, Any]:
            right = sum(getattr(u, attr)[0] for u in self.units)
            total = sum(getattr(u, attr)[1] for u in self.units)
            return {"found": right, "total": total, "recall": ratio(right, total)}

        return {
            "mode": self.mode,
            "reports": sum(1 for u in self.units if u.kind == "report"),
            "stories": sum(1 for u in self.units if u.kind == "story"),
            "events": {
                "gold": tp + fn, "system": tp + fp, "tp": tp, "fp": fp, "fn": fn,
                "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
                "f1": ratio(2 * tp, 2 * tp + fp + fn),
            },
            "fields": fields,
            "field_acc": sum(scored) / len(scored) if scored else None,
            "assertion_recall": pooled("assertions"),
            "assertion_recall_matched": pooled("assertions_matched"),
            "evidence_recall": pooled("evidence"),
            "must_not_violations": sum(len(u.violations) for u in self.units),
            "status_acc": fields["status"]["accuracy"],
            "responsibility_acc": fields["responsibility_status"]["accuracy"],
            "stories_summary": self._stories(),
            "stories_skipped": self.stories_skipped,
            "pipeline_errors": sum(1 for u in self.units
                                   if (u.note or "").startswith("pipeline error")),
            "notes": list(self.notes),
        }

    def _stories(self) -> dict[str, Any]:
        stories = [u for u in self.units if u.kind == "story"]
        events = [e for u in stories for e in u.story_events]

        def tally(attr: str) -> dict[str, Any]:
            values = [getattr(e, attr) for e in events if getattr(e, attr) is not None]
            return {"right": sum(values), "n": len(values),
                    "accuracy": ratio(sum(values), len(values))}

        return {
            "scored": len(stories),
            "count": {"right": sum(bool(u.count_right) for u in stories), "n": len(stories),
                      "accuracy": ratio(sum(bool(u.count_right) for u in stories), len(stories))},
            "documents": tally("documents"),
            "final_status": tally("final_status"),
            "sequence": tally("sequence"),
            "stories_right": {"right": sum(u.story_right for u in stories), "n": len(stories)},
        }

    def to_dict(self) -> dict[str, Any]:
        return {"files": [_unit_dict(u) for u in self.units], "summary": self.summary()}

    def render(self, fmt_name: str = "text", *, errors: bool = False) -> str:
        """The report as ``text`` (readable, compact last lines) or ``json``."""
        if fmt_name == "json":
            return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str)
        return render_text(self, errors=errors)


def _unit_dict(u: UnitScore) -> dict[str, Any]:
    d: dict[str, Any] = {
        "name": u.name, "kind": u.kind, "path": u.path, "gold": u.gold_count,
        "system": u.system_count, "tp": u.tp, "fp": u.fp, "fn": u.fn,
        "matched": [{"gold_key": k, "system_index": i} for k, i in u.matched],
        "unmatched_gold": u.unmatched_gold, "missed": u.missed,
        "unmatched_system": u.unmatched_system,
        "fields": {k: {"right": v[0], "n": v[1]} for k, v in u.fields.items()},
        "errors": u.errors,
        "assertions": {"found": u.assertions[0], "total": u.assertions[1]},
        "assertion_misses": u.assertion_misses,
        "evidence": {"found": u.evidence[0], "total": u.evidence[1]},
        "evidence_misses": u.evidence_misses,
        "must_not_violations": u.violations, "note": u.note,
    }
    if u.kind == "story":
        d["expected_counts"] = u.expected_counts
        d["count_right"] = u.count_right
        d["story_right"] = u.story_right
        d["story_events"] = [vars(e) | {"right": e.right} for e in u.story_events]
    return d


def _unit_line(u: UnitScore) -> str:
    right = sum(v[0] for v in u.fields.values())
    n = sum(v[1] for v in u.fields.values())
    line = (f"{u.name:<44} gold={u.gold_count} system={u.system_count} matched={u.tp}"
            f" fields={right}/{n} assertions={u.assertions[0]}/{u.assertions[1]}"
            f" evidence={u.evidence[0]}/{u.evidence[1]}")
    if u.violations:
        line += f" must_not={len(u.violations)}"
    if u.unmatched_gold:
        line += f" missed={','.join(u.unmatched_gold)}"
    if u.note:
        line += f"  [{u.note}]"
    return line


def _story_lines(u: UnitScore) -> list[str]:
    lines = [f"  story: events={u.system_count} expected={u.expected_counts}"
             f" count={'right' if u.count_right else 'wrong'}"
             f" all={'right' if u.story_right else 'wrong'}"]
    for e in u.story_events:
        lines.append(
            f"    {e.key}: matched={'yes' if e.matched else 'no'}"
            f" documents={_mark(e.documents)} {e.system_documents}/{e.gold_documents}"
            f" final_status={_mark(e.final_status)}"
            f" sequence={_mark(e.sequence)} {e.system_sequence}/{e.gold_sequence}")
    return lines


def _mark(value: bool | None) -> str:
    return "n/a" if value is None else ("right" if value else "wrong")


def _error_lines(u: UnitScore) -> list[str]:
    lines = [f"    {e['gold_key']} {e['field']}: system={e['system']!r} gold={e['gold']!r}"
             for e in u.errors]
    lines += [f"    {m['gold_key']} assertion missed: {m['required']}" for m in
              u.assertion_misses]
    for m in u.missed:
        lines.append(f"    missed {m['gold_key']}:")
        lines += [f"      not {c['event']['event_id']} {c['event']['attack_types']}"
                  f" {c['event']['date']} {c['event']['place']!r}: {'; '.join(c['reasons'])}"
                  for c in m["candidates"]] or ["      no system event at all"]
    lines += [f"    false event: {s}" for s in u.unmatched_system]
    lines += [f"    must_not violated: {v['text']!r} by quote {v['quote']!r}"
              for v in u.violations]
    return lines


def render_text(ev: GoldEvaluation, *, errors: bool = False) -> str:
    s = ev.summary()
    lines = [f"claimwatch eval gold ({s['mode']} mode): {s['reports']} reports,"
             f" {s['stories']} stories"]
    lines += [f"note: {n}" for n in ev.notes]
    for u in ev.units:
        lines.append(_unit_line(u))
        if u.kind == "story":
            lines += _story_lines(u)
        if errors:
            lines += _error_lines(u)
    e = s["events"]
    lines += ["", "fields (accuracy over matched events):"]
    for name, f in s["fields"].items():
        lines.append(f"  {name:<22} {fmt(f['accuracy'])}  (n={f['n']})")
    a, ev_r, st = s["assertion_recall"], s["evidence_recall"], s["stories_summary"]
    am = s["assertion_recall_matched"]
    lines += [
        "",
        f"events: gold={e['gold']} system={e['system']} tp={e['tp']} fp={e['fp']} fn={e['fn']}",
        f"assertions: {a['found']}/{a['total']} found (over matched events"
        f" {am['found']}/{am['total']} = {fmt(am['recall'])});"
        f" evidence: {ev_r['found']}/{ev_r['total']}",
        f"stories: {'NOT SCORED (no ledger; use --system) ' if ev.stories_skipped else ''}"
        f"scored={st['scored']} count={st['count']['right']}/{st['count']['n']}"
        f" documents={st['documents']['right']}/{st['documents']['n']}"
        f" final_status={st['final_status']['right']}/{st['final_status']['n']}"
        f" sequence={st['sequence']['right']}/{st['sequence']['n']}"
        f" stories_right={st['stories_right']['right']}/{st['stories_right']['n']}",
        f"event_p={fmt(e['precision'])} event_r={fmt(e['recall'])} event_f1={fmt(e['f1'])}"
        f" field_acc={fmt(s['field_acc'])}",
        f"assertion_recall={fmt(a['recall'])} evidence_recall={fmt(ev_r['recall'])}"
        f" status_acc={fmt(s['status_acc'])} responsibility_acc={fmt(s['responsibility_acc'])}"
        f" must_not_violations={s['must_not_violations']}"
        + (f" pipeline_errors={s['pipeline_errors']}" if s["pipeline_errors"] else ""),
        f"stories_right={st['stories_right']['right']}/{st['stories_right']['n']}"
        f" story_count_acc={fmt(st['count']['accuracy'])}"
        f" story_documents_acc={fmt(st['documents']['accuracy'])}"
        f" story_status_acc={fmt(st['final_status']['accuracy'])}"
        f" story_sequence_acc={fmt(st['sequence']['accuracy'])}",
    ]
    return "\n".join(lines)
