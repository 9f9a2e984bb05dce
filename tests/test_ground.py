from summarizer.ground import ground
from summarizer.models import Grounding, Statement

from .conftest import make_evidence, make_statement

TEXT = 'Abbas Heydarnia said the American forces in Iraq "are living on borrowed time".'


def statement(target: str | None) -> Statement:
    return make_statement(
        speaker="Abbas Heydarnia",
        speaker_canonical="Abbas Heydarnia",
        cue="said",
        content='the American forces in Iraq "are living on borrowed time"',
        target=target,
        evidence=make_evidence(TEXT),
    )


def test_a_known_actor_is_grounded_by_any_of_its_mentions():
    tally = Grounding()
    kept = ground([statement("the United States"), statement("Iraq")], TEXT, tally)
    assert [s.target for s in kept] == ["the United States", "Iraq"]
    assert (tally.exact, tally.dropped) == (2, 0)


def test_an_addressee_the_text_never_mentions_is_dropped_and_what_was_said_kept():
    tally = Grounding()
    kept = ground([statement("Russia"), statement("Vladimir Putin")], TEXT, tally)
    assert [(s.speaker, s.target) for s in kept] == [("Abbas Heydarnia", None)] * 2
    assert tally.dropped == 0


def test_a_speaker_the_text_never_mentions_is_dropped():
    tally = Grounding()
    invented = statement(None).model_copy(update={"speaker": "Vladimir Putin"})
    assert ground([invented], TEXT, tally) == []
    assert tally.dropped == 1


def test_a_name_hyphenated_at_a_line_end_is_grounded_whole():
    text = "Iran's Foreign Minister, Hamid Sadr-\nzadeh, said the talks were over."
    tally = Grounding()
    said = make_statement(
        speaker="Hamid Sadrzadeh", cue="said", content="the talks were over", evidence=make_evidence(text)
    )
    assert [s.speaker for s in ground([said], text, tally)] == ["Hamid Sadrzadeh"]
    assert ground([said.model_copy(update={"speaker": "Hamid Sadrzad"})], text, Grounding()) == []
