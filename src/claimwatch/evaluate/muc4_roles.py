"""A trained MUC-4 role-filler tagger: its training spans, its output, and its templates.

The tagger is a spaCy NER whose labels are the five MUC-4 string-fill roles (PerpInd,
PerpOrg, Target, Victim, Weapon). ``scripts/train_muc4_roles.py`` (``make train``) trains it
on the MUC-4 *train* documents; this module holds what the script and ``eval muc4`` share:

* :func:`training_spans` turns a document's gold role-filler entities (lists of coreferent
  mention strings) into character spans to tag: every word-bounded occurrence of every gold
  mention string (a filler is the same entity wherever the document repeats it, so leaving
  later occurrences untagged would teach the model that they are not fillers); overlaps go to
  the longer span, then the earlier, then the role listed first;
* :func:`entities_from_spans` turns the model's spans into role-filler entities (a leading
  count dropped from a Target or Weapon: "three bombs" is "bombs"): one per
  distinct string, a short form written inside a longer one of the same role ("vehicle" in
  "4-wheel drive vehicle") or an acronym in parentheses after a name ("(fmln)") joins it,
  and the entity is named by its first mention, as MUC-4 scores fillers;
* :func:`attach_to_templates` puts those entities into the rule templates (incident types
  come from claimwatch's events): all into the only template, else each into the template
  whose events' sentences lie nearest to one of the entity's mentions.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimwatch.errors import RecordError
from claimwatch.evaluate.muc4_metrics import ROLES, RoleFillers, Template, normalize_string
from claimwatch.model import Event

MODEL_NAME = "muc4_roles"
ROLE_MODES = ("rules", "model", "combined")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, order=True)
class RoleSpan:
    """A tagged (gold) or predicted role filler: characters ``start:end`` of the text."""

    start: int
    end: int
    role: str


@dataclass
class RoleEntity:
    """One role filler: the string that names it, and where the document writes it."""

    role: str
    name: str
    offsets: list[int] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    template: int | None = None  # the rule template a rule filler came from


def occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    """Every word-bounded occurrence of ``mention`` (quotes and spaces trimmed) in ``text``."""
    mention = mention.strip(" \"'`")
    if not mention:
        return []
    pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def training_spans(text: str, extracts: Mapping[str, Sequence[Sequence[Sequence[Any]]]],
                   *, every_occurrence: bool = True) -> list[RoleSpan]:
    """The spans to tag in ``text`` for its gold entities (``{role: [[[mention, offset]...]]}``).

    ``every_occurrence`` False tags only the occurrence the gold offset points at (or the
    first one when the offset does not point at the mention).
    """
    candidates: list[RoleSpan] = []
    for role in ROLES:
        for entity in extracts.get(role, []):
            for mention, offset in ((str(m[0]), int(m[1])) for m in entity):
                found = occurrences(text, mention)
                if not every_occurrence:
                    at = [(s, e) for s, e in found if abs(s - offset) <= 1]
                    found = at[:1] or found[:1]
                candidates += [RoleSpan(s, e, role) for s, e in found]
    chosen: list[RoleSpan] = []
    for span in sorted(set(candidates), key=lambda s: (s.start - s.end, s.start,
                                                       ROLES.index(s.role))):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def _words(s: str) -> list[str]:
    return normalize_string(s).split()


def _key(s: str) -> str:
    """The comparison key of a filler string: normalised, plural endings dropped ("car
    bombs" is "car bomb")."""
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in _words(s))


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    n = len(shorter)
    return 0 < n < len(longer) and any(
        list(longer[i:i + n]) == list(shorter) for i in range(len(longer) - n + 1))


_LEADING_WORD = re.compile(r"[^\W_]+\s+")
_OF_NEXT = re.compile(r"of\s+(?:the\s+)?", re.I)


