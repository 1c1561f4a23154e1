#!/usr/bin/env bash
# Benchmark: cold full builds of the same synthetic sites by KropotkinSite, by Hugo and by the floor, side by side.
#
#   bench/run.sh                       sizes 40, 1000 and 10000 pages, every profile
#   bench/run.sh 1000                  only some sizes
#   PROFILES="default links" bench/run.sh   only some profiles (default, events, links, long: bench/SiteGenerator)
#   RUNS=7 bench/run.sh                measured runs per site and build (default 5; 3 at 10,000 pages and more)
#   BEFORE=d3138ec bench/run.sh        the commit whose build is the reference for the output (default: main)
#   MEASURE_BEFORE=1 bench/run.sh      also measure that commit's builds (native and JIT), for a before/after table
#   BENCH_DIR=/tmp/x bench/run.sh      where sites and builds go (default /tmp/kropotkinsite-bench)
#   ALLOW_CHANGED="search/ assets/search." bench/run.sh   output paths (prefixes) that may differ from BEFORE's,
#                                      because a change meant to alter them is measured; all else must be the same
#
# The builds measured, each on every site:
#   native  this working tree's `dotnet publish -c Release` (Native AOT): what a host or CI should run
#   jit     this working tree's `dotnet build -c Release` run by `dotnet`: what `dotnet run -c Release` runs
#   hugo    Hugo on the same content (bench/hugo's layouts: the same pages, sections, works index and timeline)
#   hugo+pagefind   Hugo, then Pagefind (pinned in bench/search/package.json) indexing each page's <main>: the
#           same site with a static search index, as ours has and Hugo alone has not; the peer that does our work
#   floor   bench/Floor (Native AOT): reads every input file, parses every page's Markdown with Markdig and
#           nothing else, and writes as many files of the same sizes as ours wrote: the least any build can do
#   before-native, before-jit   the BEFORE commit's builds, built from `git archive` in a folder of their own
#                               (only with MEASURE_BEFORE=1)
# For each site it first builds once with each (unmeasured: checks them and warms the file cache for all
# alike): the output of native and jit must be byte for byte that of the BEFORE commit's native build (so an
# optimisation is proven not to change what is written), and Hugo must write as many pages. Then the measured
# runs go in rounds over every site, the builds taking turns to go first, each into a fresh output folder, and
# it prints medians of wall time, CPU time (user+sys) and peak memory (maximum resident set size, from
# /usr/bin/time -v) with the ratios the targets are stated in. Last, one build per site with
# KROPOTKINSITE_TIMINGS=steps shows where our time goes, per pipeline and step (wall and CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(40 1000 10000)
read -ra PROFILE_LIST <<<"${PROFILES:-default events links long}"
BEFORE=${BEFORE:-main}
MEASURE_BEFORE=${MEASURE_BEFORE:-0}

need_apt=()
command -v hugo >/dev/null 2>&1 || need_apt+=(hugo)
[ -x /usr/bin/time ] || need_apt+=(time)
# Native AOT publishing links with the system's C toolchain and zlib.
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need_apt+=(clang)
[ -f /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)
apt_install "${need_apt[@]}"
# Pagefind from npm, its own binary run directly (not through node).
(cd bench/search && npm install --no-audit --no-fund --silent)
PAGEFIND=$(find "$ROOT/bench/search/node_modules/@pagefind" -path '*/bin/*' -name 'pagefind*' -type f -perm -u+x |
  sort | head -1)
[ -n "$PAGEFIND" ] || { echo "no Pagefind binary for this platform in bench/search/node_modules" >&2; exit 1; }

# Builds of this working tree, made again only when its sources changed (a native publish takes minutes).
tree_stamp() { # tree_stamp PATH...: a hash of the files git would see under the paths, as they are now
  git ls-files -co --exclude-standard -- "$@" | sort | xargs sha256sum | sha256sum | cut -c1-16
}
build_once() { # build_once build|publish NAME PROJECT
  local stamp; stamp=$(tree_stamp "$3" src/KropotkinSite)
  [ "$(cat "$WORK/$2.stamp" 2>/dev/null)" = "$stamp" ] && return 0
  dotnet_release "$@"
  echo "$stamp" >"$WORK/$2.stamp"
}
echo "building KropotkinSite (Release, native and JIT), the floor and the site generator..." >&2
build_once publish publish src/KropotkinSite
build_once build jit src/KropotkinSite
build_once publish floor bench/Floor
build_once build generator bench/SiteGenerator

# The BEFORE commit, built in a folder of its own (once per commit: kept between runs).
build_commit "$BEFORE"
BEFORE_DIR=$COMMIT_DIR
before_sha=$(git rev-parse --verify "$BEFORE^{commit}")
THEME="$ROOT/theme"
BEFORE_THEME="$BEFORE_DIR/src/theme"

BUILDS=(native jit hugo hugo+pagefind floor)
[ "$MEASURE_BEFORE" = 1 ] && BUILDS+=(before-native before-jit)

