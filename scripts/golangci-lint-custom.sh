#!/usr/bin/env bash
# Build a golangci-lint binary with module plugins (`golangci-lint custom`)
# on a machine that reaches the Go module proxy but not GitHub.
#
#   scripts/golangci-lint-custom.sh                  # bin/custom-gcl from ./.custom-gcl.yml
#   scripts/golangci-lint-custom.sh -c DIR/.custom-gcl.yml -n mygcl   # DIR/mygcl
#   scripts/golangci-lint-custom.sh --stock-only     # only install bin/golangci-lint
#
# The binary goes where `golangci-lint custom` run in the config's directory
# would put it: the config's 'destination' (default '.'), relative to that
# directory, named by its 'name' (default custom-gcl). --print-destination
# prints that path and builds nothing.
#
# The binary's path is printed on stdout and progress on stderr, so
# `gcl=$(scripts/golangci-lint-custom.sh)` works in CI.
#
# Why: `golangci-lint custom` (pkg/commands/internal/builder.go) always runs
#
#   git clone --branch vX --single-branch --depth 1 -c advice.detachedHead=false -q \
#     https://github.com/golangci/golangci-lint.git
#
# in a temporary directory, with an environment from which every GIT_*
# variable is removed except GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n /
# GIT_CONFIG_VALUE_n and a few SSH/SSL ones (filterGitEnviron). The Go
# module proxy serves the same source tree, so this script
#
#   1. installs the stock golangci-lint vX through the proxy into the cache
#      dir (--stock-only also copies it to <repo>/bin/golangci-lint),
#   2. commits the module's source (`go mod download -json ...@vX` -> Dir)
#      into a bare git repository in the cache dir and tags it vX,
#   3. runs `golangci-lint custom` with
#        GIT_CONFIG_KEY_n=url.<mirror>.insteadOf
#        GIT_CONFIG_VALUE_n=https://github.com/golangci/golangci-lint.git
#      so that the clone reads the mirror. The rest of `custom` (rewrite
#      cmd/golangci-lint/plugins.go, `go mod edit -replace` for a plugin
#      with 'path' or `go get` for one with 'version', `go mod tidy`,
#      `go build`) needs only the module proxy, or just a warm module cache.
#
# Reuse: built binaries are kept in the cache dir under a key that hashes
# this script, the config, the Go toolchain and platform, and for each local
# plugin its go.mod/go.sum and every file that `go list -deps` compiles or
# embeds from the plugin's module (tests, testdata and docs do not count).
# Paths enter the key relative to the plugin, so a fresh clone of the same
# commit (what CI builds) finds the binary an earlier checkout built.
#
# Environment:
#   SCHEMALINT_CACHE_DIR  mirror, stock and custom binaries
#                         (default ${XDG_CACHE_HOME:-$HOME/.cache}/schemalint)
#   SCHEMALINT_GCL_KEEP   how many custom builds to keep in the cache (default 5)
#   SCHEMALINT_HEARTBEAT  seconds between the "still installing/building" lines
#                         of the long steps (default 30)
#   GOPROXY, GOFLAGS, ... passed to go as usual. GOWORK is forced off: the
#                         build relies on replace directives, which a
#                         workspace would override.
set -euo pipefail
shopt -s inherit_errexit

readonly GCL_MODULE=github.com/golangci/golangci-lint/v2
readonly GCL_CLONE_URL=https://github.com/golangci/golangci-lint.git
readonly KEY_FILE=.custom-gcl-key # written into each local plugin's root, see below

script_path=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
repo_root=$(cd "$(dirname "$script_path")/.." && pwd)
start_time=$(date +%s.%N)

log() { printf '==> %s\n' "$*" >&2; }
die() {
  printf 'golangci-lint-custom: error: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '    %s\n' "$line" >&2; done
  exit 1
}
# die_with_log WHAT LOGFILE: die with the tail of a failed command's output,
# naming the proxy when that output looks like a network failure.
die_with_log() {
  local what=$1 logfile=$2 tail_lines
  mapfile -t tail_lines < <(tail -n 25 "$logfile")
  if grep -Eq 'dial tcp|no such host|i/o timeout|connection refused|connection reset|TLS handshake|proxyconnect|network is unreachable|Get "https?://' "$logfile"; then
    die "$what: the Go module proxy ($(go env GOPROXY)) could not be reached (with a warm module cache, GOPROXY=off may work)" "${tail_lines[@]}"
  fi
  die "$what" "${tail_lines[@]}"
}
# shellcheck source=scripts/heartbeat.sh
source "$(dirname "$script_path")/heartbeat.sh"
now() { date +%s.%N; }
elapsed() { awk -v s="${1:-$start_time}" -v e="$(now)" 'BEGIN { printf "%.1fs", e - s }'; }

