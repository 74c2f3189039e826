// link_runner: the cost of linking as the number of reports grows, and the
// merges and near-misses of a store, for reading by hand.
//
//   build/bench/link_runner --db corpus.db --copies 1,10,100,250
//   build/bench/link_runner --db corpus.db --dump-merges merges.jsonl --dump-near near.jsonl
//
// The store's reports are described once; each size is the reports repeated
// `copies` times, each copy moved to its own stretch of time (the corpus's
// span plus a month), so the density of reports per governorate and week
// stays that of real news while their number grows. Prints reports, pairs
// scored, links, events, seconds and peak memory per size.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hadath/link.h"
#include "hadath/store.h"
#include "pipeline/link_job.h"

namespace {

using namespace hadath;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

// `copies` copies of the reports, each shifted by `shift` days more.
void Replicate(const std::vector<link::Report>& reports, const std::vector<link::Profile>& profiles,
               int copies, int64_t shift, std::vector<link::Report>* copied,
               std::vector<link::Profile>* out) {
  copied->clear();
  copied->reserve(reports.size() * copies);
  out->clear();
  for (int k = 0; k < copies; ++k)
    for (const link::Report& report : reports) {
      // Grouping reads only the ids of a described report.
      link::Report copy{report.id, report.doc_id, {}, {}, {}, {}};
      copy.id += k ? fmt::format("#{}", k) : "";
      copy.doc_id += k ? fmt::format("#{}", k) : "";
      copied->push_back(std::move(copy));
    }
  for (int k = 0; k < copies; ++k)
    for (size_t i = 0; i < profiles.size(); ++i) {
      link::Profile profile = profiles[i];
      profile.report = &(*copied)[k * reports.size() + i];
      if (profile.day_start) *profile.day_start += k * shift, *profile.day_end += k * shift;
      out->push_back(std::move(profile));
    }
}

std::string Quote(const link::Profile& profile) {
  nlohmann::json record = nlohmann::json::parse(profile.report->record, nullptr, false);
  std::string doc;
  if (record.is_object() && record.contains("documents") && !record["documents"].empty())
    doc = record["documents"][0].value("doc_id", "") + " " + record["documents"][0].value("outlet", "");
  return fmt::format("{} | {} | {} {} | {} | {} | {} | {}", profile.report->id, doc, profile.event_date,
                     profile.date_basis, profile.sub_event_type, profile.place_name, profile.admin1,
                     profile.report->text.substr(0, 600));
}

void DumpPair(std::ofstream& out, const link::Profile& a, const link::Profile& b,
              const link::PairScore& score) {
  nlohmann::json parts = nlohmann::json::array();
  for (const link::Part& part : score.parts)
    parts.push_back(fmt::format("{} {:+.2f} {}", part.feature, part.points, part.detail));
  out << nlohmann::json{{"score", score.score}, {"a", Quote(a)}, {"b", Quote(b)}, {"parts", parts}}.dump(
             -1, ' ', false, nlohmann::json::error_handler_t::replace)
      << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Linking cost at several sizes, and merges and near-misses for a hand check"};
  std::string db, merges_path, near_path;
  std::vector<int> copies = {1};
  int sample = 30;
  app.add_option("--db", db, "Store whose reports are linked")->required();
  app.add_option("--copies", copies, "Sizes, as copies of the store's reports")->delimiter(',');
  app.add_option("--dump-merges", merges_path, "Write a random sample of linked pairs here");
  app.add_option("--dump-near", near_path, "Write the highest-scoring pairs that were not linked here");
  app.add_option("--sample", sample, "How many pairs to dump");
  CLI11_PARSE(app, argc, argv);

  auto store = store::Store::Open(db);
  if (!store) return fmt::print(stderr, "{}\n", store.error()), 2;
  auto linker = link::Linker::Load();
  if (!linker) return fmt::print(stderr, "{}\n", linker.error()), 2;
  auto stored = (*store)->AllReports();
  if (!stored) return fmt::print(stderr, "{}\n", stored.error()), 2;
  std::vector<link::Report> reports;
  for (const store::StoredReport& s : *stored)
    reports.push_back({s.id, s.doc_id, s.identity, s.record, s.text, ""});
  auto started = Clock::now();
  std::vector<link::Profile> profiles;
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (const link::Report& report : reports) {
    profiles.push_back(linker->Describe(report));
    if (profiles.back().day_start)
      first = std::min(first, *profiles.back().day_start), last = std::max(last, *profiles.back().day_end);
  }
  double describe = Seconds(started);
  fmt::print("{} reports described in {:.2f} s ({:.0f} reports/s)\n", reports.size(), describe,
             reports.size() / std::max(describe, 1e-9));
  int64_t shift = last >= first ? last - first + 31 : 0;

  fmt::print("{:>10} {:>10} {:>12} {:>10} {:>10} {:>8}\n", "reports", "events", "multi-report", "seconds",
             "us/report", "RSS MB");
  for (int n : copies) {
    std::vector<link::Report> copied;
    std::vector<link::Profile> sized;
    Replicate(reports, profiles, n, shift, &copied, &sized);
    auto t = Clock::now();
    std::vector<link::Cluster> clusters = linker->Group(sized);
    double seconds = Seconds(t);
    size_t multi = 0;
    for (const link::Cluster& cluster : clusters) multi += cluster.members.size() > 1;
    fmt::print("{:>10} {:>10} {:>12} {:>10.2f} {:>10.1f} {:>8}\n", sized.size(), clusters.size(), multi,
               seconds, 1e6 * seconds / std::max<size_t>(sized.size(), 1), PeakRssMb());
    std::fflush(stdout);
  }

  if (!merges_path.empty() || !near_path.empty()) {
    std::vector<link::Cluster> clusters = linker->Group(profiles);
    std::vector<const link::Join*> joins;
    for (const link::Cluster& cluster : clusters)
      for (const link::Join& join : cluster.joins) joins.push_back(&join);
    std::mt19937 random(7);
    std::shuffle(joins.begin(), joins.end(), random);
    if (!merges_path.empty()) {
      std::ofstream out(merges_path);
      for (size_t i = 0; i < joins.size() && i < static_cast<size_t>(sample); ++i)
        DumpPair(out, profiles[joins[i]->member], profiles[joins[i]->to], joins[i]->score);
    }
    if (!near_path.empty()) {
      // Pairs with no veto that fell short of the threshold, best first.
      std::vector<std::pair<double, std::pair<size_t, size_t>>> near;
      for (size_t i = 0; i < profiles.size(); ++i) {
        auto window = linker->CandidateWindow(profiles[i]);
        if (!window) continue;
        for (size_t j = i + 1; j < profiles.size(); ++j) {
          if (profiles[j].admin1 != profiles[i].admin1) continue;
          link::PairScore score = linker->Score(profiles[i], profiles[j]);
          if (score.veto.empty() && !score.linked()) near.push_back({score.score, {i, j}});
        }
      }
      std::sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
      std::ofstream out(near_path);
      for (size_t k = 0; k < near.size() && k < static_cast<size_t>(sample); ++k) {
        auto [i, j] = near[k].second;
        DumpPair(out, profiles[i], profiles[j], linker->Score(profiles[i], profiles[j]));
      }
    }
  }
  return 0;
}