# measure NAME OUTDIR CMD...: runs CMD, which writes into OUTDIR (not there yet); appends "wall cpu rss_kb" to
# $WORK/times/NAME. Every run gets a folder of its own, deleted only when the whole benchmark is done: ext4
# is slow to create files just after many were deleted (it skips recently freed inodes), which would
# measure the file system's recycling rather than the generators.
measure() {
  local name=$1 out=$2; shift 2
  rm -rf "$WORK/hugo-cache"
  sync
  local start=$EPOCHREALTIME
  if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/last.log" 2>&1; then
    echo "FAILED: $*" >&2; cat "$WORK/last.log" >&2; exit 1
  fi
  local end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" -F': ' '
    /User time/ {u=$2} /System time/ {k=$2} /Maximum resident set size/ {m=$2}
    END {printf "%.4f %.4f %d\n", e-s, u+k, m}' "$WORK/time.txt" >>"$WORK/times/$name"
}

# run BUILD PROFILE N NAME OUTDIR: one build of a site by one of BUILDS.
run() {
  local build=$1 dir; dir=$(site_dir "$3" "$2")
  case $build in
    native) measure "$4" "$5" "$WORK/publish/KropotkinSite" build --input "$dir/site" --output "$5" --theme "$THEME" ;;
    jit) measure "$4" "$5" dotnet "$WORK/jit/KropotkinSite.dll" build --input "$dir/site" --output "$5" --theme "$THEME" ;;
    before-native) measure "$4" "$5" "$BEFORE_DIR/publish/KropotkinSite" build --input "$dir/site" --output "$5" --theme "$BEFORE_THEME" ;;
    before-jit) measure "$4" "$5" dotnet "$BEFORE_DIR/jit/KropotkinSite.dll" build --input "$dir/site" --output "$5" --theme "$BEFORE_THEME" ;;
    hugo) measure "$4" "$5" hugo --quiet --source "$dir/hugo" --destination "$5" --cacheDir "$WORK/hugo-cache" ;;
    hugo+pagefind) measure "$4" "$5" bash -c 'hugo --quiet --source "$1" --destination "$2" --cacheDir "$3" &&
      "$4" --site "$2" --root-selector main --quiet' _ "$dir/hugo" "$5" "$WORK/hugo-cache" "$PAGEFIND" ;;
    floor) measure "$4" "$5" "$WORK/floor/Floor" "$dir/site" "$dir/manifest" "$5" ;;
  esac
}

