#!/usr/bin/env bash
# Debian tools the interop checks use: pandas (python3-pandas) and csvkit (csvclean).
# Installs only what is missing, so a machine that has them needs no root and no network.
set -euo pipefail
missing=()
/usr/bin/python3 -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
command -v csvclean >/dev/null 2>&1 || missing+=(csvkit)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: python3-pandas and csvkit already installed"
  exit 0
fi
echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
