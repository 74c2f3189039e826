#include "hadath/text/sentences.h"

#include "text/char_class.h"
#include "text/utf8.h"

namespace hadath::text {
namespace {

// Sentence-final marks.
bool IsTerminator(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F ||  // ARABIC QUESTION MARK
         c == 0x06D4 ||                                      // ARABIC FULL STOP
         c == 0x2026;                                        // HORIZONTAL ELLIPSIS
}

bool IsDotLike(char32_t c) { return c == '.' || c == 0x2026; }

bool IsOpener(char32_t c) {
  return c == 0x00AB ||  // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
         c == 0x201C ||  // LEFT DOUBLE QUOTATION MARK
         c == 0x201E ||  // DOUBLE LOW-9 QUOTATION MARK
         c == 0x2039 ||  // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
         c == '(' || c == '[' || c == '{';
}

// Closes `opener`. U+201D and '"' are used both ways in Arabic web text, so
// they close whatever double quote is open and open one otherwise.
bool Closes(char32_t c, char32_t opener) {
  switch (c) {
    case 0x00BB: return opener == 0x00AB;  // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    case 0x203A: return opener == 0x2039;  // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
    case 0x201D:
      return opener == 0x201C || opener == 0x201E || opener == 0x201D;  // RIGHT DOUBLE QUOTATION MARK
    case '"': return opener == '"';
    case ')': return opener == '(';
    case ']': return opener == '[';
    case '}': return opener == '{';
    default: return false;
  }
}

bool IsToggle(char32_t c) { return c == '"' || c == 0x201D; }
bool IsCloser(char32_t c) {
  return c == 0x00BB || c == 0x203A || c == ')' || c == ']' || c == '}' || IsToggle(c);
}

bool IsWordChar(char32_t c) {
  CharClass char_class = ClassOf(c);
  return char_class == CharClass::kArabicLetter || char_class == CharClass::kLatinLetter ||
         char_class == CharClass::kOtherLetter || char_class == CharClass::kDigit ||
         char_class == CharClass::kMark || c == 0x0640;  // ARABIC TATWEEL
}

bool IsBlank(char32_t c) { return ClassOf(c) == CharClass::kSpace; }

// Reads characters of a line by byte offset.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  Decoded At(uint32_t offset) const {
    const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
    return DecodeUtf8(p + offset, p + text_.size());
  }
  // Offset of the character that ends at `offset` (offset > 0).
  uint32_t Before(uint32_t offset) const {
    do --offset;
    while (offset > 0 && (static_cast<uint8_t>(text_[offset]) & 0xC0) == 0x80);
    return offset;
  }

 private:
  std::string_view text_;
};

Span Trim(std::string_view text, Span span) {
  Cursor cursor(text);
  while (span.start < span.end && IsBlank(cursor.At(span.start).code_point))
    span.start += cursor.At(span.start).length;
  while (span.end > span.start && IsBlank(cursor.At(cursor.Before(span.end)).code_point))
    span.end = cursor.Before(span.end);
  return span;
}

// Returns true iff the (trimmed) line ends with a terminator, possibly
// followed by closing quotes or brackets.
bool EndsWithTerminator(std::string_view text, Span line) {
  Cursor cursor(text);
  uint32_t end = line.end;
  while (end > line.start) {
    char32_t last = cursor.At(cursor.Before(end)).code_point;
    if (IsTerminator(last)) return true;
    if (!IsCloser(last)) return false;
    end = cursor.Before(end);
  }
  return false;
}

struct OpenQuote {
  char32_t mark;
  int words_before;  // words seen in the line before the mark
};

// Walks one line, deciding at each terminator run whether it ends a sentence.
// Hand-written rather than ICU's sentence BreakIterator: UAX #29 knows
// nothing of Arabic headline conventions ("دير الزور.. “قسد” تعلن"), of a
// data list of abbreviations, or of short quotations; its useful part (what
// is a letter, a space) comes from ICU properties here too (char_class.h).
class LineSplitter {
 public:
  LineSplitter(const SentenceSplitter& splitter, std::string_view text, Span line)
      : splitter_(splitter), text_(text), cursor_(text), line_(line) {}

  void Run(std::vector<Span>* out) {
    unterminated_ = !EndsWithTerminator(text_, line_);
    if (unterminated_ && CountWords() <= kHeadlineMaxWords) {
      out->push_back(line_);  // a headline or subhead
      return;
    }
    uint32_t sentence_start = line_.start;
    for (uint32_t at = line_.start; at < line_.end;) {
      Decoded c = cursor_.At(at);
      if (!IsTerminator(c.code_point)) {
        Track(c.code_point);
        at += c.length;
        continue;
      }
      uint32_t after = AfterRunAndClosers(at);
      if (EndsSentence(at, after)) {
        Emit(sentence_start, after, out);
        sentence_start = after;
      }
      at = after;
    }
    Emit(sentence_start, line_.end, out);
  }

 private:
  void Track(char32_t c) {
    bool word_char = IsWordChar(c);
    if (word_char && !in_word_) ++words_;
    in_word_ = word_char;
    if (!quotes_.empty() && Closes(c, quotes_.back().mark)) {
      quotes_.pop_back();
    } else if (IsOpener(c) || IsToggle(c)) {
      quotes_.push_back({c, words_});
    }
  }

