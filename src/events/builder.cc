#include "events/builder.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace hadath::events {
namespace {

// The conjunction و, which joins victims and counts ("امرأة وطفلان", "و9").
constexpr std::string_view kWaw = "\u0648";
// Tokens around a death word where its count and victims are looked for.
constexpr uint32_t kVictimWindow = 6;
// ACLED: deaths reported with no number count 3 for a limited attack.
constexpr int kUnnumberedDeaths = 3;
// A death toll this high in one clause is a war's tally ("the war killed
// some two thousand civilians"), not one incident's.
constexpr int kTallyDeaths = 500;

// --- fatalities ---------------------------------------------------------------

bool InsideDate(const Clause& clause, const NumberHit& number) {
  return std::any_of(clause.dates.begin(), clause.dates.end(),
                     [&](const DateHit& date) { return number.first < date.end && date.first < number.end; });
}

bool Near(uint32_t first, uint32_t end, const TriggerHit& trigger) {
  uint32_t from = trigger.first > kVictimWindow ? trigger.first - kVictimWindow : 0;
  return end > from && first < trigger.end + kVictimWindow;
}

uint32_t Distance(uint32_t first, uint32_t end, const TriggerHit& trigger) {
  if (end <= trigger.first) return trigger.first - end;
  if (first >= trigger.end) return first - trigger.end;
  return 0;
}

// Whether the number counts people: a victim noun or a group's adjective
// follows it ("3 مدنيين", "12 مسلحاً حوثياً").
bool CountsRole(const Clause& clause, const NumberHit& number) {
  return std::any_of(
             clause.roles.begin(), clause.roles.end(),
             [&](const RoleHit& role) { return role.first >= number.end && role.first - number.end <= 2; }) ||
         std::any_of(clause.actors.begin(), clause.actors.end(), [&](const ActorHit& actor) {
           return actor.first >= number.end && actor.first - number.end <= 2;
         });
}

// "70 جريحاً": a number right before a word for the wounded.
bool CountsWounded(const Clause& clause, const NumberHit& number) {
  return std::any_of(clause.triggers.begin(), clause.triggers.end(), [&](const TriggerHit& trigger) {
    return trigger.cls->name == "injury" && trigger.first >= number.end && trigger.first - number.end <= 1;
  });
}

// Whether the number is joined to what comes before it by و ("و9 من
// المقاومة", "وثلاثة مدنيين").
bool JoinedByAnd(const NumberHit& number, const Document& document) {
  std::string_view text = document.text;
  if (text.substr(number.span.start).starts_with(kWaw)) return true;
  std::string_view before = text.substr(0, number.span.start);
  while (before.ends_with(' ')) before.remove_suffix(1);
  return before.ends_with(kWaw) &&
         (before.size() == kWaw.size() || before[before.size() - kWaw.size() - 1] == ' ');
}

// A number that counts the dead of `trigger`: right after it ("مقتل اثنين"),
// right before it ("5 قتلى"), or before a victim noun near it ("3 مدنيين");
// further counts of other victims joined by و add up ("قتل فيها 16 مسلحاً
// حوثياً و9 من رجال المقاومة": 25).
std::optional<int> NumberFor(const Clause& clause, const TriggerHit& trigger, const Document& document) {
  const NumberHit* best = nullptr;
  for (const NumberHit& number : clause.numbers) {
    if (InsideDate(clause, number) || !Near(number.first, number.end, trigger)) continue;
    if (number.number.kind == lexicon::NumberKind::kOrdinal || number.number.value < 1) continue;
    // "مقتل أكثر من 20": a qualifier may stand between the word and its number.
    uint32_t reach = number.number.qualifier_span.empty() ? 0 : 4;
    bool adjacent =
        (number.first >= trigger.end && number.first - trigger.end <= reach) || number.end == trigger.first;
    if (!adjacent && !CountsRole(clause, number)) continue;
    if (!best || Distance(number.first, number.end, trigger) < Distance(best->first, best->end, trigger))
      best = &number;
  }
  if (!best) return std::nullopt;
  double total = best->number.value;
  constexpr uint32_t kJoinReach = 12;  // tokens from one count to the next
  uint32_t last_end = best->end;
  for (const NumberHit& number : clause.numbers) {
    if (number.first < last_end || number.first - last_end > kJoinReach) continue;
    if (InsideDate(clause, number) || !CountsRole(clause, number) || !JoinedByAnd(number, document)) continue;
    if (CountsWounded(clause, number)) break;  // "16 قتيلاً و70 جريحاً": the wounded are no deaths
    total += number.number.value;
    last_end = number.end;
  }
  return static_cast<int>(total);
}

// A victim noun near `trigger` that carries its own count: a dual (عنصرين),
// an indefinite singular (قيادياً), "أحد + plural", or a definite singular
// (القيادي).
const RoleHit* RoleFor(const Clause& clause, const TriggerHit& trigger) {
  const RoleHit* best = nullptr;
  for (const RoleHit& role : clause.roles) {
    if (role.perpetrator || !Near(role.first, role.end, trigger)) continue;
    if (!best || Distance(role.first, role.end, trigger) < Distance(best->first, best->end, trigger))
      best = &role;
  }
  return best;
}

std::optional<int> RoleCount(const RoleHit& role) {
  if (role.mention.count) return *role.mention.count;
  if (!role.mention.plural) return 1;
  return std::nullopt;
}

// Whether the role's word carries the conjunction و ("وطفلان").
bool JoinedByAnd(const RoleHit& role, const Document& document) {
  return role.mention.core.start > role.mention.span.start && document.TextOf(role.span).starts_with(kWaw);
}

// "امرأة وطفلان": victim nouns joined by و count together (1 + 2); "القتيل
// مدني" (the dead man is a civilian) is one person.
std::optional<int> JoinedRoleCount(const Clause& clause, const RoleHit& first, const Document& document) {
  std::optional<int> total = RoleCount(first);
  uint32_t end = first.end;
  for (const RoleHit& role : clause.roles) {
    if (!total || role.first < first.end) continue;
    if (role.first != end || !JoinedByAnd(role, document)) break;
    std::optional<int> more = RoleCount(role);
    if (!more) return std::nullopt;
    *total += *more;
    end = role.end;
  }
  return total;
}

// The pronoun on a death noun gives its count: مقتلهما 2, مقتله 1.
std::optional<int> EncliticCount(const TriggerHit& trigger) {
  if (trigger.enclitic == "هما") return 2;
  if (trigger.enclitic == "ه" || trigger.enclitic == "ها") return 1;
  return std::nullopt;
}

Claim ClaimFor(const Clause& clause, const TriggerHit& trigger, const Document& document) {
  Claim claim;
  claim.source = clause.source;
  claim.evidence = clause.text;
  const RoleHit* role = RoleFor(clause, trigger);
  for (const RoleHit& near : clause.roles) {
    if (near.perpetrator || !Near(near.first, near.end, trigger)) continue;
    claim.civilian_victims |= near.mention.role_class == actors::RoleClass::kCivilian;
    claim.combatant_victims |= near.mention.role_class == actors::RoleClass::kCombatant;
  }
  for (const ActorHit& actor : clause.actors)
    if (actor.side == Side::kVictim && Near(actor.first, actor.end, trigger))
      (actor.id == "CIVILIANS" ? claim.civilian_victims : claim.combatant_victims) = true;
  if (auto number = NumberFor(clause, trigger, document)) {
    claim.fatalities = number;
  } else if (auto counted = role ? JoinedRoleCount(clause, *role, document) : std::nullopt) {
    claim.fatalities = counted;
  } else if (auto pronoun = EncliticCount(trigger)) {
    claim.fatalities = pronoun;
  } else if (trigger.victims > 0) {
    claim.fatalities = trigger.victims;
  }
  return claim;
}

void ResolveFatalities(Event* event) {
  std::optional<int> low, high;
  bool unnumbered = false;
  std::optional<int> civilian;
  bool civilians = false, combatants = false;
  for (const Claim& claim : event->claims) {
    civilians |= claim.civilian_victims;
    combatants |= claim.combatant_victims;
    if (!claim.fatalities) {
      unnumbered = true;
      continue;
    }
    low = low ? std::min(*low, *claim.fatalities) : *claim.fatalities;
    high = high ? std::max(*high, *claim.fatalities) : *claim.fatalities;
    if (claim.civilian_victims)
      civilian = civilian ? std::min(*civilian, *claim.fatalities) : *claim.fatalities;
  }
  if (low) {
    event->fatalities = low;
    event->fatalities_low = low;
    event->fatalities_high = high;
  } else if (unnumbered) {
    event->fatalities = kUnnumberedDeaths;
    event->fatalities_low = 1;
    event->fatalities_high = kUnnumberedDeaths;
  } else {
    event->fatalities = event->fatalities_low = event->fatalities_high = 0;
  }
  event->civilian_fatalities = civilian ? *civilian : (civilians && event->fatalities ? 1 : 0);
  if (!civilians) event->civilian_fatalities = 0;
  event->contested = (civilians && combatants) || (low && high && *low != *high);
}

// --- type ---------------------------------------------------------------------

bool Has(const std::set<std::string>& classes, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* name) { return classes.contains(name); });
}

