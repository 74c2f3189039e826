#include "actors/roles.h"

#include "actors/forms.h"

namespace hadath::actors {
namespace {

enum class Effect : uint8_t { kSome, kOf };

struct RoleNoun {
  std::string lemma;
  RoleClass role_class;
};

// What a form of a role noun says. Forms listed in roles.tsv come first;
// generated ones never override them.
struct RoleForm {
  uint32_t noun = 0;
  GrammaticalNumber number = GrammaticalNumber::kSingular;
  bool dual_or_plural = false;  // the dual and the sound plural, written alike
  bool construct = false;       // a construct form (مقاتلي، عنصري)
  bool needs_enclitic = false;  // the dual construct, read only before a pronoun (عنصرينا)
  bool listed = false;          // written in roles.tsv
  bool guard = false;           // a row of class none: no role
  int line = 0;
};

std::optional<RoleClass> ParseRoleClass(std::string_view text) {
  if (text == "civilian") return RoleClass::kCivilian;
  if (text == "combatant") return RoleClass::kCombatant;
  if (text == "official") return RoleClass::kOfficial;
  if (text == "suspect") return RoleClass::kSuspect;
  if (text == "protester") return RoleClass::kProtester;
  if (text == "person") return RoleClass::kPerson;
  return std::nullopt;
}

// "مقاتلون، مقاتلين" -> {"مقاتلون", "مقاتلين"}: items separated by an
// ARABIC COMMA (U+060C) or ',', spaces around them dropped.
std::vector<std::string> SplitList(std::string_view text) {
  constexpr std::string_view kArabicComma = "\u060C";
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    size_t first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
    item.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with(kArabicComma)) {
      flush();
      i += kArabicComma.size();
    } else if (text[i] == ',') {
      flush();
      ++i;
    } else {
      item += text[i++];
    }
  }
  flush();
  return out;
}

bool EndsWith(std::string_view word, std::string_view suffix) { return word.ends_with(suffix); }

std::string WithoutSuffix(std::string_view word, std::string_view suffix) {
  return std::string(word.substr(0, word.size() - suffix.size()));
}

// Forms generated from the singular: the indefinite accusative (+ا), and
// the dual (+ان/+ين, ة -> تان/تين) with its construct (+ي, ة -> تي).
struct Generated {
  std::string form;
  RoleForm role;
};

std::vector<Generated> SingularInflections(std::string_view singular, bool dual, uint32_t noun, int line) {
  using namespace affix;
  std::vector<Generated> out;
  bool feminine = EndsWith(singular, kTaMarbuta);
  if (!feminine && !EndsWith(singular, kAlef) && !EndsWith(singular, kAlefMaksura) &&
      !EndsWith(singular, kHamza))
    out.push_back({std::string(singular) + std::string(kAlef), {noun, GrammaticalNumber::kSingular}});
  if (!dual) return out;
  std::string stem =
      feminine ? WithoutSuffix(singular, kTaMarbuta) + std::string(kTa) : std::string(singular);
  RoleForm dual_form{noun, GrammaticalNumber::kDual};
  dual_form.line = line;
  out.push_back({stem + std::string(kDualNominative), dual_form});
  out.push_back({stem + std::string(kDualOblique), dual_form});
  RoleForm construct = dual_form;
  construct.construct = construct.needs_enclitic = true;
  out.push_back({stem + std::string(kYa), construct});
  return out;
}

// The construct of a sound masculine plural: مقاتلون -> مقاتلو، مقاتلين -> مقاتلي.
std::optional<std::string> PluralConstruct(std::string_view plural) {
  using namespace affix;
  if (EndsWith(plural, kPluralNominative))
    return WithoutSuffix(plural, kPluralNominative) + std::string(kWaw);
  if (EndsWith(plural, kDualOblique)) return WithoutSuffix(plural, kDualOblique) + std::string(kYa);
  return std::nullopt;
}

struct Quantifiers {
  lexicon::Matcher matcher;
  std::vector<Effect> effects;  // by matcher entry
};

}  // namespace

