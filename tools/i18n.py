"""Translation catalogues of the interface: collect, check, compile.

    .venv/bin/python tools/i18n.py                 refresh resources/translations/*.ts from the sources, build .qm
    .venv/bin/python tools/i18n.py --check         exit 1, listing what is missing, when the English catalogue
                                                   (or the Italian plural forms) is not complete and up to date
    .venv/bin/python tools/i18n.py --export-todo F write the English strings still to translate to F (TSV)
    .venv/bin/python tools/i18n.py --import F      read translations back from F (TSV: context, source,
                                                   translation) into the English catalogue, then build .qm

Italian is the source language: the Italian catalogue gets every plain string as an identical
translation automatically (and ``lrelease -removeidentical`` leaves them out of the .qm); only plural
forms (``tr(text, "", n)``) need Italian written by hand. ``--sources`` limits the scan to some files.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "mypay_desk"
LANGUAGES = {"it": "it_IT", "en": "en_GB"}
SOURCE_LANGUAGE = "it_IT"
DEFAULT_SOURCES = ("mypay_desk/ui", "mypay_desk/app.py")
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Problem:
    language: str
    context: str
    source: str
    reason: str

    def __str__(self) -> str:
        where = self.context or "(nessun contesto)"
        return f"{self.language}: {where}: «{self.source}»: {self.reason}"


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def _tool(name: str) -> str:
    local = BIN / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} non trovato: installa PySide6 nel venv del progetto")
    return found


def source_files(sources: list[str] | tuple[str, ...]) -> list[str]:
    """Python files under the given files/folders (lupdate does not scan folders for .py itself)."""
    files: list[str] = []
    for s in sources:
        p = (ROOT / s) if not Path(s).is_absolute() else Path(s)
        if p.is_dir():
            files += sorted(str(f) for f in p.rglob("*.py"))
        elif p.suffix == ".py" and p.exists():
            files.append(str(p))
    return files


def lupdate(sources: list[str], ts: Path, language: str) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [_tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete",
           "-source-language", SOURCE_LANGUAGE, "-target-language", LANGUAGES[language], "-ts", str(ts)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path, language: str) -> None:
    cmd = [_tool("pyside6-lrelease"), str(ts), "-nounfinished", "-qm", str(qm), "-silent"]
    if language == "it":
        cmd.insert(2, "-removeidentical")
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


# --- the .ts file ------------------------------------------------------------------------------

def _read(ts: Path) -> ET.ElementTree:
    return ET.parse(ts)  # our own file, written by lupdate


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _messages(tree: ET.ElementTree):
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg


def _live(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    return tr is None or tr.get("type") not in ("vanished", "obsolete")


def messages(ts: Path) -> set[tuple[str, str]]:
    return {(c, m.findtext("source") or "") for c, m in _messages(_read(ts)) if _live(m)}


def problems(ts: Path, language: str) -> list[Problem]:
    """What the catalogue still lacks: unfinished or empty translations (Italian: plural forms only)."""
    found: list[Problem] = []
    for context, msg in _messages(_read(ts)):
        if not _live(msg):
            continue
        source = msg.findtext("source") or ""
        numerus = msg.get("numerus") == "yes"
        tr = msg.find("translation")
        if not context:
            if language == "it":
                continue  # reported once, for English
            found.append(Problem(language, context, source,
                                 "tr() fuori da una classe: usa QCoreApplication.translate(\"Classe\", ...)"))
            continue
        if language == "it" and not numerus:
            continue
        if tr is None:
            found.append(Problem(language, context, source, "senza traduzione"))
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
        if not forms or not all(f.strip() for f in forms):
            found.append(Problem(language, context, source, "non tradotto"))
        elif tr.get("type") == "unfinished":
            found.append(Problem(language, context, source, "traduzione da rivedere (unfinished)"))
    return found


def fill_identity(ts: Path) -> int:
    """Italian catalogue: every plain string translates to itself. Returns how many were filled."""
    tree = _read(ts)
    filled = 0
    for _context, msg in _messages(tree):
        if msg.get("numerus") == "yes" or not _live(msg):
            continue
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if tr.get("type") == "unfinished" or not (tr.text or ""):
            tr.text = msg.findtext("source") or ""
            tr.attrib.pop("type", None)
            filled += 1
    if filled:
        _write(tree, ts)
    return filled


def export_todo(ts: Path, out: Path) -> int:
    rows = [(p.context, p.source, "") for p in problems(ts, "en") if p.context]
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["context", "source", "translation"])
        w.writerows(rows)
    return len(rows)


def import_translations(ts: Path, tsv: Path) -> tuple[int, list[str]]:
    """Fill translations from a TSV (context, source, translation); plural forms separated by " || "."""
    wanted: dict[tuple[str, str], str] = {}
    with open(tsv, newline="", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) < 3 or row[:2] == ["context", "source"] or not row[2].strip():
                continue
            wanted[(row[0], row[1].replace("\\n", "\n"))] = row[2].replace("\\n", "\n")
    tree = _read(ts)
    done = 0
    for context, msg in _messages(tree):
        key = (context, msg.findtext("source") or "")
        if key not in wanted:
            continue
        text = wanted.pop(key)
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        tr.attrib.pop("type", None)
        if msg.get("numerus") == "yes":
            for f in list(tr):
                tr.remove(f)
            tr.text = None
            for form in text.split(" || "):
                ET.SubElement(tr, "numerusform").text = form
        else:
            tr.text = text
        done += 1
    _write(tree, ts)
    return done, [f"{c}: «{s}»" for c, s in wanted]


# --- commands ----------------------------------------------------------------------------------------

def update(sources: list[str]) -> None:
    files = source_files(sources)
    for language in LANGUAGES:
        ts = ts_path(language)
        lupdate(files, ts, language)
        if language == "it" and fill_identity(ts):
            lupdate(files, ts, language)  # back to lupdate's own layout (stable bytes between runs)
        lrelease(ts, qm_path(language), language)
    for language in LANGUAGES:
        missing = problems(ts_path(language), language)
        print(f"{ts_path(language).relative_to(ROOT)}: {len(messages(ts_path(language)))} testi, "
              f"{len(missing)} da tradurre")


def check(sources: list[str]) -> list[str]:
    """Every problem of the committed catalogues against the current sources (nothing is written)."""
    issues: list[str] = []
    files = source_files(sources)
    with tempfile.TemporaryDirectory(prefix="mypay-i18n-") as tmp:
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.exists():
                issues.append(f"{language}: manca {committed.relative_to(ROOT)}: esegui tools/i18n.py")
                continue
            fresh = ts_path(language, Path(tmp))
            shutil.copy(committed, fresh)
            lupdate(files, fresh, language)
            if language == "it":
                fill_identity(fresh)
            new = messages(fresh) - messages(committed)
            gone = messages(committed) - messages(fresh)
            if new or gone:
                issues.append(f"{language}: il catalogo non è aggiornato ({len(new)} testi nuovi, "
                              f"{len(gone)} spariti): esegui tools/i18n.py")
            issues += [str(p) for p in problems(fresh, language)]
            built = qm_path(language, Path(tmp))
            lrelease(committed, built, language)
            if not qm_path(language).exists() or not filecmp.cmp(built, qm_path(language), shallow=False):
                issues.append(f"{language}: {qm_path(language).relative_to(ROOT)} non corrisponde al .ts: "
                              "esegui tools/i18n.py")
    return issues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verifica senza scrivere; esce con 1 se manca qualcosa")
    parser.add_argument("--export-todo", metavar="FILE", help="scrive i testi inglesi da tradurre (TSV)")
    parser.add_argument("--import", dest="import_file", metavar="FILE", help="legge le traduzioni inglesi (TSV)")
    parser.add_argument("--sources", nargs="+", default=list(DEFAULT_SOURCES),
                        help="file o cartelle da scandire (predefinito: mypay_desk/ui e mypay_desk/app.py)")
    args = parser.parse_args(argv)
    if args.check:
        issues = check(args.sources)
        for line in issues:
            print(line)
        if issues:
            print(f"{len(issues)} problemi nelle traduzioni", file=sys.stderr)
            return 1
        print("traduzioni complete")
        return 0
    if args.export_todo:
        n = export_todo(ts_path("en"), Path(args.export_todo))
        print(f"{n} testi da tradurre in {args.export_todo}")
        return 0
    if args.import_file:
        done, unknown = import_translations(ts_path("en"), Path(args.import_file))
        for u in unknown:
            print(f"non trovato nel catalogo: {u}", file=sys.stderr)
        # lupdate writes the file back in its own layout, so an import and a refresh give the same bytes
        lupdate(source_files(args.sources), ts_path("en"), "en")
        lrelease(ts_path("en"), qm_path("en"), "en")
        print(f"{done} traduzioni importate")
        return 0
    update(args.sources)
    return 0


if __name__ == "__main__":
    sys.exit(main())
