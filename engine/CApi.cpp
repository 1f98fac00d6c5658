// The C ABI (include/findc/findc.h): every entry point catches whatever the
// engine throws and turns it into a status code and a message.
#include "findc/findc.h"

#include "compiler/support/Version.h"
#include "engine/Compile.h"
#include "engine/Format.h"
#include "engine/Inputs.h"
#include "findc/Errors.hpp"
#include "findc/Options.hpp"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>

struct findc_suite {
  std::shared_ptr<const findc::engine::Suite> suite;
};

struct findc_session {
  std::shared_ptr<const findc::engine::Suite> suite; // keeps the session's suite alive
  findc::engine::Session session;
};

namespace {

using namespace findc;

static_assert(FINDC_MATH_EXACT == static_cast<int>(MathMode::Exact) &&
              FINDC_MATH_VECTOR == static_cast<int>(MathMode::Vector) &&
              FINDC_MATH_FAST == static_cast<int>(MathMode::Fast) && std::size(kMathModes) == 3);

// A copy the caller frees with findc_free (malloc: C's allocator).
char* copyOut(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out)
    std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

void report(char** error, const std::string& message) {
  if (error)
    *error = copyOut(message);
}

// Runs `body`; returns its status, with the message of anything thrown.
template <typename Body> int guarded(char** error, Body body) {
  if (error)
    *error = nullptr;
  try {
    body();
    return FINDC_OK;
  } catch (const CompileError& e) {
    report(error, e.what());
    return FINDC_COMPILE_ERROR;
  } catch (const InputError& e) {
    report(error, e.what());
    return FINDC_INPUT_ERROR;
  } catch (const std::bad_alloc&) {
    report(error, "out of memory");
    return FINDC_INTERNAL_ERROR;
  } catch (const std::exception& e) {
    report(error, e.what());
    return FINDC_INTERNAL_ERROR;
  } catch (...) {
    report(error, "unknown error");
    return FINDC_INTERNAL_ERROR;
  }
}

LoadOptions loadOptions(const findc_load_options* options) {
  LoadOptions load;
  if (options) {
    if (options->engine != FINDC_ENGINE_JIT && options->engine != FINDC_ENGINE_INTERPRETER)
      throw InputError("findc_load_options.engine must be FINDC_ENGINE_JIT or FINDC_ENGINE_INTERPRETER");
    if (options->math < 0 || static_cast<size_t>(options->math) >= std::size(kMathModes))
      throw InputError("findc_load_options.math must be FINDC_MATH_EXACT, FINDC_MATH_VECTOR or FINDC_MATH_FAST");
    load.engine = options->engine == FINDC_ENGINE_JIT ? Engine::Jit : Engine::Interpreter;
    load.math = static_cast<MathMode>(options->math);
    if (options->language < FINDC_LANG_AUTO || options->language > FINDC_LANG_PYTHON)
      throw InputError("findc_load_options.language must be FINDC_LANG_AUTO, FINDC_LANG_FND or FINDC_LANG_PYTHON");
    if (options->input != FINDC_INPUT_REAL && options->input != FINDC_INPUT_STR)
      throw InputError("findc_load_options.input must be FINDC_INPUT_REAL or FINDC_INPUT_STR");
    load.source.language = options->language == FINDC_LANG_PYTHON ? Language::Python
                           : options->language == FINDC_LANG_FND  ? Language::Fnd
                                                                  : Language::Auto;
    load.source.input = options->input == FINDC_INPUT_STR ? SourceOptions::Input::Str : SourceOptions::Input::Real;
    load.source.entry = options->entry ? options->entry : "";
    if (options->threads < 0)
      throw InputError("findc_load_options.threads must be 0 (one per core) or more");
    load.threads = static_cast<unsigned>(options->threads);
  }
  return load;
}

Effects effectsOf(const findc_effects* effects) {
  if (!effects)
    return {};
  return {.apply = effects->apply != 0, .seed = effects->seed, .firstQuery = effects->first_query};
}

uint32_t functionAt(const findc_suite* suite, size_t index) {
  if (!suite)
    throw InputError("the suite is NULL");
  if (index >= suite->suite->visible().size())
    throw InputError("no function at index " + std::to_string(index) + " (the suite has " +
                     std::to_string(suite->suite->visible().size()) + ")");
  return suite->suite->visible()[index];
}

void requireArrays(const void* x, const void* y, size_t n) {
  if (n > 0 && (!x || !y))
    throw InputError("x and y must not be NULL");
}

findc_suite* make(const std::function<std::shared_ptr<const engine::Suite>()>& build, int* status, char** error) {
  findc_suite* made = nullptr;
  // Ownership passes to the caller until findc_suite_free.
  int code = guarded(error, [&] { made = std::make_unique<findc_suite>(findc_suite{build()}).release(); });
  if (status)
    *status = code;
  return made;
}

} // namespace

