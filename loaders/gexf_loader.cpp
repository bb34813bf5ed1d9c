#include "cartelgraph/loaders/gexf_loader.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/loaders/xml_graph.hpp"
#include "cartelgraph/loaders/xml_reader.hpp"

namespace cartelgraph {

namespace {

using detail::XmlDatum;
using detail::XmlElement;
using detail::XmlGraph;
using detail::XmlPosition;

// One interval of an edge: a <spell>, or the edge's own start, end or timestamp.
struct Spell {
  std::string start;
  std::string end;
  XmlPosition at;
};

// How an edge's spells read as dates, from its attributes start_precision, end_precision, end_is.
struct TimeReading {
  std::size_t start_length = 10;  // characters of YYYY-MM-DD kept: 4 (year), 7 (month) or 10 (day)
  std::size_t end_length = 10;
  const char* end_name = "until";  // or "ended_by"
};

std::optional<std::size_t> precision_length(const std::string& precision) {
  if (precision == "year") return 4;
  if (precision == "month") return 7;
  if (precision == "day") return 10;
  return std::nullopt;
}

bool is_date_format(std::string format) {
  std::ranges::transform(format, format.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return format == "date" || format == "datetime";
}

// GEXF's elements into the shared XmlGraph: <attribute>s (keyed by class and id, as GEXF scopes
// them), the top graph's <node>s and <edge>s with their attvalues, an edge split into one
// element per spell, and the meta description when it holds the source records.
class Reader final : public detail::XmlReader {
 public:
  Reader(const FactFile& file, const LoadLimits& limits, LoadResult& result, XmlGraph& document)
      : XmlReader(file, limits, result.problems, "gexf", "GEXF"), notes_(result.notes), document_(document) {}

 private:
  void on_text(const XML_Char* s, std::size_t length) override {
    if (in_text_) text_.append(s, length);
  }

  void on_start(const std::string& name, const XML_Char** attributes) override {
    if (name == "description" || name == "default") {
      in_text_ = true;
      text_.clear();
      text_at_ = here();
    } else if (name == "graph") {
      ++graph_depth_;
      if (graph_depth_ == 1) date_times_ = is_date_format(attribute(attributes, "timeformat"));
    } else if (name == "attributes") {
      class_ = attribute(attributes, "class");
    } else if (name == "attribute") {
      key_ = class_ + ':' + attribute(attributes, "id");
      document_.keys[key_] = {class_, attribute(attributes, "title"), {}};
    } else if (name == "node" && graph_depth_ == 1 && node_depth_++ == 0) {
      start_node(attributes);
    } else if (name == "edge" && graph_depth_ == 1 && node_depth_ == 0) {
      start_edge(attributes);
    } else if (name == "spell" && in_edge_) {
      add_spell(attributes);
    } else if (name == "attvalue" && current_ && (in_edge_ || node_depth_ == 1)) {
      add_attvalue(attributes);
    }
  }

  void on_end(const std::string& name) override {
    if (name == "description" || name == "default") {
      in_text_ = false;
      if (name == "default") document_.keys[key_].default_value = text_;
      else if (graph_depth_ == 0 && text_.find_first_not_of(" \t\r\n") != std::string::npos &&
               text_[text_.find_first_not_of(" \t\r\n")] == '[')  // the source records; prose is left alone
        document_.graph_data.push_back({{}, text_, text_at_, "sources"});
    } else if (name == "graph") {
      --graph_depth_;
    } else if (name == "node" && graph_depth_ == 1 && node_depth_ > 0 && --node_depth_ == 0) {
      current_ = nullptr;
    } else if (name == "edge" && in_edge_) {
      finish_edge();
    }
  }

  void start_node(const XML_Char** attributes) {
    if (document_.nodes.size() == limits_.max_entities)
      return stop("more than " + std::to_string(limits_.max_entities) + " nodes (--max-entities)");
    document_.nodes.push_back({attribute(attributes, "id"), {}, {}, here(), {}});
    current_ = &document_.nodes.back();
    class_of_current_ = "node";
    add_native(attributes, "label");
  }

  void start_edge(const XML_Char** attributes) {
    edge_ = {attribute(attributes, "id"), attribute(attributes, "source"), attribute(attributes, "target"), here(), {}};
    current_ = &edge_;
    class_of_current_ = "edge";
    in_edge_ = true;
    spells_.clear();
    for (const char* name : {"label", "kind", "weight"}) add_native(attributes, name);
    const std::string timestamp = attribute(attributes, "timestamp");
    const std::string start = timestamp.empty() ? attribute(attributes, "start") : timestamp;
    const std::string end = attribute(attributes, "end");
    if (!start.empty() || !end.empty()) spells_.push_back({start, end, here()});
  }

  // A value GEXF carries as an XML attribute of the node or edge, under its own name.
  void add_native(const XML_Char** attributes, const char* name) {
    for (std::size_t i = 0; attributes[i]; i += 2)
      if (std::string_view(attributes[i]) == name) current_->data.push_back({{}, attributes[i + 1], here(), name});
  }

  void add_spell(const XML_Char** attributes) {
    const std::string timestamp = attribute(attributes, "timestamp");
    spells_.push_back(
        {timestamp.empty() ? attribute(attributes, "start") : timestamp, attribute(attributes, "end"), here()});
  }

  void add_attvalue(const XML_Char** attributes) {
    const std::string key = class_of_current_ + ':' + attribute(attributes, "for");
    if (!document_.keys.contains(key))
      return problems_.push_back(
          {file_.path, here().line, here().column,
           "attvalue for undeclared " + class_of_current_ + " attribute '" + attribute(attributes, "for") + "'"});
    current_->data.push_back({key, attribute(attributes, "value"), here(), {}});
  }

  // The title of the declared attribute `datum` belongs to ("" for a native value).
  std::string title(const XmlDatum& datum) const {
    const auto key = document_.keys.find(datum.key);
    return datum.name.empty() && key != document_.keys.end() ? key->second.name : std::string();
  }

  TimeReading time_reading() {
    TimeReading reading;
    for (const XmlDatum& d : edge_.data) {
      const std::string name = title(d);
      if (name == "start_precision" || name == "end_precision") {
        const auto length = precision_length(d.value);
        if (!length)
          problems_.push_back({file_.path, d.at.line, d.at.column,
                               "'" + name + "' is \"" + d.value + "\", expected year, month or day"});
        (name == "start_precision" ? reading.start_length : reading.end_length) = length.value_or(10);
      } else if (name == "end_is") {
        if (d.value == "ended_by") reading.end_name = "ended_by";
        else if (d.value != "until")
          problems_.push_back(
              {file_.path, d.at.line, d.at.column, "'end_is' is \"" + d.value + "\", expected until or ended_by"});
      }
    }
    return reading;
  }

  // The date text a GEXF time stands for, cut to `length` characters; nullopt, with a note, for a
  // time that is not a date. A malformed date is kept as it is, for the builder to report.
  std::optional<std::string> date_of(const std::string& time, std::size_t length, XmlPosition at) {
    if (!date_times_) {
      notes_.push_back({file_.path, at.line, at.column,
                        "time '" + time + "' is not a calendar date (the graph's timeformat is not date): left out"});
      return std::nullopt;
    }
    const std::size_t day_end = std::min(time.find('T'), time.size());
    return time.substr(0, std::min(day_end, length));
  }

  void finish_edge() {
    in_edge_ = false;
    current_ = nullptr;
    const TimeReading reading = time_reading();
    if (spells_.empty()) spells_.push_back({});
    for (const Spell& spell : spells_) {
      if (document_.edges.size() == limits_.max_relations)
        return stop("more than " + std::to_string(limits_.max_relations) + " edges (--max-relations)");
      XmlElement edge = edge_;
      if (!spell.start.empty())
        if (auto date = date_of(spell.start, reading.start_length, spell.at))
          edge.data.push_back({{}, std::move(*date), spell.at, "since"});
      if (!spell.end.empty())
        if (auto date = date_of(spell.end, reading.end_length, spell.at))
          edge.data.push_back({{}, std::move(*date), spell.at, reading.end_name});
      document_.edges.push_back(std::move(edge));
    }
  }

  std::vector<Problem>& notes_;
  XmlGraph& document_;
  XmlElement* current_ = nullptr;  // the node or edge whose attvalues are being read
  std::string class_of_current_;   // node or edge
  XmlElement edge_;                // the edge being read, before its spells split it
  std::vector<Spell> spells_;
  std::string class_;  // of the <attributes> being read
  std::string key_;    // of the <attribute> being read
  std::string text_;
  XmlPosition text_at_;
  bool in_text_ = false;
  bool in_edge_ = false;
  bool date_times_ = false;  // the graph's timeformat is date or dateTime
  int graph_depth_ = 0;
  int node_depth_ = 0;  // nodes nest in hierarchical GEXF: only the outermost are read
};

// A file that declares cartelgraph's edge attribute `storyline` is our model; others are
// imported (see relation_checks.hpp for what that changes).
detail::Provenance provenance(const XmlGraph& document) {
  const bool ours = std::ranges::any_of(
      document.keys, [](const auto& key) { return key.second.domain == "edge" && key.second.name == "storyline"; });
  return ours ? detail::Provenance::our_model : detail::Provenance::imported;
}

}  // namespace

LoadResult load_gexf(const FactFile& file, const LoadOptions& options) {
  LoadResult result;
  XmlGraph document;
  Reader reader(file, options.limits, result, document);
  if (!reader.parse() || !result.problems.empty()) return result;
  build_xml_graph(file, document, options, {provenance(document), Confidence::ungraded}, result);
  return result;
}

}  // namespace cartelgraph
