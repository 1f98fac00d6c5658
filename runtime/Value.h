// The value model shared by every stage: the language's types and a tagged
// scalar that the constant folder and the interpreter compute with.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace findc {

// `Error` marks an expression whose type could not be determined; semantic
// analysis uses it to avoid cascades of follow-on errors. It never reaches IR.
enum class Type : uint8_t { Error, Bool, Int, Real };

std::string_view typeName(Type type);

inline bool isNumeric(Type type) { return type == Type::Int || type == Type::Real; }

struct Scalar {
  Type type = Type::Error;
  union {
    bool b;
    int64_t i;
    double r;
  };

  Scalar() : r(0) {}
  static Scalar ofBool(bool v) { Scalar s; s.type = Type::Bool; s.b = v; return s; }
  static Scalar ofInt(int64_t v) { Scalar s; s.type = Type::Int; s.i = v; return s; }
  static Scalar ofReal(double v) { Scalar s; s.type = Type::Real; s.r = v; return s; }

  // Real view of a numeric or boolean scalar, as the entry points return it.
  double asDouble() const;
  // Bitwise identity (so NaN == NaN and -0.0 != 0.0): what "same result" means
  // when the JIT and the interpreter are compared.
  bool identical(const Scalar& other) const;
};

// Shortest text that reads back to the same value, in Python's style
// (`1.0`, `1e-05`, `inf`, `nan`), for reals; plain digits for ints.
std::string formatPython(const Scalar& value);
// `%.17g` with `nan`/`inf`/`-inf`, the CLI's default output for reals.
std::string formatG17(double value);

} // namespace findc
