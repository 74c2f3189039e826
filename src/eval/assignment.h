// Maximum-weight one-to-one assignment (the Hungarian algorithm).
#pragma once

#include <cstdint>
#include <vector>

namespace hadath::eval {

// weights[row][column] >= 0; 0 means "may not be paired". Returns, for each
// row, the column it is paired with, or -1. The pairs maximise the total
// weight. O(n^3) for n = max(rows, columns).
std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& weights);

}  // namespace hadath::eval
