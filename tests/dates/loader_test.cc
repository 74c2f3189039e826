// DateReader::Load on data folders written by the test: good files load,
// each kind of bad row is reported as "file:line: reason".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "hadath/dates.h"
#include "text/test_data.h"

namespace hadath::dates {
namespace {

namespace fs = std::filesystem;

constexpr const char* kWeekdays = "form\tweekday\tattach\tcomment\nالجمعة\tfriday\tany\t\n";
constexpr const char* kMonths =
    "form\tmonth\tnaming\tneeds_cue\tattach\tcomment\nأيار\t5\tlevantine\tno\tany\t\n";
constexpr const char* kTimeWords = "form\trole\tvalue\tattach\tcomment\nأمس\trelative-day\t-1\tnone\t\n";

// A data folder with time/ holding the three given files and text/ linked
// to the project's (the tokenizer and number words).
class DataFolder {
 public:
  DataFolder(const std::string& name, const char* weekdays, const char* months, const char* time_words)
      : root_(fs::path(::testing::TempDir()) / ("hadath-dates-" + name)) {
    fs::remove_all(root_);
    fs::create_directories(root_ / "time");
    fs::create_directory_symlink(fs::absolute(testing::DataDirectory() + "/text"), root_ / "text");
    Write("weekdays.tsv", weekdays);
    Write("months.tsv", months);
    Write("time-words.tsv", time_words);
  }
  ~DataFolder() { fs::remove_all(root_); }

  std::string path() const { return root_.string(); }
  std::string file(const char* name) const { return (root_ / "time" / name).string(); }

 private:
  void Write(const char* name, const char* content) {
    if (content) std::ofstream(root_ / "time" / name) << content;
  }
  fs::path root_;
};

const text::Tokenizer& Tokenizer() {
  static const text::Tokenizer tokenizer = [] {
    auto loaded = text::Tokenizer::Load(testing::DataDirectory());
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return tokenizer;
}

std::string LoadError(const DataFolder& folder) {
  auto reader = DateReader::Load(Tokenizer(), folder.path());
  return reader ? "" : reader.error();
}

TEST(DateLoaderTest, ProjectDataLoads) {
  auto reader = DateReader::Load(Tokenizer(), testing::DataDirectory());
  EXPECT_TRUE(reader) << reader.error();
}

TEST(DateLoaderTest, MinimalFilesLoadAndRead) {
  DataFolder folder("minimal", kWeekdays, kMonths, kTimeWords);
  auto reader = DateReader::Load(Tokenizer(), folder.path());
  ASSERT_TRUE(reader) << reader.error();
  std::string input = "قتل أمس";
  text::TokenizedText tokens;
  Tokenizer().Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<DateMention> mentions;
  reader->Read(input, tokens, PublishedDate::FromIso("2024-08-23"), &state, &mentions);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].best, (CivilDate{2024, 8, 22}));
}

TEST(DateLoaderTest, BadMonthNumber) {
  DataFolder folder(
      "month", kWeekdays,
      "# months\nform\tmonth\tnaming\tneeds_cue\tattach\tcomment\nأيار\t13\tlevantine\tno\tany\t\n",
      kTimeWords);
  EXPECT_EQ(LoadError(folder), folder.file("months.tsv") + ":3: month must be 1..12, not '13'");
}

TEST(DateLoaderTest, BadNeedsCue) {
  DataFolder folder("cue", kWeekdays,
                    "form\tmonth\tnaming\tneeds_cue\tattach\tcomment\nآب\t8\tlevantine\tmaybe\tany\t\n",
                    kTimeWords);
  EXPECT_EQ(LoadError(folder), folder.file("months.tsv") + ":2: needs_cue must be yes or no");
}

TEST(DateLoaderTest, BadNaming) {
  DataFolder folder("naming", kWeekdays,
                    "form\tmonth\tnaming\tneeds_cue\tattach\tcomment\nأيار\t5\tsyrian\tno\tany\t\n",
                    kTimeWords);
  EXPECT_EQ(LoadError(folder),
            folder.file("months.tsv") + ":2: naming must be levantine, western, maghrebi or moroccan");
}

TEST(DateLoaderTest, BadWeekday) {
  DataFolder folder("weekday",
                    "form\tweekday\tattach\tcomment\nالجمعة\tfriday\tany\t\nالسبت\tsabbath\tany\t\n", kMonths,
                    kTimeWords);
  EXPECT_EQ(LoadError(folder),
            folder.file("weekdays.tsv") + ":3: weekday must be sunday ... saturday, not 'sabbath'");
}

TEST(DateLoaderTest, UnknownRole) {
  DataFolder folder("role", kWeekdays, kMonths,
                    "form\trole\tvalue\tattach\tcomment\nأمس\tyesterday\t-1\tnone\t\n");
  EXPECT_EQ(LoadError(folder), folder.file("time-words.tsv") + ":2: unknown role 'yesterday'");
}

TEST(DateLoaderTest, ValueDoesNotFitRole) {
  DataFolder folder(
      "value", kWeekdays, kMonths,
      "form\trole\tvalue\tattach\tcomment\nأمس\trelative-day\tone\tnone\t\nفجر\tpart-of-day\tdusk\tany\t\n");
  EXPECT_EQ(LoadError(folder), folder.file("time-words.tsv") +
                                   ":2: value of a relative-day must be a whole number of days, not 'one'");
}

TEST(DateLoaderTest, GlueWordsTakeNoValue) {
  DataFolder folder("glue", kWeekdays, kMonths, "form\trole\tvalue\tattach\tcomment\nمن\tof\tx\tnone\t\n");
  EXPECT_EQ(LoadError(folder), folder.file("time-words.tsv") + ":2: value of a of must be empty, not 'x'");
}

TEST(DateLoaderTest, MissingColumn) {
  DataFolder folder("column", kWeekdays, "form\tmonth\tnaming\tattach\tcomment\nأيار\t5\tlevantine\tany\t\n",
                    kTimeWords);
  std::string error = LoadError(folder);
  EXPECT_NE(error.find("months.tsv"), std::string::npos) << error;
  EXPECT_NE(error.find("needs_cue"), std::string::npos) << error;
}

TEST(DateLoaderTest, WrongFieldCount) {
  DataFolder folder("fields", "form\tweekday\tattach\tcomment\nالجمعة\tfriday\n", kMonths, kTimeWords);
  std::string error = LoadError(folder);
  EXPECT_EQ(error.rfind(folder.file("weekdays.tsv") + ":2: ", 0), 0u) << error;
}

TEST(DateLoaderTest, MissingFile) {
  DataFolder folder("missing", kWeekdays, nullptr, kTimeWords);
  std::string error = LoadError(folder);
  EXPECT_NE(error.find(folder.file("months.tsv")), std::string::npos) << error;
}

}  // namespace
}  // namespace hadath::dates
