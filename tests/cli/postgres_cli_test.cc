// The CLI on a PostgreSQL store (HADATH_TEST_PG, a throw-away cluster that
// ./bootstrap.sh test starts): the same events as on SQLite, and two
// extract processes writing at once never duplicate a document or an event.

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"
#include "postgres_test_util.h"

namespace hadath::cli_test {
namespace {

using Json = nlohmann::json;

class PostgresCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (test::PostgresUrl().empty()) GTEST_SKIP() << test::kNoPostgres;
    gazetteer_ = GazetteerPath();
    if (gazetteer_.empty()) GTEST_SKIP() << "the gazetteer is not built";
    schema_ = std::make_unique<test::PostgresSchema>("cli");
    ASSERT_EQ(schema_->error(), "");
    url_ = schema_->url();
  }
  void TearDown() override {
    schema_.reset();
    CliTest::TearDown();
  }
  std::string Seeds() const { return std::string(HADATH_SHARED_DIR) + "/seeds"; }
  std::string ExtractCommand(const std::string& db) const {
    return "extract " + Seeds() + " --db '" + db + "' --gazetteer " + gazetteer_;
  }
  std::string Export(const std::string& db) {
    Outcome exported = RunHadath("export --format jsonl --include-background --db '" + db + "'");
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    return exported.output;
  }

  std::string gazetteer_, url_;
  std::unique_ptr<test::PostgresSchema> schema_;
};

TEST_F(PostgresCliTest, GivesTheEventsSqliteGives) {
  Outcome on_postgres = RunHadath(ExtractCommand(url_));
  ASSERT_EQ(on_postgres.exit_code, 0) << on_postgres.output;
  Outcome on_sqlite = RunHadath(ExtractCommand(db_));
  ASSERT_EQ(on_sqlite.exit_code, 0) << on_sqlite.output;
  auto postgres = GroupingOf(Export(url_)), sqlite = GroupingOf(Export(db_));
  ASSERT_FALSE(postgres.empty());
  EXPECT_EQ(postgres, sqlite);
  Outcome again = RunHadath(ExtractCommand(url_));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(GroupingOf(Export(url_)), postgres);
}

TEST_F(PostgresCliTest, TwoExtractsAtOnceDuplicateNothing) {
  // Both processes create the schema, ingest the same articles, extract and
  // link them, at the same time.
  std::string command = std::string(HADATH_BINARY) + " " + ExtractCommand(url_) + " >" +
                        (dir_ / "one.log").string() + " 2>&1 & " + std::string(HADATH_BINARY) + " " +
                        ExtractCommand(url_) + " >" + (dir_ / "two.log").string() +
                        " 2>&1; a=$?; wait $!; b=$?; exit $((a + b))";
  int status = std::system(("bash -c \"" + command + "\"").c_str());
  std::ifstream one(dir_ / "one.log"), two(dir_ / "two.log");
  std::string logs((std::istreambuf_iterator<char>(one)), std::istreambuf_iterator<char>());
  logs.append(std::istreambuf_iterator<char>(two), std::istreambuf_iterator<char>());
  ASSERT_EQ(status, 0) << logs;

  Outcome stats = RunHadath("stats --json --db '" + url_ + "'");
  Json counts = Json::parse(stats.output, nullptr, false);
  ASSERT_TRUE(counts.is_object()) << stats.output;
  EXPECT_EQ(counts["documents"], 5);
  auto grouping = GroupingOf(Export(url_));
  std::multiset<std::string> reports;
  for (const auto& [id, members] : grouping) reports.insert(members.begin(), members.end());
  EXPECT_EQ(std::set<std::string>(reports.begin(), reports.end()).size(), reports.size());
  Outcome on_sqlite = RunHadath(ExtractCommand(db_));
  ASSERT_EQ(on_sqlite.exit_code, 0) << on_sqlite.output;
  EXPECT_EQ(grouping, GroupingOf(Export(db_)));
}

}  // namespace
}  // namespace hadath::cli_test
