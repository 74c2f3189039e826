// hadath/api.h — the HTTP API over a store (`hadath serve`).
//
//   auto api = hadath::api::Api::Create(store, &gazetteer, options);
//   hadath::api::Response response = api->Handle({"GET", "/events", {{"admin1", "Deir ez-Zor"}}});
//   hadath::api::Serve(*api, "127.0.0.1", 8080);   // blocks
//
// Routes (data/api/openapi.json describes them; a test keeps the two equal):
//   GET  /events         filtered, sorted, cursor-paginated event records
//   GET  /events/{id}    one event: record, reports, evidence in its article text, joins, change log
//   GET  /places?q=      gazetteer look-up
//   GET  /stats          counts and fatalities by month, type, governorate, actor
//   GET  /export         the filtered events as jsonl, acled (CSV) or geojson, streamed
//   GET  /openapi.json   the description
//   POST /articles       ingest + extract + link one JSON article (only with a write token)
//   GET  /...            static files of the web page, from one folder
// Every parameter is checked: an unknown one, a bad date or number, a page
// over the limit are a 400 with a message saying what to fix. SQL sees
// values only as bound parameters.
//
// Thread safety: Handle() may be called from many threads; requests reach
// the store one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/gazetteer.h"
#include "hadath/status.h"
#include "hadath/store.h"

namespace hadath::api {

struct Request {
  std::string method;  // "GET", "POST"
  std::string path;    // without the query
  std::multimap<std::string, std::string> query;
  std::string body;
  std::string authorization;  // the Authorization header
};

// Writes one piece of a streamed body; returns false when the client is gone.
using Sink = std::function<bool(std::string_view)>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the body is produced piece by piece (chunked) instead.
  std::function<bool(const Sink&)> stream;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiOptions {
  int64_t default_page = 50;
  int64_t max_page = 500;
  int query_milliseconds = 5000;  // a query running longer is a 503
  size_t max_body_bytes = 1 << 20;
  std::string static_dir;   // the web page's files; "" serves none
  std::string write_token;  // "" keeps POST /articles off
  // Ingests, extracts and links one article (POST /articles); set by the
  // server when writing is on. Returns the ids of the events it touched.
  std::function<Result<std::vector<std::string>>(const std::string& json)> ingest;
  std::string data_dir = DataDir();  // for data/api/openapi.json
};

// A route and the query parameters it takes (for the description's test).
struct Route {
  std::string method, path;  // path in OpenAPI form: /events/{id}
  std::vector<std::string> parameters;
};

class Api {
 public:
  static Result<std::unique_ptr<Api>> Create(store::Store& store, const geo::Gazetteer* gazetteer,
                                             ApiOptions options);
  Response Handle(const Request& request);
  static const std::vector<Route>& Routes();
  const std::string& Description() const { return openapi_; }
  size_t max_body_bytes() const { return options_.max_body_bytes; }

  struct Handlers;  // defined in src/api/api.cc

 private:
  Api(store::Store& store, const geo::Gazetteer* gazetteer, ApiOptions options, std::string openapi)
      : store_(store), gazetteer_(gazetteer), options_(std::move(options)), openapi_(std::move(openapi)) {}
  store::Store& store_;
  const geo::Gazetteer* gazetteer_;
  ApiOptions options_;
  std::string openapi_;
  std::mutex store_mutex_;
};

// Serves `api` on host:port until `stop` returns true (checked about every
// 100 ms; nullptr: forever). `on_ready` gets the bound port (0 asks the
// system for a free one).
Status Serve(Api& api, const std::string& host, int port, const std::function<void(int)>& on_ready = nullptr,
             const std::function<bool()>& stop = nullptr);

}  // namespace hadath::api