def drop_counts(text: str, spans: Iterable[RoleSpan]) -> list[RoleSpan]:
    """The spans with a leading count cut off a Target or Weapon filler ("three bombs" ->
    "bombs": MUC-4 gives the count its own slot and the string without it). The words and
    roles are ``count_words`` / ``count_roles`` of ``data/muc4_mapping.json``; a number in
    digits is a count too. A span that is only the count is kept as it is; a count before
    "of (the)" goes with those words ("one of the buses" -> "buses", never "of the buses")."""
    from claimwatch.evaluate.muc4_mapping import mapping_words

    roles, counts = mapping_words("count_roles"), mapping_words("count_words")
    out: list[RoleSpan] = []
    for span in spans:
        while span.role.lower() in roles:
            m = _LEADING_WORD.match(text, span.start, span.end)
            if m is None or not (m.group().strip().lower() in counts
                                 or m.group().strip().isdigit()):
                break
            of = _OF_NEXT.match(text, m.end(), span.end)
            span = RoleSpan(of.end() if of else m.end(), span.end, span.role)
        out.append(span)
    return out


def entities_from_spans(text: str, spans: Iterable[RoleSpan]) -> list[RoleEntity]:
    """Role-filler entities from predicted spans, in document order (see module docstring);
    leading counts are cut off first (:func:`drop_counts`)."""
    ordered = sorted(drop_counts(text, spans))
    entities: list[RoleEntity] = []
    by_key: dict[tuple[str, str], RoleEntity] = {}
    previous: RoleSpan | None = None
    for span in ordered:
        key = _key(text[span.start:span.end])
        if not key:
            continue
        entity = by_key.get((span.role, key))
        if entity is None and previous is not None and previous.role == span.role and \
                re.fullmatch(r"\s*\(\s*", text[previous.end:span.start]):
            entity = by_key.get((span.role, _key(text[previous.start:previous.end])))
        if entity is None:
            entity = RoleEntity(span.role, text[span.start:span.end].strip())
            entities.append(entity)
        entity.offsets.append(span.start)
        entity.keys.add(key)
        by_key[(span.role, key)] = entity
        previous = span
    return _merge_contained(entities)


def _merge_contained(entities: list[RoleEntity]) -> list[RoleEntity]:
    """A short form written inside a longer filler of the same role is that filler."""
    kept: list[RoleEntity] = []
    for entity in sorted(entities, key=lambda e: -max(len(k.split()) for k in e.keys)):
        host = next((k for k in kept if k.role == entity.role and any(
            _contains(hk.split(), ek.split()) for hk in k.keys for ek in entity.keys)), None)
        if host is None:
            kept.append(entity)
            continue
        if min(entity.offsets) < min(host.offsets):
            host.name = entity.name  # the entity is named by its first mention
        host.offsets += entity.offsets
        host.keys |= entity.keys
    return sorted(kept, key=lambda e: min(e.offsets))


def as_role_fillers(entities: Iterable[RoleEntity]) -> RoleFillers:
    """The REE view: ``{role: [[name], ...]}``."""
    fillers: RoleFillers = {role: [] for role in ROLES}
    for entity in entities:
        fillers[entity.role].append([entity.name])
    return fillers


# --- the model ---------------------------------------------------------------------------


def model_dir() -> Path:
    """Where the trained tagger is: ``$CLAIMWATCH_MUC4_ROLES``, the package's data folder,
    or the user cache (``make train`` writes the package copy)."""
    env = os.environ.get("CLAIMWATCH_MUC4_ROLES")
    if env:
        return Path(env)
    packaged = Path(str(resources.files("claimwatch.data").joinpath(MODEL_NAME)))
    if (packaged / "config.cfg").exists():
        return packaged
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimwatch" / MODEL_NAME


