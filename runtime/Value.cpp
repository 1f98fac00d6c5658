#include "runtime/Value.h"

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
  }
  return "<invalid>";
}

double Scalar::asDouble() const {
  switch (type) {
  case Type::Bool: return b ? 1.0 : 0.0;
  case Type::Int: return static_cast<double>(i);
  case Type::Real: return r;
  case Type::Error: break;
  }
  return std::nan("");
}

bool Scalar::identical(const Scalar& other) const {
  if (type != other.type)
    return false;
  switch (type) {
  case Type::Bool: return b == other.b;
  case Type::Int: return i == other.i;
  case Type::Real: {
    // All NaNs are one value to NumPy; their payloads are not results.
    if (std::isnan(r) && std::isnan(other.r))
      return true;
    return std::memcmp(&r, &other.r, sizeof r) == 0;
  }
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

std::string formatPython(const Scalar& value) {
  switch (value.type) {
  case Type::Bool: return value.b ? "True" : "False";
  case Type::Int: return std::to_string(value.i);
  case Type::Real: return formatPythonReal(value.r);
  case Type::Error: break;
  }
  return "None";
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
