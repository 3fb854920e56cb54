#!/usr/bin/env bash
# Run the dashboard as in production on one machine, in the foreground: two (or more) app servers on the store that
# DATABASE_URL names, and nginx in front of them on port 8080; Ctrl-C or SIGTERM stops them all. Runs as an ordinary
# user: nginx gets a configuration of its own in a run folder, with its pid, logs and buffers there.
#   DATABASE_URL=postgresql+psycopg://scp:PASSWORD@localhost:5432/scp deploy/run.sh
# Settings (environment variables; the README's "Running in production" says more):
#   DATABASE_URL    the store every app server shares (required)
#   SCP_NGINX_PORT  where nginx listens (8080)
#   SCP_APP_PORTS   the app servers' ports on 127.0.0.1, one server each ("8501 8502")
#   SCP_DATA_DIR    a folder holding one data folder per app server, server-PORT (var/ in the project)
#   SCP_RUN_DIR     nginx's configuration, pid, logs and buffers (a new temporary folder, removed at the end)
#   SCP_PYTHON      the Python that runs the app (.venv/bin/python in the project)
#   SCP_NGINX       the nginx program (nginx on the PATH, else /usr/sbin/nginx)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${SCP_PYTHON:-$root/.venv/bin/python}
nginx=${SCP_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
nginx_port=${SCP_NGINX_PORT:-8080}
app_ports=${SCP_APP_PORTS:-8501 8502}
data_root=${SCP_DATA_DIR:-$root/var}
start_timeout_s=${SCP_START_TIMEOUT:-90}

say() { echo "run.sh: $*" >&2; }
if [ -z "${DATABASE_URL:-}" ]; then
  say "DATABASE_URL chưa đặt: các máy chủ ứng dụng phải dùng chung một cơ sở dữ liệu / DATABASE_URL is not set: the app servers must share one store (postgresql+psycopg://USER:PASSWORD@HOST:5432/DB)"
  exit 2
fi
if [ ! -x "$nginx" ]; then
  say "không tìm thấy nginx / nginx not found ($nginx): apt-get install nginx, or set SCP_NGINX"
  exit 2
fi
if [ ! -x "$python" ]; then
  say "không tìm thấy Python của ứng dụng / the app's Python not found ($python): set SCP_PYTHON"
  exit 2
fi

run_dir=${SCP_RUN_DIR:-}
made_run_dir=""
if [ -z "$run_dir" ]; then
  run_dir=$(mktemp -d "${TMPDIR:-/tmp}/scp-deploy.XXXXXX")
  made_run_dir=yes
fi
mkdir -p "$run_dir/logs" "$run_dir/temp"
if ! SCP_NGINX_PORT=$nginx_port SCP_APP_PORTS=$app_ports SCP_PYTHON=$python "$root/deploy/site.sh" >"$run_dir/site.conf"; then
  exit 2
fi
# Started by root, nginx's workers would run as nobody, who may not read a project under /root; they run as the
# project's owner instead. Started by anyone else, they run as that user.
workers_user=""
if [ "$(id -u)" = 0 ]; then
  workers_user="user $(stat -c %U "$root");"
fi
cat >"$run_dir/nginx.conf" <<EOF
# Written by deploy/run.sh: nginx for one run, as the user who started it; the site is deploy/nginx-site.conf.
$workers_user
worker_processes 2;
pid $run_dir/nginx.pid;
error_log stderr warn;
events {
    worker_connections 1024;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path $run_dir/temp/body;
    proxy_temp_path $run_dir/temp/proxy;
    fastcgi_temp_path $run_dir/temp/fastcgi;
    uwsgi_temp_path $run_dir/temp/uwsgi;
    scgi_temp_path $run_dir/temp/scgi;
    log_format scp '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent \$request_time '
                   'upstream=\$upstream_addr server_cookie=\$scp_server';
    access_log $run_dir/logs/access.log scp;
    include $run_dir/site.conf;
}
EOF
if ! "$nginx" -t -q -p "$run_dir" -c "$run_dir/nginx.conf"; then
  say "cấu hình nginx không hợp lệ / nginx refused its configuration ($run_dir/nginx.conf)"
  exit 2
fi

# One secret for every server, so a cookie one signs (XSRF, sign-in) holds on another after a fail-over.
if [ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]; then
  STREAMLIT_SERVER_COOKIE_SECRET=$("$python" -c 'import secrets; print(secrets.token_urlsafe(32))')
  export STREAMLIT_SERVER_COOKIE_SECRET
fi

pids=()
names=()
stopping=""
stop_all() {
  stopping=yes
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null
  done
  if [ -n "$made_run_dir" ]; then
    rm -rf "$run_dir"
  fi
}
on_signal() {
  say "đang dừng / stopping"
  stop_all
  exit 0
}
trap on_signal INT TERM

healthy() {
  local status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /_stcore/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 5 status <&3
  exec 3>&-
  [[ $status == *" 200"* ]]
}
wait_healthy() {
  local port=$1 pid=$2 name=$3 waited=0
  until healthy "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "$name đã dừng khi khởi động / $name stopped while starting"
      return 1
    fi
    if ((waited >= start_timeout_s * 5)); then
      say "$name không trả lời sau $start_timeout_s s / $name did not answer within $start_timeout_s s"
      return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

cd "$root" || exit 2
for port in $app_ports; do
  mkdir -p "$data_root/server-$port" || exit 2
  SCP_DATA_DIR="$data_root/server-$port" "$python" -m streamlit run "$root/app.py" \
    --server.port "$port" --server.address 127.0.0.1 --server.headless true &
  pids+=($!)
  names+=("app server :$port")
done
index=0
for port in $app_ports; do
  if ! wait_healthy "$port" "${pids[$index]}" "${names[$index]}"; then
    stop_all
    exit 1
  fi
  index=$((index + 1))
done
"$nginx" -p "$run_dir" -c "$run_dir/nginx.conf" -g "daemon off;" &
pids+=($!)
names+=("nginx :$nginx_port")
if ! wait_healthy "$nginx_port" "${pids[$index]}" "${names[$index]}"; then
  stop_all
  exit 1
fi
say "sẵn sàng / ready: http://127.0.0.1:$nginx_port (app servers: $app_ports; run folder: $run_dir)"

wait -n "${pids[@]}"
if [ -z "$stopping" ]; then
  say "một tiến trình đã dừng, dừng tất cả / a process stopped, stopping all"
  stop_all
  exit 1
fi
