// Which of glibc's libmvec variants vector math calls on a target (the table
// is in Target.cpp), for tools that report it.
#pragma once

#include <llvm/Target/TargetMachine.h>

namespace findc {

// The most doubles one libmvec call takes on `target`: 8 with AVX-512, 4
// with AVX2, 2 with SSE2 (every x86-64), 0 off x86-64.
unsigned widestLibmvecLanes(const llvm::TargetMachine& target);

} // namespace findc
