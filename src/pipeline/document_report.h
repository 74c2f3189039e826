// A plain-text report of a document, as `hadath show` prints it and as the
// golden files of tests/golden/ hold it: metadata, sentences with their byte
// spans in the original, optionally tokens, and the dropped page furniture.
#pragma once

#include <string>

#include "hadath/document.h"

namespace hadath::text {
class Tokenizer;
}

namespace hadath::pipeline {

struct ReportOptions {
  const text::Tokenizer* tokenizer = nullptr;  // list tokens when set
  bool include_paths = true;                   // golden files leave out machine-specific paths
};

std::string RenderDocumentReport(const Document& document, const ReportOptions& options);

}  // namespace hadath::pipeline