struct RoleLexicon::Words {
  lexicon::Matcher forms;
  std::vector<RoleForm> role_forms;  // by forms entry
  std::vector<RoleNoun> nouns;
  Quantifiers quantifiers;
  lexicon::NumberReader numbers;
  text::CliticSegmenter clitics;
  std::vector<std::string> plain_proclitics;
};

namespace {

class RoleLoader {
 public:
  explicit RoleLoader(const text::Tokenizer& tokenizer) : tokenizer_(tokenizer), builder_(tokenizer) {}

  Status Read(const std::string& path) {
    auto table = LoadFormTable(path, {"class", "plural", "dual", "singular"});
    if (!table) return table.status();
    for (const TsvRow& row : table->rows()) {
      Status status = ReadListed(row);
      if (!status.ok()) return status;
    }
    for (const Pending& pending : pending_) {
      Status status = Add(*pending.row, pending.form, pending.role);
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  lexicon::Matcher Compile() && { return std::move(builder_).Compile(); }
  std::vector<RoleForm> TakeForms() { return std::move(forms_); }
  std::vector<RoleNoun> TakeNouns() { return std::move(nouns_); }

 private:
  struct Pending {
    const TsvRow* row;
    std::string form;
    RoleForm role;
  };

  // The forms written in the row now; its generated forms once every
  // row's listed forms are in.
  Status ReadListed(const TsvRow& row) {
    const std::string& singular = row.Get("form");
    Status checked = CheckForm(row, singular, tokenizer_);
    if (!checked.ok()) return checked;
    auto shape = ReadShape(row);
    if (!shape) return shape.status();
    if (row.Get("class") == "none") return AddGuard(row, *shape);
    auto role_class = ParseRoleClass(row.Get("class"));
    if (!role_class)
      return Status::Error(
          row.Where("class must be civilian, combatant, official, suspect, protester, person or none, not '" +
                    row.Get("class") + "'"));
    uint32_t noun = static_cast<uint32_t>(nouns_.size());
    nouns_.push_back({singular, *role_class});
    if (shape->singular) {
      Status added = Add(row, singular, Listed(noun, GrammaticalNumber::kSingular, row.line()));
      if (!added.ok()) return added;
    }
    for (const std::string& plural : shape->plurals) {
      Status added = Add(row, plural, Listed(noun, GrammaticalNumber::kPlural, row.line()));
      if (!added.ok()) return added;
      auto construct = PluralConstruct(plural);
      if (!construct || plural.find(' ') != std::string::npos) continue;
      RoleForm role{noun, GrammaticalNumber::kPlural};
      role.construct = true;
      pending_.push_back({&row, *construct, role});
    }
    if (singular.find(' ') != std::string::npos) return Status::Ok();  // no inflection of several words
    for (Generated& generated : SingularInflections(singular, shape->dual, noun, row.line()))
      if (shape->singular || generated.role.number != GrammaticalNumber::kSingular)
        pending_.push_back({&row, std::move(generated.form), generated.role});
    return Status::Ok();
  }

  // The `plural`, `dual` and `singular` columns.
  struct Shape {
    std::vector<std::string> plurals;
    bool dual = false;
    bool singular = true;
  };

  static Result<Shape> ReadShape(const TsvRow& row) {
    Shape shape;
    const std::string& dual = row.Get("dual");
    const std::string& singular = row.Get("singular");
    if (dual != "yes" && dual != "no") return Status::Error(row.Where("dual must be yes or no"));
    if (singular != "yes" && singular != "no") return Status::Error(row.Where("singular must be yes or no"));
    shape.dual = dual == "yes";
    shape.singular = singular == "yes";
    shape.plurals = SplitList(row.Get("plural"));
    if (shape.dual && row.Get("form").find(' ') != std::string::npos)
      return Status::Error(row.Where("the dual of several words is not generated: dual must be no"));
    return shape;
  }

  // A form that names no role: listed so that the role words inside it are
  // not read ("طالبان" the Taliban, "الدفاع المدني" civil defence).
  Status AddGuard(const TsvRow& row, const Shape& shape) {
    if (!shape.plurals.empty() || shape.dual || !shape.singular)
      return Status::Error(row.Where("a row of class none has no plural, dual no and singular yes"));
    RoleForm guard = Listed(0, GrammaticalNumber::kSingular, row.line());
    guard.guard = true;
    return Add(row, row.Get("form"), guard);
  }

  static RoleForm Listed(uint32_t noun, GrammaticalNumber number, int line) {
    RoleForm role{noun, number};
    role.listed = true;
    role.line = line;
    return role;
  }

  Status Add(const TsvRow& row, const std::string& form, const RoleForm& role) {
    auto added = builder_.Add(form, static_cast<uint32_t>(forms_.size()));
    if (!added) return Status::Error(row.Where(added.error()));
    if (!*added) {
      forms_.push_back(role);
      return Status::Ok();
    }
    return Merge(row, form, &forms_[**added], role);
  }

  // The same form twice: a listed sound plural that is also the noun's dual
  // (مقاتلين) reads both ways; otherwise the earlier reading stays.
  Status Merge(const TsvRow& row, const std::string& form, RoleForm* earlier, const RoleForm& later) const {
    if (earlier->listed && later.listed &&
        (earlier->noun != later.noun || earlier->number != later.number || earlier->guard || later.guard))
      return Status::Error(row.Where("form '" + form + "' is already " +
                                     (earlier->guard ? std::string("a form of no role")
                                                     : "a form of '" + nouns_[earlier->noun].lemma + "'") +
                                     " (line " + std::to_string(earlier->line) + ")"));
    bool plural_and_dual = earlier->noun == later.noun && !earlier->construct && !later.construct &&
                           earlier->number == GrammaticalNumber::kPlural &&
                           later.number == GrammaticalNumber::kDual;
    if (plural_and_dual) earlier->dual_or_plural = true;
    return Status::Ok();
  }

  const text::Tokenizer& tokenizer_;
  lexicon::MatcherBuilder builder_;
  std::vector<RoleForm> forms_;
  std::vector<RoleNoun> nouns_;
  std::vector<Pending> pending_;
};

Result<Quantifiers> ReadQuantifiers(const std::string& path, const text::Tokenizer& tokenizer) {
  auto table = LoadFormTable(path, {"effect"});
  if (!table) return table.status();
  lexicon::MatcherBuilder builder(tokenizer);
  std::vector<Effect> effects;
  for (const TsvRow& row : table->rows()) {
    Status checked = CheckForm(row, row.Get("form"), tokenizer);
    if (!checked.ok()) return checked;
    const std::string& effect = row.Get("effect");
    if (effect != "some" && effect != "of") return Status::Error(row.Where("effect must be some or of"));
    auto attach = AttachOf(*table, row);
    if (!attach) return attach.status();
    auto added = builder.Add(row.Get("form"), static_cast<uint32_t>(effects.size()), *attach);
    if (!added) return Status::Error(row.Where(added.error()));
    if (*added) return Status::Error(row.Where("form '" + row.Get("form") + "' is listed twice"));
    effects.push_back(effect == "some" ? Effect::kSome : Effect::kOf);
  }
  return Quantifiers{std::move(builder).Compile(), std::move(effects)};
}

}  // namespace

Result<RoleLexicon> RoleLexicon::Load(const std::string& data_dir, const text::Tokenizer& tokenizer) {
  auto numbers = lexicon::NumberReader::Load(tokenizer, data_dir);
  if (!numbers) return numbers.status();
  RoleLoader loader(tokenizer);
  Status roles = loader.Read(data_dir + "/actors/roles.tsv");
  if (!roles.ok()) return roles;
  auto quantifiers = ReadQuantifiers(data_dir + "/actors/quantifiers.tsv", tokenizer);
  if (!quantifiers) return quantifiers.status();
  std::vector<RoleForm> forms = loader.TakeForms();
  std::vector<RoleNoun> nouns = loader.TakeNouns();
  return RoleLexicon(std::make_shared<Words>(
      Words{std::move(loader).Compile(), std::move(forms), std::move(nouns), std::move(*quantifiers),
            std::move(*numbers), tokenizer.clitics(), tokenizer.clitics().PlainProclitics()}));
}

namespace {

// A number or quantity word before a role noun.
struct Counter {
  Determiner determiner = Determiner::kNone;
  Span span;
  bool is_one = false;  // the number one: أحد، إحدى، واحد
};

// Numbers and quantity words of a text, indexed by the token they end before.
class Counters {
 public:
  Counters(const RoleLexicon::Words& words, const text::TokenizedText& text, lexicon::MatchState* state)
      : ending_(text.tokens.size() + 1) {
    std::vector<lexicon::Number> numbers;
    words.numbers.Read(text, state, &numbers);
    for (const lexicon::Number& number : numbers)
      if (number.kind != lexicon::NumberKind::kOrdinal)
        ending_[number.end_token] = {Kind::kNumber, number.first_token, number.span,
                                     number.kind == lexicon::NumberKind::kCardinal && number.value == 1};
    std::vector<lexicon::Match> quantifiers;
    words.quantifiers.matcher.FindAll(text, state, &quantifiers);
    for (const lexicon::Match& match : quantifiers) {
      Entry& entry = ending_[match.end_token];
      if (entry.kind != Kind::kNone) continue;  // a number wins ("عدد من")
      entry = {words.quantifiers.effects[match.entry] == Effect::kSome ? Kind::kSome : Kind::kOf,
               match.first_token, match.span, false};
    }
  }