def model_available() -> bool:
    return (model_dir() / "config.cfg").exists()


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The trained spaCy tagger; an error that says how to build it when it is absent."""
    import spacy

    path = model_dir()
    if not (path / "config.cfg").exists():
        raise RecordError("the MUC-4 role tagger is not built; run `make train` (it trains "
                          "scripts/train_muc4_roles.py on ../shared/data/muc4/grit_train.jsonl) "
                          "or set CLAIMWATCH_MUC4_ROLES to a trained model folder",
                          source=str(path))
    return spacy.load(path)


def tagger_text(text: str, truecased: bool) -> str:
    """The text as a tagger trained on ``truecased`` (or lower-case) text reads it."""
    if truecased:
        from claimwatch.nlp.truecase import truecase

        return truecase(text)
    return text


def model_text(nlp: Any, text: str, cased: str | None = None) -> str:
    """The text as the tagger was trained on it: lower case as given, or truecased
    (``cased``, when the caller has truecased ``text`` already)."""
    truecased = bool(nlp.meta.get("claimwatch", {}).get("truecase"))
    if truecased and cased is not None:
        return cased
    return tagger_text(text, truecased)


def predict_spans(nlp: Any, text: str, cased: str | None = None) -> list[RoleSpan]:
    """The tagger's role spans in ``text`` (offsets of ``text``; ``cased`` is its truecased
    form when the caller has it)."""
    doc = nlp(model_text(nlp, text, cased))
    return [RoleSpan(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ROLES]


def model_entities(text: str, cased: str | None = None) -> list[RoleEntity]:
    """The role-filler entities the trained tagger finds in one document (``cased``: its
    truecased text, when the caller has it)."""
    return entities_from_spans(text, predict_spans(load_model(), text, cased))


def read_meta(path: Path) -> dict[str, Any]:
    """A trained model folder's ``meta.json``."""
    meta: dict[str, Any] = json.loads((path / "meta.json").read_text("utf-8"))
    return meta


# --- templates: rule incident types, model role fillers -----------------------------------


def _distance(offsets: Sequence[int], extents: Sequence[tuple[int, int]]) -> int:
    if not extents:
        return 1 << 30
    return min(0 if a <= o < b else min(abs(o - a), abs(o - b)) for o in offsets
               for a, b in extents)


def template_extents(events: Sequence[Event], cased_text: str) -> dict[str, list[tuple[int, int]]]:
    """For each incident type among the relevant events, where its events' sentences lie."""
    from claimwatch.evaluate.muc4_mapping import incident_type, is_relevant
    from claimwatch.evaluate.wikievents import event_spans

    extents: dict[str, list[tuple[int, int]]] = {}
    for event in events:
        if is_relevant(event):
            extents.setdefault(incident_type(event), []).extend(
                event_spans(event, cased_text))
    return extents


def combine_fillers(model: Sequence[RoleEntity],
                    templates: Sequence[Template]) -> list[RoleEntity]:
    """The model's entities plus the rule templates' fillers that name none of them
    (``combined``): a rule string equal to, inside, or around a model string of the same
    role is that entity. A rule filler keeps its template."""
    out = list(model)
    for index, template in enumerate(templates):
        for role in ROLES:
            value = template.get(role, [])
            assert isinstance(value, list)
            for entity in value:
                words = _key(entity[0]).split()
                if words and not any(m.role == role and any(
                        k.split() == words or _contains(k.split(), words) or _contains(
                            words, k.split()) for k in m.keys) for m in out):
                    out.append(RoleEntity(role, entity[0], [], {" ".join(words)}, index))
    return out


def attach_to_templates(templates: Sequence[Template], entities: Sequence[RoleEntity],
                        extents: Mapping[str, Sequence[tuple[int, int]]]) -> list[Template]:
    """The templates with their role fillers replaced by ``entities``: all go to a lone
    template; with several, each goes to the template whose events' sentences are nearest
    to one of its mentions (a rule filler stays in its own template)."""
    out: list[Template] = [{"incident_type": t["incident_type"],
                            **{role: [] for role in ROLES}} for t in templates]
    if not out:
        return out
    for entity in entities:
        best = entity.template if entity.template is not None else min(
            range(len(out)), key=lambda i: _distance(
                entity.offsets, extents.get(str(out[i]["incident_type"]), [])))
        fillers = out[best][entity.role]
        assert isinstance(fillers, list)
        fillers.append([entity.name])
    return out
