#include <doctest/doctest.h>

#include <stdexcept>

#include "cartelgraph/graph/normalize.hpp"

using cartelgraph::normalize_name;

TEST_CASE("names compare without regard to case, accents or quotes") {
  CHECK(normalize_name("El Árabe") == "el arabe");
  CHECK(normalize_name("EL ÁRABE") == "el arabe");
  CHECK(normalize_name("el arabe") == "el arabe");
  CHECK(normalize_name("“El Árabe”") == "el arabe");
  CHECK(normalize_name("Cártel de Jalisco Nueva Generación") == "cartel de jalisco nueva generacion");
  CHECK(normalize_name("San Luis Río Colorado") == normalize_name("San Luis Rio Colorado"));
}

TEST_CASE("punctuation separates words and spaces collapse") {
  CHECK(normalize_name("  Los   Chapitos ") == "los chapitos");
  CHECK(normalize_name("Baja California-Sonora") == "baja california sonora");
  CHECK(normalize_name("Ex-Defense Minister") == "ex defense minister");
  CHECK(normalize_name("U.S.") == "u s");
  CHECK(normalize_name("") == "");
}

TEST_CASE("case folding covers non-ASCII letters") {
  CHECK(normalize_name("ÑOÑO") == "nono");
  CHECK(normalize_name("STRASSE") == normalize_name("Straße"));
}

TEST_CASE("invalid UTF-8 is rejected") {
  CHECK_THROWS_AS((void)normalize_name("Caf\xe9"), cartelgraph::Error);
}

TEST_CASE("an ASCII name gets the key utf8proc gives it") {
  // A trailing no-break space (a separator, so it adds nothing to the key) sends the same name
  // through utf8proc: every pair of ASCII characters, between letters and alone.
  for (int a = 0; a < 0x80; ++a) {
    for (int b = 0; b < 0x80; ++b) {
      const std::string pair{static_cast<char>(a), static_cast<char>(b)};
      for (const std::string& name : {pair, "x" + pair + "Y", " " + pair + "9 "}) {
        INFO("name: ", name);
        REQUIRE(normalize_name(name) == normalize_name(name + "\u00A0"));
      }
    }
  }
  CHECK(normalize_name("O'Brien, Jr.") == "obrien jr");
}
