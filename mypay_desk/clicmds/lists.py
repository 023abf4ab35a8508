"""`mypay-desk lists ...`: debt lists from the command line (see CLI.md for the JSON shapes)."""

from __future__ import annotations

import argparse

from mypay_desk.clicmds.common import EXIT_OK, CliContext, info, print_json, progress_printer
from mypay_desk.domain.debts import VERSIONS, DebtRow
from mypay_desk.domain.excerpt import excerpt
from mypay_desk.domain.money import format_amount
from mypay_desk.formats.spreadsheet import map_field

IMPORT_EPILOG = """\
Colonne: le intestazioni italiane più comuni sono riconosciute da sole (Codice fiscale, Cognome e nome,
Importo, Scadenza, Causale...; per l'IUD: IUD, Codice, Codice identificativo, Identificativo, N. pratica,
Numero pratica, Codice pratica...). Le altre si indicano con --map "INTESTAZIONE=campo", ripetibile, con i
nomi del tracciato MyPay: IUD, codIuv, tipoIdentificativoUnivoco, codiceIdentificativoUnivoco,
anagraficaPagatore (oppure cognome e nome su due colonne), indirizzoPagatore, civicoPagatore, capPagatore,
localitaPagatore, provinciaPagatore, nazionePagatore, emailPagatore, dataScadenzaPagamento, importoDovuto,
commissioneCaricoPa, tipoDovuto, tipoVersamento, causaleVersamento, datiSpecificiRiscossione...;
"INTESTAZIONE=-" ignora una colonna. Es.: --map "Tot. da versare=importoDovuto" --map "Rif.=IUD"

IUD: ogni dovuto ne ha uno. Un file le cui righe non hanno IUD è rifiutato (nulla viene scritto) se non si
indica --iud-prefix PREFISSO: allora le righe senza IUD ricevono PREFISSO seguito da 12 caratteri ricavati
dal codice fiscale / partita IVA del debitore (o dal nome, se manca il codice) e dal tipo dovuto, più il
numero d'ordine quando lo stesso debitore ha più righe dello stesso tipo. Non dipendono dalla posizione
delle righe nel file (conta solo l'ordine tra le righe dello stesso debitore e tipo): importando di nuovo
lo stesso file, anche aggiornato o riordinato, gli stessi dovuti ricevono gli stessi IUD e vengono
aggiornati invece che duplicati. Se si corregge il codice fiscale di un
debitore, la sua riga riceve un IUD nuovo. Usa un prefisso per lista (es. TARI26-).
"""


def _map_pair(text: str) -> tuple[str, str | None]:
    """One --map value: "HEADER=field" (the last "=" splits, so a header may contain "=")."""
    header, sep, name = text.rpartition("=")
    if not sep or not header.strip():
        raise argparse.ArgumentTypeError(f"«{text}»: scrivi INTESTAZIONE=campo, es. \"Importo TARI=importoDovuto\"")
    if name.strip() in ("-", ""):
        return header.strip(), None
    try:
        return header.strip(), map_field(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers, parser_class) -> None:
    lists = subparsers.add_parser("lists", help="liste di dovuti").add_subparsers(
        dest="lists_cmd", required=True, parser_class=parser_class)

    p = lists.add_parser("import", help="importa xlsx, csv o un flusso MyPay (zip o csv, 1_0..1_4) in una lista",
                         epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file")
    p.add_argument("--list", required=True, dest="list_name", metavar="NAME", help="lista (creata se manca)")
    p.add_argument("--type", dest="debt_type", metavar="CODE", help="tipo dovuto per le righe che non lo indicano")
    p.add_argument("--cancel-missing", action="store_true",
                   help="annulla i dovuti della lista che non compaiono nel file")
    p.add_argument("--map", dest="column_map", action="append", type=_map_pair, default=[],
                   metavar="INTESTAZIONE=campo",
                   help="una colonna del file e il campo del tracciato MyPay che contiene (ripetibile; vedi sotto)")
    p.add_argument("--iud-prefix", default="", metavar="PREFISSO",
                   help="genera gli IUD delle righe che non lo hanno: PREFISSO + 12 caratteri ricavati da debitore e "
                        "tipo dovuto, uguali a ogni nuova importazione dello stesso file (vedi sotto)")
    p.add_argument("--sheet", default=None, metavar="FOGLIO",
                   help="il foglio della cartella Excel/ODS da leggere (di norma il primo visibile)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = lists.add_parser("cancel", help="annulla dovuti (annullamento sul portale se vi erano già)")
    p.add_argument("name")
    p.add_argument("--iud", nargs="+", required=True, metavar="IUD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_cancel)

    p = lists.add_parser("assign-iuv", help="assegna IUV / numero avviso dell'Ente ai dovuti validi che non lo hanno")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_assign_iuv)

    p = lists.add_parser("show", help="mostra i dovuti di una lista")
    p.add_argument("name")
    p.add_argument("--pending", action="store_true",
                   help="solo i dovuti con modifiche da inviare al portale (I, M, A) al prossimo «sync push»")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = lists.add_parser("export-flow", help="esporta le modifiche in sospeso come flusso di import MyPay (zip)")
    p.add_argument("name")
    p.add_argument("--version", required=True, choices=list(VERSIONS), help="versione del tracciato")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip",
                   help="cartella (il nome lo dà l'app) o file <codIpa>-<IUF>-<versione>.zip, il nome che MyPay "
                        "richiede; altri nomi sono rifiutati")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export_flow)

    p = lists.add_parser("export-xlsx", help="esporta la lista in un foglio Excel")
    p.add_argument("name")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=cmd_export_xlsx)

    p = lists.add_parser("create", help="crea una lista vuota")
    p.add_argument("name")
    p.add_argument("--type", dest="debt_type", default="", metavar="CODE", help="tipo dovuto predefinito")
    p.add_argument("--description", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_create)

    p = lists.add_parser("list", help="elenca le liste")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = lists.add_parser("rename", help="rinomina una lista")
    p.add_argument("name")
    p.add_argument("new_name")
    p.set_defaults(handler=cmd_rename)

    p = lists.add_parser("delete", help="elimina una lista (solo se nulla è stato inviato al portale)")
    p.add_argument("name")
    p.set_defaults(handler=cmd_delete)


