// Group(): reports into incidents, strongest links first, never across a veto.
#include <algorithm>
#include <numeric>

#include "hadath/link.h"
#include "link/tables.h"

namespace hadath::link {
namespace {

struct Edge {
  size_t a = 0, b = 0;  // a's id < b's id
  PairScore score;
};

// Pairs of profiles that share a governorate and whose date ranges (with
// their slack) overlap: the only ones worth scoring. A sweep over the
// profiles sorted by governorate and first day, so the cost grows with the
// number of reports times the reports per governorate-week, not with n².
std::vector<std::pair<size_t, size_t>> CandidatePairs(const std::vector<Profile>& profiles, int64_t reach) {
  std::vector<size_t> order;
  for (size_t i = 0; i < profiles.size(); ++i)
    if (profiles[i].day_start && !profiles[i].admin1.empty()) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Profile &a = profiles[x], &b = profiles[y];
    if (a.admin1 != b.admin1) return a.admin1 < b.admin1;
    if (*a.day_start != *b.day_start) return *a.day_start < *b.day_start;
    return a.report->id < b.report->id;
  });
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < order.size(); ++i) {
    const Profile& a = profiles[order[i]];
    for (size_t j = i + 1; j < order.size(); ++j) {
      const Profile& b = profiles[order[j]];
      if (b.admin1 != a.admin1 || *b.day_start > *a.day_end + reach) break;
      pairs.emplace_back(order[i], order[j]);
    }
  }
  return pairs;
}

class Groups {
 public:
  explicit Groups(size_t n) : parent_(n), members_(n), joins_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (size_t i = 0; i < n; ++i) members_[i] = {i};
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  const std::vector<size_t>& Members(size_t root) const { return members_[root]; }
  void Join(size_t x, size_t y, Join join) {
    size_t rx = Find(x), ry = Find(y);
    if (members_[rx].size() < members_[ry].size()) std::swap(rx, ry);
    parent_[ry] = rx;
    members_[rx].insert(members_[rx].end(), members_[ry].begin(), members_[ry].end());
    joins_[rx].insert(joins_[rx].end(), joins_[ry].begin(), joins_[ry].end());
    joins_[rx].push_back(std::move(join));
    members_[ry].clear();
    joins_[ry].clear();
  }
  std::vector<link::Join>& Joins(size_t root) { return joins_[root]; }

 private:
  std::vector<size_t> parent_;
  std::vector<std::vector<size_t>> members_;
  std::vector<std::vector<link::Join>> joins_;
};

}  // namespace

std::vector<Cluster> Linker::Group(const std::vector<Profile>& profiles) const {
  const Weights& w = tables_->weights;
  int64_t reach = 2 * static_cast<int64_t>(w.relative_day_slack);
  std::vector<Edge> edges;
  for (auto [x, y] : CandidatePairs(profiles, reach)) {
    if (profiles[y].report->id < profiles[x].report->id) std::swap(x, y);
    PairScore score = Score(profiles[x], profiles[y]);
    if (score.linked()) edges.push_back({x, y, std::move(score)});
  }
  // Strongest first; ties by the ids, so the order of the input never matters.
  std::sort(edges.begin(), edges.end(), [&](const Edge& e, const Edge& f) {
    if (e.score.score != f.score.score) return e.score.score > f.score.score;
    if (profiles[e.a].report->id != profiles[f.a].report->id)
      return profiles[e.a].report->id < profiles[f.a].report->id;
    return profiles[e.b].report->id < profiles[f.b].report->id;
  });
  Groups groups(profiles.size());
  for (Edge& edge : edges) {
    size_t ra = groups.Find(edge.a), rb = groups.Find(edge.b);
    if (ra == rb) continue;
    bool vetoed = false;
    for (size_t x : groups.Members(ra)) {
      for (size_t y : groups.Members(rb))
        if (!VetoOf(profiles[x], profiles[y]).empty()) {
          vetoed = true;
          break;
        }
      if (vetoed) break;
    }
    if (!vetoed) groups.Join(edge.a, edge.b, link::Join{edge.b, edge.a, std::move(edge.score)});
  }
  std::vector<Cluster> clusters;
  for (size_t i = 0; i < profiles.size(); ++i) {
    if (groups.Find(i) != i) continue;
    Cluster cluster{groups.Members(i), std::move(groups.Joins(i))};
    std::sort(cluster.members.begin(), cluster.members.end(),
              [&](size_t x, size_t y) { return CanonicalBefore(profiles[x], profiles[y]); });
    clusters.push_back(std::move(cluster));
  }
  std::sort(clusters.begin(), clusters.end(), [&](const Cluster& x, const Cluster& y) {
    return CanonicalBefore(profiles[x.members.front()], profiles[y.members.front()]);
  });
  return clusters;
}

}  // namespace hadath::link
