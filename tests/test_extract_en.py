"""English constructions, on sentences written for these tests in the manner of wire copy."""

from tests_support import all_claims as all_
from tests_support import one_claim as one


def test_x_said_that():
    c = one("The central bank said on Monday that inflation had eased for a third month.")
    assert c["speaker"]["name"] == "central bank"
    assert c["speaker"]["kind"] == "body"
    assert c["cue"]["text"] == "said"
    assert c["content"]["text"] == "inflation had eased for a third month"
    assert c["lang"] == "en"


def test_said_x_after_a_quote():
    c = one('"We expect the bridge to reopen by spring," said Ana Lopes, the city engineer.')
    assert c["speaker"]["name"] == "Ana Lopes"
    assert c["speaker"]["role"] == "the city engineer"
    assert c["direct"] is True
    assert c["content"]["text"] == "We expect the bridge to reopen by spring"


def test_quote_then_x_said():
    c = one('"There will be no new taxes this year," the finance minister said.')
    assert c["speaker"]["name"] == "finance minister"
    assert c["speaker"]["kind"] == "role"
    assert c["negated"] is True and c["direct"] is True


def test_told_reporters_keeps_the_listener_apart():
    c = one("Health Minister Karen Holt told reporters the vaccine stock would last until May.")
    assert c["speaker"]["name"] == "Karen Holt"
    assert c["speaker"]["role"] == "Health Minister"
    assert c["listener"]["text"] == "reporters"
    assert c["content"]["text"] == "the vaccine stock would last until May"


def test_told_an_agency():
    c = one("A senior diplomat told AFP that the talks had stalled.")
    assert c["listener"]["text"] == "AFP"
    assert "AFP" not in c["speaker"]["name"]


def test_according_to_at_the_start_and_at_the_end():
    a = one("According to the electoral commission, turnout reached 61 percent.")
    assert a["speaker"]["name"] == "electoral commission"
    assert a["content"]["text"] == "turnout reached 61 percent"
    b = one("Turnout reached 61 percent, according to the electoral commission.")
    assert b["speaker"]["name"] == "electoral commission"
    assert b["content"]["text"] == "Turnout reached 61 percent"


def _pieces(text: str, c: dict) -> list[str]:
    return [text[a:b] for a, b in c["content"]["parts"]]


def test_a_source_or_inverted_cue_between_commas_leaves_the_clause_both_sides_of_it():
    text = "The cause of the blaze, according to the fire marshal, was a space heater left on."
    c = one(text)
    assert c["speaker"]["name"] == "fire marshal"
    assert _pieces(text, c) == ["The cause of the blaze", "was a space heater left on"]
    text = "Since the spring, according to the agency, rents have climbed by a fifth."
    assert _pieces(text, one(text)) == ["Since the spring", "rents have climbed by a fifth"]
    text = "The harder task, says Nadia Reyes, is keeping the volunteers."
    c = one(text)
    assert c["speaker"]["name"] == "Nadia Reyes"
    assert _pieces(text, c) == ["The harder task", "is keeping the volunteers"]


def test_after_a_cue_between_commas_the_speakers_aside_is_no_part_of_the_content():
    # the clause before is whole: the noun phrase after the inverted speaker is his
    c = one("Ticket sales slowed in June, said Omar Quinn, a promoter who books the hall.")
    assert c["content"]["text"] == "Ticket sales slowed in June"
    assert c["content"]["span"] == [0, 27]
    # the narrator's next clause, after the source's aside
    c = one("Exports fell, according to the customs office, and the port laid off staff.")
    assert c["content"]["text"] == "Exports fell"


def test_after_the_cues_object_and_a_second_verb_go_back_to_the_speaker():
    c = one("The senator denied the charges and sued the newspaper for libel.")
    assert c["content"]["text"] == "the charges"
    c = one("Ortiz called the ruling a disgrace and she left the courtroom.")
    assert c["content"]["text"] == "the ruling a disgrace"
    c = one("The mayor spoke for an hour, urging patience and promising a full audit of the fund.")
    assert c["content"]["text"] == "patience"
    # a participle with its agent is the object's, and a clause keeps its second verb
    c = one("Ortiz called the charges false and fabricated by her rivals.")
    assert c["content"]["text"] == "the charges false and fabricated by her rivals"
    c = one("The minister said the plan was drafted and approved in May.")
    assert c["content"]["text"] == "the plan was drafted and approved in May"


def test_a_quotation_running_on_through_paragraphs_stays_with_its_speaker():
    text = ('Lena Ortiz spoke first. "The pantry was empty," Ortiz said.\n\n'
            '"We waited until noon. Then we went home.\n\n"Nobody came back."')
    claims = all_(text)
    assert [c["content"]["text"] for c in claims] == [
        "The pantry was empty", "We waited until noon. Then we went home", "Nobody came back."]
    assert {c["speaker"]["name"] for c in claims} == {"Ortiz"}


def test_a_question_quoted_inside_a_quotation_does_not_end_its_sentence():
    text = ('Lena Ortiz spoke first. "The pantry was empty," Ortiz said.\n\n'
            '"We waited until noon. I asked, \'Is anyone coming?\' Nobody came to the door all '
            'afternoon."')
    claims = all_(text)
    assert claims[-1]["content"]["text"] == "We waited until noon. I asked, 'Is anyone " \
        "coming?' Nobody came to the door all afternoon."
    assert claims[-1]["speaker"]["name"] == "Ortiz"


def test_a_source_closing_the_sentence_carries_what_stands_before_it():
    # what follows the source's name is more of it, not what was said
    text = "Casino revenue rose 4 percent in the first half, according to figures released " \
        "Friday by state regulators."
    c = one(text)
    assert c["content"]["text"] == "Casino revenue rose 4 percent in the first half"
    assert c["content"]["span"] == [0, 47]
    c = one("The governor weighed a pardon, according to two aides who were briefed on the talks.")
    assert c["content"]["text"] == "The governor weighed a pardon"


def test_a_quotation_set_off_by_spaced_hyphens_stands_alone():
    text = "Neither voter liked the senator - ''Too slick by half,'' Ms. Ortiz said - but both " \
        "planned to vote."
    c = one(text)
    assert c["content"]["text"] == "Too slick by half"
    assert c["direct"] is True


def test_told_a_long_listener_then_that():
    c = one("Moss told the Herald and Tribune newspaper of Dover on Monday that she had voted "
            "for Ortiz.")
    assert c["listener"]["text"] == "the Herald and Tribune newspaper of Dover"
    assert c["content"]["text"] == "she had voted for Ortiz"


def test_apposition_role():
    c = one("Dmitry Peskov, the Kremlin spokesman, said no meeting had been scheduled.")
    assert c["speaker"]["name"] == "Dmitry Peskov"
    assert c["speaker"]["role"] == "the Kremlin spokesman"
    assert c["negated"] is True


def test_single_quotation_inside_a_quotation_before_the_cue():
    c = one('"The board will not give up the \'open door\' rule this year," Ortega said.')
    assert c["speaker"]["name"] == "Ortega"
    assert c["cue"]["text"] == "said"
    assert c["direct"] is True
    assert c["content"]["text"] == "The board will not give up the 'open door' rule this year"
    d = all_('"We stand by the \'fair share\' plan," said Mayor Tom Reyes. "It is working."')
    assert [x["speaker"]["name"] for x in d] == ["Tom Reyes", "Tom Reyes"]
    assert d[0]["content"]["text"] == "We stand by the 'fair share' plan"


def test_party_and_state_after_a_legislators_name_are_no_part_of_it():
    c = one("Sen. Maria Delgado (D-N.M.) said the farm bill would not pass this year.")
    assert c["speaker"]["name"] == "Maria Delgado"
    assert c["content"]["text"] == "the farm bill would not pass this year"
    c = one("Senate Majority Leader Tom Harlan, R-Ky., said Tuesday the vote would slip.")
    assert c["speaker"]["name"] == "Tom Harlan"
    assert c["content"]["text"] == "the vote would slip"
    c = one('"Deadlines are deadlines," Rep. Gail Porter (R-Ohio), a panel member, said.')
    assert c["speaker"]["name"] == "Gail Porter"
    assert c["content"]["text"] == "Deadlines are deadlines"


def test_an_occasion_after_a_closing_cue_is_where_it_was_said_not_what():
    c = one("Floods could cut the harvest by a third this year, the minister said in her "
            "interview.")
    assert c["content"]["text"] == "Floods could cut the harvest by a third this year"
    c = one("The bridge will reopen in May, the mayor told reporters at a briefing.")
    assert c["content"]["text"] == "The bridge will reopen in May"
    # a preposition of what was spoken of still opens the content
    c = one("Despite the ban, the minister warned of a new wave of protests.")
    assert c["content"]["text"] == "of a new wave of protests"


