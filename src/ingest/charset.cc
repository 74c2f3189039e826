// Charset decoding: bytes in any charset -> UTF-8 with a map back to the bytes.
//
// Order of evidence: a forced encoding, a byte order mark, the NUL-byte
// pattern of UTF-16, well-formed (or nearly well-formed) UTF-8, then ICU's
// charset detector for single-byte text. UTF-8 never goes through ICU: it is
// validated and copied in runs, which keeps the common case fast.
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <optional>

#include "hadath/ingest.h"
#include "ingest/charset.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace internal {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;  // how much the binary check and detector look at

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPointer = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPointer OpenConverter(const std::string& name) {
  if (name.empty()) return nullptr;  // ucnv_open("") would open the platform default
  UErrorCode status = U_ZERO_ERROR;
  ConverterPointer converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// ---------------------------------------------------------------------------
// Byte order marks and UTF-16 without one

struct ByteOrderMark {
  const char* encoding;
  size_t length;
};

std::optional<ByteOrderMark> DetectByteOrderMark(std::string_view bytes) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xEF\xBB\xBF")) return ByteOrderMark{"UTF-8", 3};
  if (starts(std::string_view("\xFF\xFE\x00\x00", 4))) return ByteOrderMark{"UTF-32LE", 4};
  if (starts(std::string_view("\x00\x00\xFE\xFF", 4))) return ByteOrderMark{"UTF-32BE", 4};
  if (starts("\xFF\xFE")) return ByteOrderMark{"UTF-16LE", 2};
  if (starts("\xFE\xFF")) return ByteOrderMark{"UTF-16BE", 2};
  return std::nullopt;
}

// High bytes of UTF-16 code units that text in Arabic or Latin script is made
// of: 0x00 (ASCII), 0x06 (Arabic block), 0x20 (punctuation), 0xFB/0xFE
// (Arabic presentation forms).
bool IsTypicalHighByte(uint8_t byte) {
  return byte == 0x00 || byte == 0x06 || byte == 0x20 || byte == 0xFB || byte == 0xFE;
}

// "UTF-16LE" or "UTF-16BE" when `bytes` look like UTF-16 without a BOM: NUL
// bytes (from ASCII characters) on one side of the code units only, or high
// bytes that are nearly all those of Arabic/Latin text.
std::optional<std::string> GuessUtf16(std::string_view bytes) {
  size_t pairs = std::min(bytes.size(), kSniffBytes) / 2;
  if (pairs < 2) return std::nullopt;
  size_t nul_even = 0, nul_odd = 0, typical_even = 0, typical_odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    auto even = static_cast<uint8_t>(bytes[2 * i]), odd = static_cast<uint8_t>(bytes[2 * i + 1]);
    nul_even += even == 0;
    nul_odd += odd == 0;
    typical_even += IsTypicalHighByte(even);
    typical_odd += IsTypicalHighByte(odd);
  }
  auto one_sided = [&](size_t major, size_t minor) { return major * 20 >= pairs && minor * 20 <= major; };
  auto typical = [&](size_t major, size_t minor) { return major * 10 >= pairs * 9 && minor * 2 < pairs; };
  if (one_sided(nul_odd, nul_even) || typical(typical_odd, typical_even)) return "UTF-16LE";
  if (one_sided(nul_even, nul_odd) || typical(typical_even, typical_odd)) return "UTF-16BE";
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Binary junk

bool IsJunkControlByte(uint8_t byte) {
  if (byte == 0x7F) return true;
  if (byte >= 0x20) return false;
  // Tab, LF, VT, FF, CR, SUB (DOS end of file) and ESC occur in real text files.
  return byte != '\t' && byte != '\n' && byte != '\v' && byte != '\f' && byte != '\r' && byte != 0x1A &&
         byte != 0x1B;
}

// A reason when `bytes` look like binary data rather than text, else "".
std::string BinaryReason(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, kSniffBytes);
  size_t nul = 0, control = 0;
  for (char c : sample) {
    nul += c == 0;
    control += IsJunkControlByte(static_cast<uint8_t>(c));
  }
  if (nul > 8 || nul * 100 > sample.size())
    return "binary data, not text (" + std::to_string(nul) + " NUL bytes in the first " +
           std::to_string(sample.size()) + ")";
  if (control * 10 > sample.size())
    return "binary data, not text (" + std::to_string(control) + " control bytes in the first " +
           std::to_string(sample.size()) + ")";
  return "";
}

