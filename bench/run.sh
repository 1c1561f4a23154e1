#!/usr/bin/env bash
# Benchmark: a cold full build of the same synthetic site by KropotkinSite and by Hugo, side by side.
#
#   bench/run.sh                 sizes 40, 1000 and 10000 pages
#   bench/run.sh 1000            only some sizes
#   RUNS=7 bench/run.sh          measured runs per size and generator (default 5; 3 at 10,000 pages and more)
#   BENCH_DIR=/tmp/x bench/run.sh   where sites and builds go (default /tmp/kropotkinsite-bench)
#
# For each size it generates the site (bench/SiteGenerator, fixed seed) and the equivalent Hugo site
# (bench/hugo), builds each once to check it (ours must exit 0, both must write the same number of pages),
# then runs the measured builds in rounds over all sizes, ours and Hugo alternately, every run into a fresh
# output folder, and prints the medians of wall
# time, CPU time (user+sys) and peak memory (Maximum resident set size from /usr/bin/time -v), and the
# ratio ours/Hugo. Ours runs from `dotnet publish -c Release` output (the apphost), never through `dotnet run`.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(40 1000 10000)

need_apt=()
command -v hugo >/dev/null 2>&1 || need_apt+=(hugo)
[ -x /usr/bin/time ] || need_apt+=(time)
# Native AOT publishing links with the system's C toolchain and zlib.
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need_apt+=(clang)
[ -f /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)
apt_install "${need_apt[@]}"

echo "building KropotkinSite (Release) and the site generator..." >&2
dotnet_release publish publish src/KropotkinSite
dotnet_release build jit src/KropotkinSite
dotnet_release build generator bench/SiteGenerator
OURS="$WORK/publish/KropotkinSite"
THEME="$ROOT/theme"

# measure NAME OUTDIR CMD...: runs CMD into OUTDIR, which must not exist yet; appends "wall cpu rss_kb" to
# $WORK/NAME.times. Every run gets a folder of its own, deleted only when the whole benchmark is done: ext4
# is slow to create files just after many were deleted (it skips recently freed inodes), which would
# measure the file system's recycling rather than the generators.
measure() {
  local name=$1 out=$2; shift 2
  rm -rf "$WORK/hugo-cache"
  sync
  local start=$EPOCHREALTIME
  if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/$name.log" 2>&1; then
    echo "FAILED: $*" >&2; cat "$WORK/$name.log" >&2; exit 1
  fi
  local end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" -F': ' '
    /User time/ {u=$2} /System time/ {k=$2} /Maximum resident set size/ {m=$2}
    END {printf "%.4f %.4f %d\n", e-s, u+k, m}' "$WORK/time.txt" >>"$WORK/$name.times"
}

