// The backends a Suite can run on.
#pragma once

#include "engine/Backend.h"
#include "findc/Options.hpp"

#include <memory>

namespace findc::engine {

// The reference interpreter: no LLVM. Unary entries are specialized on
// first use.
std::unique_ptr<Backend> makeInterpreterBackend(const ir::Module& module);

// Native code from LLVM's ORC JIT (engine/JitBackend.cpp, the only part of
// the engine that links LLVM). In exact math a function's first code is
// compiled quickly and recompiled optimized after `optimizeAfterPoints`
// points (0: optimized at once); see CompileOptions.
std::unique_ptr<Backend> makeJitBackend(const ir::Module& module, MathMode math, uint64_t optimizeAfterPoints);

} // namespace findc::engine
