#include "hadath/text/normalizer.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "text/fold_rules.h"
#include "text/utf8.h"

namespace hadath::text {

// What a one- or two-byte character (U+0000..U+07FF: ASCII and the Arabic
// block) becomes, ready to be written without a branch: up to four output
// bytes, each with its offset from the character's first input byte.
struct ShortFold {
  static constexpr uint8_t kTooLong = 0xFF;  // more than 4 bytes: use the general path
  uint8_t bytes[4];
  uint8_t offset_deltas[4];  // 0,1 for a kept two-byte character; 0 for replacements
  uint8_t length;            // output bytes, or kTooLong
};

// The compiled fold table. fold[cp] is 0 when the BMP code point cp is kept,
// else kReplacedBit | offset << kLengthBits | length: the replacement is
// replacements[offset, offset + length) (length 0 = deleted). short_folds
// holds the same for U+0000..U+07FF in the branch-free form.
struct Normalizer::Tables {
  static constexpr uint32_t kReplacedBit = 0x80000000u;
  static constexpr uint32_t kLengthBits = 7;
  static constexpr uint32_t kMaxReplacementBytes = (1u << kLengthBits) - 1;
  static constexpr char32_t kShortLimit = 0x800;

  std::vector<uint32_t> fold = std::vector<uint32_t>(kLastFoldableCodePoint + 1, 0);
  std::string replacements;
  std::vector<ShortFold> short_folds = std::vector<ShortFold>(kShortLimit);
  uint32_t max_output_bytes = 4;  // most bytes one input character can produce

  std::string_view Replacement(uint32_t entry) const {
    return std::string_view(replacements)
        .substr((entry & ~kReplacedBit) >> kLengthBits, entry & kMaxReplacementBytes);
  }
};

namespace {

using Tables = Normalizer::Tables;

const FoldRule* RuleFor(const std::vector<FoldRule>& sorted_rules, char32_t code_point) {
  auto after = std::upper_bound(sorted_rules.begin(), sorted_rules.end(), code_point,
                                [](char32_t cp, const FoldRule& rule) { return cp < rule.first; });
  if (after == sorted_rules.begin()) return nullptr;
  const FoldRule& rule = *(after - 1);
  return code_point <= rule.last ? &rule : nullptr;
}

// Appends the fully folded form of `code_point` (rules applied until nothing
// changes) to `out`.
Status FoldCompletely(const std::vector<FoldRule>& rules, char32_t code_point, int depth,
                      std::u32string* out) {
  const FoldRule* rule = RuleFor(rules, code_point);
  std::u32string once = rule ? ApplyRule(*rule, code_point) : std::u32string(1, code_point);
  if (!rule || once == std::u32string(1, code_point)) {
    out->push_back(code_point);
    return Status::Ok();
  }
  if (depth >= kMaxFoldDepth) return Status::Error(rule->where + ": folding never ends (a cycle of rules?)");
  for (char32_t next : once) {
    Status folded = FoldCompletely(rules, next, depth + 1, out);
    if (!folded.ok()) return folded;
  }
  return Status::Ok();
}

Status CompileCodePoint(const std::vector<FoldRule>& rules, char32_t code_point, Tables* tables) {
  std::u32string folded;
  Status status = FoldCompletely(rules, code_point, 0, &folded);
  if (!status.ok()) return status;
  if (folded == std::u32string(1, code_point)) return Status::Ok();
  std::string bytes;
  for (char32_t c : folded) AppendUtf8(c, &bytes);
  if (bytes.size() > Tables::kMaxReplacementBytes)
    return Status::Error(RuleFor(rules, code_point)->where + ": replacement longer than " +
                         std::to_string(Tables::kMaxReplacementBytes) + " bytes");
  uint32_t offset = static_cast<uint32_t>(tables->replacements.size());
  tables->replacements += bytes;
  tables->fold[code_point] =
      Tables::kReplacedBit | (offset << Tables::kLengthBits) | static_cast<uint32_t>(bytes.size());
  tables->max_output_bytes =
      std::max<uint32_t>(tables->max_output_bytes, static_cast<uint32_t>(bytes.size()));
  return Status::Ok();
}

ShortFold ShortFoldOf(const Tables& tables, char32_t code_point) {
  ShortFold fold{};
  uint32_t entry = tables.fold[code_point];
  if (entry == 0) {
    std::string bytes;
    AppendUtf8(code_point, &bytes);
    for (size_t i = 0; i < bytes.size(); ++i) {
      fold.bytes[i] = static_cast<uint8_t>(bytes[i]);
      fold.offset_deltas[i] = static_cast<uint8_t>(i);
    }
    fold.length = static_cast<uint8_t>(bytes.size());
    return fold;
  }
  std::string_view replacement = tables.Replacement(entry);
  if (replacement.size() > 4) {
    fold.length = ShortFold::kTooLong;
    return fold;
  }
  std::memcpy(fold.bytes, replacement.data(), replacement.size());
  fold.length = static_cast<uint8_t>(replacement.size());
  return fold;
}

Result<std::shared_ptr<const Tables>> Compile(const std::vector<FoldRule>& rules) {
  auto tables = std::make_shared<Tables>();
  for (const FoldRule& rule : rules)
    for (char32_t code_point = rule.first; code_point <= rule.last; ++code_point) {
      Status status = CompileCodePoint(rules, code_point, tables.get());
      if (!status.ok()) return status;
    }
  for (char32_t code_point = 0; code_point < Tables::kShortLimit; ++code_point)
    tables->short_folds[code_point] = ShortFoldOf(*tables, code_point);
  return std::shared_ptr<const Tables>(std::move(tables));
}

struct Buffers {
  char* text;
  uint32_t* offsets;
  size_t capacity;
};

// Resizes both arrays of `out` to hold `capacity` bytes (+1 offset).
Buffers Resize(NormalizedText* out, size_t capacity) {
  out->text.resize(capacity);
  out->source_offsets.resize(capacity + 1);
  return {out->text.data(), out->source_offsets.data(), capacity};
}

// Writes output bytes and their source offsets into `out`, growing both
// arrays together. Raw pointers because this is the hot loop; the writer
// never passes `this` out, so the compiler keeps its fields in registers
// (char stores could otherwise alias them).
class Writer {
 public:
  Writer(NormalizedText* out, size_t input_size) : out_(out), buffers_(Resize(out, input_size + 16)) {}

