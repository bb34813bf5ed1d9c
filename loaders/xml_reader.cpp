#include "cartelgraph/loaders/xml_reader.hpp"

#include <algorithm>
#include <memory>

#include "cartelgraph/loaders/fact_records.hpp"

namespace cartelgraph::detail {

// Expat reads the XML and tells where each element starts. Boost's read_graphml maps GraphML
// onto property maps but reports no positions, and positions are what a user needs to fix a file.

XmlReader::XmlReader(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems, std::string root,
                     std::string format)
    : file_(file), limits_(limits), problems_(problems), root_(std::move(root)), format_(std::move(format)) {}

bool XmlReader::parse() {
  if (file_.text.size() > limits_.max_file_bytes) {
    problems_.push_back({file_.path, 0, 0, too_big(file_.text.size(), limits_)});
    return false;
  }
  const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), &XML_ParserFree);
  parser_ = parser.get();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlReader::start, &XmlReader::end);
  XML_SetCharacterDataHandler(parser_, &XmlReader::text);
  XML_SetEntityDeclHandler(parser_, &XmlReader::entity_declaration);
  // XML_Parse takes an int length: feed files past 2 GiB in pieces.
  constexpr std::size_t piece = std::size_t{1} << 30;
  for (std::size_t at = 0;;) {
    const std::size_t length = std::min(piece, file_.text.size() - at);
    const bool last = at + length == file_.text.size();
    if (XML_Parse(parser_, file_.text.data() + at, static_cast<int>(length), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      const std::string message = stopped_.empty()
                                      ? std::string("XML syntax error: ") + XML_ErrorString(XML_GetErrorCode(parser_))
                                      : stopped_;
      problems_.push_back({file_.path, stop_at_.line ? stop_at_.line : XML_GetCurrentLineNumber(parser_),
                           stop_at_.line ? stop_at_.column : XML_GetCurrentColumnNumber(parser_) + 1, message});
      return false;
    }
    if (last) return true;
    at += length;
  }
}

std::string XmlReader::local(const XML_Char* name) {
  std::string s(name);
  const auto colon = s.rfind(':');
  return colon == std::string::npos ? s : s.substr(colon + 1);
}

std::string XmlReader::attribute(const XML_Char** attributes, const char* name) {
  for (std::size_t i = 0; attributes[i]; i += 2)
    if (local(attributes[i]) == name) return attributes[i + 1];
  return {};
}

XmlPosition XmlReader::here() const {
  return {XML_GetCurrentLineNumber(parser_), XML_GetCurrentColumnNumber(parser_) + 1};
}

void XmlReader::start(void* self, const XML_Char* name, const XML_Char** attributes) {
  auto* reader = static_cast<XmlReader*>(self);
  if (++reader->depth_ > reader->limits_.max_depth) {
    reader->stop("elements nested deeper than " + std::to_string(reader->limits_.max_depth) + " levels (--max-depth)");
    return;
  }
  const std::string element = local(name);
  if (reader->depth_ == 1 && element != reader->root_)  // an XML file of another kind: not an empty graph
    return reader->stop("the root element is <" + element + ">, not <" + reader->root_ + ">: not a " + reader->format_ +
                        " file");
  reader->on_start(element, attributes);
}

void XmlReader::end(void* self, const XML_Char* name) {
  auto* reader = static_cast<XmlReader*>(self);
  --reader->depth_;
  reader->on_end(local(name));
}

void XmlReader::text(void* self, const XML_Char* s, int length) {
  static_cast<XmlReader*>(self)->on_text(s, static_cast<std::size_t>(length));
}

void XmlReader::entity_declaration(void* self, const XML_Char* name, int, const XML_Char*, int, const XML_Char*,
                                   const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* reader = static_cast<XmlReader*>(self);
  reader->stop("entity declaration '" + std::string(name) + "' refused: " + reader->format_ + " needs no entities");
}

void XmlReader::stop(std::string message) {
  if (!stopped_.empty()) return;
  stopped_ = std::move(message);
  stop_at_ = here();
  XML_StopParser(parser_, XML_FALSE);
}

}  // namespace cartelgraph::detail
