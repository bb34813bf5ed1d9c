#include "cartelgraph/loaders/fact_loader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/json_positions.hpp"
#include "cartelgraph/loaders/schema_check.hpp"

namespace cartelgraph {

namespace {

using detail::JsonPositions;

constexpr unsigned parse_flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

// One file, parsed, with what is known about where its values are and which records are broken.
struct ParsedFile {
  const FactFile* file = nullptr;
  rapidjson::Document document;
  std::optional<JsonPositions> positions;  // indexed on the first problem in the file only
  bool usable = false;                  // parsed and its top level matches the schema
  std::set<std::string> broken_records;  // pointers such as "/entities/3"
};

// A place in the input: file and JSON Pointer.
struct Location {
  std::size_t file = 0;
  std::string pointer;
  std::size_t index = 0;  // position in its top-level array
};

struct EntityRecord {
  Location location;
  std::optional<EntityType> type;  // nullopt when the record is broken or its type unknown
  const rapidjson::Value* value = nullptr;  // nullptr when the record is broken
};

// "seeds/sinaloa_war.json" → "sinaloa_war".
std::string storyline_id(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".json")) name.resize(name.size() - 5);
  return name;
}

struct RelationRecord {
  Location location;
  RelationKind kind{};
  std::string from;
  std::string to;
  Relation relation;
};

std::string string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

class Loader {
 public:
  Loader(std::span<const FactFile> files, std::string_view schema) : schema_(schema) {
    parsed_.resize(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) parsed_[i].file = &files[i];
  }

  LoadResult run() {
    for (std::size_t i = 0; i < parsed_.size(); ++i) parse(i);
    collect_sources();
    collect_entities();
    check_entity_citations();
    collect_relations();

    LoadResult result;
    std::ranges::sort(problems_, {}, [](const Ordered& p) { return std::tie(p.file, p.offset); });
    for (auto& p : problems_) result.problems.push_back(std::move(p.problem));
    if (result.problems.empty()) build(result.graph);
    return result;
  }

 private:
  struct Ordered {
    std::size_t file;
    std::size_t offset;
    Problem problem;
  };

  std::size_t offset_of(const Location& at) {
    // Positions cost a second pass over the text: index a file only when it has a problem to
    // locate (or when entities are ordered for building a graph from several files).
    ParsedFile& file = parsed_[at.file];
    if (!file.positions) file.positions = JsonPositions::index(file.file->text);
    return file.positions->offset(at.pointer);
  }

  std::string where(const Location& at) {
    const auto position = detail::line_column(parsed_[at.file].file->text, offset_of(at));
    return parsed_[at.file].file->path + ':' + std::to_string(position.line) + ':' +
           std::to_string(position.column);
  }

  void report_at_offset(std::size_t file, std::size_t offset, std::string message) {
    const auto position = detail::line_column(parsed_[file].file->text, offset);
    problems_.push_back({file, offset,
                         {parsed_[file].file->path, position.line, position.column,
                          std::move(message)}});
  }

  void report(const Location& at, std::string message) {
    report_at_offset(at.file, offset_of(at), std::move(message));
  }

  void parse(std::size_t index) {
    ParsedFile& file = parsed_[index];
    const std::string& text = file.file->text;
    file.document.Parse<parse_flags>(text.data(), text.size());
    if (file.document.HasParseError()) {
      report_at_offset(index, file.document.GetErrorOffset(),
                       std::string("JSON syntax error: ") +
                           rapidjson::GetParseError_En(file.document.GetParseError()));
      return;
    }
    for (auto& violation : schema_.check(file.document)) {
      // "/entities/3/name" → the broken record is "/entities/3"; a top-level violation
      // makes the whole file unusable.
      const auto second = violation.pointer.find('/', 1);
      const auto third = second == std::string::npos ? second : violation.pointer.find('/', second + 1);
      if (second == std::string::npos) {
        report({index, violation.pointer}, violation.message);
        return;
      }
      file.broken_records.insert(violation.pointer.substr(0, third));
      report({index, violation.pointer}, violation.message);
    }
    file.usable = true;
  }

