import re
from datetime import date

import pytest

from summarizer import Summary, rules, summarize
from summarizer.ingest import from_text, read

from .helpers import BULLETINS, SAMPLE


def by_rules(text: str) -> Summary:
    return summarize(from_text(text), backend="rules")


def one_paragraph(sentence: str) -> Summary:
    """A bulletin whose body is ``sentence`` plus a sentence with nothing to extract (a lone line is a caption)."""
    return summarize(from_text(f"Bulletin\n\n{sentence} The meeting ended late.\n"), backend="rules")


@pytest.fixture(scope="module")
def sample():
    return summarize(SAMPLE, backend="rules")


def test_sample_meets_the_contract(sample):
    assert len(sample.overview) == 5
    complete = [s for s in sample.statements if s.role and s.cited_outlet and s.said_on]
    assert len(complete) >= 10
    assert len(sample.sanctions) == 1
    sanction = sample.sanctions[0]
    assert sanction.authority == "U.S. Treasury Department"
    assert sanction.issuing_country == "United States"
    assert sanction.announced_on == date(2020, 3, 26)
    assert sanction.target_count == 20
    assert sanction.target_countries == ["Iran", "Iraq"]
    assert "money laundering" in sanction.reasons
    assert "Kataeb Hezbollah" in sanction.beneficiaries


def test_apposition_gives_speaker_and_role(sample):
    baqeri = [s for s in sample.statements if s.speaker == "Mohammad Baqeri"]
    assert baqeri and all(s.role == "Chief of Staff of the Iranian Armed Forces" for s in baqeri)
    assert {s.cited_outlet for s in baqeri} == {"Tasnim"}
    assert {s.said_on for s in baqeri} == {date(2020, 4, 2)}
    assert any(s.statement_type == "threaten" and s.target == "the United States" for s in baqeri)


def test_pronouns_and_surnames_resolve_within_paragraph(sample):
    speakers = {s.speaker for s in sample.statements}
    assert "He" not in speakers and "Salami" not in speakers
    safavi = [s for s in sample.statements if s.speaker == "Seyyed Yahya Rahim Safavi"]
    assert len(safavi) >= 3


def test_calls_to_lift_sanctions_are_statements_not_sanctions():
    summary = summarize(BULLETINS / "synthetic-spotlight-2019-06-02.txt", backend="rules")
    assert summary.sanctions == []
    assert any("sanction" in s.content for s in summary.statements)


@pytest.mark.parametrize("path", sorted(p for p in BULLETINS.iterdir() if p.name != "README.md"), ids=lambda p: p.name)
def test_every_item_is_grounded_in_its_bulletin(path):
    summary = summarize(path, backend="rules")
    from summarizer.ingest import read

    text = read(path).text
    for item in [*summary.overview, *summary.statements, *summary.sanctions]:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text
        assert item.evidence.status == "exact"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Dariush Kazemi told reporters in Baghdad on Thursday that Iraq cannot wait.", "Iraq cannot wait"),
        ('The Foreign Ministry said on Wednesday that it "condemns" the raid.', 'it "condemns" the raid'),
        ("Helena Varga told a news briefing in Brussels that the states were united.", "the states were united"),
        ("Hussein Mroueh said in a speech in Nabatieh (June 14) that sanctions will fail.", "sanctions will fail"),
        ("Kata'ib Hizballah claimed responsibility on Thursday for a drone attack.", "a drone attack"),
        ("The Iraqi Foreign Ministry condemned on Friday the air strikes near Sinjar.", "the air strikes near Sinjar"),
        ("Hamid Rezvani said they would have no effect ([Mehr](https://example.org/m)).", "they would have no effect"),
        ("Kata'ib Hizballah denied any role in it in a statement on January 16.", "any role in it"),
        ("Hossein Salami said the deal that Iran signed is void.", "the deal that Iran signed is void"),
        ("Mohsen Rezaei blamed the United States for the attacks.", "the United States for the attacks"),
        ("Ali al-Hamdani posted on X on Wednesday that the group would answer.", "the group would answer"),
        ('Kazem Rahimpour told a weekly news conference: "They have no standing."', '"They have no standing."'),
        ("Yahya Saree claimed responsibility for launching two drones at Eilat.", "launching two drones at Eilat"),
    ],
)
def test_content_is_what_was_said_without_who_when_and_where(sentence, content):
    summary = one_paragraph(sentence)
    assert [s.content for s in summary.statements] == [content]


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "In Baghdad on Wednesday, Iraqi Foreign Minister Salah al-Jubouri said his government was ready.",
            "Salah al-Jubouri",
            "Iraqi Foreign Minister",
        ),
        (
            "The commander of the IRGC Ground Forces, Brigadier General Davoud Tabrizi, warned that they would act.",
            "Davoud Tabrizi",
            "commander of the IRGC Ground Forces",
        ),
        (
            "Saudi Minister of State for Foreign Affairs Nasser al-Otaibi praised Oman's patient mediation.",
            "Nasser al-Otaibi",
            "Saudi Minister of State for Foreign Affairs",
        ),
        (
            "He met Lebanese Foreign Minister Nabil Haddad. Haddad, speaking on Thursday, said Lebanon rejected it.",
            "Nabil Haddad",
            "Lebanese Foreign Minister",
        ),
        (
            "UN Secretary General Antonio Guterres said the war must end now.",
            "Antonio Guterres",
            "UN Secretary General",
        ),
        (
            "In a speech in Beirut, Hezbollah's deputy secretary general Naim Qassem vowed that they will respond.",
            "Naim Qassem",
            "Hezbollah's deputy secretary general",
        ),
        (
            "Iraqi government spokesman Haitham al-Rubaie condemned the strike on the base.",
            "Haitham al-Rubaie",
            "Iraqi government spokesman",
        ),
        (
            "The Islamic Resistance in Iraq, an umbrella framework of militias, claimed responsibility for the attack.",
            "The Islamic Resistance in Iraq",
            None,
        ),
        (  # honorifics before and letters after a name are neither name nor office
            "The Minister for Home Affairs, the Hon Rhys Tallent MP, urged residents to report any approach.",
            "Rhys Tallent",
            "Minister for Home Affairs",
        ),
        (
            "Hezbollah deputy leader Sheikh Ali Hamadeh said the strikes had torn up the ceasefire arrangements.",
            "Ali Hamadeh",
            "Hezbollah deputy leader",
        ),
        (  # a religious title parts an office from the name as a rank does
            "Leader of the Islamic Revolution Ayatollah Seyed Ali Khamenei said the attack was a plot.",
            "Seyed Ali Khamenei",
            "Leader of the Islamic Revolution",
        ),
        (  # an abbreviated rank ends no sentence
            "Houthi military spokesman Brig. Gen. Hamoud al-Sharafi said the group had warned off two ships.",
            "Hamoud al-Sharafi",
            "Houthi military spokesman",
        ),
        (  # a word holding an office noun ("Banking": "king") is no office
            "Paul Denholm, the chairman of the Banking Committee, said the sanctions were overdue.",
            "Paul Denholm",
            "chairman of the Banking Committee",
        ),
        (  # a state's inspectorate is an institution
            "The State Nuclear Regulatory Inspectorate of Ukraine said that repairs would take three weeks.",
            "The State Nuclear Regulatory Inspectorate of Ukraine",
            None,
        ),
        (  # a body's kind after its initials: the body
            "The United Kingdom Maritime Trade Operations (UKMTO) centre said that a projectile had landed nearby.",
            "United Kingdom Maritime Trade Operations",
            None,
        ),
        (  # a legislator's party and state part the name from its apposition no more than a comma
            "Senator Margaret Ellison (R-Neb.), ranking member of the Senate Banking Subcommittee, said it was late.",
            "Margaret Ellison",
            "ranking member of the Senate Banking Subcommittee",
        ),
    ],
)
def test_speaker_and_role_past_settings_ranks_and_asides(sentence, speaker, role):
    summary = one_paragraph(sentence)
    assert [(s.speaker, s.role) for s in summary.statements] == [(speaker, role)]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ('Spokesman Thomas Reilly urged Tehran to "stop fuelling this conflict".', "Iran"),
        ("Minister Nasser al-Otaibi praised Oman's patient and honest mediation.", "Oman"),
        (
            "Commander Abbas Heydarnia praised the Iraqi resistance factions for their patience.",
            "the Iraqi resistance factions",
        ),
        ("Minister Hussein Mroueh accused Washington of trying to starve the Lebanese.", "the United States"),
        # a place where something happens is not whom it is about
        ("Minister Abbas Mousavi said American strikes in Iraq broke the law in Iraq.", "the United States"),
    ],
)
def test_an_addressee_is_named_as_the_actor_it_is(sentence, target):
    summary = one_paragraph(sentence)
    assert [s.target for s in summary.statements] == [target]


@pytest.mark.parametrize(
    ("sentence", "authority", "country", "action"),
    [
        (
            "Global Affairs Canada on Thursday listed four Iranian targets under the Special Economic Measures "
            "(Iran) Regulations for gross human rights violations.",
            "Global Affairs Canada",
            "Canada",
            "designate",
        ),
        (
            "The move followed a decision by Britain's Foreign Office last Monday to impose asset freezes and "
            "travel bans on two men.",
            "Britain's Foreign Office",
            "United Kingdom",
            "designate",
        ),
        (
            "The UK's Foreign, Commonwealth & Development Office on Thursday sanctioned four targets for shipping "
            "Iranian crude.",
            "UK's Foreign, Commonwealth & Development Office",
            "United Kingdom",
            "designate",
        ),
        (
            "The European Union warned that it would impose sanctions on the officers involved.",
            "European Union",
            "European Union",
            "threaten",
        ),
    ],
)
def test_sanctions_by_other_authorities(sentence, authority, country, action):
    summary = one_paragraph(sentence)
    assert [(s.authority, s.issuing_country, s.action) for s in summary.sanctions] == [(authority, country, action)]


def test_named_sanctions_targets_from_the_next_sentence_without_counts_or_descriptions():
    text = (
        "Bulletin\n\nThe U.S. Treasury Department on Wednesday designated seven companies and individuals in Lebanon "
        "and Iraq for moving money to Hezbollah. Those targeted include the Beirut-based Al-Rawda Exchange, the "
        "Baghdad-based Bab al-Sharqi Financial Services and its owner, Iraqi businessman Haidar Naji al-Khafaji "
        "(Treasury, October 16).\n"
    )
    [sanction] = summarize(from_text(text), backend="rules").sanctions
    assert sanction.target_count == 7
    assert [(t.name, t.country) for t in sanction.targets] == [
        ("Al-Rawda Exchange", "Lebanon"),
        ("Bab al-Sharqi Financial Services", "Iraq"),
        ("Haidar Naji al-Khafaji", "Iraq"),
    ]


@pytest.mark.parametrize(
    ("sentence", "reasons", "beneficiaries"),
    [
        (
            "The U.S. Treasury Department on Friday designated seven individuals and entities for their role in a "
            "network that smuggled Iranian fuel to the port of Hodeidah and transferred the proceeds to the Houthis.",
            ["smuggled Iranian fuel to the port of Hodeidah", "transferred the proceeds to the Houthis"],
            ["Houthis"],
        ),
        (
            "The U.S. Treasury Department on Friday sanctioned seven entities in Iran and China that procured engines "
            "for Shahed drones on behalf of the IRGC Aerospace Force and Iran's Ministry of Defense and Armed Forces "
            "Logistics (MODAFL), under Executive Order 13382.",
            ["procured engines for Shahed drones"],
            ["IRGC Aerospace Force", "Ministry of Defense and Armed Forces Logistics"],
        ),
        (
            "Global Affairs Canada on Thursday listed four Iranian targets under the Special Economic Measures (Iran) "
            "Regulations for gross and systematic human rights violations: Colonel Hassan Rahimi; two officials of "
            "Qarchak prison; and the firm Fanavar Amn Pardaz.",
            ["gross and systematic human rights violations"],
            [],
        ),
        (
            "The U.S. Treasury Department designated seven companies for moving money from oil sales to Hezbollah "
            "and the Islamic Revolutionary Guard Corps-Quds Force.",
            ["moving money from oil sales to Hezbollah and the Islamic Revolutionary Guard Corps-Quds Force"],
            ["Hezbollah", "Islamic Revolutionary Guard Corps-Quds Force"],
        ),
        (  # "for their role in" opens the conduct, as "for" does
            "The U.S. Treasury Department on Monday sanctioned four firms for their role in the sale of Iranian "
            "petrochemicals to East Asia.",
            ["the sale of Iranian petrochemicals to East Asia"],
            [],
        ),
        (  # what one included target did is not what the action is for
            "The U.S. Treasury Department on Monday imposed sanctions on 12 tankers, including a Maltese broker "
            "reportedly involved in two of the voyages.",
            [],
            [],
        ),
        (  # quoted conduct is named without its marks, "and for" opens a second conduct, and whom it served is cut
            'The UK designated the tankers on Thursday for carrying crude above the price cap and for "deceptive '
            'shipping practices" on behalf of Sepehr Energy, a firm controlled by the General Staff.',
            ["carrying crude above the price cap", "deceptive shipping practices"],
            ["Sepehr Energy"],
        ),
    ],
)
def test_sanctions_reasons_and_who_they_served(sentence, reasons, beneficiaries):
    [sanction] = one_paragraph(sentence).sanctions
    assert (sanction.reasons, sanction.beneficiaries) == (reasons, beneficiaries)


def test_a_stated_total_of_targets_is_not_added_to_a_described_part():
    [sanction] = one_paragraph(
        "Global Affairs Canada on Thursday listed four Iranian targets for gross and systematic human rights "
        "violations: Colonel Hassan Rahimi; two officials of Qarchak prison; and the firm Fanavar Amn Pardaz."
    ).sanctions
    assert (sanction.target_count, sanction.target_countries) == (4, ["Iran"])
    assert [t.name for t in sanction.targets] == ["Hassan Rahimi", "Fanavar Amn Pardaz"]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (  # a colon list after the conduct, and a name with a lower-case particle
            "The UK Foreign Office announced (January 19) the designation of three targets under the Counter-"
            "Terrorism Regulations 2019 for transferring funds to Kata'ib Hizballah: the Baghdad-based al-Rafidain "
            "Crystal Exchange Company and two of its managers, Hamid Jassim al-Obeidi and Karim Nouri Salman.",
            [
                ("al-Rafidain Crystal Exchange Company", "Iraq"),
                ("Hamid Jassim al-Obeidi", None),
                ("Karim Nouri Salman", None),
            ],
        ),
        (  # the names in a later sentence; a description gives the next name its country
            "The U.S. Treasury Department announced (February 18) sanctions against seven individuals and entities. "
            "Among those designated are the Dubai-based Sea Lantern Shipping FZE, its Yemeni owner, Abdulkarim "
            "Hassan al-Sharabi, and an Iranian official of the Qods Force, Mahmoud Reza Kazemzadeh.",
            [
                ("Sea Lantern Shipping FZE", "United Arab Emirates"),
                ("Abdulkarim Hassan al-Sharabi", "Yemen"),
                ("Mahmoud Reza Kazemzadeh", "Iran"),
            ],
        ),
        (
            "The Council of the European Union announced (January 21) that it had added three individuals to its "
            "sanctions list. The listed individuals are Reza Karimpour and two Syrian nationals, Ali Mahmoud Haidar "
            "and Ghassan Yousef Darwish, who received the shipments.",
            [("Reza Karimpour", None), ("Ali Mahmoud Haidar", "Syria"), ("Ghassan Yousef Darwish", "Syria")],
        ),
    ],
)
def test_named_sanctions_targets_in_lists(text, targets):
    [sanction] = one_paragraph(text).sanctions
    assert [(t.name, t.country) for t in sanction.targets] == targets


def test_a_threat_to_sanction_names_its_target_and_condition():
    [sanction] = one_paragraph(
        "The U.S. State Department warned (December 30) that the Lebanese company Cedar Coast Petroleum will be "
        "designated if it takes delivery of Iranian fuel shipments arranged by Hezbollah."
    ).sanctions
    assert sanction.action == "threaten"
    assert [(t.name, t.country) for t in sanction.targets] == [("Cedar Coast Petroleum", "Lebanon")]
    assert sanction.reasons == ["takes delivery of Iranian fuel shipments arranged by Hezbollah"]


def test_a_spokesperson_announcing_for_the_bloc_is_the_bloc_acting():
    [sanction] = one_paragraph(
        "The European Union's foreign policy spokesperson, Helena Varga, said the bloc would impose sanctions on the "
        "IRGC Navy's First Naval District over the seizure of the Aegean Dawn if the ship is not released."
    ).sanctions
    assert (sanction.authority, sanction.action) == ("European Union", "threaten")
    assert sanction.reasons == ["the seizure of the Aegean Dawn"]
    assert [t.name for t in sanction.targets] == ["IRGC Navy's First Naval District"]


@pytest.mark.parametrize(
    ("role", "affiliation"),
    [
        ("Iran's Foreign Minister", "Iran"),
        ("Treasury's assistant secretary for terrorist financing", "United States"),
        ("Emirati Minister of State", "United Arab Emirates"),
        ("the Kurdistan Region's Ministry of Peshmerga Affairs", "Kurdistan Region"),
        ("spokesman of the Houthi armed forces", "Houthis"),
        ("UN Special Envoy for Yemen", "United Nations"),
        ("the Embassy of the Islamic Republic of Iran in London", "Iran"),  # where a body sits is not whom it serves
        ("Prime Minister designate in Iraq", "Iraq"),
        ("Minister of State for the Middle East", None),  # a portfolio, no body
        ("Minister of Public Safety", None),
        ("Central Bank of Iraq Governor", "Central Bank of Iraq"),  # a body of a country, then its officer's title
        ("High Representative for Foreign Affairs and Security Policy", "European Union"),
        ("Ministry of Foreign Affairs of Iraq Spokesman", "Iraq"),
    ],
)
def test_affiliation_from_possessives_nationalities_and_bodies(role, affiliation):
    assert rules.affiliation(role) == affiliation


@pytest.mark.parametrize(
    ("sentence", "affiliation"),
    [
        ('"It is a legal case," Foreign Ministry spokesman Esmail Rostami told a news conference in Tehran.', "Iran"),
        ('In Tripoli, government spokesman Faraj al-Mabrouk welcomed the sanctions as "overdue".', "Libya"),
        ('In Dubai, government spokesman Faraj al-Mabrouk welcomed the sanctions as "overdue".', None),  # no capital
        ('BAGHDAD, March 3, 2027 (Newswire) - Government spokesman Raad al-Saedi called the talks "useful".', "Iraq"),
        ('DUBAI, March 3, 2027 (Newswire) - Government spokesman Raad al-Saedi called the talks "useful".', None),
        ('In Tehran, Hezbollah spokesman Ali Haidar welcomed the sanctions as "overdue".', "Hezbollah"),  # its own body
    ],
)
def test_a_state_officer_named_without_a_state_speaks_for_the_capital_the_telling_places_them_in(sentence, affiliation):
    assert [s.affiliation for s in one_paragraph(sentence).statements] == [affiliation]


def test_the_group_is_the_organisation_named_last_and_unnamed_sources_are_not_it():
    summary = one_paragraph(
        "A previously unknown group calling itself Saraya Thar al-Muhandis claimed responsibility for the attack. "
        "The group warned that its attacks will not stop. Sources close to Hezbollah claimed that units had moved."
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Saraya Thar al-Muhandis", "claimed responsibility"),
        ("Saraya Thar al-Muhandis", "warned"),
    ]


def test_adding_targets_to_a_sanctions_list_is_not_speech():
    summary = one_paragraph(
        "The British government added three targets to its sanctions list (December 1) for shipping drone parts."
    )
    assert [s.cue for s in summary.statements] == []
    assert [s.target_count for s in summary.sanctions] == [3]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ('"We will not negotiate with anyone who threatens us"', "reject_deny"),
        ("no bank licensed by the central bank had been involved in the transfers", "reject_deny"),
        ("the United States should expect a harsh revenge for the assassination", "threaten"),
        ("the group would answer American sanctions with new targets at sea", "threaten"),
        ("the supply of drones contributes to the violent repression of civilians", "accuse_condemn"),
        ("Iran is ready to supply Lebanon with fuel and medicines", "intent_to_cooperate"),
        ("the talks went on for three hours", "assessment"),
        ("its naval forces had seized a foreign tanker in the Strait of Hormuz", "claim_responsibility"),
        ("the enemies will regret the day they touch an Iranian ship", "threaten"),
        ("Washington's bases are within range of our missiles", "threaten"),
        ("the militia will not hand over its weapons to the state", "reject_deny"),
        ("Nobody gives orders to the Yemenis", "reject_deny"),
        ("the Americans chose to answer a question nobody asked them", "assessment"),
        ("Tehran remained open to indirect talks with Washington", "intent_to_cooperate"),
        ("Tehran keeps bankrolling the Houthis' attacks on shipping", "accuse_condemn"),
        ("the IAEA report relied on documents fabricated by Israel", "accuse_condemn"),  # harm done by a named actor
        ("the documents were fabricated", "assessment"),  # ... and by no one named
        ('"Anyone who moves weapons south of the river is a target"', "threaten"),  # a consequence on a condition
        ("any company that keeps supplying them risks the same fate", "threaten"),
        ("the strikes were an aggression that will not go unanswered", "threaten"),
        ("Iran reserves the right to respond", "threaten"),
        ('"In the face of any attack, we will deal a heavier blow to the other side"', "threaten"),
    ],
)
def test_what_a_plain_said_statement_is_comes_from_its_content(content, kind):
    assert rules.statement_type("said", content) == kind


@pytest.mark.parametrize(
    ("cue", "content", "kind"),
    [
        ("vowed", 'to answer "every attack on our people" in kind', "threaten"),
        ("threatened", "to resume operations if the port is struck again", "threaten"),
        ("warned", "his Government reserved the right to take reciprocal measures", "threaten"),
        ("warned", "the rial had lost a fifth of its value since March", "assessment"),
    ],
)
def test_a_warning_cue_is_a_threat_when_it_promises_an_act_even_without_a_will(cue, content, kind):
    assert rules.statement_type(cue, content) == kind


@pytest.mark.parametrize(
    ("cue", "content", "kind", "target"),
    [
        ("said", "Tehran to release the crew without delay", "demand_appeal", "Iran"),
        ("condemned", "all parties to exercise restraint", "demand_appeal", "all parties"),
        ("told", "it to designate the operators", "demand_appeal", None),
        ("said", "the army had forced Israel to evacuate the north", "assessment", None),
        ("said", "the navy has the right to inspect ships in its waters", "assessment", None),
        ("denied", "the group would resume attacks if Washington struck again", "threaten", None),
        ("said", "talks would resume next week", "assessment", None),
        ("said", "Washington would keep targeting every link in the supply chain", "threaten", None),
        ("added", 'the "resistance" would then target every American interest in the region', "threaten", None),
        ("posted", "foreign troops remaining in the country are legitimate targets", "threaten", None),
        ("said", "the states will not stand idle while shipping is held hostage", "threaten", None),
        ("said", 'Beijing "firmly opposes" unilateral sanctions', "reject_deny", None),
        ("told", "the ministry does not recognize unilateral sanctions", "reject_deny", None),
        ("said", "the vessel had no commercial link to Israel", "reject_deny", None),
    ],
)
def test_a_party_asked_to_act_is_a_demand_on_it_and_a_conditional_consequence_a_threat(cue, content, kind, target):
    assert rules.statement_type(cue, content) == kind
    if target:
        summary = one_paragraph(f"Foreign Minister Karim Haddad {cue} {content}.")
        assert [(s.statement_type, s.target) for s in summary.statements] == [(kind, target)]


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        ("But Kataib Hezbollah, the most powerful of the factions, denied any role in it.", "Kataib Hezbollah", None),
        ("Hezbollah, for its part, said the raids would deepen its resolve.", "Hezbollah", None),
        (
            "The Permanent Representative of Iran to the United Nations said the report was biased.",
            "Iran",
            "Permanent Representative to the United Nations",
        ),
        ("Australian Minister for Foreign Affairs Rebecca Thornton said the talks failed.", "Rebecca Thornton", None),
        ("Nasser Vahidi, in a statement issued on Tuesday, condemned the listing.", "Nasser Vahidi", None),
        ("Nasser Vahidi, in an interview with the paper, deplored the listing.", "Nasser Vahidi", None),
        ('"It is deeply regrettable that the Council chose this path," Nasser Vahidi deplored.', "Nasser Vahidi", None),
        (
            "The Speaker of the Parliament Nasser Vahidi at the opening of the session stressed that the package had "
            "no legal basis.",
            "Nasser Vahidi",
            "Speaker of the Parliament",
        ),
        ("Nasser Vahidi at a news conference in Baghdad on Monday said the talks had failed.", "Nasser Vahidi", None),
    ],
)
def test_what_stands_between_a_speaker_and_the_verb_is_not_the_speaker(sentence, speaker, role):
    (found,) = one_paragraph(sentence).statements
    assert found.speaker == speaker
    assert role is None or found.role == role


