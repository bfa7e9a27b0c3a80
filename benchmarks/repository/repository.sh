#!/usr/bin/env bash
# Times `search` and `install` of one plugin with one dependency from a local folder repository and
# from the same repository served over HTTP by `serve`, interleaved, N rounds (default 3). The plugin
# is the example optimizer made to import a package of Apache Commons Math 3.6.1, which the
# repository also holds. Needs the distribution (mvn install) and the examples built.
#   benchmarks/repository/repository.sh [N]
# Prints one line per command: wall and CPU (user+sys) seconds, as /usr/bin/time measures them;
# `list` (no repository involved) is the start-up that every command pays; `list, 2 repos configured`
# is the same with a settings file that configures two repositories (none is read).
# DIST=FOLDER times another distribution (default runtime/target/dist).
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=${DIST:-$root/runtime/target/dist}
m2=${M2:-$HOME/.m2/repository}
math=$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
optimizer=$root/examples/optimizer-momentum/target/optimizer-momentum-1.0.0.jar
for f in "$dist/workbench.jar" "$math" "$optimizer"; do
  [ -f "$f" ] || { echo "repository.sh: $f is missing (build with mvn install; M2=DIR names the Maven repository)" >&2; exit 2; }
done
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# the JVM as ./workbench starts it for these commands: the quick JIT alone (no C2), and the class-data
# archive when one is newer than the distribution
jvm=(-Xmx12g -Xmn64m -XX:+UseParallelGC -Djava.awt.headless=true --add-modules jdk.incubator.vector -XX:TieredStopAtLevel=1)
archive=$(ls -t "$dist"/workbench-java*.jsa 2>/dev/null | head -1 || true)
if [ -n "$archive" ] && [ "$archive" -nt "$dist/workbench.jar" ]; then
  jvm+=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
workbench=(java "${jvm[@]}" -jar "$dist/workbench.jar" --home "$dist" --plugins)
wb() { "${workbench[@]}" "$@" 2>/dev/null; }

# the repository: the optimizer importing org.apache.commons.math3.special, and Commons Math
mkdir -p "$work/repo" "$work/server/plugins"
python3 - "$optimizer" "$work/repo/optimizer-momentum-1.0.0.jar" <<'PY'
import sys, zipfile
src, dst = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            lines = []
            for line in data.decode().replace("\r\n", "\n").split("\n"):
                if line.startswith(" ") and lines:
                    lines[-1] += line[1:]
                elif line:
                    lines.append(line)
            out = []
            for line in lines:
                if line.startswith("Import-Package: "):
                    line += ',org.apache.commons.math3.special;version="[3.6,4)"'
                b = line.encode()
                out.append(b[:72])
                b = b[72:]
                while b:
                    out.append(b" " + b[:71])
                    b = b[71:]
            data = b"\r\n".join(out) + b"\r\n\r\n"
        zout.writestr(item, data)
PY
cp "$math" "$work/repo/"
wb "$work/server/plugins" repo index "$work/repo" >/dev/null
wb "$work/server/plugins" repo add local "$work/repo" >/dev/null
mkdir -p "$work/configured"
printf '{"repositories": {"local": "%s", "http": "http://127.0.0.1:9/repository/none/"}}\n' "$work/repo" \
  >"$work/configured/workbench-settings.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${workbench[@]}" "$work/server/plugins" serve --port "$port" --out "$work/server/results" >"$work/serve.log" 2>&1 &
server=$!
http=http://127.0.0.1:$port/repository/local/
for _ in $(seq 1 600); do curl -sf "${http}index.xml" >/dev/null && break; sleep 0.1; done
curl -sf "${http}index.xml" >/dev/null || { echo "repository.sh: serve did not come up:" >&2; cat "$work/serve.log" >&2; exit 1; }

timed() { # LABEL COMMAND...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { echo "$label failed:" >&2; cat "$work/out" "$work/err" >&2; exit 1; }
  read -r wall user sys < "$work/time"
  printf '%-26s wall %5.2f s  CPU %5.2f s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  timed "list (start-up)" "${workbench[@]}" "$work/p-$r-list" list
  timed "list, 2 repos configured" "${workbench[@]}" "$work/configured/p-$r" list
  for where in local http; do
    repo=$work/repo; [ "$where" = http ] && repo=$http
    timed "search $where" "${workbench[@]}" "$work/p-$r-$where" search --repo "$repo"
    timed "install $where" "${workbench[@]}" "$work/p-$r-$where" install optimizer/momentum --repo "$repo"
    grep -q "commons.math3" <(ls "$work/p-$r-$where") || { echo "install $where did not bring Commons Math" >&2; exit 1; }
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
