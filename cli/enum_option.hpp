#pragma once
// Enum-valued options from the one list of names (names<E>()): the CLI11 validator that turns a
// name into the value, and the texts that list the names for help and error messages.

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <type_traits>

#include "cartelgraph/graph/enum_names.hpp"

namespace cartelgraph::cli {

/// The names of E in declaration order, joined: "a, b or c" by default ("a or b" for two);
/// with `last` = ", " the plain list "a, b, c" of error messages.
template <class E>
[[nodiscard]] std::string alternatives(std::string_view last = " or ") {
  return joined_names<E>(last);
}

/// A CLI11 transformer for an option of type E: accepts exactly the names of E, turning each
/// into its value (as its underlying integer, which CLI11 then stores); anything else fails
/// with CLI::ValidationError "unknown <what> 'x' (known: a, b, c)", today's wording. Not
/// CLI::CheckedTransformer: that one also accepts the integers and lists "name->value" pairs in
/// its error. It adds nothing to the help: give the option alternatives<E>() as description.
template <class E>
[[nodiscard]] CLI::Validator enum_transformer(std::string what) {
  return CLI::Validator(
      [what = std::move(what)](std::string& input) -> std::string {
        const auto value = parse<E>(input);
        if (!value) return "unknown " + what + " '" + input + "' (known: " + alternatives<E>(", ") + ")";
        input = std::to_string(static_cast<std::underlying_type_t<E>>(*value));
        return {};
      },
      "");
}

/// Adds option `name` to `app`, storing into `value` the E named on the command line (see
/// enum_transformer). CLI11's own add_option(name, E&) does not compile for our enums, whose
/// ADL to_string returns a string_view: the value goes through its underlying integer. Set a
/// type_name (CLI11's default is "INT").
/// Example: `add_enum_option(*command, "--measure", measure, "measure", alternatives<CentralityMeasure>())->type_name("M")`.
template <class E>
CLI::Option* add_enum_option(CLI::App& app, std::string name, E& value, std::string what, std::string description) {
  return app.add_option<E, std::underlying_type_t<E>>(std::move(name), value, std::move(description))
      ->transform(enum_transformer<E>(std::move(what)));
}

}  // namespace cartelgraph::cli
