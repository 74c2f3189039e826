// Which element of a page holds the article.
//
// First choice: the [itemprop=articleBody] element, then the <article> with
// the most paragraph text. Otherwise (or when another element holds more
// than twice its paragraph text) a readability-style score: every paragraph
// of 25 characters or more gives its parent 1 + commas + length/100 (at most
// 3) points and half as much to its grandparent; the best element, after
// discounting link text, wins. Furniture (data/ingest/html-boilerplate.tsv)
// takes no part in the choice.
#include <unordered_map>

#include "ingest/html_dom.h"
#include "ingest/html_parts.h"
#include "ingest/utf8.h"

namespace hadath::ingest::internal {
namespace {

constexpr size_t kMinParagraphCharacters = 25;

struct NodeScore {
  const GumboNode* node = nullptr;
  double score = 0;
  size_t paragraph_characters = 0;
};

bool Contains(const GumboNode* ancestor, const GumboNode* node) {
  for (; node; node = node->parent)
    if (node == ancestor) return true;
  return false;
}

// Code points of text inside <a> elements and in all, below `node`.
void CountLinkText(const GumboNode* node, bool in_link, int depth, size_t* link, size_t* all) {
  if (depth > kMaxTreeDepth) return;
  if (IsTextLike(node)) {
    size_t count = CountCodePoints(TrimAscii(node->v.text.text));
    *all += count;
    if (in_link) *link += count;
    return;
  }
  if (!IsElement(node) || IsNonTextElement(node->v.element.tag)) return;
  in_link = in_link || node->v.element.tag == GUMBO_TAG_A;
  const GumboVector* children = ChildrenOf(node);
  for (unsigned i = 0; i < children->length; ++i)
    CountLinkText(ChildAt(children, i), in_link, depth + 1, link, all);
}

double LinkDensity(const GumboNode* node) {
  size_t link = 0, all = 0;
  CountLinkText(node, false, 0, &link, &all);
  return all == 0 ? 1.0 : static_cast<double>(link) / static_cast<double>(all);
}

// Commas, Latin or ARABIC COMMA (U+060C).
size_t CountCommas(std::string_view text) {
  size_t commas = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] == ',') ++commas;
    if (text.compare(at, 2, "\xD8\x8C") == 0) ++commas;  // U+060C ARABIC COMMA
  }
  return commas;
}

// Text directly in `node`, outside its block-level children.
std::string LooseText(const GumboNode* node) {
  std::string text;
  const GumboVector* children = ChildrenOf(node);
  for (unsigned i = 0; i < children->length; ++i) {
    const GumboNode* child = ChildAt(children, i);
    if (IsTextLike(child)) text += std::string(" ") + child->v.text.text;
    if (IsElement(child) && !IsBlockElement(child->v.element.tag)) text += " " + VisibleText(child);
  }
  return CollapseSpaces(text);
}

bool HoldsLooseText(GumboTag tag) {
  return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_BLOCKQUOTE ||
         tag == GUMBO_TAG_CENTER || tag == GUMBO_TAG_BODY;
}

class ContentChooser {
 public:
  ContentChooser(const HtmlBoilerplate& rules, std::string_view site_name)
      : rules_(rules), site_name_(site_name) {}

  ContentChoice Choose(const GumboNode* document) {
    Visit(document, 0, false, false);
    ContentChoice choice;
    choice.root = ChooseRoot();
    if (!choice.root) {
      choice.root = body_ ? body_ : document;
      choice.is_fallback_body = true;
    }
    ChooseHeadline(&choice);
    return choice;
  }

 private:
  void Visit(const GumboNode* node, int depth, bool excluded, bool excluded_everywhere) {
    if (depth > kMaxTreeDepth) return;
    if (node->type == GUMBO_NODE_DOCUMENT) return VisitChildren(node, depth, false, false);
    if (!IsElement(node)) return;
    GumboTag tag = node->v.element.tag;
    if (IsNonTextElement(tag) || IsHidden(node)) return;
    if (tag == GUMBO_TAG_BODY && !body_) body_ = node;
    const HtmlBoilerplate::Rule* rule = FurnitureRule(rules_, node, /*inside_content=*/false);
    excluded_everywhere = excluded_everywhere || (rule && rule->inside_content);
    excluded = excluded || rule;
    if (tag == GUMBO_TAG_H1 && !excluded_everywhere) headings_.push_back(node);
    if (!excluded) Consider(node, tag);
    VisitChildren(node, depth, excluded, excluded_everywhere);
  }

  void VisitChildren(const GumboNode* node, int depth, bool excluded, bool excluded_everywhere) {
    ancestors_.push_back(node);
    const GumboVector* children = ChildrenOf(node);
    for (unsigned i = 0; i < children->length; ++i)
      Visit(ChildAt(children, i), depth + 1, excluded, excluded_everywhere);
    ancestors_.pop_back();
  }

  void Consider(const GumboNode* node, GumboTag tag) {
    if (AttributeHasToken(node, "itemprop", "articleBody")) article_bodies_.push_back(node);
    if (tag == GUMBO_TAG_ARTICLE) articles_.push_back(node);
    if (tag == GUMBO_TAG_P) {
      ScoreParagraph(VisibleText(node), /*owner=*/nullptr);
    } else if (HoldsLooseText(tag)) {
      ScoreParagraph(LooseText(node), node);
    }
  }

