// Actor mentions in sentences written for these tests in the style of the
// outlets hadath reads (Enab Baladi, Asharq Al-Awsat, SANA, North Press, the
// Syrian Observatory, Rudaw, Iraqi, Lebanese and Saudi outlets). Expected
// values are written by hand from the meaning of each sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "actors/actors_test_util.h"

namespace hadath::actors {
namespace {

using testing::DescribeActors;
using testing::Resources;

struct Row {
  const char* what;
  const char* sentence;
  const char* expected;  // "surface=ID" joined by " | "; ? contextual, @ country name, + nationality phrase
};

const Row kRows[] = {
    // --- Names and acronyms, quotes between words ---
    {"name in quotes, acronym in brackets, quoted ISIS name",
     "أعلنت “قوات سوريا الديمقراطية” (قسد) عن مقتل قيادي في تنظيم “الدولة الإسلامية”",
     "قوات سوريا الديمقراطية=SDF | قسد=SDF | تنظيم “الدولة الإسلامية=ISIS"},
    {"coalition with its forces word", "بدعم ومشاركة من قوات التحالف الدولي، بمدينة البصيرة",
     "قوات التحالف الدولي=COALITION"},
    {"contextual coalition confirmed by SDF", "عملية إنزال جوي نفذتها قوات التحالف و”قسد” فجر الجمعة",
     "قوات التحالف=COALITION? | قسد=SDF"},
    {"guillemets and an ISIS adjective", "كانت قوات «قسد» قد ألقت القبض على 4 مطلوبين في خلية «داعشية»",
     "قسد=SDF | داعشية=ISIS"},
    {"Asayish, two names", "حملة أمنية واسعة نفذتها قوات الأمن الداخلي (الأسايش) في مخيم المحمودلي",
     "قوات الأمن الداخلي=ASAYISH | الأسايش=ASAYISH"},
    {"unknown gunmen", "فقدا حياتهما برصاص مسلحين مجهولين في بلدة البصيرة", "مسلحين مجهولين=UNIDENTIFIED"},
    {"military council and SDF", "وقال مصدر عسكري من «مجلس دير الزور العسكري» المنضوي في صفوف «قسد»",
     "مجلس دير الزور العسكري=DEIR_EZZOR_MILITARY_COUNCIL | قسد=SDF"},
    {"CENTCOM", "أعلنت القيادة المركزية الأمريكية مقتل اثنين من قيادات تنظيم داعش",
     "القيادة المركزية الأمريكية=US_FORCES | تنظيم داعش=ISIS"},
    {"Operation Inherent Resolve", "بدورها، أشادت «عملية العزم الصلب» التابعة للتحالف الدولي بالعمليات",
     "عملية العزم الصلب=COALITION | للتحالف الدولي=COALITION"},
    {"SDF spelled with ta marbuta", "أعلنت قوات سورية الديمقراطية انتهاء الحملة",
     "قوات سورية الديمقراطية=SDF"},
    {"FSA, longer than a nationality phrase", "انشق ضابط عن الجيش السوري الحر", "الجيش السوري الحر=FSA"},
    {"Kataib Hezbollah holds Hezbollah", "تبنت كتائب حزب الله الهجوم على القاعدة الأمريكية",
     "كتائب حزب الله=KATAIB_HEZBOLLAH"},
    {"PIJ and the Quds Force", "نعت سرايا القدس قائداً، فيما أشاد فيلق القدس بالعملية",
     "سرايا القدس=PIJ | فيلق القدس=QUDS_FORCE"},
    {"IRGC", "أعلن الحرس الثوري الإيراني مقتل اثنين من عناصره", "الحرس الثوري الإيراني=IRGC"},
    {"Syrian regime forces, gunmen", "قتل عنصران من قوات النظام برصاص مسلحين مجهولين في ريف درعا",
     "قوات النظام=SYRIAN_GOV | مسلحين مجهولين=UNIDENTIFIED"},
    {"unknown attackers, one word", "اغتال مجهولون عنصراً سابقاً في فصائل المعارضة بريف درعا الغربي",
     "مجهولون=UNIDENTIFIED"},
    {"HTS and SNA factions", "اشتباكات بين هيئة تحرير الشام وفصائل الجيش الوطني السوري",
     "هيئة تحرير الشام=HTS | وفصائل الجيش الوطني=SNA"},
    {"Houthis as a militia", "اعترضت الدفاعات الجوية السعودية صاروخاً باليستياً أطلقته ميليشيا الحوثي",
     "الدفاعات الجوية السعودية=SAUDI_FORCES+ | الحوثي=HOUTHIS"},
    {"Saudi-led coalition", "أعلن تحالف دعم الشرعية في اليمن تدمير زوارق مفخخة للحوثيين",
     "تحالف دعم الشرعية=SAUDI_COALITION | للحوثيين=HOUTHIS"},
    {"PMF, and a media office that is no actor",
     "أعلنت خلية الإعلام الأمني أن قطعات الحشد الشعبي صدت هجوماً لداعش في صلاح الدين",
     "الحشد الشعبي=PMF | لداعش=ISIS"},
    {"Peshmerga without a listed 'forces' word", "هاجم مسلحو داعش نقطة لقوات البيشمركة في كرميان",
     "داعش=ISIS | البيشمركة=PESHMERGA"},
    {"Pentagon and reinforcements", "أعلن البنتاغون إرسال تعزيزات عسكرية أمريكية إلى المنطقة",
     "البنتاغون=US_FORCES | تعزيزات عسكرية أمريكية=US_FORCES+"},

    // --- Clitics ---
    {"proclitics on names", "وجهت الولايات المتحدة الشكر لقسد وللتحالف الدولي",
     "الولايات المتحدة=US_FORCES@ | لقسد=SDF | وللتحالف الدولي=COALITION"},
    {"ISIS adjective and Asayish with lil", "أطلق عناصر داعشية النار على دورية لقوى الأمن الداخلي في الرقة",
     "داعشية=ISIS | لقوى الأمن الداخلي=ASAYISH"},
    {"bi- on forces", "تصدت الدفاعات لهجوم بطائرات مسيرة إسرائيلية", "بطائرات مسيرة إسرائيلية=ISRAEL+"},
    {"PKK with li-", "قصفت طائرات مسيرة تركية مواقع لحزب العمال الكردستاني في جبال قنديل",
     "طائرات مسيرة تركية=TURKEY+ | لحزب العمال الكردستاني=PKK"},
    {"HTS with li-", "استهدفت غارات روسية مواقع لهيئة تحرير الشام في جبل الزاوية",
     "غارات روسية=RUSSIA+ | لهيئة تحرير الشام=HTS"},
    {"Turkish soldier, SDF with li-", "قتل جندي تركي بقصف لقوات سوريا الديمقراطية",
     "جندي تركي=TURKEY+ | لقوات سوريا الديمقراطية=SDF"},

    // --- Broken words ---
    {"ISIS broken with a hyphen", "قوات التحالف تنفذ مداهمات شرق دير الزور وتفشل باعتقال قيادي من \"دا-عش\"",
     "قوات التحالف=COALITION? | دا-عش=ISIS"},
    {"PMF broken on purpose (alias split word)", "اشتبك مقاتلو الحش-د الشعبي مع خلية لداعش",
     "الحش-د الشعبي=PMF | لداعش=ISIS"},

    // --- Nationality phrases ---
    {"helicopter, indefinite", "وذكرت القيادة المركزية الأمريكية أن مروحية أمريكية نفذت غارة",
     "القيادة المركزية الأمريكية=US_FORCES | مروحية أمريكية=US_FORCES+"},
    {"helicopter with a modifier", "فقامت مروحية عسكرية أمريكية بإطلاق النيران عليهما",
     "مروحية عسكرية أمريكية=US_FORCES+"},
    {"army, definite", "بعد قصف الجيش التركي لمناطق سيطرة قوات سوريا الديمقراطية",
     "الجيش التركي=TURKEY+ | قوات سوريا الديمقراطية=SDF"},
    {"an action as head (SANA)", "استشهد ثلاثة مدنيين جراء عدوان إسرائيلي استهدف ريف دمشق",
     "عدوان إسرائيلي=ISRAEL+"},
    {"air force with two modifiers (NNA)", "شن الطيران الحربي الإسرائيلي غارة على بلدة عيتا الشعب",
     "الطيران الحربي الإسرائيلي=ISRAEL+"},
    {"occupation army", "أعلن حزب الله استهداف موقع لجيش الاحتلال الإسرائيلي",
     "حزب الله=HEZBOLLAH | لجيش الاحتلال الإسرائيلي=ISRAEL+"},
    {"artillery", "قصفت المدفعية التركية قرى في ريف تل تمر", "المدفعية التركية=TURKEY+"},
    {"drone with shadda", "استهدفت مسيّرة تركية سيارة في ريف القامشلي", "مسيّرة تركية=TURKEY+"},
    {"two nationalities coordinated", "قصفت طائرات حربية روسية وسورية مناطق في إدلب",
     "طائرات حربية روسية=RUSSIA+ | وسورية=SYRIAN_GOV+"},
    {"joint patrol, coordinated definite", "سيّرت القوات الروسية والتركية دورية مشتركة في ريف عين العرب",
     "القوات الروسية=RUSSIA+ | والتركية=TURKEY+"},
    {"security forces + modifier beats the contextual alias",
     "اعتقلت القوات الأمنية العراقية إرهابياً في كركوك", "القوات الأمنية العراقية=IRAQ_FORCES+"},
    {"occupation forces (SANA on US forces)", "سرقة النفط السوري من قبل قوات الاحتلال الأمريكي",
     "قوات الاحتلال الأمريكي=US_FORCES+"},
    {"'the enemy' (Lebanese outlets)", "العدو الإسرائيلي يستهدف بلدة كفركلا", "العدو الإسرائيلي=ISRAEL+"},
    {"advisers and an air strike", "قتل مستشارون إيرانيون في غارة إسرائيلية على دمشق",
     "مستشارون إيرانيون=IRAN+ | غارة إسرائيلية=ISRAEL+"},
    {"Jordanian armed forces", "أحبطت القوات المسلحة الأردنية محاولة تهريب على الحدود مع سوريا",
     "القوات المسلحة الأردنية=JORDAN_ARMY+"},

    // --- Contextual aliases ---
    {"'the organisation' when ISIS is named",
     "تنشط خلايا تنظيم “الدولة” في دير الزور، ونفذت قسد عمليات تلاحق خلايا التنظيم",
     "تنظيم “الدولة=ISIS | قسد=SDF | التنظيم=ISIS?"},
    {"'the organisation' alone is nobody", "أعلن التنظيم مسؤوليته عن التفجير", ""},
    {"coalition aircraft with nothing to confirm them", "استشهد مدني برصاص قناص من إحدى طائرات التحالف", ""},
    {"coalition aircraft confirmed by the SDF",
     "قال مركز دير الزور الإعلامي التابع لـ”الإدارة الذاتية” إن طائرات التحالف ساندت “قسد”",
     "الإدارة الذاتية=AANES | التحالف=COALITION? | قسد=SDF"},
    {"coalition in Yemen", "قوات التحالف تعترض مسيرة أطلقها الحوثيون",
     "قوات التحالف=SAUDI_COALITION? | الحوثيون=HOUTHIS"},
    {"SNA confirmed by the YPG", "اندلعت اشتباكات بين الجيش الوطني والوحدات الكردية في ريف منبج",
     "الجيش الوطني=SNA? | والوحدات الكردية=YPG"},
    {"'the Commission' alone", "أعلنت الهيئة عن حملة أمنية في المنطقة", ""},
    {"CTS confirmed by the Iraqi army", "نفذ جهاز مكافحة الإرهاب بإسناد من الجيش العراقي عملية في الأنبار",
     "جهاز مكافحة الإرهاب=IRAQ_CTS? | الجيش العراقي=IRAQ_FORCES+"},
    {"Hamas confirmed by Israel", "قصف الجيش الإسرائيلي مواقع لحماس في غزة",
     "الجيش الإسرائيلي=ISRAEL+ | لحماس=HAMAS?"},
    {"'enthusiasm' is not Hamas", "استقبل الجمهور اللاعبين بحماس كبير", ""},
    {"KRG Asayish in an Iraqi Kurdistan text", "اعتقلت الأسايش مشتبهاً به بعد اشتباك مع البيشمركة",
     "الأسايش=KRG_ASAYISH? | البيشمركة=PESHMERGA"},
    {"Internal security, no Lebanese context: the Asayish",
     "أوقفت شعبة المعلومات في قوى الأمن الداخلي مطلوباً", "قوى الأمن الداخلي=ASAYISH"},

    // --- Country names ---
    {"countries as backers", "قوات النظام السوري مدعومة بروسيا وإيران",
     "قوات النظام السوري=SYRIAN_GOV | بروسيا=RUSSIA@ | وإيران=IRAN@"},
    {"a country threatening", "بعد تلويح تركيا بشن عملية عسكرية جديدة", "تركيا=TURKEY@"},

    // --- Not actors ---
    {"heads of state are no forces", "التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين", ""},
    {"a nickname with a nationality", "قال القيادي في داعش أبو مريم العراقي إن", "داعش=ISIS"},
    {"a spokesman's name", "وقال فرهاد شامي، المتحدث باسم قوات «قسد»", "قسد=SDF"},
    {"an observatory", "نشر المرصد السوري لحقوق الإنسان حصيلة جديدة", ""},
    {"the SDF's political council", "أعلن مجلس سوريا الديمقراطية (مسد) ترحيبه بالمبادرة", ""},
    {"unidentified victims are no gunmen", "عثر الأهالي على جثتين لشخصين مجهولين الهوية في ريف الرقة", ""},
    {"an AANES outlet alone", "وأضاف “مركز دير الزور الإعلامي” أن العملية أسفرت عن اعتقال شخص", ""},
    {"a march is no drone", "خرجت مسيرة شعبية في مدينة السويداء", ""},
    {"the Lebanese Forces party is no army", "قال رئيس حزب القوات اللبنانية إن", ""},
    {"the Lebanese Forces again, without 'party'", "انتقدت القوات اللبنانية الحكومة", ""},
    {"an airline is no air force", "أعلنت شركة طيران روسية استئناف رحلاتها", ""},
};

TEST(ActorMentions, Table) {
  for (const Row& row : kRows) EXPECT_EQ(DescribeActors(row.sentence), row.expected) << row.what;
}

TEST(ActorMentions, TableIsLarge) { EXPECT_GE(std::size(kRows), 50u); }

// The caller's context resolves contextual aliases a sentence cannot.
TEST(ActorMentions, CallerContext) {
  const char* sentence = "بينما نفذت قوات التحالف وقوى الأمن عملية مماثلة بالقرب من بلدة الجزرة";
  EXPECT_EQ(DescribeActors(sentence), "");
  EXPECT_EQ(DescribeActors(sentence, {.actor_ids = {"SDF"}}),
            "قوات التحالف=COALITION? | وقوى الأمن=ASAYISH?");
  // Within: a council of the SDF confirms what the SDF confirms.
  EXPECT_EQ(DescribeActors(sentence, {.actor_ids = {"DEIR_EZZOR_MILITARY_COUNCIL"}}),
            "قوات التحالف=COALITION? | وقوى الأمن=ASAYISH?");
}

TEST(ActorMentions, GovernmentForcesFollowTheCountry) {
  const char* sentence = "أكدت القوات الحكومية سيطرتها على البلدة";
  EXPECT_EQ(DescribeActors(sentence), "");
  EXPECT_EQ(DescribeActors(sentence, {.countries = {"IQ"}}), "القوات الحكومية=IRAQ_FORCES?");
  EXPECT_EQ(DescribeActors(sentence, {.countries = {"SY"}}), "القوات الحكومية=SYRIAN_GOV?");
  EXPECT_EQ(DescribeActors(sentence, {.countries = {"YE"}}), "القوات الحكومية=YEMEN_GOV?");
}

TEST(ActorMentions, LebaneseContextPicksTheLebaneseReading) {
  const char* sentence = "أوقفت شعبة المعلومات في قوى الأمن الداخلي مطلوباً";
  EXPECT_EQ(DescribeActors(sentence, {.countries = {"LB"}}),
            "شعبة المعلومات=LEBANON_ISF? | قوى الأمن الداخلي=LEBANON_ISF?");
  // A Lebanese actor in the text does as well as the caller.
  EXPECT_EQ(DescribeActors("نفذ الجيش اللبناني وقوى الأمن الداخلي مداهمات"),
            "الجيش اللبناني=LEBANON_ARMY+ | وقوى الأمن الداخلي=LEBANON_ISF?");
}

// Spans: `core` leaves the clitics out; tokens cover the whole mention.
TEST(ActorMentions, SpansAndTokens) {
  const std::string input = "وجهت الشكر لقسد ولقوات التحالف الدولي";
  text::TokenizedText tokens;
  Resources().reader.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<ActorMention> mentions;
  Resources().recognizer.Find(input, tokens, &state, &mentions);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(testing::Slice(input, mentions[0].core), "قسد");
  EXPECT_EQ(mentions[0].first_token, 2u);
  EXPECT_EQ(mentions[0].end_token, 3u);
  EXPECT_EQ(testing::Slice(input, mentions[1].span), "ولقوات التحالف الدولي");
  EXPECT_EQ(testing::Slice(input, mentions[1].core), "قوات التحالف الدولي");
  EXPECT_EQ(mentions[1].first_token, 3u);
  EXPECT_EQ(mentions[1].end_token, 6u);
  ASSERT_NE(mentions[1].actor, nullptr);
  EXPECT_EQ(mentions[1].actor->inter, 8);
}

// Token indices count the skipped quote marks.
TEST(ActorMentions, TokensAroundQuotes) {
  const std::string input = "خلايا تنظيم “الدولة” في دير الزور";
  text::TokenizedText tokens;
  Resources().reader.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<ActorMention> mentions;
  Resources().recognizer.Find(input, tokens, &state, &mentions);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].first_token, 1u);  // تنظيم
  EXPECT_EQ(mentions[0].end_token, 4u);    // after الدولة, before the closing quote
}

// The split-words hook: the text layer alone does not rejoin "الحش-د"; a
// tokenizer given the recognizer's split words does.
TEST(ActorMentions, SplitWordsReachTheTokenizer) {
  std::vector<std::string> split = Resources().recognizer.SplitWords();
  EXPECT_NE(std::find(split.begin(), split.end(), "الحشد"), split.end());
  EXPECT_NE(std::find(split.begin(), split.end(), "قسد"), split.end());
  text::TokenizedText tokens;
  Resources().base.Tokenize("الحش-د الشعبي", &tokens);
  EXPECT_GT(tokens.tokens.size(), 2u);
  Resources().reader.Tokenize("الحش-د الشعبي", &tokens);
  EXPECT_EQ(tokens.tokens.size(), 2u);
}

// Many threads share one recognizer.
TEST(ActorMentions, SameResultOnManyThreads) {
  const char* sentence = "نفذت قوات التحالف و”قسد” عملية ضد خلايا داعش";
  std::string expected = DescribeActors(sentence);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) threads.emplace_back([&] { result = DescribeActors(sentence); });
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
  EXPECT_EQ(expected, "قوات التحالف=COALITION? | قسد=SDF | داعش=ISIS");
}

}  // namespace
}  // namespace hadath::actors
