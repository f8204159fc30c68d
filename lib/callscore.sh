# shellcheck shell=bash
# Helpers shared by ./callscore and the test PBX's scripts (itests/asterisk/pbx, itests/asterisk/call): sourced,
# never run. The sourcing script sets SCRIPT_NAME (its name in error messages) and may set DIE_STATUS (the exit
# status of die, 1 by default), DB_HOST and DB_PORT (MariaDB for db_admin over TCP, 127.0.0.1:3306 by default).

say() { printf '\033[1m== %s\033[0m\n' "$*"; }
die() { printf '%s: %s\n' "${SCRIPT_NAME:-callscore}" "$*" >&2; exit "${DIE_STATUS:-1}"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

apt_install() {
  say "Installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Runs SQL as MariaDB's administrator: over the local socket as root (Debian's default), or, where root
# has a password-less TCP login instead, over TCP.
db_admin() {
  if as_root mariadb --protocol=socket -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    as_root mariadb --protocol=socket -uroot "$@"
  else
    mariadb -h"${DB_HOST:-127.0.0.1}" -P"${DB_PORT:-3306}" -uroot "$@"
  fi
}

db_answers() { db_admin -e 'SELECT 1' >/dev/null 2>&1; }

sql_quote() { printf "%s" "$1" | sed "s/'/''/g"; }

# Creates a database and a user that may use only it, from this host, if they do not exist yet. An existing
# user keeps its password: another runtime on the same MariaDB may be logging in with it.
ensure_database_user() {
  local db="$1" user="$2" password
  password="$(sql_quote "$3")"
  db_admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'localhost';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'127.0.0.1';
SQL
}

# The script's opening comment (after the #! line), up to its first line of code.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$1"; }
