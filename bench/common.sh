# Sourced by bench/run.sh and bench/preview.sh: where they work, the tools they install, what they build, and
# the synthetic sites they share.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_DIR:-/tmp/kropotkinsite-bench}
mkdir -p "$WORK"

apt_install() { # apt_install PACKAGE...: installs the packages with apt-get (none given: nothing)
  [ $# -gt 0 ] || return 0
  echo "installing $* with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

dotnet_release() { # dotnet_release build|publish NAME PROJECT: PROJECT in Release into $WORK/NAME; the log only on failure
  dotnet "$1" "$ROOT/$3" -c Release -o "$WORK/$2" --nologo -v quiet >"$WORK/$2.log" 2>&1 || { cat "$WORK/$2.log"; exit 1; }
}

# site_dir N [PROFILE]: where generate_site puts the site of N pages of a profile (bench/SiteGenerator's --profile).
site_dir() { if [ "${2:-default}" = default ]; then echo "$WORK/n$1"; else echo "$WORK/$2-n$1"; fi; }

# generate_site N [PROFILE]: $(site_dir N PROFILE)/site (ours) and .../hugo (the same content for Hugo, with
# bench/hugo's layouts), from the fixed seed; generated again only when the generator, the Hugo layouts or the
# stylesheet changed. Needs the generator built: dotnet_release build generator bench/SiteGenerator.
generate_site() {
  local profile=${2:-default} dir stamp
  dir=$(site_dir "$1" "$profile")
  stamp=$(cat "$ROOT/bench/SiteGenerator/Program.cs" "$ROOT/theme/assets/site.css" $(find "$ROOT/bench/hugo" -type f | sort) | sha256sum | cut -c1-16)
  [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ] || return 0
  "$WORK/generator/SiteGenerator" --pages "$1" --seed 1 --profile "$profile" --out "$dir" >/dev/null
  cp -r "$ROOT/bench/hugo/." "$dir/hugo/"
  # The Hugo site serves the same stylesheet as ours, so both write the same CSS.
  mkdir -p "$dir/hugo/static" && cp "$ROOT/theme/assets/site.css" "$dir/hugo/static/site.css"
  echo "$stamp" >"$dir/stamp"
}

# build_commit COMMIT: sets COMMIT_DIR to a folder holding that commit's sources (src/), its native publish
# (publish/) and its Release JIT build (jit/), built from `git archive` the first time (kept between runs).
build_commit() {
  local sha; sha=$(git -C "$ROOT" rev-parse --verify "$1^{commit}")
  COMMIT_DIR="$WORK/before-${sha:0:12}"
  [ -x "$COMMIT_DIR/publish/KropotkinSite" ] && [ -f "$COMMIT_DIR/jit/KropotkinSite.dll" ] && return 0
  echo "building $1 (${sha:0:12}) in $COMMIT_DIR..." >&2
  rm -rf "$COMMIT_DIR" && mkdir -p "$COMMIT_DIR/src"
  git -C "$ROOT" archive "$sha" | tar -x -C "$COMMIT_DIR/src"
  local kind
  for kind in publish jit; do
    local verb=publish; [ $kind = jit ] && verb=build
    dotnet $verb "$COMMIT_DIR/src/src/KropotkinSite" -c Release -o "$COMMIT_DIR/$kind" --nologo -v quiet \
      >"$COMMIT_DIR/$kind.log" 2>&1 || { cat "$COMMIT_DIR/$kind.log"; exit 1; }
  done
}
