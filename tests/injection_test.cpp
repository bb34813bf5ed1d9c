// Hostile names, notes and ids come out of every writer as inert text: DOT, SVG, the HTML
// dossier, GraphML, JSON, CSV and Cypher. Each output is parsed back by the rules of its format
// (Graphviz's parser, expat, RapidJSON, RFC 4180, Neo4j's string literals) and the strings must
// come back unchanged, without becoming markup, cells, formulas or statements of their own.
#include <doctest/doctest.h>

#include <expat.h>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "cartelgraph/render/escape.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

// ---- the hostile graph --------------------------------------------------------------------

// A spreadsheet formula, both quotes, backslashes (one of them last), markup, entity references,
// statement separators and a newline.
const std::string hostile_name =
    "=HYPERLINK(\"http://evil.example/?q=1&r=2\",\"click\") O'Brien \\\" <script>alert(1)</script> "
    "&amp; & AT&T; DROP\nsecond line \\";
// Every other formula prefix (+ - @ tab, carriage return), a Cypher statement, and a "\u0027" that
// Neo4j's parser would turn into a quote if the backslash were not escaped.
const std::vector<std::string> hostile_aliases = {"+1 555 0100", "-2+3 \\'", "@SUM(A1:A9)", "\tTabbed",
                                                  "\rReturned", "x'}) DETACH DELETE n //", "\\u0027 escaped"};
const std::string hostile_description =
    "-1+1 <img src=x onerror=alert(2)> \" onmouseover=\"alert(3)\" ' onfocus='alert(4)' </p></div>"
    "<script>alert(5)</script>\r\n; MATCH (n) DETACH DELETE n; -- \\\\ end";
const std::string hostile_section = "@section <b>bold</b> ]]> <!-- comment -->";
const std::string hostile_note =
    "\t=cmd|' /C calc'!A0 \"quoted\" 'single' \\ &lt;not a tag&gt; <script>alert(6)</script>\nnext line";
const std::string hostile_story = "<script>alert(7)</script> & \"story\" \\";
// Our fact files only allow kebab-case ids, but a GraphML file can give a node any id.
const std::string hostile_id = "-id \"q\" 'q' <b>&amp; 100%\t\nx \\";
const std::string hostile_id_name = "Weird \"id\" <owner> \\";

Citation hostile_citation() { return {"hostile-doc", hostile_section, hostile_note}; }

// The sample graph, plus an entity holding every hostile string, one with a hostile id, and a
// relation between them with a negative weight.
KnowledgeGraph hostile_graph() {
  KnowledgeGraph g = sample_graph();
  g.add_source({"hostile-doc", "+Title <script>alert(8)</script> & \"q\"", "-author 'x'", "@publisher", "2021-04-08",
                "javascript:alert(9)", "doc\".txt"});
  g.add_storyline({"hostile-story", hostile_story});
  const Vertex hostile = g.add_entity(
      {"hostile", EntityType::person, hostile_name, hostile_aliases, hostile_description, {hostile_citation()},
       "hostile-story"});
  const Vertex weird = g.add_entity(make_entity(hostile_id, EntityType::organization, hostile_id_name));
  Relation alliance = make_relation(RelationKind::allied_with, Confidence::reported, "2021-03");
  alliance.weight = -2.5;
  alliance.place = "mexicali";
  alliance.sources = {hostile_citation()};
  alliance.storyline = "hostile-story";
  g.add_relation(hostile, weird, alliance);
  g.add_relation(hostile, *g.find("los-rusos"), make_relation(RelationKind::member_of, Confidence::alleged, "2021"));
  return g;
}

// ---- reading the outputs back -------------------------------------------------------------

