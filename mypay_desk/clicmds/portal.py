"""`mypay-desk sync ...`: push a list's pending changes to the portal, and the sync status;
`mypay-desk portal test`: "Prova connessione" from the command line."""

from __future__ import annotations

import importlib

from mypay_desk.clicmds.common import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_PORTAL,
    UsageError,
    info,
    print_json,
    progress_printer,
)


def register(subparsers, parser_class) -> None:
    portal = subparsers.add_parser("portal", help="connessione con il portale MyPay")
    psub = portal.add_subparsers(dest="portal_cmd", required=True, parser_class=parser_class)
    test = psub.add_parser("test", help="«Prova connessione»: indirizzo, codice IPA e password, senza modificare nulla",
                           description="Verifica che il portale risponda e riconosca codice IPA e password dell'Ente "
                                       "corrente. Esce con 0 se riesce; 1 se manca o è sbagliato qualcosa nella "
                                       "configurazione (indirizzo, password, codice IPA: il messaggio dice come "
                                       "correggere); 3 se il portale non si raggiunge o risponde con un errore.")
    test.add_argument("--wait", type=float, default=0.0, metavar="SECONDI",
                      help="riprova finché il portale non risponde, al massimo per SECONDI (es. subito dopo "
                           "l'avvio del portale di prova o del server)")
    test.add_argument("--json", action="store_true")
    test.set_defaults(handler=cmd_portal_test)

    sync = subparsers.add_parser("sync", help="allineamento con il portale MyPay")
    sub = sync.add_subparsers(dest="sync_cmd", required=True, parser_class=parser_class)

    push = sub.add_parser("push", help="invia al portale le modifiche in attesa (I/M/A) di una lista (o di tutte)")
    push.add_argument("name", metavar="NOME", nargs="?", help="nome della lista")
    push.add_argument("--all", action="store_true", dest="all_lists",
                      help="ogni lista con modifiche in attesa o con un invio interrotto (per i lavori notturni); "
                           "con --json: {\"lists\": [il resoconto di ogni lista]}")
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
    from mypay_desk.services.errors import UserError

    if bool(args.name) == bool(args.all_lists):
        raise UsageError("indica una lista (NOME) oppure --all")
    if args.all_lists:
        names = [p.list_name for p in ctx.ws.sync.status().pending if p.total or p.in_flight]
        reports = []
        for name in names:
            reports.append(_push_one(ctx, name, args))
        if args.json:
            print_json({"lists": [_push_json(r) for r in reports]})
        elif not names:
            info("Nessuna lista con modifiche da inviare")
        return EXIT_PORTAL if any(r.state == "ERRORE" for r in reports) else EXIT_OK
    if not args.name.strip():
        raise UserError("Nome della lista vuoto", field="name")
    report = _push_one(ctx, args.name, args)
    if args.json:
        print_json(_push_json(report))
    # The portal refused the whole flow: same exit status as an unreachable portal (CLI.md).
    return EXIT_PORTAL if report.state == "ERRORE" else EXIT_OK


def _push_json(report) -> dict:
    """The push report; a flow the portal refused as a whole carries the error document of CLI.md."""
    doc = report.to_json()
    if not doc.get("error"):
        doc.pop("error", None)  # "error" means a failure to scripts (CLI.md): absent when all went well
    if report.state == "ERRORE":
        doc["error"] = {"message": report.error or report.message, "field": None, "code": "flow_refused"}
    return doc


def _push_one(ctx, name: str, args):
    report = ctx.ws.sync.push(name, wait=args.wait, progress=progress_printer("Sincronizzazione"),
                              resend_rejected=args.resend_rejected)
    if not args.json:
        info(f"{name}: {report.message}" if args.all_lists else report.message)
        for r in report.rejections:
            info(f"  rifiutato {r.iud}: {r.code} {r.message}")
        for r in report.conflicts:
            info(f"  non modificato {r.iud}: {r.message}")
        for r in report.skipped:
            info(f"  non inviato {r.iud}: {r.message}")
    return report


def cmd_status(args, ctx) -> int:
    status = ctx.ws.sync.status()
    if args.json:
        print_json(status.to_json())
        return EXIT_OK
    online = {True: "raggiungibile", False: "non raggiungibile", None: "mai contattato"}[status.online]
    print(f"Ente {status.ente} - portale {status.portal_url or '(non impostato)'}: {online}")
    last = status.last_receipts.strftime("%d/%m/%Y %H:%M:%S") if status.last_receipts else "mai"  # no microseconds
    print(f"Ultime ricevute scaricate fino a: {last}")
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


def cmd_portal_test(args, ctx) -> int:
    from mypay_desk.services.errors import UserError

    if args.wait < 0:
        raise UserError("--wait deve essere un numero di secondi positivo", field="wait")
    result = ctx.ws.portal.wait_for_connection(args.wait)
    status = {"ok": EXIT_OK, "config": EXIT_DATA, "credentials": EXIT_DATA}.get(result.kind, EXIT_PORTAL)
    message = result.message
    if result.kind == "credentials":
        message += (f". Correggi con «mypay-desk ente set --ipa {result.ipa_code} --password-stdin» (o "
                    "«--password-file FILE») e controlla il codice IPA")
    if args.json:
        doc = result.to_json()
        doc["message"] = message
        doc["password_store"] = ctx.ws.portal.password_store(result.ipa_code)
        if not result.ok:
            doc["error"] = {"message": message, "field": result.field or None, "code": result.code}
        print_json(doc)
    if result.ok:
        if not args.json:
            print(message)
    else:
        info(f"errore: {message}")
    return status

