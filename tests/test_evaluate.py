"""Scoring engine: exact scores for known perturbations, order invariance, bootstrap, regression gate.

Gold objects are built here by hand (not read from evals/gold, which is being labelled) so every
expected number below can be worked out on paper; the arithmetic is in the comment next to it.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from summarizer.evaluate import (
    FIELDS,
    KINDS,
    Report,
    bootstrap_ci,
    check,
    load_gold,
    load_predictions,
    load_thresholds,
    paired_bootstrap,
    print_report,
    score,
    to_markdown,
    to_table,
)
from summarizer.evaluate.compare import compare
from summarizer.evaluate.normalise import Names, norm, norm_date, token_f1
from summarizer.models import Bulletin, Gold, OverviewPoint, Provenance, Sanction, Statement, Summary, Target

from .conftest import make_evidence

# --- hand-built gold ----------------------------------------------------------------------------

SPAN = make_evidence("span")


# Every gold statement has all 12 scored fields non-null: 3 statements = 36 gold fields.
S1 = Statement(
    speaker="Esmail Qa'ani",
    role="Commander of the Quds Force",
    affiliation="IRGC",
    cue="warned",
    content="the United States will pay a heavy price for its crimes",  # 11 words
    quote_type="indirect",
    statement_type="threaten",
    target="the United States",
    said_on=date(2020, 3, 20),
    cited_outlet="Tasnim",
    cited_date=date(2020, 3, 20),
    section="Iraq",
    evidence=SPAN,
)
S2 = Statement(
    speaker="Hassan Rouhani",
    role="President",
    affiliation="Iran",
    cue="called on",
    content="the international community to lift the sanctions on Iran",
    quote_type="indirect",
    statement_type="demand_appeal",
    target="the international community",
    said_on=date(2020, 3, 18),
    cited_outlet="IRNA",
    cited_date=date(2020, 3, 18),
    section="Coronavirus",
    evidence=SPAN,
)
S3 = Statement(
    speaker="Ali Khamenei",
    role="Supreme Leader",
    affiliation="Iran",
    cue="stated",
    content='"the Americans are the enemy and they lie"',
    quote_type="direct",
    statement_type="accuse_condemn",
    target="the Americans",
    said_on=date(2020, 3, 22),
    cited_outlet="Khamenei.ir",
    cited_date=date(2020, 3, 22),
    section="Coronavirus",
    evidence=SPAN,
)
# All 11 scored sanction fields non-null.
X1 = Sanction(
    authority="U.S. Treasury Department",
    issuing_country="United States",
    action="designate",
    announced_on=date(2020, 3, 26),
    target_count=20,
    targets=[Target(name="Mahan Air", kind="entity"), Target(name="Naser Faraji", kind="individual")],
    target_countries=["Iran", "Iraq"],
    reasons=["financing the IRGC-QF", "smuggling oil"],
    programs=["SDGT", "E.O. 13224"],
    beneficiaries=["IRGC-QF"],
    cited_outlet="Treasury",
    evidence=SPAN,
)
OPTIONAL = Statement(
    speaker="Syrian opposition sources",
    content="dozens of militia members died of the coronavirus in Deir ez-Zor",
    evidence=SPAN,
)
O1 = OverviewPoint(
    text="Iran's leadership accused the United States of exploiting the coronavirus crisis.", evidence=SPAN
)
O2 = OverviewPoint(text="The U.S. imposed new sanctions on Iranian entities.", evidence=SPAN)
BULLETIN = Bulletin(
    title="Spotlight on Iran",
    publisher="Meir Amit Center",
    period_start=date(2020, 3, 15),
    period_end=date(2020, 3, 22),
    editor="Raz Zimmt",
)
TRUMP = (
    Statement(  # hallucinated: 6 non-null scored fields (speaker, cue, content, quote_type, statement_type, said_on)
        speaker="Donald Trump",
        cue="said",
        content="Iran is behaving very badly",
        statement_type="accuse_condemn",
        said_on=date(2020, 3, 21),
        evidence=make_evidence("span", status="ungrounded"),
    )
)


def gold_doc(aliases: list[list[str]] | None = None) -> Gold:
    return Gold(
        bulletin=BULLETIN,
        overview=[O1, O2],
        statements=[S1, S2, S3],
        sanctions=[X1],
        provenance=Provenance(backend="gold"),
        aliases=aliases or [],
        optional_statements=[OPTIONAL],
    )


def pred_of(gold: Gold, **update: object) -> Summary:
    """The gold as a prediction, with some lists replaced."""
    data = {k: getattr(gold, k) for k in ("bulletin", "overview", "statements", "sanctions")}
    data.update(update)
    return Summary(provenance=Provenance(backend="test"), **data)  # type: ignore[arg-type]


def run(pred: Summary, gold: Gold | None = None) -> Report:
    return score({"d1": gold or gold_doc()}, {"d1": pred}, resamples=50)


def field_f1(report: Report, kind: str, field: str, level: str = "strict") -> float:
    return getattr(report.types[kind].fields[field], level).f1


# --- normalisation ------------------------------------------------------------------------------


def test_norm_folds_transliteration_case_and_punctuation() -> None:
    assert norm("Kata'ib  Ḥizballāh") == "kataib hizballah"
    assert norm("U.S. Treasury") == norm("US treasury") == "us treasury"
    assert norm("“Al-Quds”, E.O. 13224") == "al quds eo 13224"
    assert norm("ＩＲＧＣ") == "irgc"  # NFKC: full-width letters
    assert norm(None) == ""


def test_norm_date_to_iso() -> None:
    assert norm_date(date(2020, 4, 2)) == "2020-04-02"
    assert norm_date("April 2, 2020") == norm_date("2 April 2020") == norm_date("2020-04-02") == "2020-04-02"
    assert norm_date(None) is None


def test_names_resolve_through_aliases_before_fuzzy() -> None:
    names = Names([["Esmail Qa'ani", "Ismail Qaani", "Esmail Ghaani"], ["Qasem Soleimani", "Ghasem Soleimani"]])
    assert names.resolve("Ismail  QAANI") == "esmail qaani"
    assert names.sim("Esmail Ghaani", "Ismail Qaani") == 1.0
    assert names.sim("Esmail Qaani", "Qasem Soleimani") == 0.0  # two known, different people
    # Without the table the same spellings only reach Jaro-Winkler 0.88 < the 0.9 gate.
    assert Names().sim("Esmail Qa'ani", "Ismail Qaani") == pytest.approx(0.8838, abs=1e-4)


def test_a_leading_article_is_no_part_of_a_name() -> None:
    assert Names().sim("the United Kingdom", "United Kingdom") == 1.0
    assert Names([["the European Union", "EU"]]).sim("European Union", "EU") == 1.0
    assert compare("names", ["the Treasury Department"], ["Treasury Department"]) == (1.0, 1.0)
    assert Names().sim("the Hague", "Hague") == 1.0 and Names().resolve("The") == "the"  # an article alone stays


def test_compare_list_fields_are_sets() -> None:
    assert compare("names", ["Mahan Air", "Naser Faraji"], ["naser faraji", "MAHAN AIR"]) == (1.0, 1.0)
    # set F1 = 2*1/(2+1) = 2/3, strict fails
    assert compare("set", ["SDGT", "E.O. 13224"], ["SDGT"]) == (0.0, pytest.approx(2 / 3))
    # reasons pair by token overlap: "financing irgc qf" (3) vs "financing the irgc qf" (4): 2*3/7 = 6/7
    assert compare("reasons", ["financing the IRGC-QF"], ["financing IRGC-QF"]) == (0.0, pytest.approx(6 / 7))


# --- exact scores for known perturbations -------------------------------------------------------


def test_gold_against_itself_scores_one_everywhere() -> None:
    gold = gold_doc()
    report = run(pred_of(gold), gold)
    for kind in KINDS:
        ts = report.types[kind]
        for prf in (ts.record, ts.strict, ts.lenient):
            assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
        for field in FIELDS[kind]:
            assert field_f1(report, kind, field) == field_f1(report, kind, field, "lenient") == 1.0
        assert ts.outcomes.partial == ts.outcomes.missed == ts.outcomes.spurious == 0
        for metric in ("record_f1", "strict_f1", "lenient_f1"):
            assert (report.ci[f"{kind}.{metric}"].low, report.ci[f"{kind}.{metric}"].high) == (1.0, 1.0)
    assert report.types["statements"].outcomes.correct == 3
    assert report.types["statements"].strict.n_gold == 36  # 3 statements x 12 non-null fields
    assert report.types["sanctions"].strict.n_gold == 11
    assert set(report.bulletin.values()) == {1.0}
    assert report.grounding["all"].rate == 1.0
    assert report.diffs() == []


def test_dropped_statement() -> None:
    report = run(pred_of(gold_doc(), statements=[S1, S2]))
    st_ = report.types["statements"]
    # record: tp 2, predicted 2, gold 3 -> P = 2/2 = 1, R = 2/3, F1 = 2*2/(2+3) = 0.8
    assert (st_.record.precision, st_.record.recall, st_.record.f1) == (1.0, pytest.approx(2 / 3), pytest.approx(0.8))
    # fields: 24 correct of 24 predicted, gold 36 -> P 1, R 24/36 = 2/3, F1 = 2*24/(24+36) = 0.8
    assert (st_.strict.tp, st_.strict.n_pred, st_.strict.n_gold) == (24, 24, 36)
    assert st_.strict.f1 == pytest.approx(0.8)
    assert field_f1(report, "statements", "speaker") == pytest.approx(0.8)  # 2*2/(2+3)
    assert st_.outcomes.model_dump() == {"correct": 2, "partial": 0, "missed": 1, "spurious": 0, "ignored": 0}
    [diff] = report.diffs()
    assert (diff.kind, diff.type, diff.item.startswith("Ali Khamenei")) == ("missed", "statements", True)
    assert diff.gold["said_on"] == "2020-03-22"


def test_wrong_date() -> None:
    wrong = S1.model_copy(update={"said_on": date(2020, 3, 21)})
    bulletin = BULLETIN.model_copy(update={"period_end": date(2020, 3, 23)})
    report = run(pred_of(gold_doc(), statements=[wrong, S2, S3], bulletin=bulletin))
    st_ = report.types["statements"]
    assert st_.record.f1 == 1.0  # still the same statement: 3 of 3 matched
    # said_on: 2 correct of 3 predicted, 3 gold -> P = R = F1 = 2/3; dates are exact in lenient mode too
    assert field_f1(report, "statements", "said_on") == pytest.approx(2 / 3)
    assert field_f1(report, "statements", "said_on", "lenient") == pytest.approx(2 / 3)
    # all fields: 35 correct of 36 -> 35/36
    assert st_.strict.f1 == pytest.approx(35 / 36)
    assert st_.outcomes.model_dump() == {"correct": 2, "partial": 1, "missed": 0, "spurious": 0, "ignored": 0}
    [diff] = report.diffs()
    assert (diff.kind, diff.field, diff.gold, diff.predicted) == ("wrong", "said_on", "2020-03-20", "2020-03-21")
    assert report.bulletin["period_end"] == 0.0  # 0 of 1 documents
    assert report.bulletin["period_start"] == 1.0


def test_sanction_date_within_window_matches_beyond_does_not() -> None:
    near = X1.model_copy(update={"announced_on": date(2020, 3, 27)})  # 1 day off: same action, wrong field
    report = run(pred_of(gold_doc(), sanctions=[near]))
    sa = report.types["sanctions"]
    assert sa.record.f1 == 1.0
    assert sa.strict.f1 == pytest.approx(10 / 11)  # 10 of 11 fields correct
    assert field_f1(report, "sanctions", "announced_on") == 0.0

    far = X1.model_copy(update={"announced_on": date(2020, 3, 30)})  # 4 days > 3: a different action
    report = run(pred_of(gold_doc(), sanctions=[far]))
    sa = report.types["sanctions"]
    # record: tp 0 of 1 predicted, 1 gold -> F1 0; fields: 0 correct, 11 predicted, 11 gold
    assert (sa.record.f1, sa.strict.tp, sa.strict.n_pred, sa.strict.n_gold) == (0.0, 0, 11, 11)
    assert (sa.outcomes.missed, sa.outcomes.spurious) == (1, 1)


def test_transliterated_name_resolved_by_alias_table() -> None:
    gold = gold_doc(aliases=[["Esmail Qa'ani", "Ismail Qaani", "Esmail Ghaani"]])
    report = run(pred_of(gold, statements=[S1.model_copy(update={"speaker": "Ismail Qaani"}), S2, S3]), gold)
    st_ = report.types["statements"]
    # the alias table makes "Ismail Qaani" the same name: everything is exact
    assert (st_.record.f1, st_.strict.f1, st_.lenient.f1) == (1.0, 1.0, 1.0)
    assert field_f1(report, "statements", "speaker") == 1.0


def test_transliterated_name_not_in_aliases_fails_the_speaker_gate() -> None:
    report = run(pred_of(gold_doc(), statements=[S1.model_copy(update={"speaker": "Ismail Qaani"}), S2, S3]))
    st_ = report.types["statements"]
    # JW(esmail qaani, ismail qaani) = 0.88 < 0.9: S1 is missed and the prediction is spurious.
    # record: tp 2 of 3 predicted, 3 gold -> P = R = F1 = 2/3
    assert st_.record.f1 == pytest.approx(2 / 3)
    # fields: 24 correct; predicted 36 (24 + 12 of the spurious item); gold 36 -> 2/3
    assert (st_.strict.tp, st_.strict.n_pred, st_.strict.n_gold) == (24, 36, 36)
    assert st_.outcomes.model_dump() == {"correct": 2, "partial": 0, "missed": 1, "spurious": 1, "ignored": 0}


def test_close_spelling_above_gate_gets_lenient_credit() -> None:
    report = run(pred_of(gold_doc(), statements=[S1, S2.model_copy(update={"speaker": "Hasan Rouhani"}), S3]))
    # "hassan rouhani" (14) vs "hasan rouhani" (13): 13 matches, 0 transpositions,
    # Jaro = (13/14 + 13/13 + 13/13)/3 = 41/42; common prefix "has" = 3:
    # JW = 41/42 + 3*0.1*(1 - 41/42) = 41.3/42 = 59/60 >= 0.9, so the statements pair.
    assert report.types["statements"].record.f1 == 1.0
    assert field_f1(report, "statements", "speaker") == pytest.approx(2 / 3)  # strict: 2 of 3
    assert field_f1(report, "statements", "speaker", "lenient") == pytest.approx((2 + 59 / 60) / 3)
    assert report.types["statements"].lenient.f1 == pytest.approx((35 + 59 / 60) / 36)


def test_paraphrased_content_gets_token_overlap_credit() -> None:
    short = S1.model_copy(update={"content": "the United States will pay a heavy price"})  # 8 words, all in gold's 11
    report = run(pred_of(gold_doc(), statements=[short, S2, S3]))
    # token F1 = 2*8/(8+11) = 16/19; content lenient = (2 + 16/19)/3 = 18/19; strict = 2/3
    assert field_f1(report, "statements", "content") == pytest.approx(2 / 3)
    assert field_f1(report, "statements", "content", "lenient") == pytest.approx(18 / 19)
    assert token_f1(short.content, S1.content) == pytest.approx(16 / 19)


def test_sanction_list_fields() -> None:
    pred = X1.model_copy(update={"reasons": ["financing IRGC-QF", "smuggling oil"], "programs": ["SDGT"]})
    report = run(pred_of(gold_doc(), sanctions=[pred]))
    # reasons: strict 0; lenient soft set F1 = 2*(6/7 + 1)/(2 + 2) = 13/14
    assert field_f1(report, "sanctions", "reasons") == 0.0
    assert field_f1(report, "sanctions", "reasons", "lenient") == pytest.approx(13 / 14)
    # programs: {sdgt} vs {sdgt, eo 13224}: strict 0, lenient set F1 = 2*1/(1+2) = 2/3
    assert field_f1(report, "sanctions", "programs", "lenient") == pytest.approx(2 / 3)
    # fields overall: 9 of 11 strict; lenient (9 + 13/14 + 2/3)/11
    assert report.types["sanctions"].strict.f1 == pytest.approx(9 / 11)
    assert report.types["sanctions"].lenient.f1 == pytest.approx((9 + 13 / 14 + 2 / 3) / 11)
    assert report.types["sanctions"].outcomes.partial == 1


def test_reordered_lists_score_one() -> None:
    gold = gold_doc()
    sanction = X1.model_copy(
        update={
            "targets": X1.targets[::-1],
            "reasons": X1.reasons[::-1],
            "programs": X1.programs[::-1],
            "target_countries": X1.target_countries[::-1],
        }
    )
    report = run(pred_of(gold, overview=[O2, O1], statements=[S3, S1, S2], sanctions=[sanction]), gold)
    assert all(v == 1.0 for v in report.headline().values())
    assert report.diffs() == []


def test_hallucinated_extra_statement() -> None:
    report = run(pred_of(gold_doc(), statements=[S1, S2, S3, TRUMP]))
    st_ = report.types["statements"]
    # record: tp 3 of 4 predicted, 3 gold -> P = 3/4, R = 1, F1 = 2*3/(4+3) = 6/7
    assert (st_.record.precision, st_.record.recall) == (0.75, 1.0)
    assert st_.record.f1 == pytest.approx(6 / 7)
    # fields: 36 correct, 36 + 6 = 42 predicted, 36 gold -> P = 6/7, R = 1, F1 = 72/78 = 12/13
    assert (st_.strict.tp, st_.strict.n_pred, st_.strict.n_gold) == (36, 42, 36)
    assert st_.strict.f1 == pytest.approx(12 / 13)
    assert field_f1(report, "statements", "role") == 1.0  # Trump has no role: no predicted role to be wrong
    assert field_f1(report, "statements", "speaker") == pytest.approx(6 / 7)  # 2*3/(4+3)
    assert st_.outcomes.spurious == 1
    # grounding is apart from precision: statements 3 of 4 grounded; all items 6 of 2 + 4 + 1 = 7
    assert report.grounding["statements"].rate == 0.75
    assert report.grounding["all"].rate == pytest.approx(6 / 7)
    [diff] = report.diffs()
    assert (diff.kind, diff.predicted["speaker"]) == ("spurious", "Donald Trump")


def test_missing_field_in_a_matched_prediction() -> None:
    report = run(pred_of(gold_doc(), statements=[S1.model_copy(update={"role": None}), S2, S3]))
    # role: 2 correct, 2 predicted (S1's is null), 3 gold -> P = 1, R = 2/3, F1 = 2*2/(2+3) = 0.8
    role = report.types["statements"].fields["role"].strict
    assert (role.precision, role.recall, role.f1) == (1.0, pytest.approx(2 / 3), pytest.approx(0.8))
    # all fields: 35 correct, 35 predicted, 36 gold -> F1 = 70/71
    assert report.types["statements"].strict.f1 == pytest.approx(70 / 71)
    [diff] = report.diffs()
    assert (diff.field, diff.gold, diff.predicted) == ("role", "Commander of the Quds Force", None)


def test_better_of_two_duplicate_predictions_takes_the_gold_item() -> None:
    stale = S3.model_copy(update={"said_on": date(2020, 3, 1)})
    for order in ([S1, S2, stale, S3], [S1, S2, S3, stale]):
        st_ = run(pred_of(gold_doc(), statements=order)).types["statements"]
        # the exact copy wins the tie on content; the stale copy is spurious (12 predicted fields)
        # fields: 36 correct, 48 predicted, 36 gold -> F1 = 72/84 = 6/7
        assert st_.outcomes.model_dump() == {"correct": 3, "partial": 0, "missed": 0, "spurious": 1, "ignored": 0}
        assert st_.strict.f1 == pytest.approx(6 / 7)


def test_prediction_matching_optional_gold_is_ignored() -> None:
    vague = OPTIONAL.model_copy(update={"content": "dozens of militia members died of the coronavirus"})
    report = run(pred_of(gold_doc(), statements=[S1, S2, S3, vague]))
    st_ = report.types["statements"]
    assert (st_.record.f1, st_.strict.f1, st_.record.n_pred) == (1.0, 1.0, 3)
    assert (st_.outcomes.ignored, st_.outcomes.spurious) == (1, 0)


def test_document_without_prediction_is_all_missed() -> None:
    gold = gold_doc()
    report = score({"d1": gold, "d2": gold}, {"d1": pred_of(gold), "x": pred_of(gold)}, resamples=50)
    st_ = report.types["statements"]
    # tp 3, predicted 3, gold 6 -> P 1, R 1/2, F1 = 2*3/(3+6) = 2/3
    assert (st_.record.precision, st_.record.recall, st_.record.f1) == (1.0, 0.5, pytest.approx(2 / 3))
    assert report.missing_predictions == ["d2"]
    assert report.extra_predictions == ["x"]
    assert report.bulletin["title"] == 0.5  # 1 of 2 documents
    assert [d.doc for d in report.documents] == ["d1", "d2"]
    assert report.documents[1].types["statements"].record.f1 == 0.0


# --- order invariance ---------------------------------------------------------------------------


def _fingerprint(report: Report) -> dict[str, object]:
    out: dict[str, object] = dict(report.headline())
    for kind in KINDS:
        ts = report.types[kind]
        out[f"{kind}.outcomes"] = ts.outcomes.model_dump()
        for field, fs in ts.fields.items():
            out[f"{kind}.{field}"] = (fs.strict.model_dump(), fs.lenient.model_dump())
    return out


_DEGRADED = [
    S1.model_copy(update={"said_on": date(2020, 3, 21), "content": "the United States will pay a heavy price"}),
    S2.model_copy(update={"speaker": "Hasan Rouhani", "cue": "urged"}),
    TRUMP,
    S2.model_copy(update={"content": "the sanctions on Iran must be lifted now"}),  # a duplicate-ish rival for S2
    # two copies of S3 as good as each other (one wrong field each): which one is matched must not
    # depend on the order of the list
    S3.model_copy(update={"said_on": date(2020, 3, 1)}),
    S3.model_copy(update={"cue": "said"}),
]
_SANCTIONS = [
    X1.model_copy(update={"reasons": ["smuggling oil"], "programs": ["E.O. 13224", "SDGT", "IFSR"]}),
    X1.model_copy(update={"authority": "U.S. State Department", "announced_on": date(2020, 3, 27)}),
]


@settings(max_examples=40, deadline=None)
@given(
    gold_st=st.permutations([S1, S2, S3]),
    pred_st=st.permutations(_DEGRADED),
    pred_ov=st.permutations([O2, O1]),
    pred_sa=st.permutations(_SANCTIONS),
    reasons=st.permutations(X1.reasons),
    targets=st.permutations(X1.targets),
)
def test_shuffling_lists_never_changes_scores(gold_st, pred_st, pred_ov, pred_sa, reasons, targets) -> None:
    gold = gold_doc()
    baseline = score({"d1": gold}, {"d1": pred_of(gold, statements=_DEGRADED, sanctions=_SANCTIONS)}, resamples=20)
    shuffled_gold = gold.model_copy(
        update={"statements": gold_st, "sanctions": [X1.model_copy(update={"reasons": reasons, "targets": targets})]}
    )
    shuffled = score(
        {"d1": shuffled_gold},
        {"d1": pred_of(gold, statements=pred_st, overview=pred_ov, sanctions=pred_sa)},
        resamples=20,
    )
    assert _fingerprint(shuffled) == _fingerprint(baseline)


# --- statistics and the regression gate ---------------------------------------------------------


def _corpus(n: int = 20, degraded: int = 0) -> tuple[dict[str, Gold], dict[str, Summary]]:
    """``n`` copies of the gold document; the first ``degraded`` predictions miss S3 and add a hallucination."""
    gold = gold_doc()
    golds = {f"d{i:02d}": gold for i in range(n)}
    preds = {
        stem: pred_of(gold, statements=[S1, S2, TRUMP]) if i < degraded else pred_of(gold)
        for i, stem in enumerate(golds)
    }
    return golds, preds


def test_paired_bootstrap_detects_a_clear_drop_and_not_an_identical_run() -> None:
    golds, perfect = _corpus()
    _, worse = _corpus(degraded=15)
    base = score(golds, perfect)
    same = score(golds, perfect)
    bad = score(golds, worse)
    drop = paired_bootstrap(bad, base, "statements.record_f1")
    # 15 docs: tp 2 of 3 predicted; 5 docs: 3 of 3 -> tp 45, predicted 60, gold 60 -> F1 0.75
    assert drop.value == pytest.approx(0.75)
    assert drop.delta == pytest.approx(-0.25)
    assert drop.high < 0 and drop.worse
    flat = paired_bootstrap(same, base, "statements.record_f1")
    assert (flat.delta, flat.low, flat.high, flat.worse) == (0.0, 0.0, 0.0, False)
    # the bootstrap interval of a degraded run straddles its point estimate and is seeded
    ci = bad.ci["statements.record_f1"]
    assert ci.low < 0.75 < ci.high
    assert score(golds, worse).ci["statements.record_f1"] == ci
    assert bootstrap_ci(bad, "statements.record_f1") == ci


def test_check_against_baseline_names_documents_and_fields() -> None:
    golds, perfect = _corpus()
    _, worse = _corpus(degraded=15)
    base = score(golds, perfect)
    assert check(score(golds, perfect), {}, base) == []
    failures = check(score(golds, worse), {}, base)
    record = next(f for f in failures if f.startswith("statements.record_f1 fell"))
    assert "d00 (1.00→0.67)" in record  # per document: 2*2/(3+3)
    assert "d19" not in record  # not degraded
    assert "speaker (strict F1" in record
    assert not any(f.startswith("sanctions.") for f in failures)


def test_check_flags_score_under_floor(tmp_path) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text(
        "[statements]\nrecord_f1 = 0.9\n[statements.fields]\nspeaker = 0.6\ncontent = { lenient_f1 = 0.5 }\n"
        "[bulletin]\ntitle = 1.0\n[grounding]\nall = 0.5\n"
    )
    floors = load_thresholds(path)
    assert floors == {
        "statements.record_f1": 0.9,
        "statements.fields.speaker.strict_f1": 0.6,
        "statements.fields.content.lenient_f1": 0.5,
        "bulletin.title": 1.0,
        "grounding.all": 0.5,
    }
    report = run(pred_of(gold_doc(), statements=[S1, S2]))  # record F1 0.8, speaker strict F1 0.8
    assert check(report, floors) == ["statements.record_f1 = 0.800 is under its floor 0.900"]
    assert check(run(pred_of(gold_doc())), floors) == []


@pytest.mark.parametrize(
    "text",
    ["[statements]\nrecord_f2 = 0.5\n", "[statement]\nrecord_f1 = 0.5\n", "[sanctions.fields]\nspeaker = 0.5\n"],
)
def test_thresholds_reject_unknown_keys(tmp_path, text: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match="unknown"):
        load_thresholds(path)


# --- report, rendering, I/O, speed --------------------------------------------------------------


def test_report_round_trips_through_json_and_serves_as_baseline() -> None:
    report = run(pred_of(gold_doc(), statements=[S1, S2, TRUMP]))
    loaded = Report.model_validate_json(report.model_dump_json())
    assert loaded.headline() == report.headline()
    assert loaded.diffs() == report.diffs()
    assert check(report, {}, loaded) == []


def test_markdown_and_rich_rendering() -> None:
    golds, perfect = _corpus(n=5)
    _, worse = _corpus(n=5, degraded=5)
    base, bad = score(golds, perfect), score(golds, worse)
    md = to_markdown(bad, baseline=base)
    row = next(line for line in md.splitlines() if line.startswith("| statements | **"))
    assert "| 0.667 | 0.667 | 0.667 [" in row  # record P/R/F1: tp 10 of 15 predicted, 15 gold
    assert "Compared with baseline" in md and "worse" in md
    assert "<details><summary>Field-level diffs (10)</summary>" in md  # 5 missed + 5 spurious
    assert "| d00 | statements | Donald Trump: Iran is behaving very badly | *spurious* |" in md
    table = to_table(bad, base)
    assert isinstance(table, Table) and table.row_count == 3
    buffer = io.StringIO()
    print_report(bad, base, console=Console(file=buffer, width=200))
    assert "speaker" in buffer.getvalue()


def test_load_gold_and_predictions(tmp_path) -> None:
    gold = gold_doc()
    (tmp_path / "a.gold.json").write_text(gold.model_dump_json())
    (tmp_path / "a.json").write_text(pred_of(gold).model_dump_json())
    golds, preds = load_gold(tmp_path), load_predictions(tmp_path)
    assert list(golds) == ["a"] and list(preds) == ["a"]
    assert score(golds, preds, resamples=10).types["statements"].record.f1 == 1.0
    (tmp_path / "b.json").write_text('{"bulletin": {}, "oops": 1}')
    with pytest.raises(ValueError) as info:
        load_predictions(tmp_path)
    assert any("b.json" in note for note in info.value.__notes__)


def _synthetic(n: int) -> tuple[dict[str, Gold], dict[str, Summary]]:
    """``n`` documents of 10 statements, 3 sanctions and 5 overview points; predictions perturbed."""
    golds, preds = {}, {}
    for i in range(n):
        statements = [
            S1.model_copy(
                update={
                    "speaker": f"Speaker {chr(65 + j)}{chr(65 + (i + j) % 26)} Person",
                    "content": f"statement {j} of document {i} about the {['war', 'virus', 'oil'][j % 3]} today",
                    "said_on": date(2020, 1, 1) + timedelta(days=j),
                }
            )
            for j in range(10)
        ]
        sanctions = [
            X1.model_copy(update={"authority": ["U.S. Treasury", "EU Council", "UK OFSI"][j], "target_count": j})
            for j in range(3)
        ]
        overview = [
            OverviewPoint(text=f"point {j} of bulletin {i} says something new", evidence=SPAN) for j in range(5)
        ]
        gold = Gold(
            bulletin=BULLETIN,
            overview=overview,
            statements=statements,
            sanctions=sanctions,
            provenance=Provenance(backend="gold"),
        )
        golds[f"doc{i:04d}"] = gold
        pred_statements = [*statements[1:], TRUMP]
        pred_statements[0] = pred_statements[0].model_copy(update={"said_on": None, "role": "Minister"})
        preds[f"doc{i:04d}"] = pred_of(gold, statements=pred_statements[::-1], overview=overview[::-1])
    return golds, preds


def test_scoring_1000_documents() -> None:
    """Micro-averaging over many documents (its speed is measured in benchmarks section 5, not here)."""
    golds, preds = _synthetic(1000)
    report = score(golds, preds)
    # per document: 9 of 10 statements matched, 1 spurious -> F1 = 2*9/(10+10) = 0.9
    assert report.types["statements"].record.f1 == pytest.approx(0.9)
    assert report.types["statements"].outcomes.spurious == 1000


def test_a_section_s_number_is_no_part_of_its_heading_when_scored():
    assert compare("heading", "2. IRAQ", "IRAQ") == (1.0, 1.0)
    assert compare("heading", "1.2 Findings", "Findings") == (1.0, 1.0)
    assert compare("heading", "IRAQ", "3. RED SEA")[0] == 0.0
