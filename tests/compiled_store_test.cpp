// The compiled store: every dataset the tests hold, compiled and read back, is the same graph
// (the original load is the reference: byte-identical exports, the same vertices and edges in
// the same order, the same notes); every damaged store is a located problem.
#include <doctest/doctest.h>
#include <xxhash.h>

#include <boost/range/iterator_range.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "cartelgraph/exporters/compiled_store.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph {

namespace {

namespace fs = std::filesystem;

std::span<const unsigned char> bytes_of(const std::string& text) {
  return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

LoadResult read_back(const std::string& bytes) {
  return read_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes)));
}

// One problem from reading `bytes`: its text ("test.cgdb: ...").
std::string refusal(const std::string& bytes) {
  try {
    const LoadResult result = read_back(bytes);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.graph.entity_count() == 0);
    return to_string(result.problems.front());
  } catch (const LoadError& error) {
    REQUIRE(error.problems().size() == 1);
    return to_string(error.problems().front());
  }
}

std::string describe(const Relation& r) {
  std::string text = std::string(to_string(r.kind)) + "|" + std::string(std::string_view(r.label)) + "|" +
                     std::string(std::string_view(r.place)) + "|" + std::string(std::string_view(r.storyline)) + "|" +
                     std::string(to_string(r.confidence)) + "|" + (r.weight ? std::to_string(*r.weight) : "-");
  for (const auto* date : {&r.since, &r.until, &r.known_by, &r.ended_by})
    text += "|" + (*date ? (*date)->to_string() : "-");
  for (const Citation& c : r.sources)
    text += "|" + std::string(std::string_view(c.source)) + "/" + std::string(std::string_view(c.section)) + "/" +
            std::string(std::string_view(c.note)) + "/" + std::to_string(static_cast<int>(c.support));
  return text;
}

std::vector<std::string> problems_text(const std::vector<Problem>& problems) {
  std::vector<std::string> text;
  for (const Problem& problem : problems) text.push_back(to_string(problem));
  return text;
}

// The name/alias index of `graph`: every key with its entities.
std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names_of(const KnowledgeGraph& graph) {
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names;
  graph.for_each_name([&](std::string_view key, std::span<const std::uint32_t> entities) {
    names.emplace_back(std::string(key), std::vector<std::uint32_t>(entities.begin(), entities.end()));
  });
  return names;
}

// `copy` is the same graph as `original`: exports, order, names, notes, PageRank.
void check_same(const LoadResult& original, const LoadResult& copy) {
  REQUIRE(problems_text(copy.problems) == std::vector<std::string>{});
  const GraphView a(original.graph), b(copy.graph);
  CHECK(export_json(b) == export_json(a));
  CHECK(export_graphml(b) == export_graphml(a));
  CHECK(export_gexf(b) == export_gexf(a));
  CHECK(export_ftm(b) == export_ftm(a));
  const CsvExport csv_a = export_csv(a), csv_b = export_csv(b);
  CHECK(csv_b.nodes == csv_a.nodes);
  CHECK(csv_b.relationships == csv_a.relationships);
  CHECK(csv_b.citations == csv_a.citations);
  REQUIRE(copy.graph.entity_count() == original.graph.entity_count());
  for (std::size_t v = 0; v < original.graph.entity_count(); ++v) {
    CHECK(copy.graph.entity(v).id == original.graph.entity(v).id);
    CHECK(std::string_view(copy.graph.entity(v).storyline) == std::string_view(original.graph.entity(v).storyline));
  }
  std::vector<std::string> edges_a, edges_b;
  for (const Edge e : boost::make_iterator_range(boost::edges(original.graph.graph())))
    edges_a.push_back(std::to_string(boost::source(e, original.graph.graph())) + ">" +
                      std::to_string(boost::target(e, original.graph.graph())) + describe(original.graph.relation(e)));
  for (const Edge e : boost::make_iterator_range(boost::edges(copy.graph.graph())))
    edges_b.push_back(std::to_string(boost::source(e, copy.graph.graph())) + ">" +
                      std::to_string(boost::target(e, copy.graph.graph())) + describe(copy.graph.relation(e)));
  CHECK(edges_b == edges_a);
  CHECK(names_of(copy.graph) == names_of(original.graph));
  CHECK(copy.graph.storylines().size() == original.graph.storylines().size());
  for (std::size_t i = 0; i < copy.graph.storylines().size(); ++i) {
    CHECK(copy.graph.storylines()[i].title == original.graph.storylines()[i].title);
    CHECK(copy.graph.storylines()[i].dataset == original.graph.storylines()[i].dataset);
  }
  CHECK(problems_text(copy.notes) == problems_text(original.notes));
  CHECK(problems_text(copy.warnings) == problems_text(original.warnings));
  CHECK(copy.untyped == original.untyped);
  const auto ranked = [](const GraphView& view) {
    std::vector<std::pair<Vertex, double>> scores;
    for (const RankedEntity& r : pagerank(Projection::build(view)).ranking()) scores.emplace_back(r.entity, r.score);
    return scores;
  };
  CHECK(ranked(b) == ranked(a));
}

