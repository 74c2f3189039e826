#include "events/builder.h"
#include "events/clauses.h"
#include "events/incidents.h"
#include "events/resources.h"
#include "hadath/events.h"

namespace hadath::events {

Result<EventExtractor> EventExtractor::Load(const geo::Gazetteer& gazetteer, const std::string& data_dir) {
  auto resources = LoadResources(gazetteer, data_dir);
  if (!resources) return resources.status();
  return EventExtractor(std::move(*resources));
}

std::vector<Event> EventExtractor::Extract(const Document& document) const {
  std::vector<Clause> clauses = ReadClauses(document, *resources_);
  ArticleFacts facts = ReadArticle(clauses, document);
  std::vector<Event> events;
  for (const Incident& incident : GroupIncidents(clauses, document))
    if (std::optional<Event> event = BuildEvent(incident, facts, document, *resources_))
      events.push_back(std::move(*event));
  return events;
}

}  // namespace hadath::events
