#!/usr/bin/env bash
# The developer entry point behind README's Quick start.
#   bash tools/dev.sh example   install what is missing, build (release), run examples/hello.js
#   bash tools/dev.sh test      install what is missing, build (debug: ASan+UBSan, and release), run every test
#   bash tools/dev.sh build [debug|release]
# Works on a fresh Debian 12 machine as root; .ci/run calls `test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the build and the tests need; installed only when missing.
# (libboost-dev: the header-only parts, Boost.Multiprecision for BigInt;
# libboost-context-dev already depends on it. chromium: the live page's
# tests drive it headless.)
PACKAGES=(g++ cmake ninja-build pkg-config ccache libasio-dev libboost-dev libboost-context-dev
          doctest-dev libre2-dev libicu-dev libedit-dev libssl-dev nlohmann-json3-dev zlib1g-dev libbrotli-dev chromium)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "dev.sh: installing ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# ccache keys on paths relative to the checkout, so a fresh clone (CI's
# "git clone . /tmp/x") reuses what any other checkout compiled.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true

# A compiler warning fails the build (issue 16: the tree is warning-free on
# GCC and Clang). The log is scanned rather than adding -Werror: ccache
# replays a cached object's warnings, so a fresh clone still sees every one,
# and the compile commands (and so the cache) stay the same as a plain build's.
build() {
  local preset=$1 log
  cmake --preset "$preset" >/dev/null
  log=$(mktemp)
  cmake --build --preset "$preset" 2>&1 | tee "$log"
  if grep -q 'warning:' "$log"; then
    echo "dev.sh: the $preset build printed compiler warnings; a warning fails the build:" >&2
    grep 'warning:' "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

case "${1:-}" in
  example)
    install_missing
    build release
    ./build/release/glass examples/hello.js
    ;;
  test)
    install_missing
    # The debugger's protocol tests use npm packages (chrome-remote-interface, ws, @vscode/debugadapter-testsupport),
    # pinned by the lockfile; installed again when the lockfile is newer than the installation.
    [ conformance/debugger/node_modules/.package-lock.json -nt conformance/debugger/package-lock.json ] ||
      npm ci --prefix conformance/debugger --no-audit --no-fund --silent
    build debug
    build release
    ctest --preset debug -j "$(nproc)"
    ctest --preset release -j "$(nproc)"
    ;;
  build)
    install_missing
    build "${2:-release}"
    ;;
  *)
    echo "usage: bash tools/dev.sh example|test|build [debug|release]" >&2
    exit 2
    ;;
esac
