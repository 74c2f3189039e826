// Romanizer: Arabic place names in Latin letters, driven by
// data/geo/romanize.tsv (format and method there and in data/geo/README.md).
//
// One word at a time: the article is split off (and assimilated before a
// sun letter), the rest reduced to its letter shape — 'C' for a consonant,
// the letters ا و ي ى ة as themselves, a word-initial alef as ا — and the
// shape vocalised by its pattern row, or by the default rule below.
#include <unicode/utf8.h>

#include <algorithm>

#include <map>
#include <set>

#include "hadath/gazetteer.h"
#include "hadath/tsv.h"

namespace hadath::geo {

struct Romanizer::Tables {
  std::map<char32_t, std::string> consonants, initials, vowels, glides;
  std::set<char32_t> sun, ignored;
  std::map<std::u32string, std::string> patterns;
  std::string ending, construct, ending_after_long, article, short_vowel;
};

namespace {

constexpr char32_t kAlef = 0x0627;         // ARABIC LETTER ALEF
constexpr char32_t kLam = 0x0644;          // ARABIC LETTER LAM
constexpr char32_t kWaw = 0x0648;          // ARABIC LETTER WAW
constexpr char32_t kYeh = 0x064A;          // ARABIC LETTER YEH
constexpr char32_t kAlefMaksura = 0x0649;  // ARABIC LETTER ALEF MAKSURA
constexpr char32_t kTehMarbuta = 0x0629;   // ARABIC LETTER TEH MARBUTA
constexpr char32_t kConsonantMark = U'C';  // a consonant in a shape
constexpr char32_t kInitialAlef = kAlef;   // a word-initial alef in a shape

std::u32string Decode(std::string_view utf8) {
  std::u32string out;
  for (int32_t i = 0, length = static_cast<int32_t>(utf8.size()); i < length;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    out += c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
  }
  return out;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(buffer, length);
  }
  return out;
}

// The one letter of `row`'s arabic column; false when it is not one letter.
bool OneLetter(const TsvRow& row, char32_t* letter) {
  std::u32string letters = Decode(row.Get("arabic"));
  if (letters.size() != 1) return false;
  *letter = letters[0];
  return true;
}

Status AddLetterRow(const TsvRow& row, Romanizer::Tables* tables) {
  static const std::map<std::string, std::map<char32_t, std::string> Romanizer::Tables::*> kMaps = {
      {"consonant", &Romanizer::Tables::consonants},
      {"initial", &Romanizer::Tables::initials},
      {"vowel", &Romanizer::Tables::vowels},
      {"glide", &Romanizer::Tables::glides}};
  const std::string& kind = row.Get("kind");
  char32_t letter = 0;
  if (!OneLetter(row, &letter)) return Status::Error(row.Where("`" + kind + "` needs one Arabic letter"));
  if (auto found = kMaps.find(kind); found != kMaps.end())
    (tables->*(found->second))[letter] = row.Get("latin");
  else
    (kind == "sun" ? tables->sun : tables->ignored).insert(letter);
  return Status::Ok();
}

Status AddRow(const TsvRow& row, Romanizer::Tables* tables) {
  static const std::map<std::string, std::string Romanizer::Tables::*> kStrings = {
      {"ending", &Romanizer::Tables::ending},
      {"construct", &Romanizer::Tables::construct},
      {"ending-after-long", &Romanizer::Tables::ending_after_long},
      {"article", &Romanizer::Tables::article},
      {"short", &Romanizer::Tables::short_vowel}};
  static const std::set<std::string> kLetterKinds = {"consonant", "initial", "vowel",
                                                     "glide",     "sun",     "ignore"};
  const std::string& kind = row.Get("kind");
  if (kLetterKinds.count(kind)) return AddLetterRow(row, tables);
  if (auto found = kStrings.find(kind); found != kStrings.end()) {
    tables->*(found->second) = row.Get("latin");
    return Status::Ok();
  }
  if (kind != "pattern") return Status::Error(row.Where("unknown kind '" + kind + "'"));
  std::u32string shape = Decode(row.Get("arabic"));
  if (shape.empty() || row.Get("latin").empty()) return Status::Error(row.Where("empty pattern"));
  tables->patterns[shape] = row.Get("latin");
  return Status::Ok();
}

// Checks that a pattern's consonant slots match its shape's.
Status CheckPatterns(const Romanizer::Tables& tables, const std::string& path) {
  for (const auto& [shape, latin] : tables.patterns) {
    auto consonants = std::count(shape.begin(), shape.end(), kConsonantMark);
    if (std::count(latin.begin(), latin.end(), 'C') != consonants)
      return Status::Error(path + ": pattern " + Encode(shape) + " -> " + latin +
                           ": the vocalisation must have one C per consonant of the shape");
  }
  return Status::Ok();
}

// One word being romanised: its letters (article removed), its shape, and
// the Latin letters of its consonants in order.
struct Word {
  std::u32string letters;
  std::u32string shape;
  std::vector<std::string> consonants;
  std::string article;  // "al", "ash", ... or "" when the word has none
  bool romanisable = true;
};

bool IsVowelLetter(char32_t c) {
  return c == kAlef || c == kWaw || c == kYeh || c == kAlefMaksura || c == kTehMarbuta;
}

class WordRomanizer {
 public:
  explicit WordRomanizer(const Romanizer::Tables& tables) : tables_(tables) {}