extern "C" {

const char* findc_version(void) { return kVersion.data(); }

void findc_free(void* memory) { std::free(memory); }

findc_suite* findc_suite_load(const char* path, const findc_load_options* options, int* status, char** error) {
  return make(
      [&] {
        if (!path)
          throw InputError("the path is NULL");
        return engine::loadOrThrow(path, loadOptions(options));
      },
      status, error);
}

findc_suite* findc_suite_compile(const char* source, size_t length, const char* name,
                                 const findc_load_options* options, int* status, char** error) {
  return make(
      [&] {
        if (!source && length > 0)
          throw InputError("the source is NULL");
        return engine::compileOrThrow(std::string_view(source ? source : "", length), name ? name : "<string>",
                                      loadOptions(options));
      },
      status, error);
}

findc_suite* findc_suite_stdlib(const findc_load_options* options, int* status, char** error) {
  return make([&] { return engine::stdlibOrThrow(loadOptions(options)); }, status, error);
}

void findc_suite_free(findc_suite* suite) { std::unique_ptr<findc_suite> owned(suite); }

size_t findc_suite_size(const findc_suite* suite) { return suite ? suite->suite->visible().size() : 0; }

const char* findc_suite_name(const findc_suite* suite, size_t index) {
  if (!suite || index >= suite->suite->visible().size())
    return nullptr;
  return suite->suite->function(suite->suite->visible()[index]).name.c_str();
}

int findc_suite_find(const findc_suite* suite, const char* name, size_t* index, char** error) {
  return guarded(error, [&] {
    if (!suite || !name || !index)
      throw InputError("suite, name and index must not be NULL");
    uint32_t fn = suite->suite->resolve(name);
    const auto& visible = suite->suite->visible();
    *index = static_cast<size_t>(std::find(visible.begin(), visible.end(), fn) - visible.begin());
  });
}

char* findc_metadata_json(const findc_suite* suite, size_t index) {
  char* out = nullptr;
  guarded(nullptr, [&] { out = copyOut(engine::formatMetadataJson(*suite->suite, functionAt(suite, index))); });
  return out;
}

int findc_evaluate(const findc_suite* suite, size_t index, const double* x, double* y, size_t n,
                   const findc_effects* effects, uint8_t* errors, char** error) {
  return guarded(error, [&] {
    uint32_t fn = functionAt(suite, index);
    requireArrays(x, y, n);
    engine::evaluateNumberCodes(*suite->suite, fn, {x, n}, {y, n}, effectsOf(effects),
                                {errors, errors ? n : 0});
  });
}

const char* findc_error_name(uint8_t code) {
  return code == 0 ? nullptr : rt::errorName(static_cast<rt::ErrorKind>(code)).data();
}

char* findc_call_json(const findc_suite* suite, size_t index, const char* inputs_json, const char* params_json,
                      const findc_effects* effects, int* status, char** error) {
  char* out = nullptr;
  int code = guarded(error, [&] {
    uint32_t fn = functionAt(suite, index);
    if (!inputs_json)
      throw InputError("inputs_json is NULL");
    const ir::Function& function = suite->suite->function(fn);
    rt::Arena arena;
    std::vector<Scalar> inputs = engine::parseInputsJson(function, inputs_json, arena);
    std::vector<Scalar> given;
    if (params_json)
      given = engine::parseParams(function, params_json, arena, "params_json");
    std::optional<std::span<const Scalar>> explicitParams;
    if (params_json)
      explicitParams = given;
    engine::Outputs outputs =
        engine::evaluateCall(*suite->suite, fn, inputs, explicitParams, effectsOf(effects), arena);
    out = copyOut(engine::formatEvalJson(function.name, outputs));
  });
  if (status)
    *status = code;
  return out;
}

findc_session* findc_session_open(const findc_suite* suite, size_t index, uint64_t seed, uint64_t first_query,
                                  char** error) {
  findc_session* made = nullptr;
  guarded(error, [&] {
    uint32_t fn = functionAt(suite, index);
    made = std::make_unique<findc_session>(
               findc_session{suite->suite, engine::Session(*suite->suite, fn, seed, first_query)})
               .release();
  });
  return made;
}

int findc_session_evaluate(findc_session* session, const double* x, double* y, size_t n, uint8_t* errors,
                           char** error) {
  return guarded(error, [&] {
    if (!session)
      throw InputError("the session is NULL");
    requireArrays(x, y, n);
    session->session.evaluateNumbers({x, n}, {y, n}, {errors, errors ? n : 0});
  });
}

uint64_t findc_session_next_query(const findc_session* session) { return session ? session->session.nextQuery() : 0; }

void findc_session_free(findc_session* session) { std::unique_ptr<findc_session> owned(session); }

} // extern "C"
