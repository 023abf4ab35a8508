"""`workspace show`, `workspace use URL|--local`, `workspace copy-to URL`, `workspace backup`: which
database a workspace uses, choosing a shared PostgreSQL one, moving a desk's SQLite data into it, and a
copy now (the SQLite file, or pg_dump of the shared database)."""

from __future__ import annotations

import sys

from mypay_desk.clicmds.common import EXIT_DATA, EXIT_OK, info, print_json, progress_printer
from mypay_desk.services import database
from mypay_desk.services.workspace import DATABASE_FILE


def register(sub, parser_class) -> None:
    ws = sub.add_parser("workspace", help="lo spazio di lavoro e il suo database (locale o condiviso)").add_subparsers(
        dest="workspace_cmd", required=True, parser_class=parser_class)

    show = ws.add_parser("show", help="cartella, database in uso e da dove viene la scelta")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    use = ws.add_parser("use", help="sceglie il database condiviso di questo spazio di lavoro (dal prossimo avvio)")
    target = use.add_mutually_exclusive_group(required=True)
    target.add_argument("url", nargs="?", help="postgresql+psycopg://utente@server/mypay (senza password: "
                                                "~/.pgpass, PGPASSWORD o un servizio)")
    target.add_argument("--local", action="store_true", help="torna al database SQLite della cartella")
    use.add_argument("--json", action="store_true")
    use.set_defaults(handler=cmd_use)

    backup = ws.add_parser("backup", help="una copia del database ora, nella cartella backups/ (SQLite: il file; "
                                          "PostgreSQL: pg_dump)")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(handler=cmd_backup)

    copy = ws.add_parser("copy-to", help="copia il database SQLite di questo spazio di lavoro in un database "
                                         "PostgreSQL vuoto, con verifica di righe e somme di controllo")
    copy.add_argument("url", help="postgresql+psycopg://utente@server/mypay (un database vuoto)")
    copy.add_argument("--use", action="store_true", help="dopo la copia verificata, usa quel database")
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(handler=cmd_copy_to)



def cmd_show(args, ctx) -> int:
    ws = ctx.ws
    doc = {"workspace": str(ws.path), "database": "postgresql" if ws.shared else "sqlite",
           "location": ws.db.describe(), "chosen_by": ws.database_source, "schema": database.head_revision(),
           "backups": str(ws.backups.folder)}
    if args.json:
        print_json(doc)
    else:
        kind = "PostgreSQL condiviso" if ws.shared else "SQLite locale"
        print(f"spazio di lavoro  {doc['workspace']}")
        print(f"database          {kind}: {doc['location']} (scelto da: {doc['chosen_by']})")
        print(f"backup            {doc['backups']}")
    return EXIT_OK


def cmd_use(args, ctx) -> int:
    folder = ctx.folder
    check = database.choose(folder, None if args.local else args.url)
    doc = {"workspace": str(folder), "database": "sqlite" if check is None else "postgresql",
           "saved_in": str(folder / DATABASE_FILE), "check": check.to_json() if check else None}
    if args.json:
        print_json(doc)
    elif check is None:
        info(f"Lo spazio di lavoro {folder} userà il suo database locale (SQLite) dal prossimo avvio.")
    else:
        info(f"{check.message}\nScelta salvata in {folder / DATABASE_FILE}: usata dal prossimo avvio.")
    return EXIT_OK


def cmd_backup(args, ctx) -> int:
    made = ctx.ws.backups.create("manuale")
    if args.json:
        print_json({"file": str(made.path), "size": made.size, "created": made.created.isoformat()})
    else:
        info(f"Backup creato: {made.path} ({made.size} byte)")
    return EXIT_OK


def cmd_copy_to(args, ctx) -> int:
    folder = ctx.folder
    result = database.copy_to_shared(folder, args.url, use=args.use, progress=progress_printer("Copia"))
    doc = {"source": result.source, "target": result.target, "verified": result.verified, "rows": result.rows,
           "seconds": round(result.seconds, 2), "used": bool(args.use),
           "tables": [{"table": t.table, "rows": t.rows, "checksum": t.checksum, "target_rows": t.target_rows,
                       "target_checksum": t.target_checksum, "verified": t.verified} for t in result.tables]}
    if args.json:
        print_json(doc)
    else:
        for t in result.tables:
            print(f"{t.table:26} {t.rows:>10} righe  somma {t.checksum}  {'verificata' if t.verified else 'DIVERSA'}")
        print(f"Copiate e verificate {result.rows} righe di {len(result.tables)} tabelle da {result.source} "
              f"a {result.target} in {result.seconds:.1f} s.", file=sys.stderr)
        if args.use:
            info(f"Lo spazio di lavoro usa ora {result.target} (dal prossimo avvio).")
        else:
            info(f"Per usarlo: mypay-desk --workspace {folder} workspace use {result.target}")
    return EXIT_OK if result.verified else EXIT_DATA