void SetType(Event* event, const Resources& resources, const char* class_name) {
  const TriggerClass* cls = resources.ClassOf(class_name);
  if (!cls) return;
  event->event_type = cls->event_type;
  event->sub_event_type = cls->sub_event_type;
}

// The remote-violence class of lowest rank among `classes`, if any.
const TriggerClass* RemoteClass(const std::set<std::string>& classes, const Resources& resources) {
  const TriggerClass* best = nullptr;
  for (const std::string& name : classes) {
    const TriggerClass* cls = resources.ClassOf(name);
    if (cls && cls->event_type == "Explosions/Remote violence" && (!best || cls->rank < best->rank))
      best = cls;
  }
  return best;
}

// ACLED's type from the triggers told and what came of them.
void DecideType(const std::set<std::string>& classes, bool deaths, bool civilian_victims_only,
                const Resources& resources, Event* event) {
  const TriggerClass* remote = RemoteClass(classes, resources);
  // An attack by remote means (هجوم بطائرة مسيرة) is remote violence.
  bool ground = Has(classes, {"clash", "air-landing", "raid"}) || (classes.contains("attack") && !remote);
  if (classes.contains("protest") && !deaths && !remote && !ground)
    return SetType(event, resources, "protest");
  if (ground) {
    bool fighting = classes.contains("clash") || deaths || remote ||
                    Has(classes, {"shooting", "assassination", "attack"});
    if (fighting && civilian_victims_only && !classes.contains("clash") &&
        !Has(classes, {"raid", "air-landing"}))
      return SetType(event, resources, "shooting");  // an attack on civilians
    if (fighting) return SetType(event, resources, "clash");
    if (classes.contains("arrest")) return SetType(event, resources, "arrest");
    if (Has(classes, {"seizure", "defusal"})) return SetType(event, resources, "seizure");
    // A raid with no shot, death or arrest told: a security operation.
    return SetType(event, resources, "operation");
  }
  if (remote) {
    event->event_type = remote->event_type;
    event->sub_event_type = remote->sub_event_type;
    return;
  }
  if (Has(classes, {"assassination", "shooting", "death", "injury"}))
    return SetType(event, resources, civilian_victims_only ? "shooting" : "clash");
  for (const char* name : {"abduction", "arrest", "seizure", "defusal", "agreement", "protest", "operation"})
    if (classes.contains(name)) return SetType(event, resources, name);
}