void append_utf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Character references (&amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;) decoded, left to right, once.
std::string decode_entities(std::string_view text) {
  static const std::map<std::string, std::string, std::less<>> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (end != std::string_view::npos && end - i < 12) {
      const std::string_view reference = text.substr(i + 1, end - i - 1);
      if (const auto it = named.find(reference); it != named.end()) {
        out += it->second;
        i = end;
        continue;
      }
      if (reference.size() > 1 && reference[0] == '#') {
        const bool hex = reference[1] == 'x' || reference[1] == 'X';
        append_utf8(out, std::stoul(std::string(reference.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The text Graphviz draws for a label: "\\" is one backslash, and character references decode.
std::string graphviz_text(std::string_view label) {
  std::string unescaped;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '\\' && i + 1 < label.size() && label[i + 1] == '\\') ++i;
    unescaped += label[i];
  }
  return decode_entities(unescaped);
}

// The text of a Graphviz HTML-like label: tags dropped (a line break as a space), entities decoded.
std::string html_label_text(std::string_view label) {
  std::string text;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label[i] != '<') {
      text += label[i];
      continue;
    }
    const std::size_t end = label.find('>', i);
    if (label.substr(i, 4) == "<BR/") text += ' ';
    i = end == std::string_view::npos ? label.size() : end;
  }
  return decode_entities(text);
}

// Text as a diagram shows it: control characters as U+FFFD (XML cannot hold them), words
// separated by single spaces (a label wraps at spaces).
std::string shown(std::string_view text) {
  std::string out;
  for (const char c : text) out += static_cast<unsigned char>(c) < 0x20 ? std::string("\xEF\xBF\xBD") : std::string(1, c);
  std::string words;
  for (std::size_t i = 0; i < out.size();) {
    const std::size_t space = out.find(' ', i);
    const std::string word = out.substr(i, space == std::string::npos ? std::string::npos : space - i);
    if (!word.empty()) words += (words.empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    i = space + 1;
  }
  return words;
}

std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value ? value : "";
}

// An XML document as expat reads it: every element with its attributes and its own text.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;
  int parent = -1;
};

struct XmlDocument {
  std::string error;  // empty when the document is well-formed
  std::vector<XmlElement> elements;
};

XmlDocument parse_xml(const std::string& text) {
  struct State {
    XmlDocument document;
    std::vector<int> open;
  } state;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& s = *static_cast<State*>(data);
        XmlElement element{name, {}, {}, s.open.empty() ? -1 : s.open.back()};
        for (int i = 0; attributes[i]; i += 2) element.attributes[attributes[i]] = attributes[i + 1];
        s.open.push_back(static_cast<int>(s.document.elements.size()));
        s.document.elements.push_back(std::move(element));
      },
      [](void* data, const XML_Char*) { static_cast<State*>(data)->open.pop_back(); });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int length) {
    auto& state = *static_cast<State*>(data);
    if (!state.open.empty()) state.document.elements[state.open.back()].text.append(s, length);
  });
  if (XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) != XML_STATUS_OK)
    state.document.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                           std::to_string(XML_GetCurrentLineNumber(parser));
  XML_ParserFree(parser);
  return std::move(state.document);
}

// An HTML document as the HTML5 tokenizer splits it: start tags with their attributes (values
// decoded), the raw text of <script> and <style>, and decoded text. Enough to tell whether a
// string became a tag, an attribute or text.
struct HtmlTag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string raw_text;  // of script and style
};

