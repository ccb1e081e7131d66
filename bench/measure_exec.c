/* Runs a command (an `ip` invocation) with its output thrown away, and
 * prints the result line for it: wall time from fork to exit, and the
 * command's peak RSS (from wait4's rusage). The item count is 0: the
 * command does not tell; run.sh checks the kernel's state afterwards.
 * With --errors FILE, the command's stderr goes to FILE and an exit status
 * of 1 (some lines failed, as expected) counts as done.
 *
 *   measure_exec [--errors FILE] COMMAND [ARGUMENT...]
 */
#include "common/bench_common.h"

#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* errors = NULL;
  if (argc > 2 && strcmp(argv[1], "--errors") == 0) {
    errors = argv[2];
    argv += 2;
    argc -= 2;
  }
  if (argc < 2) {
    fprintf(stderr, "usage: measure_exec [--errors FILE] COMMAND [ARGUMENT...]\n");
    return 2;
  }
  const double start = bench_now();
  const pid_t child = fork();
  if (child < 0) bench_die("fork");
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0) bench_die("/dev/null");
    if (errors != NULL) {
      const int file = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (file < 0 || dup2(file, STDERR_FILENO) < 0) bench_die(errors);
    }
    execvp(argv[1], argv + 1);
    bench_die(argv[1]);
  }
  int status = 0;
  struct rusage usage;
  if (wait4(child, &status, 0, &usage) < 0) bench_die("wait4");
  const double seconds = bench_now() - start;
  const int expected = errors != NULL ? 1 : 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != expected) {
    fprintf(stderr, "measure_exec: %s failed (status %d)\n", argv[1], status);
    return 1;
  }
  bench_report(seconds, 0, usage.ru_maxrss, "");
  return 0;
}
