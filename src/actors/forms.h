// Internal: shared helpers of the actor stage's lexicon loaders: form checks
// (the rules of data/lexicon/README.md), Arabic affixes used to generate
// inflected forms, and what the proclitics of a matched word hold.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hadath/lexicon.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"
#include "hadath/tsv.h"

namespace hadath::actors {

// Letters and suffixes of Arabic inflection, as UTF-8.
namespace affix {
inline constexpr std::string_view kAlef = "\u0627";         // ARABIC LETTER ALEF
inline constexpr std::string_view kAlefMaksura = "\u0649";  // ARABIC LETTER ALEF MAKSURA
inline constexpr std::string_view kHamza = "\u0621";        // ARABIC LETTER HAMZA
inline constexpr std::string_view kTaMarbuta = "\u0629";    // ARABIC LETTER TEH MARBUTA
inline constexpr std::string_view kTa = "\u062A";           // ARABIC LETTER TEH
inline constexpr std::string_view kYa = "\u064A";           // ARABIC LETTER YEH
inline constexpr std::string_view kWaw = "\u0648";          // ARABIC LETTER WAW
// Dual, nominative: ALEF NOON; oblique: YEH NOON (also the sound masculine plural, oblique).
inline constexpr std::string_view kDualNominative = "\u0627\u0646";
inline constexpr std::string_view kDualOblique = "\u064A\u0646";
// Sound masculine plural, nominative: WAW NOON.
inline constexpr std::string_view kPluralNominative = "\u0648\u0646";
}  // namespace affix

// The forms of a masculine nisba adjective: itself, +ة, +ون, +ين
// (أمريكي، أمريكية، أمريكيون، أمريكيين).
std::vector<std::string> NisbaForms(std::string_view masculine);

// Returns an error "path:line: ..." when `form` is empty, padded with spaces
// or holds no Arabic word.
Status CheckForm(const TsvRow& row, std::string_view form, const text::Tokenizer& tokenizer);

// Reads a TSV with a `form` column and `required` others; `attach`, `split`
// and `comment` are optional.
Result<TsvTable> LoadFormTable(const std::string& path, const std::vector<std::string>& required);

// The `attach` of a row (empty when the table has no such column).
Result<lexicon::Attach> AttachOf(const TsvTable& table, const TsvRow& row);

// What the proclitics of a matched first word hold.
struct Proclitics {
  bool has_article = false;  // ال، بال، لل ...
  bool has_other = false;    // a conjunction or preposition (و، ب، ل ...)
  std::string_view text;     // the normalised proclitic letters
};

// Proclitics of `match`'s first token, as `clitics` analyses them; `plain`
// is clitics.PlainProclitics() (those that hold no article).
Proclitics ProcliticsOf(const text::TokenizedText& text, const lexicon::Match& match,
                        const text::CliticSegmenter& clitics, const std::vector<std::string>& plain,
                        std::vector<text::CliticAnalysis>* scratch);

}  // namespace hadath::actors