usage() {
  cat <<EOF
Usage: ${0##*/} [options]

Build a custom golangci-lint binary with module plugins, without GitHub.

Options:
  -c, --config FILE       the .custom-gcl.yml to build (default: $repo_root/.custom-gcl.yml);
                          it must be named .custom-gcl.{yml,yaml,json}, the only name
                          'golangci-lint custom' reads, and the build runs in its directory
  -n, --name NAME         binary name (default: the config's 'name', else custom-gcl)
  -d, --destination DIR   output directory (default: the config's 'destination',
                          relative to the config's directory, else that directory,
                          as 'golangci-lint custom' does)
      --print-destination print the binary's path and exit, building nothing
  -f, --force             rebuild even when a build with the same inputs exists
      --stock-only        only install the stock golangci-lint (the config's version)
                          as $repo_root/bin/golangci-lint and print its path
  -h, --help              this text
EOF
}

# ---------------------------------------------------------------- arguments
config=$repo_root/.custom-gcl.yml
name_override=
dest_override=
force=
stock_only=
print_dest=
while [ $# -gt 0 ]; do
  case $1 in
    -c | --config) config=${2:?--config needs a file}; shift 2 ;;
    -n | --name) name_override=${2:?--name needs a value}; shift 2 ;;
    -d | --destination) dest_override=${2:?--destination needs a directory}; shift 2 ;;
    -f | --force) force=1; shift ;;
    --stock-only) stock_only=1; shift ;;
    --print-destination) print_dest=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

command -v go >/dev/null || die "go is not on PATH"
command -v git >/dev/null || die "git is not on PATH ('golangci-lint custom' clones with it)"
[ -f "$config" ] || die "config $config not found"
case ${config##*/} in
  .custom-gcl.yml | .custom-gcl.yaml | .custom-gcl.json) ;;
  *) die "config $config must be named .custom-gcl.yml (or .yaml/.json): 'golangci-lint custom' reads only that name" ;;
esac
config_dir=$(cd "$(dirname "$config")" && pwd)
config=$config_dir/${config##*/}
if [ -n "$(find "$config_dir" -maxdepth 1 -name '.custom-gcl.*' ! -path "$config" -print -quit)" ]; then
  die "$config_dir holds more than one .custom-gcl.* file; 'golangci-lint custom' would use whichever it lists first"
fi

# ------------------------------------------------------------ config values
# A small reader for the block-style YAML that .custom-gcl.yml uses: top-level
# scalars, and a 'plugins' list of mappings with module/import/version/path.
yaml_scalar() { # yaml_scalar KEY: top-level scalar KEY, unquoted, comment removed
  sed -n "s/^$1:[[:space:]]*//p" "$config" | head -n1 |
    sed -e 's/[[:space:]]#.*$//' -e 's/[[:space:]]*$//' -e "s/^[\"']\(.*\)[\"']\$/\1/"
}
# One line per plugin: module|import|version|path ('|' rather than a tab:
# read would merge the empty fields between consecutive tabs).
yaml_plugins() {
  awk '
    function flush() { if (mod != "" || path != "") printf "%s|%s|%s|%s\n", mod, imp, ver, path; mod = imp = ver = path = "" }
    function value(s) { sub(/^[^:]*:[ \t]*/, "", s); sub(/[ \t]+#.*$/, "", s); sub(/[ \t]+$/, "", s); gsub(/^["\047]|["\047]$/, "", s); return s }
    /^plugins:/ { inlist = 1; next }
    inlist && /^[^ \t#-]/ { flush(); inlist = 0 }
    !inlist { next }
    /^[ \t]*-[ \t]/ { flush(); sub(/-[ \t]+/, " ") }
    /^[ \t]*module:/ { mod = value($0) }
    /^[ \t]*import:/ { imp = value($0) }
    /^[ \t]*version:/ { ver = value($0) }
    /^[ \t]*path:/ { path = value($0) }
    END { flush() }
  ' "$config"
}

gcl_version=$(yaml_scalar version)
[ -n "$gcl_version" ] || die "$config has no top-level 'version' (the golangci-lint version to build)"
case $gcl_version in v*) ;; *) gcl_version=v$gcl_version ;; esac

name=${name_override:-$(yaml_scalar name)}
name=${name:-custom-gcl}
case $name in */* | .*) die "binary name '$name' must be a plain file name" ;; esac
if [ -n "$dest_override" ]; then
  dest=$dest_override
  case $dest in /*) ;; *) dest=$PWD/$dest ;; esac
else
  # golangci-lint custom reads the config in its working directory and
  # writes to 'destination' from there ('' is that directory itself), never
  # to the checkout of this script.
  dest=$(yaml_scalar destination)
  case $dest in /*) ;; *) dest=$config_dir/${dest:-.} ;; esac
fi
if [ -n "$print_dest" ]; then
  printf '%s\n' "$(realpath -m "$dest/$name")"
  exit 0
fi
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
binary=$dest/$name

cache_dir=${SCHEMALINT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/schemalint}
case $cache_dir in *[[:space:]]*) die "cache dir '$cache_dir' contains whitespace; set SCHEMALINT_CACHE_DIR to a path without it (it becomes a git URL)" ;; esac
mkdir -p "$cache_dir"
cache_dir=$(cd "$cache_dir" && pwd)

export GOWORK=off

# Serialise runs that share the cache (a pre-commit hook and an editor, two
# CI steps): the second waits, then finds the first one's binary. Holding
# the lock, any scratch directory left in the cache is from a killed run.
if command -v flock >/dev/null; then
  exec 9>"$cache_dir/lock"
  flock 9
  rm -rf "$cache_dir"/custom/.build.* "$cache_dir"/golangci-lint-mirror/*.tmp.*
fi

# copy_into SRC DST: replace DST by a copy of SRC without ever truncating DST
# in place (a running binary cannot be rewritten: "text file busy").
copy_into() {
  local tmp
  tmp=$(mktemp "$(dirname "$2")/.${2##*/}.XXXXXX")
  cp "$1" "$tmp"
  chmod 0755 "$tmp"
  mv -f "$tmp" "$2"
}

