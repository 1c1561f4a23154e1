#!/usr/bin/env bash
# Benchmark: edit-to-served time of our preview server (`KropotkinSite preview`) and Hugo's `hugo server`, side
# by side on the same synthetic sites (bench/PreviewBench measures one server on one site).
#
#   bench/preview.sh                      sites of 1000 and 10000 pages, and our own input/ (ours only: no Hugo copy)
#   bench/preview.sh 1000                 only some sizes (input/ is always run)
#   EDITS=40 bench/preview.sh             measured edits of each kind per server and site (default 20; 10 at 10,000 pages and more)
#   ROUNDS=3 bench/preview.sh             runs of each server those edits are split over (default 2)
#   HUGO_FLAGS=--disableFastRender bench/preview.sh   more flags for hugo server (default none: what a Hugo user gets)
#   BEFORE=d3138ec bench/preview.sh      also that commit's preview (its Release JIT build and theme) on the generated
#                                         sites, in the same rounds, for a before/after table
#   BENCH_DIR=/tmp/x bench/preview.sh     where sites and builds go (default /tmp/kropotkinsite-bench, as bench/run.sh)
#
# Each edit is timed from writing the page's file to the first HTTP response for that page that carries it:
# "body" appends a marker paragraph, "title" sets the front-matter title to a marker. The runs go in rounds over
# all sites, ours and Hugo alternately (alternating which goes first), so a change in the machine's load touches
# both alike. It prints the median and 90th percentile of each and the ratio of the medians, ours/Hugo.
# Ours runs from a Release build through `dotnet` (the JIT build a `dotnet run` user gets), not the AOT publish.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
ROUNDS=${ROUNDS:-2}
read -ra HUGO_EXTRA <<<"${HUGO_FLAGS:-}"

command -v hugo >/dev/null 2>&1 || apt_install hugo
echo "building KropotkinSite (Release), PreviewBench and the site generator..." >&2
dotnet_release build jit src/KropotkinSite
dotnet_release build previewbench bench/PreviewBench
dotnet_release build generator bench/SiteGenerator
WHO=(ours hugo)
if [ -n "${BEFORE:-}" ]; then build_commit "$BEFORE"; WHO=(ours before hugo); fi
THEME="$ROOT/theme"
for n in "${SIZES[@]}"; do generate_site "$n"; done

edits_of() { echo "${EDITS:-$([ "$1" != input ] && [ "$1" -ge 10000 ] && echo 10 || echo 20)}"; }
TIMES="$WORK/preview-times"
rm -rf "$TIMES"
mkdir -p "$TIMES"

# bench_run SITE WHO EDITS: one run of PreviewBench; its per-edit lines ("kind ms") go to $TIMES/SITE-WHO.
bench_run() {
  local site=$1 who=$2 edits=$3 args
  local input="$WORK/n$site/site"
  [ "$site" = input ] && input="$ROOT/input"
  if [ "$who" = ours ]; then
    args=(ours "$input" "$edits" "$WORK/jit/KropotkinSite.dll" "$THEME")
  elif [ "$who" = before ]; then
    args=(ours "$input" "$edits" "$COMMIT_DIR/jit/KropotkinSite.dll" "$COMMIT_DIR/src/theme")
  else
    args=(hugo "$WORK/n$site/hugo" "$edits" "${HUGO_EXTRA[@]}")
  fi
  "$WORK/previewbench/PreviewBench" "${args[@]}" >>"$TIMES/$site-$who" 2>>"$TIMES/log" \
    || { echo "FAILED: PreviewBench ${args[*]}" >&2; tail -20 "$TIMES/log" >&2; exit 1; }
}

SITES=(input "${SIZES[@]}")
for ((r = 1; r <= ROUNDS; r++)); do
  for site in "${SITES[@]}"; do
    per_run=$(( ($(edits_of "$site") + ROUNDS - 1) / ROUNDS ))
    if [ "$site" = input ]; then bench_run input ours "$per_run"; continue; fi
    # Each round starts with the next server in turn, so none always goes first.
    for ((i = 0; i < ${#WHO[@]}; i++)); do
      bench_run "$site" "${WHO[(i + r) % ${#WHO[@]}]}" "$per_run"
    done
  done
  echo "round $r of $ROUNDS done" >&2
done

# stats FILE KIND: "median p90 count" of the KIND lines of FILE, in ms (median of an even count: the mean of the
# middle two; p90: the value at rank ceil(0.9 n)); "- - 0" when there are none.
stats() {
  [ -f "$1" ] || { echo "- - 0"; return; }
  awk -v k="$2" '$1 == k {print $2}' "$1" | sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) { print "- - 0"; exit }
    r = int(0.9 * NR); if (r < 0.9 * NR) r++
    printf "%.1f %.1f %d\n", (v[int((NR + 1) / 2)] + v[int(NR / 2) + 1]) / 2, v[r], NR }'
}

echo
echo "Edit-to-served time, ms ($(nproc) cores; $(hugo version | awk '{print $1, $2}')${HUGO_FLAGS:+ $HUGO_FLAGS}; ours: Release JIT build)"
# ratio A B: A/B to two places, or - when either is missing.
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi; }
printf '%-18s %-5s | %11s %9s | %13s %11s | %11s %9s | %9s %9s\n' site edit "ours median" "ours p90" \
  "before median" "before p90" "Hugo median" "Hugo p90" ours/before ours/Hugo
for site in "${SITES[@]}"; do
  label="$site pages"
  [ "$site" = input ] && label="input/ ($(find "$ROOT/input" -name '*.md' | wc -l) pages)"
  for kind in body title; do
    read -r om op _ <<<"$(stats "$TIMES/$site-ours" "$kind")"
    read -r bm bp _ <<<"$(stats "$TIMES/$site-before" "$kind")"
    read -r hm hp _ <<<"$(stats "$TIMES/$site-hugo" "$kind")"
    printf '%-18s %-5s | %11s %9s | %13s %11s | %11s %9s | %9s %9s\n' "$label" "$kind" "$om" "$op" "$bm" "$bp" \
      "$hm" "$hp" "$(ratio "$om" "$bm")" "$(ratio "$om" "$hm")"
  done
done
echo "(per-run summaries and the servers' errors: $TIMES/log)"
