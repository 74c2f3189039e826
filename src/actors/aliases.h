// Internal: the alias lexicon (data/actors/aliases.tsv): forms of actor
// names, each with one or more rows (actor, strength, context).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hadath/actors.h"
#include "hadath/lexicon.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::actors {

enum class Strength : uint8_t { kStrong, kContextual, kMetonym, kNone };

// Parses "strong", "contextual", "metonym", "none".
std::optional<Strength> ParseStrength(std::string_view text);

// What a contextual row needs to hold: a non-contextual mention of one of
// `actor_ids` (or of an actor within one), or one of `countries`.
struct ContextCondition {
  std::vector<std::string> actor_ids;
  std::vector<std::string> countries;
};

struct AliasRow {
  const Actor* actor = nullptr;  // nullptr for kNone
  Strength strength = Strength::kStrong;
  ContextCondition context;  // kContextual only; never empty (defaults to the row's actor)
  int line = 0;
};

// The rows of one form (several forms may share it: same words once normalised).
struct AliasEntry {
  std::vector<AliasRow> rows;
  lexicon::Attach attach = lexicon::Attach::kAny;

  // Returns true iff the form names one actor whatever the context.
  bool IsSure() const {
    return rows.size() == 1 &&
           (rows[0].strength == Strength::kStrong || rows[0].strength == Strength::kMetonym);
  }
};

class AliasTable {
 public:
  // Reads `path`; actor ids and context ids must be in `registry`, context
  // countries among its countries.
  static Result<AliasTable> Load(const std::string& path, const text::Tokenizer& tokenizer,
                                 const ActorRegistry& registry);

  const lexicon::Matcher& matcher() const { return matcher_; }
  const AliasEntry& entry(uint32_t index) const { return entries_[index]; }
  const std::vector<std::string>& split_words() const { return split_words_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  AliasTable(lexicon::Matcher matcher, std::vector<AliasEntry> entries, std::vector<std::string> split_words,
             std::vector<std::string> warnings)
      : matcher_(std::move(matcher)),
        entries_(std::move(entries)),
        split_words_(std::move(split_words)),
        warnings_(std::move(warnings)) {}

 private:
  lexicon::Matcher matcher_;
  std::vector<AliasEntry> entries_;  // by matcher entry
  std::vector<std::string> split_words_;
  std::vector<std::string> warnings_;
};

}  // namespace hadath::actors
