"""Value types for the Ente and its tipi dovuto, and the rules that check them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mypay_desk.domain.codes import CodeError, validate_collection_data, validate_segregation_code
from mypay_desk.domain.identity import IdentityError, validate_ente_fiscal_code

ADHESION_MODES = {
    "base": "Base (pagamenti spontanei)",
    "flussi": "Per flussi",
    "ente": "Iniziato presso l'Ente",
}


# Who gives a new debt its IUV (and so its numero avviso) when it is sent without one.
IUV_GENERATION = {
    # MyPay, while importing the flow: flagGeneraIuv=true on the row (tracciato 1_3/1_4,
    # ImportFlussoTaskService.validaElabora); the IUV comes back in the flow's IUV file.
    "portal": "Il portale MyPay",
    # The app, from the Ente's codice di segregazione, before building the flow (Assegna IUV).
    "app": "MyPay Desk, con il codice di segregazione",
}


@dataclass
class EnteData:
    ipa_code: str
    fiscal_code: str
    name: str
    sector: str = ""
    info: str = ""
    cbill: str = ""
    segregation_code: str = ""
    application_code: str = ""
    postal_account: str = ""
    postal_holder: str = ""
    poste_authorization: str = ""
    logo: bytes | None = None
    adhesion_mode: str = "flussi"
    portal_url: str = ""
    payments_web_page: str = ""
    reconcile_notifications: bool = True
    reconcile_treasury: bool = True
    iuv_generation: str = "portal"  # see IUV_GENERATION
    id: int | None = None
    iuv_progressive: int = 1
    is_demo: bool = False

    def to_public_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "logo"}
        d["has_logo"] = bool(self.logo)
        return d

    @property
    def has_poste(self) -> bool:
        return bool(self.postal_account and self.poste_authorization)


@dataclass
class DebtTypeData:
    code: str
    description: str = ""
    taxonomy: str = ""
    iban: str = ""
    postal_account: str = ""
    due_date_required: bool = False
    print_due_date: bool = True
    anonymous_allowed: bool = False
    sector: str = ""
    active: bool = True
    id: int | None = None
    ente_id: int | None = None


@dataclass
class FieldError:
    field: str
    message: str


@dataclass
class ValidationReport:
    errors: list[FieldError] = field(default_factory=list)

    def add(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))

    @property
    def ok(self) -> bool:
        return not self.errors


IPA_RE = re.compile(r"[A-Za-z0-9_]{1,35}")
CBILL_RE = re.compile(r"[A-Z0-9]{5}")
IBAN_RE = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")


def validate_ente(data: EnteData) -> ValidationReport:
    rep = ValidationReport()
    if not data.ipa_code:
        rep.add("ipa_code", "Il codice IPA è obbligatorio")
    elif len(data.ipa_code) > 35:
        rep.add("ipa_code", f"Il codice IPA è lungo {len(data.ipa_code)} caratteri: al massimo 35")
    elif not IPA_RE.fullmatch(data.ipa_code):
        rep.add("ipa_code", "Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti del nome del flusso)")
    try:
        validate_ente_fiscal_code(data.fiscal_code)
    except IdentityError as exc:
        rep.add("fiscal_code", str(exc))
    if not data.name.strip():
        rep.add("name", "Il nome dell'Ente è obbligatorio")
    elif len(data.name) > 100:
        rep.add("name", "Il nome dell'Ente supera i 100 caratteri")
    if data.segregation_code:
        try:
            validate_segregation_code(data.segregation_code)
        except CodeError as exc:
            rep.add("segregation_code", str(exc))
    if data.application_code and not re.fullmatch(r"\d{2}", data.application_code):
        rep.add("application_code", "Il codice applicativo deve essere di due cifre")
    if data.cbill and not CBILL_RE.fullmatch(data.cbill):
        rep.add("cbill", "Il codice CBILL è di 5 caratteri alfanumerici maiuscoli")
    if data.iuv_generation not in IUV_GENERATION:
        rep.add("iuv_generation", f"Generazione IUV «{data.iuv_generation}» non valida: portal o app")
    elif data.iuv_generation == "app" and not data.segregation_code:
        rep.add("iuv_generation", "Per generare gli IUV con MyPay Desk serve il codice di segregazione dell'Ente")
    if data.adhesion_mode not in ADHESION_MODES:
        rep.add("adhesion_mode", f"Modalità di adesione «{data.adhesion_mode}» non valida: base, flussi o ente")
    if data.postal_account and not re.fullmatch(r"\d{1,12}", data.postal_account):
        rep.add("postal_account", "Il conto corrente postale ha fino a 12 cifre")
    if data.postal_account and not data.postal_holder:
        rep.add("postal_holder", "Indica l'intestatario del conto corrente postale")
    for name in ("portal_url", "payments_web_page"):
        url = getattr(data, name)
        if url and not re.match(r"https?://", url):
            rep.add(name, "L'indirizzo deve iniziare con http:// o https://")
    return rep


def validate_debt_type(data: DebtTypeData) -> ValidationReport:
    rep = ValidationReport()
    if not data.code:
        rep.add("code", "Il codice del tipo dovuto è obbligatorio")
    elif len(data.code) > 64:
        rep.add("code", "Il codice del tipo dovuto supera i 64 caratteri")
    elif not re.fullmatch(r"[A-Za-z0-9_]+", data.code):
        rep.add("code", "Il codice del tipo dovuto ammette lettere, cifre e _")
    elif data.code == "MARCA_BOLLO_DIGITALE":
        rep.add("code", "MARCA_BOLLO_DIGITALE non è gestibile con i flussi")
    try:
        validate_collection_data(data.taxonomy)
    except CodeError as exc:
        rep.add("taxonomy", str(exc))
    if data.iban and not IBAN_RE.fullmatch(data.iban.replace(" ", "").upper()):
        rep.add("iban", "IBAN non valido")
    if data.postal_account and not re.fullmatch(r"\d{1,12}", data.postal_account):
        rep.add("postal_account", "Il conto corrente postale ha fino a 12 cifre")
    return rep
