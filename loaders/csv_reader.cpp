#include "cartelgraph/loaders/csv_reader.hpp"

#include <utf8proc.h>

#include <string_view>

namespace cartelgraph::detail {

namespace {

// Walks the text one code point at a time, counting lines and columns.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;
  }
  [[nodiscard]] bool done() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek() const { return text_[at_]; }
  [[nodiscard]] std::size_t line() const { return line_; }
  [[nodiscard]] std::size_t column() const { return column_; }

  // Appends the next code point to `out` (nothing for a line end, which the caller handles);
  // false if it is not valid UTF-8.
  bool take(std::string& out) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + at_),
                                         static_cast<utf8proc_ssize_t>(text_.size() - at_), &code);
    if (length < 0) return false;
    out.append(text_.substr(at_, static_cast<std::size_t>(length)));
    at_ += static_cast<std::size_t>(length);
    if (code == '\n' || (code == '\r' && (done() || peek() != '\n'))) {
      ++line_;
      column_ = 1;
    } else if (code != '\r') {
      ++column_;
    }
    return true;
  }
  void skip() {
    std::string ignored;
    take(ignored);
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

class Parser {
 public:
  Parser(const FactFile& file, std::vector<Problem>& problems) : file_(file), scan_(file.text), problems_(problems) {}

  bool run(const std::function<bool(CsvRow&)>& row) {
    while (!scan_.done()) {
      CsvRow cells;
      bool more = true;
      while (more) {
        CsvCell cell{{}, scan_.line(), scan_.column()};
        if (!(scan_.peek() == '"' ? quoted(cell.text) : plain(cell.text))) return false;
        cells.push_back(std::move(cell));
        more = !scan_.done() && scan_.peek() == ',';
        if (more) scan_.skip();
      }
      end_of_record();
      if (cells.size() == 1 && cells[0].text.empty()) continue;  // a blank line
      if (!row(cells)) return true;
    }
    return true;
  }

 private:
  bool fail(std::size_t line, std::size_t column, std::string message) {
    problems_.push_back({file_.path, line, column, std::move(message)});
    return false;
  }
  bool not_utf8() { return fail(scan_.line(), scan_.column(), "not UTF-8 text (save the file as UTF-8)"); }

  void end_of_record() {
    if (scan_.done()) return;
    if (scan_.peek() == '\r') scan_.skip();
    if (!scan_.done() && scan_.peek() == '\n') scan_.skip();
  }

  // An unquoted field, up to a comma or a line end.
  bool plain(std::string& text) {
    while (!scan_.done() && scan_.peek() != ',' && scan_.peek() != '\n' && scan_.peek() != '\r') {
      if (scan_.peek() == '"')
        return fail(scan_.line(), scan_.column(),
                    "a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")");
      if (!scan_.take(text)) return not_utf8();
    }
    return true;
  }

  // A quoted field: from the opening quote to the closing one, which a comma, a line end or the
  // end of the file must follow.
  bool quoted(std::string& text) {
    const std::size_t line = scan_.line(), column = scan_.column();
    scan_.skip();
    for (;;) {
      if (scan_.done()) return fail(line, column, "a quoted field that is never closed");
      if (scan_.peek() == '"') {
        scan_.skip();
        if (scan_.done() || scan_.peek() != '"') break;
      }
      if (!scan_.take(text)) return not_utf8();
    }
    if (scan_.done() || scan_.peek() == ',' || scan_.peek() == '\n' || scan_.peek() == '\r') return true;
    return fail(scan_.line(), scan_.column(), "text after the closing quote of a field");
  }

  const FactFile& file_;
  Scanner scan_;
  std::vector<Problem>& problems_;
};

}  // namespace

bool read_csv(const FactFile& file, const std::function<bool(CsvRow&)>& row, std::vector<Problem>& problems) {
  return Parser(file, problems).run(row);
}

}  // namespace cartelgraph::detail
