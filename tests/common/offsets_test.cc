#include "hadath/offsets.h"

#include <gtest/gtest.h>

namespace hadath {
namespace {

// A map like a Windows-1256 decoder makes: "ab" copied, one 2-byte UTF-8
// character standing for 1 source byte, then "cd" copied.
OffsetMap TranscodedMap() {
  OffsetMap map;
  map.AppendCopy(2, 0);        // text [0,2) -> source [0,2)
  map.AppendReplace(2, 2, 1);  // text [2,4) -> source [2,3)
  map.AppendCopy(2, 3);        // text [4,6) -> source [3,5)
  return map;
}

TEST(OffsetMap, IdentityMapsEveryOffsetToItself) {
  OffsetMap map = OffsetMap::Identity(10);
  for (uint32_t i = 0; i <= 10; ++i) {
    EXPECT_EQ(map.SourceStart(i), i);
    EXPECT_EQ(map.SourceEnd(i), i);
  }
}

TEST(OffsetMap, AdjacentCopiesMerge) {
  OffsetMap map;
  map.AppendCopy(3, 10);
  map.AppendCopy(4, 13);
  ASSERT_EQ(map.segments().size(), 1u);
  EXPECT_EQ(map.text_length(), 7u);
  map.AppendCopy(2, 20);  // a gap in the source: a new segment
  EXPECT_EQ(map.segments().size(), 2u);
  EXPECT_EQ(map.SourceStart(7), 20u);
}

TEST(OffsetMap, ReplacedChunkMapsToWholeSourceChunk) {
  OffsetMap map = TranscodedMap();
  struct Row {
    Span text;
    Span source;
  };
  const Row rows[] = {
      {{0, 2}, {0, 2}},                    // copied prefix
      {{2, 4}, {2, 3}},                    // the transcoded character
      {{3, 4}, {2, 3}},                    // half a character widens to all of it
      {{2, 3}, {2, 3}}, {{1, 5}, {1, 4}},  // across segments
      {{4, 6}, {3, 5}}, {{0, 6}, {0, 5}},
  };
  for (const Row& row : rows)
    EXPECT_EQ(map.ToSource(row.text), row.source) << row.text.start << "-" << row.text.end;
}

TEST(OffsetMap, EndOfTextMapsToEndOfSource) {
  OffsetMap map = TranscodedMap();
  EXPECT_EQ(map.SourceStart(6), 5u);
  EXPECT_EQ(map.SourceEnd(6), 5u);
  EXPECT_EQ(map.SourceEnd(0), 0u);
}

TEST(OffsetMap, ComposeFollowsBothMaps) {
  // clean text "cd" = text [4,6) of the transcoded text; composed it must
  // land on source [3,5).
  OffsetMap clean_to_decoded;
  clean_to_decoded.AppendCopy(2, 4);
  OffsetMap composed = clean_to_decoded.Compose(TranscodedMap());
  EXPECT_EQ(composed.ToSource({0, 2}), (Span{3, 5}));

  // A copy that straddles a replaced chunk is split around it.
  OffsetMap straddling;
  straddling.AppendCopy(5, 1);  // decoded [1,6)
  OffsetMap through = straddling.Compose(TranscodedMap());
  EXPECT_EQ(through.ToSource({0, 1}), (Span{1, 2}));
  EXPECT_EQ(through.ToSource({1, 3}), (Span{2, 3}));
  EXPECT_EQ(through.ToSource({3, 5}), (Span{3, 5}));
}

TEST(OffsetMap, SerialisationRoundTrips) {
  OffsetMap map = TranscodedMap();
  map.AppendCopy(4, 1);  // a backwards jump in the source
  Result<OffsetMap> back = OffsetMap::Deserialize(map.Serialize());
  ASSERT_TRUE(back.ok()) << back.error();
  EXPECT_TRUE(*back == map);
}

TEST(OffsetMap, DeserialiseRejectsDamage) {
  std::string bytes = TranscodedMap().Serialize();
  EXPECT_FALSE(OffsetMap::Deserialize("").ok());
  EXPECT_FALSE(OffsetMap::Deserialize(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(OffsetMap::Deserialize(bytes + "x").ok());
  EXPECT_FALSE(OffsetMap::Deserialize("garbage").ok());
}

}  // namespace
}  // namespace hadath
