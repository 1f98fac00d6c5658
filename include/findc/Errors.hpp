// findc's public API: the exceptions the C++ API throws. (The C ABI and the
// Python module turn them into error strings and Python exceptions.)
#pragma once

#include <stdexcept>
#include <string>

namespace findc {

// A source that does not compile, or cannot be read. what() is every
// diagnostic as findc prints it: `file:line:col: error: ...`, the source
// line and a caret.
class CompileError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A request the function cannot take: an unknown name, an input or a
// parameter of the wrong type, a missing parameter. (`findc` reports these
// as usage errors, exit status 2.)
class InputError : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

} // namespace findc
