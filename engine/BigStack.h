// Compilation recurses as deep as the source nests (the parser, sema, IR
// generation, LLVM's passes): a 100,000-term sum is a 100,000-deep tree. The
// engine runs every compilation on a thread of its own with a large stack, so
// an embedder may compile from any thread, whatever its stack size.
#pragma once

#include <cstddef>
#include <functional>

namespace findc::engine {

// Reserved address space, committed only as the stack grows.
inline constexpr size_t kCompileStackBytes = size_t{512} << 20;

// Runs `work` to completion on a new thread with a `stackBytes` stack and
// rethrows whatever it threw.
void runOnLargeStack(const std::function<void()>& work, size_t stackBytes = kCompileStackBytes);

} // namespace findc::engine
