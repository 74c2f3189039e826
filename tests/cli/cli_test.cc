// End-to-end tests of the `hadath` binary: what a user types, what comes out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "cli/cli_test_util.h"

using namespace hadath::cli_test;  // NOLINT: the shared test helpers

namespace {

const std::string kArticle =
    "عنوان الخبر\nقال مصدر محلي إن مسلحين مجهولين أطلقوا النار على سيارة مدنية قرب البلدة، ما أدى إلى "
    "مقتل شخصين.\n";

TEST_F(CliTest, EverySubcommandHasHelp) {
  for (const char* command : {"ingest", "stats", "show", "analyze", "extract", "explain", "export", "eval"}) {
    Outcome run = RunHadath(std::string(command) + " --help");
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_THAT(run.output, HasSubstr("Usage")) << command;
  }
  EXPECT_EQ(RunHadath("--help").exit_code, 0);
  EXPECT_NE(RunHadath("no-such-command").exit_code, 0);
}

TEST_F(CliTest, MalformedInputsAreReportedAndTheRestIsStored) {
  Write("good.txt", kArticle);
  Write("truncated.txt", kArticle + "\xD8");  // cut inside a two-byte character
  Write("empty.txt", "");
  Write("junk.txt", std::string("\x00\x01\x02\xff\xfe\x00binary\x00", 14));
  Write("mixed.jsonl",
        "{\"id\":\"a1\",\"content\":\"قتل ثلاثة مدنيين في قصف على القرية.\"}\n"
        "{\"id\":\"a2\",\"content\":\n"
        "not json at all\n"
        "{\"id\":\"a3\",\"title\":\"no text\"}\n"
        "{\"id\":\"a4\",\"content\":\"اعتقلت الشرطة خمسة أشخاص في المدينة.\"}\n");
  Outcome run = RunHadath("ingest " + In() + " --db " + db_);
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr("empty.txt: error:"));
  EXPECT_THAT(run.output, HasSubstr("junk.txt: error:"));
  EXPECT_THAT(run.output, HasSubstr("mixed.jsonl:2: error:"));
  EXPECT_THAT(run.output, HasSubstr("mixed.jsonl:3: error:"));
  EXPECT_THAT(run.output, HasSubstr("mixed.jsonl:4: error:"));
  EXPECT_THAT(run.output, HasSubstr("added 4"));  // good, truncated (with a warning), a1, a4
  EXPECT_THAT(run.output, HasSubstr("failed 5"));

  Outcome show = RunHadath("show truncated --db " + db_);
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("warning"));
}

TEST_F(CliTest, IngestingTwiceAddsNothing) {
  Write("a.txt", kArticle);
  Write("b.jsonl", "{\"id\":\"x\",\"content\":\"قتل ثلاثة مدنيين في قصف على القرية.\"}\n");
  Outcome first = RunHadath("ingest " + In() + " --db " + db_ + " --json");
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("\"added\":2"));
  Outcome second = RunHadath("ingest " + In() + " --db " + db_ + " --json");
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_THAT(second.output, HasSubstr("\"added\":0"));
  EXPECT_THAT(second.output, HasSubstr("\"duplicates\":2"));
  Outcome stats = RunHadath("stats --json --db " + db_);
  EXPECT_THAT(stats.output, HasSubstr("\"documents\": 2"));
}

TEST_F(CliTest, AFailureNeverLosesWhatIsStored) {
  Write("a.txt", kArticle);
  ASSERT_EQ(RunHadath("ingest " + In("a.txt") + " --db " + db_).exit_code, 0);
  Write("bad.txt", "");
  Outcome bad = RunHadath("ingest " + In("bad.txt") + " " + In("missing.txt") + " --db " + db_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.output, HasSubstr("missing.txt"));
  Outcome stats = RunHadath("stats --json --db " + db_);
  EXPECT_THAT(stats.output, HasSubstr("\"documents\": 1"));
}

TEST_F(CliTest, AFiftyMegabyteSingleLineIsHandled) {
  std::string sentence = "قصفت الطائرات مواقع في ريف المدينة ";
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += sentence;
  Write("huge.txt", line);
  Write("small.txt", kArticle);
  Outcome run = RunHadath("ingest " + In() + " --db " + db_ + " --json");
  EXPECT_EQ(run.exit_code, 0) << run.output.substr(0, 2000);
  EXPECT_THAT(run.output, HasSubstr("\"added\":2"));
}

