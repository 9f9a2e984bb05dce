"""The deterministic backend: fills the whole contract from the document model without any model.

It is the baseline every LLM backend must beat and the scaffold the LLM backend builds on: it finds
*where* statements and sanctions are (cue verbs, appositions, authorities), and the model only answers
narrow questions about spans it found.
"""

from __future__ import annotations

from datetime import date

from ..models import OverviewPoint, Sanction, Statement
from ..segment import Document, Section, Sentence
from .dating import REMARKS, remarks_day
from .listings import listings
from .overview import overview
from .sanctions import OWN_ACTION, actions, bulleted, complete_sanctions, sanction, table_action
from .speakers import (
    LEAD_IN,
    Context,
    Person,
    affiliation,
    case_parties,
    delegated,
    is_panel,
    titled,
    turn_speaker,
)
from .statements import (
    CUE_RE,
    CUES,
    GENERIC,
    Cue,
    ListLead,
    adds_to_list,
    aim_at_issuers,
    answer,
    attributed_quote,
    authored,
    content_at,
    find_statements,
    first_person,
    headline_tense,
    left_open,
    list_item,
    list_lead,
    operative,
    passive_statement,
    plausible,
    posted_quote,
    quote_goes_on,
    reporting_cue,
    resolving_body,
    says_enough,
    signed_quote,
    statement,
    statement_type,
    table_row,
    terse_statements,
    voice,
)
from .words import MANNER, is_name, is_role


def _header_title(doc: Document, section: Section) -> str:
    """The line of the header that titles an untitled first section: the page's own heading under its masthead
    ("Comment by the Information and Press Department on ...")."""
    start = section.paragraphs[0].start if section.paragraphs else 0
    lines = [line.strip() for line in doc.text[:start].split("\n") if line.strip()]
    return lines[-1] if lines else ""


