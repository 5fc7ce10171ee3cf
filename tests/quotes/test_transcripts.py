"""Transcripts: each speaker-labelled turn is a quotation of the label's person."""

from __future__ import annotations

from reader.documents.model import Document
from reader.quotes import analyse
from reader.quotes.attribution import attribute
from reader.quotes.extraction import extract_quotes, transcript_turns
from reader.quotes.model import UNNAMED, Quote
from reader.quotes.names import split_name


def make(*paragraphs: str) -> Document:
    return Document(id="t", path="t.txt", body="\n\n".join(paragraphs))


def analysed(doc: Document) -> list[Quote]:
    quotes = extract_quotes(doc)
    attribute(doc, quotes)
    return quotes


HEARING = make(
    "Hearing on the harbour dredging contract, excerpt. Transcript by the committee clerk.",
    "CHAIR: The committee will come to order. We have one witness this morning.",
    "VANCE: Thank you. The dredging will not start before the spring tides, whatever the "
    'contract says. My engineers told me "not before April" and I believe them.',
    "CHAIR: Is that a promise to this committee?",
    "VANCE: It is a forecast, not a promise.",
    "HARBOUR RESIDENT (Tilda Marsh, ferry pilot): Nobody asked the pilots. We work that channel "
    "every day.",
    "Later, Commissioner Oren Vance of the Port Authority said the schedule would be published.",
)


def test_each_labelled_turn_is_one_quotation_and_what_it_quotes_in_marks_another() -> None:
    turns = extract_quotes(HEARING)
    assert [q.text[:28] for q in turns] == [
        "The committee will come to o",
        "Thank you. The dredging will",
        "not before April",
        "Is that a promise to this co",
        "It is a forecast, not a prom",
        "Nobody asked the pilots. We ",
    ]
    assert '"not before April"' in turns[1].text
    assert all(q.text == HEARING.body[q.start : q.end] for q in turns)


def test_a_turn_speaks_for_its_label_named_in_full_from_the_article() -> None:
    quotes = analysed(HEARING)
    assert quotes[1].speaker == "Oren Vance"
    assert quotes[4].speaker == "Oren Vance"
    assert quotes[1].attribution == "turn"
    assert (
        quotes[5].speaker == "Tilda Marsh"
    )  # the name in the label's note, not "Harbour Resident"


def test_what_a_turn_quotes_is_its_source_s_never_the_turn_s_speaker() -> None:
    show = make(
        "Podcast transcript. Presented by Mick Farrow, with Denise Okafor of the fans' trust.",
        "FARROW: Lucian Marchetti promised a lot on day one. He also said \u201cno decision on"
        " the ground without the fans\u201d.",
        "OKAFOR: He did. And a source close to the club told me, \u201cthe deal is done by"
        " Christmas.\u201d",
        "FARROW: Denise, you told the Post this week, \u201cWe want a golden share.\u201d",
        "OKAFOR: We do. I wrote, \u201cWe request sight of the loan\u201d, and had no answer.",
    )
    said = {q.text: q.speaker for q in analysed(show)}
    assert said["no decision on the ground without the fans"] == "Lucian Marchetti"
    assert said["the deal is done by Christmas."] == UNNAMED + "source"
    assert said["We want a golden share."] == "Denise Okafor"  # whom "you" calls out
    assert said["We request sight of the loan"] == "Denise Okafor"  # "I wrote": her own words
    assert said["We do. I wrote, \u201cWe request sight of the loan\u201d, and had no answer."] == (
        "Denise Okafor"
    )


def test_a_generic_label_names_nobody() -> None:
    quotes = analysed(HEARING)
    assert quotes[0].speaker is None  # CHAIR


def test_lone_labels_are_no_transcript() -> None:
    page = make(
        "UPDATE: The vote was moved to Thursday.",
        'WATCH: "We are ready," the mayor said on Monday.',
        "The council had met twice before.",
    )
    assert transcript_turns(page.body) == []
    quotes = analysed(page)
    assert [q.text for q in quotes] == ["We are ready"]
    assert quotes[0].speaker is None or "mayor" in (quotes[0].role or "").lower()


