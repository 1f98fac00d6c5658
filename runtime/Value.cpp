#include "runtime/Value.h"

#include "runtime/PyNumbers.h"
#include "runtime/Strings.h"
#include "runtime/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace findc {

std::string_view typeName(Type type) {
  switch (type) {
  case Type::Error: return "<error>";
  case Type::Bool: return "bool";
  case Type::Int: return "int";
  case Type::Real: return "real";
  case Type::Str: return "str";
  case Type::StrList: return "list[str]";
  case Type::IntList: return "list[int]";
  case Type::StrMap: return "map[str, str]";
  case Type::Complex: return "complex";
  case Type::RealList: return "list[real]";
  case Type::StrIntMap: return "map[str, int]";
  case Type::StrRealMap: return "map[str, real]";
  case Type::IntStrMap: return "map[int, str]";
  case Type::IntIntMap: return "map[int, int]";
  case Type::IntRealMap: return "map[int, real]";
  }
  return "<invalid>";
}

double Scalar::asDouble() const {
  switch (type) {
  case Type::Bool: return b ? 1.0 : 0.0;
  case Type::Int: return static_cast<double>(i);
  case Type::Real: return r;
  case Type::Complex: return c->isComplex ? std::nan("") : c->re; // a complex has no real view
  case Type::Error:
  case Type::Str:
  case Type::StrList:
  case Type::IntList:
  case Type::RealList:
  case Type::StrMap:
  case Type::StrIntMap:
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap: break;
  }
  return std::nan("");
}

static bool sameStr(const rt::Str* a, const rt::Str* b) {
  if (a == b)
    return true;
  if (a == nullptr || b == nullptr)
    return false;
  return a->view() == b->view();
}

static bool sameReal(double a, double b) {
  // All NaNs are one value to NumPy; their payloads are not results.
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

// Items of type `item` (an int, a real or a str) at the same place.
static bool sameElem(Type item, const rt::Elem& a, const rt::Elem& b) {
  return item == Type::Int ? a.i == b.i : item == Type::Real ? sameReal(a.r, b.r) : sameStr(a.s, b.s);
}

static bool sameList(Type type, const rt::List* a, const rt::List* b) {
  if (a == b)
    return true;
  if (a == nullptr || b == nullptr || a->size != b->size)
    return false;
  for (int64_t k = 0; k < a->size; ++k)
    if (!sameElem(listItem(type), a->items[k], b->items[k]))
      return false;
  return true;
}

// Entries in order: two maps that print differently are different results.
static bool sameMap(Type type, const rt::Map* a, const rt::Map* b) {
  if (a == b)
    return true;
  if (a == nullptr || b == nullptr || a->size != b->size)
    return false;
  for (int64_t k = 0; k < a->size; ++k)
    if (!sameElem(mapKey(type), a->keys[k], b->keys[k]) || !sameElem(mapValue(type), a->values[k], b->values[k]))
      return false;
  return true;
}

bool Scalar::identical(const Scalar& other) const {
  if (type != other.type)
    return false;
  switch (type) {
  case Type::Bool: return b == other.b;
  case Type::Int: return i == other.i;
  case Type::Real: return sameReal(r, other.r);
  case Type::Str: return sameStr(s, other.s);
  case Type::StrList:
  case Type::IntList:
  case Type::RealList: return sameList(type, list, other.list);
  case Type::StrMap:
  case Type::StrIntMap:
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap: return sameMap(type, map, other.map);
  case Type::Complex: return rt::identicalComplex(*c, *other.c);
  case Type::Error: return true;
  }
  return false;
}

static std::string formatPythonReal(double x) {
  if (std::isnan(x))
    return "nan";
  if (std::isinf(x))
    return x < 0 ? "-inf" : "inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(end - buf));
  std::string sign;
  if (sci.front() == '-') {
    sign = "-";
    sci.remove_prefix(1);
  }
  size_t ePos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, ePos))
    if (c != '.')
      digits += c;
  int exponent = std::atoi(std::string(sci.substr(ePos + 1)).c_str());
  int decpt = exponent + 1;
  int nDigits = static_cast<int>(digits.size());
  std::string out = sign;
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (nDigits > 1)
      out += "." + digits.substr(1);
    char expBuf[16];
    std::snprintf(expBuf, sizeof expBuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += expBuf;
  } else if (decpt <= 0) {
    out += "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
  } else if (decpt >= nDigits) {
    out += digits + std::string(static_cast<size_t>(decpt - nDigits), '0') + ".0";
  } else {
    out += digits.substr(0, static_cast<size_t>(decpt)) + "." + digits.substr(static_cast<size_t>(decpt));
  }
  return out;
}