def test_a_clause_opened_by_but_or_and_with_its_subject_ends_the_content_before_it():
    summary = one_paragraph(
        "Commissioner Lena Brandt said that there is a consensus on the listing, but she added that talks with "
        'Ruritania should go on. Minister Karl Ode described the listing as "overdue", and he has labelled it a signal.'
    )
    assert [s.content for s in summary.statements] == [
        "there is a consensus on the listing",
        "talks with Ruritania should go on",
        'the listing as "overdue"',
        "it a signal",
    ]


def test_a_reason_ends_before_the_list_the_targets_were_added_to():
    [sanction] = one_paragraph(
        "The EU on Monday added nine persons responsible for human rights violations to the list of those subject to a "
        "travel ban."
    ).sanctions
    assert sanction.reasons == ["human rights violations"]


def test_a_parliament_named_alone_acts_for_the_state_its_story_was_filed_from():
    summary = by_rules(
        "Majlis answers EU package\n\nTEHRAN (Harbour Wire) - The Parliament on Wednesday approved a bill imposing an "
        "entry ban and an asset freeze on 14 European officials.\n"
    )
    assert [(a.authority, a.issuing_country) for a in summary.sanctions] == [("Parliament", "Iran")]


def test_the_spokesman_is_the_spokesperson_named_before_and_who_announces_an_action_is_no_target():
    summary = one_paragraph(
        'Foreign Ministry Spokesperson Nasser Vahidi said the listing was illegal. "It is deeply regrettable that '
        'such a decision was made," the spokesman deplored. The United States on Monday imposed another round of '
        'sanctions on Ruritania to "raise the pressure", the Department of State announced.'
    )
    assert [s.speaker for s in summary.statements] == ["Nasser Vahidi", "Nasser Vahidi"]
    assert [[t.name for t in a.targets if "State" in t.name] for a in summary.sanctions] == [[]]


def test_a_quotation_with_quoted_words_inside_is_no_part_of_its_speaker():
    summary = one_paragraph(
        'Navy spokesman Nasser Vahidi said on Monday the tanker was struck. "Our forces struck a tanker in the Gulf, '
        '"SEA PEARL," with two missiles," the spokesman posted on X.'
    )
    assert [s.speaker for s in summary.statements] == ["Nasser Vahidi", "Nasser Vahidi"]


def test_a_call_set_after_a_named_object_is_no_aside_of_that_object():
    summary = one_paragraph(
        "The HR/VP raised the case with Iran's Foreign Minister, Abbas Vahidi, in a call on 18 "
        "September and insisted on her release."
    )
    assert "Abbas Vahidi" not in [s.speaker for s in summary.statements]


@pytest.mark.parametrize(
    ("sentence", "kind", "content"),
    [
        ("Nasser Vahidi deplored the listing of the two banks.", "accuse_condemn", "the listing of the two banks"),
        (
            "Nasser Vahidi forewarned the EU that it would gain nothing from the listing.",
            "threaten",
            "it would gain nothing from the listing",
        ),
        (
            "Nasser Vahidi refuted the charges against the two banks.",
            "reject_deny",
            "the charges against the two banks",
        ),
        ("Nasser Vahidi told The Harbour Herald he was a money changer.", "assessment", "he was a money changer"),
        ("Nasser Vahidi said, though, that the listing was a mistake.", "assessment", "the listing was a mistake"),
        (
            "Nasser Vahidi went on to claim that the talks had been cancelled.",
            "assessment",
            "the talks had been cancelled",
        ),
    ],
)
def test_verbs_of_news_reports_report_statements(sentence, kind, content):
    [found] = one_paragraph(sentence).statements
    assert (found.speaker, found.statement_type, found.content) == ("Nasser Vahidi", kind, content)


def test_an_office_with_its_portfolio_before_a_name_introduces_the_holder_for_later_references():
    summary = one_paragraph(
        "Secretary of State Daniel Whitcombe spoke today with Iraqi Prime Minister Qasim al-Saadi. The Secretary "
        "condemned the attack. The President of the Security Council said the talks had failed."
    )
    assert [(s.speaker, s.role) for s in summary.statements][:1] == [("Daniel Whitcombe", "Secretary of State")]
    assert all(s.role != "President of the Security" for s in summary.statements)
    envoy = one_paragraph(
        "The minister received Hamid Rezaei, Ambassador of the Islamic Republic of Iran to the UAE. "
        "Rezaei said the talks would go on for some time."
    )
    assert [(s.speaker, s.affiliation) for s in envoy.statements] == [("Hamid Rezaei", "Iran")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("On July 22, 2027, G7 foreign ministers condemned the transfers.", [("G7 foreign ministers", "condemned")]),
        ("On August 6, 2027, FINTRAC warned banks that the networks were still active.", [("FINTRAC", "warned")]),
        ("Iran has denied involvement.", [("Iran", "denied")]),
        ("Iran denied the reports.", [("Iran", "denied")]),
        ("Ali Karimi urged European governments to stop the deal.", [("Ali Karimi", "urged")]),
        ("Iranian officials said the talks had failed.", []),  # unnamed, no grouping
        ("A group calling itself Saraya al-Dam claimed the attack.", [("Saraya al-Dam", "claimed")]),
        ("The US charge d'affaires, Daniel Witcomb [sic], said Washington would act.", [("Daniel Witcomb", "said")]),
        (
            "In its report of March 18, 2027, to the UN Human Rights Council, the Fact-Finding Mission on Iran "
            "concluded that the executions were unlawful.",
            [("the Fact-Finding Mission on Iran", "concluded")],
        ),
        (
            "In its final report, the Panel of Experts on Yemen found that the missiles were Iranian.",
            [("the Panel of Experts on Yemen", "found")],
        ),
        ("The Panel stated that the cargo had been transferred at sea.", []),  # a report's own voice
        ("The talks concluded that evening without a statement.", []),
    ],
)
def test_groups_panels_dated_openings_and_short_denials_give_their_statement(sentence, found):
    assert [(s.speaker, s.cue) for s in one_paragraph(sentence).statements] == found


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("We welcome that step.", "that step"),
        ("Karimi said that Iran lied.", "Iran lied"),
        ("I reaffirmed to my brother that Oman supports Iraq.", "Oman supports Iraq"),
    ],
)
def test_that_opening_what_was_said_is_left_out_unless_a_lone_noun_follows(sentence, content):
    verb = re.search(r"welcome|said|reaffirmed", sentence)
    assert rules.content_at(sentence, verb.start(), verb.end(), verb[0]) == content


def test_a_second_verb_s_and_and_subject_close_the_first_verb_s_content():
    summary = one_paragraph(
        "Governor Layla al-Khafaji informed the minister this morning that the three banks had been suspended in "
        "June, and she said the bank would open its own audit."
    )
    assert [(s.cue, s.content) for s in summary.statements] == [
        ("informed", "the three banks had been suspended in June"),
        ("said", "the bank would open its own audit"),
    ]


def test_a_telling_in_a_dated_paper_is_said_that_day_and_a_day_of_something_else_dates_nothing():
    summary = by_rules(
        "Council notes\n\nWednesday 18 August 2027\n\nIn its conclusions on Iraq of 12 October 2026, the European "
        "Council condemned the attacks on shipping.\n\nForeign Minister Karim Haddad welcomed the statement of the "
        "Secretary-General of 10 March 2027 and said the crews must be released.\n"
    )
    got = [(s.cue, s.said_on) for s in summary.statements]
    assert got == [("condemned", date(2026, 10, 12)), ("welcomed", None), ("said", None)]


def test_a_meeting_record_s_statements_are_said_on_the_day_the_meeting_was_held():
    summary = by_rules(
        "Summary record of the 318th meeting\nHeld at Headquarters, New York, on Tuesday, 3 August 2027, at 10 a.m."
        "\n\n5 August 2027\n\n2. Mr. Karimi-Nasab (Islamic Republic of Iran) said that the measures were illegal. "
        "He said on 1 August that the talks had failed.\n"
    )
    assert [s.said_on for s in summary.statements] == [date(2027, 8, 3), date(2027, 8, 1)]


def test_a_meeting_record_s_parenthesis_gives_whom_a_delegate_speaks_for_or_their_office():
    summary = one_paragraph(
        "Mr. Karimi-Nasab (Islamic Republic of Iran) said that the measures were illegal. He called on the Committee "
        "to act. Ms. Lindholm (Observer for the European Union) said that the measures were targeted."
    )
    assert [(s.speaker, s.role, s.affiliation) for s in summary.statements] == [
        ("Karimi-Nasab", None, "Iran"),
        ("Karimi-Nasab", None, "Iran"),
        ("Lindholm", "Observer for the European Union", "European Union"),
    ]


def test_a_lone_word_is_not_run_into_the_heading_above_it_as_a_name():
    summary = by_rules("Council results\n\n2 May 2027\n\nRed Sea\n\nMinisters condemned the attack on the ship.\n")
    assert all("\n" not in s.speaker and s.speaker != "Red Sea Ministers" for s in summary.statements)


def test_a_body_named_by_its_kind_after_what_it_said_is_the_body_named_before():
    summary = one_paragraph(
        "Iran's Foreign Ministry condemned the raid. "
        'Tehran reserved the right to respond "in a proportionate manner", the ministry said.'
    )
    assert [(s.speaker, s.content) for s in summary.statements][1:] == [
        ("Iran's Foreign Ministry", 'Tehran reserved the right to respond "in a proportionate manner"')
    ]


def news(*paragraphs: str) -> Summary:
    """A one-day wire report: relative days resolve against its dateline."""
    body = "\n\n".join(paragraphs)
    return summarize(from_text(f"Headline\n\nBAGHDAD, January 25, 2024 (Newswire) - {body}\n"), backend="rules")


def test_wire_attributions_split_quotes_relative_clauses_and_follow_ups():
    summary = news(
        '"These strikes were illegal," he said, "and they will be answered."',
        "Ammar al-Khazali, who heads the prime minister's office, said on Wednesday that talks would go on. "
        "He added that Baghdad was ready to work with Washington.",
        '"Tehran pays for the missiles," said Marcus Delaney, director of the Treasury\'s sanctions office.',
        "Jordan's Foreign Minister Ayman al-Masri told Khazali in a telephone call on Wednesday that the kingdom "
        "stood by Iraq and rejected any attack on it, al-Masri's office said.",
    )
    got = [(s.speaker, s.role, s.cue, s.content, s.quote_type, s.said_on) for s in summary.statements]
    assert got == [
        (
            "Ammar al-Khazali",
            "head of the prime minister's office",
            "said",
            "talks would go on",
            "indirect",
            date(2024, 1, 24),
        ),
        (
            "Ammar al-Khazali",
            "head of the prime minister's office",
            "added",
            "Baghdad was ready to work with Washington",
            "indirect",
            date(2024, 1, 24),
        ),
        (
            "Marcus Delaney",
            "director of the Treasury's sanctions office",
            "said",
            '"Tehran pays for the missiles"',
            "direct",
            None,
        ),
        (
            "Ayman al-Masri",
            "Jordan's Foreign Minister",
            "told",
            "the kingdom stood by Iraq and rejected any attack on it",
            "indirect",
            date(2024, 1, 24),
        ),
    ]


def test_a_quote_split_by_its_attribution_is_one_direct_statement():
    summary = news(
        'Hamid al-Zaidi, a spokesman for the group, spoke late on Tuesday. "We chose," he said, "and they will hear '
        'our answer."'
    )
    assert [(s.content, s.quote_type, s.statement_type) for s in summary.statements] == [
        ('"We chose," "and they will hear our answer."', "direct", "threaten")
    ]


@pytest.mark.parametrize(
    ("sentence", "content", "target"),
    [
        (
            "Brian Kessler told Reuters on Wednesday that the strikes had hit launch sites.",
            "the strikes had hit launch sites",
            None,
        ),
        (
            "Kamran Vahidi cautioned Western navies on Thursday that new warships will be treated as a threat.",
            "new warships will be treated as a threat",
            "Western navies",
        ),
        (
            'Mehdi Arabshahi condemned the strikes as "a violation", in remarks carried by the IRNA news agency.',
            'the strikes as "a violation"',
            None,
        ),
    ],
)
def test_channels_and_addressees_before_that_are_not_content(sentence, content, target):
    [statement] = news(sentence).statements
    assert (statement.content, statement.target) == (content, target)


@pytest.mark.parametrize(
    ("sentence", "authority", "country", "targets", "reasons", "beneficiaries"),
    [
        (
            "Britain said on Wednesday it was freezing the assets of five people and companies it accused of "
            "smuggling drone components into Iraq for Kata'ib Hezbollah, including Baghdad money changer Raad "
            "Hashim al-Saedi and the Basra-based Al-Furat Star General Trading.",
            "Britain",
            "United Kingdom",
            [("Raad Hashim al-Saedi", "Iraq"), ("Al-Furat Star General Trading", "Iraq")],
            ["smuggling drone components into Iraq for Kata'ib Hezbollah"],
            ["Kata'ib Hezbollah"],
        ),
        (
            "Washington on Friday slapped sanctions on eight companies and individuals that the Treasury Department "
            "said had funnelled proceeds from oil sales to the Houthis.",
            "Treasury Department",
            "United States",
            [],
            ["funnelled proceeds from oil sales to the Houthis"],
            ["Houthis"],
        ),
        (
            "Japan's Foreign Ministry on Thursday added four targets to its asset-freeze list over the supply of "
            "drones to the Houthis. They include Brigadier General Farzad Mirhashemi of the IRGC Aerospace Force "
            "and the Shiraz-based Pars Falcon Avionics.",
            "Japan's Foreign Ministry",
            "Japan",
            [("Farzad Mirhashemi", None), ("Pars Falcon Avionics", "Iran")],
            ["the supply of drones to the Houthis"],
            ["Houthis"],
        ),
        (
            "On Monday, Australia's Department of Foreign Affairs and Trade (DFAT) imposed sanctions on four people.",
            "Australia's Department of Foreign Affairs and Trade",
            "Australia",
            [],
            [],
            [],
        ),
    ],
)
def test_sanctions_in_wire_phrasing(sentence, authority, country, targets, reasons, beneficiaries):
    [sanction] = news(sentence).sanctions
    assert (sanction.authority, sanction.issuing_country) == (authority, country)
    assert [(t.name, t.country) for t in sanction.targets] == targets
    assert (sanction.reasons, sanction.beneficiaries) == (reasons, beneficiaries)


def test_speech_about_a_sanction_is_not_one():
    summary = news("Iran's Foreign Ministry said the sanctions imposed by Washington were illegal.")
    assert summary.sanctions == []


def test_a_weekly_brief_dates_weekdays_within_its_week_and_drops_footnote_markers():
    summary = by_rules(
        "Iran Watch Weekly Brief\nWeek of 1-7 September 2025\n\n1. IRAQ\n\n"
        "Iraqi government spokesman Basim al-Amiri welcomed on Tuesday the departure of the first coalition "
        "units.[5] Khaled al-Sharjabi expressed concern on Saturday that the talks had stalled.[6]\n\n"
        "SOURCES\n[5] Iraqi News Agency, 2 September 2025\n[6] Saba, 7 September 2025\n"
    )
    got = [(s.speaker, s.cue, s.content, s.said_on, s.cited_outlet) for s in summary.statements]
    assert got == [
        (
            "Basim al-Amiri",
            "welcomed",
            "the departure of the first coalition units",
            date(2025, 9, 2),
            "Iraqi News Agency",
        ),
        ("Khaled al-Sharjabi", "expressed concern", "the talks had stalled", date(2025, 9, 6), "Saba"),
    ]


def test_listings_joined_by_as_well_as_and_a_country_speaking_through_its_envoy():
    [sanction] = one_paragraph(
        "The Council of the European Union decided on Thursday to expand its restrictive measures, adding five "
        "individuals and three entities. The new listings include the Isfahan-based Pardis Rotor Industries, as well "
        "as the Dubai-registered freight forwarder Bluewater Gate Logistics."
    ).sanctions
    assert [(t.name, t.country) for t in sanction.targets] == [
        ("Pardis Rotor Industries", "Iran"),
        ("Bluewater Gate Logistics", "United Arab Emirates"),
    ]
    assert rules.affiliation("Iran's representative to the UN") == "Iran"


def test_wire_attributions_with_ranks_days_relative_clauses_and_according_to():
    summary = news(
        "The United Kingdom Maritime Trade Operations (UKMTO) centre, which is run by Britain's Royal Navy, said in an "
        "advisory late Tuesday that the tanker had been boarded by small craft.",
        "The IRGC Navy said in a statement carried by state media on Wednesday that its forces had seized the vessel.",
        "A spokesperson for the U.S. Navy's 5th Fleet, Commander Erin Caldwell, said on Wednesday the seizure was "
        "illegal. According to Caldwell, a patrol aircraft tracked the tanker.",
        "Esmail Rostami on Thursday denied that the seizure was retaliation for the sanctions.",
        "Khalid al-Nuaimi urged Iran on Thursday to release the Coral Meridian and its crew.",
    )
    got = [(s.speaker, s.cue, s.content) for s in summary.statements]
    assert got == [
        (
            "United Kingdom Maritime Trade Operations",
            "said",
            "the tanker had been boarded by small craft",
        ),
        ("IRGC Navy", "said", "its forces had seized the vessel"),
        ("Erin Caldwell", "said", "the seizure was illegal"),
        ("Erin Caldwell", "according to", "a patrol aircraft tracked the tanker"),
        ("Esmail Rostami", "denied", "the seizure was retaliation for the sanctions"),
        ("Khalid al-Nuaimi", "urged", "Iran to release the Coral Meridian and its crew"),
    ]


def test_a_named_target_with_others_counted_and_described():
    [sanction] = news(
        "The U.S. Treasury Department on Wednesday designated Singapore-based Bright Harbour Ship Management, the "
        "operator of the tanker Sea Falcon, and three other companies for shipping Iranian oil to buyers in China."
    ).sanctions
    assert sanction.target_count == 4
    assert [(t.name, t.country) for t in sanction.targets] == [("Bright Harbour Ship Management", "Singapore")]
    assert sanction.target_countries == ["Singapore"]


def test_an_office_after_the_verb_a_source_opening_the_sentence_and_no_he_for_a_body():
    found = news(
        '"An attack on a ship is piracy," said Foreign Minister Alexandros Mavridis, speaking to reporters.',
        "According to Lebanon's Health Ministry, two civilians were killed in the strikes.",
        "According to the army's spokesman, Colonel Eyal Dagan, the strikes hit three weapons depots.",
        "According to the Saba news agency, air defences shot down a drone over the capital.",
        "Iran's Foreign Ministry said in a statement that the talks were over for now.",
        "He also warned that Tehran would respond to any attack on its ships.",
    ).statements
    said = {s.speaker: s for s in found}
    assert said["Alexandros Mavridis"].role == "Foreign Minister"
    assert said["Lebanon's Health Ministry"].content == "two civilians were killed in the strikes"
    assert (said["Eyal Dagan"].role, said["Eyal Dagan"].content) == (
        "army's spokesman",
        "the strikes hit three weapons depots",
    )
    assert not any("drone" in s.content for s in found)  # an outlet reporting is no one's statement
    assert [s.cue for s in found if s.speaker == "Iran's Foreign Ministry"] == ["said"]  # "He" is not a ministry


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        # a clause closed by a comma or a quotation, then "and": the speaker's second statement
        (
            "Minister Karim Haddad said that the attacks were unacceptable, and urged Tehran to stop arming the group.",
            ["said", "urged"],
        ),
        (
            'Spokesman Omid Rahbar told reporters that he had "never given an order to fire" and dismissed the freeze '
            "as meaningless.",
            ["told", "dismissed"],
        ),
        (
            'Commander Abu Karrar al-Zaydi wrote on his channel that the militia "will not be dragged into a war," but '
            "warned that any strike would be answered in kind.",
            ["wrote", "warned"],
        ),
        # without the comma, the verb after "that" belongs to the reported clause
        (
            "Minister Karim Haddad told his counterpart that the kingdom stood by Iraq and rejected any attack on it.",
            ["told"],
        ),
    ],
)
def test_a_second_cue_after_a_reported_clause_is_the_speakers_own(sentence, cues):
    assert [s.cue for s in one_paragraph(sentence).statements] == cues


def test_a_short_line_ending_in_a_colon_introduces_the_quotation_after_it():
    summary = by_rules(
        "Australia sanctions officials over repression\n\n"
        "The Government has today imposed sanctions on five individuals responsible for intimidation.\n\n"
        "Foreign Minister Miriam Calder said:\n\n"
        '"Australia will not tolerate any foreign government threatening people in our community."\n'
    )
    assert [(s.speaker, s.cue, s.quote_type) for s in summary.statements] == [("Miriam Calder", "said", "direct")]


def test_a_delegate_without_a_name_speaks_for_the_country_it_represents():
    summary = news(
        "The representative of France said that the army must be supported in extending the authority of the State. "
        "Israel must respect Lebanon's sovereignty, he added.",
        "Speaking in his national capacity, the representative of the Russian Federation said that the crisis could "
        "not be solved by force.",
    )
    assert [(s.speaker, s.role, s.affiliation, s.cue) for s in summary.statements] == [
        ("France", "representative", "France", "said"),
        ("France", "representative", "France", "added"),
        ("the Russian Federation", "representative", "Russia", "said"),
    ]


def test_a_superscript_footnote_marker_is_no_part_of_what_was_said():
    (found,) = one_paragraph(
        "Spokesman Mohammad-Javad Nikfar said that Iran would take \u201call necessary measures.\u201d\u00b9"
    ).statements
    assert found.content == 'Iran would take "all necessary measures."'


def test_a_transcript_speaker_states_in_the_first_person_and_questions_state_nothing():
    summary = by_rules(
        "Department Press Briefing\n\nSpokesperson Gregory Halvorsen\nWashington, DC\nNovember 17, 2026\n\n"
        "MR. HALVORSEN: Good afternoon. First, we welcome the agreement reached yesterday to extend the "
        "monitoring mechanism through March.\n\n"
        "QUESTION: Iran's foreign ministry spokesman said Tehran would respond. Do you have a reaction?\n\n"
        "MR. HALVORSEN: We condemn this reckless attack on a civilian vessel and its crew.\n"
    )
    assert [(s.speaker, s.role, s.cue, s.said_on) for s in summary.statements] == [
        ("Gregory Halvorsen", "Spokesperson", "welcome", date(2026, 11, 17)),
        ("Gregory Halvorsen", "Spokesperson", "condemn", date(2026, 11, 17)),
    ]
    assert summary.statements[0].evidence.text.startswith("First, we welcome")  # the turn's label is no part of it


def test_an_interpreted_press_conference_s_turns_are_its_ministers_and_its_moderator_states_nothing():
    summary = by_rules(
        "Joint Press Conference of the Foreign Ministers\nMuscat, Thursday 2 September 2027\n\n"
        "MODERATOR (in Arabic, as interpreted): We welcome Sayyid Talal bin Hamad Al Busaidi, Minister of Foreign "
        "Affairs of Oman, and Dr. Ammar Jawad al-Rubaie, Minister of Foreign Affairs of Iraq.\n\n"
        "MINISTER AL BUSAIDI (in Arabic, as interpreted): I reaffirmed to my brother that Oman supports the unity "
        "of Iraq.\n\n"
        "MODERATOR: The first question is from Daniel Whitcombe of Reuters.\n\n"
        "MINISTER AL-RUBAIE (in Arabic, as interpreted): We condemn any threat against diplomatic missions in "
        "Iraq.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Sayyid Talal bin Hamad Al Busaidi", "Minister of Foreign Affairs of Oman", "reaffirmed"),
        ("Ammar Jawad al-Rubaie", "Minister of Foreign Affairs of Iraq", "condemn"),  # the office closing a sentence
    ]


