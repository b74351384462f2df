#!/bin/sh
# Re-creates crypto/src/test/resources/kat/*.tsv.gz: downloads Debian's python3-cryptography-vectors
# 38.0.4-1 with apt-get (no install, no root needed for the download itself), checks the package's
# sha256, unpacks it in a temporary folder and runs kat.js (Node 20) over it. kat.js writes each source
# file's sha256 into the '#source' lines; compare them with resources/kat/README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download python3-cryptography-vectors=38.0.4-1
echo "57005fe9ff647159dfbadd25a07b8f4bb8461987aebb003e38dd9dcc88b9d25b  python3-cryptography-vectors_38.0.4-1_all.deb" | sha256sum -c -
dpkg-deb -x python3-cryptography-vectors_38.0.4-1_all.deb pkg
node "$here/kat.js" "$work/pkg/usr/lib/python3/dist-packages/cryptography_vectors"
