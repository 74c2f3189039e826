#include "hadath/text/tokenizer.h"

#include "text/broken_words.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace hadath::text {
namespace {

struct Char {
  char32_t code_point;
  uint32_t length;
  CharClass char_class;
};

// Cuts normalised text into tokens. Hand-written over the class table (no
// ICU BreakIterator): it runs over every byte of every article, and its
// rules are simpler than UAX #29's (which would keep "ال3" as one word).
class Scanner {
 public:
  // Cuts `text` into `tokens`; the indices of Arabic words that may start a
  // broken split word go to `candidates`.
  Scanner(const NormalizedText& text, const Tokenizer::SplitWords& split_words, std::vector<Token>* tokens,
          std::vector<uint32_t>* candidates)
      : text_(text),
        begin_(reinterpret_cast<const uint8_t*>(text.text.data())),
        end_(begin_ + text.text.size()),
        classes_(BmpClassTable()),
        split_words_(split_words),
        tokens_(*tokens),
        candidates_(*candidates) {}

  void Run() {
    const uint8_t* p = begin_;
    while (p < end_) p = ScanToken(p);
  }

 private:
  // Normalised text is well-formed UTF-8 (the normaliser replaces bad
  // bytes), so a two-byte lead needs no further check.
  static bool IsTwoByteLead(const uint8_t* p) { return (*p & 0xE0) == 0xC0; }

  Char At(const uint8_t* p) const {
    if (*p < 0x80) return {*p, 1, classes_[*p]};
    if (IsTwoByteLead(p)) {
      char32_t code_point = TwoByteCodePoint(p);
      return {code_point, 2, classes_[code_point]};
    }
    Decoded decoded = DecodeUtf8(p, end_);
    CharClass char_class =
        decoded.code_point < 0x10000 ? classes_[decoded.code_point] : ClassOf(decoded.code_point);
    return {decoded.code_point, decoded.length, char_class};
  }

  // Tests in order of frequency in Arabic text (an if-chain predicts
  // better here than a switch's indirect jump).
  const uint8_t* ScanToken(const uint8_t* p) {
    Char first = At(p);
    CharClass char_class = first.char_class;
    if (char_class == CharClass::kArabicLetter) return ScanArabicWord(p, first);
    if (char_class == CharClass::kSpace) return p + first.length;
    if (char_class == CharClass::kPunctuation) return Emit(p, ScanRepeats(p, first), TokenKind::kPunctuation);
    if (char_class == CharClass::kDigit) return Emit(p, ScanNumber(p + first.length), TokenKind::kNumber);
    if (char_class == CharClass::kLatinLetter)
      return Emit(p, ScanWord(p + first.length, char_class), TokenKind::kLatinWord);
    if (char_class == CharClass::kOtherLetter)
      return Emit(p, ScanWord(p + first.length, char_class), TokenKind::kOtherWord);
    return Emit(p, p + first.length, TokenKind::kSymbol);  // symbols, and marks with no letter before them
  }

  // An Arabic word, noting whether it may start a broken split word.
  const uint8_t* ScanArabicWord(const uint8_t* start, Char first) {
    StartKey key;
    key.Add(first.code_point);
    const uint8_t* p = start + first.length;
    while (p < end_ && IsTwoByteLead(p)) {  // Arabic letters, inline
      char32_t code_point = TwoByteCodePoint(p);
      CharClass next = classes_[code_point];
      if (next != CharClass::kArabicLetter && next != CharClass::kMark) break;
      key.Add(code_point);
      p += 2;
    }
    const uint8_t* stop = ScanWord(p, CharClass::kArabicLetter);
    if (stop != p) key = StartKey::Of(Slice(start, stop));  // a character beyond two bytes: rare
    if (split_words_.MayStart(key, static_cast<uint32_t>(stop - start)))
      candidates_.push_back(static_cast<uint32_t>(tokens_.size()));
    return Emit(start, stop, TokenKind::kArabicWord);
  }

  std::string_view Slice(const uint8_t* start, const uint8_t* stop) const {
    return std::string_view(reinterpret_cast<const char*>(start), static_cast<size_t>(stop - start));
  }

  // Letters of `letter_class` and combining marks.
  const uint8_t* ScanWord(const uint8_t* p, CharClass letter_class) const {
    while (p < end_) {
      Char next = At(p);
      if (next.char_class != letter_class && next.char_class != CharClass::kMark) break;
      p += next.length;
    }
    return p;
  }

  // Digits, with a single '.' or ',' allowed between two digits.
  const uint8_t* ScanNumber(const uint8_t* p) const {
    while (p < end_) {
      Char next = At(p);
      if (next.char_class == CharClass::kDigit) {
        p += next.length;
      } else if ((*p == '.' || *p == ',') && p + 1 < end_ && At(p + 1).char_class == CharClass::kDigit) {
        p += 1;
      } else {
        break;
      }
    }
    return p;
  }