def test_a_transcript_answer_with_no_reporting_verb_is_one_statement_from_its_first_position():
    summary = by_rules(
        "Department Press Briefing\n\nSpokesperson Gregory Halvorsen\nWashington, DC\nNovember 17, 2026\n\n"
        "QUESTION: There are reports that officials met in Muscat last week. Can you confirm that?\n\n"
        "MR. HALVORSEN: I'm not going to comment on private diplomatic conversations. Our position has not "
        "changed: Iran will never be allowed to acquire a nuclear weapon. The door stays open.\n\n"
        "QUESTION: Is the United States going to respond militarily?\n\n"
        "MR. HALVORSEN: I'd refer you to my colleagues at the Pentagon on that. Thanks, everybody.\n\n"
        "(The briefing was concluded at 1:52 p.m.)\n"
    )
    assert [(s.speaker, s.cue, s.content, s.said_on) for s in summary.statements] == [
        (
            "Gregory Halvorsen",
            "said",
            "Our position has not changed: Iran will never be allowed to acquire a nuclear weapon",
            date(2026, 11, 17),
        )
    ]


def test_a_cue_set_in_parentheses_keeps_the_words_before_it():
    found = one_paragraph(
        "Iran's deputy foreign minister, Kazem Gharibabadi, said Tehran would not negotiate under pressure. "
        "The real problem, he added, was the occupation of Syrian land. He agreed to talk because, he said, "
        "there was nothing left to lose."
    ).statements
    assert [(s.cue, s.content) for s in found[1:]] == [
        ("added", "The real problem was the occupation of Syrian land"),
        ("said", "there was nothing left to lose"),
    ]


def test_a_person_opening_a_sentence_is_known_by_surname_and_pronoun_in_later_sections():
    summary = by_rules(
        "Portrait of a broker\n\nNovember 9, 2026\n\nBehrouz Sadeghi-Rad, 58, was born in Bandar Abbas and moved "
        "to Dubai in 1998. He built a fleet of ageing tankers.\n\nThe network\n\nSadeghi-Rad did not respond to "
        'written questions. In an interview in 2022, he described himself as "a simple trader" and said '
        'sanctions were "a war on ordinary Iranians."\n\nThe end\n\nSadeghi-Rad told a Dubai court last year '
        "that he had never shipped Iranian oil.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Behrouz Sadeghi-Rad", "described"),
        ("Behrouz Sadeghi-Rad", "said"),
        ("Behrouz Sadeghi-Rad", "told"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "affiliation"),
    [
        ("The IDF has said publicly that the strike targeted a Hizballah weapons depot.", "IDF", "Israel"),
        ("The Pentagon said on Monday that the carrier would stay in the Gulf.", "Pentagon", "United States"),
        ("Iran has repeatedly said that its drone programme is defensive.", "Iran", "Iran"),
        ("Officials in Iran said the depot had been empty for weeks.", None, None),
        ("Two former employees of Golden Dhow described how the fuel was blended at sea.", None, None),
        ("The BBC said that the depot had been empty for weeks.", None, None),
        ("UKMTO said it had received a report of an incident west of Hodeidah.", "UKMTO", None),
        ("IRNA said the depot had been empty for weeks.", None, None),
        (
            "UKMTO, the British navy's maritime trade agency, said it had received a report of a tanker approached.",
            "UKMTO",
            None,
        ),
        (
            "The tanker's manager, Piraeus-based Aegean Crest Shipping, said all 23 crew had been taken off.",
            "Aegean Crest Shipping",
            None,
        ),
    ],
)
def test_a_body_named_by_its_initials_or_a_polity_alone_speaks(sentence, speaker, affiliation):
    found = one_paragraph(sentence).statements
    assert [(s.speaker, s.affiliation) for s in found] == ([(speaker, affiliation)] if speaker else [])
    if found:
        assert not found[0].content.startswith(("publicly", "repeatedly", "that"))


@pytest.mark.parametrize(
    ("sentence", "speaker", "role", "cue"),
    [
        (  # a source closing the sentence, past what carried the words
            'Further listings "remain on the table", according to a statement from the EU\'s foreign affairs '
            "spokesperson, Anouk Verhaegen.",
            "Anouk Verhaegen",
            "EU's foreign affairs spokesperson",
            "according to",
        ),
        (  # what the speaker put out, then the participle that reports it
            "The Foreign Ministry issued a statement saying that the sanctions were illegal and unacceptable.",
            "The Foreign Ministry",
            None,
            "saying",
        ),
        (  # an office written as a title that no one was introduced with
            "On 10 November 2026, the High Representative issued a declaration on behalf of the Union stating that the "
            "Union condemns the transfers.",
            "the High Representative",
            "High Representative",
            "stating",
        ),
        (  # an office "of the" department after an inverted verb
            '"Tehran keeps diverting oil revenue away from the Iranian people," said Deputy Secretary of the '
            "Treasury Marcus Whitfield.",
            "Marcus Whitfield",
            "Deputy Secretary of the Treasury",
            "said",
        ),
        (  # a relative clause giving no office leaves the office written before the name
            "Australian Minister for Foreign Affairs Rebecca Thornton, who joined by video link, told reporters that "
            "the families deserve answers.",
            "Rebecca Thornton",
            "Australian Minister for Foreign Affairs",
            "told",
        ),
        (  # letters after a name only when the name ends there
            "Hezbollah MP Karim Zein, speaking at a funeral, accused the army command of carrying out orders.",
            "Karim Zein",
            "Hezbollah MP",
            "accused",
        ),
        (  # an outlet quoting the speaker is no part of the speaker's office
            "Al-Mayadeen quotes Hezbollah's deputy secretary-general, Sheikh Nabil Harb, as saying that the weapons "
            "are not on any table.",
            "Nabil Harb",
            "Hezbollah's deputy secretary-general",
            "as saying",
        ),
        (  # a ministry in lower case after its country
            "Oman's foreign ministry said in a statement on Monday that a new round of talks would begin soon.",
            "Oman's foreign ministry",
            None,
            "said",
        ),
        ("Israel's delegate rejected the account of the strikes as false.", "Israel", "delegate", "rejected"),
        (
            "Australia calls on Iran to end its campaign of intimidation against the diaspora.",
            "Australia",
            None,
            "calls on",
        ),
        ("The EU condemns the continued attacks by the Houthis on merchant ships.", "EU", None, "condemns"),
        (  # a first verb that is no speech, then the reporting verb
            "Secretary Delaney spoke yesterday with Prime Minister Adnan al-Kubaisi and urged him to hold the "
            "militias accountable.",
            "Delaney",
            "Secretary",
            "urged",
        ),
        (  # the rank after an inverted verb is no part of the name
            '"We hit a storage site in Qana," said Lieutenant Colonel Nadav Ilan, the military\'s spokesman.',
            "Nadav Ilan",
            "military's spokesman",
            "said",
        ),
    ],
)
def test_speakers_quoted_by_outlets_delegates_ministries_and_earlier_verbs(sentence, speaker, role, cue):
    assert [(s.speaker, s.role, s.cue) for s in one_paragraph(sentence).statements] == [(speaker, role, cue)]


def test_what_someone_described_inside_the_narration_is_no_statement():
    sentence = "Aircraft struck what the army described as a rocket depot near Qana on Tuesday, killing two people."
    assert one_paragraph(sentence).statements == []


def test_a_council_release_names_its_issuer_as_the_authority_of_its_listings():
    summary = by_rules(
        "Council of the EU\nPress release\n16 November 2026 11:30\n\n"
        "Iran: Council lists a further 11 individuals and 4 entities\n\n"
        "The Council today adopted restrictive measures against an additional 11 individuals and 4 entities "
        "responsible for supplying weapons to the Houthis in Yemen.\n\n"
        "In addition, the Council decided to delist one individual, who has died since his designation.\n"
    )
    assert [(s.authority, s.issuing_country, s.action, s.target_count) for s in summary.sanctions] == [
        ("Council of the EU", "European Union", "designate", 15),
        ("Council of the EU", "European Union", "delist", 1),
    ]


def test_a_capital_reporting_is_no_speaker():
    assert (
        one_paragraph("Diplomats in Tehran said the case was likely to be resolved quietly, within weeks.").statements
        == []
    )


def test_a_quotation_set_apart_and_signed_under_it_is_its_signers_statement():
    summary = by_rules(
        "Council of the EU\nPress release\n16 November 2026 11:30\n\nIran: Council lists further individuals\n\n"
        "The Council today adopted restrictive measures against 11 individuals responsible for arming the Houthis.\n\n"
        '"Iran cannot arm the Houthis and then present itself as a force for stability in the region."\n'
        "\u2014 Liisa Kangro, High Representative for Foreign Affairs and Security Policy\n"
    )
    (said,) = summary.statements
    assert (said.speaker, said.role, said.cue, said.quote_type) == (
        "Liisa Kangro",
        "High Representative for Foreign Affairs and Security Policy",
        None,
        "direct",
    )
    assert said.evidence.text.endswith("Security Policy")  # the signature is part of where it was said


def test_a_table_of_statements_gives_one_statement_per_row():
    summary = by_rules(
        "# Situation Report\n\n**Period:** 26-28 November 2026\n\n## Statements tracker\n\n"
        "| Date | Actor | Statement | Source |\n| --- | --- | --- | --- |\n"
        "| 26 Nov | Kazem Rahimian, Iranian Foreign Ministry spokesman | Rejected US claims that Iran supplied the "
        'drones as "baseless". | IRNA |\n'
        '| 27 Nov | Israeli Defence Minister Avner Levanon | "Every launcher that fires at the Galilee will be '
        'destroyed." | Kan News |\n'
        "| 28 Nov | Tasnim | Reported that the IRGC Navy began a three-day exercise. | Tasnim |\n"
    )
    assert [(s.speaker, s.role, s.cue, s.said_on, s.cited_outlet) for s in summary.statements] == [
        ("Kazem Rahimian", "Iranian Foreign Ministry spokesman", "rejected", date(2026, 11, 26), "IRNA"),
        ("Avner Levanon", "Israeli Defence Minister", None, date(2026, 11, 27), "Kan News"),
    ]
    first = summary.statements[0]
    assert first.content == 'US claims that Iran supplied the drones as "baseless"'
    assert first.evidence.text.startswith("| 26 Nov |") and first.evidence.text.endswith("| IRNA |")


def test_a_joint_statement_speaks_as_the_we_it_names():
    summary = by_rules(
        "Joint statement on Iran\n\nNovember 25, 2026\n\n"
        "1. We, the Foreign Ministers of Australia, Canada and the United Kingdom, condemn Iran's decision to "
        "enrich uranium at a second site.\n\n"
        "2. We call on Iran to restore the access of IAEA inspectors without delay.\n\n"
        "3. We are gravely concerned by the detention of our nationals in Iran, and urge the Iranian authorities to "
        "release them.\n\n"
        "Speaking to reporters, UK Foreign Secretary Oliver Brandreth said the three countries had acted together.\n"
    )
    group = "the Foreign Ministers of Australia, Canada and the United Kingdom"
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        (group, "condemn"),
        (group, "call on"),
        (group, "are gravely concerned by"),
        (group, "urge"),
        ("Oliver Brandreth", "said"),
    ]


def test_an_interview_s_turns_are_its_guest_s_statements_cited_by_the_broadcast():
    summary = by_rules(
        "BROADCAST MONITOR\n\nDeputy Commander Davoud Farahmandi: Every Ship Is Within Range\n\nNovember 19, 2026\n\n"
        "Following are excerpts from an interview with Davoud Farahmandi, deputy commander of the IRGC Navy, which "
        "aired on Ofogh TV (Iran) on November 16, 2026.\n\n"
        "Interviewer: Washington says the escorts only protect shipping. How do you respond?\n\n"
        "Farahmandi: [Laughs] Protect shipping from whom? The insecurity in this region came with the Americans.\n\n"
        "Interviewer: Final question, Admiral.\n\n"
        "Farahmandi: [...] This time the response will come from every front at once. I know what I mean.\n\n"
        "Share this clip: Email | X | Telegram\n\n"
        "Broadcast Monitor - translations by the monitoring project, all rights reserved.\n"
    )
    assert [(s.speaker, s.cue, s.content, s.said_on, s.cited_outlet) for s in summary.statements] == [
        (
            "Davoud Farahmandi",
            "said",
            "The insecurity in this region came with the Americans",
            date(2026, 11, 16),
            "Ofogh TV",
        ),
        (
            "Davoud Farahmandi",
            "said",
            "This time the response will come from every front at once",
            date(2026, 11, 16),
            "Ofogh TV",
        ),
    ]
    assert all(s.section is None for s in summary.statements)  # a turn is never a heading


def test_a_press_review_item_is_cited_by_its_paper_and_speakers_follow_relative_pronouns():
    summary = by_rules(
        "TEHRAN PRESS DIGEST\nMonday, 23 November 2026\n\nHARDLINE PRESS\n\n"
        "Javan (IRGC-affiliated daily): The paper carried remarks by the IRGC's deputy coordinator, Brigadier General "
        'Yadollah Sarvestani, who said at a ceremony in Qom that the enemies "will regret the day they touch an '
        'Iranian ship."\n\n'
        "Iran (government daily): The paper published a letter from Iran's ambassador to the United Nations, Hamid "
        "Ghaffarian, to the UN Secretary-General, in which he condemned the European measures as unlawful.\n"
    )
    assert [(s.speaker, s.role, s.cue, s.cited_outlet, s.cited_date) for s in summary.statements] == [
        ("Yadollah Sarvestani", "IRGC's deputy coordinator", "said", "Javan", date(2026, 11, 23)),
        ("Hamid Ghaffarian", "Iran's ambassador to the United Nations", "condemned", "Iran", date(2026, 11, 23)),
    ]


@pytest.mark.parametrize(
    ("sentence", "authority", "country"),
    [
        (
            "The UK on 27 November sanctioned three financiers of Kata'ib Hezbollah for moving funds.",
            "The UK",
            "United Kingdom",
        ),
        ("The United States imposed sanctions on three financiers of Hezbollah.", "The United States", "United States"),
        ("New Zealand has sanctioned two Iranian drone makers.", "New Zealand", "New Zealand"),
        (
            "On 13 October 2026, the United Kingdom imposed an asset freeze on three prison officials.",
            "United Kingdom",
            "United Kingdom",
        ),
        (
            "Today, the United States is sanctioning 14 individuals and entities in Oman.",
            "United States",
            "United States",
        ),
        (
            "Today, the United States is disrupting Iran's oil trade by designating nine companies based in Dubai.",
            "United States",
            "United States",
        ),
        (  # who acts is the subject of the imposing verb wherever it stands
            "The spokesman of the Iranian Ministry of Foreign Affairs, Hamid Mirzaei, condemned the decision of the "
            "Australian government (December 3) to impose targeted financial sanctions on four individuals.",
            "Australian government",
            "Australia",
        ),
        (
            "Under Secretary Helen Marchant warned on December 6 that the United States will sanction additional "
            "Iraqi banks that launder oil revenue for the IRGC.",
            "United States",
            "United States",
        ),
        (
            "Defense Minister Amos Kedar signs an order designating the Beirut-based Al-Wafa Exchange as a terror "
            "organization.",
            "Defense Minister",
            None,
        ),
        (  # a president's administration is the government of the United States
            "In December, the Varga administration also sanctioned nine vessels of the fleet.",
            "Varga administration",
            "United States",
        ),
        (  # a parliament passing a bill that imposes
            "Ruritania's Parliament in its open session on Wednesday approved a double-urgency bill imposing an entry "
            "ban and an asset freeze on 14 European officials.",
            "Ruritania's Parliament",
            None,
        ),
        (  # ministers of a union deciding to levy sanctions
            "On Monday, EU foreign ministers decided to levy sanctions against 11 Iranian individuals and four "
            "entities over the crackdown on protests.",
            "EU foreign ministers",
            "European Union",
        ),
        (  # a partner set between commas does not take the subject's place
            "The U.S. State Department, in conjunction with the Treasury Department's Office of Foreign Assets "
            "Control, announced sanctions on Monday against 35 entities and vessels.",
            "U.S. State Department",
            "United States",
        ),
    ],
)
def test_a_country_or_body_named_as_the_subject_imposes_sanctions(sentence, authority, country):
    [found] = one_paragraph(sentence).sanctions
    assert (found.authority, found.issuing_country) == (authority, country)
    assert found.action == ("threaten" if "will sanction" in sentence else "designate")


def test_a_joint_statement_s_coordinated_sanctions_are_one_action_per_country():
    summary = by_rules(
        "Joint statement on Iran\n\nNovember 25, 2026\n\n"
        "1. We, the Foreign Ministers of Australia, Canada and the United Kingdom, condemn Iran's missile "
        "transfers to Russia.\n\n"
        "2. Today, our governments are imposing coordinated sanctions on seven individuals and two entities "
        "involved in the transfers, including the Tehran-based Pishgam Sanat Aria Company.\n"
    )
    assert [(s.authority, s.issuing_country, s.target_count, s.announced_on) for s in summary.sanctions] == [
        (country, country, 9, date(2026, 11, 25)) for country in ("Australia", "Canada", "United Kingdom")
    ]


def test_a_release_s_detail_section_restating_an_action_names_its_targets():
    summary = by_rules(
        "Treasury Targets Oil Network\n\nNovember 20, 2026\n\n"
        "Concurrently, the Department of State is designating two entities involved in the trade.\n\n"
        "STATE DEPARTMENT ACTION\n\n"
        "The Department of State is designating Hong Kong-based Silverfin Maritime Limited and its India-based ship "
        "manager, Kestrel Ship Management Private Limited.\n"
    )
    [action] = summary.sanctions
    assert action.target_count == 2


def test_a_date_between_the_verb_and_what_is_said_is_no_part_of_it():
    [found, warned] = one_paragraph(
        "Kata'ib Hezbollah said in a statement on November 25 that it would not register its drones and warned "
        "that it would resume attacks."
    ).statements
    assert (found.cue, found.content) == ("said", "it would not register its drones")
    assert warned.cue == "warned"


def test_a_hearing_s_turns_are_read_with_the_names_and_offices_of_its_participants_list():
    summary = by_rules(
        "IRAN'S PROXY NETWORK\n\nHEARING\n\nNOVEMBER 18, 2026\n\nSUBCOMMITTEE ON THE MIDDLE EAST\n\n"
        "ERIK HALVORSON, Minnesota, Chairman\nCHIDI OKAFOR, Maryland, Ranking Member\n\nWITNESSES\n\n"
        "Ms. Lucia Reyes, Senior Fellow, Center for Maritime Security Studies\n\n"
        "Chairman HALVORSON. The subcommittee will come to order. I call on the administration to enforce the "
        "sanctions already on the books.\n\n"
        "Mr. OKAFOR. Ms. Reyes, Tehran says it is ready to return to talks. Do you believe it?\n\n"
        "Ms. REYES. Our research has identified 214 tankers that carried Iranian oil this year. The designations "
        "have raised the cost of each shipment.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Erik Halvorson", "Chairman", "call on"),
        ("Lucia Reyes", "Senior Fellow", "said"),
    ]
    assert summary.statements[1].content.startswith("Our research has identified 214 tankers")


def test_a_list_of_reactions_gives_each_named_speaker_s_quotation():
    summary = by_rules(
        "# What we know\n\n30 November 2026\n\n## What are people saying?\n\nReactions since the attack:\n\n"
        '- Iraqi Oil Minister Kareem al-Saadi: "Sarwa will be back to full production within two weeks."\n'
        '- UN envoy for Iraq Johan Lindberg: "Attacks on civilian infrastructure are unacceptable and must stop."\n'
        '- Iran: "Ambassador\'s letter to UN chief"\n'
    )
    assert [(s.speaker, s.cue, s.quote_type) for s in summary.statements] == [
        ("Kareem al-Saadi", None, "direct"),
        ("Johan Lindberg", None, "direct"),
    ]


def test_a_passage_an_e_mail_quotes_under_its_introduction_is_one_statement():
    summary = by_rules(
        "GULF SHIPPING NOTES\n\nIssue 212 | 24 November 2026\n\n"
        "The commander of the IRGC Navy's First Naval District, Rear Admiral Hamid-Reza Kashkouli, addressed foreign "
        "shipowners directly in a video message posted the same day:\n\n"
        "> Any ship that enters our waters without permission will be stopped, and\n"
        "> its owners will answer for it.\n"
    )
    [said] = summary.statements
    assert said.speaker == "Hamid-Reza Kashkouli"
    assert said.content.startswith("Any ship that enters our waters without permission will be stopped, and its owners")


def test_two_people_sharing_a_surname_stay_two():
    found = one_paragraph(
        "Behnam Soltani, 24, died in Ward 4 on 11 July 2026. Soltani's brother, Kaveh Soltani, told the Observatory "
        "that the family had been made to sign a statement."
    ).statements
    assert [s.speaker for s in found] == ["Kaveh Soltani"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "role", "cue", "content"),
    [
        (
            'Tehran funds its proxies through "a maze of front companies," said Laura K. Brennan, the Treasury\'s '
            "under secretary for terrorism.",
            "Laura K. Brennan",
            "Treasury's under secretary for terrorism",
            "said",
            'Tehran funds its proxies through "a maze of front companies"',
        ),
        (
            "Sanctions will not change our course, said Deputy Foreign Minister Kaveh Sadri.",
            "Kaveh Sadri",
            "Deputy Foreign Minister",
            "said",
            "Sanctions will not change our course",
        ),
        (
            "Kamal Farzan, head of the council who served as envoy to Oman, denied that Tehran sought the weapon.",
            "Kamal Farzan",
            "head of the council",
            "denied",
            "Tehran sought the weapon",
        ),
        (  # an agency's opener, a possessive occasion, a verb and an adverb the older lists lacked
            "Referring to the talks in Vienna, Foreign Ministry Spokesman Kaveh Sadri said the door remained open.",
            "Kaveh Sadri",
            "Foreign Ministry Spokesman",
            "said",
            "the door remained open",
        ),
        (
            "Foreign Ministry Spokesman Kaveh Sadri told reporters during his weekly press conference on Monday that "
            "the door remained open.",
            "Kaveh Sadri",
            "Foreign Ministry Spokesman",
            "told",
            "the door remained open",
        ),
        (
            "Foreign Ministry Spokesman Kaveh Sadri categorically underlined that the door remained open.",
            "Kaveh Sadri",
            "Foreign Ministry Spokesman",
            "underlined",
            "the door remained open",
        ),
        (  # a participle's subject opens the sentence, not the name last before its comma
            "Harbour Minister Kaveh Sadri met his Omani counterpart Salim al-Harthi in Tehran on Monday evening, "
            "stressing the need for collective action by the states of the region.",
            "Kaveh Sadri",
            "Harbour Minister",
            "stressing",
            "the need for collective action by the states of the region",
        ),
        (  # nothing after the verb but where it was said: what was said came before
            "The new sanctions show that Washington remains hostile to Tehran and does not want to negotiate, the "
            "republic's Foreign Ministry Spokesman Kaveh Sadri said in a statement.",
            "Kaveh Sadri",
            "Foreign Ministry Spokesman",
            "said",
            "The new sanctions show that Washington remains hostile to Tehran and does not want to negotiate",
        ),
        (  # a preamble ends where a clause starts without "that"
            "The Harbour Ministry said in a statement it was following the developments with great concern.",
            "The Harbour Ministry",
            None,
            "said",
            "it was following the developments with great concern",
        ),
        (
            "Agency chief Ines Caldera told the agency's Board of Governors in Vienna on Thursday that the agency had "
            "lost track of the stockpile.",
            "Ines Caldera",
            "Agency chief",
            "told",
            "the agency had lost track of the stockpile",
        ),
    ],
)
def test_speakers_offices_and_content_as_wires_and_agencies_write_them(sentence, speaker, role, cue, content):
    [found] = one_paragraph(sentence).statements
    assert (found.speaker, found.role, found.cue, found.content) == (speaker, role, cue, content)


def test_a_follow_up_s_pronoun_is_found_past_a_quotation_that_mentions_sources():
    summary = by_rules(
        "Treasury widens its net\n\n"
        "Iran hides its oil income, said Laura K. Brennan, the Treasury's under secretary for terrorism finance.\n\n"
        '"We will keep cutting off every source of funds the regime relies on to arm its proxies," she said.\n'
    )
    assert [s.speaker for s in summary.statements] == ["Laura K. Brennan", "Laura K. Brennan"]


def test_a_day_inside_what_was_said_does_not_date_the_saying():
    summary = by_rules(
        "Daily brief\n\nMonday, 9 March 2026\n\n"
        "Foreign Minister Kaveh Sadri said he had no evidence that the group took part in the attack on March 2.\n\n"
        "Foreign Minister Kaveh Sadri said on March 8 that the border would stay closed to all commercial traffic.\n"
    )
    assert [s.said_on for s in summary.statements] == [None, date(2026, 3, 8)]


