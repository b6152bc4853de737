#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs inside the Debian 12 container that scripts/check-service boots: puts the natterd package through
# its life under systemd and writes one "ok:" or "FAIL:" line per check to /root/probe.out, then powers off.
exec >/root/probe.out 2>&1
trap 'echo "probe: done"; systemctl poweroff' EXIT

check() { # check DESCRIPTION COMMAND...
    what=$1
    shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fi
}
wait_until() { # wait_until SECONDS COMMAND...
    tries=$(($1 * 4))
    shift
    while [ "$tries" -gt 0 ]; do
        "$@" && return 0
        sleep 0.25
        tries=$((tries - 1))
    done
    return 1
}
listening() { journalctl -u natterd --no-pager -o cat | grep -q 'listening on'; }
# "active" comes as soon as systemd forked natterd; a new "listening on" line means it really started.
times_listening() { journalctl -u natterd --no-pager -o cat | grep -c 'listening on'; }
listening_again() { [ "$(times_listening)" -gt "$1" ]; }
main_pid() { systemctl show -p MainPID --value natterd; }
pid_changed() { [ "$(main_pid)" != 0 ] && [ "$(main_pid)" != "$1" ]; }

dpkg -i /root/natterd.deb >/root/dpkg.out 2>&1 || cat /root/dpkg.out
check "install enables natterd.service" systemctl -q is-enabled natterd
check "install starts natterd.service" wait_until 20 systemctl -q is-active natterd
check "natterd logs to the journal that it listens" wait_until 20 listening
check "the service answers the protocol smoke test" /root/natter-demo-seed --check --url ws://127.0.0.1:7447
check "the database is in the DynamicUser state directory" test -s /var/lib/private/natter/natterd.sqlite
check "/var/lib/natter links to it" test "$(readlink /var/lib/natter)" = private/natter
owner=$(stat -c %U /var/lib/private/natter/natterd.sqlite)
check "the database is not root's (DynamicUser)" test "$owner" != root

pid=$(main_pid)
kill -9 "$pid"
check "systemd restarts natterd after a crash" wait_until 20 pid_changed "$pid"

pid=$(main_pid)
database=$(stat -c %i /var/lib/private/natter/natterd.sqlite)
dpkg -i /root/natterd.deb >/root/dpkg.out 2>&1 || cat /root/dpkg.out
check "an upgrade restarts natterd" wait_until 20 pid_changed "$pid"
check "an upgrade keeps the database" test "$(stat -c %i /var/lib/private/natter/natterd.sqlite)" = "$database"

systemctl disable --now natterd 2>/dev/null
dpkg -i /root/natterd.deb >/root/dpkg.out 2>&1 || cat /root/dpkg.out
check "an upgrade keeps an operator's disable" sh -c '! systemctl -q is-enabled natterd && ! systemctl -q is-active natterd'
before=$(times_listening)
systemctl enable --now natterd 2>/dev/null
check "enable --now starts it again" wait_until 20 listening_again "$before"

dpkg --remove natterd >/root/dpkg.out 2>&1 || cat /root/dpkg.out
check "remove stops natterd" sh -c '! systemctl -q is-active natterd && ! cat /proc/[0-9]*/comm | grep -qx natterd'
check "remove masks the unit" test "$(systemctl is-enabled natterd 2>/dev/null)" = masked
check "remove keeps the configuration" test -f /etc/natter/natterd.conf
check "remove keeps the database" test -s /var/lib/private/natter/natterd.sqlite

dpkg --purge natterd >/root/dpkg.out 2>&1 || cat /root/dpkg.out
for path in /etc/natter /var/lib/natter /var/lib/private/natter /etc/systemd/system/natterd.service \
    /etc/systemd/system/multi-user.target.wants/natterd.service; do
    check "purge removes $path" sh -c "[ ! -e $path ] && [ ! -L $path ]"
done
