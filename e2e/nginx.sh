#!/bin/sh
# Serves the e2e stack's nginx: deploy/nginx/plateau.conf as it is in the repository, with its
# listen port and upstream instances rewritten for loopback, in a main config of its own (so the
# machine's own nginx, if any, is left alone). Runs in the foreground until the tests stop it.
# NGINX_DIR: where its files go; NGINX_STATIC_DIR: a folder it serves itself at /__static/ (bench).
set -e
cd "$(dirname "$0")/.."
dir="${NGINX_DIR:-$(pwd)/.test-output/e2e-nginx}"
# Request bodies (an import's upload) are buffered by nginx's worker, which runs as another user
# when nginx starts as root: its temporary files go where that user can reach, whatever the
# permissions of the folder the repository was cloned into.
temp="${TMPDIR:-/tmp}/plateau-e2e-nginx-${E2E_PORT:-0}"
rm -rf "$dir" "$temp" && mkdir -p "$dir/logs" && mkdir -m 755 -p "$temp"
upstreams=""
for port in $E2E_INSTANCE_PORTS; do upstreams="$upstreams    server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"; done
sed -e "s/^    listen 80;/    listen 127.0.0.1:$E2E_PORT;/" \
    -e "/^    server 127\.0\.0\.1:300[0-9]/d" \
    -e "s/^upstream plateau {/upstream plateau {\n$upstreams/" \
    deploy/nginx/plateau.conf > "$dir/plateau.conf"
# The benchmark also measures nginx serving a file itself, the ceiling of this machine.
if [ -n "$NGINX_STATIC_DIR" ]; then
  sed -i "s#^    location / {#    location /__static/ { alias $NGINX_STATIC_DIR/; }\n    location / {#" "$dir/plateau.conf"
fi
cat > "$dir/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-1};
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $temp/body;
    proxy_temp_path $temp/proxy;
    fastcgi_temp_path $temp/fastcgi;
    uwsgi_temp_path $temp/uwsgi;
    scgi_temp_path $temp/scgi;
    include /etc/nginx/mime.types;
    include $dir/plateau.conf;
}
CONF
exec nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
