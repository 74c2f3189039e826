// The API's routes: parameters checked, the store queried, JSON written.
#include "hadath/api.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/static_files.h"
#include "hadath/export.h"

namespace hadath::api {
namespace {

using Json = nlohmann::json;

// A request's mistake: the message says what to fix.
struct BadRequest {
  int status;
  std::string message;
};

Response JsonResponse(int status, const Json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return response;
}

Response Error(int status, const std::string& message) { return JsonResponse(status, {{"error", message}}); }

const std::vector<std::string> kFilterParameters = {
    "date_from",      "date_to",        "admin1",   "admin2", "place_id", "actor",      "event_type",
    "sub_event_type", "min_fatalities", "civilian", "bbox",   "q",        "background", "changed_since"};

std::vector<std::string> With(std::vector<std::string> list, std::initializer_list<const char*> more) {
  list.insert(list.end(), more.begin(), more.end());
  return list;
}

// The query parameters of a request, each checked once.
class Parameters {
 public:
  Parameters(const Request& request, const std::vector<std::string>& known) : request_(request) {
    for (const auto& [name, value] : request.query) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        throw BadRequest{
            400, "unknown parameter '" + name + "'; this route takes: " + (list.empty() ? "none" : list)};
      }
      if (request.query.count(name) > 1) throw BadRequest{400, "parameter '" + name + "' is given twice"};
    }
  }

  std::string Text(const std::string& name, size_t max_length = 200) const {
    auto found = request_.query.find(name);
    if (found == request_.query.end()) return "";
    if (found->second.size() > max_length)
      throw BadRequest{400,
                       "parameter '" + name + "' is longer than " + std::to_string(max_length) + " bytes"};
    return found->second;
  }

  std::string Date(const std::string& name) const {
    std::string value = Text(name, 10);
    if (value.empty()) return value;
    bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
      shaped = shaped && std::isdigit(static_cast<unsigned char>(value[i]));
    if (!shaped)
      throw BadRequest{400, "parameter '" + name + "' must be a day as YYYY-MM-DD, not '" + value + "'"};
    return value;
  }

  std::optional<int64_t> Integer(const std::string& name, int64_t low, int64_t high) const {
    std::string value = Text(name, 20);
    if (value.empty()) return std::nullopt;
    int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < low || number > high)
      throw BadRequest{400, "parameter '" + name + "' must be a whole number from " + std::to_string(low) +
                                " to " + std::to_string(high) + ", not '" + value + "'"};
    return number;
  }

  bool Flag(const std::string& name) const {
    std::string value = Text(name, 5);
    if (value.empty() || value == "0" || value == "false") return false;
    if (value == "1" || value == "true") return true;
    throw BadRequest{400, "parameter '" + name + "' must be true or false, not '" + value + "'"};
  }

 private:
  const Request& request_;
};

std::vector<double> Numbers(const std::string& text, char separator) {
  std::vector<double> numbers;
  std::stringstream in(text);
  std::string piece;
  while (std::getline(in, piece, separator)) {
    double value = 0;
    auto [end, error] = std::from_chars(piece.data(), piece.data() + piece.size(), value);
    if (error != std::errc() || end != piece.data() + piece.size()) return {};
    numbers.push_back(value);
  }
  return numbers;
}

store::EventFilter FilterOf(const Parameters& p) {
  store::EventFilter filter;
  filter.date_from = p.Date("date_from");
  filter.date_to = p.Date("date_to");
  filter.admin1 = p.Text("admin1");
  filter.admin2 = p.Text("admin2");
  filter.place_id = p.Text("place_id");
  filter.actor_id = p.Text("actor");
  filter.event_type = p.Text("event_type");
  filter.sub_event_type = p.Text("sub_event_type");
  filter.min_fatalities = p.Integer("min_fatalities", 0, 1000000);
  filter.civilian_only = p.Flag("civilian");
  filter.text = p.Text("q");
  filter.include_background = p.Flag("background");
  filter.changed_since = p.Text("changed_since", 40);
  if (std::string bbox = p.Text("bbox", 100); !bbox.empty()) {
    std::vector<double> box = Numbers(bbox, ',');
    if (box.size() != 4 || box[0] > box[2] || box[1] > box[3] || box[1] < -90 || box[3] > 90 ||
        box[0] < -180 || box[2] > 180)
      throw BadRequest{400, "parameter 'bbox' must be west,south,east,north in degrees, not '" + bbox + "'"};
    filter.west = box[0], filter.south = box[1], filter.east = box[2], filter.north = box[3];
  }
  if (!filter.date_from.empty() && !filter.date_to.empty() && filter.date_from > filter.date_to)
    throw BadRequest{400, "date_from is after date_to"};
  return filter;
}