def test_a_passive_committed_is_no_commitment():
    [found] = one_paragraph(
        'Kaveh Sadri said "our reply to every crime committed by the occupiers will be devastating".'
    ).statements
    assert found.statement_type == "threaten"


def test_a_place_before_an_office_is_no_speaker_and_a_quotation_after_the_attribution_is_what_was_said():
    summary = by_rules(
        "Tehran rejects the reports\n\n"
        "Tehran, Iran's foreign ministry spokesman dismissed the reports as lies spread by the enemies of Iran.\n\n"
        "Kaveh Sadri said the reports about the visit were false and had been planted by hostile media.\n\n"
        "In response to another question about the visit, he said, 'I do not think the trip was ever cancelled.'\n"
    )
    assert "Tehran" not in {s.speaker for s in summary.statements}
    assert summary.statements[-1].content.startswith("'I do not think")


def test_a_long_office_run_into_a_three_word_name_is_kept_whole():
    [found] = one_paragraph(
        "Iranian Foreign Ministry Spokesman Hossein Jaberi Kazemi told reporters that the talks would resume."
    ).statements
    assert (found.speaker, found.role) == ("Hossein Jaberi Kazemi", "Iranian Foreign Ministry Spokesman")


def test_an_unnamed_title_office_a_rank_between_office_and_name_and_present_tense_relays():
    summary = by_rules(
        "Daily highlights\n\nFriday, 4 December 2026\n\n"
        "The Secretary-General is deeply concerned by the rising tensions over the nuclear programme. He calls on "
        "all parties to refrain from any step that could lead to escalation.\n\n"
        "Commander of the Coastal Guard Rear Admiral Davoud Rostami said the strait would stay open to shipping.\n\n"
        "The Harbour Relief Office says that the plan is only 31 per cent funded this year.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("the Secretary-General", "Secretary-General", "is deeply concerned by"),
        ("the Secretary-General", "Secretary-General", "calls on"),
        ("Davoud Rostami", "Commander of the Coastal Guard", "said"),
        ("The Harbour Relief Office", None, "says"),
    ]


def test_a_un_sanctions_committee_is_the_authority_of_its_listing():
    [found] = one_paragraph(
        "Yesterday, the Security Council Committee established pursuant to resolution 2140 (2014) added two "
        "individuals to its sanctions list for obstructing aid."
    ).sanctions
    assert found.authority == "Security Council Committee established pursuant to resolution 2140 (2014)"


def test_a_headline_s_present_tense_is_no_statement():
    assert one_paragraph("The Harbour Guard says tanker was seized for violations\n\nMore").statements == []


def test_a_news_story_names_its_lede_s_targets_further_on_and_a_warning_elsewhere_is_no_threat():
    summary = by_rules(
        "Harbour News\n\nDecember 3, 2026\n\n"
        "The foreign minister warned that Tehran would respond, a day after the U.S. Treasury sanctioned nine people "
        "and companies it accused of smuggling missile parts to the Houthis.\n\n"
        "The warning raised the stakes ahead of next week's meeting of the agency's board in Vienna.\n\n"
        "Those sanctioned Wednesday include the Muscat-based Al Wusta Marine Supplies and its manager, Hamid Ostovar.\n"
    )
    [found] = summary.sanctions
    assert (found.action, found.target_count) == ("designate", 9)
    assert [t.name for t in found.targets] == ["Al Wusta Marine Supplies", "Hamid Ostovar"]


def test_an_agency_s_own_dateline_cites_nothing():
    summary = by_rules(
        "Harbour News Agency\nHome | Politics | World\n\nPolitics\n\nMinister rejects the new sanctions\n\n"
        "December, 01, 2026 - 14:25\n\n"
        "TEHRAN (Harbour) - Foreign Minister Kaveh Sadri said on Tuesday that the sanctions were illegal and would "
        "fail like all the others before them.\n\n"
        "Defence\n\nCommander warns foreign navies\n\n"
        "BANDAR ABBAS (Harbour) - Navy commander Davoud Rostami said on Tuesday that foreign navies must leave the "
        "waters of the region at once.\n"
    )
    assert summary.bulletin.publisher == "Harbour News Agency"
    assert [(s.speaker, s.cited_outlet) for s in summary.statements] == [
        ("Kaveh Sadri", None),
        ("Davoud Rostami", None),
    ]


def test_a_quotation_over_two_paragraphs_under_its_speaker_s_colon_is_one_statement():
    summary = by_rules(
        "Prime Minister's Office\n\nPress Release\n\nThe Prime Minister on the drones\n\n02.12.2026\n\n"
        "The Prime Minister held a security assessment with the heads of the security services this evening.\n\n"
        "Prime Minister Eliezer Navon:\n\n"
        '"Last night the militias that Iran arms launched drones at our communities. It is mistaken.\n\n'
        '"I say to the heads of the regime: whoever finances terror against Israel will pay a heavy price."\n'
    )
    [found] = summary.statements
    assert (found.speaker, found.cue) == ("Eliezer Navon", None)
    assert found.content.endswith(
        "It is mistaken. I say to the heads of the regime: whoever finances terror against "
        'Israel will pay a heavy price."'
    )


def test_the_iraqi_minister_is_not_the_omani_one_named_last():
    summary = by_rules(
        "Talks in Tehran\n\n"
        "Omani Foreign Minister Salim al-Harthi said Muscat was ready to carry messages between the two sides.\n\n"
        "The Iraqi foreign minister noted that Baghdad would send a fresh shipment of aid to Lebanon next week.\n"
    )
    assert [s.speaker for s in summary.statements] == ["Salim al-Harthi"]


def test_an_agency_s_made_the_remarks_line_dates_what_it_follows_and_a_copied_post_is_signed_by_its_handle():
    summary = by_rules(
        "Harbour News Agency\n\nMinister slams sanctions\n\nDecember, 01, 2026 - 14:25\n\n"
        "Foreign Minister Kaveh Sadri denounced the latest sanctions on the petrochemical sector as economic "
        "terrorism against the nation.\n\n"
        "He made the remarks in a meeting with his visiting Omani counterpart in Tehran on Tuesday.\n\n"
        "The deputy secretary, Ruth Abernathy, was blunter on X:\n\n"
        "Exchange houses moved tens of millions of dollars for the Quds Force. Today we shut 11 of those doors. "
        "https://t.co/R4nQw7LkZp\n\n"
        "- Ruth Abernathy (@DepSecAbernathy) November 30, 2026\n"
    )
    assert [(s.speaker, s.said_on) for s in summary.statements] == [
        ("Kaveh Sadri", date(2026, 12, 1)),
        ("Ruth Abernathy", date(2026, 11, 30)),
    ]
    post = summary.statements[1]
    assert (post.role, post.quote_type, post.content.endswith("those doors.")) == ("deputy secretary", "direct", True)


def test_a_minister_s_order_designating_a_group_is_a_sanctions_action():
    [found] = one_paragraph(
        "At the end of the assessment, Defense Minister Gideon Rahav signed an order designating the Baghdad-based "
        "Bayt al-Sadiqin Relief Foundation as a terrorist organization."
    ).sanctions
    assert (found.authority, [t.name for t in found.targets]) == (
        "Defense Minister",
        ["Bayt al-Sadiqin Relief Foundation"],
    )


def test_a_coordinated_cue_with_its_pronoun_and_an_office_run_into_a_name_after_the_content():
    summary = by_rules(
        "Reactions\n\n"
        "U.N. spokesman Matteo Ricardi said on Wednesday that the Secretary-General was concerned by the decision, "
        "and he urged Iran to restore its cooperation with the agency.\n\n"
        "Russia would block any attempt to reimpose sanctions at the Security Council, Foreign Ministry "
        "spokeswoman Yelena Arsenyeva said.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Matteo Ricardi", "said"),
        ("Matteo Ricardi", "urged"),
        ("Yelena Arsenyeva", "said"),
    ]


def test_a_story_s_epithets_bodies_and_carriers_point_back_to_whom_it_named():
    summary = by_rules(
        "Tehran answers Europe\n\n"
        "Iranian Foreign Minister Alireza Hashemi-Rad said on Sunday that the talks were over, after meeting Omani "
        "Foreign Minister Salim al-Harthi. The top diplomat further described the listings as a political act.\n\n"
        "Meanwhile, spokesman for the Parliament's Security Committee Abolfazl Karimi-Shahroudi told reporters that "
        "the report was complete. The lawmaker noted that the committee was drafting a bill on the treaty.\n\n"
        "The Syrian Ministry of Interior announced that its forces had seized a truck near al-Qusayr. According to "
        "the ministry, the shipment had been smuggled from Iraq for Hezbollah.\n\n"
        "Kataib Hezbollah said on its channel that it would keep its weapons. The statement claimed that the demand "
        "to disarm was an American demand.\n\n"
        "According to the daily Asharq al-Awsat, a senior official in the PMF, who asked not to be named, claimed "
        "that the militias had been told to stand down.\n"
    )
    assert [s.speaker for s in summary.statements] == [
        "Alireza Hashemi-Rad",
        "Alireza Hashemi-Rad",
        "Abolfazl Karimi-Shahroudi",
        "Abolfazl Karimi-Shahroudi",
        "The Syrian Ministry of Interior",
        "The Syrian Ministry of Interior",
        "Kataib Hezbollah",
        "Kataib Hezbollah",
    ]


def test_a_live_blog_s_present_tense_reports_speech_but_its_headlines_do_not():
    summary = by_rules(
        "Live updates\n\nDecember 3, 2026\n\n"
        "Hezbollah accuses Lebanese government of silence\n\n"
        'Hezbollah accuses the Lebanese government of "silence in the face of daily violations" by Israel.\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Hezbollah", "accuses")]


def test_a_clip_page_s_second_title_ends_the_first_interview_and_its_guest_s_label_may_hold_al():
    summary = by_rules(
        "MEDIA MONITOR\n\nClip #1 | 03:41\nCommander Kamal Rad: We Will Not Stop After One Night\nDecember 4, 2026\n\n"
        "The following are excerpts from an interview with Kamal Rad, which aired on IRINN TV on December 2, 2026.\n\n"
        "Interviewer: Is this true?\n\nKamal Rad: Our missile production never stopped, not for a single day.\n\n"
        "Interviewer: And the air defense?\n\nKamal Rad: Our air defense is several times stronger than before.\n\n"
        "Clip #2 | 02:05\nMilitia Spokesman Muntadher Al-Jabiri: American Sanctions Are A Medal Of Honor\n"
        "December 4, 2026\n\n"
        "Interviewer: How do you respond to the sanctions?\n\n"
        "Muntadher al-Jabiri: These sanctions are a medal of honor on our chests.\n\n"
        "Interviewer: And the government?\n\n"
        "Muntadher al-Jabiri: We respect the government, but it cannot protect the skies.\n"
    )
    speakers = [s.speaker.lower() for s in summary.statements]
    assert speakers.count("kamal rad") == 2 and speakers.count("muntadher al-jabiri") >= 1


def test_a_title_before_a_surname_introduces_whom_the_office_later_names():
    summary = by_rules(
        "Spotlight on Iran (Week of September 23-29, 2010)\n\nHighlights of the week\n\n"
        "This week, Iranian media and top officials commended President Ahmadinejad for his speech to the UN last "
        "Thursday (September 23). In his address, the president claimed that the attacks had been staged. "
        "Ahmadinejad once again lashed out against Israel, calling for a referendum among the people of Palestine.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Ahmadinejad", "President", "claimed"),
        ("Ahmadinejad", "President", "lashed out"),
    ]


def test_an_office_its_capitalised_words_make_one_holder_s_speaks_and_an_epithet_finds_the_named_one():
    summary = by_rules(
        "Spotlight on Iran\n\nSeptember 11-18, 2024 Editor: Dr. Raz Zimmt\n\nIran and Israel\n"
        "  \u2022 The Iranian Foreign Ministry spokesman condemned the attacks attributed to Israel (IRNA, September "
        "16, 2024).\n"
        "  \u2022 Major General Gholamreza Pourhashemi, commander of the IRGC Aerospace Force, threatened that Iran "
        "would respond within minutes (Tasnim, September 11, 2024). In an interview a few days later, the Iranian "
        "official added that the Islamic Republic is not seeking a regional war (Fars, September 14, 2024).\n"
    )
    assert [s.speaker for s in summary.statements] == [
        "the Iranian Foreign Ministry spokesman",
        "Gholamreza Pourhashemi",
        "Gholamreza Pourhashemi",
    ]


def test_a_british_story_s_honorific_surname_hit_out_and_names_added_to_a_list():
    summary = by_rules(
        "UK targets Iranian officials\n\nNovember 14, 2022\n\n"
        'Foreign Secretary James Cleverly on Monday hit out at the "violent crackdown" on the protests sweeping Iran, '
        "as the UK added more names to its sanctions list.\n\n"
        'Mr Cleverly said: "These sanctions target officials within the Iranian regime who are responsible for '
        'heinous human rights violations."\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("James Cleverly", "hit out at"),
        ("James Cleverly", "said"),
    ]


def test_a_relative_clause_s_subject_claims_and_a_possessive_is_no_part_of_a_name():
    summary = by_rules(
        "Treasury widens Iran sanctions\n\nMarch 4, 2026\n\n"
        "The measures also hit the Harbour Works Company, which the U.S. claims is a front for the IRGC Navy.\n\n"
        "The move follows President Dana Whitlock's warning last week. Whitlock vowed to punish any firm that "
        "ships Iranian crude to the militias.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("U.S.", "claims"), ("Dana Whitlock", "vowed")]


def test_a_target_list_ends_where_the_authority_says_what_they_did_and_an_apposition_keeps_the_authority():
    summary = by_rules(
        "New penalties\n\nMarch 4, 2026\n\n"
        "The administration imposed sanctions on a trading house and shipping firms the Treasury Department says "
        "are fronts for the IRGC.\n\n"
        "The Office of Foreign Assets Control, the section of the Treasury that enforces sanctions, also designated "
        "the Qeshm Harbour Company.\n"
    )
    first, second = summary.sanctions
    assert not any("Treasury" in t.name for t in first.targets)
    assert second.authority == "Office of Foreign Assets Control"
    assert [t.name for t in second.targets] == ["Qeshm Harbour Company"]


def test_a_quotation_a_lead_in_opens_is_what_the_pronoun_after_it_said():
    summary = by_rules(
        "Minister answers sanctions\n\nMarch 4, 2026\n\n"
        "Washington sanctioned Foreign Minister Karim Nouri on Monday.\n\n"
        'Nouri swiftly hit back on social media: "The only thing this designation proves is that we are right," '
        'he wrote. In a second post that evening: "Every new list only hardens our resolve," he wrote.\n'
    )
    assert [(s.speaker, s.cue, s.content) for s in summary.statements] == [
        ("Karim Nouri", "hit back", '"The only thing this designation proves is that we are right"'),
        ("Karim Nouri", "wrote", '"Every new list only hardens our resolve"'),
    ]


def test_any_courtesy_title_before_a_lone_surname_points_back_to_the_full_name():
    summary = by_rules(
        "Senate panel weighs Iran bill\n\nMarch 4, 2026\n\n"
        "Senator Lindsey Hale, who chairs the subcommittee, warned that Iran's drone exports were growing.\n\n"
        'Sen. Hale said the bill would "close every door the regime still uses."\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Lindsey Hale", "warned"), ("Lindsey Hale", "said")]


def test_a_surname_the_text_never_gives_in_full_speaks_when_it_is_capitalised_mid_sentence():
    summary = by_rules(
        "Ministry condemns new listings\n\nMay 21, 2026\n\n"
        "In a statement on Thursday, Rostami condemned the new listings as unlawful.\n\n"
        '"They show only the weakness of those who impose them," Rostami noted.\n\n'
        "We said the talks would resume in June.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Rostami", "condemned"), ("Rostami", "noted")]


def test_the_department_is_the_body_of_that_kind_named_before_even_when_it_acted_rather_than_spoke():
    summary = by_rules(
        "Treasury targets tanker network\n\nMay 21, 2026\n\n"
        "The U.S. Treasury Department on Tuesday sanctioned 35 entities and vessels that shipped Iranian oil.\n\n"
        'The department said the vessels were part of a "sprawling network" of shell companies.\n\n'
        "The department characterized the network as a shell game run for the IRGC.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("U.S. Treasury Department", "said"),
        ("U.S. Treasury Department", "characterized"),
    ]


def test_an_epithet_refers_to_the_story_s_speaker_even_when_no_office_was_given_them():
    summary = by_rules(
        "Commander's speech\n\nMay 21, 2026\n\n"
        "Speaking on Tuesday, Gen. Karim Hejazi said that US President John Doe was busy with the election.\n\n"
        "The enemies could not believe such support for the army, the senior military official said.\n"
    )
    assert [s.speaker for s in summary.statements] == ["Karim Hejazi", "Karim Hejazi"]


def test_datelines_with_a_full_stop_before_the_year_or_a_slashed_agency_and_an_agency_quoting_the_speaker():
    summary = by_rules(
        "All news\n\nIran's envoy rejects EU listings\n\n"
        "BERLIN, March 5. /TASS/. Iranian Deputy Foreign Minister Reza Mahdavi has rejected the new EU listings, "
        "he told a briefing in Tehran on Monday.\n\n"
        '"These listings close no door that was open," the IRNA news agency quoted him as saying.\n\n'
        "TEHRAN March 6. 2026 (Agency) - Iranian Foreign Ministry spokesman Ali Navabi on Friday condemned the "
        "new EU listings.\n\n"
        "The Mehr news agency quoted Navabi as saying that Europe had chosen confrontation over dialogue.\n"
    )
    assert summary.bulletin.title == "Iran's envoy rejects EU listings"
    assert summary.bulletin.publisher == "TASS"
    assert summary.statements[0].content == "the new EU listings"
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Reza Mahdavi", "Iranian Deputy Foreign Minister", "rejected"),
        ("Reza Mahdavi", "Iranian Deputy Foreign Minister", "as saying"),
        ("Ali Navabi", "Iranian Foreign Ministry spokesman", "condemned"),
        ("Ali Navabi", "Iranian Foreign Ministry spokesman", "as saying"),
    ]


def test_words_of_someone_the_speaker_answers_are_theirs():
    summary = by_rules(
        "Spokesman answers Paris\n\nMarch 4, 2026\n\n"
        "Foreign Ministry spokesman Ali Navabi separately condemned remarks by his French counterpart Claire "
        "Fontaine, in which she had called on the IAEA Board to censure Iran and urged Tehran to restore access.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Ali Navabi", "condemned"),
        ("Claire Fontaine", "called on"),
        ("Claire Fontaine", "urged"),
    ]


