"""MyPay's own rules that the sandbox applies on top of ``domain.debts.validate_debt``.

- IUV acceptance exactly as MyPay's ``Utilities.validaIUV`` (mypay4-interfaces.md §4.3): an IUV17 the
  Ente supplies must start with the Ente's code and must not have ``00`` in positions 3-4, *unless*
  the row says ``flagGeneraIuv=true`` (then any 17-character IUV passes). Check digits are not verified
  (MyPay does not verify them either). A new IUV15 is refused for insertions (closed since 30/04/2024).
- IUV17 generation as MyPay does it: segregation code + ``00`` + 11-digit progressive + check digits.
- Field errors (MyPay column names) -> the real ``PAA_IMPORT_SINTASSI_CSV_<X>`` codes of the SCARTI file.
"""

from __future__ import annotations

from datetime import date

from mypay_desk.domain.codes import check_digits
from mypay_desk.domain.ente import FieldError

IUV15_LAST_DAY = date(2024, 4, 30)  # pa.dataLimiteNuoviIuv15 default

SINTASSI = "PAA_IMPORT_SINTASSI_CSV"

# MyPay column name -> suffix of PAA_IMPORT_SINTASSI_CSV_<X>; None = generic read error (length, missing).
_COLUMN_CODES: dict[str, str | None] = {
    "IUD": "IUD",
    "codIuv": "IUV",
    "tipoIdentificativoUnivoco": "ID_UNIV_FG",
    "anagraficaPagatore": None,
    "indirizzoPagatore": "INDIRIZZO",
    "civicoPagatore": "CIVICO",
    "capPagatore": "CAP",
    "localitaPagatore": None,
    "provinciaPagatore": "PROV",
    "nazionePagatore": "NAZ",
    "emailPagatore": "EMAIL",
    "dataScadenzaPagamento": "DATA_SCADENZA_PAGAMENTO",
    "importoDovuto": "IMPORTO",
    "commissioneCaricoPa": "COMMISSIONI_PA",
    "tipoDovuto": "TIPO_DOVUTO",
    "tipoVersamento": "TIPO_VERS",
    "causaleVersamento": None,
    "datiSpecificiRiscossione": "DATI_RISCOSS",
    "bilancio": "BILANCIO",
    "flagGeneraIuv": None,
    "flagMultiBeneficiario": None,
    "codiceFiscaleEnteSecondario": "COD_FISC_ENTE_SECONDARIO",
    "denominazioneEnteSecondario": None,
    "ibanAccreditoEnteSecondario": "IBAN_ACCREDITO_ENTE_SECONDARIO",
    "indirizzoEnteSecondario": "INDIRIZZO_ENTE_SECONDARIO",
    "civicoEnteSecondario": "CIVICO_ENTE_SECONDARIO",
    "capEnteSecondario": "CAP_ENTE_SECONDARIO",
    "localitaEnteSecondario": None,
    "provinciaEnteSecondario": "PROV_ENTE_SECONDARIO",
    "nazioneEnteSecondario": "NAZ_ENTE_SECONDARIO",
    "datiSpecificiRiscossioneEnteSecondario": "DATI_RISCOSS_ENTE_SECONDARIO",
    "causaleVersamentoEnteSecondario": None,
    "importoVersamentoEnteSecondario": "IMPORTO_VERS_ENTE_SECONDARIO",
    "azione": "AZIONE",
}


# The order of validaElabora's checks (ImportFlussoTaskService.java): the codes of a row come in this order.
CHECK_ORDER = [f"{SINTASSI}_{x}" for x in (
    "IUD", "IUV", "TIPO_DOVUTO_INESISTENTE", "TIPO_DOVUTO_NON_ATTIVO_PER_ENTE", "TIPO_DOVUTO_NON_VALIDO_MARCA_DA_BOLLO",
    "TIPO_DOVUTO", "COD_FISC", "P_IVA", "ID_UNIV_FG", "COD_FISC_P_IVA", "INDIRIZZO", "CIVICO", "NAZ", "PROV", "CAP",
    "NAZ_PROV_CAP", "EMAIL", "DATA_SCADENZA_PAGAMENTO_NON_PRESENTE", "DATA_SCADENZA_PAGAMENTO", "IMPORTO",
    "COMMISSIONI_PA", "TIPO_VERS", "DATI_RISCOSS", "BILANCIO", "COD_FISC_ENTE_SECONDARIO",
    "IBAN_ACCREDITO_ENTE_SECONDARIO", "INDIRIZZO_ENTE_SECONDARIO", "CIVICO_ENTE_SECONDARIO", "NAZ_ENTE_SECONDARIO",
    "PROV_ENTE_SECONDARIO", "CAP_ENTE_SECONDARIO", "DATI_RISCOSS_ENTE_SECONDARIO", "IMPORTO_VERS_ENTE_SECONDARIO")]


