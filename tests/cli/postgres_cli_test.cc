// The CLI on a PostgreSQL store (HADATH_TEST_PG, a throw-away cluster that
// ./bootstrap.sh test starts): the same events as on SQLite, and two
// extract processes writing at once never duplicate a document or an event.
#include <libpq-fe.h>

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace hadath::cli_test {
namespace {

using Json = nlohmann::json;

// Runs one SQL statement on `url`; "" when it worked, else the error.
std::string Execute(const std::string& url, const std::string& sql) {
  PGconn* connection = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = PQerrorMessage(connection);
  } else {
    PGresult* result = PQexec(connection, sql.c_str());
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQerrorMessage(connection);
    PQclear(result);
  }
  PQfinish(connection);
  return error;
}

// Event id -> the sorted ids of its reports, from `export --format jsonl`.
std::map<std::string, std::set<std::string>> Grouping(const std::string& jsonl) {
  std::map<std::string, std::set<std::string>> grouping;
  std::stringstream lines(jsonl);
  std::string line;
  while (std::getline(lines, line)) {
    Json record = Json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    for (const Json& id : record.value("reports", Json::array()))
      grouping[record["event_id"].get<std::string>()].insert(id.get<std::string>());
  }
  return grouping;
}

class PostgresCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    const char* url = std::getenv("HADATH_TEST_PG");
    if (!url || !*url) GTEST_SKIP() << "HADATH_TEST_PG is not set (./bootstrap.sh test starts a cluster)";
    gazetteer_ = GazetteerPath();
    if (gazetteer_.empty()) GTEST_SKIP() << "the gazetteer is not built";
    base_ = url;
    schema_ = "cli_" + std::to_string(getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : schema_) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    ASSERT_EQ(Execute(base_, "CREATE SCHEMA " + schema_), "");
    // The store's tables in this test's schema; PostGIS lives in public.
    url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ +
           ",public";
  }
  void TearDown() override {
    if (!schema_.empty()) Execute(base_, "DROP SCHEMA " + schema_ + " CASCADE");
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

  std::string gazetteer_, base_, schema_, url_;
};

TEST_F(PostgresCliTest, GivesTheEventsSqliteGives) {
  Outcome on_postgres = RunHadath(ExtractCommand(url_));
  ASSERT_EQ(on_postgres.exit_code, 0) << on_postgres.output;
  Outcome on_sqlite = RunHadath(ExtractCommand(db_));
  ASSERT_EQ(on_sqlite.exit_code, 0) << on_sqlite.output;
  auto postgres = Grouping(Export(url_)), sqlite = Grouping(Export(db_));
  ASSERT_FALSE(postgres.empty());
  EXPECT_EQ(postgres, sqlite);
  Outcome again = RunHadath(ExtractCommand(url_));
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(Grouping(Export(url_)), postgres);
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
  auto grouping = Grouping(Export(url_));
  std::multiset<std::string> reports;
  for (const auto& [id, members] : grouping) reports.insert(members.begin(), members.end());
  EXPECT_EQ(std::set<std::string>(reports.begin(), reports.end()).size(), reports.size());
  Outcome on_sqlite = RunHadath(ExtractCommand(db_));
  ASSERT_EQ(on_sqlite.exit_code, 0) << on_sqlite.output;
  EXPECT_EQ(grouping, Grouping(Export(db_)));
}

}  // namespace
}  // namespace hadath::cli_test
