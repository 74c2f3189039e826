// What an HTML page says about itself: title, publication date, outlet, url.
//
// The names below (og:title, article:published_time, datePublished...) are
// those of the Open Graph protocol, schema.org and HTML itself.
#include <nlohmann/json.hpp>

#include "ingest/html_dom.h"
#include "ingest/html_parts.h"
#include "ingest/utf8.h"

namespace hadath::ingest::internal {
namespace {

// Where a publication date came from, most trusted first.
enum DateSource { kArticlePublishedTime, kItempropDatePublished, kJsonLd, kTimeElement, kDateSources };

struct Collected {
  PageMetadata page;
  PublishedDate dates[kDateSources];
};

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = CollapseSpaces(value);
}

void AddDate(Collected* collected, DateSource source, std::string_view text) {
  if (!collected->dates[source].known()) collected->dates[source] = ParseDate(text);
}

// The text of an element's text children (for <title> and <script>).
std::string ChildText(const GumboNode* node) {
  std::string text;
  const GumboVector* children = ChildrenOf(node);
  for (unsigned i = 0; i < children->length; ++i)
    if (IsTextLike(ChildAt(children, i))) text += ChildAt(children, i)->v.text.text;
  return text;
}

// The first "datePublished" string anywhere in a JSON-LD value (objects,
// arrays, @graph), or "".
std::string FindDatePublished(const nlohmann::json& json, int depth) {
  if (depth > 32) return "";
  if (json.is_object()) {
    auto date = json.find("datePublished");
    if (date != json.end() && date->is_string()) return date->get<std::string>();
  }
  if (!json.is_object() && !json.is_array()) return "";
  for (const nlohmann::json& child : json) {
    std::string found = FindDatePublished(child, depth + 1);
    if (!found.empty()) return found;
  }
  return "";
}

void ReadJsonLd(const GumboNode* script, Collected* collected) {
  nlohmann::json json = nlohmann::json::parse(ChildText(script), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return;
  std::string date = FindDatePublished(json, 0);
  if (!date.empty()) AddDate(collected, kJsonLd, date);
}

void ReadMeta(const GumboNode* meta, Collected* collected) {
  std::string_view key = AttributeOf(meta, "property");
  if (key.empty()) key = AttributeOf(meta, "name");
  std::string name = AsciiLower(TrimAscii(key));
  std::string_view content = AttributeOf(meta, "content");
  PageMetadata& page = collected->page;
  if (name == "og:title") SetOnce(&page.og_title, content);
  if (name == "og:site_name") SetOnce(&page.site_name, content);
  if (name == "og:url") SetOnce(&page.og_url, content);
  if (name == "article:published_time") AddDate(collected, kArticlePublishedTime, content);
}

void ReadElement(const GumboNode* node, Collected* collected) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_META: ReadMeta(node, collected); break;
    case GUMBO_TAG_TITLE: SetOnce(&collected->page.title_element, ChildText(node)); break;
    case GUMBO_TAG_LINK:
      if (AttributeHasToken(node, "rel", "canonical"))
        SetOnce(&collected->page.canonical_url, AttributeOf(node, "href"));
      break;
    case GUMBO_TAG_SCRIPT:
      if (AsciiLower(TrimAscii(AttributeOf(node, "type"))) == "application/ld+json")
        ReadJsonLd(node, collected);
      break;
    case GUMBO_TAG_TIME:
      if (HasAttribute(node, "datetime")) AddDate(collected, kTimeElement, AttributeOf(node, "datetime"));
      break;
    default: break;
  }
  if (AttributeHasToken(node, "itemprop", "datePublished")) {
    std::string_view value = AttributeOf(node, "content");
    if (value.empty()) value = AttributeOf(node, "datetime");
    AddDate(collected, kItempropDatePublished, value);
  }
}

}  // namespace

PageMetadata ReadPageMetadata(const GumboNode* document) {
  Collected collected;
  std::vector<const GumboNode*> pending = {document};  // iterative: no recursion on deep pages
  while (!pending.empty()) {
    const GumboNode* node = pending.back();
    pending.pop_back();
    if (IsElement(node)) ReadElement(node, &collected);
    const GumboVector* children = ChildrenOf(node);
    for (unsigned i = children->length; i > 0; --i) pending.push_back(ChildAt(children, i - 1));
  }
  for (const PublishedDate& date : collected.dates)
    if (date.known()) {
      collected.page.published = date;
      break;
    }
  return collected.page;
}

namespace {

// `title` without a leading or trailing site name, as in "Headline - Site".
std::string StripSiteName(const std::string& title, const std::string& site) {
  if (site.empty()) return title;
  // Separators: hyphen, bar, EN DASH (U+2013), EM DASH (U+2014), colon, guillemets.
  static constexpr std::string_view kSeparators[] = {" - ", " | ",  " \u2013 ", " \u2014 ",
                                                     " : ", " :: ", " \u00BB ", " \u00AB "};
  std::string_view text = title;
  for (std::string_view separator : kSeparators) {
    std::string suffix = std::string(separator) + site;
    std::string prefix = site + std::string(separator);
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix)
      return std::string(TrimAscii(text.substr(0, text.size() - suffix.size())));
    if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix)
      return std::string(TrimAscii(text.substr(prefix.size())));
  }
  return title;
}

}  // namespace

std::string ChooseTitle(const PageMetadata& page, std::string_view first_heading) {
  if (!page.og_title.empty()) return page.og_title;
  if (!page.title_element.empty()) return StripSiteName(page.title_element, page.site_name);
  return std::string(first_heading);
}

}  // namespace hadath::ingest::internal