// `original`, compiled, is the same graph read back whole and opened in place, whose ids and
// names its own indexes find.
void check_round_trip(const LoadResult& original, const std::string& what) {
  INFO(what);
  REQUIRE(original.problems.empty());
  const std::string bytes = compile_store(original, "origin " + what);
  check_same(original, read_back(bytes));
  const LoadResult placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes)));
  CHECK(placed.graph.is_in_place());
  check_same(original, placed);
  for (std::size_t v = 0; v < original.graph.entity_count(); ++v)
    CHECK(placed.graph.find(original.graph.entity(v).id) == std::optional<Vertex>(v));
  CHECK_FALSE(placed.graph.find("no such id"));
  original.graph.for_each_name([&](std::string_view key, std::span<const std::uint32_t> entities) {
    const auto found = placed.graph.find_by_name(key);
    CHECK(std::vector<std::uint32_t>(found.begin(), found.end()) ==
          std::vector<std::uint32_t>(entities.begin(), entities.end()));
  });
  CHECK(store_origin(CompiledStore::borrow("test.cgdb", bytes_of(bytes))) == "origin " + what);
}

// The datasets the tests keep on disk, every one that loads.
std::vector<fs::path> test_datasets() {
  const fs::path root = CARTELGRAPH_SOURCE_DIR;
  std::vector<fs::path> data = {root / "seeds",
                                root / "tests/fixtures/poisoned",
                                root / "tests/fixtures/poisoned_graphml/poisoned.graphml",
                                root / "tests/fixtures/own_words",
                                root / "tests/fixtures/gexf/gephi_0.8_1.2draft.gexf",
                                root / "tests/fixtures/gexf/gephi_0.10_dynamic.gexf",
                                root / "tests/fixtures/csv/libreoffice/calls.csv"};
  for (const char* folder : {"fuzz/corpus/graphml", "fuzz/corpus/ftm", "fuzz/corpus/csv", "fuzz/corpus/fact_loader"})
    for (const auto& entry : fs::directory_iterator(root / folder)) data.push_back(entry.path());
  return data;
}

// The built-in data with its notes and a merged dataset's storylines, and a store to damage.
std::string builtin_store() { return compile_store(load(builtin_data_name)); }

// Re-seals a damaged store: its chunks' checksums, section checksums, table checksum and header
// checksum made right again, so that the damage reaches the checks behind them.
void reseal(std::string& bytes) {
  auto* data = reinterpret_cast<unsigned char*>(bytes.data());
  const std::uint32_t count = store::load<std::uint32_t>(data + 24);
  unsigned char* sums = nullptr;
  for (std::uint32_t i = 0; i < count; ++i)
    if (store::load<std::uint32_t>(data + 64 + i * 32) == static_cast<std::uint32_t>(store::SectionId::chunk_checksums))
      sums = data + store::load<std::uint64_t>(data + 64 + i * 32 + 8);
  REQUIRE(sums != nullptr);
  for (std::uint32_t i = 0; i < count; ++i) {
    unsigned char* entry = data + 64 + i * 32;
    if (store::load<std::uint32_t>(entry) == static_cast<std::uint32_t>(store::SectionId::chunk_checksums)) continue;
    const auto offset = store::load<std::uint64_t>(entry + 8), length = store::load<std::uint64_t>(entry + 16);
    unsigned char* first = sums;
    for (std::uint64_t at = 0; at < length; at += 65536, sums += 8)
      store::store_le(sums, static_cast<std::uint64_t>(
                                XXH3_64bits(data + offset + at, std::min<std::uint64_t>(65536, length - at))));
    store::store_le(entry + 24, static_cast<std::uint64_t>(XXH3_64bits(first, static_cast<std::size_t>(sums - first))));
  }
  store::store_le(data + 40, static_cast<std::uint64_t>(XXH3_64bits(data + 64, count * 32)));
  store::store_le(data + 56, static_cast<std::uint64_t>(XXH3_64bits(data, 56)));
}

