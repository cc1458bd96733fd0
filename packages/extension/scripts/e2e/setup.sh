#!/usr/bin/env bash
# Installs what the real-editor end-to-end tests need, once per machine, outside the repository:
#   - Debian packages: chromium (headless browser), libkrb5-dev (to compile code-server's kerberos
#     module), ripgrep (stands in for the ripgrep binary code-server would download);
#   - code-server (a full VS Code workbench + extension host running on the system Node 20);
#   - playwright-core (drives chromium; never downloads a browser).
# Versions: versions.json beside this script. Cache: ${COOP_E2E_CACHE:-$HOME/.cache/coop-e2e}.
# Idempotent: a second run only checks and prints "déjà installé". No network access is needed
# beyond the npm registry and Debian's mirrors.
#
# Usage: bash packages/extension/scripts/e2e/setup.sh     (or: npm run e2e:setup -w coop-vscode)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${COOP_E2E_CACHE:-$HOME/.cache/coop-e2e}"
start=$SECONDS

say() { printf 'e2e-setup: %s\n' "$*"; }
die() { printf 'e2e-setup: ERREUR : %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node est introuvable"
command -v npm >/dev/null || die "npm est introuvable"
node_major="$(node -p 'process.versions.node.split(".")[0]')"

version() { node -p "require('$here/versions.json')['$1']"; }
cs_version="$(version codeServer)"
pw_version="$(version playwrightCore)"
rg_pkg_version="$(version ripgrepPackage)"
rg_release="$(version ripgrepRelease)"
read -r -a apt_packages <<<"$(node -p "require('$here/versions.json').aptPackages.join(' ')")"

# code-server pins its Node major in its postinstall (4.100.x: Node 20).
[ "$node_major" = 20 ] || die "code-server $cs_version demande Node 20 (trouvé : $(node --version))"

# ----- 1. Debian packages (apt-get only for the missing ones) ---------------------------------------
missing=()
for pkg in "${apt_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || die "paquets manquants (${missing[*]}) et ni root ni sudo"
        sudo=(sudo)
    fi
    say "apt-get install ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
    say "paquets Debian déjà installés (${apt_packages[*]})"
fi
command -v rg >/dev/null || die "ripgrep (rg) introuvable après installation"

# ----- 2. npm tools, each in its own versioned folder ------------------------------------------------
# A folder is complete when its marker file exists; an interrupted install is redone from scratch.
npm_tool() { # folder package version
    local dir="$cache/$1" pkg="$2" ver="$3"
    if [ -f "$dir/.complete" ] && [ -d "$dir/node_modules/$pkg" ]; then
        say "$pkg@$ver déjà installé ($dir)"
        return 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    printf '{ "name": "coop-e2e-%s", "private": true, "dependencies": { "%s": "%s" } }\n' "$1" "$pkg" "$ver" >"$dir/package.json"
    say "npm install $pkg@$ver → $dir"
    local t0=$SECONDS
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >"$dir/install.log" 2>&1) || {
        tail -n 40 "$dir/install.log" >&2
        die "échec de npm install $pkg@$ver (journal complet : $dir/install.log)"
    }
    touch "$dir/.complete"
    say "$pkg@$ver installé en $((SECONDS - t0)) s"
}

# code-server's postinstall, offline-proofed:
#  - as root npm refuses its scripts unless unsafe-perm is set;
#  - node-pty's install runs `npx node-gyp`, which must not stop on a prompt;
#  - node-gyp must use the system Node headers instead of downloading them;
#  - @vscode/ripgrep downloads a prebuilt rg from GitHub unless its download cache (under the
#    temporary folder) already holds the archive: seed it with Debian's rg.
export npm_config_unsafe_perm=true npm_config_yes=true
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
tmp="$cache/tmp"
mkdir -p "$tmp"
case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) die "architecture non prise en charge : $(uname -m)" ;;
esac
rg_cache="$tmp/vscode-ripgrep-cache-$rg_pkg_version"
rg_archive="$rg_cache/ripgrep-$rg_release-$rg_target.tar.gz"
if [ ! -s "$rg_archive" ]; then
    mkdir -p "$rg_cache/stage"
    cp "$(command -v rg)" "$rg_cache/stage/rg"
    tar -czf "$rg_archive" -C "$rg_cache/stage" rg
    rm -rf "$rg_cache/stage"
fi
TMPDIR="$tmp" npm_tool "code-server-$cs_version" code-server "$cs_version"
npm_tool "playwright-core-$pw_version" playwright-core "$pw_version"

# ----- 3. Check --------------------------------------------------------------------------------------
cs_bin="$cache/code-server-$cs_version/node_modules/code-server/out/node/entry.js"
[ -f "$cs_bin" ] || die "code-server incomplet : $cs_bin manque"
[ -x "$cache/code-server-$cs_version/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] ||
    die "ripgrep de code-server manquant"
command -v chromium >/dev/null || die "chromium introuvable"
say "prêt en $((SECONDS - start)) s (cache : $cache)"