struct HtmlDocument {
  std::vector<HtmlTag> tags;
  std::vector<std::string> texts;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

HtmlDocument tokenize_html(std::string_view html) {
  HtmlDocument document;
  std::string text;
  const auto flush = [&] {
    if (!text.empty()) document.texts.push_back(decode_entities(text));
    text.clear();
  };
  const auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  std::size_t i = 0;
  while (i < html.size()) {
    if (html.substr(i, 4) == "<!--") {
      flush();
      const std::size_t end = html.find("-->", i + 4);
      REQUIRE(end != std::string_view::npos);
      i = end + 3;
    } else if (html.substr(i, 2) == "<!" || (html.substr(i, 2) == "</" && i + 2 < html.size() && is_letter(html[i + 2]))) {
      flush();  // a doctype or an end tag
      i = html.find('>', i) + 1;
      REQUIRE(i != 0);
    } else if (html[i] == '<' && i + 1 < html.size() && is_letter(html[i + 1])) {
      flush();
      HtmlTag tag;
      ++i;
      while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>') tag.name += html[i++];
      tag.name = lower(tag.name);
      while (i < html.size() && html[i] != '>') {
        if (is_space(html[i]) || html[i] == '/') {
          ++i;
          continue;
        }
        std::string name;
        while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=')
          name += html[i++];
        std::string value;
        while (i < html.size() && is_space(html[i])) ++i;
        if (i < html.size() && html[i] == '=') {
          ++i;
          while (i < html.size() && is_space(html[i])) ++i;
          if (html[i] == '"' || html[i] == '\'') {
            const std::size_t end = html.find(html[i], i + 1);
            REQUIRE(end != std::string_view::npos);
            value = html.substr(i + 1, end - i - 1);
            i = end + 1;
          } else {
            while (i < html.size() && !is_space(html[i]) && html[i] != '>') value += html[i++];
          }
        }
        tag.attributes.emplace_back(lower(name), decode_entities(value));
      }
      ++i;
      if (tag.name == "script" || tag.name == "style") {
        const std::size_t end = lower(html).find("</" + tag.name, i);
        REQUIRE(end != std::string::npos);
        tag.raw_text = html.substr(i, end - i);
        i = end;
      }
      document.tags.push_back(std::move(tag));
    } else {
      text += html[i++];
    }
  }
  flush();
  return document;
}

// Every element id, and every local link (#…) that has no element with that id.
std::vector<std::string> dangling_links(const HtmlDocument& html) {
  std::vector<std::string> ids;
  for (const auto& tag : html.tags)
    for (const auto& [name, value] : tag.attributes)
      if (name == "id") ids.push_back(value);
  std::vector<std::string> dangling;
  for (const auto& tag : html.tags)
    for (const auto& [name, value] : tag.attributes)
      if ((name == "href" || name == "xlink:href") && value.starts_with("#") &&
          std::ranges::find(ids, value.substr(1)) == ids.end())
        dangling.push_back(value);
  return dangling;
}

// A CSV file read by RFC 4180: fields quoted ("" for a quote) or bare (no quote, comma or line
// break); records end in LF or CRLF. Fails the test on anything else.
struct CsvCell {
  std::string value;
  bool quoted = false;
};

std::vector<std::vector<CsvCell>> parse_csv(std::string_view text) {
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvCell> row;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvCell cell;
    if (text[i] == '"') {
      cell.quoted = true;
      for (++i;; ++i) {
        REQUIRE(i < text.size());  // an unterminated quoted field
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.value += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          cell.value += text[i];
        }
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        REQUIRE(text[i] != '"');  // a quote inside a bare field
        cell.value += text[i++];
      }
    }
    row.push_back(std::move(cell));
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (text.substr(i, 2) == "\r\n") ++i;
    REQUIRE((i == text.size() || text[i] == '\n'));  // a field must end at a comma or a line break
    ++i;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

// A Cypher script as cypher-shell splits it into statements (at ';' outside strings and
// comments), each with its string literals decoded by Neo4j's rules and written as ? in its
// skeleton. Neo4j reads \uXXXX escapes anywhere in a query, as Java does (its manual:
// M\u0041TCH), so they are decoded first, where a backslash escapes them; an escaped "\u0027"
// must not become a quote. Fails the test on an invalid escape or an unterminated literal.
struct CypherStatement {
  std::string skeleton;
  std::vector<std::string> literals;
};

bool is_hex(std::string_view digits) {
  return std::ranges::all_of(digits, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string java_unicode_escapes(std::string_view text) {
  std::string out;
  std::size_t backslashes = 0;  // contiguous, just before i
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && backslashes % 2 == 0 && i + 1 < text.size() && text[i + 1] == 'u') {
      std::size_t j = i + 1;
      while (j < text.size() && text[j] == 'u') ++j;
      if (j + 4 <= text.size() && is_hex(text.substr(j, 4))) {
        append_utf8(out, std::stoul(std::string(text.substr(j, 4)), nullptr, 16));
        i = j + 3;
        backslashes = 0;
        continue;
      }
    }
    backslashes = text[i] == '\\' ? backslashes + 1 : 0;
    out += text[i];
  }
  return out;
}

std::vector<CypherStatement> parse_cypher(std::string_view script) {
  const std::string text = java_unicode_escapes(script);
  std::vector<CypherStatement> statements;
  CypherStatement current;
  const auto finish = [&] {
    const auto first = current.skeleton.find_first_not_of(" \n");
    if (first != std::string::npos) {
      current.skeleton = current.skeleton.substr(first, current.skeleton.find_last_not_of(" \n") - first + 1);
      statements.push_back(std::move(current));
    }
    current = {};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'' || c == '"') {
      std::string literal;
      for (++i;; ++i) {
        REQUIRE(i < text.size());  // an unterminated string literal
        if (text[i] == c) break;
        if (text[i] != '\\') {
          literal += text[i];
          continue;
        }
        REQUIRE(i + 1 < text.size());
        const char e = text[++i];
        static const std::map<char, char> simple = {{'\\', '\\'}, {'\'', '\''}, {'"', '"'}, {'n', '\n'},
                                                    {'r', '\r'},  {'t', '\t'},  {'b', '\b'}, {'f', '\f'}};
        if (const auto it = simple.find(e); it != simple.end()) {
          literal += it->second;
        } else if ((e == 'u' || e == 'U') && is_hex(std::string_view(text).substr(i + 1, e == 'u' ? 4 : 8))) {
          const std::size_t digits = e == 'u' ? 4 : 8;
          append_utf8(literal, std::stoul(text.substr(i + 1, digits), nullptr, 16));
          i += digits;
        } else {
          FAIL("invalid escape \\" << e << " in a Cypher string literal");
        }
      }
      current.literals.push_back(std::move(literal));
      current.skeleton += '?';
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == ';') {
      finish();
    } else {
      current.skeleton += c;
    }
  }
  finish();
  return statements;
}

}  // namespace

