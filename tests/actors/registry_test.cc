// The actor registry as shipped, and the loaders' errors on broken data.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "actors/actors_test_util.h"

namespace hadath::actors {
namespace {

namespace fs = std::filesystem;

const ActorRegistry& Registry() { return testing::Resources().recognizer.registry(); }

TEST(ActorRegistry, GoldIdsWithTheirActorTypes) {
  // The ids of shared/eval/FORMAT.md, with ACLED's inter codes in Syria.
  const std::pair<const char*, int> expected[] = {
      {"SDF", 2},          {"ASAYISH", 2},   {"COALITION", 8},  {"US_FORCES", 8}, {"ISIS", 2},
      {"UNIDENTIFIED", 3}, {"CIVILIANS", 7}, {"SYRIAN_GOV", 1}, {"RUSSIA", 8},    {"IRAN", 8},
      {"TURKEY", 8},       {"HTS", 2},       {"SNA", 2},
  };
  for (const auto& [id, inter] : expected) {
    const Actor* actor = Registry().Find(id);
    ASSERT_NE(actor, nullptr) << id;
    EXPECT_EQ(actor->InterIn("SY"), inter) << id;
  }
}

TEST(ActorRegistry, SizeAndFields) {
  size_t count = Registry().actors().size();
  EXPECT_GE(count, 50u);
  EXPECT_LE(count, 80u);
  for (const Actor& actor : Registry().actors()) {
    EXPECT_FALSE(actor.source.empty()) << actor.id;
    EXPECT_FALSE(actor.name_ar.empty()) << actor.id;
  }
  EXPECT_EQ(Registry().Find("NOBODY"), nullptr);
}

TEST(ActorRegistry, Parents) {
  EXPECT_TRUE(Registry().IsWithin("DEIR_EZZOR_MILITARY_COUNCIL", "SDF"));
  EXPECT_TRUE(Registry().IsWithin("YPG", "SDF"));
  EXPECT_TRUE(Registry().IsWithin("SDF", "SDF"));
  EXPECT_TRUE(Registry().IsWithin("QUDS_FORCE", "IRAN"));
  EXPECT_TRUE(Registry().IsWithin("ASAYISH", "AANES"));
  EXPECT_FALSE(Registry().IsWithin("ASAYISH", "SDF"));  // the Administration's police, not an SDF unit
  EXPECT_FALSE(Registry().IsWithin("SDF", "YPG"));
  EXPECT_FALSE(Registry().IsWithin("KATAIB_HEZBOLLAH", "PMF"));
}

TEST(ActorRegistry, AcledNames) {
  const ActorRegistry& registry = Registry();
  EXPECT_EQ(registry.AcledName(*registry.Find("ISIS"), "SY"), "Islamic State (Syria)");
  EXPECT_EQ(registry.AcledName(*registry.Find("ISIS"), "IQ"), "Islamic State (Iraq)");
  EXPECT_EQ(registry.AcledName(*registry.Find("CIVILIANS"), "LB"), "Civilians (Lebanon)");
  EXPECT_EQ(registry.AcledName(*registry.Find("CIVILIANS")), "Civilians");
  EXPECT_EQ(registry.AcledName(*registry.Find("UNIDENTIFIED"), "SY"), "Unidentified Armed Group (Syria)");
  EXPECT_EQ(registry.AcledName(*registry.Find("SDF"), "SY"), "SDF: Syrian Democratic Forces");
  EXPECT_EQ(registry.AcledName(*registry.Find("US_FORCES"), "SY"), "Military Forces of the United States");
  ASSERT_NE(registry.FindCountry("SY"), nullptr);
  EXPECT_EQ(registry.FindCountry("SY")->iso_numeric, 760);
}

TEST(ActorRegistry, StateForcesAreExternalAbroad) {
  const ActorRegistry& registry = Registry();
  EXPECT_EQ(registry.Find("TURKEY")->InterIn("TR"), 1);
  EXPECT_EQ(registry.Find("TURKEY")->InterIn("IQ"), 8);
  EXPECT_EQ(registry.Find("SYRIAN_GOV")->InterIn("SY"), 1);
  EXPECT_EQ(registry.Find("SYRIAN_GOV")->InterIn("LB"), 8);
  EXPECT_EQ(registry.Find("PMF")->InterIn("IQ"), 1);
  EXPECT_EQ(registry.Find("ISIS")->InterIn("IQ"), 2);
  EXPECT_EQ(registry.Find("HEZBOLLAH")->InterIn("SY"), 3);
  EXPECT_EQ(registry.Find("US_FORCES")->InterIn(""), 8);
}

TEST(ActorRecognizer, ShippedDataLoadsWithoutWarnings) {
  for (const std::string& warning : testing::Resources().recognizer.warnings()) ADD_FAILURE() << warning;
}

// A copy of data/actors in a temporary directory (data/text linked), to
// break one file at a time.
class BrokenData {
 public:
  BrokenData() {
    dir_ = fs::temp_directory_path() /
           ("hadath-actors-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(DataDir()) / "actors", dir_ / "actors");
    fs::create_directory_symlink(fs::absolute(fs::path(DataDir()) / "text"), dir_ / "text");
  }
  ~BrokenData() { fs::remove_all(dir_); }

  std::string dir() const { return dir_.string(); }
  std::string path(const std::string& file) const { return (dir_ / "actors" / file).string(); }

  // Appends `line` to the file; returns its line number.
  int Append(const std::string& file, const std::string& line) {
    std::ifstream in(path(file));
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (!text.empty() && text.back() != '\n') text += '\n';
    int number = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    std::ofstream(path(file)) << text << line << "\n";
    return number;
  }

  // The number of the first line of the file starting with `prefix`, or 0.
  int LineOf(const std::string& file, const std::string& prefix) const {
    std::ifstream in(path(file));
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.starts_with(prefix)) return number;
    }
    return 0;
  }

