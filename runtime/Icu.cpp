#include "runtime/Icu.h"

#include <stdexcept>
#include <string>

#include <dlfcn.h>

namespace findc::rt::icu {
namespace {

#define FINDC_ICU_TEXT(x) #x
// After expansion: ICU's headers define each function's name as its
// exported name in this version (u_charType is u_charType_72).
#define FINDC_ICU_STRING(x) FINDC_ICU_TEXT(x)

class Loader {
public:
  Loader() {
    handle_ = dlopen(libraryName(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_)
      fail(dlerror());
    bind(library_.charType, FINDC_ICU_STRING(u_charType));
    bind(library_.charDirection, FINDC_ICU_STRING(u_charDirection));
    bind(library_.intPropertyValue, FINDC_ICU_STRING(u_getIntPropertyValue));
    bind(library_.hasBinaryProperty, FINDC_ICU_STRING(u_hasBinaryProperty));
    bind(library_.errorName, FINDC_ICU_STRING(u_errorName));
    bind(library_.openCaseMap, FINDC_ICU_STRING(ucasemap_open));
    bind(library_.closeCaseMap, FINDC_ICU_STRING(ucasemap_close));
    bind(library_.toLower, FINDC_ICU_STRING(ucasemap_utf8ToLower));
    bind(library_.toUpper, FINDC_ICU_STRING(ucasemap_utf8ToUpper));
    bind(library_.toTitle, FINDC_ICU_STRING(ucasemap_utf8ToTitle));
    bind(library_.foldCase, FINDC_ICU_STRING(ucasemap_utf8FoldCase));
    UErrorCode error = U_ZERO_ERROR;
    library_.rootCaseMap = library_.openCaseMap("", 0, &error);
    if (U_FAILURE(error))
      fail(std::string("ucasemap_open: ") + library_.errorName(error));
  }

  const Library& library() const { return library_; }

private:
  template <typename Function> void bind(Function& slot, const char* name) {
    slot = reinterpret_cast<Function>(dlsym(handle_, name));
    if (!slot)
      fail(std::string("no function ") + name);
  }
  [[noreturn]] static void fail(const std::string& why) {
    throw std::runtime_error(std::string("findc::rt: cannot load ICU (") + libraryName() + ", for Unicode case and " +
                             "character properties): " + why);
  }

  void* handle_ = nullptr;
  Library library_{};
};

} // namespace

const char* libraryName() { return "libicuuc.so." FINDC_ICU_STRING(U_ICU_VERSION_MAJOR_NUM); }

const Library& library() {
  // Process-wide as the library itself is; initialized once, thread-safely.
  static const Loader loader;
  return loader.library();
}

} // namespace findc::rt::icu
