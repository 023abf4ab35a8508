"""Texts of the domain rules and services in the interface language.

The domain and the services (pure Python, no Qt) write their labels, validation messages and progress
messages in Italian, with the offending values inside. Each known text is listed in ``TEXTS`` (so lupdate
puts it in the catalogues, context "domain"):

- a text without placeholders is a *label* (a debt state, a column name, a reconciliation code...);
- a text with ``{0}``, ``{1}``... is a *template*: ``domain_text`` recognises a message by its template,
  translates the template and puts the values back, translating a value too when it is itself a known
  text (``"{0} «{1}» deve avere 11 cifre"`` with ``{0}`` = ``"La partita IVA"``).

Joined messages (``"a; b"``) and ``"label: message"`` pairs are translated part by part. A message with no
template here is shown as it is (Italian). Add the Italian text of any new domain or service message the
interface shows to ``TEXTS``; tests/unit/test_i18n.py checks the domain's tables and rules against it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "domain"

TEXTS = (
    # domain/debt_states.py: STATE_LABELS, ACTION_LABELS
    QT_TRANSLATE_NOOP("domain", "Nuovo (non inviato)"),
    QT_TRANSLATE_NOOP("domain", "In invio"),
    QT_TRANSLATE_NOOP("domain", "Sul portale"),
    QT_TRANSLATE_NOOP("domain", "Rifiutato dal portale"),
    QT_TRANSLATE_NOOP("domain", "Annullato"),
    QT_TRANSLATE_NOOP("domain", "Pagato"),
    QT_TRANSLATE_NOOP("domain", "Pagato in parte"),
    QT_TRANSLATE_NOOP("domain", "Scaduto"),
    QT_TRANSLATE_NOOP("domain", "Da inserire"),
    QT_TRANSLATE_NOOP("domain", "Da modificare"),
    QT_TRANSLATE_NOOP("domain", "Da annullare"),
    # domain/debts.py: column labels (FIELD_LABELS) and the subjects of "... è obbligatorio"
    QT_TRANSLATE_NOOP("domain", "IUD"),
    QT_TRANSLATE_NOOP("domain", "IUV"),
    QT_TRANSLATE_NOOP("domain", "Tipo soggetto (F/G)"),
    QT_TRANSLATE_NOOP("domain", "Codice fiscale / P.IVA"),
    QT_TRANSLATE_NOOP("domain", "Debitore"),
    QT_TRANSLATE_NOOP("domain", "Indirizzo"),
    QT_TRANSLATE_NOOP("domain", "Civico"),
    QT_TRANSLATE_NOOP("domain", "CAP"),
    QT_TRANSLATE_NOOP("domain", "Località"),
    QT_TRANSLATE_NOOP("domain", "Provincia"),
    QT_TRANSLATE_NOOP("domain", "Nazione"),
    QT_TRANSLATE_NOOP("domain", "E-mail"),
    QT_TRANSLATE_NOOP("domain", "Scadenza"),
    QT_TRANSLATE_NOOP("domain", "Importo"),
    QT_TRANSLATE_NOOP("domain", "Commissione a carico dell'Ente"),
    QT_TRANSLATE_NOOP("domain", "Tipo dovuto"),
    QT_TRANSLATE_NOOP("domain", "Tipo versamento"),
    QT_TRANSLATE_NOOP("domain", "Causale"),
    QT_TRANSLATE_NOOP("domain", "Dati specifici di riscossione"),
    QT_TRANSLATE_NOOP("domain", "Bilancio"),
    QT_TRANSLATE_NOOP("domain", "Genera IUV"),
    QT_TRANSLATE_NOOP("domain", "Multibeneficiario"),
    QT_TRANSLATE_NOOP("domain", "C.F. ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Ente secondario"),
    QT_TRANSLATE_NOOP("domain", "IBAN ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Indirizzo ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Civico ente secondario"),
    QT_TRANSLATE_NOOP("domain", "CAP ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Località ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Provincia ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Nazione ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Dati specifici di riscossione ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Causale ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Importo ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Azione"),
    QT_TRANSLATE_NOOP("domain", "L'IUD (identificativo univoco del dovuto)"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale o la partita IVA"),
    QT_TRANSLATE_NOOP("domain", "Il nome del debitore (anagrafica)"),
    QT_TRANSLATE_NOOP("domain", "Il tipo dovuto"),
    # domain/debts.py: validate_debt, bilancio_problems, duplicate_iud_errors
    QT_TRANSLATE_NOOP("domain", "{0} è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Troppo lungo: {0} caratteri, al massimo {1}"),
    QT_TRANSLATE_NOOP("domain", "Contiene caratteri di controllo (a capo, tabulazioni): rimuovili"),
    QT_TRANSLATE_NOOP("domain", "Versione del tracciato «{0}» non valida: ammesse {1}"),
    QT_TRANSLATE_NOOP("domain", "L'IUD non può iniziare con 000 (prefisso riservato a MyPay)"),
    QT_TRANSLATE_NOOP("domain", "L'IUD non può iniziare o finire con spazi"),
    QT_TRANSLATE_NOOP("domain", "Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati "
                                "da MyPay: lascia vuoto lo IUV o usane uno dell'Ente"),
    QT_TRANSLATE_NOOP("domain", "Lo IUV deve iniziare con il codice di segregazione dell'Ente ({0})"),
    QT_TRANSLATE_NOOP("domain", "Uno IUV di 15 cifre non può iniziare con 00"),
    QT_TRANSLATE_NOOP("domain", "MyPay non accetta più IUV di 15 cifre per i nuovi dovuti (dal 30/04/2024): "
                                "lascia vuoto lo IUV o usane uno di 17 cifre"),
    QT_TRANSLATE_NOOP("domain", "MyPay accetta solo riferimenti RF di 25 caratteri, questo ne ha {0}"),
    QT_TRANSLATE_NOOP("domain", "Un riferimento RF di vecchio formato (finale 0000) deve avere 99 in settima e "
                                "ottava posizione"),
    QT_TRANSLATE_NOOP("domain", "Per un soggetto G (persona giuridica) MyPay accetta solo la partita IVA o il "
                                "codice fiscale numerico di 11 cifre: per un codice fiscale di 16 caratteri usa "
                                "il tipo F"),
    QT_TRANSLATE_NOOP("domain", "Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)"),
    QT_TRANSLATE_NOOP("domain", "Tipo soggetto «{0}» non valido: F (persona fisica) o G (persona giuridica)"),
    QT_TRANSLATE_NOOP("domain", "Debitore ANONIMO non ammesso: il tipo dovuto {0} non lo consente"),
    QT_TRANSLATE_NOOP("domain", "Debitore ANONIMO non ammesso: il tipo dovuto non lo consente"),
    QT_TRANSLATE_NOOP("domain", "Caratteri non ammessi nel civico: usa lettere senza accento, cifre, spazi e "
                                "i comuni segni di punteggiatura (es. 12/A)"),
    QT_TRANSLATE_NOOP("domain", "MyPay dividerebbe la riga del flusso in modo diverso a causa delle virgolette "
                                "(\"): sono in numero dispari, o un \";\" sta tra virgolette. Togli le "
                                "virgolette o il punto e virgola"),
    QT_TRANSLATE_NOOP("domain", "Nazione «{0}» non valida: usa il codice ISO di due lettere (es. IT)"),
    QT_TRANSLATE_NOOP("domain", "CAP «{0}» non valido: in Italia sono 5 cifre"),
    QT_TRANSLATE_NOOP("domain", "CAP «{0}» non valido: solo lettere e cifre, senza spazi"),
    QT_TRANSLATE_NOOP("domain", "Provincia «{0}» non valida: usa la sigla di due lettere (es. MI)"),
    QT_TRANSLATE_NOOP("domain", "Indirizzo e-mail «{0}» non valido"),
    QT_TRANSLATE_NOOP("domain", "La data di scadenza è obbligatoria nelle versioni 1_0 e 1_1"),
    QT_TRANSLATE_NOOP("domain", "La data di scadenza è obbligatoria per il tipo dovuto {0}"),
    QT_TRANSLATE_NOOP("domain", "L'importo non può essere zero"),
    QT_TRANSLATE_NOOP("domain", "L'importo non può essere negativo"),
    QT_TRANSLATE_NOOP("domain", "L'importo supera il massimo ammesso (999.999.999,99)"),
    QT_TRANSLATE_NOOP("domain", "La commissione a carico dell'Ente non può essere negativa"),
    QT_TRANSLATE_NOOP("domain", "La commissione supera il massimo ammesso (999.999.999,99)"),
    QT_TRANSLATE_NOOP("domain", "Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi"),
    QT_TRANSLATE_NOOP("domain", "Tipo dovuto «{0}» non configurato per l'Ente: aggiungilo nelle "
                                "impostazioni o correggi il codice"),
    QT_TRANSLATE_NOOP("domain", "Il tipo dovuto {0} non è attivo"),
    QT_TRANSLATE_NOOP("domain", "Tipo versamento «{0}» non valido: ALL oppure uno o più tra {1} separati da "
                                "|"),
    QT_TRANSLATE_NOOP("domain", "La causale è obbligatoria"),
    QT_TRANSLATE_NOOP("domain", "I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)"),
    QT_TRANSLATE_NOOP("domain", "Dati specifici di riscossione «{0}» non validi: la forma è "
                                "<0|1|2|9>/<codice>, da 5 a 140 caratteri senza spazi (es. 9/0101108TS/)"),
    QT_TRANSLATE_NOOP("domain", "Il bilancio richiede il tracciato 1_2 o successivo (scelto {0})"),
    QT_TRANSLATE_NOOP("domain", "La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 "
                                "(scelto {0})"),
    QT_TRANSLATE_NOOP("domain", "Lo IUV è già presente: togli la richiesta di generarlo"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {0})"),
    QT_TRANSLATE_NOOP("domain", "Azione «{0}» non valida: I (inserimento), M (modifica) o A (annullamento)"),
    QT_TRANSLATE_NOOP("domain", "L'azione è obbligatoria: I, M o A"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'ente secondario è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "La denominazione dell'ente secondario è obbligatoria"),
    QT_TRANSLATE_NOOP("domain", "L'IBAN di accredito dell'ente secondario è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "IBAN «{0}» non valido"),
    QT_TRANSLATE_NOOP("domain", "L'importo dell'ente secondario è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "L'importo dell'ente secondario deve essere maggiore di zero"),
    QT_TRANSLATE_NOOP("domain", "L'importo dell'ente secondario supera il massimo ammesso (999.999.999,99)"),
    QT_TRANSLATE_NOOP("domain", "IBAN «{0}» non valido: MyPay accetta IBAN italiani di {1} caratteri, questo ne "
                                "ha {2}"),
    QT_TRANSLATE_NOOP("domain", "I dati specifici di riscossione dell'ente secondario sono obbligatori (es. "
                                "9/0101108TS/)"),
    QT_TRANSLATE_NOOP("domain", "Nazione «{0}» non valida: codice ISO di due lettere"),
    QT_TRANSLATE_NOOP("domain", "CAP «{0}» non valido"),
    QT_TRANSLATE_NOOP("domain", "Provincia «{0}» non valida: sigla di due lettere"),
    QT_TRANSLATE_NOOP("domain", "Dati specifici dell'ente secondario «{0}» non validi: la forma è 9/<codice "
                                "tassonomico>/ seguito da al massimo 129 caratteri senza spazi (es. "
                                "9/0101108TS/)"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: un codice contiene caratteri di controllo (a capo, "
                                "tabulazioni): rimuovili"),
    # services/rejections.py: the portal's codes on a rejected debt
    QT_TRANSLATE_NOOP("domain", "Rifiutato dal portale ({0}): {1}"),
    QT_TRANSLATE_NOOP("domain", "Rifiutato dal portale ({0})"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: il codice del capitolo è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: codice più lungo di 64 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: codice ufficio più lungo di 64 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: serve almeno un accertamento con il suo importo"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: l'importo di ogni accertamento deve essere positivo"),
    QT_TRANSLATE_NOOP("domain", "Capitolo {0}: codice accertamento più lungo di 64 caratteri"),
    QT_TRANSLATE_NOOP("domain", "La somma del bilancio ({0}) è diversa dall'importo del dovuto ({1})"),
    QT_TRANSLATE_NOOP("domain", "IUD «{0}» ripetuto {1} volte (righe {2}): deve essere univoco"),
    QT_TRANSLATE_NOOP("domain", "IUD «{0}» ripetuto {1} volte: deve essere univoco"),
    QT_TRANSLATE_NOOP("domain", "IUD «{0}» ripetuto {1} volte (righe {2} e altre {3}): deve essere univoco"),
    # domain/identity.py
    QT_TRANSLATE_NOOP("domain", "Codice fiscale «{0}» non valido: {1}"),
    QT_TRANSLATE_NOOP("domain", "deve avere 16 caratteri, ne ha {0}"),
    QT_TRANSLATE_NOOP("domain", "carattere di controllo errato"),
    QT_TRANSLATE_NOOP("domain", "formato errato"),
    QT_TRANSLATE_NOOP("domain", "data di nascita o comune non validi"),
    QT_TRANSLATE_NOOP("domain", "{0} «{1}» deve avere 11 cifre"),
    QT_TRANSLATE_NOOP("domain", "{0} «{1}» ha il carattere di controllo errato"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale numerico"),
    QT_TRANSLATE_NOOP("domain", "La partita IVA"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'Ente"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale / partita IVA"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'ente secondario"),
    QT_TRANSLATE_NOOP("domain", "Debitore ANONIMO non ammesso per questo tipo dovuto"),
    # domain/codes.py
    QT_TRANSLATE_NOOP("domain", "«{0}» deve contenere solo cifre"),
    QT_TRANSLATE_NOOP("domain", "Il codice di segregazione «{0}» deve essere di due cifre (00-99)"),
    QT_TRANSLATE_NOOP("domain", "Il progressivo IUV deve partire da 1"),
    QT_TRANSLATE_NOOP("domain", "Progressivi IUV esauriti per questo codice di segregazione"),
    QT_TRANSLATE_NOOP("domain", "Il numero avviso deve contenere solo cifre"),
    QT_TRANSLATE_NOOP("domain", "Il numero avviso deve avere 18 cifre, ne ha {0}"),
    QT_TRANSLATE_NOOP("domain", "Cifra ausiliaria {0} non valida: ammesse 0, 1, 2, 3"),
    QT_TRANSLATE_NOOP("domain", "Cifre di controllo errate: «{0}», attese «{1}» (resto della divisione per "
                                "93)"),
    QT_TRANSLATE_NOOP("domain", "Lo IUV numerico deve contenere solo cifre"),
    QT_TRANSLATE_NOOP("domain", "Cifre di controllo dello IUV errate: «{0}», attese «{1}»"),
    QT_TRANSLATE_NOOP("domain", "Lo IUV deve avere 15 o 17 cifre (o essere un riferimento RF), ne ha {0}"),
    QT_TRANSLATE_NOOP("domain", "Il riferimento RF ammette da 1 a 21 lettere o cifre"),
    QT_TRANSLATE_NOOP("domain", "Un riferimento RF è «RF», due cifre di controllo e da 1 a 21 lettere o "
                                "cifre"),
    QT_TRANSLATE_NOOP("domain", "Cifre di controllo RF errate: «{0}», attese «{1}» (ISO 11649)"),
    QT_TRANSLATE_NOOP("domain", "Codice vuoto"),
    QT_TRANSLATE_NOOP("domain", "«{0}» non è un numero avviso (18 cifre), uno IUV (15 o 17 cifre) né un "
                                "riferimento RF"),
    QT_TRANSLATE_NOOP("domain", "I dati specifici di riscossione devono avere la forma <0|1|2|9>/<codice> "
                                "(es. 9/0101108TS/), da 5 a 140 caratteri senza spazi"),
    # domain/money.py
    QT_TRANSLATE_NOOP("domain", "Importo non valido"),
    QT_TRANSLATE_NOOP("domain", "Importo mancante"),
    QT_TRANSLATE_NOOP("domain", "Importo «{0}» non valido: usa il formato 1.234,56"),
    QT_TRANSLATE_NOOP("domain", "Importo «{0}» con più di due decimali"),
    QT_TRANSLATE_NOOP("domain", "Importo «{0}» oltre il massimo ammesso ({1})"),
    QT_TRANSLATE_NOOP("domain", "Importo «{0}» non valido: atteso un numero con il punto decimale (es. "
                                "1234.56)"),
    # domain/ente.py: validate_ente, validate_debt_type
    QT_TRANSLATE_NOOP("domain", "Il codice IPA è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il codice IPA è lungo {0} caratteri: al massimo 35"),
    QT_TRANSLATE_NOOP("domain", "Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti "
                                "del nome del flusso)"),
    QT_TRANSLATE_NOOP("domain", "Il nome dell'Ente è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il nome dell'Ente supera i 100 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Il codice applicativo deve essere di due cifre"),
    QT_TRANSLATE_NOOP("domain", "Il codice CBILL è di 5 caratteri alfanumerici maiuscoli"),
    QT_TRANSLATE_NOOP("domain", "Modalità di adesione «{0}» non valida: base, flussi o ente"),
    QT_TRANSLATE_NOOP("domain", "Generazione IUV «{0}» non valida: portal o app"),
    QT_TRANSLATE_NOOP("domain", "Per generare gli IUV con MyPay Desk serve il codice di segregazione dell'Ente"),
    QT_TRANSLATE_NOOP("domain", "Il conto corrente postale ha fino a 12 cifre"),
    QT_TRANSLATE_NOOP("domain", "Indica l'intestatario del conto corrente postale"),
    QT_TRANSLATE_NOOP("domain", "L'indirizzo deve iniziare con http:// o https://"),
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto supera i 64 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Il codice del tipo dovuto ammette lettere, cifre e _"),
    QT_TRANSLATE_NOOP("domain", "MARCA_BOLLO_DIGITALE non è gestibile con i flussi"),
    QT_TRANSLATE_NOOP("domain", "IBAN non valido"),
    # domain/notice.py: unpayable_reason; services/notices.py: skipped debts
    QT_TRANSLATE_NOOP("domain", "dovuto annullato"),
    QT_TRANSLATE_NOOP("domain", "dovuto già pagato"),
    QT_TRANSLATE_NOOP("domain", "dovuto già pagato in parte"),
    QT_TRANSLATE_NOOP("domain", "dati del dovuto non validi: correggere gli errori segnalati"),
    QT_TRANSLATE_NOOP("domain", "dovuto rifiutato dal portale: correggerlo e inviarlo di nuovo"),
    QT_TRANSLATE_NOOP("domain", "dovuto scaduto sul portale"),
    QT_TRANSLATE_NOOP("domain", "numero avviso non ancora assegnato"),
    QT_TRANSLATE_NOOP("domain", "numero avviso «{0}» non valido (servono 18 cifre)"),
    QT_TRANSLATE_NOOP("domain", "importo mancante o pari a zero"),
    QT_TRANSLATE_NOOP("domain", "importo oltre il massimo stampabile sull'avviso (999.999,99)"),
    QT_TRANSLATE_NOOP("domain", "rata {0}: {1}"),
    QT_TRANSLATE_NOOP("domain", "nessuna rata da pagare"),
    QT_TRANSLATE_NOOP("domain", "IUD non trovato"),
    QT_TRANSLATE_NOOP("domain", "IUD non trovato nella lista «{0}»"),
    # services/errors.py: where a UserError happened (file, riga, colonna, campo)
    QT_TRANSLATE_NOOP("domain", "file {0}"),
    QT_TRANSLATE_NOOP("domain", "riga {0}"),
    QT_TRANSLATE_NOOP("domain", "colonna {0}"),
    QT_TRANSLATE_NOOP("domain", "campo {0}"),
    # services/lists/
    QT_TRANSLATE_NOOP("domain", "IUD «{0}» già usato da un altro dovuto in questa lista: deve essere "
                                "univoco per l'Ente"),
    QT_TRANSLATE_NOOP("domain", "IUD «{0}» già usato da un altro dovuto nella lista {1}: deve essere "
                                "univoco per l'Ente"),
    QT_TRANSLATE_NOOP("domain", "Il bilancio supera i {0} caratteri"),
    QT_TRANSLATE_NOOP("domain", "Il nome della lista è obbligatorio"),
    QT_TRANSLATE_NOOP("domain", "Il nome della lista supera i 120 caratteri"),
    QT_TRANSLATE_NOOP("domain", "Esiste già una lista chiamata «{0}»"),
    QT_TRANSLATE_NOOP("domain", "Tipo dovuto «{0}» non configurato per l'Ente"),
    QT_TRANSLATE_NOOP("domain", "La lista «{0}» non si può eliminare: alcuni suoi dovuti sono già stati "
                                "inviati al portale. Annulla i dovuti che non servono più."),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} è già stato inviato al portale: annullalo invece di "
                                "eliminarlo"),
    QT_TRANSLATE_NOOP("domain", "Alcune rate sono già sul portale: annullale invece di eliminarle"),
    QT_TRANSLATE_NOOP("domain", "Campo «{0}» non modificabile"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} non si può modificare ({1})"),
    QT_TRANSLATE_NOOP("domain", "annullamento richiesto"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} è già sul portale: l'IUD non si può cambiare (annullalo e "
                                "creane uno nuovo)"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} è già sul portale: lo IUV non si può cambiare"),
    QT_TRANSLATE_NOOP("domain", "{0} è già una rata: dividi il dovuto principale"),
    QT_TRANSLATE_NOOP("domain", "Le rate di {0} sono già state inviate al portale: non si possono cambiare "
                                "né togliere (annulla il dovuto e creane uno nuovo)"),
    QT_TRANSLATE_NOOP("domain", "Servono almeno due rate (una sola rata è il pagamento in unica soluzione)"),
    QT_TRANSLATE_NOOP("domain", "Al massimo 99 rate"),
    QT_TRANSLATE_NOOP("domain", "Rata {0}: l'importo deve essere maggiore di zero"),
    QT_TRANSLATE_NOOP("domain", "Rata {0}: importo oltre il massimo ammesso"),
    QT_TRANSLATE_NOOP("domain", "Rata {0}: la scadenza è obbligatoria"),
    QT_TRANSLATE_NOOP("domain", "Le scadenze delle rate devono essere in ordine crescente"),
    QT_TRANSLATE_NOOP("domain", "La somma delle rate ({0}) deve essere uguale all'importo di {1} ({2})"),
    QT_TRANSLATE_NOOP("domain", "Data «{0}» non valida"),
    QT_TRANSLATE_NOOP("domain", "File non trovato"),
    QT_TRANSLATE_NOOP("domain", "Nessuna colonna riconosciuta: indica quale colonna contiene codice "
                                "fiscale, nome, importo e gli altri dati"),
    QT_TRANSLATE_NOOP("domain", "Il file non contiene righe di dati (solo l'intestazione o righe vuote)"),
    QT_TRANSLATE_NOOP("domain", "Cartella di destinazione inesistente"),
    QT_TRANSLATE_NOOP("domain", "Nessun dovuto da inviare nella lista «{0}»"),
    QT_TRANSLATE_NOOP("domain", "Nessun dovuto da inviare nella lista «{0}»: {1} con errori da correggere"),
    # services/debt_table.py: bulk changes
    QT_TRANSLATE_NOOP("domain", "Scegli il tipo dovuto da assegnare"),
    QT_TRANSLATE_NOOP("domain", "Indica di quanti giorni o mesi spostare le scadenze"),
    QT_TRANSLATE_NOOP("domain", "Indica la percentuale o la somma da aggiungere"),
    QT_TRANSLATE_NOOP("domain", "Nessun IUD libero dopo {0}: scrivi l'IUD a mano"),
    QT_TRANSLATE_NOOP("domain", "Il prefisso non può iniziare con 000 (riservato a MyPay)"),
    QT_TRANSLATE_NOOP("domain", "Il prefisso ammette lettere, cifre e _ - ."),
    QT_TRANSLATE_NOOP("domain", "Prefisso troppo lungo: l'IUD ha al massimo 35 caratteri"),
    # services/lists (import and editing) and services/portal.py: IUDs, portal settings
    QT_TRANSLATE_NOOP("domain", "Prefisso IUD «{0}» non valido: usa lettere, cifre e _ - ."),
    QT_TRANSLATE_NOOP("domain", "Il prefisso IUD non può iniziare con 000 (riservato a MyPay)"),
    QT_TRANSLATE_NOOP("domain", "Prefisso IUD troppo lungo: al massimo {0} caratteri (l'IUD ne ha {1}, {2} sono "
                                "generati)"),
    QT_TRANSLATE_NOOP("domain", "L'IUD del dovuto {0} non può essere vuoto: scrivine uno nuovo invece di cancellarlo"),
    QT_TRANSLATE_NOOP("domain", "Indirizzo del portale non impostato per l'Ente {0}: indicalo nella pagina Portale o "
                                "con «mypay-desk ente set --ipa {1} --portal-url URL»"),
    QT_TRANSLATE_NOOP("domain", "Password del portale non impostata per l'Ente {0}: inseriscila nella pagina Portale "
                                "o con «mypay-desk ente set --ipa {1} --password-stdin» (su un server senza "
                                "portachiavi: «--password-file FILE»)"),
    QT_TRANSLATE_NOOP("domain", "Indirizzo del portale «{0}» non valido: scrivilo come https://nome-del-portale/... "
                                "(per il portale di prova: http://127.0.0.1:PORTA)"),
    QT_TRANSLATE_NOOP("domain", "Scrivi il modello della causale"),
    QT_TRANSLATE_NOOP("domain", "Modello della causale non valido: {0}"),
    QT_TRANSLATE_NOOP("domain", "non modificabile ({0})"),
    QT_TRANSLATE_NOOP("domain", "senza scadenza"),
    QT_TRANSLATE_NOOP("domain", "l'importo risulterebbe zero o negativo"),
    QT_TRANSLATE_NOOP("domain", "l'importo supererebbe il massimo ammesso"),
    QT_TRANSLATE_NOOP("domain", "già sul portale: l'IUD non si può cambiare"),
    # services/sync/, services/portal.py, services/codes.py, services/ente.py
    QT_TRANSLATE_NOOP("domain", "L'Ente aderisce a MyPay in modalità base: non carica dovuti sul portale. "
                                "Cambia la modalità di adesione nelle impostazioni se l'Ente è passato ai "
                                "flussi."),
    QT_TRANSLATE_NOOP("domain", "Un altro invio di questa lista è in corso: riprova tra poco"),
    QT_TRANSLATE_NOOP("domain", "Indica lo IUD del dovuto"),
    QT_TRANSLATE_NOOP("domain", "L'Ente aderisce in modalità base: non invia dovuti al portale"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} fa parte di un flusso in corso di invio: attendi l'esito"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} è già allineato con il portale: non c'è niente da inviare"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} ha degli errori: correggili prima di inviarlo"),
    QT_TRANSLATE_NOOP("domain", "Il pagamento presso lo sportello richiede la modalità di adesione "
                                "«Iniziato presso l'Ente»"),
    QT_TRANSLATE_NOOP("domain", "Il dovuto {0} ha degli errori: correggili prima del pagamento"),
    QT_TRANSLATE_NOOP("domain", "Codice IPA mancante: salva prima i dati dell'Ente"),
    QT_TRANSLATE_NOOP("domain", "La password del portale è vuota"),
    QT_TRANSLATE_NOOP("domain", "sandbox dimostrativa"),
    QT_TRANSLATE_NOOP("domain", "file dello spazio di lavoro"),
    QT_TRANSLATE_NOOP("domain", "portachiavi di sistema"),
    QT_TRANSLATE_NOOP("domain", "Il numero di IUV da generare deve essere almeno 1"),
    QT_TRANSLATE_NOOP("domain", "Imposta il codice di segregazione dell'Ente per generare IUV"),
    QT_TRANSLATE_NOOP("domain", "Nessun Ente configurato: usa «mypay-desk ente set» o la configurazione "
                                "guidata"),
    QT_TRANSLATE_NOOP("domain", "Nessuna modifica da inviare: la lista è allineata con il portale"),
    QT_TRANSLATE_NOOP("domain", "Nessuna modifica da inviare: la lista è allineata con il portale ({0} "
                                "dovuti risultano pagati sul portale e non sono stati modificati)"),
    QT_TRANSLATE_NOOP("domain", "Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti)"),
    QT_TRANSLATE_NOOP("domain", "Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti) ripreso"),
    QT_TRANSLATE_NOOP("domain", "{0} accettati, {1} rifiutati"),
    QT_TRANSLATE_NOOP("domain", "{0} accettati, {1} rifiutati ({2} dei rifiutati erano già sul portale e sono "
                                "stati ripresi)"),
    QT_TRANSLATE_NOOP("domain", "non cercato sul portale (oltre i primi {0} del flusso): per riprenderlo invialo "
                                "di nuovo con «Reinvia anche i dovuti rifiutati e non modificati»"),
    QT_TRANSLATE_NOOP("domain", "il portale aveva già il dovuto (da un invio precedente): ripreso con lo IUV {0}, "
                                "la versione della lista partirà con il prossimo invio come modifica"),
    QT_TRANSLATE_NOOP("domain", "rifiutato dal portale. {0} Le modifiche restano in attesa."),
    QT_TRANSLATE_NOOP("domain", "Il dovuto risulta già pagato sul portale{0}: {1} non è stata applicata per "
                                "non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la "
                                "lista."),
    QT_TRANSLATE_NOOP("domain", "Il dovuto risulta già pagato sul portale{0}: {1} per non sovrascrivere il "
                                "pagamento. Scarica le ricevute per aggiornare la lista."),
    QT_TRANSLATE_NOOP("domain", "l'inserimento non è stato applicato"),
    QT_TRANSLATE_NOOP("domain", "la modifica non è stata applicata"),
    QT_TRANSLATE_NOOP("domain", "l'annullamento non è stato applicato"),
    QT_TRANSLATE_NOOP("domain", " ({0} il {1})"),
    QT_TRANSLATE_NOOP("domain", " ({0} il {1}, {2})"),
    QT_TRANSLATE_NOOP("domain", "la modifica"),
    QT_TRANSLATE_NOOP("domain", "l'annullamento"),
    QT_TRANSLATE_NOOP("domain", "il dovuto risulta già pagato"),
    QT_TRANSLATE_NOOP("domain", "Connessione riuscita: il portale ha riconosciuto l'Ente {0} ({1} ms)"),
    # services/notices.py, services/backups.py
    QT_TRANSLATE_NOOP("domain", "Lista «{0}» non trovata per l'Ente {1}"),
    QT_TRANSLATE_NOOP("domain", "Indicare una lista, degli IUD o dei dovuti da stampare"),
    QT_TRANSLATE_NOOP("domain", "Il codice fiscale dell'Ente deve avere 11 cifre per stampare gli avvisi"),
    QT_TRANSLATE_NOOP("domain", "{0} è una cartella: indicare il nome del file da creare"),
    QT_TRANSLATE_NOOP("domain", "La cartella {0} non esiste"),
    QT_TRANSLATE_NOOP("domain", "Font mancante per gli avvisi: {0}. Reinstallare l'applicazione."),
    QT_TRANSLATE_NOOP("domain", "Il database è vuoto: non c'è nulla da copiare"),
    QT_TRANSLATE_NOOP("domain", "Backup non trovato: {0}"),
    QT_TRANSLATE_NOOP("domain", "{0} non è un database leggibile: scegli un altro backup ({1})"),
    QT_TRANSLATE_NOOP("domain", "{0} non è un backup di MyPay Desk"),
    QT_TRANSLATE_NOOP("domain", "{0} viene da una versione più recente dell'app"),
    QT_TRANSLATE_NOOP("domain", "{0} è danneggiato e non viene ripristinato ({1}). I dati attuali non sono "
                                "stati toccati: scegli un altro backup."),
    # progress messages of services/lists/, sync/, receipts/, reconciliation/, demo.py
    QT_TRANSLATE_NOOP("domain", "Lettura del file"),
    QT_TRANSLATE_NOOP("domain", "Controllo dei dati"),
    QT_TRANSLATE_NOOP("domain", "Confronto con la lista"),
    QT_TRANSLATE_NOOP("domain", "Salvataggio"),
    QT_TRANSLATE_NOOP("domain", "Fatto"),
    QT_TRANSLATE_NOOP("domain", "Preparazione del flusso"),
    QT_TRANSLATE_NOOP("domain", "Caricamento sul portale"),
    QT_TRANSLATE_NOOP("domain", "Elaborazione sul portale"),
    QT_TRANSLATE_NOOP("domain", "Applicazione degli esiti"),
    QT_TRANSLATE_NOOP("domain", "{0} di {1} dovuti"),
    QT_TRANSLATE_NOOP("domain", "Abbinamento delle ricevute già presenti"),
    QT_TRANSLATE_NOOP("domain", "{0} ricevute lette, {1} nuove"),
    QT_TRANSLATE_NOOP("domain", "{0} ricevute nuove"),
    QT_TRANSLATE_NOOP("domain", "Scaricamento dell'export delle ricevute"),
    QT_TRANSLATE_NOOP("domain", "Prenotazione dell'export delle ricevute"),
    QT_TRANSLATE_NOOP("domain", "Il portale sta preparando l'export ({0})"),
    QT_TRANSLATE_NOOP("domain", "Lettura dei dati"),
    QT_TRANSLATE_NOOP("domain", "Flussi e movimenti di tesoreria"),
    QT_TRANSLATE_NOOP("domain", "Preparazione dell'Ente dimostrativo"),
    QT_TRANSLATE_NOOP("domain", "Avvio del portale di prova"),
    QT_TRANSLATE_NOOP("domain", "Creazione della lista «{0}»"),
    QT_TRANSLATE_NOOP("domain", "Ente dimostrativo pronto"),
    QT_TRANSLATE_NOOP("domain", "Invio della lista «{0}» al portale di prova"),
    QT_TRANSLATE_NOOP("domain", "I cittadini pagano una parte dei dovuti sul portale di prova"),
    QT_TRANSLATE_NOOP("domain", "Scaricamento delle ricevute dal portale di prova"),
    QT_TRANSLATE_NOOP("domain", "Modifiche alla TARI da inviare al portale"),
    QT_TRANSLATE_NOOP("domain", "Rendicontazioni dei PSP e giornale di cassa della tesoreria"),
    QT_TRANSLATE_NOOP("domain", "Riconciliazione di ricevute, rendicontazioni e tesoreria"),
    # domain/reconciliation.py: LABELS (MyPivot's classifications)
    QT_TRANSLATE_NOOP("domain", "Pagamenti Notificati"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti Notificati e Rendicontati"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti riversati cumulativamente"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti Rendicontati"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti riversati puntualmente"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti non correttamente rendicontati"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti non correttamente notificati"),
    QT_TRANSLATE_NOOP("domain", "Notifiche di pagamenti non eseguiti"),
    QT_TRANSLATE_NOOP("domain", "Rendicontazioni di pagamenti non eseguiti"),
    QT_TRANSLATE_NOOP("domain", "Rendicontazioni non correttamente riversate"),
    QT_TRANSLATE_NOOP("domain", "Rendicontazioni riversate con importo scorretto"),
    QT_TRANSLATE_NOOP("domain", "Riversamenti non rendicontati o di pagamenti non eseguiti"),
    QT_TRANSLATE_NOOP("domain", "Riversamenti di tesoreria sconosciuti"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti doppi"),
    # services/reconciliation/views.py: EXPLANATIONS, KIND_LABELS, the four records of a result
    QT_TRANSLATE_NOOP("domain", "Dovuto, ricevuta, rendicontazione e accredito in tesoreria concordano."),
    QT_TRANSLATE_NOOP("domain", "Dovuto, ricevuta e rendicontazione concordano; manca l'accredito in "
                                "tesoreria del flusso (o ha un importo diverso)."),
    QT_TRANSLATE_NOOP("domain", "Ricevuta, rendicontazione e accredito cumulativo concordano; manca il "
                                "dovuto dell'Ente o ha un importo diverso."),
    QT_TRANSLATE_NOOP("domain", "Ricevuta e rendicontazione concordano."),
    QT_TRANSLATE_NOOP("domain", "Ricevuta accreditata singolarmente in tesoreria (causale con lo IUV)."),
    QT_TRANSLATE_NOOP("domain", "La ricevuta non ha una rendicontazione del PSP con lo stesso importo."),
    QT_TRANSLATE_NOOP("domain", "Pagamento senza un dovuto dell'Ente corrispondente."),
    QT_TRANSLATE_NOOP("domain", "Dovuto scaduto senza ricevuta, o con una ricevuta di importo diverso."),
    QT_TRANSLATE_NOOP("domain", "Il PSP ha rendicontato un pagamento di cui non c'è la ricevuta."),
    QT_TRANSLATE_NOOP("domain", "Il flusso di rendicontazione non risulta accreditato in tesoreria."),
    QT_TRANSLATE_NOOP("domain", "L'accredito in tesoreria del flusso ha un importo diverso dal totale "
                                "rendicontato."),
    QT_TRANSLATE_NOOP("domain", "Accredito con un riferimento pagoPA (IUF o IUV) che non corrisponde a "
                                "nessun flusso, ricevuta o dovuto."),
    QT_TRANSLATE_NOOP("domain", "Accredito senza alcun riferimento pagoPA nella causale."),
    QT_TRANSLATE_NOOP("domain", "Lo stesso IUV risulta pagato o rendicontato più volte: l'importo è "
                                "l'eccedenza."),
    QT_TRANSLATE_NOOP("domain", "Flussi di rendicontazione (FdR)"),
    QT_TRANSLATE_NOOP("domain", "Giornale di cassa OPI"),
    QT_TRANSLATE_NOOP("domain", "Estratto conto CSV"),
    QT_TRANSLATE_NOOP("domain", "File misti"),
    QT_TRANSLATE_NOOP("domain", "Dovuto (notifica dell'Ente)"),
    QT_TRANSLATE_NOOP("domain", "Ricevuta (RT)"),
    QT_TRANSLATE_NOOP("domain", "Rendicontazione PSP (FdR)"),
    QT_TRANSLATE_NOOP("domain", "Movimento di tesoreria"),
    QT_TRANSLATE_NOOP("domain", "Il record collegato non è più presente: esegui di nuovo la "
                                "riconciliazione."),
    QT_TRANSLATE_NOOP("domain", "Nessun dovuto dell'Ente con questo IUV."),
    QT_TRANSLATE_NOOP("domain", "Nessuna ricevuta di pagamento con questo IUV."),
    QT_TRANSLATE_NOOP("domain", "Nessun flusso di rendicontazione con questo IUV."),
    QT_TRANSLATE_NOOP("domain", "Nessun accredito in tesoreria collegato."),
    QT_TRANSLATE_NOOP("domain", "Numero avviso"),
    QT_TRANSLATE_NOOP("domain", "Codice fiscale"),
    QT_TRANSLATE_NOOP("domain", "Stato"),
    QT_TRANSLATE_NOOP("domain", "IUR"),
    QT_TRANSLATE_NOOP("domain", "Pagatore"),
    QT_TRANSLATE_NOOP("domain", "Importo pagato"),
    QT_TRANSLATE_NOOP("domain", "Totale pagato"),
    QT_TRANSLATE_NOOP("domain", "Data esito"),
    QT_TRANSLATE_NOOP("domain", "PSP"),
    QT_TRANSLATE_NOOP("domain", "Identificativo ricevuta"),
    QT_TRANSLATE_NOOP("domain", "Indice"),
    QT_TRANSLATE_NOOP("domain", "Esito"),
    QT_TRANSLATE_NOOP("domain", "Flusso (IUF)"),
    QT_TRANSLATE_NOOP("domain", "Data flusso"),
    QT_TRANSLATE_NOOP("domain", "Regolamento"),
    QT_TRANSLATE_NOOP("domain", "Data regolamento"),
    QT_TRANSLATE_NOOP("domain", "Pagamenti nel flusso"),
    QT_TRANSLATE_NOOP("domain", "Totale flusso"),
    QT_TRANSLATE_NOOP("domain", "Fonte"),
    QT_TRANSLATE_NOOP("domain", "Tipo"),
    QT_TRANSLATE_NOOP("domain", "Data contabile"),
    QT_TRANSLATE_NOOP("domain", "Data valuta"),
    QT_TRANSLATE_NOOP("domain", "Ordinante"),
    QT_TRANSLATE_NOOP("domain", "IUF nella causale"),
    QT_TRANSLATE_NOOP("domain", "IUV nella causale"),
    QT_TRANSLATE_NOOP("domain", "Documento"),
    QT_TRANSLATE_NOOP("domain", "Conto"),
    QT_TRANSLATE_NOOP("domain", "Accrediti per questo flusso"),
    QT_TRANSLATE_NOOP("domain", "{0}, totale {1}"),
    QT_TRANSLATE_NOOP("domain", "Estratto conto"),
    QT_TRANSLATE_NOOP("domain", "codice sconosciuto"),
    QT_TRANSLATE_NOOP("domain", "sì"),
    QT_TRANSLATE_NOOP("domain", "no"),
    # services/sync/views.py: FLOW_STATE_LABELS; services/receipts/views.py: MATCH_LABELS, receipt fields
    QT_TRANSLATE_NOOP("domain", "Preparato (non ancora inviato)"),
    QT_TRANSLATE_NOOP("domain", "Invio da verificare"),
    QT_TRANSLATE_NOOP("domain", "In elaborazione sul portale"),
    QT_TRANSLATE_NOOP("domain", "Elaborato"),
    QT_TRANSLATE_NOOP("domain", "Abbinato (IUD)"),
    QT_TRANSLATE_NOOP("domain", "Abbinato (IUV)"),
    QT_TRANSLATE_NOOP("domain", "Non abbinato"),
    QT_TRANSLATE_NOOP("domain", "Tipo di ricevuta"),
    QT_TRANSLATE_NOOP("domain", "Dati dell'export (la ricevuta XML non è inclusa)"),
    QT_TRANSLATE_NOOP("domain", "Data pagamento"),
    # formats/receipt_xml.py: OUTCOME_LABELS, display_rows; formats/fdr.py: KNOWN_OUTCOMES
    QT_TRANSLATE_NOOP("domain", "Pagamento eseguito"),
    QT_TRANSLATE_NOOP("domain", "Pagamento non eseguito"),
    QT_TRANSLATE_NOOP("domain", "Pagamento parzialmente eseguito"),
    QT_TRANSLATE_NOOP("domain", "Decorrenza termini"),
    QT_TRANSLATE_NOOP("domain", "Decorrenza termini parziale"),
    QT_TRANSLATE_NOOP("domain", "Pagamento revocato"),
    QT_TRANSLATE_NOOP("domain", "Pagamento eseguito in Stand-In"),
    QT_TRANSLATE_NOOP("domain", "Pagamento eseguito in Stand-In senza RPT"),
    QT_TRANSLATE_NOOP("domain", "Pagamento eseguito in assenza di RPT"),
    QT_TRANSLATE_NOOP("domain", "Ricevuta pagoPA (paSendRT)"),
    QT_TRANSLATE_NOOP("domain", "Ricevuta telematica (RT)"),
    QT_TRANSLATE_NOOP("domain", "Esito MyPay (Pagati)"),
    QT_TRANSLATE_NOOP("domain", "Ente creditore"),
    QT_TRANSLATE_NOOP("domain", "Versante"),
    QT_TRANSLATE_NOOP("domain", "Canale"),
    QT_TRANSLATE_NOOP("domain", "Metodo di pagamento"),
    QT_TRANSLATE_NOOP("domain", "Commissione"),
    QT_TRANSLATE_NOOP("domain", "Data e ora pagamento"),
    QT_TRANSLATE_NOOP("domain", "Data applicativa"),
    QT_TRANSLATE_NOOP("domain", "Versamento"),
    QT_TRANSLATE_NOOP("domain", "Versamento {0}"),
    QT_TRANSLATE_NOOP("domain", "Avviso"),
    # services/activity.py: an activity another desk (or window) is running: who, what, since when
    QT_TRANSLATE_NOOP("domain", "Un'altra postazione"),
    QT_TRANSLATE_NOOP("domain", "Un'altra finestra o un comando di MyPay Desk su questa postazione ({0})"),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando la lista «{1}» al portale dalle {2}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando la lista «{1}» al portale dal {2}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando la lista «{1}» al portale: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando un flusso al portale dalle {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando un flusso al portale dal {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta inviando un flusso al portale: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta scaricando le ricevute dal portale dalle {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta scaricando le ricevute dal portale dal {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta scaricando le ricevute dal portale: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta eseguendo la riconciliazione dalle {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta eseguendo la riconciliazione dal {1}: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "{0} sta eseguendo la riconciliazione: "
                                "attendi che abbia finito e riprova. Nulla è stato fatto."),
    QT_TRANSLATE_NOOP("domain", "La connessione al database si è interrotta durante l'operazione: per non "
                                "inviare due volte gli stessi dati l'operazione si è fermata e riprenderà al "
                                "prossimo tentativo."),
    # services/ente.py: the current Ente is saved in the desk's folder
    QT_TRANSLATE_NOOP("domain", "Non riesco a salvare l'Ente corrente in {0}: {1}"),
)

_PLACEHOLDER = re.compile(r"\\\{(\d+)\\\}")
_PROBE = "IBAN non valido"  # any text of the table: tells whether a catalogue translates the domain


@cache
def _tables() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern, frozenset[int]], ...]]:
    labels = frozenset(t for t in TEXTS if "{" not in t)
    templates = []
    for text in TEXTS:
        if "{" not in text:
            continue
        rx = _PLACEHOLDER.sub(lambda m: f"(?P<p{m.group(1)}>.*?)", re.escape(text))
        # A value between «» is the user's own text (a name, a code): it is never translated.
        quoted = frozenset(int(n) for n in re.findall(r"«\{(\d+)\}»", text))
        templates.append((text, re.compile(f"^{rx}$", re.DOTALL), quoted))
    # The most specific template first: the one with the most fixed text.
    templates.sort(key=lambda t: -len(_PLACEHOLDER.sub("", re.escape(t[0]))))
    return labels, tuple(templates)


def _patterns() -> list[tuple[str, re.Pattern]]:
    return [(template, rx) for template, rx, _q in _tables()[1]]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@cache
def _active() -> bool:
    return _tr(_PROBE) != _PROBE


def _label(text: str) -> str | None:
    """The translation of a known label (also written lower-case, as inside a sentence), else None."""
    labels = _tables()[0]
    if text in labels:
        return _tr(text)
    if text[:1].islower() and (cap := text[:1].upper() + text[1:]) in labels:
        translated = _tr(cap)
        return translated[:1].lower() + translated[1:]
    return None


@lru_cache(maxsize=8192)
def _one(message: str) -> str:
    found = _label(message)
    if found is not None:
        return found
    for template, rx, quoted in _tables()[1]:
        m = rx.match(message)
        if m is None:
            continue
        translated = _tr(template)
        values = [m.group(f"p{i}") for i in range(len(m.groupdict()))]
        values = [v if i in quoted or not v else _one(v) for i, v in enumerate(values)]
        try:
            return translated.format(*values)
        except (IndexError, KeyError, ValueError):  # a broken translation must not hide the message
            return message
    head, sep, tail = message.partition(": ")
    if sep and head and tail:  # "label: message", as the lists' error column and the progress texts
        return f"{_one(head)}: {_one(tail)}"
    return message


def domain_text(message: str) -> str:
    """``message`` (from the domain or a service) in the interface language; unknown texts stay Italian."""
    if not message or not _active():
        return message
    # "a; b" joins messages; "a — b" adds a note to one (a flow row's rejection and what was found after it)
    return "; ".join(" — ".join(map(_one, part.split(" — "))) for part in message.split("; "))


def domain_label(text: str) -> str:
    """A label from the domain or a service (a state, a column, a field name) in the interface language.

    Only exact labels are translated: use this for values that may also be the user's own data.
    """
    if not text or not _active():
        return text
    found = _label(text)
    return text if found is None else found


def user_error_text(exc) -> str:
    """A services.errors.UserError as its ``str()``, with the place (file, row...) and message translated.

    Any other exception: its text through ``domain_text``.
    """
    if not _active():
        return str(exc)
    if not (hasattr(exc, "message") and hasattr(exc, "field") and hasattr(exc, "row")):
        return domain_text(str(exc))
    where = []
    if getattr(exc, "file", None):
        where.append(_tr("file {0}").format(exc.file))
    if getattr(exc, "row", None) is not None:
        where.append(_tr("riga {0}").format(exc.row))
    if getattr(exc, "column", None):
        where.append(_tr("colonna {0}").format(exc.column))
    if getattr(exc, "field", None) and not getattr(exc, "column", None):
        where.append(_tr("campo {0}").format(exc.field))
    text = domain_text(getattr(exc, "message", str(exc)))
    return f"{', '.join(where)}: {text}" if where else text


def clear_cache() -> None:
    """Forget translations made so far (called when the catalogues change)."""
    _active.cache_clear()
    _one.cache_clear()
