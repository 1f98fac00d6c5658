// The x86-64 instruction set extensions this CPU has, by LLVM's names, read
// with cpuid (and xgetbv: AVX and AVX-512 registers need the OS to save
// them), without LLVM: a compiled artifact records the extensions its code
// may use, and its loader refuses it on a CPU that lacks one.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace findc {

// The extensions findc knows how to detect (a subset of LLVM's x86 feature
// names: those that change the instructions LLVM selects).
std::span<const std::string_view> knownCpuFeatures();

// Those of knownCpuFeatures() this CPU has (none off x86-64).
std::vector<std::string> hostCpuFeatures();

// Of LLVM's target feature string ("+avx2,-avx512f,..."), the features
// turned on that findc knows, in the string's order.
std::vector<std::string> knownFeaturesOf(std::string_view llvmFeatureString);

// `required` minus `host`, in `required`'s order.
std::vector<std::string> missingCpuFeatures(std::span<const std::string> required, std::span<const std::string> host);

} // namespace findc