def extract(doc: Document) -> tuple[list[OverviewPoint], list[Statement], list[Sanction]]:
    """Every overview point, statement and sanctions action the rules can see."""
    statements: list[Statement] = []
    sanctions: list[Sanction] = []
    intros = {id(p.lead[0]) for p in doc.paragraphs if p.lead is not None}
    people: list[Person] = []  # a surname points back to its full name anywhere in the text
    defined = case_parties(doc.text)  # and a term a release defines ("the Company") its name, in any section
    we: Person | None = None  # who "we" are, once a joint statement says so
    named: dict[str, str] = {}  # a speaker described by office, and the name a later "X made the remarks" gives
    resolving = resolving_body(doc)  # "The European Parliament," over "1. Condemns ...": who resolves
    for section in doc.sections:
        ctx = Context(people, text=doc.text, defined=defined)  # a section tells one story: pronouns stay in it
        title = section.title or (_header_title(doc, section) if section is doc.sections[0] else "")
        we = authored(title, ctx) or we  # "Statement by the Delegation of X": its "we" is X
        lead: ListLead | None = None
        quoting: Statement | None = None  # a statement whose quotation its paragraph leaves open
        for at, para in enumerate(section.paragraphs):
            ctx.new_paragraph()
            if len(para.sentences) == 1 and not para.text.rstrip().endswith((".", ":")):
                we = authored(para.text.strip(), ctx) or we  # a heading read as a paragraph: "Comment by X on ..."
            found_here: list[Statement] = []
            acted: list[Sentence] = []  # sentences that carry a sanctions action taken (a threat is also a statement)
            if para.asks:
                continue  # a journalist's question: whatever it quotes, no one states it here
            if para.cells is not None and "authority" in para.cells:
                action = table_action(doc, para)  # "| 2 Dec | OFAC | Designation | 12 ..., incl. X | E.O. 13846 |"
                sanctions.extend([action] if action is not None else [])
                continue
            if para.cells is not None:
                row = table_row(doc, para, ctx)  # "| 27 Nov | US Central Command | Said ... | CENTCOM |"
                statements.extend([row] if row is not None else [])
                continue
            following = section.paragraphs[at + 1].end if at + 1 < len(section.paragraphs) else para.end
            for sent in para.sentences:
                ctx.ahead = (sent.end, following)
                we = voice(sent, ctx) or we
                acts = actions(doc, para, sent, we and we.name, sanctions)
                found = find_statements(doc, para, sent, ctx) or first_person(doc, para, sent, we)
                found = found or (operative(doc, para, sent, resolving) if resolving is not None else [])
                found = found or passive_statement(doc, para, sent, ctx)
                if acts and id(para) in intros and sent is para.sentences[-1]:  # "... the following entities:"
                    acts = [bulleted(a, doc, para) for a in acts]
                if acts:
                    sanctions.extend(acts)
                    acted.extend([sent] if any(a.action != "threaten" for a in acts) else [])
                    # the announcement, or what the authority says it did, is the sanctions record itself
                    found = [s for s in found if s.cue != "announced" and not OWN_ACTION.match(s.content)]
                found_here.extend(found)
            if para.lead is not None and not found_here and lead is not None:
                item = list_item(doc, para, lead)  # a quotation under "X discussed A, B and C:"
                found_here = [item] if item is not None else []
            elif id(para) in intros:
                lead = list_lead(doc, para, ctx, we)
                found_here = [s for s in found_here if s.evidence.end < para.sentences[-1].start]
            elif (posted := posted_quote(doc, para, ctx, bool(acted))) is not None:
                found_here = [posted]  # a digest's post: the account's, whatever verbs the post itself holds
            elif para.turn is not None:
                spoken = answer(doc, para, found_here, acted)
                found_here = [*found_here, spoken] if spoken is not None else found_here  # besides others it reports
            elif (quoted := attributed_quote(doc, para, ctx)) is not None:
                found_here = [quoted]  # '- Iraqi Oil Minister X: "..."', whatever verbs the quotation itself holds
            elif not found_here and (terse := terse_statements(doc, para, ctx)):
                found_here = terse  # "Kataib Hezbollah: threatened to ..."
            elif not found_here and at + 1 < len(section.paragraphs):
                signed = signed_quote(doc, para, section.paragraphs[at + 1], ctx)  # '"..."' over '- Name, Office'
                found_here = [signed] if signed is not None else []
            if not found_here and quoting is not None and (longer := quote_goes_on(doc, quoting, para)) is not None:
                statements[statements.index(quoting)] = quoting = longer  # '"...' over '"...': one quotation
                quoting = quoting if left_open(doc, quoting) else None
                continue
            statements.extend(found_here)
            quoting = found_here[-1] if found_here and left_open(doc, found_here[-1]) else None
            made = REMARKS.match(para.sentences[0].flat) if para.sentences else None  # "X made the remarks ..."
            day = remarks_day(doc, para) if made is not None else None
            if day is not None:
                statements[:] = _dated_remarks(statements, day)
            if made is not None and is_name(made["who"]) and statements and statements[-1].speaker.startswith("the "):
                named[statements[-1].speaker] = made["who"]  # "The ... spokesman condemned ...": whom it named
        sanctions.extend(listings(doc, section))  # a list's lead over its entries: "The following ... added to"
    complete_sanctions(doc, sanctions)
    offices = {named[s.speaker]: s.role for s in statements if s.speaker in named and s.role}
    statements = [
        _named(s, named[s.speaker]) if s.speaker in named else _office_of(s, offices.get(s.speaker)) for s in statements
    ]
    return overview(doc), aim_at_issuers(statements, sanctions), sanctions


def _named(statement: Statement, name: str) -> Statement:
    """A statement by a speaker the story named only by office ("The Iranian Foreign Ministry spokesman condemned
    ..."), as the named person's once the story says who made the remarks ("Nasser Kanaani made the remarks ...")."""
    return statement.model_copy(update={"speaker": name, "speaker_canonical": name})


def _office_of(statement: Statement, office: str | None) -> Statement:
    """A statement by a person the story first named only by office ("The Foreign Ministry spokesman condemned ...
    Nasser Kanaani made the announcement ... Kanaani said"), with that office where the sentence gave none."""
    if office is None or statement.role is not None:
        return statement
    return statement.model_copy(update={"role": office})


def _dated_remarks(statements: list[Statement], day: date) -> list[Statement]:
    """The last speaker's undated statements before "He made the remarks ... on Tuesday", dated that day."""
    out = list(statements)
    speaker = out[-1].speaker if out else None
    for i in range(len(out) - 1, -1, -1):
        if out[i].speaker != speaker:
            break
        if out[i].said_on is None:
            out[i] = out[i].model_copy(update={"said_on": day})
    return out


__all__ = [
    "CUES",
    "CUE_RE",
    "GENERIC",
    "LEAD_IN",
    "MANNER",
    "Cue",
    "ListLead",
    "Person",
    "adds_to_list",
    "affiliation",
    "content_at",
    "delegated",
    "extract",
    "headline_tense",
    "is_panel",
    "is_role",
    "list_item",
    "plausible",
    "reporting_cue",
    "sanction",
    "says_enough",
    "statement",
    "statement_type",
    "titled",
    "turn_speaker",
]
