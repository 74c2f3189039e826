#include "hadath/numbers.h"

#include <cmath>
#include <limits>
#include <optional>

namespace hadath::lexicon {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

enum class Role : uint8_t { kBetween, kFrom, kAnd, kTo, kOr };

struct NumberWord {
  double value, low, high;
  NumberKind kind;
  bool scale;
};

struct QualifierWord {
  Qualifier qualifier;
  bool after;  // written after the number
};

std::optional<double> ParseDouble(std::string_view text) {
  if (text == "inf") return kInfinity;
  return ParseNumber<double>(text);
}

std::optional<NumberKind> ParseKind(std::string_view text) {
  if (text == "cardinal") return NumberKind::kCardinal;
  if (text == "ordinal") return NumberKind::kOrdinal;
  if (text == "vague") return NumberKind::kVague;
  return std::nullopt;
}

std::optional<Qualifier> ParseQualifier(std::string_view text) {
  if (text == "at_least") return Qualifier::kAtLeast;
  if (text == "more_than") return Qualifier::kMoreThan;
  if (text == "about") return Qualifier::kAbout;
  if (text == "at_most") return Qualifier::kAtMost;
  if (text == "less_than") return Qualifier::kLessThan;
  return std::nullopt;
}

std::optional<Role> ParseRole(std::string_view text) {
  if (text == "between") return Role::kBetween;
  if (text == "from") return Role::kFrom;
  if (text == "and") return Role::kAnd;
  if (text == "to") return Role::kTo;
  if (text == "or") return Role::kOr;
  return std::nullopt;
}

// "1,500" -> 1500, "3.5" -> 3.5, "2,5" -> 2.5 (a comma before exactly three
// digits groups thousands; otherwise it is a decimal comma).
std::optional<double> ParseDigits(std::string_view digits) {
  std::string plain;
  for (size_t i = 0; i < digits.size(); ++i) {
    char c = digits[i];
    if (c != ',') {
      plain += c;
      continue;
    }
    size_t group = digits.find_first_of(".,", i + 1);
    size_t group_length = (group == std::string_view::npos ? digits.size() : group) - i - 1;
    if (group_length != 3) plain += '.';
  }
  return ParseDouble(plain);
}

Result<std::vector<NumberWord>> ReadNumberWords(const Lexicon& lexicon) {
  std::vector<NumberWord> words;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    const TsvRow& row = lexicon.entry(i);
    auto value = ParseDouble(row.Get("value"));
    auto kind = ParseKind(row.Get("kind"));
    auto low = row.Get("low").empty() ? value : ParseDouble(row.Get("low"));
    auto high = row.Get("high").empty() ? value : ParseDouble(row.Get("high"));
    if (!value || !low || !high) return Status::Error(row.Where("value, low and high must be numbers"));
    if (!kind) return Status::Error(row.Where("kind must be cardinal, ordinal or vague"));
    if (row.Get("scale") != "yes" && row.Get("scale") != "no")
      return Status::Error(row.Where("scale must be yes or no"));
    words.push_back({*value, *low, *high, *kind, row.Get("scale") == "yes"});
  }
  return words;
}

Result<std::vector<QualifierWord>> ReadQualifierWords(const Lexicon& lexicon) {
  std::vector<QualifierWord> words;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    const TsvRow& row = lexicon.entry(i);
    auto qualifier = ParseQualifier(row.Get("qualifier"));
    if (!qualifier) return Status::Error(row.Where("unknown qualifier '" + row.Get("qualifier") + "'"));
    const std::string& position = row.Get("position");
    if (position != "before" && position != "after")
      return Status::Error(row.Where("position must be before or after"));
    words.push_back({*qualifier, position == "after"});
  }
  return words;
}

Result<std::vector<Role>> ReadRoles(const Lexicon& lexicon) {
  std::vector<Role> roles;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    auto role = ParseRole(lexicon.entry(i).Get("role"));
    if (!role)
      return Status::Error(lexicon.entry(i).Where("unknown role '" + lexicon.entry(i).Get("role") + "'"));
    roles.push_back(*role);
  }
  return roles;
}

}  // namespace

