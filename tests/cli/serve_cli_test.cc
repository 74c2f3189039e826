// `hadath serve` as a user starts it: read-only unless given a token; with
// one, POST /articles ingests, extracts and links an article.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace hadath::cli_test {
namespace {

using Json = nlohmann::json;

// A port nobody listens on now.
int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

class ServeCliTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    gazetteer_ = GazetteerPath();
    if (gazetteer_.empty()) GTEST_SKIP() << "the gazetteer is not built";
    Outcome made = RunHadath("extract " + std::string(HADATH_SHARED_DIR) + "/seeds --db " + db_ +
                             " --gazetteer " + gazetteer_);
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  void TearDown() override {
    if (server_ > 0) kill(server_, SIGTERM), waitpid(server_, nullptr, 0);
    CliTest::TearDown();
  }
  // Starts the server; returns a client once it answers.
  std::unique_ptr<httplib::Client> Serve(const std::string& extra) {
    int port = FreePort();
    server_ = fork();
    if (server_ == 0) {
      std::string listen = "127.0.0.1:" + std::to_string(port);
      freopen((dir_ / "serve.log").c_str(), "w", stderr);
      execl(HADATH_BINARY, HADATH_BINARY, "serve", "--db", db_.c_str(), "--listen", listen.c_str(),
            "--gazetteer", gazetteer_.c_str(), "--static", In().c_str(),
            extra.empty() ? nullptr : "--write-token", extra.empty() ? nullptr : extra.c_str(), nullptr);
      _exit(127);
    }
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    for (int i = 0; i < 100; ++i) {
      if (auto answer = client->Get("/openapi.json"); answer && answer->status == 200) return client;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the server did not answer";
    return client;
  }

  std::string gazetteer_;
  pid_t server_ = -1;
};

const char* kArticle =
    R"({"id": "post-1", "source": "North Press", "published": "2023-03-12", "url": "", "content": )"
    R"("قُتل عنصران من قوات سوريا الديمقراطية، اليوم الأحد، بهجوم شنه مسلحون مجهولون على حاجز لهم في بلدة ذيبان بريف دير الزور الشرقي."})";

TEST_F(ServeCliTest, ReadOnlyWithoutAToken) {
  auto client = Serve("");
  auto events = client->Get("/events?limit=2");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->status, 200);
  auto post = client->Post("/articles", kArticle, "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
  EXPECT_THAT(post->body, HasSubstr("--write-token"));
}

TEST_F(ServeCliTest, APostedArticleIsIngestedExtractedAndLinked) {
  auto client = Serve("s3cret");
  auto unauthorised = client->Post("/articles", kArticle, "application/json");
  ASSERT_TRUE(unauthorised);
  EXPECT_EQ(unauthorised->status, 401);
  httplib::Headers token = {{"Authorization", "Bearer s3cret"}};
  auto broken = client->Post("/articles", token, "{not json", "application/json");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  auto posted = client->Post("/articles", token, kArticle, "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  Json ids = Json::parse(posted->body)["events"];
  ASSERT_EQ(ids.size(), 1u) << posted->body;
  auto event = client->Get("/events/" + ids[0].get<std::string>());
  ASSERT_TRUE(event);
  ASSERT_EQ(event->status, 200);
  Json record = Json::parse(event->body)["event"];
  EXPECT_EQ(record["actor2_id"], "SDF");
  EXPECT_EQ(record["admin1"], "Deir ez-Zor");
  // Posting it again changes nothing.
  auto again = client->Post("/articles", token, kArticle, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(Json::parse(again->body)["events"], ids);
}

}  // namespace
}  // namespace hadath::cli_test
