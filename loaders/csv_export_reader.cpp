// Reads back the four tables of `export --to csv` (exporters/csv_export.cpp writes them).

#include <map>
#include <set>
#include <unordered_map>

#include "cartelgraph/loaders/csv_cells.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/csv_table.hpp"

namespace cartelgraph {

namespace {

using detail::CsvCell;
using detail::CsvRow;
using detail::CsvTable;

// A relationship row as read, before the checks.
struct PendingRelation {
  const CsvCell* at;
  std::size_t from;
  std::size_t to;
  std::optional<std::size_t> place;
  Relation relation;
};

class ExportReader {
 public:
  ExportReader(const LoadLimits& limits, LoadResult& result) : limits_(limits), result_(result) {}

  void read(const CsvExportFiles& files) {
    if (!table(files.sources, detail::csv_sources_header, limits_.max_entities, "--max-entities", sources_) ||
        !table(files.nodes, detail::csv_nodes_header, limits_.max_entities, "--max-entities", nodes_) ||
        !table(files.relationships, detail::csv_relationships_header, limits_.max_relations, "--max-relations",
               relationships_) ||
        !table(files.citations, detail::csv_citations_header, limits_.max_relations, "--max-relations", citations_))
      return;
    for (const CsvRow& row : sources_.rows) read_source(row);
    for (const CsvRow& row : nodes_.rows) read_node(row);
    for (const CsvRow& row : relationships_.rows) read_relationship(row);
    entity_citations_.resize(entities_.size());
    relation_citations_.resize(pending_.size());
    for (const CsvRow& row : citations_.rows) read_citation(row);
    if (!result_.problems.empty()) return;
    build();
  }

 private:
  bool table(const FactFile& file, std::string_view header, std::size_t max_rows, std::string_view limit,
             CsvTable& into) {
    if (!detail::read_table(file, max_rows, limit, into, result_.problems)) return false;
    const std::string line = detail::header_line(into);
    // nodes.csv may end with analysis results (export --with), which are not facts: not read.
    if (line == header || (header == detail::csv_nodes_header && line.starts_with(std::string(header) + ",")))
      return true;
    fail(into, into.header.front(), "not the header of a cartelgraph CSV export (" + std::string(header) + ")");
    return false;
  }

  void fail(const CsvTable& table, const CsvCell& cell, std::string message) {
    result_.problems.push_back(detail::problem_at(table.path, cell, std::move(message)));
  }
  static std::string text(const CsvCell& cell) { return std::string(detail::unguarded(cell.text)); }

  void read_source(const CsvRow& row) {
    Source source{text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4]), text(row[5]), text(row[6])};
    const auto kind = parse<SourceKind>(text(row[7]));
    if (!kind)
      return fail(sources_, row[7], "'kind' is \"" + text(row[7]) + "\", expected " + joined_names<SourceKind>(" or "));
    source.kind = *kind;
    const std::string confidential = text(row[8]);
    if (confidential != "true" && confidential != "false")
      return fail(sources_, row[8], "'confidential' is \"" + confidential + "\", not true or false");
    source.confidential = confidential == "true";
    if (source.id.empty() || !source_ids_.insert(source.id).second)
      return fail(sources_, row[0], "a source without an id, or with a duplicate id '" + source.id + "'");
    graph_.add_source(std::move(source));
  }

  void read_node(const CsvRow& row) {
    Entity entity{text(row[0]), EntityType::person, text(row[1]), detail::split_list(text(row[3])), text(row[5]),
                  {},           text(row[6]),       text(row[4])};
    const auto type = parse_entity_type(text(row[2]));
    if (!type) return fail(nodes_, row[2], "unknown entity type '" + text(row[2]) + "'");
    entity.type = *type;
    if (entity.id.empty() || numbers_.contains(entity.id))
      return fail(nodes_, row[0], "an entity without an id, or with a duplicate id '" + entity.id + "'");
    numbers_.emplace(entity.id, entities_.size());
    ids_.push_back(entity.id);
    types_.push_back(entity.type);
    entities_.push_back(std::move(entity));
  }

  // The number of the entity `cell` names, or nullopt (reported) for an unknown one.
  std::optional<std::size_t> entity_number(const CsvCell& cell, std::string_view role) {
    const auto it = numbers_.find(text(cell));
    if (it != numbers_.end()) return it->second;
    fail(relationships_, cell, "unknown entity id '" + text(cell) + "' in '" + std::string(role) + "'");
    return std::nullopt;
  }

  std::optional<Date> date(const CsvCell& cell, std::string_view name, bool& ok) {
    if (cell.text.empty()) return std::nullopt;
    const auto parsed = Date::parse(text(cell));
    if (!parsed) {
      fail(relationships_, cell, "'" + std::string(name) + "' is \"" + text(cell) + "\", not a calendar date");
      ok = false;
    }
    return parsed;
  }

