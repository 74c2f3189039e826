#include "hadath/text/clitics.h"

#include <algorithm>

namespace hadath::text {

struct CliticSegmenter::Inventory {
  struct Proclitic {
    std::string form, restore;
    bool article;
  };
  struct Final {
    std::string form, restore;
  };
  std::vector<Proclitic> proclitics;
  std::vector<std::string> enclitics;
  std::vector<Final> finals;
};

namespace {

using Inventory = CliticSegmenter::Inventory;

constexpr size_t kMinimumStemLetters = 2;

size_t CountLetters(std::string_view utf8) {
  return static_cast<size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

Status AddRow(const TsvRow& row, const Normalizer& normalizer, Inventory* inventory) {
  const std::string& position = row.Get("position");
  std::string form = normalizer.Normalize(row.Get("form"));
  std::string restore = normalizer.Normalize(row.Get("restore"));
  if (form.empty()) return Status::Error(row.Where("empty form"));
  const std::string& article = row.Get("article");
  if (article != "yes" && article != "no") return Status::Error(row.Where("article must be yes or no"));
  if (position == "proclitic")
    inventory->proclitics.push_back({form, restore, article == "yes"});
  else if (position == "enclitic")
    inventory->enclitics.push_back(form);
  else if (position == "final")
    inventory->finals.push_back({form, restore});
  else
    return Status::Error(row.Where("position must be proclitic, enclitic or final, not '" + position + "'"));
  return Status::Ok();
}

// Byte loops rather than memcmp: clitics are a few bytes long and these run
// for every word the matcher looks at.
bool StartsWith(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = prefix.size(); i-- > 0;)
    if (text[i] != prefix[i]) return false;
  return true;
}
bool EndsWith(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const char* tail = text.data() + text.size() - suffix.size();
  for (size_t i = suffix.size(); i-- > 0;)
    if (tail[i] != suffix[i]) return false;
  return true;
}

// One way to take proclitics off the front of a word.
struct Front {
  uint16_t bytes;
  std::string_view restore;
  bool article;
};

// Calls `visit` with each way to take proclitics off the front of `word`,
// the bare word first.
template <typename Visit>
void ForEachFront(const Inventory& inventory, std::string_view word, uint8_t sides, Visit visit) {
  visit(Front{0, {}, false});
  if (!(sides & kProcliticSide)) return;
  for (const auto& proclitic : inventory.proclitics) {
    if (!StartsWith(word, proclitic.form) ||
        CountLetters(word.substr(proclitic.form.size())) < kMinimumStemLetters)
      continue;
    uint16_t bytes = static_cast<uint16_t>(proclitic.form.size());
    visit(Front{bytes, proclitic.restore, proclitic.article});
    // لل = ل + ال: offer the stem with the article given back, then without it.
    if (!proclitic.restore.empty()) visit(Front{bytes, {}, proclitic.article});
  }
}

// Orders analyses from the least to the most stripped, keeping the order of
// equals (an insertion sort: a handful of items, no allocation).
void SortByStrippedBytes(std::vector<CliticAnalysis>* analyses) {
  auto stripped = [](const CliticAnalysis& a) { return a.proclitic_bytes + a.enclitic_bytes; };
  for (size_t i = 1; i < analyses->size(); ++i)
    for (size_t j = i; j > 0 && stripped((*analyses)[j]) < stripped((*analyses)[j - 1]); --j)
      std::swap((*analyses)[j], (*analyses)[j - 1]);
}

bool StartsWithArticle(const Inventory& inventory, std::string_view stem) {
  return std::any_of(inventory.proclitics.begin(), inventory.proclitics.end(), [&](const auto& proclitic) {
    return proclitic.article && proclitic.restore.empty() && StartsWith(stem, proclitic.form);
  });
}

void AddWithEnclitics(const Inventory& inventory, std::string_view word, const Front& front, uint8_t sides,
                      std::vector<CliticAnalysis>* out) {
  std::string_view rest = word.substr(front.bytes);
  bool definite = front.article || StartsWithArticle(inventory, rest);
  out->push_back({front.bytes, 0, front.article, std::string(front.restore).append(rest)});
  if (!(sides & kEncliticSide) || definite) return;
  for (const std::string& enclitic : inventory.enclitics) {
    if (!EndsWith(rest, enclitic)) continue;
    std::string_view core = rest.substr(0, rest.size() - enclitic.size());
    if (CountLetters(core) < kMinimumStemLetters) continue;
    uint16_t enclitic_bytes = static_cast<uint16_t>(enclitic.size());
    out->push_back({front.bytes, enclitic_bytes, front.article, std::string(front.restore).append(core)});
    for (const auto& final : inventory.finals)
      if (EndsWith(core, final.form))
        out->push_back({front.bytes, enclitic_bytes, front.article,
                        std::string(front.restore)
                            .append(core.substr(0, core.size() - final.form.size()))
                            .append(final.restore)});
  }
}

}  // namespace

Result<CliticSegmenter> CliticSegmenter::Load(const Normalizer& normalizer, const std::string& data_dir) {
  auto table = TsvTable::Load(data_dir + "/text/clitics.tsv", {"position", "form", "restore", "article"});
  if (!table) return table.status();
  auto inventory = std::make_shared<Inventory>();
  for (const TsvRow& row : table->rows()) {
    Status added = AddRow(row, normalizer, inventory.get());
    if (!added.ok()) return added;
  }
  return CliticSegmenter(std::move(inventory));
}

void CliticSegmenter::Analyze(std::string_view word, uint8_t sides, std::vector<CliticAnalysis>* out) const {
  out->clear();
  ForEachFront(*inventory_, word, sides,
               [&](const Front& front) { AddWithEnclitics(*inventory_, word, front, sides, out); });
  SortByStrippedBytes(out);
}

std::vector<std::string> CliticSegmenter::PlainProclitics() const {
  std::vector<std::string> forms;
  for (const auto& proclitic : inventory_->proclitics)
    if (!proclitic.article) forms.push_back(proclitic.form);
  return forms;
}

}  // namespace hadath::text
