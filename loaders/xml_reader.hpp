#pragma once
// What the XML importers (GraphML, GEXF) share: Expat driven with the load limits, every
// problem located, and entity declarations refused. Internal to the library: not installed.

#include <expat.h>

#include <cstddef>
#include <string>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph::detail {

/// A line and column (1-based) in an XML file.
struct XmlPosition {
  std::size_t line = 0;
  std::size_t column = 0;
};

/// An Expat parse of one file. A format derives from it, handles elements by their local name
/// (namespace prefix dropped) and may stop the parse with a located message.
class XmlReader {
 public:
  /// `root` is the local name the document element must have; `format` names the format in
  /// messages ("GraphML"). The reader keeps references to its arguments.
  XmlReader(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems, std::string root,
            std::string format);
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  /// Parses the whole file, refusing one past limits.max_file_bytes, elements nested deeper than
  /// limits.max_depth, a root element other than `root`, and any entity declaration. Reports the
  /// first problem (syntax or a stop) and returns false if there is one. O(file size).
  bool parse();

 protected:
  ~XmlReader() = default;
  /// An element starts; `attributes` alternates names and values, ending with nullptr.
  virtual void on_start(const std::string& name, const XML_Char** attributes) = 0;
  virtual void on_end(const std::string& name) = 0;
  /// Character data inside any element.
  virtual void on_text(const XML_Char* text, std::size_t length) = 0;

  /// The value of the attribute whose local name is `name`, or "" when absent.
  [[nodiscard]] static std::string attribute(const XML_Char** attributes, const char* name);
  /// Where the parser is now (the start of the element being reported).
  [[nodiscard]] XmlPosition here() const;
  /// Ends the parse with `message`, located where the parser is now; later stops are ignored.
  void stop(std::string message);

  const FactFile& file_;
  const LoadLimits& limits_;
  std::vector<Problem>& problems_;  ///< where parse() reports; a format may add its own findings

 private:
  static std::string local(const XML_Char* name);
  static void start(void* self, const XML_Char* name, const XML_Char** attributes);
  static void end(void* self, const XML_Char* name);
  static void text(void* self, const XML_Char* s, int length);
  static void entity_declaration(void* self, const XML_Char* name, int, const XML_Char*, int, const XML_Char*,
                                 const XML_Char*, const XML_Char*, const XML_Char*);

  std::string root_;
  std::string format_;
  XML_Parser parser_ = nullptr;
  std::size_t depth_ = 0;
  std::string stopped_;  // why the reader stopped the parse, when it did
  XmlPosition stop_at_{};
};

}  // namespace cartelgraph::detail
