"""MyPay's rules for one debt (mypay4-interfaces.md §1.3, §2.3, §4.3): reference tables, field checks with
Italian messages named by MyPay column, the secondary beneficiary, bilancio, duplicate IUDs."""

from __future__ import annotations

import re

from mypay_desk.domain.codes import (
    COLLECTION_DATA_RE,
    SECONDARY_TAXONOMY_RE,
    CodeError,
    is_reserved_for_mypay,
    validate_iuv,
)
from mypay_desk.domain.debts.fast_rules import (
    quick_ok,
)
from mypay_desk.domain.debts.record import (
    ACTIONS,
    COLUMN_BY_NAME,
    DEFAULT_VERSION,
    VERSIONS,
    Capitolo,
    DebtRecord,
    bilancio_total,
    causale_max_len,
)
from mypay_desk.domain.debts.reference import (
    _CONTROL_RE,
    ADDRESS_RE,
    COUNTRIES,
    EMAIL_RE,
    IBAN_RE,
    PAYMENT_TYPES,
    PROVINCES,
)
from mypay_desk.domain.ente import DebtTypeData, FieldError
from mypay_desk.domain.identity import ANONYMOUS, IdentityError, validate_debtor, validate_partita_iva
from mypay_desk.domain.money import MAX_AMOUNT_CENTS

# --- validation --------------------------------------------------------------------------------

def validate_debt(record: DebtRecord, debt_type: DebtTypeData | None, version: str = DEFAULT_VERSION, *,
                  on_portal: bool = False, segregation_code: str | None = None,
                  check_action: bool = False) -> list[FieldError]:
    """Check one debt as MyPay's import would. Returns errors (``field`` = MyPay column name).

    ``debt_type`` is the configured tipo dovuto named by ``record.debt_type`` (None when unknown).
    ``on_portal``: the portal already holds the debt (its IUV is then whatever the portal gave it).
    ``segregation_code``: the Ente's, to check IUV17s the Ente supplies itself.
    ``check_action``: also require a valid ``action`` (when checking rows of a flow file).
    """
    if quick_ok(record, debt_type, version, check_action):
        return []
    return validate_full(record, debt_type, version, on_portal=on_portal, segregation_code=segregation_code,
                          check_action=check_action)