store::EventOrder OrderOf(const Parameters& p) {
  std::string sort = p.Text("sort", 20);
  if (sort.empty() || sort == "date") return store::EventOrder::kDate;
  if (sort == "-date") return store::EventOrder::kDateDescending;
  if (sort == "-fatalities") return store::EventOrder::kFatalitiesDescending;
  throw BadRequest{400, "parameter 'sort' must be date, -date or -fatalities, not '" + sort + "'"};
}

template <typename T>
T Checked(Result<T> result) {
  if (result) return std::move(*result);
  const std::string& message = result.error();
  if (message.find("too long") != std::string::npos)
    throw BadRequest{503, "the query took too long; narrow the filters"};
  if (message.rfind("not a cursor", 0) == 0) throw BadRequest{400, message};
  throw BadRequest{500, "store: " + message};
}

Json ParseRecord(const std::string& text) { return Json::parse(text, nullptr, false); }

// The bytes of `raw` around [start, end), widened to whole UTF-8 characters.
std::pair<size_t, size_t> Around(const std::string& raw, size_t start, size_t end, size_t margin) {
  size_t from = start > margin ? start - margin : 0, to = std::min(raw.size(), end + margin);
  auto continuation = [&](size_t at) {
    return at < raw.size() && (static_cast<unsigned char>(raw[at]) & 0xC0) == 0x80;
  };
  while (from > 0 && continuation(from)) --from;
  while (to < raw.size() && continuation(to)) ++to;
  return {from, to};
}

}  // namespace

struct Api::Handlers {
  static Response Events(Api& api, const Request& request) {
    Parameters p(request, With(kFilterParameters, {"sort", "limit", "cursor"}));
    store::EventFilter filter = FilterOf(p);
    int64_t limit = p.Integer("limit", 1, api.options_.max_page).value_or(api.options_.default_page);
    std::lock_guard lock(api.store_mutex_);
    store::EventPage page = Checked(api.store_.QueryEvents(filter, OrderOf(p), limit, p.Text("cursor", 600)));
    // The stored records are JSON objects already: copied, not parsed again.
    Response response;
    response.body = R"({"events":[)";
    for (size_t i = 0; i < page.events.size(); ++i) response.body += (i ? "," : "") + page.events[i].record;
    response.body +=
        R"(],"next_cursor":)" + (page.next_cursor.empty() ? Json() : Json(page.next_cursor)).dump() + "}";
    return response;
  }

  static Response Event(Api& api, const Request& request, const std::string& id) {
    Parameters p(request, {});
    std::lock_guard lock(api.store_mutex_);
    auto found = api.store_.FindEvent(id);
    if (!found) return Error(404, found.error());
    Json context = Json::array();
    std::string loaded_id, raw;
    for (const store::EvidenceRecord& evidence : found->evidence) {
      if (evidence.role != "event") continue;
      if (evidence.doc_id != loaded_id) {
        auto document = api.store_.LoadDocument(evidence.doc_id);
        loaded_id = evidence.doc_id;
        raw = document ? document->article.raw : "";
      }
      if (static_cast<size_t>(evidence.raw_end) > raw.size()) continue;
      auto [from, to] = Around(raw, evidence.raw_start, evidence.raw_end, 300);
      context.push_back({{"document", evidence.doc_id},
                         {"clause_start", evidence.raw_start},
                         {"clause_end", evidence.raw_end},
                         {"start", from},
                         {"end", to},
                         {"text", Json(raw.substr(from, to - from))}});
    }
    auto changes = api.store_.ListChanges(found->event.id, "");
    Json log = Json::array();
    if (changes)
      for (const store::EventChange& change : *changes)
        log.push_back(
            {{"changed_at", change.changed_at}, {"change", change.change}, {"reason", change.reason}});
    Json joins = ParseRecord(found->event.joins);
    return JsonResponse(200, {{"event", ParseRecord(found->event.record)},
                              {"reports", found->report_ids},
                              {"context", std::move(context)},
                              {"joins", joins.is_array() ? joins : Json::array()},
                              {"changes", std::move(log)},
                              {"created_at", found->event.created_at},
                              {"updated_at", found->event.updated_at}});
  }

