#include <unordered_map>

#include "hadath/actors.h"
#include "text/string_hash.h"

namespace hadath::actors {

struct ActorRegistry::Tables {
  std::vector<Actor> actors;
  text::StringMap<size_t> actor_index;
  std::vector<Country> countries;
  text::StringMap<size_t> country_index;
};

namespace {

constexpr std::string_view kKinds[] = {"state",     "police",     "intelligence", "paramilitary",
                                       "rebel",     "militia",    "external",     "authority",
                                       "civilians", "protesters", "rioters",      "unidentified"};
constexpr std::string_view kCountryPlaceholder = "{country}";

bool IsKnownKind(std::string_view kind) {
  for (std::string_view known : kKinds)
    if (kind == known) return true;
  return false;
}

bool IsUpperSnake(std::string_view id) {
  if (id.size() < 3 || id.front() == '_' || id.back() == '_') return false;
  for (char c : id)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool IsIso2(std::string_view code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

Status ReadCountries(const std::string& path, ActorRegistry::Tables* tables) {
  auto table = TsvTable::Load(path, {"iso2", "iso3", "iso_numeric", "name_en", "name_ar", "region"});
  if (!table) return table.status();
  for (const TsvRow& row : table->rows()) {
    Country country{row.Get("iso2"),    row.Get("iso3"),    0,
                    row.Get("name_en"), row.Get("name_ar"), row.Get("region")};
    if (!IsIso2(country.iso2))
      return Status::Error(row.Where("iso2 must be two capital letters, not '" + country.iso2 + "'"));
    auto numeric = ParseNumber<int>(row.Get("iso_numeric"));
    if (!numeric || *numeric <= 0) return Status::Error(row.Where("iso_numeric must be a positive number"));
    country.iso_numeric = *numeric;
    if (country.name_en.empty() || country.name_ar.empty() || country.region.empty())
      return Status::Error(row.Where("name_en, name_ar and region must not be empty"));
    if (!tables->country_index.try_emplace(country.iso2, tables->countries.size()).second)
      return Status::Error(row.Where("country '" + country.iso2 + "' is listed twice"));
    tables->countries.push_back(std::move(country));
  }
  return Status::Ok();
}

class RegistryReader {
 public:
  explicit RegistryReader(ActorRegistry::Tables* tables) : tables_(*tables) {}

  Status Read(const std::string& path) {
    auto table = TsvTable::Load(
        path, {"id", "name_en", "acled_name", "name_ar", "inter", "kind", "country", "parent", "source"});
    if (!table) return table.status();
    for (const TsvRow& row : table->rows()) {
      Status status = ReadRow(row);
      if (!status.ok()) return status;
    }
    for (size_t i = 0; i < tables_.actors.size(); ++i) {
      Status status = CheckParent(i);
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

 private:
  Status ReadRow(const TsvRow& row) {
    Actor actor{row.Get("id"),      row.Get("name_en"), row.Get("acled_name"),
                row.Get("name_ar"), row.Get("kind"),    row.Get("country"),
                row.Get("parent"),  row.Get("source"),  0};
    if (!IsUpperSnake(actor.id))
      return Status::Error(
          row.Where("id must be UPPER_SNAKE (A-Z, 0-9, _; 3 or more), not '" + actor.id + "'"));
    auto inter = ParseNumber<int>(row.Get("inter"));
    if (!inter || *inter < 1 || *inter > 8)
      return Status::Error(
          row.Where("inter must be an ACLED actor type 1..8, not '" + row.Get("inter") + "'"));
    actor.inter = *inter;
    if (!IsKnownKind(actor.kind)) return Status::Error(row.Where("unknown kind '" + actor.kind + "'"));
    if (!actor.country.empty() && !tables_.country_index.contains(actor.country))
      return Status::Error(row.Where("unknown country '" + actor.country + "' (countries.tsv)"));
    if (actor.name_en.empty() || actor.acled_name.empty() || actor.name_ar.empty() || actor.source.empty())
      return Status::Error(row.Where("name_en, acled_name, name_ar and source must not be empty"));
    if (!tables_.actor_index.try_emplace(actor.id, tables_.actors.size()).second)
      return Status::Error(row.Where("actor '" + actor.id + "' is listed twice"));
    lines_.push_back(row.Where(""));
    tables_.actors.push_back(std::move(actor));
    return Status::Ok();
  }

  // The parent exists and following parents never comes back.
  Status CheckParent(size_t index) const {
    const Actor& actor = tables_.actors[index];
    std::string where = lines_[index];
    if (actor.parent.empty()) return Status::Ok();
    if (!tables_.actor_index.contains(actor.parent))
      return Status::Error(where + "unknown parent '" + actor.parent + "'");
    size_t current = index;
    for (size_t steps = 0; steps <= tables_.actors.size(); ++steps) {
      const std::string& parent = tables_.actors[current].parent;
      if (parent.empty()) return Status::Ok();
      current = tables_.actor_index.find(parent)->second;
      if (current == index) return Status::Error(where + "parent chain of '" + actor.id + "' loops");
    }
    return Status::Error(where + "parent chain of '" + actor.id + "' loops");
  }

  ActorRegistry::Tables& tables_;
  std::vector<std::string> lines_;  // "path:line: " of each actor
};

}  // namespace

bool Actor::IsStateForce() const {
  bool state_kind = kind == "state" || kind == "police" || kind == "intelligence" || kind == "paramilitary";
  return state_kind && (inter == 1 || inter == 8);  // a de facto authority's police (Asayish, 2) is not
}

int Actor::InterIn(std::string_view event_country) const {
  if (event_country.empty() || country.empty() || !IsStateForce()) return inter;
  return event_country == country ? 1 : 8;
}

Result<ActorRegistry> ActorRegistry::Load(const std::string& data_dir) {
  auto tables = std::make_shared<Tables>();
  Status countries = ReadCountries(data_dir + "/actors/countries.tsv", tables.get());
  if (!countries.ok()) return countries;
  RegistryReader reader(tables.get());
  Status actors = reader.Read(data_dir + "/actors/registry.tsv");
  if (!actors.ok()) return actors;
  return ActorRegistry(std::move(tables));
}

const Actor* ActorRegistry::Find(std::string_view id) const {
  auto found = tables_->actor_index.find(id);
  return found == tables_->actor_index.end() ? nullptr : &tables_->actors[found->second];
}

const std::vector<Actor>& ActorRegistry::actors() const { return tables_->actors; }

const Country* ActorRegistry::FindCountry(std::string_view iso2) const {
  auto found = tables_->country_index.find(iso2);
  return found == tables_->country_index.end() ? nullptr : &tables_->countries[found->second];
}

const std::vector<Country>& ActorRegistry::countries() const { return tables_->countries; }

bool ActorRegistry::IsWithin(std::string_view id, std::string_view ancestor) const {
  for (const Actor* actor = Find(id); actor; actor = actor->parent.empty() ? nullptr : Find(actor->parent))
    if (actor->id == ancestor) return true;
  return false;
}

std::string ActorRegistry::AcledName(const Actor& actor, std::string_view event_country) const {
  std::string name = actor.acled_name;
  size_t at = name.find(kCountryPlaceholder);
  if (at == std::string::npos) return name;
  const Country* country = FindCountry(event_country);
  if (!country) country = FindCountry(actor.country);
  if (country) return name.replace(at, kCountryPlaceholder.size(), country->name_en);
  // No country: drop " ({country})" (or the bare placeholder).
  size_t start = at, end = at + kCountryPlaceholder.size();
  if (start >= 2 && name.compare(start - 2, 2, " (") == 0 && end < name.size() && name[end] == ')') {
    start -= 2;
    ++end;
  }
  return name.erase(start, end - start);
}

}  // namespace hadath::actors
