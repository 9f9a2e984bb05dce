"""Model-led extraction: chunking, the verification of what a model reads, and the merge with the rules."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from summarizer import extract, ingest, merge, rules
from summarizer.extract import Candidates, chunks, verify
from summarizer.extract.model import ChunkReading
from summarizer.extract.refine import _accept_target
from summarizer.pipeline import summarize_async
from summarizer.segment import Document, segment

from .conftest import make_evidence, make_statement
from .fakeserver import FakeOpenAI, noncommittal, tool

WIRE = """Border talks stall as Baghdad rejects new terms

AMMAN, June 3, 2025 (Gulf Wire) - Iraqi Foreign Minister Hadi al-Sarraf
told reporters on Tuesday that Baghdad would not accept the new
terms. The New York Times said the Pentagon had ordered new
patrols. Treasury officials said the network supplied drones to the
Houthis.

The minister held talks with his Jordanian counterpart, Omar Nasser.

The U.S. Treasury Department sanctioned two companies, Blue Reef
Trading and Delta Star Shipping, for moving oil for the IRGC.
"""

BULLETS = """Ministry briefing

At his weekly briefing, Foreign Ministry spokesman Omar al-Khatib made the following points:

- "The embassy will reopen once it is in writing."
- On Syria: "Our forces will stay as long as they are needed."
"""


def _doc(text: str) -> Document:
    return segment(ingest.from_text(text, "wire.txt"))


def _said(line: int, speaker: str, cue: str, role: str | None = None, target: str | None = None) -> dict[str, Any]:
    return {"line": line, "speaker": speaker, "role": role, "cue": cue, "target": target}


def _imposed(
    line: int, authority: str, action: str, targets: list[str] | None = None, count: int | None = None
) -> dict[str, Any]:
    return {"line": line, "authority": authority, "action": action, "targets": targets or [], "target_count": count}


def _read(doc: Document, reading: dict[str, Any], where: str) -> tuple[Candidates, dict[str, int]]:
    """Verify a reading of the chunk whose passage contains ``where``."""
    rejected: dict[str, int] = {}
    (chunk,) = [c for c in chunks.chunks(doc) if where in c.passage]
    return verify.records(doc, chunk, ChunkReading.model_validate(reading), rejected), rejected


def test_a_verified_statement_is_built_like_the_rules_build_theirs() -> None:
    doc = _doc(WIRE)
    reading = {
        "statements": [_said(1, "Hadi al-Sarraf", "told", "Foreign Minister")],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "told reporters")
    said = {s.speaker: s for s in found.statements}["Hadi al-Sarraf"]
    assert said.role == "Foreign Minister" and said.cue == "told"
    assert said.content.startswith("Baghdad would not accept")
    assert said.evidence.text == doc.text[said.evidence.start : said.evidence.end]
    assert "\n" in said.evidence.text  # the hard-wrapped sentence, as it stands in the text
    assert said.said_on is not None and said.said_on.isoformat().endswith("-06-03")
    assert not rejected


def test_the_known_failure_modes_are_rejected() -> None:
    doc = _doc(WIRE)
    reading = {
        "statements": [
            _said(2, "The New York Times", "said"),  # an outlet
            _said(3, "Treasury officials", "said"),  # an unnamed source
            _said(3, "Houthis", "said"),  # the allegation's subject
            _said(1, "Hadi al-Sarraf", "held talks with"),  # not speech
            _said(1, "Ali Shamkhani", "said"),  # nobody in the text
            _said(9, "Hadi al-Sarraf", "told"),  # no such line
        ],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "told reporters")
    assert found.statements == []
    assert rejected == {
        "speaker is an outlet or an unnamed source": 2,
        "speaker is not the verb's subject": 1,
        "verb is not a reporting verb": 1,
        "speaker not in the text": 1,
        "line not in the passage": 1,
    }


def test_a_sanction_takes_the_targets_the_text_names() -> None:
    doc = _doc(WIRE)
    targets = ["Blue Reef Trading", "Delta Star Shipping", "IRGC", "Iran's"]
    imposed = _imposed(1, "The U.S. Treasury Department", "designate", targets, 2)
    announcement = _said(1, "U.S. Treasury Department", "sanctioned")
    found, rejected = _read(doc, {"statements": [announcement], "sanctions": [imposed]}, "Blue Reef")
    assert found.statements == [] and rejected == {"verb is not a reporting verb": 1}  # the action is no statement
    (action,) = found.sanctions
    assert action.authority == "U.S. Treasury Department" and action.issuing_country == "United States"
    names = {t.name for t in action.targets}
    assert {"Blue Reef Trading", "Delta Star Shipping"} <= names and "Iran's" not in names
    assert action.target_count == 2
    demand = _imposed(1, "Hadi al-Sarraf", "designate")
    _, rejected = _read(doc, {"statements": [], "sanctions": [demand]}, "told reporters")
    assert rejected == {"no imposing verb after the authority": 1}


def test_an_introduction_and_its_bullets_are_one_chunk_and_each_bullet_one_statement() -> None:
    doc = _doc(BULLETS)
    (chunk,) = [c for c in chunks.chunks(doc) if len(c.paragraphs) > 1]
    assert len(chunk.paragraphs) == 3 and chunk.passage.count("] - ") == 2
    reading = {
        "statements": [
            _said(2, "Omar al-Khatib", "made the following points"),
            _said(3, "Omar al-Khatib", "made the following points"),
        ],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "On Syria")
    assert [s.speaker for s in found.statements] == ["Omar al-Khatib", "Omar al-Khatib"]
    assert found.statements[1].evidence.text.startswith("On Syria:")
    assert not rejected


def test_the_model_reads_only_what_the_rules_left_unread() -> None:
    doc = _doc(WIRE)
    every = [c for c in chunks.chunks(doc) if c.unread([])]
    _, statements, sanctions = rules.extract(doc)
    spans = [(r.evidence.start, r.evidence.end) for r in [*statements, *sanctions]]
    assert statements and sanctions
    left = [s for c in chunks.chunks(doc) for s in c.unread(spans)]
    assert len(left) < sum(len(c.unread([])) for c in every)
    assert all(not any(a < s.end and s.start < b for a, b in spans) for s in left)


def test_hearsay_is_not_worth_a_reading_and_read_lines_are_context() -> None:
    doc = _doc(WIRE)
    (chunk,) = [c for c in chunks.chunks(doc) if "told reporters" in c.passage]
    unread = [s.flat for s in chunk.unread([])]
    assert len(unread) == 1 and "told reporters" in unread[0]  # not "The New York Times said", "officials said"
    first = chunk.sentences[0]
    left = chunk.after([(first.start, first.end)])
    assert left.unread([(first.start, first.end)]) == []
    assert left.passage.startswith("    Iraqi Foreign Minister") and "\n[1] The New York Times" in left.passage
    assert left.line(1) == (chunk.paragraphs[0], chunk.sentences[1]) and left.line(3) is None


def test_merge_keeps_the_first_extractors_fields_and_fills_its_gaps() -> None:
    span = make_evidence("Salami warned the United States.", 10)
    ruled = make_statement(speaker="Hossein Salami", role=None, target="the United States", evidence=span)
    read = make_statement(speaker="Salami", role="IRGC Commander", target="Washington", evidence=span)
    elsewhere = make_statement(speaker="Ali Fadavi", content="other words", evidence=make_evidence("Fadavi said.", 90))
    statements, _ = merge.combine([("rules", [ruled], []), ("model", [read, elsewhere], [])])
    first, added = statements
    assert (first.speaker, first.role, first.target) == ("Hossein Salami", "IRGC Commander", "the United States")
    assert first.origin is not None and first.origin.extractors == ["rules", "model"]
    assert first.origin.fields == {"role": "model"}
    assert added.origin is not None and added.origin.extractors == ["model"]


def test_model_led_end_to_end_through_an_openai_compatible_server(openai_env: str) -> None:
    """The model's statement the rules missed reaches the summary, marked as the model's, and counted."""
    text = (
        "Talks\n\nHadi al-Sarraf, three hours into a long meeting with the visiting delegation late on Monday night, "
        "wrote that the embassy would reopen next week.\n"
    )
    answer = {"statements": [_said(1, "Hadi al-Sarraf", "wrote")], "sanctions": []}

    def reply(body: dict[str, Any]) -> Any:
        if body["tools"][0]["function"]["name"] == "ChunkReading":
            return tool(answer)
        return noncommittal(body)

    ticks: list[tuple[int, int]] = []
    with FakeOpenAI(responder=reply) as server:
        summary = asyncio.run(
            summarize_async(
                text=text, backend="openai", base_url=server.base_url, model="m", progress=lambda *t: ticks.append(t)
            )
        )
    assert summary.provenance.strategy == "model-led"
    assert ticks == [(1, 1)]  # one chunk left unread by the rules, read once
    by_model = [s for s in summary.statements if s.origin and s.origin.extractors[0] == "model"]
    rules_alone = [s.speaker for s in rules.extract(segment(ingest.from_text(text)))[1]]
    assert "Hadi al-Sarraf" not in rules_alone
    assert [s.speaker for s in by_model] == ["Hadi al-Sarraf"]
    assert summary.provenance.questions["statements"].accepted == 1
    assert summary.provenance.questions["chunks"].asked == 1


def test_an_unusable_answer_skips_its_chunk_and_warns(openai_env: str) -> None:
    """An answer that fails validation twice costs the chunk, not the bulletin: the rules' records stand."""
    text = "Talks\n\nThe embassy would reopen next week, wrote Hadi al-Sarraf in a post on Monday.\n"

    def reply(body: dict[str, Any]) -> Any:
        if body["tools"][0]["function"]["name"] == "ChunkReading":
            return tool({"statements": "none", "sanctions": 3})
        return noncommittal(body)

    with FakeOpenAI(responder=reply) as server:
        summary = asyncio.run(summarize_async(text=text, backend="openai", base_url=server.base_url, model="m"))
    assert summary.provenance.questions["chunks"].asked == 1
    assert summary.provenance.questions["chunks"].accepted == 0
    assert any("chunk(s) not read by the model" in w and "failed validation" in w for w in summary.provenance.warnings)


