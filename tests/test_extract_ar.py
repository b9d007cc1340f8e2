"""Arabic constructions, on sentences written for these tests in the manner of news reports."""

import pytest
from tests_support import all_claims as all_
from tests_support import one_claim as one


def test_verb_first_role_before_name():
    c = one("وقال المتحدث باسم وزارة الصحة أحمد الخطيب إن عدد الإصابات تراجع هذا الشهر.")
    assert c["speaker"]["name"] == "أحمد الخطيب"
    assert c["speaker"]["role"] == "المتحدث باسم وزارة الصحة"
    assert c["cue"]["text"] == "قال"  # without the leading و
    assert c["content"]["text"] == "عدد الإصابات تراجع هذا الشهر"
    assert c["direct"] is False and c["negated"] is False


def test_verb_first_body_with_feminine_verb():
    c = one("أكدت وزارة الدفاع التركية أن قواتها أسقطت طائرة مسيرة قرب الحدود.")
    assert c["speaker"]["name"] == "وزارة الدفاع التركية"
    assert c["speaker"]["kind"] == "body"
    assert c["content"]["text"] == "قواتها أسقطت طائرة مسيرة قرب الحدود"


def test_subject_first():
    c = one("رئيس البرلمان نبيه بري قال إن الجلسة ستعقد يوم الخميس.")
    assert c["speaker"]["name"] == "نبيه بري"
    assert c["speaker"]["role"] == "رئيس البرلمان"
    assert c["content"]["text"] == "الجلسة ستعقد يوم الخميس"


def test_time_words_between_speaker_and_content_are_not_the_speaker():
    c = one("وأعلن البنك المركزي اليوم الأحد، في بيان رسمي، أن أسعار الفائدة ستبقى دون تغيير.")
    assert c["speaker"]["name"] == "البنك المركزي"
    assert c["content"]["text"] == "أسعار الفائدة ستبقى دون تغيير"


def test_wafqan_lima_dhakarahu_then_fa_inna():
    c = one("ووفقًا لما ذكره مدير المطار خالد سعيد، فإن الرحلات ستعود إلى طبيعتها مساء الغد.")
    assert c["cue"]["text"] == "ووفقًا لما ذكره"[1:]
    assert c["speaker"]["name"] == "خالد سعيد"
    assert c["speaker"]["role"] == "مدير المطار"
    assert c["content"]["text"] == "الرحلات ستعود إلى طبيعتها مساء الغد"


def test_source_phrase_after_the_content():
    c = one("ارتفع عدد السياح بنسبة عشرين في المئة خلال الصيف، وفقًا لوزارة السياحة.")
    assert c["speaker"]["name"] == "وزارة السياحة"
    assert c["content"]["text"] == "ارتفع عدد السياح بنسبة عشرين في المئة خلال الصيف"


def test_bihasab_and_hasab():
    a = one("وبحسب مصادر طبية، فإن حصيلة الضحايا بلغت اثني عشر شخصا.")
    assert a["speaker"]["name"] == "مصادر طبية"
    assert a["cue"]["text"] == "بحسب"
    assert a["content"]["text"] == "حصيلة الضحايا بلغت اثني عشر شخصا"
    b = one("تراجع سعر الذهب إلى أدنى مستوى منذ شهرين، حسب بيانات البورصة.")
    assert b["speaker"]["name"] == "البورصة"  # a document stands for who issued it
    assert b["content"]["text"].startswith("تراجع سعر الذهب")



def test_a_closing_mark_set_apart_opens_a_quotation():
    c = one("وقال المحافظ ” المشروع سينتهي في موعده رغم الصعوبات”.")
    assert c["content"]["text"] == "المشروع سينتهي في موعده رغم الصعوبات"
    assert c["direct"] is True


def test_a_quotation_left_open_ends_with_its_paragraph():
    # news marks only the last paragraph's close of a quotation that runs on
    first, c = all_('قالت وزيرة التعليم سلمى ناصر إن العام الدراسي يبدأ في موعده. '
                    'وتابعت الوزيرة "سنبني ثلاث مدارس جديدة في الجنوب قبل الخريف،')
    assert c["speaker"]["name"] == first["speaker"]["name"] == "سلمى ناصر"
    assert c["content"]["text"] == "سنبني ثلاث مدارس جديدة في الجنوب قبل الخريف"
    assert c["direct"] is True


def test_an_ambassador_to_a_country_named_after_his_own():
    c = one("قال سفير تونس لدى اليونان سامي الهادي إن الرحلات ستعود الشهر المقبل.")
    assert c["speaker"]["name"] == "سامي الهادي"
    assert c["speaker"]["role"] == "سفير تونس لدى اليونان"
    assert c["cue"]["text"] == "قال"
    assert c["content"]["text"] == "الرحلات ستعود الشهر المقبل"
    # لدى after a title alone is an occasion
    c = one("وقال السفير لدى وصوله إن الرحلات ستعود.")
    assert c["speaker"]["name"] == "السفير"


def test_an_unnamed_source_with_a_clause_of_its_own_and_no_relative_word():
    c = one('وقال مسؤول طلب عدم الكشف عن هويته: "لن نوقع على هذه الورقة".')
    assert c["speaker"]["name"] == "مسؤول"
    assert c["cue"]["text"] == "قال"
    assert c["content"]["text"] == "لن نوقع على هذه الورقة"
    assert c["direct"] is True


def test_answering_questions_is_no_report_without_what_was_answered():
    claims = all_("وقال المتحدث باسم البلدية رامي سليم إن الطرق ستفتح غدا، لكنه يجيب كذلك "
                  "عن رسائل السكان كل مساء.")
    assert [c["cue"]["text"] for c in claims] == ["قال"]
    c = one('وعند سؤاله عن الموعد، أجاب المتحدث: "لم يحدد بعد".')
    assert c["content"]["text"] == "لم يحدد بعد"
    b = one('وبين الوزير: "الميزانية تكفي حتى الربيع".')
    assert b["content"]["text"] == "الميزانية تكفي حتى الربيع"

def test_naqlan_an_as_a_parenthesis_gives_two_claims():
    claims = all_("وقالت صحيفة الأهرام، نقلًا عن مسؤول حكومي، إن الحكومة ستطرح سندات جديدة.")
    assert [c["speaker"]["name"] for c in claims] == ["صحيفة الأهرام", "مسؤول حكومي"]
    assert {c["content"]["text"] for c in claims} == {"الحكومة ستطرح سندات جديدة"}


def test_naqalat_an_gives_the_agency_and_the_one_it_quotes():
    # The agency answers for the words as it printed them, the minister for having said them.
    outlet, source = all_("ونقلت وكالة الأنباء الأردنية عن وزير المياه قوله إن الموسم المطري "
                          "كان ضعيفا.")
    assert outlet["speaker"]["name"] == "وكالة الأنباء الأردنية"
    assert source["speaker"]["name"] == "وزير المياه"
    assert outlet["content"]["text"] == source["content"]["text"] == "الموسم المطري كان ضعيفا"
    assert outlet["cue"]["text"] == source["cue"]["text"] == "نقلت"


def test_after_a_relay_the_next_report_goes_on_with_the_one_quoted():
    claims = all_("ونقلت وكالة الأنباء الرسمية عن وزيرة الصحة قولها إن اللقاحات وصلت. "
                  "وأضافت أن حملة التطعيم تبدأ الأحد.")
    assert [c["speaker"]["name"] for c in claims] == [
        "وكالة الأنباء الرسمية", "وزيرة الصحة", "وزيرة الصحة"]


def test_a_relay_past_a_comma_and_a_relative_clause_on_the_source():
    outlet, source = all_("ونقلت قناة “النيل” الرسمية، عن المصدر الذي لم تكشف هويته قوله: "
                          "“لا صحة لما يتردد عن إغلاق المعبر”، دون تفاصيل أخرى.")
    assert outlet["speaker"]["name"] == "قناة “النيل” الرسمية"
    assert source["speaker"]["name"] == "المصدر"
    assert source["content"]["text"] == "لا صحة لما يتردد عن إغلاق المعبر"
    assert source["direct"] is True and source["negated"] is True


