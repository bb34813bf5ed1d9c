#include "cartelgraph/loaders/merge.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "cartelgraph/loaders/relation_checks.hpp"

namespace cartelgraph {

namespace {

// A problem of the merge: about the dataset named, with no position (the places it names are
// entities and datasets, which each message spells out).
Problem merge_problem(const std::string& dataset, std::string message) { return {dataset, 0, 0, std::move(message)}; }

bool same_source(const Source& a, const Source& b) {
  return std::tie(a.id, a.title, a.author, a.publisher, a.published, a.url, a.document, a.kind, a.confidential) ==
         std::tie(b.id, b.title, b.author, b.publisher, b.published, b.url, b.document, b.kind, b.confidential);
}

class Merger {
 public:
  explicit Merger(LoadResult& out) : out_(out) {}

  void add(const Dataset& dataset, std::size_t position) {
    dataset_ = &dataset;
    position_ = position;
    storylines_.clear();
    const KnowledgeGraph& in = dataset.result.graph;
    untyped_ = std::set<std::string_view>(dataset.result.untyped.begin(), dataset.result.untyped.end());
    for (const Storyline& storyline : in.storylines()) add_storyline(storyline);
    for (const Source& source : in.sources()) add_source(source);
    std::vector<std::optional<Vertex>> vertices;
    vertices.reserve(in.entity_count());
    for (const Vertex v : boost::make_iterator_range(boost::vertices(in.graph())))
      vertices.push_back(add_entity(in.entity(v)));
    for (const Edge e : boost::make_iterator_range(boost::edges(in.graph()))) {
      const auto from = vertices[boost::source(e, in.graph())];
      const auto to = vertices[boost::target(e, in.graph())];
      if (from && to) add_relation(*from, *to, in.relation(e));
    }
  }

 private:
  void fail(std::string message) { out_.problems.push_back(merge_problem(dataset_->name, std::move(message))); }

  void add_storyline(Storyline storyline) {
    const std::string original = storyline.id;
    const auto taken = [&](const std::string& id) {
      return std::ranges::any_of(out_.graph.storylines(), [&](const Storyline& s) { return s.id == id; });
    };
    if (taken(storyline.id)) storyline.id += "-" + std::to_string(position_ + 1);
    storyline.dataset = dataset_->name;
    storylines_.emplace(original, storyline.id);
    out_.graph.add_storyline(std::move(storyline));
  }

  [[nodiscard]] std::string storyline_of(const std::string& id) const {
    const auto it = storylines_.find(id);
    return it == storylines_.end() ? id : it->second;
  }

  void add_source(const Source& source) {
    if (const Source* earlier = out_.graph.find_source(source.id)) {
      if (!same_source(*earlier, source))
        fail("source '" + source.id + "' differs from the source of that id in an earlier dataset (" + earlier->title +
             ")");
      return;
    }
    out_.graph.add_source(source);
  }

  // The earlier entity `entity` is merged into, if any: by id, else by its name or known-as name.
  std::optional<Vertex> match(const Entity& entity) {
    if (const auto v = out_.graph.find(entity.id)) return v;
    std::set<Vertex> found;
    for (const std::string_view name : {std::string_view(entity.name), entity.known_as.view()})
      if (!name.empty())
        for (const Vertex v : out_.graph.find_by_name(name)) found.insert(v);
    if (found.size() > 1) {
      std::string names;
      for (const Vertex v : found)
        names += (names.empty() ? "'" : ", '") + out_.graph.entity(v).id + "' (" + *origins_[v] + ")";
      fail("'" + entity.name + "' (id '" + entity.id + "') names several entities of earlier datasets: " + names +
           "; give its id instead");
    }
    if (found.size() == 1) return *found.begin();
    return std::nullopt;
  }

