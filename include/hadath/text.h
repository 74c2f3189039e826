// hadath/text.h — the Arabic text layer: everything later stages need to
// read Arabic news text, with every result traceable to input bytes.
//
//   Normalizer        folds spelling variants for matching, with an offset map
//                     (hadath/text/normalizer.h)
//   CliticSegmenter   candidate analyses و+ال+stem+ها for lexicon look-ups
//                     (hadath/text/clitics.h)
//   Tokenizer         words, numbers, punctuation with spans and normalised
//                     forms; rejoins words broken to dodge filters
//                     (hadath/text/tokenizer.h)
//   SplitSentences    sentence spans in a paragraph (hadath/text/sentences.h)
//
// Numbers written in words and digits (with ranges and qualifiers) are read
// by hadath::lexicon::NumberReader (hadath/numbers.h), because number words
// are a lexicon matched with the same clitic-aware matcher as actors.
//
// All resources are TSV files under data/text/ (see each header). A typical
// start-up:
//
//   auto tokenizer = hadath::text::Tokenizer::Load();   // or Load(data_dir)
//   if (!tokenizer) { std::cerr << tokenizer.error() << "\n"; return 1; }
//   hadath::text::TokenizedText tokens;
//   for (hadath::Span sentence : hadath::text::SplitSentences(paragraph))
//     tokenizer->Tokenize(paragraph.substr(sentence.start, sentence.size()), &tokens);
#pragma once

#include "hadath/text/clitics.h"
#include "hadath/text/normalizer.h"
#include "hadath/text/sentences.h"
#include "hadath/text/tokenizer.h"