// --- actors -------------------------------------------------------------------

struct Sides {
  std::vector<std::string> one, two;  // in order of strength
};

void AddOnce(std::vector<std::string>* list, const std::string& id) {
  if (std::find(list->begin(), list->end(), id) == list->end()) list->push_back(id);
}

// The actor an ACLED coder names for `id`: a unit of the same kind as the
// force it belongs to is coded as that force (a military council of the
// SDF is the SDF; the Fourth Division is the Syrian government's forces),
// a body of another kind keeps its own name (the Asayish are not the
// Autonomous Administration).
std::string CodedActor(const std::string& id, const actors::ActorRegistry& registry) {
  const actors::Actor* actor = registry.Find(id);
  while (actor && !actor->parent.empty()) {
    const actors::Actor* parent = registry.Find(actor->parent);
    if (!parent || parent->kind != actor->kind) break;
    actor = parent;
  }
  return actor ? actor->id : id;
}

// Sides from the actors of the incident's clauses: explicit cues first
// (برصاص X, بدعم من X, ضد X, victims of X), then order: the first other
// actor named is the initiator.
Sides ReadSides(const Incident& incident, const ArticleFacts& facts, const actors::ActorRegistry& registry) {
  std::map<std::string, Side> side_of;
  std::vector<std::string> order;
  auto note = [&](const std::string& id, Side side) {
    auto [slot, added] = side_of.emplace(id, side);
    if (added)
      order.push_back(id);
    else if (slot->second == Side::kUnknown || slot->second == Side::kSource ||
             slot->second == Side::kSpokesman)
      slot->second = side;
  };
  for (const Clause* clause : incident.clauses)
    for (const ActorHit& actor : clause->actors) {
      if (!BelongsTo(*clause, actor.first, incident.background)) continue;
      if (actor.contextual && !facts.named_actors.contains(actor.id)) continue;
      std::string coded = CodedActor(actor.id, registry);
      note(coded, actor.side);
      // The unit itself stays as an associated actor of the same side.
      if (coded != actor.id) note(actor.id, actor.side);
    }
  Sides sides;
  for (Side wanted : {Side::kInitiator, Side::kUnknown, Side::kSupport, Side::kSource})
    for (const std::string& id : order)
      if (side_of[id] == wanted) AddOnce(&sides.one, id);
  // The body a spokesman speaks for acts only when nobody else is named.
  if (sides.one.empty())
    for (const std::string& id : order)
      if (side_of[id] == Side::kSpokesman) AddOnce(&sides.one, id);
  for (Side wanted : {Side::kTarget, Side::kVictim})
    for (const std::string& id : order)
      if (side_of[id] == wanted) AddOnce(&sides.two, id);
  // An administration (a media office "of the Autonomous Administration")
  // is named as a source far more often than as a party: it is a party only
  // when the text says it acted.
  std::erase_if(sides.one, [&](const std::string& id) {
    const actors::Actor* actor = registry.Find(id);
    return actor && actor->kind == "authority" && side_of[id] != Side::kInitiator &&
           side_of[id] != Side::kSupport;
  });
  // Civilians are victims, never initiators, whatever the word order.
  auto civilians = std::find(sides.one.begin(), sides.one.end(), "CIVILIANS");
  if (civilians != sides.one.end()) {
    sides.one.erase(civilians);
    AddOnce(&sides.two, "CIVILIANS");
  }
  return sides;
}