// ---------------------------------------------------------------------------
// UTF-8

struct Utf8Stats {
  size_t multibyte = 0;      // well-formed non-ASCII characters
  size_t invalid = 0;        // ill-formed sequences replaced
  size_t first_invalid = 0;  // input offset of the first one
  bool truncated_at_end = false;
  size_t nul = 0;  // NUL bytes replaced
  size_t first_nul = 0;
};

bool HasZeroByte(uint64_t word) {
  return ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0;
}

// First offset >= `at` holding a CR, a NUL or a non-ASCII byte (or the end).
size_t SkipPlainAscii(std::string_view bytes, size_t at) {
  const char* data = bytes.data();
  while (at + 8 <= bytes.size()) {
    uint64_t word;
    std::memcpy(&word, data + at, 8);
    if ((word & 0x8080808080808080ull) != 0 || HasZeroByte(word) || HasZeroByte(word ^ 0x0D0D0D0D0D0D0D0Dull))
      break;
    at += 8;
  }
  while (at < bytes.size()) {
    auto byte = static_cast<uint8_t>(data[at]);
    if (byte >= 0x80 || byte == '\r' || byte == 0) break;
    ++at;
  }
  return at;
}

// Appends UTF-8 `bytes` (found at `base` in the input) to out->text, copying
// well-formed runs, turning CRLF and CR into LF and replacing ill-formed
// sequences and NUL bytes by U+FFFD.
class Utf8Decoder {
 public:
  Utf8Decoder(std::string_view bytes, uint32_t base, Decoded* out)
      : bytes_(bytes), base_(base), text_(out->text), map_(out->text_to_input) {}

  Utf8Stats Run() {
    text_.reserve(text_.size() + bytes_.size());
    size_t at = 0;
    while ((at = SkipWellFormed(at)) < bytes_.size()) at = Special(at);
    Flush(bytes_.size());
    return stats_;
  }

 private:
  // First offset >= `at` that is not plain ASCII nor a well-formed two- or
  // three-byte sequence (Arabic letters are two bytes): the hot loop.
  size_t SkipWellFormed(size_t at) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes_.data());
    size_t size = bytes_.size();
    while (at < size) {
      uint8_t lead = data[at];
      if (lead < 0x80) {
        if (lead == '\r' || lead == 0) return at;
        // Long ASCII runs go eight bytes at a time; single spaces between words do not.
        at = at + 1 < size && data[at + 1] < 0x80 ? SkipPlainAscii(bytes_, at + 1) : at + 1;
        continue;
      }
      if (lead >= 0xC2 && lead <= 0xDF && at + 1 < size && (data[at + 1] & 0xC0) == 0x80) {
        at += 2;
      } else if (lead >= 0xE1 && lead <= 0xEC && at + 2 < size && (data[at + 1] & 0xC0) == 0x80 &&
                 (data[at + 2] & 0xC0) == 0x80) {
        at += 3;
      } else {
        return at;  // rarer sequences and bad bytes take the careful path
      }
      ++stats_.multibyte;
    }
    return at;
  }

  // Handles the byte at `at` that SkipWellFormed stopped at; returns where to go on.
  size_t Special(size_t at) {
    auto byte = static_cast<uint8_t>(bytes_[at]);
    if (byte >= 0x80) return NonAscii(at);
    Flush(at);
    if (byte == '\r') {
      size_t length = at + 1 < bytes_.size() && bytes_[at + 1] == '\n' ? 2 : 1;
      text_.push_back('\n');
      map_.AppendReplace(1, base_ + at, length);
      return run_start_ = at + length;
    }
    if (stats_.nul++ == 0) stats_.first_nul = base_ + at;
    Replace(at, 1);
    return run_start_ = at + 1;
  }

  size_t NonAscii(size_t at) {
    size_t bad_length = 1;
    bool truncated = false;
    int length = Utf8SequenceLength(bytes_, at, &bad_length, &truncated);
    if (length > 0) {
      ++stats_.multibyte;
      return at + length;
    }
    Flush(at);
    if (stats_.invalid++ == 0) stats_.first_invalid = base_ + at;
    stats_.truncated_at_end = truncated;
    Replace(at, bad_length);
    return run_start_ = at + bad_length;
  }

  void Replace(size_t at, size_t length) {
    text_.append(kReplacementCharacter);
    map_.AppendReplace(kReplacementCharacter.size(), base_ + at, length);
  }

  void Flush(size_t end) {
    if (end <= run_start_) return;
    text_.append(bytes_.data() + run_start_, end - run_start_);
    map_.AppendCopy(end - run_start_, base_ + run_start_);
    run_start_ = end;
  }

  std::string_view bytes_;
  uint32_t base_;
  std::string& text_;
  OffsetMap& map_;
  size_t run_start_ = 0;
  Utf8Stats stats_;
};

