"""The command line's console log masks tokens and passwords like the GUI's log file does."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import logging
    from mypay_desk import cli
    try:
        cli.main(["--version"])
    except SystemExit:
        pass
    logging.getLogger("httpx").warning(
        'HTTP Request: GET http://portal/x?authorizationToken=TOKEN-123&securityToken=SEC-456 "HTTP/1.1 500"')
    logging.getLogger("mypay_desk").error("login refused: password=hunter2")
""")


def test_console_log_of_the_cli_is_redacted():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert "authorizationToken=***" in run.stderr and "securityToken=***" in run.stderr
    assert "password=***" in run.stderr
    for secret in ("TOKEN-123", "SEC-456", "hunter2"):
        assert secret not in run.stderr
