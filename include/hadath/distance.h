// hadath/distance.h — distance between two points on the Earth, for the
// geocoder (a place near its parent), the events stage (the same place told
// twice) and the scorer (FORMAT.md's 10 km rule).
#pragma once

namespace hadath {

// Great-circle (haversine) distance in kilometres, on a sphere of the
// Earth's mean radius (6371.0088 km); coordinates in degrees.
double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2);

}  // namespace hadath
