// The fast reader of fact files (loaders/fact_scan.hpp) held to RapidJSON: it accepts exactly
// the documents that RapidJSON's parser and schema validator accept (and that repeat no member),
// over the whole corpus and over documents mutated to break each rule of seeds/schema.json; what
// it reads equals what the exact reader reads; and a load through it reports what a load through
// the exact reader reports, at the same places.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/fact_scan.hpp"
#include "cartelgraph/loaders/problem.hpp"
#include "cartelgraph/loaders/schema_check.hpp"

namespace {

using namespace cartelgraph;
namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every JSON text of the corpus: the seeds, the test fixtures and the fact loader's fuzz corpus.
std::vector<FactFile> corpus() {
  const fs::path root = CARTELGRAPH_SOURCE_DIR;
  std::vector<FactFile> files;
  for (const fs::path& folder : {root / "seeds", root / "tests" / "fixtures", root / "fuzz" / "corpus" / "fact_loader"})
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      const fs::path& path = entry.path();
      const bool fuzz = folder.filename() == "fact_loader";
      if (entry.is_regular_file() && (fuzz || path.extension() == ".json") && path.filename() != "schema.json")
        files.push_back({path.string(), read_text(path)});
    }
  return files;
}

// True if an object in `value` repeats a member (RapidJSON's DOM keeps both) or it nests deeper
// than 64 (where the loader stops anyway); iterative, for the deeply nested fixtures.
bool repeats_or_deep(const rapidjson::Value& root) {
  std::vector<std::pair<const rapidjson::Value*, std::size_t>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [value, depth] = stack.back();
    stack.pop_back();
    if (depth > 64) return true;
    if (value->IsArray())
      for (const auto& element : value->GetArray()) stack.emplace_back(&element, depth + 1);
    if (!value->IsObject()) continue;
    std::vector<std::string> names;
    for (const auto& member : value->GetObject()) {
      names.emplace_back(member.name.GetString(), member.name.GetStringLength());
      stack.emplace_back(&member.value, depth + 1);
    }
    std::ranges::sort(names);
    if (std::ranges::adjacent_find(names) != names.end()) return true;
  }
  return false;
}

// RapidJSON's verdict: UTF-8 JSON (no byte-order mark, no NUL, which its reader would skip or
// stop at), no repeated member, and valid by its schema validator against seeds/schema.json.
bool rapidjson_accepts(const std::string& text) {
  static rapidjson::Document schema_json = [] {
    rapidjson::Document d;
    d.Parse(builtin_schema().data(), builtin_schema().size());
    return d;
  }();
  static const rapidjson::SchemaDocument schema(schema_json);
  if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string::npos) return false;
  rapidjson::Document document;
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  if (document.HasParseError() || repeats_or_deep(document)) return false;
  rapidjson::SchemaValidator validator(schema);
  return document.Accept(validator);
}

