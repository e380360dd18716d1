"""Group trigger sentences into incidents: one cluster per event the report describes.

Several sentences often describe one incident (a headline, the group's statement, a
quoted post). A trigger joins an existing cluster when its date overlaps the cluster's,
or when it has no date of its own and continues the incident described just before;
an explicit different date, a "separate/another" cue, or a conflicting perpetrator or
place starts a new cluster.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from claimwatch.extract.lexicon import Lexicon, lexicon
from claimwatch.extract.triggers import Trigger

CONTINUATION_WINDOW = 3  # sentences
CONTEXT_RANK = 4  # place ranks from here on come from other sentences, not the trigger's
RECENT_DAYS = 14  # an undated incident in a news report happened within this many days


@dataclass
class Anchor:
    """A dated time expression tied to a trigger (duck-typed over resolve.time.Timex)."""

    timex: Any
    attached: bool = True  # False: the date of a statement or a later scene, an upper bound

    @property
    def start(self) -> Any:
        if not self.attached:
            return self.timex.start - dt.timedelta(days=7)
        return self.timex.start

    @property
    def end(self) -> Any:
        return self.timex.end


@dataclass
class TriggerInfo:
    trigger: Trigger
    sent_index: int
    anchor: Anchor | None
    perpetrator: str | None
    perpetrator_why: str | None
    place: str | None
    separate: bool
    anaphoric: bool = False
    point: Any = None  # the resolved Place of ``place``, when known
    place_rank: int = 9
    perp_guessed: bool = False  # "the group's forces": the nearest actor named before
    # "Hezbollah said it had fired rockets": the guessed "it" is surely the speaker
    speaker_perp: str | None = None
    strong_separate: bool = False  # "Separately, ...", "Elsewhere, ...": never the same
    neutralised: bool = False  # "..., before he was shot dead": the attacker stopped
    provoking: bool = False  # "a response to the raid": the incident answered, another one
    earlier: bool = False  # in "hours after X had been hit": an earlier, separate incident
    # the clause "X" is "after" names an operation or attack, even one that is no trigger
    # ("launched the operation after six were killed hours earlier")
    beside_incident: bool = False
    origin: Any = None  # the resolved Place of a "from X" phrase: where the attack came from
    another: bool = False  # "... and another struck near X": one more of the same, elsewhere
    # "one of the bombs hit X": the lemma of the weapons of an incident just told
    partitive: str | None = None
    place_anaphor: bool = False  # the place is what "the enclave" / "the province" refers to
    # "American and British aircraft": the other states' forces acting beside ``perpetrator``
    co_perpetrators: tuple[str, ...] = ()

    @property
    def own_perpetrator(self) -> str | None:
        """The perpetrator the trigger's own clause names, not one guessed by coreference."""
        return self.speaker_perp if self.perp_guessed else self.perpetrator


@dataclass
class Cluster:
    members: list[TriggerInfo] = field(default_factory=list)
    # the incident this one was told as part of, set apart only by its place ("Kyiv was
    # hit ... In Odesa, ten people were killed"): it shares that one's day and weapons
    sibling: Cluster | None = None

    @property
    def own_anchor(self) -> Anchor | None:
        dated = [m.anchor for m in self.members if m.anchor is not None]
        if not dated:
            return None
        return min(dated, key=lambda a: (not a.attached, (a.timex.end - a.timex.start).days))

    @property
    def anchor(self) -> Anchor | None:
        own = self.own_anchor
        if own is None and self.sibling is not None:
            return self.sibling.own_anchor
        return own

    @property
    def last_sent(self) -> int:
        return max(m.sent_index for m in self.members)

    @property
    def perpetrators(self) -> set[str]:
        return {m.perpetrator.lower() for m in self.members if m.perpetrator}

    @property
    def places(self) -> set[str]:
        return {m.place.lower() for m in self.members if m.place}

    @property
    def types(self) -> set[str]:
        return {t for m in self.members for t in m.trigger.attack_types}


def _overlap(a: Anchor, b: Anchor) -> bool:
    return bool(a.start <= b.end and b.start <= a.end)