// Where section `id` starts in `bytes`.
std::size_t section_offset(const std::string& bytes, store::SectionId id) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::uint32_t i = 0; i < store::load<std::uint32_t>(data + 24); ++i)
    if (store::load<std::uint32_t>(data + 64 + i * 32) == static_cast<std::uint32_t>(id))
      return store::load<std::uint64_t>(data + 64 + i * 32 + 8);
  FAIL("no such section");
  return 0;
}

}  // namespace

TEST_CASE("every dataset the tests keep on disk reads back from its compiled store as the same graph") {
  std::size_t loaded = 0;
  for (const fs::path& path : test_datasets()) {
    const LoadResult original = load(path.string());
    if (!original.problems.empty()) continue;  // the corpus also keeps inputs that must fail
    check_round_trip(original, path.string());
    ++loaded;
  }
  CHECK(loaded >= 10);  // seeds, 4 fixtures, and the corpus files that load
}

TEST_CASE("the built-in data and its exports in every format read back from their compiled stores as the same graph") {
  check_round_trip(load(builtin_data_name), "builtin");
  const KnowledgeGraph builtin = load_builtin_graph();
  const GraphView view(builtin);
  const fs::path dir = fs::temp_directory_path() / ("cartelgraph_store_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "csv");
  const CsvExport csv = export_csv(view);
  write_file_atomically(dir / "csv/nodes.csv", csv.nodes);
  write_file_atomically(dir / "csv/relationships.csv", csv.relationships);
  write_file_atomically(dir / "csv/sources.csv", csv.sources);
  write_file_atomically(dir / "csv/citations.csv", csv.citations);
  write_file_atomically(dir / "net.graphml", export_graphml(view));
  write_file_atomically(dir / "net.gexf", export_gexf(view));
  write_file_atomically(dir / "net.ftm.json", export_ftm(view));
  fs::create_directories(dir / "json");
  write_file_atomically(dir / "json/net.json", export_json(view));
  for (const char* name : {"csv", "net.graphml", "net.gexf", "net.ftm.json", "json"})
    check_round_trip(load((dir / name).string()), name);
  fs::remove_all(dir);
}

TEST_CASE("a store written to disk opens through the front door, its sections mapped") {
  const fs::path path = fs::temp_directory_path() / ("cartelgraph_store_test_" + std::to_string(::getpid()) + ".cgdb");
  const LoadResult original = load(builtin_data_name);
  write_store(path, original);
  {  // written part by part, the same bytes as the store put together in memory
    std::ifstream in(path, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == compile_store(original));
  }
  const LoadResult copy = load(path.string());
  REQUIRE(copy.problems.empty());
  CHECK(export_json(GraphView(copy.graph)) == export_json(GraphView(original.graph)));
  LoadOptions small;
  small.limits.max_entities = 3;
  const LoadResult refused = load(path.string(), small);
  REQUIRE(refused.problems.size() == 1);
  CHECK(to_string(refused.problems.front()).find("allowed (--max-entities)") != std::string::npos);
  fs::remove(path);
}

TEST_CASE("a damaged store is a located problem: header, version, truncation, checksums") {
  const std::string good = builtin_store();
  CHECK(refusal(good.substr(0, 10)) ==
        "test.cgdb: header (byte 0): file is 10 bytes, too short for a compiled store (the header alone is 64)");
  CHECK(refusal("not a store at all, just some words that run past sixty-four bytes of text....") ==
        "test.cgdb: header (byte 0): not a compiled store (no CGDB signature)");
  std::string version = good;
  version[8] = 9;
  CHECK(refusal(version) ==
        "test.cgdb: header (byte 8): format version 9; this cartelgraph reads version 3 (compile the data again)");
  CHECK(refusal(good.substr(0, good.size() / 2)) == "test.cgdb: header (byte 32): file is " +
                                                        std::to_string(good.size() / 2) + " bytes, its header says " +
                                                        std::to_string(good.size()) + " (truncated)");
  std::string header = good;
  header[30] ^= 1;
  CHECK(refusal(header) == "test.cgdb: header (byte 56): header checksum does not match (the file is corrupt)");
  std::string table = good;
  table[70] ^= 1;
  CHECK(refusal(table) == "test.cgdb: section table (byte 64): checksum does not match (the file is corrupt)");
  std::string relations = good;
  const std::size_t at = section_offset(good, store::SectionId::relations);
  relations[at + 100] ^= 0x40;
  CHECK(refusal(relations) == "test.cgdb: section 'relations' (byte " + std::to_string(at) +
                                  "): checksum does not match (the file is corrupt)");
}

TEST_CASE("a store whose checksums are right but whose values are wrong is a located problem") {
  const std::string good = builtin_store();
  const auto damage = [&](store::SectionId id, std::size_t byte, unsigned char value) {
    std::string bytes = good;
    bytes[section_offset(good, id) + byte] = static_cast<char>(value);
    reseal(bytes);
    return refusal(bytes);
  };
  const std::string relations = std::to_string(section_offset(good, store::SectionId::relations));
  const std::string from = std::to_string(section_offset(good, store::SectionId::relation_from));
  CHECK(damage(store::SectionId::relation_from, 3, 0x7f) ==
        "test.cgdb: section 'relation_from' (byte " + from + "): entity " +
            std::to_string(0x7f000000U +
                           static_cast<unsigned char>(good[section_offset(good, store::SectionId::relation_from)])) +
            " is not one we know (there are " + std::to_string(load_builtin_graph().entity_count()) + ")");
  CHECK(damage(store::SectionId::relations, 3, 0x7f) ==
        "test.cgdb: section 'relations' (byte " + relations +
            "): ends differ from sections 'relation_from' and 'relation_to'");
  CHECK(damage(store::SectionId::relations, 20, 200).find("section 'relations' (byte ") != std::string::npos);
  CHECK(damage(store::SectionId::relations, 20, 200).ends_with("relation kind 200 is not one we know"));
  CHECK(damage(store::SectionId::relations, 11, 0xff).find("string ") != std::string::npos);
  CHECK(damage(store::SectionId::entities, 20, 7).ends_with("entity type 7 is not one we know"));
  CHECK(damage(store::SectionId::entity_alias_offsets, 8, 0xff).find("section 'entity_alias_offsets'") !=
        std::string::npos);
  CHECK(damage(store::SectionId::string_offsets, 13, 0xff).find("section 'string_offsets'") != std::string::npos);
  CHECK(damage(store::SectionId::strings, 0, 0xff).find("section 'strings' (byte ") != std::string::npos);
  // Overlong forms, surrogates and code points past U+10FFFF are refused where they start.
  const std::size_t strings = section_offset(good, store::SectionId::strings);
  for (const std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    std::string bytes = good;
    bytes.replace(strings + 5, bad.size(), bad);
    reseal(bytes);
    CHECK(refusal(bytes) ==
          "test.cgdb: section 'strings' (byte " + std::to_string(strings + 5) + "): text is not valid UTF-8");
  }
  // A date with month 13.
  std::string dated = good;
  const std::size_t rel = section_offset(good, store::SectionId::relations);
  bool found = false;
  for (std::size_t r = 0; r * store::relation_record < 48 * 400 && !found; ++r) {
    const std::size_t at = rel + r * store::relation_record + 24;
    if (store::load<std::uint32_t>(reinterpret_cast<const unsigned char*>(dated.data()) + at) == 0) continue;
    store::store_le(reinterpret_cast<unsigned char*>(dated.data()) + at, store::date_present | 2021U << 9 | 13U << 5);
    found = true;
    reseal(dated);
    CHECK(refusal(dated) == "test.cgdb: section 'relations' (byte " + std::to_string(at) + "): not a date");
  }
  CHECK(found);
}

}  // namespace cartelgraph

