"""NoticeService end to end: debts in the store -> PDF -> rasterised by pdfium -> read back by zxing-cpp.

The barcodes must carry exactly the payloads of pagopa-standards.md §2.5/§2.6 for each debt, and the
text fields must be on the page.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from dataclasses import replace
from datetime import date

import pypdfium2 as pdfium
import pytest

from mypay_desk.cli import main
from mypay_desk.domain.ente import DebtTypeData
from mypay_desk.services import notice_work
from mypay_desk.services.errors import Cancelled, UserError
from mypay_desk.services.notices import render_sample_notice
from mypay_desk.services.progress import CancelToken
from tests.unit.notice_support import add_debts, add_instalments, debt_row, make_list, page_count, read_pdf

CF_ENTE = "01199250158"
ACCOUNT = "001234567890"


def qr(nav: str, cents: int) -> str:
    return f"PAGOPA|002|{nav}|{CF_ENTE}|{cents}"


def dm(nav: str, cents: int, debtor_cf: str, name: str, subject: str) -> str:
    return ("codfase=NBPA;" + "18" + nav + "12" + ACCOUNT + "10" + f"{cents:010d}" + "3896" + "1P1" + CF_ENTE
            + debtor_cf.ljust(16) + name.upper().ljust(40)[:40] + subject.upper().ljust(110)[:110]
            + " " * 12 + "A")


@pytest.fixture
def poste_ente(workspace, ente):
    return workspace.ente.save(replace(ente, postal_account=ACCOUNT, postal_holder="Comune di Prova Tesoreria",
                                       poste_authorization="AUT. DB/SSIC/E 1234 DEL 01/02/2024"))


def _list(ws, ente, rows_overrides, name="TARI 2025"):
    list_id = make_list(ws, ente.id, name)
    rows = [debt_row(ente.id, list_id, i, **o) for i, o in enumerate(rows_overrides)]
    ids = add_debts(ws, ente.id, list_id, rows)
    return list_id, rows, ids


def test_single_payment_notices_carry_the_spec_payloads_and_text(workspace, poste_ente, tmp_path):
    ws = workspace
    _, rows, _ = _list(ws, poste_ente, [
        {"amount_cents": 12_345, "debtor_name": "Mario Rossi", "causale": "TARI 2025 acconto"},
        {"amount_cents": 150_000, "debtor_name": "Anna Verdi", "debtor_code": "VRDNNA90C41L219L",
         "causale": "TARI 2025 saldo", "due_date": date(2025, 6, 30)},
    ])
    out = tmp_path / "avvisi.pdf"
    result = ws.notices.print_notices(out, list_name="TARI 2025")
    assert result.printed == 2 and result.pages == 2 and result.skipped == []
    assert result.output == out and not list(tmp_path.glob(".*.part"))
    pages = read_pdf(out.read_bytes())
    assert len(pages) == 2
    for (text, codes), row in zip(pages, rows, strict=True):
        nav, cents = row["notice_number"], row["amount_cents"]
        assert sorted(codes) == sorted([
            ("QRCode", qr(nav, cents)),
            ("DataMatrix", dm(nav, cents, row["debtor_code"], row["debtor_name"], row["causale"])),
        ])
        grouped = " ".join(nav[i:i + 4] for i in range(0, 18, 4))
        for expected in (row["debtor_name"], row["debtor_code"], row["causale"], grouped, "Comune di Prova",
                         CF_ENTE, "AAAAA", ACCOUNT, "Comune di Prova Tesoreria", "AUT. DB/SSIC/E 1234 DEL 01/02/2024",
                         "Via Roma 10, 20100 Milano (MI)", "Servizi tributari", "BOLLETTINO POSTALE PA",
                         "Rata unica entro il " + row["due_date"].strftime("%d/%m/%Y")):
            assert expected in text, expected
    assert "123,45 Euro" in pages[0][0] and "1.500,00 Euro" in pages[1][0]


def test_without_postal_account_no_bollettino(workspace, ente, tmp_path):
    _, rows, _ = _list(workspace, ente, [{"amount_cents": 999}])
    out = tmp_path / "a.pdf"
    workspace.notices.print_notices(out, list_name="TARI 2025")
    [(text, codes)] = read_pdf(out.read_bytes())
    assert codes == [("QRCode", qr(rows[0]["notice_number"], 999))]
    assert "BOLLETTINO POSTALE PA" not in text and "9,99 Euro" in text


def test_instalments_get_their_own_pages_and_codes(workspace, poste_ente, tmp_path):
    ws = workspace
    _, rows, ids = _list(ws, poste_ente, [{"amount_cents": 50_000, "causale": "TARI 2025 in rate"}])
    dues = [date(2025, m, 28) for m in range(2, 7)]
    add_instalments(ws, ids[0], [10_000] * 5, dues)
    out = tmp_path / "rate.pdf"
    result = ws.notices.print_notices(out, list_name="TARI 2025")
    assert result.printed == 1 and result.pages == 3  # page 1 + instalments 3 + 2
    pages = read_pdf(out.read_bytes())
    parent = rows[0]
    assert sorted(c for c in pages[0][1]) == sorted([
        ("QRCode", qr(parent["notice_number"], 50_000)),
        ("DataMatrix", dm(parent["notice_number"], 50_000, parent["debtor_code"], parent["debtor_name"],
                          parent["causale"])),
    ])
    assert "oppure in 5 rate" in pages[0][0]
    from sqlalchemy import select

    from mypay_desk.store.models import Debt

    with ws.db.session() as s:
        children = list(s.execute(select(Debt.notice_number, Debt.instalment_number, Debt.due_date)
                                  .where(Debt.parent_id == ids[0]).order_by(Debt.instalment_number)))
    expected_qr = [("QRCode", qr(n, 10_000)) for n, _, _ in children]
    got_qr = [c for _, codes in pages[1:] for c in codes if c[0] == "QRCode"]
    got_dm = [c for _, codes in pages[1:] for c in codes if c[0] == "DataMatrix"]
    assert sorted(got_qr) == sorted(expected_qr)
    assert sorted(t for _, t in got_dm) == sorted(
        dm(n, 10_000, parent["debtor_code"], parent["debtor_name"], parent["causale"]) for n, _, _ in children)
    assert len(pages[1][1]) == 6 and len(pages[2][1]) == 4
    for number, due in [(1, dues[0]), (3, dues[2])]:
        assert f"Rata {number}" in pages[1][0] and due.strftime("%d/%m/%Y") in pages[1][0]
    assert "Rata 5" in pages[2][0]


def test_paid_instalment_drops_the_single_payment(workspace, ente, tmp_path):
    ws = workspace
    _, rows, ids = _list(ws, ente, [{"amount_cents": 30_000}])
    add_instalments(ws, ids[0], [10_000] * 3, [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)],
                    {1: {"state": "PAGATO", "paid_amount_cents": 10_000}})
    out = tmp_path / "a.pdf"
    result = ws.notices.print_notices(out, list_name="TARI 2025")
    assert result.printed == 1 and result.pages == 2
    pages = read_pdf(out.read_bytes())
    assert pages[0][1] == []  # no "rata unica" QR any more
    assert "non è più disponibile" in pages[0][0] and "200,00 Euro" in pages[0][0]
    assert "Rata 2" in pages[1][0] and "Rata 3" in pages[1][0] and "Rata 1" not in pages[1][0]
    assert len(pages[1][1]) == 2


def test_debts_that_cannot_have_a_notice_are_skipped_with_the_reason(workspace, ente, tmp_path):
    _, rows, _ = _list(workspace, ente, [
        {"iud": "OK1"},
        {"iud": "NOIUV", "iuv": "", "notice_number": ""},
        {"iud": "CANC", "state": "ANNULLATO"},
        {"iud": "PAID", "state": "PAGATO", "paid_amount_cents": 12_345},
        {"iud": "BAD", "is_valid": False},
    ])
    out = tmp_path / "a.pdf"
    result = workspace.notices.print_notices(out, list_name="TARI 2025")
    assert result.printed == 1 and page_count(out.read_bytes()) == 1
    reasons = {s.iud: s.reason for s in result.skipped}
    assert set(reasons) == {"NOIUV", "CANC", "PAID", "BAD"}
    assert "numero avviso" in reasons["NOIUV"] and "annullato" in reasons["CANC"]
    assert "pagato" in reasons["PAID"] and "non validi" in reasons["BAD"]
    assert result.to_json()["skipped"][0].keys() == {"iud", "reason"}


def test_nothing_printable_writes_no_file(workspace, ente, tmp_path):
    _list(workspace, ente, [{"notice_number": "", "iuv": ""}])
    folder = tmp_path / "out"
    folder.mkdir()
    result = workspace.notices.print_notices(folder / "a.pdf", list_name="TARI 2025")
    assert result.printed == 0 and result.output is None
    assert not list(folder.iterdir())


def test_print_due_date_follows_the_tipo_dovuto(workspace, ente, tmp_path):
    workspace.ente.save_type(DebtTypeData(code="MENSA", description="Mensa scolastica", taxonomy="9/0201133IM/",
                                          anonymous_allowed=True, print_due_date=False, sector="Servizi scolastici"))
    _list(workspace, ente, [{"debt_type": "MENSA", "causale": "Mensa marzo", "debtor_code": "ANONIMO",
                             "due_date": date(2025, 4, 15)}])
    out = tmp_path / "a.pdf"
    workspace.notices.print_notices(out, list_name="TARI 2025")
    [(text, _)] = read_pdf(out.read_bytes())
    assert "15/04/2025" not in text and "Rata unica" in text
    assert "Servizi scolastici" in text  # the tipo dovuto's sector wins over the Ente's
    assert "ANONIMO" not in text


def test_selection_by_iud_and_by_ids(workspace, ente, tmp_path):
    _, rows, ids = _list(workspace, ente, [{"iud": f"D{i}"} for i in range(4)])
    child_ids = add_instalments(workspace, ids[3], [6_000, 6_345], [date(2025, 2, 1), date(2025, 3, 1)])
    out = tmp_path / "a.pdf"
    r = workspace.notices.print_notices(out, list_name="TARI 2025", iuds=["D2", "NOPE", "D0"])
    assert r.printed == 2 and [s.to_json() for s in r.skipped] == [
        {"iud": "NOPE", "reason": "IUD non trovato nella lista «TARI 2025»"}]
    texts = [t for t, _ in read_pdf(out.read_bytes())]
    assert rows[2]["debtor_name"] in texts[0] and rows[0]["debtor_name"] in texts[1]  # order of the request
    # an instalment id stands for its debt, printed once with all its pages
    r = workspace.notices.print_notices(out, debt_ids=[child_ids[1], ids[1], ids[3]])
    assert r.printed == 2 and r.pages == 1 + 2
    texts = [t for t, _ in read_pdf(out.read_bytes())]
    assert rows[3]["debtor_name"] in texts[0] and rows[1]["debtor_name"] in texts[2]


def test_unknown_list_is_a_user_error(workspace, ente, tmp_path):
    with pytest.raises(UserError, match="non trovata"):
        workspace.notices.print_notices(tmp_path / "a.pdf", list_name="NOPE")


def test_zip_has_one_pdf_per_debt_named_by_iuv(workspace, poste_ente, tmp_path):
    _, rows, ids = _list(workspace, poste_ente, [{}, {}, {"notice_number": "", "iuv": ""}])
    add_instalments(workspace, ids[1], [6_000, 6_345], [date(2025, 2, 1), date(2025, 3, 1)])
    out = tmp_path / "avvisi.zip"
    result = workspace.notices.print_notices(out, list_name="TARI 2025", zip=True)
    assert result.printed == 2 and len(result.skipped) == 1
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == sorted(f"{r['iuv']}.pdf" for r in rows[:2])
        first = zf.read(f"{rows[0]['iuv']}.pdf")
        second = zf.read(f"{rows[1]['iuv']}.pdf")
    [(text, codes)] = read_pdf(first)
    assert ("QRCode", qr(rows[0]["notice_number"], rows[0]["amount_cents"])) in codes
    assert page_count(second) == 2


def test_cancel_leaves_no_file(workspace, ente, tmp_path, monkeypatch):
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 2)
    _list(workspace, ente, [{} for _ in range(7)])
    token = CancelToken()
    seen = []

    def progress(done, total, message=""):
        seen.append((done, total))
        if done >= 2:
            token.cancel()

    out = tmp_path / "a.pdf"
    with pytest.raises(Cancelled):
        workspace.notices.print_notices(out, list_name="TARI 2025", progress=progress, cancel=token)
    assert not out.exists() and not list(tmp_path.glob(".*"))
    assert seen[0] == (0, 7) and (2, 7) in seen


def test_progress_reaches_the_total(workspace, ente, tmp_path, monkeypatch):
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 3)
    _list(workspace, ente, [{} for _ in range(7)])
    seen = []
    workspace.notices.print_notices(tmp_path / "a.pdf", list_name="TARI 2025",
                                    progress=lambda d, t, m="": seen.append((d, t)))
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_long_texts_are_cut_to_the_field_limits(workspace, ente, tmp_path):
    long_name = "Bartolomeo Massimiliano Giovanbattista Ferdinando Sanseverino di Bisignano"  # 74 > 70
    long_subject = "Canone unico patrimoniale " * 10
    _list(workspace, ente, [{"debtor_name": long_name[:70], "causale": long_subject}])
    out = tmp_path / "a.pdf"
    workspace.notices.print_notices(out, list_name="TARI 2025")
    [(text, codes)] = read_pdf(out.read_bytes())
    assert "Bartolomeo Massimiliano" in text
    assert "Canone unico patrimoniale Canone unico" in text and "…" in text
    assert len(codes) == 1


def test_fonts_are_embedded_and_the_logo_is_grayscale(workspace, ente, tmp_path):
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 32), (200, 20, 20)).save(buf, "PNG")
    workspace.ente.save(replace(ente, logo=buf.getvalue()))
    _list(workspace, ente, [{}])
    out = tmp_path / "a.pdf"
    workspace.notices.print_notices(out, list_name="TARI 2025")
    data = out.read_bytes()
    assert data.count(b"/FontFile2") >= 3
    for name in (b"TitilliumWeb-Bold", b"TitilliumWeb-Black", b"RobotoMono-Bold"):
        assert name in data
    pdf = pdfium.PdfDocument(data)
    images = [o for o in pdf[0].get_objects(max_depth=3) if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    # the barcodes are 1-bit image masks; the only picture is the logo
    pictures = [o for o in images if o.get_metadata().bits_per_pixel > 1]
    assert len(pictures) == 1
    assert pictures[0].get_bitmap().to_pil().mode == "L"
    pdf.close()


def test_sample_notice_for_the_smoke_test():
    data = render_sample_notice()
    assert data.startswith(b"%PDF")
    [(text, codes)] = read_pdf(data)
    kinds = sorted(k for k, _ in codes)
    assert kinds == ["DataMatrix", "QRCode"]
    assert all(t.startswith(("PAGOPA|002|", "codfase=NBPA;")) for _, t in codes)


def _warm_pool(monkeypatch, made: list):
    """Worker processes for any run, started before the run goes on (so they do take chunks)."""
    monkeypatch.setattr(notice_work, "POOL_THRESHOLD", 1)
    monkeypatch.setenv("MYPAY_DESK_NOTICE_WORKERS", "1")
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 2)

    def warm_pool(total):
        pool = notice_work.make_pool(total)
        deadline = time.monotonic() + 30
        while not pool.ready() and time.monotonic() < deadline:  # let the spawned worker start
            time.sleep(0.02)
        made.append(pool)
        return pool

    monkeypatch.setattr("mypay_desk.services.notices.make_pool", warm_pool)


@pytest.mark.parametrize("as_zip", [False, True])
def test_worker_processes_draw_the_same_notices(workspace, poste_ente, tmp_path, monkeypatch, as_zip):
    _, rows, ids = _list(workspace, poste_ente, [{"amount_cents": 1_000 + i} for i in range(6)])
    add_instalments(workspace, ids[4], [600, 400], [date(2025, 2, 1), date(2025, 3, 1)])
    suffix = ".zip" if as_zip else ".pdf"
    inline = tmp_path / f"inline{suffix}"
    workspace.notices.print_notices(inline, list_name="TARI 2025", zip=as_zip)
    made: list = []
    _warm_pool(monkeypatch, made)
    assert notice_work.worker_count(6) == 1
    pooled = tmp_path / f"pooled{suffix}"
    result = workspace.notices.print_notices(pooled, list_name="TARI 2025", zip=as_zip)
    assert isinstance(made[0], notice_work.WorkerPool) and made[0].submitted >= 1
    assert result.printed == 6 and result.pages == 7

    def pages(path):
        if not as_zip:
            return read_pdf(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            return [p for name in sorted(zf.namelist()) for p in read_pdf(zf.read(name))]

    a, b = pages(inline), pages(pooled)
    assert [(t, sorted(c)) for t, c in a] == [(t, sorted(c)) for t, c in b]
    assert all(any(("QRCode", qr(r["notice_number"], r["amount_cents"])) in c for _, c in b) for r in rows)


# --- command line ----------------------------------------------------------------------------------

def _cli(ws_path, *args, capsys):
    code = main(["--workspace", str(ws_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_notices_print_json(workspace, ente, tmp_path, capsys):
    _list(workspace, ente, [{"iud": "A1"}, {"iud": "A2", "state": "ANNULLATO"}])
    out = tmp_path / "cli.pdf"
    code, stdout, _ = _cli(workspace.path, "notices", "print", "TARI 2025", "-o", str(out), "--json", capsys=capsys)
    assert code == 0
    doc = json.loads(stdout)
    assert doc["printed"] == 1 and doc["output"] == str(out)
    assert doc["skipped"] == [{"iud": "A2", "reason": "dovuto annullato"}]
    assert page_count(out.read_bytes()) == 1
    code, stdout, _ = _cli(workspace.path, "notices", "print", "--iud", "A1", "-o", str(tmp_path / "z.zip"),
                           "--zip", "--json", capsys=capsys)
    assert code == 0 and json.loads(stdout)["printed"] == 1
    assert zipfile.is_zipfile(tmp_path / "z.zip")


def test_cli_exit_statuses(workspace, ente, tmp_path, capsys):
    _list(workspace, ente, [{"iud": "C1", "state": "ANNULLATO"}])
    code, stdout, err = _cli(workspace.path, "notices", "print", "TARI 2025", "-o", str(tmp_path / "a.pdf"),
                             "--json", capsys=capsys)
    assert code == 1 and json.loads(stdout)["printed"] == 0 and "Nessun avviso" in err
    code, _, err = _cli(workspace.path, "notices", "print", "NOPE", "-o", str(tmp_path / "a.pdf"), capsys=capsys)
    assert code == 1 and "NOPE" in err
    with pytest.raises(SystemExit) as exc:
        main(["--workspace", str(workspace.path), "notices", "print", "-o", str(tmp_path / "a.pdf")])
    assert exc.value.code == 2


def test_varied_notices_all_read_back_exactly(workspace, poste_ente, tmp_path):
    """Names with accents, odd amounts and long subjects: every symbol decodes to its payload."""
    import random

    rnd = random.Random(7)
    first = ["Nicolò", "Zoë", "Ugo", "Maria Grazia", "Jean-Luc", "Ludovica"]
    last = ["D'Annunzio", "Cantù", "Rossi", "Dell'Acqua", "Müller", "Esposito Lò Bianco"]
    overrides = []
    for i in range(10):
        overrides.append({
            "debtor_name": f"{rnd.choice(first)} {rnd.choice(last)}",
            "amount_cents": rnd.choice([1, 99, 100_000, 99_999_999, rnd.randint(1, 9_999_999)]),
            "causale": " ".join(rnd.choice(["TARI", "saldo", "acconto", "utenza", "n.", str(i), "–", "€"])
                                for _ in range(rnd.randint(1, 40))),
        })
    _, rows, _ = _list(workspace, poste_ente, overrides)
    out = tmp_path / "v.pdf"
    assert workspace.notices.print_notices(out, list_name="TARI 2025").printed == 10
    from mypay_desk.domain.notice import clip, poste_datamatrix_payload

    for (text, codes), row in zip(read_pdf(out.read_bytes()), rows, strict=True):
        nav, cents = row["notice_number"], row["amount_cents"]
        subject = clip(row["causale"], 90)
        assert sorted(codes) == sorted([
            ("QRCode", qr(nav, cents)),
            ("DataMatrix", poste_datamatrix_payload(nav, ACCOUNT, cents, CF_ENTE, row["debtor_code"],
                                                    row["debtor_name"], subject)),
        ])
        assert row["debtor_name"] in text


# CPython 3.11's pool, once broken, also tries to fail the futures this run had cancelled (to lay their
# chunks out here) and its own thread reports InvalidStateError: noise from the pool, not from the print.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_worker_that_dies_does_not_stop_the_print(workspace, poste_ente, tmp_path, monkeypatch):
    """A worker killed midway (out of memory, a user's task manager): the rest is laid out here."""
    import os
    import signal

    _, rows, _ = _list(workspace, poste_ente, [{"amount_cents": 2_000 + i} for i in range(12)])
    made: list = []
    _warm_pool(monkeypatch, made)
    real_submit = notice_work.WorkerPool.submit

    def submit_then_kill(self, fn, *args):
        future = real_submit(self, fn, *args)
        if self.submitted == 2:
            for pid in list(self._pool._processes):
                os.kill(pid, signal.SIGKILL)
        return future

    monkeypatch.setattr(notice_work.WorkerPool, "submit", submit_then_kill)
    out = tmp_path / "a.pdf"
    result = workspace.notices.print_notices(out, list_name="TARI 2025")
    assert made[0].submitted >= 2 and made[0].broken
    assert result.printed == 12 and result.pages == 12
    pages = read_pdf(out.read_bytes())
    assert [("QRCode", qr(r["notice_number"], r["amount_cents"])) in c for r, (_, c) in zip(rows, pages, strict=True)] \
        == [True] * 12
