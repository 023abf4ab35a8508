"""Messages of the domain rules in the interface language.

The domain (pure Python, no Qt) writes its validation messages in Italian with the offending values
inside. Each known message shape is listed here as a template, so lupdate puts it in the catalogues
(context "domain"); ``domain_text`` recognises a message by its template, translates the template
and puts the values back. A message with no template here is shown as it is (Italian).
Add the template of any new domain message shown in a form to ``TEMPLATES``.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TEMPLATES = (
    # domain/ente.py: validate_ente
    QT_TRANSLATE_NOOP("domain", "Il codice IPA è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il codice IPA è lungo {0} caratteri: al massimo 35"),
    QT_TRANSLATE_NOOP("domain", "Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti del "
                                "nome del flusso)"),
    QT_TRANSLATE_NOOP("domain", "Il nome dell'Ente è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il nome dell'Ente supera i 100 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Il codice applicativo deve essere di due cifre"),
    QT_TRANSLATE_NOOP("domain", "Il codice CBILL è di 5 caratteri alfanumerici maiuscoli"),
    QT_TRANSLATE_NOOP("domain", "Modalità di adesione «{0}» non valida: base, flussi o ente"),
    QT_TRANSLATE_NOOP("domain", "Il conto corrente postale ha fino a 12 cifre"),
    QT_TRANSLATE_NOOP("domain", "Indica l'intestatario del conto corrente postale"),
    QT_TRANSLATE_NOOP("domain", "L'indirizzo deve iniziare con http:// o https://"),
    # domain/ente.py: validate_debt_type
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto supera i 64 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto ammette lettere, cifre e _"),
    QT_TRANSLATE_NOOP("domain", "MARCA_BOLLO_DIGITALE non è gestibile con i flussi"),
    QT_TRANSLATE_NOOP("domain", "IBAN non valido"),
    # domain/identity.py
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'Ente «{0}» deve avere 11 cifre"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'Ente «{0}» ha il carattere di controllo errato"),
    # domain/codes.py
    QT_TRANSLATE_NOOP("domain", "Il codice di segregazione «{0}» deve essere di due cifre (00-99)"),
    QT_TRANSLATE_NOOP("domain", "I dati specifici di riscossione devono avere la forma <0|1|2|9>/<codice> "
                                "(es. 9/0101108TS/), da 5 a 140 caratteri senza spazi"),
)

_PLACEHOLDER = re.compile(r"\\\{(\d+)\\\}")


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for template in TEMPLATES:
        rx = _PLACEHOLDER.sub(lambda m: f"(?P<p{m.group(1)}>.*?)", re.escape(template))
        out.append((template, re.compile(f"^{rx}$", re.DOTALL)))
    return out


def _one(message: str) -> str:
    for template, rx in _patterns():
        m = rx.match(message)
        if m is None:
            continue
        translated = QCoreApplication.translate("domain", template)
        if translated == template:
            return message
        values = [m.group(f"p{i}") for i in range(len(m.groupdict()))]
        try:
            return translated.format(*values)
        except (IndexError, KeyError, ValueError):  # a broken translation must not hide the message
            return message
    return message


def domain_text(message: str) -> str:
    """``message`` in the interface language (joined messages "a; b" are translated one by one)."""
    if not message:
        return message
    return "; ".join(_one(part) for part in message.split("; "))
