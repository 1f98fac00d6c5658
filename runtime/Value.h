// The value model shared by every stage: the language's types and a tagged
// scalar that the constant folder and the interpreter compute with.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace findc {

// `Error` marks an expression whose type could not be determined; semantic
// analysis uses it to avoid cascades of follow-on errors. It never reaches IR.
// Str, StrList, IntList, RealList and the maps are handles (pointers to
// rt::Str, rt::List, rt::Map; see runtime/Strings.h) whose memory belongs to the
// evaluation's arena or to the compiled module's constants. A map's keys are
// strs or ints, its values strs, ints or reals: StrMap is map[str, str],
// StrIntMap map[str, int], ..., IntRealMap map[int, real].
// Complex is a handle too (rt::Complex): a Python float or complex number,
// told apart at run time (runtime/PyNumbers.h).
enum class Type : uint8_t {
  Error, Bool, Int, Real, Str, StrList, IntList, StrMap, Complex, RealList,
  StrIntMap, StrRealMap, IntStrMap, IntIntMap, IntRealMap
};

std::string_view typeName(Type type);

inline bool isNumeric(Type type) { return type == Type::Int || type == Type::Real; }
// Values that live behind a pointer (strings, lists, maps).
inline bool isHandle(Type type) { return type >= Type::Str; }
inline bool isList(Type type) { return type == Type::StrList || type == Type::IntList || type == Type::RealList; }
// A list's item type (Error for other types), and the list of an item type
// (Error for a type lists do not hold).
inline Type listItem(Type list) {
  return list == Type::StrList ? Type::Str : list == Type::IntList ? Type::Int : list == Type::RealList ? Type::Real : Type::Error;
}
inline Type listOf(Type item) {
  return item == Type::Str ? Type::StrList : item == Type::Int ? Type::IntList : item == Type::Real ? Type::RealList : Type::Error;
}
inline bool isMap(Type type) { return type == Type::StrMap || (type >= Type::StrIntMap && type <= Type::IntRealMap); }
// A map's key and value types (Error for other types), and the map of a key
// and a value type (Error for types maps do not hold).
inline Type mapKey(Type map) {
  return map == Type::StrMap || map == Type::StrIntMap || map == Type::StrRealMap ? Type::Str
         : isMap(map)                                                            ? Type::Int
                                                                                 : Type::Error;
}
inline Type mapValue(Type map) {
  switch (map) {
  case Type::StrMap: case Type::IntStrMap: return Type::Str;
  case Type::StrIntMap: case Type::IntIntMap: return Type::Int;
  case Type::StrRealMap: case Type::IntRealMap: return Type::Real;
  default: return Type::Error;
  }
}
inline Type mapOf(Type key, Type value) {
  int v = value == Type::Str ? 0 : value == Type::Int ? 1 : value == Type::Real ? 2 : -1;
  if (v < 0 || (key != Type::Str && key != Type::Int))
    return Type::Error;
  static constexpr Type strKeyed[] = {Type::StrMap, Type::StrIntMap, Type::StrRealMap};
  static constexpr Type intKeyed[] = {Type::IntStrMap, Type::IntIntMap, Type::IntRealMap};
  return key == Type::Str ? strKeyed[v] : intKeyed[v];
}

namespace rt {
struct Str;
struct List;
struct Map;
struct Complex;
} // namespace rt

struct Scalar {
  Type type = Type::Error;
  union {
    bool b;
    int64_t i;
    double r;
    const rt::Str* s;
    const rt::List* list;
    const rt::Map* map;
    const rt::Complex* c;
  };

  Scalar() : r(0) {}
  static Scalar ofBool(bool v) { Scalar s; s.type = Type::Bool; s.b = v; return s; }
  static Scalar ofInt(int64_t v) { Scalar s; s.type = Type::Int; s.i = v; return s; }
  static Scalar ofReal(double v) { Scalar s; s.type = Type::Real; s.r = v; return s; }
  static Scalar ofStr(const rt::Str* v) { Scalar s; s.type = Type::Str; s.s = v; return s; }
  static Scalar ofList(Type type, const rt::List* v) { Scalar s; s.type = type; s.list = v; return s; }
  static Scalar ofMap(Type type, const rt::Map* v) { Scalar s; s.type = type; s.map = v; return s; }
  static Scalar ofComplex(const rt::Complex* v) { Scalar s; s.type = Type::Complex; s.c = v; return s; }

  // Real view of a numeric or boolean scalar, as the entry points return it.
  double asDouble() const;
  // Bitwise identity (so NaN == NaN and -0.0 != 0.0): what "same result" means
  // when the JIT and the interpreter are compared. Strings, lists and maps
  // compare by content (bytes, items in order, entries in order), not by
  // address.
  bool identical(const Scalar& other) const;
};

// Shortest text that reads back to the same value, in Python's style
// (`1.0`, `1e-05`, `inf`, `nan`), for reals; plain digits for ints. For
// strings, lists and maps Python's str() of the value: a str is its own
// text; lists and maps show their items with repr (['a', 'b'], [1, 2],
// {'k': 'v'}).
std::string formatPython(const Scalar& value);
// JSON text of a value: strings escaped per RFC 8259 as json.dumps does
// (\n, \t, \r, \b, \f, else \uXXXX for control characters; non-ASCII kept
// as UTF-8), lists as arrays, maps as objects,
// reals as Python's repr (shortest round trip; also what json.dumps
// writes) with NaN and infinities as null.
std::string formatJson(const Scalar& value);
// A JSON string of UTF-8 text, escaped as json.dumps(..., ensure_ascii=False)
// writes it (the one JSON string escaper: values, names, descriptions).
std::string formatJsonString(std::string_view text);
// A double as Python's json.dump writes it: repr, with NaN, Infinity and
// -Infinity (not strict JSON; Python's json reads them back). FIND's files.
std::string formatPythonJson(double value);
// `%.17g` with `nan`/`inf`/`-inf`, the CLI's default output for reals.
std::string formatG17(double value);

} // namespace findc
