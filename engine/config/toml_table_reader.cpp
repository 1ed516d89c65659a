#include "config/toml_table_reader.hpp"

#include <cmath>
#include <sstream>

namespace sr {
namespace {

const char* describe(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string format_number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

}  // namespace

void TomlDiagnostics::at(const toml::source_region& where, const std::string& key,
                         const std::string& what) {
  std::ostringstream s;
  s << origin_ << ':' << where.begin.line << ':' << where.begin.column << ": " << key << ": "
    << what;
  messages_.push_back(s.str());
}

void TomlDiagnostics::syntax(const toml::parse_error& e) {
  std::ostringstream s;
  s << origin_ << ':' << e.source().begin.line << ':' << e.source().begin.column
    << ": syntax error: " << e.description();
  messages_.push_back(s.str());
}

TomlTableReader::TomlTableReader(const toml::table* table, std::string prefix,
                                 TomlDiagnostics& diag)
    : table_(table), prefix_(std::move(prefix)), diag_(diag) {}

TomlTableReader::~TomlTableReader() {
  if (!table_) return;
  for (auto&& [key, node] : *table_) {
    if (known_.count(key.str())) continue;
    diag_.at(key.source(), full_key(key.str()), "unknown key");
  }
}

std::string TomlTableReader::full_key(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

const toml::node* TomlTableReader::take(std::string_view key) {
  known_.emplace(key);
  if (!table_) return nullptr;
  return table_->get(key);
}

void TomlTableReader::error(const toml::node& node, std::string_view key, const std::string& what) {
  diag_.at(node.source(), full_key(key), what);
}

void TomlTableReader::wrong_type(std::string_view key, const toml::node& node,
                                 const char* expected) {
  error(node, key, std::string("expected ") + expected + ", got " + describe(node.type()));
}

void TomlTableReader::error_at_key(std::string_view key, const std::string& what) {
  const toml::node* node = table_ ? table_->get(key) : nullptr;
  if (node) {
    error(*node, key, what);
  } else {
    diag_.at(toml::source_region{}, full_key(key), what);
  }
}

void TomlTableReader::number(std::string_view key, double& out, double min, double max) {
  const toml::node* node = take(key);
  if (!node) return;
  double v = 0;
  if (auto i = node->as_integer()) {
    v = static_cast<double>(i->get());
  } else if (auto f = node->as_floating_point()) {
    v = f->get();
  } else {
    return wrong_type(key, *node, "a number");
  }
  if (!(v >= min && v <= max) || std::isnan(v)) {
    return error(*node, key,
                 "must be from " + format_number(min) + " to " + format_number(max) + ", got " +
                     format_number(v));
  }
  out = v;
}

void TomlTableReader::integer(std::string_view key, int& out, int min, int max) {
  const toml::node* node = take(key);
  if (!node) return;
  auto i = node->as_integer();
  if (!i) return wrong_type(key, *node, "an integer");
  const int64_t v = i->get();
  if (v < min || v > max) {
    return error(*node, key,
                 "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                     std::to_string(v));
  }
  out = static_cast<int>(v);
}

void TomlTableReader::boolean(std::string_view key, bool& out) {
  const toml::node* node = take(key);
  if (!node) return;
  auto b = node->as_boolean();
  if (!b) return wrong_type(key, *node, "a boolean");
  out = b->get();
}

void TomlTableReader::string(std::string_view key, std::string& out, bool allow_empty) {
  const toml::node* node = take(key);
  if (!node) return;
  auto s = node->as_string();
  if (!s) return wrong_type(key, *node, "a string");
  if (!allow_empty && s->get().empty()) return error(*node, key, "must not be empty");
  out = s->get();
}

const toml::table* TomlTableReader::table(std::string_view key) {
  const toml::node* node = take(key);
  if (!node) return nullptr;
  auto t = node->as_table();
  if (!t) wrong_type(key, *node, "a table");
  return t;
}

std::vector<const toml::table*> TomlTableReader::table_array(std::string_view key) {
  std::vector<const toml::table*> tables;
  const toml::node* node = take(key);
  if (!node) return tables;
  auto arr = node->as_array();
  if (!arr) {
    wrong_type(key, *node, "an array of tables");
    return tables;
  }
  for (const toml::node& item : *arr) {
    if (auto t = item.as_table()) {
      tables.push_back(t);
    } else {
      wrong_type(key, item, "a table in the array");
    }
  }
  return tables;
}

}  // namespace sr
