"""Notices written as a stream (notice_stream, notice_work) against the plain path (one reportlab
document), the fonts seeded for one encoding, the shared resources written once, the parts of killed
runs, and the CBILL line.

Both outputs are rasterised by pdfium and read back by zxing-cpp: the streamed output must show the
same text and carry the same barcodes, page by page.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from dataclasses import replace
from datetime import date

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mypay_desk.cli import main
from mypay_desk.domain.notice import clean_text
from mypay_desk.services.notice_barcodes import encode_pages
from mypay_desk.services.notice_files import PartFile, part_path, remove_stale_parts
from mypay_desk.services.notice_layout import NoticeWriter
from mypay_desk.services.notice_stream import PageCapture, PdfStream, copy_resources, resources_pdf
from mypay_desk.services.notices import sample_notice
from tests.unit.notice_support import add_debts, add_instalments, debt_row, make_list, read_pdf

ACCOUNT = "001234567890"


@pytest.fixture
def poste_ente(workspace, ente):
    return workspace.ente.save(replace(ente, postal_account=ACCOUNT, postal_holder="Comune di Prova Tesoreria",
                                       poste_authorization="AUT. DB/SSIC/E 1234 DEL 01/02/2024"))


def _varied_list(ws, ente) -> list[int]:
    """Single payments, instalments (1 to 5, one paid), accents, letters of other alphabets, an emoji,
    long texts: what the layout and the font encoding have to get right."""
    list_id = make_list(ws, ente.id, "TARI 2025")
    names = ["Nicolò Cantù", "Łukasz Żółć", "Ödön Győző", "Жанна Петрова", "Zoë D'Annunzio 😀",
             "Bartolomeo Massimiliano Giovanbattista Ferdinando Sanseverino", "Anna Verdi", "Ugo Rossi"]
    rows = [debt_row(ente.id, list_id, i, debtor_name=name, amount_cents=[1, 99, 150_000, 99_999_999][i % 4],
                     causale=f"TARI 2025 – saldo «{i}» € " + "utenza domestica " * (i % 3))
            for i, name in enumerate(names)]
    ids = add_debts(ws, ente.id, list_id, rows)
    for n, parent in zip((1, 2, 3, 5), ids[4:], strict=True):
        add_instalments(ws, parent, [100 + k for k in range(n)], [date(2025, 2 + k, 1) for k in range(n)],
                        {1: {"state": "PAGATO", "paid_amount_cents": 100}} if n == 3 else None)
    return ids


def _pages(path):
    return [(text, sorted(codes)) for text, codes in read_pdf(path.read_bytes())]


@pytest.mark.parametrize("poste", [True, False])
def test_streamed_pdf_shows_what_the_plain_path_shows(workspace, ente, tmp_path, monkeypatch, request, poste):
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 3)  # several chunks, each laid out on its own
    _varied_list(workspace, request.getfixturevalue("poste_ente") if poste else ente)
    streamed, plain = tmp_path / "s.pdf", tmp_path / "p.pdf"
    a = workspace.notices.print_notices(streamed, list_name="TARI 2025")
    b = workspace.notices.print_notices(plain, list_name="TARI 2025", plain=True)
    assert (a.printed, a.pages, a.skipped) == (b.printed, b.pages, b.skipped) and a.pages == 8 + 5
    got, want = _pages(streamed), _pages(plain)
    assert got == want
    # 4 single payments; instalments 1, 2, 5 with their rata unica; 3 with one paid: its 2 open ones only
    assert sum(len(codes) for _, codes in got) == (2 if poste else 1) * (4 + 2 + 3 + 6 + 2)
    assert any("Łukasz Żółć" in text for text, _ in got) and any("Győző" in text for text, _ in got)
    with pikepdf.open(streamed) as pdf:
        assert len(pdf.pages) == a.pages and pdf.check_pdf_syntax() == []


def test_streamed_zip_shows_what_the_plain_zip_shows(workspace, poste_ente, tmp_path, monkeypatch):
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 3)
    _varied_list(workspace, poste_ente)
    streamed, plain = tmp_path / "s.zip", tmp_path / "p.zip"
    workspace.notices.print_notices(streamed, list_name="TARI 2025", zip=True)
    workspace.notices.print_notices(plain, list_name="TARI 2025", zip=True, plain=True)
    with zipfile.ZipFile(streamed) as zs, zipfile.ZipFile(plain) as zp:
        assert sorted(zs.namelist()) == sorted(zp.namelist()) and len(zs.namelist()) == 8
        for name in zs.namelist():
            a, b = read_pdf(zs.read(name)), read_pdf(zp.read(name))
            assert [(t, sorted(c)) for t, c in a] == [(t, sorted(c)) for t, c in b], name
            with pikepdf.open(io.BytesIO(zs.read(name))) as pdf:
                assert pdf.check_pdf_syntax() == []
                assert str(pdf.docinfo["/Title"]) == f"Avviso di pagamento {name[:-4]}"


def test_fonts_and_forms_are_written_once_whatever_the_chunks(workspace, poste_ente, tmp_path, monkeypatch):
    list_id = make_list(workspace, poste_ente.id, "TARI 2025")
    add_debts(workspace, poste_ente.id, list_id, [debt_row(poste_ente.id, list_id, i) for i in range(40)])

    def objects(path):
        with pikepdf.open(path) as pdf:
            fonts = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o.stream_dict]
            forms = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)
                     and o.stream_dict.get("/Subtype") == "/Form"]
            return len(fonts), len(forms)

    one, many = tmp_path / "one.pdf", tmp_path / "many.pdf"
    workspace.notices.print_notices(one, list_name="TARI 2025")  # one chunk
    monkeypatch.setattr("mypay_desk.services.notices.CHUNK", 2)
    workspace.notices.print_notices(many, list_name="TARI 2025")  # 20 chunks
    fonts, forms = objects(many)
    assert (fonts, forms) == objects(one) and forms == 1 and 4 <= fonts <= 6
    assert abs(many.stat().st_size - one.stat().st_size) < 1_000
    # and a notice costs what its page costs: 40 notices are not 40 times one
    single = tmp_path / "single.pdf"
    workspace.notices.print_notices(single, iuds=["IUD000000"], list_name="TARI 2025")
    assert one.stat().st_size < single.stat().st_size + 39 * 2_500


def test_seeded_documents_encode_text_alike_whatever_they_drew_before():
    """Two pieces laid out apart must use the same codes, else one copy of the fonts cannot serve both."""
    n = sample_notice(poste=True, instalments=3)
    odd = replace(n, debtor=replace(n.debtor, name="Ζωή Łukasz Ödön Győző"), subject="Ž ő ł … € «»")
    first, second = PageCapture(), PageCapture()
    second.lay_out(odd)
    assert first.lay_out(n) == second.lay_out(n)
    assert first.forms.keys() <= second.forms.keys()


def test_the_fonts_embed_only_the_glyphs_drawn():
    n = sample_notice(poste=False)
    capture = PageCapture()
    capture.lay_out(n)
    small = resources_pdf(capture.forms, capture.used_chars())
    everything = {name: set(chr(c) for c in range(32, 0x250)) for name in capture.used_chars()}
    big = resources_pdf(capture.forms, everything)
    assert len(small) < len(big) * 0.75


def test_pdf_stream_page_tree_across_nodes(monkeypatch):
    monkeypatch.setattr(PdfStream, "NODE_SIZE", 2)
    notices = [replace(sample_notice(poste=False), subject=f"Avviso numero {i}") for i in range(5)]
    capture = PageCapture()
    buf = io.BytesIO()
    pdf = PdfStream(buf, title="Prova – àè")
    for n in notices:
        for content, barcodes in zip(capture.lay_out(n), encode_pages(NoticeWriter.jobs(n)), strict=True):
            pdf.add_page([content, barcodes])
    with pytest.raises(ValueError, match="resources"):
        pdf.add_resources(*copy_resources(resources_pdf(capture.forms, capture.used_chars()), 1), 1)
    first = pdf.next_number
    pdf.add_resources(*copy_resources(resources_pdf(capture.forms, capture.used_chars()), first), first)
    pdf.close()
    with pikepdf.open(io.BytesIO(buf.getvalue())) as doc:
        assert len(doc.pages) == 5 and doc.check_pdf_syntax() == []
        assert str(doc.docinfo["/Title"]) == "Prova – àè"
    texts = [t for t, _ in read_pdf(buf.getvalue())]
    assert [re.search(r"Avviso numero (\d)", t).group(1) for t in texts] == list("01234")


def test_a_pdf_stream_without_resources_is_refused():
    pdf = PdfStream(io.BytesIO(), title="x")
    with pytest.raises(ValueError, match="resources"):
        pdf.close()


# --- CBILL (issue 12) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("plain", [False, True])
def test_no_cbill_line_when_the_ente_has_no_cbill_code(workspace, ente, tmp_path, plain):
    list_id = make_list(workspace, ente.id, "TARI 2025")
    ids = add_debts(workspace, ente.id, list_id, [debt_row(ente.id, list_id, i) for i in range(2)])
    add_instalments(workspace, ids[1], [6_000, 6_345], [date(2025, 2, 1), date(2025, 3, 1)])
    with_code, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    workspace.notices.print_notices(with_code, list_name="TARI 2025", plain=plain)
    assert ente.cbill == "AAAAA"
    for text, _ in read_pdf(with_code.read_bytes()):
        assert "Cod. CBILL" in text and "AAAAA" in text
    workspace.ente.save(replace(ente, cbill="  "))
    workspace.notices.print_notices(without, list_name="TARI 2025", plain=plain)
    pages = read_pdf(without.read_bytes())
    assert len(pages) == 3
    for text, codes in pages:
        assert "Cod. CBILL" not in text and "AAAAA" not in text
        assert codes  # the rest of the payment data is still there
        assert "Cod. Avviso" in text


# --- parts left by killed runs (issue 14) ------------------------------------------------------------

def test_stale_parts_are_removed_and_reported(workspace, ente, tmp_path, capsys):
    list_id = make_list(workspace, ente.id, "TARI 2025")
    add_debts(workspace, ente.id, list_id, [debt_row(ente.id, list_id, 0)])
    (tmp_path / ".avvisi.zip.part").write_bytes(b"PK\x03\x04 half a zip")
    (tmp_path / ".vecchio.pdf.part").write_bytes(b"%PDF-1.4 half a pdf")
    (tmp_path / ".vuoto.pdf.part").write_bytes(b"")
    kept = [tmp_path / ".appunti.txt.part", tmp_path / ".altro.pdf.part", tmp_path / "visibile.pdf.part"]
    kept[0].write_bytes(b"%PDF- not ours: not a pdf/zip name")
    kept[1].write_bytes(b"not a PDF at all")
    kept[2].write_bytes(b"%PDF- not hidden")
    out = tmp_path / "avvisi.zip"
    code = main(["--workspace", str(workspace.path), "notices", "print", "TARI 2025", "-o", str(out), "--zip",
                 "--json"])
    stdout, stderr = capsys.readouterr()
    assert code == 0
    doc = json.loads(stdout)
    assert sorted(doc["removed_partial_files"]) == sorted(
        str(tmp_path / n) for n in (".avvisi.zip.part", ".vecchio.pdf.part", ".vuoto.pdf.part"))
    assert "interrotta" in stderr and ".avvisi.zip.part" in stderr
    assert all(p.exists() for p in kept) and zipfile.is_zipfile(out)
    assert sorted(p.name for p in tmp_path.glob(".*.part")) == [".altro.pdf.part", ".appunti.txt.part"]
    # nothing left this time: nothing said
    code = main(["--workspace", str(workspace.path), "notices", "print", "TARI 2025", "-o", str(out)])
    assert code == 0 and "interrotta" not in capsys.readouterr().err


def test_a_part_being_written_is_left_alone(tmp_path):
    out = tmp_path / "avvisi.pdf"
    part = PartFile(out)
    part.file.write(b"%PDF-1.4\n")
    part.file.flush()
    assert remove_stale_parts(tmp_path) == [] and part_path(out).exists()
    with pytest.raises(Exception, match="già in stampa"):
        PartFile(out)
    part.file.write(b"%%EOF\n")
    part.commit()
    assert out.read_bytes() == b"%PDF-1.4\n%%EOF\n" and not part_path(out).exists()


# --- text cleaning fast path ---------------------------------------------------------------------------

def _clean_text_reference(text: str) -> str:
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
       | st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u200bAbc", max_size=20))
def test_clean_text_fast_path_agrees_with_the_character_by_character_rule(text):
    assert clean_text(text) == _clean_text_reference(text)


def test_single_notice_files_share_their_fonts_unless_a_name_needs_more(monkeypatch):
    from mypay_desk.services import notice_work

    monkeypatch.setattr(notice_work, "_resource_cache", notice_work.OrderedDict())
    base = sample_notice(poste=True)
    names = ["Mario Rossi", "Anna Maria Dell'Acqua", "Nicolò Cantù", "Łukasz Żółć"]
    chunk = notice_work.zip_chunk([replace(base, debtor=replace(base.debtor, name=n)) for n in names])
    files = [notice_work.single_pdf(item, chunk.forms) for item in chunk.notices]
    assert len(notice_work._resource_cache) == 2  # the Polish letters need glyphs of their own
    for item, data, name in zip(chunk.notices, files, names, strict=True):
        [(text, codes)] = read_pdf(data)
        assert name in text and len(codes) == 2 and len(item.pages) == 1 and item.stem == base.file_stem


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(6)), st.data())
def test_seeded_fast_encoding_agrees_with_reportlab(font_index, data):
    """The table lookup of a seeded document gives what reportlab's own character loop gives."""
    from reportlab.pdfbase.ttfonts import TTFont

    from mypay_desk.services import notice_fonts as F

    font = F.font(F.ORDER[font_index])
    doc = PageCapture().c._doc
    alphabet = st.sampled_from(list(font._all_chars[:300]) + ["\xa0", "\u4e2d", "\U0001f600", "\x00", "Ж"])
    for text in data.draw(st.lists(st.text(alphabet=alphabet, max_size=30), min_size=1, max_size=5)):
        assert font.splitString(text, doc) == TTFont.splitString(font, text, doc)
