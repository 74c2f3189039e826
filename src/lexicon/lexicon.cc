#include "hadath/lexicon.h"

#include <unordered_map>

namespace hadath::lexicon {
namespace {

bool HasArabicWord(const text::Tokenizer& tokenizer, std::string_view form) {
  text::TokenizedText tokens;
  tokenizer.Tokenize(form, &tokens);
  for (const text::Token& token : tokens.tokens)
    if (token.kind == text::TokenKind::kArabicWord) return true;
  return false;
}

bool IsPadded(std::string_view form) { return !form.empty() && (form.front() == ' ' || form.back() == ' '); }

// The fields that give an entry its meaning: all but `form` and `comment`.
std::vector<std::string> ValuesOf(const TsvTable& table, const TsvRow& row) {
  std::vector<std::string> values;
  for (size_t i = 0; i < table.columns().size(); ++i)
    if (table.columns()[i] != "form" && table.columns()[i] != "comment") values.push_back(row.fields()[i]);
  return values;
}

class Loader {
 public:
  Loader(const TsvTable& table, const text::Tokenizer& tokenizer, const LexiconOptions& options)
      : table_(table), tokenizer_(tokenizer), options_(options), builder_(tokenizer) {}

  Status AddRow(uint32_t index) {
    const TsvRow& row = table_.rows()[index];
    const std::string& form = row.Get("form");
    Status checked = CheckForm(row, form);
    if (!checked.ok()) return checked;
    std::optional<Attach> attach = ParseAttach(table_.ColumnIndex("attach") >= 0 ? row.Get("attach") : "");
    if (!attach)
      return Status::Error(
          row.Where("attach must be any, no-article, none or proclitics, not '" + row.Get("attach") + "'"));
    auto added = builder_.Add(form, index, *attach);
    if (!added) return Status::Error(row.Where(added.error()));
    if (*added) return CompareWithEarlier(row, table_.rows()[**added]);
    return Status::Ok();
  }

  std::vector<std::string> TakeWarnings() { return std::move(warnings_); }
  Matcher Compile() && { return std::move(builder_).Compile(); }

 private:
  Status CheckForm(const TsvRow& row, const std::string& form) const {
    if (form.empty()) return Status::Error(row.Where("empty form"));
    if (IsPadded(form)) return Status::Error(row.Where("form '" + form + "' has leading or trailing spaces"));
    if (options_.arabic_forms && !HasArabicWord(tokenizer_, form))
      return Status::Error(row.Where("form '" + form + "' has no Arabic word"));
    return Status::Ok();
  }

  Status CompareWithEarlier(const TsvRow& row, const TsvRow& earlier) {
    std::string same = "form '" + row.Get("form") + "' is the same as line " +
                       std::to_string(earlier.line()) + " ('" + earlier.Get("form") +
                       "') after normalisation";
    if (ValuesOf(table_, row) != ValuesOf(table_, earlier))
      return Status::Error(row.Where(same + ", with different values"));
    warnings_.push_back(row.Where(same + "; kept once"));
    return Status::Ok();
  }

  const TsvTable& table_;
  const text::Tokenizer& tokenizer_;
  const LexiconOptions& options_;
  MatcherBuilder builder_;
  std::vector<std::string> warnings_;
};

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& path, const text::Tokenizer& tokenizer,
                              const LexiconOptions& options) {
  auto text = ReadFile(path);
  if (!text) return text.status();
  return Parse(*text, path, tokenizer, options);
}

Result<Lexicon> Lexicon::Parse(std::string_view tsv, const std::string& path,
                               const text::Tokenizer& tokenizer, const LexiconOptions& options) {
  std::vector<std::string> columns = {"form"};
  columns.insert(columns.end(), options.required_columns.begin(), options.required_columns.end());
  auto table = TsvTable::Parse(tsv, path, columns);
  if (!table) return table.status();
  Loader loader(*table, tokenizer, options);
  for (uint32_t index = 0; index < table->rows().size(); ++index) {
    Status added = loader.AddRow(index);
    if (!added.ok()) return added;
  }
  std::vector<std::string> warnings = loader.TakeWarnings();
  Matcher matcher = std::move(loader).Compile();
  return Lexicon(std::move(*table), std::move(matcher), std::move(warnings));
}

std::vector<std::string> Lexicon::SplitWords() const {
  std::vector<std::string> words;
  if (table_.ColumnIndex("split") < 0) return words;
  for (const TsvRow& row : table_.rows())
    if (row.Get("split") == "yes") words.push_back(row.Get("form"));
  return words;
}

}  // namespace hadath::lexicon