def _conflicts(info: TriggerInfo, cluster: Cluster, *, by_place: bool = True) -> bool:
    named = {p for p in cluster.perpetrators if is_named(p)}
    own = info.own_perpetrator
    if own and is_named(own) and named and not any(same_side(own, p) for p in named):
        return True
    if any(_opposed(info, m) or _opposed(m, info) for m in cluster.members):
        return True
    if _another_elsewhere(info, cluster):
        return True
    if not by_place or info.point is None or info.place_rank >= CONTEXT_RANK:
        return False
    # places guessed from a neighbouring sentence or the lede never set incidents apart,
    # nor where "one of the bombs" fell (it joined the incident whatever its place)
    return any(far_apart(info.point, m.point) or _outside_area(info, m) or _outside_area(m, info)
               or _other_sea(info.point, m.point)
               for m in cluster.members
               if m.point is not None and m.place_rank < CONTEXT_RANK and m.partitive is None)


def _other_sea(a: Any, b: Any) -> bool:
    """Two named seas ("drones shot down over the Red Sea" beside "a missile hit a ship in
    the Gulf of Aden"): neither holds the other, so they are two places, wide as they are."""
    return bool(getattr(a, "feature", None) == getattr(b, "feature", None) == "sea"
                and a.name and b.name and a.name != b.name)


def _outside_area(area: TriggerInfo, town: TriggerInfo) -> bool:
    """A province named as such and a town of another province of the same country
    ("shelled towns in X province" beside "a drone attack on the city of Y"): two places."""
    a, p = area.point, town.point
    if a is None or p is None or getattr(a, "feature", None) != "admin1" or p.precision >= 3:
        return False
    from claimwatch.extract.roles import names_area_noun

    return bool(names_area_noun(area.place) and a.iso3 and a.iso3 == p.iso3
                and a.admin1 and p.admin1 and a.admin1 != p.admin1)


def _another_elsewhere(info: TriggerInfo, cluster: Cluster) -> bool:
    """ "a drone hit X, and another struck near Y": "another" at a town of its own, away
    from the incident's towns, is one more incident (even within 100 km)."""
    if not info.another or not _precise(info):
        return False
    pinned = [m for m in cluster.members if _precise(m)]
    return bool(pinned) and all(far_apart(info.point, m.point, km=25.0) for m in pinned)


def _opposed(hit: TriggerInfo, launch: TriggerInfo) -> bool:
    """Two attack directions: ``hit``, by a named side, strikes where ``launch`` was fired
    from ("rockets were fired from X ... aircraft then struck a site in X"): the strike
    answers the launch, it is not part of it."""
    own = hit.own_perpetrator
    if launch.origin is None or hit.point is None or not own or not is_named(own):
        return False
    other = launch.own_perpetrator
    if other and same_side(own, other):
        return False
    origin = launch.origin
    if hit.point.iso3 and origin.iso3:
        return bool(hit.point.iso3 == origin.iso3)
    return not far_apart(hit.point, origin, km=25.0)


def far_apart(a: Any, b: Any, km: float = 100.0) -> bool:
    """Two precise places more than ``km`` apart (regions never conflict with what they hold)."""
    if a.latitude is None or b.latitude is None or a.precision >= 3 or b.precision >= 3:
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) > km


def _vaguer(info: TriggerInfo, cluster: Cluster) -> bool:
    """ "Earlier this month ..." next to an incident dated to the day: another incident."""
    mine, theirs = info.anchor, cluster.anchor
    if mine is None or theirs is None:
        return False
    return bool((mine.timex.end - mine.timex.start) > (theirs.timex.end - theirs.timex.start))


def _recalled_month(info: TriggerInfo, cluster: Cluster) -> bool:
    """ "... killed hundreds in an attack on a village in August", told in its own sentence
    after an incident dated to the day: a month that merely contains that day recalls
    another incident, unless the phrase points back ("the attack in August")."""
    mine, theirs = info.anchor, cluster.anchor
    if mine is None or theirs is None or info.anaphoric or not mine.attached:
        return False
    tok = info.trigger.token
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    if getattr(mine.timex, "precision", None) not in ("month", "year") \
            or getattr(theirs.timex, "precision", None) != "day":
        return False
    return _vaguer(info, cluster) and all(m.sent_index != info.sent_index
                                          for m in cluster.members)