struct NumberReader::Words {
  Lexicon numbers, qualifiers, links;
  std::vector<NumberWord> number_words;        // by entry of `numbers`
  std::vector<QualifierWord> qualifier_words;  // by entry of `qualifiers`
  std::vector<Role> roles;                     // by entry of `links`
  std::string and_form;                        // the normalised "and" (و), as a proclitic
};

const char* NumberKindName(NumberKind kind) {
  switch (kind) {
    case NumberKind::kCardinal: return "cardinal";
    case NumberKind::kOrdinal: return "ordinal";
    case NumberKind::kVague: return "vague";
    case NumberKind::kRange: return "range";
  }
  return "?";
}

const char* QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAbout: return "about";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kLessThan: return "less_than";
  }
  return "?";
}

Result<NumberReader> NumberReader::Load(const text::Tokenizer& tokenizer, const std::string& data_dir) {
  auto numbers = Lexicon::Load(data_dir + "/text/numbers.tsv", tokenizer,
                               {.required_columns = {"value", "kind", "low", "high", "scale"}});
  if (!numbers) return numbers.status();
  auto qualifiers = Lexicon::Load(data_dir + "/text/number-qualifiers.tsv", tokenizer,
                                  {.required_columns = {"qualifier", "position"}});
  if (!qualifiers) return qualifiers.status();
  auto links = Lexicon::Load(data_dir + "/text/number-links.tsv", tokenizer, {.required_columns = {"role"}});
  if (!links) return links.status();
  auto number_words = ReadNumberWords(*numbers);
  if (!number_words) return number_words.status();
  auto qualifier_words = ReadQualifierWords(*qualifiers);
  if (!qualifier_words) return qualifier_words.status();
  auto roles = ReadRoles(*links);
  if (!roles) return roles.status();
  std::string and_form;
  for (uint32_t i = 0; i < roles->size(); ++i)
    if ((*roles)[i] == Role::kAnd) and_form = tokenizer.normalizer().Normalize(links->entry(i).Get("form"));
  auto words = std::make_shared<Words>(Words{std::move(*numbers), std::move(*qualifiers), std::move(*links),
                                             std::move(*number_words), std::move(*qualifier_words),
                                             std::move(*roles), std::move(and_form)});
  return NumberReader(std::move(words));
}

namespace {

// Something the number grammar looks at: a number (digits or words), a link
// word, or a qualifier, covering tokens [first_token, end_token).
struct Item {
  enum class Type : uint8_t { kNumber, kLink, kQualifier } type;
  uint32_t first_token, end_token;
  Span span;
  NumberWord number{};        // kNumber
  bool in_words = false;      // kNumber written in words
  bool after_and = false;     // kNumber carrying the proclitic "and" (وعشرون)
  Role role{};                // kLink
  QualifierWord qualifier{};  // kQualifier
};

// A number being built: value and bounds, and where it ends.
struct Reading {
  double value, low, high;
  NumberKind kind;
  size_t first_item, end_item;
};

// Returns true iff "a و b" is one number: units before tens (خمسة وعشرون,
// الحادي والعشرون), or a round hundred/thousand before a smaller number
// (مئة وعشرون, ثلاثة آلاف وخمسمئة).
bool IsCompound(double a, double b) {
  if (a < 10 && b >= 20 && b < 100 && std::fmod(b, 10) == 0) return true;
  if (a < 100 || b >= a) return false;
  double place = 10;
  while (place <= b) place *= 10;
  return std::fmod(a, place) == 0;
}

class Grammar {
 public:
  Grammar(const text::TokenizedText& text, const std::vector<Item>& items) : text_(text), items_(items) {}

  // Reads the number expression starting at item `first` (a number) into
  // `*number`; returns the item after it.
  size_t ReadExpression(size_t first, Number* number) const {
    size_t start = first;
    bool between = IsLinkBefore(first, Role::kBetween);
    bool from = IsLinkBefore(first, Role::kFrom);
    Reading low = ReadCompound(first, /*allow_and=*/!between);
    std::optional<Reading> high = ReadRangeEnd(low, between);
    if (high && (between || from)) start = first - 1;
    Reading whole = high ? Range(low, *high) : low;
    Fill(start, whole, number);
    AddQualifier(start, whole.end_item, number);
    return whole.end_item;
  }