def test_question_and_answer_letters_are_not_speakers() -> None:
    interview = make(
        "Q: Will you run again?",
        "A: I have not decided whether to stand for a third term.",
        "Q: When will you decide?",
        "A: After the summer, once the budget has passed.",
    )
    quotes = analysed(interview)
    assert [q.text for q in quotes][1] == "I have not decided whether to stand for a third term."
    assert [q.speaker for q in quotes] == [None, None, None, None]


def test_an_interview_key_names_who_asks_and_who_answers() -> None:
    interview = make(
        "Mayor Ruth Calloway spoke to Dev Anand on Monday. Q is Dev Anand; A is Ruth Calloway.",
        "Q: Will you run again?",
        "A: I have not decided whether to stand for a third term.",
        "The budget comes first, and that will take until July.",
        "Q: When will you decide?",
        "A: After the summer, once the budget has passed.",
    )
    quotes = analysed(interview)
    answers = ["Ruth Calloway", "Ruth Calloway"]  # an answer goes on in the next paragraph
    assert [q.speaker for q in quotes] == ["Dev Anand", *answers, "Dev Anand", "Ruth Calloway"]
    assert quotes[2].text == "The budget comes first, and that will take until July."


def test_answers_with_no_key_are_the_person_the_title_names() -> None:
    interview = Document(
        id="t",
        path="t.txt",
        title="Interview: harbour pilot Tilda Marsh on the dredging",
        body="\n\n".join(
            (
                "Tilda Marsh has piloted ferries for thirty years. She spoke to Kai Olsen.",
                "Q: Why object now?",
                "A: Because nobody asked the pilots before the contract was signed.",
                "Q: And the schedule?",
                "A: The spring tides will decide that, not the committee.",
            )
        ),
    )
    quotes = analysed(interview)
    assert [q.speaker for q in quotes] == [None, "Tilda Marsh", None, "Tilda Marsh"]


def test_transcript_turns_link_to_the_same_words_quoted_in_a_report() -> None:
    report = Document(
        id="r",
        path="r.txt",
        body="Commissioner Oren Vance said the dredging \u201cwill not start before the spring "
        "tides, whatever the contract says,\u201d at a hearing on Tuesday.",
    )
    analysis = analyse([HEARING, report])
    quoted = analysis.quotes_of("r")[0]
    linked = {link.a if link.b == quoted.id else link.b for link in analysis.links_of(quoted.id)}
    assert "t:1" in linked


def test_a_sentence_opening_word_is_not_part_of_a_role() -> None:
    name, role = split_name(["But", "Councilmember", "Ray", "Hollis"])
    assert (name, role) == (["Ray", "Hollis"], ["Councilmember"])


BULLETIN = make(
    "Evening Bulletin, 6 p.m. Transcript.",
    "DANA WHITFIELD, ANCHOR: Good evening. Tonight the ferry strike enters its second week.",
    "Our reporter Luis Ortega is at the harbour.",
    "LUIS ORTEGA, CHANNEL 4 SENIOR CORRESPONDENT: Dana, the pickets have been here since dawn.",
    "The mood is tense but calm, and the union expects a long wait.",
    "(BEGIN VIDEO CLIP)",
    "MARTA KOVAC (VOICE-OVER): We are not going back until the rota is fixed.",
    "UNIDENTIFIED MALE: I just want to get to work.",
    "(END VIDEO CLIP)",
    "Commuters queued for buses instead.",
    "Earlier, the operator\u2019s chief said \u201ctalks resume on Friday\u201d in a statement.",
    "ORTEGA: Back to you in the studio.",
    "WHITFIELD: Luis Ortega, thank you.",
)


