// The CppUTest runner every test program links. Programs that start GStreamer turn off
// CppUTest's new/delete leak accounting: GStreamer keeps process-wide caches on purpose.

#include <CppUTest/CommandLineTestRunner.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

int main(int argc, char** argv) {
#ifdef SR_TEST_NO_LEAK_CHECK
  MemoryLeakWarningPlugin::turnOffNewDeleteOverloads();
#endif
  return CommandLineTestRunner::RunAllTests(argc, argv);
}