# --- handlers --------------------------------------------------------------------------------------

def cmd_import(args, ctx: CliContext) -> int:
    report = ctx.ws.lists.import_file(args.file, args.list_name, args.debt_type, args.cancel_missing,
                                      iud_prefix=args.iud_prefix, column_map=args.column_map, sheet=args.sheet,
                                      progress=progress_printer("Importazione"))
    if args.json:
        print_json(report.to_dict())
    else:
        print(f"Lista «{report.list}»: {report.rows} righe lette, {report.valid} valide, {report.invalid} con errori; "
              f"{report.added} aggiunte, {report.updated} aggiornate, {report.unchanged} invariate")
        if report.generated_iuds:
            info(f"{report.generated_iuds} IUD generati con il prefisso {args.iud_prefix.strip().upper()}")
        if report.format != "flow" and "importoDovuto" not in report.columns:
            info(_no_amount_hint(report.unused_headers))
        if report.missing:
            what = "annullati" if args.cancel_missing else "non annullati (usa --cancel-missing)"
            info(f"{report.missing} dovuti della lista non sono nel file: {what}")
        for e in report.errors[:50]:
            info(f"  riga {e.row}, {e.column}: {e.message}")
        if len(report.errors) > 50:
            info(f"  ... e altri {len(report.errors) - 50} errori (usa --json per l'elenco completo)")
    return EXIT_OK


def _no_amount_hint(unused: list[str]) -> str:
    """What to do when no column of a spreadsheet gave the amount (every debt then has amount 0: an error)."""
    text = "Nessuna colonna del file è stata presa come importo (importoDovuto): i dovuti hanno importo 0"
    if not unused:
        return text + "; aggiungi al file la colonna dell'importo"
    shown = ", ".join(f"«{excerpt(h)}»" for h in unused[:10]) + (", ..." if len(unused) > 10 else "")
    return (f"{text}. Colonne del file non usate: {shown}. Se l'importo è in una di queste, importa di nuovo "
            f"indicandola: --map \"{excerpt(unused[0])}=importoDovuto\"")


def cmd_cancel(args, ctx: CliContext) -> int:
    result = ctx.ws.lists.cancel_debts(args.name, args.iud)
    if args.json:
        print_json({"list": args.name, **result.to_dict()})
    else:
        info(f"{result.cancelled} annullati, {result.pending} da annullare sul portale al prossimo invio")
        for iud, reason in result.skipped:
            info(f"  {iud}: {reason}")
    return EXIT_OK


def cmd_assign_iuv(args, ctx: CliContext) -> int:
    result = ctx.ws.lists.assign_iuvs(args.name)
    if args.json:
        print_json(result.to_dict(args.name))
    else:
        for iud, iuv, notice in result.assigned:
            print(f"{iud}\t{iuv}\t{notice}")
        info(f"{len(result.assigned)} IUV assegnati")
    return EXIT_OK


