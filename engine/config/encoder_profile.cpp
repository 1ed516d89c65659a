#include "config/encoder_profile.hpp"

#include <sstream>

#include "config/toml_table_reader.hpp"
#include "core/text_file.hpp"

namespace sr {
namespace {

void read_properties(const toml::table* table, const std::string& prefix, TomlDiagnostics& diag,
                     ElementSpec& spec) {
  if (!table) return;
  for (auto&& [key, node] : *table) {
    std::string value;
    if (auto s = node.as_string()) {
      value = s->get();
    } else if (auto i = node.as_integer()) {
      value = std::to_string(i->get());
    } else if (auto b = node.as_boolean()) {
      value = b->get() ? "true" : "false";
    } else if (auto f = node.as_floating_point()) {
      std::ostringstream s;
      s << f->get();
      value = s.str();
    } else {
      diag.at(node.source(), prefix + "." + std::string(key.str()),
              "expected a string, integer, float or boolean");
      continue;
    }
    spec.properties.emplace_back(std::string(key.str()), value);
  }
}

void read_element(TomlTableReader& t, ElementSpec& spec, TomlDiagnostics& diag,
                  const std::string& prefix) {
  t.string("element", spec.element, false);
  t.string("package", spec.package);
  t.string("caps", spec.caps);
  read_properties(t.free_table("properties"), prefix + ".properties", diag, spec);
  if (spec.element.empty()) t.error_at_key("element", "is required");
}

}  // namespace

Result<EncoderProfile> parse_encoder_profile(std::string_view text, const std::string& name,
                                             const std::string& origin) {
  TomlDiagnostics diag(origin);
  EncoderProfile profile;
  profile.name = name;
  try {
    const toml::table doc = toml::parse(text, origin);
    TomlTableReader root(&doc, "", diag);
    root.string("description", profile.description);
    root.string("muxer", profile.muxer, false);
    {
      TomlTableReader convert(root.table("convert"), "convert", diag);
      read_element(convert, profile.convert, diag, "convert");
    }
    const auto encoders = root.table_array("encoder");
    for (std::size_t i = 0; i < encoders.size(); ++i) {
      const std::string prefix = "encoder[" + std::to_string(i) + "]";
      TomlTableReader t(encoders[i], prefix, diag);
      EncoderSpec spec;
      read_element(t, spec.element, diag, prefix);
      t.string("keyframe_property", spec.keyframe_property, false);
      t.string("parser", spec.parser, false);
      if (spec.keyframe_property.empty()) t.error_at_key("keyframe_property", "is required");
      profile.encoders.push_back(std::move(spec));
    }
    if (encoders.empty()) root.error_at_key("encoder", "at least one [[encoder]] is required");
  } catch (const toml::parse_error& e) {
    diag.syntax(e);
  }
  if (!diag.messages().empty()) return Error{diag.messages().front()};
  return profile;
}

Result<EncoderProfile> load_encoder_profile(const std::string& dir, const std::string& name) {
  const std::string path = dir + "/" + name + ".toml";
  auto text = read_text_file(path, "board profile '" + name + "'");
  if (!text) return text.error();
  return parse_encoder_profile(*text, name, path);
}

}  // namespace sr
