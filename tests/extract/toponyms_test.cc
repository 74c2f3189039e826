// Place mentions in sentences, against a small gazetteer made here. The
// sentences are written for the tests in the style of Arabic news reports.
#include "hadath/toponyms.h"

#include <gtest/gtest.h>

#include "place_layer_test_util.h"

namespace hadath::extract {
namespace {

using testing_places::MakePlace;

const testing_places::PlaceLayer& TheLayer() {
  static const auto* layer = [] {
    std::vector<geo::Place> places = {
        MakePlace("البصيرة", "Al-Busayrah", geo::PlaceKind::kTown, "Deir-ez-Zor"),
        MakePlace("الشدادي", "Ash-Shaddadi", geo::PlaceKind::kTown, "Al-Hasakeh"),
        MakePlace("الحسكة", "Al-Hasakah", geo::PlaceKind::kCity, "Al-Hasakeh"),
        MakePlace("دير الزور", "Deir ez-Zor", geo::PlaceKind::kCity, "Deir-ez-Zor"),
        MakePlace("الحمرة", "Al-Hamra", geo::PlaceKind::kVillage, "Hama"),
        MakePlace("الزر", "Az-Zir", geo::PlaceKind::kVillage, "Deir-ez-Zor"),
        MakePlace("الرقة", "Ar-Raqqa", geo::PlaceKind::kCity, "Ar-Raqqa"),
        MakePlace("منزلة", "Manzilah", geo::PlaceKind::kVillage, "Hama"),
        MakePlace("مدرسة", "Madrasah", geo::PlaceKind::kVillage, "Aleppo"),
        MakePlace("زر", "Zarik", geo::PlaceKind::kVillage, "Aleppo"),
        MakePlace("جزرة", "Jazrah", geo::PlaceKind::kVillage, "Ar-Raqqa"),
        MakePlace("مخيم الهول", "Al-Hol camp", geo::PlaceKind::kCamp, "Al-Hasakeh"),
        MakePlace("سجن الصناعة", "al-Sina'a prison", geo::PlaceKind::kPrison, "Al-Hasakeh"),
        MakePlace("التحالف", "At Tahaluf", geo::PlaceKind::kNeighbourhood, "", 0, 0, "YE"),
        MakePlace("ادر", "Adir", geo::PlaceKind::kVillage, "", 0, 0, "JO"),
    };
    return testing_places::MakeLayer(std::move(places)).release();
  }();
  return *layer;
}

std::vector<PlaceMention> Find(const std::string& sentence) { return TheLayer().Mentions(sentence); }

// "name[kind]" for each mention, with "<-i" naming its parent's index.
std::string Describe(const std::vector<PlaceMention>& mentions) {
  std::string out;
  for (const PlaceMention& mention : mentions) {
    if (!out.empty()) out += " | ";
    out += mention.surface;
    if (mention.cue_kind) out += std::string("[") + geo::PlaceKindName(*mention.cue_kind) + "]";
    if (mention.countryside) out += "[countryside]";
    if (mention.side) out += std::string("[") + RelationName(*mention.side) + "]";
    if (mention.relation != Relation::kIn) out += std::string("[") + RelationName(mention.relation) + "]";
    if (mention.candidates.empty()) out += "[gap]";
    if (mention.parent) out += "<-" + std::to_string(*mention.parent);
  }
  return out;
}

TEST(ToponymRecognizer, Table) {
  struct Row {
    const char* sentence;
    const char* expected;
  };
  const Row rows[] = {
      {"نفذوا عملية في قرية العطالة بريف الشدادي جنوب الحسكة وقتلوا قياديا",
       "العطالة[village][gap]<-1 | الشدادي[countryside]<-2 | الحسكة[south]"},
      {"قتل شاب بمدينة البصيرة بريف دير الزور الشرقي", "البصيرة[city]<-1 | دير الزور[countryside][east]"},
      {"داهمت القوات منزلا في منطقة الزر والبصيرة", "الزر | البصيرة"},
      {"اغتيالات في منطقة الزر والبصيرة في ريف دير الزور", "الزر<-2 | البصيرة<-2 | دير الزور[countryside]"},
      {"قتل عنصران بالبصيرة أمس", "البصيرة"},
      {"في بلدة البصيرة، على بعد نحو 35 كيلومتراً شرق محافظة دير الزور",
       "البصيرة[town] | دير الزور[governorate][east][near]"},
      {"استهدفت الغارة شارع “العشرين” بمدينة البصيرة", "العشرين[street][gap]<-1 | البصيرة[city]"},
      {"ألقت القوات القبض على 4 مطلوبين في قرية غريبة بريف بلدة مركدة جنوب الحسكة",
       "غريبة[village][gap]<-1 | مركدة[town][countryside][gap]<-2 | الحسكة[south]"},
      {"وصلت عائلات جديدة إلى مخيم الهول شرق الحسكة", "مخيم الهول[camp]<-1 | الحسكة[east]"},
      {"الهجوم على سجن “الصناعة” بحي غويران", "الصناعة[prison]<-1 | غويران[neighbourhood][gap]"},
      // Guards: a family name, a council and a media centre named after places.
      {"قتل مدني اسمه محمد الخليف الحمرة من أبناء قرية الزر", "الزر[village]"},
      {"وقال مصدر عسكري من مجلس دير الزور العسكري إن الهجوم فشل", ""},
      {"وأضاف مركز دير الزور الإعلامي أن العملية أسفرت عن اعتقال شخص", ""},
      {"قال أبو الحسكة إن القصف توقف", ""},
      // Former bugs: common words that are also place names somewhere.
      {"وجد مقتولا داخل منزله بعد انسحاب القوات", ""},
      {"مدعومة بالتحالف الدولي", ""},
      {"اعتقال عدد من الخلايا قرب المدرسة الصناعية في بلدة البصيرة", "البصيرة[town]"},
      // The gazetteer writes جزرة without the article; the text writes الجزرة.
      {"عملية بالقرب من بلدة الجزرة بريف الرقة الغربي", "الجزرة[town][near]<-1 | الرقة[countryside][west]"},
      {"حملة دهم في قرية الزر بريف دير الزور الشرقي", "الزر[village]<-1 | دير الزور[countryside][east]"},
      {"وبعد التحقيق معه بادر بإطلاق النار", ""},
  };
  for (const Row& row : rows) EXPECT_EQ(Describe(Find(row.sentence)), row.expected) << row.sentence;
}

TEST(ToponymRecognizer, SpansPointAtTheSentence) {
  std::string sentence = "قتل شاب بمدينة البصيرة أمس";
  auto mentions = Find(sentence);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(sentence.substr(mentions[0].name_span.start, mentions[0].name_span.size()), "البصيرة");
  EXPECT_EQ(sentence.substr(mentions[0].span.start, mentions[0].span.size()), "بمدينة البصيرة");
  ASSERT_EQ(mentions[0].candidates.size(), 1u);
  EXPECT_EQ(TheLayer().gazetteer->place(mentions[0].candidates[0]).name_en, "Al-Busayrah");
}

}  // namespace
}  // namespace hadath::extract
