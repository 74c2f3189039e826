#include "hadath/clean.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "clean/furniture_rules.h"
#include "clean/outlets.h"
#include "hadath/text/normalizer.h"
#include "hadath/text/sentences.h"

namespace hadath::clean {
namespace {

enum class CueKind { kAppeal, kUi, kRelatedHeading, kCaption };
enum class CuePlace { kAnywhere, kStart, kWhole };

struct Cue {
  std::string form;  // normalised (which folds Latin to small letters)
  CueKind kind;
  CuePlace place;
  bool latin;
};

bool IsAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0; }

// Punctuation and symbols that may stand around a whole-line cue
// ("مقالات ذات صلة:", "- اقرأ أيضا -").
bool IsEdgeNoise(unsigned char c) {
  return c == ' ' || c == ':' || c == '-' || c == '.' || c == '"' || c == '|' || c == '*' || c == '>' ||
         c == '<' || c == '(' || c == ')' || c == '[' || c == ']';
}

std::string_view StripEdgeNoise(std::string_view text) {
  while (!text.empty() && IsEdgeNoise(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && IsEdgeNoise(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// True iff `line` holds `cue` at `at` with word boundaries on both sides. A
// Latin cue glued to Arabic letters ("iconمقاتلون") still counts.
bool BoundedAt(std::string_view line, size_t at, const Cue& cue) {
  auto is_word_byte = [&](unsigned char c) {
    return cue.latin ? IsAsciiAlnum(c) : (c >= 0x80 || IsAsciiAlnum(c));
  };
  bool before = at == 0 || !is_word_byte(static_cast<unsigned char>(line[at - 1]));
  size_t end = at + cue.form.size();
  bool after = end >= line.size() || !is_word_byte(static_cast<unsigned char>(line[end]));
  return before && after;
}

bool CueMatches(std::string_view line, const Cue& cue) {
  switch (cue.place) {
    case CuePlace::kWhole: return StripEdgeNoise(line) == cue.form;
    case CuePlace::kStart: {
      std::string_view stripped = StripEdgeNoise(line);
      return stripped.substr(0, cue.form.size()) == cue.form && BoundedAt(stripped, 0, cue);
    }
    case CuePlace::kAnywhere:
      for (size_t at = line.find(cue.form); at != std::string_view::npos; at = line.find(cue.form, at + 1))
        if (BoundedAt(line, at, cue)) return true;
      return false;
  }
  return false;
}

// UTF-8 lead byte of the Arabic blocks U+0600..U+06FF (0xD8..0xDB).
bool IsArabicLead(unsigned char c) { return c >= 0xD8 && c <= 0xDB; }

bool IsSpaceAt(std::string_view text, size_t at, size_t* width) {
  auto c = static_cast<unsigned char>(text[at]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return *width = 1, true;
  if (c == 0xC2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xA0)
    return *width = 2, true;  // U+00A0 NO-BREAK SPACE
  if (c == 0xE2 && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0x80) {
    auto third = static_cast<unsigned char>(text[at + 2]);
    // U+2000..U+200F spaces, ZERO WIDTH (NON-)JOINER and direction marks; U+202F NARROW NBSP.
    if (third <= 0x8F || third == 0xAF) return *width = 3, true;
  }
  if (c == 0xEF && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xBB &&
      static_cast<unsigned char>(text[at + 2]) == 0xBF)
    return *width = 3, true;  // U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)
  return false;
}

Span Trim(std::string_view text, Span span) {
  size_t width = 0;
  while (span.start < span.end && IsSpaceAt(text, span.start, &width)) span.start += width;
  while (span.start < span.end) {
    size_t back = span.end - 1;
    while (back > span.start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    if (!IsSpaceAt(text, back, &width) || back + width != span.end) break;
    span.end = static_cast<uint32_t>(back);
  }
  return span;
}

// Counts words and letters in normalised text.
void CountWords(std::string_view normalized, Line* line) {
  bool in_word = false, word_has_content = false;
  for (size_t i = 0; i <= normalized.size(); ++i) {
    unsigned char c = i < normalized.size() ? static_cast<unsigned char>(normalized[i]) : ' ';
    if (c == ' ') {
      if (in_word && word_has_content) ++line->words;
      in_word = word_has_content = false;
      continue;
    }
    in_word = true;
    bool letter = IsArabicLead(c) || std::isalpha(c);
    if (letter || std::isdigit(c)) word_has_content = true;
    if (letter) line->has_letters = true;
  }
}

// Final . ! ? or ARABIC QUESTION MARK (U+061F) / ARABIC FULL STOP (U+06D4),
// looking past closing quotes and brackets; a run of dots ("..") is not final.
bool EndsSentence(std::string_view normalized) {
  size_t end = normalized.size();
  auto closing = [](unsigned char c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == ' '; };
  while (end > 0 && closing(static_cast<unsigned char>(normalized[end - 1]))) --end;
  // Closing guillemets and curly quotes survive only if the normaliser keeps them.
  while (end >= 2 &&
         (normalized.substr(end - 2, 2) == "\xC2\xBB" || normalized.substr(end - 2, 2) == "\xC2\xAB"))
    end -= 2;
  if (end == 0) return false;
  char last = normalized[end - 1];
  if (last == '!' || last == '?') return true;
  if (last == '.') return end < 2 || normalized[end - 2] != '.';
  if (end >= 2) {
    std::string_view tail = normalized.substr(end - 2, 2);
    return tail == "\xD8\x9F" || tail == "\xDB\x94";  // U+061F, U+06D4
  }
  return false;
}

// "2020/05/18", "18-05-2020", "6:51": digits joined by date or time
// separators (a bare number is not a date).
bool IsDateOrTimeWord(std::string_view word) {
  bool digit = false, separator = false;
  for (unsigned char c : word) {
    if (std::isdigit(c))
      digit = true;
    else if (c == '/' || c == '-' || c == ':' || c == '.')
      separator = true;
    else
      return false;
  }
  return digit && separator && std::isdigit(static_cast<unsigned char>(word.back()));
}

// Calls visit(word) for each space-separated word of `text`.
template <typename Visit>
void ForEachWord(std::string_view text, Visit visit) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) visit(text.substr(start, end - start));
    start = end + 1;
  }
}

bool HasWordContent(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return IsArabicLead(u) || IsAsciiAlnum(u);
  });
}

// "• 2020/05/18", "6:51 م", "12:30 pm": dates and times, with at most two
// short marker words; bullets and other symbols are ignored.
bool IsDatelineLine(const Line& line) {
  int date_words = 0, other_words = 0, long_words = 0;
  ForEachWord(line.normalized, [&](std::string_view word) {
    if (!HasWordContent(word)) return;
    if (IsDateOrTimeWord(word))
      ++date_words;
    else if (word.size() <= 2 || word == "pm" || word == "am")
      ++other_words;  // م / ص (evening / morning)
    else
      ++long_words;
  });
  return date_words > 0 && other_words <= 2 && long_words == 0;
}

// A line of lone letters and symbols: "ع ع ع", "×", "//", "* * *".
bool IsResidueLine(const Line& line) {
  bool only_residue = true;
  ForEachWord(line.normalized, [&](std::string_view word) {
    bool one_arabic_letter = word.size() == 2 && IsArabicLead(static_cast<unsigned char>(word[0]));
    bool one_ascii_letter = word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
    if (HasWordContent(word) && !one_arabic_letter && !one_ascii_letter) only_residue = false;
  });
  return only_residue;
}

// The bracketed group that ends the line, "... 2024 (أسايش)" -> "أسايش";
// empty when the line does not end in one.
std::string_view TrailingBracketed(std::string_view text) {
  if (text.empty() || text.back() != ')') return {};
  size_t open = text.rfind('(');
  if (open == std::string_view::npos) return {};
  return StripEdgeNoise(text.substr(open + 1, text.size() - open - 2));
}

int CountSpaceSeparated(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == ' ')
      in_word = false;
    else if (!in_word)
      in_word = true, ++words;
  }
  return words;
}

