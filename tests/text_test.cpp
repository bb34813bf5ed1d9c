#include "cartelgraph/graph/text.hpp"

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include "cartelgraph/graph/citation.hpp"

namespace cartelgraph {
namespace {

TEST_CASE("equal texts share one interned string, however they were made") {
  const std::string built = std::string("Cartel de ") + "Sinaloa";
  const Text a = built;
  const Text b = std::string_view("Cartel de Sinaloa");
  const Text c = "Cartel de Sinaloa";
  CHECK(&a.str() == &b.str());
  CHECK(&b.str() == &c.str());
  CHECK(a == b);
  CHECK(a != Text("CJNG"));
  CHECK(Text().empty());
  CHECK(Text() == Text(""));
}

TEST_CASE("a text reads like the string it holds") {
  const Text t = "Los Chapitos";
  CHECK(t == "Los Chapitos");
  CHECK("Los Chapitos" == t);
  CHECK(t == std::string("Los Chapitos"));
  CHECK(t.size() == 12);
  CHECK(t.starts_with("Los"));
  CHECK(t.find("Chap") == 4);
  CHECK(t + "!" == "Los Chapitos!");
  CHECK(std::string("¡") + t == "¡Los Chapitos");
  const std::string copy = t;
  CHECK(copy == "Los Chapitos");
  std::ostringstream out;
  out << t;
  CHECK(out.str() == "Los Chapitos");
  CHECK(Text("a") < Text("b"));
  CHECK(Text("b") > "a");
  std::map<std::string, int, std::less<>> ids{{"Los Chapitos", 1}};
  CHECK(ids.find(t.view()) != ids.end());
}

TEST_CASE("equal citation lists are one list") {
  const Citation c{.source = "insight-crime", .section = "Sinaloa", .note = "a note"};
  const CitationList a = std::vector<Citation>{c};
  const CitationList b = std::vector<Citation>{
      Citation{.source = "insight-crime", .section = "Sinaloa", .note = "a note"}};
  CHECK(a == b);
  CHECK(&a.get() == &b.get());
  CHECK(a.size() == 1);
  CHECK(a[0].note == "a note");
  CHECK_FALSE(a == CitationList{});
  CHECK(CitationList{}.empty());
}

}  // namespace
}  // namespace cartelgraph
