// generate_graph: a deterministic (seeded) synthetic criminal network of N entities and about
// 5N relations, written as a cartelgraph fact directory and as GraphML. As real datasets do, the
// facts come in several files: sources.json, and the entities then the relations spread in order
// over part-01.json, part-02.json, … (at least four, each at most 256 MB), one storyline each.
//   generate_graph N OUTPUT_DIR [SEED]
// Organizations with factions and members (preferential attachment: a few groups are large),
// family ties, associates, alliances and rivalries between groups, places and arrests, each with
// a date and a confidence.
#include <cartelgraph/cartelgraph.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using namespace cartelgraph;

struct Generator {
  std::mt19937_64 random;
  KnowledgeGraph graph;
  std::vector<Citation> citation{{"synthetic", "Generated", "Synthetic fact for benchmarks."}};

  explicit Generator(std::uint64_t seed) : random(seed) {
    graph.add_source({"synthetic", "Synthetic benchmark network", "", "", "2024", "", "generated"});
  }

  std::size_t uniform(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); }

  Vertex add(const std::string& prefix, std::size_t i, EntityType type) {
    Entity e;
    e.id = prefix + "-" + std::to_string(i);
    e.type = type;
    e.name = prefix + " " + std::to_string(i);
    e.description = "Synthetic " + std::string(to_string(type)) + ".";
    e.sources = citation;
    return graph.add_entity(std::move(e));
  }

  std::set<std::tuple<RelationKind, Vertex, Vertex>> seen;  // one tie of a kind per pair

  void relate(Vertex a, Vertex b, RelationKind kind) {
    if (a == b) return;
    if (kind_info(kind).symmetric && b < a) std::swap(a, b);
    if (!seen.emplace(kind, a, b).second) return;
    Relation r;
    r.kind = kind;
    r.since = Date::from_ymd(2000 + static_cast<int>(uniform(24)), 1 + static_cast<int>(uniform(12)),
                             1 + static_cast<int>(uniform(28)));
    const std::size_t c = uniform(10);
    r.confidence = c < 2 ? Confidence::confirmed : c < 8 ? Confidence::reported : Confidence::alleged;
    r.sources = citation;
    graph.add_relation(a, b, std::move(r));
  }

  /// `count` entities of `type`, with ids PREFIX-0, PREFIX-1, …
  std::vector<Vertex> add_many(const std::string& prefix, std::size_t count, EntityType type) {
    std::vector<Vertex> added;
    for (std::size_t i = 0; i < count; ++i) added.push_back(add(prefix, i, type));
    return added;
  }
};

/// The entities of the network, by type.
struct SyntheticNetwork {
  std::vector<Vertex> org, fac, place, agency, business, person;
};

/// About n entities: 1% organizations, 4% factions, 10% places, 2% agencies, 3% businesses (at
/// least two of each) and the rest people.
SyntheticNetwork add_entities(Generator& gen, std::size_t n) {
  const std::size_t organizations = std::max<std::size_t>(2, n / 100);
  const std::size_t factions = std::max<std::size_t>(2, n / 25);
  const std::size_t places = std::max<std::size_t>(2, n / 10);
  const std::size_t agencies = std::max<std::size_t>(2, n / 50);
  const std::size_t businesses = std::max<std::size_t>(2, n / 33);
  const std::size_t people = n - organizations - factions - places - agencies - businesses;
  SyntheticNetwork net;
  net.org = gen.add_many("org", organizations, EntityType::organization);
  net.fac = gen.add_many("faction", factions, EntityType::faction);
  net.place = gen.add_many("place", places, EntityType::place);
  net.agency = gen.add_many("agency", agencies, EntityType::agency);
  net.business = gen.add_many("business", businesses, EntityType::business);
  net.person = gen.add_many("person", people, EntityType::person);
  return net;
}

/// Factions join organizations and people join groups by preferential attachment (a group is
/// picked in proportion to its members so far); people get associates, family and arrests.
void tie_people(Generator& gen, const SyntheticNetwork& net) {
  std::vector<Vertex> group_ends;
  for (const Vertex f : net.fac) {
    const Vertex parent = net.org[gen.uniform(net.org.size())];
    gen.relate(f, parent, RelationKind::faction_of);
    group_ends.push_back(parent);
    group_ends.push_back(f);
  }
  std::vector<Vertex> person_ends;
  const auto& person = net.person;
  for (const Vertex p : person) {
    const Vertex group = group_ends[gen.uniform(group_ends.size())];
    gen.relate(p, group, gen.uniform(50) == 0 ? RelationKind::leads : RelationKind::member_of);
    group_ends.push_back(group);
    if (!person_ends.empty()) {  // four or five associates, preferring the well connected
      const int associates = 4 + static_cast<int>(gen.uniform(2));
      for (int i = 0; i < associates; ++i)
        gen.relate(p, person_ends[gen.uniform(person_ends.size())], RelationKind::associate_of);
    }
    person_ends.push_back(p);
    person_ends.push_back(p);
    if (gen.uniform(3) == 0) gen.relate(person[gen.uniform(person.size())], p, RelationKind::parent_of);
    if (gen.uniform(5) == 0) gen.relate(p, person[gen.uniform(person.size())], RelationKind::sibling_of);
    if (gen.uniform(8) == 0) gen.relate(p, net.agency[gen.uniform(net.agency.size())], RelationKind::arrested_by);
  }
}

