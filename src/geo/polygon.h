// Governorate polygons and point-in-polygon (internal to src/geo).
#pragma once

#include <string>
#include <vector>

#include "hadath/status.h"

namespace hadath::geo {

struct Point {
  double x = 0, y = 0;  // longitude, latitude
};

// One shape: every ring of every part. Holes need no flag: even-odd ray
// casting over all rings counts a point in a hole as outside.
struct Polygon {
  std::vector<std::vector<Point>> rings;
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

// Returns true iff (x, y) lies inside `polygon` by even-odd ray casting over
// all its rings. Points exactly on an edge may fall either way.
bool Contains(const Polygon& polygon, double x, double y);

// Recomputes the bounding box from the rings.
void UpdateBounds(Polygon* polygon);

// A governorate from the OCHA admin1 shapefile.
struct Admin1Shape {
  std::string name_en, name_ar, pcode;
  Polygon polygon;
};

// Reads `base`.shp/.dbf (base without extension); fails when a file is
// missing, a shape is not a polygon, or a column NAME_EN/NAME_AR/PCODE is absent.
Result<std::vector<Admin1Shape>> ReadAdmin1Shapes(const std::string& base);

// The shape containing (longitude, latitude), or nullptr.
const Admin1Shape* FindAdmin1(const std::vector<Admin1Shape>& shapes, double longitude, double latitude);

}  // namespace hadath::geo
