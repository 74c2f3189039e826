#include "actors/aliases.h"

#include <sstream>

#include "actors/forms.h"

namespace hadath::actors {

std::optional<Strength> ParseStrength(std::string_view text) {
  if (text == "strong") return Strength::kStrong;
  if (text == "contextual") return Strength::kContextual;
  if (text == "metonym") return Strength::kMetonym;
  if (text == "none") return Strength::kNone;
  return std::nullopt;
}

namespace {

constexpr std::string_view kCountryPrefix = "country:";

bool SameRow(const AliasRow& a, const AliasRow& b) {
  return a.actor == b.actor && a.strength == b.strength && a.context.actor_ids == b.context.actor_ids &&
         a.context.countries == b.context.countries;
}

class AliasLoader {
 public:
  AliasLoader(const TsvTable& table, const text::Tokenizer& tokenizer, const ActorRegistry& registry)
      : table_(table), tokenizer_(tokenizer), registry_(registry), builder_(tokenizer) {}

  Status AddRow(const TsvRow& row) {
    const std::string& form = row.Get("form");
    Status checked = CheckForm(row, form, tokenizer_);
    if (!checked.ok()) return checked;
    auto alias = ReadRow(row);
    if (!alias) return alias.status();
    auto attach = AttachOf(table_, row);
    if (!attach) return attach.status();
    auto split = ReadSplit(row);
    if (!split) return split.status();
    if (*split) split_words_.push_back(form);
    auto added = builder_.Add(form, static_cast<uint32_t>(entries_.size()), *attach);
    if (!added) return Status::Error(row.Where(added.error()));
    if (!*added) {
      entries_.push_back(AliasEntry{{*alias}, *attach});
      forms_.push_back(form);
      return Status::Ok();
    }
    return AddToEntry(row, **added, *alias, *attach);
  }

  Result<AliasTable> Finish() && {
    return AliasTable(std::move(builder_).Compile(), std::move(entries_), std::move(split_words_),
                      std::move(warnings_));
  }

 private:
  Result<AliasRow> ReadRow(const TsvRow& row) const {
    AliasRow alias;
    alias.line = row.line();
    auto strength = ParseStrength(row.Get("strength"));
    if (!strength)
      return Status::Error(row.Where("strength must be strong, contextual, metonym or none, not '" +
                                     row.Get("strength") + "'"));
    alias.strength = *strength;
    const std::string& id = row.Get("actor");
    if (alias.strength == Strength::kNone) {
      if (!id.empty()) return Status::Error(row.Where("a row of strength none names no actor"));
    } else {
      if (id.empty()) return Status::Error(row.Where("empty actor"));
      alias.actor = registry_.Find(id);
      if (!alias.actor) return Status::Error(row.Where("unknown actor '" + id + "' (registry.tsv)"));
    }
    const std::string& context = row.Get("context");
    if (alias.strength != Strength::kContextual) {
      if (!context.empty()) return Status::Error(row.Where("only contextual rows have a context"));
      return alias;
    }
    Status parsed = ParseContext(row, context, &alias.context);
    if (!parsed.ok()) return parsed;
    if (alias.context.actor_ids.empty() && alias.context.countries.empty())
      alias.context.actor_ids.push_back(alias.actor->id);
    return alias;
  }

  Status ParseContext(const TsvRow& row, const std::string& context, ContextCondition* condition) const {
    std::istringstream words(context);
    std::string word;
    while (words >> word) {
      if (word.starts_with(kCountryPrefix)) {
        std::string country = word.substr(kCountryPrefix.size());
        if (!registry_.FindCountry(country))
          return Status::Error(row.Where("unknown country '" + country + "' in context (countries.tsv)"));
        condition->countries.push_back(country);
      } else if (registry_.Find(word)) {
        condition->actor_ids.push_back(word);
      } else {
        return Status::Error(row.Where("unknown actor '" + word + "' in context (registry.tsv)"));
      }
    }
    return Status::Ok();
  }

  Result<bool> ReadSplit(const TsvRow& row) const {
    if (table_.ColumnIndex("split") < 0) return false;
    const std::string& split = row.Get("split");
    if (split != "" && split != "yes" && split != "no")
      return Status::Error(row.Where("split must be yes, no or empty, not '" + split + "'"));
    return split == "yes";
  }

  // A row whose form (once normalised) is already an entry: another reading
  // of that form, tried after the earlier ones.
  Status AddToEntry(const TsvRow& row, uint32_t index, const AliasRow& alias, lexicon::Attach attach) {
    AliasEntry& entry = entries_[index];
    const AliasRow& last = entry.rows.back();
    std::string same = "form '" + row.Get("form") + "' is the same as line " + std::to_string(last.line) +
                       " ('" + forms_[index] + "') after normalisation";
    for (const AliasRow& earlier : entry.rows) {
      if (!SameRow(earlier, alias)) continue;
      warnings_.push_back(row.Where(same + ", with the same values; kept once"));
      return Status::Ok();
    }
    if (last.strength != Strength::kContextual)
      return Status::Error(
          row.Where(same + ", whose row is not contextual: only contextual rows may come before another"));
    if (attach != entry.attach) return Status::Error(row.Where(same + ", with another attach"));
    entry.rows.push_back(alias);
    return Status::Ok();
  }

  const TsvTable& table_;
  const text::Tokenizer& tokenizer_;
  const ActorRegistry& registry_;
  lexicon::MatcherBuilder builder_;
  std::vector<AliasEntry> entries_;
  std::vector<std::string> forms_;  // first form of each entry, for messages
  std::vector<std::string> split_words_;
  std::vector<std::string> warnings_;
};

}  // namespace

Result<AliasTable> AliasTable::Load(const std::string& path, const text::Tokenizer& tokenizer,
                                    const ActorRegistry& registry) {
  auto table = LoadFormTable(path, {"actor", "strength", "context"});
  if (!table) return table.status();
  AliasLoader loader(*table, tokenizer, registry);
  for (const TsvRow& row : table->rows()) {
    Status added = loader.AddRow(row);
    if (!added.ok()) return added;
  }
  return std::move(loader).Finish();
}

}  // namespace hadath::actors
