#include "cartelgraph/loaders/graphml_loader.hpp"

#include <algorithm>
#include <string>

#include "cartelgraph/loaders/xml_graph.hpp"
#include "cartelgraph/loaders/xml_reader.hpp"

namespace cartelgraph {

namespace {

using detail::XmlDatum;
using detail::XmlGraph;

// GraphML's elements into the shared XmlGraph: <key>s, <node>s and <edge>s of the top graph and
// their <data>, the graph's own <data>.
class Reader final : public detail::XmlReader {
 public:
  Reader(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems, XmlGraph& document)
      : XmlReader(file, limits, problems, "graphml", "GraphML"), document_(document) {}

 private:
  void on_text(const XML_Char* s, std::size_t length) override {
    if (in_data_ || in_default_) text_.append(s, length);
  }

  void on_start(const std::string& name, const XML_Char** attributes) override {
    if (name == "key") {
      current_key_ = attribute(attributes, "id");
      document_.keys[current_key_] = {attribute(attributes, "for"), attribute(attributes, "attr.name"), {}};
    } else if (name == "default") {
      in_default_ = true;
      text_.clear();
    } else if (name == "graph") {
      ++graph_depth_;
    } else if (name == "node" && graph_depth_ == 1) {
      if (document_.nodes.size() == limits_.max_entities)
        return stop("more than " + std::to_string(limits_.max_entities) + " nodes (--max-entities)");
      document_.nodes.push_back({attribute(attributes, "id"), {}, {}, here(), {}});
      current_ = &document_.nodes.back();
    } else if (name == "edge" && graph_depth_ == 1) {
      if (document_.edges.size() == limits_.max_relations)
        return stop("more than " + std::to_string(limits_.max_relations) + " edges (--max-relations)");
      document_.edges.push_back(
          {attribute(attributes, "id"), attribute(attributes, "source"), attribute(attributes, "target"), here(), {}});
      current_ = &document_.edges.back();
    } else if (name == "data") {
      in_data_ = true;
      text_.clear();
      datum_ = {attribute(attributes, "key"), {}, here(), {}};
    }
  }

  void on_end(const std::string& name) override {
    if (name == "default") {
      in_default_ = false;
      document_.keys[current_key_].default_value = text_;
    } else if (name == "graph") {
      --graph_depth_;
    } else if (name == "node" || name == "edge") {
      current_ = nullptr;
    } else if (name == "data") {
      in_data_ = false;
      datum_.value = text_;
      if (current_) current_->data.push_back(datum_);
      else if (graph_depth_ == 1) document_.graph_data.push_back(datum_);
    }
  }

  XmlGraph& document_;
  detail::XmlElement* current_ = nullptr;  // stable: nodes and edges are only appended to while outside them
  XmlDatum datum_;
  std::string current_key_;
  std::string text_;
  bool in_data_ = false;
  bool in_default_ = false;
  int graph_depth_ = 0;
};

// A file that declares cartelgraph's edge attribute `kind` is our model; one without is
// imported (see relation_checks.hpp for what that changes).
detail::Provenance provenance(const XmlGraph& document) {
  const bool ours = std::ranges::any_of(document.keys, [](const auto& key) {
    return key.second.name == "kind" && (key.second.domain == "edge" || key.second.domain == "all");
  });
  return ours ? detail::Provenance::our_model : detail::Provenance::imported;
}

}  // namespace

LoadResult load_graphml(const FactFile& file, const GraphmlOptions& options) {
  LoadResult result;
  XmlGraph document;
  Reader reader(file, options.limits, result.problems, document);
  if (!reader.parse()) return result;
  build_xml_graph(file, document, options, {provenance(document), Confidence::ungraded}, result);
  return result;
}

}  // namespace cartelgraph
