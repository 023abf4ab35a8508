"""`mypay-desk notices print (NAME | --iud IUD ...) -o OUT.pdf [--zip] [--json]`."""

from __future__ import annotations

from mypay_desk.clicmds.common import EXIT_DATA, EXIT_OK, info, print_json, progress_printer


def register(subparsers, parser_class) -> None:
    notices = subparsers.add_parser("notices", help="avvisi di pagamento pagoPA (PDF)")
    sub = notices.add_subparsers(dest="notices_cmd", required=True, parser_class=parser_class)
    pr = sub.add_parser(
        "print", help="stampa gli avvisi di una lista o di alcuni IUD in un PDF (o un PDF per dovuto in uno ZIP)",
        description="Stampa gli avvisi di pagamento. Con NOME e --iud stampa solo quegli IUD della lista. "
                    "I dovuti senza numero avviso, annullati o pagati sono saltati ed elencati con il motivo.",
    )
    pr.add_argument("name", metavar="NOME", nargs="?", help="nome della lista di dovuti")
    pr.add_argument("--iud", nargs="+", metavar="IUD", default=None, help="uno o più IUD da stampare")
    pr.add_argument("-o", "--output", required=True, metavar="FILE",
                    help="file da creare: .pdf, oppure .zip con --zip")
    pr.add_argument("--zip", action="store_true", help="un PDF per dovuto, chiamato con lo IUV, in un file ZIP")
    pr.add_argument("--ente", metavar="IPA", default=None, help="Ente (codice IPA); se omesso, l'Ente corrente")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(handler=cmd_print, _parser=pr)


def cmd_print(args, ctx) -> int:
    if not args.name and not args.iud:
        args._parser.error("indicare il NOME di una lista oppure --iud IUD ...")
    result = ctx.ws.notices.print_notices(
        args.output, list_name=args.name, iuds=args.iud, zip=args.zip, ente_ipa=args.ente,
        progress=progress_printer("Avvisi"),
    )
    for path in result.removed_parts:
        info(f"Rimosso il file parziale lasciato da una stampa interrotta: {path}")
    if args.json:
        print_json(result.to_json())
    else:
        if result.printed:
            info(f"{result.printed} avvisi ({result.pages} pagine) in {result.output}")
        for s in result.skipped:
            info(f"  saltato {s.iud or '(senza IUD)'}: {s.reason}")
    if not result.printed:
        info("Nessun avviso stampato: nessun dovuto selezionato può avere un avviso" if result.skipped
             else "Nessun avviso stampato: nessun dovuto selezionato")
        return EXIT_DATA
    return EXIT_OK
