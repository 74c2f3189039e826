// Internal: small helpers over gumbo's parse tree, shared by the HTML reader's
// parts (metadata, content choice, text writing).
//
// Lifetime: every string_view returned points into the gumbo tree or the
// buffer it was parsed from; both must outlive it.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "hadath/ingest.h"
#include "hadath/offsets.h"

namespace hadath::ingest::internal {

// Deeper subtrees are ignored (with a warning) so that hostile nesting cannot
// exhaust the stack.
inline constexpr int kMaxTreeDepth = 1000;

inline bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

inline bool IsTextLike(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

// Children of an element or the document; empty for other nodes.
inline const GumboVector* ChildrenOf(const GumboNode* node) {
  static const GumboVector kNone = {nullptr, 0, 0};
  if (IsElement(node)) return &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return &kNone;
}

inline const GumboNode* ChildAt(const GumboVector* children, unsigned index) {
  return static_cast<const GumboNode*>(children->data[index]);
}

// Lower-case tag name, also for elements gumbo does not know ("amp-img").
std::string TagNameOf(const GumboNode* node);

// The attribute's value ("" when absent); `name` in lower case.
std::string_view AttributeOf(const GumboNode* node, const char* name);
bool HasAttribute(const GumboNode* node, const char* name);

// Returns true iff the attribute's value, split at blanks, holds `token`
// (ASCII case-insensitive), as for rel="canonical" or itemprop="articleBody".
bool AttributeHasToken(const GumboNode* node, const char* name, std::string_view token);

// Returns true iff the element is hidden by `hidden`, aria-hidden="true" or
// an inline display:none / visibility:hidden style.
bool IsHidden(const GumboNode* node);

// Returns true iff the element never holds text a reader sees (script, style...).
bool IsNonTextElement(GumboTag tag);

// Returns true iff the element starts a new line of text (p, div, li, h1, br...).
bool IsBlockElement(GumboTag tag);

// Bytes of the element in the parsed buffer, from its start tag to the end of
// its end tag (or of its last content when the end tag is implied).
Span ElementSpan(const GumboNode* node, size_t buffer_size);

// `text` with whitespace runs collapsed to one space, trimmed.
std::string CollapseSpaces(std::string_view text);

// The element's text with whitespace runs collapsed to one space and
// trimmed; script/style and hidden elements are left out.
std::string VisibleText(const GumboNode* node);

}  // namespace hadath::ingest::internal
