# A real SMTP server on loopback for the tests: Debian's python3-aiosmtpd, delivering every message into a Maildir
# (TOOLCHAIN.md §12). Source this file, then: smtp_start DIR; ... smtp_stop.
# Sets SMTP_PORT and MAILDIR (DIR/box; each delivered message is one file in MAILDIR/new).

smtp_available() { /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; }

smtp_start() {
  local dir="$1"
  smtp_available || { echo "[smtp] python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd)" >&2; return 1; }
  SMTP_PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()' 2>/dev/null || shuf -i 20000-60000 -n 1)"
  MAILDIR="$dir/box"
  mkdir -p "$dir"
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" >"$dir/smtp.log" 2>&1 &
  SMTP_PID=$!
  local i
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then
      export SMTP_PORT MAILDIR SMTP_PID
      return 0
    fi
    sleep 0.1
  done
  echo "[smtp] the SMTP server did not start: $(cat "$dir/smtp.log")" >&2
  return 1
}

smtp_stop() { [ -n "${SMTP_PID:-}" ] && kill "$SMTP_PID" 2>/dev/null; SMTP_PID=; }
