#pragma once
// Reads one TOML table into typed fields and collects precise errors: every message names
// the file, line, column and the full dotted key. Keys the caller never asked for are
// reported as unknown when the reader finishes.

#include <toml++/toml.h>

#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sr {

class TomlDiagnostics {
 public:
  explicit TomlDiagnostics(std::string origin) : origin_(std::move(origin)) {}
  void at(const toml::source_region& where, const std::string& key, const std::string& what);
  void syntax(const toml::parse_error& e);
  const std::vector<std::string>& messages() const { return messages_; }
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
  std::vector<std::string> messages_;
};

class TomlTableReader {
 public:
  /// `table` may be null (the table is absent: every field keeps its default).
  TomlTableReader(const toml::table* table, std::string prefix, TomlDiagnostics& diag);
  ~TomlTableReader();
  TomlTableReader(const TomlTableReader&) = delete;
  TomlTableReader& operator=(const TomlTableReader&) = delete;

  void number(std::string_view key, double& out, double min, double max);
  void integer(std::string_view key, int& out, int min, int max);
  void boolean(std::string_view key, bool& out);
  void string(std::string_view key, std::string& out, bool allow_empty = true);

  template <typename E>
  void choice(std::string_view key, E& out,
              std::initializer_list<std::pair<std::string_view, E>> options) {
    std::string text;
    const toml::node* node = take(key);
    if (!node) return;
    if (!node->is_string()) return wrong_type(key, *node, "a string");
    text = **node->as_string();
    for (const auto& [name, value] : options) {
      if (text == name) {
        out = value;
        return;
      }
    }
    std::string allowed;
    for (const auto& [name, value] : options) {
      allowed += allowed.empty() ? "" : ", ";
      allowed += "\"" + std::string(name) + "\"";
    }
    error(*node, key, "must be one of " + allowed + ", got \"" + text + "\"");
  }

  /// A sub-table (marked known); null when absent or of the wrong type (reported).
  const toml::table* table(std::string_view key);
  /// An array of tables (marked known); empty when absent.
  std::vector<const toml::table*> table_array(std::string_view key);
  /// Every key of a table whose entries the caller reads freely (e.g. element properties).
  const toml::table* free_table(std::string_view key) { return table(key); }

  /// Where a key of this table stands in the file (for cross-key checks).
  void error_at_key(std::string_view key, const std::string& what);
  std::string full_key(std::string_view key) const;

 private:
  const toml::node* take(std::string_view key);
  void wrong_type(std::string_view key, const toml::node& node, const char* expected);
  void error(const toml::node& node, std::string_view key, const std::string& what);

  const toml::table* table_;
  std::string prefix_;
  TomlDiagnostics& diag_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace sr