def test_an_outlet_named_in_the_occasion_carries_the_statement_too():
    claims = all_("وأشار المتحدث باسم الحكومة، في تصريحات نقلتها فضائية الغد، إلى أن الأضرار "
                  "محدودة.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("المتحدث باسم الحكومة", "أشار"), ("فضائية الغد", "نقلتها")]
    assert claims[1]["content"]["text"] == "الأضرار محدودة"
    a = all_("وشددت الوزارة في بيان نشرته وكالة الأنباء الوطنية، على أن الحدود مؤمنة.")
    assert [(c["speaker"]["name"], c["content"]["text"]) for c in a] == [
        ("الوزارة", "الحدود مؤمنة"), ("وكالة الأنباء الوطنية", "الحدود مؤمنة")]
    # where it was put, or when, is no outlet
    b = all_("وقال الجيش، في بيان نشره على منصة إكس، إن قواته صدت الهجوم.")
    assert [c["speaker"]["name"] for c in b] == ["الجيش"]
    assert b[0]["content"]["text"] == "قواته صدت الهجوم"


def test_ala_lisan():
    c = one("وجاء على لسان قائد الشرطة أن التحقيقات ما زالت في بدايتها.")
    assert c["speaker"]["name"] == "قائد الشرطة"
    assert c["content"]["text"] == "التحقيقات ما زالت في بدايتها"


def test_apposition_role_between_commas():
    c = one("وأوضحت سارة حداد، الباحثة في مركز الدراسات الاقتصادية، أن البطالة بين الشباب مرتفعة.")
    assert c["speaker"]["name"] == "سارة حداد"
    assert c["speaker"]["role"] == "الباحثة في مركز الدراسات الاقتصادية"


def test_listener_kept_apart_from_speaker():
    c = one("وقال وزير النقل لصحيفة «الشرق» إن القطار السريع سيفتتح العام المقبل.")
    assert c["speaker"]["name"] == "وزير النقل"
    assert c["listener"]["text"] == "الشرق"
    assert c["content"]["text"] == "القطار السريع سيفتتح العام المقبل"


def test_continuation_follows_gender():
    claims = all_(
        "وقالت وزيرة التربية منى القاسم إن المدارس ستفتح في موعدها. "
        "وقال مدير المناهج فادي يوسف إن الكتب الجديدة طبعت. "
        "وأضافت أن المعلمين تلقوا تدريبا إضافيا."
    )
    assert [c["speaker"]["name"] for c in claims] == ["منى القاسم", "فادي يوسف", "منى القاسم"]
    assert claims[2]["speaker"]["mention"] is None


def test_participle_opens_its_own_claim():
    claims = all_("وأكد المتحدث العسكري أن القصف توقف، مضيفًا أن فرق الإنقاذ وصلت إلى المنطقة.")
    assert [c["cue"]["text"] for c in claims] == ["أكد", "مضيفًا"]
    assert claims[1]["speaker"]["name"] == claims[0]["speaker"]["name"]
    assert claims[0]["content"]["text"] == "القصف توقف"
    assert claims[1]["content"]["text"] == "فرق الإنقاذ وصلت إلى المنطقة"


def test_short_later_mention_resolves_to_full_name():
    claims = all_(
        "وقال رئيس الوزراء الإسباني بيدرو سانشيز إن حكومته ستعترف بالدولة الفلسطينية. "
        "وشدد سانشيز على أن القرار نهائي."
    )
    assert [c["speaker"]["name"] for c in claims] == ["بيدرو سانشيز", "بيدرو سانشيز"]
    assert claims[1]["speaker"]["mention"]["text"] == "سانشيز"
    assert claims[1]["speaker"]["role"] == "رئيس الوزراء الإسباني"


def test_role_standing_for_the_person_resolves_to_the_name():
    claims = all_(
        "وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوساطة مستمرة. "
        "وأكد المتحدث باسم الخارجية أن الاتصالات لم تنقطع."
    )
    assert [c["speaker"]["name"] for c in claims] == ["ماجد الأنصاري", "ماجد الأنصاري"]
    assert claims[1]["negated"] is True


def test_headline_convention():
    c = all_("بيسكوف: لا خطط لزيارة كيم إلى موسكو\nوقالت الوكالة إن الاجتماع انتهى.")[0]
    assert c["speaker"]["name"] == "بيسكوف"
    assert c["cue"]["text"] == ":"
    assert c["content"]["text"] == "لا خطط لزيارة كيم إلى موسكو"
    assert c["negated"] is True


def test_direct_quote_in_guillemets():
    c = one("وقال الرئيس الفلسطيني: «لن نقبل بأي حل لا يضمن حقوق شعبنا».")
    assert c["direct"] is True
    assert c["content"]["text"] == "لن نقبل بأي حل لا يضمن حقوق شعبنا"
    assert c["negated"] is True


def test_direct_quote_after_anna_is_still_direct():
    c = one('وأكد المدرب أن "الفريق جاهز تماما للمباراة النهائية".')
    assert c["direct"] is True
    assert c["content"]["text"] == "الفريق جاهز تماما للمباراة النهائية"


def test_partly_quoted_report_is_not_direct():
    c = one("وقال المحافظ إن الوضع “تحت السيطرة” رغم الأمطار الغزيرة.")
    assert c["direct"] is False
    assert c["content"]["text"] == "الوضع “تحت السيطرة” رغم الأمطار الغزيرة"


def test_quote_whose_speaker_was_named_in_a_question():
    c = one(
        "وردًا على سؤال لوزير المالية محمد معيط عن موعد خفض الدعم، "
        "أجاب “لا يوجد قرار حتى الآن”."
    )
    assert c["context"] == "موعد خفض الدعم"
    assert c["direct"] is True and c["negated"] is True
    assert c["content"]["text"] == "لا يوجد قرار حتى الآن"


def test_denial_cue_marks_negated_and_denial():
    c = one("ونفت الشركة أن تكون قد سرحت أي موظف خلال الربع الأخير.")
    assert c["modality"] == "denial"
    assert c["negated"] is True


def test_negators_in_content():
    for sentence, negated in [
        ("وقال الوزير إن الحكومة لن ترفع الأسعار.", True),
        ("وقال الوزير إن الحكومة لم تتخذ قرارا بعد.", True),
        ("وقال الوزير إن القرار ليس نهائيا.", True),
        ("وقال الوزير إن المفاوضات لا تزال مستمرة.", False),
        ("وقال المسؤول إن عشرات العمال لا يزالون تحت الأنقاض.", False),
        ("وقال المسؤول إن الوفدين لا يزالان في الفندق.", False),
        ("وقال الوزير إن المشروع أمر غير مسبوق.", False),
        ("وقال الوزير إن الأسعار سترتفع.", False),
    ]:
        assert one(sentence)["negated"] is negated, sentence


def test_unattributed_speculation():
    c = one("ويأتي الاجتماع وسط أنباء عن قرب الإعلان عن تعديل وزاري.")
    assert c["speaker"]["name"] is None
    assert c["modality"] == "speculation"
    assert c["content"]["text"] == "قرب الإعلان عن تعديل وزاري"


def test_source_phrase_gets_its_own_claim_beside_speculation():
    claims = all_("ويأتي الاجتماع وسط أنباء عن تعديل وزاري، بحسب ما يتداوله ناشطون.")
    assert [c["speaker"]["name"] for c in claims] == [None, "ناشطون"]
    assert claims[1]["cue"]["text"] == "بحسب ما يتداوله"
    assert claims[1]["content"]["text"] == "تعديل وزاري"


def test_navigation_byline_heading_and_caption_lines_are_skipped():
    text = (
        "كتب: محمد حسن\n"
        "الاقتصاد في أسبوع\n"
        "وقال وزير الاقتصاد إن النمو سيبلغ ثلاثة في المئة.\n"
        "اقرأ أيضًا: وزير الاقتصاد يقول إن التضخم سينخفض\n"
        "صورة أرشيفية لوزير الاقتصاد\n"
    )
    claims = all_(text)
    assert [c["content"]["text"] for c in claims] == ["النمو سيبلغ ثلاثة في المئة"]


def test_narrator_sentence_gives_nothing():
    assert all_("وشهدت العاصمة أمس أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.") == []


def test_report_nested_inside_a_quote_is_not_counted():
    c = one("وقال النائب: “أبلغنا الوزير أن الميزانية لن تكفي، وقال إن الحل في الاقتراض”.")
    assert c["speaker"]["name"] == "النائب"
    assert c["direct"] is True


def test_report_nested_in_reported_content_is_not_counted():
    c = one("وقال المسؤول إن الوزارة أكدت أن الطريق سيفتح غدا.")
    assert c["content"]["text"] == "الوزارة أكدت أن الطريق سيفتح غدا"


def test_diacritics_and_tatweel_do_not_hide_a_cue():
    c = one("وقَـالَ المُتحدِّث إنّ الاجتماع أُلغي.")
    assert c["cue"]["text"] == "قَـالَ"
    assert c["content"]["text"] == "الاجتماع أُلغي"


def test_verb_then_qailan_is_one_cue_continuing_the_speaker():
    claims = all_(
        "وأكد المتحدث باسم الوزارة حسام يوسف أن الوضع مستقر. "
        "وتابع قائلًا: “لا داعي للقلق”."
    )
    assert claims[1]["cue"]["text"] == "تابع قائلًا"
    assert claims[1]["speaker"]["name"] == "حسام يوسف"
    assert claims[1]["direct"] is True and claims[1]["negated"] is True


def test_sarraha_bi_anna_and_listener_with_attached_lam():
    a = one("صرح السفير أحمد كمال، المتحدث باسم السفارة، بأن القنصلية ستفتح أبوابها الأحد.")
    assert a["speaker"]["name"] == "أحمد كمال"
    assert a["content"]["text"] == "القنصلية ستفتح أبوابها الأحد"
    b = one('وقالت مصادر طبية لـ"الشروق" إن المستشفى استقبل عشرين مصابا.')
    assert b["speaker"]["name"] == "مصادر طبية"
    assert b["listener"]["text"] == "الشروق"


def test_a_fuller_name_elsewhere_in_the_text_is_used():
    claims = all_(
        "ويرأس الوفد وزير الخارجية عباس عراقجي.\n"
        "وأكد عراقجي أن بلاده مستعدة لاتفاق عادل."
    )
    assert claims[0]["speaker"]["name"] == "عباس عراقجي"
    assert claims[0]["speaker"]["mention"]["text"] == "عراقجي"


def test_quoted_alias_after_a_body_noun_stays_in_the_name():
    c = one('وذكرت صحيفة "واشنطن بوست" الأمريكية، في تقرير نشرته الأحد، أن الإدارة تدرس خيارات.')
    assert c["speaker"]["name"] == 'صحيفة "واشنطن بوست" الأمريكية'
    assert c["content"]["text"] == "الإدارة تدرس خيارات"


def test_a_short_quote_after_a_person_is_content_not_a_name():
    c = one('وقال الوزير "لن نتراجع".')
    assert c["speaker"]["name"] == "الوزير"
    assert c["content"]["text"] == "لن نتراجع" and c["direct"] is True


def test_adverbial_parenthesis_then_object():
    c = one("وأعلن الجيش، في بيان، مقتل جندي في اشتباكات شمال القطاع.")
    assert c["speaker"]["name"] == "الجيش"
    assert c["content"]["text"] == "مقتل جندي في اشتباكات شمال القطاع"


def test_occasion_then_preposition_content():
    c = one("وشددت الوزارة في بيانها على ضرورة الالتزام بالتعليمات.")
    assert c["speaker"]["name"] == "الوزارة"
    assert c["content"]["text"] == "ضرورة الالتزام بالتعليمات"


def test_one_word_title_is_not_resolved_to_another_title_holder():
    claims = all_(
        "وأكد رئيس الوزراء محمد السوداني أن بغداد ترفض أي اعتداء. "
        "ونقل التلفزيون الرسمي عن الرئيس قوله إن الإصلاحات مستمرة."
    )
    assert [c["speaker"]["name"] for c in claims[1:]] == ["التلفزيون الرسمي", "الرئيس"]


def test_title_then_name_between_commas():
    c = one("وقالت منسقة الطوارئ في المنظمة، كلير دوبوا، إن الفرق الطبية تعمل في ظروف صعبة.")
    assert c["speaker"]["name"] == "كلير دوبوا"
    assert c["speaker"]["role"] == "منسقة الطوارئ في المنظمة"


def test_honorific_belongs_to_neither_title_nor_name():
    c = one("وقال الخبير الاقتصادي الدكتور سامي النجار إن التضخم سيتراجع.")
    assert c["speaker"]["name"] == "سامي النجار"
    assert c["speaker"]["role"] == "الخبير الاقتصادي"


def test_coordinated_title_is_all_title():
    c = one("وقال وزير الاقتصاد والتخطيط فيصل الدوسري إن النمو تسارع.")
    assert c["speaker"]["name"] == "فيصل الدوسري"
    assert c["speaker"]["role"] == "وزير الاقتصاد والتخطيط"


def test_place_after_a_bare_noun_is_not_a_name():
    c = one("وقال أستاذ الاقتصاد في جامعة بغداد إن الموازنة تأخرت.")
    assert c["speaker"]["name"] == "أستاذ الاقتصاد في جامعة بغداد"


def test_nisba_after_an_indefinite_title_is_an_adjective():
    c = one("وقال مسؤول أمني إسرائيلي لموقع «واللا» إن الجيش يراقب التطورات، دون أن يقدم تفاصيل.")
    assert c["speaker"]["name"] == "مسؤول أمني إسرائيلي"
    assert c["listener"]["text"] == "واللا"
    assert c["content"]["text"] == "الجيش يراقب التطورات"


def test_lakinnahu_continues_the_speaker_in_a_new_claim():
    claims = all_("ورأى المحلل حسن علي أن الخلاف طبيعي، لكنه حذر من أن التأخير مكلف.")
    assert [c["cue"]["text"] for c in claims] == ["رأى", "حذر"]
    assert [c["speaker"]["name"] for c in claims] == ["حسن علي", "حسن علي"]
    assert claims[0]["content"]["text"] == "الخلاف طبيعي"


def test_document_stands_for_its_issuer_but_not_an_adjective():
    a = one("وسينمو الاقتصاد بنسبة 3 في المئة، وفقًا لتقديرات صندوق النقد الدولي.")
    assert a["speaker"]["name"] == "صندوق النقد الدولي"
    b = one("وارتفعت الصادرات بنسبة 5 في المئة، بحسب بيانات رسمية.")
    assert b["speaker"]["name"] == "بيانات رسمية"


def test_fronted_topic_is_the_context():
    c = one('وحول ما يتداول بشأن سلالة جديدة، قالت الوزيرة: "لم يتم رصد أي سلالة".')
    assert c["context"] == "ما يتداول بشأن سلالة جديدة"
    assert c["direct"] is True and c["negated"] is True


def test_speculation_with_a_verb_of_spreading():
    c = one("وتسري أنباء عن نية الحكومة إعلان حالة الطوارئ.")
    assert c["modality"] == "speculation" and c["speaker"]["name"] is None
    assert c["content"]["text"] == "نية الحكومة إعلان حالة الطوارئ"


def test_relaying_channel_and_the_named_source_both_say_it():
    channel, c = all_('ونقلت قناة "المسيرة" على لسان المتحدث باسم الجماعة، عبد الملك الشامي، '
                      'أن "الهدنة انتهت".')
    assert c["speaker"]["name"] == "عبد الملك الشامي"
    assert c["speaker"]["role"] == "المتحدث باسم الجماعة"
    assert c["direct"] is True
    assert channel["speaker"]["name"] == 'قناة "المسيرة"'
    assert channel["cue"]["text"] == "نقلت" and channel["content"] == c["content"]


def test_title_with_a_preposition_before_the_name_aside():
    c = one("قال المبعوث الأممي إلى اليمن، بيتر لارسن، إن هناك فرصة لتمديد الهدنة.")
    assert c["speaker"]["name"] == "بيتر لارسن"
    assert c["speaker"]["role"] == "المبعوث الأممي إلى اليمن"


def test_object_after_an_occasion_phrase():
    c = one("ونفى الاتحاد الأفريقي لكرة القدم في بيان ما تداولته وسائل إعلام بشأن الموعد.")
    assert c["speaker"]["name"] == "الاتحاد الأفريقي لكرة القدم"
    assert c["content"]["text"] == "ما تداولته وسائل إعلام بشأن الموعد"
    assert c["modality"] == "denial"


def test_lam_before_the_article_keeps_the_bodys_name():
    c = one("ونزح آلاف السكان منذ بداية العام، وفقًا للأمم المتحدة.")
    assert c["speaker"]["name"] == "الأمم المتحدة"


def test_any_short_aside_before_the_clause():
    c = one("وأوضح مصدر في الوزارة، فضل عدم الكشف عن اسمه، أن القرار نهائي.")
    assert c["speaker"]["name"] == "مصدر في الوزارة"
    assert c["content"]["text"] == "القرار نهائي"


def test_jaa_fi_a_statement():
    c = one("وجاء في البيان أن الوزارة ستواصل حملات التفتيش.")
    assert c["speaker"]["name"] == "البيان"
    assert c["cue"]["text"] == "جاء في"


def test_whole_phrase_before_a_name_aside_is_the_title():
    c = one("وقال المستشار الإعلامي لقائد القوات، عمر حامد، إن قواته ترد على النيران فقط.")
    assert c["speaker"]["name"] == "عمر حامد"
    assert c["speaker"]["role"] == "المستشار الإعلامي لقائد القوات"
    d = one("ونفى وزير الإعلام في الحكومة المعترف بها دوليًا، خالد الأرياني، أن تكون الحكومة "
            "قد عرقلت الملف.")
    assert d["speaker"]["name"] == "خالد الأرياني"
    assert d["speaker"]["role"] == "وزير الإعلام في الحكومة المعترف بها دوليًا"


def test_title_after_a_named_holder_resolves_with_its_continuation():
    text = ("وقال وزير النقل سامر الخطيب إن المشروع سيكتمل. وأضاف الوزير أن التكلفة ارتفعت. "
            "وتابع أن العمل مستمر.")
    claims = all_(text)
    assert [(c["speaker"]["name"], c["speaker"]["role"]) for c in claims] == \
        [("سامر الخطيب", "وزير النقل")] * 3
    start, end = claims[1]["speaker"]["mention"]["span"]
    assert text[start:end] == "الوزير"


def test_title_resolves_only_to_a_holder_of_its_gender():
    for named, expected in [("وقالت المتحدثة باسم البلدية منى القاسم", "منى القاسم"),
                            ("وقال المتحدث باسم البلدية منير القاسم", "المتحدثة")]:
        claims = all_(f"{named} إن المشروع سيكتمل. وأشارت المتحدثة إلى أن التكلفة ارتفعت.")
        assert claims[1]["speaker"]["name"] == expected, named


def test_al_rais_is_not_the_prime_minister():
    claims = all_("وقال الرئيس الأمريكي دونالد ترامب إن المحادثات مستمرة. "
                  "وقال رئيس الوزراء كير ستارمر إن الاتفاق قريب. وقال الرئيس إن العقوبات باقية.")
    assert claims[2]["speaker"]["name"] == "دونالد ترامب"
    assert claims[2]["speaker"]["role"] == "الرئيس الأمريكي"


def _span_of(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def test_masdar_object_after_a_title_speaker_is_a_denied_claim():
    text = "نفى المتحدث العسكري وقوع إصابات في صفوف المدنيين."
    c = one(text)
    assert c["speaker"]["name"] == "المتحدث العسكري"
    assert c["speaker"]["kind"] == "role"
    assert c["cue"]["text"] == "نفى"
    assert c["content"]["text"] == "وقوع إصابات في صفوف المدنيين"
    assert c["content"]["span"] == _span_of(text, "وقوع إصابات في صفوف المدنيين")
    assert c["negated"] is True and c["modality"] == "denial" and c["direct"] is False


def test_masdar_object_after_a_title_with_basm_and_after_a_body():
    a = one("أكد المتحدث باسم الوزارة استمرار المفاوضات.")
    assert a["speaker"]["name"] == "المتحدث باسم الوزارة"
    assert a["content"]["text"] == "استمرار المفاوضات"
    assert a["negated"] is False
    b = one("نفت الشركة تسريح أي موظف.")
    assert b["speaker"]["name"] == "الشركة"
    assert b["content"]["text"] == "تسريح أي موظف"
    assert b["negated"] is True


def test_masdar_object_after_title_and_name():
    c = one("أعلن وزير الصحة خالد عبد الغفار انتهاء الموجة الثانية من الوباء.")
    assert c["speaker"]["name"] == "خالد عبد الغفار"
    assert c["speaker"]["role"] == "وزير الصحة"
    assert c["content"]["text"] == "انتهاء الموجة الثانية من الوباء"
    d = one("أعلن الرئيس بشار الأسد انتهاء العمليات.")  # a name may begin with ب
    assert d["speaker"]["name"] == "بشار الأسد"
    assert d["content"]["text"] == "انتهاء العمليات"


def test_masdar_object_after_an_occasion_phrase_and_before_a_participle():
    a = one("ونفت الوزارة في بيان رسمي حدوث أي تسرب.")
    assert a["speaker"]["name"] == "الوزارة"
    assert a["content"]["text"] == "حدوث أي تسرب"
    claims = all_("ونفى مصدر أمني وقوع انفجار، مشيرًا إلى أن الصوت ناتج عن تدريبات.")
    assert [c["speaker"]["name"] for c in claims] == ["مصدر أمني", "مصدر أمني"]
    assert claims[0]["content"]["text"] == "وقوع انفجار"


def test_a_masdar_genitive_stays_in_the_bodys_name():
    c = one("أكدت هيئة تنظيم الاتصالات استمرار الخدمة.")
    assert c["speaker"]["name"] == "هيئة تنظيم الاتصالات"
    assert c["content"]["text"] == "استمرار الخدمة"


def test_a_masdar_after_a_verb_that_reports_nothing_is_no_claim():
    assert all_("بدأت الوزارة تنفيذ المشروع.") == []
    # رفض with a verbal noun refuses to act; أقر with a direct object approves
    assert all_("رفض المتحدث تقديم تفاصيل إضافية.") == []
    assert all_("أقر مجلس الوزراء زيادة الأجور.") == []


def test_ba_object_of_a_demand_without_the_clitic():
    text = "طالب الأهالي بفتح تحقيق في الحادث."
    c = one(text)
    assert c["speaker"]["name"] == "الأهالي"
    assert c["cue"]["text"] == "طالب"
    assert c["content"]["text"] == "فتح تحقيق في الحادث"
    assert c["content"]["span"] == _span_of(text, "فتح تحقيق في الحادث")
    assert c["negated"] is False and c["direct"] is False


def test_ba_object_of_an_admission():
    a = one("اعترف الوزير بوجود تقصير.")
    assert (a["speaker"]["name"], a["content"]["text"]) == ("الوزير", "وجود تقصير")
    b = one("أقر المسؤول بتأخر المشروع.")
    assert (b["speaker"]["name"], b["content"]["text"]) == ("المسؤول", "تأخر المشروع")
    c = one("واعترف الوزير في مقابلة تلفزيونية بالتقصير.")
    assert (c["speaker"]["name"], c["content"]["text"]) == ("الوزير", "التقصير")


def test_ba_phrases_that_are_no_claim():
    # a condemnation or a welcome is a stance, not a statement
    assert all_("ندد الاتحاد بقرار الحكومة.") == []
    assert all_("رحبت الوزارة بالاتفاق.") == []
    # recognising a state, and a manner word, are not what was admitted
    assert all_("اعترفت فرنسا بالدولة الفلسطينية.") == []
    assert all_("أقر البرلمان بالإجماع قانون الموازنة.") == []


def test_quotation_split_by_the_cue_is_one_direct_claim():
    text = "«الزيارة كانت مفيدة»، قال الوزير، «وسنعود العام المقبل»."
    c = one(text)
    assert c["speaker"]["name"] == "الوزير"
    assert c["direct"] is True
    assert c["content"]["text"] == "الزيارة كانت مفيدة وسنعود العام المقبل"
    assert c["content"]["parts"] == [_span_of(text, "الزيارة كانت مفيدة"),
                                     _span_of(text, "وسنعود العام المقبل")]


def test_plural_title_is_several_unnamed_people():
    for text, name in (("وقال دبلوماسيون غربيون إن الاتفاق بات قريبًا.", "دبلوماسيون غربيون"),
                       ("قال مسؤولون إن المحادثات توقفت.", "مسؤولون"),
                       ("وقال وزراء الخارجية العرب إن الاتفاق قريب.", "وزراء الخارجية العرب")):
        c = one(text)
        assert (c["speaker"]["name"], c["speaker"]["role"], c["speaker"]["kind"]) == \
            (name, None, "role")
        assert c["speaker"]["span"] == _span_of(text, name)


def test_plural_participle_continues_a_plural_speaker():
    text = "وقال مسؤولون إن الوضع تحسن، مشيرين إلى أن الحوار مستمر."
    first, second = all_(text)
    assert first["content"]["text"] == "الوضع تحسن"
    assert second["cue"]["text"] == "مشيرين"
    assert second["speaker"]["name"] == "مسؤولون"
    assert second["content"]["text"] == "الحوار مستمر"
    assert second["content"]["span"] == _span_of(text, "الحوار مستمر")


def test_plural_participle_after_a_singular_speaker_is_no_claim_of_his():
    text = "وقال الوزير إن الوضع تحسن، مشيرين إلى أن الحوار مستمر."
    claims = all_(text)
    assert [c["speaker"]["name"] for c in claims] == ["الوزير"]


def test_title_with_no_name_has_no_role_beside_it():
    c = one("نفى المتحدث العسكري وقوع إصابات في صفوف المدنيين.")
    assert c["speaker"]["role"] is None


def test_masdar_after_a_continuing_cue_continues_the_speaker():
    for cue, obj, negated in (("أكد", "استمرار المفاوضات مع الجانب الإثيوبي", False),
                              ("نفى", "وجود أي خطط لتعليقها", True)):
        text = f"أعلن وزير الخارجية سامح شكري أن المفاوضات ستستأنف. و{cue} {obj}."
        first, second = all_(text)
        assert (second["speaker"]["name"], second["speaker"]["role"]) == \
            ("سامح شكري", "وزير الخارجية")
        assert second["cue"]["text"] == cue
        assert second["content"]["text"] == obj
        assert second["content"]["span"] == _span_of(text, obj)
        assert second["negated"] is negated


def test_masdar_after_a_statement_occasion_is_the_object():
    text = "أكد الوزير في بيان استمرار المفاوضات مع الجانب الإثيوبي."
    c = one(text)
    assert c["speaker"]["name"] == "الوزير"
    assert c["content"]["text"] == "استمرار المفاوضات مع الجانب الإثيوبي"
    assert c["content"]["span"] == _span_of(text, "استمرار المفاوضات مع الجانب الإثيوبي")


def test_masdar_looking_name_before_a_clause_is_the_speaker():
    c = one("أكد إحسان أوغلو أن المنظمة مستمرة في عملها.")
    assert c["speaker"]["name"] == "إحسان أوغلو"


def test_definite_word_is_no_masdar_template():
    # العام is "general" here, not the إفعال verbal noun of a cue's object
    c = one("أعلن الأمين العام أن المنظمة مستمرة في عملها.")
    assert c["speaker"]["name"] == "الأمين العام"
    assert c["content"]["text"] == "المنظمة مستمرة في عملها"


def test_time_phrase_is_never_the_speaker():
    text = ("قال الوزير إن المشروع بدأ.\n"
            "وتعد دبي من أوائل المدن التي تبنت الاستراتيجية، إذ أعلنت عام 2021 إلغاء "
            "المعاملات الورقية.")
    assert [c["speaker"]["name"] for c in all_(text)] == ["الوزير"]
    text = "وأعلنت الهيئة عام 2021 إلغاء المعاملات الورقية."
    c = one(text)
    assert c["speaker"]["name"] == "الهيئة"
    assert c["content"]["span"] == _span_of(text, "إلغاء المعاملات الورقية")
    c = one("وقال الوزير عام 2019 إن المشروع سيكتمل.")
    assert (c["speaker"]["name"], c["content"]["text"]) == ("الوزير", "المشروع سيكتمل")


def test_bracketed_abbreviation_is_read_past_but_not_kept_in_the_name():
    text = "وقالت منظمة الصحة العالمية (WHO) إن الوباء انتهى."
    c = one(text)
    assert c["speaker"]["name"] == "منظمة الصحة العالمية"
    assert c["speaker"]["span"] == _span_of(text, "منظمة الصحة العالمية")
    assert c["content"]["text"] == "الوباء انتهى"


def test_resumptive_pronoun_of_a_source_slot_is_not_the_speaker():
    text = "تجددت الاشتباكات في مدينة الفاشر، بحسب ما أفاد به سكان محليون وشهود عيان."
    c = one(text)
    assert c["speaker"]["name"] == "سكان محليون وشهود عيان"
    assert c["speaker"]["span"] == _span_of(text, "سكان محليون وشهود عيان")
    assert c["cue"]["text"] == "بحسب ما أفاد به"
    assert c["content"]["text"] == "تجددت الاشتباكات في مدينة الفاشر"


def test_a_name_with_al_words_keeps_the_role_after_it():
    c = one("وقال محمد الحيان، رئيس جمعية تجار سوق الجملة بالدار البيضاء، في تصريح لموقع محلي، "
            "إن \"التجار ليسوا مسؤولين عن الغلاء\".")
    assert c["speaker"]["name"] == "محمد الحيان"
    assert c["speaker"]["role"] == "رئيس جمعية تجار سوق الجملة بالدار البيضاء"
    assert c["content"]["text"] == "التجار ليسوا مسؤولين عن الغلاء"
    d = one("وقال كريم عبد الحميد، رئيس جمعية التجار، إن الأسعار ستنخفض.")
    assert (d["speaker"]["name"], d["speaker"]["role"]) == ("كريم عبد الحميد", "رئيس جمعية التجار")


def test_an_informed_source_is_no_time_phrase():
    c = one("أفاد مصدر نيابي مطلع، اليوم الأحد، بأن الحكومة لم ترسل الجداول.")
    assert c["speaker"]["name"] == "مصدر نيابي مطلع"
    d = one("وقال مصدر مطلع في وزارة النفط إن الشحنة ستصل.")
    assert d["speaker"]["name"] == "مصدر مطلع في وزارة النفط"
    e = one("وأعلنت الوزارة مطلع الشهر الجاري أن الشحنة ستصل.")
    assert e["speaker"]["name"] == "الوزارة"


def test_the_same_speaker_is_the_one_named_before():
    first, same = all_("وقال المتحدث باسم الوزارة أحمد سالم إن الأسعار مستقرة. "
                       "وأضاف المتحدث ذاته: \"هناك من يحاول تحميلنا المسؤولية\".")
    assert same["speaker"]["name"] == first["speaker"]["name"] == "أحمد سالم"


def test_a_definite_body_takes_up_the_one_named_before_without_al():
    claims = all_("وقال مصدر نيابي مطلع إن الجداول لم تصل. وأضاف المصدر نفسه أن الشحنة ستصل. "
                  "وأكدت وزارة الصحة أن المخزون يكفي. وقالت الوزارة إن النظام سيشمل المراكز.")
    assert [c["speaker"]["name"] for c in claims] == [
        "مصدر نيابي مطلع", "مصدر نيابي مطلع", "وزارة الصحة", "وزارة الصحة"]


def test_participles_of_bayyana_and_rajjaha_open_claims_of_their_own():
    said, shown, likely = all_("وقال أحمد سالم إن الأسعار مستقرة، مبينًا أن الشحنة ستصل، "
                               "مرجحًا أن تنخفض الأسعار.")
    assert said["content"]["text"] == "الأسعار مستقرة"
    assert (shown["cue"]["text"], shown["content"]["text"]) == ("مبينًا", "الشحنة ستصل")
    assert (likely["cue"]["text"], likely["speaker"]["name"]) == ("مرجحًا", "أحمد سالم")


def test_a_topic_with_amma_is_the_speaker_of_the_fa_cue_after_it():
    first, second = all_("أما فاطمة بنعلي، الكاتبة العامة لجمعية حماية المستهلك، فاعتبرت أن "
                         "الحكومة \"لم تفعّل آليات المراقبة\"، وأكدت أن الأسعار ستنخفض.")
    assert first["speaker"]["name"] == second["speaker"]["name"] == "فاطمة بنعلي"
    assert first["speaker"]["role"] == "الكاتبة العامة لجمعية حماية المستهلك"
    assert first["cue"]["text"] == "اعتبرت" and first["negated"] is True


def test_subject_first_with_the_name_between_commas_after_the_role():
    c = one("عضو اللجنة المالية النيابية، النائبة آمنة الجبوري، قالت في تصريح صحفي إن "
            "تأخير الموازنة سينعكس على المحافظات.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == (
        "آمنة الجبوري", "عضو اللجنة المالية النيابية")
    assert c["content"]["text"] == "تأخير الموازنة سينعكس على المحافظات"


def test_a_relative_clause_aside_and_a_listener_before_inna():
    c = one("وقال المصدر، الذي طلب عدم الكشف عن اسمه، لوكالة شفق نيوز، إن "
            "\"الخلاف ما زال قائمًا\".")
    assert c["speaker"]["name"] == "المصدر"
    assert c["content"]["text"] == "الخلاف ما زال قائمًا"


def test_a_communique_occasion_before_a_verbal_noun_object():
    c = one("نفت وزارة الفلاحة، في بلاغ توصلت الجريدة بنسخة منه، وجود أي نقص في تموين الأسواق.")
    assert c["speaker"]["name"] == "وزارة الفلاحة"
    assert c["content"]["text"] == "وجود أي نقص في تموين الأسواق"
    assert c["modality"] == "denial"


def test_an_adjective_of_origin_before_a_name_is_not_the_name():
    c = one("أكد البرتغالي روي فاريلا، مدرب فريق الفتح، أن ناديه لم يتلق أي عرض رسمي.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == ("روي فاريلا", "مدرب فريق الفتح")


def test_a_rank_between_commas_after_the_title_is_no_part_of_the_name():
    c = one("وأوضح المكلف بالإعلام في الحماية المدنية، النقيب كمال بوشارب، للإذاعة الجزائرية "
            "أن الضحيتين توفيا.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == (
        "كمال بوشارب", "المكلف بالإعلام في الحماية المدنية")


def test_the_same_inside_a_title_and_the_one_speaking():
    c = one("وحذرت الباحثة في المركز ذاته ليلى عيساوي من أن هزات ارتدادية قد تستمر لأيام.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == ("ليلى عيساوي", "الباحثة في المركز ذاته")
    first, same = all_("وقال محمد الحيان، رئيس جمعية التجار، إن الأسعار مرتفعة. "
                       "وأضاف المتحدث ذاته: \"هناك من يحاول تحميلنا المسؤولية\".")
    assert same["speaker"]["name"] == "محمد الحيان"


def test_an_abbreviated_title_before_a_name_ends_no_sentence():
    c = one("وقالت المتحدثة الرسمية باسم الوزارة د. هبة العنزي لـ«القبس» إن الأدوية متوفرة.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == (
        "هبة العنزي", "المتحدثة الرسمية باسم الوزارة")
    assert c["content"]["text"] == "الأدوية متوفرة"
    d = one("رئيس جمعية الصيادلة، د. فهد الرشيدي، قال إن الصيدليات لم تتأثر.")
    assert (d["speaker"]["name"], d["speaker"]["role"]) == ("فهد الرشيدي", "رئيس جمعية الصيادلة")


def test_a_news_outlet_after_li_is_the_one_told():
    c = one("وقالت ليلى عيساوي لبي بي سي عربي إن المنطقة تقع على صدع نشط.")
    assert c["speaker"]["name"] == "ليلى عيساوي" and c["listener"]["text"] == "بي بي سي عربي"
    d = one("وفي واشنطن، قال متحدث باسم وزارة الخارجية، طلب عدم ذكر اسمه، للجزيرة نت إن "
            "الإدارة لا تعلق على اتصالات خاصة.")
    assert d["speaker"]["name"] == "متحدث باسم وزارة الخارجية"
    assert d["content"]["text"] == "الإدارة لا تعلق على اتصالات خاصة"


def test_li_and_a_body_inside_a_title_is_no_name():
    c = one("وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط إن القمة ستعقد.")
    assert (c["speaker"]["name"], c["speaker"]["role"]) == (
        "أحمد أبو الغيط", "الأمين العام لجامعة الدول العربية")


def test_an_indefinite_title_introduces_someone_new():
    first, second = all_("وقال المتحدث باسم الخارجية الإيرانية مهدي رضائي نيا إن طهران لم تتلق "
                         "مقترحا. وفي واشنطن، قال متحدث باسم وزارة الخارجية الأميركية إن "
                         "الإدارة لا تعلق.")
    assert first["speaker"]["name"] == "مهدي رضائي نيا"
    assert second["speaker"]["name"] == "متحدث باسم وزارة الخارجية الأميركية"
    named, again = all_("وقال وزير الخارجية عباس عراقجي إن المحادثات مستمرة. وأضاف وزير "
                        "الخارجية أن الجولة المقبلة ستعقد قريبا.")
    assert again["speaker"]["name"] == "عباس عراقجي"


def test_a_subject_after_ghayr_anna_with_an_origin_before_the_name():
    denied, said = all_("غير أن وكيل أعمال اللاعب، الفرنسي جان بيير لوكا، نفى في تصريح "
                        "لـ«الشرق الأوسط» إجراء أي مفاوضات مع أندية أخرى، وقال: «موكلي "
                        "مرتبط بعقد حتى صيف 2026».")
    assert (denied["speaker"]["name"], denied["speaker"]["role"]) == (
        "جان بيير لوكا", "وكيل أعمال اللاعب")
    assert denied["content"]["text"] == "إجراء أي مفاوضات مع أندية أخرى"
    assert said["speaker"]["name"] == "جان بيير لوكا"


def test_an_occasion_with_a_relative_clause_after_a_quote_and_its_cue():
    quoted, added = all_("«لا أعرف من أين تأتي هذه الأخبار»، قال فاريلا في المؤتمر الصحفي الذي "
                         "أعقب الفوز على الرائد، مضيفًا: «كوفي يتدرب معنا».")
    assert (quoted["speaker"]["name"], quoted["content"]["text"]) == (
        "فاريلا", "لا أعرف من أين تأتي هذه الأخبار")
    assert added["content"]["text"] == "كوفي يتدرب معنا"


def test_a_document_of_the_speaker_is_an_occasion():
    c = one("وقالت النيابة العامة في أمر الإحالة إن المتهمين استوردوا نحو 14 ألف عبوة.")
    assert c["speaker"]["name"] == "النيابة العامة"
    d = one("وقالت المحكمة في حيثيات الحكم إن الأدلة كافية.")
    assert (d["speaker"]["name"], d["content"]["text"]) == ("المحكمة", "الأدلة كافية")


def test_a_definite_body_takes_up_the_body_the_narrator_named():
    c = one("قررت لجنة تسعير المشتقات النفطية في وزارة الطاقة والثروة المعدنية رفع الأسعار. "
            "وقالت الوزارة إن معدل أسعار النفط انخفض.")
    assert c["speaker"]["name"] == "وزارة الطاقة والثروة المعدنية"


def test_report_noun_after_a_complete_speaker_is_the_object():
    # نفت <دولة> صحة الأنباء: the noun of what is denied ends the speaker's phrase
    a = all_("نفت تونس صحة الأنباء المتداولة عن إغلاق حدودها، مؤكدة أن المعابر تعمل.")
    assert [c["speaker"]["name"] for c in a] == ["تونس", "تونس"]
    assert a[0]["content"]["text"] == "صحة الأنباء المتداولة عن إغلاق حدودها"
    assert a[0]["negated"] is True
    b = one("ونفى الناطق باسم الحركة مزاعم الصحيفة حول لقاء سري في الدوحة.")
    assert b["speaker"]["name"] == "الناطق باسم الحركة"
    assert b["content"]["text"] == "مزاعم الصحيفة حول لقاء سري في الدوحة"
    c = one("ونفت هيئة الرقابة أنباء عن استقالة رئيسها.")
    assert c["speaker"]["name"] == "هيئة الرقابة"


def test_name_then_its_title_with_no_comma():
    a = one("قال سامر الحلبي الناطق الرسمي باسم البلدية، إن المياه ستعود غدا.")
    assert a["speaker"]["name"] == "سامر الحلبي"
    assert a["speaker"]["role"] == "الناطق الرسمي باسم البلدية"
    b = one("نفت سلمى يوسف المتحدثة باسم الشركة تقارير عن تسريح الموظفين.")
    assert b["speaker"]["name"] == "سلمى يوسف"
    assert b["speaker"]["role"] == "المتحدثة باسم الشركة"
    assert b["content"]["text"] == "تقارير عن تسريح الموظفين"
    c = one("قال محمد الأمين إن الاجتماع انتهى.")
    assert c["speaker"]["name"] == "محمد الأمين" and c["speaker"]["role"] is None


def test_a_second_basm_after_the_title_is_the_name():
    c = one("وقال المتحدث الرسمي باسم الوزارة باسم الخطيب، الأحد، إن المعبر أغلق.")
    assert c["speaker"]["name"] == "باسم الخطيب"
    assert c["speaker"]["role"] == "المتحدث الرسمي باسم الوزارة"


def test_a_title_with_a_genitive_and_a_link_before_the_name():
    # سفير <دولة> لدى <هيئة> <الاسم>: the country is the title's genitive, لدى its link
    a = one("قال سفير فرنسا لدى الأمم المتحدة جان مارك بيرون إن المجلس سيجتمع.")
    assert a["speaker"]["name"] == "جان مارك بيرون"
    assert a["speaker"]["role"] == "سفير فرنسا لدى الأمم المتحدة"
    b = one("كشف مراسل الإذاعة في عمان عمر سالم أن الوفد وصل.")
    assert b["speaker"]["name"] == "عمر سالم"
    assert b["speaker"]["role"] == "مراسل الإذاعة في عمان"
    c = one("وقال الوزير لدى وصوله إلى المطار إن الزيارة ناجحة.")
    assert c["speaker"]["name"] == "الوزير"
    assert c["content"]["text"] == "الزيارة ناجحة"


def test_participle_with_a_direct_object_continues_the_speaker():
    a = all_("نفت الشركة الأنباء عن إفلاسها، متهمة منافسيها بنشر الشائعات، "
             "مؤكدة استمرار عملها في الأسواق.")
    assert [c["cue"]["text"] for c in a] == ["نفت", "متهمة", "مؤكدة"]
    assert a[1]["speaker"]["name"] == "الشركة"
    assert a[1]["content"]["text"] == "منافسيها بنشر الشائعات"
    assert a[2]["content"]["text"] == "استمرار عملها في الأسواق"
    b = all_("وقال الوزير إن الطريق سيفتح غدا، داعيا السائقين إلى الحذر.")
    assert b[1]["cue"]["text"] == "داعيا"
    assert b[1]["content"]["text"] == "السائقين إلى الحذر"


def test_participle_after_a_time_phrase():
    a = all_("وقال الوزير إن الخطة جاهزة.\n"
             "ودافع الوزير عن خطته، لافتا في الوقت نفسه إلى أن الميزانية لا تكفي.")
    assert len(a) == 2 and a[1]["cue"]["text"] == "لافتا"
    assert a[1]["content"]["text"] == "الميزانية لا تكفي"


def test_fannada_is_a_denial_and_abda_takes_its_object():
    a = one("وفندت الهيئة ما نشرته الصحيفة عن تسرب المياه.")
    assert a["speaker"]["name"] == "الهيئة"
    assert a["negated"] is True and a["modality"] == "denial"
    assert a["content"]["text"] == "ما نشرته الصحيفة عن تسرب المياه"
    b = one("وأبدى السفير استغرابه من الاتهامات الموجهة إلى بلاده.")
    assert b["speaker"]["name"] == "السفير"
    assert b["content"]["text"] == "استغرابه من الاتهامات الموجهة إلى بلاده"


def test_a_noun_of_saying_after_the_speaker_belongs_to_the_cue():
    a = one("وجدد وزير الصحة تأكيده أن المستشفيات جاهزة لاستقبال المصابين.")
    assert a["speaker"]["name"] == "وزير الصحة"
    assert a["content"]["text"] == "المستشفيات جاهزة لاستقبال المصابين"


def test_object_after_an_occasion_and_its_comma():
    a = all_("ونفت المتحدثة باسم الوزارة ليلى حداد في بيان، التقارير التي تحدثت عن استقالتها، "
             "مؤكدة أنها باقية في منصبها.")
    assert [c["speaker"]["name"] for c in a] == ["ليلى حداد", "ليلى حداد"]
    assert a[0]["content"]["text"] == "التقارير التي تحدثت عن استقالتها"
    assert a[1]["content"]["text"] == "باقية في منصبها"


def test_a_long_occasion_that_ends_at_the_clause_is_no_speaker():
    a = all_("قال وزير الري هشام سعيد إن السد آمن.\n"
             "وأضاف خلال مداخلة هاتفية مع الإعلامي سامي فهمي ببرنامج المساء أن المياه كافية.")
    assert len(a) == 2
    assert a[1]["speaker"]["name"] == "هشام سعيد"
    assert a[1]["content"]["text"] == "المياه كافية"


def test_a_report_and_the_paper_that_issued_it():
    # تقرير لصحيفة X: the paper speaks; a later التقرير stands for it
    a = all_('وبحسب تقرير لصحيفة "الأيام"، فإن المحادثات استمرت عامين.\n'
             "وذكر التقرير أن الطرفين تبادلا الرسائل.\n"
             "ووفقا للتقرير المزعوم، فإن اللقاءات كانت سرية.")
    assert len(a) == 3
    assert {c["speaker"]["name"] for c in a} == {'صحيفة "الأيام"'}
    assert a[1]["content"]["text"] == "الطرفين تبادلا الرسائل"


def test_the_statement_stands_for_who_gave_it():
    a = all_("وقال الوزير سامي نعمة في بيان إنه بحث مع نظيره ملف المياه.\n"
             "وأضاف البيان أن الطرفين اتفقا على لجنة مشتركة.\n"
             "وتابع البيان أن اللجنة تجتمع الشهر المقبل.")
    assert [c["speaker"]["name"] for c in a] == ["سامي نعمة"] * 3
    b = all_("وقال الوزير سامي نعمة إنه بحث مع نظيره ملف المياه.\n"
             "وأضاف البيان أن الطرفين اتفقا على لجنة مشتركة.")
    assert b[1]["speaker"]["name"] == "البيان"  # no statement was named: nothing to take up


def test_listener_between_commas_and_the_alef_of_lil():
    a = one("وقال مسؤول أمني في وزارة الداخلية، للصحفيين، إن الطريق أغلق.")
    assert a["speaker"]["name"] == "مسؤول أمني في وزارة الداخلية"
    assert a["listener"]["text"] == "الصحفيين"  # ل + الصحفيين, not لصحفيين
    assert a["content"]["text"] == "الطريق أغلق"


def test_the_source_takes_up_the_unnamed_source_described_before():
    a = all_("وقال مسؤول أمني في وزارة الداخلية، لوكالة الأنباء، إن الطريق أغلق. "
             "وحسب المصدر فإن الإغلاق سيستمر يومين.")
    assert [c["speaker"]["name"] for c in a] == ["مسؤول أمني في وزارة الداخلية"] * 2


def test_a_headline_present_of_wasafa_gives_no_claim():
    assert all_("سفير البلاد لدى المنظمة يصف التقارير عن انسحاب قواتها بأنها مجرد شائعات "
                "لا أساس لها من الصحة على الإطلاق") == []


def test_a_bare_verbal_noun_in_a_title_takes_its_genitive():
    # حكومة تصريف الأعمال: الأعمال is تصريف's genitive, not the cue's object
    a = one("نفى وزير المالية في حكومة تصريف الأعمال سامر حمزة مزاعم الصحيفة حول العجز.")
    assert a["speaker"]["name"] == "سامر حمزة"
    assert a["speaker"]["role"] == "وزير المالية في حكومة تصريف الأعمال"
    assert a["content"]["text"] == "مزاعم الصحيفة حول العجز"


@pytest.mark.parametrize("opening, closing", [
    ("\u2066", "\u2069"), ("\u2067", "\u2069"), ("\u2068", "\u2069"),  # isolates
    ("\u202a", "\u202c"), ("\u202b", "\u202c"), ("\u202e", "\u202c"),  # embeddings, override
    ("\u200f", "\u200f"),
])
def test_bidi_controls_around_a_name_change_nothing_but_the_spans(opening, closing):
    plain = "قال المتحدث باسم وزارة النقل سامر الخطيب إن الطريق سيفتح الأسبوع المقبل."
    marked = plain.replace("سامر الخطيب", f"{opening}سامر الخطيب{closing}")
    latin = plain.replace("سامر الخطيب", f"{opening}Samer al-Khatib{closing}")
    expected = one(plain)
    for text, name in ((marked, "سامر الخطيب"), (latin, "Samer al-Khatib")):
        claim = one(text)
        assert claim["speaker"]["name"] == name
        assert claim["content"]["text"] == expected["content"]["text"]
        start, end = claim["speaker"]["span"]
        assert text[start:end] == name  # spans still point into the text as it came
        start, end = claim["content"]["span"]
        assert text[start:end] == expected["content"]["text"]


def test_pluperfect_subject_between_kana_and_qad():
    a = one("وكانت الهيئة، قد أعلنت في وقت سابق من اليوم الأحد، عن إغلاق الميناء.")
    assert a["speaker"]["name"] == "الهيئة"
    assert a["content"]["text"] == "إغلاق الميناء"
    b = one("وكانت البلدية قد أعلنت في وقت سابق من الشهر الجاري منح السكان مهلة إضافية.")
    assert b["speaker"]["name"] == "البلدية"
    assert b["content"]["text"] == "منح السكان مهلة إضافية"
    c = one("وكانت الوزارة أعلنت اليوم أن المدارس ستغلق.")
    assert c["speaker"]["name"] == "الوزارة"
    assert c["content"]["text"] == "المدارس ستغلق"


def test_al_mudda_i_before_a_name_is_neither_title_nor_name():
    a = one("وأعلن المتحدث باسم الجماعة، المدعو سالم ناصر، تنفيذ هجوم على الموقع.")
    assert a["speaker"]["name"] == "سالم ناصر"
    assert a["speaker"]["role"] == "المتحدث باسم الجماعة"
    assert a["content"]["text"] == "تنفيذ هجوم على الموقع"


def test_a_report_opened_by_the_narrator_in_the_same_sentence():
    # ...، فيما أكدت مصادر ... / في وقت نفت فيه <عاصمة>: a new report; the last one ends there
    a = all_("وأوضح المصدر أن المفاوضات متعثرة، فيما أكدت مصادر مطلعة للقناة إن الخلاف اتسع.")
    assert [c["speaker"]["name"] for c in a] == ["المصدر", "مصادر مطلعة"]
    assert a[0]["content"]["text"] == "المفاوضات متعثرة"
    assert a[1]["listener"]["text"] == "القناة"
    b = all_("وقال الوزير إن الحدود مفتوحة في وقت نفت فيه دمشق أي اتفاق.")
    assert [c["speaker"]["name"] for c in b] == ["الوزير", "دمشق"]
    assert b[0]["content"]["text"] == "الحدود مفتوحة"
    assert b[1]["negated"] is True and b[1]["content"]["text"] == "أي اتفاق"


def test_who_issued_the_document_a_cue_speaks_from():
    a = all_('وكانت إذاعة "صوت الشرق"، قد بثت الأسبوع الماضي، تقريرا زعمت فيه أن الرئيس '
             "رفض الطلب، قالت إنهم أسروا في حلب.")
    assert [c["speaker"]["name"] for c in a] == ['إذاعة "صوت الشرق"'] * 2
    assert a[0]["content"]["text"] == "الرئيس رفض الطلب"
    b = one("وأصدرت وزارة الخارجية بيانا أكدت خلاله أن اللقاء كان عارضا.")
    assert b["speaker"]["name"] == "وزارة الخارجية"
    assert b["content"]["text"] == "اللقاء كان عارضا"


def test_an_occasion_with_a_preposition_before_comma_inna():
    a = all_("قال الوزير إن المطار آمن. وقال في مؤتمر صحفي من داخل مطار المدينة الدولي "
             'في العاصمة، إن، "خبر وجود أسلحة في المطار مجرد أكاذيب".')
    assert len(a) == 2 and a[1]["speaker"]["name"] == "الوزير"
    assert a[1]["content"]["text"].startswith('"خبر وجود أسلحة')


def test_a_manner_phrase_and_what_was_reported_as_the_object():
    a = all_("وقالت الوزارة في بيان إن اللقاء عارض. "
             "ونفى البيان جملة وتفصيلا ما ورد في الصحافة.")
    assert [c["speaker"]["name"] for c in a] == ["الوزارة", "الوزارة"]
    assert a[1]["content"]["text"] == "ما ورد في الصحافة"  # ورد في: no source here


def test_a_second_link_in_a_title_is_no_name():
    a = one("وقال مسؤول دفاعي في المكتب الإعلامي في القيادة، للصحفيين، إن السفينة ستغادر.")
    assert a["speaker"]["name"] == "مسؤول دفاعي في المكتب الإعلامي في القيادة"


def test_a_relay_through_a_quoted_agency_and_what_it_carried():
    agency, a = all_("ونقلت وكالة “الأخبار” للأنباء خبرا حصريا عن مصدرين مطلعين ومصدر ثالث "
                     "قولهم، إن “المفاوضين يجرون محادثات”.")
    assert agency["speaker"]["name"] == "وكالة “الأخبار” للأنباء"
    assert a["speaker"]["name"] == "مصدرين مطلعين ومصدر ثالث"
    assert a["content"]["text"] == "المفاوضين يجرون محادثات"
    agency, b = all_('نقلت وكالة الأنباء الرسمية "سبأ" عن وزير الإعلام سالم الحداد، قوله إنّ '
                     "المجلس أقر الموازنة.")
    assert agency["speaker"]["name"] == 'وكالة الأنباء الرسمية "سبأ"'
    assert b["speaker"]["name"] == "سالم الحداد"
    assert b["speaker"]["role"] == "وزير الإعلام"
    assert b["content"]["text"] == "المجلس أقر الموازنة"


def test_a_full_stop_with_no_space_after_it_still_ends_the_sentence():
    a = all_('وقال المتحدث "إن الوفد وصل ولم يعلق على ذلك".كانت الحكومة قد أعلنت أن '
             "الاجتماع تأجل.")
    assert [c["speaker"]["name"] for c in a] == ["المتحدث", "الحكومة"]
    assert a[1]["content"]["text"] == "الاجتماع تأجل"
    b = all_("وقال الوزير إن الوفد وصل.وأضاف أن الاجتماع تأجل.")
    assert [c["content"]["text"] for c in b] == ["الوفد وصل", "الاجتماع تأجل"]
    c = one("وقال الوزير إن النمو بلغ 3.5 بالمئة.")
    assert c["content"]["text"] == "النمو بلغ 3.5 بالمئة"


def test_a_title_with_a_li_genitive_before_the_name():
    a = one("وقال المبعوث الخاص للرئيس الفرنسي لشؤون المناخ جان بيار لوران إن الاتفاق قريب.")
    assert a["speaker"]["name"] == "جان بيار لوران"
    assert a["speaker"]["role"] == "المبعوث الخاص للرئيس الفرنسي لشؤون المناخ"


def test_a_platform_in_quotes_is_where_it_was_said_not_a_quotation():
    a = one("وكتب الوزير على «تويتر» أن الاجتماع كان مثمرا.")
    assert a["speaker"]["name"] == "الوزير"
    assert a["content"]["text"] == "الاجتماع كان مثمرا" and a["direct"] is False
    b = one("ولفت المتحدث عبر منشور له عبر (X) إلى أن الإعلان ادعاء كاذب.")
    assert b["content"]["text"] == "الإعلان ادعاء كاذب"


def test_urging_not_to_escalate_is_a_demand_not_a_negation():
    a = one("وحث الأمين العام الطرفين على عدم التصعيد.")
    assert a["speaker"]["name"] == "الأمين العام"
    assert a["content"]["text"] == "الطرفين على عدم التصعيد"
    assert a["negated"] is False
    b = one("ودعت الوزارة المواطنين إلى عدم السفر.")
    assert b["speaker"]["name"] == "الوزارة" and b["negated"] is False
    c = one("وأكد الوزير على عدم وجود أي اتفاق.")
    assert c["negated"] is True  # a statement that something is not, not a call


def test_a_report_set_off_by_dashes():
    a, agency = all_('وأكد الوزير -في تصريحات صحفية نقلتها وكالة أنباء "الشرق"- أن الحوار '
                     "مستمر.")
    assert a["speaker"]["name"] == "الوزير"
    assert a["content"]["text"] == "الحوار مستمر"
    assert agency["speaker"]["name"] == 'وكالة أنباء "الشرق"'
    assert agency["content"]["text"] == "الحوار مستمر"
    b = one("وقال الوزير – في مقابلة تلفزيونية – إن الحوار مستمر.")
    assert b["content"]["text"] == "الحوار مستمر"


def test_a_spokesman_of_another_body_is_not_the_one_named_before():
    a = all_("وقال المتحدث باسم الهلال الأحمر الليبي سالم يونس إن الحصيلة غير دقيقة.\n"
             "وأكد المتحدث باسم حكومة الوحدة الليبية أن الأرقام لم تحسم بعد.")
    assert a[0]["speaker"]["name"] == "سالم يونس"
    assert a[1]["speaker"]["name"] == "المتحدث باسم حكومة الوحدة الليبية"


def test_illa_anna_and_a_subject_open_a_report_of_their_own():
    a = all_("وأضاف الكتاب أن الرئيس أرسل سرا شحنة إلى روسيا، إلا أن الكرملين نفى أيضا "
             "هذه المزاعم.")
    assert [c["speaker"]["name"] for c in a] == ["الكتاب", "الكرملين"]
    assert a[0]["content"]["text"] == "الرئيس أرسل سرا شحنة إلى روسيا"
    assert a[1]["content"]["text"] == "هذه المزاعم" and a[1]["negated"] is True


def test_an_agency_abbreviation_in_brackets_inside_the_occasion():
    a = one('وقال الوزير في تصريحات صحفية تابعتها وكالة الأنباء الوطنية (وان) إنه '
            '"لا تغيير في الخطط".')
    assert a["speaker"]["name"] == "الوزير"
    assert a["content"]["text"] == "لا تغيير في الخطط" and a["direct"] is True


def test_wafqa_ma_after_another_report_gives_what_was_reported():
    a = one("ارتفعت حصيلة ضحايا الفيضانات إلى ألف قتيل، وفق ما أعلنت الأمم المتحدة، مساء السبت.")
    assert a["speaker"]["name"] == "الأمم المتحدة"
    assert a["content"]["text"] == "ارتفعت حصيلة ضحايا الفيضانات إلى ألف قتيل"
    b = all_("ونفى المتحدث باسم الجمعية سالم علي، أن تكون الحصيلة قد بلغت ألف قتيل، "
             "وفق ما أعلنت الأمم المتحدة السبت.")
    assert [c["speaker"]["name"] for c in b] == ["سالم علي", "الأمم المتحدة"]
    assert b[1]["content"]["text"] == "تكون الحصيلة قد بلغت ألف قتيل"


def test_a_cue_after_a_report_and_its_issuer_is_the_issuer_speaking():
    a = all_("قال الوزير إن الخبر كاذب.\n"
             "وجاء بيان الوزارة تعقيبا على تقرير لموقع “الأفق” التركي، ذكر أن الوزير سيستقيل.\n"
             "وبحسب التقرير، فإن الاستقالة ستعلن غدا.")
    assert [c["speaker"]["name"] for c in a] == ["الوزير", "موقع “الأفق” التركي",
                                                 "موقع “الأفق” التركي"]
    assert a[1]["content"]["text"] == "الوزير سيستقيل"


def test_intelligence_is_a_body_and_an_intervention_an_occasion():
    a = all_("قالت وكالة الاستخبارات الوطنية إن الجنود وصلوا.\n"
             "وقالت الاستخبارات الوطنية إن العدد سيرتفع.")
    assert [c["speaker"]["name"] for c in a] == ["وكالة الاستخبارات الوطنية"] * 2
    b = one("وقال السفير سامر نعمة في مداخلة أمام المجلس إن التقارير مجرد ادعاءات.")
    assert b["speaker"]["name"] == "سامر نعمة"


def test_warada_is_not_wa_and_radda():
    a = all_("وقالت الوزارة في بيان إن اللقاء عارض. "
             "ونفى البيان جملة وتفصيلا ما ورد من مزاعم في بعض المواقع.")
    assert [c["cue"]["text"] for c in a] == ["قالت", "نفى"]
    assert a[1]["content"]["text"] == "ما ورد من مزاعم في بعض المواقع"


def test_a_reply_whose_participle_carries_the_report():
    a = all_("وقال المتحدث أحمد سالم إن الوفد وصل. وحول استدعاء السفيرة، رد المتحدث، "
             "قائلا: السفيرة غير موجودة في البلاد.")
    assert [c["cue"]["text"] for c in a] == ["قال", "قائلا"]
    assert a[1]["speaker"]["name"] == "أحمد سالم"
    assert a[1]["content"]["text"] == "السفيرة غير موجودة في البلاد"


def test_the_headline_may_follow_the_pages_furniture():
    claims = all_("الأحد 12 مايو 2024\nسياسة\n"
                  "وزير الري: لا نقص في حصص المياه هذا الصيف\n"
                  "قال وزير الري إن المخزون يكفي حتى نهاية العام.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("وزير الري", ":"), ("وزير الري", "قال")]
    assert claims[0]["content"]["text"] == "لا نقص في حصص المياه هذا الصيف"


def test_a_clock_a_link_or_a_dateline_after_the_title_is_no_headline():
    claims = all_("عودة الرحلات إلى المطار بعد توقف أسبوع\n"
                  "تاريخ النشر: 10:25 صباحا\n"
                  "الرباط: «الأخبار»\n"
                  "![](https://example.org/photo.jpg)\n"
                  "وأعلنت إدارة المطار أن الرحلات عادت إلى جدولها.")
    assert [c["speaker"]["name"] for c in claims] == ["إدارة المطار"]


def test_bayyana_reports_only_with_a_clause():
    c = one("وبين المتحدث أن اللجنة ستعلن النتائج الأسبوع المقبل.")
    assert c["cue"]["text"] == "بين"
    assert c["content"]["text"] == "اللجنة ستعلن النتائج الأسبوع المقبل"
    assert all_("وتوزعت المساعدات بين المدن الثلاث، وفق الخطة.") == []


def test_the_sources_take_up_the_several_sources_named_before():
    claims = all_("وقال مصدر أمني إن الطريق أغلق. وأكدت مصادر سياسية مطلعة أن الاجتماع تأجل. "
                  "وأوضحت المصادر أن الموعد الجديد لم يحدد.")
    assert claims[-1]["speaker"]["name"] == "مصادر سياسية مطلعة"


def test_a_title_after_a_person_named_without_one_is_that_person():
    claims = all_("وقال سامر الخوري إن المطار يعمل بشكل طبيعي.\n"
                  "وأكمل وزير النقل اللبناني: \"ندعو الجميع إلى زيارة المطار\".")
    assert [c["speaker"]["name"] for c in claims] == ["سامر الخوري", "سامر الخوري"]
    assert [c["speaker"]["role"] for c in claims] == ["وزير النقل اللبناني"] * 2


def test_a_person_keeps_the_title_of_the_first_full_mention():
    claims = all_("نفى وزير الطاقة في حكومة تصريف الأعمال وليد فياض وجود أي عجز.\n"
                  "وقال الوزير فياض إن الإمدادات مؤمنة حتى الشتاء.")
    assert [c["speaker"]["role"] for c in claims] == ["وزير الطاقة في حكومة تصريف الأعمال"] * 2


def test_a_report_named_in_a_denial_has_its_own_claim():
    denial, report = all_("ونفت الوزارة تقارير صحفية محلية أشارت إلى إغلاق المعبر الشهر المقبل.")
    assert denial["speaker"]["name"] == "الوزارة" and denial["negated"] is True
    # the denial's content keeps the whole object, the report inside it included
    assert denial["content"]["text"] == "تقارير صحفية محلية أشارت إلى إغلاق المعبر الشهر المقبل"
    assert report["speaker"]["name"] == "تقارير صحفية محلية"
    assert report["content"]["text"] == "إغلاق المعبر الشهر المقبل"
    assert report["negated"] is False


def test_a_document_with_its_issuer_speaks_as_the_issuer():
    claims = all_("نفى الجيش صحة تقرير لصحيفة الأيام يفيد بوجود خطة للانسحاب، مؤكدا أن "
                  "قواته باقية.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("الجيش", "نفى"), ("صحيفة الأيام", "يفيد"), ("الجيش", "مؤكدا")]
    assert claims[1]["content"]["text"].startswith("وجود خطة للانسحاب")


def test_reports_that_only_spoke_about_something_say_nothing_checkable():
    claims = all_("ونفى المتحدث التقارير التي تحدثت عن استقالة الوزير.")
    assert [c["speaker"]["name"] for c in claims] == ["المتحدث"]


def test_a_cue_with_its_object_as_a_pronoun_goes_on_with_the_speaker():
    claims = all_("وأكد الوزير أن الاتفاق ما زال قائما، واعتبره خطوة نحو التهدئة.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("الوزير", "أكد"), ("الوزير", "اعتبره")]
    assert claims[1]["content"]["text"] == "خطوة نحو التهدئة"
    denial, called = all_("ونفى مسؤول عسكري إعلان الفصيل عن إسقاط الطائرة ووصفه بـ«الملفق».")
    assert denial["content"]["text"] == "إعلان الفصيل عن إسقاط الطائرة"
    assert called["speaker"]["name"] == "مسؤول عسكري"
    assert called["cue"]["text"] == "وصفه"
    # a name after the form is its speaker
    c = one("ووصفته الوزيرة ليلى حداد بأنه غير واقعي.")
    assert c["speaker"]["name"] == "ليلى حداد"


def test_a_participle_takes_the_quotation_after_it_not_the_one_before():
    claims = all_('وأكد المتحدث أن الوزير "التقى نظيره مرة واحدة"، عندما "تحدثا عبر الهاتف"، '
                  'مضيفًا "تحدثا عن الطاقة".')
    assert claims[1]["cue"]["text"] == "مضيفًا"
    assert claims[1]["content"]["text"] == "تحدثا عن الطاقة" and claims[1]["direct"] is True


def test_a_matter_before_the_cue_is_what_the_speaker_after_it_denied_or_confirmed():
    report, denial = all_("وذكرت صحيفة محلية أن الحكومة تستعد لرفع أسعار الوقود الشهر المقبل، "
                          "وهو ما نفته وزارة الطاقة في بيان مساء الأحد.")
    assert report["speaker"]["name"] == "صحيفة محلية"
    assert (denial["speaker"]["name"], denial["cue"]["text"]) == ("وزارة الطاقة", "نفته")
    assert denial["content"]["text"] == "الحكومة تستعد لرفع أسعار الوقود الشهر المقبل"
    assert denial["negated"] is True
    _, denial = all_("وتحدثت تقارير عن انسحاب القوات من المدينة، الأمر الذي نفاه المتحدث "
                     "باسم الجيش.")
    assert denial["speaker"]["name"] == "المتحدث باسم الجيش"
    assert denial["content"]["text"] == "انسحاب القوات من المدينة"
    # a narrator's clause before it: the matter is that clause
    c = one("وسيبدأ تطبيق الاتفاق مطلع العام المقبل، وهذا ما أكده وزير الخارجية خلال لقائه "
            "نظيره الفرنسي.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("وزير الخارجية", "أكده")
    assert c["content"]["text"] == "وسيبدأ تطبيق الاتفاق مطلع العام المقبل"
    assert c["negated"] is False
    # no speaker after the verb, or a verb that reports nothing: no claim
    assert all_("وارتفعت الأسعار بنسبة كبيرة، وهو ما نفاه.") == []
    assert all_("وارتفعت الأسعار بنسبة كبيرة، وهو ما دفعه المواطنون.") == []
    # a bare ما after a comma is the object of the cue before it, not a matter put first
    c = one("ونفت الوزارة، اليوم الاثنين، ما أوردته صحف أجنبية عن لقاء سري بين الوزيرين.")
    assert c["speaker"]["name"] == "الوزارة"


def test_a_short_quoted_name_after_the_cue_is_the_speaker():
    c = one('وقال "أبو محمد": "لن نغادر المدينة قبل انتهاء المفاوضات".')
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("أبو محمد", "قال")
    assert c["content"]["text"] == "لن نغادر المدينة قبل انتهاء المفاوضات"
    assert c["direct"] is True
    c = one("وأكد «أبو علي»، إن المقاتلين انسحبوا من الحي.")
    assert c["speaker"]["name"] == "أبو علي"
    assert c["content"]["text"] == "المقاتلين انسحبوا من الحي"
    # a quotation with nothing reported after it is the content, its speaker said before
    c = one('وقال الوزير: "لن نغادر".')
    assert c["speaker"]["name"] == "الوزير" and c["content"]["text"] == "لن نغادر"


def test_an_occasion_naming_an_outlet_in_quotes_still_ends_at_the_reported_clause():
    c = one("وقال الوزير خلال مداخلة هاتفية مع قناة «الحدث» السعودية مساء الاثنين، إن "
            "المفاوضات ستستأنف الأسبوع المقبل.")
    assert c["speaker"]["name"] == "الوزير"
    assert c["content"]["text"] == "المفاوضات ستستأنف الأسبوع المقبل"
    c = one("وأكدت الوزيرة في حديث لإذاعة محلية صباح اليوم أن الأسعار ستنخفض.")
    assert c["content"]["text"] == "الأسعار ستنخفض"


def test_a_participle_after_the_matter_put_first_goes_on_with_its_speaker():
    claims = all_("وتحدثت وسائل إعلام أجنبية عن صفقة سلاح سرية بين البلدين، وهو ما نفته "
                  "الحكومة، مؤكدة أنها مجرد شائعات.")
    assert [(c["speaker"]["name"], c["cue"]["text"]) for c in claims] == [
        ("وسائل إعلام أجنبية", "تحدثت"), ("الحكومة", "نفته"), ("الحكومة", "مؤكدة")]


def test_a_title_with_a_country_is_definite_and_named_later():
    denied, said = all_("رفض سفير فرنسا لدى الاتحاد الأفريقي الخميس اتهامات بدعم المتمردين. "
                        "وقال السفير الفرنسي لوران ماتيو أمام الصحافيين إن باريس تدعم الحوار.")
    assert (denied["speaker"]["name"], denied["speaker"]["role"]) == (
        "لوران ماتيو", "سفير فرنسا لدى الاتحاد الأفريقي")
    assert said["speaker"]["name"] == "لوران ماتيو"
    # its adjective leaves the title indefinite: a new source, not the ambassador named later
    source, named = all_("وقال مسؤول فرنسي إن المفاوضات متعثرة. وقال المسؤول الفرنسي الثاني "
                         "جاك روبير إن الجولة المقبلة ستعقد قريبا.")
    assert source["speaker"]["name"] == "مسؤول فرنسي"


def test_a_relayed_noun_of_denial_is_the_quoted_ones_denial():
    outlet, denied = all_("ونقلت صحيفة الأيام عن مسؤولين في النقابة نفيهم القاطع لصحة الأنباء "
                          "عن حل مجلسها.")
    assert (denied["speaker"]["name"], denied["cue"]["text"]) == ("مسؤولين في النقابة", "نفيهم")
    assert denied["content"]["text"] == "لصحة الأنباء عن حل مجلسها"
    assert denied["negated"] and denied["modality"] == "denial"
    assert outlet["speaker"]["name"] == "صحيفة الأيام"
    assert outlet["content"]["text"] == "نفيهم القاطع لصحة الأنباء عن حل مجلسها"


def test_qiyadiyun_are_several_people_a_plural_continues():
    said, stressed, noting = all_("وقال قياديون في الحزب إن المؤتمر سيعقد في موعده. وأكدوا أن "
                                  "الخلافات انتهت، مشيرين إلى أن اللجنة أنهت عملها.")
    assert stressed["speaker"]["name"] == noting["speaker"]["name"] == "قياديون في الحزب"
    assert noting["content"]["text"] == "اللجنة أنهت عملها"


def test_a_relative_clause_on_a_source_before_the_colon():
    paper, sources = all_("وأضافت الصحيفة، نقلا عن مسؤولين أتراك لم تكشف هويتهم: «الوفد سيصل "
                          "إلى أنقرة الأسبوع المقبل».")
    assert paper["speaker"]["name"] == "الصحيفة"
    assert sources["speaker"]["name"] == "مسؤولين أتراك"
    assert sources["content"]["text"] == "الوفد سيصل إلى أنقرة الأسبوع المقبل"


def test_the_sources_of_a_paper_are_not_the_paper():
    claims = all_("وقالت صحيفة الوطن إن الحكومة ستستقيل. وأضافت الصحيفة أن الموعد لم يحدد. "
                  "وبحسب مصادر الصحيفة فإن الرئيس وافق.")
    assert [c["speaker"]["name"] for c in claims] == [
        "صحيفة الوطن", "صحيفة الوطن", "مصادر الصحيفة"]


def test_an_aside_between_the_comma_and_the_colon_of_a_quotation():
    said = one('وقال الوزير، في إشارة إلى مقال لكاتب بريطاني نُشر الأسبوع الماضي: "هذه '
               'الرواية لا أساس لها".')
    assert said["speaker"]["name"] == "الوزير"
    assert said["content"]["text"] == "هذه الرواية لا أساس لها"
    assert said["direct"]


def test_manner_participle_after_the_speaker_opens_the_content():
    c = one("وأضاف المحافظ موضحًا أن أعمال الصيانة ستنتهي قبل نهاية الشهر.")
    assert c["speaker"]["name"] == "المحافظ"
    assert c["content"]["text"] == "أعمال الصيانة ستنتهي قبل نهاية الشهر"
    d = one('واستطردت المديرة مؤكدةً: "لن نغلق أي مدرسة هذا العام".')
    assert d["content"]["text"] == "لن نغلق أي مدرسة هذا العام"
    assert d["direct"] is True


def test_an_epithet_stands_for_the_person_who_just_spoke():
    claims = all_("قال وزير الزراعة التونسي كمال الهادي إن محصول القمح تضاعف. "
                  "وأضاف الوزير التونسي أن الأسعار ستنخفض. "
                  "وتابع المسؤول الحكومي أن الدعم سيستمر.")
    assert [c["speaker"]["name"] for c in claims] == ["كمال الهادي"] * 3


def test_an_epithet_of_another_country_is_not_the_last_speaker():
    claims = all_("قال وزير الخارجية الأردني سامر العلي إن المحادثات مستمرة. "
                  "وقال المسؤول المصري إن الوفد سيصل غدا.")
    assert claims[1]["speaker"]["name"] != "سامر العلي"


def test_a_hard_wrapped_text_is_read_sentence_by_sentence():
    text = ("قال مسؤول في وزارة المالية لوكالة الأنباء، إن الحكومة لن ترفع أسعار الوقود خلال\n"
            "العام المقبل، بعد تقارير عن زيادة وشيكة نشرتها صحف محلية في الأسبوع الماضي.\n"
            "وقال المسؤول الذي طلب\n"
            "عدم الكشف عن اسمه \"لم نناقش أي زيادة في اجتماع مجلس الوزراء الأخير، ولم يعرض\n"
            "علينا أي مقترح بهذا الشأن\".\n"
            "وكان نائب في البرلمان\n"
            "قال لصحيفة محلية، الأحد، إن الحكومة تدرس رفع الأسعار بنسبة عشرة في المئة مع بداية\n"
            "السنة المالية الجديدة في شهر يناير.\n")
    first, second, third = all_(text)
    assert "خلال\nالعام المقبل" in first["content"]["text"]
    assert second["speaker"]["name"] == "مسؤول في وزارة المالية"
    assert second["content"]["text"].startswith("لم نناقش أي زيادة")
    assert third["speaker"]["name"] == "نائب في البرلمان"
    assert third["content"]["text"].startswith("الحكومة تدرس رفع الأسعار")


def test_lines_broken_after_headings_are_not_a_hard_wrap():
    text = ("وزير الخارجية ينفي عقد لقاء مع نظيره في العاصمة الإيطالية الأسبوع الماضي\n"
            "قال وزير الخارجية إن اللقاء لم يحدث.\n")
    said = one(text)
    assert said["content"]["text"] == "اللقاء لم يحدث"


def test_a_belief_is_marked_apart_and_reports_only_before_an():
    c = one("ويعتقد الخبير الاقتصادي سامر حداد أن أسعار الوقود سترتفع مع بداية الشتاء.")
    assert (c["speaker"]["name"], c["cue"]["text"]) == ("سامر حداد", "يعتقد")
    assert c["modality"] == "belief"
    assert c["content"]["text"] == "أسعار الوقود سترتفع مع بداية الشتاء"
    assert all_("ويعتقد سكان القرية بالقصص القديمة عن النهر.") == []