  void read_relationship(const CsvRow& row) {
    bool ok = true;
    const auto from = entity_number(row[0], ":START_ID");
    const auto to = entity_number(row[1], ":END_ID");
    Relation r;
    const auto kind = parse_relation_kind(detail::lower_ascii(text(row[2])));
    if (!kind) fail(relationships_, row[2], detail::unknown_kind_message(text(row[2])));
    r.kind = kind.value_or(RelationKind::associate_of);
    r.label = text(row[4]);
    r.since = date(row[5], "since", ok);
    r.until = date(row[6], "until", ok);
    r.known_by = date(row[7], "known_by", ok);
    r.ended_by = date(row[8], "ended_by", ok);
    r.place = text(row[9]);
    const auto place = r.place.empty() ? std::nullopt : entity_number(row[9], "place");
    r.weight = weight(row[10], ok);
    const auto confidence = parse_confidence(text(row[11]));
    if (!confidence)
      fail(relationships_, row[11],
           "'confidence' is \"" + text(row[11]) + "\", expected " + joined_names<Confidence>(" or "));
    r.confidence = confidence.value_or(Confidence::ungraded);
    r.storyline = text(row[12]);
    if (!relationship_numbers_.emplace(text(row[3]), pending_.size()).second)
      fail(relationships_, row[3], "duplicate relationship id '" + text(row[3]) + "'");
    if (from && to && kind && confidence && ok && (r.place.empty() || place))
      pending_.push_back({&row[0], *from, *to, place, std::move(r)});
    else pending_.push_back({&row[0], 0, 0, std::nullopt, {}});  // keeps the numbering; never built
  }

  std::optional<double> weight(const CsvCell& cell, bool& ok) {
    if (cell.text.empty()) return std::nullopt;
    const auto value = detail::finite_number(cell.text);
    if (!value) fail(relationships_, cell, "'weight' is \"" + cell.text + "\", not a finite number"), ok = false;
    return value;
  }

  void read_citation(const CsvRow& row) {
    Citation citation{text(row[2]), text(row[3]), text(row[5])};
    const auto support = parse<CitationSupport>(text(row[4]));
    if (!support)
      return fail(citations_, row[4],
                  "'support' is \"" + text(row[4]) + "\", expected " + joined_names<CitationSupport>(" or "));
    citation.support = *support;
    if (!source_ids_.contains(citation.source))
      return fail(citations_, row[2], "unknown source id '" + citation.source + "'");
    const std::string entity = text(row[0]), relationship = text(row[1]);
    if (entity.empty() == relationship.empty())
      return fail(citations_, row[0], "a citation names one entity or one relationship");
    if (!entity.empty()) {
      const auto it = numbers_.find(entity);
      if (it == numbers_.end()) return fail(citations_, row[0], "unknown entity id '" + entity + "'");
      entity_citations_[it->second].push_back(std::move(citation));
    } else {
      const auto it = relationship_numbers_.find(relationship);
      if (it == relationship_numbers_.end())
        return fail(citations_, row[1], "unknown relationship id '" + relationship + "'");
      relation_citations_[it->second].push_back(std::move(citation));
    }
  }

  void build() {
    for (std::size_t i = 0; i < entities_.size(); ++i) entities_[i].sources = std::move(entity_citations_[i]);
    for (std::size_t i = 0; i < pending_.size(); ++i) pending_[i].relation.sources = std::move(relation_citations_[i]);
    std::set<std::string> seen;
    const auto storyline = [&](const std::string& id) {
      if (!id.empty() && seen.insert(id).second) graph_.add_storyline({id, id});
    };
    for (const Entity& e : entities_) storyline(e.storyline);
    for (const PendingRelation& p : pending_) storyline(p.relation.storyline);
    detail::CsvRelations relations(result_.problems, result_.notes, ids_);
    for (PendingRelation& p : pending_)
      relations.submit(relationships_.path, *p.at, p.from, p.to, p.place, types_, std::move(p.relation));
    relations.finish(std::move(entities_), detail::Provenance::our_model, graph_);
    if (result_.problems.empty()) result_.graph = std::move(graph_);
  }

  const LoadLimits& limits_;
  LoadResult& result_;
  KnowledgeGraph graph_;
  CsvTable sources_, nodes_, relationships_, citations_;
  std::set<std::string> source_ids_;
  std::vector<Entity> entities_;
  std::vector<std::string> ids_;
  std::vector<EntityType> types_;
  std::unordered_map<std::string, std::size_t> numbers_;
  std::unordered_map<std::string, std::size_t> relationship_numbers_;
  std::vector<PendingRelation> pending_;
  // Citations by entity and by relationship, as read (the records' lists are immutable).
  std::vector<std::vector<Citation>> entity_citations_;
  std::vector<std::vector<Citation>> relation_citations_;
};

}  // namespace

LoadResult load_csv_export(const CsvExportFiles& files, const LoadLimits& limits) {
  LoadResult result;
  for (const FactFile* file : {&files.sources, &files.nodes, &files.relationships, &files.citations})
    if (!detail::within_size(*file, limits, result.problems)) return result;
  ExportReader(limits, result).read(files);
  return result;
}

}  // namespace cartelgraph