namespace cartelgraph {

TEST_CASE("a store opened in place reads a damaged record when it is first asked for, as a located problem") {
  const std::string good = builtin_store();
  std::string bytes = good;
  const std::size_t at = section_offset(good, store::SectionId::relations) + store::relation_record * 2 + 20;
  bytes[at] = static_cast<char>(200);  // relation 2's kind
  reseal(bytes);
  const LoadResult placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes)));
  REQUIRE(placed.problems.empty());  // opening reads no record
  CHECK(placed.graph.entity(0).id == load_builtin_graph().entity(0).id);
  const Graph& g = placed.graph.graph();
  const Edge third = *std::next(boost::edges(g).first, 2);
  try {
    (void)placed.graph.relation(third);
    FAIL("a damaged relation was read");
  } catch (const LoadError& error) {
    REQUIRE(error.problems().size() == 1);
    CHECK(to_string(error.problems().front()) ==
          "test.cgdb: section 'relations' (byte " + std::to_string(at) + "): relation kind 200 is not one we know");
  }
  std::string flipped = good;
  flipped[section_offset(good, store::SectionId::relations) + 7] ^= 0x01;
  const LoadResult corrupt = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(flipped)));
  REQUIRE(corrupt.problems.empty());
  CHECK_THROWS_WITH_AS((void)corrupt.graph.relation(third), doctest::Contains("checksum does not match"), LoadError);
}