 private:
  bool Adjacent(size_t a, size_t b) const {
    return b < items_.size() && items_[a].end_token == items_[b].first_token;
  }
  bool IsNumber(size_t i) const { return i < items_.size() && items_[i].type == Item::Type::kNumber; }
  bool IsLink(size_t i, Role role) const {
    return i < items_.size() && items_[i].type == Item::Type::kLink && items_[i].role == role;
  }
  bool IsLinkBefore(size_t i, Role role) const { return i > 0 && IsLink(i - 1, role) && Adjacent(i - 1, i); }

  // A number and what multiplies or adds to it: ثلاثة آلاف, خمسة وعشرون.
  Reading ReadCompound(size_t first, bool allow_and) const {
    const Item& item = items_[first];
    Reading reading{item.number.value, item.number.low, item.number.high, item.number.kind, first, first + 1};
    while (Extend(&reading, allow_and)) {
    }
    return reading;
  }

  bool Extend(Reading* reading, bool allow_and) const {
    size_t next = reading->end_item;
    if (!IsNumber(next) || !Adjacent(next - 1, next)) return allow_and && ExtendOverAnd(reading);
    const Item& item = items_[next];
    if (item.number.scale && !item.after_and && reading->value < item.number.value) {
      reading->value *= item.number.value;
      reading->low *= item.number.value;
      reading->high *= item.number.value;
      reading->end_item = next + 1;
      return true;
    }
    if (allow_and && item.after_and && AddsUp(*reading, item)) {
      Add(reading, item, next + 1);
      return true;
    }
    return false;
  }

  // "خمسة و عشرون", with "و" written apart.
  bool ExtendOverAnd(Reading* reading) const {
    size_t link = reading->end_item, next = link + 1;
    if (!IsLink(link, Role::kAnd) || !Adjacent(link - 1, link) || !IsNumber(next) || !Adjacent(link, next))
      return false;
    if (!AddsUp(*reading, items_[next])) return false;
    Add(reading, items_[next], next + 1);
    return true;
  }

  bool AddsUp(const Reading& reading, const Item& item) const {
    return items_[reading.first_item].in_words && item.in_words &&
           IsCompound(reading.value, item.number.value);
  }
  static void Add(Reading* reading, const Item& item, size_t end_item) {
    reading->value += item.number.value;
    reading->low += item.number.low;
    reading->high += item.number.high;
    reading->end_item = end_item;
  }

  // The second number of "بين A و B", "A إلى B", "A أو B", "A-B", if any.
  std::optional<Reading> ReadRangeEnd(const Reading& low, bool between) const {
    size_t next = low.end_item;
    std::optional<Reading> high;
    if (between && IsNumber(next) && Adjacent(next - 1, next) && items_[next].after_and) {
      high = ReadCompound(next, true);  // "بين عشرة وعشرين"
    } else if (IsRangeLink(next, between) && Adjacent(next - 1, next) && IsNumber(next + 1) &&
               Adjacent(next, next + 1)) {
      high = ReadCompound(next + 1, true);  // "بين 10 و 15", "3 إلى 5", "3 أو 4"
    } else if (!between && IsHyphenatedDigits(low, next)) {
      high = ReadCompound(next, true);  // "10-15"
    }
    if (high && high->value > low.value) return high;
    return std::nullopt;
  }

  bool IsRangeLink(size_t item, bool between) const {
    if (between) return IsLink(item, Role::kAnd);
    return IsLink(item, Role::kTo) || IsLink(item, Role::kOr);
  }

  // "10-15": two digit numbers around one hyphen token, not part of a
  // longer chain such as the date 2020-05-18.
  bool IsHyphenatedDigits(const Reading& low, size_t next) const {
    if (!IsNumber(next) || items_[low.first_item].in_words || items_[next].in_words) return false;
    uint32_t first = items_[low.first_item].first_token, hyphen = items_[next - 1].end_token;
    uint32_t after = items_[next].end_token;
    return hyphen + 1 == items_[next].first_token && IsToken(hyphen, "-") &&
           !(first > 0 && IsDateSeparator(first - 1)) &&
           !(after < text_.tokens.size() && IsDateSeparator(after));
  }

