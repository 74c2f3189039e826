// The furniture rules of the cleaner, over the lines of a scraped article.
//
// Each rule looks at general properties of a line — its length in words,
// whether it ends like a sentence, where it stands, whether it repeats, which
// cue words (data/clean/furniture.tsv) it holds — never at known sentences.
// A line is dropped by the first rule that fires; the reason is kept.
//
//   rule                 fires on
//   ui-residue           an unpunctuated line opening with a Latin UI label
//                        (icon, share, ...), or of at most 3 words holding one; a line of lone letters or
//                        symbols ("ع ع ع", "×", "//")
//   dateline             a line of only dates and times ("• 2020/05/18")
//   photo-caption        an unpunctuated line, not a list item, ending in a
//                        short credit in brackets with no digits, and holding
//                        a year or crediting a known outlet ("(رويترز)"); or
//                        holding a caption cue
//   appeal               an unpunctuated short line with a donation or
//                        subscription cue
//   related-headlines    a "related articles" heading and the headline-like
//                        lines after it, up to the next body paragraph
//   outlet-byline        a bare outlet name near the top
//   repeated-headline    a headline-like line of 4+ words seen more than
//                        once (all copies but the page title)
//   repeated-paragraph   a later copy of a body paragraph
//   site-name            " - Site name" after the title line of a text page
//   trailing-headlines   two or more headline-like lines after the last body
//                        paragraph (lists of links, widgets, signatures)
//
// Items of a list in the text ("* ...", "- ...", "3. ...") are never taken
// for repeated or trailing headlines: such lists hold content (the names of
// the dead, figures).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "hadath/offsets.h"

namespace hadath::clean {

// Thresholds, in words. A word is a run of non-space characters holding a
// letter or a digit.
inline constexpr int kBodyParagraphMinWords = 8;     // with final punctuation
inline constexpr int kHeadlineMaxWords = 20;         // unpunctuated line shown as a headline
inline constexpr int kRepeatedHeadlineMinWords = 4;  // shorter subheads may recur
inline constexpr int kRepeatedHeadlineMaxWords = 30;
inline constexpr int kTrailingLineMaxWords = 15;
inline constexpr int kTrailingAppealMaxWords = 30;
inline constexpr int kCaptionMinWords = 4;
inline constexpr int kCaptionMaxWords = 50;
inline constexpr int kCaptionCreditMaxWords = 4;
inline constexpr int kAppealMaxWords = 30;
inline constexpr int kRelatedHeadingMaxWords = 6;
inline constexpr int kBylineMaxWords = 5;
inline constexpr int kBylineMaxLineIndex = 6;  // among non-empty lines
inline constexpr int kUiLineMaxWords = 50;     // an icon label may precede a long caption
inline constexpr int kUiTinyLineWords = 3;     // "Twitter @name"

// What the rules know of one non-empty line.
struct Line {
  Span span;               // trimmed, in Article::decoded
  std::string_view text;   // the trimmed text
  std::string normalized;  // hadath::text::Normalizer output, trimmed
  int words = 0;
  bool ends_sentence = false;  // final . ! ? ؟ (not "..") before closing quotes/brackets
  bool has_letters = false;
  int index = 0;       // among non-empty lines
  std::string reason;  // empty while kept
  bool kept() const { return reason.empty(); }
  bool body_paragraph() const { return ends_sentence && words >= kBodyParagraphMinWords; }
  bool headline_like() const { return !ends_sentence; }
};

}  // namespace hadath::clean
