// The matching rules that need no normaliser: distance, governorate names,
// document ids.
#include <cctype>
#include <string>

#include "hadath/eval.h"

namespace hadath::eval {
namespace {

bool IsAscii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Lowercase letters only, without a leading article: "Ar-Raqqa" -> "raqqa".
std::string GovernorateKey(std::string_view name) {
  std::string lower;
  for (char c : Trim(name)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view article :
       {"al", "ar", "as", "ad", "an", "at", "az", "ash", "adh", "el", "es", "ed", "ez"})
    if (lower.size() > article.size() + 1 && lower.starts_with(article) &&
        (lower[article.size()] == '-' || lower[article.size()] == ' ')) {
      lower.erase(0, article.size() + 1);
      break;
    }
  std::string key;
  for (char c : lower)
    if (c >= 'a' && c <= 'z') key += c;
  return key;
}

// The key without vowels (nor w and y, which stand for Arabic long vowels
// and diphthongs), doubled letters merged, a final h dropped:
// "hasakah" and "hassakeh" both give "hsk".
std::string ConsonantSkeleton(const std::string& key) {
  std::string skeleton;
  for (char c : key)
    if (std::string_view("aeiouwy").find(c) == std::string_view::npos &&
        (skeleton.empty() || skeleton.back() != c))
      skeleton += c;
  if (skeleton.size() > 1 && skeleton.back() == 'h') skeleton.pop_back();
  return skeleton;
}

// The file stem of a document reference: "seeds/000_ab.txt" -> "000_ab".
// URLs are left alone.
std::string_view FileStem(std::string_view reference) {
  if (reference.find("://") != std::string_view::npos) return reference;
  if (size_t slash = reference.find_last_of('/'); slash != std::string_view::npos)
    reference.remove_prefix(slash + 1);
  if (size_t dot = reference.find_last_of('.'); dot != std::string_view::npos && dot > 0)
    reference = reference.substr(0, dot);
  return reference;
}

}  // namespace

bool SameGovernorate(std::string_view name1, std::string_view name2) {
  name1 = Trim(name1), name2 = Trim(name2);
  if (name1.empty() || name2.empty()) return false;
  if (!IsAscii(name1) || !IsAscii(name2)) return name1 == name2;
  std::string key1 = GovernorateKey(name1), key2 = GovernorateKey(name2);
  if (key1.empty() || key2.empty()) return false;
  if (key1 == key2) return true;
  std::string skeleton1 = ConsonantSkeleton(key1);
  return skeleton1.size() >= 2 && skeleton1 == ConsonantSkeleton(key2);
}

bool SameDocument(std::string_view predicted_doc_id, std::string_view gold_doc_id) {
  if (predicted_doc_id.empty() || gold_doc_id.empty()) return false;
  return predicted_doc_id == gold_doc_id || FileStem(predicted_doc_id) == gold_doc_id;
}

}  // namespace hadath::eval