def test_a_label_with_a_role_after_a_comma_is_a_turn_and_names_its_later_short_labels() -> None:
    quotes = analysed(BULLETIN)
    said = {q.text[:24]: q.speaker for q in quotes}
    assert said["Good evening. Tonight th"] == "Dana Whitfield"
    assert said["Dana, the pickets have b"] == "Luis Ortega"
    assert said["Luis Ortega, thank you."] == "Dana Whitfield"  # "WHITFIELD:" in full


def test_an_unlabelled_paragraph_goes_on_with_the_turn_before_it() -> None:
    said = {q.text[:24]: q.speaker for q in analysed(BULLETIN)}
    assert said["Our reporter Luis Ortega"] == "Dana Whitfield"
    assert said["The mood is tense but ca"] == "Luis Ortega"


def test_a_stage_direction_or_a_quoting_paragraph_ends_a_turn() -> None:
    texts = [q.text for q in extract_quotes(BULLETIN)]
    assert "Commuters queued for buses instead." not in texts  # after "(END VIDEO CLIP)"
    assert not any(t.startswith("(") for t in texts)
    assert "talks resume on Friday" in texts  # the narration's own quotation, by its marks


def test_a_direction_in_capitals_and_an_unidentified_speaker_name_no_one() -> None:
    said = {q.text[:24]: q.speaker for q in analysed(BULLETIN)}
    assert said["We are not going back un"] == "Marta Kovac"  # not "Voice-Over"
    assert said["I just want to get to wo"] is None


RADIO = make(
    "Morning Programme, Radio Estra. Transcript of an interview, lightly edited.",
    "Presenter: The harbour ferries have not sailed for a week. With me is Niamh McAllister "
    "of the crew union.",
    "Niamh McAllister: Thank you. Our members will not sail until the rota is fixed.",
    "Presenter: The operator says the rota is fair.",
    "McAllister (laughs): They would say that. Nobody asked the crews.",
    "Photo: Ferries at the quay.",
)


def test_title_case_labels_are_turns_when_one_is_a_broadcast_role() -> None:
    said = [(q.text[:20], q.speaker) for q in analysed(RADIO)]
    assert said == [
        ("The harbour ferries ", None),  # "Presenter": a role, its holder unnamed
        ("Thank you. Our membe", "Niamh McAllister"),
        ("The operator says th", None),
        ("They would say that.", "Niamh McAllister"),
    ]


def test_a_page_s_own_labels_make_no_transcript() -> None:
    page = make(
        "Photo: Ferries at the quay.",
        "Source: the port authority.",
        "Tags: ferries, strike",
        "Related: Crews vote on the rota.",
        "UPDATE: The vote was moved.",
        "WATCH: The picket line at dawn.",
        "RELATED: Ferry timetable.",
    )
    assert transcript_turns(page.body) == []
    assert extract_quotes(page) == []


def test_accented_labels_are_turns_and_a_full_name_s_note_is_where_they_work() -> None:
    doc = make(
        "Excerpts from the governor's press conference, translated from Spanish.",
        "JAVIER OLMEDO (Diario del Sur): Governor, are markets wrong to price two cuts?",
        "DE LA PEÑA: I don't see rate cuts this year.",
        "SOFÍA RENDÓN (Radio Austral): Is the bank defending the currency?",
        "DE LA PEÑA: We do not target the exchange rate.",
    )
    said = [q.speaker for q in analysed(doc)]
    assert said == ["Javier Olmedo", "De La Peña", "Sofía Rendón", "De La Peña"]


