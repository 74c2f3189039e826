// The chosen content element as blocks of text, mapped to the parsed buffer.
//
// Each paragraph, heading, list item or other block element starts a new
// block; blocks are joined by '\n'. Whitespace runs (and NO-BREAK SPACE,
// U+00A0) collapse to one space, mapped onto the first run of source bytes.
// Text nodes are aligned with their source (gumbo's original_text) so that an
// entity such as &amp; or &#1575; maps onto its own bytes.
#include <algorithm>

#include "ingest/html_dom.h"
#include "ingest/html_parts.h"
#include "ingest/utf8.h"

namespace hadath::ingest::internal {
namespace {

// A piece of a text node: `text_length` bytes of the decoded text standing
// for `source_length` bytes of the buffer.
struct Piece {
  uint32_t text_start, text_length, source_start, source_length;
};

constexpr size_t kMaxEntityLength = 40;
constexpr size_t kResyncBytes = 16;

size_t CodePointLength(std::string_view text, size_t at) {
  auto lead = static_cast<uint8_t>(text[at]);
  size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - at);
}

// Returns true iff original[from..] and decoded[to..] go on alike (up to the
// next '&' of the original, which may start another entity).
bool GoOnAlike(std::string_view original, size_t from, std::string_view decoded, size_t to) {
  if (from == original.size() || to == decoded.size()) return from == original.size() && to == decoded.size();
  size_t next_entity = original.find('&', from);
  size_t limit = std::min({kResyncBytes, original.size() - from, decoded.size() - to,
                           (next_entity == std::string_view::npos ? original.size() : next_entity) - from});
  if (limit == 0) return original[from] == '&';
  return original.compare(from, limit, decoded, to, limit) == 0;
}

// How many source and text bytes the entity (or other difference) at
// original[i] / decoded[j] spans: the shortest source length after which the
// two go on alike, the text being 1 or 2 code points, or none.
bool FindResync(std::string_view original, size_t i, std::string_view decoded, size_t j,
                size_t* source_length, size_t* text_length) {
  size_t one = j < decoded.size() ? CodePointLength(decoded, j) : 0;
  size_t two = one && j + one < decoded.size() ? one + CodePointLength(decoded, j + one) : 0;
  size_t max_length = std::min(kMaxEntityLength, original.size() - i);
  const size_t options[3] = {one, two, 0};
  for (size_t length = 1; length <= max_length; ++length) {
    for (size_t k = 0; k < 3; ++k) {
      size_t text = options[k];
      if (k < 2 && text == 0) continue;                        // no such code point
      if (k == 2 && one != 0 && original[i] == '&') continue;  // an entity stands for text
      if (GoOnAlike(original, i + length, decoded, j + text)) {
        *source_length = length;
        *text_length = text;
        return true;
      }
    }
  }
  return false;
}

// Splits a text node into copied runs and replaced chunks (entities).
std::vector<Piece> AlignTextNode(std::string_view decoded, std::string_view original,
                                 uint32_t source_offset) {
  std::vector<Piece> pieces;
  size_t i = 0, j = 0;
  auto add = [&](size_t text_length, size_t source_length) {
    pieces.push_back({static_cast<uint32_t>(j), static_cast<uint32_t>(text_length),
                      static_cast<uint32_t>(source_offset + i), static_cast<uint32_t>(source_length)});
    i += source_length;
    j += text_length;
  };
  while (i < original.size() && j < decoded.size()) {
    size_t same = 0;
    while (i + same < original.size() && j + same < decoded.size() &&
           original[i + same] == decoded[j + same] && original[i + same] != '&')
      ++same;
    if (same > 0) {
      add(same, same);
      continue;
    }
    size_t source_length = 0, text_length = 0;
    if (!FindResync(original, i, decoded, j, &source_length, &text_length)) break;
    add(text_length, source_length);
  }
  if (j < decoded.size()) add(decoded.size() - j, original.size() - i);
  return pieces;
}

// Length of the collapsible space at text[at] (ASCII whitespace, or U+00A0
// NO-BREAK SPACE), or 0.
size_t SpaceLength(std::string_view text, size_t at) {
  if (IsAsciiSpace(text[at])) return 1;
  if (text.compare(at, 2, "\xC2\xA0") == 0) return 2;
  return 0;
}

bool IsAllSpace(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    size_t length = SpaceLength(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

// Accumulates blocks of text with their map to the buffer.
class BlockWriter {
 public:
  std::string& text() { return text_; }
  OffsetMap& map() { return map_; }

  void BreakBlock() {
    block_has_text_ = false;
    pending_space_ = false;
  }

  void Space(uint32_t source_start, uint32_t source_length) {
    if (!pending_space_) {
      pending_space_ = true;
      space_start_ = source_start;
      space_length_ = source_length;
    } else if (source_start == space_start_ + space_length_) {
      space_length_ += source_length;  // one contiguous run of source whitespace
    }
  }

  void Word(std::string_view word, uint32_t source_start, uint32_t source_length) {
    if (!block_has_text_) {
      if (!text_.empty()) {
        text_.push_back('\n');
        map_.AppendReplace(1, last_source_end_, 0);
      }
      block_has_text_ = true;
    } else if (pending_space_) {
      text_.push_back(' ');
      map_.AppendReplace(1, space_start_, space_length_);
    }
    pending_space_ = false;
    text_.append(word);
    map_.AppendReplace(static_cast<uint32_t>(word.size()), source_start, source_length);
    last_source_end_ = source_start + source_length;
  }

 private:
  std::string text_;
  OffsetMap map_;
  bool block_has_text_ = false;
  bool pending_space_ = false;
  uint32_t space_start_ = 0, space_length_ = 0;
  uint32_t last_source_end_ = 0;
};

class ContentWriter {
 public:
  ContentWriter(const HtmlBoilerplate& rules, std::string_view buffer, bool inside_content)
      : rules_(rules), buffer_(buffer), inside_content_(inside_content) {}

  // Writes an element's content; the element itself is not checked against
  // the furniture rules (it was chosen as content).
  void WriteChosen(const GumboNode* element) {
    writer_.BreakBlock();
    WriteChildren(element, 0);
    writer_.BreakBlock();
  }

  WrittenContent Finish() {
    WrittenContent content;
    content.text = std::move(writer_.text());
    content.text_to_buffer = std::move(writer_.map());
    content.dropped = std::move(dropped_);
    content.warnings = std::move(warnings_);
    return content;
  }

 private:
  void WriteChildren(const GumboNode* node, int depth) {
    const GumboVector* children = ChildrenOf(node);
    for (unsigned i = 0; i < children->length; ++i) WriteNode(ChildAt(children, i), depth + 1);
  }

  void WriteNode(const GumboNode* node, int depth) {
    if (depth > kMaxTreeDepth) return WarnTooDeep();
    if (IsTextLike(node)) return WriteText(node);
    if (!IsElement(node) || IsNonTextElement(node->v.element.tag) || IsHidden(node)) return;
    if (const HtmlBoilerplate::Rule* rule = FurnitureRule(rules_, node, inside_content_))
      return Drop(node, *rule);
    GumboTag tag = node->v.element.tag;
    bool block = IsBlockElement(tag);
    if (block) writer_.BreakBlock();
    WriteChildren(node, depth);
    if (block) writer_.BreakBlock();
  }

  void WriteText(const GumboNode* node) {
    const GumboText& text = node->v.text;
    std::string_view decoded = text.text;
    std::string_view original(text.original_text.data ? text.original_text.data : "",
                              text.original_text.length);
    if (!IsInBuffer(original)) {  // cannot happen with gumbo 0.10; map to a point, never crash
      if (!IsAllSpace(decoded)) writer_.Word(decoded, text.start_pos.offset, 0);
      return;
    }
    auto source_offset = static_cast<uint32_t>(original.data() - buffer_.data());
    for (const Piece& piece : AlignTextNode(decoded, original, source_offset)) WritePiece(decoded, piece);
  }

  void WritePiece(std::string_view decoded, const Piece& piece) {
    std::string_view text = decoded.substr(piece.text_start, piece.text_length);
    if (text.empty()) return;
    if (piece.text_length != piece.source_length) {  // an entity: one indivisible chunk
      if (IsAllSpace(text)) return writer_.Space(piece.source_start, piece.source_length);
      return writer_.Word(text, piece.source_start, piece.source_length);
    }
    size_t at = 0;
    while (at < text.size()) {
      size_t start = at;
      bool space = SpaceLength(text, at) > 0;
      while (at < text.size() && (SpaceLength(text, at) > 0) == space)
        at += space ? SpaceLength(text, at) : 1;
      auto source = piece.source_start + static_cast<uint32_t>(start);
      auto length = static_cast<uint32_t>(at - start);
      if (space)
        writer_.Space(source, length);
      else
        writer_.Word(text.substr(start, at - start), source, length);
    }
  }

  bool IsInBuffer(std::string_view piece) const {
    return piece.data() >= buffer_.data() && piece.data() + piece.size() <= buffer_.data() + buffer_.size();
  }

  void Drop(const GumboNode* node, const HtmlBoilerplate::Rule& rule) {
    if (rule.reason.empty()) return;
    std::string text = VisibleText(node);
    if (text.empty()) return;
    dropped_.push_back({ElementSpan(node, buffer_.size()), std::move(text), rule.reason});
  }

  void WarnTooDeep() {
    if (warned_too_deep_) return;
    warned_too_deep_ = true;
    warnings_.push_back("HTML nested deeper than " + std::to_string(kMaxTreeDepth) +
                        " elements; the text below that depth is left out");
  }

  const HtmlBoilerplate& rules_;
  std::string_view buffer_;
  bool inside_content_;
  BlockWriter writer_;
  std::vector<DroppedBlock> dropped_;
  std::vector<std::string> warnings_;
  bool warned_too_deep_ = false;
};

}  // namespace

WrittenContent WriteContent(const ContentChoice& choice, const HtmlBoilerplate& rules,
                            std::string_view buffer) {
  ContentWriter writer(rules, buffer, /*inside_content=*/!choice.is_fallback_body);
  if (choice.headline) writer.WriteChosen(choice.headline);
  writer.WriteChosen(choice.root);
  return writer.Finish();
}

}  // namespace hadath::ingest::internal
