#!/usr/bin/env bash
# Screenshots an HTML file (a convlab report) with headless Chromium, to check that it renders:
#   scripts/screenshot-report.sh REPORT.html OUT.png
# Needs Debian's `chromium` package (apt-get install chromium); CHROMIUM=/path/to/chrome picks another build.
# The window is 1280x2400 CSS pixels (SCREENSHOT_WINDOW=W,H to change); the PNG has that size.
# Exit codes: 0 written, 1 chromium ran but wrote no PNG (its log is printed), 2 bad arguments, 3 no chromium.
set -euo pipefail

say() { printf 'screenshot-report: %s\n' "$*" >&2; }

if [ $# -ne 2 ]; then
    say "usage: $0 REPORT.html OUT.png"
    exit 2
fi
html="$1"
png="$2"
if [ ! -f "$html" ]; then
    say "no such file: $html"
    exit 2
fi

if [ -n "${CHROMIUM:-}" ]; then
    browser="$CHROMIUM"
    if ! command -v "$browser" >/dev/null 2>&1; then
        say "CHROMIUM=$browser is not an executable"
        exit 3
    fi
else
    browser=""
    for candidate in chromium chromium-browser; do
        if command -v "$candidate" >/dev/null 2>&1; then
            browser="$candidate"
            break
        fi
    done
    if [ -z "$browser" ]; then
        say "chromium is not installed: apt-get install chromium (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome"
        exit 3
    fi
fi

html_abs="$(realpath "$html")"
png_abs="$(realpath -m "$png")"
# file:// URL: percent-encode the characters that would end or change a path.
url_path="$html_abs"
url_path="${url_path//%/%25}"
url_path="${url_path// /%20}"
url_path="${url_path//#/%23}"
url_path="${url_path//\?/%3F}"

# A throw-away profile and XDG folders: nothing left in $HOME, and runs in parallel do not share a profile lock.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$png_abs"

# --headless is Chromium's new headless mode since version 112 (the old one was removed in 132).
# --no-sandbox: the sandbox cannot start as root (CI, containers). --disable-dev-shm-usage: small /dev/shm in
# containers. --force-color-profile=srgb: screenshot pixels equal the PNGs' pixels.
status=0
XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" timeout 60 "$browser" \
    --headless --no-sandbox --disable-gpu --hide-scrollbars --disable-dev-shm-usage \
    --force-color-profile=srgb --no-first-run --user-data-dir="$work/profile" \
    --window-size="${SCREENSHOT_WINDOW:-1280,2400}" --screenshot="$png_abs" "file://$url_path" \
    >"$work/log" 2>&1 || status=$?

if [ ! -s "$png_abs" ]; then
    say "$browser wrote no screenshot (exit status $status); its output:"
    cat "$work/log" >&2
    exit 1
fi
echo "screenshot-report: wrote $png_abs"
