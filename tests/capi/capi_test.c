/* The C ABI from C: findc.h only, linked against libfindc.so.
 *
 *   findc_capi_test SUITE FN...  prints, per FN, the line `findc call_json`
 *       gives for FIND's grid (the lit test diffs it against `findc eval
 *       --find-grid --json`), then checks sessions, errors and NULLs itself.
 *   findc_capi_test --stdlib FN INPUT...  the same for a stdlib function at
 *       string inputs.
 * Exits 1 at the first failed check, with its message. */
#include "findc/findc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "capi_test: FAILED: %s\n", what);
    failures++;
  }
}

/* A JSON array of JSON strings (inputs without quotes or backslashes). */
static char* stringArray(int count, char** items) {
  size_t size = 3;
  for (int i = 0; i < count; ++i)
    size += strlen(items[i]) + 4;
  char* out = malloc(size);
  strcpy(out, "[");
  for (int i = 0; i < count; ++i) {
    strcat(out, i ? ", \"" : "\"");
    strcat(out, items[i]);
    strcat(out, "\"");
  }
  strcat(out, "]");
  return out;
}

static int stdlibMode(int argc, char** argv) {
  int status = -1;
  char* error = NULL;
  findc_suite* suite = findc_suite_stdlib(NULL, &status, &error);
  check(suite != NULL && status == FINDC_OK && error == NULL, "findc_suite_stdlib");
  size_t index = 0;
  check(findc_suite_find(suite, argv[2], &index, NULL) == FINDC_OK, "findc_suite_find in the stdlib");
  char* inputs = stringArray(argc - 3, argv + 3);
  char* line = findc_call_json(suite, index, inputs, NULL, NULL, &status, &error);
  check(line != NULL && status == FINDC_OK, "findc_call_json on strings");
  if (line)
    printf("%s\n", line);
  findc_free(line);
  free(inputs);
  findc_suite_free(suite);
  return failures ? 1 : 0;
}