def _compatible_dated(info: TriggerInfo, cluster: Cluster) -> bool:
    anchor = cluster.anchor
    if anchor is None or info.anchor is None:
        return False
    # one side striking two cities on the same day is two incidents: places decide
    if not (_overlap(anchor, info.anchor) and not _conflicts(info, cluster)):
        return False
    if _recalled_month(info, cluster):
        return False
    mine = set(info.trigger.attack_types) - {"other"}
    if mine and cluster.types - {"other"} and not mine & cluster.types and _precise(info) \
            and not any(_precise(m) for m in cluster.members):
        return False  # "Russian shelling killed 21 in Kherson" beside a drone attack on Kyiv
    # a statement's date ("said on Friday it had attacked ...") only bounds the incident:
    # a trigger dated within that week joins it only on the same side or at the same place
    return bool(anchor.attached or not info.anchor.attached) or not _apart(info, cluster)


def assign(infos: list[TriggerInfo], published: dt.date | None = None) -> list[Cluster]:
    """Clusters of triggers, in order of first mention.

    With ``published``, an undated lead incident is taken to be recent news: a trigger
    dated months earlier ("In April 2019, gunmen abducted ...") does not join it.
    """
    clusters: list[Cluster] = []
    deferred: list[TriggerInfo] = []
    told = {i.sent_index for i in infos if not i.earlier}
    for info in infos:
        _reanchor(info, infos, clusters)
        if info.earlier and info.sent_index not in told and not info.beside_incident:
            info.earlier = False  # "days after X was hit" with no later incident beside it
        target = _choose(info, clusters)
        if target is not None and target is clusters[0] and target.anchor is None \
                and published is not None and _long_before(info, published):
            target = None
        if target is None and _campaign(info) and (
                info.anchor is None or _whole_year(info.anchor)):
            # "its offensive in Rafah", "launched an offensive in 2022": a campaign, not an
            # incident; a day, week or month pins one ("the offensive on September 19")
            deferred.append(info)
            continue
        if target is None and info.anaphoric and info.trigger.token.tag_ == "NNS" \
                and info.place_rank >= CONTEXT_RANK:
            continue  # "calling the attacks reckless": several incidents, none described
        if target is None:
            target = Cluster(sibling=_sibling(info, clusters))
            clusters.append(target)
        target.members.append(info)
    for info in deferred:
        # "ending a two-day operation" in the lede: the raid the report goes on to tell
        home = next((c for c in clusters if _same_setting(info, c)), None)
        if home is not None:
            home.members.insert(0, info) if info.sent_index < home.members[0].sent_index \
                else home.members.append(info)
    return clusters


def _campaign(info: TriggerInfo) -> bool:
    """A campaign noun, or a verb whose object is one ("launched a major offensive")."""
    if info.trigger.needs_date:
        return True
    tok = info.trigger.token
    if info.trigger.kind != "verb" or info.trigger.attack_types:
        return False
    from claimwatch.extract.lexicon import lexicon

    return any(c.dep_ == "dobj" and str(c.lemma_).lower() in lexicon().needs_date
               for c in tok.children)


def _whole_year(anchor: Anchor) -> bool:
    return getattr(anchor.timex, "precision", None) == "year"


def _day(anchor: Anchor | None) -> dt.date | None:
    """The one day an anchor tied to its trigger gives, counted from publication or a
    date written out (not itself told relative to another incident)."""
    if anchor is None or not anchor.attached or getattr(anchor.timex, "offset", None) is not None:
        return None
    tx = anchor.timex
    return tx.start if tx.start is not None and tx.start == tx.end else None


def _reanchor(info: TriggerInfo, infos: list[TriggerInfo], clusters: list[Cluster]) -> None:
    """ "the previous evening", "two days later": counted from the day of the incident
    they are told relative to, not from whatever date the text named last ("boats
    attacked on Sunday, the group said on Monday; the ship had been hit the previous
    evening" is Saturday). That incident is the one of the sentence's other clause, else
    the one told just before. "that day" points back to a day named, and stays as is."""
    anchor = info.anchor
    offset = getattr(anchor.timex, "offset", None) if anchor is not None else None
    if anchor is None or not offset or anchor.timex.start != anchor.timex.end:
        return  # ("later that day" is the day last named: "said on Wednesday evening
        #          they had ambushed a patrol earlier that day")
    here = [(abs(o.trigger.token.idx - info.trigger.token.idx), day) for o in infos
            if o is not info and o.sent_index == info.sent_index
            and (day := _day(o.anchor)) is not None]
    ref = min(here, key=lambda c: c[0])[1] if here else None
    if ref is None:
        recent = max(clusters, key=lambda c: c.last_sent, default=None)
        ref = _day(recent.own_anchor) if recent is not None else None
    if ref is None:
        return
    d = ref + dt.timedelta(days=offset)
    if d != anchor.timex.start:
        tx = dataclasses.replace(anchor.timex, start=d, end=d, value=d.isoformat(),
                                 rule=f"{anchor.timex.rule}; re-anchored on the incident of {ref}")
        info.anchor = Anchor(tx, anchor.attached)


