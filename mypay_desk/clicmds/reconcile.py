"""`mypay-desk reconcile ...`: import FdR and treasury files, classify, summary, drill-down, export."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mypay_desk.clicmds.common import EXIT_DATA, EXIT_OK, info, print_json, progress_printer
from mypay_desk.domain.money import format_amount
from mypay_desk.services.errors import UserError


def register(subparsers, parser_class) -> None:
    rec = subparsers.add_parser("reconcile", help="riconciliazione: ricevute, rendicontazioni PSP e tesoreria")
    sub = rec.add_subparsers(dest="reconcile_cmd", required=True, parser_class=parser_class)

    imp = sub.add_parser("import", help="importa un FdR XML (o ZIP, o cartella), un giornale di cassa OPI "
                                        "o un estratto conto CSV")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--mapping", metavar="M",
                     help="colonne del CSV: 'date=Data contabile,value_date=Data valuta,amount=Importo,"
                          "causale=Causale+Descrizione,payer=Ordinante' (oppure credit=/debit=), "
                          "o un file JSON con le stesse chiavi")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    run = sub.add_parser("run", help="classifica i pagamenti (solo ciò che è cambiato viene riscritto)")
    run.add_argument("--as-of", metavar="AAAA-MM-GG", help="data di riferimento per le scadenze (oggi)")
    run.add_argument("--full", action="store_true",
                     help="riclassifica tutti i pagamenti, non solo quelli cambiati dall'ultima volta")
    run.add_argument("--json", action="store_true")
    run.set_defaults(handler=cmd_run)

    summ = sub.add_parser("summary", help="numero e importo per codice di classificazione")
    summ.add_argument("--json", action="store_true")
    summ.set_defaults(handler=cmd_summary)

    lst = sub.add_parser("list", help="elenco dei pagamenti di un codice")
    lst.add_argument("code", metavar="CODICE")
    lst.add_argument("--search", default="", help="filtra per IUV, IUF o nota")
    lst.add_argument("--open", action="store_true", help="solo quelli non risolti")
    lst.add_argument("--limit", type=int, default=100)
    lst.add_argument("--offset", type=int, default=0)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="dovuto, ricevuta, rendicontazione e tesoreria di un risultato")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    note = sub.add_parser("note", help="annota un risultato")
    note.add_argument("id", type=int, metavar="ID")
    note.add_argument("text", metavar="TESTO")
    note.set_defaults(handler=cmd_note)

    res = sub.add_parser("resolve", help="segna un risultato come risolto (o lo riapre con --undo)")
    res.add_argument("id", type=int, metavar="ID")
    res.add_argument("--by", default=None, help="chi lo ha risolto (predefinito: l'utente del sistema)")
    res.add_argument("--undo", action="store_true")
    res.set_defaults(handler=cmd_resolve)

    exp = sub.add_parser("export", help="esporta in xlsx (riepilogo e un foglio per codice) o CSV stile MyPivot")
    exp.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.xlsx o FILE.csv")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=cmd_export)


def _mapping(text: str | None):
    if not text:
        return None
    p = Path(text)
    if p.suffix.lower() == ".json" and p.is_file():
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"mappatura non leggibile: {exc}", file=str(p)) from exc
        if not isinstance(data, dict):
            raise UserError("la mappatura deve essere un oggetto JSON {campo: colonna}", file=str(p))
        text = ",".join(f"{k}={v}" for k, v in data.items())
    return text


def cmd_import(args, ctx) -> int:
    report = ctx.ws.reconciliation.import_file(args.file, mapping=_mapping(args.mapping),
                                               progress=progress_printer("Importazione"))
    if args.json:
        print_json(report.to_json())
    else:
        if report.already_imported:
            info(report.warnings[0] if report.warnings else "file già importato")
        else:
            info(f"{args.file}: {report.flows} flussi ({report.flows_new} nuovi, {report.lines_new} pagamenti), "
                 f"{report.movements} movimenti di tesoreria ({report.movements_new} nuovi)"
                 + (f", {report.ignored} movimenti ignorati (non accrediti)" if report.ignored else ""))
            for w in report.warnings:
                info(f"  attenzione: {w}")
        for e in report.errors:
            info(f"  rifiutato: {e.message}" if e.source in e.message else f"  rifiutato {e.source}: {e.message}")
    return EXIT_DATA if report.errors else EXIT_OK


def cmd_run(args, ctx) -> int:
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError as exc:
            raise UserError("data non valida: usa AAAA-MM-GG", field="--as-of") from exc
    report = ctx.ws.reconciliation.run(as_of=as_of, full=args.full, progress=progress_printer("Riconciliazione"))
    if args.json:
        print_json(report.to_json())
    else:
        how = "solo i pagamenti cambiati" if report.incremental else "tutti i pagamenti"
        info(f"Riconciliazione completata in {report.seconds:.1f} s ({how}): {report.keys} pagamenti esaminati, "
             f"{report.inserted} nuovi risultati, {report.updated} aggiornati, {report.deleted} rimossi")
    return EXIT_OK


def cmd_summary(args, ctx) -> int:
    if args.json:
        print_json(ctx.ws.reconciliation.summary_json())
        return EXIT_OK
    rows = ctx.ws.reconciliation.summary()
    print(f"{'Codice':18} {'Descrizione':58} {'Numero':>9} {'Importo':>18} {'Risolti':>8}")
    for c in rows:
        print(f"{c.code:18} {c.label:58} {c.count:9} {format_amount(c.amount_cents):>18} {c.resolved:8}")
    return EXIT_OK


def cmd_list(args, ctx) -> int:
    items = ctx.ws.reconciliation.results(args.code.upper(), offset=args.offset, limit=args.limit,
                                          search=args.search, only_open=args.open)
    if args.json:
        total = ctx.ws.reconciliation.count(args.code.upper(), search=args.search, only_open=args.open)
        print_json({"code": args.code.upper(), "total": total, "results": [i.to_json() for i in items]})
        return EXIT_OK
    for i in items:
        flag = "risolto" if i.resolved else ""
        print(f"{i.id:8} {i.key:36} {i.iud:20} {format_amount(i.amount_cents):>14} {i.payer[:30]:30} {flag} "
              f"{i.note[:40]}")
    return EXIT_OK


def cmd_show(args, ctx) -> int:
    d = ctx.ws.reconciliation.detail(args.id)
    if args.json:
        print_json({"result": d.item.to_json(), "explanation": d.explanation,
                    "records": [{"kind": r.kind, "title": r.title, "present": r.present,
                                 "fields": dict(r.fields), "missing_reason": r.missing_reason} for r in d.records]})
        return EXIT_OK
    print(f"{d.item.code} - {d.item.label}: {d.item.key} {format_amount(d.item.amount_cents, currency=True)}")
    print(d.explanation)
    if d.item.note:
        print(f"Nota: {d.item.note}")
    if d.item.resolved:
        print(f"Risolto da {d.item.resolved_by} il {d.item.resolved_at:%d/%m/%Y %H:%M}")
    for r in d.records:
        print(f"\n{r.title}")
        if not r.present:
            print(f"  {r.missing_reason}")
        for k, v in r.fields:
            print(f"  {k:28} {v}")
    return EXIT_OK


def cmd_note(args, ctx) -> int:
    ctx.ws.reconciliation.set_note(args.id, args.text)
    info("nota salvata")
    return EXIT_OK


def cmd_resolve(args, ctx) -> int:
    ctx.ws.reconciliation.mark_resolved(args.id, args.by, resolved=not args.undo)
    info("riaperto" if args.undo else "segnato come risolto")
    return EXIT_OK


def cmd_export(args, ctx) -> int:
    rows = ctx.ws.reconciliation.export(args.output, progress=progress_printer("Esportazione"))
    if args.json:
        print_json({"output": args.output, "rows": rows})
    else:
        info(f"{rows} righe esportate in {args.output}")
    return EXIT_OK