  bool IsToken(uint32_t token, std::string_view form) const {
    return text_.NormalizedOf(text_.tokens[token]) == form;
  }
  bool IsDateSeparator(uint32_t token) const { return IsToken(token, "-") || IsToken(token, "/"); }

  static Reading Range(const Reading& low, const Reading& high) {
    return {low.value, low.low, high.high, NumberKind::kRange, low.first_item, high.end_item};
  }

  void Fill(size_t start, const Reading& reading, Number* number) const {
    number->span = {items_[start].span.start, items_[reading.end_item - 1].span.end};
    number->first_token = items_[start].first_token;
    number->end_token = items_[reading.end_item - 1].end_token;
    number->value = reading.value;
    number->low = reading.low;
    number->high = reading.high;
    number->kind = reading.kind;
  }

  // A qualifier right before the expression, or right after it (possibly
  // after the one word it counts: "7 أشخاص على الأقل").
  void AddQualifier(size_t start, size_t end, Number* number) const {
    const Item* qualifier = nullptr;
    if (start > 0 && items_[start - 1].type == Item::Type::kQualifier && Adjacent(start - 1, start) &&
        !items_[start - 1].qualifier.after)
      qualifier = &items_[start - 1];
    else if (end < items_.size() && items_[end].type == Item::Type::kQualifier &&
             items_[end].qualifier.after && FollowsClosely(number->end_token, items_[end].first_token))
      qualifier = &items_[end];
    if (!qualifier) return;
    number->qualifier = qualifier->qualifier.qualifier;
    number->qualifier_span = qualifier->span;
    Qualifier q = number->qualifier;
    if (q == Qualifier::kAtLeast || q == Qualifier::kMoreThan) number->high = kInfinity;
    if (q == Qualifier::kAtMost || q == Qualifier::kLessThan) number->low = 0;
  }

  bool FollowsClosely(uint32_t end_token, uint32_t token) const {
    return token == end_token || (token == end_token + 1 && text_.tokens[end_token].is_word());
  }

  const text::TokenizedText& text_;
  const std::vector<Item>& items_;
};

}  // namespace

void NumberReader::Read(const text::TokenizedText& text, MatchState* state, std::vector<Number>* out) const {
  const Words& words = *words_;
  std::vector<Item> items;
  Match match;
  for (uint32_t token = 0; token < text.tokens.size();) {
    const text::Token& current = text.tokens[token];
    Item item{};
    item.first_token = token;
    if (words.qualifiers.matcher().MatchAt(text, token, state, &match)) {
      item.type = Item::Type::kQualifier;
      item.qualifier = words.qualifier_words[match.entry];
    } else if (current.kind == text::TokenKind::kNumber) {
      auto value = ParseDigits(text.NormalizedOf(current));
      if (!value) {
        ++token;
        continue;
      }
      item.type = Item::Type::kNumber;
      item.number = {*value, *value, *value, NumberKind::kCardinal, false};
      match.end_token = token + 1;
      match.span = current.span;
    } else if (words.numbers.matcher().MatchAt(text, token, state, &match)) {
      item.type = Item::Type::kNumber;
      item.number = words.number_words[match.entry];
      item.in_words = true;
      item.after_and =
          !words.and_form.empty() &&
          text.NormalizedOf(current).substr(0, match.proclitic_bytes).starts_with(words.and_form);
    } else if (words.links.matcher().MatchAt(text, token, state, &match)) {
      item.type = Item::Type::kLink;
      item.role = words.roles[match.entry];
    } else {
      ++token;
      continue;
    }
    item.end_token = match.end_token;
    item.span = match.span;
    items.push_back(item);
    token = match.end_token;
  }
  Grammar grammar(text, items);
  for (size_t i = 0; i < items.size();) {
    if (items[i].type != Item::Type::kNumber) {
      ++i;
      continue;
    }
    Number number;
    i = grammar.ReadExpression(i, &number);
    out->push_back(number);
  }
}

}  // namespace hadath::lexicon