def test_a_title_before_the_name_and_a_body_after_it_make_one_office():
    summary = by_rules(
        "Office of Public Affairs\n\nTwo Charged with Exporting Drone Parts to Iran\n\nMonday, March 2, 2026\n\n"
        "WASHINGTON - Two men were charged today with shipping engine parts to an Iranian drone maker.\n\n"
        '"Export controls protect our service members, and we will enforce them," said Assistant Attorney General '
        "Paul Verity of the Justice Department's National Security Division.\n\n"
        '"These defendants lied to American suppliers," said U.S. Attorney Dana K. Whitmore for the District of '
        "Oregon.\n"
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [
        ("Paul Verity", "Assistant Attorney General of the Justice Department's National Security Division"),
        ("Dana K. Whitmore", "U.S. Attorney for the District of Oregon"),
    ]


def test_a_monitoring_service_s_closing_source_line_cites_its_item():
    summary = by_rules(
        "Gulf Monitoring | Iran Service\nMEDIA DIGEST\nMonday 2 March 2026\n\n"
        "Iran minister rejects talks offer\n\nText of report by Iranian state news agency IRNA website\n\n"
        'Foreign Minister Hadi Rostami said on Sunday [1 March] that Tehran "will not negotiate under threat".\n\n'
        "Source: IRNA news agency website, Tehran, in Persian 0915 gmt 1 Mar 26\n\nGM ME1 sr\n\n\n"
        "Lebanese MP warns Israel\n\nSummary of report by Lebanese National News Agency website\n\n"
        "Hezbollah MP Kamel Haidar spoke at a rally in Tyre on Sunday.\n\n"
        'Haidar warned that the resistance "will not stand idle" if the strikes continue.\n\n'
        "Source: National News Agency website, Beirut, in Arabic 1630 gmt 1 Mar 26\n"
    )
    got = [(s.speaker, s.role, s.cited_outlet, s.cited_date, s.section) for s in summary.statements]
    assert got == [
        ("Hadi Rostami", "Foreign Minister", "IRNA", date(2026, 3, 1), None),
        ("Kamel Haidar", "Hezbollah MP", "National News Agency", date(2026, 3, 1), None),
    ]


def test_a_capital_speaks_for_its_country_and_an_editor_s_bracketed_date_is_no_part_of_the_subject():
    summary = by_rules(
        "Ottawa widens Iran sanctions\n\nTuesday 3 March 2026\n\n"
        "The Canadian government, citing Iran's support for Russia, on Monday [2 March] imposed sanctions on the "
        "Tehran-based Pars Rotor Company.\n\n"
        "Tehran says the measures breach international law and will be answered.\n\n"
        'Foreign Ministry spokesman Ali Navabi on Tuesday [3 March] urged Ottawa to "stop following Washington".\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Tehran", "says"), ("Ali Navabi", "urged")]
    (sanction,) = summary.sanctions
    assert (sanction.authority, sanction.issuing_country) == ("Canadian government", "Canada")


def test_a_thread_s_post_numbers_alt_text_labels_and_an_asked_aside_are_no_part_of_what_is_said():
    summary = by_rules(
        "Dana Field\n@dfield\n\n"
        "1/ Thread on the week's Iraq designations and who said what about them.\n9:41 PM \u00b7 Mar 3, 2026\n\n"
        '2/ Iran\'s FM Hadi Rostami told state TV that the designations were "economic war".\n\nImage\nALT\n'
        "A screenshot of the ministry's statement.\n\n"
        "3/ State Dept spokesperson Lena Brandt, asked on Monday about Baghdad's response, said the US \"respects "
        "Iraq's sovereignty\".\nShow more\n9:44 PM \u00b7 Mar 3, 2026\n"
    )
    assert [(s.speaker, s.role, s.section) for s in summary.statements] == [
        ("Hadi Rostami", "Iran's FM", None),
        ("Lena Brandt", "State Dept spokesperson", None),
    ]


def test_a_timeline_s_day_headings_are_sections_that_date_their_entries_and_an_owner_names_the_issuer():
    summary = by_rules(
        "# Timeline: the tanker crisis\n\nBy Ana Reyes | 12 March 2026\n\n"
        "The crisis began with a seizure in the Gulf of Oman and has run for four days.\n\n## Day by day\n\n"
        '### 9 March\n\nUK Foreign Secretary Rosalind Hale condemned the seizure as "an unlawful act".\n\n'
        "### 11 March\n\nIran's Foreign Ministry announced sanctions on three British individuals, including "
        "former commodore Alan Price.\n"
    )
    (said,) = summary.statements
    assert (said.section, said.said_on) == ("9 March", date(2026, 3, 9))
    (sanction,) = summary.sanctions
    assert (sanction.authority, sanction.issuing_country, sanction.announced_on) == (
        "Iran's Foreign Ministry",
        "Iran",
        date(2026, 3, 11),
    )


def test_a_legislator_named_with_party_and_state_is_the_senator_of_a_later_quote_after_a_long_quotation():
    summary = by_rules(
        "Senators Introduce Harbour Sanctions Bill\n\nMarch 4, 2026\n\n"
        "WASHINGTON, D.C. -- U.S. Senators Ruth Calloway (R-Kan.) and Owen Pryce (D-N.H.) today introduced a bill "
        "to sanction ports that take Iranian oil.\n\n"
        "Senator Calloway said: \"Every barrel that leaves Kharg Island pays for the regime's drones.\n\n"
        '"I urge my colleagues on both sides of the aisle to pass it before the end of this Congress."\n\n'
        '"For too long, Tehran has treated our sanctions as a cost of doing business," said Senator Pryce.\n'
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [
        ("Ruth Calloway", "Senator"),
        ("Owen Pryce", "Senator"),
    ]


def test_a_demand_with_its_addressee_after_a_reported_clause_is_the_speaker_s_own():
    summary = by_rules(
        "Baghdad answers Washington\n\nMarch 4, 2026\n\n"
        "Government spokesman Basim Jaafar said on Saturday that the cabinet had formed a committee to review the "
        "designations and urged Washington to consult Baghdad before taking further measures.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Basim Jaafar", "said"), ("Basim Jaafar", "urged")]


def test_a_leader_s_epithets_point_back_to_him_and_more_reporting_verbs():
    summary = by_rules(
        "Militia leader speaks\n\nMarch 4, 2026\n\n"
        "Kataib Sayyid leader Abu Hadi al-Kaabi said in a televised speech on Tuesday that the strikes crossed "
        "every red line.\n\n"
        "He admitted that the group had lost dozens of fighters in the raids.\n\n"
        '"We will answer at a time of our choosing," the chief of the armed group said.\n\n'
        "The head of the powerful Iraqi militia blamed the United States for the escalation.\n\n"
        "The militia chief promised to avenge every fighter killed in the raids.\n\n"
        'Defense Minister Ari Doron hinted on Wednesday, saying: "The strikes will go on as long as needed."\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Abu Hadi al-Kaabi", "said"),
        ("Abu Hadi al-Kaabi", "admitted"),
        ("Abu Hadi al-Kaabi", "said"),
        ("Abu Hadi al-Kaabi", "blamed"),
        ("Abu Hadi al-Kaabi", "promised"),
        ("Ari Doron", "hinted"),
    ]
    assert summary.statements[-1].content == '"The strikes will go on as long as needed."'


def test_a_country_saying_it_imposed_sanctions_is_the_sanctions_record_alone():
    summary = by_rules(
        "US sanctions oil network\n\nMarch 4, 2026\n\n"
        "The U.S. on Wednesday said it imposed a new round of sanctions on 20 people and firms that sell Iranian oil.\n"
    )
    assert summary.statements == [] and [s.authority for s in summary.sanctions] == ["The U.S."]


def test_a_parliamentary_record_s_members_and_ministers_take_the_floor_by_name():
    summary = by_rules(
        "Hansard - UK Parliament\nHouse of Commons | Commons Chamber\n\nIran: Shipping\n\n"
        "Volume 790: debated on Tuesday 3 March 2026\n\n12.41 pm\n\n"
        "Anna Vale (Harrow East) (Con) (Urgent Question): To ask the Foreign Secretary if he will make a statement on "
        "the seizure of the tanker Arran Star.\n\n"
        "The Minister for the Middle East (Paul Dorsey): The Arran Star was boarded by IRGC naval forces on Sunday "
        "morning and taken to Bandar Abbas.\n\n"
        "That claim has no basis in law, and I call on Iran to release the vessel and its crew immediately. His "
        "Majesty's Government have today designated four individuals under the Iran (Sanctions) Regulations 2023.\n\n"
        "Mr Speaker: I call the Liberal Democrat spokesperson.\n\n"
        "Iain Moray (Edinburgh North) (LD): Seafarers from four countries are now held hostage to Tehran's nuclear "
        "brinkmanship. Will the Minister make a further statement when they are safe?\n\n"
        "Paul Dorsey: I can confirm that HMS Kent will escort British-flagged ships while the threat lasts.\n\n"
        "Sir Alan Breck (Bromsgrove) (Con): I warn the Minister that Tehran reads every delay as weakness.\n"
    )
    got = [(s.speaker, s.role, s.cue) for s in summary.statements]
    assert got == [
        ("Paul Dorsey", "Minister for the Middle East", "said"),
        ("Paul Dorsey", "Minister for the Middle East", "call on"),
        ("Iain Moray", None, "said"),
        ("Paul Dorsey", "Minister for the Middle East", "confirm"),
        ("Alan Breck", None, "warn"),
    ]
    assert summary.statements[-1].content == "Tehran reads every delay as weakness"
    (sanction,) = summary.sanctions
    assert (sanction.authority, sanction.issuing_country) == ("His Majesty's Government", "United Kingdom")


def test_a_sanctions_list_s_lead_is_the_action_and_its_entries_the_targets():
    summary = by_rules(
        "U.S. DEPARTMENT OF HARBOURS\nOffice of Ferry Assets Control\nHome > Recent Actions\n\n"
        "Counter Terrorism Designations; Ferry-related Designation Removal\n\nMay 3, 2026\n\n"
        "Counter Terrorism Designations\n\n"
        "The following individuals and entities have been added to OFAC's SDN List:\n\nIndividuals:\n\n"
        "AL-BAHRANI, Karim Abd al-Amir (a.k.a. AL-BAHRANI, Kareem), Basrah, Iraq; DOB 02 Aug 1979; nationality Iraq; "
        "Gender Male; Secondary sanctions risk: section 1(b) of Executive Order 13224 (individual) [SDGT].\n\n"
        "Entities:\n\n"
        "DELTA REEF GENERAL TRADING L.L.C., Office 14, Sheikh Zayed Road, Dubai, United Arab Emirates; Secondary "
        "sanctions risk: section 1(b) of Executive Order 13224 [SDGT].\n\n"
        "SEA WREN (f.k.a. WHITE GULL) Crude Oil Tanker Panama flag; Vessel Registration Identification IMO 9263318 "
        "(vessel) [SDGT].\n\n"
        "Ferry-related Designation Removal\n\n"
        "The following entity has been removed from OFAC's SDN List:\n\nEntity:\n\n"
        "HORMUZ GULL TRADING FZE, Jebel Ali, Dubai, United Arab Emirates [IRAN-EO13846].\n"
    )
    added, removed = summary.sanctions
    assert (added.authority, added.action, added.programs) == (
        "Office of Ferry Assets Control",
        "designate",
        ["Executive Order 13224"],
    )
    assert [(t.name, t.kind, t.country) for t in added.targets] == [
        ("Karim Abd al-Amir al-Bahrani", "individual", "Iraq"),
        ("DELTA REEF GENERAL TRADING L.L.C.", "entity", "United Arab Emirates"),
        ("SEA WREN", "vessel", "Panama"),
    ]
    assert (removed.action, removed.target_count, [t.name for t in removed.targets]) == (
        "delist",
        1,
        ["HORMUZ GULL TRADING FZE"],
    )


def test_a_fact_sheet_s_actions_by_authority_and_basis_with_targets_from_the_bullets_under_their_leads():
    summary = by_rules(
        "Fact Sheet\n\nTargeting the Harbour Fleet\n\nOffice of the Spokesperson\nMay 3, 2026\n\n"
        "Today, the Department of State is designating three entities for their role in the sale of Iranian oil, "
        "and the Department of the Treasury is concurrently designating five individuals and two entities for "
        "laundering the proceeds. The Department of State is also designating one individual and one entity "
        "pursuant to E.O. 13224 for shipping oil to the Houthis.\n\n"
        "Entities Designated Pursuant to E.O. 13846\n\n"
        "The Department of State is designating the following entities pursuant to E.O. 13846:\n\n"
        "- Nahr Reef Petroleum Trading FZE, a UAE-based company that has resold Iranian crude oil.\n"
        "- Bluewater Gull Energy Co., Limited, a Hong Kong-based company that arranged ship-to-ship transfers.\n"
        "- Orchid Bay Maritime S.A., a Panama-based company that owns the vessel CORAL GULL.\n\n"
        "Individual and Entity Designated Pursuant to E.O. 13224\n\n"
        "The Department of State is designating the following persons pursuant to E.O. 13224:\n\n"
        "- Reza Karamian, an Iranian national who arranged the loading of oil bound for Ras Isa.\n"
        "- Tir Gull Marine Services Co., a Qeshm Island-based company that provided crews for the shipments.\n"
    )
    got = [(s.authority, s.target_count, [t.name for t in s.targets], s.programs) for s in summary.sanctions]
    assert got == [
        (
            "Department of State",
            3,
            ["Nahr Reef Petroleum Trading FZE", "Bluewater Gull Energy Co., Limited", "Orchid Bay Maritime S.A."],
            ["E.O. 13846"],
        ),
        ("Department of the Treasury", 7, [], []),
        ("Department of State", 2, ["Reza Karamian", "Tir Gull Marine Services Co."], ["E.O. 13224"]),
    ]


def test_a_press_review_s_headlines_its_papers_reporting_and_the_officials_they_quote():
    summary = by_rules(
        "HARBOUR CENTRE\nDaily Israeli Press Review\nFriday, 8 May 2026\n\n"
        "Summaries of the Hebrew-language print editions of 8 May 2026, translated by the Centre's desk.\n\n"
        "Headlines:\n- The Defense Minister outlaws a charity that moved money to Hamas.\n"
        "- The IDF raises its alert level on the northern border.\n\n"
        "Israel Hayom\n\n"
        "In an interview with Israel Hayom, Defense Minister Eitan Shavit said Israel \"will not wait for anyone's "
        'permission" to act.\n\n'
        "Israel Hayom also reports that Shavit on Thursday signed an order declaring the Istanbul-based Al-Noor "
        "Charitable Society a terrorist organization. The paper's military correspondent, Ron Adler, reports that "
        "Northern Command expects an escalation.\n\n"
        "Maariv\n\n"
        "Maariv quotes the chief of staff of Iran's armed forces, Major General Hamid Kiani, as telling state "
        'television on Thursday that any attack would meet "a crushing response".\n'
    )
    assert [p.text for p in summary.overview] == [
        "The Defense Minister outlaws a charity that moved money to Hamas.",
        "The IDF raises its alert level on the northern border.",
    ]
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Eitan Shavit", "said"), ("Hamid Kiani", "as telling")]
    assert [(s.cited_outlet, s.said_on) for s in summary.statements] == [
        ("Israel Hayom", date(2026, 5, 8)),  # the paper whose section it is, on the review's day
        ("Maariv", date(2026, 5, 7)),  # "on Thursday"
    ]
    (order,) = summary.sanctions
    assert (order.authority, [t.name for t in order.targets]) == ("Defense Minister", ["Al-Noor Charitable Society"])


def test_a_podcast_transcript_s_timestamped_turns_and_its_guests_offices_from_the_guest_list():
    summary = by_rules(
        "# Ferries in Trouble?\n\n**Harbour Talk** | Episode 9 | May 3, 2026\n\n"
        "*A podcast from the Harbour Institute. Recorded May 1, 2026.*\n\n**Guests:**\n\n"
        "- Dr. Farid Hamedi, senior fellow at the Halden Center\n- Tom Rearden, former U.S. deputy envoy for Iran\n\n"
        "**[00:00:08] HOST (Erin Walsh):** Welcome to Harbour Talk. Is Tehran serious this time?\n\n"
        "**[00:01:12] Dr. Farid Hamedi:** Tehran's line on the Gulf ferries has shifted since the summer.\n\n"
        "**[00:22:38] Tom Rearden:** Look, I'd urge the administration to pair every round of designations with a "
        "clear offer.\n"
    )
    assert [(s.speaker, s.role, s.cue) for s in summary.statements] == [
        ("Farid Hamedi", "senior fellow at the Halden Center", "said"),
        ("Tom Rearden", "former U.S. deputy envoy for Iran", "urge"),
    ]


def test_a_government_informing_a_panel_states_what_it_informed():
    summary = by_rules(
        "Letter dated 1 May 2026 from the Panel of Experts\n\n3 May 2026\n\n"
        "44. In a letter dated 3 November 2026, the Government of Yemen informed the Panel that the Coast Guard had "
        "acted on information shared by a regional partner.\n"
    )
    assert [(s.speaker, s.cue, s.content) for s in summary.statements] == [
        ("the Government of Yemen", "informed", "the Coast Guard had acted on information shared by a regional partner")
    ]


def test_a_body_s_statement_goes_on_as_it_and_as_the_statement():
    summary = by_rules(
        "EU bans drone parts\n\nMay 3, 2026\n\n"
        "LONDON (AA) - New measures came in response to Iran's support for Russia's war, the Council said in a "
        "statement.\n\n"
        '"It also provides for travel restrictions against persons involved in the drone programme," it added.\n\n'
        '"Designated individuals are subject to an asset freeze across the Union," said the statement.\n'
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("the Council", "said"),
        ("the Council", "added"),
        ("the Council", "said"),
    ]


def test_a_commander_s_epithets_and_an_unnamed_officer_of_a_body():
    summary = by_rules(
        "General warns US\n\nMay 3, 2026\n\n"
        "A senior commander of the IRGC says enemies of the Islamic Republic must leave the region.\n\n"
        '"Any new sanction on the IRGC would be a big risk to the US and its bases," the senior Iranian commander, '
        "Major General Hossein Bagheri, said in Mashhad on Monday.\n\n"
        '"Imposing the same sanctions on the IRGC would be a big risk to US forces," the senior Iranian commander '
        "said in a gathering of officers.\n\n"
        "He further recommended that the US Congress think deeper about new sanctions on Iran.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Hossein Bagheri", "said"),
        ("Hossein Bagheri", "said"),
        ("Hossein Bagheri", "recommended"),
    ]


def test_a_tracker_s_table_of_sanctions_actions_gives_one_action_per_row():
    summary = by_rules(
        "# Harbour Sanctions Tracker\n\n**May 2026 edition** | Published 24 May 2026\n\n## Actions\n\n"
        "| Date | Authority | Action | Targets | Program |\n| --- | --- | --- | --- | --- |\n"
        "| 2 May | OFAC (U.S. Treasury) | Designation | 12 (9 entities, 3 vessels) in an oil network, incl. Silver "
        "Gull Shipping Ltd and the tanker OCEAN WREN | E.O. 13846 |\n"
        "| 11 May | U.S. State Department | Delisting | 1 vessel, the tanker SEA WREN, after a change of ownership | "
        "E.O. 13846 |\n"
        "| 22 May | Australia (DFAT) | Targeted financial sanctions | 5 (4 individuals, 1 entity), incl. Hamed Sadri "
        "and Nasim Gull Cyber Group | Autonomous Sanctions Regulations 2011 |\n"
    )
    got = [(s.authority, s.action, s.announced_on, s.target_count, s.programs) for s in summary.sanctions]
    assert got == [
        ("OFAC", "designate", date(2026, 5, 2), 12, ["E.O. 13846"]),
        ("U.S. State Department", "delist", date(2026, 5, 11), 1, ["E.O. 13846"]),  # "1 vessel": stated
        ("DFAT", "designate", date(2026, 5, 22), 5, ["Autonomous Sanctions Regulations 2011"]),
    ]
    assert [t.name for t in summary.sanctions[2].targets] == ["Hamed Sadri", "Nasim Gull Cyber Group"]


def test_a_release_s_government_is_the_one_it_named_and_a_running_total_is_no_action():
    summary = by_rules(
        "Joint media release\n\n2 May 2026\n\nAustralia sanctions Iranian operatives\n\n"
        "The Australian Government has today imposed targeted financial sanctions on four Iranian individuals.\n\n"
        "The Government has also imposed counter-proliferation sanctions on two further entities, the Shiraz-based "
        "Arman Gull Aviation Company and the Dubai-registered Crescent Gull Trading LLC.\n\n"
        "Since 2022, Australia has imposed sanctions on more than 200 Iranian individuals and entities.\n\n"
        "Washington has sanctioned more than 70 people, firms and vessels over Iran's drone programme.\n"
    )
    got = [(s.authority, s.target_count) for s in summary.sanctions]
    assert got == [("Australian Government", 4), ("Australian Government", 2)]


def test_a_date_without_a_year_falls_in_the_year_its_paragraph_tells_of():
    summary = by_rules(
        "Country Reports on Terrorism 2026: Iraq\n\nSeptember 12, 2027\n\n"
        "Overview: ISIS remained a threat in Iraq. The government pressed on with its campaign.\n\n"
        "Countering the Financing of Terrorism: In 2026, the committee met often. On October 21, the Department of "
        "the Treasury designated five individuals and one entity that moved funds for KH.\n"
    )
    assert [s.announced_on for s in summary.sanctions] == [date(2026, 10, 21)]
    assert [p.text for p in summary.overview] == [
        "ISIS remained a threat in Iraq.",
        "The government pressed on with its campaign.",
    ]


def test_a_government_s_designation_told_as_a_noun_is_its_action():
    (action,) = news(
        "The Secretary welcomed the United Kingdom's designation on August 2 of three officials of the IRGC."
    ).sanctions
    assert (action.authority, action.action, action.target_count) == ("United Kingdom", "designate", 3)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("She warned that London stood ready to sanction further IRGC commanders if attacks continued.", "threaten"),
        ('She said the Government "will not hesitate to designate further ships" if they kept sailing.', "threaten"),
        ("The Treasury decided to designate three refineries in Shandong.", "designate"),
        ("The senators urged the Treasury to designate the refineries.", None),
        ("I call on the administration to sanction the engine makers.", None),
    ],
)
def test_a_readiness_to_sanction_is_a_threat_and_a_call_to_sanction_no_action(sentence, found):
    assert [s.action for s in news(sentence).sanctions] == ([found] if found else [])


def test_a_title_ending_a_longer_office_stays_in_the_office():
    summary = by_rules(
        "Council sanctions ferry operators\n\n2 May 2026\n\n"
        'High Representative Anna Vasquez-Nord said: "Iran cannot seize ships in international waters."\n\n'
        '"Our ports are open to every honest trader," said Senator Douglas Fairley.\n'
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [
        ("Anna Vasquez-Nord", "High Representative"),
        ("Douglas Fairley", None),
    ]


def test_a_capital_s_decision_to_sanction_is_its_action_and_the_sanctioned_are_no_action():
    summary = by_rules(
        "Tehran to respond to UK sanctions\n\nTEHRAN, Dec. 22 (MNA) - The spokesman said London's decision on "
        "Monday to sanction six individuals and two entities, including the Khalij Gull Shipping Company, showed "
        "that Britain had learnt nothing.\n\n"
        "According to the British government, the sanctioned individuals include four IRGC Navy commanders.\n"
    )
    (action,) = summary.sanctions
    assert (action.authority, action.target_count) == ("London", 8)


def test_a_decision_by_a_body_to_impose_fresh_sanctions_names_the_whole_body():
    [action] = news(
        "The Foreign Ministry of Iran condemned a decision by the Council of Foreign Ministers of the European Union "
        "to impose fresh sanctions against Iranian officials and institutions."
    ).sanctions
    assert (action.authority, action.issuing_country) == (
        "Council of Foreign Ministers of the European Union",
        "European Union",
    )


def test_whose_a_body_is_is_no_part_of_its_name_and_a_statement_it_issues_accusing():
    summary = by_rules(
        "Militia denies report\n\nMay 3, 2026\n\n"
        "Iraq's Iran-backed Kataib Hezbollah denied reports that it had resumed attacks on US forces in Syria.\n\n"
        'The group said on its Telegram channel that these reports are "fake news" spread by its enemies.\n\n'
        "The Islamic Resistance in Iraq, an umbrella of Iran-backed militias, issued a statement accusing American "
        "forces of having no intention to withdraw from the country.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Kataib Hezbollah", "denied"),
        ("Kataib Hezbollah", "said"),
        ("The Islamic Resistance in Iraq", "accusing"),
    ]


def test_a_further_point_added_or_stressed_is_a_statement_of_its_own():
    text = (
        "Shojaei slams EU\n\nIranian Foreign Minister Ali-Akbar Shojaei condemned the new sanctions on Sunday.\n\n"
        '"The Europeans are now competing with the United States in imposing sanctions," Shojaei noted, adding that '
        'the policy of maximum pressure "has failed and will fail again". He said Tehran had received no new message '
        'from Washington, stressing that Iran will not negotiate "under the shadow of threats".\n'
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.cue, s.content[:24]) for s in statements[1:]] == [
        ("noted", '"The Europeans are now c'),
        ("adding", "the policy of maximum pr"),
        ("said", "Tehran had received no n"),
        ("stressing", "Iran will not negotiate "),
    ]


def test_a_speaker_described_by_office_is_the_subject_of_a_verb_coordinated_with_a_first_one():
    text = (
        "Shojaei slams EU\n\nIranian Foreign Minister Ali-Akbar Shojaei condemned the new sanctions on Sunday.\n\n"
        'Elsewhere in his remarks, the Iranian foreign minister referred to the government\'s "neighbourhood policy" '
        "and stressed that relations with the 15 neighbouring countries are the priority of Iran's foreign policy.\n"
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.speaker, s.cue) for s in statements] == [
        ("Ali-Akbar Shojaei", "condemned"),
        ("Ali-Akbar Shojaei", "stressed"),
    ]


def test_an_interview_s_answers_are_its_interviewee_s_whom_the_introduction_names(tmp_path):
    text = (
        "# Iraq's security adviser: 'We will not be a mailbox'\n\n"
        "Iraq has entered 2027 squeezed between Washington and Tehran. Iraq's national security adviser, Raad Salim "
        "al-Juburi, who has handled the factions file since 2025, spoke to The Levant Ledger at his office on "
        "Tuesday.\n\n"
        "**Q:** Kataib Hezbollah says it will resume attacks within days. Do you take that seriously?\n\n"
        "**A:** We take every threat seriously and we have told the factions so.\n\n"
        "**Q:** Can Baghdad prevent an Israeli strike?\n\n"
        "**A:** I warn the Israelis that any strike on Iraqi soil will be treated as an attack on Iraq.\n\n"
        "*This interview has been edited for length and clarity.*\n"
    )
    path = tmp_path / "interview.md"
    path.write_text(text)
    statements = summarize(read(path), backend="rules").statements
    assert [(s.speaker, s.cue, s.content[:24]) for s in statements] == [
        ("Raad Salim al-Juburi", "said", "We take every threat ser"),
        ("Raad Salim al-Juburi", "warn", "any strike on Iraqi soil"),
    ]


def test_a_clause_s_conjunction_is_no_part_of_an_office_and_an_office_s_kind_tells_office_holders_apart():
    text = (
        "Bulletin\n\nIran's foreign minister, Ali-Akbar Shojaei, said on Monday that Tehran respects Iraq's "
        "sovereignty.\n\n"
        "When the American ambassador, Laura Kessling, said on January 12 that Iraqi banks must choose between the "
        "dollar and the militias, the banks listened. The electricity minister told the cabinet on January 5 that "
        "Basra would be in the dark by June.\n"
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.speaker, s.role) for s in statements] == [
        ("Ali-Akbar Shojaei", "Iran's foreign minister"),
        ("Laura Kessling", "American ambassador"),
        ("The electricity minister", "electricity minister"),  # not the foreign minister: the office speaks as itself
    ]


def test_a_labelled_source_in_parentheses_cites_the_paragraph():
    text = (
        "Gulf Risk Digest, Friday, January 8, 2027\n\n"
        "SANCTIONS\n\n"
        "Middle East Minister Harriet Colvin said the network had kept the Quds Force's oil money moving long after "
        "the ships went dark. She warned that Britain would keep going after the ships. (Source: GOV.UK, Jan 7)\n"
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.cue, s.cited_outlet, s.cited_date) for s in statements] == [
        ("said", "GOV.UK", date(2027, 1, 7)),
        ("warned", "GOV.UK", date(2027, 1, 7)),
    ]


def test_a_second_speaker_s_own_clause_after_a_first_speaker_s_is_a_statement_of_its_own():
    text = (
        "Bulletin\n\nIranian Foreign Minister Kamran Sadeghpour met Oman's foreign minister, Faisal al-Harthy, in "
        'Muscat on Wednesday. Sadeghpour told a joint news conference that Iran was "ready to resume the hotline '
        'talks at the technical level this month," and al-Harthy said Oman would host the first round "before the '
        'end of January."\n'
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.speaker, s.cue, s.content[:20]) for s in statements] == [
        ("Kamran Sadeghpour", "told", 'Iran was "ready to r'),
        ("Faisal al-Harthy", "said", "Oman would host the "),
    ]


def test_a_day_written_before_its_month_dates_the_statement():
    summary = one_paragraph(
        "On 17 December 2026, the European Council condemned Iran's continued supply of drones to armed groups in "
        "Iraq and called on Iran to cease all such transfers."
    )
    assert [(s.cue, s.said_on) for s in summary.statements] == [
        ("condemned", date(2026, 12, 17)),
        ("called on", date(2026, 12, 17)),
    ]


def test_a_legal_act_adds_and_deletes_list_entries_in_the_passive():
    text = (
        "COUNCIL IMPLEMENTING REGULATION (EU) 2027/163 of 19 January 2027\n\n"
        "THE COUNCIL OF THE EUROPEAN UNION,\n\nWhereas:\n\n"
        "(5) In view of the gravity of the situation, the Council considers that five persons and two entities should "
        "be added to the list of natural and legal persons, entities and bodies subject to restrictive measures.\n\n"
        "(6) The entry concerning one person included in that list, who is deceased, should be deleted from that "
        "list.\n"
    )
    sanctions = summarize(from_text(text), backend="rules").sanctions
    assert [(s.authority, s.action, s.target_count) for s in sanctions] == [
        ("Council of the European Union", "designate", 7),
        ("Council of the European Union", "delist", 1),  # "one person"
    ]