def test_a_missing_list_and_a_malformed_item_cost_only_that_item(openai_env: str) -> None:
    """A small model writing JSON freely leaves out "sanctions" or misnames an action: the items that validate are
    still read, without a re-ask, and the dropped one is counted as a rejection."""
    text = (
        "Talks\n\nHadi al-Sarraf, three hours into a long meeting with the visiting delegation late on Monday night, "
        "wrote that the embassy would reopen next week.\n"
    )
    answer = {"statements": [_said(1, "Hadi al-Sarraf", "wrote"), {"line": 1, "speaker": "Hadi al-Sarraf"}]}
    calls: list[int] = []

    def reply(body: dict[str, Any]) -> Any:
        if body["tools"][0]["function"]["name"] == "ChunkReading":
            calls.append(1)
            return tool(answer)
        return noncommittal(body)

    with FakeOpenAI(responder=reply) as server:
        summary = asyncio.run(summarize_async(text=text, backend="openai", base_url=server.base_url, model="m"))
    assert len(calls) == 1  # no re-ask
    assert [s.speaker for s in summary.statements if s.origin and s.origin.extractors[0] == "model"] == [
        "Hadi al-Sarraf"
    ]
    assert not any("not read by the model" in w for w in summary.provenance.warnings)
    with pytest.raises(ValueError):  # a list that is not a list is still no answer
        ChunkReading.model_validate({"statements": "none"})
    assert ChunkReading.model_validate({"sanctions": [{"line": 1, "authority": "EU", "action": "froze"}]}).dropped == 1