def _same_setting(info: TriggerInfo, cluster: Cluster) -> bool:
    """The same named place or the same side, and nothing against it."""
    if _conflicts(info, cluster):
        return False
    own = info.own_perpetrator
    return bool((info.place and info.place.lower() in cluster.places)
                or (own and any(same_side(own, p) for p in cluster.perpetrators)))


def _choose(info: TriggerInfo, clusters: list[Cluster]) -> Cluster | None:
    told_here = any(m.sent_index == info.sent_index for c in clusters for m in c.members)
    # "boats fired on the ship, hours after it had been hit by a missile": two incidents
    # and what is told after that is the later incident's, unless it too is "after" another
    clusters = [c for c in clusters if all(
        m.earlier == info.earlier for m in c.members if m.sent_index == info.sent_index)
        and (info.earlier or not all(m.earlier for m in c.members) or not _superseded(c, clusters))
        # "the strike was revenge for an attack on X on May 1": the incident answered,
        # dated, is another one ("revenge for the raid" alone names no incident told)
        and all(_answered(m) == _answered(info) for m in c.members
                if m.sent_index == info.sent_index)]
    if info.earlier and info.beside_incident and clusters and not told_here:
        # "Lisbon said it began the raid after four died the night before": the
        # operation, no incident of its own sentence, is the one just told; the killings
        # are another, earlier one
        last = max(clusters, key=lambda c: c.last_sent)
        clusters = [c for c in clusters if c is not last]
    recent = max(clusters, key=lambda c: c.last_sent, default=None)
    same_sentence = [c for c in clusters if any(m.sent_index == info.sent_index
                                                 for m in c.members)]
    # "Hamas fired rockets at Tel Aviv, and hours later an Israeli strike hit Rafah":
    # one sentence, two sides, two incidents
    same_sentence = [c for c in same_sentence if not _conflicts(info, c, by_place=False)]

    if same_sentence and (info.anchor is None or same_sentence[-1].anchor is None
                          or _overlap(info.anchor, same_sentence[-1].anchor)) \
            and not _own_day_elsewhere(info, same_sentence[-1]):
        return same_sentence[-1]
    told = _partitive_antecedent(info, clusters)
    if told is not None:
        return told
    if info.anaphoric and recent is not None:
        # "the attack": the incident just described, unless the phrase names a far place
        named = _last_mentioned(info, clusters) or _antecedent(info, clusters) or recent
        if not _conflicts(info, named):
            return named
    if info.anchor is not None:
        if recent is not None and recent.anchor is None and recent.members[0].separate \
                and len(recent.members) == 1 and info.sent_index - recent.last_sent <= 1 \
                and not info.separate and not _conflicts(info, recent):
            return recent  # "By evening the port was shelled again. Rebels fired ..."
        for c in reversed(clusters):
            if _compatible_dated(info, c) and not (info.separate and not _same_day(info, c)):
                return c
        if recent is not None and recent.anchor is None and not info.separate \
                and info.anchor.timex.precision == "day" \
                and info.sent_index - recent.last_sent <= CONTINUATION_WINDOW \
                and not _conflicts(info, recent):
            return recent  # ("Last month, IS claimed a bombing ..." recalls another one)
        for c in clusters:
            # the undated lead incident, now dated by a later sentence about it ("last
            # month, IS claimed a bombing in Kabul" recalls another one)
            if c.anchor is None and not info.separate and info.anchor.attached \
                    and info.anchor.timex.precision == "day" and _related(info, c):
                return c
        return None
    if info.separate:
        return None
    # "launched it after six were killed hours earlier": another incident than its sentence's,
    # so not the one told just before either, unless something ties them
    if recent is not None and info.sent_index - recent.last_sent <= CONTINUATION_WINDOW \
            and not _conflicts(info, recent) and not info.earlier:
        return recent
    for c in clusters:
        if not _conflicts(info, c) and (c.types & set(info.trigger.attack_types)
                                        or _related(info, c)
                                        or (info.place and info.place.lower() in c.places)
                                        or (info.perpetrator and info.perpetrator.lower()
                                            in c.perpetrators)):
            return c
    return None