TEST_CASE("DOT: hostile names and ids come back from Graphviz's parser as the same text") {
  const KnowledgeGraph g = hostile_graph();
  const GraphView view(g);
  const Projection projection = Projection::build(view);
  const Vertex hostile = *g.find("hostile");
  DiagramSpec whole = whole_view(view);
  whole.cluster = true;
  const auto path = path_view(view, projection, *g.find("los-salazar"), hostile);
  REQUIRE(path);
  const std::pair<const char*, DiagramSpec> specs[] = {
      {"whole, clustered", whole}, {"focus", focus_view(view, hostile, 1)}, {"path", *path}};
  for (const auto& [what, spec] : specs) {
    for (const char* layout : {"none", "dot"}) {
      CAPTURE(what);
      CAPTURE(layout);
      const std::string dot = render_diagram(g, spec, DiagramFormat::dot, layout);
      Agraph_t* parsed = agmemread(dot.c_str());
      REQUIRE(parsed != nullptr);
      CHECK(html_label_text(attribute(parsed, "label")).find(shown(spec.title)) != std::string::npos);
      for (const Vertex v : spec.entities) {
        CAPTURE(g.entity(v).id);
        Agnode_t* node = agnode(parsed, const_cast<char*>(anchor_id(g.entity(v).id).c_str()), 0);
        REQUIRE(node != nullptr);
        CHECK(html_label_text(attribute(node, "label")) == shown(g.entity(v).name));
      }
      Agnode_t* node = agnode(parsed, const_cast<char*>("hostile"), 0);
      REQUIRE(node != nullptr);
      const std::string tooltip = graphviz_text(attribute(node, "tooltip"));
      CHECK(tooltip.find(hostile_description) != std::string::npos);
      CHECK(tooltip.find(hostile_note) != std::string::npos);
      CHECK(tooltip.find(hostile_aliases[5]) != std::string::npos);
      CHECK(agnnodes(parsed) >= static_cast<int>(spec.entities.size()));
      agclose(parsed);
    }
  }
}