// Returns true iff text with these statistics is UTF-8 with a few bad bytes
// rather than text in another charset.
bool IsMostlyUtf8(const Utf8Stats& stats) {
  if (stats.invalid == 0) return true;
  if (stats.invalid == 1 && stats.truncated_at_end) return true;
  return stats.invalid * 20 <= stats.multibyte;
}

void AddUtf8Warnings(const Utf8Stats& stats, std::vector<std::string>* warnings) {
  if (stats.invalid == 1 && stats.truncated_at_end) {
    warnings->push_back("UTF-8 text ends inside a character at byte offset " +
                        std::to_string(stats.first_invalid) +
                        " (the file may be truncated); replaced by U+FFFD");
  } else if (stats.invalid == 1) {
    warnings->push_back("invalid UTF-8 at byte offset " + std::to_string(stats.first_invalid) +
                        " replaced by U+FFFD");
  } else if (stats.invalid > 1) {
    warnings->push_back(std::to_string(stats.invalid) +
                        " invalid UTF-8 sequences replaced by U+FFFD, the first at byte offset " +
                        std::to_string(stats.first_invalid));
  }
  if (stats.nul > 0)
    warnings->push_back(std::to_string(stats.nul) +
                        " NUL byte(s) replaced by U+FFFD, the first at byte offset " +
                        std::to_string(stats.first_nul));
}

// ---------------------------------------------------------------------------
// Other charsets, through ICU

// Collects the code points ICU produces, each with the input offset it came
// from, and appends them as UTF-8 with one map segment per source character.
class TranscodedText {
 public:
  TranscodedText(std::string_view input, uint32_t base, Decoded* out)
      : input_(input), base_(base), out_(*out) {}

  // Feeds UTF-16 units; offsets[k] is the input offset of units[k] relative
  // to `offset_base`, or -1 when ICU does not know it.
  void FeedUnits(const UChar* units, const int32_t* offsets, size_t count, size_t offset_base) {
    for (size_t k = 0; k < count; ++k) {
      int64_t offset = offsets[k] < 0 ? -1 : static_cast<int64_t>(offset_base) + offsets[k];
      FeedUnit(units[k], offset);
    }
  }

  void Finish() {
    if (has_lead_) AddCodePoint(0xD800, lead_offset_);  // unpaired: replaced below
    has_lead_ = false;
    FlushPending(input_.size());
  }

  size_t replaced() const { return replaced_; }
  size_t first_replaced() const { return first_replaced_; }

 private:
  void FeedUnit(UChar unit, int64_t offset) {
    if (has_lead_) {
      has_lead_ = false;
      if (U16_IS_TRAIL(unit)) return AddCodePoint(U16_GET_SUPPLEMENTARY(lead_, unit), lead_offset_);
      AddCodePoint(0xD800, lead_offset_);
    }
    if (U16_IS_LEAD(unit)) {
      has_lead_ = true;
      lead_ = unit;
      lead_offset_ = offset;
      return;
    }
    AddCodePoint(unit, offset);
  }

  void AddCodePoint(UChar32 code_point, int64_t offset) {
    if (offset < 0) offset = has_pending_ ? pending_offset_ : last_end_;
    if (code_point == '\n' && after_cr_) {  // CRLF: the LF joins the CR's '\n'
      after_cr_ = false;
      return;
    }
    if (has_pending_ && static_cast<size_t>(offset) != pending_offset_) FlushPending(offset);
    if (!has_pending_) {
      has_pending_ = true;
      pending_offset_ = static_cast<size_t>(offset);
    }
    after_cr_ = code_point == '\r';
    AppendCodePoint(code_point, static_cast<size_t>(offset));
  }

  void AppendCodePoint(UChar32 code_point, size_t offset) {
    if (code_point == '\r') {
      pending_.push_back('\n');
    } else if (IsReplacement(code_point, offset)) {
      if (replaced_++ == 0) first_replaced_ = base_ + offset;
      pending_.append(kReplacementCharacter);
    } else {
      AppendUtf8(static_cast<char32_t>(code_point), &pending_);
    }
  }

