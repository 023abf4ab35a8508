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


def join_codes(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    """(cod_rifiuto, de_rifiuto): codes joined by ``|`` (each once, in order), descriptions likewise.

    MyPay itself prefixes each code with ``|`` (so its cod_rifiuto starts with one); we write them
    without the leading bar. A reader should split on ``|`` and drop empty parts.
    """
    codes: list[str] = []
    for code, _ in pairs:
        if code not in codes:
            codes.append(code)
    return "|".join(codes), "|".join(msg for _, msg in pairs)