TEST_CASE("SVG: hostile names are text, never markup, in well-formed XML") {
  const KnowledgeGraph g = hostile_graph();
  const GraphView view(g);
  DiagramSpec spec = whole_view(view);
  spec.cluster = true;
  const XmlDocument svg = parse_xml(render_diagram(g, spec, DiagramFormat::svg, "dot"));
  REQUIRE(svg.error.empty());
  std::vector<std::string> texts;
  std::string tooltips;
  for (const auto& element : svg.elements) {
    CAPTURE(element.name);
    CHECK(element.name != "script");
    CHECK(element.name != "img");
    CHECK(element.name != "b");
    for (const auto& [name, value] : element.attributes) CHECK_FALSE(lower(name).starts_with("on"));
    if (element.name == "text") texts.push_back(element.text);
    if (const auto it = element.attributes.find("xlink:title"); it != element.attributes.end()) tooltips += it->second;
  }
  // Graphviz draws a label line by line, one <text> each; a label wraps at spaces.
  std::string all_text;
  for (const std::string& text : texts) all_text += text + " ";
  for (const std::string& name : {hostile_name, hostile_id_name}) {
    CAPTURE(name);
    CHECK(shown(all_text).find(shown(name)) != std::string::npos);
  }
  CHECK(tooltips.find("<img src=x onerror=alert(2)> \" onmouseover=\"alert(3)\"") != std::string::npos);
  CHECK(tooltips.find("<script>alert(6)</script>") != std::string::npos);
}

TEST_CASE("HTML dossier: hostile strings stay text; no tag, attribute or broken link comes from the data") {
  const KnowledgeGraph g = hostile_graph();
  const HtmlDocument html = tokenize_html(render_dossier(GraphView(g)));
  for (const auto& tag : html.tags) {
    CAPTURE(tag.name);
    CHECK(tag.name != "img");
    CHECK(tag.name != "b");
    if (tag.name == "script") CHECK(tag.raw_text.find("alert(") == std::string::npos);
    for (const auto& [name, value] : tag.attributes) CHECK_FALSE(name.starts_with("on"));
  }
  const auto has_text = [&](const std::string& text) { return std::ranges::find(html.texts, text) != html.texts.end(); };
  CHECK(has_text(hostile_name + " "));  // the card's heading, before the type
  CHECK(has_text(hostile_description));
  CHECK(has_text(hostile_id_name + " "));
  CHECK(has_text(hostile_story));
  CHECK(has_text(" §" + hostile_section + "] " + hostile_note));
  CHECK(has_text("+Title <script>alert(8)</script> & \"q\""));
  // The diagrams link to the cards, and the cards to the sources, with the hostile id too.
  CHECK(dangling_links(html).empty());
  const std::string card = "entity-" + anchor_id(hostile_id);
  CHECK(std::ranges::any_of(html.tags, [&](const HtmlTag& tag) {
    return std::ranges::find(tag.attributes, std::pair<std::string, std::string>{"xlink:href", "#" + card}) !=
           tag.attributes.end();
  }));
}

TEST_CASE("GraphML: hostile strings and ids are well-formed XML and come back the same") {
  const KnowledgeGraph g = hostile_graph();
  const GraphView view(g);
  const std::string graphml = export_graphml(view);
  const XmlDocument xml = parse_xml(graphml);
  REQUIRE(xml.error.empty());
  std::map<std::string, std::map<std::string, std::string>> nodes;  // id → key → value
  std::vector<std::map<std::string, std::string>> edges;            // attributes and data
  for (std::size_t i = 0; i < xml.elements.size(); ++i) {
    const XmlElement& element = xml.elements[i];
    if (element.name == "edge") edges.push_back(element.attributes);
    if (element.name != "data" || element.parent < 0) continue;
    const XmlElement& owner = xml.elements[static_cast<std::size_t>(element.parent)];
    if (owner.name == "node") nodes[owner.attributes.at("id")][element.attributes.at("key")] = element.text;
    if (owner.name == "edge") {
      const std::size_t edge_index = static_cast<std::size_t>(std::ranges::count_if(
          xml.elements.begin(), xml.elements.begin() + element.parent + 1, [](const XmlElement& e) { return e.name == "edge"; }));
      edges[edge_index - 1][element.attributes.at("key")] = element.text;
    }
  }
  REQUIRE(nodes.contains("hostile"));
  CHECK(nodes["hostile"]["n_name"] == hostile_name);
  CHECK(nodes["hostile"]["n_description"] == hostile_description);  // the carriage return too
  rapidjson::Document aliases;
  aliases.Parse(nodes["hostile"]["n_aliases"].c_str());
  REQUIRE(aliases.IsArray());
  REQUIRE(aliases.Size() == hostile_aliases.size());
  for (rapidjson::SizeType i = 0; i < aliases.Size(); ++i) CHECK(aliases[i].GetString() == hostile_aliases[i]);
  REQUIRE(nodes.contains(hostile_id));  // tab and newline in an attribute survive
  CHECK(nodes[hostile_id]["n_name"] == hostile_id_name);
  const auto alliance = std::ranges::find_if(edges, [](auto& e) { return e["target"] == hostile_id; });
  REQUIRE(alliance != edges.end());
  CHECK((*alliance)["e_weight"] == "-2.5");
  CHECK((*alliance)["e_sources"].find("<script>alert(6)</script>") != std::string::npos);

  // Our own GraphML reader (expat too) reads the strings back, and refuses, as the fact loader
  // does, the control characters in the hostile name (a newline) and id (a tab): they would act
  // on a terminal.
  const LoadResult back = load_graphml({"hostile.graphml", graphml});
  std::vector<std::string> refused;
  for (const auto& problem : back.problems) refused.push_back(problem.message.substr(0, problem.message.find(',')));
  std::ranges::sort(refused);
  CHECK(refused == std::vector<std::string>{"id holds U+0009", "name holds U+000A"});
}