bool scanner_accepts(const std::string& text) {
  detail::FactScanner scanner;
  return scanner.scan({"mutated.json", text}).has_value();
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

// Counts of the verdicts compared, so that a test that compared nothing fails.
struct Tally {
  std::size_t accepted = 0;
  std::size_t rejected = 0;
  void check(const std::string& text) {
    const bool expected = rapidjson_accepts(text);
    CHECK_MESSAGE(scanner_accepts(text) == expected, text.substr(0, 2000));
    ++(expected ? accepted : rejected);
  }
};

// Each way of breaking one member of an object: the wrong type, a broken pattern or enum, empty,
// missing, repeated; and an extra member.
void mutate_members(rapidjson::Document& document, rapidjson::Value& object, Tally& tally) {
  auto& allocator = document.GetAllocator();
  const std::vector<std::string> names = [&] {
    std::vector<std::string> all;
    for (const auto& member : std::as_const(object).GetObject()) all.emplace_back(member.name.GetString());
    return all;
  }();
  for (const std::string& name : names) {
    rapidjson::Value& value = object[name.c_str()];
    const rapidjson::Value kept(value, allocator);
    for (const char* replacement : {"5", "-1", "0", "\"\"", "\"Not An Id\"", "\"2021-1-01\"", "\"2021-01\"", "true",
                                    "null", "[]", "{}", "[\"x\"]", "\"interview\"", "1e300", "\"x-\"", "\"a--b\""}) {
      rapidjson::Document parsed;
      parsed.Parse(replacement);
      value.CopyFrom(parsed, allocator);
      tally.check(to_json(document));
    }
    value.CopyFrom(kept, allocator);
    rapidjson::Value moved(kept, allocator);
    object.RemoveMember(name.c_str());
    tally.check(to_json(document));  // missing
    object.AddMember(rapidjson::Value(name.c_str(), allocator), rapidjson::Value(moved, allocator), allocator);
    object.AddMember(rapidjson::Value(name.c_str(), allocator), rapidjson::Value(moved, allocator), allocator);
    tally.check(to_json(document));  // repeated
    object.RemoveMember(name.c_str());
    object.RemoveMember(name.c_str());
    object.AddMember(rapidjson::Value(name.c_str(), allocator), moved, allocator);
  }
  object.AddMember("extra", 1, allocator);
  tally.check(to_json(document));
  object.RemoveMember("extra");
}

// The first records of each array of `document`, each alone in a file of its own, mutated one
// member at a time (then its first citation's, then the file's own members).
void mutate_document(const rapidjson::Document& document, Tally& tally) {
  for (const char* section : {"sources", "entities", "relations"}) {
    if (!document.HasMember(section) || !document[section].IsArray()) continue;
    const auto& records = document[section];
    for (rapidjson::SizeType i = 0; i < std::min<rapidjson::SizeType>(records.Size(), 2); ++i) {
      if (!records[i].IsObject()) continue;
      rapidjson::Document mini;
      mini.SetObject();
      auto& allocator = mini.GetAllocator();
      rapidjson::Value array(rapidjson::kArrayType);
      array.PushBack(rapidjson::Value(records[i], allocator), allocator);
      mini.AddMember(rapidjson::StringRef(section), array, allocator);
      rapidjson::Value& record = mini[section][0];
      mutate_members(mini, record, tally);
      if (record.HasMember("sources") && record["sources"].IsArray() && !record["sources"].Empty() &&
          record["sources"][0].IsObject())
        mutate_members(mini, record["sources"][0], tally);
      mutate_members(mini, mini, tally);
    }
  }
}

// A text cut, padded or doubled: syntax the two parsers must agree on.
void mutate_text(const std::string& text, Tally& tally) {
  for (const std::size_t cut : {text.size() / 3, text.size() / 2, text.size() - 1})
    if (cut < text.size()) tally.check(text.substr(0, cut));
  for (const char* tail : {" x", " {}", ",", "\n\n", " 1", "]"}) tally.check(text + tail);
  if (const auto brace = text.rfind('}'); brace != std::string::npos && brace > 0)
    tally.check(text.substr(0, brace) + ",}");
}

// The fields of every record, as text, to compare two reads.
std::string describe(const detail::FactRecords& records) {
  std::ostringstream out;
  out << records.title.value_or("-") << '\n';
  const auto citations = [&](const std::vector<Citation>& list) {
    for (const auto& c : list) out << c.source << '|' << c.section << '|' << c.note << '|' << int(c.support) << ';';
  };
  for (const auto& [i, s] : records.sources)
    out << i << s.id << '|' << s.title << '|' << s.author << '|' << s.publisher << '|' << s.published << '|' << s.url
        << '|' << s.document << '|' << int(s.kind) << s.confidential << '\n';
  for (const auto& [i, e] : records.entities) {
    out << i << e.entity.id << '|' << e.type << '|' << e.entity.name << '|' << e.entity.known_as << '|'
        << e.entity.description << '|';
    for (const auto& alias : e.entity.aliases) out << alias << ',';
    citations(e.entity.sources);
    out << '\n';
  }
  for (std::size_t p = 0; p < records.relations.size(); ++p) {
    const auto& [i, r] = records.relations[p];
    out << i << int(r.kind) << '|' << records.text[r.label] << '|' << records.text[r.from] << '|'
        << records.text[r.to] << '|' << records.text[r.place] << '|' << int(r.confidence) << '|' << r.weight << '|'
        << int(r.unparsed) << '|' << records.unparsed_text(p, detail::RelationText::kind) << '|';
    for (std::size_t d = 0; d < 4; ++d)
      out << (r.date(d) ? r.date(d)->to_string() : "<none>") << '|'
          << records.unparsed_text(p, static_cast<detail::RelationText>(d + 1)) << '|';
    citations(records.citation_lists[r.citations]);
    out << '\n';
  }
  return out.str();
}

std::string describe(const LoadResult& result) {
  std::string text;
  for (const auto* list : {&result.problems, &result.warnings, &result.notes})
    for (const Problem& problem : *list) text += to_string(problem) + '\n';
  return text + std::to_string(result.graph.entity_count()) + " entities, " +
         std::to_string(result.graph.relation_count()) + " relations\n";
}

}  // namespace

