// consumer SUITE FN: FN at FIND's grid through the installed C++ API, one
// value per line as `findc eval --find-grid` prints it.
#include <findc/findc.h>
#include <findc/findc.hpp>

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3)
    return 2;
  try {
    findc::Suite suite = findc::Suite::load(argv[1]);
    std::vector<double> x;
    for (int k = -128; k < 128; ++k)
      x.push_back(k + 0.5);
    for (double y : suite[argv[2]].evaluate(x))
      std::printf("%.17g\n", y);
  } catch (const findc::CompileError& error) {
    std::fprintf(stderr, "%s", error.what());
    return 1;
  }
  return std::string(findc_version()) == std::string(findc::version()) ? 0 : 1;
}