TEST_CASE("JSON: hostile strings parse back with RapidJSON unchanged") {
  const KnowledgeGraph g = hostile_graph();
  rapidjson::Document json;
  json.Parse(export_json(GraphView(g)).c_str());
  REQUIRE_FALSE(json.HasParseError());
  const auto find = [&](const char* array, const std::string& id) -> const rapidjson::Value& {
    for (const auto& item : json[array].GetArray())
      if (item["id"].GetString() == id) return item;
    FAIL("no " << id << " in " << array);
    return json;
  };
  const auto& entity = find("entities", "hostile");
  CHECK(entity["name"].GetString() == hostile_name);
  CHECK(entity["description"].GetString() == hostile_description);
  REQUIRE(entity["aliases"].Size() == hostile_aliases.size());
  for (rapidjson::SizeType i = 0; i < entity["aliases"].Size(); ++i)
    CHECK(entity["aliases"][i].GetString() == hostile_aliases[i]);
  CHECK(entity["sources"][0]["section"].GetString() == hostile_section);
  CHECK(entity["sources"][0]["note"].GetString() == hostile_note);
  CHECK(find("entities", hostile_id)["name"].GetString() == hostile_id_name);
  CHECK(find("sources", "hostile-doc")["document"].GetString() == std::string("doc\".txt"));
  bool weighted = false;
  for (const auto& relation : json["relations"].GetArray())
    if (relation["to"].GetString() == hostile_id) weighted = relation["weight"].GetDouble() == -2.5;
  CHECK(weighted);
}

TEST_CASE("CSV: formula prefixes in text cells are neutralized, numbers are not, and every row has its columns") {
  const KnowledgeGraph g = hostile_graph();
  const CsvExport csv = export_csv(GraphView(g));
  for (const std::string* file : {&csv.nodes, &csv.relationships, &csv.sources, &csv.citations}) {
    const auto rows = parse_csv(*file);
    REQUIRE(rows.size() > 1);
    const std::size_t columns = rows[0].size();
    std::size_t weight_column = columns;
    for (std::size_t c = 0; c < columns; ++c)
      if (rows[0][c].value.starts_with("weight")) weight_column = c;
    for (const auto& row : std::span(rows).subspan(1)) {  // the header is Neo4j's, and bare
      REQUIRE(row.size() == columns);
      for (std::size_t c = 0; c < columns; ++c) {
        const CsvCell& cell = row[c];
        CAPTURE(cell.value);
        if (c == weight_column) {
          CHECK_FALSE(cell.quoted);  // a number, as Neo4j's weight:double expects
          continue;
        }
        CHECK(cell.quoted);
        CHECK((cell.value.empty() || std::string_view("=+-@\t\r").find(cell.value[0]) == std::string_view::npos));
      }
    }
  }
  const auto nodes = parse_csv(csv.nodes);
  const auto hostile = std::ranges::find_if(nodes, [](const auto& row) { return row[0].value == "hostile"; });
  REQUIRE(hostile != nodes.end());
  CHECK((*hostile)[1].value == "'" + hostile_name);
  CHECK((*hostile)[5].value == "'" + hostile_description);      // after aliases and known_as
  CHECK((*hostile)[3].value.starts_with("'+1 555 0100;-2+3"));  // the array cell starts with its first alias
  // Ids are neutralized alike in both files, so relationships still find their nodes.
  const auto relationships = parse_csv(csv.relationships);
  const auto alliance = std::ranges::find_if(relationships, [](const auto& row) { return row[2].value == "ALLIED_WITH" && row[0].value == "hostile"; });
  REQUIRE(alliance != relationships.end());
  CHECK((*alliance)[1].value == "'" + hostile_id);
  CHECK(std::ranges::any_of(nodes, [](const auto& row) { return row[0].value == "'" + hostile_id; }));
  CHECK((*alliance)[10].value == "-2.5");  // the weight, after id, label, since, until, known_by, ended_by, place
  CHECK(csv.relationships.find(",-2.5,") != std::string::npos);
}