def test_an_action_the_rules_read_without_targets_gets_the_targets_the_model_names(openai_env: str) -> None:
    """One narrow question per target-less action; only names the sentence writes are kept, read by the rules."""
    text = (
        "Oil listings\n\nLONDON, Nov 3 (Harbour Wire) - Britain imposed sanctions on Tuesday on two targets over the "
        "shipment of Iranian oil to the Houthis, the Sharjah-based Pars Anchor Marine Services and its Iranian owner, "
        "Reza Kamali. The listings freeze their assets in Britain.\n"
    )
    (ruled,) = rules.extract(segment(ingest.from_text(text)))[2]
    assert ruled.targets == []  # what the model is asked to mend
    asked: list[dict[str, Any]] = []

    def reply(body: dict[str, Any]) -> Any:
        if body["tools"][0]["function"]["name"] == "Listed":
            asked.append(body)
            return tool({"targets": ["Pars Anchor Marine Services", "Reza Kamali", "Omar Haddad"]})
        return noncommittal(body)

    with FakeOpenAI(responder=reply) as server:
        summary = asyncio.run(summarize_async(text=text, backend="openai", base_url=server.base_url, model="m"))
    assert len(asked) == 1 and "The listings freeze" in asked[0]["messages"][-1]["content"]  # the next sentence too
    (action,) = summary.sanctions
    assert [(t.name, t.country) for t in action.targets] == [
        ("Pars Anchor Marine Services", "United Arab Emirates"),  # "the Sharjah-based", as the rules read it
        ("Reza Kamali", "Iran"),  # the description the model left out ("its Iranian owner"), read all the same
    ]  # and no "Omar Haddad", whom the text never names
    assert action.target_countries == ["United Arab Emirates", "Iran"]
    assert action.origin is not None and action.origin.extractors == ["rules", "model"]
    assert action.origin.fields["targets"] == "model"
    assert summary.provenance.questions["targets"].accepted == 1


