"""Secrets never reach a log record: tokens and passwords masked by a filter on every log handler.

Used by the GUI's log file (ui/logging_setup.py) and by the command line's console handler (cli.py).
"""

from __future__ import annotations

import logging
import re

SECRET_NAMES = r"authorizationToken|securityToken|requestToken|access_?token|refresh_?token|token|password|passwd" \
    r"|pwd|secret|api_?key|idSession"
MASK = "***"
_SECRET_PATTERNS = (
    # query strings: ...?authorizationToken=abc&... (httpx writes every request URL at INFO)
    (re.compile(rf"(?i)([?&;](?:{SECRET_NAMES})=)[^&;#\s\"'<>]+"), rf"\1{MASK}"),
    # XML elements: <password>...</password>, with or without a namespace prefix
    (re.compile(rf"(?i)(<(?:\w+:)?(?:{SECRET_NAMES})\b[^>]*>)[^<]*(</)"), rf"\1{MASK}\2"),
    # key=value, key: value, "key": "value" (reprs, dicts, JSON, form bodies)
    (re.compile(rf"(?i)([\"']?\b(?:{SECRET_NAMES})\b[\"']?\s*[:=]\s*)([\"']?)[^\s\"',;&)}}\]]+"),
     rf"\1\2{MASK}"),
    # HTTP authorisation headers
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?(?:bearer|basic)\s+)[^\s\"',]+"), rf"\1{MASK}"),
)


def redact(text: str) -> str:
    """``text`` with tokens and passwords replaced by ***."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks tokens and passwords in every record a handler writes: the message with its arguments, the
    traceback and the stack. Attached to the handlers, so it covers every library's loggers (httpx,
    the sandbox's server) as well as the app's."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is still logged (as logging itself would)
            message = str(record.msg)
        clean = redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install_redaction(handler: logging.Handler) -> None:
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())
