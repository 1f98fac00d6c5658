#include "compiler/support/CpuFeatures.h"

#include <algorithm>
#include <array>
#include <cstdint>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace findc {
namespace {

enum Register : uint8_t { Eax, Ebx, Ecx, Edx };
// What the OS must save for a feature's registers (XCR0 bits): none, the
// AVX state (xmm, ymm) or the AVX-512 state too (opmask, zmm).
enum class OsState : uint8_t { None, Avx, Avx512 };

struct Feature {
  std::string_view name; // LLVM's
  uint32_t leaf, subleaf;
  Register reg;
  uint8_t bit;
  OsState os;
};

// Intel SDM vol. 2A, CPUID; AMD APM vol. 3, appendix E.
constexpr Feature kFeatures[] = {
    {"sse3", 1, 0, Ecx, 0, OsState::None},         {"pclmul", 1, 0, Ecx, 1, OsState::None},
    {"ssse3", 1, 0, Ecx, 9, OsState::None},        {"fma", 1, 0, Ecx, 12, OsState::Avx},
    {"cx16", 1, 0, Ecx, 13, OsState::None},        {"sse4.1", 1, 0, Ecx, 19, OsState::None},
    {"sse4.2", 1, 0, Ecx, 20, OsState::None},      {"movbe", 1, 0, Ecx, 22, OsState::None},
    {"popcnt", 1, 0, Ecx, 23, OsState::None},      {"aes", 1, 0, Ecx, 25, OsState::None},
    {"xsave", 1, 0, Ecx, 26, OsState::None},       {"avx", 1, 0, Ecx, 28, OsState::Avx},
    {"f16c", 1, 0, Ecx, 29, OsState::Avx},         {"rdrnd", 1, 0, Ecx, 30, OsState::None},
    {"cmov", 1, 0, Edx, 15, OsState::None},        {"mmx", 1, 0, Edx, 23, OsState::None},
    {"fxsr", 1, 0, Edx, 24, OsState::None},        {"sse", 1, 0, Edx, 25, OsState::None},
    {"sse2", 1, 0, Edx, 26, OsState::None},        {"fsgsbase", 7, 0, Ebx, 0, OsState::None},
    {"bmi", 7, 0, Ebx, 3, OsState::None},          {"avx2", 7, 0, Ebx, 5, OsState::Avx},
    {"bmi2", 7, 0, Ebx, 8, OsState::None},         {"avx512f", 7, 0, Ebx, 16, OsState::Avx512},
    {"avx512dq", 7, 0, Ebx, 17, OsState::Avx512},  {"rdseed", 7, 0, Ebx, 18, OsState::None},
    {"adx", 7, 0, Ebx, 19, OsState::None},         {"avx512ifma", 7, 0, Ebx, 21, OsState::Avx512},
    {"clflushopt", 7, 0, Ebx, 23, OsState::None},  {"clwb", 7, 0, Ebx, 24, OsState::None},
    {"avx512cd", 7, 0, Ebx, 28, OsState::Avx512},  {"sha", 7, 0, Ebx, 29, OsState::None},
    {"avx512bw", 7, 0, Ebx, 30, OsState::Avx512},  {"avx512vl", 7, 0, Ebx, 31, OsState::Avx512},
    {"avx512vbmi", 7, 0, Ecx, 1, OsState::Avx512}, {"avx512vbmi2", 7, 0, Ecx, 6, OsState::Avx512},
    {"gfni", 7, 0, Ecx, 8, OsState::None},         {"vaes", 7, 0, Ecx, 9, OsState::Avx},
    {"vpclmulqdq", 7, 0, Ecx, 10, OsState::Avx},   {"avx512vnni", 7, 0, Ecx, 11, OsState::Avx512},
    {"avx512bitalg", 7, 0, Ecx, 12, OsState::Avx512}, {"avx512vpopcntdq", 7, 0, Ecx, 14, OsState::Avx512},
    {"rdpid", 7, 0, Ecx, 22, OsState::None},       {"avx512vp2intersect", 7, 0, Edx, 8, OsState::Avx512},
    {"avx512fp16", 7, 0, Edx, 23, OsState::Avx512}, {"avxvnni", 7, 1, Eax, 4, OsState::Avx},
    {"avx512bf16", 7, 1, Eax, 5, OsState::Avx512}, {"lzcnt", 0x80000001, 0, Ecx, 5, OsState::None},
    {"sse4a", 0x80000001, 0, Ecx, 6, OsState::None}, {"prfchw", 0x80000001, 0, Ecx, 8, OsState::None},
    {"xop", 0x80000001, 0, Ecx, 11, OsState::Avx}, {"fma4", 0x80000001, 0, Ecx, 16, OsState::Avx},
    {"tbm", 0x80000001, 0, Ecx, 21, OsState::None},
};

constexpr auto kNames = [] {
  std::array<std::string_view, std::size(kFeatures)> names{};
  for (size_t i = 0; i < names.size(); ++i)
    names[i] = kFeatures[i].name;
  return names;
}();

} // namespace