def _partitive_antecedent(info: TriggerInfo, clusters: list[Cluster]) -> Cluster | None:
    """ "Russian forces struck the city with two bombs ... One of the bombs hit a block in
    X district": the latest incident told within a few sentences whose sentences name
    those weapons; the place is where one of them fell, a part of that incident."""
    if info.partitive is None or info.separate:
        return None
    for c in sorted(clusters, key=lambda c: c.last_sent, reverse=True):
        if info.sent_index - c.last_sent > CONTINUATION_WINDOW:
            break
        if not any(str(t.lemma_).lower() == info.partitive for m in c.members
                   for t in m.trigger.sent if t.i != info.trigger.token.i):
            continue
        theirs = c.anchor
        if (info.anchor is None or theirs is None or _overlap(info.anchor, theirs)) \
                and not _conflicts(info, c, by_place=False):
            return c
        return None
    return None


def _own_day_elsewhere(info: TriggerInfo, cluster: Cluster) -> bool:
    """A trigger with its own day at a place apart from an incident that only a statement's
    date bounds: "rebels claimed an ambush in Nordvik on Sunday ... revenge for a raid
    last Tuesday in Solberg" are two incidents, one sentence or not."""
    theirs = cluster.anchor
    return bool(info.anchor is not None and info.anchor.attached and theirs is not None
                and not theirs.attached and _apart(info, cluster))


def _superseded(cluster: Cluster, clusters: list[Cluster]) -> bool:
    """An earlier incident ("hours after X had been hit") told beside a later one that has a
    cluster of its own: what follows is the later one's."""
    sents = {m.sent_index for m in cluster.members}
    return any(not m.earlier and m.sent_index in sents for c in clusters for m in c.members)


def _answered(info: TriggerInfo) -> bool:
    """An incident told as what another answers, with a date of its own."""
    return info.provoking and info.anchor is not None


def _sibling(info: TriggerInfo, clusters: list[Cluster]) -> Cluster | None:
    """The incident just told, when this undated trigger differs from it only in place."""
    recent = max(clusters, key=lambda c: c.last_sent, default=None)
    if recent is not None and info.anchor is None and not info.separate \
            and info.sent_index - recent.last_sent <= CONTINUATION_WINDOW \
            and any(_opposed(info, m) or _opposed(m, info) for m in recent.members):
        return recent  # "rockets were fired from X; aircraft then struck X": the same day
    if not (info.trigger.weak and info.trigger.kind == "verb"):
        return None  # only a toll ("ten were killed in Odesa") is a part of the wave
    if recent is None or info.anchor is not None or info.separate or info.anaphoric \
            or info.sent_index - recent.last_sent > CONTINUATION_WINDOW \
            or _conflicts(info, recent, by_place=False) or not _conflicts(info, recent):
        return None
    return recent


def _same_day(info: TriggerInfo, cluster: Cluster) -> bool:
    """Both dated to one and the same day by their own clauses: "another strike today"
    after "the barrage on Monday" is Monday's, while "Separately on Monday, X said ..."
    dates a statement and leaves the incident open."""
    mine, theirs = info.anchor, cluster.anchor
    if info.strong_separate or mine is None or theirs is None:
        return False
    return bool(mine.attached and theirs.attached and mine.timex.start == mine.timex.end
                == theirs.timex.start == theirs.timex.end)


def _long_before(info: TriggerInfo, published: dt.date) -> bool:
    """A trigger dated before the week of publication (undated news is that fortnight's)."""
    if info.anchor is None or not info.anchor.attached or info.anaphoric:
        return False
    return bool(info.anchor.end < published - dt.timedelta(days=RECENT_DAYS))


def _last_mentioned(info: TriggerInfo, clusters: list[Cluster]) -> Cluster | None:
    """ "that strike": the incident mentioned last, word by word, in the sentence before
    ("Officials called the raid payback for a bombing at X. ... died in that raid"
    is the bombing at X), whatever word named it."""
    if not any(c.dep_ == "det" and c.lower_ == "that" for c in info.trigger.token.children):
        return None
    told = [(m.trigger.token.i, c) for c in clusters for m in c.members
            if info.sent_index - 2 <= m.sent_index < info.sent_index]
    return max(told, key=lambda t: t[0])[1] if told else None


