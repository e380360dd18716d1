"""Assertions and evidence found in small news-style reports, tied to the right mention."""

from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.claims.assertions import annotate_claims
from claimwatch.claims.status import compute_status
from claimwatch.model import Actor, Assertion, Document, Mention, Place, Span
from claimwatch.nlp.loader import load_nlp

PUBLISHED = dt.date(2024, 3, 6)


def analyse(text: str, *specs: dict) -> list[Mention]:
    """Run the claims stage over text with hand-made mentions (trigger word, perpetrator...)."""
    sdoc = load_nlp()(text)
    mentions = []
    for spec in specs:
        start = text.index(spec["trigger"], spec.get("after", 0))
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        actors = [Actor(spec["perpetrator"], "perpetrator", "organization",
                        aliases=spec.get("aliases", []))] if spec.get("perpetrator") else []
        mentions.append(Mention(
            document_id="doc1", trigger=Span(start, start + len(spec["trigger"]), spec["trigger"]),
            sentences=[Span(sent.start_char, sent.end_char, sent.text)],
            mention_role=spec.get("role", "new"), actors=actors,
            attack_types=list(spec.get("types", [])),
            place=Place(spec.get("place", "somewhere"), iso3=spec.get("iso3")),
        ))
    annotate_claims(Document("doc1", text, PUBLISHED), sdoc, mentions)
    return mentions


def find(mention: Mention, speaker: str) -> list[Assertion]:
    return [a for a in mention.assertions if speaker.lower() in a.speaker.lower()]


def stances_of(mention: Mention, speaker: str) -> set[tuple[str, str]]:
    return {(a.speaker_role, a.stance) for a in find(mention, speaker)}


CLAIM_REPORT = (
    "The Northern Liberation Front said on Tuesday that its fighters had fired rockets at the "
    "town of Kiryat Shmona. The Israeli military has yet to comment on the claim.\n\n"
    "Rockets were fired at Kiryat Shmona tonight, the group says, but there were no sirens "
    "in the area. pic.twitter.com/Ab3dE5fGh1 — Levant Monitor (@levantmonitor) March 5, 2024\n"
)


def test_group_claim_silence_and_embedded_post() -> None:
    (m,) = analyse(CLAIM_REPORT, {"trigger": "fired", "perpetrator": "Northern Liberation Front",
                                  "iso3": "ISR"})
    assert ("perpetrator", "claims") in stances_of(m, "Northern Liberation Front")
    assert ("target_state", "no_comment") in stances_of(m, "Israel")
    (post,) = [a for a in m.assertions if a.handle == "@levantmonitor"]
    assert post.speaker == "Levant Monitor"
    assert post.speaker_role == "osint" and post.stance == "reports"
    assert post.published == dt.date(2024, 3, 5)
    assert post.quote.startswith("Rockets were fired") and "pic.twitter" not in post.quote
    sirens = [e for e in m.evidence if e.kind == "sirens"]
    assert sirens and sirens[0].against
    assert compute_status(m.assertions, m.evidence, ["Northern Liberation Front"]).status in (
        "claimed", "disputed")


def test_offsets_point_at_the_quote_in_the_stored_text() -> None:
    (m,) = analyse(CLAIM_REPORT, {"trigger": "fired", "perpetrator": "Northern Liberation Front",
                                  "iso3": "ISR"})
    assert m.assertions
    for a in m.assertions:
        assert a.quote and a.quote in CLAIM_REPORT[a.char_start:a.char_end]
        assert a.document_id == "doc1"


def test_denial_by_the_attacked_state() -> None:
    text = ("The Coastal Brigade claimed it struck a navy frigate off the coast of Sidon on "
            "Monday. A spokesman for the Lebanese navy denied that any vessel had been hit.")
    (m,) = analyse(text, {"trigger": "struck", "perpetrator": "Coastal Brigade", "iso3": "LBN"})
    assert ("perpetrator", "claims") in stances_of(m, "Coastal Brigade")
    assert any(a.speaker_role == "target_state" and a.stance == "denies" for a in m.assertions)
    assert compute_status(m.assertions, m.evidence, ["Coastal Brigade"]).status == "denied"


