// ICU's functions that the runtime calls (Unicode properties and case
// mapping), bound on first use: libicuuc is opened with dlopen the first
// time a string needs it. A program that never maps case or classifies a
// non-ASCII character (a process per query on numeric functions) so loads
// neither ICU nor, through it, libstdc++'s shared library: findc-run starts
// without them. The headers name this ICU's version of each function
// (U_ICU_ENTRY_POINT_RENAME), and the library of that version is opened.
#pragma once

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>

namespace findc::rt::icu {

struct Library {
  decltype(&::u_charType) charType;
  decltype(&::u_charDirection) charDirection;
  decltype(&::u_getIntPropertyValue) intPropertyValue;
  decltype(&::u_hasBinaryProperty) hasBinaryProperty;
  decltype(&::u_errorName) errorName;
  decltype(&::ucasemap_open) openCaseMap;
  decltype(&::ucasemap_close) closeCaseMap;
  decltype(&::ucasemap_utf8ToLower) toLower;
  decltype(&::ucasemap_utf8ToUpper) toUpper;
  decltype(&::ucasemap_utf8ToTitle) toTitle;
  decltype(&::ucasemap_utf8FoldCase) foldCase;
  // Root locale, default options: lower, upper and fold read it only
  // (title sets up a break iterator in its map, so each call opens one).
  const UCaseMap* rootCaseMap;
};

// The library, opened once per process (and never closed: the runtime's
// callers may run until exit). Throws std::runtime_error naming the library
// and the function if either cannot be found.
const Library& library();

// The library's name, as dlopen is given it ("libicuuc.so.72").
const char* libraryName();

} // namespace findc::rt::icu
