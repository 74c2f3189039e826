#include "actors/forms.h"

namespace hadath::actors {

std::vector<std::string> NisbaForms(std::string_view masculine) {
  std::string base(masculine);
  return {base, base + std::string(affix::kTaMarbuta), base + std::string(affix::kPluralNominative),
          base + std::string(affix::kDualOblique)};
}

Status CheckForm(const TsvRow& row, std::string_view form, const text::Tokenizer& tokenizer) {
  if (form.empty()) return Status::Error(row.Where("empty form"));
  if (form.front() == ' ' || form.back() == ' ')
    return Status::Error(row.Where("form '" + std::string(form) + "' has leading or trailing spaces"));
  text::TokenizedText tokens;
  tokenizer.Tokenize(form, &tokens);
  for (const text::Token& token : tokens.tokens)
    if (token.kind == text::TokenKind::kArabicWord) return Status::Ok();
  return Status::Error(row.Where("form '" + std::string(form) + "' has no Arabic word"));
}

Result<TsvTable> LoadFormTable(const std::string& path, const std::vector<std::string>& required) {
  std::vector<std::string> columns = {"form"};
  columns.insert(columns.end(), required.begin(), required.end());
  return TsvTable::Load(path, columns);
}

Result<lexicon::Attach> AttachOf(const TsvTable& table, const TsvRow& row) {
  std::string_view text = table.ColumnIndex("attach") >= 0 ? std::string_view(row.Get("attach")) : "";
  std::optional<lexicon::Attach> attach = lexicon::ParseAttach(text);
  if (!attach)
    return Status::Error(
        row.Where("attach must be any, no-article or none, not '" + std::string(text) + "'"));
  return *attach;
}

Proclitics ProcliticsOf(const text::TokenizedText& text, const lexicon::Match& match,
                        const text::CliticSegmenter& clitics, const std::vector<std::string>& plain,
                        std::vector<text::CliticAnalysis>* scratch) {
  Proclitics proclitics;
  if (match.proclitic_bytes == 0) return proclitics;
  std::string_view word = text.NormalizedOf(text.tokens[match.first_token]);
  proclitics.text = word.substr(0, match.proclitic_bytes);
  clitics.Analyze(word, text::kProcliticSide, scratch);
  for (const text::CliticAnalysis& analysis : *scratch)
    if (analysis.proclitic_bytes == match.proclitic_bytes)
      proclitics.has_article = analysis.proclitic_has_article;
  for (const std::string& form : plain)
    if (proclitics.text.starts_with(form)) proclitics.has_other = true;
  return proclitics;
}

}  // namespace hadath::actors