// The actor the article most often names as a target, if it is not on the
// initiator's side.
std::string UsualTarget(const ArticleFacts& facts, const Sides& sides) {
  std::string best;
  int most = 0;
  for (const auto& [id, count] : facts.targets)
    if (count > most && id != "CIVILIANS" &&
        std::find(sides.one.begin(), sides.one.end(), id) == sides.one.end()) {
      best = id;
      most = count;
    }
  return best;
}

void AssignActors(const Sides& sides, bool civilian_victims, Event* event) {
  if (!sides.one.empty()) {
    event->actor1 = sides.one.front();
    event->assoc_actor1.assign(sides.one.begin() + 1, sides.one.end());
  }
  std::vector<std::string> two = sides.two;
  if (civilian_victims) AddOnce(&two, "CIVILIANS");
  if (event->event_type == "Violence against civilians") {
    // The civilians are the target; an armed group named as victim is a claim.
    auto civilians = std::find(two.begin(), two.end(), "CIVILIANS");
    if (civilians != two.end()) std::rotate(two.begin(), civilians, civilians + 1);
  }
  if (!two.empty()) {
    event->actor2 = two.front();
    event->assoc_actor2.assign(two.begin() + 1, two.end());
  }
}

// --- dates --------------------------------------------------------------------

void SetDates(const dates::DateMention& mention, Event* event) {
  if (mention.start) event->date_start = mention.start->ToIso();
  if (mention.end) event->date_end = mention.end->ToIso();
  if (mention.best) event->event_date = mention.best->ToIso();
  event->time_precision = mention.time_precision;
  if (!mention.best) event->date_reason = "the text gives only a range";
  bool relative = mention.kind == dates::Kind::kRelativeDay || mention.kind == dates::Kind::kWeekday ||
                  mention.kind == dates::Kind::kWeek;
  event->date_basis = relative ? "relative" : "text";
}

