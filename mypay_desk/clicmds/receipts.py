"""`receipts import FILE`, `receipts list`, and `sync receipts` (added to the portal's `sync` group)."""

from __future__ import annotations

from datetime import date

from mypay_desk.clicmds.common import EXIT_DATA, EXIT_OK, info, print_json, progress_printer
from mypay_desk.domain.money import format_amount
from mypay_desk.services.errors import UserError
from mypay_desk.services.receipts import ImportReport, ReceiptFilters


def register(sub, parser_class) -> None:
    rc = sub.add_parser("receipts", help="ricevute di pagamento (export MyPay)").add_subparsers(
        dest="receipts_cmd", required=True, parser_class=parser_class)

    imp = rc.add_parser("import", help="importa un export ricevute MyPay (zip o csv, tracciato 1.0-1.3)")
    imp.add_argument("file", help="file .zip o .csv dell'export")
    imp.add_argument("--json", action="store_true", help="stampa il resoconto in JSON")
    imp.set_defaults(handler=cmd_import)

    ls = rc.add_parser("list", help="elenca le ricevute importate")
    ls.add_argument("--json", action="store_true")
    _filters(ls)
    ls.add_argument("--limit", type=int, default=None, help="al massimo N ricevute")
    ls.set_defaults(handler=cmd_list)

    ex = rc.add_parser("export", help="esporta le ricevute in un foglio Excel (come «Esporta in Excel» della pagina "
                                      "Pagamenti), con gli stessi filtri di «receipts list»")
    ex.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    _filters(ex)
    ex.add_argument("--json", action="store_true")
    ex.set_defaults(handler=cmd_export)


def _filters(p) -> None:
    p.add_argument("--from", dest="date_from", metavar="AAAA-MM-GG", help="pagate dal giorno")
    p.add_argument("--to", dest="date_to", metavar="AAAA-MM-GG", help="pagate fino al giorno")
    p.add_argument("--type", dest="types", action="append", default=[], metavar="TIPO",
                   help="tipo dovuto (ripetibile)")
    p.add_argument("--text", default="", help="cerca in IUV, IUD, debitore, PSP, causale")
    m = p.add_mutually_exclusive_group()
    m.add_argument("--matched", dest="matched", action="store_const", const=True, default=None,
                   help="solo le ricevute abbinate a un dovuto")
    m.add_argument("--unmatched", dest="matched", action="store_const", const=False,
                   help="solo le ricevute senza dovuto (pagamenti spontanei)")


def _receipt_filters(args) -> ReceiptFilters:
    return ReceiptFilters(date_from=_date(args.date_from, "--from"), date_to=_date(args.date_to, "--to"),
                          debt_types=tuple(args.types), text=args.text, matched=args.matched)


def add_sync_receipts(sync_sub, parser_class=None) -> None:
    """Add `sync receipts` to the `sync` sub-commands (the portal area creates the group)."""
    p = sync_sub.add_parser("receipts", help="scarica dal portale le nuove ricevute (export incrementale) e le importa")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync_receipts)


def _date(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"data «{text}» non valida: usa AAAA-MM-GG", field=option) from None


def _report_out(report: ImportReport, as_json: bool, label: str) -> int:
    if as_json:
        print_json(report.to_json())
    else:
        info(f"{label}: {report.receipts} ricevute lette, {report.new} nuove "
             f"({report.matched} abbinate a un dovuto, {report.unmatched} senza dovuto), "
             f"{report.duplicates} già presenti")
        if report.rematched:
            info(f"{report.rematched} ricevute importate in precedenza ora abbinate a un dovuto")
        for e in report.errors[:50]:
            where = f"riga {e['row']}" if e.get("row") else "file"
            col = f", colonna {e['column']}" if e.get("column") else ""
            info(f"  {where}{col}: {e['message']}")
        if report.rejected > 50:
            info(f"  ... altre {report.rejected - 50} righe rifiutate")
    if report.errors:
        info(f"{report.rejected} righe rifiutate; le altre sono state importate")
        return EXIT_DATA
    return EXIT_OK


def cmd_import(args, ctx) -> int:
    report = ctx.ws.receipts.import_file(args.file, progress=progress_printer("Importazione"))
    return _report_out(report, args.json, args.file)


def cmd_sync_receipts(args, ctx) -> int:
    report = ctx.ws.receipts.sync_receipts(progress=progress_printer("Ricevute"))
    if not args.json and report.state == "VUOTO" and not report.errors:
        info("Nessuna nuova ricevuta sul portale")
        return EXIT_OK
    return _report_out(report, args.json, "Ricevute dal portale")


def cmd_list(args, ctx) -> int:
    f = _receipt_filters(args)
    rows = ctx.ws.receipts.list(f, limit=args.limit)
    totals = ctx.ws.receipts.totals(f)
    if args.json:
        print_json({
            "receipts": [r.to_json() for r in rows],
            "totals": {"count": totals.count, "amount_cents": totals.amount_cents, "matched": totals.matched,
                       "matched_cents": totals.matched_cents, "unmatched": totals.unmatched,
                       "unmatched_cents": totals.unmatched_cents},
            "unmatched_by_type": [{"debt_type": t, "count": n, "amount_cents": c}
                                  for t, n, c in totals.unmatched_by_type],
        })
        return EXIT_OK
    for r in rows:
        day = r.outcome_date.strftime("%d/%m/%Y") if r.outcome_date else "          "
        print(f"{day}  {r.iuv:25} {r.iud:20} {format_amount(r.amount_cents):>12}  {r.debt_type:14} "
              f"{r.payer_name[:30]:30}  {r.match_label}")
    info(f"{totals.count} ricevute, {format_amount(totals.amount_cents, currency=True)}; "
         f"{totals.matched} abbinate, {totals.unmatched} senza dovuto "
         f"({format_amount(totals.unmatched_cents, currency=True)})")
    return EXIT_OK



def cmd_export(args, ctx) -> int:
    out = args.output
    if not out.lower().endswith(".xlsx"):
        raise UserError(f"«{out}»: il file di uscita deve avere l'estensione .xlsx", field="output")
    rows = ctx.ws.receipts.export_xlsx(_receipt_filters(args), out, progress=progress_printer("Esportazione"))
    if args.json:
        print_json({"output": out, "rows": rows})
    else:
        print(f"{rows} ricevute esportate in {out}")
    return EXIT_OK
