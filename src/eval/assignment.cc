#include "eval/assignment.h"

#include <algorithm>
#include <limits>

namespace hadath::eval {
namespace {

// The weights as a square matrix of costs (negated weights, padding 0),
// 1-based as the potentials algorithm below expects.
std::vector<std::vector<int64_t>> SquareCosts(const std::vector<std::vector<int64_t>>& weights, size_t n) {
  std::vector<std::vector<int64_t>> costs(n + 1, std::vector<int64_t>(n + 1, 0));
  for (size_t row = 0; row < weights.size(); ++row)
    for (size_t column = 0; column < weights[row].size(); ++column)
      costs[row + 1][column + 1] = -weights[row][column];
  return costs;
}

}  // namespace

// Minimum-cost assignment with row and column potentials (Kuhn–Munkres in
// the shortest-augmenting-path form): rows are added one at a time and each
// is placed along the cheapest alternating path.
std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& weights) {
  size_t columns = 0;
  for (const auto& row : weights) columns = std::max(columns, row.size());
  const size_t n = std::max(weights.size(), columns);
  if (n == 0) return {};
  const std::vector<std::vector<int64_t>> cost = SquareCosts(weights, n);
  const int64_t infinity = std::numeric_limits<int64_t>::max() / 4;
  std::vector<int64_t> row_potential(n + 1, 0), column_potential(n + 1, 0);
  std::vector<size_t> row_of_column(n + 1, 0), previous_column(n + 1, 0);
  for (size_t row = 1; row <= n; ++row) {
    row_of_column[0] = row;
    size_t column = 0;
    std::vector<int64_t> slack(n + 1, infinity);
    std::vector<bool> used(n + 1, false);
    do {
      used[column] = true;
      size_t current_row = row_of_column[column], next_column = 0;
      int64_t delta = infinity;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        int64_t reduced = cost[current_row][j] - row_potential[current_row] - column_potential[j];
        if (reduced < slack[j]) slack[j] = reduced, previous_column[j] = column;
        if (slack[j] < delta) delta = slack[j], next_column = j;
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j])
          row_potential[row_of_column[j]] += delta, column_potential[j] -= delta;
        else
          slack[j] -= delta;
      }
      column = next_column;
    } while (row_of_column[column] != 0);
    do {  // flip the augmenting path
      size_t previous = previous_column[column];
      row_of_column[column] = row_of_column[previous];
      column = previous;
    } while (column != 0);
  }
  std::vector<int> assigned(weights.size(), -1);
  for (size_t column = 1; column <= n; ++column) {
    size_t row = row_of_column[column];
    if (row == 0 || row > weights.size() || column > weights[row - 1].size()) continue;
    if (weights[row - 1][column - 1] > 0) assigned[row - 1] = static_cast<int>(column - 1);
  }
  return assigned;
}

}  // namespace hadath::eval