def validate_full(record: DebtRecord, debt_type: DebtTypeData | None, version: str = DEFAULT_VERSION, *,
                   on_portal: bool = False, segregation_code: str | None = None,
                   check_action: bool = False) -> list[FieldError]:
    """Every rule, with its message (the slow path of validate_debt)."""
    errors: list[FieldError] = []

    def err(column: str, message: str) -> None:
        errors.append(FieldError(column, message))

    def length(column: str, value: str, max_len: int | None = None) -> bool:
        limit = max_len or COLUMN_BY_NAME[column].max_len
        if len(value) > limit:
            err(column, f"Troppo lungo: {len(value)} caratteri, al massimo {limit}")
            return False
        if _CONTROL_RE.search(value):
            err(column, "Contiene caratteri di controllo (a capo, tabulazioni): rimuovili")
            return False
        return True

    def required(column: str, value: str, what: str) -> bool:
        if not value.strip():
            err(column, f"{what} è obbligatorio")
            return False
        return length(column, value)

    if version not in VERSIONS:
        err("azione", f"Versione del tracciato «{version}» non valida: ammesse {', '.join(VERSIONS)}")
        return errors

    # IUD
    if required("IUD", record.iud, "L'IUD (identificativo univoco del dovuto)"):
        if record.iud.startswith("000"):
            err("IUD", "L'IUD non può iniziare con 000 (prefisso riservato a MyPay)")
        elif record.iud != record.iud.strip() or " " in record.iud:
            err("IUD", "L'IUD non può contenere spazi")

    # IUV (optional)
    if record.iuv and length("codIuv", record.iuv):
        try:
            kind = validate_iuv(record.iuv)
        except CodeError as exc:
            err("codIuv", str(exc))
        else:
            if kind == "IUV17" and not on_portal:
                if is_reserved_for_mypay(record.iuv):
                    err("codIuv", "Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da "
                                  "MyPay: lascia vuoto lo IUV o usane uno dell'Ente")
                elif segregation_code and not record.iuv.startswith(segregation_code):
                    err("codIuv", f"Lo IUV deve iniziare con il codice di segregazione dell'Ente "
                                  f"({segregation_code})")
            if kind == "IUV15" and record.iuv.startswith("00"):
                err("codIuv", "Uno IUV di 15 cifre non può iniziare con 00")

    # Debtor
    dtype = record.debtor_type
    if dtype not in ("F", "G"):
        err("tipoIdentificativoUnivoco",
            "Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)" if not dtype
            else f"Tipo soggetto «{dtype}» non valido: F (persona fisica) o G (persona giuridica)")
    if required("codiceIdentificativoUnivoco", record.debtor_code, "Il codice fiscale o la partita IVA") \
            and dtype in ("F", "G"):
        anonymous_ok = bool(debt_type and debt_type.anonymous_allowed)
        if record.debtor_code == ANONYMOUS and dtype == "F" and not anonymous_ok:
            err("codiceIdentificativoUnivoco",
                f"Debitore ANONIMO non ammesso: il tipo dovuto {record.debt_type or ''} non lo consente".replace(
                    "  ", " "))
        else:
            try:
                validate_debtor(dtype, record.debtor_code, anonymous_allowed=anonymous_ok)
            except IdentityError as exc:
                err("codiceIdentificativoUnivoco", str(exc))
    required("anagraficaPagatore", record.debtor_name, "Il nome del debitore (anagrafica)")
    if record.address and length("indirizzoPagatore", record.address) \
            and not ADDRESS_RE.fullmatch(record.address):
        err("indirizzoPagatore", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e . , ( ) / ' &")
    if record.civic and length("civicoPagatore", record.civic) and not ADDRESS_RE.fullmatch(record.civic):
        err("civicoPagatore", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e . , ( ) / ' &")
    country = record.country
    if country and length("nazionePagatore", country) and country not in COUNTRIES:
        err("nazionePagatore", f"Nazione «{country}» non valida: usa il codice ISO di due lettere (es. IT)")
    if record.postal_code and length("capPagatore", record.postal_code):
        if country in ("", "IT"):
            if not re.fullmatch(r"\d{5}", record.postal_code):
                err("capPagatore", f"CAP «{record.postal_code}» non valido: in Italia sono 5 cifre")
        elif not re.fullmatch(r"[A-Za-z0-9]{1,16}", record.postal_code):
            err("capPagatore", f"CAP «{record.postal_code}» non valido: solo lettere e cifre, senza spazi")
    if record.city:
        length("localitaPagatore", record.city)
    if record.province and length("provinciaPagatore", record.province):
        if record.province not in PROVINCES:
            err("provinciaPagatore", f"Provincia «{record.province}» non valida: usa la sigla di due lettere "
                                     "(es. MI)")
        elif country and country != "IT" and record.province != "EE":
            err("provinciaPagatore", "La provincia si indica solo per indirizzi in Italia (nazione IT)")
    if record.email and length("emailPagatore", record.email) and not EMAIL_RE.fullmatch(record.email):
        err("emailPagatore", f"Indirizzo e-mail «{record.email}» non valido")

    # Due date
    due_required = version in ("1_0", "1_1") or bool(debt_type and debt_type.due_date_required)
    if record.due_date is None and due_required:
        why = "nelle versioni 1_0 e 1_1" if version in ("1_0", "1_1") else \
            f"per il tipo dovuto {record.debt_type}"
        err("dataScadenzaPagamento", f"La data di scadenza è obbligatoria {why}")

    # Amounts
    amount = record.amount_cents
    if amount == 0:
        err("importoDovuto", "L'importo non può essere zero")
    elif amount < 0:
        err("importoDovuto", "L'importo non può essere negativo")
    elif amount > MAX_AMOUNT_CENTS:
        err("importoDovuto", "L'importo supera il massimo ammesso (999.999.999,99)")
    if record.pa_fee_cents is not None:
        if record.pa_fee_cents < 0:
            err("commissioneCaricoPa", "La commissione a carico dell'Ente non può essere negativa")
        elif record.pa_fee_cents > MAX_AMOUNT_CENTS:
            err("commissioneCaricoPa", "La commissione supera il massimo ammesso (999.999.999,99)")

    # Tipo dovuto
    if required("tipoDovuto", record.debt_type, "Il tipo dovuto"):
        if record.debt_type == "MARCA_BOLLO_DIGITALE":
            err("tipoDovuto", "Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi")
        elif debt_type is None or debt_type.code != record.debt_type:
            err("tipoDovuto", f"Tipo dovuto «{record.debt_type}» non configurato per l'Ente: aggiungilo nelle "
                              "impostazioni o correggi il codice")
        elif not debt_type.active:
            err("tipoDovuto", f"Il tipo dovuto {record.debt_type} non è attivo")
    if record.payment_type and length("tipoVersamento", record.payment_type):
        parts = record.payment_type.split("|")
        if record.payment_type != "ALL" and any(p not in PAYMENT_TYPES for p in parts):
            err("tipoVersamento", f"Tipo versamento «{record.payment_type}» non valido: ALL oppure uno o più tra "
                                  f"{', '.join(PAYMENT_TYPES)} separati da |")

    # Causale and taxonomy
    if not record.causale.strip():
        err("causaleVersamento", "La causale è obbligatoria")
    else:
        length("causaleVersamento", record.causale, causale_max_len(version))
    if not record.collection_data:
        err("datiSpecificiRiscossione", "I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)")
    elif not COLLECTION_DATA_RE.fullmatch(record.collection_data):
        err("datiSpecificiRiscossione",
            f"Dati specifici di riscossione «{record.collection_data}» non validi: la forma è <0|1|2|9>/<codice>, da 5 a 140 caratteri senza "
            "spazi (es. 9/0101108TS/)")

    # Bilancio (1_2+)
    if record.bilancio:
        if version in ("1_0", "1_1"):
            err("bilancio", f"Il bilancio richiede il tracciato 1_2 o successivo (scelto {version})")
        else:
            errors.extend(FieldError("bilancio", m) for m in bilancio_problems(record.bilancio, amount))

    if record.generate_iuv and version in ("1_0", "1_1", "1_2"):
        err("flagGeneraIuv", f"La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 "
                             f"(scelto {version})")
    if record.generate_iuv and record.iuv:
        err("flagGeneraIuv", "Lo IUV è già presente: togli la richiesta di generarlo")

    # Secondary beneficiary (1_4)
    if record.multi_beneficiary:
        if version != "1_4":
            err("flagMultiBeneficiario", f"Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {version})")
        else:
            _validate_secondary(record, err, length)

    if check_action and record.action not in ACTIONS:
        err("azione", f"Azione «{record.action}» non valida: I (inserimento), M (modifica) o A (annullamento)"
            if record.action else "L'azione è obbligatoria: I, M o A")
    return errors


def _validate_secondary(record: DebtRecord, err, length) -> None:
    if not record.sec_fiscal_code:
        err("codiceFiscaleEnteSecondario", "Il codice fiscale dell'ente secondario è obbligatorio")
    else:
        try:
            validate_partita_iva(record.sec_fiscal_code, label="Il codice fiscale dell'ente secondario")
        except IdentityError as exc:
            err("codiceFiscaleEnteSecondario", str(exc))
    if not record.sec_name.strip():
        err("denominazioneEnteSecondario", "La denominazione dell'ente secondario è obbligatoria")
    else:
        length("denominazioneEnteSecondario", record.sec_name)
    if not record.sec_iban:
        err("ibanAccreditoEnteSecondario", "L'IBAN di accredito dell'ente secondario è obbligatorio")
    elif length("ibanAccreditoEnteSecondario", record.sec_iban) and not IBAN_RE.fullmatch(record.sec_iban):
        err("ibanAccreditoEnteSecondario", f"IBAN «{record.sec_iban}» non valido")
    amount = record.sec_amount_cents
    if amount is None:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario è obbligatorio")
    elif amount <= 0:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario deve essere maggiore di zero")
    elif amount >= record.amount_cents > 0:
        # pagoPA splits the payment: the primary Ente must keep a positive part of the total.
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario deve essere minore dell'importo "
                                               "del dovuto")
    for column, value in (("indirizzoEnteSecondario", record.sec_address), ("civicoEnteSecondario", record.sec_civic),
                          ("localitaEnteSecondario", record.sec_city), ("causaleVersamentoEnteSecondario",
                                                                        record.sec_causale)):
        if value:
            length(column, value)
    if record.sec_address and not ADDRESS_RE.fullmatch(record.sec_address):
        err("indirizzoEnteSecondario", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e "
                                       ". , ( ) / ' &")
    if record.sec_civic and not ADDRESS_RE.fullmatch(record.sec_civic):
        err("civicoEnteSecondario", "Caratteri non ammessi: usa solo lettere senza accento, cifre, spazi e "
                                    ". , ( ) / ' &")
    if record.sec_country and record.sec_country not in COUNTRIES:
        err("nazioneEnteSecondario", f"Nazione «{record.sec_country}» non valida: codice ISO di due lettere")
    if record.sec_postal_code:
        if record.sec_country in ("", "IT") and not re.fullmatch(r"\d{5}", record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{record.sec_postal_code}» non valido: in Italia sono 5 cifre")
        elif not re.fullmatch(r"[A-Za-z0-9]{1,16}", record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{record.sec_postal_code}» non valido")
    if record.sec_province and length("provinciaEnteSecondario", record.sec_province) \
            and record.sec_province not in PROVINCES:
        err("provinciaEnteSecondario", f"Provincia «{record.sec_province}» non valida: sigla di due lettere")
    if record.sec_collection_data and not SECONDARY_TAXONOMY_RE.fullmatch(record.sec_collection_data):
        err("datiSpecificiRiscossioneEnteSecondario",
            f"Dati specifici dell'ente secondario «{record.sec_collection_data}» non validi: la forma è 9/<codice tassonomico>/... (es. 9/0101108TS/)")
    elif record.sec_collection_data:
        length("datiSpecificiRiscossioneEnteSecondario", record.sec_collection_data)


def bilancio_problems(bilancio: list[Capitolo], amount_cents: int) -> list[str]:
    """What is wrong with a bilancio (empty list when fine): codes, amounts, total = debt amount."""
    from mypay_desk.domain.money import format_amount

    problems = []
    for i, cap in enumerate(bilancio, start=1):
        if not cap.code.strip():
            problems.append(f"Capitolo {i}: il codice del capitolo è obbligatorio")
        elif len(cap.code) > 64:
            problems.append(f"Capitolo {i}: codice più lungo di 64 caratteri")
        if len(cap.office) > 64:
            problems.append(f"Capitolo {i}: codice ufficio più lungo di 64 caratteri")
        if not cap.accertamenti:
            problems.append(f"Capitolo {cap.code or i}: serve almeno un accertamento con il suo importo")
        for acc in cap.accertamenti:
            if acc.amount_cents <= 0:
                problems.append(f"Capitolo {cap.code or i}: l'importo di ogni accertamento deve essere positivo")
            if len(acc.code) > 64:
                problems.append(f"Capitolo {cap.code or i}: codice accertamento più lungo di 64 caratteri")
    total = bilancio_total(bilancio)
    if total != amount_cents:
        problems.append(f"La somma del bilancio ({format_amount(total)}) è diversa dall'importo del dovuto "
                        f"({format_amount(amount_cents)})")
    return problems


def duplicate_iud_errors(records: list[DebtRecord]) -> list[tuple[int, FieldError]]:
    """(index, error) for every record whose IUD appears more than once (all occurrences flagged).

    MyPay refuses a flow holding the same IUD twice (PAA_IMPORT_IUD_DUPLICATO).
    """
    seen: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        if r.iud:
            seen.setdefault(r.iud, []).append(i)
    out = []
    for iud, idxs in seen.items():
        if len(idxs) > 1:
            rows = [records[i].source_row for i in idxs]
            where = ", ".join(str(r) for r in rows if r is not None)
            suffix = f" (righe {where})" if where else ""
            for i in idxs:
                out.append((i, FieldError("IUD", f"IUD «{iud}» ripetuto {len(idxs)} volte{suffix}: deve essere "
                                                 "univoco")))
    out.sort(key=lambda t: t[0])
    return out