  // Scores a paragraph: owned by `owner` (loose text), or a <p> whose
  // parent is the last of ancestors_.
  void ScoreParagraph(const std::string& text, const GumboNode* owner) {
    size_t characters = CountCodePoints(text);
    if (characters < kMinParagraphCharacters) return;
    double score =
        1.0 + static_cast<double>(CountCommas(text)) + std::min(static_cast<double>(characters) / 100.0, 3.0);
    size_t count = ancestors_.size();
    const GumboNode* parent = owner ? owner : (count > 0 ? ancestors_[count - 1] : nullptr);
    const GumboNode* grandparent =
        owner ? (count > 0 ? ancestors_[count - 1] : nullptr) : (count > 1 ? ancestors_[count - 2] : nullptr);
    if (parent) ScoreOf(parent).score += score;
    if (grandparent) ScoreOf(grandparent).score += score / 2;
    if (owner) ScoreOf(owner).paragraph_characters += characters;
    for (const GumboNode* ancestor : ancestors_) ScoreOf(ancestor).paragraph_characters += characters;
  }

  NodeScore& ScoreOf(const GumboNode* node) {
    auto [at, added] = index_.emplace(node, scores_.size());
    if (added) scores_.push_back({node, 0, 0});
    return scores_[at->second];
  }

  size_t ParagraphCharacters(const GumboNode* node) {
    auto at = index_.find(node);
    return at == index_.end() ? 0 : scores_[at->second].paragraph_characters;
  }

  // The candidate with the most paragraph text (first in the page on a tie).
  const GumboNode* MostParagraphText(const std::vector<const GumboNode*>& candidates) {
    const GumboNode* best = nullptr;
    size_t best_characters = 0;
    for (const GumboNode* candidate : candidates) {
      size_t characters = ParagraphCharacters(candidate);
      if (!best || characters > best_characters) best = candidate, best_characters = characters;
    }
    return best;
  }

  const GumboNode* BestScored() {
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (const NodeScore& entry : scores_) {
      if (entry.score <= best_score) continue;
      double score = entry.score * (1.0 - LinkDensity(entry.node));
      if (score > best_score) best = entry.node, best_score = score;
    }
    return best ? ClimbToSiblings(best) : nullptr;
  }

  // Paragraphs split over sibling blocks (around an ad, say): while the
  // parent holds much more paragraph text than the winner, take the parent.
  const GumboNode* ClimbToSiblings(const GumboNode* node) {
    while (node->parent && node->parent != body_ && IsElement(node->parent) &&
           ParagraphCharacters(node) * 10 < ParagraphCharacters(node->parent) * 6)
      node = node->parent;
    return node;
  }

  const GumboNode* ChooseRoot() {
    if (const GumboNode* body = MostParagraphText(article_bodies_); body && !VisibleText(body).empty())
      return body;
    const GumboNode* article = MostParagraphText(articles_);
    if (article && ParagraphCharacters(article) == 0) article = nullptr;
    const GumboNode* scored = BestScored();
    if (!article) return scored;
    if (!scored || Contains(article, scored) || Contains(scored, article) ||
        ParagraphCharacters(article) * 2 >= ParagraphCharacters(scored))
      return article;
    return scored;
  }

  // The last visible <h1> before the content, when the content has none.
  void ChooseHeadline(ContentChoice* choice) {
    uint32_t root_start =
        choice->root->type == GUMBO_NODE_ELEMENT ? choice->root->v.element.start_pos.offset : 0;
    for (const GumboNode* heading : headings_) {
      std::string text = VisibleText(heading);
      if (text.empty()) continue;
      if (!choice->first_heading) choice->first_heading = heading;
      if (Contains(choice->root, heading)) {
        choice->headline = nullptr;
        return;
      }
      if (heading->v.element.start_pos.offset < root_start && text != site_name_) choice->headline = heading;
    }
    if (choice->is_fallback_body) choice->headline = nullptr;
  }

  const HtmlBoilerplate& rules_;
  std::string site_name_;
  const GumboNode* body_ = nullptr;
  std::vector<const GumboNode*> ancestors_;
  std::vector<NodeScore> scores_;  // in the order first met: ties resolve the same way every run
  std::unordered_map<const GumboNode*, size_t> index_;
  std::vector<const GumboNode*> article_bodies_, articles_, headings_;
};

}  // namespace

const HtmlBoilerplate::Rule* FurnitureRule(const HtmlBoilerplate& rules, const GumboNode* element,
                                           bool inside_content) {
  std::string tag = TagNameOf(element);
  GumboTag id = element->v.element.tag;
  bool structural = id == GUMBO_TAG_HTML || id == GUMBO_TAG_BODY || id == GUMBO_TAG_MAIN ||
                    id == GUMBO_TAG_ARTICLE || AttributeHasToken(element, "itemprop", "articleBody");
  if (structural) return rules.Find(tag, "", "", "", inside_content);
  return rules.Find(tag, AttributeOf(element, "class"), AttributeOf(element, "id"),
                    AttributeOf(element, "role"), inside_content);
}

ContentChoice ChooseContent(const GumboNode* document, const HtmlBoilerplate& rules,
                            std::string_view site_name) {
  return ContentChooser(rules, site_name).Choose(document);
}

}  // namespace hadath::ingest::internal
