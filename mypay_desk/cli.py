"""The command line: `mypay-desk ...` (see docs/CLI and ../shared/design/CLI.md)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path

from mypay_desk import __version__
from mypay_desk.clicmds import AREA_MODULES
from mypay_desk.clicmds.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliContext,
    CliError,
    UsageError,
    describe_error,
    json_requested,
    print_json,
    report_error,
)
from mypay_desk.domain.ente import DebtTypeData, EnteData
from mypay_desk.services.errors import UserError
from mypay_desk.services.log_redaction import install_redaction

_json_errors = False  # set by main(): usage errors of a --json command also print the JSON error document


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 with the usage, as CLI.md says
        self.print_usage(sys.stderr)
        print(f"{self.prog}: errore: {message}", file=sys.stderr)
        if _json_errors:
            print_json(CliError(EXIT_USAGE, message, None, "usage").document())
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="mypay-desk", description="MyPay Desk: back-office pagoPA per gli Enti (MyPay)")
    p.add_argument("--workspace", metavar="DIR", help="cartella dello spazio di lavoro (database, backup, log)")
    p.add_argument("--database", metavar="URL",
                   help="database PostgreSQL condiviso, es. postgresql+psycopg://utente@server/mypay (anche "
                        "MYPAY_DESK_DATABASE); la password da ~/.pgpass, PGPASSWORD o un servizio. "
                        "Senza: la scelta salvata nello spazio di lavoro, o il suo file SQLite")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    g = sub.add_parser("gui", help="apre l'interfaccia grafica")
    g.add_argument("--demo", action="store_true", help="apre l'Ente dimostrativo")
    g.add_argument("--smoke-test", action="store_true", help="avvio offscreen di verifica, poi esce")
    g.set_defaults(handler=cmd_gui)

    ente = sub.add_parser("ente", help="dati dell'Ente").add_subparsers(dest="ente_cmd", required=True,
                                                                         parser_class=_Parser)
    es = ente.add_parser("set", help="crea o aggiorna l'Ente")
    es.add_argument("--ipa", required=True, help="codice IPA")
    es.add_argument("--fiscal-code", default=None,
                    help="codice fiscale dell'Ente (11 cifre); obbligatorio solo per creare l'Ente")
    es.add_argument("--name", default=None, help="denominazione; obbligatoria solo per creare l'Ente")
    es.add_argument("--sector", default=None)
    es.add_argument("--info", default=None)
    es.add_argument("--segregation-code", default=None)
    es.add_argument("--application-code", default=None)
    es.add_argument("--cbill", default=None)
    es.add_argument("--mode", choices=["base", "flussi", "ente"], default=None)
    es.add_argument("--iuv-generation", choices=["portal", "app"], default=None,
                    help="chi dà lo IUV ai dovuti inviati senza: portal = il portale MyPay (predefinito), "
                         "app = MyPay Desk dal codice di segregazione")
    es.add_argument("--postal-account", default=None)
    es.add_argument("--postal-holder", default=None)
    es.add_argument("--poste-auth", default=None)
    es.add_argument("--logo", default=None, help="file immagine (PNG/JPEG) del logo")
    es.add_argument("--portal-url", default=None, metavar="URL",
                    help="indirizzo del portale MyPay (web service dell'Ente), es. http://127.0.0.1:8765 per il "
                         "portale di prova")
    es.add_argument("--payments-page", default=None, help="pagina web dei servizi di pagamento dell'Ente")
    pw = es.add_mutually_exclusive_group()
    pw.add_argument("--password-stdin", action="store_true",
                    help="legge la password del portale dalla prima riga di stdin e la salva nel portachiavi di "
                         "sistema (predefinito); se non si può salvare, non cambia nulla")
    pw.add_argument("--password-file", metavar="FILE",
                    help="per i server senza portachiavi: la password è nella prima riga di FILE, letto a ogni "
                         "uso e rifiutato se accessibile ad altri utenti (chmod 600) o di un altro utente; "
                         "nello spazio di lavoro resta solo il percorso")
    es.add_argument("--json", action="store_true")
    es.set_defaults(handler=cmd_ente_set)
    esh = ente.add_parser("show", help="mostra l'Ente corrente")
    esh.add_argument("--ipa", default=None)
    esh.add_argument("--json", action="store_true")
    esh.set_defaults(handler=cmd_ente_show)
    eu = ente.add_parser("use", help="sceglie l'Ente corrente")
    eu.add_argument("ipa")
    eu.set_defaults(handler=cmd_ente_use)

    types = sub.add_parser("types", help="tipi dovuto").add_subparsers(dest="types_cmd", required=True,
                                                                        parser_class=_Parser)
    ta = types.add_parser("add", help="aggiunge o aggiorna un tipo dovuto")
    ta.add_argument("code")
    ta.add_argument("--description", required=True)
    ta.add_argument("--taxonomy", required=True, help="datiSpecificiRiscossione, es. 9/0101108TS/")
    ta.add_argument("--iban", default="")
    ta.add_argument("--postal-account", default="")
    ta.add_argument("--due-date-required", action="store_true")
    ta.add_argument("--print-due-date", action="store_true")
    ta.add_argument("--anonymous-allowed", action="store_true")
    ta.add_argument("--sector", default="")
    ta.add_argument("--inactive", action="store_true")
    ta.add_argument("--json", action="store_true")
    ta.set_defaults(handler=cmd_types_add)
    tl = types.add_parser("list", help="elenca i tipi dovuto")
    tl.add_argument("--json", action="store_true")
    tl.set_defaults(handler=cmd_types_list)

    codes = sub.add_parser("codes", help="codici pagoPA").add_subparsers(dest="codes_cmd", required=True,
                                                                          parser_class=_Parser)
    cc = codes.add_parser("check", help="verifica numero avviso, IUV o riferimento RF")
    cc.add_argument("code")
    cc.add_argument("--json", action="store_true")
    cc.set_defaults(handler=cmd_codes_check)
    cn = codes.add_parser("new", help="genera nuovi IUV dell'Ente (mai riutilizzati)")
    cn.add_argument("--count", type=int, default=1)
    cn.add_argument("--json", action="store_true")
    cn.set_defaults(handler=cmd_codes_new)

    for name in AREA_MODULES:
        try:
            module = importlib.import_module(f"mypay_desk.clicmds.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"mypay_desk.clicmds.{name}":
                raise
            continue
        module.register(sub, _Parser)
    return p


# --- handlers --------------------------------------------------------------------------------

def cmd_gui(args, ctx: CliContext) -> int:
    if not args.smoke_test:
        from mypay_desk import qt_runtime

        # Qt aborts with a terse message when a system library is missing: name the packages instead.
        if qt_runtime.preflight(quiet=True):
            return 1
    from mypay_desk.app import run_gui

    return run_gui(workspace=ctx.workspace_arg, demo=args.demo, smoke_test=args.smoke_test,
                   database=ctx.database_arg)


def cmd_ente_set(args, ctx: CliContext) -> int:
    """Create or update the Ente. Everything is checked first (data, logo, password or password file),
    so a failure changes nothing: not the Ente, not the password."""
    ws = ctx.ws
    try:
        existing = ws.ente.get(args.ipa)
    except UserError:
        existing = None
    if existing is None and (not args.fiscal_code or not args.name):
        raise UsageError("per creare l'Ente servono anche --fiscal-code e --name")
    data = existing or EnteData(ipa_code=args.ipa, fiscal_code="", name="")
    for attr, value in [
        ("fiscal_code", args.fiscal_code), ("name", args.name),
        ("sector", args.sector), ("info", args.info), ("segregation_code", args.segregation_code),
        ("application_code", args.application_code), ("cbill", args.cbill), ("adhesion_mode", args.mode),
        ("iuv_generation", args.iuv_generation),
        ("postal_account", args.postal_account), ("postal_holder", args.postal_holder),
        ("poste_authorization", args.poste_auth), ("portal_url", args.portal_url),
        ("payments_web_page", args.payments_page),
    ]:
        if value is not None:
            setattr(data, attr, value)
    if args.logo:
        path = Path(args.logo)
        if not path.is_file():
            raise UserError(f"File del logo non trovato: {path}", field="logo")
        data.logo = path.read_bytes()
    data = ws.ente.prepare(data)
    password_file = ws.portal.check_password_file(args.password_file) if args.password_file else None
    previous_password, previous_file = None, ""
    if args.password_stdin:
        if sys.stdin.isatty():  # typed by hand: do not echo it
            import getpass

            password = getpass.getpass("Password del portale: ")
        else:
            password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("Nessuna password su stdin: scrivila nella prima riga (es. «printf '%s\\n' PASSWORD "
                            "| mypay-desk ente set ... --password-stdin»)", field="password", code="password_missing")
        previous_file = ws.portal.password_file(data.ipa_code)
        previous_password = None if previous_file else _stored_password(ws, data.ipa_code)
        ws.portal.set_password(data.ipa_code, password)  # fails (nothing changed) without a keyring
    try:
        saved = ws.ente.save(data)
    except BaseException:
        if args.password_stdin:  # put the old password back: the command changes nothing when it fails
            if previous_password:
                ws.portal.set_password(data.ipa_code, previous_password)
            else:
                ws.portal.delete_password(data.ipa_code)
            ws.portal.remember_password_file(data.ipa_code, previous_file)
        raise
    if password_file is not None:
        ws.portal.set_password_file(saved.ipa_code, password_file)
    if args.json:
        doc = saved.to_public_dict()
        doc["password_store"] = ws.portal.password_store(saved.ipa_code)
        print_json(doc)
    else:
        print(f"Ente {saved.ipa_code} ({saved.name}) salvato"
              + (f"; password del portale: {ws.portal.password_store(saved.ipa_code)}"
                 if args.password_stdin or password_file else ""))
    return EXIT_OK


def _stored_password(ws, ipa_code: str) -> str | None:
    try:
        return ws.portal.get_password(ipa_code)
    except UserError:
        return None


def cmd_ente_show(args, ctx: CliContext) -> int:
    ente = ctx.ws.ente.get(args.ipa) if args.ipa else ctx.ws.ente.require_current()
    if args.json:
        print_json(ente.to_public_dict())
    else:
        for key, value in ente.to_public_dict().items():
            print(f"{key:24} {value}")
    return EXIT_OK


def cmd_ente_use(args, ctx: CliContext) -> int:
    ctx.ws.ente.set_current(args.ipa)
    print(f"Ente corrente: {args.ipa}")
    return EXIT_OK


def cmd_types_add(args, ctx: CliContext) -> int:
    saved = ctx.ws.ente.save_type(DebtTypeData(
        code=args.code, description=args.description, taxonomy=args.taxonomy, iban=args.iban,
        postal_account=args.postal_account, due_date_required=args.due_date_required,
        print_due_date=args.print_due_date, anonymous_allowed=args.anonymous_allowed, sector=args.sector,
        active=not args.inactive,
    ))
    if args.json:
        print_json(saved.__dict__)
    else:
        print(f"Tipo dovuto {saved.code} salvato")
    return EXIT_OK


def cmd_types_list(args, ctx: CliContext) -> int:
    types = ctx.ws.ente.types()
    if args.json:
        print_json({"types": [t.__dict__ for t in types]})
    else:
        for t in types:
            flags = " ".join(f for f, on in [("scadenza-obbligatoria", t.due_date_required),
                                             ("stampa-scadenza", t.print_due_date),
                                             ("anonimo", t.anonymous_allowed), ("inattivo", not t.active)] if on)
            print(f"{t.code:30} {t.taxonomy:22} {t.description} {flags}")
    return EXIT_OK


def cmd_codes_check(args, ctx: CliContext) -> int:
    from mypay_desk.domain.codes import CodeError, check_code

    try:
        result = check_code(args.code)
    except CodeError as exc:
        err = UserError(str(exc), field="codice", code="invalid_code")
        err.json_extra = {"valid": False, "code": args.code, "reason": str(exc)}  # type: ignore[attr-defined]
        raise err from exc
    if args.json:
        print_json({"valid": True, "kind": result.kind, "code": result.value, "detail": result.detail})
    else:
        print(f"{result.kind}: {result.detail}")
    return EXIT_OK


def cmd_codes_new(args, ctx: CliContext) -> int:
    iuvs = ctx.ws.codes.allocate_iuvs(args.count)
    if args.json:
        print_json({"iuvs": [{"iuv": i, "notice_number": "3" + i} for i in iuvs]})
    else:
        sys.stdout.write("".join(f"{i}\n" for i in iuvs))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    global _json_errors
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:  # a warning that carries a URL must not show its token
        install_redaction(handler)
    argv = list(sys.argv[1:] if argv is None else argv)
    _json_errors = json_requested(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        # `mypay-desk` alone (or `mypay-desk --smoke-test`, as the frozen build is checked) opens the GUI
        args.handler, args.demo = cmd_gui, False
    as_json = bool(getattr(args, "json", False))
    ctx = CliContext(workspace_arg=args.workspace, database_arg=args.database)
    try:
        return int(args.handler(args, ctx) or 0)
    except KeyboardInterrupt:
        print("interrotto", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`mypay-desk ... --json | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        err = describe_error(exc)
        if err is None:
            raise
        return report_error(err, as_json)
    finally:
        ctx.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
