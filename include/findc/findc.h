/* findc's C ABI: compile a suite of benchmark functions once, evaluate them
 * many times, from C or any FFI (ctypes, cffi, Julia, ...). Opaque handles;
 * every call reports failure by its return value and, where it takes a
 * `char** error`, a message the caller frees with findc_free (pass NULL to
 * ignore it). No C++ exception crosses this interface.
 *
 * Status codes: FINDC_OK, FINDC_COMPILE_ERROR (the source does not compile
 * or cannot be read: the message holds every located diagnostic),
 * FINDC_INPUT_ERROR (a bad name, input or parameter), FINDC_INTERNAL_ERROR.
 *
 * Threads: a suite may be used from several threads at once; a session from
 * one at a time. Strings are UTF-8. See docs/api.md. */
#ifndef FINDC_FINDC_H
#define FINDC_FINDC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define FINDC_API __attribute__((visibility("default")))
#else
#define FINDC_API
#endif

enum { FINDC_OK = 0, FINDC_COMPILE_ERROR = 1, FINDC_INPUT_ERROR = 2, FINDC_INTERNAL_ERROR = 3 };
enum { FINDC_ENGINE_JIT = 0, FINDC_ENGINE_INTERPRETER = 1 };
/* findc::MathMode, in its order (include/findc/Options.hpp) */
enum { FINDC_MATH_EXACT = 0, FINDC_MATH_VECTOR = 1, FINDC_MATH_FAST = 2 };

typedef struct findc_suite findc_suite;
typedef struct findc_session findc_session;

enum { FINDC_LANG_AUTO = 0, FINDC_LANG_FND = 1, FINDC_LANG_PYTHON = 2 };
enum { FINDC_INPUT_REAL = 0, FINDC_INPUT_STR = 1 };

/* Zero-initialize it: the members added later keep their defaults. */
typedef struct findc_load_options {
  int engine;   /* FINDC_ENGINE_* */
  int math;     /* FINDC_MATH_* */
  int language; /* FINDC_LANG_*: AUTO reads a name ending in .py as a Python hypothesis */
  int input;    /* FINDC_INPUT_*: what a Python hypothesis's function takes */
  const char* entry; /* a Python hypothesis's function; NULL or "": FIND's rule (the last def) */
  int threads;       /* threads one evaluation of many points may use; 0: one per core (findc::LoadOptions) */
} findc_load_options;

/* A benchmark's random effects: apply = 0 evaluates the clean function;
 * query q under seed s always draws the same noise. */
typedef struct findc_effects {
  int apply;
  uint64_t seed;
  uint64_t first_query;
} findc_effects;

/* "0.1" (static storage). */
FINDC_API const char* findc_version(void);
/* Frees a string findc returned. */
FINDC_API void findc_free(void* memory);

/* A suite from a file, or from source text of `length` bytes named `name` in
 * diagnostics. `options` may be NULL (JIT, exact math). NULL on failure,
 * *status (if not NULL) set to the reason. */
FINDC_API findc_suite* findc_suite_load(const char* path, const findc_load_options* options, int* status,
                                        char** error);
FINDC_API findc_suite* findc_suite_compile(const char* source, size_t length, const char* name,
                                           const findc_load_options* options, int* status, char** error);
FINDC_API findc_suite* findc_suite_stdlib(const findc_load_options* options, int* status, char** error);
FINDC_API void findc_suite_free(findc_suite* suite);

/* The functions the source declares: indices 0 .. size - 1. */
FINDC_API size_t findc_suite_size(const findc_suite* suite);
/* Owned by the suite. NULL if index is out of range. */
FINDC_API const char* findc_suite_name(const findc_suite* suite, size_t index);
/* The index of `name` in *index. */
FINDC_API int findc_suite_find(const findc_suite* suite, const char* name, size_t* index, char** error);
/* What `findc list --json` says of function `index` (free with findc_free). */
FINDC_API char* findc_metadata_json(const findc_suite* suite, size_t index);

/* y[i] = f(x[i]) for a function that takes numbers; `effects` may be NULL
 * (applied, seed 0, first query 0). Where an evaluation fails, y[i] is NaN and
 * errors[i] (if errors is not NULL) its code, else 0: findc_error_name. */
FINDC_API int findc_evaluate(const findc_suite* suite, size_t index, const double* x, double* y, size_t n,
                             const findc_effects* effects, uint8_t* errors, char** error);
/* NULL for 0. */
FINDC_API const char* findc_error_name(uint8_t code);

/* Any function at any inputs, in JSON: `inputs_json` is an array of values
 * for its first parameter, `params_json` (or NULL) an array for the ones
 * after it. The result (free with findc_free) is the line `findc eval --json`
 * prints: {"fn", "inputs", "outputs"[, "errors"][, "seed"]} (docs/json.md;
 * "seed" when noise or corruption was drawn). */
FINDC_API char* findc_call_json(const findc_suite* suite, size_t index, const char* inputs_json,
                                const char* params_json, const findc_effects* effects, int* status, char** error);

/* An agent's view of function `index`: its effects under `seed`, and a
 * query counter that every evaluation advances. */
FINDC_API findc_session* findc_session_open(const findc_suite* suite, size_t index, uint64_t seed,
                                            uint64_t first_query, char** error);
FINDC_API int findc_session_evaluate(findc_session* session, const double* x, double* y, size_t n, uint8_t* errors,
                                     char** error);
FINDC_API uint64_t findc_session_next_query(const findc_session* session);
FINDC_API void findc_session_free(findc_session* session);

#ifdef __cplusplus
}
#endif

#endif /* FINDC_FINDC_H */
