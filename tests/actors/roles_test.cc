// Role and victim nouns with the head count their form gives, in sentences
// written for these tests. Expected values are written by hand.
#include <gtest/gtest.h>

#include "actors/actors_test_util.h"

namespace hadath::actors {
namespace {

using testing::DescribeRoles;

struct Row {
  const char* what;
  const char* sentence;
  const char* expected;  // "surface=class:count[/det D][/def][/dp]" joined by " | "; count n = plural
};

const Row kRows[] = {
    // --- Singular: one person ---
    {"indefinite singular; a sniper is a combatant", "استشهد مدني برصاص قناص",
     "مدني=civilian:1 | قناص=combatant:1"},
    {"indefinite accusative with tanween", "وقتلوا قيادياً كان ينشط في الخلايا", "قيادياً=combatant:1"},
    {"accusative of a person word", "فأردته قتيلاً", "قتيلاً=person:1"},
    {"two singulars for one person", "مقتل شاب يعمل ممرضًا", "شاب=civilian:1 | ممرضًا=civilian:1"},
    {"noun and adjective, both accusative", "فاعتقلت شابا لاجئا", "شابا=civilian:1 | لاجئا=civilian:1"},
    {"definite singular", "إن القيادي خطط للهجوم", "القيادي=combatant:1/def"},
    {"official", "كان المسؤول عن نقل الأموال", "المسؤول=official:1/def"},
    {"village head", "اعتقال مختار القرية", "مختار=official:1"},
    {"Sunday is not 'one of'", "يوم الأحد قتل مدني", "مدني=civilian:1"},

    // --- Dual ---
    {"dual oblique", "مقتل عنصرين من قسد", "عنصرين=combatant:2"},
    {"dual nominative", "قتل عنصران من قوات النظام", "عنصران=combatant:2"},
    {"dual of a noun with a sound plural", "مقتل قياديين داعشيين", "قياديين=combatant:2/dp"},
    {"gold: two SDF fighters", "غير أن مقاتلين من قوات «قسد» تعرضا للقتل", "مقاتلين=combatant:2/dp"},
    {"feminine dual", "مقتل مدنيتين بقصف مدفعي", "مدنيتين=civilian:2"},
    {"dual and singular", "قتل طفلان وامرأة", "طفلان=civilian:2 | وامرأة=civilian:1"},
    {"dual nominative, civilians", "أصيب مدنيان بجروح", "مدنيان=civilian:2"},
    {"definite dual of a broken-plural noun", "مقتل العنصرين", "العنصرين=combatant:2/def"},
    {"dual construct before a pronoun", "أقدم مسلحون مجهولون على إطلاق النار على عنصرينا",
     "مسلحون=combatant:n | عنصرينا=combatant:2"},
    {"dual confirmed by the number two", "قتل مدنيين اثنين", "مدنيين=civilian:2/dp"},
    {"singular then dual", "قتل طفل وأصيب رجلان", "طفل=civilian:1 | رجلان=civilian:2"},
    {"dual of a noun ending in ya", "مقتل جنديين تركيين", "جنديين=combatant:2"},

    // --- Plural ---
    {"definite -in form is the plural", "واستهدفت القياديين الداعشيين", "القياديين=combatant:n/def/dp"},
    {"definite plural", "تفريق المتظاهرين بالقوة", "المتظاهرين=protester:n/def/dp"},
    {"construct of a sound plural", "استهداف مقاتلي داعش", "مقاتلي=combatant:n"},
    {"'racist' is no dual construct", "هجوم عنصري على مسجد", ""},
    {"several words: security men", "استهدف الهجوم رجال الأمن في المدينة",
     "رجال الأمن=combatant:n"},  // definite by construct, no article of its own
    {"several words, singular", "أصيب رجل أمن بجروح", "رجل أمن=combatant:1"},

    // --- Adjectives and names that are no role ---
    {"'military' as an adjective", "وقال مصدر عسكري إن الرتل وصل", ""},
    {"'media' as an adjective", "نقل المكتب الإعلامي للحركة", ""},
    {"'demanded' is no student", "طالب الأهالي بالإفراج عن المعتقلين", ""},
    {"the Taliban are no two students", "سيطرت حركة طالبان على المدينة", ""},
    {"civil defence", "انتشلت فرق الدفاع المدني الجثث", ""},
    {"the adjective's dual still counts", "مقتل عسكريين في الهجوم", "عسكريين=combatant:2/dp"},

    // --- One of ---
    {"one of the civilians", "أسفرت عن مقتل أحد المدنيين في المنطقة", "المدنيين=civilian:1/det أحد/def/dp"},
    {"one of, construct", "عملية تصفية أحد عناصر جهاز الاستخبارات", "عناصر=combatant:1/det أحد"},
    {"one of, feminine", "قتلت إحدى النساء بقصف", "النساء=civilian:1/det إحدى/def"},
    {"one of, with min", "اعتقل واحد من العناصر", "العناصر=combatant:1/det واحد/def"},

    // --- Counted by a number or quantity ---
    {"digits before a plural", "ألقت القبض على 4 مطلوبين في خلية", "مطلوبين=suspect:n/det 4/dp"},
    {"number word before a plural", "إلقاء القبض على ثلاثة عناصر في التنظيم", "عناصر=combatant:n/det ثلاثة"},
    {"number before an accusative singular", "قتل 15 عنصراً من قوات النظام", "عنصراً=combatant:n/det 15"},
    {"eleven in words", "قتل أحد عشر عنصرا", "عنصرا=combatant:n/det أحد عشر"},
    {"tens", "ألقت القبض على عشرات العناصر", "العناصر=combatant:n/det عشرات/def"},
    {"a number of", "اعتقال عدد من المدنيين", "المدنيين=civilian:n/det عدد من/def/dp"},
    {"number, min, noun", "قتل ثلاثة من المقاتلين", "المقاتلين=combatant:n/det ثلاثة/def/dp"},
    {"tens, min, noun with a pronoun", "فقد التنظيم عشرات من عناصره", "عناصره=combatant:n/det عشرات"},
    {"a quantity word before an -in form", "قتل عدة مقاتلين", "مقاتلين=combatant:n/det عدة/dp"},
    {"some of the children", "أصيب بعض الأطفال", "الأطفال=civilian:n/det بعض/def"},
    {"ten displaced people", "استهدفت منزلًا يسكنه عشرة نازحين", "نازحين=civilian:n/det عشرة/dp"},
    {"persons with a trailing qualifier", "قتل 7 أشخاص على الأقل", "أشخاص=person:n/det 7"},
};

TEST(RoleMentions, Table) {
  for (const Row& row : kRows) EXPECT_EQ(DescribeRoles(row.sentence), row.expected) << row.what;
}

TEST(RoleMentions, LemmaAndNumber) {
  const std::string input = "مقتل مقاتلين وأحد المدنيين";
  text::TokenizedText tokens;
  testing::Resources().reader.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<RoleMention> roles;
  testing::Resources().recognizer.FindRoles(input, tokens, &state, &roles);
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[0].lemma, "مقاتل");
  EXPECT_EQ(roles[0].number, GrammaticalNumber::kDual);
  EXPECT_FALSE(roles[0].plural);
  EXPECT_EQ(roles[1].lemma, "مدني");
  EXPECT_EQ(roles[1].number, GrammaticalNumber::kPlural);
  EXPECT_EQ(roles[1].determiner, Determiner::kNumber);
  EXPECT_EQ(testing::Slice(input, roles[1].core), "مدنيين");  // core drops proclitics, the article too
  EXPECT_EQ(testing::Slice(input, roles[1].span), "المدنيين");
}

}  // namespace
}  // namespace hadath::actors
