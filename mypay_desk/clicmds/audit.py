"""`audit list`: who did what and when (user and desk), filtered by user, day and list."""

from __future__ import annotations

from datetime import date

from mypay_desk.clicmds.common import EXIT_OK, UsageError, print_json
from mypay_desk.services.audit import AuditFilter


def register(sub, parser_class) -> None:
    audit = sub.add_parser("audit", help="il registro delle attività: chi ha fatto cosa, da quale postazione"
                           ).add_subparsers(dest="audit_cmd", required=True, parser_class=parser_class)
    p = audit.add_parser("list", help="le righe più recenti del registro (dell'Ente corrente e dello spazio di "
                                      "lavoro)")
    p.add_argument("--user", help="solo le azioni di questo utente (come è scritto nel registro)")
    p.add_argument("--desk", help="solo le azioni fatte da questa postazione")
    p.add_argument("--from", dest="date_from", metavar="AAAA-MM-GG", help="dal giorno (compreso)")
    p.add_argument("--to", dest="date_to", metavar="AAAA-MM-GG", help="al giorno (compreso)")
    p.add_argument("--list", dest="list_name", metavar="NOME", help="solo le azioni su questa lista")
    p.add_argument("--limit", type=int, default=100, help="quante righe al massimo (predefinito 100)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"{option}: data non valida «{text}», scrivila come AAAA-MM-GG (es. 2025-03-31)") from exc


def cmd_list(args, ctx) -> int:
    if args.limit < 1:
        raise UsageError("--limit: almeno 1")
    ws = ctx.ws
    flt = AuditFilter(user=args.user or None, desk=args.desk or None, date_from=_day(args.date_from, "--from"),
                      date_to=_day(args.date_to, "--to"),
                      list_id=ws.audit_log.list_id(args.list_name) if args.list_name else None)
    ids = ws.audit_log.ids(flt)
    entries = ws.audit_log.entries(ids[:args.limit])
    if args.json:
        print_json({"total": len(ids), "entries": [e.to_json() for e in entries]})
        return EXIT_OK
    for e in entries:
        where = f" [{e.list_name}]" if e.list_name else ""
        summary = f" — {e.summary}" if e.summary else ""
        print(f"{e.at:%d/%m/%Y %H:%M:%S}  {e.user} ({e.desk})  {e.action_label}{where}{summary}")
    if len(ids) > len(entries):
        print(f"… altre {len(ids) - len(entries)} righe (usa --limit o i filtri)")
    return EXIT_OK
