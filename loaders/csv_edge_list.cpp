// Edge lists and node tables from spreadsheets and Neo4j import files (README, "CSV in").

#include <map>
#include <unordered_map>

#include "cartelgraph/graph/normalize.hpp"
#include "cartelgraph/loaders/csv_cells.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/csv_table.hpp"

namespace cartelgraph {

namespace {

using detail::CsvCell;
using detail::CsvRow;
using detail::CsvTable;

// What a column may hold, the option that names it and the headers it is found by otherwise.
struct Role {
  std::string_view what;
  std::string CsvColumns::*chosen;
  std::initializer_list<std::string_view> usual;
};

const Role from_role{"from", &CsvColumns::from, {"from", "source", "src", ":START_ID"}};
const Role to_role{"to", &CsvColumns::to, {"to", "target", "dst", ":END_ID"}};
const Role kind_role{"kind", &CsvColumns::kind, {"kind", "type", ":TYPE", "relation", "relationship"}};
const Role weight_role{"weight", &CsvColumns::weight, {"weight", "count"}};
const Role since_role{"since", &CsvColumns::since, {"since", "start"}};
const Role until_role{"until", &CsvColumns::until, {"until", "end"}};
const Role confidence_role{"confidence", &CsvColumns::confidence, {"confidence"}};
const Role id_role{"id", &CsvColumns::id, {"id", ":ID"}};
const Role name_role{"name", &CsvColumns::name, {"name", "label"}};
const Role type_role{"type", &CsvColumns::type, {"type", ":LABEL"}};
const Role no_option{"", nullptr, {}};

// A column's index in one table, or nullopt.
using Column = std::optional<std::size_t>;

// Finds the columns of a table and remembers which it used.
class Columns {
 public:
  Columns(const CsvTable& table, const CsvColumns& chosen, std::vector<Problem>& problems)
      : table_(table), chosen_(chosen), problems_(problems), used_(table.header.size()) {}

  // The column of `role`: the one the user named (a problem if there is none), else the first
  // with a usual header; `extra` are more usual headers for roles without an option.
  Column find(const Role& role, std::initializer_list<std::string_view> extra = {}) {
    const std::string named = role.chosen ? chosen_.*role.chosen : std::string();
    for (std::size_t i = 0; i < table_.header.size(); ++i) {
      const std::string name = detail::column_name(table_.header[i].text);
      const std::string tag = detail::column_tag(table_.header[i].text);
      const bool match = named.empty()
                             ? contains(role.usual, name) || contains(role.usual, tag) || contains(extra, name)
                             : table_.header[i].text == named || name == detail::lower_ascii(named);
      if (match && !used_[i]) return use(i);
    }
    if (!named.empty())
      problems_.push_back(detail::problem_at(table_.path, table_.header.front(),
                                             "no column '" + named + "' (--" + std::string(role.what) +
                                                 "-column or the mapping file); the header is " +
                                                 detail::header_line(table_)));
    return std::nullopt;
  }
  // The first column no role has taken.
  Column next_free() {
    for (std::size_t i = 0; i < used_.size(); ++i)
      if (!used_[i]) return use(i);
    return std::nullopt;
  }
  // "columns not read: a, b", or "" when every column was read.
  [[nodiscard]] std::string unused() const {
    std::string names;
    for (std::size_t i = 0; i < used_.size(); ++i)
      if (!used_[i]) names += (names.empty() ? "" : ", ") + table_.header[i].text;
    return names.empty() ? names : "columns not read: " + names + " (README, \"CSV in\")";
  }

 private:
  static bool contains(std::initializer_list<std::string_view> names, std::string_view name) {
    for (const auto n : names)
      if (n == name) return true;
    return false;
  }
  Column use(std::size_t i) {
    used_[i] = true;
    return i;
  }
  const CsvTable& table_;
  const CsvColumns& chosen_;
  std::vector<Problem>& problems_;
  std::vector<bool> used_;
};

struct EdgeColumns {
  Column from, to, kind, weight, since, until, known_by, ended_by, confidence;
};
struct NodeColumns {
  Column id, name, type, aliases, known_as, description;
};

// The text of `row`'s cell in `column`, "" without the column.
const std::string& cell_text(const CsvRow& row, Column column) {
  static const std::string none;
  return column ? row[*column].text : none;
}

// "El Mencho" → "el-mencho": the lookup key of the name with dashes for spaces ("node" if
// nothing is left).
std::string derived_id(std::string_view name) {
  std::string id = normalize_name(name);
  for (char& c : id)
    if (c == ' ') c = '-';
  return id.empty() ? "node" : id;
}

class EdgeListReader {
 public:
  EdgeListReader(const CsvColumns& columns, const LoadOptions& options, LoadResult& result)
      : chosen_(columns), options_(options), result_(result) {}

