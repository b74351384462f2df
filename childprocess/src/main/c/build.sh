#!/bin/sh
# Compiles the native half of NativeSpawn into the module's classes (called by Maven in process-classes):
#   build.sh <java.home> <target/classes>
# Without gcc, or off Linux, it only says so: the module then starts children through the JDK's
# ProcessBuilder (exact exit statuses need the native library, see ExitStatus).
set -eu
java_home=$1
classes=$2
here=$(dirname "$0")
if [ "$(uname -s)" != Linux ]; then
  echo "nodeshim-spawn: not Linux, no native library (children start through ProcessBuilder)"
  exit 0
fi
if ! command -v gcc >/dev/null 2>&1; then
  echo "nodeshim-spawn: gcc not found, no native library (children start through ProcessBuilder)"
  exit 0
fi
out="$classes/dev/nodeshim/childprocess/native/linux-$(uname -m)"
mkdir -p "$out"
gcc -O2 -Wall -Wextra -Werror -fPIC -shared \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libnodeshim-spawn.so" "$here/nodeshim_spawn.c"