/// Groups operate in places and ally with or fight one another, businesses launder for them, and
/// places nest as a forest: each inside one added before it, never in a cycle.
void tie_groups(Generator& gen, const SyntheticNetwork& net) {
  std::vector<Vertex> groups = net.org;
  groups.insert(groups.end(), net.fac.begin(), net.fac.end());
  for (const Vertex g : groups) {
    for (int i = 0; i < 3; ++i) gen.relate(g, net.place[gen.uniform(net.place.size())], RelationKind::operates_in);
    gen.relate(g, groups[gen.uniform(groups.size())],
               gen.uniform(3) == 0 ? RelationKind::allied_with : RelationKind::rival_of);
  }
  for (const Vertex b : net.business) gen.relate(b, groups[gen.uniform(groups.size())], RelationKind::launders_for);
  for (std::size_t i = 1; i < net.place.size(); ++i)
    gen.relate(net.place[i], net.place[gen.uniform(i)], RelationKind::located_in);
}

/// The byte ranges of the elements of each top-level array of a fact file ("sources",
/// "entities", "relations"), found by a scan of its brackets that skips strings.
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;
std::map<std::string, Ranges> elements_by_array(const std::string& text) {
  std::map<std::string, Ranges> arrays;
  std::string key, array;  // the last string at depth 1 (a member name), the array open
  std::size_t depth = 0, string_start = 0, element_start = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') {
        in_string = false;
        if (depth == 1) key = text.substr(string_start, i - string_start);
      }
    } else if (c == '"') {
      in_string = true;
      string_start = i + 1;
    } else if (c == '{' || c == '[') {
      if (depth == 2) element_start = i;
      if (++depth == 2) array = key;
    } else if ((c == '}' || c == ']') && --depth == 2) {
      arrays[array].emplace_back(element_start, i + 1);
    }
  }
  return arrays;
}

/// A fact file of the elements `ranges` of `text`, by array name, in the schema's order.
std::string fact_file(const std::string& text, const std::vector<std::pair<std::string, Ranges>>& arrays) {
  std::string file = "{";
  for (const auto& [name, ranges] : arrays) {
    if (ranges.empty()) continue;
    file += (file.size() > 1 ? ",\n  \"" : "\n  \"") + name + "\": [";
    for (std::size_t i = 0; i < ranges.size(); ++i)
      file.append(i ? ",\n    " : "\n    ").append(text, ranges[i].first, ranges[i].second - ranges[i].first);
    file += "\n  ]";
  }
  return file + "\n}\n";
}

/// The fact file `text` (one file, canonical form) as sources.json and parts of at most 256 MB.
void write_fact_parts(const std::string& text, const std::filesystem::path& directory) {
  auto arrays = elements_by_array(text);
  write_file_atomically(directory / "sources.json", fact_file(text, {{"sources", arrays["sources"]}}));
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> records;  // array, range
  std::size_t bytes = 0;
  for (const char* name : {"entities", "relations"})
    for (const auto& range : arrays[name]) {
      records.emplace_back(name, range);
      bytes += range.second - range.first + 6;
    }
  constexpr std::size_t most = std::size_t{250} << 20;  // leaves room for the brackets
  const std::size_t parts = std::max<std::size_t>({4, (bytes + most - 1) / most});
  std::size_t next = 0, written = 0;
  for (std::size_t part = 1; part <= parts; ++part) {
    std::vector<std::pair<std::string, Ranges>> file{{"entities", {}}, {"relations", {}}};
    for (; next < records.size() && written * parts < bytes * part; ++next) {
      const auto& [name, range] = records[next];
      file[name == "entities" ? 0 : 1].second.push_back(range);
      written += range.second - range.first + 6;
    }
    char name[32];
    std::snprintf(name, sizeof name, "part-%02zu.json", part);
    write_file_atomically(directory / name, fact_file(text, file));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: generate_graph N OUTPUT_DIR [SEED]\n");
    return 2;
  }
  const std::size_t n = std::stoul(argv[1]);
  const std::filesystem::path out = argv[2];
  Generator gen(argc > 3 ? std::stoull(argv[3]) : 1);
  const SyntheticNetwork net = add_entities(gen, n);
  tie_people(gen, net);
  tie_groups(gen, net);

  std::filesystem::create_directories(out / "facts");
  for (const auto& entry : std::filesystem::directory_iterator(out / "facts")) {  // an earlier run's
    const std::string name = entry.path().filename().string();
    if (name == "facts.json" || name == "sources.json" || name.starts_with("part-")) std::filesystem::remove(entry.path());
  }
  const GraphView view(gen.graph);
  write_fact_parts(export_json(view), out / "facts");
  write_file_atomically(out / "graph.graphml", export_graphml(view));
  std::printf("%zu entities, %zu relations → %s\n", gen.graph.entity_count(), gen.graph.relation_count(),
              out.string().c_str());
  return 0;
}