std::span<const std::string_view> knownCpuFeatures() { return kNames; }

std::vector<std::string> hostCpuFeatures() {
  std::vector<std::string> host;
#if defined(__x86_64__)
  unsigned maxLeaf = __get_cpuid_max(0, nullptr), maxExtended = __get_cpuid_max(0x80000000, nullptr);
  uint64_t xcr0 = 0;
  unsigned a, b, c, d;
  if (__get_cpuid(1, &a, &b, &c, &d) && (c >> 27 & 1)) { // OSXSAVE: xgetbv is there
    uint32_t lo, hi;
    __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    xcr0 = uint64_t{hi} << 32 | lo;
  }
  bool avxState = (xcr0 & 0x6) == 0x6, avx512State = (xcr0 & 0xe6) == 0xe6;
  // One cpuid per leaf: in a virtual machine each one traps to the
  // hypervisor (tens of microseconds).
  struct Leaf {
    uint32_t leaf, subleaf;
    unsigned regs[4];
  };
  std::vector<Leaf> leaves;
  for (const Feature& f : kFeatures) {
    unsigned max = f.leaf >= 0x80000000 ? maxExtended : maxLeaf;
    if (f.leaf > max)
      continue;
    auto leaf = std::ranges::find_if(leaves, [&](const Leaf& l) { return l.leaf == f.leaf && l.subleaf == f.subleaf; });
    if (leaf == leaves.end()) {
      Leaf& read = leaves.emplace_back(Leaf{f.leaf, f.subleaf, {}});
      __cpuid_count(f.leaf, f.subleaf, read.regs[0], read.regs[1], read.regs[2], read.regs[3]);
      leaf = leaves.end() - 1;
    }
    bool os = f.os == OsState::None || (f.os == OsState::Avx ? avxState : avx512State);
    if ((leaf->regs[f.reg] >> f.bit & 1) && os)
      host.emplace_back(f.name);
  }
#endif
  return host;
}

std::vector<std::string> knownFeaturesOf(std::string_view llvmFeatureString) {
  std::vector<std::string> known;
  while (!llvmFeatureString.empty()) {
    size_t comma = llvmFeatureString.find(',');
    std::string_view item = llvmFeatureString.substr(0, comma);
    llvmFeatureString.remove_prefix(comma == std::string_view::npos ? llvmFeatureString.size() : comma + 1);
    if (item.starts_with('+') && std::ranges::find(kNames, item.substr(1)) != kNames.end())
      known.emplace_back(item.substr(1));
  }
  return known;
}

std::vector<std::string> missingCpuFeatures(std::span<const std::string> required, std::span<const std::string> host) {
  std::vector<std::string> missing;
  for (const std::string& feature : required)
    if (std::ranges::find(host, feature) == host.end())
      missing.push_back(feature);
  return missing;
}

} // namespace findc
