// Internal: the parts of the HTML reader.
//
//   html.cc           ExtractHtml: decode, parse, then the parts below
//   html_metadata.cc  ReadPageMetadata: title, date, outlet, url from the page
//   html_content.cc   ChooseContent: which element holds the article
//   html_text.cc      WriteContent: that element as blocks of text + offset map
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "hadath/document.h"
#include "hadath/ingest.h"

namespace hadath::ingest::internal {

// What the page says about itself, before sidecars.
struct PageMetadata {
  std::string og_title;
  std::string title_element;  // <title>
  std::string site_name;      // og:site_name
  std::string canonical_url;  // <link rel=canonical>
  std::string og_url;
  PublishedDate published;
};

PageMetadata ReadPageMetadata(const GumboNode* document);

// The title to report: og:title, else <title> without a " - Site" suffix
// naming og:site_name, else `first_heading`.
std::string ChooseTitle(const PageMetadata& page, std::string_view first_heading);

// Furniture rules as they apply to one element: tag rules always; class, id
// and role rules except on the page's structural containers.
const HtmlBoilerplate::Rule* FurnitureRule(const HtmlBoilerplate& rules, const GumboNode* element,
                                           bool inside_content);

struct ContentChoice {
  const GumboNode* root = nullptr;           // the element whose text is the article
  bool is_fallback_body = false;             // no content found: the whole <body>
  const GumboNode* headline = nullptr;       // an <h1> before `root` to write first, or nullptr
  const GumboNode* first_heading = nullptr;  // first visible <h1> of the page
};

ContentChoice ChooseContent(const GumboNode* document, const HtmlBoilerplate& rules,
                            std::string_view site_name);

// The article text: blocks joined by '\n', mapped to the parsed buffer.
struct WrittenContent {
  std::string text;
  OffsetMap text_to_buffer;
  std::vector<DroppedBlock> dropped;  // spans in the parsed buffer
  std::vector<std::string> warnings;
};

WrittenContent WriteContent(const ContentChoice& choice, const HtmlBoilerplate& rules,
                            std::string_view buffer);

}  // namespace hadath::ingest::internal
