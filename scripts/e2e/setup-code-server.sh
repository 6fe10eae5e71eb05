#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 in the browser) into a cache folder
# so the end-to-end test can drive a real editor. Idempotent: a finished install is
# marked with a stamp file and skipped on the next run.
#
# Why not `npm install code-server`: its post-install refuses to run as root without a
# setting npm 11 no longer has, and @vscode/ripgrep downloads a binary at install time.
# So we install with --ignore-scripts and do the needed steps by hand.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
STAMP="$DIR/.installed-$VERSION"

if [[ -f "$STAMP" && -x "$DIR/node_modules/.bin/code-server" ]]; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if (( ${#need_apt[@]} )); then
  echo "installing system packages: ${need_apt[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

mkdir -p "$DIR"
echo "installing code-server $VERSION into $DIR (several minutes)"
[[ -f "$DIR/package.json" ]] || echo '{"name":"code-server-cache","private":true}' > "$DIR/package.json"
npm install --prefix "$DIR" --ignore-scripts --no-audit --no-fund "code-server@$VERSION"

VS="$DIR/node_modules/code-server/lib/vscode"
cd "$VS"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
cd "$DIR"
npm_config_yes=true npm rebuild argon2

touch "$STAMP"
echo "code-server $VERSION installed in $DIR"