def test_a_shows_name_in_quotes_after_told_is_part_of_the_listener():
    claims = all_("The vote was set for May.\n\n"
                  "Sen. Lee Park told NBC’s “Sunday Roundtable” on Sunday that the bill was "
                  "dead.")
    c = claims[-1]
    assert c["speaker"]["name"] == "Lee Park"
    assert c["content"]["text"] == "the bill was dead"
    assert c["listener"]["text"] == "NBC’s “Sunday Roundtable”"


def test_pronoun_continuations_follow_gender():
    claims = all_(
        "Maria Santos, the spokeswoman for the port authority, said the strike had ended. "
        "Union leader Tom Reyes said workers would return on Monday. "
        "She added that cargo delays would clear within a week."
    )
    assert [c["speaker"]["name"] for c in claims] == ["Maria Santos", "Tom Reyes", "Maria Santos"]


def test_adding_that_opens_its_own_claim():
    claims = all_("The coach said the team was ready, adding that two players were injured.")
    assert [c["cue"]["text"] for c in claims] == ["said", "adding"]
    assert claims[0]["content"]["text"] == "the team was ready"
    assert claims[1]["content"]["text"] == "two players were injured"
    assert claims[1]["speaker"]["name"] == "coach"


def test_short_mention_resolves_to_full_name():
    claims = all_(
        "Prime Minister Sofia Marin said the budget would be balanced. "
        "Marin said spending on schools would rise."
    )
    assert [c["speaker"]["name"] for c in claims] == ["Sofia Marin", "Sofia Marin"]
    assert claims[1]["speaker"]["mention"]["text"] == "Marin"


def test_headline_convention():
    c = all_("Peskov: no plans for a Kim visit to Moscow\nThe Kremlin said talks went well.")[0]
    assert c["speaker"]["name"] == "Peskov"
    assert c["content"]["text"] == "no plans for a Kim visit to Moscow"
    assert c["negated"] is True


def test_asked_whether_gives_context():
    c = one('Asked whether the border would reopen, Peskov replied: "Not in the near future."')
    assert c["speaker"]["name"] == "Peskov"
    assert c["context"] == "whether the border would reopen"
    assert c["direct"] is True and c["negated"] is True


def test_denied():
    c = one("The company denied that customer data had been stolen.")
    assert c["modality"] == "denial" and c["negated"] is True
    assert c["content"]["text"] == "customer data had been stolen"


def test_negation_in_content():
    assert one("The mayor said the water was not safe to drink.")["negated"] is True
    assert one("The mayor said the water didn't meet standards.")["negated"] is True
    assert one("The mayor said the water was safe to drink.")["negated"] is False


def test_that_pointing_back_opens_no_clause_that_hides_the_negation():
    # "after that" is "then": the negation that follows is the claim's own
    c = one("The envoy said that after that there were no further talks with the rebels.")
    assert c["negated"] is True
    c = one("The envoy said the rebels claimed that there were no further talks.")
    assert c["negated"] is False


def test_amid_speculation_is_unattributed():
    c = one("Shares rose amid speculation that a merger was close.")
    assert c["speaker"]["name"] is None
    assert c["modality"] == "speculation"
    assert c["content"]["text"] == "a merger was close"


def test_single_quotes_are_quotes_but_apostrophes_are_not():
    c = one("The minister's aide said: 'We won't comment on the report.'")
    assert c["direct"] is True
    assert c["content"]["text"] == "We won't comment on the report."
    assert c["negated"] is True


def test_multi_sentence_quote_is_one_claim():
    c = one('"The roads are closed. Stay at home," the governor said.')
    assert c["content"]["text"] == "The roads are closed. Stay at home"
    assert c["speaker"]["name"] == "governor"


def test_read_more_and_reporting_lines_are_skipped():
    text = (
        "Storm hits coast\n"
        "The weather service said winds would reach 120 km/h.\n"
        "Read more: Officials say the storm will weaken\n"
        "Reporting by Lina Haddad; Editing by Mark Cole\n"
    )
    assert [c["content"]["text"] for c in all_(text)] == ["winds would reach 120 km/h"]


def test_narrator_sentence_gives_nothing():
    assert all_("The bridge was closed for three hours after the accident.") == []


def test_adverbials_before_that_are_skipped():
    c = one("Analysts at the bank said in a note published on Monday that rates would fall.")
    assert c["speaker"]["name"] == "Analysts at the bank"
    assert c["content"]["text"] == "rates would fall"


def test_told_a_lower_case_listener_then_that():
    c = one("The deputy minister told state television on Sunday that exports would resume.")
    assert c["listener"]["text"] == "state television"
    assert c["content"]["text"] == "exports would resume"


def test_parenthesis_between_speaker_and_cue():
    c = one("U.S. officials, speaking on condition of anonymity, said the deal was close.")
    assert c["speaker"]["name"] == "U.S. officials"
    assert c["content"]["text"] == "the deal was close"


def test_auxiliaries_are_not_part_of_the_speaker():
    c = one("Saudi Arabia has repeatedly denied that it targets a price.")
    assert c["speaker"]["name"] == "Saudi Arabia"
    assert c["modality"] == "denial"


def test_said_x_with_a_title_without_article():
    c = one('"Demand is weak," said Lena Ortiz, head of research at Delta Bank.')
    assert c["speaker"]["name"] == "Lena Ortiz"
    assert c["speaker"]["role"] == "head of research at Delta Bank"


def test_a_name_is_not_shortened_into_another():
    claims = all_("Saudi Arabia's energy minister said cuts were possible. "
                  "Saudi Arabia denied that it targets a price.")
    assert [c["speaker"]["name"] for c in claims] == ["Saudi Arabia's energy minister",
                                                      "Saudi Arabia"]


def test_title_then_name_between_commas():
    c = one("Her attorney, Ruth Ellis, said her client would appeal.")
    assert c["speaker"]["name"] == "Ruth Ellis"
    assert c["speaker"]["role"] == "Her attorney"


def test_quote_before_wins_over_trailing_words():
    c = one('"Rates will stay on hold," Lee told a news conference after the meeting.')
    assert c["content"]["text"] == "Rates will stay on hold"
    assert c["direct"] is True
    assert c["listener"]["text"] == "a news conference"


def test_aside_after_the_cue():
    c = one('"The mood is for a rollover," an OPEC+ delegate said, declining to be named.')
    assert c["speaker"]["name"] == "OPEC+ delegate"
    assert c["content"]["text"] == "The mood is for a rollover"


def test_bare_lemma_is_not_a_cue():
    assert all_("Prices fell on worries about weak demand and rising supply.") == []


def test_figures_from_stand_for_their_issuer():
    c = one("Waiting lists fell for a third month, according to new figures from NHS England.")
    assert c["speaker"]["name"] == "NHS England"
    assert c["content"]["text"] == "Waiting lists fell for a third month"


def test_citing_inside_the_subject_is_a_claim_of_its_own():
    claims = all_("State media, citing a diplomatic source, reported that talks would resume.")
    assert sorted(c["speaker"]["name"] for c in claims) == ["State media", "diplomatic source"]
    assert {c["content"]["text"] for c in claims} == {"talks would resume"}


def test_family_name_first_resolves_to_the_full_name():
    claims = all_("Governor Park Min-jae said rates would hold. "
                  '"Cuts remain possible," Park told reporters.')
    assert [c["speaker"]["name"] for c in claims] == ["Park Min-jae", "Park Min-jae"]


def test_relative_clause_stays_in_the_content():
    c = all_("The governor said rates would hold. "
             "He added that household debt, which rose again in October, remained a concern.")[1]
    assert c["speaker"]["name"] == "governor"
    assert c["content"]["text"] == (
        "household debt, which rose again in October, remained a concern")


def test_a_bare_plural_of_people_is_a_speaker():
    c = one("The new toll, critics say, will drive trucks onto village roads.")
    assert c["speaker"]["name"] == "critics"
    assert c["cue"]["text"] == "say"
    assert c["content"]["parts"] == [[0, 12], [27, 63]]
    c = one("Dairy farmers say the drought has halved their herds.")
    assert c["speaker"]["name"] == "Dairy farmers"
    assert c["content"]["text"] == "the drought has halved their herds"


def test_a_participle_of_promise_takes_its_infinitive():
    c = one("Governor Ann Moss revised the budget, promising to keep every rural clinic open.")
    assert c["speaker"]["name"] == "Ann Moss"
    assert c["cue"]["text"] == "promising"
    assert c["content"]["text"] == "to keep every rural clinic open"
    # other participles before an infinitive are the writer's: no report
    assert all_("Lena Ortiz, asking to be named only by her first name, left the hall.") == []


def test_a_whose_clause_or_a_connective_between_the_subject_and_its_cue():
    c = one("Lena Ortiz, whose family ran the mill for forty years, said she would reopen it.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Lena Ortiz", "said")
    assert c["content"]["text"] == "she would reopen it"
    c = one("Senator Tom Hale, meanwhile, said that the count did not matter.")
    assert c["speaker"]["name"] == "Tom Hale"
    assert c["content"]["text"] == "the count did not matter"


