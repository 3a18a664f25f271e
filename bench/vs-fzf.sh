#!/usr/bin/env bash
# Whole-process search time: `briefing search QUERY --library DIR --limit 50`
# against `fzf --filter QUERY | head -50` over the same text (the source-text
# paragraphs of every brief in DIR, one per line), run alternately, and the
# medians and their ratio.
#
#   bench/vs-fzf.sh DIR [RUNS] [QUERY...]
#
# DIR: a library folder, e.g. one made by
#   cargo run --release --example gen_library -- --briefs 10000 --out /tmp/lib
# The first briefing run builds its caches (in the platform cache folder) and
# is not timed. Needs fzf (installed with apt-get when missing and possible).
set -eu
cd "$(dirname "$0")/.."

DIR="${1:?usage: bench/vs-fzf.sh DIR [RUNS] [QUERY...]}"
RUNS="${2:-7}"
shift $(( $# >= 2 ? 2 : 1 ))
QUERIES=("$@")
[ ${#QUERIES[@]} -eq 0 ] && QUERIES=("azer rus" "kremlin iran" "perjanjian damai" "sekutu moskow")

if ! command -v fzf >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq fzf) >/dev/null
  fi
fi
command -v fzf >/dev/null 2>&1 || { echo "vs-fzf: fzf is not installed" >&2; exit 1; }

cargo build --release --quiet
BIN=target/release/briefing
LINES="$(mktemp)"
trap 'rm -f "$LINES"' EXIT
# The same text briefing searches: every paragraph of every brief's source text.
for f in "$DIR"/*.md; do
  awk '/^## Source text$/{s=1; next} s && NF>0 && !/^#/' "$f"
done > "$LINES"
echo "library: $DIR ($(ls "$DIR"/*.md | wc -l) briefs); fzf input: $(wc -l < "$LINES") lines, $(( $(wc -c < "$LINES") / 1000000 )) MB"
echo "machine: $(nproc) cores, $(uname -sr); fzf $(fzf --version | cut -d' ' -f1)"
"$BIN" search warmup --library "$DIR" --limit 1 >/dev/null 2>&1 || true

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-20s %12s %12s %8s\n' query briefing fzf ratio
for q in "${QUERIES[@]}"; do
  b=(); z=()
  for _ in $(seq "$RUNS"); do
    t0=$(now); "$BIN" search "$q" --library "$DIR" --limit 50 >/dev/null; t1=$(now)
    b+=($(( (t1 - t0) / 1000000 )))
    t0=$(now); fzf --filter "$q" < "$LINES" | head -50 >/dev/null || true; t1=$(now)
    z+=($(( (t1 - t0) / 1000000 )))
  done
  mb=$(printf '%s\n' "${b[@]}" | median)
  mz=$(printf '%s\n' "${z[@]}" | median)
  printf '%-20s %10s ms %10s ms %7.1fx\n' "\"$q\"" "$mb" "$mz" "$(echo "$mz / $mb" | bc -l)"
done