# --------------------------------------------------------- stock golangci-lint
stock_cached=$cache_dir/stock/$gcl_version/golangci-lint
stock=$repo_root/bin/golangci-lint
install_stock() {
  if ! { [ -x "$stock_cached" ] && [ "v$("$stock_cached" version --short 2>/dev/null || true)" = "$gcl_version" ]; }; then
    log "installing golangci-lint $gcl_version through the Go module proxy"
    local out step_start
    step_start=$(now)
    out=$(mktemp)
    if ! quietly "installing golangci-lint $gcl_version" "$out" env GOBIN="$(dirname "$stock_cached")" go install "$GCL_MODULE/cmd/golangci-lint@$gcl_version"; then
      die_with_log "go install $GCL_MODULE/cmd/golangci-lint@$gcl_version failed" "$out"
    fi
    rm -f "$out"
    [ "v$("$stock_cached" version --short)" = "$gcl_version" ] ||
      die "$stock_cached reports version $("$stock_cached" version --short), expected $gcl_version"
    log "installed $stock_cached in $(elapsed "$step_start")"
  fi
  log "stock golangci-lint $gcl_version: $stock_cached"
}

if [ -n "$stock_only" ]; then
  install_stock
  if ! cmp -s "$stock_cached" "$stock"; then
    mkdir -p "$(dirname "$stock")"
    copy_into "$stock_cached" "$stock"
  fi
  log "done in $(elapsed)"
  printf '%s\n' "$stock"
  exit 0
fi

