"""Speaker attribution on articles written for these tests (several outlets and styles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.documents.loading import load_document
from reader.documents.model import Document
from reader.quotes.attribution import attribute, by_rules
from reader.quotes.extraction import extract_quotes
from reader.quotes.model import UNNAMED, Quote
from reader.quotes.speech import sentence_subject

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def analysed(*paragraphs: str) -> list[Quote]:
    doc = Document(id="a", path="a.txt", body="\n\n".join(paragraphs))
    quotes = extract_quotes(doc)
    attribute(doc, quotes)
    return quotes


def by_text(quotes: list[Quote], start: str) -> Quote:
    [quote] = [q for q in quotes if q.text.startswith(start)]
    return quote


def test_wire_copy_patterns_on_both_sides() -> None:
    quotes = analysed(
        "GENEVA (Wire) - Swiss Foreign Minister Marta Keller said on Monday that talks would go on.",
        "\u201cWe remain at the table,\u201d Keller said. \u201cNobody has walked away.\u201d",
        "\u201cThe door is open,\u201d said Keller, who chairs the meeting.",
        "Trade envoy Omar Diallo told reporters, \u201cThe tariffs stay until the summit.\u201d",
        "Diallo said: \u201cWe have a plan for the ports.\u201d",
        "Officials expect \u201ca long winter of talks\u201d, according to Diallo.",
        "\u201cThe harvest is late this year,\u201d Diallo added.",
    )
    expected = {
        "We remain": ("Marta Keller", "said-after"),
        "Nobody has": ("Marta Keller", "continues"),
        "The door": ("Marta Keller", "said-before-name"),
        "The tariffs": ("Omar Diallo", "intro"),
        "We have a plan": ("Omar Diallo", "intro-colon"),
        "a long winter": ("Omar Diallo", "according-to"),
        "The harvest": ("Omar Diallo", "said-after"),
    }
    for start, (speaker, tag) in expected.items():
        q = by_text(quotes, start)
        assert (q.speaker, q.attribution) == (speaker, tag), start
    assert by_text(quotes, "We remain").role == "Swiss Foreign Minister"
    assert by_text(quotes, "The tariffs").role == "Trade envoy"


def test_role_descriptions_and_pronouns_follow_the_last_named_person() -> None:
    quotes = analysed(
        "Government spokeswoman Ines Varga defended the budget on Tuesday.",
        "\u201cThe numbers add up,\u201d the government spokeswoman said.",
        "\u201cWe will publish every line of it,\u201d she added.",
        "Opposition leader Tomas Brandt rejected the plan in parliament.",
        "\u201cThis budget hides a deficit,\u201d he said.",
        "\u201cThe plan is sound,\u201d the spokeswoman replied.",
    )
    assert [q.speaker for q in quotes] == [
        "Ines Varga",
        "Ines Varga",
        "Tomas Brandt",
        "Ines Varga",
    ]
    assert [q.attribution for q in quotes] == [
        "said-after",
        "said-after",
        "said-after",
        "said-after",
    ]
    assert quotes[0].role == "Government spokeswoman"


def test_pronoun_skips_a_person_named_inside_a_reported_clause() -> None:
    quotes = analysed(
        "Harbour master Lena Ortiz told reporters that Mayor Paul Greene had read the report.",
        "\u201cThe pier will close in May,\u201d she said.",
    )
    assert quotes[0].speaker == "Lena Ortiz"


def test_top_diplomat_description_matches_a_foreign_minister() -> None:
    quotes = analysed(
        "Chilean Foreign Minister Rosa Alvarez met her counterpart in Lima.",
        "Interior Minister Juan Soto stayed at home.",
        "\u201cWe found common ground on fishing,\u201d the top diplomat explained.",
    )
    assert quotes[0].speaker == "Rosa Alvarez"


def test_colon_introduction_on_the_paragraph_before() -> None:
    quotes = analysed(
        "Separately, central bank governor Mei Tan set out her view:",
        "\u201cInflation has peaked and rates will stay where they are for now.\u201d",
        "She then left for Singapore.",
    )
    assert (quotes[0].speaker, quotes[0].attribution) == ("Mei Tan", "colon-intro")


def test_quote_over_several_paragraphs_and_following_paragraph() -> None:
    quotes = analysed(
        "Union leader Sam Okafor addressed the strikers on Friday.",
        "\u201cWe asked for a fair wage. We asked for safe shifts.",
        "\u201cWe were given neither,\u201d Okafor said.",
        "\u201cSo the strike goes on.\u201d",
    )
    assert len(quotes) == 2
    assert [q.speaker for q in quotes] == ["Sam Okafor", "Sam Okafor"]
    assert quotes[1].attribution == "previous-paragraph"


def test_british_single_quotes_and_appositive_roles() -> None:
    quotes = analysed(
        "Ruth Hale, the council leader, said the plan was \u2018a fair deal for the town\u2019.",
        "\u2018We listened to residents,\u2019 Ms Hale said. \u2018The bins will be collected weekly.\u2019",
        "\u2018It\u2019s a fudge,\u2019 said opposition councillor Dev Patel.",
    )
    assert [q.speaker for q in quotes] == ["Ruth Hale"] * 3 + ["Dev Patel"]
    assert quotes[0].role == "council leader"


def test_translated_piece_with_guillemets() -> None:
    quotes = analysed(
        "Le Premier ministre Jean Moreau a r\u00e9pondu aux questions.",
        "\u00ab Nous ne reculerons pas \u00bb, said Moreau, according to the translation.",
        "Jean Moreau told the assembly: \u00abThe reform will pass this year.\u00bb",
    )
    assert [q.speaker for q in quotes] == ["Jean Moreau", "Jean Moreau"]


def test_organisations_unnamed_sources_and_unsure_pronouns() -> None:
    quotes = analysed(
        "Analyst Pia Lindqvist said growth was slowing.",
        "\u201cThe sanctions are working,\u201d the White House said in a statement.",
        "\u201cWe were not consulted,\u201d a senior official said.",
        "\u201cThis is unacceptable,\u201d they said.",
    )
    org, unnamed, they = quotes
    assert (org.speaker, org.attribution) == ("White House", "said-after")
    assert (unnamed.speaker, unnamed.role) == ("unnamed senior official", "senior official")
    assert unnamed.unnamed and unnamed.attribution == "said-after"
    assert they.speaker is None and they.speaker_guess == "White House"


def test_quote_claimed_by_the_next_quote_in_its_paragraph() -> None:
    quotes = analysed(
        "Coach Mario Ricci spoke after the match.",
        "\u201cWe lost.\u201d \u201cThere is nothing more to say,\u201d Ricci said.",
    )
    assert [q.speaker for q in quotes] == ["Mario Ricci", "Mario Ricci"]
    assert quotes[0].attribution == "continued-by"


def test_no_evidence_leaves_speaker_unknown_with_a_guess() -> None:
    quotes = analysed(
        "Farm minister Eva Novak visited the valley.",
        "Crops failed across the region. Prices rose.",
        "Some called the season \u201ca disaster\u201d for growers.",
    )
    assert quotes[0].speaker is None
    assert quotes[0].speaker_guess == "Eva Novak" and quotes[0].attribution == "guess"


def test_fullest_name_is_used_and_people_sharing_a_surname_stay_apart() -> None:
    quotes = analysed(
        "Senator Alice Grant and her brother Robert Grant spoke at the rally.",
        "\u201cWe will win this seat,\u201d Alice Grant said.",
        "\u201cThe polls agree,\u201d Robert Grant added.",
        "\u201cTurnout is everything,\u201d Grant said.",
    )
    assert [q.speaker for q in quotes] == ["Alice Grant", "Robert Grant", "Robert Grant"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_quotes_get_speakers(path: Path) -> None:
    doc = load_document(path)
    quotes = extract_quotes(doc)
    attribute(doc, quotes)
    full = [q for q in quotes if q.kind == "quote"]
    named = [q for q in full if q.speaker]
    assert len(named) >= 0.7 * len(full)
    for q in quotes:
        assert q.attribution
        said = (q.speaker or "").removeprefix(UNNAMED)  # "unnamed senior Ukrainian official"
        assert q.speaker is None or (said in doc.body and len(said.split()) <= 4)
        assert q.speaker is None or q.speaker_guess is None


def test_embedded_post_is_attributed_to_its_signature() -> None:
    quotes = analysed(
        "Defence Secretary Kofi Mensah wrote on social media,",
        "Our troops will stay until the job is done. https://t.co/xYz",
        "\u2014 Kofi Mensah (@kofimensah) June 2, 2023",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [("Kofi Mensah", "post")]
    assert quotes[0].role == "Defence Secretary"


def test_reported_speech_before_a_quote_paragraph_names_its_speaker() -> None:
    quotes = analysed(
        "Economists were divided. Ana Ruiz, chief economist at Delta Bank, said prices would rise.",
        "\u201cThe pressure is building. Rents will follow.\u201d",
    )
    assert (quotes[0].speaker, quotes[0].attribution) == ("Ana Ruiz", "reported-before")
    assert quotes[0].role == "chief economist at Delta Bank"


def test_pronoun_gender_skips_a_subject_of_the_other_gender() -> None:
    quotes = analysed(
        "Judge Maria Costa opened the hearing on Monday.",
        "The case pits the city against its former treasurer, Mr Paul Dunn.",
        "\u201cI did nothing wrong,\u201d he told the court.",
        "\u201cThe court will decide,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Paul Dunn", "Maria Costa"]


def test_past_a_subject_of_the_other_gender_a_nearer_person_beats_an_older_subject() -> None:
    quotes = by_rules_alone(
        "Company spokesman Tom Abery said the new cranes were safe.",
        "The strike is now in its third week.",
        "Our reporter Fiona Mabey has been talking to crane operator Lewis Oyelaran at the gate.",
        "\u201cTwenty years I have worked these cranes, and now they want an office to run them,\u201d"
        " he said.",
    )
    assert quotes[-1].speaker == "Lewis Oyelaran"


def test_a_justice_is_the_judge_whose_ruling_and_words_are_quoted() -> None:
    quotes = analysed(
        "A High Court judge ruled on Wednesday that Harl Chemicals knew of the leak.",
        "Mrs Justice Honora Ames found in favour of 214 claimants.",
        "\u201cThe evidence that the company knew and did nothing is overwhelming,\u201d the ruling "
        "states.",
        "At trial, the company's barrister argued the claim was \u201cbuilt on hindsight\u201d. The "
        "judge rejected that argument. \u201cHindsight is not needed to read one's own reports,"
        "\u201d she wrote.",
    )
    assert by_text(quotes, "The evidence that").speaker == "Honora Ames"
    assert by_text(quotes, "Hindsight is not").speaker == "Honora Ames"


def test_british_and_police_titles_are_honorifics_not_names() -> None:
    quotes = analysed(
        "Council leader Cllr Sarah Penwick told the chamber that \u201cwe have no choice\u201d.",
        "Cllr Penwick said the council would act. \u201cWe will protect care services first,\u201d"
        " she said.",
        "Det Supt Raj Patel said: \u201cWe are following several lines of inquiry.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Sarah Penwick", "Sarah Penwick", "Raj Patel"]


def test_a_body_whose_name_joins_two_words_with_and_is_one_body() -> None:
    quotes = analysed(
        "The Porters and Cleaners Alliance has sent us this statement: \u201cOur members have warned"
        " about the rota for five years.\u201d",
        "The FBI and Justice Department are investigating. In a letter, the FBI confirmed it was"
        " \u201cworking on matters related to the server.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Porters and Cleaners Alliance", "FBI"]


def test_a_firms_name_before_an_occupation_describes_someone_unnamed() -> None:
    quotes = analysed(
        "Harl Chemicals employs 340 people in the valley.",
        "At the pub, a Harl forklift driver who did not want to be named put it plainly: \u201cIf"
        " they shut it, half this bar is out of work.\u201d",
    )
    assert quotes[0].speaker == "unnamed Harl forklift driver"


def test_a_datelines_place_in_capitals_is_never_a_body_that_speaks() -> None:
    quotes = analysed(
        "SKELVIK \u2014 The ferry company Nordline accepts the criticism in full. The report,"
        " which was published on Thursday, concludes that the company \u00abput the timetable"
        " over the margin of safety\u00bb.",
    )
    assert quotes[0].speaker == "unnamed report"


def test_a_topic_set_before_the_subject_and_a_place_after_from_are_nobody() -> None:
    quotes = analysed(
        "Tomas Ferreira Lago does not lose his calm easily. On Thursday the manager from Vilcas"
        " gave the same answer five times: \u00abMy work is to win matches, nothing else.\u00bb",
        "The businessman Omar Selcuk has offered to buy the club.",
        "About Selcuk, Ferreira was careful: \u00abI have not spoken with Mr Selcuk. If he is the"
        " owner one day, we will speak.\u00bb",
    )
    assert [q.speaker for q in quotes] == ["Tomas Ferreira Lago", "Ferreira"]


def test_confessed_is_a_speech_verb() -> None:
    quotes = analysed(
        "Tom Reed met the coach at the ground.",
        "His mother, Rita Alves, follows every match from her kitchen. \u00abEvery Saturday I suffer"
        " more than he does\u00bb, she confessed to this newspaper by telephone.",
    )
    assert (quotes[0].speaker, quotes[0].attribution) == ("Rita Alves", "said-after")


def test_one_said_after_a_group_is_one_unnamed_member_of_it() -> None:
    quotes = analysed(
        "Our reporter Dan Pike spoke to people around the club. Sources close to the board say"
        " the owner may sell. \u201cHe is tired, whatever he says,\u201d one said.",
        "Several families were angry. \u201cNobody asked us,\u201d one told the Herald. \u201cWe"
        " read it in the paper,\u201d another said.",
    )
    assert [q.speaker for q in quotes] == ["unnamed source", "unnamed family", "unnamed family"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("\u201cWe will,\u201d", "he said.", "Anna Berg", "the minister", "said:", "\n\n"),
                *(",", "according to", "Mr Lee", "\u201d", "\u201c", "told reporters,", "she"),
            ]
        ),
        max_size=40,
    )
)
def test_attribution_never_raises_and_names_people_of_the_text(parts: list[str]) -> None:
    body = " ".join(parts)
    doc = Document(id="h", path="h.txt", body=body)
    quotes = extract_quotes(doc)
    attribute(doc, quotes)
    for q in quotes:
        assert q.speaker is None or all(w in body for w in q.speaker.split())


def test_hostile_input_is_handled_in_reasonable_time() -> None:
    body = "".join(
        f"Minister Al Bo{i} spoke. \u201cNo,\u201d the minister said. " for i in range(2000)
    )
    body += "He said it. Done.\u201d " * 2000 + "\x00\u201c\x01 he said\u201d\n\n\n\n\u201d:\u201c"
    doc = Document(id="x", path="x.txt", body=body)
    quotes = extract_quotes(doc)
    attribute(doc, quotes)
    assert quotes[10].speaker == "Al Bo10"


def test_a_role_with_an_appositive_before_the_verb_is_the_person_given_that_role() -> None:
    quotes = analysed(
        "Teachers' federation leader Ruth Alvarado met the ministers on Friday.",
        "The federation leader, a former chemistry teacher, added: \u201cClassrooms are not "
        "warehouses.\u201d",
    )
    assert (quotes[0].speaker, quotes[0].attribution) == ("Ruth Alvarado", "intro-colon")


def test_title_and_name_after_the_verb_name_that_person() -> None:
    quotes = analysed(
        "Mayor Ines Brun opened the session. \u201cThe depot stays,\u201d she said.",
        "\u201cThe timetable will not change,\u201d declared the Minister of Transport, Jonas "
        "Pettersson, in the chamber.",
        "\u201cWe have cut waiting lists,\u201d said the board's chief executive, Dr Miriam Lowe.",
    )
    assert [q.speaker for q in quotes] == ["Ines Brun", "Jonas Pettersson", "Miriam Lowe"]
    assert quotes[1].role == "Minister of Transport"
    assert quotes[2].role == "board's chief executive"


def test_the_listener_is_never_the_speaker_and_anonymous_sources_stay_unnamed() -> None:
    quotes = analysed(
        "Port workers' leader Hanna Berg met the owners on Monday.",
        "Later, talking to the Harbour Gazette, the 44-year-old went further: \u201cWe will "
        "close every quay.\u201d",
        "One insider told the Tribune: \u201cThe owners are split down the middle.\u201d",
        "Speaking to Radio Nord's Evening Show, she said the owners were \u201cbluffing badly\u201d.",
        "An engineer who asked not to be named said: \u201cThe cranes have not been serviced.\u201d",
    )
    unnamed = ["unnamed insider", "unnamed engineer"]
    assert [q.speaker for q in quotes] == ["Hanna Berg", unnamed[0], "Hanna Berg", unnamed[1]]
    assert (quotes[1].role, quotes[1].speaker_guess) == ("insider", None)
    assert quotes[3].role == "engineer"


def test_according_to_a_role_and_its_holder() -> None:
    quotes = analysed(
        "The rail company Ferrovia is in trouble. According to its finance director, Paolo "
        "Renzi, \u201cthe debts are manageable.\u201d",
    )
    assert (quotes[0].speaker, quotes[0].role) == ("Paolo Renzi", "finance director")


def test_a_first_name_alone_is_the_person_introduced_in_full() -> None:
    quotes = analysed(
        "I went to see paramedic Lucy Tembo, who trained me years ago.",
        "\u201cWe are running on empty,\u201d Lucy told me.",
        "\u201cThe rota is a fiction,\u201d Midwife Grace Ahern said.",
    )
    assert (quotes[0].speaker, quotes[0].role) == ("Lucy Tembo", "paramedic")
    assert (quotes[1].speaker, quotes[1].role) == ("Grace Ahern", "Midwife")


def test_a_new_description_of_a_known_person() -> None:
    quotes = analysed(
        "Hanna Berg, a former crane operator, now leads the union.",
        "Berg did not blame anyone. \u201cNobody wanted this,\u201d the former crane operator said.",
        "Kai Ruud chairs the inquiry. He spoke briefly. \u201cWe will find the cause,\u201d the "
        "veteran pilot stressed.",
    )
    assert [q.speaker for q in quotes] == ["Hanna Berg", "Kai Ruud"]


def test_groups_speak_unnamed_and_a_word_for_a_group_names_nobody() -> None:
    quotes = analysed(
        "Hanna Berg leads the union.",
        "Drivers say \u201cthe roster is impossible and nobody listens to us\u201d.",
        "\u201cWe are tired of promises,\u201d staff said.",
        "Some called the new roster \u201ca joke\u201d.",
    )
    drivers, staff = ("unnamed drivers", "drivers"), ("unnamed staff", "staff")
    assert [(q.speaker, q.role) for q in quotes[:2]] == [drivers, staff]
    assert quotes[2].speaker is None


def test_gender_from_resolved_pronouns_and_gendered_role_nouns() -> None:
    quotes = analysed(
        "Auditor Dana Whitfield presented her findings to the council on Monday.",
        "Tomas Reinholt, who leads the council, opened the session. "
        "\u201cWe will read every page,\u201d he said.",
        "Whitfield answered questions for an hour before Reinholt closed the meeting.",
        "\u201cThe accounts were doctored for years,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Tomas Reinholt", "Dana Whitfield"]
    quotes = analysed(
        "The actress Mira Solberg arrived with the producer Anton Lisk.",
        "\u201cWe made it on a shoestring,\u201d Lisk said.",
        "\u201cI never expected this film to be made,\u201d he added.",
        "Lisk then left for the airport with his agent.",
        "\u201cIt took us nine years,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Anton Lisk", "Anton Lisk", "Mira Solberg"]


def test_a_quote_standing_alone_after_a_sentence_goes_to_its_subject() -> None:
    quotes = analysed(
        "The inquiry heard from harbour master Jonas Pell on Thursday.",
        "And Pell did not mince his words when he turned to the port authority.",
        "\u201cThey ignored every warning we sent for three winters.\u201d",
        "Councillor Rhea Osei is standing outside the town hall. "
        "\u201cWe were promised a library and we got a car park.\u201d",
        "The ferry timetable was published on Friday.",
        "\u201cNobody asked the islanders.\u201d",
    )
    assert [(q.speaker, q.attribution) for q in quotes[:2]] == [
        ("Jonas Pell", "previous-sentence"),
        ("Rhea Osei", "previous-sentence"),
    ]
    assert quotes[2].attribution != "previous-sentence"  # "The ferry timetable" is nobody


def test_naming_verbs_with_an_object_give_the_subject() -> None:
    quotes = analysed(
        "Opposition leader Gerd Falk branded the whole deal a \u2018sell-out\u2019 on Tuesday.",
        "Senator Lucy Arden dismissed it as \u2018theatre\u2019 in a radio interview.",
        "Economist Paulo Reyes described the plan as \u2018a fudge\u2019 during the debate.",
    )
    assert [q.speaker for q in quotes] == ["Gerd Falk", "Lucy Arden", "Paulo Reyes"]


def test_an_opening_participle_is_not_a_name() -> None:
    quotes = analysed(
        "Owner Piet Bos arrived late. Trainer Nadia Koval watched the race from the stands.",
        "Standing by the paddock gate, she fumed: \u201cThe ground was far too soft today.\u201d",
        "Walking back to the car park, Bos shrugged: \u201cWe will be back next month.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Nadia Koval", "Piet Bos"]


def test_lower_case_role_before_the_name_after_the_quote() -> None:
    quotes = analysed(
        "The ruling came late on Friday.",
        "\u201cThe tribunal has heard enough evidence,\u201d presiding judge Hanna Ostrova said.",
        "\u201cWe accept the result with regret,\u201d union chairman Pieter Laan added.",
    )
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Hanna Ostrova", "presiding judge"),
        ("Pieter Laan", "union chairman"),
    ]


def test_a_person_of_an_organisation_is_the_speaker() -> None:
    [quote] = analysed(
        "Rosa Lindqvist of the housing charity Safe Harbour called the figures "
        "\u201ca national scandal that nobody wants to fix\u201d."
    )
    assert quote.speaker == "Rosa Lindqvist"
    assert quote.role.endswith("Safe Harbour")


def test_multi_word_role_with_a_possessive_in_a_colon_intro() -> None:
    [quote] = analysed(
        "Supporters' trust spokesperson Aidan Quirke: "
        "\u201cWe want the owners to sell the club now.\u201d"
    )
    assert quote.speaker == "Aidan Quirke"


def test_descriptions_given_with_the_name_and_places_are_no_people() -> None:
    quotes = analysed(
        "Fans at Harrow Field cheered as Luca Ferrante, president of Harrow Rovers, walked out.",
        "Harrow Field was packed.",
        "\u201cWe stay here,\u201d the president explained.",
        "Ferrante, a Turin-born businessman, bought the club in 2019.",
        "Harrow Field's stands were rebuilt last year.",
        "\u201cI did not buy it to lose,\u201d says the Turin-born businessman.",
    )
    assert [q.speaker for q in quotes] == ["Luca Ferrante", "Luca Ferrante"]
    assert all(q.speaker != "Harrow Field" for q in quotes)


def test_reported_clause_far_from_its_verb_keeps_the_subject() -> None:
    [quote] = analysed(
        "Ilan Brodsky repeated at a crowded press conference in the capital on Monday evening, "
        "and again in a long interview with the state broadcaster later that night, his view "
        "that the whole case against him was a \u201cpolitical vendetta\u201d."
    )
    assert (quote.speaker, quote.attribution) == ("Ilan Brodsky", "said-that")


def test_an_outlet_name_run_into_the_speakers_name_is_dropped():
    body = (
        "In a column published on BBCAnna Kowalczyk described the mood in the capital. "
        "“Nobody here expected the talks to fail,” she writes."
    )
    document = Document(id="g1", path="g1.txt", body=body)
    quotes = extract_quotes(document)
    attribute(document, quotes)
    assert [q.speaker for q in quotes] == ["Anna Kowalczyk"]


def test_he_said_goes_to_the_sentence_subject_not_a_person_named_later_in_it() -> None:
    quotes = analysed(
        "Tomas Vireo, 52, a retired welder from the north side, said the council had ignored him."
        " He came to the hearing, though he is still torn between Mayor Ada Quell and"
        " state Sen. Ruben Ostrow.",
        "\u201cI just want the buses to run on time,\u201d he said.",
    )
    assert by_text(quotes, "I just want").speaker == "Tomas Vireo"


def test_he_said_skips_a_person_of_fitting_gender_named_after_the_subject() -> None:
    quotes = analysed(
        "Pell, a former dock worker, has long been close to Governor Mr. Hal Dunmore."
        " On Friday he backed the rival ticket.",
        "\u201cThe port needs someone who has worked a night shift,\u201d he said.",
    )
    assert by_text(quotes, "The port needs").speaker == "Pell"


def test_a_possessive_before_a_name_does_not_take_its_place_as_subject() -> None:
    quotes = analysed(
        "Korvane Shipping\u2019s chief executive, Lena Marsh, denied any delay.",
        "\u201cWe sent the papers in March,\u201d she said.",
    )
    assert by_text(quotes, "We sent").speaker == "Lena Marsh"


def test_an_organisation_and_a_lower_case_role_before_a_name_give_the_name() -> None:
    quotes = analysed(
        "The fund cut its forecast on Tuesday.",
        "\u201cRates will stay high for a while,\u201d Brindle Capital fund manager Ora Testa said.",
        "\u201cNobody expected the cut so soon,\u201d said Harlow campaign spokesman Ned Iversen.",
    )
    assert by_text(quotes, "Rates will").speaker == "Ora Testa"
    assert by_text(quotes, "Nobody expected").speaker == "Ned Iversen"


def test_a_party_tag_after_a_name_is_skipped() -> None:
    quotes = analysed(
        "The vote was close.",
        "\u201cWe will fight this bill on the floor,\u201d said Rep. Jane Doe (R-Fla.), who chairs"
        " the panel.",
        "Sen. John Roe (D-Ore.) said, \u201cThe bill is dead on arrival.\u201d",
    )
    assert by_text(quotes, "We will fight").speaker == "Jane Doe"
    assert by_text(quotes, "The bill is dead").speaker == "John Roe"


def test_less_common_speech_verbs_attribute() -> None:
    quotes = analysed(
        "\u201cIt was the best night of my career,\u201d Mira Valdt gushed after the show.",
        "\u201cThe contract was never signed,\u201d Pavel Lorne alleged.",
    )
    assert by_text(quotes, "It was the best").speaker == "Mira Valdt"
    assert by_text(quotes, "The contract").speaker == "Pavel Lorne"


def test_a_long_description_set_off_by_commas_gives_the_name_before_it() -> None:
    quotes = analysed(
        "The plan was shelved on Monday.",
        "Ari Fleet, a former county official who also sits on the board of the Harbor Trust,"
        " said the plan \u201cwill not pass the council this year, whatever they say.\u201d",
        "Lea Marr, playing the senator on Late Night Live, explained: \u201cThe young people love"
        " me because I am like them.\u201d",
        "Zelensky, however, reaffirmed that the threat remains \u201cserious but unclear\u201d.",
    )
    assert by_text(quotes, "will not pass").speaker == "Ari Fleet"
    assert by_text(quotes, "The young people").speaker == "Lea Marr"
    assert by_text(quotes, "serious but").speaker == "Zelensky"


def test_a_person_of_an_organisation_after_the_verb_is_the_person() -> None:
    quotes = analysed(
        "Turnout was high in the north.",
        "\u201cTheir votes did not count in the end,\u201d said Mira Endo of Civic Watch Group,"
        " who observed voting.",
    )
    assert by_text(quotes, "Their votes").speaker == "Mira Endo"


def test_a_party_tag_between_commas_is_skipped() -> None:
    quotes = analysed(
        "The hearing ran late.",
        "Sen. Ron Vale, R-Wis., said in an op-ed, \u201cThe agency ignored every request.\u201d",
    )
    assert by_text(quotes, "The agency ignored").speaker == "Ron Vale"


def test_a_name_with_a_description_between_commas_after_the_quote_speaks() -> None:
    quotes = analysed(
        "The campaign was quiet on Sunday.",
        "\u201cHe will read every word of it,\u201d Sam Orrin, a former campaign aide, said when"
        " asked about the memo.",
        "\u201cThe plan is dead,\u201d Ada Crane, who ran the mayor\u2019s campaign, told reporters.",
    )
    assert by_text(quotes, "He will read").speaker == "Sam Orrin"
    assert by_text(quotes, "The plan is dead").speaker == "Ada Crane"


def test_a_political_role_between_a_name_and_the_speaker_gives_the_speaker() -> None:
    quotes = analysed(
        "The rally ended early.",
        "\u201cHe has been a friend for years,\u201d said Halvorsen ally Pia Strand.",
    )
    assert by_text(quotes, "He has been").speaker == "Pia Strand"


def test_two_descriptions_between_commas_still_give_the_name_before_them() -> None:
    quotes = analysed(
        "The vote came late.",
        "Alma Lapp, executive director of the Harbor Fund, a local charity, said she thinks the"
        " council is \u201cgoing to be dragged down by the anger of the voters.\u201d",
    )
    assert by_text(quotes, "going to be dragged").speaker == "Alma Lapp"


def test_a_document_speaks_for_its_issuer_and_otherwise_as_an_unnamed_source() -> None:
    quotes = analysed(
        "Ada Crane spoke to reporters outside the court on Monday.",
        "\u201cThe harbour works broke the planning rules,\u201d the lawsuit filed by the Harbour"
        " Trust says.",
        "\u201cWe are disappointed by the ruling,\u201d the statement said.",
        "\u201cThe works were never approved by the board,\u201d according to the filing.",
    )
    assert by_text(quotes, "The harbour works").speaker == "Harbour Trust"
    assert by_text(quotes, "We are disappointed").speaker == "unnamed statement"
    assert by_text(quotes, "The works were").speaker == "unnamed filing"
    assert by_text(quotes, "The works were").unnamed
    quotes = analysed(  # a clause between the document and its verb; the quote going on with it
        "The complaint, filed in 2022, alleges that the mill \u201cknew as early as 2016 that"
        " its waste reached the river\u201d and \u201cchose to monitor rather than to stop\u201d.",
    )
    assert [q.speaker for q in quotes] == ["unnamed complaint"] * 2


def test_a_document_before_its_verb_speaks_for_its_issuer_not_for_the_claim_s_subject() -> None:
    quotes = analysed(
        "Tenants of the Marlowe block went to court in March.",
        "The complaint alleges Harwood Mills \u201cignored every warning\u201d about the boilers.",
        "The lawsuit filed by the Marlowe Tenants Union claims the landlord \u201cnever once "
        "answered a letter.\u201d",
    )
    assert by_text(quotes, "ignored every warning").speaker == "unnamed complaint"  # not Harwood
    assert by_text(quotes, "never once answered").speaker == "Marlowe Tenants Union"


def test_a_document_issued_by_a_named_person_is_that_person_s() -> None:
    quotes = analysed(
        "Harbour Trust director Elin Marsh issued a statement saying the plan "
        "\u201cputs every mooring at risk.\u201d",
    )
    assert by_text(quotes, "puts every mooring").speaker == "Elin Marsh"


def test_an_office_honorific_gives_the_role_a_later_description_means() -> None:
    quotes = analysed(
        "The mill town backed the plan after the endorsement of Gov. Hanna Varley on Friday.",
        "Varley praised the council. But first she sounded a note about Oren Blake.",
        "\u201cI want to thank Oren Blake, who kept the mill open,\u201d the governor said.",
    )
    assert by_text(quotes, "I want to thank").speaker == "Hanna Varley"


def test_a_surname_after_an_honorific_is_a_person() -> None:
    quotes = analysed(
        "The day before, at a rally in Dunmore, Pa., Mr. Okafor was just as blunt, claiming "
        "that Governor Wells wanted more tolls. \u201cYou would have to be joking,\u201d he said.",
    )
    assert by_text(quotes, "You would have to be joking").speaker == "Okafor"


def test_a_participle_after_a_comma_belongs_to_the_subject_of_the_clause() -> None:
    quotes = analysed(
        "Mayor Lena Brandt went after Councillor Piet Maas on Tuesday, calling him "
        "\u201ca total stranger to the budget.\u201d",
        "Union chief Ravi Tandon released a statement on the Hollis Road deal, insisting that "
        "the city \u201cmust stop treating the depot like a car park.\u201d",
        "Tessa Morrow ratcheted up her attacks on Ilse Grau, pledging to "
        "\u201cfight every single closure in this county.\u201d",
    )
    assert by_text(quotes, "a total stranger").speaker == "Lena Brandt"
    assert by_text(quotes, "must stop treating").speaker == "Ravi Tandon"
    assert by_text(quotes, "fight every single").speaker == "Tessa Morrow"


def test_the_places_opening_a_sentence_are_not_its_subject() -> None:
    quotes = analysed(
        "At a town hall in Carrick, Ohio, on Sunday, Dana Pryce went after Ilse Marr, "
        "saying that the state \u201cshould run the buses itself.\u201d",
        "Here in Westford, Omar Lind stepped up his attacks, saying, \u201cWe have waited long "
        "enough for the bridge.\u201d",
    )
    assert by_text(quotes, "should run the buses").speaker == "Dana Pryce"
    assert by_text(quotes, "We have waited").speaker == "Omar Lind"


def test_a_quotation_opened_by_two_apostrophes_starts_a_sentence() -> None:
    quotes = analysed(
        "Ms. Ferreira pressed Mr. Dorsey on the debt, saying only a crisis would move him. "
        "''We need the new rules,'' said Ms. Ferreira, referring to the bankruptcy code. "
        "''Give us the tool and we will finish the job.''",
    )
    assert by_text(quotes, "We need the new rules").speaker == "Ferreira"
    assert by_text(quotes, "Give us the tool").speaker == "Ferreira"


def test_a_phrase_closed_by_a_comma_and_a_speech_verb_is_the_speaker_s() -> None:
    quotes = analysed(
        "The budget plans are \u201cprofoundly reckless,\u201d said Ines Albescu, a senior fellow "
        "at the Hollin Institute.",
        "Critics called the plan \u201ca giveaway\u201d and Ivo Marsh said it would pass.",
    )
    assert by_text(quotes, "profoundly reckless").speaker == "Ines Albescu"
    assert by_text(quotes, "a giveaway").speaker != "Ivo Marsh"


def test_a_speaker_of_a_state_with_a_middle_initial_is_named() -> None:
    quotes = analysed(
        "Mr. Halloran spoke first.",
        "\u201cThe caucuses are all about beating expectations,\u201d said Gov. Maren T. Lund of "
        "Nevada, a Republican who has spoken against Mr. Halloran.",
        "\u201cThe party should retract those comments,\u201d former Gov. Ravi Desai of Ohio "
        "said on Twitter.",
    )
    assert by_text(quotes, "The caucuses are").speaker == "Maren T. Lund"
    assert by_text(quotes, "The party should").speaker == "Ravi Desai"


def test_a_role_between_an_employer_and_a_name_leads_to_the_name() -> None:
    quotes = analysed(
        "\u201cThese are dark days for the party,\u201d former Edda Morn speechwriter Tobias "
        "Lyle wrote in a column.",
        "Shares fell. The Ledger technology columnist Ines Varga went so far as to say: "
        "\u201cThe network as we know it is over.\u201d",
    )
    assert by_text(quotes, "These are dark days").speaker == "Tobias Lyle"
    assert by_text(quotes, "The network as we").speaker == "Ines Varga"


def test_the_person_a_role_works_for_is_not_the_subject_of_the_sentence() -> None:
    quotes = analysed(
        "Mayor Ilse Brandt spoke on Monday.",
        "Brandt spokesman Tomas Keel would not say when the council will vote on the plan.",
        "\u201cI have no new announcements yet,\u201d he said.",
    )
    assert by_text(quotes, "I have no new").speaker == "Tomas Keel"


def test_a_name_after_a_closing_speech_verb_is_the_next_pronoun_s() -> None:
    quotes = analysed(
        "Voters are nervous, said Marta Olsen, director of the Civic League in Ohio. "
        "\u201cIt was supposed to be an easy year for everyone,\u201d she said.",
        "Voters are tired, said Ada Rusk. She says Nora Vance \u201cknows full well that the law "
        "already says so.\u201d",
    )
    assert by_text(quotes, "It was supposed to be").speaker == "Marta Olsen"
    assert by_text(quotes, "knows full well").speaker == "Ada Rusk"


def test_an_excerpt_is_signed_by_the_name_before_its_colon() -> None:
    quotes = analysed(
        "TURNOUT IN ARDEN ROSE FOR THE FIRST TIME - Nadia K. Olsen: \u201cThe county counted "
        "more ballots than in any year since the war.\u201d",
        "What it means for the spring - More from Olsen: \u201cThe surge came from voters under "
        "thirty.\u201d",
        "POLLS WERE NOT WRONG, JUST EARLY - Piet Ruud and Ama Boateng: \u201cThe surveys closed "
        "a week before the vote, and the late deciders broke one way.\u201d",
        "Likewise, a paper from the Hollin Institute had this to say: \u201cFamilies at the top "
        "would gain the most.\u201d",
    )
    assert by_text(quotes, "The county counted").speaker == "Nadia K. Olsen"
    assert by_text(quotes, "The surge came").speaker == "Nadia K. Olsen"
    assert by_text(quotes, "The surveys closed").speaker == "Piet Ruud"
    assert by_text(quotes, "Families at the top").speaker != "Likewise"


def test_a_long_who_clause_between_a_name_and_its_verb_is_skipped() -> None:
    quotes = analysed(
        "Ines Marr, who ran the transport board for a decade under Governor Tomas Pell, "
        "said the plan \u201cwill not survive its first winter. Nobody has costed it.\u201d",
    )
    assert by_text(quotes, "will not survive").speaker == "Ines Marr"


def test_a_name_on_the_line_under_a_quotation_is_its_speaker() -> None:
    quotes = analysed(
        "We asked shoppers on Marlow Street what they make of the new toll.",
        "\u201cIt is far too expensive for families like mine.\u201d",
        "Maria Lopez, 42, teacher",
        "\u201cI think it will clear the roads at last.\u201d",
        "Sam Okafor, 67, retired",
        "\u201cThe debate was a draw.\u201d",
        "\u2014 Lena Fischer, Harrow",
        "\u201cThe harbour plan is dead.\u201d",
        "Council members will vote in May.",
    )
    assert by_text(quotes, "It is far too").speaker == "Maria Lopez"
    assert by_text(quotes, "I think it will").speaker == "Sam Okafor"
    assert by_text(quotes, "The debate was").speaker == "Lena Fischer"
    assert by_text(quotes, "The harbour plan").speaker != "Council"


def test_a_dashed_name_line_ending_the_quotations_paragraph_is_its_speaker() -> None:
    quotes = analysed(
        "Would you take the bus to work? We asked at the depot.",
        "\u201cI have no choice. There is no train any more.\u201d\n\u2014 Tove Lindqvist, 29, nurse",
        "\u201cSomebody at the council should answer for this.\u201d \u2013 Iain Brodie, fisherman",
        "\u201cThe depot will reopen in May.\u201d\nThe council meets on Monday.",
    )
    assert by_text(quotes, "I have no choice").speaker == "Tove Lindqvist"
    assert by_text(quotes, "Somebody at the").speaker == "Iain Brodie"
    assert by_text(quotes, "The depot will").attribution != "signature"
    quotes = analysed(  # a credit line on the quotation's own line, no dash
        "People at the depot told us what the line meant to them.",
        "\u201cI had both my children on that bus. How will they get to school?\u201d Mira Dobos,"
        " 34, nurse",
        "\u201cWe will see.\u201d Tom Reed, who chairs the board, was less sure.",
    )
    assert by_text(quotes, "I had both").speaker == "Mira Dobos"
    assert by_text(quotes, "We will see").attribution != "signature"  # a sentence, not a credit


def test_a_holiday_or_a_weekday_is_nobody_a_pronoun_could_mean() -> None:
    quotes = analysed(
        "In her New Year speech, Chancellor Anke Brandt, who has welcomed refugees, warned "
        "against hate.",
        "Her countrymen, she said, should not listen to \u201cthose with coldness in their "
        "hearts.\u201d",
        "On Super Tuesday, Brandt said nothing. \u201cWe wait for the count,\u201d she said.",
    )
    assert by_text(quotes, "those with coldness").speaker == "Anke Brandt"
    assert by_text(quotes, "We wait for").speaker == "Anke Brandt"


@pytest.mark.parametrize("verb", ["interjected", "deadpanned", "implored", "grumbled", "yelled"])
def test_less_common_speech_verbs_name_the_speaker(verb: str) -> None:
    quotes = analysed(
        "Ada Marsh and Piet Olsen met on Tuesday.",
        f"Marsh said there was no daylight between them, to which Olsen {verb}: "
        "\u201cThat is just not true.\u201d",
    )
    assert by_text(quotes, "That is just not").speaker == "Piet Olsen"


def test_a_role_owned_by_another_person_leads_to_its_holder() -> None:
    quotes = analysed(
        "Mayor Ilse Brandt and Senator Piet Olsen spoke on Monday.",
        "\u201cBy December the county stood out as a place to compete,\u201d Brandt's campaign "
        "manager, Tomas Keel, said in an interview.",
        "\u201cThe attacks draw us all together,\u201d Olsen's spokesman Rui Mata wrote.",
        "\u201cWe do not believe more police are the answer,\u201d Lena Vos, Ms. Brandt's deputy "
        "housing adviser, said on Sunday.",
    )
    assert by_text(quotes, "By December the county").speaker == "Tomas Keel"
    assert by_text(quotes, "The attacks draw us").speaker == "Rui Mata"
    assert by_text(quotes, "We do not believe").speaker == "Lena Vos"


def test_a_speech_clause_closing_the_sentence_of_a_quotation_names_its_speaker() -> None:
    quotes = analysed(
        "Mayor Ilse Brandt toured the docks.",
        "Brandt \u201cdrew well from the harbour wards and the older voters\u201d in the 2019 "
        "race, said Hollin University professor Ada Rusk.",
        "\u201cWe were wrong not to answer him from the start,\u201d Omar Lind, 58, told Radio "
        "Nord in an interview on Monday.",
    )
    assert by_text(quotes, "drew well from").speaker == "Ada Rusk"
    assert by_text(quotes, "We were wrong").speaker == "Omar Lind"


def test_a_name_after_a_subordinate_clause_is_the_subject_a_pronoun_means() -> None:
    quotes = analysed(
        "Councillor Ada Marsh's lawyer Piet Olsen spoke for an hour.",
        "As he was led down to the cells, Tomas Keel turned to the press bench. "
        "\u201cHistory will judge who was honest in this room,\u201d he snarled.",
    )
    assert by_text(quotes, "History will judge").speaker == "Tomas Keel"


def test_a_phrase_before_a_main_clause_of_its_own_is_not_that_clause_s_subject() -> None:
    quotes = analysed(
        "Premier Ola Brandt called her counterpart on Thursday.",
        "During the call, which an aide described as \u201clong and candid,\u201d Brandt warned "
        "her counterpart that a strike could be imminent.",
    )
    assert by_text(quotes, "long and candid").speaker != "Ola Brandt"


def test_an_age_and_a_who_clause_between_a_name_and_its_verb_are_skipped() -> None:
    quotes = analysed(
        "Agency chief Ilse Marr defended the launch.",
        "Retired engineer Tom Rusk, 71, who worked on the agency's first rockets, said: "
        "\u201cIn my day, if a part cracked you did not fly.\u201d",
    )
    assert by_text(quotes, "In my day").speaker == "Tom Rusk"


def test_a_subject_before_a_contracted_verb_speaks_next() -> None:
    quotes = analysed(
        "Judge Ilse Varga sentenced Piet Olsen to six years on Monday.",
        "And the judge didn\u2019t hold back when she turned to the sentence.",
        "\u201cPublic office is a trust, not a private business.\u201d",
    )
    assert by_text(quotes, "Public office is").speaker == "Ilse Varga"


def test_adverbs_between_a_subject_and_its_speech_verb_are_skipped() -> None:
    quotes = analysed(
        "Ivan Novak wanted favours from the council. Petra Sova, its clerk, refused them.",
        "Years before, Novak had publicly stated of mayors, "
        "\u201cWhen they need money, they are always yours.\u201d",
        "\u201cWe will not sign,\u201d Rosa Lind openly said.",
    )
    stated, signed = by_text(quotes, "When they need"), by_text(quotes, "We will not sign")
    assert (stated.speaker, stated.attribution) == ("Ivan Novak", "intro")  # read, not ranked
    assert (signed.speaker, signed.attribution) == ("Rosa Lind", "said-after")


def test_a_titled_name_of_a_place_before_a_reported_clause_speaks() -> None:
    quotes = analysed(
        "Union leader Greta Hansen of North Dakota said she was \u201cappalled\u201d by the plan.",
        "\u201cWe are not done,\u201d said union leader Aron Berg of Fargo.",
    )
    assert by_text(quotes, "appalled").speaker == "Greta Hansen"
    assert by_text(quotes, "We are not done").speaker == "Aron Berg"


def test_a_name_after_another_user_speaks() -> None:
    quotes = analysed(
        "Storms hit the coast again.",
        "''We're tired,'' said another Facebook user, Mara Lind. ''The storms keep coming.''",
    )
    assert by_text(quotes, "We're tired").speaker == "Mara Lind"


def test_a_dashed_surname_under_a_quotation_signs_it_when_the_article_named_that_person() -> None:
    named = analysed(
        "Mayor Ed Hansen spoke first at the hearing. Councillor Rita Moss spoke next.",
        "\u201cOur roads are older than our grandparents.\u201d",
        "- Hansen.",
        "That claim is hard to check.",
    )
    assert by_text(named, "Our roads").speaker == "Ed Hansen"
    unnamed = analysed(
        "The hearing ran late.",
        "\u201cOur roads are older than our grandparents.\u201d",
        "- Hansen.",
        "That claim is hard to check.",
    )
    assert by_text(unnamed, "Our roads").speaker is None


def test_a_speech_verb_in_a_clause_before_another_subject_does_not_attribute_the_quote() -> None:
    quotes = analysed(
        "Activist Tomas Brenner took over the debate. At the rally where Ana Ruiz spoke "
        "on Sunday, Brenner landed a sharp dig at \u201cmy dear friend Ana Ruiz.\u201d",
    )
    dig = by_text(quotes, "my dear friend")
    assert dig.speaker in (None, "Tomas Brenner")  # unknown beats wrong; never Ruiz


def test_a_body_after_at_is_not_read_across_a_relative_clause() -> None:
    quotes = analysed(
        "Voters joined Vera Lind at the hall where Ana Ruiz said the plan was \u201ccruel.\u201d",
        "Rosa Lindqvist of the housing charity Safe Harbour said it was \u201cunfair.\u201d",
    )
    assert by_text(quotes, "cruel").speaker == "Ana Ruiz"
    assert by_text(quotes, "unfair").speaker == "Rosa Lindqvist"


def test_a_title_that_ends_a_name_is_the_surname() -> None:
    quotes = analysed(
        "Matthew Prince, chief executive of Cloudbank, said the sites were harmless.",
        "\u201cIt is risky to make tech firms judges of politics,\u201d Mr. Prince said.",
        "The tennis champion Billie Jean King spoke last. King says the boxer \u201ctalked the "
        "talk and walked the walk.\u201d",
        "King Harald of Norway sent a message. \u201cWe mourn a great athlete today,\u201d the "
        "king wrote.",
    )
    assert [q.speaker for q in quotes] == ["Matthew Prince", "Billie Jean King", "Harald"]


def test_a_straight_opening_mark_closed_by_a_curly_one_keeps_its_speaker() -> None:
    quotes = analysed(
        'Voter contact is a complex endeavor. "There are two people in this race with the '
        "experience to do that,\u201d said Rick Wilson, a Florida strategist. \u201cThat is Bush "
        "and Rubio.\u201d",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Rick Wilson", "said-before-name"),
        ("Rick Wilson", "continues"),
    ]


def test_speakers_named_with_an_affiliation_a_role_before_the_name_or_a_party_tag() -> None:
    quotes = analysed(
        "Economists disagreed about the new rules on overtime pay for office workers.",
        "\u201cThis will help many working people at once,\u201d said Ross Eisenbrey of the "
        "Economic Policy Institute, an early voice for the change.",
        "\u201cThe department went too far with this one,\u201d the White House spokesman, Josh "
        "Earnest, said on Thursday.",
        "\u201cThat is not the view of our party at all,\u201d Senate Majority Leader Mitch "
        "McConnell, R-Ky., said.",
        "\u201cWe should debate the bill in the open,\u201d state Sen. Jason Holsman (D) said.",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Ross Eisenbrey", "said-before-name"),
        ("Josh Earnest", "said-after"),
        ("Mitch McConnell", "said-after"),
        ("Jason Holsman", "said-after"),
    ]
    assert quotes[1].role == "White House spokesman"


def test_an_outlet_that_reported_and_a_speaker_who_agreed_or_remembered() -> None:
    quotes = analysed(
        "Servers who rely on tips said the new wage law had cut their pay.",
        "\u201cRestaurants are hiring fewer people this spring,\u201d Fox News reported.",
        "\u201cOur ideas of success are different,\u201d agrees Michelle Stevens, a nurse.",
        "\u201cShe took it upon herself to prove them wrong,\u201d remembered Roy Verley, a "
        "former spokesman.",
        "\u201cI was hoping for another candidate,\u201d said Air Force 1st Lt. Tyler Livingston.",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Fox News", "said-after"),
        ("Michelle Stevens", "said-before-name"),
        ("Roy Verley", "said-before-name"),
        ("Tyler Livingston", "said-before-name"),
    ]


def test_a_speech_verb_after_to_belongs_to_the_subject_of_the_verbs_before_it() -> None:
    quotes = analysed(
        "The former officer Gary Byrne wrote a book about his years of service.",
        "Byrne went on to say, \u201cFrom the bottom of my soul, I know this to be true.\u201d",
        "The debate with Ted Cruz was so subdued that Mr. Trump was prompted to say, \u201cSo far, "
        "I cannot believe how civil it has been up here.\u201d",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Gary Byrne", "intro"),
        ("Trump", "intro"),
    ]


def test_a_time_phrase_opening_a_sentence_and_a_hyphenated_role_name_nobody() -> None:
    quotes = analysed(
        "The casino owner Sheldon Adelson praised Donald Trump on Sunday.",
        "Hours later, Trump returned the compliment, telling Reuters, \u201cSheldon and I have "
        "been friends for a long time.\u201d",
        "\u201cImagine that man going up against both of them on one stage,\u201d mused Blaze "
        "co-host Stu Burguiere.",
        "\u201cWhat sport is he talking about, and who is he profiling?\u201d reacted Trump.",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Donald Trump", "subject-participle"),
        ("Stu Burguiere", "said-before-name"),
        ("Donald Trump", "said-before-name"),
    ]


def test_a_named_body_speaks_even_where_the_article_also_places_something_in_it() -> None:
    quotes = analysed(
        "An editorial appeared in the Global Times on Thursday, and a reply at Calder Lane.",
        "\u201cThe candidate has surprisingly earned himself a few fans in China,\u201d the "
        "Global Times said.",
        "\u201cWe will not rush to judge him,\u201d Calder Lane said.",
    )
    assert [q.speaker for q in quotes] == ["Global Times", None]


def test_phrasal_speech_verbs_and_an_owned_role_after_the_verb() -> None:
    quotes = analysed(
        "Jim Bennett and Sandy Paradis stood outside the polling place in the cold.",
        "\u201cThey are all here because he is promising them free stuff,\u201d Bennett shot back "
        "with a laugh.",
        "\u201cWe are treating the whole month as one long Election Day,\u201d said Rubio\u2019s "
        "deputy campaign manager, Rich Beeson, who ran a ground game before.",
    )
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Jim Bennett", "said-after"),
        ("Rich Beeson", "said-before-name"),
    ]
    assert quotes[1].role == "Rubio\u2019s deputy campaign manager"


def test_a_surname_alone_before_a_speech_verb_is_a_person_a_pronoun_can_mean() -> None:
    quotes = analysed(
        "Donald Trump went with the odds and picked Denver to win the game.",
        "Cruz openly admitted that his pick was political. \u201cWith an eye to the primary, I "
        "pick Carolina,\u201d he said.",
    )
    assert [q.speaker for q in quotes] == ["Cruz"]


def test_a_name_with_an_appositive_before_its_speech_verb_is_the_subject_a_pronoun_means() -> None:
    quotes = analysed(
        "Ms. Nina Turner spoke first at the meeting in Las Vegas.",
        "After the meeting ended in chaos when delegates were turned away, Roberta Lange, the "
        "state party chairwoman, said she had received threats.",
        "\u201cThe campaign helped incite everything that happened,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Roberta Lange"]


def test_a_surname_after_an_honorific_is_a_name_even_when_it_is_a_role_word() -> None:
    quotes = analysed(
        "Facebook activated its Safety Check tool for people in Paris on Friday.",
        "\u201cWe created it for moments like this one,\u201d Ms. White said.",
        "\u201cThe tool will stay on all week,\u201d said Lt. Col. Anna Reyes.",
    )
    assert [q.speaker for q in quotes] == ["White", "Anna Reyes"]


def test_he_or_she_never_means_an_acronym_or_a_body() -> None:
    quotes = analysed(
        "Jon Reyes, a former pitcher, joined the network in 2010.",
        "ESPN said on Monday that his contract had ended.",
        "\u201cI will not apologise for any of it,\u201d he said.",
    )
    assert quotes[0].speaker == "Jon Reyes"


def test_a_phrase_naming_someone_else_after_a_name_gives_no_gender_and_no_role() -> None:
    quotes = analysed(
        "Curt Schilling, through a spokeswoman, declined to comment on Monday.",
        "Later that day Schilling met the producer Tom Hale at the studio.",
        "\u201cI will not apologise for any of it,\u201d he said.",
    )
    assert (quotes[0].speaker, quotes[0].role) == ("Curt Schilling", "")


def by_rules_alone(*paragraphs: str) -> list[Quote]:
    doc = Document(id="a", path="a.txt", body="\n\n".join(paragraphs))
    quotes = extract_quotes(doc)
    by_rules(doc, quotes)
    return quotes


def test_a_quotation_inside_a_sentence_is_its_subjects() -> None:
    [quote] = by_rules_alone(
        "Ada Brandt and Chris Holm say Senator Marco Ruiz has not been tested. Speaking on the "
        "radio on Monday, Brandt referred to Ruiz as \u201ca bright, charismatic leader with no "
        "record at all.\u201d"
    )
    assert (quote.speaker, quote.attribution) == ("Ada Brandt", "sentence-subject")


def test_a_phrase_after_a_quotation_that_ends_its_sentence_does_not_continue_it() -> None:
    quotes = by_rules_alone(
        "Former governor Jeb Bush called the orders \u201cquite dangerous.\u201d Governor Chris "
        "Christie, hoping to win the state, called Obama a \u201cpetulant child\u201d who is acting "
        "\u201cas if he is a king.\u201d"
    )
    assert by_text(quotes, "quite").speaker == "Jeb Bush"
    assert by_text(quotes, "petulant").speaker is None


def test_a_common_first_name_gives_a_gender_for_he_and_she() -> None:
    quotes = analysed(
        "Hillary Ward introduced Tom Baker at the hall on Monday.",
        "Baker thanked the crowd and sat down.",
        "\u201cWe will win this district in the autumn,\u201d she said.",
    )
    assert quotes[0].speaker == "Hillary Ward"


def test_a_clause_opening_the_sentence_names_no_speaker_unless_it_cites_one() -> None:
    quotes = analysed(
        "When Tom Brandt suggested a deal with the port authority, Ruth Okafor fired back "
        "forcefully: \u201cIf they sue us in court, they are going to lose.\u201d",
        "When Wallace died in 1998, President Ann Hale released the following statement: "
        "\u201cWe offer our condolences to the family of the governor.\u201d",
        "Tom Brandt met the board on Monday. As Ruth Okafor, the deputy leader, put it: "
        "\u201cThis plan will not pass.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Ruth Okafor", "Ann Hale", "Ruth Okafor"]


def test_a_title_in_words_about_someone_else_gives_no_gender() -> None:
    quotes = analysed(
        "Ada Lowe, a prominent surrogate for Mr. Sanders, spoke at the hall on Monday.",
        "Tom Hale spoke after her.",
        "\u201cWe will win the state by ten points,\u201d she said.",
    )
    assert quotes[0].speaker == "Ada Lowe"


def test_a_speech_verb_after_a_closed_quotation_with_where_or_to_whom_names_the_speaker() -> None:
    quotes = analysed(
        "Governor Ann Hale named the drama as her favourite show. It follows Ruth Okafor, a spy.",
        "\u201cSometimes we ex-diplomats need our fix!\u201d Hale said to the magazine. She left.",
        "\u201cThe vote is over.\u201d Okafor said on Monday that she had lost.",
    )
    assert quotes[0].speaker == "Ann Hale"
    assert quotes[1].attribution != "said-after"  # Okafor's own sentence, reported


def test_said_then_a_description_and_a_name_after_a_comma() -> None:
    quotes = analysed(
        "Tom Brandt joined the club in 1966.",
        "\u201cIt may have been his first attempt to make his own statement,\u201d said his best "
        "friend at Lehigh, Bruce Turry, who joined the club too.",
        "\u201cThe odds are that there will be eight justices,\u201d said another leading Supreme "
        "Court advocate, Andrew J. Pincus of the law firm Mayer Brown.",
    )
    assert [q.speaker for q in quotes] == ["Bruce Turry", "Andrew J. Pincus"]


def test_his_or_her_relation_then_a_name_then_a_speech_verb() -> None:
    quotes = analysed(
        "Ann Hale met Tom Brandt at the academy.",
        "\u201cHe had so many projects and ambitions,\u201d his friend Mahamat Saleh Oumar told "
        "the website.",
    )
    assert quotes[0].speaker == "Mahamat Saleh Oumar"


def test_a_place_set_off_by_commas_inside_a_description_before_the_verb() -> None:
    quotes = analysed(
        "Tom Brandt spoke first.",
        "Ann Hale, during a town hall meeting in Columbus, Ohio, said she was \u201cgoing to put a "
        "lot of miners out of work.\u201d",
    )
    assert quotes[0].speaker == "Ann Hale"


def test_names_that_read_like_verbs_descriptions_and_posts_give_the_right_speaker() -> None:
    quotes = analysed(
        "Governor Dana Whitfield vetoed the transit bill on Friday.",
        "Whitfield told the Denver Post in a written statement, \u201cThis bill spends money the"
        " state does not have.\u201d",
        "Senator Rob Keane, a Colorado Republican, called the veto a mistake.",
        "\u201cWe will override it before the session ends,\u201d Keane said on Saturday."
        " Recalling his years as a county prosecutor, the Colorado Republican added,"
        " \u201cI have never seen a veto this weak.\u201d",
        "\u201cThe votes are simply not there for an override,\u201d a Denver Democrat said.",
        "Perhaps Whitfield put it best: \u201cA promise without money is only a wish.\u201d",
        "From Keane\u2019s Facebook post: \u201cSee you all at the Capitol on Monday morning.\u201d",
    )
    expected = {
        "This bill spends": "Dana Whitfield",  # "Post" is the paper's name, not "posted"
        "We will override": "Rob Keane",
        "I have never seen": "Rob Keane",  # the description, not "a county prosecutor"
        "The votes are": "Denver Democrat",  # a source left unnamed, as the article gives it
        "A promise without": "Dana Whitfield",  # "Perhaps" opens the sentence, not the name
        "See you all": "Rob Keane",  # the post's owner, not the platform
    }
    assert {start: by_text(quotes, start).speaker for start in expected} == expected


def test_a_document_speaks_for_whoever_the_article_says_issued_it() -> None:
    quotes = analysed(
        "The Harbour Tenants Union sued the city housing office, led by Mara Quinn, on Monday.",
        "The lawsuit claims the new fees \u201cfall hardest on families who already pay too"
        " much.\u201d",
        "\u201cThe office acted within its powers at every step,\u201d the complaint reads in"
        " its final section, quoting an earlier ruling against it.",
        "Quinn said she had not read it.",
        "\u201cWe will answer in court,\u201d said the head of the city\u2019s legal department,"
        " Omar Reyes.",
    )
    assert by_text(quotes, "fall hardest").speaker == "Harbour Tenants Union"
    assert by_text(quotes, "The office acted").speaker == "Harbour Tenants Union"  # not Quinn
    assert by_text(quotes, "We will answer").speaker == "Omar Reyes"  # not the department


def test_surnames_with_particles_and_bodies_named_in_full_or_by_their_noun() -> None:
    quotes = analysed(
        "Central bank governor Maria Luisa de la Fuente held rates on Wednesday, and the"
        " Harbour Workers\u2019 Union called a strike.",
        "\u201cPrices are still rising faster than wages,\u201d de la Fuente said.",
        "\u201cThe strike starts at six on Monday morning,\u201d the union said in a statement.",
        "\u201cWe will talk to anyone who brings a real offer,\u201d said the Harbour Workers\u2019"
        " Union.",
        "Outgoing mayor Joost van den Berg conceded late on Sunday. \u201cThe voters have"
        " spoken and I accept it,\u201d Van den Berg told supporters.",
    )
    expected = {
        "Prices are still": "Maria Luisa de la Fuente",
        "The strike starts": "Harbour Workers\u2019 Union",  # the body named before, in full
        "We will talk": "Harbour Workers\u2019 Union",  # its apostrophe kept
        "The voters have": "Joost van den Berg",
    }
    assert {start: by_text(quotes, start).speaker for start in expected} == expected


def test_a_description_goes_to_the_person_given_that_role_not_their_deputy() -> None:
    quotes = analysed(
        "Bank governor Ines Moreau left rates unchanged. Deputy Governor Karl Brandt argued in a"
        " speech last week that \u201cthe risks are still tilted towards higher prices\u201d.",
        "Asked about the currency, the governor said: \u201cWe do not target the exchange"
        " rate.\u201d",
        "Lena Sorensen, a labour economist at the Institute for Regional Policy in Arvenna,"
        " said both sides had a point. \u201cThey are right about the numbers and wrong about the"
        " cure,\u201d the economist said.",
    )
    assert by_text(quotes, "We do not target").speaker == "Ines Moreau"
    assert by_text(quotes, "They are right").speaker == "Lena Sorensen"


def test_a_second_verb_or_a_participle_belongs_to_the_sentences_subject() -> None:
    quotes = analysed(
        "In a long interview with reporter Nina Ward, Ortega said he would accept extradition"
        " to the United States and added, \u201cI will plead guilty, no problem.\u201d",
        "Mayor Ruth Lindgren said the closure was ordered by police chief Dan Kerr and said,"
        " \u201cAsk the chief who keeps this city safe.\u201d",
        "On Tuesday, Senator Paul Adair dodged questions about Governor Lee Hart before saying,"
        " \u201cIt is time to stop attacking people and get back to work.\u201d",
        "As Bishop Tomas Varga of the Lutheran Diocese of Estland told the agency,"
        " \u201cWe have all suffered the same fate in this valley.\u201d",
    )
    expected = {
        "I will plead": "Ortega",  # not "the United States and"
        "Ask the chief": "Ruth Lindgren",  # not the chief named in her sentence
        "It is time": "Paul Adair",  # not the governor he was asked about
        "We have all": "Tomas Varga",  # not "Estland"
    }
    assert {start: by_text(quotes, start).speaker for start in expected} == expected


def test_a_long_body_name_is_one_body_never_he_or_she() -> None:
    quotes = analysed(
        "Marta Solheim, director of the North Fjord Clean Water Project, a conservation group,"
        " said the plan came too late. \u201cA warning siren is not a strategy,\u201d she said.",
        "A spokesman for the Coastal Ferry Operators\u2019 Forum, which speaks for the smaller"
        " lines, said: \u201cOthers will cut sailings before the winter.\u201d",
    )
    assert by_text(quotes, "A warning siren").speaker == "Marta Solheim"
    assert by_text(quotes, "Others will cut").speaker == "Coastal Ferry Operators\u2019 Forum"


def test_a_document_speaks_for_whoever_filed_or_owns_it() -> None:
    quotes = analysed(
        "Tenants went to court on Monday. The complaint, brought by the firm Dale & Moss on"
        " behalf of 30 families, says \u201cthe landlord ignored every repair request for years.\u201d",
        "A petition filed Friday by Harbour Tenants United, the group led by Ines Hale, asks"
        " for an inquiry. According to the petition, \u201cthe boilers failed in every block last"
        " winter.\u201d",
        "According to the class-action suit filed by the Leeds firm Dale & Moss, the landlord"
        " \u201cknew for years that the lifts were unsafe.\u201d",
        "In 2019 Ashby Borough Council bought the Quayside mall with borrowed money. The"
        " council\u2019s own press release was unambiguous: \u201cQuayside will pay for itself"
        " within a decade.\u201d",
    )
    expected = {
        "the landlord ignored": "Dale & Moss",
        "the boilers failed": "Harbour Tenants United",
        "knew for years": "Dale & Moss",
        "Quayside will pay": "Ashby Borough Council",
    }
    assert {start: by_text(quotes, start).speaker for start in expected} == expected


def test_a_named_place_is_no_person_a_pronoun_could_mean() -> None:
    quotes = analysed(
        "At the Kingsway pool in Ashby, Omar Reyes has taught swimming for a decade. This week"
        " he has been wondering what will happen to it.",
        "\u201cIf the pool closes, I don\u2019t know where these children will swim,\u201d he said.",
        "The council bought the Ashby Quayside shopping centre in 2019.",
    )
    assert by_text(quotes, "If the pool closes").speaker == "Omar Reyes"


def test_the_company_said_is_the_body_that_spoke_just_before() -> None:
    quotes = analysed(
        "The Fjordside Dockers Alliance, which represents 300 crane drivers, said it would strike."
        " \u201cThe port cannot run without us, and the owners know it,\u201d the union said.",
        "Norvik Freight, based in Bergen, said two drivers had been suspended. \u201cWe are"
        " cooperating with the inquiry at every step,\u201d the company said.",
    )
    assert by_text(quotes, "The port cannot").speaker == "Fjordside Dockers Alliance"
    assert by_text(quotes, "We are cooperating").speaker == "Norvik Freight"


def test_a_firm_named_by_one_word_is_never_he_or_she() -> None:
    quotes = analysed(
        "Talvik said its plant would move to Poland, and 900 Talvik workers lost their jobs.",
        "The closure angered state Representative Kim Lund, a Democrat. Talvik later said the"
        " decision was final. \u201cWe built this town,\u201d she said.",
    )
    assert by_text(quotes, "We built this").speaker == "Kim Lund"  # not Talvik, said last


def test_a_document_names_no_issuer_when_the_nearest_sender_is_unnamed() -> None:
    quotes = analysed(
        "A fundraising email sent by Ana Ruiz on Monday asked for money.",
        "Her rival\u2019s team sent out an email appeal of its own. \u201cWe need every dollar"
        " you can give tonight,\u201d the email said.",
    )
    assert by_text(quotes, "We need every").speaker is None


def test_a_name_after_an_adjective_or_a_spokesman_for_a_body_speaks() -> None:
    quotes = analysed(
        "Talks at the port ended at dawn with a deal.",
        "\u201cWe came to sign a fair deal,\u201d a beaming Torvik told reporters outside.",
        "\u201cNobody here has won anything yet,\u201d an angry Ellery said later.",
        "\u201cThe deal protects every crane job for five years,\u201d said a spokesman for the"
        " Harbour Dockers Union.",
    )
    assert by_text(quotes, "We came to").speaker == "Torvik"
    assert by_text(quotes, "Nobody here").speaker == "Ellery"
    union = by_text(quotes, "The deal protects")
    assert (union.speaker, union.role) == ("Harbour Dockers Union", "spokesman")


def test_the_ministry_or_the_company_is_the_body_of_that_kind_named_before() -> None:
    quotes = analysed(
        "The Ministry of Fisheries welcomed the ruling. According to the ministry, the quota"
        " \u201cwill be restored in full from the spring season\u201d.",
        "Norhavn Harbour Holdings made a new offer on Friday. Its chief executive spoke for an"
        " hour. In a statement, the company said it \u201cregrets the disruption to every"
        " customer\u201d.",
        "The Ostby Folk Museum will return the drum. The board \u201cvoted unanimously to"
        " transfer full title to the Sami parliament,\u201d the museum\u2019s trustees said.",
        "The FTDU has just issued a short statement. \u201cOur members will not be bullied"
        " back to work,\u201d the union said.",
        "The case was brought by Hale & Dunmore on Monday. \u201cThe defendant drained the"
        " wells the farm relied upon,\u201d the complaint says.",
    )
    expected = {
        "will be restored": "Ministry of Fisheries",
        "regrets the disruption": "Norhavn Harbour Holdings",
        "voted unanimously": "Ostby Folk Museum",
        "Our members will": "FTDU",
        "The defendant drained": "Hale & Dunmore",
    }
    assert {start: by_text(quotes, start).speaker for start in expected} == expected


def test_an_opening_participle_clause_names_no_subject_and_describes_none() -> None:
    quotes = analysed(
        "Ida Rennet allowed herself a smile.",
        "Standing beside the returning officer, Carl Brandvold, on the stage of the town hall,"
        " the Forward candidate had listened with her eyes closed.",
        "\u201cI did not believe it until the numbers were read out,\u201d she said afterwards.",
        "Fisheries minister Per Lunde defended the quota. A senior official at the ministry,"
        " speaking on condition of anonymity because he was not allowed to discuss the"
        " minister\u2019s views, said: \u201cThe minister is furious with both sides.\u201d",
        "A source at the museum told the Herald there had been \u201creal nervousness about what"
        " other countries might ask for next\u201d.",
    )
    assert by_text(quotes, "I did not believe").speaker == "Ida Rennet"
    official = by_text(quotes, "The minister is furious").speaker  # not the minister
    assert official == "unnamed senior official"
    assert by_text(quotes, "real nervousness").speaker == "unnamed source"  # not the museum


def test_a_title_held_in_a_body_is_a_person_and_a_firm_with_an_ampersand_is_one_name() -> None:
    quotes = analysed(
        "Standing on a crate outside Gate 4, the general secretary of the Quay and Harbour"
        " Workers\u2019 Union told the crowd: \u201cWe will fight for every job on this quay.\u201d",
        "Simon Arle of Hale & Dunmore called the ruling \u201ca landmark decision for every"
        " farmer who depends on groundwater.\u201d",
    )
    assert by_text(quotes, "We will fight").speaker is None  # a person, not the union
    assert by_text(quotes, "a landmark decision").speaker == "Simon Arle"  # not "Dunmore"


def test_a_body_keeps_its_whole_name_across_the_library() -> None:
    from reader.quotes.speakers import parse_speaker

    assert parse_speaker("Ostby Museum of World Cultures") == ("Ostby Museum of World Cultures", "")
    assert parse_speaker("Director of the Institute of Fisheries Ana Ruiz")[0].endswith("Ana Ruiz")


def test_a_heading_line_is_no_part_of_the_sentence_under_it() -> None:
    quotes = analysed(
        "22:40 \u2013 Alliance speaks\nAlliance spokesman Per Lunde is the first to speak to us."
        " \u201cIt is far too early to call anything tonight,\u201d he said.",
        "02:05 \u2013 Mood darkens in Alliance camp\nPer Lunde again, and it is a rather"
        " different tone: \u201cClearly this is a disappointing night for us.\u201d",
    )
    assert by_text(quotes, "Clearly this is").speaker == "Per Lunde"  # not "Mood"


def test_a_role_word_after_a_given_name_is_a_surname_and_said_x_closes_a_sentence() -> None:
    quotes = analysed(
        "Dan Backer, the fund's lawyer, has rejected the label.",
        "\u201cRaising money costs money, and everyone in this business knows it,\u201d Backer says.",
        "Lund leads by 40 seats. \u201cShe can claim it, but it seems very unlikely\u201d that Berg"
        " can catch Lund, said Ola Strand, a strategist.",
    )
    assert by_text(quotes, "Raising money").speaker == "Dan Backer"  # not the role "backer"
    assert by_text(quotes, "She can claim").speaker == "Ola Strand"


def test_a_report_named_for_its_body_or_made_by_a_firm_speaks_for_it() -> None:
    quotes = analysed(
        "A 2021 Harbour Safety Board report found \u201cno evidence that the cranes were ever"
        " inspected on time.\u201d",
        "A projection by the consulting firm Norden Analytics, prepared for the port, predicted"
        " that \u201cone job in five would be gone within a decade\u201d.",
    )
    assert by_text(quotes, "no evidence that").speaker == "Harbour Safety Board"
    assert by_text(quotes, "one job in five").speaker == "Norden Analytics"


def test_a_phrase_in_a_clause_opening_the_sentence_is_the_main_clauses_subjects() -> None:
    quotes = analysed(
        "Harbour Trust chair Ines Moreau spoke after the vote.",
        "Although the two sides remain \u201cfar apart\u201d, the chair outlined three areas where"
        " talks could go on.",
        "It is \u201ca fair deal\u201d, and the union has been told so, according to the minutes.",
    )
    assert by_text(quotes, "far apart").speaker == "Ines Moreau"


def test_he_skips_a_woman_and_a_subject_of_unknown_gender_for_the_man_just_named() -> None:
    quotes = analysed(
        "Councillor Bethan Rusk has posted on X in support of the strike.",
        "Our reporter Fiona Mabey has been talking to crane operator Lewis Oyelaran on the"
        " picket line.",
        "\u201cTwenty-six years I have worked these cranes, and now they want robots,\u201d he said.",
    )
    assert by_text(quotes, "Twenty-six years").speaker == "Lewis Oyelaran"


def test_a_firm_is_known_by_its_chief_executive_and_shares_and_speaks_as_the_company() -> None:
    quotes = analysed(
        "Brennock Marine said on Friday that the ferry had been withdrawn. Brennock chief "
        "executive Ola Strand apologised to passengers.",
        "In a statement, the company said: \u201cThe safety of our passengers comes first.\u201d",
        "Shares in Tavistel fell 4 percent. \u201cWe will answer every question put to us,\u201d "
        "the company said.",
    )
    assert [q.speaker for q in quotes] == ["Brennock Marine", "Tavistel"]


def test_the_club_and_the_regulator_are_the_bodies_named_before() -> None:
    quotes = analysed(
        "Harwick Rovers turned down a second offer for their goalkeeper on Tuesday.",
        "\u201cHe is not for sale at any price,\u201d the club said in a statement.",
        "The Food Standards Authority ordered the recall. \u201cNo batch will go back on sale "
        "before it is tested,\u201d the regulator said.",
    )
    assert [q.speaker for q in quotes] == ["Harwick Rovers", "Food Standards Authority"]


def test_a_spokeswoman_for_a_body_named_before_speaks_for_it() -> None:
    quotes = analysed(
        "The Coastal Planning Commission rejected the marina plan.",
        "A spokeswoman for the commission said: \u201cThe plan failed on flood risk alone.\u201d",
        "A spokeswoman for the commission said the decision was final. \u201cThere is no "
        "appeal against it,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Coastal Planning Commission"] * 2


def test_he_or_she_after_a_person_left_unnamed_in_the_paragraph_stays_unnamed() -> None:
    quotes = analysed(
        "Mrs Edna Pryce, 81, was rescued from her bungalow by boat. \u201cI have never seen "
        "the water this high,\u201d she said.",
        "Her daughter, who asked not to be named, was angrier. \u201cNobody knocked on a single "
        "door on this street,\u201d she said.",
        "Outside the town hall, one volunteer said the shelters were full. \u201cWe turned "
        "families away at midnight,\u201d he said.",
        "Councillor Rhys Danby defended the response. \u201cEvery shelter stayed open all "
        "night,\u201d he said.",
    )
    unnamed = ["unnamed daughter", "unnamed volunteer"]
    assert [q.speaker for q in quotes] == ["Edna Pryce", *unnamed, "Rhys Danby"]
    assert [q.role for q in quotes[1:3]] == ["daughter", "volunteer"]


def test_people_described_by_what_they_are_stay_unnamed_and_such_words_in_names_stay_names() -> (
    None
):
    quotes = analysed(
        "Mayor Jo Hale opened the new stand.",
        "\u201cThis club has finally listened to its supporters,\u201d said one fan, who did "
        "not give his name.",
        "\u201cIt took them eleven years to do it,\u201d a pensioner said.",
        "Fan Lirong, the club's new owner, watched from the directors' box. \u201cThe stand is "
        "for the town,\u201d Fan said.",
    )
    assert [q.speaker for q in quotes] == ["unnamed fan", "unnamed pensioner", "Fan Lirong"]
    assert [q.role for q in quotes[:2]] == ["fan", "pensioner"]


def test_sources_left_unnamed_speak_as_the_article_describes_them() -> None:
    quotes = analysed(
        "Talks on the harbour deal resumed on Tuesday in Velmora.",
        "\u201cNobody is leaving the room tonight,\u201d said one delegate outside the hall.",
        "\u201cThe numbers do not add up,\u201d two officials familiar with the talks said.",
        "\u201cWe expect a text by Friday,\u201d an official at the ministry said.",
        "\u201cIt is closer than it looks,\u201d said one person familiar with the matter.",
        "\u201cThe owners will blink first,\u201d sources said.",
    )
    assert [q.speaker for q in quotes] == [
        "unnamed delegate",
        "unnamed officials",
        "unnamed official",
        "unnamed person",
        "unnamed sources",
    ]
    assert all(q.unnamed for q in quotes)
    assert quotes[2].role == "official"


def test_the_description_said_again_is_the_unnamed_source_and_a_role_held_is_its_holder() -> None:
    quotes = analysed(
        "A harbour official, who declined to be named because the talks were private, said the"
        " offer had been rejected.",
        "\u201cThere was real anger in the room,\u201d the official said.",
        "The port's general secretary, Ann Ketteridge, spoke to the crowd later.",
        "\u201cWe will fight for every job,\u201d the general secretary said.",
    )
    assert [q.speaker for q in quotes] == ["unnamed harbour official", "Ann Ketteridge"]


def test_he_or_she_means_no_unnamed_person_once_a_named_subject_came_after_them() -> None:
    quotes = analysed(
        "Ruth Calder ran the campaign for a decade.",
        "Her nephew made headlines in 1992 when a local activist revealed his debts. Mrs. Calder"
        " said she regarded the story as an attack on her. In 2010 she said of her critics:"
        " \u201cThey never wanted to win an argument, only to end one.\u201d",
    )
    assert quotes[0].speaker == "Ruth Calder"


def test_a_description_is_unnamed_only_when_it_describes_someone() -> None:
    quotes = analysed(
        "Paul Ryan set out his plan.",
        "He\u2019s said the plan \u201crisks nothing\u201d.",
        "\u201cWe were never told,\u201d the Trump who fights with reporters said.",
    )
    assert all(not (q.speaker or "").startswith("unnamed") for q in quotes)


def test_a_new_unnamed_person_is_not_the_holder_of_a_role_named_before() -> None:
    quotes = analysed(
        "Pellmar Freight chief executive Dora Vance said the strike was costing millions.",
        "\u201cShelves will be empty within a week,\u201d one haulage executive told me.",
        "A senior Alliance figure was more scathing. \u201cWe saw this coming for months,\u201d the"
        " insider said.",
        "The Courier has spoken to a former member of the firm's safety team, who asked not to"
        " be named.",
        "\u201cEveryone knew the valves were failing,\u201d the former employee said.",
    )
    said = ["unnamed haulage executive", "unnamed insider", "unnamed former employee"]
    assert [q.speaker for q in quotes] == said  # never Dora Vance, the chief executive


def test_he_in_a_paragraph_opening_with_the_quote_is_the_unnamed_person_just_described() -> None:
    quotes = analysed(
        "Mayor Ilse Brandt said the alarms had worked.",
        "A technician at the plant, speaking on condition of anonymity, told the Gazette that"
        " staff had warned about the sensors.",
        "\u201cWe had been asking for new sensors for two years,\u201d he said.",
        "Speaking to Radio Vell, she said the town had been \u201cwell served\u201d.",
    )
    assert [q.speaker for q in quotes] == ["unnamed technician", "Ilse Brandt"]


def test_any_word_before_a_full_name_is_its_role() -> None:
    quotes = analysed(
        "Critics said the poster recalled old slurs.",
        "\u201cI am impressed by his talent for offending everyone,\u201d playwright Tomas Reyl"
        " wrote on Twitter.",
    )
    assert quotes[0].speaker == "Tomas Reyl"


def test_it_says_speaks_for_the_document_or_the_body_before_it() -> None:
    quotes = analysed(
        "The Food Standards Board on Monday widened a recall of infant formula to nine batches.",
        "\u201cAffected tins may contain traces of cleaning fluid,\u201d the recall notice reads.",
        "The notice warns parents not to throw the tins away. \u201cKeep the tin and its receipt"
        " for a refund,\u201d it says.",
        "Dr Lena Marsh, the board's chief scientist, said the risk was low.",
        "The Dairy Farmers Association rejected the claims on Tuesday. \u201cOur plants passed every inspection"
        " this year,\u201d it said.",
    )
    board, again, dairy = (
        by_text(quotes, "Affected"),
        by_text(quotes, "Keep"),
        by_text(quotes, "Our"),
    )
    assert board.speaker == again.speaker == "Food Standards Board"  # never Dr Marsh
    assert dairy.speaker == "Dairy Farmers Association"


def test_the_same_document_said_again_keeps_its_issuer_and_another_does_not() -> None:
    quotes = analysed(
        "\u201cFurther tightening is needed,\u201d the Central Bank of Orvalia said in a statement"
        " after its meeting.",
        "The statement added that \u201crisks remain tilted to the upside\u201d.",
        "\u201cWe regret the decision,\u201d the letter said.",
    )
    assert [q.speaker for q in quotes] == ["Central Bank of Orvalia"] * 2 + ["unnamed letter"]


def test_a_role_opening_a_sentence_is_a_mention_of_its_holder_for_he_or_she() -> None:
    quotes = analysed(
        "Judge Ann Mowbray granted the injunction on Tuesday. Nadia Ferrow, for the defendant,"
        " said she would appeal.",
        "The judge was alive to the wider stakes. At the hearing, she cautioned counsel:"
        " \u201cI am not here to decide the future of the industry.\u201d",
    )
    assert quotes[0].speaker == "Ann Mowbray"  # not Ferrow, the woman named last


def test_a_colon_intro_skips_an_opening_question_and_takes_the_name_after_a_description() -> None:
    quotes = analysed(
        "Tomas Brill represents the player.",
        "Asked what would happen if Pellmouth refused to budge, Brill was blunt: \u201cIf the club"
        " wants a war, they will have one.\u201d",
        "The opposition deputy Ilse Varga of the Green Renewal party said for our newspaper:"
        " \u201cThe government did nothing to achieve this.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Tomas Brill", "Ilse Varga"]
    assert quotes[1].role == "opposition deputy"


def test_he_or_she_is_never_someone_the_quote_names_by_title_or_in_full() -> None:
    quotes = analysed(
        "Tomas Brill, who represents the player, said he had tried to call the club. The club"
        " manager, Sean Dwyer, said on Friday that he had no intention of speaking to the agent.",
        "\u201cMister Dwyer knows exactly what was said in that room,\u201d he said.",
        "Ana Ruiz, the mayor, opened the hall. Her rival Ed Roe was there.",
        "\u201cThe Roe supporters were loud,\u201d she said.",
    )
    assert quotes[0].speaker == "Tomas Brill"  # not Dwyer, whom the quote names
    assert quotes[1].speaker == "Ana Ruiz"  # a bare surname before a noun names nobody


def test_a_clause_going_on_from_an_attributed_quote_keeps_its_speaker() -> None:
    quotes = analysed(
        "Ines Dahl told the rally that \u201cno nurse wants to be on this line\u201d, and ended with"
        " a line the Northgate pickets chanted as they left: \u201cWe will not back down.\u201d",
        "Tomas Reyl spoke next, and then Ana Ruiz said: \u201cWe are not going anywhere.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Ines Dahl", "Ines Dahl", "Ana Ruiz"]


def test_a_question_introduces_no_speaker_and_a_hyphened_modifier_goes_before_a_name() -> None:
    quotes = analysed(
        "Ana Ruiz met the governor on Monday.",
        "A reporter asked: Did they talk about the bridge tolls?",
        "\u201cWe didn't discuss that,\u201d tight-lipped Ruiz said.",
        "A reporter asked: Will the tolls rise?",
        "\u201cNot this year.\u201d",
    )
    assert quotes[0].speaker == "Ana Ruiz"
    assert quotes[1].speaker is None  # the answer to a reporter's question is not the reporter's


def test_a_full_name_before_of_is_the_speaker_whatever_the_body_after_it() -> None:
    quotes = analysed(
        "\u201cWhether you agree or not, he is winning,\u201d said Phil Marsh of digital"
        " consulting firm IMGE.",
    )
    assert (quotes[0].speaker, quotes[0].role) == ("Phil Marsh", "of digital consulting firm IMGE")


def test_an_owner_s_noun_then_a_full_name_set_off_by_a_comma_is_that_person() -> None:
    quotes = analysed(
        "Ana Ruiz arrived late at the rally.",
        "\u201cIt's a joy to be here,\u201d said Ruiz's introducer, actress Jo Ellen Marsh.",
    )
    assert quotes[0].speaker == "Jo Ellen Marsh"  # not Ruiz, the owner


def test_a_nickname_in_marks_is_part_of_a_name_not_a_quotation() -> None:
    quotes = analysed(
        'Juan "Chico" Marquez of Oakland carried one of the photos. "I cried the whole parade,"'
        " he said.",
        "Robert \u2018Bob\u2019 Hale waved. \u2018Never again,\u2019 said the crowd behind him.",
    )
    assert [q.text for q in quotes][:1] == ["I cried the whole parade"]
    assert quotes[0].speaker == "Juan Marquez"
    assert "Bob" not in [q.text for q in quotes]


def test_a_body_before_which_speaks_for_the_relative_clause_and_the_sentence_after_it() -> None:
    quotes = analysed(
        "The suit filed by Marsh & Dunn alleges that \u201cKelvar knew by January\u201d. Kelvar"
        " Foods, which on Monday insisted that \u201csafety is our first priority\u201d, now says"
        " flatly: \u201cWe did not know about this in January.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Marsh & Dunn", "Kelvar Foods", "Kelvar Foods"]


def test_a_ruling_speaks_for_the_judge_and_another_document_does_not() -> None:
    quotes = analysed(
        "Judge Ann Mowbray granted the injunction on Tuesday.",
        "What the judgment does not do is just as important. \u201cNothing in this judgment"
        " decides the licence,\u201d the ruling states.",
        "The defendant was unmoved. \u201cWe will appeal the ruling,\u201d the statement said.",
    )
    assert [q.speaker for q in quotes] == ["Ann Mowbray", "unnamed statement"]


def test_accused_is_a_speech_verb_and_its_passive_names_no_speaker() -> None:
    quotes = analysed(
        "Simon Kerr, for the company, said it would appeal.",
        "The case was brought by Orme & Castellan, the Kellow law firm. Its filing accused"
        " Brightwater of drawing down \u2018water the vines have relied upon since 1911\u2019.",
    )
    assert [q.speaker for q in quotes] == ["Orme & Castellan"]  # the firm's filing, never Kerr
    passive = by_rules_alone("Ana Ruiz was accused of \u201clying to the council\u201d by rivals.")
    assert passive[0].speaker is None


def test_a_body_named_with_of_is_one_body_and_its_officer_named_after_a_comma_speaks() -> None:
    quotes = analysed(
        "Members of the Federation of Nursing Staff walked out on Monday. The Ministry of Health"
        " said the offer stood.",
        "The union said in its own statement that \u201cthe strike will go on until the"
        " government returns to the table\u201d.",
        "The union\u2019s general secretary, Ines Dahl, had posted on X at breakfast time:"
        " \u201cThank you to every patient who brought us tea.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Federation of Nursing Staff", "Ines Dahl"]
    assert quotes[1].role == "union\u2019s general secretary"


def test_a_person_left_unnamed_by_a_plain_noun_speaks_as_described() -> None:
    quotes = analysed(
        "Ana Ruiz leads the inquiry.",
        "A recording of the audio captured a controller shouting, \u201cMeridian 419, stop!\u201d",
        "\u201cIt was like a bomb going off,\u201d a bystander said.",
        "He made a point of saying the club was \u201ca place of welcome for everyone\u201d.",
        "Ed Roe issued a statement saying the plan was \u201ca disgrace to the whole town\u201d.",
        "\u201cWe will look at it again,\u201d a statement said.",
    )
    said = [q.speaker for q in quotes]
    assert said[:2] == ["unnamed controller", "unnamed bystander"]
    assert said[2] != "unnamed point" and said[3] == said[4] == "Ed Roe"  # the statement he issued


def test_the_short_form_of_a_body_is_no_one_he_or_she_can_mean() -> None:
    quotes = analysed(
        "Northway Health runs the hospital. Karen Lindqvist, the system's chief executive, came"
        " to the forum.",
        "Northway took over the hospital in 2019. \u201cWe didn't make this decision lightly,\u201d"
        " she told the audience.",
    )
    assert quotes[0].speaker == "Karen Lindqvist"  # never Northway


def test_a_capitalised_preposition_or_number_opening_a_sentence_is_no_part_of_a_name() -> None:
    quotes = analysed(
        "Mert Celik wants the club. About Celik, the coach said: \u201cI have not spoken with him.\u201d",
        "Ten days later the owner spoke. \u201cThe club is not for sale,\u201d Desmond Hark said.",
    )
    assert "About" not in (quotes[0].speaker or "")
    assert quotes[1].speaker == "Desmond Hark"


def test_a_body_named_with_of_speaks_whole_and_an_office_of_it_is_its_holder_s() -> None:
    quotes = analysed(
        "\u201cCrews have worked long shifts for years,\u201d said the National Union of Maritime"
        " Workers.",
        "Selwyn Polymers is disappointed by the judgment.",
        "Alan Brent, Chief Executive of Selwyn Polymers, said:",
        "\u201cNobody at Selwyn wants anyone in the village to be harmed.\u201d",
    )
    assert [q.speaker for q in quotes] == ["National Union of Maritime Workers", "Alan Brent"]


def test_a_sentence_ending_on_its_verb_is_read_without_failing() -> None:
    found = sentence_subject(["And", "Ana", "Ruiz", "was"], 0)  # no word after "was"
    assert found is not None and found.words == ["Ana", "Ruiz"]


def test_a_body_named_with_for_speaks_whole_and_its_kind_means_it_later() -> None:
    quotes = analysed(
        "The Office for Coastal Safety said two piers would close.\nMonday's notice followed.",
        "\u201cStay off the piers until further notice,\u201d the regulator said.",
        "The Institute for Harbour Studies said: \u201cThe closures were overdue.\u201d",
    )
    assert [q.speaker for q in quotes] == [
        "Office for Coastal Safety",
        "Institute for Harbour Studies",
    ]


def test_an_unnamed_source_placed_at_a_firm_or_a_site_is_unnamed_not_the_firm() -> None:
    quotes = analysed(
        "A broker at Fennick Bank, who asked not to be named under company rules, said"
        " clients were \u201cselling anything with a coastline\u201d by lunchtime.",
        "A former technician at the shipyard, who would only speak anonymously, told me:"
        " \u201cThe hull checks stopped in March.\u201d",
        "A spokeswoman at Fennick Bank said: \u201cWe do not comment on clients.\u201d",
        "One nurse outside the hospital told me: \u201cThey have packed the boxes.\u201d",
        "Dr Ana Ruiz outside the hospital said: \u201cWe were not consulted.\u201d",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "broker",
        UNNAMED + "former technician",
        "Fennick Bank",
        UNNAMED + "nurse",
        "Ana Ruiz",
    ]


def test_she_means_a_person_introduced_with_who_unless_the_sentence_names_a_subject() -> None:
    quotes = analysed(
        "Last week I sat with a retired midwife who lost her flat in the flood. She told me:"
        " \u201cEveryone says rare. It was not rare for us.\u201d",
        "Mayor Ruth Hale met a nurse who lost her home. She said: \u201cWe will rebuild.\u201d",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "retired midwife", "Ruth Hale"]


def test_a_description_fronted_before_she_told_is_what_she_said_not_who_said_it() -> None:
    quotes = analysed(
        "The branch president, Imogen Sallow, spoke on the radio.",
        "Rents have risen. A junior lecturer at Halloran, she told the Post, \u201cearns less"
        " in real terms than ten years ago\u201d.",
    )
    assert quotes[0].speaker == "Imogen Sallow"


def test_it_said_and_a_lower_case_body_noun_mean_the_body_named_before() -> None:
    quotes = analysed(
        "Marrow Bay University offered staff a 4 per cent rise. Lena Roth, the students' union"
        " president, said: \u201cWe are caught in the middle.\u201d",
        "The university said in a statement that \u201cexams will go ahead as planned\u201d.",
        "The Coldwater County Fire Authority ordered the evacuation on Monday.",
        "4.10pm | The fire authority says the order stands. In a statement, it said:"
        " \u201cThe ridge is still burning.\u201d",
        "The authority\u2019s advice to residents, first given on Monday, is unchanged:"
        " \u201cStay away from the ridge.\u201d",
    )
    assert [q.speaker for q in quotes] == [
        "Lena Roth",
        "Marrow Bay University",
        "Coldwater County Fire Authority",
        "Coldwater County Fire Authority",
    ]


def test_a_quotation_quoted_inside_another_is_read_inside_it_never_given_the_outer_speaker() -> (
    None
):
    quotes = analysed(
        "Colette Brannigan had a call in May. \u201cHe said, \u2018Colette, we just need to"
        " confirm your details,\u2019 and I believed him,\u201d she said.",
        "Terry Baldock still lives by the ground. \u201cMy coach used to say, \u2018The ground is"
        " the club.\u2019 Ray Pike said \u2018never sell\u2019 every week,\u201d Baldock said.",
    )
    said = {q.text: q.speaker for q in quotes}
    assert said["Colette, we just need to confirm your details"] is None  # "He": not Brannigan
    assert said["never sell"] == "Ray Pike"
    assert said["The ground is the club."] is None  # no name inside: unknown, not Baldock
    outer = [q for q in quotes if q.text.startswith(("He said", "My coach"))]
    assert [q.speaker for q in outer] == ["Colette Brannigan", "Terry Baldock"]


def test_the_subject_of_a_clause_opened_by_when_says_what_follows_and_said() -> None:
    quotes = analysed(
        "Ruth, the moment everyone talks about came late, when the prime minister turned to"
        " Elise Renaud and said, \u201cYou cannot run a country on slogans.\u201d",
    )
    assert quotes[0].speaker != "Ruth"
    assert "minister" in quotes[0].role


def test_a_body_a_report_and_an_apology_name_their_speakers() -> None:
    quotes = analysed(
        "The Northvale Health Partnership was hacked. The partnership said in a statement:"
        " \u201cDo not engage with callers.\u201d",
        "A woman selling programmes outside the Kop told me: \u201cI care that we exist.\u201d",
        "A 2021 inspection report, compiled by the independent inspecting engineer Colin"
        " Brayfield and seen by the Courier, states that \u201cremedial works are urgent\u201d.",
        "Derek Fenwick said he had warned managers in 2022.",
        "Appearing before the committee on Tuesday, the company\u2019s chief executive, Gareth"
        " Pennock, apologised. \u201cI am sorry for the fear,\u201d he told councillors.",
    )
    assert [q.speaker for q in quotes] == [
        "Northvale Health Partnership",
        UNNAMED + "woman",
        "Colin Brayfield",
        "Gareth Pennock",
    ]


def test_unnamed_crews_and_staff_are_described_and_a_surname_like_job_only_in_lower_case() -> None:
    quotes = analysed(
        "A deckhand who works on another ferry, and who asked not to be named, told the Courier"
        " that crews had reported a leak.",
        "\u201cWe had been told for weeks,\u201d he said.",
        "\u201cEverybody knew,\u201d said a line cook who worked at the restaurant for three years.",
        "Ed Cook, the harbour master, spoke later. \u201cThe door was checked,\u201d Cook said.",
        "The owner, who has run the bar for thirty years, said: \u201cHalf the crews drink here.\u201d",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "deckhand",
        UNNAMED + "line cook",
        "Ed Cook",
        UNNAMED + "owner",
    ]


def test_my_manager_in_someone_s_words_is_unnamed_and_a_scene_s_place_never_speaks() -> None:
    quotes = analysed(
        "Maya Ferreira is a designer. \u201cMy manager called me and said, \u2018Please don\u2019t"
        " ask me anything,\u2019 and hung up,\u201d Ferreira said.",
        "In Radomir, the president, Teodor Lasko, addressed the nation. \u00ab Our soldiers will"
        " hold \u00bb, he declared.",
        "\u00ab We thought it was over \u00bb, confided a diplomat from the delegation.",
    )
    assert [q.speaker for q in quotes] == [
        "Maya Ferreira",
        UNNAMED + "manager",
        "Teodor Lasko",
        UNNAMED + "diplomat",
    ]


def test_a_message_or_timeline_speaks_for_who_sent_it_and_a_resident_of_a_place_is_unnamed() -> (
    None
):
    quotes = analysed(
        "Vasquez then read from a message sent by the chief engineer, Malcolm Ferrie, to a"
        " manager. \u201cThe seal is still weeping,\u201d the message read.",
        'The ferry "began to list at 9:41 p.m.," according to a timeline released by the'
        " Tessaly Coast Guard.",
        "\u2018We sleep in the cellar,\u2019 one resident of Sorvik told reporters.",
        "A reader wrote to me to say she had eaten there. \u201cI should pay the staff,\u201d she"
        " wrote.",
    )
    assert [q.speaker for q in quotes] == [
        "Malcolm Ferrie",
        "Tessaly Coast Guard",
        UNNAMED + "resident",
        UNNAMED + "reader",
    ]


def test_a_speaker_quoting_others_is_not_their_speaker_but_i_said_is_the_speaker_s_own() -> None:
    quotes = analysed(
        "Sofia Brandt runs the relief convoy. \u201cOne of our drivers radioed in and said,"
        " \u2018The road is open,\u2019 so we moved,\u201d Brandt said.",
        "Moira Tallent chairs the council. \u201cOn the day I said, \u2018People were told it"
        " was safe,\u2019 and I meant it,\u201d Tallent said.",
    )
    said = {q.text: q.speaker for q in quotes}
    assert said["The road is open"] == UNNAMED + "driver"  # not Brandt, who reports it
    assert said["People were told it was safe"] == "Moira Tallent"


def test_a_quotation_standing_alone_is_whose_the_next_paragraph_names() -> None:
    quotes = analysed(
        "In a statement, Lumenvale said: \u201cWe respect our staff.\u201d",
        "\u201cTwo quarters from now nobody will remember the layoffs.\u201d",
        "That was the view of Kenji Morrow, an analyst at Brightwater Securities.",
        "\u201cCelebrity does not put you above the law.\u201d",
        "The words are Tariq Saleem\u2019s. He organises the claimants.",
    )
    assert [q.speaker for q in quotes][1:] == ["Kenji Morrow", "Tariq Saleem"]


def test_he_means_the_person_a_definite_description_made_the_subject_unless_a_role_names_them() -> (
    None
):
    quotes = analysed(
        "Garrett Lyle of the union said crews had complained.",
        "At the Anchor Bar on Quay Street, the owner, who has run it for three decades, said he"
        ' had heard the same stories. "Half the crews drink in here," he said.',
        "Mayor Jo Hale visited the harbour.",
        "The mayor said he would return. \u201cWe will rebuild,\u201d he said.",
        "\u201cNobody has once said the word stolen to me.\u201d",
        "When she rang the helpline, she waited. \u201cThe woman on the phone said no,\u201d"
        " Colette Brannigan said.",
        "The first caller said he was from her bank. \u201cHe knew my due dates,\u201d she says.",
    )
    assert [q.speaker for q in quotes if "Nobody" not in q.text] == [
        UNNAMED + "owner",  # not Lyle, nor "Quay Street"
        "Jo Hale",
        "Colette Brannigan",  # never "Nobody"
        "Colette Brannigan",  # "she", not the caller who "said he was"
    ]


def test_a_person_named_after_from_is_no_place_once_described_or_heard_speaking() -> None:
    quotes = analysed(
        "The post of the day came from Jonah Whitcombe, a senior engineer in Harwick.",
        "Jonah Whitcombe later added that he had received an email. \u201cThe email was very"
        " polite,\u201d he posted.",
    )
    assert [q.speaker for q in quotes] == ["Jonah Whitcombe"]
    [calm] = analysed("She was reporting from Port Aldous Quay. \u201cIt is calm,\u201d she said.")
    assert calm.speaker is None  # the quay stays a place


def test_a_pronoun_after_a_fronted_topic_never_means_the_topic() -> None:
    paragraphs = (
        "Kofi Adjei, 19, scored the winner. Manager Stuart Kilbride said he understood the fans.",
        "\u201cThey can say what they want,\u201d he said.",
        "Of Adjei, he said: \u201cKofi has been knocking on the door for weeks.\u201d",
    )
    assert by_rules_alone(*paragraphs)[1].speaker == "Stuart Kilbride"
    assert analysed(*paragraphs)[1].speaker != "Kofi Adjei"  # the ranker may leave it a guess


def test_a_speaker_in_a_where_clause_set_off_by_a_description_is_named() -> None:
    [quote] = analysed(
        "Lucian Marchetti bought the club in May. The line was repeated at the fans' forum in the"
        " club lounge, where Marchetti, appearing in person for the first time, told a packed"
        " room: \u201cWe are in this for the long haul.\u201d"
    )
    assert quote.speaker == "Lucian Marchetti"
    [quote] = analysed(  # a relative "which" still describes the body before it
        "Kestrel Recovery, which was appointed administrator of Harrow & Vine Ltd on Tuesday,"
        " said in a statement: \u201cWe will write to all creditors.\u201d"
    )
    assert quote.speaker == "Kestrel Recovery"


def test_a_body_described_by_its_country_and_a_social_handle_speak_as_such() -> None:
    quotes = analysed(
        "A spokesperson for the Aldermark fisheries ministry said the threat was \u2018unhelpful"
        " and unlawful under the treaty\u2019.",
        "The Corvenne sea ministry later said in a statement that \u2018all options remain on the"
        " table\u2019.",
        '"Booked flights for the date. Still crying," wrote @glasshousegina on X.',
        'On the forum, user u/shardsofrae wrote: "Anyone else notice the high notes?"',
    )
    assert [q.speaker for q in quotes] == [
        "Aldermark fisheries ministry",
        "Corvenne sea ministry",
        "@glasshousegina",
        "u/shardsofrae",
    ]


def test_a_verdict_after_the_quote_names_it_and_a_fronted_phrase_s_people_are_not_she() -> None:
    quotes = analysed(
        "The shops have suffered.",
        "\u2018Takings are down by half,\u2019 \u2014 that was the verdict of Priya Sandhu, who"
        " runs the corner store.",
        "\u2018I counted thirty dead trout,\u2019 said a trucker who gave his name only as Keith.",
    )
    assert [q.speaker for q in quotes] == ["Priya Sandhu", UNNAMED + "trucker"]
    paragraphs = (
        "Dr Eleanor Whitcombe runs the university. Desmond Varga was sentenced on Wednesday.",
        "She pointed to changes. In a statement issued on the day of Varga\u2019s sentencing, she"
        " said: \u201cWe have closed the loophole.\u201d",
    )
    assert by_rules_alone(*paragraphs)[0].speaker == "Eleanor Whitcombe"
    assert analysed(*paragraphs)[0].speaker != "Desmond Varga"


def test_a_title_after_a_fronted_clause_initials_and_a_party_s_leader_name_the_person() -> None:
    quotes = analysed(
        "Okonjo has denied the charges. Brandt was released on bail.",
        "When the verdict was announced on Friday, U.S. Attorney Miriam Holt did not hold back."
        " \u201cThis was theft, plain and simple,\u201d she said outside the courthouse.",
        "\u201cNobody is above the law,\u201d she added.",
        "Weeks earlier, R.J. Castellano, editor of The Ledger, had written, \u201cThe council"
        " owes the town an explanation.\u201d",
        "Tomas Ferreira, the leader of the Workers Alliance, spoke first.",
        "\u00ab We will not accept another year of cuts \u00bb, declared the opposition leader.",
    )
    assert [q.speaker for q in quotes] == [
        "Miriam Holt",
        "Miriam Holt",
        "R.J. Castellano",
        "Tomas Ferreira",
    ]
    assert quotes[0].role == "U.S. Attorney"


def test_a_social_handle_opening_a_sentence_is_whom_she_means() -> None:
    quotes = analysed(
        "The organiser, Lakeview Events, apologised on Monday.",
        "On Instagram, @marisol_runs held up her race bib in a clip seen by thousands. \u201cI"
        " trained for eight months for this,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["@marisol_runs"]


def test_a_statement_s_negated_verb_names_nothing_and_its_next_line_is_its_issuer_s() -> None:
    quotes = analysed(
        "The Harlow Valley Transit Authority runs the buses.",
        "Its board met on Monday.",
        "Riders waited for hours at the depot.",
        "Drivers said the rota had collapsed.",
        "In a written statement, the authority said it \u201cis reviewing every timetable with"
        " the operators.\u201d The statement did not say when the review would end.",
        "In a statement Friday, the authority declined to discuss the strike but said it"
        " \u201cremains committed to its riders.\u201d The statement added: \u201cThe Authority is"
        " talking to both unions.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Harlow Valley Transit Authority"] * 3


def test_a_participle_s_agent_is_not_the_sentence_s_subject() -> None:
    quotes = analysed(
        "Reached by Voix Nouvelle, the director of the fire service, Owen Caddick, rejected the"
        " criticism. \u00ab We followed every protocol \u00bb, he insisted.",
        "Prosecutor Delia Marsh questioned Imogen Frost, a former clerk, for an hour.",
        "Asked by Marsh why she had stayed silent, Frost looked at the jury. \u201cBecause I was"
        " afraid of losing my post,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Owen Caddick", "Imogen Frost"]


def test_titles_with_in_charge_en_dashed_bodies_and_a_place_before_who() -> None:
    quotes = analysed(
        "\u201cWe traced every dollar,\u201d said Special Agent in Charge Hollis Brandwyn of the"
        " DEA\u2019s Denver Division.",
        "His club, Arvell\u2013Stroud, said in a statement that it \u201cwas told of the result on"
        " Friday\u201d and had suspended him.",
        "Dr Petra Lund, a toxicologist in Bergen who has testified in several trials, took me"
        " through the data.",
        "\u201cSuch readings are rare, and they rarely come from food.\u201d",
    )
    assert [q.speaker for q in quotes][:2] == ["Hollis Brandwyn", "Arvell\u2013Stroud"]
    assert quotes[0].role.startswith("Special Agent in Charge")
    assert quotes[2].speaker != "Bergen"


def test_a_scene_set_at_a_named_place_and_a_labelled_claim_name_the_person() -> None:
    quotes = analysed(
        "At the Auberge du Vieux-Moulin, owner Rosalie Gendron counts the cancellations."
        " \u00ab We lost forty bookings in two days \u00bb, she said.",
        "CLAIM 3: State Treasurer Lena Okoro: \u201cWe balanced the budget every year.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Rosalie Gendron", "Lena Okoro"]


def test_a_name_of_a_body_s_office_and_a_topic_set_first_leave_the_speaker_named() -> None:
    quotes = analysed(
        "\u201cWe found every account,\u201d said Special Agent in Charge Tamsin Vere of Harbour"
        " Revenue Investigation\u2019s Leeds Field Office.",
        "The coach, Harlan Moss, praised the striker, Jonah Pell. \u201cThe crowd was"
        " magnificent,\u201d he said.",
        "Of Pell, he said: \u201cJonah has been pushing for a start for weeks.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Tamsin Vere", "Harlan Moss", "Harlan Moss"]


def test_a_common_first_name_tells_he_from_she() -> None:
    quotes = analysed(
        "Defense attorney Warren Keel questioned Natalie Brisbane, the former aide, for an hour."
        " Keel noted that no recording backed the payment Brisbane described.",
        "In his closing statement, he told jurors: \u201cThere is no envelope and no text.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Warren Keel"]


def test_guillemets_apart_a_body_after_the_name_and_criticised_keep_the_speaker() -> None:
    quotes = analysed(
        "On the quay, a retired miner watched the cranes. \u00ab Forty years I worked here \u00bb,"
        " he finally said.",
        "\u201cThe door remains open,\u201d Rossiter told the Assembly on Monday.",
        "\u201cOur members are caught in a fight they did not start. The boats"
        " will have nowhere to go,\u201d Ewan Tully of the Northern Crofters\u2019 Association said"
        " last week.",
        "\u00ab The ministry has woken up too late, \u00bb criticised the deputy Odile Marchal.",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "retired miner",
        "Rossiter",
        "Ewan Tully",
        "Odile Marchal",
    ]


def test_a_message_speaks_for_whoever_sent_it() -> None:
    quotes = analysed(
        "Investigators read out the messages. One, sent by Mira Castell to Owen Price in June,"
        " read: \u201cThe contract is yours if the numbers work.\u201d",
        "There was also a text, from Owen Price to Mira Castell: \u201cThe numbers always work"
        " for you.\u201d",
        "An email from the Calder Port Authority to its tenants read: \u201cThe quay closes at"
        " noon on Friday.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Mira Castell", "Owen Price", "Calder Port Authority"]


def test_someone_named_after_from_a_placed_source_and_an_owned_spokesperson() -> None:
    quotes = analysed(
        "The station received a voicemail from Laura Whitlow overnight. She says, \u201cThe buses"
        " have not run on time since March.\u201d",
        "Union leaders met the board on Friday. A driver familiar with the negotiations said,"
        " \u201cNobody expects a deal before Easter.\u201d",
        "Later the mayor\u2019s spokeswoman told reporters: \u201cThe timetable will be restored.\u201d",
        "\u201cWe are reviewing every route,\u201d a spokesman for the operator said.",
    )
    assert [q.speaker for q in quotes] == [
        "Laura Whitlow",
        UNNAMED + "driver",
        UNNAMED + "spokeswoman",
        UNNAMED + "spokesman",
    ]


def test_a_firm_joined_by_an_ampersand_and_a_long_phrase_set_before_the_subject() -> None:
    quotes = analysed(
        "Hannah Brightwell of Brightwell & Osei, the firm suing the council, spoke after the"
        " hearing. \u201cThe contract was never put out to tender,\u201d she said.",
        "\u201cWe will appeal,\u201d Brightwell & Osei said in a statement.",
        "Mayor Tom Reddy defended the budget. Arriving late for the meeting at the civic"
        " centre on Baxter Road on Tuesday evening, Gareth Linwood, a former teacher, was"
        " unrepentant. \u201cI would table it again tomorrow,\u201d he said.",
    )
    assert [q.speaker for q in quotes] == [
        "Hannah Brightwell",
        "Brightwell & Osei",
        "Gareth Linwood",
    ]


def test_a_document_opening_the_next_quote_and_a_writer_issues_no_complaint() -> None:
    quotes = analysed(
        "The union\u2019s general secretary, Ruth Alden, spoke at the rally.",
        "The minister held firm. \u201cThe offer is final,\u201d the Prime Minister\u2019s"
        " spokesman told reporters.",
        "Keith Morrow, a former porter, posted a photo online. \u201cWe all knew,\u201d he wrote.",
        "Their lawyer, Ines Carvalho, shared the complaint with a short note: \u201cThis was a"
        " policy, not a mistake.\u201d The complaint alleges that \u201cstaff were told to"
        " clock out before finishing their rounds.\u201d",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "spokesman",
        "Keith Morrow",
        "Ines Carvalho",
        UNNAMED + "complaint",
    ]


def test_a_person_introduced_by_name_after_a_description_is_who_she_means() -> None:
    quotes = analysed(
        "\u201cThe village has waited long enough,\u201d says Joan Tarrant, the local"
        " councillor, who lives near the quarry.",
        "The warning was in a report written last May by a young surveyor named Eliza Munro. She is 29 and careful. She"
        " moved to Glasgow last spring.",
        "\u201cI told them the slope would go,\u201d she says.",
    )
    assert [q.speaker for q in quotes] == ["Joan Tarrant", "Eliza Munro"]


def test_letters_after_a_name_and_works_teams_and_properties_as_bodies() -> None:
    quotes = analysed(
        "For the council, Marcus Pell KC told the court the tender was lawful. \u201cEvery"
        " bidder was scored on the same sheet,\u201d he said.",
        "Tarrow Civil Works said its price had been the lowest. \u201cWe won it fairly,\u201d the"
        " company said.",
        "Dario Vence, 24, is the leader of Team Halvik. Now the young Team Halvik rider faces a"
        " ban. \u201cI have never taken anything,\u201d he said.",
    )
    assert [q.speaker for q in quotes] == ["Marcus Pell", "Tarrow Civil Works", "Dario Vence"]


def test_a_name_set_off_by_commas_before_an_auxiliary_is_the_speaker() -> None:
    quotes = analysed(
        "Counsel Ruth Daly told the tribunal that the firm\u2019s founder, Piet Hollis, had"
        " told staff in March: \u201cNobody leaves before the order ships.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Piet Hollis"]


def test_in_a_turn_the_verb_nearest_the_quote_says_who_is_quoted() -> None:
    quotes = analysed(
        "HOST: The regulator, Nadia Fenwick, spoke to us yesterday. Are you worried?",
        "BARLOW: No. I would add that Ms Fenwick herself said it was \u201cfar too soon to"
        " blame anyone at all,\u201d and I agree with her.",
        "HOST: Thank you.",
        "BARLOW: And I would add that Ms Fenwick has said \u201cnobody here is above the rules"
        " at all,\u201d which is right.",
        "HOST: Thank you both.",
    )
    held = [q for q in quotes if q.text.startswith(("far too soon", "nobody here"))]
    assert [q.speaker for q in held] == ["Nadia Fenwick", "Nadia Fenwick"]


def test_the_person_after_a_group_left_unnamed_is_one_of_them() -> None:
    quotes = analysed(
        "Mayor Lena Brook lost the vote. Three people briefed on the talks said her aides had"
        " drafted a new budget.",
        "\u201cShe knows the numbers do not add up,\u201d the person said.",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "person"]


def test_bodies_named_in_full_after_for_with_a_possessive_or_joined_by_and() -> None:
    quotes = analysed(
        "A spokeswoman for Brenmoor General Hospital said, \u201cFour patients are still in"
        " intensive care tonight.\u201d",
        "The Ardley County Attorney\u2019s Office said \u201cno charges will be filed before"
        " the autopsy\u201d in a short statement.",
        "Kestrel Fire and Rescue said on Monday that \u201cthe smoke plume has now"
        " dispersed entirely\u201d over the town.",
    )
    assert [q.speaker for q in quotes] == [
        "Brenmoor General Hospital",
        "Ardley County Attorney\u2019s Office",
        "Kestrel Fire and Rescue",
    ]


def test_a_role_named_after_where_the_person_sits_keeps_its_holder() -> None:
    quotes = analysed(
        "On Friday a circuit judge in Port Ardley, Mara Quill, refused to halt the sale.",
        "\u201cThe buyers acted in good faith and the contract stands,\u201d said the judge.",
    )
    assert [q.speaker for q in quotes] == ["Mara Quill"]


def test_a_relative_clause_running_to_the_colon_speaks_for_its_antecedent() -> None:
    quotes = analysed(
        "Compare that with Councillor Dev Amani (Lab), who went on local radio on Sunday to"
        " declare: \u201cThis depot will close over my dead body.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Dev Amani"]


def test_a_person_left_unnamed_after_a_live_blog_time_is_an_unnamed_source() -> None:
    quotes = analysed(
        "16:40 Harbour master Ilse Brandt has confirmed the port is shut.",
        "16:05 One docker, who asked us not to print her name, sent us a message. She wrote:"
        " \u201cThe cranes were swaying all morning and nobody stopped work.\u201d",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "docker"]


def test_a_relative_clause_after_the_quote_with_its_object_gapped_is_no_speaker() -> None:
    quotes = analysed(
        "The Harbour Workers Union said on Friday that it had \u201csuspended all overtime"
        " until the talks resume,\u201d a move the mayor says she regrets.",
    )
    assert [q.speaker for q in quotes] == ["Harbour Workers Union"]


def test_a_body_named_by_its_last_word_alone_is_the_body_named_in_full() -> None:
    quotes = analysed(
        "The National Grain Board will meet on Monday.",
        "The Board had said in May that it was \u201cwatching the silo prices very closely\u201d.",
    )
    assert [q.speaker for q in quotes] == ["National Grain Board"]


def test_a_name_after_of_is_a_person_when_the_article_treats_it_as_one() -> None:
    quotes = analysed(
        "Refunds went to fans of Orla Quaine whose arena tour was cancelled.",
        "Council leader Petra Munt was unhappy about it.",
        "Quaine herself spoke on Friday. \u201cEvery fan will be paid back in full this"
        " month,\u201d she wrote.",
    )
    assert [q.speaker for q in quotes] == ["Orla Quaine"]


def test_an_unnamed_person_described_by_two_role_nouns_keeps_both() -> None:
    quotes = analysed(
        "A veteran broker, who asked not to be named, told me: \u201cThe spread is where the"
        " money is made.\u201d",
        "\u201cNobody on the floor will admit it in public,\u201d he said.",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "veteran broker"] * 2


def test_a_capitalised_office_set_off_after_a_name_is_the_name_s_role() -> None:
    quotes = analysed(
        "Dame Ruth Okoro, Chief Executive of Marlow Building Society, said: \u201cEvery saver"
        " will be contacted by letter this week.\u201d",
    )
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Ruth Okoro", "Chief Executive of Marlow Building Society")
    ]


def test_a_fact_check_label_is_no_speaker_and_the_dash_line_signs_the_claim() -> None:
    quotes = analysed(
        "CLAIM: \u201cHalf the town has lost its water supply and nobody is in charge.\u201d"
        " \u2013 Gemma Roath MP, shadow water minister, speaking on local radio, 3 May.",
        "VERDICT: FALSE. About 900 homes lost supply for six hours.",
        "CONTEXT: Ms Roath later said she had been given the wrong figure.",
    )
    assert [q.speaker for q in quotes] == ["Gemma Roath"]


def test_the_company_is_a_firm_named_by_its_head_word_not_an_authority_mentioning_it() -> None:
    quotes = analysed(
        "Inspectors from the Regional Water Authority arrived on Monday. We also asked Fenwick"
        " Water for an interview.",
        "In a statement, the company said: \u201cSupplies will be back to normal by"
        " Thursday evening.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Fenwick Water"]


def test_who_said_after_a_name_and_its_description_is_that_name() -> None:
    quotes = analysed(
        'The sale was condemned by Irene Poll, the local MP, who said it "hands the only pool'
        ' in town to a car park operator".',
    )
    assert [q.speaker for q in quotes] == ["Irene Poll"]


def test_a_description_fronted_before_she_describes_the_person_named_before() -> None:
    quotes = analysed(
        "The campaign owes most to Leonie Abara. A Dunmore-born nurse whose father worked at"
        " the mill, she began collecting signatures in 2009.",
        "\u201cEvery name on that list is a promise we kept,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Leonie Abara"]


def test_its_post_is_the_body_s_words() -> None:
    quotes = analysed(
        "The Quayside Residents Association said the council had ignored its survey. Its post"
        " added: \u201cEven the inspector agrees with us. The council still does not.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Quayside Residents Association"]


def test_a_name_of_a_body_before_a_relative_clause_is_the_person() -> None:
    quotes = analysed(
        "Professor Ines Marr of the University of Tollbridge, who has studied levees for twenty"
        " years, told us:",
        "\u201cThe next two days decide it. If the water keeps falling, the town is safe.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Ines Marr"]


def test_the_description_again_after_an_unnamed_source_is_the_same_source() -> None:
    quotes = analysed(
        "The surveyor, who asked not to be named because she was not allowed to speak to the"
        " press, told the Gazette: \u201cThe cracks were logged in 2023 and never fixed.\u201d",
        "\u201cEvery site manager had the photographs on file,\u201d the surveyor added.",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "surveyor"] * 2


def test_a_post_nobody_signs_is_an_unnamed_source_and_one_by_a_described_name_is_theirs() -> None:
    quotes = analysed(
        "A post shared 9,000 times on Facebook on Sunday read: \u201cThe bridge is closing for"
        " good, tell everyone NOW.\u201d",
        "A Facebook post by parish councillor Tom Ewart, which reads \u201cThe ferry will run"
        " all winter whatever they say,\u201d has been shared widely.",
        "The Ferry Passengers Inspectorate said in a brief statement that it was \u201creviewing"
        " the timetable with the operator\u201d.",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "post",
        "Tom Ewart",
        "Ferry Passengers Inspectorate",
    ]


def test_a_description_after_is_says_what_the_named_person_is() -> None:
    quotes = analysed(
        "Professor Orla Venn has her own view. The provost, 58, is a former marine biologist who"
        " likes to remind staff that she once ran a lab on a trawler.",
        "\u201cI understand the anger completely,\u201d she told the campus paper.",
    )
    assert [q.speaker for q in quotes] == ["Orla Venn"]


def test_the_company_is_a_firm_known_by_its_plant_or_its_kind_of_business() -> None:
    quotes = analysed(
        "Fumes drifted from the Hallek Agritech plant on the edge of Dunmore. In a statement,"
        " the company said it \u201cdeeply regrets the leak and is working with the council.\u201d",
    )
    other = analysed(
        "Osprey Terminals took the dockers to court. Osprey welcomed the ruling.",
        "\u201cThe strike was unlawful and harmed every importer in the region,\u201d the company"
        " said in a statement.",
    )
    assert [q.speaker for q in quotes + other] == ["Hallek Agritech", "Osprey Terminals"]


def test_a_letter_received_from_someone_speaks_for_its_sender() -> None:
    quotes = analysed(
        "CHAIR: Good morning.",
        "MR DOYLE: Good morning.",
        "CHAIR: Before we close, the panel has received a letter from the Health Minister, Rhona"
        " Tait, confirming that the inquiry \u201cwill examine every death on the ward since"
        " 2019\u201d in full.",
        "MR DOYLE: Thank you.",
    )
    assert by_text(quotes, "will examine").speaker == "Rhona Tait"


def test_one_member_of_a_group_of_people_is_an_unnamed_source() -> None:
    quotes = analysed(
        "HOST: Good evening.",
        "VANCE: Slowly. This morning one of our pilots radioed in and said, \u201cThe pass is"
        " clear, but the snow is drifting fast.\u201d So we are flying.",
        "HOST: Thank you.",
        "VANCE: Goodnight.",
    )
    assert by_text(quotes, "The pass is clear").speaker == UNNAMED + "pilot"


def test_she_after_a_woman_left_unnamed_is_that_woman() -> None:
    quotes = analysed(
        "I met a woman this morning who has slept in the church hall for a week with her twins."
        " She told me, \u201cThe boys keep asking when we can go back to the flat.\u201d",
        "A guy on the night shift told me, \u201cWe have not had a proper break since"
        " Tuesday.\u201d",
    )
    assert [q.speaker for q in quotes] == [UNNAMED + "woman", UNNAMED + "guy"]


def test_a_claim_framed_before_the_quote_is_not_the_next_clause_s_speaker() -> None:
    quotes = analysed(
        "But even as Mayor Ada Quist insisted on Friday that \u201cthe depot was never at risk,\u201d"
        " one of the lawyers for Tom Brill said the two sites were quite different.",
    )
    assert [q.speaker for q in quotes] == ["Ada Quist"]


def test_the_company_is_the_firm_the_article_is_about_not_its_investor() -> None:
    quotes = analysed(
        "Orvane Dynamics, the Bristol drone start-up, lost its test aircraft on Monday. Orvane"
        " had hoped to raise money from its main backer, Pellam Capital Partners, by June.",
        "Orvane engineers say warnings were ignored. Orvane has denied it.",
        "In a statement, the company said: \u201cEvery warning raised by our engineers was"
        " logged and answered.\u201d",
    )
    assert [q.speaker for q in quotes] == ["Orvane Dynamics"]


def test_a_person_set_off_by_the_company_s_title_is_no_firm() -> None:
    quotes = analysed(
        "Nadia Osei, the company\u2019s chief executive, spoke to the union leader by phone."
        " \u201cOur offer is fair and it stays on the table,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Nadia Osei"]


def test_a_person_given_a_firm_s_title_after_the_company_is_still_a_person() -> None:
    quotes = analysed(
        "Ivo Brandl, the company chief executive, said the plant would reopen. Our reporter"
        " spoke to him later.",
        "\u201cNobody will lose their job over this,\u201d the chief executive said.",
    )
    assert [q.speaker for q in quotes] == ["Ivo Brandl"]


def test_unnamed_sources_said_one_of_them_they_and_a_dog_walker() -> None:
    quotes = analysed(
        "Mayor Ines Corrigan said the search would go on.",
        "A dog walker, who asked not to be named, said she saw the lynx near the weir. \u201cIt"
        " just looked at me and slipped into the reeds,\u201d she said.",
        "Four pilots, speaking on condition of anonymity, described the briefings. \u201cWe"
        " raised the fuel gauge fault twice and were told to fly,\u201d said one of them, a"
        " senior first officer.",
        "A former trustee, who asked me not to use their name, was blunter. \u201cThe sale was"
        " agreed long before the vote,\u201d they told me.",
    )
    assert [q.speaker for q in quotes] == [
        UNNAMED + "dog walker",
        UNNAMED + "senior first officer",
        UNNAMED + "former trustee",
    ]


def test_the_name_a_quote_calls_out_first_is_whom_it_is_said_to() -> None:
    quotes = analysed(
        "We spoke to Marta Solberg at her office.",
        "SOLBERG: Ines Kolar rang me the morning after the vote. She said, \u201cMarta, I"
        " backed you in public and I meant every word of it.\u201d",
    )
    assert by_text(quotes, "Marta, I backed").speaker in (None, "Ines Kolar")


def test_quoted_as_saying_names_the_speaker_and_a_role_never_means_whom_the_quote_calls() -> None:
    quotes = analysed(
        "The Gazette quoted Mayor Ruth Penhale as saying that \u201cthe depot will close by"
        " Christmas at the latest\u201d.",
        "Councillor Ivo Brandt, who chairs the panel, opened the meeting.",
        "\u201cCouncillor Brandt, you have had your turn already tonight,\u201d said the chairman.",
    )
    assert by_text(quotes, "the depot").speaker == "Ruth Penhale"
    assert by_text(quotes, "Councillor Brandt").speaker != "Ivo Brandt"


def test_more_first_names_tell_a_gender() -> None:
    quotes = analysed(
        "Siobhan Kerr chaired the meeting. Dafydd Rowe arrived late and sat at the back.",
        "\u201cWe start on time or we do not start at all,\u201d she said.",
    )
    assert [q.speaker for q in quotes] == ["Siobhan Kerr"]


def test_according_to_the_press_names_who_reported_not_who_said() -> None:
    quotes = analysed(
        "The plan has critics. The opposition leader Ruth Amadi has denounced \u00ab a reckless"
        " gamble with the town\u2019s future \u00bb, according to the Danish press.",
    )
    assert [q.speaker for q in quotes] == ["Ruth Amadi"]