def _with_strategy(strategy: str, text: str, base_url: str) -> Any:
    """The summary of ``text`` by a model at ``base_url`` used with ``strategy``, nothing cached."""
    from summarizer.llm import LLM, LLMConfig

    async def run() -> Any:
        config = LLMConfig(backend="openai", base_url=base_url, model="m", strategy=strategy, use_cache=False)
        async with LLM(config) as llm:
            return await summarize_async(text=text, backend="openai", llm=llm)

    return asyncio.run(run())


def test_an_unusable_narrow_answer_keeps_the_rules_reading_and_warns(openai_env: str) -> None:
    """Refine-only: a role answer that fails validation twice costs that answer, not the bulletin."""
    text = "Talks\n\nHadi al-Sarraf said the embassy would reopen next week after the repairs were finished.\n"

    def reply(body: dict[str, Any]) -> Any:
        if body["tools"][0]["function"]["name"] == "RoleAnswer":
            return tool({"role": ["not", "a", "string"]})
        return noncommittal(body)

    with FakeOpenAI(responder=reply) as server:
        summary = _with_strategy("refine-only", text, server.base_url)
    assert [(s.speaker, s.role) for s in summary.statements] == [("Hadi al-Sarraf", None)]
    assert summary.provenance.questions["role"].accepted == 0
    assert any("answer(s) unusable" in w for w in summary.provenance.warnings)


def test_every_strategy_a_model_config_accepts_is_in_the_strategy_table() -> None:
    from typing import get_args

    from summarizer.llm import LLMConfig

    named = set(get_args(get_args(LLMConfig.model_fields["strategy"].annotation)[0]))
    assert named == set(extract.STRATEGIES) - {"rules"}
    local = {name: LLMConfig(backend="local", strategy=name) for name in named}
    assert {name for name, config in local.items() if config.output_mode == "md_json"} == {"model-led"}


RELEASE = """Treasury targets drone suppliers

Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is sanctioning two firms, Blue Reef
Trading and Delta Star Shipping, for supplying drone engines to the IRGC.

"These networks arm Tehran's drone program," said Under Secretary of the Treasury for Terrorism and Financial
Intelligence Mara Quist. Kataeb Hezbollah said in a statement that the strikes would be answered. It vowed to
retaliate "at a time of our choosing." Forty sailors were detained, according to Lena Hart, a spokeswoman for the
port authority.
"""


def test_the_line_bears_out_a_misread_verb_an_office_after_the_verb_and_a_bodys_pronoun() -> None:
    doc = _doc(RELEASE)
    _, _, sanctions = rules.extract(doc)
    assert [s.authority for s in sanctions] and sanctions[0].target_count == 2  # "is sanctioning" imposes
    reading = {
        "statements": [
            _said(1, "Mara Quist", "said", "Under Secretary of the Treasury"),  # the name after a long office
            _said(3, "Mara Quist", "vowed"),  # "It" is the body's pronoun, not the person's named before
            _said(3, "Kataeb Hezbollah", "vowed"),
            _said(4, "Lena Hart", "told"),  # the model's verb is wrong; the line's "according to" is right
        ],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "Mara Quist")
    said = {(s.speaker, s.cue): s for s in found.statements}
    assert said[("Mara Quist", "said")].content.startswith('"These networks arm')
    assert said[("Kataeb Hezbollah", "vowed")].content.startswith("to retaliate")
    assert said[("Lena Hart", "according to")].content == "Forty sailors were detained"
    assert ("Mara Quist", "vowed") not in said and rejected == {"speaker is not the verb's subject": 1}


