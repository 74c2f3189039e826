// ExtractHtml: an HTML page -> an Article holding its main text.
//
//   raw bytes --DecodeHtml--> UTF-8 buffer --gumbo--> tree
//   tree --ReadPageMetadata--> title, date, outlet, url
//   tree --ChooseContent--> content element --WriteContent--> blocks + map to buffer
//   map to raw = (blocks -> buffer) composed with (buffer -> raw)
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "hadath/ingest.h"
#include "ingest/charset.h"
#include "ingest/html_dom.h"
#include "ingest/html_parts.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

using internal::ContentKind;

// Beyond this many open elements gumbo's tree building gets quadratic
// (100,000 nested <div>s take half a minute), so such pages are refused.
constexpr int kMaxOpenElements = 5000;

// Charset labels that mean windows-1252 on the web (WHATWG Encoding).
bool MeansWindows1252(std::string_view canonical) {
  return canonical == "ISO-8859-1" || canonical == "US-ASCII";
}

// Decodes the page, honouring a BOM or the charset it declares, except
// that a page declaring a legacy charset whose bytes are valid UTF-8 (a page
// saved as UTF-8 by a crawler) is read as UTF-8.
Result<Decoded> DecodeHtml(std::string_view raw, std::string_view forced) {
  if (!forced.empty()) return internal::DecodeBytes(raw, forced, ContentKind::kMarkup);
  std::string declared = internal::DeclaredHtmlCharset(raw);
  std::string canonical = internal::CanonicalEncodingName(declared);
  bool legacy = !canonical.empty() && canonical != "UTF-8" && canonical.substr(0, 4) != "UTF-";
  if (MeansWindows1252(canonical)) canonical = "windows-1252";
  if (!legacy || raw.substr(0, 3) == "\xEF\xBB\xBF" || raw.substr(0, 2) == "\xFF\xFE" ||
      raw.substr(0, 2) == "\xFE\xFF") {
    Result<Decoded> decoded = internal::DecodeBytes(raw, "", ContentKind::kMarkup);
    if (decoded && !declared.empty() && canonical.empty())
      decoded->warnings.push_back("the page declares an unknown charset '" + declared + "'; read as " +
                                  decoded->encoding);
    return decoded;
  }
  if (internal::IsValidUtf8WithNonAscii(raw)) {
    Result<Decoded> decoded = internal::DecodeBytes(raw, "UTF-8", ContentKind::kMarkup);
    if (decoded)
      decoded->warnings.push_back("the page declares charset " + declared +
                                  " but its bytes are valid UTF-8; read as UTF-8");
    return decoded;
  }
  return internal::DecodeBytes(raw, canonical, ContentKind::kMarkup);
}

bool IsVoidOrSelfClosing(std::string_view name) {
  static constexpr std::string_view kNames[] = {"area",   "base", "br",   "col",   "embed",   "hr",    "img",
                                                "input",  "link", "meta", "param", "source",  "track", "wbr",
                                                "p",      "li",   "dt",   "dd",    "td",      "th",    "tr",
                                                "option", "html", "head", "body",  "!doctype"};
  for (std::string_view known : kNames)
    if (name == known) return true;
  return false;
}

// Skips a comment or the content of <script>/<style>; returns where to go on.
size_t SkipOpaque(std::string_view html, size_t at, std::string_view name) {
  if (html.compare(at, 4, "<!--") == 0) {
    size_t end = html.find("-->", at + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  if (name == "script" || name == "style") {
    size_t end = html.find(name == "script" ? "</script" : "</style", at);
    return end == std::string_view::npos ? html.size() : end;
  }
  return at + 1;
}

// Fails when a rough count of open elements exceeds kMaxOpenElements.
Status CheckNesting(std::string_view html) {
  int open = 0;
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
    bool closing = at + 1 < html.size() && html[at + 1] == '/';
    size_t name_start = at + 1 + closing, name_end = name_start;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) ||
                                      html[name_end] == '-' || html[name_end] == '!'))
      ++name_end;
    std::string name = internal::AsciiLower(html.substr(name_start, name_end - name_start));
    size_t tag_end = html.find('>', name_end);
    bool self_closing = tag_end != std::string_view::npos && tag_end > 0 && html[tag_end - 1] == '/';
    if (!name.empty() && !IsVoidOrSelfClosing(name) && !self_closing && name.substr(0, 3) != "!--")
      open = closing ? std::max(0, open - 1) : open + 1;
    if (open > kMaxOpenElements)
      return Status::Error("HTML nested too deep (more than " + std::to_string(kMaxOpenElements) +
                           " open elements); not read");
    at = closing ? at + 1 : SkipOpaque(html, at, name);
  }
  return Status::Ok();
}

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

Article BuildArticle(std::string raw_html, const Decoded& decoded, const internal::PageMetadata& page,
                     std::string_view first_heading, internal::WrittenContent content) {
  Article article;
  article.format = SourceFormat::kHtml;
  article.encoding = decoded.encoding;
  article.raw = std::move(raw_html);
  article.decoded = std::move(content.text);
  article.decoded_to_raw = content.text_to_buffer.Compose(decoded.text_to_input);
  article.metadata.title = internal::ChooseTitle(page, first_heading);
  article.metadata.outlet = page.site_name;
  article.metadata.url = !page.canonical_url.empty() ? page.canonical_url : page.og_url;
  article.metadata.published = page.published;
  for (DroppedBlock& block : content.dropped) {
    block.source = decoded.text_to_input.ToSource(block.source);
    article.dropped.push_back(std::move(block));
  }
  article.warnings = decoded.warnings;
  for (std::string& warning : content.warnings) article.warnings.push_back(std::move(warning));
  return article;
}

}  // namespace

Result<Article> ExtractHtml(std::string raw_html, const HtmlBoilerplate& boilerplate,
                            std::string_view forced_encoding) {
  Result<Decoded> decoded = DecodeHtml(raw_html, forced_encoding);
  if (!decoded) return decoded.status();
  if (Status nesting = CheckNesting(decoded->text); !nesting) return nesting;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported: do not collect them
  std::unique_ptr<GumboOutput, OutputDeleter> output(
      gumbo_parse_with_options(&options, decoded->text.data(), decoded->text.size()));
  if (!output) return Status::Error("cannot parse the HTML");
  internal::PageMetadata page = internal::ReadPageMetadata(output->document);
  internal::ContentChoice choice = internal::ChooseContent(output->document, boilerplate, page.site_name);
  internal::WrittenContent content = internal::WriteContent(choice, boilerplate, decoded->text);
  if (internal::IsBlank(content.text)) return Status::Error("no article text found in the HTML page");
  std::string first_heading = choice.first_heading ? internal::VisibleText(choice.first_heading) : "";
  return BuildArticle(std::move(raw_html), *decoded, page, first_heading, std::move(content));
}

}  // namespace hadath::ingest