def test_an_adverb_of_time_between_the_subject_and_its_cue():
    c = one("Lena Ortiz often argues that the mill could reopen in May.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Lena Ortiz", "argues")
    assert c["content"]["text"] == "the mill could reopen in May"
    c = one("Mayor Tom Reyes now says the levy was a mistake.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Tom Reyes", "says")
    assert c["content"]["text"] == "the levy was a mistake"


def test_a_pronoun_with_no_one_before_it_is_an_unattributed_claim():
    c = one("He said that the plan had failed.")
    assert c["speaker"]["name"] is None and c["speaker"]["kind"] is None
    assert c["speaker"]["mention"] == {"text": "He", "span": [0, 2]}
    assert c["cue"]["text"] == "said"
    assert c["content"]["text"] == "the plan had failed"
    c = one("The new levy, they told reporters, would cost the city nothing.")
    assert c["speaker"]["name"] is None
    assert c["speaker"]["mention"]["text"] == "they"
    assert c["content"]["parts"] == [[0, 12], [35, 62]]
    # once someone is named, the pronoun is theirs
    c = all_("Mayor Tom Reyes spoke on Monday. He said that the plan had failed.")[-1]
    assert c["speaker"]["name"] == "Tom Reyes"


def test_bare_day_after_said():
    c = one("Mayor Linda Park said Tuesday the city would hire 200 more teachers.")
    assert c["content"]["text"] == "the city would hire 200 more teachers"


def test_an_occasion_before_a_body_is_not_its_title():
    c = one("In a statement, the Education Department said funding had been approved.")
    assert c["speaker"]["name"] == "Education Department"
    assert c["speaker"]["role"] is None


def test_age_and_relative_clause_after_said_x():
    c = all_("Mayor Linda Park spoke first. "
             "“We’re not going anywhere,” said Park, 54, who is seeking a second term.")[0]
    assert c["speaker"]["name"] == "Linda Park"
    assert c["content"]["text"] == "We’re not going anywhere"
    assert c["negated"] is True


def test_title_then_name_after_a_quote():
    c = one("‘We cannot wait any longer,’ the union’s president, Ana Cruz, told reporters.")
    assert c["speaker"]["name"] == "Ana Cruz"
    assert c["speaker"]["role"] == "the union’s president"
    assert c["content"]["text"] == "We cannot wait any longer"


def test_an_honorific_is_not_a_role():
    c = one("Dr Helen Marsh said the waiting lists were too long.")
    assert c["speaker"]["name"] == "Helen Marsh"
    assert c["speaker"]["role"] is None


def test_the_minister_added_is_the_minister_named_before():
    text = ("Health Minister Sara Lund said on Monday that the dam would open within 12 months.\n"
            "The minister added that the tram line in Ashford would not be affected by the "
            "budget cuts.")
    second = all_(text)[1]["speaker"]
    assert (second["name"], second["role"], second["kind"]) == \
        ("Sara Lund", "Health Minister", "person")
    start, end = second["mention"]["span"]
    assert text[start:end] == second["mention"]["text"] == "minister"


def test_a_title_goes_to_the_latest_holder_that_fits_best():
    claims = all_("Health Minister Sara Lund said the dam would open. "
                  "Transport Minister Daniel Okafor said the line was late. "
                  "The minister added that costs had risen. "
                  "The health minister said the figures were wrong.")
    assert [c["speaker"]["name"] for c in claims] == \
        ["Sara Lund", "Daniel Okafor", "Daniel Okafor", "Sara Lund"]


def test_a_title_of_another_office_or_gender_stays_role_only():
    claims = all_("Vice President Ana Cruz said talks would go on. "
                  "Kremlin spokesman Dmitry Peskov said no date was set. "
                  "The president told reporters that the deal was close. "
                  "The spokeswoman said the visit was off.")
    assert [(c["speaker"]["name"], c["speaker"]["kind"]) for c in claims[2:]] == \
        [("president", "role"), ("spokeswoman", "role")]


def test_quotation_split_by_the_cue_is_one_direct_claim():
    text = 'Talks ended on Monday. "The visit was useful," Peskov said, "and we will return."'
    c = one(text)
    first, second = "The visit was useful", "and we will return."
    assert c["speaker"]["name"] == "Peskov"
    assert c["direct"] is True and c["negated"] is False
    assert c["content"]["text"] == f"{first} {second}"
    parts = c["content"]["parts"]
    assert [text[a:b] for a, b in parts] == [first, second]
    assert c["content"]["span"] == [parts[0][0], parts[1][1]]


def test_split_quotation_negated_in_either_piece():
    c = one('"We came to talk," the minister told reporters, "not to sign anything."')
    assert c["content"]["text"] == "We came to talk not to sign anything."
    assert c["negated"] is True
    assert c["listener"]["text"] == "reporters"


def test_a_quoted_phrase_before_the_speaker_is_not_a_first_piece():
    c = one('Asked about "fake news," Peskov said, "We will not comment."')
    assert c["content"]["text"] == "We will not comment."
    assert "parts" not in c["content"]


def test_content_in_one_piece_has_no_parts():
    c = one('"The visit was useful," Peskov said.')
    assert c["content"] == {"text": "The visit was useful", "span": [1, 21]}


def test_a_plural_title_is_several_unnamed_people_not_a_person():
    for text, name in (("Ministers said the plan would go ahead.", "Ministers"),
                       ("Two U.S. officials said the destroyer had left the area.",
                        "Two U.S. officials"),
                       ("Diplomats told Reuters the deal was close.", "Diplomats")):
        c = one(text)
        assert (c["speaker"]["name"], c["speaker"]["role"], c["speaker"]["kind"]) == \
            (name, None, "role")
        start, end = c["speaker"]["span"]
        assert text[start:end] == name


def test_a_plural_title_is_not_resolved_to_one_minister():
    text = ("Health Minister Sara Lund said on Monday that the dam would open within 12 months.\n"
            "Ministers said the tram line would not be affected.")
    second = all_(text)[1]["speaker"]
    assert (second["name"], second["role"], second["kind"]) == ("Ministers", None, "role")


def test_analysts_at_a_firm_speak_for_the_firm():
    text = "Analysts at Morgan Stanley said the move was overdue."
    c = one(text)
    assert (c["speaker"]["name"], c["speaker"]["role"], c["speaker"]["kind"]) == \
        ("Morgan Stanley", "Analysts", "body")
    assert c["content"]["text"] == "the move was overdue"


