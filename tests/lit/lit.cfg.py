# lit configuration for findc's compiler tests. Loaded through the
# lit.site.cfg.py that CMake writes into the build tree.
import os
import shutil
import sys

import lit.formats

config.name = "findc"
# RUN lines run under bash (`$?`, `printf`, `test`), with pipefail.
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".fnd", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

site = getattr(config, "findc_lit_source_dir", None)
if site is None:
    lit_config.fatal("run lit on the build directory (tests/lit in the build tree), "
                     "which holds the configured lit.site.cfg.py")

config.test_source_root = config.findc_lit_source_dir
config.test_exec_root = config.findc_lit_binary_dir

# findc first, then FileCheck, not, count and split-file from LLVM.
path = os.pathsep.join([config.findc_tools_dir, config.llvm_tools_dir,
                        config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["PATH"] = path
# Diagnostics and number formatting must not depend on the caller's locale.
config.environment["LC_ALL"] = "C"

findc = os.path.join(config.findc_tools_dir, "findc")
if not os.path.exists(findc):
    lit_config.fatal("findc not found at %s; build it first" % findc)
for tool in ("FileCheck", "not", "count", "split-file"):
    if not shutil.which(tool, path=path):
        lit_config.fatal("%s not found on %s" % (tool, path))

# findc-run before findc: "%findc" is a prefix of "%findc_run".
config.substitutions.append(("%findc_run", os.path.join(config.findc_tools_dir, "findc-run")))
config.substitutions.append(("%findc", findc))
# The Python that runs lit (CMake's Python3_EXECUTABLE under ctest) runs the
# modules `findc emit --stage python` writes.
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%capi_test", config.findc_capi_test))
config.substitutions.append(("%examples", config.findc_examples_dir))

# The host features tests can REQUIRE: the vector ISA the JIT targets.
try:
    with open("/proc/cpuinfo") as cpuinfo:
        flags = cpuinfo.read()
    if " avx2" in flags:
        config.available_features.add("avx2")
    if " avx512f" in flags:
        config.available_features.add("avx512f")
except OSError:
    pass

# FIND v1's released data, next to the project (../shared/find-v1) or named
# by FINDC_FIND_V1_DATA; tests that re-derive the bundled suite from it
# REQUIRE find-v1-data.
find_v1_data = os.environ.get("FINDC_FIND_V1_DATA") or os.path.join(
    os.path.dirname(os.path.abspath(config.findc_examples_dir)), "..", "shared", "find-v1")
if os.path.exists(os.path.join(find_v1_data, "numeric-data.json")):
    config.available_features.add("find-v1-data")
    config.substitutions.append(("%find_v1_data", os.path.abspath(find_v1_data)))
config.substitutions.append(("%project", os.path.dirname(os.path.abspath(config.findc_examples_dir))))