  static Response Places(Api& api, const Request& request) {
    Parameters p(request, {"q", "limit"});
    std::string q = p.Text("q", 100);
    if (q.empty()) throw BadRequest{400, "parameter 'q' (a place name, Arabic or English) is required"};
    int64_t limit = p.Integer("limit", 1, 100).value_or(20);
    if (!api.gazetteer_) return Error(503, "this server has no gazetteer");
    Json places = Json::array();
    for (const geo::Place* place : api.gazetteer_->FindByName(q)) {
      if (static_cast<int64_t>(places.size()) >= limit) break;
      places.push_back({{"id", place->source_id},
                        {"name_en", place->name_en},
                        {"name_ar", place->names_ar.empty() ? "" : place->names_ar.front()},
                        {"kind", geo::PlaceKindName(place->kind)},
                        {"latitude", place->has_coordinates ? Json(place->latitude) : Json()},
                        {"longitude", place->has_coordinates ? Json(place->longitude) : Json()},
                        {"country", place->country},
                        {"admin1", place->admin1.name_en},
                        {"admin2", place->admin2.name_en}});
    }
    return JsonResponse(200, {{"places", std::move(places)}});
  }

  static Response Stats(Api& api, const Request& request) {
    Parameters p(request, kFilterParameters);
    store::EventFilter filter = FilterOf(p);
    std::lock_guard lock(api.store_mutex_);
    store::EventTallies tallies = Checked(api.store_.TallyEvents(filter));
    auto list = [](const std::vector<store::EventTally>& rows) {
      Json out = Json::array();
      for (const store::EventTally& row : rows)
        out.push_back({{"key", row.key}, {"events", row.events}, {"fatalities", row.fatalities}});
      return out;
    };
    return JsonResponse(200, {{"events", tallies.events},
                              {"fatalities", tallies.fatalities},
                              {"by_month", list(tallies.by_month)},
                              {"by_type", list(tallies.by_type)},
                              {"by_admin1", list(tallies.by_admin1)},
                              {"by_actor", list(tallies.by_actor)}});
  }

  static Response Export(Api& api, const Request& request) {
    Parameters p(request, With(kFilterParameters, {"format", "sort"}));
    std::string name = p.Text("format", 10);
    auto format = exporter::ParseFormat(name.empty() ? "jsonl" : name);
    if (!format)
      throw BadRequest{400, "parameter 'format' must be jsonl, acled or geojson, not '" + name + "'"};
    store::EventFilter filter = FilterOf(p);
    store::EventOrder order = OrderOf(p);
    Response response;
    response.content_type = *format == exporter::Format::kAcled     ? "text/csv; charset=utf-8"
                            : *format == exporter::Format::kGeojson ? "application/geo+json"
                                                                    : "application/x-ndjson";
    const char* extension = *format == exporter::Format::kAcled ? "csv" : exporter::FormatName(*format);
    response.headers.emplace_back("Content-Disposition",
                                  std::string("attachment; filename=\"events.") + extension + "\"");
    // Pages of events, each written and sent before the next is read.
    response.stream = [&api, filter, order, format = *format](const Sink& sink) {
      std::ostringstream out;
      exporter::RecordWriter writer(format, out);
      std::string cursor;
      do {
        store::EventPage page;
        {
          std::lock_guard lock(api.store_mutex_);
          auto next = api.store_.QueryEvents(filter, order, 500, cursor);
          if (!next) return false;
          page = std::move(*next);
        }
        for (const store::EventRecord& event : page.events) (void)writer.AddText(event.record);
        if (!sink(out.str())) return false;
        out.str("");
        cursor = page.next_cursor;
      } while (!cursor.empty());
      writer.Finish();
      return sink(out.str());
    };
    return response;
  }