int main(int argc, char** argv) {
  if (argc >= 3 && strcmp(argv[1], "--stdlib") == 0)
    return stdlibMode(argc, argv);
  int math = FINDC_MATH_EXACT;
  if (argc >= 3 && strcmp(argv[1], "--math") == 0) {
    math = strcmp(argv[2], "fast") == 0 ? FINDC_MATH_FAST : strcmp(argv[2], "vector") == 0 ? FINDC_MATH_VECTOR : -1;
    argc -= 2, argv += 2;
  }
  if (argc < 3 || math < 0) {
    fprintf(stderr, "usage: findc_capi_test [--math vector|fast] SUITE FN... | --stdlib FN INPUT...\n");
    return 2;
  }
  check(strcmp(findc_version(), "0.1") == 0, "findc_version");

  int status = -1;
  char* error = NULL;
  findc_load_options unknown = {.engine = FINDC_ENGINE_JIT, .math = FINDC_MATH_FAST + 1};
  check(findc_suite_load(argv[1], &unknown, &status, &error) == NULL && status == FINDC_INPUT_ERROR,
        "an unknown math mode is refused");
  check(error != NULL && strstr(error, "FINDC_MATH_FAST") != NULL, "the math mode message");
  findc_free(error);
  error = NULL;
  findc_load_options options = {.engine = FINDC_ENGINE_JIT, .math = math};
  findc_suite* suite = findc_suite_load(argv[1], &options, &status, &error);
  check(suite != NULL && status == FINDC_OK && error == NULL, "findc_suite_load");
  if (!suite) {
    fprintf(stderr, "%s\n", error ? error : "(no message)");
    return 1;
  }
  check(findc_suite_size(suite) > 0, "findc_suite_size");
  check(findc_suite_name(suite, findc_suite_size(suite)) == NULL, "findc_suite_name past the end");

  /* FIND's grid as a JSON array. */
  char grid[256 * 16] = "[";
  double xs[256];
  for (int k = 0; k < 256; ++k) {
    xs[k] = (k - 128) + 0.5;
    char item[32];
    snprintf(item, sizeof item, "%s%.17g", k ? ", " : "", xs[k]);
    strcat(grid, item);
  }
  strcat(grid, "]");

  for (int a = 2; a < argc; ++a) {
    size_t index = 0;
    check(findc_suite_find(suite, argv[a], &index, &error) == FINDC_OK, "findc_suite_find");
    check(strcmp(findc_suite_name(suite, index), argv[a]) == 0, "findc_suite_name");
    char* line = findc_call_json(suite, index, grid, NULL, NULL, &status, &error);
    check(line != NULL && status == FINDC_OK, "findc_call_json");
    if (line)
      printf("%s\n", line);
    findc_free(line);
    char* metadata = findc_metadata_json(suite, index);
    check(metadata != NULL && strstr(metadata, argv[a]) != NULL, "findc_metadata_json");
    findc_free(metadata);

    /* findc_evaluate gives the same numbers; a session split in two gives
     * the served run (queries numbered across calls). */
    double served[256], first[100], second[156];
    uint8_t errors[256];
    findc_effects effects = {1, 0, 0};
    check(findc_evaluate(suite, index, xs, served, 256, &effects, errors, &error) == FINDC_OK, "findc_evaluate");
    for (int k = 0; k < 256; ++k)
      check(errors[k] == 0 || isnan(served[k]), "an error code means NaN");
    findc_session* session = findc_session_open(suite, index, 0, 0, &error);
    check(session != NULL, "findc_session_open");
    check(findc_session_evaluate(session, xs, first, 100, NULL, &error) == FINDC_OK, "findc_session_evaluate");
    check(findc_session_evaluate(session, xs + 100, second, 156, NULL, &error) == FINDC_OK, "findc_session_evaluate");
    check(findc_session_next_query(session) == 256, "findc_session_next_query");
    for (int k = 0; k < 256; ++k) {
      double got = k < 100 ? first[k] : second[k - 100];
      check(memcmp(&got, &served[k], sizeof got) == 0 || (isnan(got) && isnan(served[k])),
            "a session equals the served run");
    }
    findc_session_free(session);
  }

  /* Failures are statuses and messages, never crashes. */
  size_t index = 0;
  check(findc_suite_find(suite, "no_such_function", &index, &error) == FINDC_INPUT_ERROR, "unknown name");
  check(error != NULL && strstr(error, "no function named 'no_such_function'") != NULL, "unknown name message");
  findc_free(error);
  check(findc_suite_find(suite, NULL, &index, NULL) == FINDC_INPUT_ERROR, "NULL name");
  check(findc_evaluate(suite, 1u << 30, xs, xs, 1, NULL, NULL, NULL) == FINDC_INPUT_ERROR, "index out of range");
  check(findc_evaluate(NULL, 0, xs, xs, 1, NULL, NULL, NULL) == FINDC_INPUT_ERROR, "NULL suite");
  check(findc_call_json(suite, 0, "[1, ", NULL, NULL, &status, &error) == NULL && status == FINDC_INPUT_ERROR,
        "bad JSON");
  check(error != NULL && strstr(error, "not valid JSON") != NULL, "bad JSON message");
  findc_free(error);
  findc_suite_free(suite);

  const char* broken = "def f(x: real) -> real = x +\n";
  findc_suite* none = findc_suite_compile(broken, strlen(broken), "broken.fnd", NULL, &status, &error);
  check(none == NULL && status == FINDC_COMPILE_ERROR, "a compile error");
  check(error != NULL && strncmp(error, "broken.fnd:1:", 13) == 0 && strchr(error, '^') != NULL,
        "a located diagnostic with a caret");
  findc_free(error);
  check(findc_suite_load("/nonexistent/x.fnd", NULL, &status, &error) == NULL && status == FINDC_COMPILE_ERROR,
        "an unreadable file");
  findc_free(error);
  findc_load_options bad = {.engine = 7};
  check(findc_suite_load(argv[1], &bad, &status, NULL) == NULL && status == FINDC_INPUT_ERROR, "bad options");
  findc_suite_free(NULL);
  findc_session_free(NULL);
  return failures ? 1 : 0;
}