def test_a_declaration_condemning_is_its_issuer_s_after_a_run_of_settings_and_a_place_is_no_speaker():
    text = (
        "Whereas:\n\n"
        "(4) On 4 January 2027, following the UAV attack of 2 January 2027 on Erbil International Airport, in which "
        "four civilians were injured, the High Representative issued a declaration on behalf of the Union condemning "
        "the attack 'in the strongest possible terms' and stressing that 'those who supply, finance or launch these "
        "drones will be held accountable'.\n\n"
        "Traders on Baghdad's Al-Kifah Street said the premium on the dollar had risen by four per cent in a week.\n"
    )
    statements = summarize(from_text(text), backend="rules").statements
    assert [(s.speaker, s.cue) for s in statements] == [
        ("the High Representative", "condemning"),
        ("the High Representative", "stressing"),
    ]


WRITTEN_ANSWERS = (
    "Written questions and answers\n\n"
    "Ferries: Sanctions\nQuestion for Department for Harbours\nUIN 18342, tabled on 3 May 2026\n\n"
    "Asked by Anna Vale\nConservative, Harrow East\n\n"
    "To ask the Secretary of State for Harbours, what steps her Department is taking to stop fuel smuggling by ferry."
    "\n\nAnswered on 11 May 2026\n\nAnswered by Paul Dorsey\nMinister of State (Harbours)\n\n"
    "On 8 May the UK designated five persons under the Ferry (Sanctions) Regulations 2023 for smuggling fuel. "
    "I can confirm that officials are working with insurers to deny these ferries cover. The Government does not "
    "routinely comment on future designations.\n\n"
    "Ferries: Detained Crews\nQuestion for Department for Harbours\nUIN 18415, tabled on 4 May 2026\n\n"
    "Asked by Anna Vale\nConservative, Harrow East\n\n"
    "To ask the Secretary of State for Harbours, what representations she has made on the detained crew.\n\n"
    "Answered on 10 May 2026\n\nAnswered by Paul Dorsey\nMinister of State (Harbours)\n\n"
    "On 27 April the Government revoked the designation of one ferry, the MARIGOLD SPIRIT, which had been specified "
    "in March 2025. We remain deeply concerned about the detention of the crew. We keep all designations under "
    "review, and I assure the hon. Member that we will keep using our powers against the smugglers.\n"
)


def test_a_written_answer_is_its_minister_s_turn_on_the_day_it_was_answered():
    summary = by_rules(WRITTEN_ANSWERS)
    got = [(s.speaker, s.role, s.cue, s.said_on, s.section) for s in summary.statements]
    assert got == [
        ("Paul Dorsey", "Minister of State (Harbours)", "confirm", date(2026, 5, 11), "Ferries: Sanctions"),
        (
            "Paul Dorsey",
            "Minister of State (Harbours)",
            "remain deeply concerned about",
            date(2026, 5, 10),
            "Ferries: Detained Crews",
        ),
        ("Paul Dorsey", "Minister of State (Harbours)", "assure", date(2026, 5, 10), "Ferries: Detained Crews"),
    ]
    assert [(s.authority, s.action, s.announced_on) for s in summary.sanctions] == [
        ("UK", "designate", date(2026, 5, 8)),
        ("Government", "delist", date(2026, 4, 27)),
    ]


def test_a_briefing_s_guest_office_a_subject_s_pronoun_and_first_person_turns():
    summary = by_rules(
        "U.S. Department of Harbours\nHome > Briefings > Department Press Briefings\n"
        "Department Press Briefing - May 3, 2026\nSpokesperson Gregory Halversen\nWashington, D.C.\n\n"
        "MR. HALVERSEN: Good afternoon. We have a guest today: Dana Field, our Deputy Assistant Secretary for Harbour "
        "Finance, will take a few questions before I come back up.\n\n"
        "MS. FIELD: Thanks. We urge port authorities across the region to take note of today's action. Happy to take "
        "a couple of questions.\n\n"
        "QUESTION: Who fired on the ferry?\n\n"
        "MR. HALVERSEN: HARBCOM said late last night that the ferry was struck by a drone and that its crew were "
        "safe. The Coastal Front has publicly denied any involvement. We're asking every government with influence "
        "on the Front to stop the attacks. And we expect both sides to honor the ceasefire.\n\n"
        "QUESTION: On Lebanon?\n\n"
        "MR. HALVERSEN: Special Envoy for Lebanon Daniel Okafor met President Elias Karam "
        "on Monday. He told the President that we support the harbour police. He also made clear that armed ferries "
        "have no place in the port.\n"
    )
    assert (summary.bulletin.title, summary.bulletin.publisher) == (
        "Department Press Briefing",
        "U.S. Department of Harbours",
    )
    assert {s.section for s in summary.statements} == {None}  # who gives the briefing, and where, head no section
    assert [s.affiliation for s in summary.statements if s.speaker in ("Dana Field", "Gregory Halversen")] == [
        "United States"
    ] * 3  # a department's briefers speak for its country
    got = [(s.speaker, s.role, s.cue, s.said_on) for s in summary.statements]
    assert got == [
        ("Dana Field", "Deputy Assistant Secretary for Harbour Finance", "urge", date(2026, 5, 3)),
        ("HARBCOM", None, "said", date(2026, 5, 2)),
        ("Coastal Front", None, "denied", date(2026, 5, 2)),
        ("Gregory Halversen", "Spokesperson", "asking", date(2026, 5, 3)),
        ("Gregory Halversen", "Spokesperson", "expect", date(2026, 5, 3)),
        ("Daniel Okafor", "Special Envoy for Lebanon", "told", date(2026, 4, 27)),
        ("Daniel Okafor", "Special Envoy for Lebanon", "made clear", date(2026, 4, 27)),
    ]


def test_a_live_page_s_timed_entries_take_their_headlines_and_the_page_s_day():
    summary = by_rules(
        "Ferry strike: live\nSun 3 May 2026 17.31 GMT\n\nKey events\n- Talks failed.\n- The port reopened.\n"
        "17:25 GMT\nUnion warns of 'longer strike'\n"
        "The union's general secretary, Dana Kovacs, said the talks had failed and the strike would go on.\n"
        "16:05 GMT\nPort reopens\n"
        '"We will not be blackmailed by anyone," Marsh said in a video statement.\n'
        "09:30 GMT\n"
        "The harbour minister, Helen Marsh, convened the port board at its headquarters to discuss a response.\n"
    )
    got = [(s.speaker, s.said_on, s.section) for s in summary.statements]
    assert got == [
        ("Dana Kovacs", date(2026, 5, 3), "Union warns of 'longer strike'"),
        ("Helen Marsh", date(2026, 5, 3), "Port reopens"),
    ]


def test_meetings_coverage_names_in_capitals_long_offices_and_a_delegate_after_what_was_said():
    summary = by_rules(
        "Meetings Coverage and Press Releases\nSC/16721\n5 May 2026\nHarbour Council\n9947th Meeting (PM)\n"
        "Ferry Inspectors Kept Out of Ports, Agency Official Tells Harbour Council\n\n"
        "Briefings\n\n"
        "RAFAEL DUNMORE, Deputy Director General and Head of the Department of Safeguards of the Harbour Agency, "
        "briefing by videoconference from Vienna, said that inspectors had not been granted access to the ports.\n\n"
        "MARTA OKONJO-REYES, Assistant Secretary-General for the Middle East, Asia and the Pacific in the Department "
        "of Harbour Affairs, said that the ports could not be separated from the region. She urged all sides to "
        "refrain from steps that could close the ports.\n\n"
        "Statements\n\n"
        'Seven months without inspections were not a "technical gap" but a deliberate choice, the representative '
        "of France said.\n"
    )
    assert summary.bulletin.title == "Ferry Inspectors Kept Out of Ports, Agency Official Tells Harbour Council"
    got = [(s.speaker, s.role, s.cue, s.said_on) for s in summary.statements]
    day = date(2026, 5, 5)
    dunmore = "Deputy Director General and Head of the Department of Safeguards of the Harbour Agency"
    okonjo = (
        "Assistant Secretary-General for the Middle East, Asia and the Pacific in the Department of Harbour Affairs"
    )
    assert got == [
        ("Rafael Dunmore", dunmore, "said", day),
        ("Marta Okonjo-Reyes", okonjo, "said", day),
        ("Marta Okonjo-Reyes", okonjo, "urged", day),
        ("France", "representative", "said", day),
    ]
    assert summary.statements[-1].content.startswith('Seven months without inspections were not a "technical gap"')


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The Harbour Office's most recent maritime advisory cautioned that ship-to-ship transfers remain a "
            "hallmark of smuggling.",
            "The Harbour Office",
            "cautioned",
            "ship-to-ship transfers remain a hallmark of smuggling",
        ),
        (
            "United Kingdom Harbour Trade Operations (UKHTO) has advised ferries to maintain a heightened watch.",
            "United Kingdom Harbour Trade Operations",
            "advised",
            "ferries to maintain a heightened watch",
        ),
        (
            "The Foreign Secretary raised the case with Harbour Minister Abbas Moradi on 4 May and pressed for the "
            "crew's immediate release.",
            "the Foreign Secretary",
            "pressed for",
            "the crew's immediate release",
        ),
        ("The Coastal Front has publicly denied any involvement.", "Coastal Front", "denied", "any involvement"),
        (
            "The Harbour Police assessed the threat to ferries in the strait as high.",
            "Harbour Police",
            "assessed",
            "the threat to ferries in the strait as high",
        ),
        (
            "The Coastal armed forces warn all ferry companies that their ships will be legitimate targets.",
            "The Coastal armed forces",
            "warn",
            "their ships will be legitimate targets",
        ),
        (
            "The Harbour Council demands that the pirates immediately release the ferry and its crew.",
            "The Harbour Council",
            "demands",
            "the pirates immediately release the ferry and its crew",
        ),
        ("The Ferry Board condemned the attack in a statement this morning.", "Ferry Board", "condemned", "the attack"),
        (
            "The port's spokeswoman, Dana Kovacs, on Friday [condemned the levy](https://example.org/kovacs) as "
            '"an act of piracy".',
            "Dana Kovacs",
            "condemned",
            'the levy as "an act of piracy"',
        ),
    ],
)
def test_a_body_s_paper_a_plural_s_present_tense_and_a_linked_verb_report_speech(sentence, speaker, cue, content):
    (statement,) = one_paragraph(sentence).statements
    assert (statement.speaker, statement.cue, statement.content) == (speaker, cue, content)


def test_a_parliament_s_verbatim_speeches_are_turns_of_their_labelled_speakers():
    summary = by_rules(
        "Harbour Parliament\nHome > Plenary > Verbatim report of proceedings\n\n"
        "Wednesday, 10 March 2027 - Strasbourg\n\n"
        "President. \u2013 The next item is the debate on ferry safety in the strait.\n\n"
        "Maarja Kask, Vice-President of the Commission. \u2013 Madam President, honourable Members, the ferries keep "
        "sinking. I call on the port authority to inspect every hull.\n\n"
        "Friedrich Obermaier, on behalf of the PPE Group. \u2013 (DE) Madam President, we welcome the inspections "
        "announced today by the harbour board.\n\n"
        "President. \u2013 The debate is closed.\n"
    )
    got = [(s.speaker, s.role, s.cue, s.content) for s in summary.statements]
    assert got == [
        ("Maarja Kask", "Vice-President of the Commission", "call on", "the port authority to inspect every hull"),
        ("Friedrich Obermaier", None, "welcome", "the inspections announced today by the harbour board"),
    ]
    assert summary.statements[1].evidence.text.startswith("Madam President, we welcome")  # no label, no "(DE)"


def test_a_speech_as_prepared_for_delivery_is_its_giver_s_in_the_first_person():
    summary = by_rules(
        "Harbour Agency\n\nDirector General's Statement to the Board\n\n3 March 2027\n"
        "Alejandro Ferro, Harbour Agency Director General\n\n(As prepared for delivery)\n\nMadam Chair,\n\n"
        "The ferry fleet lost power twice last month. I once again appeal to both sides to keep the port open.\n\n"
        "Inspections\n\nThe inspectors reported damage to the outer wall. I remain seriously concerned that the wall "
        "may fail. I again call upon the port authority to close the outer berth.\n"
    )
    got = [(s.speaker, s.role, s.cue, s.said_on) for s in summary.statements]
    day = date(2027, 3, 3)
    assert got == [
        ("Alejandro Ferro", "Harbour Agency Director General", "appeal to", day),
        ("Alejandro Ferro", "Harbour Agency Director General", "remain seriously concerned", day),
        ("Alejandro Ferro", "Harbour Agency Director General", "call upon", day),
    ]  # no "said" for each paragraph's narration: a speech takes its positions with its verbs


def test_an_editor_s_bracketed_note_is_text_and_a_paper_s_title_is_no_speaker():
    summary = by_rules(
        "Harbour Monitor\n\n15 March 2027\n\n"
        "Harbour Council Press Statement on the Ferry Strike\n\n"
        "The members of the Harbour Council condemned in the strongest terms the sinking of the ferry.\n\n"
        "[Monitor's note: The Harbour Police said on 12 March that two ferries had been stopped near the strait.]\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Harbour Council", "condemned"),
        ("Harbour Police", "said"),
    ]


def test_a_dateline_in_a_release_is_no_speech_label():
    summary = by_rules(
        "Harbour Department\n\nMay 3, 2026\n\nWashington, D.C. - The Harbour Department today designated four ferry "
        "firms. The department's spokesman, Dana Kovacs, said the firms had smuggled fuel for years.\n"
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [("Dana Kovacs", "said")]  # not "Washington"


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("Speaking in Tehran, the foreign minister, Kamran Sotoudeh, accused Israel of escalation.", "Kamran Sotoudeh"),
        ("Foreign Minister Kamran Sotoudeh spoke to reporters in Tehran.", "Kamran Sotoudeh"),
        ("The strikes hit two depots near the border.", "Iran's foreign minister"),  # no holder named: the office
    ],
)
def test_an_office_a_lede_names_is_the_holder_named_further_on(later, expected):
    summary = by_rules(
        "Harbour Radio\n\n18 March 2027\n\nIran's foreign minister has warned Israel that it will face a decisive "
        f"response after overnight strikes. {later}\n"
    )
    assert [s.speaker for s in summary.statements if s.cue == "warned"] == [expected]


def test_a_release_s_quotes_signed_by_the_honourable_and_a_joint_statement_of_several_ministers():
    summary = by_rules(
        "Harbour Affairs\n\nNews release\n\nApril 6, 2027\n\nHarbour imposes sanctions on weapons suppliers\n\n"
        "Harbour today imposed sanctions on four suppliers of drones. In a joint statement on April 2, 2027, "
        "the foreign ministers of Canada, Australia and the United Kingdom condemned Iran's transfer of missiles to "
        "Russia.\n\nQuotes\n\n"
        '"Those who build and ship these weapons will be held to account for what they do."\n\n'
        "\u2013 The Honourable Anne Kerr, Minister of Foreign Affairs\n"
    )
    said = [(s.speaker, s.role, s.affiliation) for s in summary.statements]
    assert said[0] == ("the foreign ministers of Canada, Australia and the United Kingdom", None, None)  # no one land
    assert said[1][:2] == ("Anne Kerr", "Minister of Foreign Affairs")  # "The Honourable" is no part of the name
    assert len(said) == 2


def test_a_press_conference_s_office_label_is_its_named_holder_and_a_record_s_fields_are_no_turns():
    summary = by_rules(
        "Press Releases\n\nApril 13, 2027\n\n(1) Name: Shahid Karimi Industries\n    Alias: SKI\n    Address: Km 25, "
        "Karaj Road, Tehran, Iran\n\n(2) Name: Sabalan Darya Line\n    Address: Bandar Anzali, Iran\n\n"
        "Excerpt from the Press Conference by Chief Cabinet Secretary Masato Kurokawa\n\n"
        "Question: How does the Government respond to the statement by Iran?\n\n"
        "Chief Cabinet Secretary: I would like to emphasize that the safety of our vessels comes first.\n\n"
        "Question: And the other countries?\n\n"
        "Chief Cabinet Secretary: We once again strongly urge Iran to immediately stop such transfers.\n"
    )
    said = [(s.speaker, s.role, s.cue) for s in summary.statements]
    assert said == [
        ("Masato Kurokawa", "Chief Cabinet Secretary", "emphasize"),
        ("Masato Kurokawa", "Chief Cabinet Secretary", "urge"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "role"),
    [
        (
            "UK Minister for the Middle East Rosalind Athey said that the sanctions would disrupt the trade.",
            "Rosalind Athey",
            "UK Minister for the Middle East",
        ),
        (
            "Kataib Hezbollah (KH) military spokesperson Abu Zaid al Kaabi denied that KH was involved in the attack.",
            "Abu Zaid al Kaabi",
            "Kataib Hezbollah (KH) military spokesperson",
        ),
    ],
)
def test_an_office_ending_in_a_region_or_holding_initials_is_the_role_before_the_name(sentence, speaker, role):
    assert [(s.speaker, s.role) for s in one_paragraph(sentence).statements] == [(speaker, role)]


def test_a_video_script_s_clips_and_a_speaker_s_word_for_something():
    summary = by_rules(
        "Harbour Video\n\nApril 10, 2027\n\nSHOTLIST:\n1. Wide of news conference\n"
        "2. SOUNDBITE (Farsi) Esmaeil Rahimpour, Iranian Foreign Ministry spokesman:\n"
        '"We have said many times that Iran has not sent any drones to be used in the war."\n'
        "3. SOUNDBITE (Farsi) Mahnaz Tavakoli, Tehran resident:\n"
        '"Every few months they announce new sanctions, and it is ordinary people who pay for it."\n\n'
        "STORYLINE:\n\n"
        'Foreign Ministry spokesman Esmaeil Rahimpour called the European decision "illegal and unjustified" and '
        "said Iran would respond. The so-called package was called off.\n"
    )
    said = [(s.speaker, s.role, s.cue) for s in summary.statements]
    assert said == [
        ("Esmaeil Rahimpour", "Iranian Foreign Ministry spokesman", None),  # the clip, not its "We have said"
        ("Mahnaz Tavakoli", None, None),
        ("Esmaeil Rahimpour", "Foreign Ministry spokesman", "called"),
        ("Esmaeil Rahimpour", "Foreign Ministry spokesman", "said"),
    ]


def test_an_authority_imposing_restrictive_measures_on_targets_among_them_an_office_holder():
    summary = one_paragraph(
        "On April 12, the Council of the EU imposed restrictive measures on eight individuals and four entities over "
        "Iran's transfer of missiles to Russia, among them the deputy commander for logistics of the IRGC Aerospace "
        "Force, Brigadier General Reza Salehi-Pour, and the Tehran-based Pishro Sanat Aseman Company."
    )
    (action,) = summary.sanctions
    assert (action.authority, action.target_count) == ("Council of the EU", 12)
    assert [t.name for t in action.targets] == ["Reza Salehi-Pour", "Pishro Sanat Aseman Company"]


def test_a_minister_of_a_portfolio_speaks_for_the_country_whose_release_it_is():
    summary = by_rules(
        "Global Affairs Canada\n\nNews release\n\nApril 6, 2027\n\nCanada imposes sanctions on weapons suppliers\n\n"
        "Canada today imposed sanctions on four suppliers of drones to Russia.\n\n"
        "The Minister of Public Safety, Marc Tessier, said the sanctions would be enforced at every border.\n"
    )
    assert [(s.speaker, s.role, s.affiliation) for s in summary.statements] == [
        ("Marc Tessier", "Minister of Public Safety", "Canada")  # not "Public Safety": a portfolio is no body
    ]


def test_an_embedded_post_on_a_web_page_is_its_author_s_statement(tmp_path):
    page = (
        "<html><body><article><h1>Militias defiant</h1><p>April 17, 2027</p>"
        "<p>Kadhim al-Shuwaili, the spokesman of Harakat al-Nujaba, mocked the designations in a post on X.</p>"
        '<blockquote class="twitter-tweet"><p lang="en">Washington&#39;s sanctions are a medal on the chest of every '
        'fighter. The resistance will not be intimidated. <a href="https://t.co/x">pic.twitter.com/x</a></p>'
        '&mdash; Kadhim al-Shuwaili (@K_alShuwaili) <a href="https://twitter.com/K/status/1">April 16, 2027</a>'
        "</blockquote><p>The government said nothing on Friday about the listing.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    source = read(tmp_path / "page.html")
    assert "Kadhim al-Shuwaili (@K_alShuwaili) April 16, 2027" in source.text.splitlines()  # the signature kept
    posted = [s for s in summarize(source, backend="rules").statements if s.content.startswith("Washington")]
    assert [(s.speaker, str(s.said_on)) for s in posted] == [("Kadhim al-Shuwaili", "2027-04-16")]


def test_a_second_verb_after_and_with_its_auxiliary_and_adverb_is_the_same_subject_s():
    summary = one_paragraph(
        "Japan has expressed serious concern over the transfer of missiles from Iran to Russia, which has enabled "
        "Russia to intensify its attacks, and has repeatedly called on Iran not to provide such support."
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Japan", "expressed serious concern"),
        ("Japan", "called on"),
    ]


def test_a_speech_s_subtitles_are_its_giver_s_words_in_the_first_person():
    cues = [
        "[Speech by Sheikh Omar al-Hadi,\nSecretary-General of Kataib Harbour]",
        "[chanting]",
        "We condemn this aggression\non the bread of the orphans,",
        "and we hold the administration responsible.",
        "We thank the Islamic Republic of Iran,\nits leader and its people.",
        "And to the banks in Baghdad I say: whoever carries out\nthis decision will be treated as a partner in it.",
        "I thank the brothers for coming tonight.",
    ]
    body = "\n\n".join(f"{n}\n00:00:{n:02d},000 --> 00:00:{n + 1:02d},500\n{cue}" for n, cue in enumerate(cues, 1))
    summary = by_rules(f"Title: Speech on the sanctions\nSource: Harbour TV, 16/05/2027\n\n{body}\n")
    said = [(s.speaker, s.role, s.cue) for s in summary.statements]
    office = "Secretary-General of Kataib Harbour"
    assert said == [
        ("Omar al-Hadi", office, "condemn"),  # over two cues, the timing between them no part of it
        ("Omar al-Hadi", office, "thank"),
        ("Omar al-Hadi", office, "say"),  # an addressee before "I say"
    ]  # and "I thank the brothers for coming": a courtesy
    assert "00:00" not in summary.statements[0].content and "00:00:04" in summary.statements[0].evidence.text


def test_an_agency_s_protocol_prose_names_its_officials_once_and_their_ministry_by_its_initials():
    summary = by_rules(
        "Harbour News Agency\n\n4 May 2027\n\nMinister receives ambassador\n\n"
        "ABU DHABI, 4th May, 2027 (WAM) -- Khalifa Rashed Al Dhaheri, Minister of State, received today in Abu Dhabi "
        "Hamidreza Dastgheibnia, Ambassador of the Islamic Republic of Iran to the UAE. Al Dhaheri affirmed the UAE's "
        "firm approach of resolving disputes through dialogue. For his part, the Iranian Ambassador expressed his "
        "country's keenness to strengthen its relations with the UAE.\n\n"
        "In a statement issued today, the Ministry of Foreign Affairs (MoFA) expressed the UAE's strong condemnation "
        "of the attack. MoFA called on the international community to take a firm stance against such attacks.\n"
    )
    said = [(s.speaker, s.role, s.cue) for s in summary.statements]
    assert said == [
        ("Khalifa Rashed Al Dhaheri", "Minister of State", "affirmed"),  # his office in apposition, no article
        ("Hamidreza Dastgheibnia", "Ambassador of the Islamic Republic of Iran to the UAE", "expressed"),  # no city
        ("the Ministry of Foreign Affairs", None, "expressed"),
        ("the Ministry of Foreign Affairs", None, "called on"),  # "MoFA": the initials it was given
    ]


def test_a_financial_sanctions_notice_lists_its_changes_under_leads_that_name_no_owner():
    summary = by_rules(
        "Office of Financial Sanctions Implementation\nHM Treasury\n\nFINANCIAL SANCTIONS NOTICE\nIran\n"
        "The Iran (Sanctions) Regulations 2023\n13/05/2027\n\nNotice summary\n\n"
        "1. Following the publication of the UK Sanctions List by the Foreign, Commonwealth & Development Office "
        "(FCDO) on 13 May 2027, the following entries have been added to the Consolidated List and are now subject "
        "to an asset freeze under the Iran (Sanctions) Regulations 2023:\n"
        "\u2022 KHORRAMSHAHI, Ali-Reza (Group ID: 16671)\n"
        "\u2022 SAHEL NOOR MARINE SERVICES COMPANY (Group ID: 16674)\n\n"
        "2. The following entry has been removed from the Consolidated List and is no longer subject to an asset "
        "freeze:\n\u2022 KISH AZAR TRADING COMPANY (Group ID: 15217)\n"
    )
    got = [(s.authority, s.action, [t.name for t in s.targets], s.programs) for s in summary.sanctions]
    fcdo, regime = "Foreign, Commonwealth & Development Office", ["Iran (Sanctions) Regulations 2023"]
    assert got == [
        (fcdo, "designate", ["Ali-Reza Khorramshahi", "SAHEL NOOR MARINE SERVICES COMPANY"], regime),
        (fcdo, "delist", ["KISH AZAR TRADING COMPANY"], regime),  # under the body the notice named first
    ]


def test_a_smart_brevity_newsletter_s_bold_labels_are_sections_not_words_of_its_paragraphs():
    summary = by_rules(
        "# Harbour strikes back\n\n*By Ana Cole \u00b7 May 6, 2027*\n\n"
        "**Zoom out:** Britain on Wednesday sanctioned eight people and entities for helping the Houthis, including "
        "port official Abdulaziz al-Marwani.\n\n"
        "**What they're saying:**\n\n"
        '- Sen. Laura Whitcombe (R-Idaho), the top Republican on the committee: "These sanctions are overdue and '
        'the administration knows it."\n\n'
        "**The other side:** Iran's Foreign Ministry spokesperson Nasrin Jahanpour condemned the sanctions.\n\n"
        "**By the numbers:** Treasury has now sanctioned more than 90 people tied to the program since January.\n"
    )
    said = [(s.speaker, s.section, s.role) for s in summary.statements]
    assert said == [
        ("Laura Whitcombe", "What they're saying", None),  # not the committee her office names
        ("Nasrin Jahanpour", "The other side", "Iran's Foreign Ministry spokesperson"),  # no label in the role
    ]
    assert [(s.authority, s.section) for s in summary.sanctions] == [("Britain", "Zoom out")]  # no running total


def test_an_informed_source_is_no_verb_and_the_diplomat_is_the_ministry_s_spokesman():
    summary = one_paragraph(
        "Foreign Ministry spokesman Hossein Abedini-Far condemned the new sanctions on Sunday. In response to a "
        "question about the talks with the agency, the diplomat said a technical team is expected in Tehran. An "
        "informed source at the Oil Ministry told the paper that the tanker had carried no Iranian cargo."
    )
    assert [(s.speaker, s.cue) for s in summary.statements] == [
        ("Hossein Abedini-Far", "condemned"),
        ("Hossein Abedini-Far", "said"),
    ]


def test_a_compound_office_run_into_a_name_is_the_role():
    summary = one_paragraph('Secretary-General Ana Lúcia Ferraz called for "maximum restraint" after the attack.')
    assert [(s.speaker, s.role) for s in summary.statements] == [("Ana Lúcia Ferraz", "Secretary-General")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        (
            "The UN Panel of Experts on Yemen reported that engines from the drones matched one consignment.",
            "The UN Panel of Experts on Yemen",
            "reported",
        ),
        (
            "The Nordic Embassy in Yemen confirmed on Wednesday that all 14 crew members on board are safe.",
            "The Nordic Embassy in Yemen",
            "confirmed",
        ),
        (
            "Ambassador Lin Haoran, Nordland's Permanent Representative to the United Nations, told the Council that "
            "pressure had failed.",
            "Lin Haoran",
            "told",
        ),
        (
            "Hojatoleslam Reza Haj-Aghaei struck a similar note in his sermon, telling worshippers on Friday that the "
            "sanctions would fail.",
            "Reza Haj-Aghaei",
            "telling",
        ),
        (
            "The Minister for Foreign Affairs, Senator the Hon Catriona Ellery, said the measures were needed.",
            "Catriona Ellery",
            "said",
        ),
    ],
)
def test_bodies_reporting_dated_that_clauses_apposed_titles_and_participles(sentence, speaker, cue):
    assert [(s.speaker, s.cue) for s in one_paragraph(sentence).statements] == [(speaker, cue)]