  // What counts the noun starting at `token`: a number or quantity word
  // right before it, or before a partitive "من" right before it.
  Counter Before(uint32_t token) const {
    const Entry* entry = &ending_[token];
    if (entry->kind == Kind::kOf) entry = &ending_[entry->first_token];
    if (entry->kind == Kind::kNumber) return {Determiner::kNumber, entry->span, entry->is_one};
    if (entry->kind == Kind::kSome) return {Determiner::kQuantifier, entry->span, false};
    return {};
  }

 private:
  enum class Kind : uint8_t { kNone, kNumber, kSome, kOf };
  struct Entry {
    Kind kind = Kind::kNone;
    uint32_t first_token = 0;
    Span span;
    bool is_one = false;
  };
  std::vector<Entry> ending_;  // by end token
};

void ReadCount(const RoleForm& form, const Counter& counter, RoleMention* mention) {
  mention->number = form.number;
  mention->determiner = counter.determiner;
  mention->determiner_span = counter.span;
  // مقاتلين: the dual when indefinite and uncounted, else the plural.
  if (form.dual_or_plural)
    mention->number = mention->definite || counter.determiner != Determiner::kNone
                          ? GrammaticalNumber::kPlural
                          : GrammaticalNumber::kDual;
  if (counter.determiner == Determiner::kNumber && counter.is_one) {
    mention->count = 1;
  } else if (counter.determiner != Determiner::kNone) {
    mention->plural = true;
  } else if (mention->number == GrammaticalNumber::kSingular) {
    mention->count = 1;
  } else if (mention->number == GrammaticalNumber::kDual) {
    mention->count = 2;
  } else {
    mention->plural = true;
  }
}

}  // namespace

void RoleLexicon::Find(const text::TokenizedText& text, lexicon::MatchState* state,
                       std::vector<RoleMention>* out) const {
  const Words& words = *words_;
  Counters counters(words, text, state);
  std::vector<lexicon::Match> matches;
  words.forms.FindAll(text, state, &matches);
  std::vector<text::CliticAnalysis> scratch;
  for (const lexicon::Match& match : matches) {
    const RoleForm& form = words.role_forms[match.entry];
    if (form.guard || (form.needs_enclitic && match.enclitic_bytes == 0)) continue;
    const RoleNoun& noun = words.nouns[form.noun];
    RoleMention mention;
    mention.span = match.span;
    mention.core = match.core;
    mention.first_token = match.first_token;
    mention.end_token = match.end_token;
    mention.role_class = noun.role_class;
    mention.lemma = noun.lemma;
    mention.definite = ProcliticsOf(text, match, words.clitics, words.plain_proclitics, &scratch).has_article;
    mention.dual_or_plural = form.dual_or_plural;
    ReadCount(form, counters.Before(match.first_token), &mention);
    out->push_back(std::move(mention));
  }
}

}  // namespace hadath::actors
