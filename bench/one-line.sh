#!/usr/bin/env bash
# Ingest of one huge single-line file: `briefing ingest --dry-run --json` on
# (a) 12 MB of the sample sources' sentences run together on one line and
# (b) the same without any sentence-ending punctuation (one "sentence" of
# megabytes, the worst case for the per-sentence stages). Prints the median
# wall time and peak RSS of RUNS runs of each. The target is < 20 s.
#
#   bench/one-line.sh [MB] [RUNS]
set -eu
cd "$(dirname "$0")/.."
MB="${1:-12}"
RUNS="${2:-3}"
cargo build --release --quiet
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$MB" "$TMP" <<'PY'
import re, sys, pathlib
mb, tmp = int(sys.argv[1]), pathlib.Path(sys.argv[2])
text = " ".join(re.sub(r"\s+", " ", p.read_text()) for p in sorted(pathlib.Path("sources").glob("*.txt")))
size = mb * 1024 * 1024
line = (text + " ") * (size // (len(text) + 1) + 1)
(tmp / "sentences.txt").write_text(line[:size])
(tmp / "no-ends.txt").write_text(re.sub(r"[.!?;:]", " ", line[:size]))
PY
for f in sentences no-ends; do
  times=()
  for _ in $(seq "$RUNS"); do
    out=$( { /usr/bin/time -f "%e %M" target/release/briefing ingest --dry-run --json "$TMP/$f.txt" >/dev/null; } 2>&1 | tail -1)
    times+=("$out")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v f="$f" -v mb="$MB" -v n="$RUNS" \
    '{t[NR]=$1; m[NR]=$2} END {i=int((n+1)/2); printf "%-9s %d MB one line: median %.2f s, peak RSS %d MB (%d runs)\n", f, mb, t[i], m[i]/1024, n}'
done