// A year (19xx or 20xx) standing as a word of its own.
bool HoldsYear(std::string_view text) {
  for (size_t at = 0; at + 4 <= text.size(); ++at) {
    bool before = at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]));
    bool after = at + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[at + 4]));
    std::string_view four = text.substr(at, 4);
    bool digits = std::all_of(four.begin(), four.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (before && after && digits && (four.substr(0, 2) == "19" || four.substr(0, 2) == "20")) return true;
  }
  return false;
}

// "* item", "- item", "3. item", "3 - item": an item of a list in the text.
bool StartsAsListItem(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] == '*' || text[0] == '-') return true;
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits == text.size()) return false;
  std::string_view rest = StripEdgeNoise(text.substr(digits, 3));
  return text[digits] == '.' || text[digits] == ')' || text.substr(digits, 3) == " - " || rest.empty();
}

}  // namespace

struct Cleaner::Resources {
  text::Normalizer normalizer;
  text::SentenceSplitter sentences;
  OutletRegistry outlets;
  std::vector<Cue> cues;

  bool HasCue(const Line& line, CueKind kind) const {
    for (const Cue& cue : cues)
      if (cue.kind == kind && CueMatches(line.normalized, cue)) return true;
    return false;
  }
};

namespace {

Result<std::vector<Cue>> LoadCues(const std::string& path, const text::Normalizer& normalizer) {
  auto table = TsvTable::Load(path, {"form", "kind", "where"});
  if (!table) return table.status();
  static const std::unordered_map<std::string, CueKind> kinds = {
      {"appeal", CueKind::kAppeal},
      {"ui", CueKind::kUi},
      {"related-heading", CueKind::kRelatedHeading},
      {"caption-cue", CueKind::kCaption}};
  static const std::unordered_map<std::string, CuePlace> places = {
      {"anywhere", CuePlace::kAnywhere}, {"start", CuePlace::kStart}, {"whole", CuePlace::kWhole}};
  std::vector<Cue> cues;
  for (const TsvRow& row : table->rows()) {
    auto kind = kinds.find(row.Get("kind"));
    if (kind == kinds.end()) return Status::Error(row.Where("unknown kind '" + row.Get("kind") + "'"));
    auto place = places.find(row.Get("where"));
    if (place == places.end()) return Status::Error(row.Where("unknown where '" + row.Get("where") + "'"));
    std::string form = normalizer.Normalize(row.Get("form"));
    if (form.empty()) return Status::Error(row.Where("empty form"));
    bool latin =
        std::none_of(form.begin(), form.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    cues.push_back({std::move(form), kind->second, place->second, latin});
  }
  return cues;
}

// Fills a line's features; false when it holds only invisible characters.
bool DescribeLine(std::string_view decoded, Span span, const text::Normalizer& normalizer, Line* line) {
  line->span = span;
  line->text = decoded.substr(span.start, span.size());
  std::string normalized = normalizer.Normalize(line->text);
  Span kept = Trim(normalized, {0, static_cast<uint32_t>(normalized.size())});
  line->normalized = normalized.substr(kept.start, kept.size());
  line->words = 0;
  line->has_letters = false;
  CountWords(line->normalized, line);
  line->ends_sentence = EndsSentence(line->normalized);
  return !line->normalized.empty();
}

std::vector<Line> SplitLines(std::string_view decoded, const text::Normalizer& normalizer) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < decoded.size()) {
    size_t end = decoded.find('\n', start);
    if (end == std::string_view::npos) end = decoded.size();
    Span span = Trim(decoded, {static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = end + 1;
    Line line;
    if (span.empty() || !DescribeLine(decoded, span, normalizer, &line)) continue;
    line.index = static_cast<int>(lines.size());
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

// The rules, in the order they are tried; see furniture_rules.h.
class FurnitureRules {
 public:
  explicit FurnitureRules(const Cleaner::Resources& resources) : resources_(resources) {}

  void Apply(std::vector<Line>& lines) const {
    for (Line& line : lines) line.reason = LineReason(line);
    MarkRelatedLists(lines);
    MarkRepeats(lines);
    MarkTrailingBlock(lines);
  }

 private:
  std::string LineReason(const Line& line) const {
    bool unpunctuated = !line.ends_sentence;
    if (unpunctuated && IsUiLabelLine(line)) return "ui-residue";
    if (IsDatelineLine(line)) return "dateline";
    if (IsResidueLine(line)) return "ui-residue";
    if (unpunctuated && IsCaption(line)) return "photo-caption";
    if (unpunctuated && line.words <= kAppealMaxWords && resources_.HasCue(line, CueKind::kAppeal))
      return "appeal";
    if (line.index < kBylineMaxLineIndex && line.words <= kBylineMaxWords &&
        resources_.outlets.IsOutletName(std::string(StripEdgeNoise(line.normalized))))
      return "outlet-byline";
    return "";
  }

  // An icon or share label opening the line ("camera icon...", "Facebook
  // Twitter"), or a tiny line holding one ("Twitter @name").
  bool IsUiLabelLine(const Line& line) const {
    if (line.words > kUiLineMaxWords || !resources_.HasCue(line, CueKind::kUi)) return false;
    if (line.words <= kUiTinyLineWords) return true;
    std::string_view text = line.normalized;
    size_t latin_end = 0;
    while (latin_end < text.size() && static_cast<unsigned char>(text[latin_end]) < 0x80) ++latin_end;
    Line opening;
    opening.normalized = std::string(text.substr(0, latin_end));
    return latin_end > 0 && resources_.HasCue(opening, CueKind::kUi);
  }

  // A photo caption: a description, usually a date, and a credit in
  // brackets: "... - 30 من كانون الأول 2024 (أسايش)", "... (رويترز)".
  bool IsCaption(const Line& line) const {
    if (line.index == 0 || line.words > kCaptionMaxWords || StartsAsListItem(line.normalized)) return false;
    if (resources_.HasCue(line, CueKind::kCaption)) return true;
    std::string_view credit = TrailingBracketed(line.normalized);
    int credit_words = CountSpaceSeparated(credit);
    bool credit_shaped = credit_words > 0 && credit_words <= kCaptionCreditMaxWords &&
                         std::none_of(credit.begin(), credit.end(),
                                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!credit_shaped || line.words < kCaptionMinWords) return false;
    return HoldsYear(line.normalized) || resources_.outlets.IsOutletName(std::string(credit));
  }

  void MarkRelatedLists(std::vector<Line>& lines) const {
    bool in_list = false;
    for (Line& line : lines) {
      if (line.kept() && line.words <= kRelatedHeadingMaxWords &&
          resources_.HasCue(line, CueKind::kRelatedHeading)) {
        line.reason = "related-headlines";
        in_list = true;
        continue;
      }
      if (line.body_paragraph()) in_list = false;
      // Inside such a list a headline ending in "(X)" is a headline, not a caption.
      if (in_list && (line.kept() || line.reason == "photo-caption")) line.reason = "related-headlines";
    }
  }

  static void MarkRepeats(std::vector<Line>& lines) {
    std::unordered_map<std::string_view, std::vector<Line*>> copies;
    for (Line& line : lines)
      if (line.kept()) copies[line.normalized].push_back(&line);
    const Line* title = FirstKept(lines);
    for (auto& [text, group] : copies) {
      if (group.size() < 2) continue;
      const Line& sample = *group.front();
      bool copies_title = group.front() == title;
      bool headline = sample.headline_like() && sample.words <= kRepeatedHeadlineMaxWords &&
                      (copies_title || sample.words >= kRepeatedHeadlineMinWords);
      if (sample.headline_like() && !headline) continue;  // a short subhead ("المقادير:") may recur
      if (!copies_title && StartsAsListItem(sample.normalized)) continue;  // lists may repeat items
      for (size_t i = 0; i < group.size(); ++i) {
        if (headline && group[i] != title) group[i]->reason = "repeated-headline";
        if (!headline && i > 0) group[i]->reason = "repeated-paragraph";
      }
    }
  }

  // Two or more headline-like lines after the last body paragraph are a list
  // of links or a widget; one alone may be the article's last words.
  static void MarkTrailingBlock(std::vector<Line>& lines) {
    auto last_body = std::find_if(lines.rbegin(), lines.rend(),
                                  [](const Line& line) { return line.kept() && line.body_paragraph(); });
    if (last_body == lines.rend()) return;
    std::vector<Line*> trailing;
    for (auto it = last_body.base(); it != lines.end(); ++it)
      if (it->kept() && !StartsAsListItem(it->normalized)) trailing.push_back(&*it);
    bool all_short = std::all_of(trailing.begin(), trailing.end(), [](const Line* line) {
      return line->headline_like() && line->words <= kTrailingLineMaxWords;
    });
    if (trailing.size() < 2 || !all_short) return;
    for (Line* line : trailing) line->reason = "trailing-headlines";
  }

  static const Line* FirstKept(const std::vector<Line>& lines) {
    for (const Line& line : lines)
      if (line.kept()) return &line;
    return nullptr;
  }

  const Cleaner::Resources& resources_;
};

namespace {

// " - Site" / " | Site" after a page title: the part after the last
// separator when it has no Arabic letters or is a known outlet's name.
// Returns the length of the title without it, or text.size().
size_t TitleWithoutSiteName(std::string_view text, const Cleaner::Resources& resources) {
  for (std::string_view separator : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t at = text.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view suffix = text.substr(at + separator.size());
    bool arabic = std::any_of(suffix.begin(), suffix.end(),
                              [](char c) { return IsArabicLead(static_cast<unsigned char>(c)); });
    if (!arabic || resources.outlets.IsOutletName(resources.normalizer.Normalize(suffix))) return at;
  }
  return text.size();
}

// Shortens the first line (the page title) by its site name, before the
// rules look at it; returns the span cut off.
std::optional<Span> SplitOffSiteName(std::string_view decoded, const Cleaner::Resources& resources,
                                     std::vector<Line>& lines) {
  if (lines.empty()) return std::nullopt;
  Line& first = lines.front();
  size_t title_length = TitleWithoutSiteName(first.text, resources);
  if (title_length == first.text.size()) return std::nullopt;
  Span site{first.span.start + static_cast<uint32_t>(title_length), first.span.end};
  Span title = Trim(decoded, {first.span.start, site.start});
  if (!DescribeLine(decoded, title, resources.normalizer, &first)) return std::nullopt;
  return site;
}

struct Assembly {
  std::string text;
  OffsetMap text_to_decoded;
  std::vector<Paragraph> paragraphs;
};

void AppendParagraph(std::string_view decoded, Span span, BlockKind kind, Assembly* out) {
  if (!out->text.empty()) {
    out->text.push_back('\n');
    out->text_to_decoded.AppendReplace(1, span.start, 0);
  }
  uint32_t start = static_cast<uint32_t>(out->text.size());
  out->text.append(decoded.substr(span.start, span.size()));
  out->text_to_decoded.AppendCopy(span.size(), span.start);
  out->paragraphs.push_back({{start, static_cast<uint32_t>(out->text.size())}, kind});
}

BlockKind KindOf(const Line& line) {
  return line.headline_like() && line.words <= kHeadlineMaxWords ? BlockKind::kHeadline : BlockKind::kBody;
}

void DropLine(const Article& article, Span span, const std::string& reason,
              std::vector<DroppedBlock>* dropped) {
  dropped->push_back({article.decoded_to_raw.ToSource(span),
                      std::string(std::string_view(article.decoded).substr(span.start, span.size())),
                      reason});
}

// A date line such as "2020/05/18" is the page's own date: use it when the
// metadata has none.
void AdoptDatelineDate(const Line& line, Article* article) {
  if (article->metadata.published.known()) return;
  int year = 0, month = 0, day = 0;
  std::string text(line.normalized);
  for (size_t at = 0; at < text.size(); ++at) {
    if (!std::isdigit(static_cast<unsigned char>(text[at]))) continue;
    if (std::sscanf(text.c_str() + at, "%4d/%2d/%2d", &year, &month, &day) == 3 ||
        std::sscanf(text.c_str() + at, "%4d-%2d-%2d", &year, &month, &day) == 3) {
      if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return;
      article->metadata.published = {year, month, day, 0, 0, 0, std::nullopt, DatePrecision::kDay};
      article->warnings.push_back("published date taken from the page's date line: " +
                                  std::string(line.text));
      return;
    }
    break;
  }
}

}  // namespace

Cleaner::Cleaner(std::unique_ptr<const Resources> resources) : resources_(std::move(resources)) {}
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;
Cleaner::~Cleaner() = default;

Result<Cleaner> Cleaner::Load(const std::string& data_dir) {
  auto normalizer = text::Normalizer::Load(data_dir);
  if (!normalizer) return normalizer.status();
  auto sentences = text::SentenceSplitter::Load(data_dir);
  if (!sentences) return sentences.status();
  auto outlets = OutletRegistry::Load(data_dir + "/outlets.tsv", *normalizer);
  if (!outlets) return outlets.status();
  auto cues = LoadCues(data_dir + "/clean/furniture.tsv", *normalizer);
  if (!cues) return cues.status();
  auto resources = std::make_unique<Resources>(
      Resources{std::move(*normalizer), std::move(*sentences), std::move(*outlets), std::move(*cues)});
  return Cleaner(std::move(resources));
}

Result<Document> Cleaner::Clean(Article article) const {
  const Resources& resources = *resources_;
  std::vector<Line> lines = SplitLines(article.decoded, resources.normalizer);
  // Only a scraped page's first line is a page title; JSON Lines carry theirs apart.
  std::optional<Span> site_name;
  if (article.format == SourceFormat::kText) site_name = SplitOffSiteName(article.decoded, resources, lines);
  FurnitureRules(resources).Apply(lines);

  Document document;
  document.id = ContentId(article.decoded);
  document.dropped = std::move(article.dropped);
  Assembly assembly;
  const Line* title = nullptr;
  for (const Line& line : lines) {
    if (!line.kept()) {
      if (line.reason == "dateline") AdoptDatelineDate(line, &article);
      DropLine(article, line.span, line.reason, &document.dropped);
      continue;
    }
    if (!title) title = &line;
    AppendParagraph(article.decoded, line.span, KindOf(line), &assembly);
  }
  if (site_name) DropLine(article, *site_name, "site-name", &document.dropped);
  bool title_is_headline = title && title->index == 0 && KindOf(*title) == BlockKind::kHeadline;
  if (article.metadata.title.empty() && title_is_headline && article.format == SourceFormat::kText)
    article.metadata.title = std::string(title->text);
  if (assembly.paragraphs.empty())
    return Status::Error(lines.empty() ? "no text: only white space"
                                       : "no text: everything is page furniture");

  std::sort(document.dropped.begin(), document.dropped.end(),
            [](const DroppedBlock& a, const DroppedBlock& b) { return a.source.start < b.source.start; });
  if (!article.metadata.outlet.empty())
    article.metadata.outlet = resources.outlets.CanonicalName(
        article.metadata.outlet, resources.normalizer.Normalize(article.metadata.outlet));
  else if (!article.metadata.url.empty())
    article.metadata.outlet = resources.outlets.CanonicalName(HostOf(article.metadata.url), "");

  document.text = std::move(assembly.text);
  document.text_to_raw = assembly.text_to_decoded.Compose(article.decoded_to_raw);
  document.paragraphs = std::move(assembly.paragraphs);
  for (uint32_t p = 0; p < document.paragraphs.size(); ++p) {
    const Paragraph& paragraph = document.paragraphs[p];
    for (Span sentence : resources.sentences.Split(document.TextOf(paragraph.text)))
      document.sentences.push_back(
          {{paragraph.text.start + sentence.start, paragraph.text.start + sentence.end}, p, paragraph.kind});
  }
  document.article = std::move(article);
  return document;
}

std::string ContentId(std::string_view decoded_text) {
  XXH64_hash_t hash = XXH3_64bits(decoded_text.data(), decoded_text.size());
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace hadath::clean
