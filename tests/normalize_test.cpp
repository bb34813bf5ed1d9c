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