  // `last`: the word ends the name (ta marbuta reads "ah", else "at").
  std::string Romanize(std::u32string_view letters, bool last) const {
    Word word = Analyse(letters);
    if (!word.romanisable) return Encode(letters);
    auto pattern = tables_.patterns.find(word.shape);
    std::string vocalised = pattern != tables_.patterns.end() ? pattern->second : Vocalise(word.shape);
    std::string latin = Fill(vocalised, word);
    if (!last && latin.size() >= tables_.ending.size() && !tables_.ending.empty() &&
        word.shape.back() == kTehMarbuta && latin.ends_with(tables_.ending))
      latin = latin.substr(0, latin.size() - tables_.ending.size()) + tables_.construct;
    return word.article.empty() ? latin : word.article + "-" + latin;
  }

 private:
  Word Analyse(std::u32string_view letters) const {
    Word word;
    for (char32_t c : letters)
      if (!tables_.ignored.count(c)) word.letters += c;
    std::u32string_view stem = word.letters;
    if (stem.size() > 3 && stem[0] == kAlef && stem[1] == kLam) {
      stem.remove_prefix(2);
      word.article = tables_.sun.count(stem[0]) && tables_.consonants.count(stem[0])
                         ? tables_.short_vowel + tables_.consonants.at(stem[0])
                         : tables_.article;
    }
    for (size_t i = 0; i < stem.size(); ++i) {
      char32_t c = stem[i];
      if (i == 0 && tables_.initials.count(c)) {
        word.shape += kInitialAlef;
      } else if (IsVowelLetter(c)) {
        word.shape += c;
      } else if (auto found = tables_.consonants.find(c); found != tables_.consonants.end()) {
        word.shape += kConsonantMark;
        word.consonants.push_back(found->second);
      } else {
        word.romanisable = false;
      }
    }
    word.letters = stem;
    word.romanisable = word.romanisable && !stem.empty();
    return word;
  }

  // Whether the و/ي at `i` is a consonant (w, y): at the start of a word,
  // next to ا, before another vowel letter, or و before ة.
  static bool IsGlide(std::u32string_view shape, size_t i) {
    char32_t next = i + 1 < shape.size() ? shape[i + 1] : 0;
    char32_t previous = i > 0 ? shape[i - 1] : 0;
    return i == 0 || next == kAlef || next == kWaw || next == kYeh || next == kAlefMaksura ||
           previous == kAlef || (shape[i] == kWaw && next == kTehMarbuta);
  }

  bool IsConsonantAt(std::u32string_view shape, size_t i) const {
    if (i >= shape.size()) return false;
    if (shape[i] == kConsonantMark) return true;
    return (shape[i] == kWaw || shape[i] == kYeh) && IsGlide(shape, i);
  }