  std::string LoadError() const {
    auto recognizer = ActorRecognizer::Load(testing::Resources().base, dir());
    return recognizer ? std::string("loaded") : recognizer.error();
  }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

std::string Where(const BrokenData& data, const std::string& file, int line) {
  return data.path(file) + ":" + std::to_string(line) + ": ";
}

TEST(ActorLoaders, TheCopyLoads) {
  BrokenData data;
  EXPECT_EQ(data.LoadError(), "loaded");
}

TEST(ActorLoaders, BadInterCode) {
  BrokenData data;
  int line = data.Append("registry.tsv", "BAD_ACTOR\tBad\tBad\tسيء\t9\trebel\tSY\t\ttest");
  EXPECT_EQ(data.LoadError(),
            Where(data, "registry.tsv", line) + "inter must be an ACLED actor type 1..8, not '9'");
  auto registry = ActorRegistry::Load(data.dir());
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.error(), data.LoadError());
}

TEST(ActorLoaders, RegistryRows) {
  {
    BrokenData data;
    int line = data.Append("registry.tsv", "BAD_ACTOR\tBad\tBad\tسيء\t2\tgang\tSY\t\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", line) + "unknown kind 'gang'");
  }
  {
    BrokenData data;
    int line = data.Append("registry.tsv", "BAD_ACTOR\tBad\tBad\tسيء\t2\trebel\tSY\tNOBODY\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", line) + "unknown parent 'NOBODY'");
  }
  {
    BrokenData data;
    int line = data.Append("registry.tsv", "sdf\tBad\tBad\tسيء\t2\trebel\tSY\t\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", line) +
                                    "id must be UPPER_SNAKE (A-Z, 0-9, _; 3 or more), not 'sdf'");
  }
  {
    BrokenData data;
    int line = data.Append("registry.tsv", "SDF\tBad\tBad\tسيء\t2\trebel\tSY\t\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", line) + "actor 'SDF' is listed twice");
  }
  {
    BrokenData data;
    int line = data.Append("registry.tsv", "BAD_ACTOR\tBad\tBad\tسيء\t2\trebel\tXX\t\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", line) + "unknown country 'XX' (countries.tsv)");
  }
  {
    BrokenData data;
    int first = data.Append("registry.tsv", "LOOP_ONE\tBad\tBad\tسيء\t2\trebel\tSY\tLOOP_TWO\ttest");
    data.Append("registry.tsv", "LOOP_TWO\tBad\tBad\tسيء\t2\trebel\tSY\tLOOP_ONE\ttest");
    EXPECT_EQ(data.LoadError(), Where(data, "registry.tsv", first) + "parent chain of 'LOOP_ONE' loops");
  }
}