TEST_F(CliTest, StdinIsRead) {
  Write("a.jsonl", "{\"id\":\"s1\",\"content\":\"قتل ثلاثة مدنيين في قصف على القرية.\"}\n");
  Outcome run = RunHadath("ingest - --db " + db_ + " --json < " + In("a.jsonl"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("\"added\":1"));
  EXPECT_EQ(RunHadath("show s1 --db " + db_).exit_code, 0);
}

TEST_F(CliTest, ReadingCommandsRefuseAMissingDatabase) {
  Outcome run = RunHadath("stats --db " + (dir_ / "nope.db").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.output, HasSubstr("no such database"));
  EXPECT_FALSE(fs::exists(dir_ / "nope.db"));
}

TEST_F(CliTest, ShowPrintsSentencesWithSpansAndTokens) {
  Write("a.txt", kArticle);
  ASSERT_EQ(RunHadath("ingest " + In() + " --db " + db_).exit_code, 0);
  Outcome show = RunHadath("show a --tokens --db " + db_);
  EXPECT_EQ(show.exit_code, 0) << show.output;
  // The title takes 21 bytes and a newline: the first body sentence starts at byte 22.
  EXPECT_THAT(show.output, HasSubstr("s1   [22-"));
  EXPECT_THAT(show.output, HasSubstr("مجهولين"));
  Outcome missing = RunHadath("show nothing-like-this --db " + db_);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.output, HasSubstr("no document with id, key or url"));
  EXPECT_THAT(missing.output, Not(HasSubstr("key        ")));
}

}  // namespace

// The events commands need the compiled gazetteer that set-up builds.
class EventsCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    gazetteer_ = GazetteerPath();
    if (gazetteer_.empty()) GTEST_SKIP() << "the gazetteer is not built";
    Write("raid.txt",
          "قُتل عنصران من قوات سوريا الديمقراطية، اليوم الأحد، بهجوم شنه مسلحون مجهولون على حاجز لهم في "
          "بلدة ذيبان بريف دير الزور الشرقي.\n");
    Write("metadata.tsv", "file\tpublished\toutlet\turl\nraid.txt\t2023-03-12\tNorth Press\t\n");
  }
  std::string Extract(const std::string& extra = "") {
    Outcome run =
        RunHadath("extract " + In() + " --db " + db_ + " --gazetteer " + gazetteer_.string() + extra);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return run.output;
  }
  fs::path gazetteer_;
};

TEST_F(EventsCliTest, ExtractingTwiceKeepsTheSameEvents) {
  std::string first = Extract(" --jsonl -");
  std::string second = Extract(" --jsonl -");
  EXPECT_THAT(first, HasSubstr("\"actor2_id\":\"SDF\""));
  auto ids = [](const std::string& output) {
    std::vector<std::string> found;
    for (size_t at = output.find("\"event_id\":\""); at != std::string::npos;
         at = output.find("\"event_id\":\"", at + 1))
      found.push_back(output.substr(at + 12, 19));
    return found;
  };
  ASSERT_FALSE(ids(first).empty());
  EXPECT_EQ(ids(first), ids(second));
  Outcome stats = RunHadath("stats --json --db " + db_);
  EXPECT_THAT(stats.output, HasSubstr("\"events\": 1,"));
}

TEST_F(EventsCliTest, ExportWritesTheAcledHeaderAndExplainMarksTheEvidence) {
  Extract();
  std::string csv = (dir_ / "events.csv").string();
  Outcome exported = RunHadath("export --format acled --db " + db_ + " --out " + csv);
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,", 0), 0u)
      << header;
  Outcome jsonl = RunHadath("export --format jsonl --db " + db_);
  size_t at = jsonl.output.find("\"event_id\":\"");
  ASSERT_NE(at, std::string::npos) << jsonl.output;
  Outcome explain = RunHadath("explain " + jsonl.output.substr(at + 12, 10) + " --db " + db_);
  EXPECT_EQ(explain.exit_code, 0) << explain.output;
  EXPECT_THAT(explain.output, HasSubstr("⟦"));
  EXPECT_THAT(explain.output, HasSubstr("Armed clash"));
}