TEST_CASE("a graph opened in place is copied sharing its store, and adding to it reads every record first") {
  const std::string bytes = builtin_store();
  const KnowledgeGraph reference = load_builtin_graph();
  KnowledgeGraph placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes))).graph;
  const KnowledgeGraph copy = placed;
  CHECK(copy.is_in_place());
  CHECK(export_json(GraphView(copy)) == export_json(GraphView(reference)));
  const Vertex added = placed.add_entity(Entity{.id = "zz-new", .name = "El Nuevo"});
  CHECK_FALSE(placed.is_in_place());
  CHECK(added == reference.entity_count());
  CHECK(placed.find("zz-new") == std::optional<Vertex>(added));
  CHECK(placed.find(reference.entity(3).id) == std::optional<Vertex>(3));
  CHECK(placed.find_by_name("el nuevo").size() == 1);
  placed.add_relation(added, 0, Relation{.kind = RelationKind::rival_of});
  CHECK(placed.relation_count() == reference.relation_count() + 1);
  CHECK(placed.relation_kind(Edge{static_cast<std::uint32_t>(added), 0,
                                  static_cast<std::uint32_t>(reference.relation_count())}) == RelationKind::rival_of);
  CHECK(export_json(GraphView(copy)) == export_json(GraphView(reference)));  // the copy is untouched
}

TEST_CASE("records of a graph opened in place are read safely from several threads at once") {
  const std::string bytes = builtin_store();
  const KnowledgeGraph reference = load_builtin_graph();
  const KnowledgeGraph placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes))).graph;
  std::vector<std::string> seen(4);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
      threads.emplace_back([&, t] {
        for (std::size_t v = 0; v < placed.entity_count(); ++v) seen[t] += placed.entity(v).id + "|";
        for (const Edge e : boost::make_iterator_range(boost::edges(placed.graph())))
          seen[t] += std::string(std::string_view(placed.relation(e).storyline)) + "|";
      });
  }
  std::string expected;
  for (std::size_t v = 0; v < reference.entity_count(); ++v) expected += reference.entity(v).id + "|";
  for (const Edge e : boost::make_iterator_range(boost::edges(reference.graph())))
    expected += std::string(std::string_view(reference.relation(e).storyline)) + "|";
  for (const std::string& text : seen) CHECK(text == expected);
}

}  // namespace cartelgraph