  void read(const FactFile& edges, const std::optional<FactFile>& nodes) {
    storyline_ = storyline_id(edges.path);
    if (nodes && !read_nodes(*nodes)) return;
    if (!detail::read_table(edges, options_.limits.max_relations, "--max-relations", edges_, result_.problems)) return;
    const EdgeColumns columns = edge_columns();
    if (!result_.problems.empty()) return;
    for (const CsvRow& row : edges_.rows)
      if (!read_edge(row, columns)) return;
    KnowledgeGraph graph;
    graph.add_storyline({storyline_, storyline_});
    relations_.finish(std::move(entities_), detail::Provenance::imported, graph);
    if (result_.problems.empty()) result_.graph = std::move(graph);
  }

 private:
  void note_unused(const Columns& columns, const CsvTable& table) {
    const std::string unused = columns.unused();
    if (!unused.empty()) result_.notes.push_back(detail::problem_at(table.path, table.header.front(), unused));
  }

  EdgeColumns edge_columns() {
    Columns find(edges_, chosen_, result_.problems);
    EdgeColumns c;
    c.from = find.find(from_role);
    c.to = find.find(to_role);
    c.kind = find.find(kind_role);
    c.weight = find.find(weight_role);
    c.since = find.find(since_role);
    c.until = find.find(until_role);
    c.known_by = find.find(no_option, {"known_by"});
    c.ended_by = find.find(no_option, {"ended_by"});
    c.confidence = find.find(confidence_role);
    if (!c.from && chosen_.from.empty()) c.from = find.next_free();
    if (!c.to && chosen_.to.empty()) c.to = find.next_free();
    if (!c.from || !c.to)
      result_.problems.push_back(detail::problem_at(edges_.path, edges_.header.front(),
                                                    "an edge list needs two columns, its ends (from, to)"));
    note_unused(find, edges_);
    return c;
  }

  bool read_nodes(const FactFile& file) {
    if (!detail::read_table(file, options_.limits.max_entities, "--max-entities", nodes_, result_.problems))
      return false;
    Columns find(nodes_, chosen_, result_.problems);
    NodeColumns c;
    c.id = find.find(id_role);
    c.name = find.find(name_role);
    c.type = find.find(type_role);
    c.aliases = find.find(no_option, {"aliases"});
    c.known_as = find.find(no_option, {"known_as"});
    c.description = find.find(no_option, {"description"});
    if (!c.id && !c.name)
      result_.problems.push_back(
          detail::problem_at(nodes_.path, nodes_.header.front(), "a node table needs an id or a name column"));
    note_unused(find, nodes_);
    if (!result_.problems.empty()) return false;
    for (const CsvRow& row : nodes_.rows) read_node(row, c);
    return result_.problems.empty();
  }

  // The entity type a cell gives: its text, or for a Neo4j `:LABEL` cell ("Entity;Person") the
  // first of its labels that is a type; the default for an empty cell.
  std::optional<EntityType> entity_type(const CsvCell& cell) {
    if (cell.text.empty()) return options_.default_type;
    for (const std::string& label : detail::split_list(cell.text))
      if (const auto type = parse_entity_type(detail::lower_ascii(label))) return type;
    result_.problems.push_back(detail::problem_at(
        nodes_.path, cell, "unknown entity type '" + cell.text + "' (known: " + joined_names<EntityType>(", ") + ")"));
    return std::nullopt;
  }

  void read_node(const CsvRow& row, const NodeColumns& c) {
    const std::string& name = cell_text(row, c.name);
    std::string id = cell_text(row, c.id);
    if (id.empty() && name.empty())
      return result_.problems.push_back(detail::problem_at(nodes_.path, row.front(), "a node without an id or a name"));
    const auto type = c.type ? entity_type(row[*c.type]) : options_.default_type;
    if (!type) return;
    if (id.empty()) id = unique_id(derived_id(name));
    if (numbers_.contains(id))
      return result_.problems.push_back(detail::problem_at(nodes_.path, row.front(), "duplicate node id '" + id + "'"));
    Entity entity{id,
                  *type,
                  name.empty() ? id : name,
                  detail::split_list(cell_text(row, c.aliases)),
                  cell_text(row, c.description),
                  {},
                  storyline_,
                  cell_text(row, c.known_as)};
    if (!name.empty()) names_.emplace(name, entities_.size());
    if (!c.type || row[*c.type].text.empty()) result_.untyped.push_back(entity.id);  // took --default-type
    add(std::move(entity));
  }

  void add(Entity entity) {
    numbers_.emplace(entity.id, entities_.size());
    ids_.push_back(entity.id);
    types_.push_back(entity.type);
    entities_.push_back(std::move(entity));
  }

