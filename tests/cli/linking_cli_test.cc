// Linking across articles, end to end on the sample articles: the groups and
// ids do not depend on the order articles arrive in, a new report of a known
// incident joins its event, and an edited article updates its events.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace hadath::cli_test {
namespace {

using Json = nlohmann::json;

struct Seed {
  std::string file, published, outlet;
};

// The sample articles with their metadata.tsv rows.
std::vector<Seed> Seeds() {
  std::ifstream metadata(fs::path(HADATH_SHARED_DIR) / "seeds" / "metadata.tsv");
  std::vector<Seed> seeds;
  std::string line;
  std::getline(metadata, line);  // header: file published outlet url
  while (std::getline(metadata, line)) {
    std::stringstream fields(line);
    Seed seed;
    std::getline(fields, seed.file, '\t');
    std::getline(fields, seed.published, '\t');
    std::getline(fields, seed.outlet, '\t');
    if (!seed.file.empty()) seeds.push_back(seed);
  }
  return seeds;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::set<std::set<std::string>> Groups(const Grouping& grouping) {
  std::set<std::set<std::string>> groups;
  for (const auto& [id, reports] : grouping) groups.insert(reports);
  return groups;
}

class LinkingCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    gazetteer_ = GazetteerPath();
    if (gazetteer_.empty()) GTEST_SKIP() << "the gazetteer is not built";
    seeds_ = Seeds();
    ASSERT_GE(seeds_.size(), 2u);
  }

  // A JSON Lines file of the seeds in `order`, as a crawler writes them.
  std::string JsonLines(const std::vector<size_t>& order, const std::string& name) {
    std::string lines;
    for (size_t i : order) {
      const Seed& seed = seeds_[i];
      Json record = {{"id", fs::path(seed.file).stem().string()},
                     {"content", Slurp(fs::path(HADATH_SHARED_DIR) / "seeds" / seed.file)},
                     {"published", seed.published},
                     {"source", seed.outlet},
                     {"url", ""}};
      lines += record.dump() + "\n";
    }
    Write(name, lines);
    return In(name);
  }

  std::string Run(const std::string& inputs, const std::string& db) {
    Outcome run = RunHadath("extract " + inputs + " --db " + db + " --gazetteer " + gazetteer_.string());
    EXPECT_EQ(run.exit_code, 0) << run.output;
    Outcome exported = RunHadath("export --format jsonl --include-background --db " + db);
    EXPECT_EQ(exported.exit_code, 0) << exported.output;
    return exported.output;
  }

  std::vector<size_t> AllSeeds() const {
    std::vector<size_t> order(seeds_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    return order;
  }

  std::vector<Seed> seeds_;
  fs::path gazetteer_;
};

TEST_F(LinkingCliTest, GroupsAndIdsDoNotDependOnTheInputOrder) {
  std::vector<size_t> order = AllSeeds();
  Grouping first = GroupingOf(Run(JsonLines(order, "in-order.jsonl"), (dir_ / "a.db").string()));
  std::reverse(order.begin(), order.end());
  std::rotate(order.begin(), order.begin() + 2, order.end());
  Grouping second = GroupingOf(Run(JsonLines(order, "shuffled.jsonl"), (dir_ / "b.db").string()));
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

TEST_F(LinkingCliTest, EveryReportIsInExactlyOneEvent) {
  Grouping grouping = GroupingOf(Run(JsonLines(AllSeeds(), "all.jsonl"), db_));
  std::multiset<std::string> reports;
  for (const auto& [id, members] : grouping) reports.insert(members.begin(), members.end());
  std::set<std::string> distinct(reports.begin(), reports.end());
  EXPECT_EQ(reports.size(), distinct.size());
  EXPECT_FALSE(distinct.empty());
}

// Articles arriving one at a time end in the same groups as all at once; an
// event that gains a report keeps its id and logs the source it gained.
TEST_F(LinkingCliTest, ANewReportOfAKnownIncidentJoinsItsEvent) {
  Grouping together = GroupingOf(Run(JsonLines(AllSeeds(), "all.jsonl"), (dir_ / "together.db").string()));
  Grouping before;
  for (size_t i = 0; i < seeds_.size(); ++i) {
    Grouping now = GroupingOf(Run(JsonLines({i}, "one-" + std::to_string(i) + ".jsonl"), db_));
    // No event that existed loses its id while its reports stay.
    for (const auto& [id, reports] : before) {
      bool kept =
          now.contains(id) && std::includes(now[id].begin(), now[id].end(), reports.begin(), reports.end());
      bool moved = std::any_of(now.begin(), now.end(), [&](const auto& entry) {
        return std::includes(entry.second.begin(), entry.second.end(), reports.begin(), reports.end());
      });
      EXPECT_TRUE(kept || moved) << id;
    }
    before = now;
  }
  EXPECT_EQ(Groups(before), Groups(together));
  std::string merged;
  for (const auto& [id, reports] : before)
    if (reports.size() > 1) merged = id;
  if (merged.empty()) GTEST_SKIP() << "the samples gave no event with several reports";
  Outcome log = RunHadath("changes --event " + merged + " --db " + db_);
  EXPECT_THAT(log.output, HasSubstr("\"change\":\"source-added\""));
  Outcome explained = RunHadath("explain " + merged + " --db " + db_);
  EXPECT_THAT(explained.output, HasSubstr("why its reports are one incident"));
  EXPECT_THAT(explained.output, HasSubstr("source-added"));
}

// An edited article (same name, changed text) replaces its reports; the
// events keep their ids and nothing is counted twice.
TEST_F(LinkingCliTest, AnEditedArticleUpdatesItsEventsAndNeverDuplicates) {
  fs::path seeds = fs::path(HADATH_SHARED_DIR) / "seeds";
  Outcome first =
      RunHadath("extract " + seeds.string() + " --db " + db_ + " --gazetteer " + gazetteer_.string());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  Grouping before = GroupingOf(RunHadath("export --format jsonl --include-background --db " + db_).output);

  // The last article again, with a line added at its end.
  const Seed& edited = seeds_.back();
  fs::create_directories(dir_ / "edit");
  std::ofstream(dir_ / "edit" / edited.file, std::ios::binary)
      << Slurp(seeds / edited.file) << "\nتحديث: أضيفت هذه الفقرة بعد النشر.\n";
  std::ofstream(dir_ / "edit" / "metadata.tsv")
      << "file\tpublished\toutlet\turl\n"
      << edited.file << "\t" << edited.published << "\t" << edited.outlet << "\t\n";
  Outcome second = RunHadath("extract " + (dir_ / "edit").string() + " --db " + db_ + " --gazetteer " +
                             gazetteer_.string());
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_THAT(second.output, HasSubstr("updated 1"));
  Grouping after = GroupingOf(RunHadath("export --format jsonl --include-background --db " + db_).output);

  EXPECT_EQ(after.size(), before.size());
  std::set<std::string> ids_before, ids_after;
  for (const auto& [id, reports] : before) ids_before.insert(id);
  for (const auto& [id, reports] : after) ids_after.insert(id);
  EXPECT_EQ(ids_after, ids_before);
  Outcome log = RunHadath("changes --db " + db_);
  EXPECT_THAT(log.output, HasSubstr("source-removed"));
  EXPECT_THAT(log.output, Not(HasSubstr("\"change\":\"deleted\"")));
}

}  // namespace
}  // namespace hadath::cli_test
