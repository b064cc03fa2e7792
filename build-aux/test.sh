#!/usr/bin/env bash
# Builds Training Desk and runs every test: unit, CLI, data and GUI tests (the GUI
# ones under Xvfb, inside a private D-Bus session). Ends with "N passed, N failed"
# and exits non-zero when anything failed. Run as root or a sudoer.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/build.sh

testlog=_build/meson-logs/testlog.json
rm -f "$testlog"

status=0
dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C _build --print-errorlogs || status=$?

if [ ! -f "$testlog" ]; then
  echo "test.sh: meson test wrote no $testlog (exit status $status)" >&2
  exit 1
fi

# testlog.json holds one JSON object per test; count the results.
python3 - "$testlog" <<'PY' || status=1
import collections, json, sys

counts = collections.Counter()
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        if line.strip():
            counts[json.loads(line)['result']] += 1

passed = counts['OK'] + counts['EXPECTEDFAIL']
failed = counts['FAIL'] + counts['ERROR'] + counts['TIMEOUT'] + counts['UNEXPECTEDPASS']
skipped = counts['SKIP']
summary = '{} passed, {} failed'.format(passed, failed)
if skipped:
    summary += ', {} skipped'.format(skipped)
print(summary)
sys.exit(1 if failed or passed == 0 else 0)
PY

exit "$status"
