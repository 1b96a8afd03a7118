#!/bin/sh
# Installs ripgrep (Debian package `ripgrep`) for `npm run bench`, which times
# `rg` over the benchmark corpus as the floor no extractor can beat.
# Needs root and apt-get; does nothing when rg is already on PATH.
set -eu
if command -v rg >/dev/null 2>&1; then
  echo "setup-ripgrep: $(rg --version | head -n 1) already installed"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-ripgrep: rg is missing and this is not root on Debian/Ubuntu: install ripgrep by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ripgrep >/dev/null
echo "setup-ripgrep: $(rg --version | head -n 1) installed"