def test_the_schema_the_model_reads_is_compact_and_still_a_grammar_and_a_validator() -> None:
    import json

    schema = ChunkReading.model_json_schema()
    text = json.dumps(schema)
    assert "$ref" not in text and "$defs" not in text and "default" not in text
    said = schema["properties"]["statements"]["items"]
    assert said["properties"]["role"] == {"type": ["string", "null"]}
    assert "title" not in said and schema["title"] == "ChunkReading"  # tool calling names the function after it
    grammar = pytest.importorskip("llama_cpp.llama_grammar")
    assert "sanctions-item" in grammar.json_schema_to_gbnf(text)  # llama.cpp can still constrain to it
    answer = ChunkReading.model_validate_json(
        '{"statements": [{"line": 1, "speaker": "X", "cue": "said", "role": null}], '
        '"sanctions": [{"line": 2, "authority": "Canada", "action": "designate"}]}'
    )
    assert answer.sanctions[0].targets == [] and answer.statements[0].target is None


OFFICE = """Greece calls Red Sea attack piracy

ATHENS, October 20, 2026 (Meridian) - "An attack on a merchant ship
is piracy," said Foreign Minister Alexandros Mavridis. A Western
diplomat in Brussels, speaking on condition of anonymity, said several
member states were reluctant to act.

The talks ended late on Tuesday without a statement.
"""


def test_an_office_run_into_the_speaker_is_the_role_and_an_indefinite_speaker_is_unnamed() -> None:
    reading = {
        "statements": [
            _said(1, "Foreign Minister Alexandros Mavridis", "said"),
            _said(2, "Western diplomat in Brussels", "said"),  # the model trimmed the "A"
        ],
        "sanctions": [],
    }
    found, rejected = _read(_doc(OFFICE), reading, "Mavridis")
    assert [(s.speaker, s.role) for s in found.statements] == [("Alexandros Mavridis", "Foreign Minister")]
    assert rejected == {"speaker is an outlet or an unnamed source": 1}


def test_an_adverb_before_the_models_verb_is_no_part_of_it() -> None:
    doc = _doc(WIRE)
    reading = {"statements": [_said(1, "Hadi al-Sarraf", "also told", "Foreign Minister")], "sanctions": []}
    found, rejected = _read(doc, reading, "told reporters")
    assert [s.cue for s in found.statements] == ["told"] and not rejected


def test_a_pronoun_after_an_opening_setting_refers_to_the_speaker_named_before() -> None:
    doc = _doc(
        "Broker profile\n\nBehrouz Sadeghi-Rad did not answer questions sent to his office in Dubai. In a rare "
        "interview with a business weekly in 2022, he described himself as a simple trader who pays his taxes.\n"
    )
    reading = {"statements": [_said(2, "Sadeghi-Rad", "described")], "sanctions": []}
    found, rejected = _read(doc, reading, "rare interview")
    assert [s.speaker for s in found.statements] == ["Behrouz Sadeghi-Rad"] and not rejected


def test_a_delegate_the_model_names_by_office_speaks_for_the_country() -> None:
    doc = _doc("Council meeting\n\nThe representative of Iraq said that his Government had arrested four suspects.\n")
    reading = {"statements": [_said(1, "representative of Iraq", "said")], "sanctions": []}
    found, _ = _read(doc, reading, "four suspects")
    assert [(s.speaker, s.role, s.affiliation) for s in found.statements] == [("Iraq", "representative", "Iraq")]


