"""`mypay-desk sync ...`: push a list's pending changes to the portal, and the sync status."""

from __future__ import annotations

import importlib

from mypay_desk.clicmds.common import EXIT_OK, EXIT_PORTAL, info, print_json, progress_printer


def register(subparsers, parser_class) -> None:
    sync = subparsers.add_parser("sync", help="allineamento con il portale MyPay")
    sub = sync.add_subparsers(dest="sync_cmd", required=True, parser_class=parser_class)

    push = sub.add_parser("push", help="invia al portale le modifiche in attesa (I/M/A) di una lista")
    push.add_argument("name", metavar="NOME", help="nome della lista")
    push.add_argument("--wait", action="store_true",
                      help="attende l'elaborazione del portale e applica gli esiti (IUV, scarti)")
    push.add_argument("--resend-rejected", action="store_true",
                      help="reinvia anche i dovuti rifiutati e non modificati da allora")
    push.add_argument("--json", action="store_true")
    push.set_defaults(handler=cmd_push)

    status = sub.add_parser("status", help="flussi inviati, stato, modifiche in attesa, ultime ricevute")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)

    # `sync receipts` belongs to the receipts area; it plugs in when that module provides it.
    try:
        receipts = importlib.import_module("mypay_desk.clicmds.receipts")
    except ModuleNotFoundError as exc:
        if exc.name != "mypay_desk.clicmds.receipts":
            raise
        receipts = None
    add = getattr(receipts, "add_sync_receipts", None)
    if add is not None:
        add(sub, parser_class)


def cmd_push(args, ctx) -> int:
    report = ctx.ws.sync.push(args.name, wait=args.wait, progress=progress_printer("Sincronizzazione"),
                              resend_rejected=args.resend_rejected)
    if args.json:
        print_json(report.to_json())
    else:
        info(report.message)
        for r in report.rejections:
            info(f"  rifiutato {r.iud}: {r.code} {r.message}")
        for r in report.conflicts:
            info(f"  non modificato {r.iud}: {r.message}")
        for r in report.skipped:
            info(f"  non inviato {r.iud}: {r.message}")
    # The portal refused the whole flow: same exit status as an unreachable portal (CLI.md).
    return EXIT_PORTAL if report.state == "ERRORE" else EXIT_OK


def cmd_status(args, ctx) -> int:
    status = ctx.ws.sync.status()
    if args.json:
        print_json(status.to_json())
        return EXIT_OK
    online = {True: "raggiungibile", False: "non raggiungibile", None: "mai contattato"}[status.online]
    print(f"Ente {status.ente} - portale {status.portal_url or '(non impostato)'}: {online}")
    print(f"Ultime ricevute scaricate fino a: {status.last_receipts or 'mai'}")
    print("Modifiche in attesa:")
    for p in status.pending:
        print(f"  {p.list_name:30} I {p.insert:6}  M {p.modify:6}  A {p.cancel:6}"
              + (f"  non valide {p.invalid}" if p.invalid else "")
              + (f"  in invio {p.in_flight}" if p.in_flight else ""))
    print("Flussi:")
    for f in status.flows[:20]:
        print(f"  {f.iuf:28} {f.list_name:20} {f.state_label:30} I {f.count_insert} M {f.count_modify} "
              f"A {f.count_cancel}  accettati {f.accepted} rifiutati {f.rejected}")
    return EXIT_OK