def test_an_outlet_reporting_and_a_correction_note_are_no_one_s_statement_or_action():
    summary = by_rules(
        "Shipping update\n\nMay 4, 2027\n\n"
        "Lloyd's List reported that war-risk premiums had eased to 0.5% of hull value.\n\n"
        "*Correction: an earlier version of this article said the Council had listed nine individuals.\n"
    )
    assert (summary.statements, summary.sanctions) == ([], [])


@pytest.mark.parametrize(
    ("sentence", "authority", "country", "count"),
    [
        (
            "On 22 September 2027, the Council listed eight individuals and two entities under the EU's Iran human "
            "rights regime.",
            "Council",
            None,
            10,
        ),
        (
            "The ministers welcomed the decision of the Kingdom of Bahrain to designate five individuals and two "
            "entities on its terrorist lists.",
            "Kingdom of Bahrain",
            "Bahrain",
            7,
        ),
        (
            "The ministers welcomed the designation by the United States Department of the Treasury, on 29 September "
            "2027, of eleven individuals and entities.",
            "United States Department of the Treasury",
            "United States",
            11,
        ),
        (
            'She warned that Australia "will not hesitate to impose further sanctions on those who enable these '
            'attacks" and called on Iran to respect UN Security Council resolutions.',
            "Australia",
            "Australia",
            None,
        ),
        (
            "The Norwegian Foreign Ministry on Monday designated three individuals and two entities and barred the "
            "three individuals from entry.",
            "Norwegian Foreign Ministry",
            "Norway",
            5,
        ),
    ],
)
def test_actions_told_by_their_author_after_the_noun_quoted_threats_and_counts_that_point_back(
    sentence, authority, country, count
):
    [action] = one_paragraph(sentence).sanctions
    assert (action.authority, action.issuing_country, action.target_count) == (authority, country, count)


def test_a_legal_instrument_s_own_acts_are_its_maker_s():
    summary = by_rules(
        "Autonomous Sanctions Amendment Instrument 2027\n\n"
        "I, Catriona Ellery, Minister for Foreign Affairs, make the following instrument.\n\n"
        "Explanatory statement\n\n"
        "The instrument designates three individuals and two entities for targeted financial sanctions.\n\n"
        "The instrument also removes one entity that has been dissolved.\n"
    )
    assert [(a.authority, a.action, a.target_count) for a in summary.sanctions] == [
        ("Minister for Foreign Affairs", "designate", 5),
        ("Minister for Foreign Affairs", "delist", 1),
    ]


def test_a_counted_list_after_a_colon_names_people_by_name_not_by_the_firm_they_run():
    [action] = one_paragraph(
        "The Foreign Ministry of Nordland sanctioned four US entities and individuals: Harlowe Analytics Inc., "
        "Ridgeline Partners LLC, Craig Ostrander, chief executive of Harlowe Analytics, and Evelyn Brandt, a managing "
        "partner of Ridgeline Partners of Canada."
    ).sanctions
    assert [(t.name, t.country) for t in action.targets] == [
        ("Harlowe Analytics Inc", None),
        ("Ridgeline Partners LLC", None),
        ("Craig Ostrander", None),
        ("Evelyn Brandt", "Canada"),
    ]


def test_the_body_of_the_action_before_acting_again_adds_to_it_and_places_are_no_targets():
    summary = by_rules(
        "Countermeasures\n\nMay 4, 2027\n\n"
        "The Ministry of Foreign Affairs of Nordland has decided to take countermeasures against two US firms, "
        "Harlowe Analytics Inc. and Ridgeline Partners LLC.\n\n"
        "The Ministry has also decided to sanction Brent Kessler and deny him entry into Nordland, including Hong "
        "Kong and Macao.\n"
    )
    [action] = summary.sanctions
    assert [t.name for t in action.targets] == ["Harlowe Analytics Inc", "Ridgeline Partners LLC", "Brent Kessler"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The raid was a failure and a disgrace, Ali Karimi, the group's spokesman, said.",
            "Ali Karimi",
            "The raid was a failure and a disgrace",
        ),
        (
            'The critics were "subservient", Abu Ali al-Askari, a security official from the group, said in a post.',
            "Abu Ali al-Askari",
            'The critics were "subservient"',
        ),
        (
            "Hezbollah, while not claiming the attack on the embassy on Friday, claimed the embassy was a base.",
            "Hezbollah",
            "the embassy was a base",
        ),
        (
            "The spokesman, Yahya Saree, stated today, Tuesday, that the group had targeted a Greek ship.",
            "Yahya Saree",
            "the group had targeted a Greek ship",
        ),
    ],
)
def test_an_apposed_speaker_after_what_was_said_an_aside_and_a_day_in_apposition(sentence, speaker, content):
    assert [(s.speaker, s.content) for s in one_paragraph(sentence).statements] == [(speaker, content)]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The EU condemns the attack and will respond," Foreign Minister Jan Novak said.',
        'Foreign Minister Jan Novak said: "The EU condemns the attack and will respond."',
    ],
)
def test_a_verb_inside_a_quotation_is_the_quoted_speaker_s_words_not_a_statement_of_its_own(sentence):
    assert [(s.speaker, s.cue) for s in one_paragraph(sentence).statements] == [("Jan Novak", "said")]


def test_a_body_s_name_opening_a_lower_case_office_after_the_verb_and_a_count_of_one_ship():
    summary = one_paragraph(
        "The Treasury Department imposed sanctions on 11 people, nine companies and one ship based in Iran. "
        '"The United States will keep acting," said Treasury undersecretary Brian Nelson.'
    )
    assert [a.target_count for a in summary.sanctions] == [21]
    assert [(s.speaker, s.role) for s in summary.statements] == [("Brian Nelson", "Treasury undersecretary")]


def test_names_with_accented_capitals_are_names_and_a_swiss_authority_acts():
    summary = one_paragraph(
        "Defense Ministry spokesman Rear Admiral Şükrü Kocabıyık told reporters on Thursday that no drones had "
        "transited Turkish territory. On 4 November 2027, the State Secretariat for Economic Affairs (SECO) added 9 "
        "individuals and 3 entities to Annex 12 of the Ordinance on Measures against the Islamic Republic of Iran."
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [("Şükrü Kocabıyık", "Defense Ministry spokesman")]
    assert [(a.authority, a.issuing_country, a.target_count) for a in summary.sanctions] == [
        ("State Secretariat for Economic Affairs", "Switzerland", 12)
    ]


def test_a_release_s_will_today_is_the_action_done_not_a_threat():
    [action] = one_paragraph(
        "The UK will today sanction 7 individuals and 1 organisation working for the regime."
    ).sanctions
    assert (action.authority, action.action, action.target_count) == ("The UK", "designate", 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a release's defined terms and legal form name the company; a paper opening a sentence speaks not
            "Tanker manager answers designation\n\n"
            'Piraeus - 20 January 2028 - Kymata Tanker Management S.A. ("Kymata" or "the Company") today responded '
            "to the decision of the U.S. Treasury to add the Company to its list.\n\n"
            "The Company categorically denies that it has ever carried Iranian oil. Kymata states that every voyage "
            "was screened by its compliance department.\n\n"
            "What the Treasury announced\n\n"
            "According to the release, the Under Secretary, Rachel Oduya, said that shipowners would find no safe "
            "harbour. Tom Aldred, a broker at Marlowe Shipbrokers, estimated that rates could rise by 15%.\n\n"
            "The Company notes that it has no relationship with the other firms named.\n",
            [
                ("Kymata Tanker Management S.A.", "denies"),
                ("Kymata Tanker Management S.A.", "states"),
                ("Rachel Oduya", "said"),
                ("Tom Aldred", "estimated"),
                ("Kymata Tanker Management S.A.", "notes"),
            ],
        ),
        (  # "the company" and "It" are the firm that spoke last; a state's service speaks
            "Tankers listed\n\nCorvina Marine Management rejected the designation. In an emailed statement on "
            'Friday, the company said it had "no commercial link to Russian oil". It said it would challenge the '
            "listing in court.\n\nThe Security Service of Ukraine said the Isfahan-based firm had shipped engine "
            "units since 2025.\n",
            [
                ("Corvina Marine Management", "rejected"),
                ("Corvina Marine Management", "said"),
                ("Corvina Marine Management", "said"),
                ("The Security Service of Ukraine", "said"),
            ],
        ),
    ],
)
def test_firms_speak_by_their_defined_terms_and_as_the_company_and_papers_speak_not(text, expected):
    assert [(s.speaker, s.cue) for s in by_rules(text).statements] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # bodies deciding or approving act; a second counted listing is its own action; a year is no count
            "On 15 January, the Council of the EU adopted restrictive measures against nine individuals and four "
            "entities. The Council also listed 23 vessels of the shadow fleet, including the tanker Volna Spirit. "
            "The Cabinet approved the proposal of Finance Minister Orly Mizrahi-Tal to impose economic sanctions on "
            "five Iranian nationals. The Ministry of Commerce today decided, in accordance with the Provisions on the "
            "Unreliable Entity List, to add three U.S. companies to the Unreliable Entity List. The UAE Cabinet has "
            "issued Resolution No. (61) of 2027 designating seven individuals and two entities.",
            [
                ("Council of the EU", "European Union", "designate", 13),
                ("Council of the EU", "European Union", "designate", 23),
                ("Cabinet", None, "designate", 5),
                ("Ministry of Commerce", "China", "designate", 3),
                ("UAE Cabinet", "United Arab Emirates", "designate", 9),
            ],
        ),
        (  # a decision's operative points are its body's actions, an extension an amendment
            "On the proposal of the Security Service, the National Security and Defense Council of Ukraine has "
            "decided:\n\n1. To apply personal special economic and other restrictive measures (sanctions) to three "
            "individuals and three legal entities involved in the supply of drones (annex).\n\n2. To extend until 10 "
            "January 2038 the restrictive measures applied by the NSDC decision of 18 February 2025 to SAHAND AIR.",
            [
                ("National Security and Defense Council of Ukraine", "Ukraine", "designate", 6),
                ("National Security and Defense Council of Ukraine", "Ukraine", "amend", None),
            ],
        ),
        (  # an export control listing is an action, a promise to add more a threat
            "The Ministry of Commerce has decided to add the following seven U.S. entities to the export control "
            "list. China will add any entity that continues to take part in arms sales to Taiwan to the export control "
            "list.",
            [("Ministry of Commerce", "China", "designate", 7), ("China", "China", "threaten", None)],
        ),
        (  # packages, decided measures, export and entry bans and lists of ships are sanctions actions
            "On 10 February, the Council of the European Union adopted yet another, the 25th, package of restrictive "
            "measures against our country, adding 61 individuals and 23 legal entities to the EU sanctions list. In a "
            "separate legal act, Brussels also added 47 vessels to the list of ships denied access to EU ports. The "
            "Government of Japan has decided to implement measures including the freezing of assets against 9 "
            "individuals and entities. The Government of Japan has also decided to prohibit exports to three "
            "entities in Russia. In response, Russia has expanded the list of EU officials who are barred from "
            "entering the Russian Federation by a further 38 persons.",
            [
                ("Council of the European Union", "European Union", "designate", 84),
                ("Brussels", "European Union", "designate", 47),
                ("Government of Japan", "Japan", "designate", 9),
                ("Government of Japan", "Japan", "designate", 3),
                ("Russia", "Russia", "designate", 38),
            ],
        ),
        (  # a body named by its kind acting again is the body named before; specified ships are listed
            "On 15 January, the Council of the EU adopted restrictive measures against nine individuals and four "
            "entities. The Council also listed 23 vessels of the shadow fleet.\n\nThe Foreign Office also specified "
            "three oil tankers, the Volna Star, the Kerch Pride and the Altair Bay.",
            [
                ("Council of the EU", "European Union", "designate", 13),
                ("Council of the EU", "European Union", "designate", 23),
                ("Foreign Office", "United Kingdom", "designate", 3),
            ],
        ),
    ],
)
def test_what_reads_as_a_sanctions_action_and_whose_it_is(text, expected):
    got = [
        (a.authority, a.issuing_country, a.action, a.target_count) for a in by_rules(f"Listings\n\n{text}\n").sanctions
    ]
    assert got == expected


def test_a_second_listing_told_in_the_inverted_passive_names_its_own_targets():
    summary = by_rules(
        "Tankers listed\n\nThe Foreign, Commonwealth and Development Office designated the tankers on Thursday for "
        "carrying Russian crude. Among them are the Volna Spirit and the Kestrel Bay.\n\n"
        "Also designated, in a second listing, were two ship managers, Dubai-based Corvina Marine Management FZE and "
        "Halyard Shipping LLC.\n"
    )
    got = [(a.target_count, [t.name for t in a.targets]) for a in summary.sanctions]
    assert got == [
        (None, ["Volna Spirit", "Kestrel Bay"]),
        (2, ["Corvina Marine Management FZE", "Halyard Shipping LLC"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # remarks a speaker introduces and a delegation's statement
            "Cabinet meeting\n\n"
            "Foreign Minister Yoav Carmeli said that four states now supported a listing.\n\n"
            "Prime Minister Avner Halevy, today (Tuesday, 25 January 2028), at the start of the weekly Cabinet "
            'meeting, made the following remarks:\n\n"I call on the European Union to list the Revolutionary Guards '
            'in full."\n\n'
            "The Prime Minister thanked the President of Cyprus for the fire-fighting aircraft sent last week.\n\n"
            "Statement by the Delegation of the United Kingdom\n\n"
            "Mr Chair,\n\nMy delegation rejects the claim that these strikes hit only military targets.\n\n"
            "EU Statement on the Russian Federation's aggression\n\n"
            "The European Union and its Member States condemn in the strongest terms the strikes on Odesa.\n",
            [
                ("Yoav Carmeli", "Foreign Minister", "said"),
                ("Avner Halevy", "Prime Minister", "call on"),
                ("Avner Halevy", "Prime Minister", "thanked"),
                ("United Kingdom", None, "reject"),
                ("European Union", None, "condemn"),
            ],
        ),
        (  # commentators' lines and a spokesperson's answer
            "Experts react\n\nRebecca Stone: senior fellow at the Economic Statecraft Initiative and a former Treasury "
            "official\n\nThe ships have made forty crossings. I expect the operators to reflag them within weeks, so I "
            "would urge Treasury to follow up quickly with listings.\n\n"
            "Kourosh Farahani: nonresident senior fellow with the Middle East Programs\n\n"
            "I think the more important audience is in Shenzhen. I worry that Washington is still fighting the last "
            "war.\n\nAnswer by Official Spokesperson Yelena Korneyeva to a media question\n\n"
            "I would stress that Russia has never accepted the language of pressure.\n",
            [
                ("Rebecca Stone", "senior fellow at the Economic Statecraft Initiative", "expect"),
                ("Rebecca Stone", "senior fellow at the Economic Statecraft Initiative", "urge"),
                ("Kourosh Farahani", "nonresident senior fellow with the Middle East Programs", "think"),
                ("Kourosh Farahani", "nonresident senior fellow with the Middle East Programs", "worry"),
                ("Yelena Korneyeva", "Official Spokesperson", "stress"),
            ],
        ),
        (  # a page's heading under its masthead
            "The Ministry of Foreign Affairs\nHome / Press service / Comments\n\n14 February 2028 16:20\n\n"
            "Comment by the Information and Press Department on the 25th package of sanctions\n\n"
            "We regard these measures as illegitimate, since they run counter to international law.\n\n"
            "European Commission Vice-President Henrik Aalto claimed on 10 February that the package would work.\n",
            [
                ("Information and Press Department", None, "regard"),
                ("Henrik Aalto", "European Commission Vice-President", "claimed"),
            ],
        ),
    ],
)
def test_whose_first_person_words_a_layout_makes_them(text, expected):
    assert [(s.speaker, s.role, s.cue) for s in by_rules(text).statements] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Temirlan Asanbekov said he was innocent. Asanbekov himself denied selling any goods.",
            ("Temirlan Asanbekov", "denied"),
        ),
        ("The Embassy considers it unacceptable that the British side acted.", ("The Embassy", "considers it")),
        (
            "The Government of Japan requests financial institutions to implement the measures.",
            ("The Government of Japan", "requests"),
        ),
        (
            'Aegeon Tankers Inc. (NYSE: AGTK) (the "Company") said it would appeal. The Company believes that the '
            "transfers took place under a charter.",
            ("Aegeon Tankers Inc.", "believes"),
        ),
    ],
)
def test_present_tense_cues_reflexives_and_a_listed_company_s_defined_term(text, expected):
    assert [(s.speaker, s.cue) for s in one_paragraph(text).statements][-1] == expected


def test_a_publisher_speaking_in_its_own_one_day_document_says_it_that_day():
    summary = by_rules(
        "Outcomes of the Plenary\nPublisher: Harbour Finance Task Force\n\nParis, 7 June 2029\n\n"
        "The HFTF calls on its members to apply enhanced due diligence to transactions with Ruritania.\n"
    )
    assert [(s.speaker, s.said_on) for s in summary.statements] == [("HFTF", date(2029, 6, 7))]


def test_a_body_that_did_something_else_first_speaks_with_its_second_verb():
    summary = news(
        "The Office of Sanctions Enforcement has published updated guidance and reminded banks that they must "
        "screen customers against the list."
    )
    assert [(s.speaker, s.cue, s.statement_type) for s in summary.statements] == [
        ("The Office of Sanctions Enforcement", "reminded", "demand_appeal")
    ]


def test_a_wire_story_s_lead_and_detail_are_one_action_dated_by_its_byline_and_said_tuesday():
    summary = by_rules(
        "Treasury hits Iranian drone suppliers\n\n"
        "by KAREN OSTLER, Harbour Wire - 04/11/28 09:20 AM ET\n\n"
        "WASHINGTON (Harbour) - The United States said Tuesday it is imposing new sanctions on Iranian firms "
        "accused of buying drone engines.\n\n"
        "The Treasury worked with the Commerce Department to designate three firms in Iran and Oman for allegedly "
        "buying parts, including Italian-made turbines, for Iran's drone programme.\n"
    )
    assert summary.bulletin.period_start == date(2028, 4, 11)
    (action,) = summary.sanctions  # the lead's announcement and the detail's designation are one action
    assert (action.authority, action.action, action.target_count) == ("Treasury", "designate", 3)
    assert action.announced_on == date(2028, 4, 11)  # the lead's "said Tuesday"
    assert action.targets == []
    assert action.reasons == ["allegedly buying parts"]
    assert not summary.statements


@pytest.mark.parametrize(
    ("body", "day"),
    [
        # a date told deep in a sentence of the body is not the page's
        (
            "Washington has announced a fresh round of measures against suppliers of Iran's drone programme, which "
            "Western governments say has armed Russia since the war began on February 24, 2022.\n\n"
            "In a statement on Tuesday, the Treasury said the suppliers worked for the defence ministry.",
            None,
        ),
        # a dateline's date is
        (
            "WASHINGTON, April 11, 2028 (Harbour) - In a statement on Tuesday, the Treasury said the suppliers of "
            "the drone programme worked for Iran's defence ministry.",
            date(2028, 4, 11),
        ),
    ],
)
def test_which_full_date_near_the_top_is_the_page_s_own(body, day):
    summary = by_rules(f"Drone parts network hit\n\n{body}\n")
    assert summary.bulletin.period_start == day
    assert [s.said_on for s in summary.statements] == [day]


@pytest.mark.parametrize(
    ("sentence", "action", "targets"),
    [
        # a decision agreed is taken, not threatened
        ("The European Union agreed on Thursday to impose sanctions on two drone makers in Iran.", "designate", []),
        # being prepared to extend is an intention
        ("It added that the EU was also prepared to extend sanctions on four Iranian entities.", "threaten", []),
        # the list ends at the day and at the purpose: "the Gulf" is where concern grows, not a target
        (
            "The Council will impose sanctions on Kavir Drone Works on Monday to address growing concern in the Gulf "
            "and Europe.",
            "threaten",
            ["Kavir Drone Works"],
        ),
        # "pursuant to" is no purpose: the list goes on past it
        (
            "The Treasury sanctioned Kavir Drone Works and Bandar Lift Services pursuant to Executive Order 13224.",
            "designate",
            ["Kavir Drone Works", "Bandar Lift Services"],
        ),
    ],
)
def test_agreed_to_impose_is_done_prepared_to_extend_is_intended_and_a_list_ends_at_its_day_or_purpose(
    sentence, action, targets
):
    (found,) = one_paragraph(sentence).sanctions
    assert (found.action, [t.name for t in found.targets]) == (action, targets)