TEST(ActorLoaders, AliasOfUnknownActor) {
  BrokenData data;
  int line = data.Append("aliases.tsv", "قوات وهمية\tNOBODY\tstrong\t\t\t\t");
  EXPECT_EQ(data.LoadError(), Where(data, "aliases.tsv", line) + "unknown actor 'NOBODY' (registry.tsv)");
}

TEST(ActorLoaders, AliasRows) {
  {
    BrokenData data;
    int line = data.Append("aliases.tsv", "قوات وهمية\tSDF\tsure\t\t\t\t");
    EXPECT_EQ(data.LoadError(), Where(data, "aliases.tsv", line) +
                                    "strength must be strong, contextual, metonym or none, not 'sure'");
  }
  {
    BrokenData data;
    int line = data.Append("aliases.tsv", "قوات وهمية\tSDF\tcontextual\tcountry:XX\t\t\t");
    EXPECT_EQ(data.LoadError(),
              Where(data, "aliases.tsv", line) + "unknown country 'XX' in context (countries.tsv)");
  }
  {
    BrokenData data;
    int line = data.Append("aliases.tsv", "قوات وهمية\tSDF\tstrong\tISIS\t\t\t");
    EXPECT_EQ(data.LoadError(), Where(data, "aliases.tsv", line) + "only contextual rows have a context");
  }
  {
    // قسد is a strong row already: nothing after it could ever apply.
    BrokenData data;
    int line = data.Append("aliases.tsv", "قسد\tYPG\tcontextual\tSDF\t\t\t");
    std::string error = data.LoadError();
    EXPECT_EQ(error.rfind(Where(data, "aliases.tsv", line) + "form 'قسد' is the same as line ", 0), 0u)
        << error;
    EXPECT_NE(error.find("not contextual"), std::string::npos) << error;
  }
  {
    BrokenData data;
    int line = data.Append("aliases.tsv", "SDF\tSDF\tstrong\t\t\t\t");
    EXPECT_EQ(data.LoadError(), Where(data, "aliases.tsv", line) + "form 'SDF' has no Arabic word");
  }
}

TEST(ActorLoaders, OtherFiles) {
  {
    BrokenData data;
    int line = data.Append("nationality.tsv", "فرنسي\tFR\tFRANCE\tyes\t");
    EXPECT_EQ(data.LoadError(),
              Where(data, "nationality.tsv", line) + "unknown country 'FR' (countries.tsv)");
  }
  {
    BrokenData data;
    int line = data.Append("nationality.tsv", "مصري\tEG\tEGYPT_ARMY\tyes\t");
    EXPECT_EQ(data.LoadError(),
              Where(data, "nationality.tsv", line) + "unknown actor 'EGYPT_ARMY' (registry.tsv)");
  }
  {
    BrokenData data;
    int line = data.Append("roles.tsv", "حارس\tguard\tحراس\tyes\tyes\t");
    EXPECT_EQ(
        data.LoadError(),
        Where(data, "roles.tsv", line) +
            "class must be civilian, combatant, official, suspect, protester, person or none, not 'guard'");
  }
  {
    BrokenData data;
    int line = data.Append("roles.tsv", "مقاتلة\tcombatant\tعناصر\tyes\tyes\t");  // عناصر is عنصر's plural
    EXPECT_EQ(data.LoadError(), Where(data, "roles.tsv", line) +
                                    "form 'عناصر' is already a form of 'عنصر' (line " +
                                    std::to_string(data.LineOf("roles.tsv", "عنصر\t")) + ")");
  }
  {
    BrokenData data;
    int line = data.Append("force-heads.tsv", "كتيبة\tunit\tno\t");
    EXPECT_EQ(data.LoadError(),
              Where(data, "force-heads.tsv", line) + "role must be head, modifier, both or conjunction");
  }
}

}  // namespace
}  // namespace hadath::actors