def _antecedent(info: TriggerInfo, clusters: list[Cluster]) -> Cluster | None:
    """The latest incident named by the same word ("the attack" after "an attack")."""
    lemma = str(info.trigger.token.lemma_).lower()
    for c in reversed(clusters):
        if any(str(m.trigger.token.lemma_).lower() == lemma for m in c.members):
            return c
    return None


def _related(info: TriggerInfo, cluster: Cluster) -> bool:
    """Same perpetrator side or same place, and nothing that says otherwise."""
    if _conflicts(info, cluster):
        return False
    same_perp = bool(info.perpetrator and any(same_side(info.perpetrator, p)
                                              for p in cluster.perpetrators))
    # a region ties nothing: "near the village of X" is not the offensive "into the enclave"
    same_place = bool(info.point is not None and info.point.precision < 3 and any(
        m.point is not None and m.point.precision < 3
        and not far_apart(info.point, m.point, km=25.0) for m in cluster.members))
    return same_perp or same_place


def _apart(info: TriggerInfo, cluster: Cluster) -> bool:
    """Nothing ties the trigger to the incident: another side, or a town while the
    incident has only regions ("strikes on Hodeidah" beside "an attack in the Red Sea")."""
    pinned = any(_precise(m) for m in cluster.members) or any(
        is_named(p) for p in cluster.perpetrators)
    if not _precise(info) or not pinned or _offset(info.place):
        return False  # an incident known only by a region may well be at this town (or
        #               "55 miles southwest of" it, out in that region)
    own = info.own_perpetrator
    if own and any(same_side(own, p) for p in cluster.perpetrators):
        return False
    return not any(_precise(m) and not far_apart(info.point, m.point, km=25.0)
                   for m in cluster.members)


def _offset(place: str | None) -> bool:
    """A place given as a distance and bearing from a town ("55 miles southwest of X")."""
    from claimwatch.extract.roles import OFFSET_BEFORE

    text = place or ""
    cut = text.rfind(" of ")
    return cut > 0 and OFFSET_BEFORE.search(text[:cut + 3]) is not None


def _precise(info: TriggerInfo) -> bool:
    """A town-level place of the trigger's own sentence (not a region, not a guess)."""
    return bool(info.point is not None and info.point.precision < 3
                and info.place_rank < CONTEXT_RANK)


def is_named(name: str) -> bool:
    """A perpetrator the actor table knows, as opposed to "gunmen" or "the attackers"."""
    from claimwatch.resolve.actor import ActorTable

    return ActorTable.load().by_name(name) is not None


def same_side(a: str, b: str) -> bool:
    """Two perpetrator names for one side: equal, parent and wing, or a state and its forces."""
    if a.lower() == b.lower():
        return True
    from claimwatch.resolve.actor import ActorTable

    table = ActorTable.load()
    ea, eb = table.by_name(a), table.by_name(b)
    if ea is None or eb is None:
        return False
    if ea.affiliation == eb.name or eb.affiliation == ea.name:
        return True
    state_like = {"state", "state_force", "government"}
    return bool(ea.country and ea.country == eb.country and ea.category in state_like
                and eb.category in state_like)


def has_separate_cue(sent: Any, lex: Lexicon | None = None, trigger: Any = None) -> bool:
    """ "Separately, ...", "In another attack ...": the sentence names a new incident.

    "later" on a reporting verb ("It later said 50 soldiers had been killed") dates the
    statement, not the incident ("Separately, the army said ..." still starts one).
    """
    lex = lex or lexicon()
    cues = set(lex.cues["separate_cues"]) | set(lex.cues["strong_separate_cues"])
    reporting = set(lex.cues["reporting_verbs"])
    for tok in sent[:6]:
        if tok.lower_ not in cues:
            continue
        if trigger is not None and tok.head.i != trigger.i \
                and tok.lower_ in lex.cues["statement_time_cues"] \
                and str(tok.head.lemma_).lower() in reporting:
            continue
        return True
    return False


def has_strong_separate_cue(sent: Any, lex: Lexicon | None = None) -> bool:
    """ "Separately", "Elsewhere", "In a separate incident": surely another incident."""
    lex = lex or lexicon()
    return bool({t.lower_ for t in sent[:4]} & set(lex.cues["strong_separate_cues"]))