# ------------------------------------------------------------- the build key
mapfile -t plugins < <(yaml_plugins)
[ ${#plugins[@]} -gt 0 ] || die "$config lists no plugins (expected a 'plugins:' list of entries with 'module:' and 'path:' or 'version:')"

# plugin_files DIR MODULE IMPORT: the files of MODULE that building IMPORT
# reads, one absolute path a line.
plugin_files() {
  local dir=$1 module=$2 import=$3
  # shellcheck disable=SC2016 # a go list template, not shell
  local tmpl='{{if and .Module (eq .Module.Path "'"$module"'")}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .CgoFiles}}{{$d}}/{{.}}
{{end}}{{range .CFiles}}{{$d}}/{{.}}
{{end}}{{range .CXXFiles}}{{$d}}/{{.}}
{{end}}{{range .HFiles}}{{$d}}/{{.}}
{{end}}{{range .SFiles}}{{$d}}/{{.}}
{{end}}{{range .SysoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}'
  if (cd "$dir" && go list -deps -f "$tmpl" "$import") 2>/dev/null; then
    return
  fi
  # go list failed (the build will say why); hash every file instead, so
  # that a fix anywhere in the module changes the key.
  log "go list $import failed in $dir; hashing every file of the module instead"
  find "$dir" \( -name .git -o -name testdata -o -path "$dest" \) -prune -o -type f ! -path "$dir/$KEY_FILE" -print
}

build_key() {
  {
    printf 'script %s\n' "$(sha256sum <"$script_path")"
    printf 'config %s\n' "$(sha256sum <"$config")"
    printf 'gcl %s name %s\n' "$gcl_version" "$name"
    go env GOVERSION GOOS GOARCH GOAMD64 GOARM64 CGO_ENABLED GOFLAGS
    local entry module import version path
    for entry in "${plugins[@]}"; do
      IFS='|' read -r module import version path <<<"$entry"
      printf 'plugin %s import %s version %s\n' "$module" "${import:-$module}" "$version"
      [ -n "$path" ] || continue
      case $path in /*) ;; *) path=$config_dir/$path ;; esac
      [ -f "$path/go.mod" ] || die "plugin $module: $path/go.mod not found"
      path=$(cd "$path" && pwd)
      {
        printf '%s\n' "$path/go.mod"
        [ ! -f "$path/go.sum" ] || printf '%s\n' "$path/go.sum"
        plugin_files "$path" "$module" "${import:-$module}"
      } | LC_ALL=C sort -u | while IFS= read -r f; do
        printf '%s %s\n' "${f#"$path"/}" "$(sha256sum <"$f" | cut -d' ' -f1)"
      done
    done
  } | sha256sum | cut -d' ' -f1
}

key=$(build_key)
stamp=$dest/.$name.stamp
cached=$cache_dir/custom/$key/$name
runs() { "$1" version --short >/dev/null 2>&1; }

if [ -z "$force" ]; then
  if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$key" ] && runs "$binary"; then
    log "$binary is up to date (key ${key:0:12}); reused in $(elapsed)"
    printf '%s\n' "$binary"
    exit 0
  fi
  if [ -x "$cached" ] && runs "$cached"; then
    copy_into "$cached" "$binary"
    printf '%s\n' "$key" >"$stamp"
    touch "$(dirname "$cached")"
    log "$binary copied from the cache (key ${key:0:12}, $cached); reused in $(elapsed)"
    printf '%s\n' "$binary"
    exit 0
  fi
fi

install_stock

# ------------------------------------------------------------ the git mirror
mirror=$cache_dir/golangci-lint-mirror/$gcl_version.git
out=$(mktemp)
if ! go mod download -json "$GCL_MODULE@$gcl_version" >"$out" 2>&1; then
  die_with_log "go mod download $GCL_MODULE@$gcl_version failed" "$out"
fi
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}\$/\1/p" "$out"; }
src_dir=$(json_field Dir)
src_sum=$(json_field Sum)
src_info=$(json_field Info)
rm -f "$out"
[ -d "$src_dir" ] || die "go mod download gave no source directory for $GCL_MODULE@$gcl_version"

if [ "$(cat "$mirror/schemalint-source-sum" 2>/dev/null)" = "$src_sum" ] &&
  git --git-dir="$mirror" rev-parse -q --verify "refs/tags/$gcl_version" >/dev/null; then
  log "git mirror of golangci-lint $gcl_version: $mirror"
else
  log "making a git mirror of golangci-lint $gcl_version from $src_dir"
  step_start=$(now)
  mkdir -p "$(dirname "$mirror")"
  tmp_mirror=$(mktemp -d "$mirror.tmp.XXXXXX")
  # The commit date is the version's publication time, so the mirror's
  # commit (which go build stamps into the binary as vcs.revision) is the
  # same on every machine.
  commit_date=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$src_info" 2>/dev/null || true)
  commit_date=${commit_date:-1970-01-01T00:00:00Z}
  out=$(mktemp)
  if ! {
    git init -q --bare "$tmp_mirror" &&
      git --git-dir="$tmp_mirror" --work-tree="$src_dir" add -A &&
      GIT_AUTHOR_DATE=$commit_date GIT_COMMITTER_DATE=$commit_date \
        git --git-dir="$tmp_mirror" --work-tree="$src_dir" \
        -c user.name=schemalint -c user.email=schemalint@localhost -c commit.gpgsign=false \
        commit -q -m "golangci-lint $gcl_version from the Go module proxy ($src_sum)" &&
      git --git-dir="$tmp_mirror" -c tag.gpgsign=false tag "$gcl_version" &&
      printf '%s\n' "$src_sum" >"$tmp_mirror/schemalint-source-sum"
  } >"$out" 2>&1; then
    rm -rf "$tmp_mirror"
    die_with_log "could not make the git mirror $mirror" "$out"
  fi
  rm -f "$out"
  rm -rf "$mirror"
  mv "$tmp_mirror" "$mirror"
  log "made $mirror in $(elapsed "$step_start")"
fi

# --------------------------------------------------------------- the build
# custom hands git only GIT_CONFIG_COUNT/KEY_n/VALUE_n: append our rewrite
# after any that the caller set.
n=${GIT_CONFIG_COUNT:-0}
export "GIT_CONFIG_KEY_$n=url.$mirror.insteadOf" "GIT_CONFIG_VALUE_$n=$GCL_CLONE_URL"
export GIT_CONFIG_COUNT=$((n + 1))

# custom stamps the binary's version as vX-custom-gcl-<hash of each local
# plugin's directory>, and golangci-lint salts its result cache with that
# version. Its hashDir (pkg/commands/internal/dirhash.go) skips every
# subdirectory of a directory that holds a go.mod -- it tests the root's
# go.mod, not the subdirectory's -- so for a plugin at its module root only
# the top-level files count: a change under plugin/ or analyzers/ keeps the
# version, and golangci-lint then serves findings cached from the old
# analyzers. A top-level file holding our key makes the version follow the
# code that is compiled in.
for entry in "${plugins[@]}"; do
  IFS='|' read -r module _ _ path <<<"$entry"
  [ -n "$path" ] || continue
  case $path in /*) ;; *) path=$config_dir/$path ;; esac
  if ! printf '# Written by %s: the build key, which makes the version of golangci-lint (its cache salt) follow the plugin code.\n%s\n' \
    "${script_path#"$repo_root"/}" "$key" >"$path/$KEY_FILE" 2>/dev/null; then
    log "warning: cannot write $path/$KEY_FILE; the binary's version will not change with $module's code below its root, so run '$name cache clean' after this build"
  fi
done

mkdir -p "$cache_dir/custom"
build_dir=$(mktemp -d "$cache_dir/custom/.build.XXXXXX")
out=$(mktemp)
trap 'rm -rf "$build_dir" "$out"' EXIT
log "building $name with 'golangci-lint custom' ($gcl_version, config $config)"
step_start=$(now)
status=0
custom_build() { cd "$config_dir" && "$stock_cached" custom --verbose --version "$gcl_version" --name "$name" --destination "$build_dir"; }
quietly "building $name" "$out" custom_build || status=$?
# custom logs logfmt lines (level=info msg="..."), with the output of a failed
# command escaped inside msg: unescape it, and drop the generated plugins.go.
sed -i -e '/generated imports info/d' -e 's/^level=\([a-z]*\) msg="\(.*\)"$/custom: \2/' \
  -e 's/\\n/\n    /g' -e 's/\\t/  /g' -e 's/\\"/"/g' "$out"
if [ "$status" -ne 0 ]; then
  if grep -q 'clone golangci-lint' "$out"; then
    die_with_log "golangci-lint custom could not clone from the mirror $mirror (delete it and run again to remake it)" "$out"
  fi
  die_with_log "golangci-lint custom failed to build $name" "$out"
fi
sed 's/^/    /' "$out" >&2
log "golangci-lint custom took $(elapsed "$step_start")"
runs "$build_dir/$name" || die "golangci-lint custom built $build_dir/$name, but it does not run"

rm -rf "$(dirname "$cached")"
mkdir -p "$(dirname "$cached")"
mv "$build_dir/$name" "$cached"
copy_into "$cached" "$binary"
printf '%s\n' "$key" >"$stamp"

# Keep the newest builds only (each is ~50 MB).
keep=${SCHEMALINT_GCL_KEEP:-5}
find "$cache_dir/custom" -mindepth 1 -maxdepth 1 -type d ! -name '.build.*' -printf '%T@ %p\n' |
  sort -rn | tail -n +"$((keep + 1))" | cut -d' ' -f2- | while IFS= read -r old; do rm -rf "$old"; done

log "built $binary ($("$binary" version --short)) in $(elapsed)"
printf '%s\n' "$binary"
