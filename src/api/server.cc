// Serve(): the API over HTTP with cpp-httplib (Debian's libcpp-httplib).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "hadath/api.h"

namespace hadath::api {
namespace {

Request ToRequest(const httplib::Request& request) {
  Request out;
  out.method = request.method;
  out.path = request.path;
  for (const auto& [name, value] : request.params) out.query.emplace(name, value);
  out.body = request.body;
  out.authorization = request.get_header_value("Authorization");
  return out;
}

void Answer(Api& api, const httplib::Request& request, httplib::Response& response) {
  Response out = api.Handle(ToRequest(request));
  response.status = out.status;
  for (const auto& [name, value] : out.headers) response.set_header(name, value);
  if (!out.stream) {
    response.set_content(out.body, out.content_type);
    return;
  }
  response.set_chunked_content_provider(
      out.content_type, [stream = out.stream](size_t, httplib::DataSink& sink) {
        bool finished = stream(
            [&](std::string_view piece) { return piece.empty() || sink.write(piece.data(), piece.size()); });
        if (finished) sink.done();
        return finished;
      });
}

}  // namespace

Status Serve(Api& api, const std::string& host, int port, const std::function<void(int)>& on_ready,
             const std::function<bool()>& stop) {
  httplib::Server server;
  server.set_payload_max_length(api.max_body_bytes());
  server.set_read_timeout(10, 0);
  server.set_write_timeout(30, 0);
  auto handler = [&api](const httplib::Request& request, httplib::Response& response) {
    Answer(api, request, response);
  };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) return Status::Error("cannot listen on " + host + ":" + std::to_string(port));
  if (on_ready) on_ready(bound);
  std::atomic<bool> done = false;
  std::thread watcher;
  if (stop)
    watcher = std::thread([&] {
      while (!done && !stop()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      server.stop();
    });
  bool served = server.listen_after_bind();
  done = true;
  if (watcher.joinable()) watcher.join();
  return served || stop ? Status::Ok() : Status::Error("the server stopped with an error");
}

}  // namespace hadath::api
