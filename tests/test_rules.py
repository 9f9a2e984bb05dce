from datetime import date

import pytest

from summarizer import summarize

from .helpers import BULLETINS, SAMPLE


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
