// Compilation recurses as deep as the source nests (the parser, sema, IR
// generation, LLVM's passes): a 100,000-term sum is a 100,000-deep tree. The
// engine runs every compilation where the stack is large enough for its
// source: on the calling thread when that thread has the stack to spare (a
// hypothesis of a few hundred bytes on an ordinary 8 MiB thread), else on a
// thread of its own with a large stack, so an embedder may compile from any
// thread, whatever its stack size.
#pragma once

#include <cstddef>
#include <functional>

namespace findc::engine {

// Reserved address space, committed only as the stack grows.
inline constexpr size_t kCompileStackBytes = size_t{512} << 20;

// A bound on the stack that compiling `sourceBytes` of source takes, every
// stage included: measured at most ~0.8 MiB for the deepest nesting the
// parsers accept (256 brackets) plus ~400 bytes per source byte (a chain of
// binary operators is a tree as deep as it is long, `x+x+...` 2 bytes a
// level); the bound doubles the first and takes 1 KiB per byte.
size_t compileStackNeed(size_t sourceBytes);

// Bytes of stack left below the caller's frame on the calling thread (0 if
// the system cannot tell).
size_t stackLeft();

// Runs `work` to completion on a new thread with a `stackBytes` stack and
// rethrows whatever it threw.
void runOnLargeStack(const std::function<void()>& work, size_t stackBytes = kCompileStackBytes);

// Runs `work` on the calling thread if it has `need` bytes of stack left,
// else as runOnLargeStack. A new thread costs more than its creation: its
// allocations come from a fresh malloc arena, whose pages fault in again on
// every compile (~10 ms for a hypothesis, 3x the compile itself).
void runWithStack(size_t need, const std::function<void()>& work);

} // namespace findc::engine