// `[a, b]` of a list or `{k: v}` of a map, as Python and JSON both write
// them; `quote` writes each str, `real` each float. JSON's object keys are
// strings (json.dumps writes {1: 2} as {"1": 2}): `quoteKeys`.
template <typename Quote, typename Real>
static std::string formatContainer(const Scalar& value, Quote quote, Real real, bool quoteKeys = false) {
  auto item = [&](Type type, const rt::Elem& e) {
    return type == Type::Int ? std::to_string(e.i) : type == Type::Real ? real(e.r) : quote(e.s->view());
  };
  if (isMap(value.type)) {
    std::string out = "{";
    for (int64_t k = 0; k < value.map->size; ++k)
      out += (k ? ", " : "") +
             (quoteKeys && mapKey(value.type) == Type::Int ? quote(std::to_string(value.map->keys[k].i))
                                                           : item(mapKey(value.type), value.map->keys[k])) +
             ": " +
             item(mapValue(value.type), value.map->values[k]);
    return out + "}";
  }
  std::string out = "[";
  for (int64_t k = 0; k < value.list->size; ++k)
    out += (k ? ", " : "") + item(listItem(value.type), value.list->items[k]);
  return out + "]";
}

std::string formatPython(const Scalar& value) {
  switch (value.type) {
  case Type::Bool: return value.b ? "True" : "False";
  case Type::Int: return std::to_string(value.i);
  case Type::Real: return formatPythonReal(value.r);
  case Type::Str: return std::string(value.s->view());
  case Type::StrList:
  case Type::IntList:
  case Type::RealList:
  case Type::StrMap:
  case Type::StrIntMap:
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap:
    return formatContainer(value, [](std::string_view text) { return rt::pythonRepr(text); }, formatPythonReal);
  case Type::Complex: return rt::formatComplex(*value.c);
  case Type::Error: break;
  }
  return "None";
}

// RFC 8259 string: quote and backslash escaped, control characters as
// json.dumps writes them (\n, \t, \r, \b, \f, else \u00XX), everything else
// (UTF-8 included) as is. A lone surrogate (the three-byte encoding
// chr(0xD800) makes) is written as its \uXXXX escape, so the output stays
// valid UTF-8.
std::string formatJsonString(std::string_view text) {
  std::string out;
  static constexpr char hex[] = "0123456789abcdef";
  auto escape = [&](unsigned code) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
      out += hex[(code >> shift) & 0xF];
  };
  out += '"';
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      // The short forms where JSON has them, as Python's json.dumps writes.
      switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: escape(c);
      }
    } else if (c == 0xED && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xA0) {
      size_t next = i;
      escape(rt::decodeUtf8(text, next)); // ED A0..BF xx: U+D800..U+DFFF
      i = next - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

std::string formatJson(const Scalar& value) {
  switch (value.type) {
  case Type::Bool: return value.b ? "true" : "false";
  case Type::Int: return std::to_string(value.i);
  case Type::Real: return std::isfinite(value.r) ? formatPythonReal(value.r) : "null";
  case Type::Str: return formatJsonString(value.s->view());
  case Type::StrList:
  case Type::IntList:
  case Type::RealList:
  case Type::StrMap:
  case Type::StrIntMap:
  case Type::StrRealMap:
  case Type::IntStrMap:
  case Type::IntIntMap:
  case Type::IntRealMap:
    return formatContainer(value, formatJsonString, [](double x) { return formatJson(Scalar::ofReal(x)); }, true);
  case Type::Complex:
    if (!value.c->isComplex)
      return formatJson(Scalar::ofReal(value.c->re));
    return "{\"re\": " + formatJson(Scalar::ofReal(value.c->re)) + ", \"im\": " + formatJson(Scalar::ofReal(value.c->im)) + "}";
  case Type::Error: break;
  }
  return "null";
}

std::string formatPythonJson(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value > 0 ? "Infinity" : "-Infinity";
  return formatPython(Scalar::ofReal(value));
}

std::string formatG17(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

} // namespace findc