TEST_CASE("the fast reader accepts what RapidJSON's validator accepts over the corpus and its mutations") {
  Tally tally;
  for (const FactFile& file : corpus()) {
    INFO(file.path);
    tally.check(file.text);
    rapidjson::Document document;
    document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(file.text.data(),
                                                                                          file.text.size());
    if (document.HasParseError() || !document.IsObject() || repeats_or_deep(document)) continue;
    mutate_document(document, tally);
    mutate_text(file.text, tally);
  }
  MESSAGE(tally.accepted << " documents accepted, " << tally.rejected << " rejected by both");
  CHECK(tally.accepted > 50);
  CHECK(tally.rejected > 1000);
}

TEST_CASE("the fast reader reads every seed file as the exact reader does") {
  const auto& schema = detail::SchemaCheck::compiled(builtin_schema());
  std::size_t compared = 0;
  for (const FactFile& file : builtin_fact_files()) {
    INFO(file.path);
    detail::ReadBudget budget;
    const detail::ReadFacts exact = detail::read_fact_records(file, schema.whole(), budget);
    REQUIRE(exact.schema_ok);
    detail::FactScanner scanner;
    const auto fast = scanner.scan(file);
    REQUIRE(fast.has_value());
    CHECK(describe(fast->records) == describe(exact.records));
    CHECK(fast->record_offsets[1].size() == exact.records.entities.size());
    ++compared;
  }
  CHECK(compared > 3);
}

TEST_CASE("a load through the fast reader reports what the exact reader reports, at the same places") {
  // The built-in schema's text with a space more is another schema to the loader: it reads with
  // the exact reader only.
  const std::string exact_schema = std::string(builtin_schema()) + " ";
  const fs::path fixtures = fs::path(CARTELGRAPH_SOURCE_DIR) / "tests" / "fixtures";
  std::vector<fs::path> directories{fs::path(CARTELGRAPH_SOURCE_DIR) / "seeds"};
  for (const auto& entry : fs::recursive_directory_iterator(fixtures))
    if (entry.is_directory()) directories.push_back(entry.path());
  std::size_t loads = 0;
  for (const fs::path& directory : directories) {
    std::vector<FactFile> files;
    try {
      files = read_fact_directory(directory);
    } catch (const LoadError&) {
      continue;  // no fact file in it
    }
    INFO(directory.string());
    LoadLimits one_thread;
    one_thread.threads = 1;
    const std::string exact = describe(load_facts(files, exact_schema, one_thread));
    CHECK(describe(load_facts(files)) == exact);
    CHECK(describe(load_facts(files, one_thread)) == exact);
    ++loads;
  }
  CHECK(loads > 20);
}

TEST_CASE("records past the entity limit in a later file are refused where the exact reader refuses them") {
  std::vector<FactFile> files = builtin_fact_files();
  LoadLimits limits;
  limits.max_entities = 40;
  const std::string exact_schema = std::string(builtin_schema()) + " ";
  const LoadResult fast = load_facts(files, limits);
  REQUIRE_FALSE(fast.problems.empty());
  CHECK(describe(fast) == describe(load_facts(files, exact_schema, limits)));
}

TEST_CASE("a hidden character anywhere in a long file is found by the fast reader, escaped or not") {
  const auto file_with = [](std::size_t entities, std::size_t marked, const std::string& mark) {
    std::string text = R"({"sources": [{"id": "doc", "title": "T", "published": "2021", "document": "d"}], "entities": [)";
    for (std::size_t i = 0; i < entities; ++i)
      text += (i ? ", " : "") + std::string(R"({"id": "e-)") + std::to_string(i) +
              R"(", "type": "person", "name": "E", "description": "D)" + (i == marked ? mark : std::string()) +
              R"(.", "sources": [{"source": "doc", "section": "S", "note": "N."}]})";
    return text + "]}";
  };
  for (const std::size_t marked : {std::size_t{0}, std::size_t{37}, std::size_t{151}, std::size_t{299}}) {
    for (const std::string& mark : {std::string("\u200b"), std::string("\\u200b"), std::string("\x7f")}) {
      CAPTURE(marked);
      CAPTURE(mark);
      const std::vector<FactFile> files{{"facts.json", file_with(300, marked, mark)}};
      const LoadResult result = load_facts(files);
      CHECK(result.problems.empty());
      CHECK(result.warnings.size() == 1);
    }
  }
  const std::vector<FactFile> clean{{"facts.json", file_with(300, 300, "")}};
  CHECK(load_facts(clean).warnings.empty());
}