def test_a_title_with_no_name_has_no_role_beside_it():
    c = one("Prosecutors said the former treasurer had hidden the transfers.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == ("Prosecutors", None)
    c = one('"There will be no new taxes this year," the finance minister said.')
    assert (c["speaker"]["name"], c["speaker"]["role"], c["speaker"]["kind"]) == \
        ("finance minister", None, "role")


def test_a_web_address_is_a_listener_before_that():
    c = one('Carol Novak told cleveland.com after the verdict that her family '
            '"never wanted money."')
    assert c["speaker"]["name"] == "Carol Novak"
    assert c["content"]["text"] == 'her family "never wanted money."'


def test_a_plural_possessive_and_an_and_inside_a_body_name():
    a = one("The Barnsley Supporters' Trust said it would demand full transparency.")
    assert a["speaker"]["name"] == "Barnsley Supporters' Trust"
    b = one('A Department of Health and Social Care spokesperson said: "We are acting."')
    assert b["speaker"]["name"] == "Department of Health and Social Care spokesperson"
    c = one("Trade fell and Jones said the deal was done.")
    assert c["speaker"]["name"] == "Jones"


def test_a_possessive_inside_the_role_apposition():
    c = one("Rachel Ocampo, a meteorologist with the weather service's office in Norman, "
            "said warnings were issued 19 minutes before the tornado touched down.")
    assert c["speaker"]["name"] == "Rachel Ocampo"
    assert c["speaker"]["role"] == "a meteorologist with the weather service's office in Norman"
    d = one("Amira Shah, the chair of the Dental Association's practice committee, said the "
            "figures were a scandal.")
    assert (d["speaker"]["name"], d["content"]["text"]) == (
        "Amira Shah", "the figures were a scandal")


def test_after_reports_that_is_unattributed_speculation():
    said, rumour = all_('Barnsley chairman Neil Hartley has insisted the club is "not for sale" '
                        "after reports that a US consortium had made an approach.")
    assert said["content"]["text"] == 'the club is "not for sale"'
    assert rumour["speaker"]["name"] is None and rumour["modality"] == "speculation"
    assert rumour["content"]["text"] == "a US consortium had made an approach"


def test_asked_not_to_be_named_is_no_report():
    claims = all_("The minister, Sarah Dunmore, told MPs that a contract would be published.\n"
                  "But a senior official, who asked not to be named, said the contract was late.")
    assert [c["cue"]["text"] for c in claims] == ["told", "said"]


def test_told_whom_at_the_end_of_a_trailing_report():
    c = one("The company now expects the plant to open in 2027, Chief Executive Laura Brennan "
            "told analysts on a conference call.")
    assert c["speaker"]["name"] == "Laura Brennan"
    assert c["content"]["text"] == "The company now expects the plant to open in 2027"
    d = one("Laura Brennan told analysts the plant would open in 2027.")
    assert d["content"]["text"] == "the plant would open in 2027"
    assert d["listener"]["text"] == "analysts"


def test_a_body_with_its_alias_in_brackets_before_the_cue():
    c = one('The official Korean Central News Agency (KCNA) said the test "confirmed the '
            'reliability" of a new engine.')
    assert (c["speaker"]["name"], c["speaker"]["role"]) == ("Korean Central News Agency", None)
    assert c["content"]["text"] == 'the test "confirmed the reliability" of a new engine'


def test_a_quotation_split_by_said_and_the_speaker_after_it():
    c = one('"The lads were outstanding," said head coach Darren Moss, "and I do not think '
            'the talk got to them."')
    assert (c["speaker"]["name"], c["speaker"]["role"]) == ("Darren Moss", "head coach")
    assert c["content"]["text"] == \
        "The lads were outstanding and I do not think the talk got to them."
    assert len(c["content"]["parts"]) == 2


def test_two_apostrophes_quote_as_a_double_mark():
    c = one("''The harbour will stay shut until the storm passes,'' said Ruth Calder, the port "
            "manager.")
    assert c["direct"] is True
    assert c["content"]["text"] == "The harbour will stay shut until the storm passes"
    assert c["speaker"]["name"] == "Ruth Calder"


def test_an_honorific_with_its_dot_stays_in_the_speaker():
    a = one('"The figures speak for themselves," said Mr. Okafor.')
    assert a["speaker"]["name"] == "Okafor"
    assert a["content"]["text"] == "The figures speak for themselves"
    b = one("Sen. Mara Quill said the bill would pass next week.")
    assert (b["speaker"]["name"], b["speaker"]["role"]) == ("Mara Quill", None)
    c = one("U.S. officials said the convoy had turned back.")
    assert c["speaker"]["name"] == "U.S. officials"


def test_a_long_title_then_an_honorific_and_a_name_with_particles():
    c = one("The chief spokesperson for the Ministry of Water Resources Dr. Karim bin Nasser "
            "Al Hadi said the dam was safe.")
    assert c["speaker"]["name"] == "Karim bin Nasser Al Hadi"
    assert c["speaker"]["role"] == "chief spokesperson for the Ministry of Water Resources"
    assert c["content"]["text"] == "the dam was safe"


def test_a_quoted_sentence_after_a_quote_is_the_same_speakers_next_claim():
    first, then = all_('The mayor spoke after the vote. "We did not lose this fight," Mayor '
                       'Tom Reyes said. "The council will vote again in June."')
    assert first["content"]["text"] == "We did not lose this fight"
    assert then["speaker"]["name"] == "Tom Reyes"
    assert then["content"]["text"] == "The council will vote again in June."
    assert then["direct"] and not then["negated"]
    assert then["speaker"]["mention"] is None  # the sentence names no one


def test_a_quoted_sentence_after_an_indirect_report_is_not_joined():
    claims = all_('Tom Reyes said the council would vote again. "It is a fine day."')
    assert len(claims) == 1
    assert claims[0]["content"]["text"] == "the council would vote again"


def test_a_cue_between_commas_inside_the_report():
    c = one("The new terminal, airport director Sam Whitfield said, will open in the autumn.")
    assert c["speaker"]["name"] == "Sam Whitfield"
    assert c["content"]["text"] == "The new terminal will open in the autumn"
    assert len(c["content"]["parts"]) == 2
    d = one('On the question of fares, Whitfield added, "Nobody will pay more."')
    assert d["content"]["text"] == "Nobody will pay more."
    assert "parts" not in d["content"]


def test_a_pronoun_before_any_report_is_the_person_the_narration_named():
    claims = all_("Nadia Farrow defended the closure at a packed meeting on Tuesday.\n"
                  '"We had no other choice," she said.')
    assert [c["speaker"]["name"] for c in claims] == ["Nadia Farrow"]
    assert claims[0]["content"]["text"] == "We had no other choice"


def test_a_pronoun_with_only_places_and_bodies_before_it_gives_no_speaker():
    claims = all_("The Supreme Court in New Delhi met on Tuesday.\n"
                  '"We had no other choice," she said.')
    assert [(c["speaker"]["name"], c["speaker"]["mention"]["text"]) for c in claims] == \
        [(None, "she")]


def test_a_time_phrase_before_the_cue_is_no_part_of_the_speaker():
    a = one("The Kremlin on Friday denied a report that the envoy had resigned.")
    assert a["speaker"]["name"] == "Kremlin"
    b = one("Port spokesman Dan Ferrell earlier this week told reporters the cranes were idle.")
    assert (b["speaker"]["name"], b["speaker"]["role"]) == ("Dan Ferrell", "Port spokesman")


def test_a_participle_before_by_is_no_cue():
    c = one("Rebels shelled villages in districts claimed by Norland, the monitoring group said.")
    assert c["cue"]["text"] == "said"
    assert c["content"]["text"] == "Rebels shelled villages in districts claimed by Norland"


def test_a_question_after_the_cue_is_not_the_content():
    c = one('"We have seen no such plan," Peskov told reporters when asked to comment on the '
            'newspaper article.')
    assert c["content"]["text"] == "We have seen no such plan"
    assert c["direct"] is True


def test_the_issuer_of_a_report_or_statement_is_the_speaker():
    a = one("Turkish media reports on Sunday said the couple had separated.")
    assert a["speaker"]["name"] == "Turkish media"
    b = one("The Gazette report said the crates were stored in a hangar.")
    assert b["speaker"]["name"] == "Gazette"
    c = one("A new report said the river was polluted.")
    assert c["speaker"]["name"] == "new report"


def test_sources_familiar_with_or_close_to_something():
    a = one("The firm is weighing a sale, according to people familiar with the matter.")
    assert a["speaker"]["name"] == "people familiar with the matter"
    assert a["content"]["text"] == "The firm is weighing a sale"
    b = one("The talks had stalled, sources close to the negotiations said.")
    assert b["speaker"]["name"] == "sources close to the negotiations"


def test_two_modifiers_or_two_names_joined_by_and():
    a = one("Three Norlandic government and medical officials told Reuters that the toll had "
            "risen to 40.")
    assert a["speaker"]["name"] == "Three Norlandic government and medical officials"
    assert a["listener"]["text"] == "Reuters"
    b = one("The army shelled the town and police said four people had died.")
    assert b["speaker"]["name"] == "police"


def test_rejected_that_then_saying_keeps_its_own_speaker():
    claims = all_("Minister Ali Kassem dismissed the claims. Norland rejected that, saying the "
                  "figures were invented.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("Ali Kassem", "dismissed"), ("Norland", "rejected"), ("Norland", "saying")]
    assert claims[2]["content"]["text"] == "the figures were invented"


def test_an_isolated_name_is_the_speaker_not_the_word_after_it():
    text = "Transport ministry spokesman \u2068Samer al-Khatib\u2069 said the road would open soon."
    claim = one(text)
    assert claim["speaker"]["name"] == "Samer al-Khatib"
    assert claim["content"]["text"] == "the road would open soon"


def test_cues_of_accusing_describing_and_their_participles():
    a = one("Kerrow and Vell accused Norland of moving troops to the border.")
    assert (a["speaker"]["name"], a["cue"]["text"]) == ("Kerrow and Vell", "accused")
    assert a["content"]["text"] == "Norland of moving troops to the border"
    claims = all_("The minister described the report as fabricated, underscoring that no "
                  "weapons were stored at the port.")
    assert [c["cue"]["text"] for c in claims] == ["described", "underscoring"]
    assert claims[1]["content"]["text"] == "no weapons were stored at the port"
    d = one("The envoy spoke on Monday, dismissing the claims as baseless.")
    assert d["cue"]["text"] == "dismissing"
    assert d["negated"] is True


def test_a_participle_takes_the_subject_of_its_own_sentence():
    claims = all_("Mayor Lena Ortiz said the budget was balanced.\n"
                  "The port authority spoke on Monday, dismissing the claims as baseless.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("Lena Ortiz", "said"), ("port authority", "dismissing")]


def test_a_quoted_paragraph_after_a_report_is_its_speakers_next_claim():
    claims = all_('"The harbour plan was rushed," said Henry Crespo, a local organiser.\n\n'
                  '"Nobody asked the fishermen. The council will hear from us in June."\n\n'
                  "The rally ended at noon.")
    assert [c["speaker"]["name"] for c in claims] == ["Henry Crespo", "Henry Crespo"]
    assert claims[1]["content"]["text"] == \
        "Nobody asked the fishermen. The council will hear from us in June."


def test_a_quoted_paragraph_with_its_full_stop_after_the_mark_goes_on():
    claims = all_('"We spoke twice," the envoy Lars Brandt said.\n\n'
                  '"It was a short meeting. There was no other contact".')
    assert len(claims) == 2
    assert claims[1]["speaker"]["name"] == "Lars Brandt"
    assert claims[1]["content"]["text"].startswith("It was a short meeting.")


def test_a_quoted_paragraph_goes_on_the_quoted_speaker_not_the_outlet_carrying_it():
    claims = all_('"We hear many stories," spokesman Ivan Sorokin told reporters, the state '
                  'news agency Tass reported.\n\n'
                  '"One capital says one thing and another says the opposite."')
    assert claims[-1]["content"]["text"].startswith("One capital says")
    assert claims[-1]["speaker"]["name"] == "Ivan Sorokin"


def test_a_quote_after_a_report_that_ended_with_its_cue_goes_on_with_its_speaker():
    first, then = all_('The agency may be slow to act, Mara Schiff said. "The other factor is '
                       'the election."')
    assert first["content"]["text"] == "The agency may be slow to act"
    assert (then["speaker"]["name"], then["content"]["text"]) == \
        ("Mara Schiff", "The other factor is the election.")


def test_present_tense_cues():
    a = one("Critics argue that the levy will hurt small farms.")
    assert (a["cue"]["text"], a["content"]["text"]) == ("argue", "the levy will hurt small farms")
    b = one('"We will be back," the coach vows.')
    assert b["cue"]["text"] == "vows"


def test_a_possessive_or_his_title_between_commas_is_the_role():
    a = one("Ines Navarro, his chief of staff, urged a firm line.")
    assert (a["speaker"]["name"], a["speaker"]["role"]) == ("Ines Navarro", "his chief of staff")
    assert a["content"]["text"] == "a firm line"
    b = one("Jorge Vidal, Norland's ambassador to the United Nations from 2015 to 2019, said "
            "the vote was rigged.")
    assert b["speaker"]["name"] == "Jorge Vidal"
    assert b["speaker"]["role"] == "Norland's ambassador to the United Nations from 2015 to 2019"
    assert b["content"]["text"] == "the vote was rigged"


def test_after_a_quotation_the_tail_of_the_cue_is_no_content():
    a = one('"We cannot afford to wait any longer," Ana Ruiz said to loud cheers.')
    assert a["content"]["text"] == "We cannot afford to wait any longer"
    b = one('"The plan is dead," Senator Ruiz said on Sunday in Fresno as the crowd cheered.')
    assert b["content"]["text"] == "The plan is dead"
    c = one('"The plan is dead," Ruiz said, in answer to a question about the farm bill.')
    assert c["content"]["text"] == "The plan is dead"


def test_a_quotation_ending_with_its_full_stop_ends_the_sentence():
    claims = all_('Kremlin spokesman Oleg Vass stated, "No, it does not match reality." He also '
                  "denied claims that the envoy had been recalled.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("stated", "No, it does not match reality."),
        ("denied", "claims that the envoy had been recalled")]
    d = one('"Stop the war." Vass said.')
    assert d["content"]["text"] == "Stop the war."


def test_a_dateline_and_date_stamps_are_no_part_of_the_content():
    a = one("OSLO (Reuters) - The fisheries ministry said on Tuesday that quotas would be cut.")
    assert a["speaker"]["name"] == "fisheries ministry"
    b = one("Tromso, Norway—The coast guard on Friday denied a report that a trawler had sunk.")
    assert b["speaker"]["name"] == "coast guard"
    c = one("date 2025-03-02 The harbour has not been closed, port spokesman Eli Dahl said.")
    assert c["content"]["text"] == "The harbour has not been closed"
    d = one("OSLO, March 4 (AFP) - The harbour will reopen next week, port spokesman Eli Dahl "
            "said Saturday.")
    assert d["content"]["text"] == "The harbour will reopen next week"


def test_quoted_or_cited_someone_as_saying_gives_both_claims():
    claims = all_("The Courier cited a senior customs official as saying that the crates had "
                  "been opened.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("Courier", "cited"), ("senior customs official", "as saying")]
    assert {c["content"]["text"] for c in claims} == {"the crates had been opened"}
    later = all_("Earlier this week the Courier quoted an official saying the port was shut.")
    assert [c["speaker"]["name"] for c in later] == ["Courier", "official"]
    dotted = all_("Earlier this month the Courier quoted a U.N. official saying the port was shut.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in dotted] == [
        ("Courier", "the port was shut"), ("U.N. official", "the port was shut")]


def test_a_cue_word_after_a_cue_or_a_determiner_is_a_noun():
    a = one("The ministry on Saturday denied claims that a meeting took place.")
    assert (a["speaker"]["name"], a["cue"]["text"]) == ("ministry", "denied")
    assert a["content"]["text"] == "claims that a meeting took place"
    claims = all_("The Gazette cited alleged dock workers as saying that crates were moved.")
    assert [c["speaker"]["name"] for c in claims] == ["Gazette", "alleged dock workers"]


def test_according_to_a_rule_is_no_source():
    assert all_("The detainees will be tried, according to the laws of war.") == []
    c = one("The detainees will be tried, according to the interior ministry.")
    assert c["speaker"]["name"] == "interior ministry"


def test_and_said_opens_a_second_report_of_the_same_subject():
    claims = all_("Mayor Ruth Dale stressed her support for the ferry at a ceremony and said she "
                  "expects fares to fall.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("stressed", "her support for the ferry at a ceremony"),
        ("said", "she expects fares to fall")]
    police = all_("Police arrested the driver on Monday and said he had been drinking.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in police] == [
        ("Police", "he had been drinking")]
    shared = one("The navy said it had tracked and warned away a trawler near the reef.")
    assert shared["content"]["text"] == "it had tracked and warned away a trawler near the reef"


def test_an_age_home_town_and_relative_clause_between_the_name_and_the_cue():
    c = one("Mary Dunmore, 59, of Ashby, who watched the count on a screen, said the result "
            "was fair.")
    assert c["speaker"]["name"] == "Mary Dunmore"
    assert c["content"]["text"] == "the result was fair"


def test_a_cue_ending_its_paragraph_with_a_colon_takes_the_quotation_below():
    claims = all_("Few donors gave small sums.\n\nThe Daily Courier wrote:\n\n"
                  '"Just 24 percent of the contributors have given $200 or less."')
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in claims] == [
        ("Daily Courier", "Just 24 percent of the contributors have given $200 or less.")]
    assert claims[0]["direct"] is True


def test_negation_is_the_main_clause_s_not_an_embedded_one_nor_a_word_s():
    a = one("The envoy said the office had not been closed.")
    assert a["negated"] is True
    b = one("Officials said Norland had told them that their presence was no longer welcome.")
    assert b["negated"] is False
    c = one('"It is all untrue," the spokesman said.')
    assert c["negated"] is False
    d = one("The ministry denied the report.")
    assert d["negated"] is True


def test_cues_of_belief_and_evidence():
    a = one("Analysts believe the merger could strain the regional market.")
    assert (a["speaker"]["name"], a["cue"]["text"]) == ("Analysts", "believe")
    b = one("A new poll shows that most voters back the levy.")
    assert (b["cue"]["text"], b["content"]["text"]) == ("shows", "most voters back the levy")
    c = one("Reports indicate the decision has unsettled officials in Oslo.")
    assert c["content"]["text"] == "the decision has unsettled officials in Oslo"


def test_a_date_before_the_cue_and_a_month_inside_a_name():
    a = one('The Kremlin spokesman on Oct. 21 called the reports "contradictory".')
    assert a["speaker"]["name"] == "Kremlin spokesman"
    b = one("The May Day committee said the march would go ahead.")
    assert b["speaker"]["name"] == "May Day committee"
    assert b["content"]["text"] == "the march would go ahead"


def test_shows_reports_only_with_a_clause_and_asking_not_to_be_named_is_no_report():
    assert all_("A screen at the station shows footage of the launch.") == []
    claims = all_("The deal is close, an official said, asking not to be named because the "
                  "talks are private.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("said", "The deal is close")]


def test_an_adverb_between_the_subject_and_the_cue_is_no_part_of_the_name():
    a = one("Mayor Lena Ortiz however insisted that the budget was balanced.")
    assert (a["speaker"]["name"], a["cue"]["text"]) == ("Lena Ortiz", "insisted")
    b = one("The port authority further claimed that no ship had been turned away.")
    assert b["speaker"]["name"] == "port authority"
    assert b["content"]["text"] == "no ship had been turned away"


def test_an_outlet_closing_the_sentence_carries_the_whole_clause():
    claims = all_("The port authority on Monday denied that the harbour had been mined, the "
                  "Daily Courier reported, citing local officials.")
    got = [(c["speaker"]["name"], c["cue"]["text"], c["content"]["text"]) for c in claims]
    assert got[0] == ("port authority", "denied", "the harbour had been mined")
    assert got[1][:2] == ("Daily Courier", "reported")
    assert got[1][2].startswith("The port authority on Monday denied that the harbour")
    assert got[2][:2] == ("local officials", "citing")
    assert got[2][2] == got[1][2]


def test_according_to_after_a_report_carries_that_report_not_its_time_words():
    claims = all_("The death toll has risen to 40, the Red Cross said on Friday evening, "
                  "according to the Associated Press.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in claims] == [
        ("Red Cross", "The death toll has risen to 40"),
        ("Associated Press", "The death toll has risen to 40")]


def test_a_passive_or_adjectival_cue_word_reports_nothing():
    claims = all_("Another 300 people are reported missing after the storm, the agency said.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [("agency", "said")]
    assert all_("It was the third claimed strike on the convoy this month.") == []


def test_a_title_with_a_body_word_stands_for_the_holder_named_later():
    claims = all_("A Kremlin spokesman has denied reports of a cabinet reshuffle.\n\n"
                  'Kremlin spokesman Oleg Vass said, "There are no such plans."')
    assert [(c["speaker"]["name"], c["speaker"]["role"]) for c in claims] == [
        ("Oleg Vass", "Kremlin spokesman"), ("Oleg Vass", "Kremlin spokesman")]


def test_a_title_naming_an_office_field_then_the_holder():
    claims = all_("Minister of Energy and Water Resources Rami Saad told a news conference that "
                  "the dam was safe. The minister added that repairs would start in May.")
    assert [(c["speaker"]["name"], c["speaker"]["role"]) for c in claims] == [
        ("Rami Saad", "Minister of Energy and Water Resources")] * 2


def test_a_long_title_then_a_comma_then_the_name():
    a = one("On Monday, Norland's ambassador to Geneva, Ilse Varga denied any part in the talks.")
    assert (a["speaker"]["name"], a["speaker"]["role"]) == (
        "Ilse Varga", "Norland's ambassador to Geneva")
    b = one("Deputy spokesman for the Secretary-General of the Maritime Union, Paul Onu, said in "
            "a statement that the figures had been checked.")
    assert (b["speaker"]["name"], b["speaker"]["role"]) == (
        "Paul Onu", "Deputy spokesman for the Secretary-General of the Maritime Union")
    assert b["content"]["text"] == "the figures had been checked"

def test_quotation_ending_a_narrators_clause_gives_the_clause():
    # the narrator begins the clause and the speaker's words end it: the whole is reported
    c = one('The new levy, passed last spring, "has emptied our shops," Hal Brenner said.')
    assert c["speaker"]["name"] == "Hal Brenner"
    assert c["content"]["text"].startswith("The new levy, passed last spring,")
    assert "emptied our shops" in c["content"]["text"]
    assert c["direct"] is False


def test_quotation_alone_before_the_cue_stays_direct():
    c = one('"Nothing has changed," Hal Brenner said.')
    assert c["content"]["text"] == "Nothing has changed"
    assert c["direct"] is True


def test_stop_before_a_comma_ends_no_sentence():
    # "Ohio.," is a state's abbreviation inside the apposition, not a full stop
    claims = all_('"We will march," said Tom Reyes, who drove in from Dayton, Ohio., to '
                  'lead the rally. "Nobody will stop us. We are ready."')
    assert len(claims) == 2
    assert [c["speaker"]["name"] for c in claims] == ["Tom Reyes", "Tom Reyes"]
    assert claims[1]["content"]["text"] == "Nobody will stop us. We are ready."


def test_quotation_goes_on_the_report_not_the_participle_after_it():
    claims = all_('"We came close last year," Rita Vance said in Tulsa, recalling a vote that '
                  'failed. "The board and I backed it."')
    follow_on = next(c for c in claims if c["content"]["text"] == "The board and I backed it.")
    assert (follow_on["cue"]["text"], follow_on["speaker"]["name"]) == ("said", "Rita Vance")


def test_pronoun_resolves_past_the_title_of_the_narrated_person():
    claims = all_("County Treasurer Nora Quist toured the depot on Tuesday. "
                  '"The roof will not last another winter," she said.')
    assert len(claims) == 1
    assert claims[0]["speaker"]["name"] == "Nora Quist"


def test_a_pronoun_opening_a_relative_clause_is_the_person_just_named():
    claims = all_('"The border is calm," the army spokesman Ian Roe said.\n\n'
                  "The account matched an earlier briefing by Nadia Kerr in which she said the "
                  "crossing had been shelled.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in claims] == [
        ("Ian Roe", "The border is calm"), ("Nadia Kerr", "the crossing had been shelled")]
    b = one("Omar Tal visited the port, where he said the fishermen would be freed.")
    assert (b["speaker"]["name"], b["cue"]["text"]) == ("Omar Tal", "said")


def test_a_participle_after_a_connective_and_a_subject_that_reports_nothing():
    c = one("However, the governor firmly refused, insisting that the curfew would stay.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("governor", "insisting")
    assert c["content"]["text"] == "the curfew would stay"


def test_headline_forms_with_the_speaker_after_the_content_or_before_a_topic():
    a = all_("Harbour closure talk is alarmist – Norland Port Authority\n\n"
             "The harbour will stay open, the port authority said on Monday.")
    assert (a[0]["speaker"]["name"], a[0]["cue"]["text"], a[0]["content"]["text"]) == (
        "Norland Port Authority", "–", "Harbour closure talk is alarmist")
    b = all_("Ministry on Reports of Bridge Cracks: No Danger to Drivers\n\n"
             "The transport ministry said on Monday that the bridge was safe.")
    assert (b[0]["speaker"]["name"], b[0]["content"]["text"]) == (
        "transport ministry", "No Danger to Drivers")
    c = all_("Site menu\nFerry fares will not rise: senior harbour official\n\n"
             "Fares will stay as they are, a senior harbour official said.")
    assert (c[0]["speaker"]["name"], c[0]["content"]["text"]) == (
        "senior harbour official", "Ferry fares will not rise")
    d = all_("Markets - Business\n\nThe bank said that rates would hold.")
    assert [x["cue"]["text"] for x in d] == ["said"]

def test_mixed_straight_and_curly_marks_close_one_quotation():
    claims = all_('Mayor Tom Hale spoke at the depot. "We will fix the roof,” he added. '
                  '“The work starts in May. It ends in June."')
    assert [c["content"]["text"] for c in claims] == \
        ["We will fix the roof", "The work starts in May. It ends in June."]


def test_stop_before_a_closing_parenthesis_ends_no_sentence():
    claims = all_('"We will win," Ann Moss told reporters beside Rep. Bo Park (D-Calif.). '
                  '"We will take the House."')
    assert [c["content"]["text"] for c in claims] == ["We will win", "We will take the House."]


def test_continued_reports_beside_a_quotation():
    claims = all_('Mayor Tom Hale spoke at the depot.\n\n'
                  '"The roof will not last," he continued. "We need a new one."\n\n'
                  'He continued, "The council knows it."')
    assert [c["cue"]["text"] for c in claims] == ["continued"] * 3
    assert claims[0]["speaker"]["name"] == "Tom Hale"
    assert [c["content"]["text"] for c in claims] == \
        ["The roof will not last", "We need a new one.", "The council knows it."]


def test_continued_without_a_quotation_reports_nothing():
    assert all_("The talks continued for three days in the capital.") == []


def test_participle_after_by_or_after_reports():
    c = one('The mayor met the charge by saying, "I have done the best I can."')
    assert c["cue"]["text"] == "saying"
    assert c["speaker"]["name"] == "mayor"
    assert c["content"]["text"] == "I have done the best I can."
    c = one("Senator Ruth Alder stunned the room after telling aides she would run again.")
    assert c["speaker"]["name"] == "Ruth Alder"
    assert c["content"]["text"].endswith("she would run again")


def test_participle_subject_after_an_opener_and_a_party_tag():
    c = one("On Friday, Sen. Ruth Alder (D-Ore.) defended the bill, saying it would cut costs.")
    assert c["speaker"]["name"] == "Ruth Alder"
    assert c["content"]["text"] == "it would cut costs"



def test_a_quotation_closing_one_sentence_and_another_opening_are_two_sentences():
    claims = all_('The mayor explained that "the levy stays." "I hope the council agrees," she '
                  "said.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("explained", "the levy stays."), ("said", "I hope the council agrees")]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it():
    claims = all_('The mayor said the levy stays.The council met at noon."Enough," said the '
                  "mayor.Next week the budget is due.")
    assert [(c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("said", "the levy stays"), ("said", "Enough")]
    kept = one("Officials told News.Az that the U.S. embassy was closed.")
    assert kept["content"]["text"] == "the U.S. embassy was closed"


def test_the_one_before_comma_who_speaks():
    claims = all_("The remarks came after Interior Minister Lea Vos, who suggested that the border "
                  "had been breached, interpreting this as a provocation. The interior minister "
                  "further claimed that two guards had been hurt.")
    assert [(c["speaker"]["name"], c["cue"]["text"], c["content"]["text"]) for c in claims] == [
        ("Lea Vos", "suggested", "the border had been breached"),
        ("Lea Vos", "interpreting", "this as a provocation"),
        ("Lea Vos", "claimed", "two guards had been hurt")]

def test_progressive_cue_reads_as_the_verb():
    c = one("Mayor Tom Hale is telling reporters that the depot will close.")
    assert c["cue"]["text"] == "is telling"
    assert c["speaker"]["name"] == "Tom Hale"
    assert c["listener"]["text"] == "reporters"
    assert c["content"]["text"] == "the depot will close"
    c = one("The governor is also arguing that the levy will fail.")
    assert c["cue"]["text"] == "is also arguing"
    assert c["content"]["text"] == "the levy will fail"


def test_less_common_cue_forms():
    c = one("Senator Ruth Alder touted the deal as the best in a decade.")
    assert c["cue"]["text"] == "touted"
    c = one("The lawsuit alleges that the county purged voters.")
    assert c["cue"]["text"] == "alleges"
    assert c["content"]["text"] == "the county purged voters"
    c = one("Ruth Alder spoke at the hall, mentioning that the mill had closed.")
    assert c["cue"]["text"] == "mentioning"


def test_belief_is_marked_apart_from_a_statement():
    c = one("Mayor Tom Hale believes that the depot will close by spring.")
    assert c["cue"]["text"] == "believes"
    assert c["modality"] == "belief"
    assert c["content"]["text"] == "the depot will close by spring"
    c = one("The council fears that the levy will drive shops away.")
    assert c["modality"] == "belief"
    # a verb of belief with no clause after it reports nothing
    assert all_("The council fears the worst.") == []


def test_hope_and_expect_report_before_a_clause_or_an_infinitive_know_before_that():
    c = one("Councilwoman Dana Reyes hopes to win back the suburbs in November.")
    assert (c["cue"]["text"], c["modality"]) == ("hopes", "belief")
    assert c["content"]["text"] == "to win back the suburbs in November"
    c = one("Farm groups expect that prices will settle by summer.")
    assert (c["speaker"]["name"], c["modality"]) == ("Farm groups", "belief")
    c = one("Most union leaders know that the vote will be close.")
    assert (c["cue"]["text"], c["modality"]) == ("know", "belief")
    assert c["content"]["text"] == "the vote will be close"
    # knowing how, hoping for something, and the filler "you know" report nothing
    assert all_("The mayor knows how to win a room.") == []
    assert all_("Farm groups hope for rain.") == []
    assert all_("Dana Reyes spoke first. You know, the rain came late.") == []


def test_an_adverb_between_subject_and_cue_is_no_part_of_the_subject():
    c = one("Party analysts still think the deal is dead.")
    assert c["speaker"]["name"] == "Party analysts"
    c = one("Dana Reyes just said the count would go on.")
    assert c["speaker"]["name"] == "Dana Reyes"


def test_intention_needs_an_infinitive_and_a_written_subject():
    c = one("Mayor Tom Hale wants to close the depot by May.")
    assert c["modality"] == "intention"
    assert c["content"]["text"] == "to close the depot by May"
    assert all_("Mayor Tom Hale wants a recount.") == []
    # whose wish it is goes unsaid: the wish is no one's claim
    claims = all_('"We will fight on," Ruth Alder said. Her rival lost the vote and wanted '
                  'to leave town.')
    assert [c["cue"]["text"] for c in claims] == ["said"]


def test_quotation_split_around_said_of():
    claims = all_('Mayor Tom Hale spoke at the depot. "To the extent they listen," he said of '
                  'the council, "I have pleased them and irritated them."')
    assert len(claims) == 1
    assert claims[0]["content"]["text"] == ("To the extent they listen I have pleased them and "
                                            "irritated them.")
    assert claims[0]["direct"] is True



def test_a_named_outlets_report_inside_a_denial_is_its_own_claim():
    claims = all_("The ministry on Friday denied a report by The Harbour Times that the dock "
                  "had been sold.\n\nThe HT report claimed the buyer was a shell company.\n\n"
                  "The report alleges the sale was signed in May.")
    got = [(c["speaker"]["name"], c["cue"]["text"], c["content"]["text"]) for c in claims]
    assert got == [
        ("ministry", "denied", "a report by The Harbour Times that the dock had been sold"),
        ("Harbour Times", "report", "the dock had been sold"),
        ("Harbour Times", "claimed", "the buyer was a shell company"),
        ("Harbour Times", "alleges", "the sale was signed in May")]


def test_believed_to_be_is_no_report():
    claims = all_("The raid targeted a cell believed to be based in the hills, and groups "
                  "believed linked to it, the police said.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [("police", "said")]


def test_per_names_a_source_where_a_clause_opens():
    a = one("The ceasefire talks broke down late on Sunday, per two senior diplomats.")
    assert a["speaker"]["name"] == "two senior diplomats"
    assert a["content"]["text"] == "The ceasefire talks broke down late on Sunday"
    b = one("Per the health ministry, 40 people were killed in the strikes.")
    assert b["speaker"]["name"] == "health ministry"
    assert b["content"]["text"] == "40 people were killed in the strikes"


def test_per_as_a_rate_names_no_one():
    assert all_("Prices rose 3 per cent in May and fuel costs $90 per barrel.") == []
    assert all_("Members may vote by proxy, per the party's bylaws.") == []
    assert all_("Per capita, incomes fell for a second year.") == []
    c = one("Wages grew 2 per cent per month, per the central bank.")
    assert c["speaker"]["name"] == "central bank"
    assert c["content"]["text"] == "Wages grew 2 per cent per month"


def test_the_ministry_takes_up_the_body_the_narrator_named():
    a = all_("Egypt's Foreign Ministry summoned the envoy on Tuesday. "
             "The ministry said the raid broke international law.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in a] == [
        ("Egypt's Foreign Ministry", "the raid broke international law")]
    b = all_("Crews from the Office for the Coordination of Humanitarian Affairs reached the "
             "coast. The office added that 900 people were still missing.")
    assert [c["speaker"]["name"] for c in b] == [
        "Office for the Coordination of Humanitarian Affairs"]


def test_a_headline_or_a_bare_plural_names_no_body():
    a = all_("Strike Called Off By Dockers Union\n\nThe union said talks would resume.")
    assert [c["speaker"]["name"] for c in a] == ["union"]
    b = all_("Officials said the talks had stalled. Officials said the envoy left.")
    assert [c["speaker"]["name"] for c in b] == ["Officials", "Officials"]


def test_the_senators_take_up_the_people_named_together():
    a = all_("Democratic senators Anne Ford and Tom Reyes said on Monday that the port must "
             "reopen. The senators wrote that the blockade had gone on too long.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in a] == [
        ("Democratic senators Anne Ford and Tom Reyes", "the port must reopen"),
        ("Democratic senators Anne Ford and Tom Reyes", "the blockade had gone on too long")]


def test_the_subject_begins_after_a_clause_opening_when_or_because():
    c = one('The tone has shifted since last week, when Volkov dismissed the claims as '
            '"pure invention."')
    assert (c["speaker"]["name"], c["content"]["text"]) == \
        ("Volkov", 'the claims as "pure invention."')
    d = one("Talks stalled because the ministry said no deal was near.")
    assert (d["speaker"]["name"], d["content"]["text"]) == ("ministry", "no deal was near")


def test_the_organization_takes_up_the_body_that_spoke_not_the_outlet_carrying_it():
    claims = all_("The toll in the port city rose to 300, the Red Crescent said on Friday, "
                  "according to the Associated Press.\n\n"
                  "Another 200 people are still missing, the organization said.")
    last = claims[-1]
    assert last["content"]["text"] == "Another 200 people are still missing"
    assert (last["speaker"]["name"], last["speaker"]["kind"]) == ("Red Crescent", "body")


def test_a_name_after_the_is_a_body_not_a_person():
    c = one("The Daily Courier reported that the mayor had resigned.")
    assert (c["speaker"]["name"], c["speaker"]["kind"]) == ("Daily Courier", "body")


def test_an_acronym_is_spelt_out_from_the_narration():
    claims = all_("The Home Affairs Office came under fire on Monday over the new rules.\n\n"
                  '"The rules stay," the HAO said in a statement.')
    assert claims[-1]["speaker"]["name"] == "Home Affairs Office"
    # two letters may be anything: no spelling is guessed for them
    d = one('"The rules stay," the HA said. Hard Answers were few.')
    assert d["speaker"]["name"] == "HA"


def test_a_title_first_is_the_one_person_named_later_under_a_kindred_title():
    claims = all_("The Kremlin spokesman on Monday called the reports \"baseless.\"\n\n"
                  '"We have seen nothing of the kind," spokesman Yuri Sokolov told reporters.')
    first = claims[0]
    assert (first["speaker"]["name"], first["speaker"]["role"]) == \
        ("Yuri Sokolov", "Kremlin spokesman")
    # a rank beside the office still fits; another office's spokesman does not
    claims = all_("The city transport department spokesperson said on Monday the line would "
                  "reopen.\n\nTransport department deputy spokesperson Lee Tran told reporters, "
                  '"The work is done." Harbour board spokesperson Al Gore said it was not.')
    assert claims[0]["speaker"]["name"] == "Lee Tran"


def test_a_title_first_stays_a_title_when_two_people_could_hold_it():
    claims = all_("The ministry spokesman said the border was closed.\n\n"
                  '"It is closed," spokesman Yuri Sokolov said. Ministry spokesman Ivan Petrov '
                  "said later it would reopen.")
    assert claims[0]["speaker"]["name"] != "Yuri Sokolov"


def test_the_phrase_after_an_object_taking_cue_is_its_object_not_the_speaker():
    first, second = all_('The pilots union called the report "lies" on Monday, and accused the '
                         "paper of putting crews at risk.")
    assert (second["speaker"]["name"], second["content"]["text"]) == \
        ("pilots union", "the paper of putting crews at risk")


def test_a_subject_with_a_short_relative_clause_before_its_cue():
    c = one('A third official who talked to the agency in Cairo described the claims as '
            '"pure invention."')
    assert (c["speaker"]["name"], c["content"]["text"]) == \
        ("third official", 'the claims as "pure invention."')
    d = one("Two officials who attended the meeting said no deal was reached.")
    assert d["speaker"]["name"] == "Two officials"


def test_a_cue_the_writer_quotes_still_reports():
    c = one('Lena Ortiz, a spokeswoman for the Interior Ministry, "flatly denied" the meeting.')
    assert (c["speaker"]["name"], c["cue"]["text"], c["content"]["text"]) == \
        ("Lena Ortiz", "denied", "the meeting")
    assert c["negated"]
    # a quotation of more than the verb and its adverbs is the speaker's words, not a cue
    assert all_('The mayor spoke of "a plan we denied for years" on Monday.') == []


def test_a_quotation_the_clause_goes_on_after_is_not_the_whole_content():
    c = one('The minister expressed "deep regret" at the coverage of the visit.')
    assert c["content"]["text"] == '"deep regret" at the coverage of the visit'
    assert not c["direct"]


def test_a_trailing_source_carries_the_whole_report_its_speaker_included():
    claims = all_("However, Lena Ortiz, a spokeswoman for the Interior Ministry, flatly denied "
                  "the meeting, as reported by the state news agency.")
    carried = claims[-1]
    assert carried["speaker"]["name"] == "state news agency"
    assert carried["content"]["text"] == \
        "Lena Ortiz, a spokeswoman for the Interior Ministry, flatly denied the meeting"
    # after an outlet's own report the source gave what was reported, not the report
    claims = all_("The Courier reported on Friday that the talks failed, citing two officials.")
    assert claims[-1]["content"]["text"] == "the talks failed"


def test_what_a_document_shows_or_found_is_evidence_its_object_the_content():
    c = one("A county survey released on Monday shows the levy trailing by nine points.")
    assert (c["cue"]["text"], c["modality"]) == ("shows", "evidence")
    assert c["content"]["text"] == "the levy trailing by nine points"
    c = one("Public records show no payments to the trust since 2019.")
    assert c["speaker"]["name"] == "Public records"
    assert c["content"]["text"] == "no payments to the trust since 2019"
    assert c["negated"] is True
    c = one("A study by the Hollis Institute found that most rural clinics lack a pharmacist.")
    assert (c["cue"]["text"], c["modality"]) == ("found", "evidence")
    assert c["content"]["text"] == "most rural clinics lack a pharmacist"
    c = one("Data suggest the harbour traffic is slowing.")
    assert (c["cue"]["text"], c["modality"]) == ("suggest", "evidence")
    # a person finds only a clause; a screen shows only footage
    assert all_("The mayor found a new job in the spring.") == []
    c = one("The auditor found that the ledgers had been altered.")
    assert c["content"]["text"] == "the ledgers had been altered"
    assert all_("A screen in the hall shows the count live.") == []


def test_a_participle_after_a_document_is_no_part_of_its_name():
    c = one("A county survey released on Monday shows the levy trailing by nine points.")
    assert c["speaker"]["name"] == "county survey"
    c = one("A study published in March found that most ferries run late.")
    assert c["speaker"]["name"] == "study"
    # its issuer, after the participle and 'by', speaks for it
    c = one("A poll conducted by Marlow Research shows the mayor ahead by four points.")
    assert c["speaker"]["name"] == "Marlow Research"
    assert c["content"]["text"] == "the mayor ahead by four points"


def test_a_participle_clause_between_subject_and_cue_is_an_aside():
    c = one("The audit, published in June, said the depot had lost track of its fuel.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("audit", "said")
    assert c["content"]["text"] == "the depot had lost track of its fuel"
    c = one("The charity, based in Lyon, warned that the camps would run out of water.")
    assert c["speaker"]["name"] == "charity"
    assert c["content"]["text"] == "the camps would run out of water"


def test_a_document_closing_the_sentence_carries_the_clause_before_it():
    c = one("Nearly half the donations came in March, campaign filings show.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("campaign filings", "show")
    assert c["content"]["text"] == "Nearly half the donations came in March"
    c = one("The senator leads her rival by six points, the poll found.")
    assert c["speaker"]["name"] == "poll"
    assert c["content"]["text"] == "The senator leads her rival by six points"
    # a clause before the comma is no title of the body after it
    c = one("Turnout in the north fell sharply, the commission said.")
    assert c["content"]["text"] == "Turnout in the north fell sharply"


def test_more_ways_of_meaning_to_do_are_intentions():
    c = one("The port authority sought to calm shipping firms after the strike.")
    assert (c["cue"]["text"], c["modality"]) == ("sought", "intention")
    assert c["content"]["text"] == "to calm shipping firms after the strike"
    c = one("The county board would like to sell the old courthouse.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("county board", "would like")
    c = one("The governor is determined to pass the water bill this session.")
    assert (c["cue"]["text"], c["modality"]) == ("is determined", "intention")
    c = one("The union is hoping to settle before the holidays.")
    assert (c["cue"]["text"], c["content"]["text"]) == ("is hoping",
                                                        "to settle before the holidays")
    # a noun, or a wish with no infinitive, reports nothing
    assert all_("The union is hoping for a quick deal.") == []
    assert all_("Her own plans to expand the ferry service were shelved.") == []
    assert all_("The flood dampened plans to reopen the mill.") == []


def test_a_belief_without_that_needs_a_clause_and_a_negated_auxiliary_negates_it():
    c = one("Dock workers fear the new cranes will cost them their jobs.")
    assert (c["cue"]["text"], c["modality"]) == ("fear", "belief")
    assert c["content"]["text"] == "the new cranes will cost them their jobs"
    c = one("Most growers hope the frost has spared the orchards.")
    assert c["content"]["text"] == "the frost has spared the orchards"
    assert all_("Dock workers fear the worst.") == []
    c = one("The council is convinced that the bypass will ease traffic.")
    assert (c["cue"]["text"], c["modality"]) == ("is convinced", "belief")
    c = one("Mayor Ruth Alder does not believe the depot will close.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Ruth Alder", "does not believe")
    assert c["negated"] is True and c["content"]["text"] == "the depot will close"
    c = one("Dana Reyes doesn't want to run for a second term.")
    assert (c["cue"]["text"], c["modality"], c["negated"]) == ("doesn't want", "intention",
                                                                True)
    # a statement not made is no claim
    assert all_("The minister did not say that the talks had failed.") == []


def test_a_noun_of_report_with_its_holder_as_possessor():
    c = one("Senator Ann Moss's claim that the mill was sold at a loss has drawn a rebuke.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("Ann Moss", "claim")
    assert c["modality"] == "assertion"
    # the content ends before the sentence's own verb
    assert c["content"]["text"] == "the mill was sold at a loss"
    claims = all_("Mayor Ruth Alder spoke at the depot on Friday. Her firm belief that the line "
                  "will reopen is shared by few on the council.")
    c = claims[-1]
    assert (c["speaker"]["name"], c["cue"]["text"], c["modality"]) == ("Ruth Alder", "belief",
                                                                        "belief")
    assert c["content"]["text"] == "the line will reopen"
    c = one("The paper repeated the governor's claim that the bridge will be sold and the "
            "tolls will rise.")
    assert c["speaker"]["name"] == "governor"
    assert c["content"]["text"] == "the bridge will be sold and the tolls will rise"
    # with no holder named, or no clause, the noun reports nothing of its own
    assert all_("The claim that the bridge will be sold is false.") == []
    assert all_("Her claim was dismissed by the court.") == []


def test_an_expectation_no_one_is_named_for_is_speculation_with_no_speaker():
    c = one("The county board is widely expected to approve the levy on Monday.")
    assert c["speaker"] is None or c["speaker"]["name"] is None
    assert (c["cue"]["text"], c["modality"]) == ("is widely expected", "speculation")
    assert c["content"]["text"] == "The county board to approve the levy on Monday"
    c = one("Port traffic is expected to rise to 4.5 percent next year.")
    assert c["content"]["text"] == "Port traffic to rise to 4.5 percent next year"
    # the expectation of someone named is that speaker's; "lower than expected" is none
    claims = all_("The governor is expected to veto the bill, two aides said.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [("two aides", "said")]
    assert all_("Turnout was lower than expected in the north.") == []