median() { # column of a times file
  awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

html_count() { find "$1" -name '*.html' | wc -l; }

OUTS="$WORK/outputs"
rm -rf "$OUTS"

run_ours() { # run_ours N NAME OUTDIR
  measure "$2" "$3" "$OURS" build --input "$WORK/n$1/site" --output "$3" --theme "$THEME"
}
run_hugo() { # run_hugo N NAME OUTDIR
  measure "$2" "$3" hugo --quiet --source "$WORK/n$1/hugo" --destination "$3" --cacheDir "$WORK/hugo-cache"
}
runs_of() { echo "${RUNS:-$([ "$1" -ge 10000 ] && echo 3 || echo 5)}"; }

declare -A RESULT
for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"
  generate_site "$n"
  out="$OUTS/n$n"
  mkdir -p "$out"
  rm -f "$WORK"/ours-$n.times "$WORK"/hugo-$n.times

  # A first, unmeasured build of each: checks the outputs and warms the file cache for both alike.
  measure check "$out/jit" dotnet "$WORK/jit/KropotkinSite.dll" build --input "$dir/site" --output "$out/jit" --theme "$THEME"
  run_ours "$n" check "$out/ours-0"
  run_hugo "$n" check "$out/hugo-0"
  if ! diff -rq "$out/jit" "$out/ours-0" >&2; then
    echo "the published build's output differs from the JIT build's at N=$n" >&2; exit 1
  fi
  pages_ours=$(html_count "$out/ours-0"); pages_hugo=$(html_count "$out/hugo-0")
  if [ "$pages_ours" != "$pages_hugo" ]; then
    echo "page counts differ at N=$n: ours $pages_ours, Hugo $pages_hugo" >&2; exit 1
  fi
  RESULT[pages,$n]=$pages_ours
  echo "N=$n: $pages_ours pages each; $(runs_of "$n") measured runs each" >&2
done

# Measured runs in rounds over all sizes, so a change in the machine's load touches every size alike;
# within a size, ours and Hugo alternate which goes first.
rounds=0
for n in "${SIZES[@]}"; do (( $(runs_of "$n") > rounds )) && rounds=$(runs_of "$n"); done
for ((r = 1; r <= rounds; r++)); do
  for n in "${SIZES[@]}"; do
    (( r <= $(runs_of "$n") )) || continue
    out="$OUTS/n$n"
    if ((r % 2)); then
      run_ours "$n" "ours-$n" "$out/ours-$r"; run_hugo "$n" "hugo-$n" "$out/hugo-$r"
    else
      run_hugo "$n" "hugo-$n" "$out/hugo-$r"; run_ours "$n" "ours-$n" "$out/ours-$r"
    fi
  done
  echo "round $r of $rounds done" >&2
done

for n in "${SIZES[@]}"; do
  echo "N=$n, our last build's own timings:" >&2
  sed -n 's/^/    /p' "$WORK/ours-$n.log" | grep -E ' docs |Built in' >&2 || true
  for who in ours hugo; do
    for c in 1 2 3; do RESULT[$who,$n,$c]=$(median "$WORK/$who-$n.times" $c); done
  done
done

echo
echo "Cold full builds, medians ($(nproc) cores; $(hugo version | awk '{print $1, $2}'); KropotkinSite Native AOT publish)"
printf '%7s %6s | %9s %9s %9s | %9s %9s %9s | %6s %6s %6s\n' \
  "N" "pages" "ours wall" "ours cpu" "ours RSS" "Hugo wall" "Hugo cpu" "Hugo RSS" "wall" "cpu" "RSS"
printf '%7s %6s | %9s %9s %9s | %9s %9s %9s | %6s %6s %6s\n' "" "" "s" "s" "MB" "s" "s" "MB" "ours/Hugo" "" ""
for n in "${SIZES[@]}"; do
  awk -v n="$n" -v p="${RESULT[pages,$n]}" \
      -v ow="${RESULT[ours,$n,1]}" -v oc="${RESULT[ours,$n,2]}" -v om="${RESULT[ours,$n,3]}" \
      -v hw="${RESULT[hugo,$n,1]}" -v hc="${RESULT[hugo,$n,2]}" -v hm="${RESULT[hugo,$n,3]}" 'BEGIN {
    printf "%7d %6d | %9.3f %9.3f %9.0f | %9.3f %9.3f %9.0f | %6.2f %6.2f %6.2f\n",
      n, p, ow, oc, om/1024, hw, hc, hm/1024, ow/hw, oc/hc, om/hm }'
done
if [ -n "${RESULT[ours,1000,1]:-}" ] && [ -n "${RESULT[ours,10000,1]:-}" ]; then
  awk -v o1="${RESULT[ours,1000,1]}" -v o2="${RESULT[ours,10000,1]}" -v h1="${RESULT[hugo,1000,1]}" -v h2="${RESULT[hugo,10000,1]}" \
      -v c1="${RESULT[ours,1000,2]}" -v c2="${RESULT[ours,10000,2]}" -v d1="${RESULT[hugo,1000,2]}" -v d2="${RESULT[hugo,10000,2]}" \
    'BEGIN { printf "10,000 pages / 1,000 pages: wall time ours %.1fx, Hugo %.1fx; CPU time ours %.1fx, Hugo %.1fx\n", o2/o1, h2/h1, c2/c1, d2/d1 }'
fi
rm -rf "$OUTS"