  // The default vocalisation of a shape without a pattern row.
  std::string Vocalise(std::u32string_view shape) const {
    std::string out;
    int run = 0;  // consonants since the last vowel letter
    for (size_t i = 0; i < shape.size(); ++i) {
      if (IsConsonantAt(shape, i)) {
        out += shape[i] == kConsonantMark ? std::string(1, 'C') : tables_.glides.at(shape[i]);
        if (IsConsonantAt(shape, i + 1) && ++run % 2 == 1) out += tables_.short_vowel;
        if (!IsConsonantAt(shape, i + 1)) run = 0;
        continue;
      }
      run = 0;
      out += VowelLetter(shape, i);
    }
    return out;
  }

  std::string VowelLetter(std::u32string_view shape, size_t i) const {
    char32_t c = shape[i];
    if (c == kTehMarbuta)
      return i > 0 && (shape[i - 1] == kAlef || shape[i - 1] == kAlefMaksura) ? tables_.ending_after_long
                                                                              : tables_.ending;
    if (i == 0) return tables_.vowels.at(kAlef);  // word-initial alef
    bool last = i + 1 == shape.size();
    if ((c == kWaw || c == kYeh) && i == 1 && shape[0] == kConsonantMark && !last)
      return tables_.short_vowel + tables_.glides.at(c);  // CawC, CayC
    if (c == kYeh && !last && shape[i + 1] == kTehMarbuta)
      return tables_.vowels.at(kYeh) + tables_.glides.at(kYeh);  // -iyah
    return tables_.vowels.at(c);
  }

  std::string Fill(const std::string& vocalised, const Word& word) const {
    std::string out;
    size_t next = 0;
    std::string previous;
    for (char c : vocalised) {
      if (c == 'C') {
        previous = next < word.consonants.size() ? word.consonants[next++] : "";
        out += previous;
      } else if (c == '=') {
        out += previous;
      } else {
        out += c;
      }
    }
    // A word-initial أ/إ/آ says which vowel opens the word.
    if (word.shape[0] == kInitialAlef && !out.empty() && out[0] == 'a')
      out = tables_.initials.at(word.letters[0]) + out.substr(1);
    return out;
  }

  const Romanizer::Tables& tables_;
};

std::string Capitalised(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// "al-busayrah" -> "Al-Busayrah" at the start of a name, "al-Busayrah" after.
std::string Cased(const std::string& word, bool first) {
  size_t hyphen = word.find('-');
  if (hyphen == std::string::npos) return Capitalised(word);
  std::string article = word.substr(0, hyphen);
  return (first ? Capitalised(article) : article) + "-" + Capitalised(word.substr(hyphen + 1));
}

}  // namespace

Result<Romanizer> Romanizer::Load(const std::string& path) {
  auto table = TsvTable::Load(path, {"kind", "arabic", "latin"});
  if (!table) return table.status();
  auto tables = std::make_shared<Tables>();
  for (const TsvRow& row : table->rows())
    if (Status status = AddRow(row, tables.get()); !status) return status;
  for (char32_t needed : {kAlef, kWaw, kYeh, kAlefMaksura})
    if (!tables->vowels.count(needed) ||
        (needed != kAlef && needed != kAlefMaksura && !tables->glides.count(needed)))
      return Status::Error(path + ": needs `vowel` rows for ا و ي ى and `glide` rows for و ي");
  for (const auto& [letter, latin] : tables->initials)
    if (latin.empty()) return Status::Error(path + ": an `initial` row without latin");
  if (Status status = CheckPatterns(*tables, path); !status) return status;
  return Romanizer(std::move(tables));
}

std::string Romanizer::Romanize(std::string_view arabic) const {
  std::u32string text = Decode(arabic);
  std::vector<std::u32string_view> words;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(U' ', start);
    if (end == std::u32string::npos) end = text.size();
    if (end > start) words.push_back(std::u32string_view(text).substr(start, end - start));
    start = end + 1;
  }
  WordRomanizer romanizer(*tables_);
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += Cased(romanizer.Romanize(words[i], i + 1 == words.size()), i == 0);
  }
  return out;
}

}  // namespace hadath::geo
