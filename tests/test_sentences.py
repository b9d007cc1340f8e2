from factcheck.sentences import inside_quotes, sentences


def _one(text: str, lang: str = "en"):
    (s,) = sentences(text, 0, len(text), lang=lang)
    return s


def test_a_token_is_inside_a_quotation_only_between_its_marks():
    s = _one('The mayor said "the bridge will reopen" on Monday.')
    raws = [t.raw for t in s.toks]
    opening, closing = raws.index('"'), len(raws) - 1 - raws[::-1].index('"')
    assert [s.in_quote(i) for i in range(len(raws))] == \
        [opening < i < closing for i in range(len(raws))]
    assert not s.in_quote(-1) and not s.in_quote(len(raws))


def test_quotation_pairs_are_found_by_either_mark():
    s = _one("وقال الوزير «المفاوضات ستستأنف» ثم أضاف «لن نتراجع».")
    first, second = s.quotes
    assert s.quote_opening_at(first[0]) == first and s.quote_closing_at(first[1]) == first
    assert s.quote_opening_at(second[0]) == second and s.quote_closing_at(second[1]) == second
    assert s.quote_opening_at(first[1]) is None and s.quote_closing_at(second[0]) is None


def test_a_sentence_without_quotations_answers_without_any():
    s = _one("Officials said the talks would resume next week.")
    assert s.quotes == [] and not s.in_quote(3)
    assert s.quote_opening_at(0) is None and s.quote_closing_at(0) is None


def test_tokens_by_character_offset():
    text = "Exports rose, the ministry said."
    s = _one(text)
    start = text.index("the")
    assert s.toks[s.index_at(start)].raw == "the"
    assert s.toks[s.index_at(start - 1)].raw == "the"  # the space before it
    assert [t.raw for t in s.tokens_within(start, text.index(" said"))] == ["the", "ministry"]
    assert s.index_at(len(text) + 5) == len(s.toks)


def test_nested_and_overlapping_pairs_mark_each_index_once():
    # «a "b" c» and a pair that starts inside another and ends after it
    assert list(inside_quotes(8, [(0, 6), (2, 4)])) == [0, 1, 1, 1, 1, 1, 0, 0]
    assert list(inside_quotes(8, [(3, 7), (1, 5)])) == [0, 0, 1, 1, 1, 1, 1, 0]
    assert list(inside_quotes(4, [(0, 1), (2, 9)])) == [0, 0, 0, 1]