def test_a_sanction_s_authority_must_be_the_subject_of_its_verb() -> None:
    doc = _doc(
        "Exchange house listed\n\nJune 3, 2025\n\nThe exchange house, based on Hamra Street in Beirut, Lebanon, "
        "moved funds for the group for years until the U.S. Treasury designated it on Tuesday.\n"
    )
    place = _imposed(1, "Lebanon", "designate", ["SAL"], 1)
    found, rejected = _read(doc, {"statements": [], "sanctions": [place]}, "Hamra Street")
    assert found.sanctions == [] and rejected == {"no imposing verb after the authority": 1}
    treasury = {**place, "authority": "U.S. Treasury", "targets": []}
    found, _ = _read(doc, {"statements": [], "sanctions": [treasury]}, "Hamra Street")
    assert [s.authority for s in found.sanctions] == ["U.S. Treasury"]


def test_a_statement_a_question_quotes_is_refused() -> None:
    doc = _doc(
        "Interview\n\nNovember 19, 2026\n\n"
        "Interviewer: Foreign Minister Kourosh Vahedi said on Saturday that Iran still wants diplomacy. Is that so?\n\n"
        "Farahmandi: There is no contradiction between his words and ours at all.\n\n"
        "Interviewer: Thank you, Admiral.\n\n"
        "Farahmandi: Thank you for having me on the programme.\n"
    )
    said = _said(1, "Kourosh Vahedi", "said", "Foreign Minister")
    found, rejected = _read(doc, {"statements": [said], "sanctions": []}, "Vahedi")
    assert found.statements == [] and rejected == {"a question states nothing": 1}


def test_a_name_in_the_possessive_is_not_the_subject_and_a_paper_is_an_outlet() -> None:
    doc = _doc(
        "Update\n\nNovember 26, 2026\n\nThe institute assesses that Saberi's warning is aimed at a domestic audience "
        "that has criticized the IRGC for failing to respond.\n\nThe paper argued that the government's silence was "
        "being read as weakness in Brussels.\n"
    )
    found, rejected = _read(doc, {"statements": [_said(1, "Saberi", "criticized")], "sanctions": []}, "Saberi")
    assert found.statements == [] and rejected == {"speaker is not the verb's subject": 1}
    found, rejected = _read(doc, {"statements": [_said(1, "The paper", "argued")], "sanctions": []}, "argued")
    assert found.statements == [] and rejected == {"speaker is an outlet or an unnamed source": 1}


UNLISTED = """Talks in Tehran

Foreign Minister Kaveh Sadri bemoaned on Monday that the European parties had "walked away from every promise". \
Sadri arranged the sale of the cargo to a buyer in Fujairah later that week. The envoy decided that the talks \
would resume.
"""


def test_a_verb_the_lexicon_lacks_is_speech_only_with_a_that_clause_or_a_quotation() -> None:
    doc = _doc(UNLISTED)
    (chunk,) = [c for c in chunks.chunks(doc) if "bemoaned" in c.passage]
    [unread] = chunk.unread([])  # worth a model's reading; "decided that" is not
    assert "bemoaned" in unread.flat
    reading = {
        "statements": [
            _said(1, "Kaveh Sadri", "bemoaned", "Foreign Minister"),  # a verb no cue list has, with a that-clause
            _said(2, "Sadri", "arranged"),  # no that-clause, no quotation: no speech
            _said(2, "Kaveh Sadri", "decided"),  # a verb of deciding: no speech
        ],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "bemoaned")
    [said] = found.statements
    assert (said.speaker, said.cue, said.role) == ("Kaveh Sadri", "bemoaned", "Foreign Minister")
    assert said.content.startswith("the European parties had")
    assert rejected == {"verb reports nothing": 1, "verb is not a reporting verb": 1}


def test_a_described_subject_after_an_opening_phrase_is_the_speaker_named_before() -> None:
    text = (
        "Talks\n\nKaveh Sadri spoke by phone with his Iraqi counterpart Qasim al-Bayati on Monday evening about the "
        "fighting in the south. Referring to the situation in Lebanon, the Iraqi foreign minister noted that Baghdad "
        "would send a fresh shipment of aid next week.\n"
    )
    doc = _doc(text)
    reading = {"statements": [_said(2, "Qasim al-Bayati", "noted", "Iraqi foreign minister")], "sanctions": []}
    found, rejected = _read(doc, reading, "Referring to")
    assert [(s.speaker, s.cue) for s in found.statements] == [("Qasim al-Bayati", "noted")] and not rejected