  // Returns true iff `code_point` stands for bytes that could not be decoded.
  bool IsReplacement(UChar32 code_point, size_t offset) const {
    if (code_point == 0 || U_IS_SURROGATE(code_point)) return true;
    std::string_view source = input_.substr(std::min(offset, input_.size()));
    if (code_point == 0x1A) return source.substr(0, 1) != "\x1A";  // ICU's SUB for unmapped bytes
    if (code_point != 0xFFFD) return false;
    // A real U+FFFD in the input, in UTF-16 or UTF-8 form, is kept as text.
    return source.substr(0, 2) != "\xFD\xFF" && source.substr(0, 2) != "\xFF\xFD" &&
           source.substr(0, 3) != kReplacementCharacter;
  }

  void FlushPending(size_t source_end) {
    if (!has_pending_) return;
    size_t source_length = source_end > pending_offset_ ? source_end - pending_offset_ : 0;
    out_.text.append(pending_);
    out_.text_to_input.AppendReplace(pending_.size(), base_ + pending_offset_, source_length);
    last_end_ = std::max<size_t>(source_end, pending_offset_);
    pending_.clear();
    has_pending_ = false;
  }

  std::string_view input_;
  uint32_t base_;
  Decoded& out_;
  std::string pending_;  // UTF-8 of the characters from pending_offset_
  size_t pending_offset_ = 0;
  bool has_pending_ = false;
  int64_t last_end_ = 0;
  bool after_cr_ = false;
  bool has_lead_ = false;
  UChar lead_ = 0;
  int64_t lead_offset_ = 0;
  size_t replaced_ = 0;
  size_t first_replaced_ = 0;
};

// Decodes `input` (found at `base` in the whole input) from `encoding` with ICU.
Status TranscodeWithIcu(std::string_view input, uint32_t base, const std::string& encoding, Decoded* out) {
  ConverterPointer converter = OpenConverter(encoding);
  if (!converter) return Status::Error("unknown encoding '" + encoding + "'");
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &status);
  constexpr size_t kChunk = 1 << 16;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  const char* source = input.data();
  const char* limit = input.data() + input.size();
  TranscodedText text(input, base, out);
  out->text.reserve(input.size() * 2);
  do {
    const char* call_start = source;
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units.data() + kChunk, &source, limit, offsets.data(),
                   /*flush=*/true, &status);
    text.FeedUnits(units.data(), offsets.data(), static_cast<size_t>(target - units.data()),
                   static_cast<size_t>(call_start - input.data()));
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(status)) return Status::Error("cannot decode as " + encoding + ": " + u_errorName(status));
  text.Finish();
  if (text.replaced() > 0)
    out->warnings.push_back(std::to_string(text.replaced()) + " byte sequence(s) invalid in " + encoding +
                            " replaced by U+FFFD, the first at byte offset " +
                            std::to_string(text.first_replaced()));
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Single-byte charset detection

// Which bytes 0x80-0xFF of a single-byte charset decode to a letter or mark
// of the Arabic script (computed with ICU, so no table is copied here).
std::array<bool, 256> ArabicBytesOf(const char* encoding) {
  std::array<bool, 256> arabic{};
  ConverterPointer converter = OpenConverter(encoding);
  if (!converter) return arabic;
  for (int byte = 0x80; byte < 0x100; ++byte) {
    char input = static_cast<char>(byte);
    UChar output[4];
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    int32_t length = ucnv_toUChars(converter.get(), output, 4, &input, 1, &status);
    if (U_FAILURE(status) || length != 1) continue;
    UErrorCode script_status = U_ZERO_ERROR;
    arabic[byte] = uscript_getScript(output[0], &script_status) == USCRIPT_ARABIC;
  }
  return arabic;
}

// Which bytes a single-byte charset leaves undefined.
std::array<bool, 256> UndefinedBytesOf(const char* encoding) {
  std::array<bool, 256> undefined{};
  ConverterPointer converter = OpenConverter(encoding);
  for (int byte = 0; byte < 0x100; ++byte) {
    char input = static_cast<char>(byte);
    UChar output[4];
    UErrorCode status = U_ZERO_ERROR;
    if (!converter) break;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    ucnv_toUChars(converter.get(), output, 4, &input, 1, &status);
    undefined[byte] = U_FAILURE(status);
  }
  return undefined;
}