def test_third_party_attribution_is_not_a_claim() -> None:
    text = ("A suicide bomber killed nine people at a market in Kandahar on Friday, police said. "
            "US officials blamed the Islamic State Khorasan Province for the bombing.")
    (m,) = analyse(text, {"trigger": "killed", "perpetrator": "Islamic State Khorasan Province",
                          "iso3": "AFG"})
    assert ("target_state", "confirms") in stances_of(m, "police")
    assert ("third_state", "attributes") in stances_of(m, "US officials")
    assert not any(a.stance == "claims" for a in m.assertions)
    decision = compute_status(m.assertions, m.evidence, ["Islamic State Khorasan Province"])
    assert decision.responsibility.status == "attributed"


def test_multi_sentence_quote_and_speaker_after_the_quote() -> None:
    text = ("Fighters attacked an army garrison near Dalbo at dawn on Sunday. "
            "“Our fighters attacked the garrison at dawn. They destroyed two armoured "
            "vehicles and returned safely,” said Idris Kamara, a spokesman for the Valley "
            "Brigades.")
    (m,) = analyse(text, {"trigger": "attacked", "perpetrator": "Valley Brigades"})
    quoted = [a for a in m.assertions if "Idris Kamara" in a.speaker]
    assert quoted, m.assertions
    a = quoted[0]
    assert a.speaker_role == "perpetrator" and a.stance == "claims"
    assert "They destroyed two armoured vehicles" in text[a.char_start:a.char_end]
    assert text[a.char_start:a.char_end].startswith("“Our fighters")


def test_witnesses_video_and_hospital_count() -> None:
    text = ("Witnesses said a drone struck a wedding hall in the village of Tal Hamid on "
            "Saturday. The group released a video showing the launch. Doctors at the "
            "district hospital said 14 bodies had been brought to the morgue.")
    (m,) = analyse(text, {"trigger": "struck", "perpetrator": "Desert Hawks"})
    assert ("witness", "reports") in stances_of(m, "Witnesses")
    kinds = {e.kind for e in m.evidence}
    assert {"video", "casualty_count"} <= kinds
    video = next(e for e in m.evidence if e.kind == "video")
    assert video.source == "Desert Hawks" and not video.against