def _debt_json(r: DebtRow) -> dict:
    return {
        "iud": r.iud, "iuv": r.iuv, "notice_number": r.notice_number, "debtor_type": r.debtor_type,
        "debtor_code": r.debtor_code, "debtor_name": r.debtor_name, "amount_cents": r.amount_cents,
        "due_date": r.due_date.isoformat() if r.due_date else None, "debt_type": r.debt_type, "causale": r.causale,
        "state": r.state, "errors": [{"column": e.field, "field": e.field, "message": e.message} for e in r.errors],
        "instalments": [],
        "id": r.id, "state_label": r.state_label, "pending": r.pending, "valid": r.is_valid,
        "address": r.address, "civic": r.civic, "postal_code": r.postal_code, "city": r.city,
        "province": r.province, "country": r.country, "email": r.email, "collection_data": r.collection_data,
        "paid_amount_cents": r.paid_amount_cents, "instalment_number": r.instalment_number,
    }


def cmd_show(args, ctx: CliContext) -> int:
    rows = ctx.ws.lists.get_debts(args.name, include_instalments=True)
    if args.pending:
        rows = _pending_only(rows)
    if args.json:
        debts: list[dict] = []
        for r in rows:
            if r.parent_id is None:
                debts.append(_debt_json(r))
            elif debts:
                debts[-1]["instalments"].append(_debt_json(r))
        print_json({"list": args.name, "debts": debts})
        return EXIT_OK
    for r in rows:
        indent = "  " if r.parent_id is not None else ""
        due = r.due_date.strftime("%d/%m/%Y") if r.due_date else "-"
        flags = f" [{r.pending}]" if r.pending else ""
        print(f"{indent}{r.iud:24} {r.debtor_code:16} {r.debtor_name[:30]:30} {format_amount(r.amount_cents):>14} "
              f"{due:10} {r.state_label}{flags} {r.notice_number}")
        for e in r.errors:
            print(f"{indent}    ! {e.field}: {e.message}")
    return EXIT_OK


def _pending_only(rows: list[DebtRow]) -> list[DebtRow]:
    """Debts with a change for the portal (I/M/A), an instalment with its parent (shown nested)."""
    keep_parents = {r.parent_id for r in rows if r.parent_id is not None and r.pending}
    return [r for r in rows if (r.parent_id is None and (r.pending or r.id in keep_parents))
            or (r.parent_id is not None and r.pending)]


def cmd_export_flow(args, ctx: CliContext) -> int:
    report = ctx.ws.lists.export_flow(args.name, args.version, args.output)
    if args.json:
        print_json(report.to_dict())
    else:
        a = report.actions
        info(f"Flusso {report.path}: {report.rows} righe (I {a['I']}, M {a['M']}, A {a['A']})")
        if report.left_out:
            info(f"{len(report.left_out)} dovuti esclusi perché non validi:")
            for iud, errs in report.left_out[:50]:
                info(f"  {iud}: " + "; ".join(f"{e.field}: {e.message}" for e in errs))
    return EXIT_OK


def cmd_export_xlsx(args, ctx: CliContext) -> int:
    path = ctx.ws.lists.export_xlsx(args.name, args.output)
    info(f"Lista esportata in {path}")
    return EXIT_OK


def cmd_create(args, ctx: CliContext) -> int:
    s = ctx.ws.lists.create_list(args.name, args.debt_type, args.description)
    if args.json:
        print_json(s.to_dict())
    else:
        info(f"Lista «{s.name}» creata")
    return EXIT_OK


def cmd_list(args, ctx: CliContext) -> int:
    summaries = ctx.ws.lists.lists()
    if args.json:
        print_json({"lists": [s.to_dict() for s in summaries]})
        return EXIT_OK
    for s in summaries:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(s.counts.items()))
        print(f"{s.name:30} {s.default_debt_type:12} {s.total_count:>8} {format_amount(s.total_cents):>16} "
              f"da inviare {s.pending_count}, con errori {s.invalid_count}  {counts}")
    return EXIT_OK


def cmd_rename(args, ctx: CliContext) -> int:
    ctx.ws.lists.rename_list(args.name, args.new_name)
    info(f"Lista «{args.name}» rinominata in «{args.new_name}»")
    return EXIT_OK


def cmd_delete(args, ctx: CliContext) -> int:
    ctx.ws.lists.delete_list(args.name)
    info(f"Lista «{args.name}» eliminata")
    return EXIT_OK
