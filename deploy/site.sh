#!/usr/bin/env bash
# Print the nginx site of the dashboard (deploy/nginx-site.conf filled in) for the ports and folders given:
#   SCP_NGINX_PORT=80 SCP_APP_PORTS="8501 8502 8503" deploy/site.sh > /etc/nginx/sites-available/scp-dashboard
# SCP_NGINX_PORT: where nginx listens (8080); SCP_APP_PORTS: the app servers' ports on 127.0.0.1 (8501 8502);
# SCP_PYTHON: the Python that runs the app (.venv/bin/python), whose Streamlit's static files nginx serves.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${SCP_PYTHON:-$root/.venv/bin/python}
listen_port=${SCP_NGINX_PORT:-8080}
read -r -a app_ports <<<"${SCP_APP_PORTS:-8501 8502}"
for port in "$listen_port" "${app_ports[@]}"; do
  if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
    echo "site.sh: cổng không hợp lệ / not a port: '$port' (SCP_NGINX_PORT, SCP_APP_PORTS)" >&2
    exit 2
  fi
done
if ((${#app_ports[@]} == 0)); then
  echo "site.sh: SCP_APP_PORTS không có cổng nào / names no port" >&2
  exit 2
fi
read -r streamlit_static folium_frontend < <("$python" -c '
import pathlib, streamlit, streamlit_folium
print(pathlib.Path(streamlit.__file__).parent / "static", pathlib.Path(streamlit_folium.__file__).parent / "frontend" / "build")' 2>/dev/null) || true
if [ -z "${folium_frontend:-}" ]; then
  echo "site.sh: Python của ứng dụng không có Streamlit / the app's Python has no Streamlit: $python (set SCP_PYTHON)" >&2
  exit 2
fi
servers=""
for port in "${app_ports[@]}"; do
  servers+="    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
done
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    @APP_SERVERS@) printf '%s' "$servers" ;;
    *)
      line=${line//@LISTEN_PORT@/$listen_port}
      line=${line//@STREAMLIT_STATIC@/$streamlit_static}
      line=${line//@FOLIUM_FRONTEND@/$folium_frontend}
      line=${line//@PROJECT_STATIC@/$root/static}
      printf '%s\n' "$line"
      ;;
  esac
done <"$root/deploy/nginx-site.conf"