// Returns true iff most non-ASCII bytes are Arabic letters in windows-1256.
bool LooksLikeArabicWindows1256(std::string_view bytes) {
  static const std::array<bool, 256> kArabic = ArabicBytesOf("windows-1256");
  size_t high = 0, arabic = 0;
  for (char c : bytes.substr(0, kSniffBytes)) {
    auto byte = static_cast<uint8_t>(c);
    high += byte >= 0x80;
    arabic += kArabic[byte];
  }
  return high > 0 && arabic * 10 >= high * 6;
}

bool FitsIso8859_6(std::string_view bytes) {
  static const std::array<bool, 256> kUndefined = UndefinedBytesOf("ISO-8859-6");
  for (char c : bytes)
    if (kUndefined[static_cast<uint8_t>(c)]) return false;
  return true;
}

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

struct Candidate {
  std::string name;
  int confidence;
};

// ICU's guesses for `bytes`, best first (empty when it has none).
std::vector<Candidate> DetectorCandidates(std::string_view bytes, ContentKind kind) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return {};
  std::string_view sample = bytes.substr(0, 16 * kSniffBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(detector.get(), kind == ContentKind::kMarkup);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  std::vector<Candidate> candidates;
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_SUCCESS(status) && name) candidates.push_back({name, confidence});
  }
  return candidates;
}

int ConfidenceOf(const std::vector<Candidate>& candidates, std::string_view name) {
  for (const Candidate& candidate : candidates)
    if (candidate.name == name) return candidate.confidence;
  return 0;
}

bool IsUnicodeName(std::string_view name) { return name.substr(0, 3) == "UTF"; }

// The charset of text that is not UTF-8 nor UTF-16. Arabic-looking text is
// windows-1256 unless ICU finds ISO-8859-6 clearly better (by 20 points of
// confidence) and every byte is defined in ISO-8859-6.
std::string DetectSingleByteEncoding(std::string_view bytes, ContentKind kind) {
  std::vector<Candidate> candidates = DetectorCandidates(bytes, kind);
  if (LooksLikeArabicWindows1256(bytes)) {
    int windows = ConfidenceOf(candidates, "windows-1256");
    int iso = ConfidenceOf(candidates, "ISO-8859-6");
    if (iso >= windows + 20 && FitsIso8859_6(bytes)) return "ISO-8859-6";
    return "windows-1256";
  }
  for (const Candidate& candidate : candidates)
    if (!IsUnicodeName(candidate.name) && OpenConverter(candidate.name)) return candidate.name;
  return "windows-1252";
}

// ---------------------------------------------------------------------------
// Putting it together

Result<Decoded> DecodeAs(std::string_view bytes, const std::string& encoding, size_t skip) {
  Decoded out;
  out.encoding = encoding;
  if (encoding == "UTF-8") {
    Utf8Stats stats = Utf8Decoder(bytes.substr(skip), static_cast<uint32_t>(skip), &out).Run();
    AddUtf8Warnings(stats, &out.warnings);
  } else if (Status status =
                 TranscodeWithIcu(bytes.substr(skip), static_cast<uint32_t>(skip), encoding, &out);
             !status) {
    return status;
  }
  if (IsBlank(out.text)) return Status::Error("empty document");
  return out;
}

Status EmptyDocument() { return Status::Error("empty document"); }

// Resolves the endianness of "UTF-16"/"UTF-32" by BOM or byte pattern.
std::string WithByteOrder(const std::string& encoding, std::string_view bytes) {
  if (encoding != "UTF-16" && encoding != "UTF-32") return encoding;
  if (std::optional<ByteOrderMark> mark = DetectByteOrderMark(bytes))
    if (std::string_view(mark->encoding).substr(0, 6) == encoding) return mark->encoding;
  if (encoding == "UTF-16")
    if (std::optional<std::string> guess = GuessUtf16(bytes)) return *guess;
  return encoding + "BE";
}

Result<Decoded> DecodeForced(std::string_view bytes, std::string_view forced) {
  std::string encoding = CanonicalEncodingName(forced);
  if (encoding.empty())
    return Status::Error("unknown encoding '" + std::string(forced) +
                         "' (known names include UTF-8, UTF-16LE, windows-1256, ISO-8859-6)");
  encoding = WithByteOrder(encoding, bytes);
  size_t skip = 0;
  if (std::optional<ByteOrderMark> mark = DetectByteOrderMark(bytes))
    if (mark->encoding == encoding) skip = mark->length;
  if (IsBlank(bytes.substr(skip))) return EmptyDocument();
  return DecodeAs(bytes, encoding, skip);
}

