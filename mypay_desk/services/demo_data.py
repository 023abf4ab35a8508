"""Realistic, reproducible demo data: Italian people with valid codici fiscali, addresses, amounts.

Pure (stdlib + python-stdnum): the demo service turns these records into lists through the list
service. A fixed seed gives the same people on every machine, so screenshots and docs agree.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from stdnum.it import codicefiscale

from mypay_desk.domain.debts import DebtRecord

DEMO_SEED = 20250101

FIRST_NAMES_M = [
    "Marco", "Luca", "Giuseppe", "Giovanni", "Antonio", "Francesco", "Alessandro", "Andrea", "Matteo", "Lorenzo",
    "Davide", "Stefano", "Paolo", "Roberto", "Simone", "Federico", "Riccardo", "Fabio", "Massimo", "Claudio",
    "Mario", "Enrico", "Pietro", "Gabriele", "Tommaso", "Emanuele", "Daniele", "Alberto", "Sergio", "Bruno",
]
FIRST_NAMES_F = [
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Elena", "Alessandra", "Laura", "Silvia",
    "Federica", "Paola", "Anna", "Maria", "Giovanna", "Roberta", "Cristina", "Elisa", "Marta", "Beatrice",
    "Serena", "Ilaria", "Monica", "Barbara", "Daniela", "Claudia", "Simona", "Rosa", "Lucia", "Teresa",
]
SURNAMES = [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
    "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
    "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
    "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
    "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti",
    "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani",
    "Brambilla", "Riva", "Crippa", "Sironi", "Galbiati", "Mauri", "Viganò", "Pozzi", "Longhi", "Redaelli",
]
STREETS = [
    "Via Roma", "Via Garibaldi", "Via Mazzini", "Via Cavour", "Via Dante", "Via Manzoni", "Via Verdi",
    "Piazza della Liberta'", "Via XX Settembre", "Via IV Novembre", "Via Matteotti", "Via Gramsci",
    "Via Vittorio Veneto", "Via San Francesco", "Via dei Mille", "Via Trento", "Via Trieste", "Via Leonardo da Vinci",
    "Via Marconi", "Via Volta", "Via Kennedy", "Via Papa Giovanni XXIII", "Via Don Sturzo", "Via delle Rose",
    "Via dei Tigli", "Via Adda", "Via Lecco", "Via Milano", "Via Bergamo", "Via Monte Grappa", "Via Pasubio",
    "Via De Gasperi", "Via Moro", "Via Fermi", "Via Galilei", "Corso Italia", "Via Sant'Ambrogio", "Via Fiume",
]
# Belfiore codes of Lombard comuni (and a few others) used as birth places.
BIRTH_PLACES = ["F205", "A794", "B157", "F704", "C933", "E507", "G388", "L682", "E648", "D150", "H501", "F839",
                "L219", "G273", "C351"]
COMPANY_NAMES = [
    "Ristorante Da Gino S.r.l.", "Panificio Colombo S.n.c.", "Autofficina Brambilla S.r.l.", "Bar Centrale di Riva",
    "Farmacia San Carlo S.r.l.", "Edilizia Adda S.p.A.", "Studio Tecnico Galli", "Ferramenta Pozzi S.n.c.",
    "Albergo Le Colline S.r.l.", "Supermercato Sironi S.r.l.", "Tipografia Mauri S.a.s.", "Gelateria Lucia S.r.l.",
]
_MONTHS = "ABCDEHLMPRST"
_VOWELS = set("AEIOU")


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if "A" <= ch <= "Z")


def _surname_code(surname: str) -> str:
    s = _letters(surname)
    cons = [c for c in s if c not in _VOWELS]
    vows = [c for c in s if c in _VOWELS]
    return "".join(cons + vows + ["X", "X", "X"])[:3]


def _name_code(name: str) -> str:
    s = _letters(name)
    cons = [c for c in s if c not in _VOWELS]
    if len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    vows = [c for c in s if c in _VOWELS]
    return "".join(cons + vows + ["X", "X", "X"])[:3]


def codice_fiscale(surname: str, name: str, birth: date, female: bool, place: str) -> str:
    """A codice fiscale built as the Agenzia delle Entrate does (omocodia aside), check letter included."""
    day = birth.day + (40 if female else 0)
    body = f"{_surname_code(surname)}{_name_code(name)}{birth.year % 100:02d}{_MONTHS[birth.month - 1]}{day:02d}{place}"
    return body + codicefiscale.calc_check_digit(body)


def partita_iva(rng: random.Random) -> str:
    """An 11-digit partita IVA: 7-digit number, provincial office code 001-100, Luhn check digit."""
    from stdnum import luhn

    body = f"{rng.randrange(10**6, 10**7):07d}{rng.randint(1, 100):03d}"
    return body + luhn.calc_check_digit(body)


@dataclass(frozen=True)
class Person:
    type: str  # F | G
    code: str
    name: str
    address: str
    civic: str
    email: str


class PeopleFactory:
    """Residents of the demo comune: distinct codici fiscali, addresses in the comune."""

    def __init__(self, seed: int = DEMO_SEED, company_share: float = 0.04):
        self.rng = random.Random(seed)
        self.company_share = company_share
        self._codes: set[str] = set()

    def person(self) -> Person:
        rng = self.rng
        if rng.random() < self.company_share:
            name = rng.choice(COMPANY_NAMES)
            code = partita_iva(rng)
            while code in self._codes:
                code = partita_iva(rng)
            self._codes.add(code)
            return Person("G", code, name, rng.choice(STREETS), str(rng.randint(1, 120)),
                          f"amministrazione{rng.randint(1, 99)}@esempio.it")
        while True:
            female = rng.random() < 0.5
            first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
            last = rng.choice(SURNAMES)
            birth = date(1935, 1, 1) + timedelta(days=rng.randrange(0, 365 * 70))
            code = codice_fiscale(last, first, birth, female, rng.choice(BIRTH_PLACES))
            if code not in self._codes:
                break
        self._codes.add(code)
        civic = str(rng.randint(1, 150)) + (rng.choice(["", "", "", "/A", "/B"]))
        email = ""
        if rng.random() < 0.6:
            local = _letters(first).lower() + "." + _letters(last).lower()
            email = f"{local}{rng.randint(1, 99) if rng.random() < 0.3 else ''}@{rng.choice(['esempio.it', 'posta.it', 'mail.it'])}"
        return Person("F", code, f"{last} {first}".upper() if rng.random() < 0.1 else f"{first} {last}",
                      rng.choice(STREETS), civic, email)


def debt(person: Person, *, iud: str, amount_cents: int, debt_type: str, causale: str, collection_data: str,
         due: date | None, city: str, postal_code: str, province: str) -> DebtRecord:
    return DebtRecord(
        iud=iud, debtor_type=person.type, debtor_code=person.code, debtor_name=person.name,
        address=person.address, civic=person.civic, postal_code=postal_code, city=city,
        province=province, country="IT", email=person.email, due_date=due, amount_cents=amount_cents,
        debt_type=debt_type, causale=causale, collection_data=collection_data,
    )