# same_output REFERENCE OUTPUT: whether the two folders hold the same files with the same bytes, but for paths
# starting with one of the ALLOW_CHANGED prefixes, which may differ (how many differences there were is printed).
read -ra ALLOWED <<<"${ALLOW_CHANGED:-}"
same_output() {
  local ref=$1 out=$2 line path prefix allowed bad=0 changed=0
  while IFS= read -r line; do
    case $line in
      "Files $ref/"*" and $out/"*" differ") path=${line#"Files $ref/"}; path=${path%" and $out/"*} ;;
      "Only in $ref: "* | "Only in $out: "*) path=${line#"Only in "*": "} ;;
      "Only in $ref/"* | "Only in $out/"*) path=${line#"Only in "}; path=${path#"$ref/"}; path=${path#"$out/"}
        path=${path%%": "*}/${path#*": "} ;;
      *) path="" ;;
    esac
    allowed=0
    for prefix in "${ALLOWED[@]}"; do
      [[ -n $path && ( $path == "$prefix"* || $path/ == "$prefix"* ) ]] && allowed=1
    done
    if [ $allowed = 1 ]; then changed=$((changed + 1)); else echo "$line" >&2; bad=1; fi
  done < <(diff -rq "$ref" "$out")
  [ ${#ALLOWED[@]} -eq 0 ] || echo "  $(basename "$out"): $changed differences under ${ALLOWED[*]} (allowed)" >&2
  return $bad
}

median() { # median FILE COLUMN
  awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

html_count() { find "$1" -name '*.html' | wc -l; }
runs_of() { echo "${RUNS:-$([ "$1" -ge 10000 ] && echo 3 || echo 5)}"; }

OUTS="$WORK/outputs"
rm -rf "$OUTS" "$WORK/times"
mkdir -p "$WORK/times"
SITES=()
declare -A PAGES
for profile in "${PROFILE_LIST[@]}"; do
  for n in "${SIZES[@]}"; do
    site="$profile-$n"
    SITES+=("$site")
    generate_site "$n" "$profile"
    dir=$(site_dir "$n" "$profile")
    out="$OUTS/$site"
    mkdir -p "$out"
    # A first, unmeasured build of each: the reference, and checks of the others against it.
    run before-native "$profile" "$n" check "$out/reference"
    (cd "$out/reference" && find . -type f -printf '%s\t%P\n' | sort -k2) >"$dir/manifest"
    for build in "${BUILDS[@]}"; do
      run "$build" "$profile" "$n" check "$out/$build-0"
      case $build in
        native | jit | before-jit)
          if ! same_output "$out/reference" "$out/$build-0"; then
            echo "$site: the $build build's output differs from $BEFORE's (${before_sha:0:12})" >&2; exit 1
          fi ;;
      esac
    done
    PAGES[$site]=$(html_count "$out/reference")
    for build in hugo hugo+pagefind; do
      if [ "$(html_count "$out/$build-0")" != "${PAGES[$site]}" ]; then
        echo "$site: page counts differ: ours ${PAGES[$site]}, $build $(html_count "$out/$build-0")" >&2; exit 1
      fi
    done
    echo "$site: ${PAGES[$site]} pages each, output identical to ${before_sha:0:12}'s; $(runs_of "$n") measured runs each" >&2
  done
done

# Measured runs in rounds over all sites, so a change in the machine's load touches every site alike; within a
# site the builds take turns to go first.
rounds=0
for n in "${SIZES[@]}"; do (( $(runs_of "$n") > rounds )) && rounds=$(runs_of "$n"); done
for ((r = 1; r <= rounds; r++)); do
  for site in "${SITES[@]}"; do
    profile=${site%-*} n=${site##*-}
    (( r <= $(runs_of "$n") )) || continue
    for ((b = 0; b < ${#BUILDS[@]}; b++)); do
      build=${BUILDS[(b + r) % ${#BUILDS[@]}]}
      run "$build" "$profile" "$n" "$build-$site" "$OUTS/$site/$build-$r"
    done
  done
  echo "round $r of $rounds done" >&2
done

declare -A R
for site in "${SITES[@]}"; do
  for build in "${BUILDS[@]}"; do
    for c in 1 2 3; do R[$build,$site,$c]=$(median "$WORK/times/$build-$site" $c); done
  done
done

echo
echo "Cold full builds, medians ($(nproc) cores; $(hugo version | awk '{print $1, $2}')); wall and CPU in s, peak memory in MiB"
header() {
  printf '%-14s %6s |' site pages
  for build in "${BUILDS[@]}"; do printf ' %-22s |' "$build"; done
  printf ' %s\n' "native/Hugo (wall cpu RSS)  jit/Hugo  native/floor  native/(Hugo+Pagefind) (wall RSS)"
}
header
for site in "${SITES[@]}"; do
  printf '%-14s %6d |' "$site" "${PAGES[$site]}"
  for build in "${BUILDS[@]}"; do
    awk -v w="${R[$build,$site,1]}" -v c="${R[$build,$site,2]}" -v m="${R[$build,$site,3]}" \
      'BEGIN { printf " %6.3f %6.3f %6.0f MiB |", w, c, m / 1024 }'
  done
  awk -v nw="${R[native,$site,1]}" -v nc="${R[native,$site,2]}" -v nm="${R[native,$site,3]}" \
      -v hw="${R[hugo,$site,1]}" -v hc="${R[hugo,$site,2]}" -v hm="${R[hugo,$site,3]}" \
      -v jw="${R[jit,$site,1]}" -v fw="${R[floor,$site,1]}" \
      -v pw="${R[hugo+pagefind,$site,1]}" -v pm="${R[hugo+pagefind,$site,3]}" \
    'BEGIN { printf " %5.2f %5.2f %5.2f            %5.2f     %5.1f         %5.2f %5.2f\n", nw/hw, nc/hc, nm/hm, jw/hw,
      nw/fw, nw/pw, nm/pm }'
done
echo
echo "10,000 pages / 1,000 pages, wall time:"
for profile in "${PROFILE_LIST[@]}"; do
  [ -n "${R[native,$profile-1000,1]:-}" ] && [ -n "${R[native,$profile-10000,1]:-}" ] || continue
  printf '  %-8s' "$profile"
  for build in "${BUILDS[@]}"; do
    awk -v b="$build" -v a="${R[$build,$profile-1000,1]}" -v z="${R[$build,$profile-10000,1]}" 'BEGIN { printf " %s %.1fx ", b, z / a }'
  done
  echo
done

echo
echo "Where our time goes (the native build, one run per site with KROPOTKINSITE_TIMINGS=steps: pipelines run one"
echo "at a time; steps of 10 ms or more: wall, process CPU, bytes allocated and time the GC paused the process):"
for site in "${SITES[@]}"; do
  profile=${site%-*} n=${site##*-}
  dir=$(site_dir "$n" "$profile")
  KROPOTKINSITE_TIMINGS=steps "$WORK/publish/KropotkinSite" build --input "$dir/site" --output "$OUTS/$site/steps" --theme "$THEME" \
    >"$WORK/steps-$site.txt"
  echo "  $site:"
  awk '/^  [^ ]/ { pipeline = $1 }
       /^    / && ($3 >= 10 || $6 >= 10) {
         printf "    %-36s wall %8.1f ms  cpu %8.1f ms  alloc %7.1f MiB  gc %7.1f ms\n",
           pipeline "/" $1, $3, $6, $9, $12 }
       /^Built in|^Process|^GC:/ { print "    " $0 }' "$WORK/steps-$site.txt"
done
rm -rf "$OUTS"