def in_check_order(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(code, description) pairs sorted as validaElabora finds them (unknown codes last, in their order)."""
    rank = {c: i for i, c in enumerate(CHECK_ORDER)}
    return sorted(pairs, key=lambda p: rank.get(p[0], len(rank)))


def mypay_iuv17(segregation_code: str, progressive: int) -> str:
    """An IUV17 as MyPay generates it: ``<segr><00><11-digit progressive><check>``."""
    if not 1 <= progressive < 10**11:
        raise ValueError("progressivo IUV fuori intervallo")
    body = f"{segregation_code}00{progressive:011d}"
    return body + check_digits("3" + body)


def iuv_acceptable(iuv: str, generate_flag: bool, segregation_code: str, for_insert: bool,
                   today: date | None = None) -> bool:
    if not iuv:
        return True
    if len(iuv) == 15:
        if for_insert and (today or date.today()) > IUV15_LAST_DAY:
            return False
        return not iuv.startswith("00")
    if len(iuv) == 25:
        if iuv.endswith("0000"):
            return iuv[6] == "9" and iuv[7] == "9"
        return True
    if len(iuv) == 17:
        if generate_flag:
            return True
        return iuv.startswith(segregation_code) and iuv[2:4] != "00"
    return False


def iuv_problem(iuv: str, segregation_code: str, for_insert: bool) -> str:
    """Why ``iuv_acceptable`` said no, in words (the SCARTI description)."""
    if len(iuv) == 15 and for_insert:
        return "IUV di 15 cifre non più ammesso per nuovi dovuti (dal 30/04/2024): usa uno IUV17"
    if len(iuv) == 17 and not iuv.startswith(segregation_code):
        return f"Lo IUV deve iniziare con il codice dell'Ente ({segregation_code})"
    if len(iuv) == 17:
        return ("Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da MyPay: "
                "ometti lo IUV o indica flagGeneraIuv=true")
    return "Lunghezza dello IUV non valida: 15, 17 o 25 caratteri"


def code_for_error(err: FieldError, debtor_type: str) -> str:
    """PAA_IMPORT_SINTASSI_CSV_<X> for a validate_debt error (generic PAA_IMPORT_SINTASSI_CSV otherwise)."""
    if err.field == "codiceIdentificativoUnivoco":
        suffix = {"F": "COD_FISC", "G": "P_IVA"}.get(debtor_type, "ID_UNIV_FG")
    else:
        suffix = _COLUMN_CODES.get(err.field)
    return f"{SINTASSI}_{suffix}" if suffix else SINTASSI


# validaElabora appends these three without their "|" (``codErrori + "PAA_IMPORT_SINTASSI_CSV_COD_FISC"``), so
# they stick to the code before them: ``|PAA_IMPORT_SINTASSI_CSV_IUVPAA_IMPORT_SINTASSI_CSV_COD_FISC``.
_APPENDED_WITHOUT_BAR = frozenset({f"{SINTASSI}_COD_FISC", f"{SINTASSI}_COD_FISC_ENTE_SECONDARIO",
                                   f"{SINTASSI}_IBAN_ACCREDITO_ENTE_SECONDARIO"})


def join_codes(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    """(cod_rifiuto, de_rifiuto) as MyPay's validaElabora builds them (ImportFlussoTaskService.java): every code
    appended after a ``|`` (so the text starts with one), except the three it appends bare; every
    description after a ``|``. Each code once, in order."""
    codes: list[str] = []
    for code, _ in pairs:
        if code not in codes:
            codes.append(code)
    return ("".join(c if c in _APPENDED_WITHOUT_BAR else "|" + c for c in codes),
            "".join("|" + msg for _, msg in pairs))
