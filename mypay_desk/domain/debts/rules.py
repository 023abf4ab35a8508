"""MyPay's rules for one debt: field checks with Italian messages named by MyPay column, the secondary
beneficiary, bilancio, duplicate IUDs.

The rules are MyPay's own for a flow row (RegioneDelVeneto/mypay, mypay4-be scheduled/importflusso/
ImportFlussoTaskService.java: leggiVerificaRiga for lengths and presence, validaElabora for the rest, with
util/Utilities.java and util/Constants.java); each check says where it comes from. A debt MyPay accepts is
never blocked here, except for values that are certainly wrong: an Italian CAP that is not 5 digits and
an unknown Italian province (printed on the notice; MyPay's web service checks the CAP the same way),
wrong check digits of an IUV17 or RF reference and an IBAN of the wrong shape (pagoPA refuses them, MyPay
does not look), and text MyPay would read differently from what we wrote (a line break, or an odd number
of double quotes, which MyPay's split of the CSV line cannot keep in its field).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

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
    TRACCIATO_COLUMNS,
    VERSIONS,
    Capitolo,
    DebtRecord,
    bilancio_total,
    causale_max_len,
)
from mypay_desk.domain.debts.reference import (
    CIVIC_RE,
    CONTROL_RE,
    COUNTRIES,
    EMAIL_RE,
    FOREIGN_CAP_RE,
    IBAN_RE,
    ITALIAN_CAP_RE,
    MYPAY_IBAN_LENGTH,
    PAYMENT_TYPES,
    PROVINCES,
    payment_type_tokens,
)
from mypay_desk.domain.ente import DebtTypeData, FieldError
from mypay_desk.domain.excerpt import excerpt, thousands
from mypay_desk.domain.identity import ANONYMOUS, IdentityError, validate_debtor, validate_partita_iva
from mypay_desk.domain.money import MAX_AMOUNT_CENTS

# The columns holding free text (not amounts, dates, flags or the bilancio).
TRACCIATO_TEXT_COLUMNS = tuple(c for c in TRACCIATO_COLUMNS
                               if c.field in {f.name for f in fields(DebtRecord) if f.type in ("str", str)})

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
        if CONTROL_RE.search(value):
            err(column, "Contiene caratteri di controllo (a capo, tabulazioni): rimuovili")
            return False
        return True

    def required(column: str, value: str, what: str) -> bool:
        if not value.strip():
            err(column, f"{what} è obbligatorio")
            return False
        return length(column, value)

    if version not in VERSIONS:
        err("azione", f"Versione del tracciato «{excerpt(version)}» non valida: ammesse {', '.join(VERSIONS)}")
        return errors

    # IUD
    if required("IUD", record.iud, "L'IUD (identificativo univoco del dovuto)"):
        # Utilities.validaIUD; MyPay trims the cell, so spaces around it would make another IUD
        if record.iud.startswith("000"):
            err("IUD", "L'IUD non può iniziare con 000 (prefisso riservato a MyPay)")
        elif record.iud != record.iud.strip():
            err("IUD", "L'IUD non può iniziare o finire con spazi")

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
            # Utilities.validaIUV: 15, 17 or 25 characters; new IUV15s closed (pa.dataLimiteNuoviIuv15, 30/04/2024)
            if kind == "IUV15" and record.iuv.startswith("00"):
                err("codIuv", "Uno IUV di 15 cifre non può iniziare con 00")
            elif kind == "IUV15" and not on_portal:
                err("codIuv", "MyPay non accetta più IUV di 15 cifre per i nuovi dovuti (dal 30/04/2024): lascia vuoto "
                              "lo IUV o usane uno di 17 cifre")
            elif kind == "RF" and len(record.iuv) != 25:
                err("codIuv", f"MyPay accetta solo riferimenti RF di 25 caratteri, questo ne ha {len(record.iuv)}")
            elif kind == "RF" and record.iuv.endswith("0000") and record.iuv[6:8] != "99":
                err("codIuv", "Un riferimento RF di vecchio formato (finale 0000) deve avere 99 in settima e ottava "
                              "posizione")

    # Debtor
    dtype = record.debtor_type
    if dtype not in ("F", "G"):
        err("tipoIdentificativoUnivoco",
            "Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)" if not dtype
            else f"Tipo soggetto «{excerpt(dtype)}» non valido: F (persona fisica) o G (persona giuridica)")
    if required("codiceIdentificativoUnivoco", record.debtor_code, "Il codice fiscale o la partita IVA") \
            and dtype in ("F", "G"):
        anonymous_ok = bool(debt_type and debt_type.anonymous_allowed)
        if dtype == "G" and len(record.debtor_code) == 16:
            # Utilities.isValidCodIdUnivocoConAnonimo: a legal person (G) is checked with isValidPIVA only
            err("codiceIdentificativoUnivoco",
                "Per un soggetto G (persona giuridica) MyPay accetta solo la partita IVA o il codice fiscale "
                "numerico di 11 cifre: per un codice fiscale di 16 caratteri usa il tipo F")
        elif record.debtor_code == ANONYMOUS and dtype == "F" and not anonymous_ok:
            err("codiceIdentificativoUnivoco",
                f"Debitore ANONIMO non ammesso: il tipo dovuto {record.debt_type or ''} non lo consente".replace(
                    "  ", " "))
        else:
            try:
                validate_debtor(dtype, record.debtor_code, anonymous_allowed=anonymous_ok)
            except IdentityError as exc:
                err("codiceIdentificativoUnivoco", str(exc))
    required("anagraficaPagatore", record.debtor_name, "Il nome del debitore (anagrafica)")
    # indirizzo: any text (MyPay rewrites it into Poste's character set, Utilities.bonificaIndirizzoAnagrafica)
    if record.address:
        length("indirizzoPagatore", record.address)
    if record.civic and length("civicoPagatore", record.civic) and not CIVIC_RE.fullmatch(record.civic):
        err("civicoPagatore", CIVIC_MESSAGE)
    country = record.country
    if country and length("nazionePagatore", country) and country not in COUNTRIES:
        err("nazionePagatore", f"Nazione «{excerpt(country)}» non valida: usa il codice ISO di due lettere (es. IT)")
    italian = country.upper() in ("", "IT")
    if record.postal_code and length("capPagatore", record.postal_code):
        if italian:
            if not ITALIAN_CAP_RE.fullmatch(record.postal_code):
                err("capPagatore", f"CAP «{excerpt(record.postal_code)}» non valido: in Italia sono 5 cifre")
        elif not FOREIGN_CAP_RE.fullmatch(record.postal_code):
            err("capPagatore", f"CAP «{excerpt(record.postal_code)}» non valido: solo lettere e cifre, senza spazi")
    if record.city:
        length("localitaPagatore", record.city)
    # provincia: MyPay looks it up only for Italian addresses; abroad any sigla of two characters
    if record.province and length("provinciaPagatore", record.province) and italian \
            and record.province.upper() not in PROVINCES:
        err("provinciaPagatore", f"Provincia «{excerpt(record.province)}» non valida: usa la sigla di due lettere "
                                 "(es. MI)")
    if record.email and length("emailPagatore", record.email) and not EMAIL_RE.fullmatch(record.email):
        err("emailPagatore", f"Indirizzo e-mail «{excerpt(record.email)}» non valido")

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
            err("tipoDovuto", f"Tipo dovuto «{excerpt(record.debt_type)}» non configurato per l'Ente: aggiungilo nelle "
                              "impostazioni o correggi il codice")
        elif not debt_type.active:
            err("tipoDovuto", f"Il tipo dovuto {record.debt_type} non è attivo")
    if record.payment_type and length("tipoVersamento", record.payment_type) \
            and payment_type_tokens(record.payment_type) is None:  # Utilities.validaTipoVersamento
        err("tipoVersamento", f"Tipo versamento «{excerpt(record.payment_type)}» non valido: ALL oppure uno o più tra "
                              f"{', '.join(PAYMENT_TYPES)} separati da |")

    # Causale and taxonomy
    if not record.causale.strip():
        err("causaleVersamento", "La causale è obbligatoria")
    else:
        length("causaleVersamento", record.causale, causale_max_len(version))
    if not record.collection_data:
        err("datiSpecificiRiscossione", "I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)")
    elif not COLLECTION_DATA_RE.fullmatch(record.collection_data):  # Utilities.validaDatiSpecificiRiscossione
        err("datiSpecificiRiscossione",
            f"Dati specifici di riscossione «{excerpt(record.collection_data)}» non validi: la forma è <0|1|2|9>/<codice>, da 5 a 140 caratteri senza "
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
        err("azione", f"Azione «{excerpt(record.action)}» non valida: I (inserimento), M (modifica) o A (annullamento)"
            if record.action else "L'azione è obbligatoria: I, M o A")
    errors.extend(odd_quote_errors(record))
    return errors


CIVIC_MESSAGE = ("Caratteri non ammessi nel civico: usa lettere senza accento, cifre, spazi e i comuni segni di "
                 "punteggiatura (es. 12/A)")
QUOTES_MESSAGE = ('MyPay dividerebbe la riga del flusso in modo diverso a causa delle virgolette ("): sono in '
                  'numero dispari, o un ";" sta tra virgolette. Togli le virgolette o il punto e virgola')


def splits_differently(value: str) -> bool:
    """Whether MyPay's split of a CSV line would cut ``value`` elsewhere than at its edges, however it is
    written.

    MyPay splits a line on every ``;`` followed by an even number of ``"`` up to the end of the line
    (ImportFlussoTaskService.leggiVerificaRiga, ``riga.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")``) and then
    only unescapes ``\\"`` (cleanDoubleQuote), so every quote of a value stays a ``"`` on the line. A value
    with an odd number of them moves the split of every ``;`` before it; a ``;`` of the value followed by
    an odd number of them inside it (``a";"b``) is split even inside the field's own quotes."""
    if '"' not in value:
        return False
    if value.count('"') % 2:
        return True
    after = 0
    for ch in reversed(value):
        if ch == '"':
            after += 1
        elif ch == ";" and after % 2:
            return True
    return False


def odd_quote_errors(record: DebtRecord) -> list[FieldError]:
    """The text fields MyPay would read wrongly because of their double quotes (:func:`splits_differently`)."""
    out = []
    for c in TRACCIATO_TEXT_COLUMNS:
        if c.field.startswith("sec_") and not record.multi_beneficiary:
            continue  # not written: the secondary columns are empty when the flag is false
        value = getattr(record, c.field)
        if value.__class__ is str and splits_differently(value):
            out.append(FieldError(c.name, QUOTES_MESSAGE))
    return out  # the bilancio XML writes quotes as &quot; (formats/bilancio.py)


def _validate_secondary(record: DebtRecord, err, length) -> None:
    """validaElabora's IUV_MULTI_7 block (and leggiVerificaRiga for what is required)."""
    if not record.sec_fiscal_code:
        err("codiceFiscaleEnteSecondario", "Il codice fiscale dell'ente secondario è obbligatorio")
    else:
        try:  # at most 11 characters (leggiVerificaRiga), a valid CF/P.IVA (Utilities.isValidCFOrPIVA)
            validate_partita_iva(record.sec_fiscal_code, label="Il codice fiscale dell'ente secondario")
        except IdentityError as exc:
            err("codiceFiscaleEnteSecondario", str(exc))
    if not record.sec_name.strip():
        err("denominazioneEnteSecondario", "La denominazione dell'ente secondario è obbligatoria")
    else:
        length("denominazioneEnteSecondario", record.sec_name)
    if not record.sec_iban:
        err("ibanAccreditoEnteSecondario", "L'IBAN di accredito dell'ente secondario è obbligatorio")
    elif length("ibanAccreditoEnteSecondario", record.sec_iban):
        if len(record.sec_iban) != MYPAY_IBAN_LENGTH:  # Utilities.isValidIban
            err("ibanAccreditoEnteSecondario", f"IBAN «{excerpt(record.sec_iban)}» non valido: MyPay accetta IBAN italiani di "
                                               f"{MYPAY_IBAN_LENGTH} caratteri, questo ne ha {len(record.sec_iban)}")
        elif not IBAN_RE.fullmatch(record.sec_iban):
            err("ibanAccreditoEnteSecondario", f"IBAN «{excerpt(record.sec_iban)}» non valido")
    # The secondary Ente's share: not zero, at most 999.999.999,99. It is added to importoDovuto (the
    # primary Ente's share) for the amount to pay (ImportFlussoTaskService, avvisi; AvvisoController), so it
    # may be larger than importoDovuto.
    amount = record.sec_amount_cents
    if amount is None:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario è obbligatorio")
    elif amount <= 0:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario deve essere maggiore di zero")
    elif amount > MAX_AMOUNT_CENTS:
        err("importoVersamentoEnteSecondario", "L'importo dell'ente secondario supera il massimo ammesso "
                                               "(999.999.999,99)")
    for column, value in (("indirizzoEnteSecondario", record.sec_address), ("localitaEnteSecondario", record.sec_city),
                          ("causaleVersamentoEnteSecondario", record.sec_causale)):
        if value:
            length(column, value)  # indirizzo: any text, as for the debtor
    if record.sec_civic and length("civicoEnteSecondario", record.sec_civic) and not CIVIC_RE.fullmatch(record.sec_civic):
        err("civicoEnteSecondario", CIVIC_MESSAGE)
    if record.sec_country and record.sec_country not in COUNTRIES:
        err("nazioneEnteSecondario", f"Nazione «{excerpt(record.sec_country)}» non valida: codice ISO di due lettere")
    italian = record.sec_country in ("", "IT")
    if record.sec_postal_code:
        if italian and not ITALIAN_CAP_RE.fullmatch(record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{excerpt(record.sec_postal_code)}» non valido: in Italia sono 5 cifre")
        elif not italian and not FOREIGN_CAP_RE.fullmatch(record.sec_postal_code):
            err("capEnteSecondario", f"CAP «{excerpt(record.sec_postal_code)}» non valido")
    # provincia: at most 35 characters, looked up only for an Italian secondary Ente
    if record.sec_province and length("provinciaEnteSecondario", record.sec_province) and italian \
            and record.sec_province not in PROVINCES:
        err("provinciaEnteSecondario", f"Provincia «{excerpt(record.sec_province)}» non valida: sigla di due lettere")
    # Required (blank is refused) and Constants.TAXONOMIC_CODE_PATTERN: a bare taxonomy code ending in "/"
    # such as 9/0101108TS/ is valid. MyPay also looks the code up in the pagoPA taxonomy.
    if not record.sec_collection_data:
        err("datiSpecificiRiscossioneEnteSecondario",
            "I dati specifici di riscossione dell'ente secondario sono obbligatori (es. 9/0101108TS/)")
    elif not SECONDARY_TAXONOMY_RE.fullmatch(record.sec_collection_data):
        err("datiSpecificiRiscossioneEnteSecondario",
            f"Dati specifici dell'ente secondario «{excerpt(record.sec_collection_data)}» non validi: la forma è "
            "9/<codice tassonomico>/ seguito da al massimo 129 caratteri senza spazi (es. 9/0101108TS/)")
    else:
        length("datiSpecificiRiscossioneEnteSecondario", record.sec_collection_data)


def bilancio_problems(bilancio: list[Capitolo], amount_cents: int) -> list[str]:
    """What is wrong with a bilancio (empty list when fine): codes, amounts, total = debt amount."""
    from mypay_desk.domain.money import format_amount

    problems = []
    for i, cap in enumerate(bilancio, start=1):
        if any(CONTROL_RE.search(c) for c in (cap.code, cap.office, *(a.code for a in cap.accertamenti))):
            problems.append(f"Capitolo {cap.code.strip() or i}: un codice contiene caratteri di controllo (a capo, "
                            "tabulazioni): rimuovili")
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
    found = duplicate_iuds([r.iud for r in records], [r.source_row for r in records])
    return sorted(found.items())


#: Rows a duplicate-IUD message lists; the rest are counted ("righe 2, 3, 4 e altre 9.997").
LISTED_DUPLICATE_ROWS = 3


def duplicate_iuds(iuds: Sequence[str], rows: Sequence[int | None]) -> dict[int, FieldError]:
    """{index: error} for every repeated non-empty IUD, in linear time. One error per IUD, shared by
    its rows, names a few of its rows and counts the others: its size does not grow with the file."""
    seen: dict[str, list[int]] = {}
    for i, iud in enumerate(iuds):
        if iud:
            seen.setdefault(iud, []).append(i)
    out: dict[int, FieldError] = {}
    for iud, idxs in seen.items():
        if len(idxs) < 2:
            continue
        where = [str(rows[i]) for i in idxs if rows[i] is not None]
        shown = ", ".join(where[:LISTED_DUPLICATE_ROWS])
        if len(where) > LISTED_DUPLICATE_ROWS:
            message = (f"IUD «{excerpt(iud)}» ripetuto {thousands(len(idxs))} volte (righe {shown} e altre "
                       f"{thousands(len(where) - LISTED_DUPLICATE_ROWS)}): deve essere univoco")
        elif where:
            message = f"IUD «{excerpt(iud)}» ripetuto {len(idxs)} volte (righe {shown}): deve essere univoco"
        else:
            message = f"IUD «{excerpt(iud)}» ripetuto {thousands(len(idxs))} volte: deve essere univoco"
        error = FieldError("IUD", message)
        for i in idxs:
            out[i] = error
    return out