  std::string unique_id(const std::string& base) {
    std::string id = base;
    for (std::size_t n = 2; numbers_.contains(id); ++n) id = base + "-" + std::to_string(n);
    return id;
  }

  // The entity an endpoint cell names: by id, else by name; without a node table a new text
  // becomes a new entity. nullopt (reported) for an unknown one or past --max-entities.
  std::optional<std::size_t> endpoint(const CsvCell& cell) {
    if (cell.text.empty()) return located(cell, "an empty endpoint");
    if (const auto it = numbers_.find(cell.text); it != numbers_.end()) return it->second;
    if (const auto it = names_.find(cell.text); it != names_.end()) return it->second;
    if (!nodes_.path.empty())
      return located(cell, "no node '" + cell.text + "' in " + nodes_.path + " (by id or name)");
    if (entities_.size() == options_.limits.max_entities)
      return full_ = true,
             located(cell, "more than " + std::to_string(options_.limits.max_entities) + " entities (--max-entities)");
    const std::size_t number = entities_.size();
    names_.emplace(cell.text, number);
    add({unique_id(derived_id(cell.text)), options_.default_type, cell.text, {}, {}, {}, storyline_, {}});
    result_.untyped.push_back(ids_.back());  // a name only: merging may give it a type
    return number;
  }

  std::nullopt_t located(const CsvCell& cell, std::string message) {
    result_.problems.push_back(detail::problem_at(edges_.path, cell, std::move(message)));
    return std::nullopt;
  }
  bool refuse(const CsvCell& cell, std::string message) {
    located(cell, std::move(message));
    return false;
  }

  std::optional<Date> date(const CsvRow& row, Column column, std::string_view name, bool& ok) {
    if (!column || row[*column].text.empty()) return std::nullopt;
    const auto parsed = Date::parse(row[*column].text);
    if (!parsed)
      ok = refuse(row[*column], "'" + std::string(name) + "' is \"" + row[*column].text +
                                    "\", not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return parsed;
  }

  bool read_edge(const CsvRow& row, const EdgeColumns& c) {
    const auto from = endpoint(row[*c.from]);
    const auto to = endpoint(row[*c.to]);
    if (full_) return false;
    bool ok = from && to;
    Relation r;
    r.kind = options_.default_kind;
    r.confidence = Confidence::ungraded;
    r.storyline = storyline_;
    if (const std::string& kind = cell_text(row, c.kind); !kind.empty()) {
      if (const auto known = parse_relation_kind(detail::lower_ascii(kind))) r.kind = *known;
      else r.label = kind;
    }
    r.since = date(row, c.since, "since", ok);
    r.until = date(row, c.until, "until", ok);
    r.known_by = date(row, c.known_by, "known_by", ok);
    r.ended_by = date(row, c.ended_by, "ended_by", ok);
    if (c.weight && !row[*c.weight].text.empty()) r.weight = weight(row[*c.weight], ok);
    if (const std::string& confidence = cell_text(row, c.confidence); !confidence.empty()) {
      const auto level = parse_confidence(detail::lower_ascii(confidence));
      if (level) r.confidence = *level;
      else
        ok = refuse(row[*c.confidence],
                    "'confidence' is \"" + confidence + "\", expected " + joined_names<Confidence>(" or "));
    }
    if (ok) relations_.submit(edges_.path, row.front(), *from, *to, std::nullopt, types_, std::move(r));
    return true;
  }

  std::optional<double> weight(const CsvCell& cell, bool& ok) {
    const auto value = detail::finite_number(cell.text);
    if (!value) ok = refuse(cell, "'weight' is \"" + cell.text + "\", not a finite number");
    return value;
  }

  const CsvColumns& chosen_;
  const LoadOptions& options_;
  LoadResult& result_;
  std::string storyline_;
  bool full_ = false;  // --max-entities reached
  CsvTable edges_, nodes_;
  std::vector<Entity> entities_;
  std::vector<std::string> ids_;
  std::vector<EntityType> types_;
  std::unordered_map<std::string, std::size_t> numbers_;
  std::unordered_map<std::string, std::size_t> names_;
  detail::CsvRelations relations_{result_.problems, result_.notes, ids_};
};

}  // namespace

LoadResult load_csv_edges(const FactFile& edges, const std::optional<FactFile>& nodes, const CsvColumns& columns,
                          const LoadOptions& options) {
  LoadResult result;
  if (!detail::within_size(edges, options.limits, result.problems) ||
      (nodes && !detail::within_size(*nodes, options.limits, result.problems)))
    return result;
  EdgeListReader(columns, options, result).read(edges, nodes);
  return result;
}

}  // namespace cartelgraph