  static Response Articles(Api& api, const Request& request) {
    if (api.options_.write_token.empty() || !api.options_.ingest)
      return Error(403, "writing is off: start the server with --write-token");
    if (request.authorization != "Bearer " + api.options_.write_token)
      return Error(401, "send the write token as 'Authorization: Bearer TOKEN'");
    Parameters p(request, {});
    if (request.body.size() > api.options_.max_body_bytes)
      return Error(413,
                   "the article is larger than " + std::to_string(api.options_.max_body_bytes) + " bytes");
    Json article = Json::parse(request.body, nullptr, false);
    if (!article.is_object() || !article.contains("content") || !article["content"].is_string())
      return Error(400, "send one JSON object with at least \"content\" (and id, published, url, source)");
    std::lock_guard lock(api.store_mutex_);
    auto touched = api.options_.ingest(request.body);
    if (!touched) return Error(422, touched.error());
    return JsonResponse(201, {{"events", *touched}});
  }
};

const std::vector<Route>& Api::Routes() {
  static const std::vector<Route> routes = {
      {"GET", "/events", With(kFilterParameters, {"sort", "limit", "cursor"})},
      {"GET", "/events/{id}", {}},
      {"GET", "/places", {"q", "limit"}},
      {"GET", "/stats", kFilterParameters},
      {"GET", "/export", With(kFilterParameters, {"format", "sort"})},
      {"GET", "/openapi.json", {}},
      {"POST", "/articles", {}},
  };
  return routes;
}

Result<std::unique_ptr<Api>> Api::Create(store::Store& store, const geo::Gazetteer* gazetteer,
                                         ApiOptions options) {
  std::ifstream file(options.data_dir + "/api/openapi.json");
  if (!file) return Status::Error(options.data_dir + "/api/openapi.json: cannot read");
  std::string openapi((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (!Json::accept(openapi)) return Status::Error(options.data_dir + "/api/openapi.json: not JSON");
  store.SetQueryTimeLimit(options.query_milliseconds);
  return std::unique_ptr<Api>(new Api(store, gazetteer, std::move(options), std::move(openapi)));
}

Response Api::Handle(const Request& request) {
  try {
    const std::string& path = request.path;
    bool get = request.method == "GET" || request.method == "HEAD";
    if (path == "/events" && get) return Handlers::Events(*this, request);
    if (path.rfind("/events/", 0) == 0 && get && path.size() > 8 && path.find('/', 8) == std::string::npos)
      return Handlers::Event(*this, request, path.substr(8));
    if (path == "/places" && get) return Handlers::Places(*this, request);
    if (path == "/stats" && get) return Handlers::Stats(*this, request);
    if (path == "/export" && get) return Handlers::Export(*this, request);
    if (path == "/openapi.json" && get) {
      Response response;
      response.body = openapi_;
      return response;
    }
    if (path == "/articles") {
      if (request.method != "POST") return Error(405, "use POST for /articles");
      return Handlers::Articles(*this, request);
    }
    for (const Route& route : Routes())
      if (route.path == path) return Error(405, "use " + route.method + " for " + path);
    if (!get) return Error(405, "only GET (and POST /articles) are served");
    if (options_.static_dir.empty()) return Error(404, "no such route: " + path + " (see /openapi.json)");
    return ServeStatic(options_.static_dir, path);
  } catch (const BadRequest& bad) {
    return Error(bad.status, bad.message);
  }
}

}  // namespace hadath::api