namespace cartelgraph {

namespace {

// A store of 2,000 entities and 20,000 relations whose sections span several 64 KiB chunks:
// entities 0–999 have only relations 0–16,383 (the first chunk of each end's column), entities
// 1,000–1,999 only the later ones.
std::string chunked_store() {
  LoadResult result;
  KnowledgeGraph& graph = result.graph;
  for (int v = 0; v < 2000; ++v)
    (void)graph.add_entity(Entity{.id = "e" + std::to_string(v), .name = "Entity " + std::to_string(v)});
  for (std::uint32_t i = 0; i < 20000; ++i) {
    const std::uint32_t half = i < 16384 ? 0 : 1000;
    (void)graph.add_relation(half + i % 1000, half + (i * 7 + 3) % 1000, Relation{.kind = RelationKind::associate_of});
  }
  return compile_store(result);
}

// The first problem reading relation lists or records of `graph` throws.
std::string thrown(const std::function<void()>& read) {
  try {
    read();
  } catch (const LoadError& error) {
    REQUIRE(error.problems().size() == 1);
    return to_string(error.problems().front());
  }
  return "";
}

// Every relation of entity `v`, out and in, with both ends' types and its kind read.
std::size_t walk(const KnowledgeGraph& graph, Vertex v) {
  std::size_t seen = 0;
  const Graph& g = graph.graph();
  for (const auto& [first, last] : {boost::out_edges(v, g), boost::in_edges(v, g)})
    for (auto it = first; it != last; ++it) {
      (void)graph.entity_type((*it).from);
      (void)graph.entity_type((*it).to);
      (void)graph.relation_kind(*it);
      ++seen;
    }
  return seen;
}

}  // namespace

TEST_CASE("opening a store verifies none of its sections: a damaged chunk is found when first read, the others read") {
  const std::string good = chunked_store();
  const std::size_t relations = section_offset(good, store::SectionId::relations);
  const std::size_t from = section_offset(good, store::SectionId::relation_from);
  std::string bytes = good;
  bytes[relations + 2 * store::chunk_size + 10] ^= 0x20;  // a record of the relations' third chunk
  bytes[from + store::chunk_size + 8] ^= 0x01;            // relation 16,386's source
  const LoadResult placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes)));
  REQUIRE(placed.problems.empty());
  const KnowledgeGraph& graph = placed.graph;
  const KnowledgeGraph reference = read_back(good).graph;
  CHECK(walk(graph, 0) == walk(reference, 0));  // entities 0–999 touch only the first chunks
  CHECK(graph.relation(Edge{0, 3, 0}).kind == RelationKind::associate_of);
  CHECK(thrown([&] {
          (void)graph.relation(Edge{0, 0, 2 * store::chunk_size / store::relation_record + 5});
        }) == "test.cgdb: section 'relations' (byte " + std::to_string(relations + 2 * store::chunk_size) +
                  "): checksum does not match (the file is corrupt)");
  CHECK(thrown([&] { (void)walk(graph, 1500); }) == "test.cgdb: section 'relation_from' (byte " +
                                                        std::to_string(from + store::chunk_size) +
                                                        "): checksum does not match (the file is corrupt)");
  CHECK(walk(graph, 999) > 0);                                                 // what was fine still reads
  CHECK(refusal(bytes).find("checksum does not match") != std::string::npos);  // read whole: refused
}

TEST_CASE("an entity's stored relation lists are checked when first read: order, ends and offsets") {
  const std::string good = chunked_store();
  const auto damaged = [&](store::SectionId id, std::size_t byte, std::uint32_t value) {
    std::string bytes = good;
    store::store_le(reinterpret_cast<unsigned char*>(bytes.data()) + section_offset(good, id) + byte, value);
    reseal(bytes);
    return bytes;
  };
  const auto first_read = [&](const std::string& bytes, Vertex v) {
    const LoadResult placed = open_compiled_store(CompiledStore::borrow("test.cgdb", bytes_of(bytes)));
    REQUIRE(placed.problems.empty());
    CHECK(walk(placed.graph, v + 500) > 0);  // another entity's lists read as they are
    return thrown([&] { (void)walk(placed.graph, v); });
  };
  const std::string out = std::to_string(section_offset(good, store::SectionId::out_relations));
  // Entity 0's out-relations are 0, 1000, … 16000: the first listed as relation 1 (entity 1's).
  CHECK(first_read(damaged(store::SectionId::out_relations, 0, 1), 0) ==
        "test.cgdb: section 'out_relations' (byte " + out +
            "): relation 1 is listed for entity 0 but runs from entity 1");
  CHECK(first_read(damaged(store::SectionId::out_relations, 4, 0), 0) == "test.cgdb: section 'out_relations' (byte " +
                                                                             std::to_string(std::stoul(out) + 4) +
                                                                             "): relation 0 is out of insertion order");
  CHECK(first_read(damaged(store::SectionId::out_relations, 0, 20000), 0)
            .ends_with("relation 20000 does not exist (there are 20000)"));
  CHECK(first_read(damaged(store::SectionId::in_starts, 4 * 3, 1), 2)
            .ends_with("offsets go backwards or past the relations"));
  std::string bytes = damaged(store::SectionId::out_starts, 4 * 2000, 19999);
  CHECK(refusal(bytes).ends_with("offsets do not run from 0 to 20000"));
}

}  // namespace cartelgraph
