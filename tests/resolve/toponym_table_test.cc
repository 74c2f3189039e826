// The toponym table: sentences naming places across all 14 governorates of
// Syria and the neighbouring countries, resolved against the real gazetteer
// built from ../shared/data/gazetteer. Each row gives the expected
// governorate P-code (or country abroad) and ACLED geo_precision. The test
// prints the accuracy (quoted in the README) and fails below kMinAccuracy.
#include <gtest/gtest.h>

#include "place_layer_test_util.h"

#include <cstdio>

#include "hadath/geocoder.h"

namespace hadath::resolve {
namespace {

constexpr double kMinAccuracy = 0.9;

struct Row {
  const char* sentence;
  const char* admin1;  // OCHA P-code in Syria; ISO country code abroad
  int precision;
};

// Rows are written for this table in the style of Arabic news reports.
const Row kRows[] = {
    // Damascus (SY01) and Rural Damascus (SY03)
    {"سقطت قذيفة هاون على حي المزة في دمشق", "SY01", 1},
    {"اشتباكات عنيفة في حي جوبر شرقي دمشق", "SY01", 1},
    {"غارة جوية على مدينة دوما في الغوطة الشرقية", "SY03", 1},
    {"قصف مدفعي استهدف أطراف مدينة حرستا", "SY03", 1},
    {"اعتقلت قوات النظام شابين في بلدة الزبداني", "SY03", 1},
    {"عثر على جثة رجل في مدينة داريا", "SY03", 1},
    {"انفجار عبوة ناسفة في مدينة يبرود بالقلمون", "SY03", 1},
    {"مداهمات في بلدة قطنا بريف دمشق الغربي", "SY03", 1},
    {"قتل عنصر من قوات النظام قرب جيرود", "SY03", 2},
    // Aleppo (SY02)
    {"قصف صاروخي على مدينة منبج شرق حلب", "SY02", 1},
    {"انفجار سيارة مفخخة في مدينة الباب", "SY02", 1},
    {"اشتباكات بين فصائل في مدينة جرابلس", "SY02", 1},
    {"قتل مدنيان بقصف تركي على مدينة عفرين", "SY02", 1},
    {"انفجار دراجة نارية مفخخة في مدينة إعزاز", "SY02", 1},
    {"قصف مدفعي على بلدة تل رفعت شمال حلب", "SY02", 1},
    {"سقط صاروخ على حي المغاير في حلب القديمة", "SY02", 2},
    {"طائرة مسيرة تركية تستهدف سيارة في مدينة عين العرب", "SY02", 1},
    {"قصف متبادل على جبهة مارع بريف حلب الشمالي", "SY02", 1},
    {"انفجار في معامل الدفاع قرب السفيرة", "SY02", 2},
    {"مقتل مدني بانفجار لغم في بلدة دير حافر", "SY02", 1},
    {"غارات روسية على مدينة الأتارب غرب حلب", "SY02", 1},
    {"اشتباكات قرب مسكنة بريف حلب الشرقي", "SY02", 2},
    // Idlib (SY07)
    {"غارة جوية على مدينة سراقب", "SY07", 1},
    {"قصف على مدينة معرة النعمان جنوب إدلب", "SY07", 1},
    {"قتل ثلاثة مدنيين بقصف على مدينة أريحا", "SY07", 1},
    {"استهدفت مسيرة سيارة قرب جسر الشغور", "SY07", 2},
    {"انفجار عبوة ناسفة في بلدة سرمدا", "SY07", 1},
    {"قصف مدفعي على بلدة بنش شرق إدلب", "SY07", 1},
    {"قصف على بلدة كفرنبل بريف إدلب الجنوبي", "SY07", 1},
    {"غارات على مدينة خان شيخون", "SY07", 1},
    {"اغتيال قيادي في بلدة الدانا", "SY07", 1},
    {"مداهمة منزل في مدينة حارم", "SY07", 1},
    {"قصف قرب مدينة سلقين", "SY07", 2},
    {"حريق في مخيمات أطمة الحدودية", "SY07", 2},
    // Hama (SY05)
    {"انفجار لغم في مدينة السلمية", "SY05", 1},
    {"اعتقالات في مدينة مصياف", "SY05", 1},
    {"قصف صاروخي على مدينة محردة", "SY05", 1},
    {"قذائف على مدينة السقيلبية بريف حماة", "SY05", 1},
    {"قصف على بلدة اللطامنة شمال حماة", "SY05", 1},
    {"اشتباكات في بلدة صوران", "SY05", 1},
    {"قصف مدفعي على بلدة مورك", "SY05", 1},
    // Homs (SY04)
    {"هجوم لتنظيم الدولة قرب مدينة تدمر", "SY04", 2},
    {"انفجار في مدينة القصير بريف حمص", "SY04", 1},
    {"اعتقال شبان في مدينة الرستن", "SY04", 1},
    {"اشتباكات في بلدة تلبيسة شمال حمص", "SY04", 1},
    {"قتل رعاة بانفجار لغم قرب القريتين", "SY04", 2},
    {"قصف على منطقة الحولة بريف حمص", "SY04", 1},
    {"مداهمات في مدينة تلكلخ", "SY04", 1},
    {"هجوم على نقطة عسكرية قرب السخنة في بادية حمص", "SY04", 2},
    {"انفجار مستودع ذخيرة قرب مهين", "SY04", 2},
    // Latakia (SY06) and Tartus (SY10)
    {"سقوط قذائف على مدينة جبلة", "SY06", 1},
    {"اشتباكات في مدينة القرداحة", "SY06", 1},
    {"قصف على بلدة الحفة", "SY06", 1},
    {"معارك قرب كسب على الحدود التركية", "SY06", 2},
    {"انفجار في مدينة بانياس", "SY10", 1},
    {"اعتقال شاب في مدينة صافيتا", "SY10", 1},
    {"حريق في بلدة الدريكيش", "SY10", 1},
    // Daraa (SY12), As-Suwayda (SY13), Quneitra (SY14)
    {"اغتيال عنصر سابق في مدينة بصرى الشام", "SY12", 1},
    {"هجوم على حاجز في مدينة نوى غرب درعا", "SY12", 1},
    {"اشتباكات في مدينة جاسم", "SY12", 1},
    {"اغتيال في مدينة الصنمين شمال درعا", "SY12", 1},
    {"انفجار عبوة في مدينة إنخل", "SY12", 1},
    {"اشتباك مسلح في بلدة طفس", "SY12", 1},
    {"مقتل شاب برصاص مجهولين في بلدة داعل", "SY12", 1},
    {"مداهمة في بلدة الحراك شرق درعا", "SY12", 1},
    {"اغتيال قيادي في بلدة المزيريب", "SY12", 1},
    {"احتجاجات في مدينة شهبا بريف السويداء", "SY13", 1},
    {"اشتباكات في مدينة صلخد", "SY13", 1},
    {"خطف شاب في بلدة القريا", "SY13", 1},
    {"قصف قرب خان أرنبة في القنيطرة", "SY14", 2},
    // Deir ez-Zor (SY09)
    {"غارات على مدينة الميادين شرق دير الزور", "SY09", 1},
    {"انفجار في مدينة البوكمال على الحدود العراقية", "SY09", 1},
    {"إنزال جوي في بلدة هجين", "SY09", 1},
    {"مداهمة في بلدة ذيبان بريف دير الزور الشرقي", "SY09", 1},
    {"هجوم على حاجز في بلدة الصور", "SY09", 1},
    {"اشتباكات في بلدة الكسرة غرب دير الزور", "SY09", 1},
    {"قتل عنصر في بلدة خشام", "SY09", 1},
    {"قصف على بلدة موحسن", "SY09", 1},
    {"اعتقال شبان في بلدة العشارة", "SY09", 1},
    {"اغتيال في بلدة صبيخان", "SY09", 1},
    {"قتل عنصران من قسد في بلدة البصيرة", "SY09", 1},
    // Ar-Raqqa (SY11)
    {"انفجار لغم في مدينة الطبقة", "SY11", 1},
    {"قصف تركي على مدينة تل أبيض", "SY11", 1},
    {"اعتقالات في بلدة المنصورة غرب الرقة", "SY11", 1},
    {"مداهمة في بلدة الكرامة شرق الرقة", "SY11", 1},
    {"قصف على بلدة عين عيسى شمال الرقة", "SY11", 1},
    {"هجوم على حاجز في بلدة سلوك", "SY11", 1},
    // Al-Hasakeh (SY08)
    {"انفجار سيارة مفخخة في مدينة القامشلي", "SY08", 1},
    {"قصف على مدينة رأس العين", "SY08", 1},
    {"اشتباكات في مدينة المالكية", "SY08", 1},
    {"مظاهرة في مدينة عامودا", "SY08", 1},
    {"قصف تركي على مدينة الدرباسية", "SY08", 1},
    {"قصف على بلدة تل تمر شمال الحسكة", "SY08", 1},
    {"حملة أمنية في مخيم الهول شرق الحسكة", "SY08", 2},
    {"عملية أمنية في بلدة مركدة جنوب الحسكة", "SY08", 1},
    // Regions (precision 3)
    {"اشتباكات في ريف دير الزور الشرقي", "SY09", 3},
    {"قصف على ريف إدلب الجنوبي", "SY07", 3},
    {"انفجار عبوة جنوب الحسكة", "SY08", 3},
    {"حملة اعتقالات في ريف درعا الغربي", "SY12", 3},
    // Named regions (data/geo/regions.tsv), coded to a representative place
    {"قصف مدفعي على مناطق شرق الفرات", "SY09", 3},
    {"اشتباكات بين قسد وقوات النظام في غرب الفرات", "SY09", 3},
    {"حملة اعتقالات في منطقة الجزيرة", "SY08", 3},
    {"توتر أمني في الجزيرة السورية", "SY08", 3},
    {"هجوم لخلايا التنظيم في البادية السورية", "SY04", 3},
    {"مقتل رعاة بانفجار لغم في البادية", "SY04", 3},
    {"قصف تركي على مناطق في شمال شرق سوريا", "SY08", 3},
    {"تصعيد عسكري في شمال شرقي سوريا", "SY08", 3},
    {"غارات روسية على شمال غرب سوريا", "SY07", 3},
    {"قصف على بلدات الغوطة الشرقية", "SY03", 3},
    {"اشتباكات في القلمون الشرقي", "SY03", 3},
    {"عملية أمنية في منطقة القلمون", "SY03", 3},
    {"قصف على قرى سهل الغاب", "SY05", 3},
    {"غارات على جبل الزاوية جنوب إدلب", "SY07", 3},
    {"اشتباكات في حوض اليرموك غرب درعا", "SY12", 3},
    {"استهداف مواقع في جبل الأكراد", "SY06", 3},
    // ... but a village of the same name when the text says so
    {"داهمت دورية قرية القلمون في ريف اللاذقية", "SY06", 1},
    // Neighbouring countries
    {"انفجار في العاصمة العراقية بغداد", "IQ", 1},
    {"هجوم في مدينة الموصل", "IQ", 1},
    {"غارة على مدينة القائم العراقية", "IQ", 1},
    {"اشتباكات في مدينة الهرمل اللبنانية", "LB", 1},
    {"اعتقالات في مدينة الرمثا الأردنية", "JO", 1},
};

std::string Admin1OrCountry(const Location& location) {
  if (location.country == "SY" || location.country.empty()) return location.admin1.pcode;
  return location.country;
}

TEST(ToponymTable, ResolvesTheTableToTheRightGovernorateAndPrecision) {
  const testing_places::PlaceLayer* layer = testing_places::RealLayer();
  if (!layer) GTEST_SKIP() << "no ../shared/data/gazetteer";
  Geocoder geocoder(*layer->gazetteer);

  int right_place = 0, right_precision = 0, total = 0;
  for (const Row& row : kRows) {
    ++total;
    auto mentions = layer->Mentions(row.sentence);
    Location location;
    if (!mentions.empty())
      location = geocoder.Resolve(
          mentions, 0, geocoder.Context(std::vector<std::vector<extract::PlaceMention>>{mentions}));
    bool place_ok = Admin1OrCountry(location) == row.admin1;
    bool precision_ok = location.geo_precision == row.precision;
    right_place += place_ok;
    right_precision += place_ok && precision_ok;
    if (!place_ok || !precision_ok)
      std::printf("  miss: %s -> %s %s precision %d (expected %s, %d)\n", row.sentence,
                  location.location_en.c_str(), Admin1OrCountry(location).c_str(), location.geo_precision,
                  row.admin1, row.precision);
  }
  double place_accuracy = static_cast<double>(right_place) / total;
  std::printf(
      "toponym table: %d rows; governorate/country right %d (%.1f%%); and precision right %d (%.1f%%)\n",
      total, right_place, 100 * place_accuracy, right_precision, 100.0 * right_precision / total);
  EXPECT_GE(total, 80);
  EXPECT_GE(place_accuracy, kMinAccuracy);
}

}  // namespace
}  // namespace hadath::resolve
