#include "ingest/html_dom.h"

#include <algorithm>

#include "ingest/utf8.h"

namespace hadath::ingest::internal {
namespace {

const GumboAttribute* FindAttribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  return gumbo_get_attribute(&node->v.element.attributes, name);
}

void AppendVisibleText(const GumboNode* node, int depth, std::string* out) {
  if (depth > kMaxTreeDepth) return;
  if (IsTextLike(node)) {
    out->append(node->v.text.text);
    return;
  }
  if (!IsElement(node) && node->type != GUMBO_NODE_DOCUMENT) return;
  if (IsElement(node) && (IsNonTextElement(node->v.element.tag) || IsHidden(node))) return;
  const GumboVector* children = ChildrenOf(node);
  for (unsigned i = 0; i < children->length; ++i) {
    const GumboNode* child = ChildAt(children, i);
    // Block boundaries must not glue words together.
    bool block = IsElement(child) && IsBlockElement(child->v.element.tag);
    if (block) out->push_back(' ');
    AppendVisibleText(child, depth + 1, out);
    if (block) out->push_back(' ');
  }
}

}  // namespace

std::string CollapseSpaces(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  return collapsed;
}

std::string TagNameOf(const GumboNode* node) {
  if (!IsElement(node)) return "";
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  if (!original.data || original.length < 2 || original.data[0] != '<') return "";
  gumbo_tag_from_original_text(&original);
  return AsciiLower(std::string_view(original.data ? original.data : "", original.length));
}

std::string_view AttributeOf(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = FindAttribute(node, name);
  return attribute && attribute->value ? std::string_view(attribute->value) : std::string_view();
}

bool HasAttribute(const GumboNode* node, const char* name) { return FindAttribute(node, name) != nullptr; }

bool AttributeHasToken(const GumboNode* node, const char* name, std::string_view token) {
  std::string value = AsciiLower(AttributeOf(node, name));
  std::string wanted = AsciiLower(token);
  size_t at = 0;
  while (at < value.size()) {
    while (at < value.size() && IsAsciiSpace(value[at])) ++at;
    size_t end = at;
    while (end < value.size() && !IsAsciiSpace(value[end])) ++end;
    if (value.compare(at, end - at, wanted) == 0 && end > at) return true;
    at = end;
  }
  return false;
}

bool IsHidden(const GumboNode* node) {
  if (HasAttribute(node, "hidden")) return true;
  if (AsciiLower(TrimAscii(AttributeOf(node, "aria-hidden"))) == "true") return true;
  std::string style = AsciiLower(AttributeOf(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsAsciiSpace), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

bool IsNonTextElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: return true;
    default: return false;
  }
}

bool IsBlockElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: return true;
    default: return false;
  }
}

Span ElementSpan(const GumboNode* node, size_t buffer_size) {
  const GumboElement& element = node->v.element;
  size_t start = element.start_pos.offset;
  size_t end = start + element.original_tag.length;
  if (element.original_end_tag.length > 0)
    end = element.end_pos.offset + element.original_end_tag.length;
  else
    end = std::max<size_t>(end, element.end_pos.offset);
  start = std::min(start, buffer_size);
  end = std::clamp(end, start, buffer_size);
  return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

std::string VisibleText(const GumboNode* node) {
  std::string text;
  AppendVisibleText(node, 0, &text);
  return CollapseSpaces(text);
}

}  // namespace hadath::ingest::internal
