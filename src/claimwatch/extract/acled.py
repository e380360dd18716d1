"""ACLED event_type / sub_event_type from an incident's attack types and target."""

from __future__ import annotations

from claimwatch.extract.lexicon import lexicon
from claimwatch.model import Mention

# Which attack type decides the ACLED category when several are present, first wins.
PRIORITY = ("suicide", "drone", "airstrike", "missile", "rocket", "artillery", "mortar", "ied",
            "bombing", "abduction", "shooting", "ground_assault", "arson", "interception",
            "other")
ARMED_TARGETS = {"military", "vessel"}


def acled_types(mention: Mention) -> tuple[str, str]:
    """(event_type, sub_event_type) per ACLED's codebook."""
    table = lexicon().acled
    types = set(mention.attack_types)
    if types & {"bombing", "ied"} and any("suicide" in s.text.lower() or "blew himself up"
                                          in s.text.lower() for s in mention.sentences):
        types.add("suicide")
    if types == {"interception"}:
        key = "interception"
    else:
        key = next((t for t in PRIORITY if t in types and t != "interception"), "other")
    if key in ("shooting", "ground_assault", "arson", "other"):
        armed = any(t.type in ARMED_TARGETS for t in mention.targets)
        civilian = any(t.type == "civilian" for t in mention.targets) or \
            mention.fatalities.is_known and not armed
        if key == "ground_assault" and not civilian:
            key = "ground_assault"
        elif civilian and not armed:
            key = "shooting" if key != "arson" else "arson"
        else:
            key = "shooting_armed"
    event_type, sub_type = table[key]
    return event_type, sub_type
