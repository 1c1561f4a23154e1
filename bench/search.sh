#!/usr/bin/env bash
# Search benchmark: KropotkinSite's own search against Pagefind 1.6.0, on the same built sites, in one run.
#
#   bench/search.sh              our own site (input/, with the queries of the browser tests) and 10,000 pages
#   bench/search.sh own          only our site
#   bench/search.sh 10000        only the generated site (bench/SiteGenerator, fixed seed; 25 queries picked
#                                from it: the <h1> of every k-th page of four words or more, expecting that page)
#   BENCH_DIR=/tmp/x bench/search.sh   where sites and builds go (default /tmp/kropotkinsite-bench)
#   BEFORE=COMMIT bench/search.sh      also builds COMMIT (its code and theme, from `git archive`) and asks its
#                                      search the same queries in the same run: a third row per site
#
# For each site it builds ours (Release, JIT) into a fresh folder, timing the build and reading the search
# pipeline's own time from the build's summary; copies that output without our index and runs
# `pagefind --site` on it (pagefind@1.6.0 from npm, pinned in bench/search/package.json), timing it; then
# bench/search/compare.mjs asks both engines every query in Chromium (ours under netlify.toml's CSP, Pagefind
# without it: it needs WebAssembly) and prints a Markdown row per engine. Needs `.ci/install-test-tools` (Chromium
# and tests/tools' npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(own 10000)

[ -d tests/tools/node_modules/playwright-core ] ||
  { echo "run dotnet test once first: it installs Chromium and tests/tools' packages" >&2; exit 1; }
(cd bench/search && npm install --no-audit --no-fund --silent)

echo "building KropotkinSite (Release) and the site generator..." >&2
dotnet_release build jit src/KropotkinSite
dotnet_release build generator bench/SiteGenerator
if [ -n "${BEFORE:-}" ]; then
  before_sha=$(git rev-parse --verify "$BEFORE^{commit}")
  before_dir="$WORK/search-before-${before_sha:0:12}"
  if [ ! -f "$before_dir/jit/KropotkinSite.dll" ]; then
    echo "building $BEFORE (${before_sha:0:12}) in $before_dir..." >&2
    rm -rf "$before_dir" && mkdir -p "$before_dir/src"
    git archive "$before_sha" | tar -x -C "$before_dir/src"
    dotnet build "$before_dir/src/src/KropotkinSite" -c Release -o "$before_dir/jit" --nologo -v quiet \
      >"$before_dir/jit.log" 2>&1 || { cat "$before_dir/jit.log"; exit 1; }
  fi
fi

millis() { date +%s%3N; }

echo -n "| site | engine | hits in top 3 | first query KB | later queries KB (median / max / total) "
echo -n "| queries fetching more than the other engine | first query ms (listed / all excerpts) "
echo -n "| query ms to the results listed (median / max) | query ms to all excerpts (median / max) "
echo "| index on disk KB | build ms |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for size in "${SIZES[@]}"; do
  if [ "$size" = own ]; then
    input="$ROOT/input"; label="ours ($(find "$input" -name '*.md' | wc -l) pages)"
    queries=(--queries "$ROOT/tests/KropotkinSite.Tests/Browser/search-queries.json")
  else
    generate_site "$size"; input="$WORK/n$size/site"; label="$size pages"
    queries=(--pick 25)
  fi
  dir="$WORK/search-$size"
  rm -rf "$dir" && mkdir -p "$dir"

  start=$(millis)
  dotnet "$WORK/jit/KropotkinSite.dll" build --input "$input" --output "$dir/ours" --theme "$ROOT/theme" \
    >"$dir/build.txt"
  build_ms=$(( $(millis) - start ))
  search_ms=$(awk '$1 == "search-index" { print $4 }' "$dir/build.txt")

  cp -r "$dir/ours" "$dir/pagefind"
  rm -rf "$dir/pagefind/search/meta.bin" "$dir/pagefind/search/terms" "$dir/pagefind/search/pages"
  start=$(millis)
  (cd bench/search && npx pagefind --site "$dir/pagefind" >"$dir/pagefind.txt")
  pagefind_ms=$(( $(millis) - start ))

  node bench/search/compare.mjs --ours "$dir/ours" --pagefind "$dir/pagefind" "${queries[@]}" \
    --headers "$ROOT/netlify.toml" \
    --json "$dir/compare.json" --label "$label" \
    --ours-build-ms "${search_ms} (whole build ${build_ms})" --pagefind-build-ms "$pagefind_ms (after the build)"

  if [ -n "${BEFORE:-}" ]; then
    start=$(millis)
    dotnet "$before_dir/jit/KropotkinSite.dll" build --input "$input" --output "$dir/before" \
      --theme "$before_dir/src/theme" >"$dir/before-build.txt"
    build_ms=$(( $(millis) - start ))
    search_ms=$(awk '$1 == "search-index" { print $4 }' "$dir/before-build.txt")
    # Its row only (the Pagefind row it prints again is the one above, asked again).
    node bench/search/compare.mjs --ours "$dir/before" --pagefind "$dir/pagefind" "${queries[@]}" \
      --headers "$ROOT/netlify.toml" --json "$dir/compare-before.json" --label "$label, before ${BEFORE}" \
      --ours-build-ms "${search_ms} (whole build ${build_ms})" | sed -n 1p
  fi
done
echo "details (per query, misses): $WORK/search-*/compare.json" >&2