def test_imposing_costs_is_no_sanctions_action_even_beside_the_word_sanctions() -> None:
    text = (
        "Tanker seized\n\nThe IRGC Navy seized the tanker Aurora Bay near Abu Musa Island on Sunday. Analysts assess "
        "that the IRGC seized the Aurora Bay to impose costs on shipping in response to the sanctions.\n"
    )
    doc = _doc(text)
    imposed = _imposed(2, "IRGC", "threaten", ["Aurora Bay"])
    found, rejected = _read(doc, {"statements": [], "sanctions": [imposed]}, "impose costs")
    assert found.sanctions == [] and rejected == {"no imposing verb after the authority": 1}


def test_a_headline_s_present_tense_is_refused_as_the_rules_refuse_it() -> None:
    doc = _doc(
        "Monitoring digest\n\nMarch 4, 2026\n\n"
        "Selected reports from the Lebanese media, translated from Arabic by the service.\n\n"
        "Hezbollah MP says resistance will not disarm 'under fire'\n\n"
        "Hezbollah MP Kamel Haidar said at a rally in Tyre that the resistance would keep its weapons.\n"
    )
    said = _said(1, "Hezbollah MP", "says")  # the headline, as a model offered it
    found, rejected = _read(doc, {"statements": [said], "sanctions": []}, "[1] Hezbollah MP says")
    assert found.statements == [] and rejected == {"a headline's present tense": 1}


def test_a_verb_with_its_subject_accused_or_a_listing_is_no_statement_and_a_colon_ends_the_speaker_s_clause() -> None:
    doc = _doc(
        "Banks\n\nAsharq Al-Awsat, citing Iraqi banking sources: Washington is preparing new restrictions on dollar "
        "transfers by five Iraqi private banks accused of moving money for Iran-backed factions. The Council added "
        "two entities to the list of persons subject to restrictive measures. The minister was accused of lying to "
        "parliament about the contracts. Fuad Hussein accused the banks of moving money for the factions.\n"
    )
    reading = {
        "statements": [
            _said(1, "Asharq Al-Awsat", "accused"),
            _said(2, "Council", "added"),
            _said(3, "minister", "accused"),
            _said(4, "Fuad Hussein", "accused"),
        ],
        "sanctions": [],
    }
    found, rejected = _read(doc, reading, "Asharq")
    assert [(s.speaker, s.cue) for s in found.statements] == [("Fuad Hussein", "accused")]
    assert (
        rejected.get("speaker is not the verb's subject", 0) + rejected.get("verb is passive or lists targets", 0) == 3
    )


def test_a_turn_s_first_person_is_whoever_has_the_floor_and_he_is_never_a_phrase() -> None:
    doc = _doc(
        "Department Press Briefing - May 3, 2026\n\nSpokesperson Gregory Halversen\n\n"
        "MR. HALVERSEN: Good afternoon. As a result of the strike, the ferries stopped. We warned the Ferry Board "
        "last week that the levy would fail.\n\n"
        "QUESTION: Did you warn them?\n"
    )
    (chunk,) = [c for c in chunks.chunks(doc) if "We warned" in c.passage]
    assert "MR. HALVERSEN: Good afternoon." in chunk.passage  # the model sees who has the floor
    said = _said(2, "MR. HALVERSEN", "warned")
    found, _ = _read(doc, {"statements": [said], "sanctions": []}, "We warned")
    assert [(s.speaker, s.cue, s.content) for s in found.statements] == [
        ("Gregory Halversen", "warned", "the levy would fail"),
    ]
    doc = _doc(
        "Meeting\n\nMay 3, 2026\n\nAs a result, Director Ana Brill said the ferries had stopped. He went on to say "
        "that the inspectors stood ready to return.\n"
    )
    said = _said(2, "As a result", "went on to say")
    found, rejected = _read(doc, {"statements": [said], "sanctions": []}, "went on to say")
    assert found.statements == [] and rejected == {"speaker is not a name": 1}


