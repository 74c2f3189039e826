#include "geo/polygon.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace hadath::geo {
namespace {

std::vector<Point> Square(double x0, double y0, double size) {
  return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

Polygon Make(std::vector<std::vector<Point>> rings) {
  Polygon polygon{std::move(rings)};
  UpdateBounds(&polygon);
  return polygon;
}

struct Case {
  double x, y;
  bool inside;
};

TEST(PointInPolygon, SquareWithHoleAndSecondPart) {
  // Part 1: 0..10 square with a 4..6 hole; part 2: a separate 20..22 square.
  Polygon polygon = Make({Square(0, 0, 10), Square(4, 4, 2), Square(20, 20, 2)});
  const Case cases[] = {
      {1, 1, true},   {9, 5, true},    {5, 5, false},  // in the hole
      {21, 21, true}, {15, 15, false}, {-1, 5, false}, {5, 11, false}, {23, 21, false},
  };
  for (const Case& c : cases) EXPECT_EQ(Contains(polygon, c.x, c.y), c.inside) << c.x << "," << c.y;
}

TEST(PointInPolygon, Concave) {
  // A "U": the notch 3..7 x 3..10 is outside.
  Polygon polygon = Make({{{0, 0}, {10, 0}, {10, 10}, {7, 10}, {7, 3}, {3, 3}, {3, 10}, {0, 10}, {0, 0}}});
  const Case cases[] = {{1, 9, true}, {9, 9, true}, {5, 9, false}, {5, 1, true}, {5, 3.5, false}};
  for (const Case& c : cases) EXPECT_EQ(Contains(polygon, c.x, c.y), c.inside) << c.x << "," << c.y;
}

TEST(PointInPolygon, EmptyPolygonContainsNothing) {
  Polygon polygon;
  EXPECT_FALSE(Contains(polygon, 0, 0));
}

TEST(Admin1Shapes, OchaGovernorates) {
  if (!testing::HaveSharedGazetteer()) GTEST_SKIP() << "no ../shared/data/gazetteer";
  auto shapes = ReadAdmin1Shapes(testing::SharedDir() + "/data/gazetteer/ocha-admin1/syr_admin1");
  ASSERT_TRUE(shapes.ok()) << shapes.error();
  ASSERT_EQ(shapes->size(), 14u);
  struct Town {
    const char* name;
    double latitude, longitude;
    const char* pcode;
  };
  const Town towns[] = {
      {"Al Hasakah (GeoNames 173811)", 36.50237, 40.74772, "SY08"},
      {"Hajin (GeoNames 174506)", 34.69508, 40.83138, "SY09"},
      {"Al Busayrah (GeoNames 173927)", 35.15618, 40.42716, "SY09"},
      {"Markadah (GeoNames 167208)", 35.74607, 40.75304, "SY08"},
      {"Al-Tabqa (GeoNames 172374)", 35.83758, 38.54828, "SY11"},
  };
  for (const Town& town : towns) {
    const Admin1Shape* shape = FindAdmin1(*shapes, town.longitude, town.latitude);
    ASSERT_NE(shape, nullptr) << town.name;
    EXPECT_EQ(shape->pcode, town.pcode) << town.name;
  }
  EXPECT_EQ(FindAdmin1(*shapes, 2.35, 48.85), nullptr);  // Paris
}

TEST(Admin1Shapes, MissingFileIsAnError) {
  auto shapes = ReadAdmin1Shapes("/nonexistent/syr_admin1");
  ASSERT_FALSE(shapes.ok());
  EXPECT_NE(shapes.error().find("/nonexistent/syr_admin1"), std::string::npos);
}

}  // namespace
}  // namespace hadath::geo
