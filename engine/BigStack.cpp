#include "engine/BigStack.h"

#include <pthread.h>

#include <cstdint>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>

namespace findc::engine {
namespace {

struct Job {
  const std::function<void()>* work;
  std::exception_ptr failure;
};

void* runJob(void* opaque) {
  auto* job = static_cast<Job*>(opaque);
  try {
    (*job->work)();
  } catch (...) {
    job->failure = std::current_exception();
  }
  return nullptr;
}

[[noreturn]] void fail(const char* what, int code) {
  throw std::runtime_error(std::string("cannot start the compiler thread: ") + what + ": " + std::strerror(code));
}

} // namespace

size_t compileStackNeed(size_t sourceBytes) { return (size_t{2} << 20) + sourceBytes * 1024; }

size_t stackLeft() {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0)
    return 0;
  void* lowest = nullptr;
  size_t size = 0;
  int code = pthread_attr_getstack(&attributes, &lowest, &size);
  pthread_attr_destroy(&attributes);
  if (code != 0)
    return 0;
  // The stack grows down, from lowest + size towards lowest.
  char here = 0;
  auto position = reinterpret_cast<uintptr_t>(&here);
  auto bottom = reinterpret_cast<uintptr_t>(lowest);
  return position > bottom && position - bottom <= size ? position - bottom : 0;
}

void runWithStack(size_t need, const std::function<void()>& work) {
  if (stackLeft() >= need)
    work();
  else
    runOnLargeStack(work);
}

void runOnLargeStack(const std::function<void()>& work, size_t stackBytes) {
  pthread_attr_t attributes;
  if (int code = pthread_attr_init(&attributes))
    fail("pthread_attr_init", code);
  struct Destroy {
    pthread_attr_t* a;
    ~Destroy() { pthread_attr_destroy(a); }
  } destroy{&attributes};
  if (int code = pthread_attr_setstacksize(&attributes, stackBytes))
    fail("pthread_attr_setstacksize", code);
  Job job{&work, nullptr};
  pthread_t thread;
  if (int code = pthread_create(&thread, &attributes, runJob, &job))
    fail("pthread_create", code);
  pthread_join(thread, nullptr);
  if (job.failure)
    std::rethrow_exception(job.failure);
}

} // namespace findc::engine