def test_silence_by_the_side_named_after_by() -> None:
    text = ("Warplanes struck a weapons depot near Hama overnight, a monitoring group said. "
            "There was no confirmation or denial of the strike by the Syrian government.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "SYR"})
    assert ("target_state", "no_comment") in stances_of(m, "Syrian government")


def test_unknown_speaker_keeps_surface_text_and_unknown_role() -> None:
    text = "Zorbak Velt said the convoy had been ambushed near the bridge on Wednesday."
    (m,) = analyse(text, {"trigger": "ambushed"})
    (a,) = m.assertions
    assert a.speaker == "Zorbak Velt"
    assert a.speaker_role == "unknown"


def test_according_to_and_statement_by() -> None:
    text = ("Two soldiers were killed when their patrol hit a mine near Gao, according to the "
            "Malian army. A statement by the Sahel Front said its men had laid the mine.")
    (m,) = analyse(text, {"trigger": "killed", "perpetrator": "Sahel Front", "iso3": "MLI"})
    assert any(a.speaker_role == "target_state" and a.stance == "confirms"
               and "according to" in a.quote for a in m.assertions)
    assert ("perpetrator", "claims") in stances_of(m, "Sahel Front")


def test_statement_about_an_earlier_attack_goes_to_that_mention() -> None:
    text = ("The Eastern Shield said it shelled the port of Varna on Monday. Last year, the "
            "same group had claimed to have struck the city with a missile. The government "
            "did not comment on either attack.")
    new, old = analyse(text, {"trigger": "shelled", "perpetrator": "Eastern Shield"},
                       {"trigger": "struck", "perpetrator": "Eastern Shield", "role": "historical"})
    assert find(new, "Eastern Shield")
    assert any(a.stance == "claims" and a.speaker_role == "perpetrator" for a in old.assertions)
    assert any(a.stance == "no_comment" for a in old.assertions)
    assert not any(a.stance == "no_comment" for a in new.assertions)


@pytest.mark.parametrize("verb,stance", [("denied", "denies"), ("rejected", "denies"),
                                         ("dismissed", "denies")])
def test_denial_verbs_by_the_accused(verb: str, stance: str) -> None:
    text = (f"Officials blamed the River Alliance for the bombing of the bridge at Koro. The "
            f"River Alliance {verb} any involvement in the attack.")
    (m,) = analyse(text, {"trigger": "bombing", "perpetrator": "River Alliance"})
    assert ("perpetrator", stance) in stances_of(m, "River Alliance")
    decision = compute_status(m.assertions, m.evidence, ["River Alliance"])
    assert decision.responsibility.status == "contested"


def test_denial_inside_what_the_target_state_said() -> None:
    text = ("The Sea Wolves said they fired two missiles at a US destroyer in the Gulf of Aden. "
            "A US official said there had been no such attack that day.")
    (m,) = analyse(text, {"trigger": "fired", "perpetrator": "Sea Wolves"})
    assert ("target_state", "denies") in stances_of(m, "US official")
    assert compute_status(m.assertions, m.evidence, ["Sea Wolves"]).status == "denied"


def test_un_body_confirms_and_names_keep_the_reports_wording() -> None:
    text = ("Shelling hit a camp for displaced people near Goma on Friday, killing nine, the "
            "United Nations mission said. Kenya's foreign ministry condemned the attack.")
    (m,) = analyse(text, {"trigger": "Shelling", "iso3": "COD"})
    assert ("ngo", "confirms") in stances_of(m, "United Nations")
    assert ("third_state", "confirms") in stances_of(m, "Kenya's foreign ministry")


def test_its_ministry_after_a_capital_city_speaks() -> None:
    text = ("Artillery fire hit border posts near Lachin overnight. Yerevan told a very different "
            "story. Its defence ministry said enemy units had opened fire first.")
    (m,) = analyse(text, {"trigger": "fire", "iso3": "AZE"})
    assert any(a.speaker.startswith("Armenia") and a.speaker_role == "third_state"
               for a in m.assertions), m.assertions


@pytest.mark.parametrize(("named", "expected"), [
    ("Yemen's Ansar Allah movement", "Houthis"),   # a full name in another wording
    ("JNIM", "JNIM"),                              # an abbreviation as the report writes it
])
def test_the_group_takes_the_last_named_group_spelt_by_the_table(named: str,
                                                                 expected: str) -> None:
    text = (f"Fighters attacked an army post near the river on Monday. {named} has long "
            "operated in the area. The group published a video of the attack on the post.")
    (m,) = analyse(text, {"trigger": "attacked"})
    speakers = {a.speaker for a in m.assertions}
    assert expected in speakers, speakers


def test_a_statement_naming_a_weapon_goes_to_the_incident_with_that_weapon() -> None:
    from claimwatch.claims.assertions import _attach

    text = ("The Northern Front said it attacked Aqaba with drones. Last month it claimed a "
            "missile strike on the port. Jordan has said nothing about the attack. The group "
            "published a video said to show the launch of the missile.")
    def mention(trigger: str, types: list[str], *sentences: str) -> Mention:
        at = text.index(trigger)
        spans = [Span(text.index(x), text.index(x) + len(x), x) for x in sentences]
        return Mention(document_id="doc1", trigger=Span(at, at + len(trigger), trigger),
                       sentences=spans, attack_types=types)
    drones = mention("attacked", ["drone"], "The Northern Front said it attacked Aqaba with "
                     "drones.", "Jordan has said nothing about the attack.")
    missile = mention("missile strike", ["missile"], "Last month it claimed a missile strike "
                      "on the port.")
    video = text.index("The group published")
    assert _attach(video, len(text), [drones, missile], text) == [missile]


def test_an_accusation_of_backing_a_group_is_no_word_on_the_attack() -> None:
    text = ("Rebels of the Northern Front killed 12 villagers near Kalo on Monday, local "
            "officials said. The army blamed the Northern Front for the killings.\n\n"
            "Mali accuses neighbouring Niger of backing the Northern Front, which Niamey denies.")
    (m,) = analyse(text, {"trigger": "killed", "perpetrator": "Northern Front"})
    assert not [a for a in m.assertions if "backing" in a.quote]
    assert any(a.stance == "attributes" for a in m.assertions)


def test_bare_army_is_the_striking_states_forces() -> None:
    text = ("A rocket was fired at a border post near Kilis on Saturday, the military said. "
            "Turkish jets then struck a depot near Qamishli that the army said militants used.")
    rocket, strike = analyse(
        text, {"trigger": "fired", "iso3": None},
        {"trigger": "struck", "perpetrator": "Turkish jets", "iso3": "SYR"})
    found = [a for a in strike.assertions if a.speaker_role == "perpetrator"]
    assert found and found[0].stance == "claims"
    assert "Turk" in found[0].speaker and found[0].speaker != "army"


def test_a_state_speaking_of_its_own_dead_is_the_attacked_state() -> None:
    text = ("Jordan's army said one of its border guards had been killed in a shooting at a "
            "crossing point on Friday, without saying who had fired.")
    (m,) = analyse(text, {"trigger": "shooting", "iso3": "SYR"})
    assert ("target_state", "confirms") in stances_of(m, "Jordan")


def test_looking_into_the_incident_is_no_comment() -> None:
    text = ("A drone struck a fuel depot in Kursk on Tuesday, the regional governor said. "
            "The Ukrainian military said it was investigating the incident.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "RUS"})
    assert ("third_state", "no_comment") in stances_of(m, "Ukrainian military")
    assert not any(a.stance == "confirms" for a in find(m, "Ukrainian military"))


def test_bare_military_speaking_of_an_interception_is_the_defending_states() -> None:
    text = ("Four drones were launched towards the port of Aqaba on Friday; all were shot "
            "down, the military said.")
    (m,) = analyse(text, {"trigger": "shot", "iso3": "JOR", "types": ["drone", "interception"]})
    found = [a for a in m.assertions if a.speaker_role == "target_state"]
    assert found and found[0].speaker not in ("military", "the military")
    assert "Jordan" in found[0].speaker


def test_bare_army_with_no_state_named_is_the_army_of_the_country_hit() -> None:
    text = ("Shelling killed 20 people at a market in Nyala on Monday. The army accused the "
            "paramilitary Rapid Support Forces of the attack. The paramilitary force said the "
            "army was responsible.")
    (m,) = analyse(text, {"trigger": "Shelling", "iso3": "SDN"})
    army = [a for a in m.assertions if a.speaker_role == "target_state"]
    assert army and army[0].speaker == "Sudanese army"
    assert not [a for a in m.assertions
                if a.speaker == "Sudanese army" and "paramilitary force said" in a.quote]


def test_a_statement_on_that_attack_goes_to_the_incident_introduced_last() -> None:
    import claimwatch

    text = ("Russian missiles hit a clinic in Sumy on Tuesday, killing eight people, the "
            "mayor said. Moscow called the strike an answer to a Ukrainian attack on a "
            "depot in Horlivka on March 14. The Russian defence ministry said 23 of its "
            "troops died there.")
    found = claimwatch.extract(text, published=dt.date(2024, 3, 19))
    horlivka = [e for e in found if e.location is not None and "Horl" in e.location.name]
    assert horlivka
    assert any("defence ministry" in a.speaker and "23 of its" in a.quote
               for a in horlivka[0].assertions)


def test_a_state_reporting_a_ship_struck_did_not_strike_it() -> None:
    text = ("A tanker was struck by a missile off Aden on Monday, the British military said, "
            "adding that its crew were safe.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "YEM"})
    assert not [a for a in m.assertions if a.speaker_role == "perpetrator"]


@pytest.mark.parametrize("remark", [
    "These accusations are voiced with clear political aims",
    "The allegations are politically motivated and groundless",
    "This is a smear campaign built on disinformation",
])
def test_dismissing_an_accusation_denies_it(remark: str) -> None:
    # a spokesman waving the charge away as political or false denies it, whatever his role
    text = ("A drone struck a fuel depot near Erbil on Monday. Kurdish officials blamed Syria "
            f"for the attack. \"{remark},\" spokesman Omar Haddad said.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "IRQ", "perpetrator": "Syria"})
    stances = {a.stance for a in find(m, "Omar Haddad")}
    assert stances == {"denies"}


def test_counted_victims_run_into_the_subject_are_not_the_speakers() -> None:
    import claimwatch

    (ev,) = claimwatch.extract(
        "The army carried out an air strike on a school in the north on Tuesday, killing at "
        "least 40 people, including women and children, who had gathered for the opening of a "
        "new wing of the local clinic, witnesses and local media said.", published=PUBLISHED)
    speakers = {a.speaker for a in ev.assertions}
    assert "witnesses" in speakers
    assert not any("including" in s or "women" in s for s in speakers)


def test_a_list_of_victims_is_no_speaker_phrase() -> None:
    from claimwatch.claims.statements import _plausible

    assert not _plausible("including two women and a child")
    assert _plausible("relatives")


def test_a_ship_owner_rejecting_any_connection_denies() -> None:
    # the owner rejects the premise of the attack: it denies, it does not report
    text = ("Rebels said they fired a missile at the bulk carrier Sea Lark off Aden on Friday. "
            "\"The ship has no connection with the countries they name,\" the company said.")
    (m,) = analyse(text, {"trigger": "fired", "iso3": "YEM", "perpetrator": "rebels"})
    assert {a.stance for a in find(m, "company")} == {"denies"}


def test_a_count_of_attacks_over_months_is_no_word_on_one_incident() -> None:
    # how often forces were attacked over a span is no word on this one strike
    text = ("A drone strike in Menaka killed a militia leader on Sunday. The defence ministry "
            "said its forces had been attacked more than 80 times around Menaka since March.")
    (m,) = analyse(text, {"trigger": "strike", "iso3": "MLI", "place": "Menaka"})
    assert not find(m, "ministry"), m.assertions


def test_fronted_phrase_does_not_hide_who_claims() -> None:
    text = ("Gunmen abducted 40 workers from a mine near Ostrava on Monday. In a communique "
            "addressed to the local press, the Red Dawn Movement today claimed responsibility "
            "for the abduction.")
    (m,) = analyse(text, {"trigger": "abducted", "perpetrator": "Red Dawn Movement"})
    assert ("perpetrator", "claims") in stances_of(m, "Red Dawn Movement")


def test_holding_a_group_responsible_blames_it() -> None:
    text = ("A car bomb exploded outside the town hall of Ostrava on Monday. The mayor holds "
            "the Red Dawn Movement responsible for the bombing.")
    (m,) = analyse(text, {"trigger": "exploded"})
    assert "attributes" in {a.stance for a in find(m, "mayor")}
    calm = ("A car bomb exploded outside the town hall of Ostrava on Monday. The mayor holds "
            "a meeting with the police chief today.")
    (m,) = analyse(calm, {"trigger": "exploded"})
    assert not find(m, "mayor")


def test_maintained_reports_what_follows_it() -> None:
    text = ("A car bomb exploded outside the town hall of Ostrava on Monday. Governor Jan "
            "Novak maintained the bomb was planted by members of the Red Dawn Movement.")
    (m,) = analyse(text, {"trigger": "exploded"})
    assert "attributes" in {a.stance for a in find(m, "Novak")}
    held = ("A car bomb exploded outside the town hall of Ostrava on Monday. The army "
            "maintained its positions around the town.")
    (m,) = analyse(held, {"trigger": "exploded"})
    assert not find(m, "army")