  // Makes room for `bytes` more output bytes.
  void Ensure(size_t bytes) {
    if (position_ + bytes > buffers_.capacity)
      buffers_ = Resize(out_, std::max(buffers_.capacity * 2, position_ + bytes));
  }
  // Appends a short fold (length <= 4): four bytes and offsets are written,
  // `length` of them kept. Needs Ensure(4).
  void WriteShort(const ShortFold& fold, uint32_t source) {
    std::memcpy(buffers_.text + position_, fold.bytes, 4);
    for (int i = 0; i < 4; ++i) buffers_.offsets[position_ + i] = source + fold.offset_deltas[i];
    position_ += fold.length;
  }
  // Appends `length` bytes that are the input bytes at `source`.
  void Copy(const uint8_t* bytes, size_t length, uint32_t source) {
    std::memcpy(buffers_.text + position_, bytes, length);
    std::iota(buffers_.offsets + position_, buffers_.offsets + position_ + length, source);
    position_ += length;
  }
  // Appends `replacement`, every byte of it coming from input byte `source`.
  void Replace(std::string_view replacement, uint32_t source) {
    std::memcpy(buffers_.text + position_, replacement.data(), replacement.size());
    std::fill(buffers_.offsets + position_, buffers_.offsets + position_ + replacement.size(), source);
    position_ += replacement.size();
  }
  void Finish(uint32_t input_size) {
    out_->text.resize(position_);
    out_->source_offsets.resize(position_ + 1);
    out_->source_offsets[position_] = input_size;
  }

 private:
  NormalizedText* out_;
  Buffers buffers_;
  size_t position_ = 0;
};

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

}  // namespace

Result<Normalizer> Normalizer::Load(const std::string& data_dir) {
  auto rules = LoadFoldRules(data_dir + "/text/normalize.tsv");
  if (!rules) return rules.status();
  auto tables = Compile(*rules);
  if (!tables) return tables.status();
  return Normalizer(std::move(*tables));
}

// Hand-written rather than ICU iteration plus a map: this loop runs over
// every byte of every article. ASCII and two-byte characters (the Arabic
// block) are written from ShortFold without a branch on what they become;
// others cost one decode and one flat-table lookup. The tables are read
// through local pointers: char stores could alias them otherwise.
void Normalizer::Normalize(std::string_view utf8, NormalizedText* out) const {
  const Tables& tables = *tables_;
  const ShortFold* short_folds = tables.short_folds.data();
  const uint32_t* fold = tables.fold.data();
  const uint32_t max_output_bytes = tables.max_output_bytes;
  const uint8_t* begin = reinterpret_cast<const uint8_t*>(utf8.data());
  const uint8_t* end = begin + utf8.size();
  const uint8_t* p = begin;
  Writer writer(out, utf8.size());
  while (p < end) {
    uint32_t source = static_cast<uint32_t>(p - begin);
    writer.Ensure(max_output_bytes);
    const ShortFold* short_fold = nullptr;
    if (*p < 0x80) {
      short_fold = &short_folds[*p];
    } else if (IsTwoByteSequence(p, end)) {
      short_fold = &short_folds[TwoByteCodePoint(p)];
    }
    if (short_fold && short_fold->length != ShortFold::kTooLong) {
      writer.WriteShort(*short_fold, source);
      p += *p < 0x80 ? 1 : 2;
      continue;
    }
    Decoded decoded = DecodeUtf8(p, end);
    if (!decoded.valid) {
      writer.Replace(kReplacementUtf8, source);
    } else if (decoded.code_point > kLastFoldableCodePoint || fold[decoded.code_point] == 0) {
      writer.Copy(p, decoded.length, source);
    } else {
      writer.Replace(tables.Replacement(fold[decoded.code_point]), source);
    }
    p += decoded.length;
  }
  writer.Finish(static_cast<uint32_t>(utf8.size()));
}

std::string Normalizer::Normalize(std::string_view utf8) const {
  NormalizedText out;
  Normalize(utf8, &out);
  return std::move(out.text);
}

}  // namespace hadath::text