  // The offset after the terminator run starting at `at` and any closers.
  uint32_t AfterRunAndClosers(uint32_t at) {
    run_length_ = 0;
    only_dots_ = true;
    while (at < line_.end && IsTerminator(cursor_.At(at).code_point)) {
      only_dots_ = only_dots_ && IsDotLike(cursor_.At(at).code_point);
      run_length_ += cursor_.At(at).code_point == 0x2026 ? 3 : 1;  // HORIZONTAL ELLIPSIS counts as "..."
      at += cursor_.At(at).length;
    }
    in_word_ = false;
    closed_short_quote_ = false;
    while (at < line_.end && !quotes_.empty() && Closes(cursor_.At(at).code_point, quotes_.back().mark)) {
      closed_short_quote_ =
          closed_short_quote_ || words_ - quotes_.back().words_before <= kShortQuotationWords;
      quotes_.pop_back();
      at += cursor_.At(at).length;
    }
    return at;
  }

  int CountWords() const {
    int words = 0;
    bool in_word = false;
    for (uint32_t at = line_.start; at < line_.end; at += cursor_.At(at).length) {
      bool word_char = IsWordChar(cursor_.At(at).code_point);
      words += word_char && !in_word;
      in_word = word_char;
    }
    return words;
  }

  bool EndsSentence(uint32_t run_start, uint32_t after) const {
    if (after < line_.end && !IsBlank(cursor_.At(after).code_point)) return false;  // 3.5, a.b, ».x
    if (unterminated_ && only_dots_ && run_length_ > 1) return false;  // ".." separates headline parts
    if (run_length_ == 1 && only_dots_ && AfterAbbreviation(run_start)) return false;
    if (closed_short_quote_) return false;
    return !InsideShortQuotation(after);
  }

  // The letters (and inner dots) right before the full stop at `dot`.
  bool AfterAbbreviation(uint32_t dot) const {
    uint32_t start = dot;
    while (start > line_.start) {
      uint32_t previous = cursor_.Before(start);
      char32_t c = cursor_.At(previous).code_point;
      if (!IsWordChar(c) && c != '.') break;
      start = previous;
    }
    std::string_view word = text_.substr(start, dot - start);
    return !word.empty() && splitter_.IsAbbreviation(word);
  }

  // Returns true iff a quotation is open at `at` and closes within the
  // short-quotation limit.
  bool InsideShortQuotation(uint32_t at) const {
    if (quotes_.empty()) return false;
    const OpenQuote& open = quotes_.back();
    int words = words_;
    bool in_word = false;
    for (; at < line_.end; at += cursor_.At(at).length) {
      char32_t c = cursor_.At(at).code_point;
      if (Closes(c, open.mark)) return words - open.words_before <= kShortQuotationWords;
      bool word_char = IsWordChar(c);
      if (word_char && !in_word && ++words - open.words_before > kShortQuotationWords) return false;
      in_word = word_char;
    }
    return false;
  }

  void Emit(uint32_t start, uint32_t end, std::vector<Span>* out) const {
    Span sentence = Trim(text_, {start, end});
    if (!sentence.empty()) out->push_back(sentence);
  }

  const SentenceSplitter& splitter_;
  std::string_view text_;
  Cursor cursor_;
  Span line_;
  std::vector<OpenQuote> quotes_;
  int words_ = 0;
  bool in_word_ = false;
  int run_length_ = 0;
  bool only_dots_ = true;
  bool closed_short_quote_ = false;
  bool unterminated_ = false;  // the line does not end with a terminator
};

// Returns true iff `word` is exactly one letter (not a digit: "في 7." ends a sentence).
bool IsSingleLetter(std::string_view word) {
  if (word.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  Decoded first = DecodeUtf8(p, p + word.size());
  CharClass char_class = ClassOf(first.code_point);
  return first.length == word.size() &&
         (char_class == CharClass::kArabicLetter || char_class == CharClass::kLatinLetter ||
          char_class == CharClass::kOtherLetter);
}

}  // namespace

Result<SentenceSplitter> SentenceSplitter::Load(const std::string& data_dir) {
  auto normalizer = Normalizer::Load(data_dir);
  if (!normalizer) return normalizer.status();
  auto table = TsvTable::Load(data_dir + "/text/abbreviations.tsv", {"form"});
  if (!table) return table.status();
  SentenceSplitter splitter;
  for (const TsvRow& row : table->rows()) {
    std::string form = normalizer->Normalize(row.Get("form"));
    if (form.empty()) return Status::Error(row.Where("empty form"));
    splitter.abbreviations_.insert(std::move(form));
  }
  splitter.normalizer_ = std::move(*normalizer);
  return splitter;
}

bool SentenceSplitter::IsAbbreviation(std::string_view word) const {
  std::string normalized = normalizer_ ? normalizer_->Normalize(word) : std::string(word);
  size_t last_dot = normalized.rfind('.');
  std::string_view last_piece =
      std::string_view(normalized).substr(last_dot == std::string::npos ? 0 : last_dot + 1);
  return IsSingleLetter(last_piece) || abbreviations_.count(normalized) > 0;
}

void SentenceSplitter::SplitLine(std::string_view paragraph, Span line, std::vector<Span>* out) const {
  line = Trim(paragraph, line);
  if (!line.empty()) LineSplitter(*this, paragraph, line).Run(out);
}

std::vector<Span> SentenceSplitter::Split(std::string_view paragraph) const {
  std::vector<Span> sentences;
  uint32_t start = 0;
  while (start <= paragraph.size()) {
    size_t newline = paragraph.find('\n', start);
    uint32_t end = static_cast<uint32_t>(newline == std::string_view::npos ? paragraph.size() : newline);
    SplitLine(paragraph, {start, end}, &sentences);
    start = end + 1;
  }
  return sentences;
}

std::vector<Span> SplitSentences(std::string_view paragraph) {
  static const SentenceSplitter splitter = [] {
    auto loaded = SentenceSplitter::Load();
    return loaded ? std::move(*loaded) : SentenceSplitter::WithoutData();
  }();
  return splitter.Split(paragraph);
}

}  // namespace hadath::text
