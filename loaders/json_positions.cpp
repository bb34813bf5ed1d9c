#include "cartelgraph/loaders/json_positions.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <vector>

namespace cartelgraph::detail {

namespace {

// The position after the bytes [from, to) of `text`, starting from `position`.
LineColumn advance(std::string_view text, std::size_t from, std::size_t to, LineColumn position) {
  for (std::size_t i = from; i < to; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // not a UTF-8 continuation byte: a new code point
      ++position.column;
    }
  }
  return position;
}

}  // namespace

LineColumn line_column(std::string_view text, std::size_t offset) {
  return advance(text, 0, std::min(offset, text.size()), {});
}

LineColumns::LineColumns(std::string_view text) : text_(text), marks_(1) {}

LineColumn LineColumns::at(std::size_t offset) {
  offset = std::min(offset, text_.size());
  const std::size_t mark = offset / step;
  while (marks_.size() <= mark) {
    const std::size_t end = marks_.size() * step;
    marks_.push_back(advance(text_, end - step, end, marks_.back()));
  }
  return advance(text_, mark * step, offset, marks_[mark]);
}

std::string escape_pointer_token(std::string_view token) {
  std::string escaped;
  for (const char c : token) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}

namespace {

// A stream over [begin, end) of a text whose position is shared with the parser: RapidJSON
// parses a GenericStringStream through a local copy (StreamTraits::copyOptimization), so the
// handler would see a stale Tell(); this type has no such trait and is read by reference. It reads
// as '\0' past the end (where RapidJSON's string streams expect a terminator), and Tell() is the
// offset in the whole text.
class SharedStream {
 public:
  using Ch = char;
  SharedStream(std::string_view text, std::size_t begin) : text_(text), at_(begin) {}
  Ch Peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  Ch Take() { return at_ < text_.size() ? text_[at_++] : '\0'; }
  std::size_t Tell() const { return at_; }
  // Write interface required by the reader's signature; unused without kParseInsituFlag.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  std::string_view text_;
  std::size_t at_;
};

// RapidJSON's reader reports values, not where they start; this handler recovers the start of
// each value from the end of the token before it (skipping whitespace, ',' and ':'), which the
// stream's Tell() gives. Each value is numbered and filed under its parent's number and its own
// token, so memory stays linear in the text however deep it nests (a pointer per value would
// take the square of the depth).
class PositionHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PositionHandler> {
 public:
  PositionHandler(std::string_view text, const SharedStream& stream, std::vector<std::size_t>& offsets,
                  std::unordered_map<JsonPositions::ChildKey, std::size_t, JsonPositions::ChildKeyHash>& children)
      : text_(text), stream_(stream), offsets_(offsets), children_(children), last_end_(stream.Tell()) {}

  bool Default() {
    begin_value();
    last_end_ = stream_.Tell();
    return true;
  }
  bool Key(const char* name, rapidjson::SizeType length, bool) {
    stack_.back().key = escape_pointer_token(std::string_view(name, length));
    last_end_ = stream_.Tell();
    return true;
  }
  bool StartObject() { return start_container(false); }
  bool StartArray() { return start_container(true); }
  bool EndObject(rapidjson::SizeType) { return end_container(); }
  bool EndArray(rapidjson::SizeType) { return end_container(); }

 private:
  struct Frame {
    std::size_t value = 0;  // the container's number
    bool array = false;
    std::size_t next_index = 0;
    std::string key;
  };

  std::size_t next_token() const {
    std::size_t pos = last_end_;
    while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t' || text_[pos] == '\n' || text_[pos] == '\r' ||
                                  text_[pos] == ',' || text_[pos] == ':'))
      ++pos;
    return pos;
  }

  // Numbers the value that starts here, files it under its parent, and returns its number.
  std::size_t begin_value() {
    const std::size_t value = offsets_.size();
    offsets_.push_back(next_token());
    if (!stack_.empty()) {
      Frame& top = stack_.back();
      children_.insert_or_assign({top.value, top.array ? std::to_string(top.next_index++) : top.key}, value);
    }
    return value;
  }

  bool start_container(bool array) {
    const std::size_t bracket = next_token();
    Frame frame;
    frame.value = begin_value();
    frame.array = array;
    stack_.push_back(std::move(frame));
    last_end_ = bracket + 1;
    return true;
  }

  bool end_container() {
    stack_.pop_back();
    last_end_ = next_token() + 1;
    return true;
  }

  std::string_view text_;
  const SharedStream& stream_;
  std::vector<std::size_t>& offsets_;
  std::unordered_map<JsonPositions::ChildKey, std::size_t, JsonPositions::ChildKeyHash>& children_;
  std::vector<Frame> stack_;
  std::size_t last_end_ = 0;
};

}  // namespace

JsonPositions JsonPositions::index(std::string_view text) {
  JsonPositions positions;
  SharedStream stream(text, 0);
  PositionHandler handler(text, stream, positions.offsets_, positions.children_);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream, handler);
  return positions;
}

JsonPositions JsonPositions::index(std::string_view text, std::size_t start) {
  JsonPositions positions;
  SharedStream stream(text, std::min(start, text.size()));
  PositionHandler handler(text, stream, positions.offsets_, positions.children_);
  rapidjson::Reader reader;
  constexpr unsigned flags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseStopWhenDoneFlag;
  reader.Parse<flags>(stream, handler);
  return positions;
}

std::size_t JsonPositions::ChildKeyHash::operator()(const ChildKey& key) const noexcept {
  return std::hash<std::string>{}(key.token) ^ (key.parent * 0x9E3779B97F4A7C15ULL);
}

std::size_t JsonPositions::offset(std::string_view pointer) const {
  if (offsets_.empty()) return 0;
  std::size_t value = 0;  // the root
  while (pointer.starts_with('/')) {
    pointer.remove_prefix(1);
    const std::string_view token = pointer.substr(0, pointer.find('/'));
    const auto child = children_.find({value, std::string(token)});
    if (child == children_.end()) break;
    value = child->second;
    pointer.remove_prefix(token.size());
  }
  return offsets_[value];
}

}  // namespace cartelgraph::detail