Result<Decoded> DecodeDetected(std::string_view bytes, ContentKind kind) {
  if (IsBlank(bytes)) return EmptyDocument();
  if (std::optional<ByteOrderMark> mark = DetectByteOrderMark(bytes))
    return DecodeAs(bytes, mark->encoding, mark->length);
  if (std::optional<std::string> utf16 = GuessUtf16(bytes)) {
    Result<Decoded> decoded = DecodeAs(bytes, *utf16, 0);
    if (decoded)
      decoded->warnings.push_back("no byte order mark; read as " + *utf16 + " from its byte pattern");
    return decoded;
  }
  if (std::string reason = BinaryReason(bytes); !reason.empty()) return Status::Error(reason);
  Decoded utf8;
  Utf8Stats stats = Utf8Decoder(bytes, 0, &utf8).Run();
  if (!IsMostlyUtf8(stats)) return DecodeAs(bytes, DetectSingleByteEncoding(bytes, kind), 0);
  utf8.encoding = "UTF-8";
  AddUtf8Warnings(stats, &utf8.warnings);
  if (IsBlank(utf8.text)) return EmptyDocument();
  return utf8;
}

}  // namespace

Result<Decoded> DecodeBytes(std::string_view bytes, std::string_view forced_encoding, ContentKind kind) {
  if (bytes.size() >= UINT32_MAX)
    return Status::Error("document too large (" + std::to_string(bytes.size()) +
                         " bytes > 4294967294, the most an offset map can address)");
  if (!forced_encoding.empty()) return DecodeForced(bytes, forced_encoding);
  return DecodeDetected(bytes, kind);
}

std::string CanonicalEncodingName(std::string_view label) {
  ConverterPointer converter = OpenConverter(std::string(TrimAscii(label)));
  if (!converter) return "";
  UErrorCode status = U_ZERO_ERROR;
  const char* internal_name = ucnv_getName(converter.get(), &status);
  if (U_FAILURE(status) || !internal_name) return "";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode standard_status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(internal_name, standard, &standard_status);
    if (U_SUCCESS(standard_status) && name) return name;
  }
  return internal_name;
}

bool IsValidUtf8WithNonAscii(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  bool non_ascii = false;
  for (size_t at = 0; at < bytes.size();) {
    if (static_cast<uint8_t>(bytes[at]) < 0x80) {
      ++at;
      continue;
    }
    size_t bad_length = 0;
    bool truncated = false;
    int length = Utf8SequenceLength(bytes, at, &bad_length, &truncated);
    if (length == 0) return false;
    non_ascii = true;
    at += length;
  }
  return non_ascii;
}

namespace {

// The value after "charset=" (or "encoding=") in `tag`, or "".
std::string AttributeAfter(std::string_view tag, std::string_view key) {
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  at += key.size();
  while (at < tag.size() && IsAsciiSpace(tag[at])) ++at;
  if (at >= tag.size() || tag[at] != '=') return "";
  ++at;
  while (at < tag.size() && (IsAsciiSpace(tag[at]) || tag[at] == '"' || tag[at] == '\'')) ++at;
  size_t end = at;
  while (end < tag.size() && !IsAsciiSpace(tag[end]) &&
         std::string_view("\"';>/?").find(tag[end]) == std::string_view::npos)
    ++end;
  return std::string(tag.substr(at, end - at));
}

}  // namespace

std::string DeclaredHtmlCharset(std::string_view html) {
  std::string head = AsciiLower(html.substr(0, 4096));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.erase(0, 3);
  if (head.substr(0, 5) == "<?xml") {
    std::string encoding = AttributeAfter(head.substr(0, head.find("?>")), "encoding");
    if (!encoding.empty()) return encoding;
  }
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    std::string charset = AttributeAfter(std::string_view(head).substr(at, end - at), "charset");
    if (!charset.empty()) return charset;
  }
  return "";
}

}  // namespace internal

Result<Decoded> DecodeText(std::string_view bytes, std::string_view forced_encoding) {
  return internal::DecodeBytes(bytes, forced_encoding, internal::ContentKind::kText);
}

bool IsKnownEncoding(std::string_view name) { return !internal::CanonicalEncodingName(name).empty(); }

}  // namespace hadath::ingest
