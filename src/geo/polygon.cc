#include "geo/polygon.h"

#include <shapefil.h>

#include <algorithm>
#include <memory>

namespace hadath::geo {
namespace {

bool RingCrossings(const std::vector<Point>& ring, double x, double y) {
  bool inside = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

Polygon ShapeToPolygon(const SHPObject& shape) {
  Polygon polygon;
  for (int part = 0; part < shape.nParts; ++part) {
    int begin = shape.panPartStart[part];
    int end = part + 1 < shape.nParts ? shape.panPartStart[part + 1] : shape.nVertices;
    std::vector<Point> ring;
    for (int v = begin; v < end; ++v) ring.push_back({shape.padfX[v], shape.padfY[v]});
    if (ring.size() >= 3) polygon.rings.push_back(std::move(ring));
  }
  UpdateBounds(&polygon);
  return polygon;
}

std::string Trim(const char* text) {
  std::string value = text ? text : "";
  while (!value.empty() && value.back() == ' ') value.pop_back();
  return value;
}

struct ShpCloser {
  void operator()(SHPInfo* handle) const { SHPClose(handle); }
};
struct DbfCloser {
  void operator()(DBFInfo* handle) const { DBFClose(handle); }
};

}  // namespace

bool Contains(const Polygon& polygon, double x, double y) {
  if (x < polygon.min_x || x > polygon.max_x || y < polygon.min_y || y > polygon.max_y) return false;
  bool inside = false;
  for (const auto& ring : polygon.rings)
    if (RingCrossings(ring, x, y)) inside = !inside;
  return inside;
}

void UpdateBounds(Polygon* polygon) {
  bool first = true;
  for (const auto& ring : polygon->rings)
    for (const Point& point : ring) {
      if (first) {
        polygon->min_x = polygon->max_x = point.x;
        polygon->min_y = polygon->max_y = point.y;
        first = false;
      }
      polygon->min_x = std::min(polygon->min_x, point.x);
      polygon->max_x = std::max(polygon->max_x, point.x);
      polygon->min_y = std::min(polygon->min_y, point.y);
      polygon->max_y = std::max(polygon->max_y, point.y);
    }
}

Result<std::vector<Admin1Shape>> ReadAdmin1Shapes(const std::string& base) {
  std::unique_ptr<SHPInfo, ShpCloser> shp(SHPOpen(base.c_str(), "rb"));
  if (!shp) return Status::Error(base + ".shp: cannot open the shapefile");
  std::unique_ptr<DBFInfo, DbfCloser> dbf(DBFOpen((base + ".dbf").c_str(), "rb"));
  if (!dbf) return Status::Error(base + ".dbf: cannot open the attribute table");
  int name_en = DBFGetFieldIndex(dbf.get(), "NAME_EN");
  int name_ar = DBFGetFieldIndex(dbf.get(), "NAME_AR");
  int pcode = DBFGetFieldIndex(dbf.get(), "PCODE");
  if (name_en < 0 || name_ar < 0 || pcode < 0)
    return Status::Error(base + ".dbf: expected columns NAME_EN, NAME_AR and PCODE");
  int count = 0, type = 0;
  SHPGetInfo(shp.get(), &count, &type, nullptr, nullptr);
  if (type != SHPT_POLYGON && type != SHPT_POLYGONZ && type != SHPT_POLYGONM)
    return Status::Error(base + ".shp: shapes are not polygons");
  std::vector<Admin1Shape> shapes;
  for (int i = 0; i < count; ++i) {
    SHPObject* object = SHPReadObject(shp.get(), i);
    if (!object) return Status::Error(base + ".shp: cannot read shape " + std::to_string(i));
    Admin1Shape shape;
    shape.name_en = Trim(DBFReadStringAttribute(dbf.get(), i, name_en));  // shapelib reuses its buffer
    shape.name_ar = Trim(DBFReadStringAttribute(dbf.get(), i, name_ar));
    shape.pcode = Trim(DBFReadStringAttribute(dbf.get(), i, pcode));
    shape.polygon = ShapeToPolygon(*object);
    shapes.push_back(std::move(shape));
    SHPDestroyObject(object);
  }
  return shapes;
}

const Admin1Shape* FindAdmin1(const std::vector<Admin1Shape>& shapes, double longitude, double latitude) {
  for (const Admin1Shape& shape : shapes)
    if (Contains(shape.polygon, longitude, latitude)) return &shape;
  return nullptr;
}

}  // namespace hadath::geo