  // Calls visit(location, value, broken) for each element of top-level array `name`.
  template <class Visit>
  void for_each_record(const char* name, Visit visit) {
    for (std::size_t f = 0; f < parsed_.size(); ++f) {
      ParsedFile& file = parsed_[f];
      if (!file.usable || !file.document.HasMember(name)) continue;
      const auto& array = file.document[name];
      for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
        Location at{f, '/' + std::string(name) + '/' + std::to_string(i), i};
        const bool broken = file.broken_records.contains(at.pointer);
        visit(at, array[i], broken);
      }
    }
  }

  void collect_sources() {
    for_each_record("sources", [&](const Location& at, const rapidjson::Value& value, bool broken) {
      const std::string id = string_member(value, "id");
      if (id.empty()) return;
      if (const auto it = sources_.find(id); it != sources_.end()) {
        report({at.file, at.pointer + "/id"},
               "duplicate source id '" + id + "' (first defined at " + where(it->second.first) + ")");
        return;
      }
      sources_.emplace(id, std::make_pair(at, broken ? nullptr : &value));
      if (broken) return;
      if (const std::string published = string_member(value, "published");
          !Date::parse(published))
        report({at.file, at.pointer + "/published"},
               "'published' is \"" + published + "\", not a calendar date");
    });
  }

  void collect_entities() {
    for_each_record("entities", [&](const Location& at, const rapidjson::Value& value, bool broken) {
      const std::string id = string_member(value, "id");
      if (id.empty()) return;
      if (const auto it = entities_.find(id); it != entities_.end()) {
        report({at.file, at.pointer + "/id"},
               "duplicate entity id '" + id + "' (first defined at " + where(it->second.location) + ")");
        return;
      }
      EntityRecord record{at, std::nullopt, broken ? nullptr : &value};
      if (!broken) {
        const std::string type = string_member(value, "type");
        record.type = parse_entity_type(type);
        if (!record.type) {
          report({at.file, at.pointer + "/type"}, "unknown entity type '" + type + "'");
          record.value = nullptr;
        }
      }
      entities_.emplace(id, record);
    });
  }

  void check_citations(const Location& at, const rapidjson::Value& record) {
    const auto& citations = record["sources"];
    for (rapidjson::SizeType i = 0; i < citations.Size(); ++i) {
      const std::string source = string_member(citations[i], "source");
      if (!sources_.contains(source) && !maybe_in_unreadable_file(source))
        report({at.file, at.pointer + "/sources/" + std::to_string(i) + "/source"},
               "unknown source id '" + source + "'");
    }
  }

  void check_entity_citations() {
    for (const auto& [id, record] : entities_)
      if (record.value) check_citations(record.location, *record.value);
  }

  // The date in member `name` of `value`; reports a date that is not on the calendar.
  std::optional<Date> date_member(const Location& at, const rapidjson::Value& value,
                                  const char* name, bool& ok) {
    if (!value.HasMember(name)) return std::nullopt;
    const std::string text = string_member(value, name);
    auto date = Date::parse(text);
    if (!date) {
      report({at.file, at.pointer + '/' + name},
             "'" + std::string(name) + "' is \"" + text + "\", not a calendar date");
      ok = false;
    }
    return date;
  }

  // True if `id` may be defined in a file that could not be read (it appears there quoted):
  // an unknown id is then not reported, so one syntax error does not bury the real problems
  // under every reference to the ids that file defines.
  bool maybe_in_unreadable_file(const std::string& id) const {
    const std::string quoted = '"' + id + '"';
    return std::ranges::any_of(parsed_, [&](const ParsedFile& file) {
      return !file.usable && file.file->text.find(quoted) != std::string::npos;
    });
  }

  // The entity `id` names, reporting an unknown id at member `member` of the relation.
  const EntityRecord* endpoint(const Location& at, const std::string& id, const char* member,
                               bool& ok) {
    const auto it = entities_.find(id);
    if (it == entities_.end()) {
      if (!maybe_in_unreadable_file(id))
        report({at.file, at.pointer + '/' + member}, "unknown entity id '" + id + "'");
      ok = false;
      return nullptr;
    }
    return &it->second;
  }

  void collect_relations() {
    for_each_record("relations", [&](const Location& at, const rapidjson::Value& value, bool broken) {
      if (broken) return;
      bool ok = true;
      RelationRecord record;
      record.location = at;
      const std::string kind_name = string_member(value, "kind");
      const auto kind = parse_relation_kind(kind_name);
      if (!kind) {
        report({at.file, at.pointer + "/kind"}, "unknown relation kind '" + kind_name + "'");
        ok = false;
      }
      record.from = string_member(value, "from");
      record.to = string_member(value, "to");
      const EntityRecord* from = endpoint(at, record.from, "from", ok);
      const EntityRecord* to = endpoint(at, record.to, "to", ok);
      if (record.from == record.to) {
        report({at.file, at.pointer + "/to"}, "relation links '" + record.from + "' to itself");
        ok = false;
      }
      if (kind && from && to && from->type && to->type && !allows(*kind, *from->type, *to->type)) {
        const KindInfo& info = kind_info(*kind);
        report({at.file, at.pointer + "/kind"},
               "'" + kind_name + "' links " + describe(info.from) + " → " + describe(info.to) +
                   ", not " + std::string(to_string(*from->type)) + " → " +
                   std::string(to_string(*to->type)));
        ok = false;
      }

      record.relation.since = date_member(at, value, "since", ok);
      record.relation.until = date_member(at, value, "until", ok);
      if (record.relation.since && record.relation.until &&
          record.relation.until->last_day() < record.relation.since->first_day()) {
        report({at.file, at.pointer + "/until"},
               "'since' (" + record.relation.since->to_string() + ") is after 'until' (" +
                   record.relation.until->to_string() + ")");
        ok = false;
      }

      if (value.HasMember("place")) {
        record.relation.place = string_member(value, "place");
        const auto it = entities_.find(record.relation.place);
        if (it == entities_.end()) {
          if (!maybe_in_unreadable_file(record.relation.place))
            report({at.file, at.pointer + "/place"},
                 "unknown entity id '" + record.relation.place + "' in 'place'");
          ok = false;
        } else if (it->second.type && *it->second.type != EntityType::place) {
          report({at.file, at.pointer + "/place"},
                 "'place' is '" + record.relation.place + "', a " +
                     std::string(to_string(*it->second.type)) + ", not a place");
          ok = false;
        }
      }
      check_citations(at, value);
      if (!ok) return;

      record.kind = *kind;
      record.relation.kind = *kind;
      record.relation.confidence = *parse_confidence(string_member(value, "confidence"));
      if (const auto weight = value.FindMember("weight"); weight != value.MemberEnd())
        record.relation.weight = weight->value.GetDouble();
      record.relation.sources = citations(value);
      record.relation.storyline = storyline_id(parsed_[at.file].file->path);

      // The same tie twice (either direction for a symmetric kind) with the same dates.
      auto [a, b] = std::minmax(record.from, record.to);
      auto key = kind_info(*kind).symmetric ? std::make_tuple(*kind, a, b)
                                            : std::make_tuple(*kind, record.from, record.to);
      auto dates = std::make_pair(record.relation.since, record.relation.until);
      auto& seen = relation_keys_[key];
      for (const auto& [earlier_dates, earlier] : seen)
        if (earlier_dates == dates) {
          report({at.file, at.pointer}, "duplicate relation: same kind, ends and dates as at " +
                                            where(earlier));
          return;
        }
      seen.emplace_back(dates, at);
      relations_.push_back(std::move(record));
    });
  }

  static std::vector<Citation> citations(const rapidjson::Value& record) {
    std::vector<Citation> result;
    for (const auto& citation : record["sources"].GetArray())
      result.push_back({string_member(citation, "source"), string_member(citation, "section"),
                        string_member(citation, "note")});
    return result;
  }

  void build(KnowledgeGraph& graph) const {
    // Sources and entities in input order (file, then position), so vertex numbers are stable.
    std::vector<std::pair<Location, const rapidjson::Value*>> sources;
    for (const auto& [id, entry] : sources_) sources.push_back(entry);
    std::vector<const EntityRecord*> entities;
    for (const auto& [id, record] : entities_) entities.push_back(&record);
    const auto in_order = [](const Location& a, const Location& b) {
      return std::tie(a.file, a.index) < std::tie(b.file, b.index);
    };
    std::ranges::sort(sources, [&](const auto& a, const auto& b) { return in_order(a.first, b.first); });
    std::ranges::sort(entities, [&](const auto* a, const auto* b) {
      return in_order(a->location, b->location);
    });

    for (const ParsedFile& file : parsed_) {
      const std::string id = storyline_id(file.file->path);
      const std::string title = string_member(file.document, "title");
      graph.add_storyline({id, title.empty() ? id : title});
    }
    for (const auto& [at, value] : sources) {
      graph.add_source({string_member(*value, "id"), string_member(*value, "title"),
                        string_member(*value, "author"), string_member(*value, "publisher"),
                        string_member(*value, "published"), string_member(*value, "url"),
                        string_member(*value, "document")});
    }
    for (const EntityRecord* record : entities) {
      const rapidjson::Value& value = *record->value;
      Entity entity;
      entity.id = string_member(value, "id");
      entity.type = *record->type;
      entity.name = string_member(value, "name");
      if (value.HasMember("aliases"))
        for (const auto& alias : value["aliases"].GetArray())
          entity.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
      entity.description = string_member(value, "description");
      entity.sources = citations(value);
      entity.storyline = storyline_id(parsed_[record->location.file].file->path);
      graph.add_entity(std::move(entity));
    }
    for (const auto& record : relations_)
      graph.add_relation(*graph.find(record.from), *graph.find(record.to), record.relation);
  }

  detail::SchemaCheck schema_;
  std::vector<ParsedFile> parsed_;
  std::vector<Ordered> problems_;
  std::map<std::string, std::pair<Location, const rapidjson::Value*>, std::less<>> sources_;
  std::map<std::string, EntityRecord, std::less<>> entities_;
  std::vector<RelationRecord> relations_;
  std::map<std::tuple<RelationKind, std::string, std::string>,
           std::vector<std::pair<std::pair<std::optional<Date>, std::optional<Date>>, Location>>>
      relation_keys_;
};

}  // namespace

LoadResult load_facts(std::span<const FactFile> files, std::string_view schema) {
  return Loader(files, schema).run();
}

LoadResult load_facts(std::span<const FactFile> files) { return load_facts(files, builtin_schema()); }

KnowledgeGraph load_facts_or_throw(std::span<const FactFile> files) {
  LoadResult result = load_facts(files);
  if (!result.problems.empty()) throw LoadError(std::move(result.problems));
  return std::move(result.graph);
}

}  // namespace cartelgraph
