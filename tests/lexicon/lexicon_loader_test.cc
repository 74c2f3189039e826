#include <gtest/gtest.h>

#include "hadath/lexicon.h"
#include "text/test_data.h"

namespace hadath::lexicon {
namespace {

const text::Tokenizer& TheTokenizer() {
  static const text::Tokenizer tokenizer = [] {
    auto loaded = text::Tokenizer::Load(testing::DataDirectory());
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return tokenizer;
}

struct ErrorCase {
  const char* what;
  std::string tsv;
  std::string error;  // the exact message
};

const ErrorCase kErrorCases[] = {
    {"missing form column", "word\tactor\nقسد\tSDF\n", "mem.tsv:1: header lacks required column 'form'"},
    {"missing lexicon column", "form\nقسد\n", "mem.tsv:1: header lacks required column 'actor'"},
    {"wrong field count", "form\tactor\nقسد\n", "mem.tsv:2: expected 2 tab-separated fields, found 1"},
    {"empty form", "# comment\nform\tactor\n\tSDF\n", "mem.tsv:3: empty form"},
    {"latin only", "form\tactor\nقسد\tSDF\nSDF\tSDF\n", "mem.tsv:3: form 'SDF' has no Arabic word"},
    {"punctuation only", "form\tactor\n«»\tSDF\n", "mem.tsv:2: form '«»' has no Arabic word"},
    {"padded form", "form\tactor\nقسد \tSDF\n", "mem.tsv:2: form 'قسد ' has leading or trailing spaces"},
    {"conflicting duplicate after normalisation",
     "form\tactor\nالدولة الإسلامية\tISIS\n\nالدولة الاسلامية\tIS\n",
     "mem.tsv:4: form 'الدولة الاسلامية' is the same as line 2 ('الدولة الإسلامية') after normalisation, "
     "with "
     "different values"},
    {"bad attach", "form\tactor\tattach\nقسد\tSDF\tsometimes\n",
     "mem.tsv:2: attach must be any, no-article, none or proclitics, not 'sometimes'"},
    {"form ending in punctuation", "form\tactor\nقسد (\tSDF\n",
     "mem.tsv:2: form 'قسد (' must begin and end with a word"},
};

TEST(LexiconLoaderTest, ReportsFileLineAndWhatIsWrong) {
  for (const ErrorCase& row : kErrorCases) {
    auto lexicon = Lexicon::Parse(row.tsv, "mem.tsv", TheTokenizer(), {.required_columns = {"actor"}});
    ASSERT_FALSE(lexicon.ok()) << row.what;
    EXPECT_EQ(lexicon.error(), row.error) << row.what;
  }
}

TEST(LexiconLoaderTest, SameValuesTwiceIsAWarning) {
  auto lexicon = Lexicon::Parse("form\tactor\tcomment\nداعش\tISIS\tone\nدَاعِش\tISIS\tother comment\n",
                                "mem.tsv", TheTokenizer(), {.required_columns = {"actor"}});
  ASSERT_TRUE(lexicon.ok()) << lexicon.error();
  EXPECT_EQ(lexicon->size(), 2u);
  EXPECT_EQ(lexicon->matcher().size(), 1u);
  ASSERT_EQ(lexicon->warnings().size(), 1u);
  EXPECT_EQ(lexicon->warnings()[0],
            "mem.tsv:3: form 'دَاعِش' is the same as line 2 ('داعش') after normalisation; kept once");
}

TEST(LexiconLoaderTest, LatinFormsWhenAllowed) {
  auto lexicon = Lexicon::Parse("form\tactor\nSDF\tSDF\n", "mem.tsv", TheTokenizer(),
                                {.required_columns = {"actor"}, .arabic_forms = false});
  ASSERT_TRUE(lexicon.ok()) << lexicon.error();
  EXPECT_EQ(lexicon->entry(0).Get("actor"), "SDF");
  EXPECT_EQ(lexicon->entry(0).line(), 2);
}

TEST(LexiconLoaderTest, MissingFileNamesThePath) {
  auto lexicon = Lexicon::Load("/nonexistent/actors.tsv", TheTokenizer());
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().rfind("/nonexistent/actors.tsv: cannot open", 0), 0u) << lexicon.error();
}

TEST(LexiconLoaderTest, ShippedTextLexiconsLoadWithoutWarnings) {
  for (const char* name : {"numbers.tsv", "number-qualifiers.tsv", "number-links.tsv"}) {
    auto lexicon = Lexicon::Load(testing::DataDirectory() + "/text/" + name, TheTokenizer());
    ASSERT_TRUE(lexicon.ok()) << lexicon.error();
    EXPECT_EQ(lexicon->warnings(), std::vector<std::string>{}) << name;
    EXPECT_EQ(lexicon->matcher().size(), lexicon->size()) << name;
  }
}

}  // namespace
}  // namespace hadath::lexicon

#include <random>

namespace hadath::lexicon {
namespace {

// Whatever the bytes, the loader answers with a lexicon or a "file:line"
// message; it never crashes.
TEST(LexiconLoaderTest, RandomFilesAreReportedNotCrashedOn) {
  const char* pieces[] = {"form", "actor", "\t",  "\n",     "#",    "قسد", " ",    "داعش", "«",
                          "\xFF", "",      "SDF", "attach", "none", "ال",  "\r\n", "3"};
  std::mt19937 random(5);
  int loaded = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string tsv = round % 2 ? "form\tactor\n" : "";
    for (int i = static_cast<int>(random() % 24); i > 0; --i) tsv += pieces[random() % std::size(pieces)];
    auto lexicon = Lexicon::Parse(tsv, "mem.tsv", TheTokenizer(), {.required_columns = {"actor"}});
    if (lexicon.ok()) {
      ++loaded;
      EXPECT_EQ(lexicon->matcher().size() + lexicon->warnings().size(), lexicon->size()) << tsv;
    } else {
      EXPECT_EQ(lexicon.error().rfind("mem.tsv:", 0), 0u) << lexicon.error();
    }
  }
  EXPECT_GT(loaded, 0);
}

}  // namespace
}  // namespace hadath::lexicon