void ResolveDate(const Incident& incident, const ArticleFacts& facts, Event* event) {
  if (incident.date) return SetDates(incident.date->mention, event);
  if (incident.background) {
    event->date_reason = "a recalled incident with no date in the text";
    return;
  }
  if (incident.statement_date && incident.statement_date->mention.best) {
    const dates::CivilDate said = *incident.statement_date->mention.best;
    event->date_start = said.AddDays(-1).ToIso();
    event->date_end = event->event_date = said.ToIso();
    event->time_precision = 2;
    event->date_basis = "statement";
    event->date_reason = "dated by the statement reporting it (the day of the statement or the one before)";
    return;
  }
  if (facts.published) {
    event->date_start = facts.published->AddDays(-6).ToIso();
    event->date_end = event->event_date = facts.published->ToIso();
    event->time_precision = 2;
    event->date_basis = "publication";
    event->date_reason = "no date in the text: coded to the publication day, within the week before it";
    return;
  }
  event->date_reason = "no date in the text and no publication date";
}

// --- evidence, id, confidence -------------------------------------------------

void AddEvidence(const Document& document, Span text, const char* role, Event* event) {
  if (text.empty()) return;
  for (const Evidence& known : event->evidence)
    if (known.text.start == text.start && known.text.end == text.end && known.role == role) return;
  event->evidence.push_back({text, document.RawSpan(text), role});
}

std::string EventId(const Document& document, const Incident& incident) {
  std::string key = document.id + ":" + std::to_string(incident.clauses.front()->text.start) +
                    (incident.background ? ":background" : "");
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return std::string("ev-") + hex;
}

double Confidence(const Event& event, const Incident& incident, int strong_triggers) {
  double confidence = 0.3;
  switch (event.location.geo_precision) {
    case 1: confidence += 0.2; break;
    case 2: confidence += 0.15; break;
    case 3: confidence += 0.05; break;
    default: break;
  }
  confidence += incident.date ? 0.15 : event.event_date.empty() ? 0.0 : 0.07;
  if (!event.actor1.empty()) confidence += 0.1;
  if (!event.actor2.empty()) confidence += 0.05;
  if (strong_triggers > 1 || incident.clauses.size() > 1) confidence += 0.1;
  if (event.location.geo_precision > 0) confidence *= 0.7 + 0.3 * event.location.confidence;
  if (event.contested) confidence *= 0.9;
  return std::clamp(confidence, 0.05, 0.95);
}

}  // namespace

ArticleFacts ReadArticle(const std::vector<Clause>& clauses, const Document& document) {
  ArticleFacts facts;
  for (const Clause& clause : clauses)
    for (const ActorHit& actor : clause.actors) {
      if (!actor.contextual) facts.named_actors.insert(actor.id);
      if (actor.side == Side::kTarget || actor.side == Side::kVictim) ++facts.targets[actor.id];
    }
  const PublishedDate& published = document.article.metadata.published;
  if (published.precision >= DatePrecision::kDay)
    facts.published = dates::CivilDate::Make(published.year, published.month, published.day);
  return facts;
}

