"""Merge benchmark: N synthetic per-report events with near-duplicates, merged in memory.

Runs the same pure functions the store uses (profile, blocking, pair scoring, clustering,
merged values) over N mentions and prints the time and the time per mention, so linear
growth shows as a flat per-mention figure. Incidents are spread over time and space at a
constant density (about 500 reports a day over 2,000 places), as a growing archive is.

    python bench/merge.py                 # N = 10k, 100k, 1M
    python bench/merge.py 10000 50000     # chosen sizes
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import time
from collections import Counter

from claimwatch.merge import MentionRecord, cluster_records, match, merge_events, threshold
from claimwatch.model import Actor, Assertion, Count, Event, Explanation, Place

KINDS = ["drone", "missile", "rocket", "shooting", "ied", "airstrike", "abduction"]
VERBS = ["hit", "struck", "targeted", "attacked", "slammed into", "damaged"]
SITES = ["market", "checkpoint", "power station", "apartment block", "port", "army base",
         "convoy", "school", "bridge", "fuel depot", "hospital", "airfield"]
SOURCES = ["officials said", "police said", "witnesses said", "the ministry said",
           "a spokesman said", "local media reported"]
COUNTRIES = ["UKR", "YEM", "SYR", "IRQ", "SDN", "MLI", "NGA", "AFG", "SOM", "COD"]
DAY0 = dt.date(2020, 1, 1)
# Stand-ins for the words reports vary in: 5,000 pronounceable made-up words.
VOCABULARY = [a + b + c for a in ("ka", "lo", "mir", "sen", "tu", "var", "zel", "dor", "fen",
                                  "gal") for b in ("ba", "de", "ki", "lo", "mu", "na", "po",
                                                   "ri", "sa", "te") for c in (
              "dan", "fur", "gis", "hom", "jel", "kor", "lim", "mos", "nev", "pix", "qua",
              "rok", "sul", "tev", "ush", "vim", "wex", "yot", "zan", "bel", "cor", "dim",
              "eft", "gop", "hal", "ist", "jun", "kel", "lor", "mep", "nox", "orb", "pil",
              "rem", "sot", "tal", "umb", "ven", "wol", "yar", "zot", "bri", "cla", "dre",
              "fli", "gru", "hix", "jol", "kip", "lun")]


def _places(rng: random.Random, n: int = 2000) -> list[Place]:
    return [Place(f"{VOCABULARY[i].title()}abad", None, rng.choice(COUNTRIES), None,
                  rng.uniform(-30, 55), rng.uniform(-15, 110), 10_000 + i, 1)
            for i in range(n)]


def _groups(n: int = 60) -> list[Actor]:
    return [Actor(f"Group {i} Brigades", "perpetrator", "organization", [f"G{i}B"])
            for i in range(n)]


def _mention(rng: random.Random, inc: dict[str, object], doc: str, published: dt.date,
             recall: bool) -> Event:
    place: Place = inc["place"]  # type: ignore[assignment]
    day: dt.date = inc["day"]  # type: ignore[assignment]
    kind, site, group = inc["kind"], inc["site"], inc["group"]
    jitter = Place(place.name, None, place.iso3, None,
                   (place.latitude or 0) + rng.uniform(-0.02, 0.02),
                   (place.longitude or 0) + rng.uniform(-0.02, 0.02), place.geonameid, 1)
    filler = " ".join(rng.choice(VOCABULARY) for _ in range(14))
    text = (f"A {kind} {rng.choice(VERBS)} a {site} in {place.name} {inc['detail']}, killing "
            f"{inc['killed']} people, {rng.choice(SOURCES)}; {filler}.")
    start, end, precision = day, day, "day"
    if recall:
        start, end, precision = day.replace(day=1), _month_end(day), "month"
    return Event(
        event_id=f"ev_{doc}", attack_types=[str(kind)], date_start=start, date_end=end,
        date_precision=precision, mention_role="historical" if recall else "new",
        actors=[group], location=jitter,  # type: ignore[list-item]
        fatalities=Count(int(inc["killed"]) + rng.randrange(3),  # type: ignore[call-overload]
                         None),
        assertions=[Assertion("officials", "confirms", "target_state", quote=text,
                              document_id=doc, published=published)],
        documents=[doc], explanations=[Explanation("trigger", "bench", doc, text)],
    )


def _month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def synthesise(n: int, seed: int = 1) -> tuple[list[MentionRecord], list[int]]:
    """N mentions of about N/2 incidents (1-3 reports each, some recalled months later)."""
    rng = random.Random(seed)
    places, groups = _places(rng), _groups()
    span = max(1, n // 500)
    records: list[MentionRecord] = []
    truth: list[int] = []  # the incident of each mention
    incidents = 0
    while len(records) < n:
        day = DAY0 + dt.timedelta(days=rng.randrange(span))
        inc = {"place": rng.choice(places), "day": day, "kind": rng.choice(KINDS),
               "site": rng.choice(SITES), "group": rng.choice(groups),
               "killed": rng.randrange(0, 30),
               "detail": " ".join(rng.choice(VOCABULARY) for _ in range(4))}
        incidents += 1
        for k in range(rng.choice((1, 2, 2, 3))):
            recall = k > 0 and rng.random() < 0.1
            published = day + dt.timedelta(days=k + (90 if recall else 0))
            doc = f"r{len(records)}"
            records.append(MentionRecord(doc, doc, published, 0,
                                         _mention(rng, inc, doc, published, recall)))
            truth.append(incidents)
            if len(records) >= n:
                break
    return records, truth


def run(n: int) -> None:
    records, truth = synthesise(n)
    merge_events(match(records[:2], threshold()) and records[:1])  # load tables first
    gc.collect()
    began, cpu = time.perf_counter(), time.process_time()
    found = match(records, threshold())
    matched = time.perf_counter()
    clusters = cluster_records(records, found.matches, found.vetoed)
    events = [merge_events(c) for c in clusters]
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    incident_of = {r.key: t for r, t in zip(records, truth, strict=True)}
    sizes = Counter(truth)
    exact = sum(1 for c in clusters if len({incident_of[r.key] for r in c}) == 1
                and len(c) == sizes[incident_of[c[0].key]])
    print(f"N={n:>9,} merge_s={seconds:8.1f} per_event_us={seconds / n * 1e6:6.0f} "
          f"cpu_s={cpu:8.1f} cpu_per_event_us={cpu / n * 1e6:6.0f} "
          f"match_s={matched - began:7.1f} compared={found.compared:,} "
          f"events={len(events):,} true_incidents={len(sizes):,} "
          f"exactly_recovered={exact / len(sizes):.3f}", flush=True)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    for n in sizes:
        run(n)


if __name__ == "__main__":
    main(sys.argv[1:])
