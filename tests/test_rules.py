from datetime import date

import pytest

from summarizer import Summary, summarize
from summarizer.ingest import from_text

from .helpers import BULLETINS, SAMPLE


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