std::optional<Event> BuildEvent(const Incident& incident, const ArticleFacts& facts, const Document& document,
                                const Resources& resources) {
  Event event;
  event.background = incident.background;
  std::set<std::string> classes;
  int strong_triggers = 0;
  for (const Clause* clause : incident.clauses) {
    AddEvidence(document, clause->text, "event", &event);
    for (const TriggerHit& trigger : clause->triggers) {
      if (!BelongsTo(*clause, trigger, incident.background) || trigger.negated) continue;
      classes.insert(trigger.cls->name);
      strong_triggers += trigger.strong;
      AddOnce(&event.trigger_words, trigger.form);
      AddEvidence(document, trigger.span, "trigger", &event);
      if (trigger.cls->name == "death" || trigger.victims > 0) {
        event.claims.push_back(ClaimFor(*clause, trigger, document));
        AddEvidence(document, trigger.span, "fatalities", &event);
      }
    }
  }
  if (classes.empty()) return std::nullopt;
  for (const Claim& claim : event.claims)
    if (claim.fatalities && *claim.fatalities >= kTallyDeaths) return std::nullopt;
  ResolveFatalities(&event);
  bool civilian_victims = std::any_of(event.claims.begin(), event.claims.end(),
                                      [](const Claim& c) { return c.civilian_victims; });
  bool combatant_victims = std::any_of(event.claims.begin(), event.claims.end(),
                                       [](const Claim& c) { return c.combatant_victims; });
  for (const Clause* clause : incident.clauses)
    for (const RoleHit& role : clause->roles)
      if (BelongsTo(*clause, role.first, incident.background) &&
          role.mention.role_class == actors::RoleClass::kCivilian && classes.contains("arrest"))
        civilian_victims = true;  // civilians detained

  Sides sides = ReadSides(incident, facts, resources.actors->registry());
  bool armed_target =
      !sides.two.empty() && std::any_of(sides.two.begin(), sides.two.end(),
                                        [](const std::string& id) { return id != "CIVILIANS"; });
  DecideType(classes, event.fatalities.value_or(0) > 0 || classes.contains("death"),
             civilian_victims && !combatant_victims && !armed_target, resources, &event);
  if (event.event_type.empty()) return std::nullopt;
  if (sides.two.empty() && !sides.one.empty() && event.event_type != "Violence against civilians")
    if (std::string usual = UsualTarget(facts, sides); !usual.empty()) sides.two.push_back(usual);
  AssignActors(sides, civilian_victims, &event);
  event.civilian_targeting = event.event_type == "Violence against civilians" && civilian_victims;

  if (incident.place) {
    event.location = incident.place->location;
    AddEvidence(document, incident.place->span, "place", &event);
  }
  // ACLED codes no event without a place; an agreement is one between two
  // parties the text names (not a trade deal).
  if (event.location.geo_precision == 0) return std::nullopt;
  // With nobody named on either side, only violence told outright is an
  // incident (a blast, a strike); a bare "operation" or death is not.
  bool outright = Has(
      classes, {"clash", "attack", "air-strike", "shelling", "ied", "suicide", "explosion", "assassination"});
  if (event.actor1.empty() && event.actor2.empty() && !outright) return std::nullopt;
  if (event.sub_event_type == "Agreement" && (event.actor1.empty() || event.actor2.empty()))
    return std::nullopt;
  // Arrests are made by an authority the text names (not any police case).
  if (event.sub_event_type == "Arrests" && event.actor1.empty()) return std::nullopt;
  ResolveDate(incident, facts, &event);
  if (incident.date)
    AddEvidence(document, incident.date->span, "date", &event);
  else if (incident.statement_date && !event.event_date.empty())
    AddEvidence(document, incident.statement_date->span, "date", &event);  // the day a source spoke
  event.id = EventId(document, incident);
  event.confidence = Confidence(event, incident, strong_triggers);
  return event;
}

}  // namespace hadath::events
