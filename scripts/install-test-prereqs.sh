#!/usr/bin/env bash
# Installs every prerequisite of the test suite, idempotently: nothing is downloaded when all is present.
#   apt: OpenSSH server and client (SFTP peer), vsftpd (FTP/FTPS peer), PostgreSQL (storage tests),
#        openssl (AS2 oracle), curl (FTP/FTPS client), Node.js and npm (libas2 partner), Chromium (console tests)
#   npm: the test peers in tests/peers (libas2)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(openssh-server openssh-client vsftpd postgresql openssl curl ca-certificates procps chromium)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The packaged services must not hold the ports or data folders the tests use: tests start their own.
  for svc in ssh vsftpd postgresql; do
    $sudo_cmd systemctl disable --now "$svc" >/dev/null 2>&1 || $sudo_cmd service "$svc" stop >/dev/null 2>&1 || true
  done
else
  echo "Test prerequisites (apt): all present"
fi

if [ -f tests/peers/package.json ]; then
  stamp=tests/peers/node_modules/.installed-from
  want=$(cat tests/peers/package.json tests/peers/package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing test peers (npm) in tests/peers"
    if [ -f tests/peers/package-lock.json ]; then
      (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd tests/peers && npm install --no-audit --no-fund --loglevel=error)
    fi
    echo "$want" > "$stamp"
  else
    echo "Test peers (npm): up to date"
  fi
fi