def test_a_name_a_sentence_end_parts_from_the_verb_is_not_its_subject() -> None:
    """A caption kept whole inside its quotation marks: "Officials said" is not the ambassadors' saying."""
    doc = _doc(
        "Listing agreed\n\n"
        "The photograph's caption ran: \"Flags in Brussels, where the Harbour Council agreed the listings on "
        "Wednesday. "
        'Officials said the package had been ready since January."\n'
    )
    found, rejected = _read(doc, {"statements": [_said(1, "Harbour Council", "said")]}, "Officials")
    assert not found.statements and rejected == {"speaker is not the verb's subject": 1}


def test_a_kind_of_people_is_no_speaker() -> None:
    doc = _doc("Update\n\nHuman rights organizations have reported that at least 70 citizens were detained in March.\n")
    found, rejected = _read(doc, {"statements": [_said(1, "Human rights organizations", "reported")]}, "Human rights")
    assert not found.statements and rejected == {"speaker is an outlet or an unnamed source": 1}


def test_a_body_s_panel_is_a_speaker_where_experts_of_no_body_are_not() -> None:
    text = "Update\n\nGENEVA (4 May 2027) - UN experts today called on the port council to lift the ferry blockade.\n"
    found, rejected = _read(_doc(text), {"statements": [_said(1, "UN experts", "called on")]}, "UN experts")
    assert [s.speaker for s in found.statements] == ["UN experts"] and not rejected
    plain = text.replace("UN experts", "Experts")
    found, rejected = _read(_doc(plain), {"statements": [_said(1, "Experts", "called on")]}, "Experts")
    assert not found.statements and rejected == {"speaker is an outlet or an unnamed source": 1}


def test_a_running_total_of_past_actions_is_no_action_the_model_can_add() -> None:
    text = (
        "Listings announced\n\nThe Foreign Office listed two drone suppliers on Monday. With this action, Britain has "
        "sanctioned more than 150 Iranian persons and entities since 2022.\n"
    )
    doc = _doc(text)
    total = _imposed(2, "Britain", "designate", count=150)
    found, rejected = _read(doc, {"statements": [], "sanctions": [total]}, "more than 150")
    assert found.sanctions == [] and rejected == {"no imposing verb after the authority": 1}


def test_a_threat_takes_no_target_from_its_speaker_an_earlier_paragraph_or_a_source_tag() -> None:
    text = (
        "Chronology\n\nThe crew of the tanker Aster Dawn are still held by the IRGC Navy.\n\n"
        'Foreign Secretary Alistair Penhaligon said London would "go after the facilitators" and would sanction '
        "Iraqi banks that handled the group's funds. [FCDO]\n"
    )
    doc = _doc(text)
    threat = _imposed(1, "London", "threaten", ["Alistair Penhaligon", "FCDO", "Aster Dawn", "IRGC Navy"])
    found, _ = _read(doc, {"statements": [], "sanctions": [threat]}, "go after")
    (action,) = found.sanctions
    assert (action.authority, action.action, action.targets) == ("London", "threaten", [])


@pytest.mark.parametrize(
    ("sentence", "speaker", "verb", "speaks"),
    [
        (
            "A senior administration official told me the Navy is reviewing escort options.",
            "Iran's Foreign Ministry",
            "told",
            False,
        ),
        ("Underwriters said rates for a seven-day call had risen.", "Lloyd's List", "said", False),
        ("He said the Navy is reviewing escort options.", "Laleh Moradi", "said", True),
        ("Moradi, the port director, said the Navy is reviewing escort options.", "Moradi", "said", True),
    ],
)
def test_a_speaker_named_for_an_unattributed_sentence_must_be_its_verb_s_subject(sentence, speaker, verb, speaks):
    context = "Port director Laleh Moradi spoke in Bandar Abbas. Iran's Foreign Ministry issued a statement."
    assert verify.attributed(sentence, context, speaker, verb) is speaks


@pytest.mark.parametrize(
    ("target", "kept"),
    [("the European Union", True), ("The U.S. Treasury rejected Soltani's account", False), ("U.S. Treasury", False)],
)
def test_a_refined_target_is_an_addressee_apart_from_the_speaker_never_the_sentence_copied_back(target, kept):
    statement = make_statement(speaker="U.S. Treasury", content="the account was false")
    assert _accept_target(statement, target) is kept