  // `first` and any immediate repeats of the same character.
  const uint8_t* ScanRepeats(const uint8_t* p, Char first) const {
    p += first.length;
    while (p < end_ && At(p).code_point == first.code_point) p += first.length;
    return p;
  }

  const uint8_t* Emit(const uint8_t* start, const uint8_t* stop, TokenKind kind) {
    uint32_t from = static_cast<uint32_t>(start - begin_), to = static_cast<uint32_t>(stop - begin_);
    tokens_.push_back({{text_.SourceStart(from), text_.SourceEnd(to)},
                       {from, to},
                       from,
                       to - from,
                       kind,
                       false,
                       kind == TokenKind::kArabicWord && LastCharacterReplaced(from, to)});
    return stop;
  }

  // Returns true iff the last (two-byte) character of text[from, to) is a
  // replacement: both its bytes map to one input byte (a kept character
  // maps byte for byte; see NormalizedText::source_offsets).
  bool LastCharacterReplaced(uint32_t from, uint32_t to) const {
    return to - from >= 2 && text_.source_offsets[to - 1] == text_.source_offsets[to - 2];
  }

  const NormalizedText& text_;
  const uint8_t* begin_;
  const uint8_t* end_;
  const CharClass* classes_;
  const Tokenizer::SplitWords& split_words_;
  std::vector<Token>& tokens_;
  std::vector<uint32_t>& candidates_;
};

Result<std::vector<std::string>> LoadForms(const std::string& path, const Normalizer& normalizer) {
  auto table = TsvTable::Load(path, {"form"});
  if (!table) return table.status();
  std::vector<std::string> forms;
  for (const TsvRow& row : table->rows()) {
    std::string form = normalizer.Normalize(row.Get("form"));
    if (form.empty()) return Status::Error(row.Where("empty form"));
    forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

const char* KindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kArabicWord: return "arabic";
    case TokenKind::kLatinWord: return "latin";
    case TokenKind::kOtherWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunctuation: return "punct";
    case TokenKind::kSymbol: return "symbol";
  }
  return "?";
}

Span TokenizedText::SourceOfFormBytes(const Token& token, uint32_t begin, uint32_t end) const {
  auto normalized_index = [&](uint32_t form_byte) -> uint32_t {
    if (!token.rejoined) return token.form_start + form_byte;
    // Walk the broken form, counting only the bytes that went into the word.
    std::string_view rejoined = std::string_view(rejoined_forms).substr(token.form_start, token.form_length);
    uint32_t index = token.normalized.start, counted = 0;
    while (counted < form_byte && index < token.normalized.end) {
      if (normalized.text[index] == rejoined[counted]) ++counted;
      ++index;
    }
    return index;
  };
  uint32_t start = begin == 0 ? token.span.start : normalized.SourceStart(normalized_index(begin));
  uint32_t stop = end >= token.form_length ? token.span.end : normalized.SourceEnd(normalized_index(end));
  return {start, stop};
}

Result<Tokenizer> Tokenizer::Load(const std::string& data_dir) {
  auto normalizer = Normalizer::Load(data_dir);
  if (!normalizer) return normalizer.status();
  auto clitics = CliticSegmenter::Load(*normalizer, data_dir);
  if (!clitics) return clitics.status();
  auto split = LoadForms(data_dir + "/text/split-words.tsv", *normalizer);
  if (!split) return split.status();
  auto common = LoadForms(data_dir + "/text/common-words.tsv", *normalizer);
  if (!common) return common.status();
  auto split_words = std::make_shared<SplitWords>();
  split_words->common.insert(common->begin(), common->end());
  std::vector<std::string> proclitics = clitics->PlainProclitics();
  for (const std::string& form : *split) split_words->Add(form, proclitics);
  return Tokenizer(std::move(*normalizer), std::move(*clitics), std::move(split_words));
}

Tokenizer Tokenizer::WithSplitWords(const std::vector<std::string>& words) const {
  auto split_words = std::make_shared<SplitWords>(*split_words_);
  std::vector<std::string> proclitics = clitics_.PlainProclitics();
  for (const std::string& word : words) {
    std::string form = normalizer_.Normalize(word);
    if (!form.empty() && form.find(' ') == std::string::npos) split_words->Add(form, proclitics);
  }
  return Tokenizer(normalizer_, clitics_, std::move(split_words));
}

void Tokenizer::Tokenize(std::string_view utf8, TokenizedText* out) const {
  normalizer_.Normalize(utf8, &out->normalized);
  out->tokens.clear();
  out->rejoined_forms.clear();
  out->rejoin_candidates.clear();
  out->tokens.reserve(out->normalized.text.size() / 4);
  Scanner(out->normalized, *split_words_, &out->tokens, &out->rejoin_candidates).Run();
  RejoinBrokenWords(*split_words_, out->rejoin_candidates, out);
}

}  // namespace hadath::text