  std::optional<Vertex> add_entity(Entity entity) {
    entity.storyline = storyline_of(entity.storyline);
    const auto earlier = match(entity);
    if (!earlier) {
      origins_.push_back(&dataset_->name);
      return out_.graph.add_entity(std::move(entity));
    }
    const Entity& kept = out_.graph.entity(*earlier);
    if (kept.type != entity.type && !untyped_.contains(entity.id)) {
      fail("'" + entity.id + "' has type " + std::string(to_string(entity.type)) + " here and " +
           std::string(to_string(kept.type)) + " in " + *origins_[*earlier] + " ('" + kept.id + "')");
      return std::nullopt;
    }
    merged_.push_back({*earlier, std::move(entity)});
    return earlier;
  }

  void add_relation(Vertex from, Vertex to, Relation relation) {
    const Entity& a = out_.graph.entity(from);
    const Entity& b = out_.graph.entity(to);
    if (!allows(relation.kind, a.type, b.type)) {
      fail("from '" + a.id + "' to '" + b.id + "' once merged: " +
           detail::endpoint_types_message(relation.kind, a.type, b.type));
      return;
    }
    relation.storyline = storyline_of(relation.storyline);
    out_.graph.add_relation(from, to, std::move(relation));
  }

 public:
  /// The aliases and citations the merged entities bring, added at the end (the graph indexes
  /// names on add_entity, so the kept entities are rebuilt once).
  struct Merged {
    Vertex into;
    Entity entity;
  };
  [[nodiscard]] std::vector<Merged>& merged() { return merged_; }

 private:
  LoadResult& out_;
  const Dataset* dataset_ = nullptr;
  std::size_t position_ = 0;
  std::map<std::string, std::string, std::less<>> storylines_;  // this dataset's ids → merged ids
  std::set<std::string_view> untyped_;
  std::vector<const std::string*> origins_;  // the dataset each merged vertex came from
  std::vector<Merged> merged_;
};

// The graph with the aliases and citations of merged entities added to the entities they were
// merged into (the kept name, known-as name and type stay).
KnowledgeGraph with_merged_names(const KnowledgeGraph& graph, const std::vector<Merger::Merged>& merged) {
  std::map<Vertex, std::vector<const Entity*>> by_vertex;
  for (const auto& m : merged) by_vertex[m.into].push_back(&m.entity);
  KnowledgeGraph out;
  for (const Storyline& s : graph.storylines()) out.add_storyline(s);
  for (const Source& s : graph.sources()) out.add_source(s);
  const Graph& g = graph.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    Entity entity = graph.entity(v);
    for (const Entity* other : by_vertex[v]) {
      for (const std::string_view name : {std::string_view(other->name), other->known_as.view()})
        if (!name.empty() && name != entity.name && name != entity.known_as &&
            std::ranges::find(entity.aliases, name) == entity.aliases.end())
          entity.aliases.emplace_back(name);
      for (const std::string& alias : other->aliases)
        if (alias != entity.name && std::ranges::find(entity.aliases, alias) == entity.aliases.end())
          entity.aliases.push_back(alias);
      detail::unite_citations(entity.sources, other->sources);
    }
    out.add_entity(std::move(entity));
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    out.add_relation(boost::source(e, g), boost::target(e, g), graph.relation(e));
  return out;
}

}  // namespace

LoadResult merge_datasets(std::vector<Dataset> datasets) {
  if (datasets.size() == 1) return std::move(datasets.front().result);
  LoadResult out;
  Merger merger(out);
  for (std::size_t i = 0; i < datasets.size(); ++i) {
    LoadResult& r = datasets[i].result;
    std::ranges::move(r.problems, std::back_inserter(out.problems));
    std::ranges::move(r.notes, std::back_inserter(out.notes));
    std::ranges::move(r.warnings, std::back_inserter(out.warnings));
    out.not_found = out.not_found || r.not_found;
    r.problems.clear();
  }
  if (!out.problems.empty()) return out;
  for (std::size_t i = 0; i < datasets.size(); ++i) merger.add(datasets[i], i);
  if (!out.problems.empty()) {
    out.graph = KnowledgeGraph();
    return out;
  }
  if (!merger.merged().empty()) out.graph = with_merged_names(out.graph, merger.merged());
  return out;
}

}  // namespace cartelgraph
