# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by scripts/test-sanitize and scripts/fuzz: how the sanitizers report. Every report ends the program
# with an error (the code is built with -fno-sanitize-recover=all); leaks are reported at exit.
natter_source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1
export LSAN_OPTIONS="suppressions=$natter_source_dir/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
