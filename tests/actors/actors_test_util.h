// Shared set-up of the actor tests: the project's tokenizer and the actor
// recognizer loaded once, and readable descriptions of their output.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "hadath/actors.h"
#include "hadath/tsv.h"

namespace hadath::actors::testing {

struct Loaded {
  text::Tokenizer base;  // the text layer's tokenizer
  ActorRecognizer recognizer;
  text::Tokenizer reader;  // base + the recognizer's split words
};

inline const Loaded& Resources() {
  static const Loaded* loaded = [] {
    auto tokenizer = text::Tokenizer::Load(DataDir());
    if (!tokenizer) {
      ADD_FAILURE() << tokenizer.error();
      std::abort();
    }
    auto recognizer = ActorRecognizer::Load(*tokenizer, DataDir());
    if (!recognizer) {
      ADD_FAILURE() << recognizer.error();
      std::abort();
    }
    text::Tokenizer reader = tokenizer->WithSplitWords(recognizer->SplitWords());
    return new Loaded{std::move(*tokenizer), std::move(*recognizer), std::move(reader)};
  }();
  return *loaded;
}

inline std::string_view Slice(std::string_view text, Span span) {
  return text.substr(span.start, span.size());
}

// "surface=ID" per mention, joined by " | "; a contextual mention ends in
// "?", a country name in "@", a nationality phrase in "+".
inline std::string DescribeActors(std::string_view input, const ActorContext& context = {}) {
  text::TokenizedText tokens;
  Resources().reader.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<ActorMention> mentions;
  Resources().recognizer.Find(input, tokens, context, &state, &mentions);
  std::string out;
  for (const ActorMention& mention : mentions) {
    if (!out.empty()) out += " | ";
    out.append(Slice(input, mention.span)).append("=").append(mention.actor_id);
    if (mention.contextual) out += "?";
    if (mention.kind == MentionKind::kCountryName) out += "@";
    if (mention.kind == MentionKind::kNationality) out += "+";
  }
  return out;
}

// "surface=class:count" per role noun, joined by " | ": count is 1, 2, or
// "n" (plural, count unknown); then "/det" and the determiner's surface,
// "/def" for the article, "/dp" when the form is both dual and plural.
inline std::string DescribeRoles(std::string_view input) {
  text::TokenizedText tokens;
  Resources().reader.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<RoleMention> roles;
  Resources().recognizer.FindRoles(input, tokens, &state, &roles);
  std::string out;
  for (const RoleMention& role : roles) {
    if (!out.empty()) out += " | ";
    out.append(Slice(input, role.span)).append("=").append(RoleClassName(role.role_class)).append(":");
    out += role.count ? std::to_string(*role.count) : std::string(role.plural ? "n" : "?");
    if (!role.determiner_span.empty()) out.append("/det ").append(Slice(input, role.determiner_span));
    if (role.definite) out += "/def";
    if (role.dual_or_plural) out += "/dp";
  }
  return out;
}

}  // namespace hadath::actors::testing
