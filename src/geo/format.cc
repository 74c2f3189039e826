// The compiled gazetteer file. Little-endian, all integers fixed width:
//
//   magic "HDGZ" (4 bytes), uint32 version (Gazetteer::kFormatVersion),
//   uint32 place count, places, uint32 key count, keys.
//   string  = uint32 byte length + bytes
//   place   = source_id, name_en, uint32 n + n names_ar, uint32 n + n
//             names_latin, uint8 kind, float64 latitude, float64 longitude,
//             uint8 flags (bit 0 has_coordinates, bit 1 name_en_romanised),
//             uint32 parent (0xFFFFFFFF = none), country, 3 x (name_en,
//             name_ar, pcode), int64 population, citation
//   key     = string + uint32 n + n uint32 place ids (best known first)
//
// Version history: 1 = first format; 2 = names_latin, flags byte, and the
// Latin-key index entries ('@' + LatinKey). Bump kFormatVersion on any change.
#include <cstring>

#include "geo/index.h"

namespace hadath::geo {
namespace {

constexpr char kMagic[4] = {'H', 'D', 'G', 'Z'};
constexpr uint32_t kNoParent = 0xFFFFFFFF;
constexpr size_t kMinPlaceBytes = 80;  // a place whose strings are all empty takes 90 bytes
constexpr uint8_t kHasCoordinates = 1, kNameEnRomanised = 2;
constexpr size_t kMinKeyBytes = 8;

class Writer {
 public:
  template <typename T>
  void Number(T value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void String(const std::string& text) {
    Number(static_cast<uint32_t>(text.size()));
    bytes_ += text;
  }
  void Unit(const AdminUnit& unit) {
    String(unit.name_en);
    String(unit.name_ar);
    String(unit.pcode);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

// Reads with bounds checks; after the first overrun every read fails.
class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  bool Number(T* value) {
    if (!Has(sizeof(T))) return false;
    std::memcpy(value, bytes_.data() + position_, sizeof(T));
    position_ += sizeof(T);
    return true;
  }
  bool String(std::string* text) {
    uint32_t size = 0;
    if (!Number(&size) || !Has(size)) return false;
    text->assign(bytes_, position_, size);
    position_ += size;
    return true;
  }
  bool Unit(AdminUnit* unit) {
    return String(&unit->name_en) && String(&unit->name_ar) && String(&unit->pcode);
  }
  bool AtEnd() const { return position_ == bytes_.size(); }
  // Returns true iff `count` records of at least `min_bytes` each could fit in
  // what is left (so a corrupt count never triggers a huge allocation).
  bool CanHold(uint64_t count, size_t min_bytes) const {
    return count <= (bytes_.size() - position_) / min_bytes;
  }

 private:
  bool Has(size_t size) const { return bytes_.size() - position_ >= size; }
  const std::string& bytes_;
  size_t position_ = 0;
};

void WritePlace(const Place& place, Writer* out) {
  out->String(place.source_id);
  out->String(place.name_en);
  out->Number(static_cast<uint32_t>(place.names_ar.size()));
  for (const std::string& name : place.names_ar) out->String(name);
  out->Number(static_cast<uint32_t>(place.names_latin.size()));
  for (const std::string& name : place.names_latin) out->String(name);
  out->Number(static_cast<uint8_t>(place.kind));
  out->Number(place.latitude);
  out->Number(place.longitude);
  out->Number(static_cast<uint8_t>((place.has_coordinates ? kHasCoordinates : 0) |
                                   (place.name_en_romanised ? kNameEnRomanised : 0)));
  out->Number(place.parent ? *place.parent : kNoParent);
  out->String(place.country);
  out->Unit(place.admin1);
  out->Unit(place.admin2);
  out->Unit(place.admin3);
  out->Number(place.population);
  out->String(place.citation);
}

bool ReadNames(Reader* in, std::vector<std::string>* names) {
  uint32_t count = 0;
  if (!in->Number(&count) || !in->CanHold(count, 4)) return false;
  names->resize(count);
  for (std::string& name : *names)
    if (!in->String(&name)) return false;
  return true;
}

bool ReadPlace(Reader* in, Place* place) {
  uint8_t kind = 0, flags = 0;
  uint32_t parent = 0;
  bool ok = in->String(&place->source_id) && in->String(&place->name_en) && ReadNames(in, &place->names_ar) &&
            ReadNames(in, &place->names_latin) && in->Number(&kind) && in->Number(&place->latitude) &&
            in->Number(&place->longitude) && in->Number(&flags) && in->Number(&parent) &&
            in->String(&place->country) && in->Unit(&place->admin1) && in->Unit(&place->admin2) &&
            in->Unit(&place->admin3) && in->Number(&place->population) && in->String(&place->citation);
  if (!ok || kind > static_cast<uint8_t>(PlaceKind::kOther)) return false;
  place->kind = static_cast<PlaceKind>(kind);
  place->has_coordinates = (flags & kHasCoordinates) != 0;
  place->name_en_romanised = (flags & kNameEnRomanised) != 0;
  if (parent != kNoParent) place->parent = parent;
  return true;
}

bool ReadKey(Reader* in, size_t place_count, std::string* key, std::vector<uint32_t>* ids) {
  uint32_t count = 0;
  if (!in->String(key) || !in->Number(&count) || count > place_count || !in->CanHold(count, 4)) return false;
  ids->resize(count);
  for (uint32_t& id : *ids)
    if (!in->Number(&id) || id >= place_count) return false;
  return true;
}

Status ReadBody(Reader* in, const std::string& path, Gazetteer::Index* index) {
  Status truncated =
      Status::Error(path + ": truncated or corrupt gazetteer; rebuild with `hadath gazetteer build`");
  uint32_t count = 0;
  if (!in->Number(&count) || !in->CanHold(count, kMinPlaceBytes)) return truncated;
  index->places.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    if (!ReadPlace(in, &index->places[i])) return truncated;
    index->places[i].id = i;
  }
  for (const Place& place : index->places)
    if (place.parent && *place.parent >= index->places.size()) return truncated;
  if (!in->Number(&count) || !in->CanHold(count, kMinKeyBytes)) return truncated;
  index->keys.resize(count);
  index->ids.resize(count);
  for (uint32_t i = 0; i < count; ++i)
    if (!ReadKey(in, index->places.size(), &index->keys[i], &index->ids[i])) return truncated;
  return in->AtEnd() ? Status::Ok() : truncated;
}

}  // namespace

std::string Serialize(const Gazetteer::Index& index) {
  Writer out;
  out.bytes().append(kMagic, sizeof kMagic);
  out.Number(Gazetteer::kFormatVersion);
  out.Number(static_cast<uint32_t>(index.places.size()));
  for (const Place& place : index.places) WritePlace(place, &out);
  out.Number(static_cast<uint32_t>(index.keys.size()));
  for (size_t i = 0; i < index.keys.size(); ++i) {
    out.String(index.keys[i]);
    out.Number(static_cast<uint32_t>(index.ids[i].size()));
    for (uint32_t id : index.ids[i]) out.Number(id);
  }
  return std::move(out.bytes());
}

Status Deserialize(const std::string& bytes, const std::string& path, Gazetteer::Index* index) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 4) != 0)
    return Status::Error(path + ": not a hadath gazetteer (bad magic number)");
  uint32_t version = 0;
  std::memcpy(&version, bytes.data() + 4, 4);
  if (version != Gazetteer::kFormatVersion)
    return Status::Error(path + ": gazetteer format version " + std::to_string(version) +
                         ", this build reads " + std::to_string(Gazetteer::kFormatVersion) +
                         "; rebuild with `hadath gazetteer build`");
  Reader in(bytes);
  uint64_t header = 0;
  (void)in.Number(&header);  // magic + version, checked above
  return ReadBody(&in, path, index);
}

}  // namespace hadath::geo