def test_a_digest_of_posts_gives_each_post_to_its_account_on_its_day():
    summary = by_rules(
        "PELICAN MONITORING - Posts by officials\n"
        "Monitoring period: 3 April 2028\n\n"
        "IRAQ\n\n"
        "@Sadri_FM (Kaveh Sadri, Minister of Foreign Affairs of Iraq) · 3 April 2028, 08:10 UTC\n"
        "[Translated from Arabic]\n"
        '"The strike on the Basra depot is a crime. Those who ordered it will answer for it today."\n'
        "Analyst comment: State media said the minister spoke after a cabinet session.\n\n"
        "@Basra_Port (Basra Port Authority) · 3 April 2028, 09:45 UTC\n"
        '"Loading at the north quay resumed at noon. No cargo was lost in the fire."\n'
        "Reposted by @Iraq_Transport (Ministry of Transport) · 3 April 2028, 10:02 UTC\n\n"
        "UNITED STATES\n\n"
        "@StateSpox_Lane (Mira Lane, Spokesperson, U.S. Department of State) · 3 April 2028, 12:30 UTC\n"
        '"We condemn the attack on the depot. Tehran must stop arming the groups that carried it out."\n'
        "  ↳ Reply from @Sadri_FM · 3 April 2028, 12:58 UTC\n"
        '  "Washington has no standing to lecture Iraq about its own ports."\n'
        "@TreasuryPress (U.S. Department of the Treasury) · 3 April 2028, 16:00 UTC\n"
        '"Today OFAC designated two companies in Basra for moving funds to the militia behind the strike."\n'
        "Reposted with comment by @Lane_Deputy (Omar Quist, Deputy Spokesperson) · 3 April 2028, 16:20 UTC\n"
        '"More designations will follow if the attacks go on."\n'
    )
    got = [(s.speaker, s.role, s.cue, s.said_on, s.content[:20]) for s in summary.statements]
    assert got == [
        ("Kaveh Sadri", "Minister of Foreign Affairs of Iraq", "posted", date(2028, 4, 3), '"The strike on the B'),
        ("Basra Port Authority", None, "posted", date(2028, 4, 3), '"Loading at the nort'),
        ("Mira Lane", "Spokesperson, U.S. Department of State", "posted", date(2028, 4, 3), '"We condemn the atta'),
        ("Kaveh Sadri", "Minister of Foreign Affairs of Iraq", "posted", date(2028, 4, 3), '"Washington has no s'),
        ("Omar Quist", "Deputy Spokesperson", "posted", date(2028, 4, 3), '"More designations w'),
    ]
    (action,) = summary.sanctions  # the Treasury's post announces the action: its record, not a statement
    assert (action.authority, action.target_count, action.announced_on) == ("OFAC", 2, date(2028, 4, 3))


def test_an_interview_s_initials_name_the_interviewee_and_a_heading_ends_the_last_answer():
    summary = by_rules(
        "THE INTERVIEW\n\n"
        "Harald Brekke, Norway's Minister of Trade, spoke to the Courier in Oslo on Monday.\n\n"
        "Q: Will Norway follow the EU's new listings?\n\n"
        "HB: We condemn the seizure of the tanker and we will act with our partners.\n\n"
        "Q: When?\n\n"
        "HB: The cabinet will decide on the listings within a week.\n\n"
        "BACKGROUND\n\n"
        "Norway usually aligns itself with the EU's sanctions, which it says keeps its market open.\n"
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [("Harald Brekke", "Norway's Minister of Trade")] * 2


def test_a_timeline_entry_s_date_dates_what_it_tells_and_the_state_after_its_dash_acts():
    summary = by_rules(
        "Chronology: April 2028\n\n"
        "2 April 2028 - The UK sanctioned two Iraqi bankers for moving funds for Kataib Hezbollah.\n\n"
        "April 4: Foreign Minister Kaveh Sadri said the sanctions were illegal.\n"
    )
    assert [(a.authority, a.announced_on) for a in summary.sanctions] == [("The UK", date(2028, 4, 2))]
    assert [(s.speaker, s.said_on) for s in summary.statements] == [("Kaveh Sadri", date(2028, 4, 4))]


def test_an_editor_s_note_ends_the_interviewee_s_last_answer():
    summary = by_rules(
        "THE INTERVIEW\n\n"
        "Harald Brekke, Norway's Minister of Trade, spoke to the Courier in Oslo.\n\n"
        "Q: Will Norway follow the EU's new listings?\n\n"
        "HB: We condemn the seizure of the tanker and we will act with our partners.\n\n"
        "Q: When?\n\n"
        "HB: The cabinet will decide on the listings within a week.\n\n"
        "Editor's note: The interview was edited for length and the ministry has reviewed the quotations.\n"
    )
    assert [s.evidence.text[:6] for s in summary.statements] == ["We con", "The ca"]


@pytest.mark.parametrize(
    ("sentence", "authority"),
    [
        (
            'Minister Ruth Alder said London would "hunt the financiers down" and would sanction the banks involved.',
            "London",
        ),
        (
            'The under secretary said Washington "will not hesitate to designate any company that helps them".',
            "Washington",
        ),
        ("If the crew are not freed this week, Canada will list further individuals and entities.", "Canada"),
    ],
)
def test_a_capital_after_said_threatens_and_so_does_a_second_predicate_and_will_list(sentence, authority):
    (found,) = one_paragraph(sentence).sanctions
    assert (found.authority, found.action) == (authority, "threaten")


def test_a_threat_in_an_answer_is_both_a_statement_and_a_sanctions_record():
    summary = by_rules(
        "THE INTERVIEW\n\n"
        "Harald Brekke, Norway's Minister of Trade, spoke to the Courier in Oslo.\n\n"
        "Q: Will Norway act?\n\n"
        "HB: If the tanker is not released by Friday, Norway will list further individuals and entities.\n\n"
        "Q: When?\n\n"
        "HB: The cabinet will decide on the listings within a week.\n"
    )
    assert [(s.speaker, s.statement_type) for s in summary.statements][:1] == [("Harald Brekke", "threaten")]
    assert [(a.authority, a.action) for a in summary.sanctions] == [("Norway", "threaten")]


def test_a_post_embedded_under_its_introduction_is_what_the_introduction_s_speaker_posted():
    summary = by_rules(
        "Live: tanker seized in the Gulf\n\nMay 6, 2028\n\n14.10 BST\nGulf states react\n\n"
        "Qatar's foreign minister, Khalid bin Ali Al Thani, posted on X:\n\n"
        "Khalid Al Thani @KhalidAlThani\n"
        "Doha is in contact with all parties, and the crew must be freed without delay.\n"
        "6 May 2028\n\n"
        "14.30 BST\nShipping firm speaks\n\n"
        "The ship's manager said the crew were safe.\n"
    )
    posted = next(s for s in summary.statements if s.cue == "posted")
    assert (posted.speaker, posted.content) == (
        "Khalid bin Ali Al Thani",
        "Doha is in contact with all parties, and the crew must be freed without delay",
    )


def test_a_count_of_two_kinds_added_to_a_regime_is_a_listing():
    (found,) = one_paragraph(
        "On Monday the Council of the EU added five individuals and two entities to its regime targeting Iran's "
        "drone programme."
    ).sanctions
    assert (found.authority, found.action, found.target_count) == ("Council of the EU", "designate", 7)


def test_a_live_entry_s_byline_under_its_headline_is_no_heading():
    summary = by_rules(
        "Live: tanker seized in the Gulf - latest updates\n\nSat 6 May 2028 18.05 BST\n\n"
        "17.31 BST\nUS warns shipping firms\n\nPriya Raman in Washington\n\n"
        "State Department spokesperson Daniel Okafor demanded the release of the crew.\n\n"
        "16.02 BST\nOman offers to mediate\n\nTom Brereton\n\n"
        "Oman's foreign ministry said it was in contact with all parties.\n"
    )
    assert [(s.speaker, s.section) for s in summary.statements] == [
        ("Daniel Okafor", "US warns shipping firms"),
        ("Oman's foreign ministry", "Oman offers to mediate"),
    ]


def test_an_undated_source_tag_closing_an_entry_cites_every_sentence_of_it():
    summary = by_rules(
        "Chronology: April 2028\n\nPublished 5 April 2028\n\n"
        "The first days of April saw new attacks on shipping. The entries below record statements in order, and "
        "where an entry rests on a single source, the source is named in brackets.\n\n"
        "1 April 2028 - A drone struck a depot near Erbil; no group claimed the attack.\n\n"
        "2 April 2028 - Houthi spokesman Yahya Saree said the group fired two missiles. He added that more would "
        'follow "within days." [Al-Masirah]\n\n'
        "3 April 2028 - Foreign Minister Kaveh Sadri said the talks had stalled (in an interview).\n"
    )
    assert [s.cited_outlet for s in summary.statements] == ["Al-Masirah", "Al-Masirah", None]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ('Foreign Minister Kaveh Sadri said: "Release the crew and stop the harassment of ships."', "demand_appeal"),
        ('Foreign Minister Kaveh Sadri said the report was "nonsense, and its authors know it."', "reject_deny"),
        ('Spokesman Reza Amini said the aggressor "will receive a decisive answer."', "threaten"),
        ('Minister Ruth Alder said: "We are alarmed. We call on all sides to stand down."', "demand_appeal"),
    ],
)
def test_what_the_content_shows_of_its_kind(sentence, kind):
    (found,) = one_paragraph(sentence).statements
    assert found.statement_type == kind


def test_a_turn_label_s_holder_is_never_read_across_lines():
    summary = by_rules(
        "Department Press Briefing - March 3, 2028\n\n1:36 p.m. EDT\n\n"
        "MR HALVORSEN: Good afternoon. We will continue to hold Iran accountable for its support to the Houthis.\n\n"
        "QUESTION: Anything on the tanker?\n\n"
        "MR HALVORSEN: The ship was seized in international waters and its seizure is unlawful.\n"
    )
    assert summary.statements
    assert all("\n" not in s.speaker for s in summary.statements)


def test_an_agency_story_dated_by_its_stamp_said_here_and_denounced():
    summary = by_rules(
        "Iran says new sanctions breach talks\n\n(Harbour) Updated: 2028-04-08 20:56\n\n"
        "TEHRAN - The new sanctions breach the spirit of the talks, Foreign Ministry spokeswoman Leila Hamedi said "
        "here on Saturday.\n\n"
        '"Iran denounces any unilateral sanctions by the United States," Hamedi said.\n'
    )
    assert summary.bulletin.period_start == date(2028, 4, 8)
    got = [(s.speaker, s.statement_type, s.content[:20]) for s in summary.statements]
    assert got == [
        ("Leila Hamedi", "assessment", "The new sanctions br"),
        ("Leila Hamedi", "accuse_condemn", '"Iran denounces any '),
    ]


def test_a_speaker_named_only_by_office_is_whom_the_remarks_line_names():
    summary = by_rules(
        "Iran condemns listings\n\nApril 8, 2028\n\n"
        "TEHRAN - The Iranian Foreign Ministry spokesman condemned the listing of two shipping firms as illegal.\n\n"
        "Reza Amini made the remarks in a statement published on the ministry's website on Saturday night.\n\n"
        "The spokesman said Iran reserved the right to respond to the measures.\n"
    )
    assert [s.speaker for s in summary.statements] == ["Reza Amini", "Reza Amini"]


def test_a_date_line_may_give_the_time_before_the_date():
    summary = by_rules(
        "Iran rejects sanctions\n\nPublished: 12:47, 08.04.2028 | Updated: 14:24, 08.04.2028\n\n"
        "TEHRAN - Foreign Minister Kaveh Sadri said on Saturday the sanctions were illegal.\n"
    )
    assert summary.bulletin.period_start == date(2028, 4, 8)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [("04/11/28 09:20 AM ET", date(2028, 4, 11)), ("04/11/2028 21:20", date(2028, 11, 4))],
)
def test_a_byline_stamp_on_a_12_hour_clock_puts_the_month_first(stamp, day):
    summary = by_rules(
        f"Treasury hits drone suppliers\n\nby KAREN OSTLER, Harbour Wire - {stamp}\n\n"
        "WASHINGTON (Harbour) - The Treasury designated three firms in Oman for selling drone engines to Iran.\n"
    )
    assert summary.bulletin.period_start == day


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "OFAC on Tuesday designated three individuals and entities under E.O. 13224 for shipping oil to the "
            "Houthis. Those named include Dubai-based Qamar Trading LLC, its director, Nabil Farhan, and the tanker "
            "MARIS DAWN.",
            ["Qamar Trading LLC", "Nabil Farhan", "MARIS DAWN"],
        ),
        (
            "OFAC designated three targets under counterterrorism authority E.O. 13224 for moving money to the "
            "Houthis: Yemen-based money exchanger Faisal al-Zubairi, his firm Sirat Money Exchange, and "
            "Oman-registered Bahr Shipping LLC.",
            ["Faisal al-Zubairi", "Sirat Money Exchange", "Bahr Shipping LLC"],
        ),
    ],
)
def test_targets_those_named_include_and_a_list_after_an_order_s_abbreviation(text, targets):
    (found,) = by_rules(f"Listings\n\nMay 2, 2028\n\n{text}\n").sanctions
    assert [t.name for t in found.targets] == targets


def test_a_short_text_s_first_paragraph_closed_by_a_source_tag_is_body_not_header():
    summary = by_rules(
        "Chronology: April 2028\n\nPublished 5 April 2028\n\n"
        '2 April 2028 - Houthi spokesman Yahya Saree said the group fired two missiles at a tanker. "More will '
        'follow," he added. [Al-Masirah]\n'
    )
    assert [(s.speaker, s.cited_outlet) for s in summary.statements] == [
        ("Yahya Saree", "Al-Masirah"),
        ("Yahya Saree", "Al-Masirah"),
    ]


def test_a_proper_name_s_words_say_nothing_of_a_statement_s_kind():
    summary = one_paragraph(
        'Senator Ruth Calloway said: "Good first step. Now the administration must relist the group as a Foreign '
        'Terrorist Organization."'
    )
    assert [s.statement_type for s in summary.statements] == ["demand_appeal"]


def test_the_next_day_counts_from_the_entry_s_date_and_is_no_part_of_what_was_said():
    summary = by_rules(
        "Chronology: April 2028\n\nPublished 5 April 2028\n\n"
        "1 April 2028 - A drone struck a depot near Erbil. U.S. Central Command said the next day that the drone "
        'was "of Iranian manufacture." [CENTCOM]\n'
    )
    (found,) = summary.statements
    assert (found.said_on, found.content) == (date(2028, 4, 2), 'the drone was "of Iranian manufacture."')


def test_a_target_added_by_name_under_its_office_is_the_person():
    (found,) = one_paragraph(
        "On Tuesday, the US Treasury Department added the name of Iran's Central Bank Governor Valiollah Seif to "
        "its list of sanctions, accusing him of moving money to Hezbollah."
    ).sanctions
    assert [t.name for t in found.targets] == ["Valiollah Seif"]


def test_an_agency_lede_office_without_article_speaks_and_the_announcement_line_names_it():
    summary = by_rules(
        "Iran rebukes listings\n\nJune 2, 2028\n\n"
        "TEHRAN (Agency) - Foreign Ministry spokesman strongly condemned the new Canadian sanctions on Iranian "
        "officials, saying that the Islamic Republic would respond.\n\n"
        "Omid Rastegar made the announcement on Monday evening hours after Canada imposed sanctions on 9 Iranian "
        "officials and 3 entities over the unrest, accusing them of abuses.\n\n"
        'Rastegar said the move "has no legal basis".\n'
    )
    got = [(s.speaker, s.role, s.statement_type) for s in summary.statements]
    assert got == [
        ("Omid Rastegar", "Foreign Ministry spokesman", "accuse_condemn"),
        ("Omid Rastegar", "Foreign Ministry spokesman", "assessment"),
    ]
    assert [(a.authority, a.target_count) for a in summary.sanctions] == [("Canada", 12)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A Foreign Ministry statement said the listings were illegal.", "Foreign Ministry"),
        ("A Kremlin statement said the listings were illegal.", "Kremlin"),
    ],
)
def test_a_paper_named_by_its_issuer_before_the_noun_is_the_issuer_speaking(sentence, speaker):
    assert [s.speaker for s in one_paragraph(sentence).statements] == [speaker]


def test_termed_reports_a_characterisation():
    found = one_paragraph('Spokesman Omid Rastegar termed the listings a "violation of international law".')
    assert [(s.speaker, s.cue) for s in found.statements] == [("Omid Rastegar", "termed")]


def test_a_country_named_before_its_government_is_the_authority_and_a_quoted_conduct_is_read():
    found = one_paragraph(
        "The Canada government said it is blacklisting 12 vessels and their managers for "
        '"facilitating the sale of Iranian petroleum products."'
    ).sanctions
    assert [(a.authority, a.issuing_country, a.reasons) for a in found] == [
        ("Canada government", "Canada", ["facilitating the sale of Iranian petroleum products"])
    ]


def test_an_action_in_the_passive_has_its_agent_as_authority_and_its_subject_as_targets():
    found = one_paragraph(
        "Golden Reef Trading and its director, Omar Saleh, were designated by the U.S. Treasury Department for "
        "moving funds for the IRGC."
    ).sanctions
    assert [(a.authority, [t.name for t in a.targets], a.reasons) for a in found] == [
        ("U.S. Treasury Department", ["Golden Reef Trading", "Omar Saleh"], ["moving funds for the IRGC"])
    ]


def test_an_office_a_story_names_its_holder_for_paragraphs_later_is_that_holder_and_otherwise_itself():
    filler = "".join(f"Protests went on in city number {n} on Monday.\n\n" for n in range(4))
    named = by_rules(
        "UK to sanction Iran\n\nLONDON, June 2, 2028 (Wire) - The foreign secretary said there had been 15 credible "
        f"threats to kill Britons.\n\n{filler}Foreign Secretary Amelia Hart said the move was overdue.\n"
    )
    assert [s.speaker for s in named.statements] == ["Amelia Hart", "Amelia Hart"]
    alone = by_rules(
        "UK to sanction Iran\n\nLONDON, June 2, 2028 (Wire) - The foreign secretary said there had been 15 credible "
        "threats to kill Britons.\n\nProtests went on in the capital on Monday.\n"
    )
    assert [(s.speaker, s.role) for s in alone.statements] == [("The foreign secretary", "foreign secretary")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nereid Tankers, the Athens-based manager of the vessel, said it had lost contact with the crew.",
            [("Nereid Tankers", "said", "it had lost contact with the crew")],
        ),
        (
            "The Panel of Experts on Yemen reported in 2027 that fuel sales had become the group's main income.",
            [("The Panel of Experts on Yemen", "reported", "fuel sales had become the group's main income")],
        ),
        (
            "The seizure was condemned by the United States and several European governments.",
            [("United States", "condemned", "the seizure")],
        ),
    ],
)
def test_a_body_described_with_whose_it_is_a_report_dated_by_its_year_and_a_passive_reaction_speak(sentence, expected):
    assert [(s.speaker, s.cue, s.content) for s in one_paragraph(sentence).statements] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The next day the United Kingdom also sanctioned Dehqan and Sarbazi for their part in the seizure.",
            ("United Kingdom", "designate", ["the seizure"]),
        ),
        (
            "EU foreign ministers meeting in Luxembourg on Tuesday agreed to impose sanctions on two commanders.",
            ("EU foreign ministers", "designate", []),
        ),
        (
            'The State Department said the same day that it would "continue to sanction" anyone who helps Tehran.',
            ("State Department", "threaten", []),
        ),
    ],
)
def test_an_action_after_a_time_word_a_meeting_s_place_or_a_promise_to_continue(sentence, expected):
    found = one_paragraph(sentence)
    assert [(a.authority, a.action, a.reasons) for a in found.sanctions] == [expected]
    assert all(s.statement_type == "threaten" for s in found.statements if expected[1] == "threaten")


def test_an_official_s_clip_in_a_broadcast_transcript_is_their_statement_in_the_office_its_label_gives():
    summary = by_rules(
        "Iran seizes tanker\n\nTHE EVENING DESK\n\nAired June 9, 2028 - 18:00 ET\n\n"
        "JANE ROWE, MNN ANCHOR: Good evening. Iran seized a tanker today.\n\n"
        "TOM BELL, MNN SENIOR CORRESPONDENT: Officials here are furious.\n\n(BEGIN VIDEO CLIP)\n\n"
        "ELLEN MARSH, U.S. SECRETARY OF STATE: They have nothing to do with Iran's quarrel with the world.\n\n"
        "(END VIDEO CLIP)\n\nBELL (voice-over): Within hours, the Treasury acted.\n\nROWE: Thank you, Tom.\n"
    )
    assert [(s.speaker, s.role) for s in summary.statements] == [("Ellen Marsh", "U.S. Secretary of State")]


def test_a_chat_export_s_messages_are_dated_by_their_stamps_and_relay_what_others_said():
    summary = by_rules(
        "WhatsApp Chat - Gulf desk\n"
        "[05/06/2028, 07:41] Gulf desk: Messages and calls are end-to-end encrypted.\n"
        "[05/06/2028, 07:42] Gulf desk: Lena Okafor added Dariush Kamali, Priya Raman and Tom Whitcombe\n"
        "[05/06/2028, 07:52] Dariush Kamali: Tasnim ran an IRGC Navy statement late last night. It says the tanker "
        'was "seized for smuggling fuel" and warns that any vessel that violates Iranian waters will be stopped\n'
        "[05/06/2028, 09:05] Dariush Kamali: Just spoke to the deputy FM, Hamid Zarandi. He says the crew are in good "
        "health and will call their families\n"
        "[05/06/2028, 09:06] Lena Okafor: On record?\n"
    )
    got = [(s.speaker, s.role, s.cue) for s in summary.statements]
    assert got == [("IRGC Navy", None, "says"), ("IRGC Navy", None, "warns"), ("Hamid Zarandi", "deputy FM", "says")]
    assert summary.statements[-1].said_on == date(2028, 6, 5)


def test_a_company_s_pasted_statement_confirms_in_the_present():
    found = one_paragraph("Stellaris Tankers confirms that the Marisol Star was boarded by Iranian forces at dawn.")
    assert [(s.speaker, s.cue) for s in found.statements] == [("Stellaris Tankers", "confirms")]


def test_a_count_s_targets_may_be_described_by_two_joined_words():
    found = one_paragraph("The Treasury announced sanctions against five security and intelligence leaders in Yemen.")
    assert [a.target_count for a in found.sanctions] == [5]
    split = one_paragraph("The Treasury designated six companies, one executive and three tankers.")
    assert [a.target_count for a in split.sanctions] == [10]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'The minister for the Middle East and North Africa said today: "The parties must negotiate now."',
            ("the minister for the Middle East and North Africa", "said"),
        ),
        (
            "Foreign office minister Jane Orme has issued a statement affirming the decision to list Houthi leaders.",
            ("Jane Orme", "affirming"),
        ),
        (
            'Karim Nasser explained, in a statement published by the news agency "Saba", that "this step must be '
            'followed by further measures."',
            ("Karim Nasser", "explained"),
        ),
    ],
)
def test_an_office_of_a_field_speaks_as_itself_and_a_statement_s_carrier_is_no_part_of_it(sentence, expected):
    found = one_paragraph(sentence).statements
    assert [(s.speaker, s.cue) for s in found] == [expected]
    assert not found[0].content.startswith("in a statement")


def test_a_table_s_count_cell_gives_its_total_before_the_parts_in_parentheses():
    summary = by_rules(
        "Sanctions tracker\n\nWeek of 14-20 December 2026\n\n"
        "| Date | Authority | Action | Targets | Programme |\n| --- | --- | --- | --- | --- |\n"
        "| 17 Dec | OFAC (U.S. Treasury) | Designation | 4 (Basra-based Al-Nahr Bank and 3 executives) for moving "
        "dollars to the IRGC-QF | E.O. 13224 |\n"
    )
    assert [a.target_count for a in summary.sanctions] == [4]


def test_counts_in_the_teens_are_read_and_a_power_granted_is_no_action():
    counted = one_paragraph("Later, the Office of Foreign Assets Control sanctioned eighteen major Iranian banks.")
    assert [a.target_count for a in counted.sanctions] == [18]
    empowered = one_paragraph(
        "The Secretary identified the financial sector under Executive Order 13902, which authorizes Treasury to "
        "sanction any Iranian financial institution."
    )
    assert empowered.sanctions == []
