#include "engine/BigStack.h"

#include <pthread.h>

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
