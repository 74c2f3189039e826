#include "hadath/distance.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hadath {

double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRadians = std::numbers::pi / 180.0;
  double half_latitude = std::sin((latitude2 - latitude1) * kRadians / 2);
  double half_longitude = std::sin((longitude2 - longitude1) * kRadians / 2);
  double a = half_latitude * half_latitude + std::cos(latitude1 * kRadians) * std::cos(latitude2 * kRadians) *
                                                 half_longitude * half_longitude;
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace hadath
