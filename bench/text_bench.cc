// Throughput of the text layer on real Arabic news: the first ~5 MB of
// article bodies of the shared corpus (../shared/corpus/saudinewsnet.jsonl.gz).
//
//   build-text/bench/text_bench --benchmark_filter=Normalize
//
// Before any timing, the outputs are checked against the slow reference
// implementations (ReferenceNormalizer, ReferenceTokenize), so that a fast
// wrong answer cannot win. Without the corpus every benchmark is skipped
// with a message.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <string>
#include <vector>

#include "hadath/lexicon.h"
#include "hadath/numbers.h"
#include "hadath/text.h"
#include "text/json_field.h"
#include "text/reference_normalizer.h"
#include "text/reference_tokenizer.h"

namespace hadath::text {
namespace {

constexpr size_t kSampleBytes = 5 << 20;

// Article bodies from the start of the corpus, about kSampleBytes in all.
std::vector<std::string> ReadSample() {
  std::vector<std::string> articles;
  std::string path = std::string(HADATH_SHARED_DIR) + "/corpus/saudinewsnet.jsonl.gz";
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return articles;
  std::string line;
  std::vector<char> buffer(1 << 16);
  size_t total = 0;
  while (total < kSampleBytes && gzgets(file, buffer.data(), static_cast<int>(buffer.size()))) {
    line += buffer.data();
    if (line.back() != '\n') continue;
    if (auto content = JsonStringField(line, "content"); content && !content->empty()) {
      total += content->size();
      articles.push_back(std::move(*content));
    }
    line.clear();
  }
  gzclose(file);
  return articles;
}

struct Fixture {
  std::vector<std::string> articles;
  size_t bytes = 0;
  std::optional<Tokenizer> tokenizer;
  std::optional<lexicon::NumberReader> numbers;
  std::optional<lexicon::Lexicon> number_words;
  std::string problem;  // why the benchmarks cannot run, or ""
};

std::string CheckNormalizer(const Fixture& fixture) {
  auto reference = ReferenceNormalizer::Load();
  if (!reference) return reference.error();
  NormalizedText fast, slow;
  for (const std::string& article : fixture.articles) {
    fixture.tokenizer->normalizer().Normalize(article, &fast);
    reference->Normalize(article, &slow);
    if (fast.text != slow.text || fast.source_offsets != slow.source_offsets)
      return "normaliser disagrees with the reference";
  }
  return "";
}

std::string CheckTokenizer(const Fixture& fixture) {
  TokenizedText tokens;
  for (const std::string& article : fixture.articles) {
    fixture.tokenizer->Tokenize(article, &tokens);
    if (std::string difference = CompareWithReference(tokens); !difference.empty())
      return "tokeniser disagrees with the reference: " + difference;
  }
  return "";
}

// Loads the sample and resources, and checks the outputs; returns why the
// benchmarks cannot run, or "".
std::string Prepare(Fixture* fixture) {
  fixture->articles = ReadSample();
  if (fixture->articles.empty()) return "corpus not found under " HADATH_SHARED_DIR "/corpus";
  for (const std::string& article : fixture->articles) fixture->bytes += article.size();
  auto tokenizer = Tokenizer::Load();
  if (!tokenizer) return tokenizer.error();
  fixture->tokenizer.emplace(std::move(*tokenizer));
  auto numbers = lexicon::NumberReader::Load(*fixture->tokenizer);
  if (!numbers) return numbers.error();
  fixture->numbers.emplace(std::move(*numbers));
  auto words = lexicon::Lexicon::Load(DataPath("text/numbers.tsv"), *fixture->tokenizer);
  if (!words) return words.error();
  fixture->number_words.emplace(std::move(*words));
  if (std::string problem = CheckNormalizer(*fixture); !problem.empty()) return problem;
  if (std::string problem = CheckTokenizer(*fixture); !problem.empty()) return problem;
  std::fprintf(stderr, "sample: %zu articles, %.1f MB; outputs match the reference implementations\n",
               fixture->articles.size(), static_cast<double>(fixture->bytes) / 1e6);
  return "";
}

const Fixture& Sample() {
  static const Fixture fixture = [] {
    Fixture loaded;
    loaded.problem = Prepare(&loaded);
    return loaded;
  }();
  return fixture;
}

bool Ready(benchmark::State& state) {
  if (Sample().problem.empty()) return true;
  state.SkipWithError(Sample().problem.c_str());
  return false;
}

void Finish(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(Sample().bytes));
}

void BM_Normalize(benchmark::State& state) {
  if (!Ready(state)) return;
  NormalizedText out;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) {
      Sample().tokenizer->normalizer().Normalize(article, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  Finish(state);
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_ReferenceNormalize(benchmark::State& state) {
  if (!Ready(state)) return;
  auto reference = ReferenceNormalizer::Load();
  NormalizedText out;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) {
      reference->Normalize(article, &out);
      benchmark::DoNotOptimize(out.text.data());
    }
  Finish(state);
}
BENCHMARK(BM_ReferenceNormalize)->Unit(benchmark::kMillisecond)->Iterations(1);

// Normalisation included: this is what a caller pays per article.
void BM_Tokenize(benchmark::State& state) {
  if (!Ready(state)) return;
  TokenizedText tokens;
  size_t count = 0;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) {
      Sample().tokenizer->Tokenize(article, &tokens);
      count += tokens.tokens.size();
    }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
  Finish(state);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  if (!Ready(state)) return;
  size_t count = 0;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) count += SplitSentences(article).size();
  state.counters["sentences"] = static_cast<double>(count) / static_cast<double>(state.iterations());
  Finish(state);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// Tokenising plus FindAll with the number-word lexicon (148 entries),
// clitic analysis of every word included.
void BM_TokenizeAndMatch(benchmark::State& state) {
  if (!Ready(state)) return;
  TokenizedText tokens;
  lexicon::MatchState match_state;
  std::vector<lexicon::Match> matches;
  size_t count = 0;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) {
      Sample().tokenizer->Tokenize(article, &tokens);
      matches.clear();
      Sample().number_words->matcher().FindAll(tokens, &match_state, &matches);
      count += matches.size();
    }
  state.counters["matches"] = static_cast<double>(count) / static_cast<double>(state.iterations());
  Finish(state);
}
BENCHMARK(BM_TokenizeAndMatch)->Unit(benchmark::kMillisecond);

void BM_TokenizeAndReadNumbers(benchmark::State& state) {
  if (!Ready(state)) return;
  TokenizedText tokens;
  lexicon::MatchState match_state;
  std::vector<lexicon::Number> numbers;
  size_t count = 0;
  for (auto _ : state)
    for (const std::string& article : Sample().articles) {
      Sample().tokenizer->Tokenize(article, &tokens);
      numbers.clear();
      Sample().numbers->Read(tokens, &match_state, &numbers);
      count += numbers.size();
    }
  state.counters["numbers"] = static_cast<double>(count) / static_cast<double>(state.iterations());
  Finish(state);
}
BENCHMARK(BM_TokenizeAndReadNumbers)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hadath::text

BENCHMARK_MAIN();