TEST_CASE("Cypher: a quote, a backslash or \\u0027 in a string cannot end its literal") {
  const KnowledgeGraph g = hostile_graph();
  const auto statements = parse_cypher(export_cypher(GraphView(g)));
  CHECK(statements.size() == 1 + g.entity_count() + g.relation_count());
  const std::regex constraint(R"(CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE)");
  const std::regex entity(
      R"(CREATE \(:Entity:[A-Z][a-z]+ \{id: \?, name: \?, type: \?, aliases: \[(\?(, \?)*)?\], description: \?, sources: \?\}\))");
  const std::regex relation(
      R"(MATCH \(a:Entity \{id: \?\}\), \(b:Entity \{id: \?\}\) CREATE \(a\)-\[:[A-Z_]+ \{confidence: \?(, since: \?)?)"
      R"((, until: \?)?(, place: \?)?(, weight: -?[0-9.e+-]+)?, sources: \?\}\]->\(b\))");
  for (const auto& statement : statements) {
    CAPTURE(statement.skeleton);
    CHECK((std::regex_match(statement.skeleton, constraint) || std::regex_match(statement.skeleton, entity) ||
           std::regex_match(statement.skeleton, relation)));
  }
  const auto hostile = std::ranges::find_if(statements, [](const CypherStatement& s) {
    return !s.literals.empty() && s.literals[0] == "hostile";
  });
  REQUIRE(hostile != statements.end());
  REQUIRE(hostile->literals.size() == 4 + hostile_aliases.size() + 1);
  CHECK(hostile->literals[1] == hostile_name);
  for (std::size_t i = 0; i < hostile_aliases.size(); ++i) CHECK(hostile->literals[3 + i] == hostile_aliases[i]);
  CHECK(hostile->literals[3 + hostile_aliases.size()] == hostile_description);
  CHECK(std::ranges::any_of(statements, [](const CypherStatement& s) {
    return s.skeleton.find("weight: -2.5") != std::string::npos && s.literals[1] == hostile_id;
  }));
}

TEST_CASE("characters XML cannot hold become U+FFFD, so GraphML and SVG stay well-formed") {
  KnowledgeGraph g = sample_graph();
  g.add_entity(make_entity("bell", EntityType::person, std::string("bell\x07 and\x01 escape\x1b[31m")));
  const GraphView view(g);
  CHECK(xml_escape("a\x01\x1f\t") == "a\xEF\xBF\xBD\xEF\xBF\xBD&#9;");
  const XmlDocument graphml = parse_xml(export_graphml(view));
  REQUIRE(graphml.error.empty());
  CHECK(std::ranges::any_of(graphml.elements, [](const XmlElement& e) {
    return e.text == "bell\xEF\xBF\xBD and\xEF\xBF\xBD escape\xEF\xBF\xBD[31m";
  }));
  CHECK(parse_xml(render_diagram(g, whole_view(view), DiagramFormat::svg, "dot")).error.empty());
}
