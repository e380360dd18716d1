"""Hand-built events and reports for the export and API tests (invented texts)."""

from __future__ import annotations

import datetime as dt

from claimwatch.model import (
    Actor,
    Assertion,
    Count,
    Document,
    Event,
    Evidence,
    Explanation,
    Place,
    Responsibility,
    StatusChange,
    Target,
    Victim,
)

D1, D2, D3, D4 = (dt.date(2024, 2, 1), dt.date(2024, 2, 2), dt.date(2024, 2, 5),
                  dt.date(2024, 3, 10))


def sample_documents() -> list[Document]:
    return [
        Document(id="doc-harbour", published=D1, title="Group says it hit northern port",
                 source="Coastal Herald", url="https://example.org/harbour",
                 text="The Northern Front said on Thursday that it launched a drone at the "
                      "harbour of Portvale. The coast guard said it saw nothing."),
        Document(id="doc-harbour-2", published=D2, title="Army denies port attack",
                 source="Daily Ledger", url="https://example.org/denial",
                 text="A military spokesman denied that any drone reached Portvale harbour."),
        Document(id="doc-market", published=D3, title="Shells hit market town",
                 source="Valley Times",
                 text="Two people were killed when shells struck the market in Eastbrook, "
                      "residents said. The regional army confirmed the shelling."),
        Document(id="doc-road", published=D4, title="Travellers abducted on highway",
                 source="Coastal Herald",
                 text="Gunmen seized at least 12 travellers on the highway in March, "
                      "local officials said."),
    ]


def sample_events() -> list[Event]:
    harbour = Event(
        event_id="evt-harbour", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", attack_types=["drone"],
        date_start=D1, date_end=D1, date_precision="day",
        actors=[Actor("Northern Front", "perpetrator", "organization", ["NF"], "Iran"),
                Actor("Israel", "target", "state")],
        weapons=["one-way attack drone"],
        targets=[Target("harbour of Portvale", "infrastructure")],
        location=Place("Haifa", country="Israel", iso3="ISR", admin1="Haifa District",
                       latitude=32.8184, longitude=34.9885, geonameid=294801, precision=1),
        fatalities=Count(0, 0, None), status="disputed",
        responsibility=Responsibility("claimed", ["Northern Front"]),
        assertions=[
            Assertion("Northern Front", "claims", "perpetrator", None,
                      "it launched a drone at the harbour of Portvale", "doc-harbour", D1, 0, 60),
            Assertion("Israel Defense Forces", "denies", "target_state", "IDF",
                      "denied that any drone reached Portvale harbour", "doc-harbour-2", D2,
                      2, 50),
        ],
        evidence=[Evidence("observation", "the coast guard saw nothing", "coast guard", True)],
        documents=["doc-harbour", "doc-harbour-2"],
        status_history=[StatusChange("claimed", D1, "doc-harbour"),
                        StatusChange("disputed", D2, "doc-harbour-2")],
        explanations=[Explanation("status", "claim+denial", "doc-harbour-2",
                                  "A military spokesman denied ...")],
        status_rule="claim+denial",
    )
    market = Event(
        event_id="evt-market", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", attack_types=["artillery"],
        date_start=D3, date_end=D3, date_precision="day",
        actors=[Actor("Military Forces of Russia", "perpetrator", "state")],
        targets=[Target("market", "civilian")],
        victims=[Victim("two people", 2)],
        location=Place("Kharkiv", country="Ukraine", iso3="UKR", admin1="Kharkiv Oblast",
                       latitude=49.9935, longitude=36.2304, precision=2),
        fatalities=Count(2, 3, "at least"), injured=Count(5, None, None), status="confirmed",
        responsibility=Responsibility("attributed", ["Military Forces of Russia"]),
        assertions=[Assertion("regional army", "confirms", "target_state", None,
                              "The regional army confirmed the shelling.", "doc-market", D3,
                              70, 112)],
        documents=["doc-market"],
        status_history=[StatusChange("confirmed", D3, "doc-market")],
    )
    road = Event(
        event_id="evt-road", event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance", attack_types=["abduction"],
        date_start=dt.date(2024, 3, 1), date_end=dt.date(2024, 3, 31),
        date_precision="month", mention_role="historical",
        actors=[Actor("unidentified gunmen", "perpetrator", "group")],
        victims=[Victim("travellers", 12)],
        location=Place("Zamfara", country="Nigeria", iso3="NGA", admin1="Zamfara",
                       latitude=12.1704, longitude=6.6641, precision=3),
        abducted=Count(12, None, "at least"), status="reported",
        assertions=[Assertion("local officials", "reports", "unknown", None,
                              "Gunmen seized at least 12 travellers", "doc-road", D4, 0, 36)],
        documents=["doc-road"],
        status_history=[StatusChange("reported", D4, "doc-road")],
    )
    nowhere = Event(
        event_id="evt-nowhere", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", attack_types=["rocket"],
        date_start=D2, date_end=D2, date_precision="day", status="claimed",
        actors=[Actor("Northern Front", "perpetrator", "organization")],
        responsibility=Responsibility("claimed", ["Northern Front"]),
        assertions=[Assertion("Northern Front", "claims", "perpetrator", None,
                              "fired rockets", "doc-harbour-2", D2, 0, 13)],
        documents=["doc-harbour-2"],
        status_history=[StatusChange("claimed", D2, "doc-harbour-2")],
    )
    return [harbour, market, road, nowhere]