def test_a_radio_transcript_labelled_by_names_in_title_case_and_a_q_dot_interview() -> None:
    radio = make(
        "Transcript of this morning's interview on the port strike.",
        "Sarah Linton: Minister, will you impose a settlement?",
        "Gareth Pellman: We will not be imposing anything on anyone.",
        "Sarah Linton: So the strike could run for weeks?",
        "Gareth Pellman: I hope not, and I do not believe it will.",
        "Photo: Reuters",
    )
    assert [q.speaker for q in analysed(radio)] == ["Sarah Linton", "Gareth Pellman"] * 2
    page = make("Photo: Reuters", "Source: Wire", "Tags: strike, port", "Credit: Jo Hale")
    headings = make(
        "Ana Ruiz: Student loans. Her plan would forgive them.",
        "Tom Hale: Credit scores. He wants them reformed.",
        "Ed Roe: Pensions. His idea is older.",
    )
    assert transcript_turns(page.body) == transcript_turns(headings.body) == []
    interview = make(
        "Carla Benning leads the teachers' union.",
        "Q. Will the strike go on?",
        "A. Yes, until the government returns to the table.",
        "Q. And the parents?",
        "A. They are with us.",
    )
    interview.title = "Five questions for Carla Benning"
    said = [q.speaker for q in analysed(interview) if q.text.startswith(("Yes", "They"))]
    assert said == ["Carla Benning"] * 2


def test_a_tv_transcript_reads_its_clips_speakers_and_its_presenter_named_in_the_header() -> None:
    doc = make(
        "Evening News at Six, transcript. Presented by Ruth Callan, with reporting from Nina"
        " Castel in Port Ellery.",
        "PRESENTER: Good evening. The ferry report is out.",
        "(BEGIN VIDEO CLIP)",
        "REPORTER (Nina Castel): It was just after seven when the ferry hit the rocks.",
        "Moira Ashby: This was not a freak accident.",
        "REPORTER (Nina Castel): The crew had been awake for nineteen hours.",
        "Tessa Mulray: There was a bang and the whole ship tilted.",
        "(END VIDEO CLIP)",
        "PRESENTER: Nina, what happens now?",
    )
    said = [q.speaker for q in analysed(doc)]
    assert said == [
        "Ruth Callan",
        "Nina Castel",
        "Moira Ashby",
        "Nina Castel",
        "Tessa Mulray",
        "Ruth Callan",
    ]


def test_answers_under_a_title_naming_no_one_are_the_person_the_introduction_presents() -> None:
    interview = Document(
        id="t",
        path="t.txt",
        title="Ten minutes with the pilot who took on the port",
        body="\n\n".join(
            (
                "Tilda Marsh, 52, has piloted ferries for thirty years. Harbour master Oren Vance "
                "calls her objection “late”. We met Marsh on the quay on Friday.",
                "Q: Why object now?",
                "A: Because nobody asked the pilots before the contract was signed.",
                "Q: And the schedule?",
                "A: The spring tides will decide that, not Oren Vance.",
            )
        ),
    )
    late, *quotes = analysed(interview)
    assert late.text == "late" and late.speaker == "Oren Vance"
    assert [q.speaker for q in quotes] == [None, "Tilda Marsh", None, "Tilda Marsh"]


def test_a_role_label_with_its_holder_in_capitals_speaks_for_the_holder() -> None:
    show = make(
        "PRESENTER: Our reporter is at the harbour. What is the mood?",
        "REPORTER (KAI OLSEN): Tense. The pilots have tied up their boats since dawn.",
        "TILDA MARSH (THROUGH INTERPRETER): We will sail when the port listens to us.",
        "REPORTER (KAI OLSEN): And the port says it will not talk until Monday.",
    )
    quotes = analysed(show)
    assert [q.speaker for q in quotes] == [None, "Kai Olsen", "Tilda Marsh", "Kai Olsen"]


def test_a_host_introducing_himself_is_named_without_i_m() -> None:
    show = make(
        "FARROW: Hello and welcome to Terrace Talk. I\u2019m Mick Farrow.",
        "OKAFOR: Thanks, Mick. Good to be back.",
        "FARROW: Let us start with the takeover.",
        "OKAFOR: Gladly.",
    )
    assert [q.speaker for q in analysed(show)][::2] == ["Mick Farrow", "Mick Farrow"]
