"""Speaker naming, coreference and attachment on invented reports (claims stage)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.claims.assertions import annotate_claims
from claimwatch.claims.status import compute_status
from claimwatch.model import Document, Mention, Place, Span
from claimwatch.nlp.loader import load_nlp
from test_assertions import analyse, find, stances_of


def test_group_spokesman_speaks_for_the_group() -> None:
    text = ("Rockets hit the port of Ashdod on Monday. A Houthi spokesman said the movement "
            "had fired the rockets at the port.")
    (m,) = analyse(text, {"trigger": "hit", "perpetrator": "Houthis", "iso3": "ISR"})
    assert ("perpetrator", "claims") in stances_of(m, "Houthis")
    assert not find(m, "spokesman")


def test_state_spokesman_keeps_his_name() -> None:
    text = ("A drone struck a fuel depot near Taba on Friday. Egypt's military spokesman, "
            "Colonel Amr Fathy Nasser, said the drone had been fired from the south.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "EGY"})
    assert find(m, "Amr Fathy Nasser")


def test_bare_surname_refers_to_the_person_named_earlier() -> None:
    text = ("A bomb killed two officers at a checkpoint in Garissa on Monday, said Peter Kamau, "
            "the police commander in Garissa.\n\n"
            "Kamau said a third officer died in hospital.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "KEN", "place": "Garissa"})
    names = {a.speaker for a in m.assertions}
    assert "Peter Kamau" in names and "Kamau" not in names
    assert all(a.speaker_role == "target_state" for a in find(m, "Kamau"))


def test_a_later_historical_mention_does_not_take_an_earlier_paragraph() -> None:
    text = ("A bomb went off in a hotel in Wajir on Monday, killing three people, police said.\n\n"
            "The county governor condemned the cowardly terrorist attack.\n\n"
            "In 2019, gunmen abducted two engineers in Wajir.")
    sdoc = load_nlp()(text)
    mentions = []
    for word, role, extra in (("went off", "new", None), ("abducted", "historical", "The county")):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        spans = [Span(sent.start_char, sent.end_char, sent.text)]
        if extra:   # the extraction gave the later mention the governor's sentence too
            e_start = text.index(extra)
            spans.append(Span(e_start, text.index("\n", e_start), extra))
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, mention_role=role,
                                place=Place("Wajir", iso3="KEN")))
    annotate_claims(Document("doc1", text, dt.date(2024, 3, 6)), sdoc, mentions)
    new, old = mentions
    assert find(new, "governor")
    assert not find(old, "governor")


def test_perpetrator_owning_up_to_a_mistake_confirms() -> None:
    text = ("An air strike hit an aid truck near Khan Younis on Monday. The Israeli military "
            "said the strike had been a tragic mistake and opened an inquiry.")
    (m,) = analyse(text, {"trigger": "hit", "perpetrator": "Israel Defense Forces",
                          "iso3": "PSE"})
    assert ("perpetrator", "confirms") in stances_of(m, "Israeli military")


def test_titles_are_not_part_of_a_persons_name() -> None:
    text = ("A drone struck a fuel depot in Belgorod on Sunday, said Maj Gen Ivan Petrovsky, "
            "the regional commander.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "RUS"})
    assert find(m, "Ivan Petrovsky")
    assert not any(a.speaker.startswith(("Maj", "Gen")) for a in m.assertions)


def test_a_relayed_report_is_reported_not_confirmed() -> None:
    text = ("A blast was heard near a tanker off Aden on Friday. The British agency UKMTO said "
            "the tanker's master had reported an explosion close to the ship.")
    (m,) = analyse(text, {"trigger": "blast", "iso3": "YEM"})
    assert ("confirms" not in {a.stance for a in find(m, "UKMTO")})
    assert "reports" in {a.stance for a in find(m, "UKMTO")}


def test_killed_state_forces_make_their_state_the_target() -> None:
    text = ("An air strike destroyed a villa in Beirut on Monday, killing two officers of the "
            "Revolutionary Guards. The Revolutionary Guards said the two men had been killed.")
    (m,) = analyse(text, {"trigger": "destroyed", "iso3": "LBN"})
    assert ("target_state", "confirms") in stances_of(m, "Revolutionary Guards")


def test_first_silence_cue_gives_the_silent_side() -> None:
    text = ("Jets struck a depot near Homs on Monday. Israel's army declined to comment and "
            "said it does not discuss such operations.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "SYR"})
    assert "no_comment" in {a.stance for a in find(m, "Israel")}


def test_putting_the_death_toll_at_a_figure_is_a_statement() -> None:
    text = ("Shelling hit a market in Idlib on Friday. The Syrian Observatory for Human "
            "Rights, which tracks the war, put the death toll at nine.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "SYR"})
    assert ("ngo", "reports") in stances_of(m, "Syrian Observatory for Human Rights")


def test_the_group_is_the_armed_group_named_last() -> None:
    text = ("ISKP has attacked Taliban officials before. Last year the group claimed a bombing "
            "that killed a district chief in Kunduz.")
    (m,) = analyse(text, {"trigger": "bombing", "perpetrator": "Islamic State Khorasan Province",
                          "iso3": "AFG"})
    assert ("perpetrator", "claims") in stances_of(m, "ISKP")


def test_staff_of_a_hospital_are_named_by_the_hospital() -> None:
    text = ("A car bomb exploded in Mogadishu on Sunday. Doctors at the city's Medina hospital "
            "said 12 bodies had been brought in.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "SOM"})
    assert [a.speaker for a in m.assertions if "Medina" in a.speaker] == ["Medina hospital"]


def test_acronym_parsed_as_auxiliary_is_the_speaker() -> None:
    text = ("A bomb exploded at a church in Beni on Sunday. In a message on its Amaq agency, "
            "IS said its fighters had planted the bomb.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "COD"})
    assert ("perpetrator", "claims") in stances_of(m, "Islamic State")


def test_a_source_telling_a_news_agency_is_reported_by_the_agency() -> None:
    text = ("Gunmen attacked a village near Djibo on Saturday. A security source told Reuters "
            "that 40 people had been killed.")
    (m,) = analyse(text, {"trigger": "attacked", "iso3": "BFA"})
    assert ("media", "reports") in stances_of(m, "Reuters")


def test_a_group_named_in_full_keeps_its_name() -> None:
    text = ("Gunmen attacked an army post near Dori on Monday. Jama'at Nusrat al-Islam "
            "wal-Muslimin claimed the attack in a statement.")
    (m,) = analyse(text, {"trigger": "attacked", "iso3": "BFA",
                          "perpetrator": "Jama'at Nusrat al-Islam wal-Muslimin"})
    assert ("perpetrator", "claims") in stances_of(m, "Jama'at Nusrat al-Islam wal-Muslimin")


def test_accused_group_denies_and_its_spokesman_blames_others() -> None:
    text = ("Shells struck a market in Bunia on Friday, killing nine people. The army blamed the "
            "CODECO militia.\n\nCODECO denied any involvement on Saturday. Its spokesman said the "
            "shells had been fired by the army.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "COD", "place": "Bunia"})
    assert ("perpetrator", "denies") in stances_of(m, "CODECO")
    assert ("perpetrator", "attributes") in stances_of(m, "CODECO")
    assert not find(m, "spokesman")


def test_a_third_state_naming_who_was_responsible_attributes() -> None:
    text = ("Rockets hit a camp near Goma on Friday. Rwanda's government spokeswoman Marie Uwase "
            "dismissed the charge as \"absurd\" and said Congolese soldiers were responsible.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "COD"})
    assert ("third_state", "attributes") in stances_of(m, "Marie Uwase")


def test_perpetrator_giving_another_cause_disputes() -> None:
    text = ("Dozens of people were killed near an aid convoy in Gaza City on Thursday. The Israeli "
            "military said many of those who died had been crushed in a stampede.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "PSE", "perpetrator": "Israel"})
    assert ("perpetrator", "disputes") in stances_of(m, "Israeli military")


def test_a_perpetrator_confirming_its_strike_claims_it() -> None:
    text = ("Missiles hit a naval base in Novorossiysk on Friday. Ukraine's navy confirmed that "
            "its forces had struck the base.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "RUS", "perpetrator": "Ukraine"})
    assert {("perpetrator", "claims"), ("perpetrator", "confirms")} <= stances_of(m, "navy")


def test_walking_back_a_claim_is_a_denial() -> None:
    text = ("A drone hit a radar post near Kursk on Sunday, killing a general. The Freedom Legion "
            "later walked back the claim about the general.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "RUS", "perpetrator": "Freedom Legion"})
    assert ("perpetrator", "denies") in stances_of(m, "Freedom Legion")


def test_a_known_groups_generic_tail_noun_is_dropped() -> None:
    text = ("Gunmen shot dead four tourists in Herat on Friday. The Islamic State group claimed "
            "the attack.")
    (m,) = analyse(text, {"trigger": "shot", "iso3": "AFG", "perpetrator": "Islamic State"})
    assert [a.speaker for a in m.assertions if "Islamic" in a.speaker] == ["Islamic State"]


def test_a_group_describing_an_attack_by_others_does_not_claim_it() -> None:
    text = ("Gunmen attacked a hotel in Kandahar on Friday, killing four guests. The Taliban "
            "said three Afghans had been killed along with the guests.")
    (m,) = analyse(text, {"trigger": "attacked", "iso3": "AFG", "perpetrator": "gunmen"})
    assert ("perpetrator", "claims") not in stances_of(m, "Taliban")


def test_the_agency_refers_back_to_the_agency_named_before() -> None:
    text = ("A blast hit the water near a bulk carrier off Mokha on Friday, the maritime agency "
            "UKMTO said. The crew were safe, the agency said.")
    (m,) = analyse(text, {"trigger": "blast", "iso3": "YEM"})
    assert not [a for a in m.assertions if a.speaker.lower() == "agency"]


def test_a_groups_general_motive_is_not_a_claim_of_this_attack() -> None:
    text = ("In 2019 gunmen abducted two engineers in Wajir. Kenya has soldiers deployed "
            "against al-Shabaab in Somalia, which the militants say justifies their attacks.")
    (m,) = analyse(text, {"trigger": "abducted", "iso3": "KEN", "perpetrator": "al-Shabaab"})
    assert ("perpetrator", "claims") not in stances_of(m, "al-Shabaab")


def test_the_target_state_naming_the_perpetrator_state_attributes() -> None:
    text = ("Guided bombs hit a shopping centre in Sumy on Saturday. Russia struck Sumy with "
            "guided bombs, Ukraine's president said.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "UKR", "perpetrator": "Russian Armed Forces"})
    assert ("target_state", "attributes") in {(a.speaker_role, a.stance) for a in m.assertions}


def test_the_group_blamed_in_another_sentence_is_silent_as_the_accused() -> None:
    text = ("Bombs exploded at six shops in Yala on Tuesday night. An army spokesman said the "
            "blasts carried the hallmarks of the BRN. The BRN made no statement.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "THA"})
    assert ("perpetrator", "no_comment") in stances_of(m, "BRN")
    assert ("perpetrator", "claims") not in stances_of(m, "BRN")


def test_spokesman_for_a_body_is_named_by_the_body() -> None:
    text = ("Bombs exploded at six shops in Yala on Tuesday night. A spokesman for the regional "
            "security command said the attacks had been coordinated.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "THA"})
    assert find(m, "regional security command")


def test_a_described_monitor_takes_its_appositive_name() -> None:
    text = ("Bombs exploded at six shops in Yala on Tuesday night, killing two people, according "
            "to the monitoring group Coastal Peace Watch.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "THA"})
    assert find(m, "Coastal Peace Watch")


def test_group_spokesman_is_no_state_body() -> None:
    text = ("Rebels burned a plane at an airstrip in Nduga on Tuesday. TPNPB spokesman Yosua "
            "Wenda said the group had seized the pilot as a hostage.")
    (m,) = analyse(text, {"trigger": "burned", "iso3": "IDN"})
    assert ("perpetrator", "claims") in stances_of(m, "West Papua National Liberation Army")


def test_an_account_used_by_fighters_speaks_for_them_and_retracts() -> None:
    text = ("An army patrol was ambushed near Ndop on Wednesday. A Facebook page run by "
            "separatist fighters in the Bui division said its men had ambushed the patrol.\n\n"
            "The page later said the claim had been published in error.")
    (m,) = analyse(text, {"trigger": "ambushed", "iso3": "CMR"})
    assert ("perpetrator", "claims") in stances_of(m, "separatist fighters")
    assert ("perpetrator", "denies") in stances_of(m, "separatist fighters")


def test_an_unnamed_claimant_of_responsibility_claims() -> None:
    text = ("Gunmen killed six villagers in Bamenda on Tuesday. A separatist leader living abroad "
            "claimed responsibility for the attack.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "CMR"})
    assert ("perpetrator", "claims") in stances_of(m, "separatist leader")


def test_statement_between_two_sentences_of_an_incident_belongs_to_it() -> None:
    text = ("Drones were launched at Eilat on Friday, a rebel spokesman said.\n\n"
            "The strikes hit targets around the port of Salif on Thursday. \"Our forces struck 12 "
            "radar sites,\" the US military said. Britain's defence ministry said its jets had "
            "taken part. The health ministry said six people were killed.")
    sdoc = load_nlp()(text)
    mentions = []
    for word, extra in (("launched", None), ("killed", "The strikes hit")):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        spans = [Span(sent.start_char, sent.end_char, sent.text)]
        if extra:
            e_start = text.index(extra)
            e_sent = next(s for s in sdoc.sents if s.start_char <= e_start < s.end_char)
            spans.append(Span(e_sent.start_char, e_sent.end_char, e_sent.text))
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, place=Place("Salif", iso3="YEM")))
    annotate_claims(Document("doc1", text, dt.date(2024, 5, 31)), sdoc, mentions)
    eilat, salif = mentions
    assert not find(eilat, "defence ministry")
    assert ("perpetrator", "claims") in stances_of(salif, "Britain's defence ministry")


def test_the_perpetrators_own_fallen_soldier_does_not_make_it_the_target() -> None:
    text = ("Israeli forces raided the Nur Shams camp on Monday; an Israeli soldier was killed. "
            "The Palestinian health ministry said nine people were killed.")
    (m,) = analyse(text, {"trigger": "raided", "iso3": "PSE",
                          "perpetrator": "Israel Defense Forces"})
    assert ("target_state", "confirms") in stances_of(m, "Palestinian health ministry")


def test_a_state_force_member_killed_makes_his_state_the_target() -> None:
    text = ("Two Revolutionary Guards officers were killed in a strike on their car outside "
            "Homs on Thursday, which Iran blamed on Israel.")
    (m,) = analyse(text, {"trigger": "strike", "iso3": "SYR"})
    assert ("target_state", "attributes") in stances_of(m, "Iran")


def test_a_group_saying_its_fighters_confronted_troops_is_heard() -> None:
    text = ("Israeli troops raided Tulkarm on Wednesday, killing two people.\n\n"
            "The Tulkarm Brigade said its fighters had clashed with the soldiers.")
    (m,) = analyse(text, {"trigger": "raided", "iso3": "PSE",
                          "perpetrator": "Israel Defense Forces"})
    assert find(m, "Tulkarm Brigade")


def test_a_statement_naming_where_another_incident_happened_goes_to_it() -> None:
    text = ("Missiles struck Odesa on Monday, damaging the port. Separately, a drone killed two "
            "people in Sumy on Monday. The ministry said the damage in Odesa was heavy.")
    sdoc = load_nlp()(text)
    mentions = []
    for word, place in (("struck", "Odesa"), ("killed", "Sumy")):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        spans = [Span(sent.start_char, sent.end_char, sent.text)]
        if word == "killed":   # the extraction gave the later incident the ministry's sentence
            m_start = text.index("The ministry")
            spans.append(Span(m_start, len(text), text[m_start:]))
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, place=Place(place, iso3="UKR")))
    annotate_claims(Document("doc1", text, dt.date(2024, 7, 9)), sdoc, mentions)
    odesa, sumy = mentions
    assert find(odesa, "ministry") and not find(sumy, "ministry")


@pytest.mark.parametrize("verdict", ["a sad mishap", "a tragic accident", "a grave error"])
def test_a_perpetrators_verdict_anywhere_in_its_sentence_confirms(verdict: str) -> None:
    text = ("An air strike set fire to tents in Rafah on Sunday. Israel's prime minister "
            f"described the deaths as {verdict} and said the army would look into it.")
    (m,) = analyse(text, {"trigger": "set fire", "iso3": "PSE", "perpetrator": "Israel"})
    assert "confirms" in {a.stance for a in m.assertions if a.speaker_role == "perpetrator"}


def test_a_habitual_remark_is_no_word_on_the_incident() -> None:
    text = ("A strike killed an adviser near Damascus in December.\n\n"
            "Israel has launched hundreds of raids on targets in Syria in recent years but "
            "seldom comments on them.")
    (m,) = analyse(text, {"trigger": "strike", "iso3": "SYR", "perpetrator": "Israel"})
    assert not find(m, "Israel")


def test_news_statements_stay_with_the_news_not_a_recalled_incident() -> None:
    text = ("A suicide bomber killed 17 students at a school in Kabul on Friday.\n\n"
            "The police said 17 pupils had died in Dasht-e-Barchi.\n\n"
            "In May 2021, bombings killed 85 people at a school in Dasht-e-Barchi.")
    new, old = analyse(text, {"trigger": "killed", "iso3": "AFG", "place": "Kabul"},
                       {"trigger": "bombings", "iso3": "AFG", "place": "Dasht-e-Barchi",
                        "role": "historical"})
    assert find(new, "police") and not find(old, "police")


def test_a_count_run_into_the_subject_is_not_a_speaker() -> None:
    for verb in ("wounding", "injuring"):  # parsed as the subject, or as the verb's objects
        text = ("Grenades exploded at two markets in the southern Philippines on Sunday, "
                f"{verb} at least nine people, police and army officials said.")
        (m,) = analyse(text, {"trigger": "exploded"})
        names = {a.speaker for a in m.assertions}
        assert "police" in names and "army officials" in names
        assert not any("nine" in n for n in names)
        assert {a.speaker_role for a in find(m, "police")} == {"target_state"}


@pytest.mark.parametrize("toll", [
    "The civil war has killed an estimated 500,000 people since 2011",
    "More than 500,000 people have been killed since the civil war began",
    "The war has killed half a million people",
])
def test_a_wars_toll_is_no_word_on_the_incident(toll: str) -> None:
    text = ("Shelling killed six people in Idlib province on Friday, rescuers said.\n\n"
            f"{toll}, according to the United Nations.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "SYR", "place": "Idlib"})
    assert not find(m, "United Nations")


def test_an_unknown_party_confirming_confirms() -> None:
    text = ("A missile struck a container ship in the Red Sea on Saturday. The shipping line "
            "Nordhavn confirmed that one of its vessels had been hit.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "YEM"})
    assert "confirms" in {a.stance for a in find(m, "Nordhavn")}


def test_doubt_about_an_account_is_a_word_on_the_incident() -> None:
    text = ("Two drones exploded over the presidential palace in Minsk overnight, officials said."
            "\n\nThe opposition leader called it a provocation.\n\n"
            "The State Department said it was unable to independently verify the Belarusian "
            "version.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "BLR"})
    assert ("third_state", "disputes") in stances_of(m, "State Department")


def test_a_lead_sentence_with_two_incidents_speaks_for_both() -> None:
    text = ("Rockets were fired at Ashkelon on Sunday, and hours later an air strike hit a camp in "
            "Rafah, killing 40 people, Gaza health officials said.\n\n"
            "Late on Sunday, Israeli jets struck the camp.")
    sdoc = load_nlp()(text)
    lead = next(iter(sdoc.sents))
    lead_span = Span(lead.start_char, lead.end_char, lead.text)
    mentions = []
    for word in ("fired", "struck"):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        spans = [Span(sent.start_char, sent.end_char, sent.text)]
        if word == "struck":
            spans.append(lead_span)
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, place=Place("Rafah", iso3="PSE")))
    annotate_claims(Document("doc1", text, dt.date(2024, 5, 27)), sdoc, mentions)
    assert all(find(m, "Gaza health officials") for m in mentions)


def test_a_statement_about_the_site_one_incident_hit_goes_to_it() -> None:
    text = ("A missile hit the Central children's hospital in Odesa on Monday.\n\n"
            "In Mykolaiv, at least five people were killed.\n\n"
            "Investigators said they had found missile fragments at the hospital.")
    sdoc = load_nlp()(text)
    mentions = []
    for word, place in (("hit", "Odesa"), ("killed", "Mykolaiv")):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=[Span(sent.start_char, sent.end_char, sent.text)],
                                place=Place(place, iso3="UKR")))
    annotate_claims(Document("doc1", text, dt.date(2024, 7, 9)), sdoc, mentions)
    odesa, mykolaiv = mentions
    assert find(odesa, "Investigators") and not find(mykolaiv, "Investigators")


def test_a_statement_goes_to_the_incident_told_last_before_it() -> None:
    text = ("Rebels shelled a market in Goma on Monday, and hours later an air strike hit a rebel "
            "camp near Rutshuru, killing 12 fighters.\n\n"
            "Shells also landed near the cathedral in Goma. Two people were wounded, the Red Cross "
            "said.\n\n"
            "The strike on the camp destroyed several huts.")
    sdoc = load_nlp()(text)
    sents = list(sdoc.sents)
    mentions = []
    for word, told in (("shelled", "Shells also"), ("strike hit", "The strike on")):
        start = text.index(word)
        spans = [Span(s.start_char, s.end_char, s.text) for s in sents
                 if s.start_char <= start < s.end_char or s.text.startswith(told)]
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, place=Place("Goma", iso3="COD")))
    annotate_claims(Document("doc1", text, dt.date(2024, 3, 6)), sdoc, mentions)
    shelling, strike = mentions
    assert find(shelling, "Red Cross") and not find(strike, "Red Cross")


def test_a_state_word_in_a_groups_own_name_makes_it_no_state_body() -> None:
    text = ("A car bomb exploded outside a police station in Quetta on Monday, killing five "
            "officers. The Balochistan Liberation Army denied any role in the bombing.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "PAK"})
    assert stances_of(m, "Balochistan Liberation Army") == {("perpetrator", "denies")}


def test_a_ministry_run_by_a_group_speaks_for_the_state_it_rules() -> None:
    text = ("Air strikes hit a fuel depot in Saada on Monday. The Houthi-run health ministry said "
            "seven people were killed.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "YEM"})
    assert {a.speaker_role for a in m.assertions if "ministry" in a.speaker} == {"target_state"}


@pytest.mark.parametrize("tail", [
    "took responsibility in a statement.",
    "accepted responsibility for the attack.",
    "said it carried out the bombing.",
])
def test_a_group_owning_the_attack_claims_it(tail: str) -> None:
    text = ("A car bomb exploded outside a police station in Quetta on Monday, killing five "
            f"officers. The Balochistan Liberation Army {tail}")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "PAK"})
    assert ("perpetrator", "claims") in stances_of(m, "Balochistan Liberation Army")


def test_a_group_recalling_how_it_took_power_claims_nothing() -> None:
    text = ("A bomb exploded at a market in Kandahar on Friday, killing six people. The Taliban "
            "say they restored order after they seized the city.")
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "AFG"})
    assert ("perpetrator", "claims") not in stances_of(m, "Taliban")


def test_an_aide_to_a_leader_speaks_for_himself_on_the_leaders_side() -> None:
    text = ("Turkish jets struck a depot near Qamishli on Monday. Shortly after the strike, an "
            "adviser to President Recep Tayyip Erdogan posted on X that Turkish jets had hit a "
            "militant arms store.")
    (m,) = analyse(text, {"trigger": "struck", "perpetrator": "Turkish jets", "iso3": "SYR"})
    (said,) = find(m, "adviser")
    assert said.speaker == "adviser to President Recep Tayyip Erdogan"
    assert (said.speaker_role, said.stance) == ("perpetrator", "claims")
    assert not [a for a in m.assertions if a.speaker == "Recep Tayyip Erdogan"]


@pytest.mark.parametrize("text, name", [
    ("Gunmen shot dead a judge in Puerto Lindo on Monday. A group calling itself the Sons of "
     "the Harvest claimed responsibility for the killing.", "Sons of the Harvest"),
    ("Gunmen shot dead a judge in Puerto Lindo on Monday. The killing was claimed by a "
     "self-styled \"Southern Peasant Command\" group.", "Southern Peasant Command"),
    ("Gunmen shot dead a judge in Puerto Lindo on Monday. An ultra-leftist commando unit, the "
     "\"Sons of the Harvest\" (Hijos de la Cosecha), claimed responsibility for the killing.",
     "Sons of the Harvest"),
])
def test_a_group_naming_itself_speaks_by_that_name(text: str, name: str) -> None:
    (m,) = analyse(text, {"trigger": "shot", "iso3": "COL", "place": "Puerto Lindo"})
    assert ("perpetrator", "claims") in stances_of(m, name)
    assert all(a.speaker == name for a in m.assertions if a.stance == "claims")


def test_a_self_proclaimed_person_is_no_self_named_group() -> None:
    text = ("Gunmen shot dead a judge in Puerto Lindo on Monday. The self-proclaimed mayor "
            "Julio Arce said the killing was a crime.")
    (m,) = analyse(text, {"trigger": "shot", "iso3": "COL", "place": "Puerto Lindo"})
    assert not any(a.speaker_role == "perpetrator" for a in m.assertions)


def test_a_state_accepting_responsibility_admits_the_attack() -> None:
    text = ("Soldiers opened fire on a bus near Puerto Lindo on Sunday, killing four farmers. "
            "The Colombian army accepted responsibility for the deaths of the farmers.")
    (m,) = analyse(text, {"trigger": "opened fire", "iso3": "COL", "place": "Puerto Lindo"})
    assert ("perpetrator", "claims") in stances_of(m, "army")
    assert ("target_state", "attributes") not in stances_of(m, "army")


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a bank in Puerto Lindo on Friday. According to the police, "
    "the car bomb had been planted by members of the Southern Peasant Command.",
    "A car bomb exploded outside a bank in Puerto Lindo on Friday. The bombing was carried out, "
    "according to the police, by the Southern Peasant Command.",
])
def test_according_to_an_authority_the_attack_was_done_by_a_group(text: str) -> None:
    (m,) = analyse(text, {"trigger": "exploded", "iso3": "COL", "place": "Puerto Lindo"})
    assert ("target_state", "attributes") in stances_of(m, "police")


def test_according_to_a_source_an_attack_told_plainly_is_not_an_accusation() -> None:
    text = ("Government forces shelled three villages near Puerto Lindo on Friday, killing "
            "five civilians, according to the Red Cross.")
    (m,) = analyse(text, {"trigger": "shelled", "iso3": "COL", "place": "Puerto Lindo",
                          "perpetrator": "Government forces"})
    assert "attributes" not in {s for _, s in stances_of(m, "Red Cross")}


def test_what_a_news_team_saw_is_the_outlets_report() -> None:
    text = ("A missile hit a warehouse in Zaporizhzhia on Monday, the governor said. An AFP "
            "team at the site saw a large crater and burnt-out trucks but no bodies.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "UKR"})
    assert ("media", "reports") in stances_of(m, "AFP")
    assert any(a.speaker == "AFP" for a in m.assertions)


def test_the_subject_nearest_a_closing_said_is_the_speaker() -> None:
    text = ("A drone strike killed at least 14 people in a market in the town of Zelmar on "
            "Friday, the regional health ministry said.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "SDN"})
    assert ("target_state", "confirms") in stances_of(m, "health ministry")


def test_calling_the_attack_something_is_a_statement() -> None:
    text = ("A missile struck a railway station in Drovenko on Monday. Governor Petro Lysak "
            "called the attack \"a cynical crime\". He also called on residents to stay home.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "UKR"})
    assert ("target_state", "confirms") in stances_of(m, "Petro Lysak")


def test_local_officials_are_officials_and_a_local_is_a_witness() -> None:
    text = ("Gunmen abducted 40 villagers near Tarvin on Tuesday, residents and local officials "
            "said. A local said the gunmen came at night.")
    (m,) = analyse(text, {"trigger": "abducted", "iso3": "NGA"})
    assert stances_of(m, "local officials") == {("target_state", "confirms")}
    assert ("witness", "reports") in stances_of(m, "residents")
    assert [a.speaker_role for a in m.assertions if a.speaker.lower() == "local"] == ["witness"]


def test_a_group_described_by_its_patron_is_the_group_named_before() -> None:
    text = ("Fighters of the Eastern Brigades Front stormed a hotel in Balad on Thursday. The "
            "al Qaeda-linked group claimed in a statement that its gunmen had killed 20 officials.")
    (m,) = analyse(text, {"trigger": "stormed", "iso3": "SOM",
                          "perpetrator": "Eastern Brigades Front"})
    assert not find(m, "Qaeda")
    assert ("perpetrator", "claims") in stances_of(m, "Eastern Brigades Front")


def test_a_remark_about_martyrs_is_a_word_on_the_strike() -> None:
    text = ("An air strike hit a school in Bureij on Tuesday, the civil defence said.\n\n"
            "\"All the martyrs were children and women,\" a camp official told Reuters.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "PSE"})
    assert find(m, "camp official")


def test_a_relative_pronoun_who_is_not_the_world_health_organization() -> None:
    text = ("Gunmen raided the village of Dalmo on Sunday, killing nine people. \"They shot "
            "anyone who ran to the river,\" said Halima Yusuf, a mother of three who lost her "
            "husband. The WHO said 30 wounded people had been treated.")
    (m,) = analyse(text, {"trigger": "raided", "iso3": "NGA"})
    assert stances_of(m, "Halima Yusuf") == {("witness", "reports")}
    assert ("ngo", "reports") in stances_of(m, "WHO") or ("ngo", "confirms") in stances_of(
        m, "WHO")


def test_a_speaker_whose_relative_was_hurt_is_a_witness() -> None:
    text = ("Gunmen raided the village of Dalmo on Sunday, killing nine people. \"I saw them "
            "burn the granary,\" said Sani Garko, whose brother was killed in the raid.")
    (m,) = analyse(text, {"trigger": "raided", "iso3": "NGA"})
    assert stances_of(m, "Sani Garko") == {("witness", "reports")}


def test_a_parent_whose_children_were_taken_is_a_witness() -> None:
    text = ("Gunmen abducted 60 pupils from a school in Dalmo on Monday. \"They came on "
            "motorcycles and abducted everyone,\" said Yusuf Danladi, whose two children "
            "were taken.")
    (m,) = analyse(text, {"trigger": "abducted", "iso3": "NGA"})
    assert stances_of(m, "Yusuf Danladi") == {("witness", "reports")}


def test_withdrawing_the_statement_is_the_claimants_retraction() -> None:
    # the parser hangs 'withdrew' on the claimed clause: its fighters did not withdraw it
    text = ("The River Valley Front, an armed group, first claimed online that its fighters "
            "had shot down a military helicopter, but later withdrew the statement.")
    for spec in ({"trigger": "shot down", "iso3": "MLI"},
                 {"trigger": "shot down", "iso3": "MLI", "perpetrator": "Malian Armed Forces"}):
        (m,) = analyse(text, spec)
        assert {("perpetrator", "claims"), ("perpetrator", "denies")} <= stances_of(
            m, "River Valley Front")
        assert not find(m, "fighters") and not find(m, "Malian")
        assert compute_status(m.assertions, m.evidence, []).status == "retracted"


def test_a_coalition_of_separatist_groups_is_an_armed_group() -> None:
    # an unknown name described as a coalition of separatist groups claims its fighters' act
    text = ("The Union of Highland Movements, a coalition of separatist groups, said its "
            "fighters had ambushed an army patrol near the village.")
    (m,) = analyse(text, {"trigger": "ambushed", "iso3": "MLI"})
    assert ("perpetrator", "claims") in stances_of(m, "Union of Highland Movements")


def test_a_demonym_official_takes_no_account_handle() -> None:
    # 'an Israeli official' is one unnamed person, not the government's X account
    text = ("An air strike hit a school in Deir al-Balah on Sunday. An Israeli official said "
            "the strike had targeted a command post. The Israeli government said it was "
            "reviewing the strike.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "PSE", "perpetrator": "Israel Defense Forces"})
    (official,) = {a.handle for a in find(m, "Israeli official")}
    assert official is None
    assert {a.handle for a in find(m, "Israeli government")} == {"@IsraeliPM"}


def test_a_group_keeps_one_side_for_an_event() -> None:
    # the group's official speaks for the ruled territory: the group's bare name is that side too
    text = ("An Israeli air strike hit a school in Khan Younis on Tuesday, killing 12 people. "
            "The Israeli military said the strike was aimed at a militant commander. Hamas "
            "rejected the Israeli account and said the commander was not there. \"Everyone "
            "killed was a civilian,\" a Hamas official said.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "PSE", "perpetrator": "Israel Defense Forces"})
    roles = {a.speaker_role for a in m.assertions if a.speaker.startswith("Hamas")}
    assert roles == {"target_state"}


def test_coordinated_speakers_do_not_share_a_compounded_noun() -> None:
    text = ("A car bomb tore through a cattle market in Menaka on Sunday, killing 12 people, "
            "aid workers and witnesses said.")
    (m,) = analyse(text, {"trigger": "tore", "iso3": "MLI"})
    names = {a.speaker for a in m.assertions}
    assert {"aid workers", "witnesses"} <= names and "aid witnesses" not in names


def test_sources_joined_after_according_to_are_heard_apart() -> None:
    text = ("Gunmen on motorcycles killed nine villagers near Tessit on Monday, according to "
            "residents and a local resistance group.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "MLI"})
    roles = {a.speaker: a.speaker_role for a in m.assertions}
    assert roles.get("residents") == "witness"
    assert "local resistance group" in roles and roles["local resistance group"] != "witness"
    assert not any(" and " in a.speaker for a in m.assertions)


def test_a_bare_spokesman_after_a_ministry_speaks_for_that_ministry() -> None:
    text = ("A drone struck a fuel depot near Erbil on Sunday. Turkey's foreign ministry said "
            "Ankara had no role in the attack. \"These accusations are baseless and politically "
            "motivated,\" spokesman Omar Haddad said.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "IRQ"})
    assert ("third_state", "denies") in stances_of(m, "Omar Haddad")
    assert ("target_state", "denies") not in stances_of(m, "Omar Haddad")


def test_a_ships_foreign_owner_is_no_state_and_the_company_is_that_owner() -> None:
    text = ("A missile hit a bulk carrier off Aden on Tuesday, the British agency UKMTO said. "
            "The ship's Greek owner denied that the vessel had any link to Israel. \"The ship "
            "was not damaged beyond repair,\" the company said in a statement.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "YEM", "perpetrator": "Houthis"})
    owner = find(m, "owner")
    assert owner and all(a.speaker_role != "third_state" for a in owner)
    assert not find(m, "company")
    assert any("the company said" in a.quote for a in owner)


def test_a_claimant_calling_its_post_a_mistake_retracts_the_claim() -> None:
    text = ("Rockets hit an empty field near Sderot on Monday. Hamas said on Telegram that its "
            "fighters had fired the rockets. A Hamas spokesman later said the post had been "
            "a mistake.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "ISR", "perpetrator": "Hamas"})
    later = [a for a in m.assertions if "later said" in a.quote]
    assert later and all(a.speaker_role == "perpetrator" for a in later)
    assert {a.stance for a in later} == {"denies"}


def test_an_al_prefixed_patron_does_not_mangle_the_group() -> None:
    # 'the al-Qaeda-linked group': the patron's 'al-' goes with it; the group named before speaks
    import claimwatch

    (ev,) = claimwatch.extract(
        "JNIM fighters attacked an army post near Dioura in central Mali on Monday, killing "
        "nine soldiers, officials said. The al-Qaeda-linked group later issued a statement saying "
        "its fighters had killed the soldiers at the post.", published=dt.date(2024, 3, 6))
    speakers = {a.speaker for a in ev.assertions}
    assert not any(s.startswith("al-") for s in speakers), speakers
    assert any(a.speaker_role == "perpetrator" and a.stance == "claims" for a in ev.assertions)


def test_a_ship_is_no_speaker() -> None:
    from claimwatch.claims.statements import _plausible

    assert not _plausible("a vessel")
    assert not _plausible("the tanker")
    assert _plausible("the ship's operator")


@pytest.mark.parametrize("later", [
    "A UNL spokesman, Ahmed Ould Sidi, said its fighters had seized four trucks near Tessit.",
    "The UNL said its fighters had seized four trucks near Tessit.",
])
def test_a_bracketed_abbreviation_names_the_body_introduced(later: str) -> None:
    # 'the Union for Northern Liberation (UNL)': 'the UNL' and its spokesman are that body
    text = ("The Union for Northern Liberation (UNL) said on Telegram that its fighters had "
            f"ambushed an army convoy near Tessit on Monday. {later}")
    (m,) = analyse(text, {"trigger": "ambushed", "iso3": "MLI", "place": "Tessit"})
    heard = [a for a in m.assertions if a.char_start > text.index(later) - 1]
    assert heard, m.assertions
    first = [a for a in m.assertions if a.char_start == 0]
    assert {a.speaker for a in heard} == {"Union for Northern Liberation"}
    assert {a.speaker_role for a in heard} == {a.speaker_role for a in first}


def test_launch_quote_and_stale_video_doubt_are_words_on_the_attack() -> None:
    text = ("Rockets hit the town of Zarvan on Sunday, the Dalmor Front said. "
            "\"We counted four launches from the hills,\" said a farmer, Imre Talvik. "
            "A researcher, Oskar Lind, said the footage posted by the group appeared to show "
            "an older launch.")
    (m,) = analyse(text, {"trigger": "hit", "perpetrator": "Dalmor Front", "iso3": "ARM"})
    assert ("witness", "reports") in stances_of(m, "Imre Talvik")
    assert ("osint", "disputes") in stances_of(m, "Oskar Lind")


def test_hospital_named_like_a_person_is_a_witness() -> None:
    text = ("A shell struck a bus station in Varnok on Monday, killing six people. "
            "The Sena Halvik hospital said it had received six bodies.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "UKR"})
    assert {a.speaker for a in m.assertions} == {"Sena Halvik hospital"}
    assert ("witness", "reports") in stances_of(m, "Sena Halvik hospital")


def test_local_health_director_speaks_for_the_attacked_side() -> None:
    text = ("An air strike hit a school in Tarvel on Monday, killing four children. "
            "\"The jets struck twice,\" said Tarvel health director Dr. Miro Kastel.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "SYR", "place": "Tarvel"})
    assert ("target_state", "confirms") in stances_of(m, "Miro Kastel")


def test_each_of_two_coordinated_groups_claims() -> None:
    text = ("Gunmen stormed a gendarmerie post near Tessit on Tuesday, killing five gendarmes. "
            "JNIM and Islamic State Sahel Province each claimed the assault.")
    (m,) = analyse(text, {"trigger": "stormed", "iso3": "MLI", "place": "Tessit"})
    speakers = {a.speaker for a in m.assertions if a.stance == "claims"}
    assert speakers == {"JNIM", "Islamic State Sahel Province"}
    decision = compute_status(m.assertions, [], [])
    assert decision.responsibility.status == "contested"
