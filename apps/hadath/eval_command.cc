// hadath eval --gold FILE --pred FILE : scores predicted events against
// reference annotations (FORMAT.md "Matching and scores"; rules in
// include/hadath/eval.h).
#include <fmt/core.h>

#include "commands.h"
#include "hadath/eval.h"

namespace hadath::cli {
namespace {

struct EvalArguments {
  std::string gold;
  std::string predictions;
  bool json = false;
  bool verbose = false;
};

int RunEval(const EvalArguments& arguments) {
  auto gold = eval::LoadGold(arguments.gold);
  if (!gold) return fmt::print(stderr, "hadath eval: {}\n", gold.error()), kExitFatal;
  auto predictions = eval::LoadPredictions(arguments.predictions);
  if (!predictions) return fmt::print(stderr, "hadath eval: {}\n", predictions.error()), kExitFatal;
  auto evaluator = eval::Evaluator::Load();
  if (!evaluator) return fmt::print(stderr, "hadath eval: {}\n", evaluator.error()), kExitFatal;
  eval::EvalReport report = evaluator->Evaluate(*gold, *predictions);
  if (arguments.json)
    fmt::print("{}\n", eval::ReportJson(report, *gold, *predictions, arguments.verbose).dump(2));
  else
    fmt::print("{}", eval::RenderReport(report, *gold, *predictions, arguments.verbose));
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int& exit_code) {
  auto arguments = std::make_shared<EvalArguments>();
  CLI::App* command = app.add_subcommand(
      "eval", "Score predicted events (JSON Lines) against reference annotations (hadath-gold/1)");
  command->add_option("--gold", arguments->gold, "Reference annotations, e.g. shared/eval/dev-gold.json")
      ->required();
  command
      ->add_option("--pred", arguments->predictions,
                   "Predicted event records, one JSON object a line (`hadath export --format jsonl`); "
                   "- reads standard input")
      ->required();
  command->add_flag("--json", arguments->json, "Print the scores as JSON");
  command->add_flag("--verbose", arguments->verbose,
                    "List each article's matches, false positives and misses (with evidence)");
  command->callback([arguments, &exit_code] { exit_code = RunEval(*arguments); });
}

}  // namespace hadath::cli
