"""``mypay-desk simulator``: the MyPay portal sandbox (run it, provision Enti, make citizens pay)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from mypay_desk.clicmds.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, info, print_json
from mypay_desk.services.errors import PortalError, UserError


def default_state_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("mypay-desk", appauthor=False)) / "simulator"


def register(subparsers, parser_class) -> None:
    sim = subparsers.add_parser("simulator", help="portale MyPay di prova (sandbox)",
                                description="Avvia il portale MyPay di prova in primo piano (Ctrl-C per fermarlo), "
                                            "oppure: add-ente, pay, reports.")
    sim.add_argument("--host", default="127.0.0.1",
                     help="indirizzo di ascolto (predefinito 127.0.0.1; altri indirizzi solo con --allow-remote)")
    sim.add_argument("--allow-remote", action="store_true",
                     help="ascolta anche su un indirizzo raggiungibile da altri computer: il portale di prova non "
                          "ha autenticazione, chiunque in rete potrebbe usarlo")
    sim.add_argument("--port", type=int, default=8765, help="porta (predefinita 8765; 0 = una libera)")
    sim.add_argument("--state", metavar="DIR", default=None, help="cartella dello stato del portale di prova")
    sim.add_argument("--processing-delay", type=float, default=0.5, metavar="S",
                     help="secondi di attesa in ogni fase dell'elaborazione dei flussi (predefinito 0.5)")
    sim.set_defaults(handler=cmd_run)
    sub = sim.add_subparsers(dest="sim_cmd", parser_class=parser_class)

    add = sub.add_parser("add-ente", help="crea o aggiorna un Ente del portale di prova")
    add.add_argument("--state", metavar="DIR", required=True, dest="add_state")
    add.add_argument("--ipa", required=True, help="codice IPA")
    add.add_argument("--fiscal-code", required=True, help="codice fiscale dell'Ente (11 cifre)")
    add.add_argument("--password-stdin", action="store_true", required=True,
                     help="legge la password (8-15 caratteri) da stdin")
    add.add_argument("--types", required=True, metavar="CODE[,CODE...]",
                     help="tipi dovuto attivi; opzioni per tipo dopo ':' unite da '+': scadenza (scadenza "
                          "obbligatoria), stampa, anonimo, inattivo. Es. TARI:scadenza+stampa,MENSA:anonimo")
    add.add_argument("--segregation-code", default="01", metavar="NN", help="codice di segregazione (predefinito 01)")
    add.add_argument("--name", default="", help="denominazione dell'Ente")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add_ente)

    pay = sub.add_parser("pay", help="i cittadini pagano dei dovuti sul portale di prova in esecuzione")
    pay.add_argument("--portal-url", required=True, help="indirizzo del portale di prova (es. http://127.0.0.1:8765)")
    pay.add_argument("--ipa", required=True)
    which = pay.add_mutually_exclusive_group(required=True)
    which.add_argument("--iud", nargs="+", action="extend", metavar="IUD", help="gli IUD da pagare")
    which.add_argument("--fraction", type=float, metavar="F", help="frazione (0-1) dei dovuti da pagare, a caso")
    pay.add_argument("--seed", type=int, default=None, help="seme per la scelta casuale")
    pay.add_argument("--json", action="store_true")
    pay.set_defaults(handler=cmd_pay)

    rep = sub.add_parser("reports", help="scarica dal portale di prova i flussi di rendicontazione (FdR) dei PSP e "
                                         "il giornale di cassa della tesoreria",
                         description="I PSP rendicontano i pagamenti non ancora rendicontati (un flusso per PSP e "
                                     "giorno) e la tesoreria registra un accredito per flusso; scrive i file XML "
                                     "nella cartella indicata, pronti per «reconcile import».")
    rep.add_argument("--portal-url", required=True, help="indirizzo del portale di prova (es. http://127.0.0.1:8765)")
    rep.add_argument("--ipa", required=True)
    rep.add_argument("-o", "--output", required=True, metavar="DIR", help="cartella in cui scrivere i file")
    rep.add_argument("--until", metavar="AAAA-MM-GG", default=None,
                     help="ultimo giorno di regolamento da rendicontare (predefinito: oggi)")
    rep.add_argument("--anomalies", nargs="?", const="all", default="", metavar="TIPO[,TIPO...]",
                     help="inserisce anomalie nei nuovi flussi: tutte, oppure amount_mismatch, not_credited, "
                          "wrong_credit, unrelated_credit, duplicate")
    rep.add_argument("--seed", type=int, default=None, help="seme per le scelte casuali")
    rep.add_argument("--json", action="store_true")
    rep.set_defaults(handler=cmd_reports)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost (no lookup: a name could resolve anywhere)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def cmd_run(args, ctx) -> int:
    from mypay_desk.simulator.server import SimulatorServer

    if not is_loopback(args.host):
        if not args.allow_remote:
            info(f"errore: il portale di prova non ha autenticazione: su {args.host} sarebbe raggiungibile da altri "
                 "computer. Usa 127.0.0.1, oppure aggiungi --allow-remote se è proprio ciò che vuoi.")
            return EXIT_USAGE
        info(f"ATTENZIONE: il portale di prova ascolta su {args.host} senza autenticazione: chiunque possa "
             "raggiungere questo indirizzo può leggerne e modificarne i dati. Usalo solo in una rete fidata.")
    state = Path(args.state) if args.state else default_state_dir()
    server = SimulatorServer(state, host=args.host, port=args.port, processing_delay=args.processing_delay)

    def ready(url: str) -> None:
        info(f"Portale MyPay di prova su {url} (web service: {url}/ws/pa/), stato in {state}. Ctrl-C per fermarlo.")

    try:
        server.serve_forever(on_ready=ready)
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down cleanly
        pass
    except OSError as exc:
        raise UserError(f"Impossibile avviare il portale di prova su {args.host}:{args.port}: {exc.strerror or exc}",
                        field="port") from exc
    info("Portale di prova fermato.")
    return EXIT_OK


def cmd_add_ente(args, ctx) -> int:
    from mypay_desk.simulator.server import add_ente
    from mypay_desk.simulator.state import StateError

    password = sys.stdin.readline().rstrip("\r\n")
    types = [t for t in (x.strip() for x in args.types.split(",")) if t]
    try:
        ente = add_ente(args.add_state, args.ipa, args.fiscal_code, password, types,
                        segregation_code=args.segregation_code, name=args.name)
    except StateError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json({"ipa": ente.ipa, "fiscal_code": ente.fiscal_code, "name": ente.name,
                    "segregation_code": ente.segregation_code, "types": types, "state": str(args.add_state)})
    else:
        info(f"Ente {ente.ipa} registrato nel portale di prova ({args.add_state}) con i tipi dovuto {', '.join(types)}")
    return EXIT_OK


def _base(url: str) -> str:
    url = url.strip().rstrip("/")
    for tail in ("/ws/pa", "/ws"):
        if url.endswith(tail):
            url = url[: -len(tail)]
    return url


def cmd_pay(args, ctx) -> int:
    import httpx

    if args.fraction is not None and not 0 <= args.fraction <= 1:
        raise UserError("--fraction deve essere tra 0 e 1", field="fraction")
    body: dict = {"ipa": args.ipa}
    if args.iud:
        body["iuds"] = args.iud
    else:
        body["fraction"] = args.fraction
        if args.seed is not None:
            body["seed"] = args.seed
    url = _base(args.portal_url) + "/sandbox/pay"
    try:
        resp = httpx.post(url, json=body, timeout=httpx.Timeout(60.0, connect=5.0))
    except httpx.HTTPError as exc:
        raise PortalError(f"Portale di prova non raggiungibile su {args.portal_url}: {exc}") from exc
    try:
        data = resp.json()
    except ValueError as exc:
        raise PortalError(f"Risposta inattesa dal portale di prova (HTTP {resp.status_code})") from exc
    if resp.status_code != 200:
        raise UserError(f"Il portale di prova ha rifiutato la richiesta: {data.get('error', resp.text)}")
    nothing = not data["paid"]
    problem = ("Nessun dovuto pagato" + (": " + "; ".join(f"{s['iud']} {s['reason']}" for s in data["skipped"][:5])
                                          if data["skipped"] else " (nessun dovuto da pagare sul portale)"))
    if args.json:
        if nothing:
            data["error"] = {"message": problem, "field": "iud" if args.iud else "fraction", "code": "nothing_paid"}
        print_json(data)
    else:
        total = sum(p["amount_cents"] for p in data["paid"])
        info(f"Pagati {len(data['paid'])} dovuti per {total / 100:.2f} euro")
        for s in data["skipped"]:
            info(f"  {s['iud']}: non pagato ({s['reason']})")
    if nothing:  # a script that meant to pay something must notice
        info(f"errore: {problem}")
        return EXIT_DATA
    return EXIT_OK


def cmd_reports(args, ctx) -> int:
    import io
    import json
    import zipfile
    from datetime import date

    import httpx

    if args.until:
        try:
            date.fromisoformat(args.until)
        except ValueError as exc:
            raise UserError(f"--until «{args.until}» non è una data AAAA-MM-GG", field="until") from exc
    params: dict = {"ipa": args.ipa, "anomalies": args.anomalies}
    if args.until:
        params["until"] = args.until
    if args.seed is not None:
        params["seed"] = str(args.seed)
    url = _base(args.portal_url) + "/sandbox/reports"
    try:
        resp = httpx.get(url, params=params, timeout=httpx.Timeout(120.0, connect=5.0))
    except httpx.HTTPError as exc:
        raise PortalError(f"Portale di prova non raggiungibile su {args.portal_url}: {exc}") from exc
    if resp.status_code != 200:
        try:
            message = resp.json().get("error", resp.text)
        except ValueError:
            raise PortalError(f"Risposta inattesa dal portale di prova (HTTP {resp.status_code})") from None
        raise UserError(f"Il portale di prova ha rifiutato la richiesta: {message}")
    try:
        zf = zipfile.ZipFile(io.BytesIO(resp.content))
    except zipfile.BadZipFile as exc:
        raise PortalError("Il portale di prova non ha risposto con un archivio ZIP") from exc
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Impossibile creare la cartella: {exc.strerror or exc}", file=str(out)) from exc
    fdr_files, opi_file, anomalies = [], "", []
    with zf:
        for member in zf.infolist():
            name = member.filename
            if name == "anomalie.json":
                anomalies = json.loads(zf.read(member))
                continue
            base = name.replace("\\", "/").rsplit("/", 1)[-1]  # the file name only: no path from the wire
            if not base.lower().endswith(".xml") or base.startswith("."):
                continue
            try:
                (out / base).write_bytes(zf.read(member))
            except OSError as exc:
                raise UserError(f"Impossibile scrivere il file: {exc.strerror or exc}", file=str(out / base)) from exc
            if name.startswith("OPI/"):
                opi_file = str(out / base)
            else:
                fdr_files.append(str(out / base))
    if args.json:
        print_json({"fdr": fdr_files, "opi": opi_file, "anomalies": anomalies, "output": str(out)})
    else:
        info(f"Scritti {len(fdr_files)} flussi di rendicontazione e il giornale di cassa in {out}")
        for a in anomalies:
            info(f"  anomalia {a['kind']}: {a['description']} {a['iuf'] or ''} {a['iuv'] or ''}".rstrip())
    return EXIT_OK
