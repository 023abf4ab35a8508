<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="it_IT">
<context>
    <name>AmountLineEdit</name>
    <message>
        <source>Scrivi un importo (per esempio 1.234,56)</source>
        <translation>Scrivi un importo (per esempio 1.234,56)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Data e ora</source>
        <translation>Data e ora</translation>
    </message>
    <message>
        <source>Utente</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Postazione</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Dettagli</source>
        <translation>Dettagli</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Registro attività</source>
        <translation>Registro attività</translation>
    </message>
    <message>
        <source>Ogni azione fatta sui dati dell&apos;Ente, con chi l&apos;ha fatta e da quale postazione. Il nome dell&apos;utente e della postazione si impostano in Impostazioni › Preferenze.</source>
        <translation>Ogni azione fatta sui dati dell&apos;Ente, con chi l&apos;ha fatta e da quale postazione. Il nome dell&apos;utente e della postazione si impostano in Impostazioni › Preferenze.</translation>
    </message>
    <message>
        <source>Tutto</source>
        <translation>Tutto</translation>
    </message>
    <message>
        <source>Togli i filtri</source>
        <translation>Togli i filtri</translation>
    </message>
    <message>
        <source>Utente</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Dal</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>Al</source>
        <translation>Al</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <source>Tutti</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Tutte</source>
        <translation>Tutte</translation>
    </message>
    <message numerus="yes">
        <source>%n righe</source>
        <translation>
            <numerusform>%n riga</numerusform>
            <numerusform>%n righe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>All&apos;avvio dell&apos;app viene fatta una copia automatica del database, al più ogni {hours} ore; si tengono le ultime {keep}. Una copia viene fatta anche prima di ogni aggiornamento dell&apos;app e prima di ogni ripristino.</source>
        <translation>All&apos;avvio dell&apos;app viene fatta una copia automatica del database, al più ogni {hours} ore; si tengono le ultime {keep}. Una copia viene fatta anche prima di ogni aggiornamento dell&apos;app e prima di ogni ripristino.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Dimensione</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <source>Nessun backup ancora: usa «Crea backup ora».</source>
        <translation>Nessun backup ancora: usa «Crea backup ora».</translation>
    </message>
    <message>
        <source>Crea backup ora</source>
        <translation>Crea backup ora</translation>
    </message>
    <message>
        <source>Apri cartella</source>
        <translation>Apri cartella</translation>
    </message>
    <message>
        <source>Ripristina da backup…</source>
        <translation>Ripristina da backup…</translation>
    </message>
    <message>
        <source>Sostituisce i dati attuali con quelli del backup selezionato</source>
        <translation>Sostituisce i dati attuali con quelli del backup selezionato</translation>
    </message>
    <message>
        <source>Il database è condiviso su un server PostgreSQL: questa postazione non ne copia i file e non fa copie automatiche. I backup di un database condiviso si fanno sul server (un pg_dump pianificato o i backup del server). «Crea backup ora» esegue pg_dump e salva la copia nella cartella dei backup di questo spazio di lavoro.</source>
        <translation>Il database è condiviso su un server PostgreSQL: questa postazione non ne copia i file e non fa copie automatiche. I backup di un database condiviso si fanno sul server (un pg_dump pianificato o i backup del server). «Crea backup ora» esegue pg_dump e salva la copia nella cartella dei backup di questo spazio di lavoro.</translation>
    </message>
    <message>
        <source>pg_dump non è installato su questa postazione: installa gli strumenti client di PostgreSQL, della stessa versione del server o più recenti (Debian/Ubuntu: «apt install postgresql-client»; Windows: l&apos;installer di PostgreSQL con il solo componente «Command Line Tools», poi aggiungi la sua cartella bin al PATH).</source>
        <translation>pg_dump non è installato su questa postazione: installa gli strumenti client di PostgreSQL, della stessa versione del server o più recenti (Debian/Ubuntu: «apt install postgresql-client»; Windows: l&apos;installer di PostgreSQL con il solo componente «Command Line Tools», poi aggiungi la sua cartella bin al PATH).</translation>
    </message>
    <message>
        <source>pg_dump: {0}</source>
        <translation>pg_dump: {0}</translation>
    </message>
    <message>
        <source>Per ripristinare una copia: chiudi MyPay Desk su tutte le postazioni, poi chi gestisce il server esegue {0}</source>
        <translation>Per ripristinare una copia: chiudi MyPay Desk su tutte le postazioni, poi chi gestisce il server esegue {0}</translation>
    </message>
    <message>
        <source>Automatico</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Manuale</source>
        <translation>Manuale</translation>
    </message>
    <message>
        <source>Prima del ripristino</source>
        <translation>Prima del ripristino</translation>
    </message>
    <message>
        <source>Prima dell&apos;aggiornamento dell&apos;app</source>
        <translation>Prima dell&apos;aggiornamento dell&apos;app</translation>
    </message>
    <message>
        <source>Backup creato: {name}</source>
        <translation>Backup creato: {name}</translation>
    </message>
    <message>
        <source>Backup del database</source>
        <translation>Backup del database</translation>
    </message>
    <message>
        <source>Ripristina da backup</source>
        <translation>Ripristina da backup</translation>
    </message>
    <message>
        <source>Ripristinare i dati dal backup del {date}?</source>
        <translation>Ripristinare i dati dal backup del {date}?</translation>
    </message>
    <message>
        <source>Prima del ripristino viene fatta una copia di sicurezza dei dati attuali: la trovi in questo elenco come «Prima del ripristino» e puoi ripristinarla se cambi idea.

Dopo il ripristino liste, dovuti, flussi e pagamenti tornano come erano al momento del backup; quanto fatto dopo resta solo nella copia di sicurezza.</source>
        <translation>Prima del ripristino viene fatta una copia di sicurezza dei dati attuali: la trovi in questo elenco come «Prima del ripristino» e puoi ripristinarla se cambi idea.

Dopo il ripristino liste, dovuti, flussi e pagamenti tornano come erano al momento del backup; quanto fatto dopo resta solo nella copia di sicurezza.</translation>
    </message>
    <message>
        <source>Ripristina</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Seleziona nell&apos;elenco il backup da ripristinare.</source>
        <translation>Seleziona nell&apos;elenco il backup da ripristinare.</translation>
    </message>
    <message>
        <source>Dati ripristinati dal backup del {date}. Copia di sicurezza dei dati precedenti: {name}</source>
        <translation>Dati ripristinati dal backup del {date}. Copia di sicurezza dei dati precedenti: {name}</translation>
    </message>
    <message>
        <source>Ripristino del backup</source>
        <translation>Ripristino del backup</translation>
    </message>
</context>
<context>
    <name>BulkChangeDialog</name>
    <message>
        <source>Modifiche in blocco</source>
        <translation>Modifiche in blocco</translation>
    </message>
    <message>
        <source>Su quali dovuti</source>
        <translation>Su quali dovuti</translation>
    </message>
    <message numerus="yes">
        <source>Righe selezionate (%Ln)</source>
        <translation>
            <numerusform>Riga selezionata (%Ln)</numerusform>
            <numerusform>Righe selezionate (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tutte le righe mostrate dal filtro (%Ln)</source>
        <translation>
            <numerusform>L&apos;unica riga mostrata dal filtro (%Ln)</numerusform>
            <numerusform>Tutte le righe mostrate dal filtro (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imposta il tipo dovuto</source>
        <translation>Imposta il tipo dovuto</translation>
    </message>
    <message>
        <source>Imposta la scadenza</source>
        <translation>Imposta la scadenza</translation>
    </message>
    <message>
        <source>Sposta le scadenze</source>
        <translation>Sposta le scadenze</translation>
    </message>
    <message>
        <source>Aumenta gli importi di una percentuale</source>
        <translation>Aumenta gli importi di una percentuale</translation>
    </message>
    <message>
        <source>Aumenta gli importi di una somma fissa</source>
        <translation>Aumenta gli importi di una somma fissa</translation>
    </message>
    <message>
        <source>Causale da un modello</source>
        <translation>Causale da un modello</translation>
    </message>
    <message>
        <source>Genera gli IUD con un prefisso</source>
        <translation>Genera gli IUD con un prefisso</translation>
    </message>
    <message>
        <source>Annulla i dovuti</source>
        <translation>Annulla i dovuti</translation>
    </message>
    <message>
        <source>Scegli che cosa modificare…</source>
        <translation>Scegli che cosa modificare…</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione seguono il tipo scelto.</source>
        <translation>I dati specifici di riscossione seguono il tipo scelto.</translation>
    </message>
    <message>
        <source>Nuova scadenza</source>
        <translation>Nuova scadenza</translation>
    </message>
    <message>
        <source>Giorni</source>
        <translation>Giorni</translation>
    </message>
    <message>
        <source>Mesi</source>
        <translation>Mesi</translation>
    </message>
    <message>
        <source>Valori negativi anticipano. I dovuti senza scadenza restano senza.</source>
        <translation>Valori negativi anticipano. I dovuti senza scadenza restano senza.</translation>
    </message>
    <message>
        <source>Percentuale</source>
        <translation>Percentuale</translation>
    </message>
    <message>
        <source>Arrotondato al centesimo; il bilancio è riproporzionato.</source>
        <translation>Arrotondato al centesimo; il bilancio è riproporzionato.</translation>
    </message>
    <message>
        <source>Somma (€, anche negativa)</source>
        <translation>Somma (€, anche negativa)</translation>
    </message>
    <message>
        <source>Il bilancio è riproporzionato al nuovo importo.</source>
        <translation>Il bilancio è riproporzionato al nuovo importo.</translation>
    </message>
    <message>
        <source>TARI {anno} - {nome} ({codice_fiscale})</source>
        <translation>TARI {anno} - {nome} ({codice_fiscale})</translation>
    </message>
    <message>
        <source>Modello</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Anno ({anno})</source>
        <translation>Anno ({anno})</translation>
    </message>
    <message>
        <source>Segnaposto: {anno}, {nome}, {codice_fiscale}, {iud}, {importo}.</source>
        <translation>Segnaposto: {anno}, {nome}, {codice_fiscale}, {iud}, {importo}.</translation>
    </message>
    <message>
        <source>Prefisso</source>
        <translation>Prefisso</translation>
    </message>
    <message>
        <source>Primo numero</source>
        <translation>Primo numero</translation>
    </message>
    <message>
        <source>Cifre</source>
        <translation>Cifre</translation>
    </message>
    <message>
        <source>Numerati nell&apos;ordine della tabella. I dovuti già inviati al portale tengono il loro.</source>
        <translation>Numerati nell&apos;ordine della tabella. I dovuti già inviati al portale tengono il loro.</translation>
    </message>
    <message>
        <source>I dovuti mai inviati sono annullati subito; quelli sul portale saranno annullati con il prossimo invio (azione A).</source>
        <translation>I dovuti mai inviati sono annullati subito; quelli sul portale saranno annullati con il prossimo invio (azione A).</translation>
    </message>
    <message>
        <source>Scegli sopra la modifica da fare: niente viene cambiato finché non premi «Applica».</source>
        <translation>Scegli sopra la modifica da fare: niente viene cambiato finché non premi «Applica».</translation>
    </message>
    <message>
        <source>Applica</source>
        <translation>Applica</translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation>Modifica</translation>
    </message>
    <message numerus="yes">
        <source>Applica a %Ln dovuti</source>
        <translation>
            <numerusform>Applica a %Ln dovuto</numerusform>
            <numerusform>Applica a %Ln dovuti</numerusform>
        </translation>
    </message>
    <message>
        <source>Scegli che cosa modificare</source>
        <translation>Scegli che cosa modificare</translation>
    </message>
    <message>
        <source>Nessun tipo dovuto configurato per l&apos;Ente</source>
        <translation>Nessun tipo dovuto configurato per l&apos;Ente</translation>
    </message>
    <message>
        <source>Nuova scadenza: {0}</source>
        <translation>Nuova scadenza: {0}</translation>
    </message>
    <message>
        <source>Indica di quanti giorni o mesi spostare le scadenze</source>
        <translation>Indica di quanti giorni o mesi spostare le scadenze</translation>
    </message>
    <message>
        <source>Indica una percentuale diversa da zero</source>
        <translation>Indica una percentuale diversa da zero</translation>
    </message>
    <message>
        <source>Indica una somma diversa da zero</source>
        <translation>Indica una somma diversa da zero</translation>
    </message>
    <message>
        <source>Annullare i dovuti scelti? L&apos;operazione si può annullare solo finché non sono stati inviati al portale.</source>
        <translation>Annullare i dovuti scelti? L&apos;operazione si può annullare solo finché non sono stati inviati al portale.</translation>
    </message>
</context>
<context>
    <name>CellEditors</name>
    <message>
        <source>(valore non salvato)</source>
        <translation>(valore non salvato)</translation>
    </message>
    <message>
        <source>{0}, riga {1}</source>
        <translation>{0}, riga {1}</translation>
    </message>
</context>
<context>
    <name>CheckedLineEdit</name>
    <message>
        <source>Campo obbligatorio</source>
        <translation>Campo obbligatorio</translation>
    </message>
</context>
<context>
    <name>CollectionsChart</name>
    <message>
        <source>Nessun incasso nel periodo scelto</source>
        <translation>Nessun incasso nel periodo scelto</translation>
    </message>
    <message>
        <source>{0}: {1} ({2})</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pagamenti</source>
        <translation>
            <numerusform>%Ln pagamento</numerusform>
            <numerusform>%Ln pagamenti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Dovuti modificati da un&apos;altra postazione</source>
        <translation>Dovuti modificati da un&apos;altra postazione</translation>
    </message>
    <message>
        <source>un&apos;altra postazione</source>
        <translation>un&apos;altra postazione</translation>
    </message>
    <message>
        <source> alle {0}</source>
        <translation> alle {0}</translation>
    </message>
    <message numerus="yes">
        <source>Mentre li modificavi, %n dovuti sono stati modificati da {0}{1}.</source>
        <translation>
            <numerusform>Mentre lo modificavi, il dovuto è stato modificato da {0}{1}.</numerusform>
            <numerusform>Mentre li modificavi, %n dovuti sono stati modificati da {0}{1}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Le tue modifiche non sono state salvate: ecco cosa c&apos;è adesso e cosa volevi scrivere.</source>
        <translation>Le tue modifiche non sono state salvate: ecco cosa c&apos;è adesso e cosa volevi scrivere.</translation>
    </message>
    <message>
        <source>Dovuto</source>
        <translation>Dovuto</translation>
    </message>
    <message>
        <source>Campo</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Valore attuale</source>
        <translation>Valore attuale</translation>
    </message>
    <message>
        <source>Il tuo valore</source>
        <translation>Il tuo valore</translation>
    </message>
    <message>
        <source>Modificato da</source>
        <translation>Modificato da</translation>
    </message>
    <message numerus="yes">
        <source>… e altre %n righe.</source>
        <translation>
            <numerusform>… e un&apos;altra riga.</numerusform>
            <numerusform>… e altre %n righe.</numerusform>
        </translation>
    </message>
    <message>
        <source>«Tieni i valori attuali» lascia quanto salvato dall&apos;altra postazione. «Applica i miei valori» scrive i tuoi sopra i suoi.</source>
        <translation>«Tieni i valori attuali» lascia quanto salvato dall&apos;altra postazione. «Applica i miei valori» scrive i tuoi sopra i suoi.</translation>
    </message>
    <message>
        <source>Tieni i valori attuali</source>
        <translation>Tieni i valori attuali</translation>
    </message>
    <message>
        <source>Applica i miei valori</source>
        <translation>Applica i miei valori</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>rate</translation>
    </message>
    <message>
        <source>(vuoto)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <source>Salvato da {0}</source>
        <translation>Salvato da {0}</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Data contabile (obbligatoria)</source>
        <translation>Data contabile (obbligatoria)</translation>
    </message>
    <message>
        <source>Data valuta</source>
        <translation>Data valuta</translation>
    </message>
    <message>
        <source>Importo con segno</source>
        <translation>Importo con segno</translation>
    </message>
    <message>
        <source>Entrate / Avere</source>
        <translation>Entrate / Avere</translation>
    </message>
    <message>
        <source>Uscite / Dare</source>
        <translation>Uscite / Dare</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Causale</translation>
    </message>
    <message>
        <source>Altra colonna di causale</source>
        <translation>Altra colonna di causale</translation>
    </message>
    <message>
        <source>Ordinante</source>
        <translation>Ordinante</translation>
    </message>
    <message>
        <source>Colonne dell&apos;estratto conto</source>
        <translation>Colonne dell&apos;estratto conto</translation>
    </message>
    <message>
        <source>Indica quali colonne di «{0}» contengono i dati del movimento. Servono la data e l&apos;importo (una colonna con segno, oppure entrate e uscite separate); lo IUF o lo IUV vengono cercati nella causale.</source>
        <translation>Indica quali colonne di «{0}» contengono i dati del movimento. Servono la data e l&apos;importo (una colonna con segno, oppure entrate e uscite separate); lo IUF o lo IUV vengono cercati nella causale.</translation>
    </message>
    <message>
        <source>(nessuna)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Importa</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Prime righe dopo l&apos;intestazione (riga {0}):</source>
        <translation>Prime righe dopo l&apos;intestazione (riga {0}):</translation>
    </message>
    <message>
        <source>Scegli la colonna della data.</source>
        <translation>Scegli la colonna della data.</translation>
    </message>
    <message>
        <source>Scegli la colonna dell&apos;importo o quella delle entrate.</source>
        <translation>Scegli la colonna dell&apos;importo o quella delle entrate.</translation>
    </message>
    <message>
        <source>Senza causale non si trovano IUF e IUV: i movimenti risulteranno sconosciuti.</source>
        <translation>Senza causale non si trovano IUF e IUV: i movimenti risulteranno sconosciuti.</translation>
    </message>
</context>
<context>
    <name>DatabasePanel</name>
    <message>
        <source>Un ufficio con più postazioni usa un database PostgreSQL condiviso. Scrivi l&apos;indirizzo senza password: PostgreSQL la legge dal file delle password (~/.pgpass; su Windows %APPDATA%\postgresql\pgpass.conf), dalla variabile PGPASSWORD o da un servizio (?service=NOME). La scelta vale dal prossimo avvio; log, backup e impostazioni restano nella cartella dello spazio di lavoro.</source>
        <translation>Un ufficio con più postazioni usa un database PostgreSQL condiviso. Scrivi l&apos;indirizzo senza password: PostgreSQL la legge dal file delle password (~/.pgpass; su Windows %APPDATA%\postgresql\pgpass.conf), dalla variabile PGPASSWORD o da un servizio (?service=NOME). La scelta vale dal prossimo avvio; log, backup e impostazioni restano nella cartella dello spazio di lavoro.</translation>
    </message>
    <message>
        <source>Prova connessione</source>
        <translation>Prova connessione</translation>
    </message>
    <message>
        <source>Prova e salva</source>
        <translation>Prova e salva</translation>
    </message>
    <message>
        <source>Salva l&apos;indirizzo solo se la connessione riesce</source>
        <translation>Salva l&apos;indirizzo solo se la connessione riesce</translation>
    </message>
    <message>
        <source>Usa il database locale</source>
        <translation>Usa il database locale</translation>
    </message>
    <message>
        <source>Dal prossimo avvio questo spazio di lavoro usa il suo file SQLite</source>
        <translation>Dal prossimo avvio questo spazio di lavoro usa il suo file SQLite</translation>
    </message>
    <message>
        <source>In uso</source>
        <translation>In uso</translation>
    </message>
    <message>
        <source>Database condiviso</source>
        <translation>Database condiviso</translation>
    </message>
    <message>
        <source>database condiviso PostgreSQL: {0}</source>
        <translation>database condiviso PostgreSQL: {0}</translation>
    </message>
    <message>
        <source>database locale di questa postazione (SQLite): {0}</source>
        <translation>database locale di questa postazione (SQLite): {0}</translation>
    </message>
    <message>
        <source>Scelto all&apos;avvio con {0}, che prevale sulla scelta salvata qui.</source>
        <translation>Scelto all&apos;avvio con {0}, che prevale sulla scelta salvata qui.</translation>
    </message>
    <message>
        <source>Verifica in corso…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>Prova connessione al database</source>
        <translation>Prova connessione al database</translation>
    </message>
    <message>
        <source>Salvato: MyPay Desk userà questo database dal prossimo avvio.</source>
        <translation>Salvato: MyPay Desk userà questo database dal prossimo avvio.</translation>
    </message>
    <message>
        <source>Database condiviso salvato: sarà usato al prossimo avvio.</source>
        <translation>Database condiviso salvato: sarà usato al prossimo avvio.</translation>
    </message>
    <message>
        <source>Dal prossimo avvio questo spazio di lavoro usa il suo database locale (SQLite).</source>
        <translation>Dal prossimo avvio questo spazio di lavoro usa il suo database locale (SQLite).</translation>
    </message>
    <message>
        <source>Database locale: sarà usato al prossimo avvio.</source>
        <translation>Database locale: sarà usato al prossimo avvio.</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>gg/mm/aaaa</translation>
    </message>
    <message>
        <source>Calendario</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Scegli dal calendario (Alt+Giù)</source>
        <translation>Scegli dal calendario (Alt+Giù)</translation>
    </message>
    <message>
        <source>Scrivi una data (gg/mm/aaaa)</source>
        <translation>Scrivi una data (gg/mm/aaaa)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>«{0}»: l&apos;anno {1} non è plausibile; scrivi la data come gg/mm/aaaa</source>
        <translation>«{0}»: l&apos;anno {1} non è plausibile; scrivi la data come gg/mm/aaaa</translation>
    </message>
    <message>
        <source>«{0}» non è una data esistente (giorno {1}, mese {2}, anno {3})</source>
        <translation>«{0}» non è una data esistente (giorno {1}, mese {2}, anno {3})</translation>
    </message>
    <message>
        <source>«{0}» non è una data: scrivi gg/mm/aaaa, per esempio 28/02/2027</source>
        <translation>«{0}» non è una data: scrivi gg/mm/aaaa, per esempio 28/02/2027</translation>
    </message>
</context>
<context>
    <name>DebtColumns</name>
    <message>
        <source>Stato</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Da inviare</source>
        <translation>Da inviare</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>F/G</source>
        <translation>F/G</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Codice fiscale / P.IVA</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Causale</translation>
    </message>
    <message>
        <source>Errori</source>
        <translation>Errori</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Civico</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Località</translation>
    </message>
    <message>
        <source>Prov.</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <source>Naz.</source>
        <translation>Naz.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Dati riscossione</source>
        <translation>Dati riscossione</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Numero avviso</source>
        <translation>Numero avviso</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Da correggere</source>
        <translation>Da correggere</translation>
    </message>
    <message>
        <source>Tipo soggetto «{0}»: scrivi F (persona fisica) o G (persona giuridica)</source>
        <translation>Tipo soggetto «{0}»: scrivi F (persona fisica) o G (persona giuridica)</translation>
    </message>
    <message>
        <source>Testo di {0} caratteri: al massimo {1}</source>
        <translation>Testo di {0} caratteri: al massimo {1}</translation>
    </message>
</context>
<context>
    <name>DebtDelegate</name>
    <message>
        <source>{0}, riga {1}</source>
        <translation>{0}, riga {1}</translation>
    </message>
</context>
<context>
    <name>DebtDetailDialog</name>
    <message>
        <source>Dovuto {0}</source>
        <translation>Dovuto {0}</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Dovuto</source>
        <translation>Dovuto</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Ente secondario</source>
        <translation>Ente secondario</translation>
    </message>
    <message>
        <source>Bilancio</source>
        <translation>Bilancio</translation>
    </message>
    <message>
        <source>Stato: {0}</source>
        <translation>Stato: {0}</translation>
    </message>
    <message>
        <source>IUV {0}</source>
        <translation>IUV {0}</translation>
    </message>
    <message>
        <source>avviso {0}</source>
        <translation>avviso {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n errori</source>
        <translation>
            <numerusform>%n errore</numerusform>
            <numerusform>%n errori</numerusform>
        </translation>
    </message>
    <message>
        <source>Tipo soggetto</source>
        <translation>Tipo soggetto</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Codice fiscale / P.IVA</translation>
    </message>
    <message>
        <source>Debitore (anagrafica)</source>
        <translation>Debitore (anagrafica)</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Civico</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Località</translation>
    </message>
    <message>
        <source>Provincia</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Nazione</source>
        <translation>Nazione</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Commissione a carico dell&apos;Ente</source>
        <translation>Commissione a carico dell&apos;Ente</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Causale</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Dati specifici di riscossione</translation>
    </message>
    <message>
        <source>Tipo versamento</source>
        <translation>Tipo versamento</translation>
    </message>
    <message>
        <source>Pagamento in un&apos;unica soluzione</source>
        <translation>Pagamento in un&apos;unica soluzione</translation>
    </message>
    <message>
        <source>Pagamento unico oppure a rate</source>
        <translation>Pagamento unico oppure a rate</translation>
    </message>
    <message>
        <source> mesi</source>
        <translation> mesi</translation>
    </message>
    <message>
        <source>Dividi in rate uguali</source>
        <translation>Dividi in rate uguali</translation>
    </message>
    <message>
        <source>Numero di rate</source>
        <translation>Numero di rate</translation>
    </message>
    <message>
        <source>ogni</source>
        <translation>ogni</translation>
    </message>
    <message>
        <source>Rata</source>
        <translation>Rata</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Ogni rata è una posizione a sé sul portale (IUD, IUV e scadenza propri); il pagamento unico resta disponibile, come prevede pagoPA.</source>
        <translation>Ogni rata è una posizione a sé sul portale (IUD, IUV e scadenza propri); il pagamento unico resta disponibile, come prevede pagoPA.</translation>
    </message>
    <message>
        <source>Rata {0}: {1}</source>
        <translation>Rata {0}: {1}</translation>
    </message>
    <message>
        <source>Totale rate: {0}</source>
        <translation>Totale rate: {0}</translation>
    </message>
    <message>
        <source>Dovuto multibeneficiario (tracciato 1_4)</source>
        <translation>Dovuto multibeneficiario (tracciato 1_4)</translation>
    </message>
    <message>
        <source>C.F. ente secondario</source>
        <translation>C.F. ente secondario</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Denominazione</translation>
    </message>
    <message>
        <source>IBAN di accredito</source>
        <translation>IBAN di accredito</translation>
    </message>
    <message>
        <source>Capitolo</source>
        <translation>Capitolo</translation>
    </message>
    <message>
        <source>Ufficio</source>
        <translation>Ufficio</translation>
    </message>
    <message>
        <source>Accertamento</source>
        <translation>Accertamento</translation>
    </message>
    <message>
        <source>Aggiungi riga</source>
        <translation>Aggiungi riga</translation>
    </message>
    <message>
        <source>Togli riga</source>
        <translation>Togli riga</translation>
    </message>
    <message>
        <source>Una riga per accertamento; le righe con lo stesso capitolo e ufficio formano un capitolo. La somma deve essere uguale all&apos;importo.</source>
        <translation>Una riga per accertamento; le righe con lo stesso capitolo e ufficio formano un capitolo. La somma deve essere uguale all&apos;importo.</translation>
    </message>
    <message>
        <source>Bilancio, riga {0}: {1}</source>
        <translation>Bilancio, riga {0}: {1}</translation>
    </message>
    <message>
        <source>Nessun bilancio (facoltativo).</source>
        <translation>Nessun bilancio (facoltativo).</translation>
    </message>
    <message>
        <source>Totale bilancio: {0}</source>
        <translation>Totale bilancio: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Scadenza: {0}</source>
        <translation>Scadenza: {0}</translation>
    </message>
    <message>
        <source>Importo ente secondario</source>
        <translation>Importo ente secondario</translation>
    </message>
</context>
<context>
    <name>DebtTableController</name>
    <message>
        <source>Caricamento dei dovuti</source>
        <translation>Caricamento dei dovuti</translation>
    </message>
    <message>
        <source>i miei valori</source>
        <translation>i miei valori</translation>
    </message>
    <message>
        <source>Salvataggio delle modifiche</source>
        <translation>Salvataggio delle modifiche</translation>
    </message>
    <message>
        <source>Aggiunta dei dovuti</source>
        <translation>Aggiunta dei dovuti</translation>
    </message>
    <message>
        <source>Rimozione dei dovuti aggiunti</source>
        <translation>Rimozione dei dovuti aggiunti</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Annulla dovuti</source>
        <translation>Annulla dovuti</translation>
    </message>
    <message>
        <source>Ripristina dovuti</source>
        <translation>Ripristina dovuti</translation>
    </message>
    <message>
        <source>Modifica «{0}»</source>
        <translation>Modifica «{0}»</translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Rate del dovuto</source>
        <translation>Rate del dovuto</translation>
    </message>
    <message>
        <source>Selezione troppo grande: usa le modifiche in blocco.</source>
        <translation>Selezione troppo grande: usa le modifiche in blocco.</translation>
    </message>
    <message>
        <source>Lo IUD non si svuota: è rimasto com&apos;era (per cambiarlo scrivine uno nuovo).</source>
        <translation>Lo IUD non si svuota: è rimasto com&apos;era (per cambiarlo scrivine uno nuovo).</translation>
    </message>
    <message>
        <source>cancella</source>
        <translation>cancella</translation>
    </message>
    <message>
        <source>Troppe righe da incollare ({0}): al massimo {1}. Usa «Importa».</source>
        <translation>Troppe righe da incollare ({0}): al massimo {1}. Usa «Importa».</translation>
    </message>
    <message>
        <source>riga {0}, {1}: {2}</source>
        <translation>riga {0}, {1}: {2}</translation>
    </message>
    <message numerus="yes">
        <source>Incolla %Ln righe</source>
        <translation>
            <numerusform>Incolla %Ln riga</numerusform>
            <numerusform>Incolla %Ln righe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln celle non incollate.</source>
        <translation>
            <numerusform>%Ln cella non incollata.</numerusform>
            <numerusform>%Ln celle non incollate.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebtTableModel</name>
    <message>
        <source>{0}, riga {1}: {2}</source>
        <translation>{0}, riga {1}: {2}</translation>
    </message>
</context>
<context>
    <name>DeskPanel</name>
    <message>
        <source>Salva</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Come ti vedono le altre postazioni e il registro attività. Vuoto: l&apos;utente del sistema operativo e il nome del computer.</source>
        <translation>Come ti vedono le altre postazioni e il registro attività. Vuoto: l&apos;utente del sistema operativo e il nome del computer.</translation>
    </message>
    <message>
        <source>Nome dell&apos;utente</source>
        <translation>Nome dell&apos;utente</translation>
    </message>
    <message>
        <source>Nome della postazione</source>
        <translation>Nome della postazione</translation>
    </message>
    <message>
        <source>Questa postazione compare come: {0}</source>
        <translation>Questa postazione compare come: {0}</translation>
    </message>
    <message>
        <source>Nome della postazione salvato: {0}</source>
        <translation>Nome della postazione salvato: {0}</translation>
    </message>
</context>
<context>
    <name>EnteForm</name>
    <message>
        <source>Identità</source>
        <translation>Identità</translation>
    </message>
    <message>
        <source>Il codice IPA identifica l&apos;Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</source>
        <translation>Il codice IPA identifica l&apos;Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>Codice IPA</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Denominazione</translation>
    </message>
    <message>
        <source>es. Servizi tributari</source>
        <translation>es. Servizi tributari</translation>
    </message>
    <message>
        <source>Settore</source>
        <translation>Settore</translation>
    </message>
    <message>
        <source>indirizzo, contatti: stampati sull&apos;avviso</source>
        <translation>indirizzo, contatti: stampati sull&apos;avviso</translation>
    </message>
    <message>
        <source>Informazioni</source>
        <translation>Informazioni</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Codici pagoPA</source>
        <translation>Codici pagoPA</translation>
    </message>
    <message>
        <source>due cifre</source>
        <translation>due cifre</translation>
    </message>
    <message>
        <source>Codice di segregazione</source>
        <translation>Codice di segregazione</translation>
    </message>
    <message>
        <source>facoltativo, due cifre</source>
        <translation>facoltativo, due cifre</translation>
    </message>
    <message>
        <source>Codice applicativo</source>
        <translation>Codice applicativo</translation>
    </message>
    <message>
        <source>facoltativo</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>Codice CBILL</source>
        <translation>Codice CBILL</translation>
    </message>
    <message>
        <source>Il portale MyPay</source>
        <translation>Il portale MyPay</translation>
    </message>
    <message>
        <source>MyPay Desk, dal codice di segregazione</source>
        <translation>MyPay Desk, dal codice di segregazione</translation>
    </message>
    <message>
        <source>Chi genera gli IUV</source>
        <translation>Chi genera gli IUV</translation>
    </message>
    <message>
        <source>Per i dovuti inviati senza IUV. Il portale lo genera importando il flusso e l&apos;app lo riceve con l&apos;esito; MyPay Desk lo assegna prima dell&apos;invio, così gli avvisi si stampano anche senza connessione.</source>
        <translation>Per i dovuti inviati senza IUV. Il portale lo genera importando il flusso e l&apos;app lo riceve con l&apos;esito; MyPay Desk lo assegna prima dell&apos;invio, così gli avvisi si stampano anche senza connessione.</translation>
    </message>
    <message>
        <source>Il prossimo progressivo IUV: avanza da solo e non viene mai riusato.</source>
        <translation>Il prossimo progressivo IUV: avanza da solo e non viene mai riusato.</translation>
    </message>
    <message>
        <source>Prossimo progressivo IUV</source>
        <translation>Prossimo progressivo IUV</translation>
    </message>
    <message>
        <source>Adesione a MyPay</source>
        <translation>Adesione a MyPay</translation>
    </message>
    <message>
        <source>Base (pagamenti spontanei)</source>
        <translation>Base (pagamenti spontanei)</translation>
    </message>
    <message>
        <source>Per flussi</source>
        <translation>Per flussi</translation>
    </message>
    <message>
        <source>Iniziato presso l&apos;Ente</source>
        <translation>Iniziato presso l&apos;Ente</translation>
    </message>
    <message>
        <source>Modalità</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Indirizzo del portale</translation>
    </message>
    <message>
        <source>La pagina dei servizi di pagamento dell&apos;Ente a cui rimanda il catalogo del portale regionale.</source>
        <translation>La pagina dei servizi di pagamento dell&apos;Ente a cui rimanda il catalogo del portale regionale.</translation>
    </message>
    <message>
        <source>Pagina web dei pagamenti</source>
        <translation>Pagina web dei pagamenti</translation>
    </message>
    <message>
        <source>La password del portale e la prova di connessione sono nella pagina Portale.</source>
        <translation>La password del portale e la prova di connessione sono nella pagina Portale.</translation>
    </message>
    <message>
        <source>Conto corrente postale</source>
        <translation>Conto corrente postale</translation>
    </message>
    <message>
        <source>fino a 12 cifre</source>
        <translation>fino a 12 cifre</translation>
    </message>
    <message>
        <source>Numero di conto</source>
        <translation>Numero di conto</translation>
    </message>
    <message>
        <source>Intestatario</source>
        <translation>Intestatario</translation>
    </message>
    <message>
        <source>es. AUT. 123/2024 del 01/01/2024</source>
        <translation>es. AUT. 123/2024 del 01/01/2024</translation>
    </message>
    <message>
        <source>Autorizzazione Poste</source>
        <translation>Autorizzazione Poste</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Riconciliazione</translation>
    </message>
    <message>
        <source>Confronta i pagamenti con i dovuti notificati dall&apos;Ente (flg_pagati)</source>
        <translation>Confronta i pagamenti con i dovuti notificati dall&apos;Ente (flg_pagati)</translation>
    </message>
    <message>
        <source>Confronta i riversamenti con i movimenti di tesoreria (flg_tesoreria)</source>
        <translation>Confronta i riversamenti con i movimenti di tesoreria (flg_tesoreria)</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Annulla modifiche</source>
        <translation>Annulla modifiche</translation>
    </message>
    <message>
        <source>Ente dimostrativo: collegato al portale di prova locale.</source>
        <translation>Ente dimostrativo: collegato al portale di prova locale.</translation>
    </message>
    <message>
        <source>Gli avvisi riportano il codice CBILL per pagare dall&apos;home banking.</source>
        <translation>Gli avvisi riportano il codice CBILL per pagare dall&apos;home banking.</translation>
    </message>
    <message>
        <source>Senza codice CBILL gli avvisi non riportano la riga per pagare dall&apos;home banking (circuito CBILL): il codice lo assegna la banca tesoriera, se l&apos;Ente aderisce a CBILL.</source>
        <translation>Senza codice CBILL gli avvisi non riportano la riga per pagare dall&apos;home banking (circuito CBILL): il codice lo assegna la banca tesoriera, se l&apos;Ente aderisce a CBILL.</translation>
    </message>
    <message>
        <source>Correggi i campi segnati in rosso e salva di nuovo.</source>
        <translation>Correggi i campi segnati in rosso e salva di nuovo.</translation>
    </message>
    <message>
        <source>Salvataggio dell&apos;Ente</source>
        <translation>Salvataggio dell&apos;Ente</translation>
    </message>
    <message>
        <source>Dati dell&apos;Ente salvati.</source>
        <translation>Dati dell&apos;Ente salvati.</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente non sono stati salvati</source>
        <translation>I dati dell&apos;Ente non sono stati salvati</translation>
    </message>
</context>
<context>
    <name>EnteWizard</name>
    <message>
        <source>Configura il tuo Ente</source>
        <translation>Configura il tuo Ente</translation>
    </message>
    <message>
        <source>Avanti</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Salva l&apos;Ente</source>
        <translation>Salva l&apos;Ente</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Chi è l&apos;Ente</source>
        <translation>Chi è l&apos;Ente</translation>
    </message>
    <message>
        <source>I dati con cui l&apos;Ente è registrato nell&apos;Indice delle Pubbliche Amministrazioni e su MyPay.</source>
        <translation>I dati con cui l&apos;Ente è registrato nell&apos;Indice delle Pubbliche Amministrazioni e su MyPay.</translation>
    </message>
    <message>
        <source>es. c_f205</source>
        <translation>es. c_f205</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>Codice IPA</translation>
    </message>
    <message>
        <source>11 cifre, es. 01199250158</source>
        <translation>11 cifre, es. 01199250158</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>es. Comune di Milano</source>
        <translation>es. Comune di Milano</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Denominazione</translation>
    </message>
    <message>
        <source>Come l&apos;Ente usa MyPay</source>
        <translation>Come l&apos;Ente usa MyPay</translation>
    </message>
    <message>
        <source>La modalità di adesione decide quali funzioni vedi: puoi cambiarla più avanti in Impostazioni.</source>
        <translation>La modalità di adesione decide quali funzioni vedi: puoi cambiarla più avanti in Impostazioni.</translation>
    </message>
    <message>
        <source>Modalità</source>
        <translation>Modalità</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Indirizzo del portale</translation>
    </message>
    <message>
        <source>L&apos;indirizzo del portale MyPay a cui l&apos;Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</source>
        <translation>L&apos;indirizzo del portale MyPay a cui l&apos;Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</translation>
    </message>
    <message>
        <source>Codici pagoPA</source>
        <translation>Codici pagoPA</translation>
    </message>
    <message>
        <source>Il codice di segregazione è assegnato all&apos;Ente da MyPay: entra in ogni IUV e numero avviso.</source>
        <translation>Il codice di segregazione è assegnato all&apos;Ente da MyPay: entra in ogni IUV e numero avviso.</translation>
    </message>
    <message>
        <source>due cifre, es. 12</source>
        <translation>due cifre, es. 12</translation>
    </message>
    <message>
        <source>Codice di segregazione</source>
        <translation>Codice di segregazione</translation>
    </message>
    <message>
        <source>facoltativo, es. AB123</source>
        <translation>facoltativo, es. AB123</translation>
    </message>
    <message>
        <source>Codice CBILL</source>
        <translation>Codice CBILL</translation>
    </message>
    <message>
        <source>Un Ente con codice IPA «{0}» è già in questo spazio di lavoro: modificalo in Impostazioni</source>
        <translation>Un Ente con codice IPA «{0}» è già in questo spazio di lavoro: modificalo in Impostazioni</translation>
    </message>
    <message>
        <source>Il codice di segregazione serve per generare IUV e avvisi: indicalo (due cifre)</source>
        <translation>Il codice di segregazione serve per generare IUV e avvisi: indicalo (due cifre)</translation>
    </message>
    <message>
        <source>Salvataggio dell&apos;Ente</source>
        <translation>Salvataggio dell&apos;Ente</translation>
    </message>
    <message>
        <source>Ente {0} salvato. Ora aggiungi i tipi dovuto.</source>
        <translation>Ente {0} salvato. Ora aggiungi i tipi dovuto.</translation>
    </message>
    <message>
        <source>L&apos;Ente non è stato salvato</source>
        <translation>L&apos;Ente non è stato salvato</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Cerca IUD, IUV, avviso, codice fiscale, nome, causale…</source>
        <translation>Cerca IUD, IUV, avviso, codice fiscale, nome, causale…</translation>
    </message>
    <message>
        <source>Tutti gli stati</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <source>Con errori</source>
        <translation>Con errori</translation>
    </message>
    <message>
        <source>Validi</source>
        <translation>Validi</translation>
    </message>
    <message>
        <source>Tutti i tipi</source>
        <translation>Tutti i tipi</translation>
    </message>
    <message>
        <source>Azzera</source>
        <translation>Azzera</translation>
    </message>
    <message>
        <source>Togli tutti i filtri</source>
        <translation>Togli tutti i filtri</translation>
    </message>
    <message>
        <source>Scadenza dal</source>
        <translation>Scadenza dal</translation>
    </message>
    <message>
        <source>al</source>
        <translation>al</translation>
    </message>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>gg/mm/aaaa</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guida rapida</source>
        <translation>Guida rapida</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation>Ctrl+1 … Ctrl+5</translation>
    </message>
    <message>
        <source>Liste, Portale, Pagamenti, Riconciliazione, Impostazioni</source>
        <translation>Liste, Portale, Pagamenti, Riconciliazione, Impostazioni</translation>
    </message>
    <message>
        <source>Ctrl+Maiusc+N</source>
        <translation>Ctrl+Maiusc+N</translation>
    </message>
    <message>
        <source>nuovo dovuto in fondo alla lista</source>
        <translation>nuovo dovuto in fondo alla lista</translation>
    </message>
    <message>
        <source>Invio / Maiusc+Invio</source>
        <translation>Invio / Maiusc+Invio</translation>
    </message>
    <message>
        <source>conferma la cella e scende / sale</source>
        <translation>conferma la cella e scende / sale</translation>
    </message>
    <message>
        <source>Tab / Maiusc+Tab</source>
        <translation>Tab / Maiusc+Tab</translation>
    </message>
    <message>
        <source>conferma la cella e passa a destra / a sinistra</source>
        <translation>conferma la cella e passa a destra / a sinistra</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>lascia la cella com&apos;era</source>
        <translation>lascia la cella com&apos;era</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>modifica la cella senza cancellarla</source>
        <translation>modifica la cella senza cancellarla</translation>
    </message>
    <message>
        <source>Canc</source>
        <translation>Canc</translation>
    </message>
    <message>
        <source>svuota le celle selezionate</source>
        <translation>svuota le celle selezionate</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Y</translation>
    </message>
    <message>
        <source>annulla / ripeti (anche incolla e modifiche in blocco)</source>
        <translation>annulla / ripeti (anche incolla e modifiche in blocco)</translation>
    </message>
    <message>
        <source>Ctrl+C / Ctrl+V</source>
        <translation>Ctrl+C / Ctrl+V</translation>
    </message>
    <message>
        <source>copia / incolla celle, anche da e verso Excel</source>
        <translation>copia / incolla celle, anche da e verso Excel</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>cerca nella pagina</source>
        <translation>cerca nella pagina</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>dettaglio del dovuto: debitore, rate, bilancio</source>
        <translation>dettaglio del dovuto: debitore, rate, bilancio</translation>
    </message>
    <message>
        <source>Ctrl+I / Ctrl+E / Ctrl+P</source>
        <translation>Ctrl+I / Ctrl+E / Ctrl+P</translation>
    </message>
    <message>
        <source>importa / esporta in Excel / stampa avvisi</source>
        <translation>importa / esporta in Excel / stampa avvisi</translation>
    </message>
    <message>
        <source>Alt+Giù o F4</source>
        <translation>Alt+Giù o F4</translation>
    </message>
    <message>
        <source>in una data: apre il calendario</source>
        <translation>in una data: apre il calendario</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>esci</source>
        <translation>esci</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Guida rapida&lt;/h2&gt;&lt;h3&gt;Tasti&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;{0}&lt;/table&gt;&lt;h3&gt;Date e importi&lt;/h3&gt;&lt;p&gt;Le date si scrivono giorno, mese, anno: &lt;b&gt;28/02/2027&lt;/b&gt;, &lt;b&gt;28/2/27&lt;/b&gt;, &lt;b&gt;28022027&lt;/b&gt;, &lt;b&gt;28-02-2027&lt;/b&gt; o &lt;b&gt;2027-02-28&lt;/b&gt;. Una data che non esiste (31/02) non viene salvata: il campo diventa rosso e dice perché. Gli importi si scrivono all&apos;italiana: &lt;b&gt;1.234,56&lt;/b&gt;, &lt;b&gt;45,5&lt;/b&gt;, &lt;b&gt;45,50 €&lt;/b&gt;.&lt;/p&gt;&lt;h3&gt;Importare una lista&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Nella pagina Liste di dovuti premi &lt;b&gt;Importa…&lt;/b&gt; (Ctrl+I) o trascina il file sulla tabella: Excel (.xlsx), CSV o flusso MyPay (.zip).&lt;/li&gt;&lt;li&gt;Controlla l&apos;abbinamento delle colonne e l&apos;anteprima: ogni riga con problemi dice quale campo correggere.&lt;/li&gt;&lt;li&gt;Scegli la lista (nuova o esistente) e conferma. Importare di nuovo nella stessa lista la aggiorna: i dovuti sono riconosciuti dallo IUD.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Inviare al portale&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Invia al portale&lt;/b&gt; mostra quanti inserimenti, modifiche e annullamenti partiranno e quali righe restano fuori (con errori, o rifiutate e non corrette), poi chiede conferma. Alla fine elenca le righe rifiutate con il motivo.&lt;/p&gt;&lt;h3&gt;Stampare gli avvisi&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Stampa avvisi…&lt;/b&gt; (Ctrl+P) stampa la lista o le righe selezionate. Se un importo o una scadenza sono cambiati e non ancora inviati, l&apos;app avvisa prima di stampare.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Guida rapida&lt;/h2&gt;&lt;h3&gt;Tasti&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;{0}&lt;/table&gt;&lt;h3&gt;Date e importi&lt;/h3&gt;&lt;p&gt;Le date si scrivono giorno, mese, anno: &lt;b&gt;28/02/2027&lt;/b&gt;, &lt;b&gt;28/2/27&lt;/b&gt;, &lt;b&gt;28022027&lt;/b&gt;, &lt;b&gt;28-02-2027&lt;/b&gt; o &lt;b&gt;2027-02-28&lt;/b&gt;. Una data che non esiste (31/02) non viene salvata: il campo diventa rosso e dice perché. Gli importi si scrivono all&apos;italiana: &lt;b&gt;1.234,56&lt;/b&gt;, &lt;b&gt;45,5&lt;/b&gt;, &lt;b&gt;45,50 €&lt;/b&gt;.&lt;/p&gt;&lt;h3&gt;Importare una lista&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Nella pagina Liste di dovuti premi &lt;b&gt;Importa…&lt;/b&gt; (Ctrl+I) o trascina il file sulla tabella: Excel (.xlsx), CSV o flusso MyPay (.zip).&lt;/li&gt;&lt;li&gt;Controlla l&apos;abbinamento delle colonne e l&apos;anteprima: ogni riga con problemi dice quale campo correggere.&lt;/li&gt;&lt;li&gt;Scegli la lista (nuova o esistente) e conferma. Importare di nuovo nella stessa lista la aggiorna: i dovuti sono riconosciuti dallo IUD.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Inviare al portale&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Invia al portale&lt;/b&gt; mostra quanti inserimenti, modifiche e annullamenti partiranno e quali righe restano fuori (con errori, o rifiutate e non corrette), poi chiede conferma. Alla fine elenca le righe rifiutate con il motivo.&lt;/p&gt;&lt;h3&gt;Stampare gli avvisi&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Stampa avvisi…&lt;/b&gt; (Ctrl+P) stampa la lista o le righe selezionate. Se un importo o una scadenza sono cambiati e non ancora inviati, l&apos;app avvisa prima di stampare.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cognome</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Importa {0}</source>
        <translation>Importa {0}</translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation>Indietro</translation>
    </message>
    <message>
        <source>Avanti</source>
        <translation>Avanti</translation>
    </message>
    <message>
        <source>Importa</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>Aggiorna una lista esistente</source>
        <translation>Aggiorna una lista esistente</translation>
    </message>
    <message>
        <source>Crea una nuova lista</source>
        <translation>Crea una nuova lista</translation>
    </message>
    <message>
        <source>(quello della lista)</source>
        <translation>(quello della lista)</translation>
    </message>
    <message>
        <source>Tipo dovuto delle righe che non lo indicano</source>
        <translation>Tipo dovuto delle righe che non lo indicano</translation>
    </message>
    <message>
        <source>es. TARI26- (solo se il file non ha gli IUD)</source>
        <translation>es. TARI26- (solo se il file non ha gli IUD)</translation>
    </message>
    <message>
        <source>Le righe senza IUD ricevono il prefisso seguito da 12 caratteri ricavati da debitore e tipo dovuto: importando di nuovo lo stesso file gli stessi dovuti hanno gli stessi IUD.</source>
        <translation>Le righe senza IUD ricevono il prefisso seguito da 12 caratteri ricavati da debitore e tipo dovuto: importando di nuovo lo stesso file gli stessi dovuti hanno gli stessi IUD.</translation>
    </message>
    <message>
        <source>Prefisso IUD per le righe senza IUD</source>
        <translation>Prefisso IUD per le righe senza IUD</translation>
    </message>
    <message>
        <source>In una lista esistente i dovuti sono riconosciuti dall&apos;IUD: i campi cambiati diventano modifiche da inviare, le righe nuove sono aggiunte e i dovuti che mancano dal file sono segnalati. Ogni riga è importata: quelle con errori restano da correggere nella tabella. Ogni dovuto ha bisogno di un IUD: se il file non lo ha, indica un prefisso.</source>
        <translation>In una lista esistente i dovuti sono riconosciuti dall&apos;IUD: i campi cambiati diventano modifiche da inviare, le righe nuove sono aggiunte e i dovuti che mancano dal file sono segnalati. Ogni riga è importata: quelle con errori restano da correggere nella tabella. Ogni dovuto ha bisogno di un IUD: se il file non lo ha, indica un prefisso.</translation>
    </message>
    <message>
        <source>Indica che cosa contiene ogni colonna del file (riconosciute dai titoli; correggi dove serve).</source>
        <translation>Indica che cosa contiene ogni colonna del file (riconosciute dai titoli; correggi dove serve).</translation>
    </message>
    <message>
        <source>Foglio</source>
        <translation>Foglio</translation>
    </message>
    <message>
        <source>Colonna del file</source>
        <translation>Colonna del file</translation>
    </message>
    <message>
        <source>Esempi</source>
        <translation>Esempi</translation>
    </message>
    <message>
        <source>Campo del dovuto</source>
        <translation>Campo del dovuto</translation>
    </message>
    <message>
        <source>Mostra solo le righe con errori</source>
        <translation>Mostra solo le righe con errori</translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Scrivi il nome della nuova lista</source>
        <translation>Scrivi il nome della nuova lista</translation>
    </message>
    <message>
        <source>Il file non si può leggere: {0}</source>
        <translation>Il file non si può leggere: {0}</translation>
    </message>
    <message>
        <source>Lettura di {0}</source>
        <translation>Lettura di {0}</translation>
    </message>
    <message>
        <source>{0} (nascosto)</source>
        <translation>{0} (nascosto)</translation>
    </message>
    <message>
        <source>(non importare)</source>
        <translation>(non importare)</translation>
    </message>
    <message>
        <source>flusso MyPay {0}</source>
        <translation>flusso MyPay {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2} valide, {3} con errori.</source>
        <translation>{0}: {1}, {2} valide, {3} con errori.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe lette</source>
        <translation>
            <numerusform>%Ln riga letta</numerusform>
            <numerusform>%Ln righe lette</numerusform>
        </translation>
    </message>
    <message>
        <source>Nella lista «{0}»: {1} già presenti (per IUD), {2} nuove, {3}.</source>
        <translation>Nella lista «{0}»: {1} già presenti (per IUD), {2} nuove, {3}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti della lista mancano dal file</source>
        <translation>
            <numerusform>%Ln dovuto della lista manca dal file</numerusform>
            <numerusform>%Ln dovuti della lista mancano dal file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln IUD generati con il prefisso.</source>
        <translation>
            <numerusform>%Ln IUD generato con il prefisso.</numerusform>
            <numerusform>%Ln IUD generati con il prefisso.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe non hanno l&apos;IUD: indica la colonna che lo contiene oppure, nella prima pagina, un prefisso IUD. Senza, il file non si può importare.</source>
        <translation>
            <numerusform>%Ln riga non ha l&apos;IUD: indica la colonna che lo contiene oppure, nella prima pagina, un prefisso IUD. Senza, il file non si può importare.</numerusform>
            <numerusform>%Ln righe non hanno l&apos;IUD: indica la colonna che lo contiene oppure, nella prima pagina, un prefisso IUD. Senza, il file non si può importare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna colonna è indicata come importo: i dovuti avrebbero importo 0. Torna indietro e scegli la colonna che lo contiene.</source>
        <translation>Nessuna colonna è indicata come importo: i dovuti avrebbero importo 0. Torna indietro e scegli la colonna che lo contiene.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti della lista non sono nel file.</source>
        <translation>
            <numerusform>%Ln dovuto della lista non è nel file.</numerusform>
            <numerusform>%Ln dovuti della lista non sono nel file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annullare %Ln dovuti che non sono nel file? Quelli già sul portale saranno annullati con il prossimo invio.</source>
        <translation>
            <numerusform>Annullare %Ln dovuto che non è nel file? Se è già sul portale sarà annullato con il prossimo invio.</numerusform>
            <numerusform>Annullare %Ln dovuti che non sono nel file? Quelli già sul portale saranno annullati con il prossimo invio.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln non annullabili (es. {0}: {1}).</source>
        <translation>
            <numerusform>%Ln non annullabile ({0}: {1}).</numerusform>
            <numerusform>%Ln non annullabili (es. {0}: {1}).</numerusform>
        </translation>
    </message>
    <message>
        <source>L&apos;elenco mostra le prime {0} righe.</source>
        <translation>L&apos;elenco mostra le prime {0} righe.</translation>
    </message>
    <message>
        <source>Nulla è stato ancora scritto.</source>
        <translation>Nulla è stato ancora scritto.</translation>
    </message>
    <message>
        <source>Importazione non riuscita: {0}</source>
        <translation>Importazione non riuscita: {0}</translation>
    </message>
    <message>
        <source>Importazione di {0}</source>
        <translation>Importazione di {0}</translation>
    </message>
    <message>
        <source>Importazione interrotta: nulla è stato scritto.</source>
        <translation>Importazione interrotta: nulla è stato scritto.</translation>
    </message>
    <message>
        <source>Lista «{0}»{1}.</source>
        <translation>Lista «{0}»{1}.</translation>
    </message>
    <message>
        <source> (creata)</source>
        <translation> (creata)</translation>
    </message>
    <message>
        <source>Righe lette: {0} ({1} valide, {2} con errori da correggere nella tabella).</source>
        <translation>Righe lette: {0} ({1} valide, {2} con errori da correggere nella tabella).</translation>
    </message>
    <message>
        <source>Aggiunti: {0} · aggiornati: {1} · invariati: {2} · annullati dal file: {3}.</source>
        <translation>Aggiunti: {0} · aggiornati: {1} · invariati: {2} · annullati dal file: {3}.</translation>
    </message>
    <message>
        <source>Annulla i mancanti ({0})</source>
        <translation>Annulla i mancanti ({0})</translation>
    </message>
    <message>
        <source>Annullati: {0} subito, {1} con il prossimo invio.</source>
        <translation>Annullati: {0} subito, {1} con il prossimo invio.</translation>
    </message>
    <message>
        <source>Annulla i mancanti</source>
        <translation>Annulla i mancanti</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message numerus="yes">
        <source>%Ln IUV assegnati</source>
        <translation>
            <numerusform>%Ln IUV assegnato</numerusform>
            <numerusform>%Ln IUV assegnati</numerusform>
        </translation>
    </message>
    <message>
        <source>Assegna IUV</source>
        <translation>Assegna IUV</translation>
    </message>
    <message>
        <source>Esporta flusso</source>
        <translation>Esporta flusso</translation>
    </message>
    <message>
        <source>Versione del tracciato:</source>
        <translation>Versione del tracciato:</translation>
    </message>
    <message>
        <source>Flusso {0} scritto in {1} ({2}: {3} I, {4} M, {5} A).</source>
        <translation>Flusso {0} scritto in {1} ({2}: {3} I, {4} M, {5} A).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe</source>
        <translation>
            <numerusform>%Ln riga</numerusform>
            <numerusform>%Ln righe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti non validi esclusi: correggili nella tabella (colonna Errori).</source>
        <translation>
            <numerusform>%Ln dovuto non valido escluso: correggilo nella tabella (colonna Errori).</numerusform>
            <numerusform>%Ln dovuti non validi esclusi: correggili nella tabella (colonna Errori).</numerusform>
        </translation>
    </message>
    <message>
        <source>Esporta Excel</source>
        <translation>Esporta Excel</translation>
    </message>
    <message>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Lista esportata in {0}</source>
        <translation>Lista esportata in {0}</translation>
    </message>
    <message>
        <source>Invio al portale</source>
        <translation>Invio al portale</translation>
    </message>
</context>
<context>
    <name>ListTexts</name>
    <message numerus="yes">
        <source>%Ln dovuti su {0} (filtro attivo)</source>
        <translation>
            <numerusform>%Ln dovuto su {0} (filtro attivo)</numerusform>
            <numerusform>%Ln dovuti su {0} (filtro attivo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti</source>
        <translation>
            <numerusform>%Ln dovuto</numerusform>
            <numerusform>%Ln dovuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln da inviare</source>
        <translation>
            <numerusform>%Ln da inviare</numerusform>
            <numerusform>%Ln da inviare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln con errori</source>
        <translation>
            <numerusform>%Ln con errori</numerusform>
            <numerusform>%Ln con errori</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna lista. Crea una lista con «Nuova lista…» oppure importa un file con «Importa…» (Ctrl+I): Excel, CSV o un flusso MyPay.</source>
        <translation>Nessuna lista. Crea una lista con «Nuova lista…» oppure importa un file con «Importa…» (Ctrl+I): Excel, CSV o un flusso MyPay.</translation>
    </message>
    <message>
        <source>Nessun dovuto corrisponde ai filtri: «Azzera» li toglie.</source>
        <translation>Nessun dovuto corrisponde ai filtri: «Azzera» li toglie.</translation>
    </message>
    <message>
        <source>La lista è vuota. Premi «Nuovo dovuto» (Ctrl+Maiusc+N) e scrivi il primo dovuto, incolla righe copiate da Excel (Ctrl+V) oppure importa un file con «Importa…» (Ctrl+I) o trascinandolo qui.</source>
        <translation>La lista è vuota. Premi «Nuovo dovuto» (Ctrl+Maiusc+N) e scrivi il primo dovuto, incolla righe copiate da Excel (Ctrl+V) oppure importa un file con «Importa…» (Ctrl+I) o trascinandolo qui.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Nuova lista…</source>
        <translation>Nuova lista…</translation>
    </message>
    <message>
        <source>Rinomina…</source>
        <translation>Rinomina…</translation>
    </message>
    <message>
        <source>Elimina</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Liste di dovuti</source>
        <translation>Liste di dovuti</translation>
    </message>
    <message>
        <source>Filtro per scadenza: {0}</source>
        <translation>Filtro per scadenza: {0}</translation>
    </message>
    <message>
        <source>Annulla modifica</source>
        <translation>Annulla modifica</translation>
    </message>
    <message>
        <source>Ripeti modifica</source>
        <translation>Ripeti modifica</translation>
    </message>
    <message>
        <source>Nuovo dovuto</source>
        <translation>Nuovo dovuto</translation>
    </message>
    <message>
        <source>Una riga nuova in fondo alla lista, con lo IUD successivo (Ctrl+Maiusc+N)</source>
        <translation>Una riga nuova in fondo alla lista, con lo IUD successivo (Ctrl+Maiusc+N)</translation>
    </message>
    <message>
        <source>Dettaglio…</source>
        <translation>Dettaglio…</translation>
    </message>
    <message>
        <source>Debitore, importi, rate, ente secondario e bilancio</source>
        <translation>Debitore, importi, rate, ente secondario e bilancio</translation>
    </message>
    <message>
        <source>Importa…</source>
        <translation>Importa…</translation>
    </message>
    <message>
        <source>Excel, CSV o flusso MyPay (anche trascinando il file sulla tabella)</source>
        <translation>Excel, CSV o flusso MyPay (anche trascinando il file sulla tabella)</translation>
    </message>
    <message>
        <source>Modifiche in blocco…</source>
        <translation>Modifiche in blocco…</translation>
    </message>
    <message>
        <source>Annulla dovuti</source>
        <translation>Annulla dovuti</translation>
    </message>
    <message>
        <source>Annulla i dovuti selezionati (sul portale con il prossimo invio)</source>
        <translation>Annulla i dovuti selezionati (sul portale con il prossimo invio)</translation>
    </message>
    <message>
        <source>Assegna IUV</source>
        <translation>Assegna IUV</translation>
    </message>
    <message>
        <source>Dà uno IUV dell&apos;Ente ai dovuti validi che non lo hanno, per stampare gli avvisi prima dell&apos;invio</source>
        <translation>Dà uno IUV dell&apos;Ente ai dovuti validi che non lo hanno, per stampare gli avvisi prima dell&apos;invio</translation>
    </message>
    <message>
        <source>Esporta flusso MyPay…</source>
        <translation>Esporta flusso MyPay…</translation>
    </message>
    <message>
        <source>Esporta Excel…</source>
        <translation>Esporta Excel…</translation>
    </message>
    <message>
        <source>Esporta</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Stampa avvisi…</source>
        <translation>Stampa avvisi…</translation>
    </message>
    <message>
        <source>La lista, o le righe selezionate (Ctrl+P)</source>
        <translation>La lista, o le righe selezionate (Ctrl+P)</translation>
    </message>
    <message>
        <source>Invia al portale</source>
        <translation>Invia al portale</translation>
    </message>
    <message numerus="yes">
        <source>Eliminare la lista «{0}» con i suoi %Ln dovuti?</source>
        <translation>
            <numerusform>Eliminare la lista «{0}» con il suo %Ln dovuto?</numerusform>
            <numerusform>Eliminare la lista «{0}» con i suoi %Ln dovuti?</numerusform>
        </translation>
    </message>
    <message>
        <source>Filtri tolti per mostrare il nuovo dovuto</source>
        <translation>Filtri tolti per mostrare il nuovo dovuto</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti modificati</source>
        <translation>
            <numerusform>%Ln dovuto modificato</numerusform>
            <numerusform>%Ln dovuti modificati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lasciati invariati ({0})</source>
        <translation>
            <numerusform>%Ln lasciato invariato ({0})</numerusform>
            <numerusform>%Ln lasciati invariati ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annullare %Ln dovuti? Quelli già sul portale saranno annullati con il prossimo invio.</source>
        <translation>
            <numerusform>Annullare %Ln dovuto? Se è già sul portale sarà annullato con il prossimo invio.</numerusform>
            <numerusform>Annullare %Ln dovuti? Quelli già sul portale saranno annullati con il prossimo invio.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ripristina colonne</source>
        <translation>Ripristina colonne</translation>
    </message>
    <message>
        <source>Invia le modifiche in attesa (inserimenti, modifiche, annullamenti): prima mostra che cosa partirà</source>
        <translation>Invia le modifiche in attesa (inserimenti, modifiche, annullamenti): prima mostra che cosa partirà</translation>
    </message>
    <message>
        <source>Nessuna lista: creane una o importa un file</source>
        <translation>Nessuna lista: creane una o importa un file</translation>
    </message>
    <message>
        <source>Nuova lista</source>
        <translation>Nuova lista</translation>
    </message>
    <message>
        <source>Nome della lista:</source>
        <translation>Nome della lista:</translation>
    </message>
    <message>
        <source>Tipo dovuto predefinito:</source>
        <translation>Tipo dovuto predefinito:</translation>
    </message>
    <message>
        <source>Rinomina lista</source>
        <translation>Rinomina lista</translation>
    </message>
    <message>
        <source>Nuovo nome:</source>
        <translation>Nuovo nome:</translation>
    </message>
    <message>
        <source>Elimina lista</source>
        <translation>Elimina lista</translation>
    </message>
    <message>
        <source>La lista «{0}» ha dovuti già inviati al portale: non si può eliminare. Annulla i dovuti che non servono più.</source>
        <translation>La lista «{0}» ha dovuti già inviati al portale: non si può eliminare. Annulla i dovuti che non servono più.</translation>
    </message>
    <message>
        <source>dettaglio</source>
        <translation>dettaglio</translation>
    </message>
    <message>
        <source>Tipo dovuto in blocco</source>
        <translation>Tipo dovuto in blocco</translation>
    </message>
    <message>
        <source>Scadenza in blocco</source>
        <translation>Scadenza in blocco</translation>
    </message>
    <message>
        <source>Scadenze spostate</source>
        <translation>Scadenze spostate</translation>
    </message>
    <message>
        <source>Importi aumentati</source>
        <translation>Importi aumentati</translation>
    </message>
    <message>
        <source>Causale da modello</source>
        <translation>Causale da modello</translation>
    </message>
    <message>
        <source>IUD generati</source>
        <translation>IUD generati</translation>
    </message>
    <message>
        <source>Dovuti annullati</source>
        <translation>Dovuti annullati</translation>
    </message>
    <message>
        <source>Interrotto</source>
        <translation>Interrotto</translation>
    </message>
    <message>
        <source>Importa dovuti</source>
        <translation>Importa dovuti</translation>
    </message>
    <message>
        <source>File di dovuti (*.xlsx *.xlsm *.csv *.txt *.zip);;Tutti i file (*)</source>
        <translation>File di dovuti (*.xlsx *.xlsm *.csv *.txt *.zip);;Tutti i file (*)</translation>
    </message>
</context>
<context>
    <name>ListsTableModel</name>
    <message>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Dovuti</source>
        <translation>Dovuti</translation>
    </message>
    <message>
        <source>Nuovi</source>
        <translation>Nuovi</translation>
    </message>
    <message>
        <source>Sul portale</source>
        <translation>Sul portale</translation>
    </message>
    <message>
        <source>Pagati</source>
        <translation>Pagati</translation>
    </message>
    <message>
        <source>Annullati</source>
        <translation>Annullati</translation>
    </message>
    <message>
        <source>Con errori</source>
        <translation>Con errori</translation>
    </message>
    <message>
        <source>Da inviare</source>
        <translation>Da inviare</translation>
    </message>
    <message>
        <source>Totale</source>
        <translation>Totale</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Il logo pesa {0} kB: al massimo {1} kB</source>
        <translation>Il logo pesa {0} kB: al massimo {1} kB</translation>
    </message>
    <message>
        <source>Il logo deve essere un&apos;immagine PNG o JPEG</source>
        <translation>Il logo deve essere un&apos;immagine PNG o JPEG</translation>
    </message>
    <message>
        <source>L&apos;immagine del logo è danneggiata o illeggibile</source>
        <translation>L&apos;immagine del logo è danneggiata o illeggibile</translation>
    </message>
    <message>
        <source>Scegli…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Rimuovi</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Nessun logo</source>
        <translation>Nessun logo</translation>
    </message>
    <message>
        <source>Immagine non leggibile</source>
        <translation>Immagine non leggibile</translation>
    </message>
    <message>
        <source>Scegli il logo dell&apos;Ente</source>
        <translation>Scegli il logo dell&apos;Ente</translation>
    </message>
    <message>
        <source>Immagini PNG o JPEG (*.png *.jpg *.jpeg)</source>
        <translation>Immagini PNG o JPEG (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Impossibile leggere {0}: {1}</source>
        <translation>Impossibile leggere {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ente dimostrativo</source>
        <translation>Ente dimostrativo</translation>
    </message>
    <message>
        <source>versione {0}</source>
        <translation>versione {0}</translation>
    </message>
    <message>
        <source>Liste di dovuti</source>
        <translation>Liste di dovuti</translation>
    </message>
    <message>
        <source>Qui prepari le liste di dovuti dell&apos;Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L&apos;app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</source>
        <translation>Qui prepari le liste di dovuti dell&apos;Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L&apos;app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</translation>
    </message>
    <message>
        <source>Portale</source>
        <translation>Portale</translation>
    </message>
    <message>
        <source>Qui vedi i flussi inviati al portale MyPay e il loro esito (righe accettate e scartate), invii le modifiche in attesa e consulti il registro di ogni scambio con il portale.</source>
        <translation>Qui vedi i flussi inviati al portale MyPay e il loro esito (righe accettate e scartate), invii le modifiche in attesa e consulti il registro di ogni scambio con il portale.</translation>
    </message>
    <message>
        <source>Pagamenti</source>
        <translation>Pagamenti</translation>
    </message>
    <message>
        <source>Qui trovi le ricevute dei pagamenti scaricate dal portale o importate da file, con il dovuto a cui corrispondono, e gli importi incassati per tipo dovuto.</source>
        <translation>Qui trovi le ricevute dei pagamenti scaricate dal portale o importate da file, con il dovuto a cui corrispondono, e gli importi incassati per tipo dovuto.</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Riconciliazione</translation>
    </message>
    <message>
        <source>Qui importi i flussi di rendicontazione (FdR) e il giornale di cassa della tesoreria e confronti ricevute, rendicontazioni e accrediti, con il riepilogo per esito.</source>
        <translation>Qui importi i flussi di rendicontazione (FdR) e il giornale di cassa della tesoreria e confronti ricevute, rendicontazioni e accrediti, con il riepilogo per esito.</translation>
    </message>
    <message>
        <source>Registro attività</source>
        <translation>Registro attività</translation>
    </message>
    <message>
        <source>Chi ha fatto cosa e quando: ogni azione delle postazioni dell&apos;ufficio, con l&apos;utente e la postazione, filtrabile per utente, data e lista.</source>
        <translation>Chi ha fatto cosa e quando: ogni azione delle postazioni dell&apos;ufficio, con l&apos;utente e la postazione, filtrabile per utente, data e lista.</translation>
    </message>
    <message>
        <source>Impostazioni</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</source>
        <translation>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Modifica</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Vai</source>
        <translation>&amp;Vai</translation>
    </message>
    <message>
        <source>E&amp;nte</source>
        <translation>E&amp;nte</translation>
    </message>
    <message>
        <source>&amp;Aiuto</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Guida rapida</source>
        <translation>&amp;Guida rapida</translation>
    </message>
    <message>
        <source>&amp;Informazioni</source>
        <translation>&amp;Informazioni</translation>
    </message>
    <message>
        <source>Apri la cartella dei &amp;log</source>
        <translation>Apri la cartella dei &amp;log</translation>
    </message>
    <message>
        <source>Aggiungi un Ente…</source>
        <translation>Aggiungi un Ente…</translation>
    </message>
    <message>
        <source>Apri l&apos;Ente dimostrativo</source>
        <translation>Apri l&apos;Ente dimostrativo</translation>
    </message>
    <message>
        <source>Passa a:</source>
        <translation>Passa a:</translation>
    </message>
    <message>
        <source>Portale non raggiungibile: i flussi in sospeso ripartiranno alla prossima sincronizzazione.</source>
        <translation>Portale non raggiungibile: i flussi in sospeso ripartiranno alla prossima sincronizzazione.</translation>
    </message>
    <message>
        <source>Flussi in sospeso ripresi: {0}</source>
        <translation>Flussi in sospeso ripresi: {0}</translation>
    </message>
    <message>
        <source>Ente corrente: {0}</source>
        <translation>Ente corrente: {0}</translation>
    </message>
    <message>
        <source>L&apos;Ente dimostrativo non è disponibile in questa versione dell&apos;app. Configura il tuo Ente con «Configura il tuo Ente».</source>
        <translation>L&apos;Ente dimostrativo non è disponibile in questa versione dell&apos;app. Configura il tuo Ente con «Configura il tuo Ente».</translation>
    </message>
    <message>
        <source>Preparazione dell&apos;Ente dimostrativo</source>
        <translation>Preparazione dell&apos;Ente dimostrativo</translation>
    </message>
    <message>
        <source>Ente dimostrativo pronto: il portale di prova è attivo.</source>
        <translation>Ente dimostrativo pronto: il portale di prova è attivo.</translation>
    </message>
    <message>
        <source>L&apos;Ente dimostrativo non è pronto</source>
        <translation>L&apos;Ente dimostrativo non è pronto</translation>
    </message>
    <message>
        <source>Il portale di prova non è disponibile in questa versione.</source>
        <translation>Il portale di prova non è disponibile in questa versione.</translation>
    </message>
    <message>
        <source>Il portale di prova non si è avviato: {0}</source>
        <translation>Il portale di prova non si è avviato: {0}</translation>
    </message>
    <message>
        <source>Questa sezione non si è aperta per un errore imprevisto: i dettagli sono nel file di log. Le altre sezioni funzionano normalmente.</source>
        <translation>Questa sezione non si è aperta per un errore imprevisto: i dettagli sono nel file di log. Le altre sezioni funzionano normalmente.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MyPay Desk {0}&lt;/h3&gt;&lt;p&gt;Back-office per gli Enti che incassano con pagoPA tramite MyPay: liste di dovuti, avvisi, allineamento con il portale, ricevute e riconciliazione.&lt;/p&gt;&lt;p&gt;Spazio di lavoro: {1}&lt;br&gt;File di log: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MyPay Desk {0}&lt;/h3&gt;&lt;p&gt;Back-office per gli Enti che incassano con pagoPA tramite MyPay: liste di dovuti, avvisi, allineamento con il portale, ricevute e riconciliazione.&lt;/p&gt;&lt;p&gt;Spazio di lavoro: {1}&lt;br&gt;File di log: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>non attivo</source>
        <translation>non attivo</translation>
    </message>
    <message>
        <source>Informazioni su MyPay Desk</source>
        <translation>Informazioni su MyPay Desk</translation>
    </message>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>Ci sono modifiche non salvate in: {0}. Vuoi lasciarle?</source>
        <translation>Ci sono modifiche non salvate in: {0}. Vuoi lasciarle?</translation>
    </message>
    <message>
        <source>Operazioni in corso</source>
        <translation>Operazioni in corso</translation>
    </message>
    <message>
        <source>Alcune operazioni sono ancora in corso. Annullarle e uscire? Quanto già completato resta salvato.</source>
        <translation>Alcune operazioni sono ancora in corso. Annullarle e uscire? Quanto già completato resta salvato.</translation>
    </message>
</context>
<context>
    <name>MenuBuilder</name>
    <message>
        <source>&amp;Importa…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>&amp;Esporta in Excel…</source>
        <translation>&amp;Esporta in Excel…</translation>
    </message>
    <message>
        <source>Esporta &amp;flusso MyPay…</source>
        <translation>Esporta &amp;flusso MyPay…</translation>
    </message>
    <message>
        <source>&amp;Stampa avvisi…</source>
        <translation>&amp;Stampa avvisi…</translation>
    </message>
    <message>
        <source>&amp;Esci</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Annulla</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Ripeti</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>&amp;Taglia</source>
        <translation>&amp;Taglia</translation>
    </message>
    <message>
        <source>&amp;Copia</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>I&amp;ncolla</source>
        <translation>I&amp;ncolla</translation>
    </message>
    <message>
        <source>&amp;Seleziona tutto</source>
        <translation>&amp;Seleziona tutto</translation>
    </message>
    <message>
        <source>&amp;Trova…</source>
        <translation>&amp;Trova…</translation>
    </message>
</context>
<context>
    <name>NoticePreviewDialog</name>
    <message>
        <source>Anteprima avvisi – {0}</source>
        <translation>Anteprima avvisi – {0}</translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation>Stampa…</translation>
    </message>
    <message>
        <source>Apri con il visualizzatore</source>
        <translation>Apri con il visualizzatore</translation>
    </message>
    <message>
        <source>Salva una copia…</source>
        <translation>Salva una copia…</translation>
    </message>
    <message>
        <source>Pagina precedente</source>
        <translation>Pagina precedente</translation>
    </message>
    <message>
        <source>Pagina successiva</source>
        <translation>Pagina successiva</translation>
    </message>
    <message>
        <source>Riduci</source>
        <translation>Riduci</translation>
    </message>
    <message>
        <source>Ingrandisci</source>
        <translation>Ingrandisci</translation>
    </message>
    <message>
        <source>Adatta alla larghezza</source>
        <translation>Adatta alla larghezza</translation>
    </message>
    <message>
        <source>Pagina intera</source>
        <translation>Pagina intera</translation>
    </message>
    <message>
        <source>Impossibile aprire {0}</source>
        <translation>Impossibile aprire {0}</translation>
    </message>
    <message>
        <source> di {0}</source>
        <translation> di {0}</translation>
    </message>
    <message>
        <source>Stampa avvisi</source>
        <translation>Stampa avvisi</translation>
    </message>
    <message>
        <source>Stampa in corso…</source>
        <translation>Stampa in corso…</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>La stampante non è disponibile.</source>
        <translation>La stampante non è disponibile.</translation>
    </message>
    <message>
        <source>Salva una copia</source>
        <translation>Salva una copia</translation>
    </message>
    <message>
        <source>Documento PDF (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Impossibile salvare: {0}</source>
        <translation>Impossibile salvare: {0}</translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <source>%Ln pagine</source>
        <translation>
            <numerusform>%Ln pagina</numerusform>
            <numerusform>%Ln pagine</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi ({0}) salvati in {1}</source>
        <translation>
            <numerusform>%Ln avviso ({0}) salvato in {1}</numerusform>
            <numerusform>%Ln avvisi ({0}) salvati in {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi salvati, un PDF per dovuto, in {0}</source>
        <translation>
            <numerusform>%Ln avviso salvato, un PDF per dovuto, in {0}</numerusform>
            <numerusform>%Ln avvisi salvati, un PDF per dovuto, in {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Pagamento presso lo sportello</source>
        <translation>Pagamento presso lo sportello</translation>
    </message>
    <message>
        <source>Il cittadino può pagare ora il dovuto {0} di {1}: inquadri il codice QR con lo smartphone oppure apra il collegamento.</source>
        <translation>Il cittadino può pagare ora il dovuto {0} di {1}: inquadri il codice QR con lo smartphone oppure apra il collegamento.</translation>
    </message>
    <message>
        <source>Numero avviso: {0}</source>
        <translation>Numero avviso: {0}</translation>
    </message>
    <message>
        <source>non ancora assegnato</source>
        <translation>non ancora assegnato</translation>
    </message>
    <message>
        <source>Copia il collegamento</source>
        <translation>Copia il collegamento</translation>
    </message>
    <message>
        <source>Apri nel browser</source>
        <translation>Apri nel browser</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Importa file ricevute…</source>
        <translation>Importa file ricevute…</translation>
    </message>
    <message>
        <source>Importa un export delle ricevute di MyPay (ZIP o CSV, tracciato 1.0-1.3)</source>
        <translation>Importa un export delle ricevute di MyPay (ZIP o CSV, tracciato 1.0-1.3)</translation>
    </message>
    <message>
        <source>Scarica ricevute dal portale</source>
        <translation>Scarica ricevute dal portale</translation>
    </message>
    <message>
        <source>Chiede al portale le ricevute arrivate dall&apos;ultimo scaricamento</source>
        <translation>Chiede al portale le ricevute arrivate dall&apos;ultimo scaricamento</translation>
    </message>
    <message>
        <source>Esporta in Excel…</source>
        <translation>Esporta in Excel…</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>al</source>
        <translation>al</translation>
    </message>
    <message>
        <source>Tutti i tipi dovuto</source>
        <translation>Tutti i tipi dovuto</translation>
    </message>
    <message>
        <source>Filtro per data: {0}</source>
        <translation>Filtro per data: {0}</translation>
    </message>
    <message>
        <source>Cerca IUV, IUD, debitore, PSP, causale…</source>
        <translation>Cerca IUV, IUD, debitore, PSP, causale…</translation>
    </message>
    <message>
        <source>Tutte le ricevute</source>
        <translation>Tutte le ricevute</translation>
    </message>
    <message>
        <source>Abbinate a un dovuto</source>
        <translation>Abbinate a un dovuto</translation>
    </message>
    <message>
        <source>Non abbinate</source>
        <translation>Non abbinate</translation>
    </message>
    <message>
        <source>Pagati dal</source>
        <translation>Pagati dal</translation>
    </message>
    <message>
        <source>Automatico</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Per giorno</source>
        <translation>Per giorno</translation>
    </message>
    <message>
        <source>Per mese</source>
        <translation>Per mese</translation>
    </message>
    <message>
        <source>Incassi nel tempo</source>
        <translation>Incassi nel tempo</translation>
    </message>
    <message>
        <source>Pagamenti</source>
        <translation>Pagamenti</translation>
    </message>
    <message>
        <source>Ricevute non disponibili: {0}</source>
        <translation>Ricevute non disponibili: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute</source>
        <translation>
            <numerusform>%Ln ricevuta</numerusform>
            <numerusform>%Ln ricevute</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} incassati</source>
        <translation>{0} incassati</translation>
    </message>
    <message numerus="yes">
        <source>%Ln abbinate ({0})</source>
        <translation>
            <numerusform>%Ln abbinata ({0})</numerusform>
            <numerusform>%Ln abbinate ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln non abbinate ({0})</source>
        <translation>
            <numerusform>%Ln non abbinata ({0})</numerusform>
            <numerusform>%Ln non abbinate ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute lette</source>
        <translation>
            <numerusform>%Ln ricevuta letta</numerusform>
            <numerusform>%Ln ricevute lette</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln nuove</source>
        <translation>
            <numerusform>%Ln nuova</numerusform>
            <numerusform>%Ln nuove</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abbinate a un dovuto</source>
        <translation>
            <numerusform>%Ln abbinata a un dovuto</numerusform>
            <numerusform>%Ln abbinate a un dovuto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln senza dovuto</source>
        <translation>
            <numerusform>%Ln senza dovuto</numerusform>
            <numerusform>%Ln senza dovuto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erano già presenti.</source>
        <translation>
            <numerusform>%Ln era già presente.</numerusform>
            <numerusform>%Ln erano già presenti.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute importate in precedenza ora abbinate.</source>
        <translation>
            <numerusform>%Ln ricevuta importata in precedenza ora abbinata.</numerusform>
            <numerusform>%Ln ricevute importate in precedenza ora abbinate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe rifiutate (le altre sono state importate): vedi i dettagli.</source>
        <translation>
            <numerusform>%Ln riga rifiutata (le altre sono state importate): vedi i dettagli.</numerusform>
            <numerusform>%Ln righe rifiutate (le altre sono state importate): vedi i dettagli.</numerusform>
        </translation>
    </message>
    <message>
        <source>riga {0}</source>
        <translation>riga {0}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>, colonna {0}</source>
        <translation>, colonna {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute esportate in {0}</source>
        <translation>
            <numerusform>%Ln ricevuta esportata in {0}</numerusform>
            <numerusform>%Ln ricevute esportate in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Non abbinate per tipo dovuto: {0}</source>
        <translation>Non abbinate per tipo dovuto: {0}</translation>
    </message>
    <message>
        <source>Incassi per mese</source>
        <translation>Incassi per mese</translation>
    </message>
    <message>
        <source>Incassi per giorno</source>
        <translation>Incassi per giorno</translation>
    </message>
    <message>
        <source>Importa file ricevute</source>
        <translation>Importa file ricevute</translation>
    </message>
    <message>
        <source>Export ricevute MyPay (*.zip *.csv);;Tutti i file (*)</source>
        <translation>Export ricevute MyPay (*.zip *.csv);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Importazione delle ricevute da {0}</source>
        <translation>Importazione delle ricevute da {0}</translation>
    </message>
    <message>
        <source>Importazione ricevute</source>
        <translation>Importazione ricevute</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute interrotto: la richiesta al portale è conservata e verrà ripresa</source>
        <translation>Scaricamento delle ricevute interrotto: la richiesta al portale è conservata e verrà ripresa</translation>
    </message>
    <message>
        <source>Ricevute dal portale</source>
        <translation>Ricevute dal portale</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute dal portale</source>
        <translation>Scaricamento delle ricevute dal portale</translation>
    </message>
    <message>
        <source>Nessuna nuova ricevuta sul portale.</source>
        <translation>Nessuna nuova ricevuta sul portale.</translation>
    </message>
    <message>
        <source>Esporta in Excel</source>
        <translation>Esporta in Excel</translation>
    </message>
    <message>
        <source>Cartella di Excel (*.xlsx)</source>
        <translation>Cartella di Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Esportazione in Excel</source>
        <translation>Esportazione in Excel</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Questa sezione non è ancora disponibile in questa versione.</source>
        <translation>Questa sezione non è ancora disponibile in questa versione.</translation>
    </message>
</context>
<context>
    <name>PortalDesk</name>
    <message>
        <source>Dovuto {0} inviato al portale.</source>
        <translation>Dovuto {0} inviato al portale.</translation>
    </message>
    <message>
        <source>Numero avviso: {0}</source>
        <translation>Numero avviso: {0}</translation>
    </message>
    <message>
        <source>Invio immediato</source>
        <translation>Invio immediato</translation>
    </message>
    <message>
        <source>Il portale ha rifiutato il dovuto {0}:
{1} {2}</source>
        <translation>Il portale ha rifiutato il dovuto {0}:
{1} {2}</translation>
    </message>
    <message>
        <source>Invio del dovuto al portale</source>
        <translation>Invio del dovuto al portale</translation>
    </message>
    <message>
        <source>Avvio del pagamento</source>
        <translation>Avvio del pagamento</translation>
    </message>
</context>
<context>
    <name>PortalModels</name>
    <message>
        <source>Flusso (IUF)</source>
        <translation>Flusso (IUF)</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Stato sul portale</source>
        <translation>Stato sul portale</translation>
    </message>
    <message>
        <source>Creato</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Accettati</source>
        <translation>Accettati</translation>
    </message>
    <message>
        <source>Rifiutati</source>
        <translation>Rifiutati</translation>
    </message>
    <message>
        <source>Errore</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Riga</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Codice</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Messaggio</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Risposta</source>
        <translation>Risposta</translation>
    </message>
    <message>
        <source>Ora</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Operazione</source>
        <translation>Operazione</translation>
    </message>
    <message>
        <source>Durata (ms)</source>
        <translation>Durata (ms)</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
</context>
<context>
    <name>PortalPage</name>
    <message>
        <source>Portale</source>
        <translation>Portale</translation>
    </message>
    <message>
        <source>Connessione a MyPay, invio delle modifiche in attesa, flussi inviati e registro degli scambi.</source>
        <translation>Connessione a MyPay, invio delle modifiche in attesa, flussi inviati e registro degli scambi.</translation>
    </message>
    <message>
        <source>Flussi inviati</source>
        <translation>Flussi inviati</translation>
    </message>
    <message>
        <source>Registro degli scambi</source>
        <translation>Registro degli scambi</translation>
    </message>
    <message>
        <source>Sportello</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <source>Connessione al portale</source>
        <translation>Connessione al portale</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Prova connessione</source>
        <translation>Prova connessione</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Indirizzo del portale</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>Codice IPA</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sincronizza una lista</source>
        <translation>Sincronizza una lista</translation>
    </message>
    <message>
        <source>Sincronizza</source>
        <translation>Sincronizza</translation>
    </message>
    <message>
        <source>Reinvia anche i dovuti rifiutati e non modificati</source>
        <translation>Reinvia anche i dovuti rifiutati e non modificati</translation>
    </message>
    <message>
        <source>Sportello: un dovuto subito</source>
        <translation>Sportello: un dovuto subito</translation>
    </message>
    <message>
        <source>IUD del dovuto</source>
        <translation>IUD del dovuto</translation>
    </message>
    <message>
        <source>Invia subito</source>
        <translation>Invia subito</translation>
    </message>
    <message>
        <source>Invia al portale solo questo dovuto, senza attendere un flusso</source>
        <translation>Invia al portale solo questo dovuto, senza attendere un flusso</translation>
    </message>
    <message>
        <source>Avvia pagamento</source>
        <translation>Avvia pagamento</translation>
    </message>
    <message>
        <source>Il cittadino paga ora: mostra il collegamento e il codice QR</source>
        <translation>Il cittadino paga ora: mostra il collegamento e il codice QR</translation>
    </message>
    <message>
        <source>Righe rifiutate del flusso selezionato</source>
        <translation>Righe rifiutate del flusso selezionato</translation>
    </message>
    <message>
        <source>Riprendi il flusso</source>
        <translation>Riprendi il flusso</translation>
    </message>
    <message>
        <source>Verifica sul portale e completa un invio interrotto</source>
        <translation>Verifica sul portale e completa un invio interrotto</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Ogni scambio con il portale: operazione, durata, esito e codice d&apos;errore. Password e token non vengono mai registrati.</source>
        <translation>Ogni scambio con il portale: operazione, durata, esito e codice d&apos;errore. Password e token non vengono mai registrati.</translation>
    </message>
    <message>
        <source>Dati del portale non disponibili: {0}</source>
        <translation>Dati del portale non disponibili: {0}</translation>
    </message>
    <message>
        <source>Nessun Ente configurato</source>
        <translation>Nessun Ente configurato</translation>
    </message>
    <message>
        <source>Indirizzo salvato: {0}</source>
        <translation>Indirizzo salvato: {0}</translation>
    </message>
    <message>
        <source>nessuno</source>
        <translation>nessuno</translation>
    </message>
    <message numerus="yes">
        <source>%Ln con errori da correggere</source>
        <translation>
            <numerusform>%Ln con errori da correggere</numerusform>
            <numerusform>%Ln con errori da correggere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutati e non modificati</source>
        <translation>
            <numerusform>%Ln rifiutato e non modificato</numerusform>
            <numerusform>%Ln rifiutati e non modificati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in un flusso in corso</source>
        <translation>
            <numerusform>%Ln in un flusso in corso</numerusform>
            <numerusform>%Ln in un flusso in corso</numerusform>
        </translation>
    </message>
    <message>
        <source>non impostata</source>
        <translation>non impostata</translation>
    </message>
    <message>
        <source>salvata (vuota: non cambia)</source>
        <translation>salvata (vuota: non cambia)</translation>
    </message>
    <message>
        <source>La password è conservata in: {0}. Non viene mai scritta nel database né nel registro.</source>
        <translation>La password è conservata in: {0}. Non viene mai scritta nel database né nel registro.</translation>
    </message>
    <message>
        <source>● raggiungibile</source>
        <translation>● raggiungibile</translation>
    </message>
    <message>
        <source>● non raggiungibile</source>
        <translation>● non raggiungibile</translation>
    </message>
    <message>
        <source>● non ancora contattato</source>
        <translation>● non ancora contattato</translation>
    </message>
    <message>
        <source>Nessuna lista: creane una nella pagina Liste di dovuti.</source>
        <translation>Nessuna lista: creane una nella pagina Liste di dovuti.</translation>
    </message>
    <message>
        <source>In attesa: {0} da inserire, {1} da modificare, {2} da annullare</source>
        <translation>In attesa: {0} da inserire, {1} da modificare, {2} da annullare</translation>
    </message>
    <message>
        <source>Righe rifiutate del flusso {0}</source>
        <translation>Righe rifiutate del flusso {0}</translation>
    </message>
    <message>
        <source>Connessione al portale salvata</source>
        <translation>Connessione al portale salvata</translation>
    </message>
    <message>
        <source>Verifica in corso…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>Sincronizzazione in corso…</source>
        <translation>Sincronizzazione in corso…</translation>
    </message>
    <message>
        <source>Sincronizzazione della lista «{0}»</source>
        <translation>Sincronizzazione della lista «{0}»</translation>
    </message>
    <message>
        <source>Le righe rifiutate sono elencate sotto, con il motivo: correggile e sincronizza di nuovo.</source>
        <translation>Le righe rifiutate sono elencate sotto, con il motivo: correggile e sincronizza di nuovo.</translation>
    </message>
    <message>
        <source>… e altri {0}</source>
        <translation>… e altri {0}</translation>
    </message>
    <message>
        <source>Sincronizzazione</source>
        <translation>Sincronizzazione</translation>
    </message>
    <message>
        <source>Sincronizzazione annullata: quanto già inviato sarà verificato e completato alla prossima sincronizzazione.</source>
        <translation>Sincronizzazione annullata: quanto già inviato sarà verificato e completato alla prossima sincronizzazione.</translation>
    </message>
    <message>
        <source>Ripresa del flusso {0}</source>
        <translation>Ripresa del flusso {0}</translation>
    </message>
    <message>
        <source>Invio immediato</source>
        <translation>Invio immediato</translation>
    </message>
    <message>
        <source>Avvio del pagamento</source>
        <translation>Avvio del pagamento</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Riga</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Codice fiscale / P.IVA</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>Errori</source>
        <translation>Errori</translation>
    </message>
    <message>
        <source>Da correggere</source>
        <translation>Da correggere</translation>
    </message>
    <message>
        <source>Valida</source>
        <translation>Valida</translation>
    </message>
</context>
<context>
    <name>ReceiptDetailPane</name>
    <message>
        <source>Seleziona una ricevuta per vederne il dettaglio</source>
        <translation>Seleziona una ricevuta per vederne il dettaglio</translation>
    </message>
    <message>
        <source>Colonna</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Valore</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Ricevuta</source>
        <translation>Ricevuta</translation>
    </message>
    <message>
        <source>Colonne dell&apos;export</source>
        <translation>Colonne dell&apos;export</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Ricevuta IUV {0} · {1}</source>
        <translation>Ricevuta IUV {0} · {1}</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Importo dovuto</source>
        <translation>Importo dovuto</translation>
    </message>
    <message>
        <source>Pagato</source>
        <translation>Pagato</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Causale</translation>
    </message>
    <message>
        <source>Rata</source>
        <translation>Rata</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Eccedenza</source>
        <translation>Eccedenza</translation>
    </message>
    <message>
        <source>Ancora da pagare</source>
        <translation>Ancora da pagare</translation>
    </message>
    <message>
        <source>Pagamento incassato per conto di un altro Ente (ente secondario).</source>
        <translation>Pagamento incassato per conto di un altro Ente (ente secondario).</translation>
    </message>
    <message>
        <source>Nessun dovuto locale corrisponde a questa ricevuta (pagamento spontaneo o dovuto non presente nelle liste): è elencata tra i non abbinati del tipo «{0}».</source>
        <translation>Nessun dovuto locale corrisponde a questa ricevuta (pagamento spontaneo o dovuto non presente nelle liste): è elencata tra i non abbinati del tipo «{0}».</translation>
    </message>
    <message>
        <source>(l&apos;export non conteneva la ricevuta XML)</source>
        <translation>(l&apos;export non conteneva la ricevuta XML)</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Data pagamento</source>
        <translation>Data pagamento</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>PSP</source>
        <translation>PSP</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Abbinamento</source>
        <translation>Abbinamento</translation>
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <source>Importa file…</source>
        <translation>Importa file…</translation>
    </message>
    <message>
        <source>Flussi di rendicontazione dei PSP (XML o ZIP), giornale di cassa OPI (XML) o estratto conto (CSV)</source>
        <translation>Flussi di rendicontazione dei PSP (XML o ZIP), giornale di cassa OPI (XML) o estratto conto (CSV)</translation>
    </message>
    <message>
        <source>Importa cartella…</source>
        <translation>Importa cartella…</translation>
    </message>
    <message>
        <source>Riconcilia</source>
        <translation>Riconcilia</translation>
    </message>
    <message>
        <source>Classifica di nuovo i pagamenti: solo ciò che è cambiato viene riscritto, note e segni di «risolto» restano</source>
        <translation>Classifica di nuovo i pagamenti: solo ciò che è cambiato viene riscritto, note e segni di «risolto» restano</translation>
    </message>
    <message>
        <source>Esporta Excel…</source>
        <translation>Esporta Excel…</translation>
    </message>
    <message>
        <source>Esporta CSV MyPivot…</source>
        <translation>Esporta CSV MyPivot…</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Cerca IUV, IUF o nota…</source>
        <translation>Cerca IUV, IUF o nota…</translation>
    </message>
    <message>
        <source>Solo da verificare</source>
        <translation>Solo da verificare</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Riconciliazione</translation>
    </message>
    <message>
        <source>Configura prima l&apos;Ente nelle Impostazioni.</source>
        <translation>Configura prima l&apos;Ente nelle Impostazioni.</translation>
    </message>
    <message>
        <source>Riconciliazione non disponibile: {0}</source>
        <translation>Riconciliazione non disponibile: {0}</translation>
    </message>
    <message>
        <source>{0} pagamenti riconciliati ({1}) · {2} anomalie da verificare</source>
        <translation>{0} pagamenti riconciliati ({1}) · {2} anomalie da verificare</translation>
    </message>
    <message>
        <source>Ultima riconciliazione: {0} in {1} s; {2}, {3} aggiornati, {4} rimossi.</source>
        <translation>Ultima riconciliazione: {0} in {1} s; {2}, {3} aggiornati, {4} rimossi.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pagamenti esaminati</source>
        <translation>
            <numerusform>%Ln pagamento esaminato</numerusform>
            <numerusform>%Ln pagamenti esaminati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln risultati nuovi</source>
        <translation>
            <numerusform>%Ln risultato nuovo</numerusform>
            <numerusform>%Ln risultati nuovi</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessun risultato: importa i flussi di rendicontazione e la tesoreria, poi premi «Riconcilia».</source>
        <translation>Nessun risultato: importa i flussi di rendicontazione e la tesoreria, poi premi «Riconcilia».</translation>
    </message>
    <message>
        <source>Sono arrivati nuovi dati (ricevute o dovuti): premi «Riconcilia» per aggiornare.</source>
        <translation>Sono arrivati nuovi dati (ricevute o dovuti): premi «Riconcilia» per aggiornare.</translation>
    </message>
    <message>
        <source>{0} · {1}: {2}</source>
        <translation>{0} · {1}: {2}</translation>
    </message>
    <message>
        <source>Nota salvata</source>
        <translation>Nota salvata</translation>
    </message>
    <message>
        <source>Salva nota</source>
        <translation>Salva nota</translation>
    </message>
    <message>
        <source>Segnato come risolto</source>
        <translation>Segnato come risolto</translation>
    </message>
    <message>
        <source>Riaperto</source>
        <translation>Riaperto</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Risolto</translation>
    </message>
    <message>
        <source>Importa rendicontazioni e tesoreria</source>
        <translation>Importa rendicontazioni e tesoreria</translation>
    </message>
    <message>
        <source>Rendicontazioni e tesoreria (*.xml *.zip *.csv *.txt);;Tutti i file (*)</source>
        <translation>Rendicontazioni e tesoreria (*.xml *.zip *.csv *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Importazione di {0}</source>
        <translation>Importazione di {0}</translation>
    </message>
    <message>
        <source>Importa una cartella di flussi</source>
        <translation>Importa una cartella di flussi</translation>
    </message>
    <message>
        <source>Importazione della cartella {0}</source>
        <translation>Importazione della cartella {0}</translation>
    </message>
    <message>
        <source>Importazione</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>{0}: già importato, nulla da aggiungere</source>
        <translation>{0}: già importato, nulla da aggiungere</translation>
    </message>
    <message>
        <source>{0}: {1} ({2} nuovi), {3} ({4} nuovi)</source>
        <translation>{0}: {1} ({2} nuovi), {3} ({4} nuovi)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln flussi</source>
        <translation>
            <numerusform>%Ln flusso</numerusform>
            <numerusform>%Ln flussi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln movimenti di tesoreria</source>
        <translation>
            <numerusform>%Ln movimento di tesoreria</numerusform>
            <numerusform>%Ln movimenti di tesoreria</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln movimenti non di entrata ignorati</source>
        <translation>
            <numerusform>%Ln movimento non di entrata ignorato</numerusform>
            <numerusform>%Ln movimenti non di entrata ignorati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe esportate in {0}</source>
        <translation>
            <numerusform>%Ln riga esportata in {0}</numerusform>
            <numerusform>%Ln righe esportate in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>attenzione: {0}</source>
        <translation>attenzione: {0}</translation>
    </message>
    <message>
        <source>Nessun file importato.</source>
        <translation>Nessun file importato.</translation>
    </message>
    <message>
        <source>Alcuni documenti sono stati rifiutati o hanno avvisi: vedi i dettagli. Nulla di quanto già salvato è stato perso.</source>
        <translation>Alcuni documenti sono stati rifiutati o hanno avvisi: vedi i dettagli. Nulla di quanto già salvato è stato perso.</translation>
    </message>
    <message>
        <source>Riconciliazione annullata: i risultati precedenti sono invariati</source>
        <translation>Riconciliazione annullata: i risultati precedenti sono invariati</translation>
    </message>
    <message>
        <source>Riconciliazione dei pagamenti</source>
        <translation>Riconciliazione dei pagamenti</translation>
    </message>
    <message>
        <source>Esporta in Excel</source>
        <translation>Esporta in Excel</translation>
    </message>
    <message>
        <source>Cartella di Excel (*.xlsx)</source>
        <translation>Cartella di Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Esporta CSV stile MyPivot</source>
        <translation>Esporta CSV stile MyPivot</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Esportazione della riconciliazione</source>
        <translation>Esportazione della riconciliazione</translation>
    </message>
    <message>
        <source>Esportazione</source>
        <translation>Esportazione</translation>
    </message>
</context>
<context>
    <name>ResultDetailPane</name>
    <message>
        <source>Nota dell&apos;operatore (es. «sollecitato il PSP il 12/03»)</source>
        <translation>Nota dell&apos;operatore (es. «sollecitato il PSP il 12/03»)</translation>
    </message>
    <message>
        <source>Salva nota</source>
        <translation>Salva nota</translation>
    </message>
    <message>
        <source>Segna come risolto</source>
        <translation>Segna come risolto</translation>
    </message>
    <message>
        <source>Seleziona un pagamento per confrontare dovuto, ricevuta, rendicontazione e tesoreria</source>
        <translation>Seleziona un pagamento per confrontare dovuto, ricevuta, rendicontazione e tesoreria</translation>
    </message>
    <message>
        <source>Risolto da {0}{1}</source>
        <translation>Risolto da {0}{1}</translation>
    </message>
    <message>
        <source>Riapri</source>
        <translation>Riapri</translation>
    </message>
    <message>
        <source>Da verificare</source>
        <translation>Da verificare</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>IUV / chiave</source>
        <translation>IUV / chiave</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>IUF</source>
        <translation>IUF</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Pagatore / ordinante</source>
        <translation>Pagatore / ordinante</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Risolto</translation>
    </message>
    <message>
        <source>Risolto da {0}{1}</source>
        <translation>Risolto da {0}{1}</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>sì</translation>
    </message>
</context>
<context>
    <name>SendConfirmBox</name>
    <message>
        <source>Invia al portale</source>
        <translation>Invia al portale</translation>
    </message>
    <message numerus="yes">
        <source>Un invio precedente della lista «{0}» non è ancora concluso (%Ln dovuti).</source>
        <translation>
            <numerusform>Un invio precedente della lista «{0}» non è ancora concluso (%Ln dovuto).</numerusform>
            <numerusform>Un invio precedente della lista «{0}» non è ancora concluso (%Ln dovuti).</numerusform>
        </translation>
    </message>
    <message>
        <source>Riprendilo: il portale dice se lo ha elaborato e il suo esito viene applicato ai dovuti.</source>
        <translation>Riprendilo: il portale dice se lo ha elaborato e il suo esito viene applicato ai dovuti.</translation>
    </message>
    <message>
        <source>Riprendi l&apos;invio</source>
        <translation>Riprendi l&apos;invio</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare per la lista «{0}».</source>
        <translation>Nessuna modifica da inviare per la lista «{0}».</translation>
    </message>
    <message>
        <source>Inviare al portale le modifiche della lista «{0}»?</source>
        <translation>Inviare al portale le modifiche della lista «{0}»?</translation>
    </message>
    <message numerus="yes">
        <source>Invia %Ln dovuti</source>
        <translation>
            <numerusform>Invia %Ln dovuto</numerusform>
            <numerusform>Invia %Ln dovuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserimenti</source>
        <translation>
            <numerusform>%Ln inserimento</numerusform>
            <numerusform>%Ln inserimenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche</source>
        <translation>
            <numerusform>%Ln modifica</numerusform>
            <numerusform>%Ln modifiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annullamenti</source>
        <translation>
            <numerusform>%Ln annullamento</numerusform>
            <numerusform>%Ln annullamenti</numerusform>
        </translation>
    </message>
    <message>
        <source>Saranno inviati: {0}.</source>
        <translation>Saranno inviati: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe con errori escluse (correggile nella colonna Errori)</source>
        <translation>
            <numerusform>%Ln riga con errori esclusa (correggila nella colonna Errori)</numerusform>
            <numerusform>%Ln righe con errori escluse (correggile nella colonna Errori)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe rifiutate dal portale e non modificate escluse</source>
        <translation>
            <numerusform>%Ln riga rifiutata dal portale e non modificata esclusa</numerusform>
            <numerusform>%Ln righe rifiutate dal portale e non modificate escluse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti di un invio precedente ancora in corso</source>
        <translation>
            <numerusform>%Ln dovuto di un invio precedente ancora in corso</numerusform>
            <numerusform>%Ln dovuti di un invio precedente ancora in corso</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendResultBox</name>
    <message>
        <source>Invia al portale</source>
        <translation>Invia al portale</translation>
    </message>
    <message numerus="yes">
        <source>Rifiutati dal portale (%Ln):</source>
        <translation>
            <numerusform>Rifiutato dal portale (%Ln):</numerusform>
            <numerusform>Rifiutati dal portale (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Già sul portale, ripresi (%Ln):</source>
        <translation>
            <numerusform>Già sul portale, ripreso (%Ln):</numerusform>
            <numerusform>Già sul portale, ripresi (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Non modificati perché cambiati sul portale (%Ln):</source>
        <translation>
            <numerusform>Non modificato perché cambiato sul portale (%Ln):</numerusform>
            <numerusform>Non modificati perché cambiati sul portale (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Non inviati (%Ln):</source>
        <translation>
            <numerusform>Non inviato (%Ln):</numerusform>
            <numerusform>Non inviati (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserimenti</source>
        <translation>
            <numerusform>%Ln inserimento</numerusform>
            <numerusform>%Ln inserimenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche</source>
        <translation>
            <numerusform>%Ln modifica</numerusform>
            <numerusform>%Ln modifiche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annullamenti</source>
        <translation>
            <numerusform>%Ln annullamento</numerusform>
            <numerusform>%Ln annullamenti</numerusform>
        </translation>
    </message>
    <message>
        <source>Flusso {0} ({1}): {2}, {3}</source>
        <translation>Flusso {0} ({1}): {2}, {3}</translation>
    </message>
    <message>
        <source>Flusso {0} ripreso ({1}): {2}, {3}</source>
        <translation>Flusso {0} ripreso ({1}): {2}, {3}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln accettati</source>
        <translation>
            <numerusform>%Ln accettato</numerusform>
            <numerusform>%Ln accettati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutati</source>
        <translation>
            <numerusform>%Ln rifiutato</numerusform>
            <numerusform>%Ln rifiutati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln dei rifiutati erano già sul portale e sono stati ripresi)</source>
        <translation>
            <numerusform>(%Ln dei rifiutati era già sul portale ed è stato ripreso)</numerusform>
            <numerusform>(%Ln dei rifiutati erano già sul portale e sono stati ripresi)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Impostazioni</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</source>
        <translation>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</translation>
    </message>
    <message>
        <source>Ente</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Tipi dovuto</source>
        <translation>Tipi dovuto</translation>
    </message>
    <message>
        <source>Preferenze</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Lingua</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>La lingua scelta si applica al prossimo avvio dell&apos;app.</source>
        <translation>La lingua scelta si applica al prossimo avvio dell&apos;app.</translation>
    </message>
    <message>
        <source>Lingua dell&apos;interfaccia</source>
        <translation>Lingua dell&apos;interfaccia</translation>
    </message>
    <message>
        <source>Spazio di lavoro</source>
        <translation>Spazio di lavoro</translation>
    </message>
    <message>
        <source>Cartella</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>Apri la cartella dei log</source>
        <translation>Apri la cartella dei log</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Postazione</source>
        <translation>Postazione</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Lingua salvata: sarà usata al prossimo avvio.</source>
        <translation>Lingua salvata: sarà usata al prossimo avvio.</translation>
    </message>
</context>
<context>
    <name>SkippedDialog</name>
    <message>
        <source>Dovuti senza avviso</source>
        <translation>Dovuti senza avviso</translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi stampati</source>
        <translation>
            <numerusform>%Ln avviso stampato</numerusform>
            <numerusform>%Ln avvisi stampati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti saltati:</source>
        <translation>
            <numerusform>%Ln dovuto saltato:</numerusform>
            <numerusform>%Ln dovuti saltati:</numerusform>
        </translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Copia elenco</source>
        <translation>Copia elenco</translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>Copia	Ctrl+C</source>
        <translation>Copia	Ctrl+C</translation>
    </message>
    <message>
        <source>Taglia	Ctrl+X</source>
        <translation>Taglia	Ctrl+X</translation>
    </message>
    <message>
        <source>Incolla	Ctrl+V</source>
        <translation>Incolla	Ctrl+V</translation>
    </message>
    <message>
        <source>Cancella contenuto</source>
        <translation>Cancella contenuto</translation>
    </message>
    <message>
        <source>Seleziona tutto	Ctrl+A</source>
        <translation>Seleziona tutto	Ctrl+A</translation>
    </message>
    <message numerus="yes">
        <source>Copiate %Ln righe.</source>
        <translation>
            <numerusform>Copiata %Ln riga.</numerusform>
            <numerusform>Copiate %Ln righe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selezione troppo grande da copiare: usa «Esporta Excel».</source>
        <translation>Selezione troppo grande da copiare: usa «Esporta Excel».</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <source>Ente: {0} ({1})</source>
        <translation>Ente: {0} ({1})</translation>
    </message>
    <message>
        <source>· dimostrativo</source>
        <translation>· dimostrativo</translation>
    </message>
    <message>
        <source>Nessun Ente configurato</source>
        <translation>Nessun Ente configurato</translation>
    </message>
    <message>
        <source>Portale: in linea</source>
        <translation>Portale: in linea</translation>
    </message>
    <message>
        <source>Portale: non raggiungibile</source>
        <translation>Portale: non raggiungibile</translation>
    </message>
    <message>
        <source>Portale: stato sconosciuto</source>
        <translation>Portale: stato sconosciuto</translation>
    </message>
    <message>
        <source>Portale: non configurato</source>
        <translation>Portale: non configurato</translation>
    </message>
    <message>
        <source>Modifiche in attesa: —</source>
        <translation>Modifiche in attesa: —</translation>
    </message>
    <message numerus="yes">
        <source>Modifiche in attesa: %Ln</source>
        <translation>
            <numerusform>Modifiche in attesa: %Ln</numerusform>
            <numerusform>Modifiche in attesa: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Dovuti da inviare al portale, in tutte le liste dell&apos;Ente</source>
        <translation>Dovuti da inviare al portale, in tutte le liste dell&apos;Ente</translation>
    </message>
    <message>
        <source>In corso: {0}</source>
        <translation>In corso: {0}</translation>
    </message>
    <message>
        <source> (+{0})</source>
        <translation> (+{0})</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Codice</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Numero</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Da verificare</source>
        <translation>Da verificare</translation>
    </message>
    <message>
        <source>Anomalia da verificare</source>
        <translation>Anomalia da verificare</translation>
    </message>
    <message>
        <source>Pagamenti riconciliati</source>
        <translation>Pagamenti riconciliati</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Annulla</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>{0}
Annullamento in corso…</source>
        <translation>{0}
Annullamento in corso…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Operazione</source>
        <translation>Operazione</translation>
    </message>
</context>
<context>
    <name>TypesEditor</name>
    <message>
        <source>Nuovo tipo dovuto</source>
        <translation>Nuovo tipo dovuto</translation>
    </message>
    <message>
        <source>Elimina</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>es. TARI</source>
        <translation>es. TARI</translation>
    </message>
    <message>
        <source>Codice</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>es. 9/0101108TS/</source>
        <translation>es. 9/0101108TS/</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione: tipo contabilità / codice di tassonomia, es. 9/0101108TS/</source>
        <translation>Dati specifici di riscossione: tipo contabilità / codice di tassonomia, es. 9/0101108TS/</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Dati specifici di riscossione</translation>
    </message>
    <message>
        <source>facoltativo</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>IBAN di accredito</source>
        <translation>IBAN di accredito</translation>
    </message>
    <message>
        <source>facoltativo, fino a 12 cifre</source>
        <translation>facoltativo, fino a 12 cifre</translation>
    </message>
    <message>
        <source>Conto corrente postale</source>
        <translation>Conto corrente postale</translation>
    </message>
    <message>
        <source>Settore</source>
        <translation>Settore</translation>
    </message>
    <message>
        <source>Scadenza obbligatoria</source>
        <translation>Scadenza obbligatoria</translation>
    </message>
    <message>
        <source>Stampa la scadenza sull&apos;avviso</source>
        <translation>Stampa la scadenza sull&apos;avviso</translation>
    </message>
    <message>
        <source>Ammette debitori anonimi</source>
        <translation>Ammette debitori anonimi</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Opzioni</source>
        <translation>Opzioni</translation>
    </message>
    <message>
        <source>Salva tipo dovuto</source>
        <translation>Salva tipo dovuto</translation>
    </message>
    <message>
        <source>Annulla modifiche</source>
        <translation>Annulla modifiche</translation>
    </message>
    <message>
        <source>Tipi dovuto non caricati</source>
        <translation>Tipi dovuto non caricati</translation>
    </message>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>Il tipo dovuto ha modifiche non salvate. Vuoi lasciarle?</source>
        <translation>Il tipo dovuto ha modifiche non salvate. Vuoi lasciarle?</translation>
    </message>
    <message>
        <source>Tipo dovuto {0}</source>
        <translation>Tipo dovuto {0}</translation>
    </message>
    <message>
        <source>Il tipo dovuto «{0}» esiste già: selezionalo nella tabella per modificarlo</source>
        <translation>Il tipo dovuto «{0}» esiste già: selezionalo nella tabella per modificarlo</translation>
    </message>
    <message>
        <source>Salvataggio del tipo dovuto</source>
        <translation>Salvataggio del tipo dovuto</translation>
    </message>
    <message>
        <source>Tipo dovuto {0} salvato.</source>
        <translation>Tipo dovuto {0} salvato.</translation>
    </message>
    <message>
        <source>Il tipo dovuto non è stato salvato</source>
        <translation>Il tipo dovuto non è stato salvato</translation>
    </message>
    <message>
        <source>Elimina tipo dovuto</source>
        <translation>Elimina tipo dovuto</translation>
    </message>
    <message>
        <source>Eliminare il tipo dovuto «{0}»? I dovuti già creati con questo tipo restano, ma non potrai crearne di nuovi. Per sospenderlo soltanto, togli «Attivo».</source>
        <translation>Eliminare il tipo dovuto «{0}»? I dovuti già creati con questo tipo restano, ma non potrai crearne di nuovi. Per sospenderlo soltanto, togli «Attivo».</translation>
    </message>
    <message>
        <source>Tipo dovuto {0} eliminato.</source>
        <translation>Tipo dovuto {0} eliminato.</translation>
    </message>
    <message>
        <source>Il tipo dovuto non è stato eliminato</source>
        <translation>Il tipo dovuto non è stato eliminato</translation>
    </message>
</context>
<context>
    <name>TypesModel</name>
    <message>
        <source>Codice</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Dati specifici di riscossione</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>UnsentChangesWarning</name>
    <message>
        <source>Stampa avvisi</source>
        <translation>Stampa avvisi</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti hanno importo o scadenza diversi da quelli sul portale: le modifiche non sono ancora state inviate.</source>
        <translation>
            <numerusform>%Ln dovuto ha importo o scadenza diversi da quelli sul portale: la modifica non è ancora stata inviata.</numerusform>
            <numerusform>%Ln dovuti hanno importo o scadenza diversi da quelli sul portale: le modifiche non sono ancora state inviate.</numerusform>
        </translation>
    </message>
    <message>
        <source>L&apos;avviso riporterebbe i valori nuovi, che il portale non conosce: il pagamento potrebbe essere rifiutato. Invia prima le modifiche al portale.</source>
        <translation>L&apos;avviso riporterebbe i valori nuovi, che il portale non conosce: il pagamento potrebbe essere rifiutato. Invia prima le modifiche al portale.</translation>
    </message>
    <message>
        <source>Stampa comunque</source>
        <translation>Stampa comunque</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Benvenuto in MyPay Desk</source>
        <translation>Benvenuto in MyPay Desk</translation>
    </message>
    <message>
        <source>Prepara le liste di dovuti, tienile allineate con il portale MyPay, stampa gli avvisi di pagamento, guarda cosa è stato pagato e riconcilia ricevute, rendicontazioni e tesoreria.</source>
        <translation>Prepara le liste di dovuti, tienile allineate con il portale MyPay, stampa gli avvisi di pagamento, guarda cosa è stato pagato e riconcilia ricevute, rendicontazioni e tesoreria.</translation>
    </message>
    <message>
        <source>Configura il tuo Ente</source>
        <translation>Configura il tuo Ente</translation>
    </message>
    <message>
        <source>Codice IPA, codice fiscale, codice di segregazione e modalità di adesione: bastano due minuti.</source>
        <translation>Codice IPA, codice fiscale, codice di segregazione e modalità di adesione: bastano due minuti.</translation>
    </message>
    <message>
        <source>Prova con un Ente dimostrativo</source>
        <translation>Prova con un Ente dimostrativo</translation>
    </message>
    <message>
        <source>Un Comune di esempio con i suoi dati e un portale di prova locale: nulla arriva al portale vero.</source>
        <translation>Un Comune di esempio con i suoi dati e un portale di prova locale: nulla arriva al portale vero.</translation>
    </message>
    <message>
        <source>Spazio di lavoro: {0}</source>
        <translation>Spazio di lavoro: {0}</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Cerca in:</source>
        <translation>Cerca in:</translation>
    </message>
    <message>
        <source>Nome del file:</source>
        <translation>Nome del file:</translation>
    </message>
    <message>
        <source>Tipo di file:</source>
        <translation>Tipo di file:</translation>
    </message>
</context>
<context>
    <name>_ModeChooser</name>
    <message>
        <source>Base (pagamenti spontanei)</source>
        <translation>Base (pagamenti spontanei)</translation>
    </message>
    <message>
        <source>I cittadini pagano spontaneamente sul portale; l&apos;app scarica le ricevute e riconcilia.</source>
        <translation>I cittadini pagano spontaneamente sul portale; l&apos;app scarica le ricevute e riconcilia.</translation>
    </message>
    <message>
        <source>Per flussi</source>
        <translation>Per flussi</translation>
    </message>
    <message>
        <source>L&apos;Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</source>
        <translation>L&apos;Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</translation>
    </message>
    <message>
        <source>Iniziato presso l&apos;Ente</source>
        <translation>Iniziato presso l&apos;Ente</translation>
    </message>
    <message>
        <source>In più, lo sportello dell&apos;Ente avvia il pagamento e consegna link o QR al cittadino.</source>
        <translation>In più, lo sportello dell&apos;Ente avvia il pagamento e consegna link o QR al cittadino.</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Nuovo (non inviato)</source>
        <translation>Nuovo (non inviato)</translation>
    </message>
    <message>
        <source>In invio</source>
        <translation>In invio</translation>
    </message>
    <message>
        <source>Sul portale</source>
        <translation>Sul portale</translation>
    </message>
    <message>
        <source>Rifiutato dal portale</source>
        <translation>Rifiutato dal portale</translation>
    </message>
    <message>
        <source>Annullato</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Pagato</source>
        <translation>Pagato</translation>
    </message>
    <message>
        <source>Pagato in parte</source>
        <translation>Pagato in parte</translation>
    </message>
    <message>
        <source>Scaduto</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Da inserire</source>
        <translation>Da inserire</translation>
    </message>
    <message>
        <source>Da modificare</source>
        <translation>Da modificare</translation>
    </message>
    <message>
        <source>Da annullare</source>
        <translation>Da annullare</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Tipo soggetto (F/G)</source>
        <translation>Tipo soggetto (F/G)</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Codice fiscale / P.IVA</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debitore</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Civico</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Località</translation>
    </message>
    <message>
        <source>Provincia</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <source>Nazione</source>
        <translation>Nazione</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Importo</translation>
    </message>
    <message>
        <source>Commissione a carico dell&apos;Ente</source>
        <translation>Commissione a carico dell&apos;Ente</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Tipo dovuto</translation>
    </message>
    <message>
        <source>Tipo versamento</source>
        <translation>Tipo versamento</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Causale</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Dati specifici di riscossione</translation>
    </message>
    <message>
        <source>Bilancio</source>
        <translation>Bilancio</translation>
    </message>
    <message>
        <source>Genera IUV</source>
        <translation>Genera IUV</translation>
    </message>
    <message>
        <source>Multibeneficiario</source>
        <translation>Multibeneficiario</translation>
    </message>
    <message>
        <source>C.F. ente secondario</source>
        <translation>C.F. ente secondario</translation>
    </message>
    <message>
        <source>Ente secondario</source>
        <translation>Ente secondario</translation>
    </message>
    <message>
        <source>IBAN ente secondario</source>
        <translation>IBAN ente secondario</translation>
    </message>
    <message>
        <source>Indirizzo ente secondario</source>
        <translation>Indirizzo ente secondario</translation>
    </message>
    <message>
        <source>Civico ente secondario</source>
        <translation>Civico ente secondario</translation>
    </message>
    <message>
        <source>CAP ente secondario</source>
        <translation>CAP ente secondario</translation>
    </message>
    <message>
        <source>Località ente secondario</source>
        <translation>Località ente secondario</translation>
    </message>
    <message>
        <source>Provincia ente secondario</source>
        <translation>Provincia ente secondario</translation>
    </message>
    <message>
        <source>Nazione ente secondario</source>
        <translation>Nazione ente secondario</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione ente secondario</source>
        <translation>Dati specifici di riscossione ente secondario</translation>
    </message>
    <message>
        <source>Causale ente secondario</source>
        <translation>Causale ente secondario</translation>
    </message>
    <message>
        <source>Importo ente secondario</source>
        <translation>Importo ente secondario</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>L&apos;IUD (identificativo univoco del dovuto)</source>
        <translation>L&apos;IUD (identificativo univoco del dovuto)</translation>
    </message>
    <message>
        <source>Il codice fiscale o la partita IVA</source>
        <translation>Il codice fiscale o la partita IVA</translation>
    </message>
    <message>
        <source>Il nome del debitore (anagrafica)</source>
        <translation>Il nome del debitore (anagrafica)</translation>
    </message>
    <message>
        <source>Il tipo dovuto</source>
        <translation>Il tipo dovuto</translation>
    </message>
    <message>
        <source>{0} è obbligatorio</source>
        <translation>{0} è obbligatorio</translation>
    </message>
    <message>
        <source>Troppo lungo: {0} caratteri, al massimo {1}</source>
        <translation>Troppo lungo: {0} caratteri, al massimo {1}</translation>
    </message>
    <message>
        <source>Contiene caratteri di controllo (a capo, tabulazioni): rimuovili</source>
        <translation>Contiene caratteri di controllo (a capo, tabulazioni): rimuovili</translation>
    </message>
    <message>
        <source>Versione del tracciato «{0}» non valida: ammesse {1}</source>
        <translation>Versione del tracciato «{0}» non valida: ammesse {1}</translation>
    </message>
    <message>
        <source>L&apos;IUD non può iniziare con 000 (prefisso riservato a MyPay)</source>
        <translation>L&apos;IUD non può iniziare con 000 (prefisso riservato a MyPay)</translation>
    </message>
    <message>
        <source>Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da MyPay: lascia vuoto lo IUV o usane uno dell&apos;Ente</source>
        <translation>Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da MyPay: lascia vuoto lo IUV o usane uno dell&apos;Ente</translation>
    </message>
    <message>
        <source>Lo IUV deve iniziare con il codice di segregazione dell&apos;Ente ({0})</source>
        <translation>Lo IUV deve iniziare con il codice di segregazione dell&apos;Ente ({0})</translation>
    </message>
    <message>
        <source>Uno IUV di 15 cifre non può iniziare con 00</source>
        <translation>Uno IUV di 15 cifre non può iniziare con 00</translation>
    </message>
    <message>
        <source>MyPay non accetta più IUV di 15 cifre per i nuovi dovuti (dal 30/04/2024): lascia vuoto lo IUV o usane uno di 17 cifre</source>
        <translation>MyPay non accetta più IUV di 15 cifre per i nuovi dovuti (dal 30/04/2024): lascia vuoto lo IUV o usane uno di 17 cifre</translation>
    </message>
    <message>
        <source>MyPay accetta solo riferimenti RF di 25 caratteri, questo ne ha {0}</source>
        <translation>MyPay accetta solo riferimenti RF di 25 caratteri, questo ne ha {0}</translation>
    </message>
    <message>
        <source>Un riferimento RF di vecchio formato (finale 0000) deve avere 99 in settima e ottava posizione</source>
        <translation>Un riferimento RF di vecchio formato (finale 0000) deve avere 99 in settima e ottava posizione</translation>
    </message>
    <message>
        <source>Per un soggetto G (persona giuridica) MyPay accetta solo la partita IVA o il codice fiscale numerico di 11 cifre: per un codice fiscale di 16 caratteri usa il tipo F</source>
        <translation>Per un soggetto G (persona giuridica) MyPay accetta solo la partita IVA o il codice fiscale numerico di 11 cifre: per un codice fiscale di 16 caratteri usa il tipo F</translation>
    </message>
    <message>
        <source>Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)</source>
        <translation>Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)</translation>
    </message>
    <message>
        <source>Tipo soggetto «{0}» non valido: F (persona fisica) o G (persona giuridica)</source>
        <translation>Tipo soggetto «{0}» non valido: F (persona fisica) o G (persona giuridica)</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso: il tipo dovuto {0} non lo consente</source>
        <translation>Debitore ANONIMO non ammesso: il tipo dovuto {0} non lo consente</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso: il tipo dovuto non lo consente</source>
        <translation>Debitore ANONIMO non ammesso: il tipo dovuto non lo consente</translation>
    </message>
    <message>
        <source>MyPay dividerebbe la riga del flusso in modo diverso a causa delle virgolette (&quot;): sono in numero dispari, o un &quot;;&quot; sta tra virgolette. Togli le virgolette o il punto e virgola</source>
        <translation>MyPay dividerebbe la riga del flusso in modo diverso a causa delle virgolette (&quot;): sono in numero dispari, o un &quot;;&quot; sta tra virgolette. Togli le virgolette o il punto e virgola</translation>
    </message>
    <message>
        <source>Nazione «{0}» non valida: usa il codice ISO di due lettere (es. IT)</source>
        <translation>Nazione «{0}» non valida: usa il codice ISO di due lettere (es. IT)</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido: in Italia sono 5 cifre</source>
        <translation>CAP «{0}» non valido: in Italia sono 5 cifre</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido: solo lettere e cifre, senza spazi</source>
        <translation>CAP «{0}» non valido: solo lettere e cifre, senza spazi</translation>
    </message>
    <message>
        <source>Provincia «{0}» non valida: usa la sigla di due lettere (es. MI)</source>
        <translation>Provincia «{0}» non valida: usa la sigla di due lettere (es. MI)</translation>
    </message>
    <message>
        <source>Indirizzo e-mail «{0}» non valido</source>
        <translation>Indirizzo e-mail «{0}» non valido</translation>
    </message>
    <message>
        <source>La data di scadenza è obbligatoria nelle versioni 1_0 e 1_1</source>
        <translation>La data di scadenza è obbligatoria nelle versioni 1_0 e 1_1</translation>
    </message>
    <message>
        <source>La data di scadenza è obbligatoria per il tipo dovuto {0}</source>
        <translation>La data di scadenza è obbligatoria per il tipo dovuto {0}</translation>
    </message>
    <message>
        <source>L&apos;importo non può essere zero</source>
        <translation>L&apos;importo non può essere zero</translation>
    </message>
    <message>
        <source>L&apos;importo non può essere negativo</source>
        <translation>L&apos;importo non può essere negativo</translation>
    </message>
    <message>
        <source>L&apos;importo supera il massimo ammesso (999.999.999,99)</source>
        <translation>L&apos;importo supera il massimo ammesso (999.999.999,99)</translation>
    </message>
    <message>
        <source>La commissione a carico dell&apos;Ente non può essere negativa</source>
        <translation>La commissione a carico dell&apos;Ente non può essere negativa</translation>
    </message>
    <message>
        <source>La commissione supera il massimo ammesso (999.999.999,99)</source>
        <translation>La commissione supera il massimo ammesso (999.999.999,99)</translation>
    </message>
    <message>
        <source>Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi</source>
        <translation>Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi</translation>
    </message>
    <message>
        <source>Tipo dovuto «{0}» non configurato per l&apos;Ente: aggiungilo nelle impostazioni o correggi il codice</source>
        <translation>Tipo dovuto «{0}» non configurato per l&apos;Ente: aggiungilo nelle impostazioni o correggi il codice</translation>
    </message>
    <message>
        <source>Il tipo dovuto {0} non è attivo</source>
        <translation>Il tipo dovuto {0} non è attivo</translation>
    </message>
    <message>
        <source>Tipo versamento «{0}» non valido: ALL oppure uno o più tra {1} separati da |</source>
        <translation>Tipo versamento «{0}» non valido: ALL oppure uno o più tra {1} separati da |</translation>
    </message>
    <message>
        <source>La causale è obbligatoria</source>
        <translation>La causale è obbligatoria</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)</source>
        <translation>I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione «{0}» non validi: la forma è &lt;0|1|2|9&gt;/&lt;codice&gt;, da 5 a 140 caratteri senza spazi (es. 9/0101108TS/)</source>
        <translation>Dati specifici di riscossione «{0}» non validi: la forma è &lt;0|1|2|9&gt;/&lt;codice&gt;, da 5 a 140 caratteri senza spazi (es. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Il bilancio richiede il tracciato 1_2 o successivo (scelto {0})</source>
        <translation>Il bilancio richiede il tracciato 1_2 o successivo (scelto {0})</translation>
    </message>
    <message>
        <source>La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 (scelto {0})</source>
        <translation>La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 (scelto {0})</translation>
    </message>
    <message>
        <source>Lo IUV è già presente: togli la richiesta di generarlo</source>
        <translation>Lo IUV è già presente: togli la richiesta di generarlo</translation>
    </message>
    <message>
        <source>Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {0})</source>
        <translation>Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {0})</translation>
    </message>
    <message>
        <source>Azione «{0}» non valida: I (inserimento), M (modifica) o A (annullamento)</source>
        <translation>Azione «{0}» non valida: I (inserimento), M (modifica) o A (annullamento)</translation>
    </message>
    <message>
        <source>L&apos;azione è obbligatoria: I, M o A</source>
        <translation>L&apos;azione è obbligatoria: I, M o A</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;ente secondario è obbligatorio</source>
        <translation>Il codice fiscale dell&apos;ente secondario è obbligatorio</translation>
    </message>
    <message>
        <source>La denominazione dell&apos;ente secondario è obbligatoria</source>
        <translation>La denominazione dell&apos;ente secondario è obbligatoria</translation>
    </message>
    <message>
        <source>L&apos;IBAN di accredito dell&apos;ente secondario è obbligatorio</source>
        <translation>L&apos;IBAN di accredito dell&apos;ente secondario è obbligatorio</translation>
    </message>
    <message>
        <source>IBAN «{0}» non valido</source>
        <translation>IBAN «{0}» non valido</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario è obbligatorio</source>
        <translation>L&apos;importo dell&apos;ente secondario è obbligatorio</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario deve essere maggiore di zero</source>
        <translation>L&apos;importo dell&apos;ente secondario deve essere maggiore di zero</translation>
    </message>
    <message>
        <source>Nazione «{0}» non valida: codice ISO di due lettere</source>
        <translation>Nazione «{0}» non valida: codice ISO di due lettere</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido</source>
        <translation>CAP «{0}» non valido</translation>
    </message>
    <message>
        <source>Provincia «{0}» non valida: sigla di due lettere</source>
        <translation>Provincia «{0}» non valida: sigla di due lettere</translation>
    </message>
    <message>
        <source>Capitolo {0}: il codice del capitolo è obbligatorio</source>
        <translation>Capitolo {0}: il codice del capitolo è obbligatorio</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice più lungo di 64 caratteri</source>
        <translation>Capitolo {0}: codice più lungo di 64 caratteri</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice ufficio più lungo di 64 caratteri</source>
        <translation>Capitolo {0}: codice ufficio più lungo di 64 caratteri</translation>
    </message>
    <message>
        <source>Capitolo {0}: serve almeno un accertamento con il suo importo</source>
        <translation>Capitolo {0}: serve almeno un accertamento con il suo importo</translation>
    </message>
    <message>
        <source>Capitolo {0}: l&apos;importo di ogni accertamento deve essere positivo</source>
        <translation>Capitolo {0}: l&apos;importo di ogni accertamento deve essere positivo</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice accertamento più lungo di 64 caratteri</source>
        <translation>Capitolo {0}: codice accertamento più lungo di 64 caratteri</translation>
    </message>
    <message>
        <source>La somma del bilancio ({0}) è diversa dall&apos;importo del dovuto ({1})</source>
        <translation>La somma del bilancio ({0}) è diversa dall&apos;importo del dovuto ({1})</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte (righe {2}): deve essere univoco</source>
        <translation>IUD «{0}» ripetuto {1} volte (righe {2}): deve essere univoco</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte: deve essere univoco</source>
        <translation>IUD «{0}» ripetuto {1} volte: deve essere univoco</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte (righe {2} e altre {3}): deve essere univoco</source>
        <translation>IUD «{0}» ripetuto {1} volte (righe {2} e altre {3}): deve essere univoco</translation>
    </message>
    <message>
        <source>Codice fiscale «{0}» non valido: {1}</source>
        <translation>Codice fiscale «{0}» non valido: {1}</translation>
    </message>
    <message>
        <source>deve avere 16 caratteri, ne ha {0}</source>
        <translation>deve avere 16 caratteri, ne ha {0}</translation>
    </message>
    <message>
        <source>carattere di controllo errato</source>
        <translation>carattere di controllo errato</translation>
    </message>
    <message>
        <source>formato errato</source>
        <translation>formato errato</translation>
    </message>
    <message>
        <source>data di nascita o comune non validi</source>
        <translation>data di nascita o comune non validi</translation>
    </message>
    <message>
        <source>{0} «{1}» deve avere 11 cifre</source>
        <translation>{0} «{1}» deve avere 11 cifre</translation>
    </message>
    <message>
        <source>{0} «{1}» ha il carattere di controllo errato</source>
        <translation>{0} «{1}» ha il carattere di controllo errato</translation>
    </message>
    <message>
        <source>Il codice fiscale numerico</source>
        <translation>Il codice fiscale numerico</translation>
    </message>
    <message>
        <source>La partita IVA</source>
        <translation>La partita IVA</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;Ente</source>
        <translation>Il codice fiscale dell&apos;Ente</translation>
    </message>
    <message>
        <source>Il codice fiscale / partita IVA</source>
        <translation>Il codice fiscale / partita IVA</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;ente secondario</source>
        <translation>Il codice fiscale dell&apos;ente secondario</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso per questo tipo dovuto</source>
        <translation>Debitore ANONIMO non ammesso per questo tipo dovuto</translation>
    </message>
    <message>
        <source>«{0}» deve contenere solo cifre</source>
        <translation>«{0}» deve contenere solo cifre</translation>
    </message>
    <message>
        <source>Il progressivo IUV deve partire da 1</source>
        <translation>Il progressivo IUV deve partire da 1</translation>
    </message>
    <message>
        <source>Progressivi IUV esauriti per questo codice di segregazione</source>
        <translation>Progressivi IUV esauriti per questo codice di segregazione</translation>
    </message>
    <message>
        <source>Il numero avviso deve contenere solo cifre</source>
        <translation>Il numero avviso deve contenere solo cifre</translation>
    </message>
    <message>
        <source>Il numero avviso deve avere 18 cifre, ne ha {0}</source>
        <translation>Il numero avviso deve avere 18 cifre, ne ha {0}</translation>
    </message>
    <message>
        <source>Cifra ausiliaria {0} non valida: ammesse 0, 1, 2, 3</source>
        <translation>Cifra ausiliaria {0} non valida: ammesse 0, 1, 2, 3</translation>
    </message>
    <message>
        <source>Cifre di controllo errate: «{0}», attese «{1}» (resto della divisione per 93)</source>
        <translation>Cifre di controllo errate: «{0}», attese «{1}» (resto della divisione per 93)</translation>
    </message>
    <message>
        <source>Lo IUV numerico deve contenere solo cifre</source>
        <translation>Lo IUV numerico deve contenere solo cifre</translation>
    </message>
    <message>
        <source>Cifre di controllo dello IUV errate: «{0}», attese «{1}»</source>
        <translation>Cifre di controllo dello IUV errate: «{0}», attese «{1}»</translation>
    </message>
    <message>
        <source>Lo IUV deve avere 15 o 17 cifre (o essere un riferimento RF), ne ha {0}</source>
        <translation>Lo IUV deve avere 15 o 17 cifre (o essere un riferimento RF), ne ha {0}</translation>
    </message>
    <message>
        <source>Il riferimento RF ammette da 1 a 21 lettere o cifre</source>
        <translation>Il riferimento RF ammette da 1 a 21 lettere o cifre</translation>
    </message>
    <message>
        <source>Un riferimento RF è «RF», due cifre di controllo e da 1 a 21 lettere o cifre</source>
        <translation>Un riferimento RF è «RF», due cifre di controllo e da 1 a 21 lettere o cifre</translation>
    </message>
    <message>
        <source>Cifre di controllo RF errate: «{0}», attese «{1}» (ISO 11649)</source>
        <translation>Cifre di controllo RF errate: «{0}», attese «{1}» (ISO 11649)</translation>
    </message>
    <message>
        <source>Codice vuoto</source>
        <translation>Codice vuoto</translation>
    </message>
    <message>
        <source>«{0}» non è un numero avviso (18 cifre), uno IUV (15 o 17 cifre) né un riferimento RF</source>
        <translation>«{0}» non è un numero avviso (18 cifre), uno IUV (15 o 17 cifre) né un riferimento RF</translation>
    </message>
    <message>
        <source>Importo non valido</source>
        <translation>Importo non valido</translation>
    </message>
    <message>
        <source>Importo mancante</source>
        <translation>Importo mancante</translation>
    </message>
    <message>
        <source>Importo «{0}» non valido: usa il formato 1.234,56</source>
        <translation>Importo «{0}» non valido: usa il formato 1.234,56</translation>
    </message>
    <message>
        <source>Importo «{0}» con più di due decimali</source>
        <translation>Importo «{0}» con più di due decimali</translation>
    </message>
    <message>
        <source>Importo «{0}» oltre il massimo ammesso ({1})</source>
        <translation>Importo «{0}» oltre il massimo ammesso ({1})</translation>
    </message>
    <message>
        <source>Importo «{0}» non valido: atteso un numero con il punto decimale (es. 1234.56)</source>
        <translation>Importo «{0}» non valido: atteso un numero con il punto decimale (es. 1234.56)</translation>
    </message>
    <message>
        <source>Il codice IPA è obbligatorio</source>
        <translation>Il codice IPA è obbligatorio</translation>
    </message>
    <message>
        <source>Il codice IPA è lungo {0} caratteri: al massimo 35</source>
        <translation>Il codice IPA è lungo {0} caratteri: al massimo 35</translation>
    </message>
    <message>
        <source>Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti del nome del flusso)</source>
        <translation>Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti del nome del flusso)</translation>
    </message>
    <message>
        <source>Il nome dell&apos;Ente è obbligatorio</source>
        <translation>Il nome dell&apos;Ente è obbligatorio</translation>
    </message>
    <message>
        <source>Il nome dell&apos;Ente supera i 100 caratteri</source>
        <translation>Il nome dell&apos;Ente supera i 100 caratteri</translation>
    </message>
    <message>
        <source>Il codice applicativo deve essere di due cifre</source>
        <translation>Il codice applicativo deve essere di due cifre</translation>
    </message>
    <message>
        <source>Il codice CBILL è di 5 caratteri alfanumerici maiuscoli</source>
        <translation>Il codice CBILL è di 5 caratteri alfanumerici maiuscoli</translation>
    </message>
    <message>
        <source>Modalità di adesione «{0}» non valida: base, flussi o ente</source>
        <translation>Modalità di adesione «{0}» non valida: base, flussi o ente</translation>
    </message>
    <message>
        <source>Generazione IUV «{0}» non valida: portal o app</source>
        <translation>Generazione IUV «{0}» non valida: portal o app</translation>
    </message>
    <message>
        <source>Per generare gli IUV con MyPay Desk serve il codice di segregazione dell&apos;Ente</source>
        <translation>Per generare gli IUV con MyPay Desk serve il codice di segregazione dell&apos;Ente</translation>
    </message>
    <message>
        <source>Il conto corrente postale ha fino a 12 cifre</source>
        <translation>Il conto corrente postale ha fino a 12 cifre</translation>
    </message>
    <message>
        <source>Indica l&apos;intestatario del conto corrente postale</source>
        <translation>Indica l&apos;intestatario del conto corrente postale</translation>
    </message>
    <message>
        <source>L&apos;indirizzo deve iniziare con http:// o https://</source>
        <translation>L&apos;indirizzo deve iniziare con http:// o https://</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto è obbligatorio</source>
        <translation>Il codice del tipo dovuto è obbligatorio</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto supera i 64 caratteri</source>
        <translation>Il codice del tipo dovuto supera i 64 caratteri</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto ammette lettere, cifre e _</source>
        <translation>Il codice del tipo dovuto ammette lettere, cifre e _</translation>
    </message>
    <message>
        <source>MARCA_BOLLO_DIGITALE non è gestibile con i flussi</source>
        <translation>MARCA_BOLLO_DIGITALE non è gestibile con i flussi</translation>
    </message>
    <message>
        <source>IBAN non valido</source>
        <translation>IBAN non valido</translation>
    </message>
    <message>
        <source>dovuto annullato</source>
        <translation>dovuto annullato</translation>
    </message>
    <message>
        <source>dovuto già pagato</source>
        <translation>dovuto già pagato</translation>
    </message>
    <message>
        <source>dovuto già pagato in parte</source>
        <translation>dovuto già pagato in parte</translation>
    </message>
    <message>
        <source>dati del dovuto non validi: correggere gli errori segnalati</source>
        <translation>dati del dovuto non validi: correggere gli errori segnalati</translation>
    </message>
    <message>
        <source>dovuto rifiutato dal portale: correggerlo e inviarlo di nuovo</source>
        <translation>dovuto rifiutato dal portale: correggerlo e inviarlo di nuovo</translation>
    </message>
    <message>
        <source>dovuto scaduto sul portale</source>
        <translation>dovuto scaduto sul portale</translation>
    </message>
    <message>
        <source>numero avviso non ancora assegnato</source>
        <translation>numero avviso non ancora assegnato</translation>
    </message>
    <message>
        <source>numero avviso «{0}» non valido (servono 18 cifre)</source>
        <translation>numero avviso «{0}» non valido (servono 18 cifre)</translation>
    </message>
    <message>
        <source>importo mancante o pari a zero</source>
        <translation>importo mancante o pari a zero</translation>
    </message>
    <message>
        <source>importo oltre il massimo stampabile sull&apos;avviso (999.999,99)</source>
        <translation>importo oltre il massimo stampabile sull&apos;avviso (999.999,99)</translation>
    </message>
    <message>
        <source>rata {0}: {1}</source>
        <translation>rata {0}: {1}</translation>
    </message>
    <message>
        <source>nessuna rata da pagare</source>
        <translation>nessuna rata da pagare</translation>
    </message>
    <message>
        <source>IUD non trovato</source>
        <translation>IUD non trovato</translation>
    </message>
    <message>
        <source>IUD non trovato nella lista «{0}»</source>
        <translation>IUD non trovato nella lista «{0}»</translation>
    </message>
    <message>
        <source>file {0}</source>
        <translation>file {0}</translation>
    </message>
    <message>
        <source>riga {0}</source>
        <translation>riga {0}</translation>
    </message>
    <message>
        <source>colonna {0}</source>
        <translation>colonna {0}</translation>
    </message>
    <message>
        <source>campo {0}</source>
        <translation>campo {0}</translation>
    </message>
    <message>
        <source>IUD «{0}» già usato da un altro dovuto in questa lista: deve essere univoco per l&apos;Ente</source>
        <translation>IUD «{0}» già usato da un altro dovuto in questa lista: deve essere univoco per l&apos;Ente</translation>
    </message>
    <message>
        <source>IUD «{0}» già usato da un altro dovuto nella lista {1}: deve essere univoco per l&apos;Ente</source>
        <translation>IUD «{0}» già usato da un altro dovuto nella lista {1}: deve essere univoco per l&apos;Ente</translation>
    </message>
    <message>
        <source>Il bilancio supera i {0} caratteri</source>
        <translation>Il bilancio supera i {0} caratteri</translation>
    </message>
    <message>
        <source>Il nome della lista è obbligatorio</source>
        <translation>Il nome della lista è obbligatorio</translation>
    </message>
    <message>
        <source>Il nome della lista supera i 120 caratteri</source>
        <translation>Il nome della lista supera i 120 caratteri</translation>
    </message>
    <message>
        <source>Esiste già una lista chiamata «{0}»</source>
        <translation>Esiste già una lista chiamata «{0}»</translation>
    </message>
    <message>
        <source>Tipo dovuto «{0}» non configurato per l&apos;Ente</source>
        <translation>Tipo dovuto «{0}» non configurato per l&apos;Ente</translation>
    </message>
    <message>
        <source>La lista «{0}» non si può eliminare: alcuni suoi dovuti sono già stati inviati al portale. Annulla i dovuti che non servono più.</source>
        <translation>La lista «{0}» non si può eliminare: alcuni suoi dovuti sono già stati inviati al portale. Annulla i dovuti che non servono più.</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già stato inviato al portale: annullalo invece di eliminarlo</source>
        <translation>Il dovuto {0} è già stato inviato al portale: annullalo invece di eliminarlo</translation>
    </message>
    <message>
        <source>Alcune rate sono già sul portale: annullale invece di eliminarle</source>
        <translation>Alcune rate sono già sul portale: annullale invece di eliminarle</translation>
    </message>
    <message>
        <source>Campo «{0}» non modificabile</source>
        <translation>Campo «{0}» non modificabile</translation>
    </message>
    <message>
        <source>Il dovuto {0} non si può modificare ({1})</source>
        <translation>Il dovuto {0} non si può modificare ({1})</translation>
    </message>
    <message>
        <source>annullamento richiesto</source>
        <translation>annullamento richiesto</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già sul portale: l&apos;IUD non si può cambiare (annullalo e creane uno nuovo)</source>
        <translation>Il dovuto {0} è già sul portale: l&apos;IUD non si può cambiare (annullalo e creane uno nuovo)</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già sul portale: lo IUV non si può cambiare</source>
        <translation>Il dovuto {0} è già sul portale: lo IUV non si può cambiare</translation>
    </message>
    <message>
        <source>{0} è già una rata: dividi il dovuto principale</source>
        <translation>{0} è già una rata: dividi il dovuto principale</translation>
    </message>
    <message>
        <source>Le rate di {0} sono già state inviate al portale: non si possono cambiare né togliere (annulla il dovuto e creane uno nuovo)</source>
        <translation>Le rate di {0} sono già state inviate al portale: non si possono cambiare né togliere (annulla il dovuto e creane uno nuovo)</translation>
    </message>
    <message>
        <source>Servono almeno due rate (una sola rata è il pagamento in unica soluzione)</source>
        <translation>Servono almeno due rate (una sola rata è il pagamento in unica soluzione)</translation>
    </message>
    <message>
        <source>Al massimo 99 rate</source>
        <translation>Al massimo 99 rate</translation>
    </message>
    <message>
        <source>Rata {0}: l&apos;importo deve essere maggiore di zero</source>
        <translation>Rata {0}: l&apos;importo deve essere maggiore di zero</translation>
    </message>
    <message>
        <source>Rata {0}: importo oltre il massimo ammesso</source>
        <translation>Rata {0}: importo oltre il massimo ammesso</translation>
    </message>
    <message>
        <source>Rata {0}: la scadenza è obbligatoria</source>
        <translation>Rata {0}: la scadenza è obbligatoria</translation>
    </message>
    <message>
        <source>Le scadenze delle rate devono essere in ordine crescente</source>
        <translation>Le scadenze delle rate devono essere in ordine crescente</translation>
    </message>
    <message>
        <source>La somma delle rate ({0}) deve essere uguale all&apos;importo di {1} ({2})</source>
        <translation>La somma delle rate ({0}) deve essere uguale all&apos;importo di {1} ({2})</translation>
    </message>
    <message>
        <source>Data «{0}» non valida</source>
        <translation>Data «{0}» non valida</translation>
    </message>
    <message>
        <source>File non trovato</source>
        <translation>File non trovato</translation>
    </message>
    <message>
        <source>Nessuna colonna riconosciuta: indica quale colonna contiene codice fiscale, nome, importo e gli altri dati</source>
        <translation>Nessuna colonna riconosciuta: indica quale colonna contiene codice fiscale, nome, importo e gli altri dati</translation>
    </message>
    <message>
        <source>Il file non contiene righe di dati (solo l&apos;intestazione o righe vuote)</source>
        <translation>Il file non contiene righe di dati (solo l&apos;intestazione o righe vuote)</translation>
    </message>
    <message>
        <source>Cartella di destinazione inesistente</source>
        <translation>Cartella di destinazione inesistente</translation>
    </message>
    <message>
        <source>Nessun dovuto da inviare nella lista «{0}»</source>
        <translation>Nessun dovuto da inviare nella lista «{0}»</translation>
    </message>
    <message>
        <source>Nessun dovuto da inviare nella lista «{0}»: {1} con errori da correggere</source>
        <translation>Nessun dovuto da inviare nella lista «{0}»: {1} con errori da correggere</translation>
    </message>
    <message>
        <source>Scegli il tipo dovuto da assegnare</source>
        <translation>Scegli il tipo dovuto da assegnare</translation>
    </message>
    <message>
        <source>Indica di quanti giorni o mesi spostare le scadenze</source>
        <translation>Indica di quanti giorni o mesi spostare le scadenze</translation>
    </message>
    <message>
        <source>Indica la percentuale o la somma da aggiungere</source>
        <translation>Indica la percentuale o la somma da aggiungere</translation>
    </message>
    <message>
        <source>Nessun IUD libero dopo {0}: scrivi l&apos;IUD a mano</source>
        <translation>Nessun IUD libero dopo {0}: scrivi l&apos;IUD a mano</translation>
    </message>
    <message>
        <source>Il prefisso non può iniziare con 000 (riservato a MyPay)</source>
        <translation>Il prefisso non può iniziare con 000 (riservato a MyPay)</translation>
    </message>
    <message>
        <source>Il prefisso ammette lettere, cifre e _ - .</source>
        <translation>Il prefisso ammette lettere, cifre e _ - .</translation>
    </message>
    <message>
        <source>Prefisso troppo lungo: l&apos;IUD ha al massimo 35 caratteri</source>
        <translation>Prefisso troppo lungo: l&apos;IUD ha al massimo 35 caratteri</translation>
    </message>
    <message>
        <source>Prefisso IUD «{0}» non valido: usa lettere, cifre e _ - .</source>
        <translation>Prefisso IUD «{0}» non valido: usa lettere, cifre e _ - .</translation>
    </message>
    <message>
        <source>Il prefisso IUD non può iniziare con 000 (riservato a MyPay)</source>
        <translation>Il prefisso IUD non può iniziare con 000 (riservato a MyPay)</translation>
    </message>
    <message>
        <source>Prefisso IUD troppo lungo: al massimo {0} caratteri (l&apos;IUD ne ha {1}, {2} sono generati)</source>
        <translation>Prefisso IUD troppo lungo: al massimo {0} caratteri (l&apos;IUD ne ha {1}, {2} sono generati)</translation>
    </message>
    <message>
        <source>L&apos;IUD del dovuto {0} non può essere vuoto: scrivine uno nuovo invece di cancellarlo</source>
        <translation>L&apos;IUD del dovuto {0} non può essere vuoto: scrivine uno nuovo invece di cancellarlo</translation>
    </message>
    <message>
        <source>Indirizzo del portale non impostato per l&apos;Ente {0}: indicalo nella pagina Portale o con «mypay-desk ente set --ipa {1} --portal-url URL»</source>
        <translation>Indirizzo del portale non impostato per l&apos;Ente {0}: indicalo nella pagina Portale o con «mypay-desk ente set --ipa {1} --portal-url URL»</translation>
    </message>
    <message>
        <source>Password del portale non impostata per l&apos;Ente {0}: inseriscila nella pagina Portale o con «mypay-desk ente set --ipa {1} --password-stdin» (su un server senza portachiavi: «--password-file FILE»)</source>
        <translation>Password del portale non impostata per l&apos;Ente {0}: inseriscila nella pagina Portale o con «mypay-desk ente set --ipa {1} --password-stdin» (su un server senza portachiavi: «--password-file FILE»)</translation>
    </message>
    <message>
        <source>Indirizzo del portale «{0}» non valido: scrivilo come https://nome-del-portale/... (per il portale di prova: http://127.0.0.1:PORTA)</source>
        <translation>Indirizzo del portale «{0}» non valido: scrivilo come https://nome-del-portale/... (per il portale di prova: http://127.0.0.1:PORTA)</translation>
    </message>
    <message>
        <source>Scrivi il modello della causale</source>
        <translation>Scrivi il modello della causale</translation>
    </message>
    <message>
        <source>Modello della causale non valido: {0}</source>
        <translation>Modello della causale non valido: {0}</translation>
    </message>
    <message>
        <source>non modificabile ({0})</source>
        <translation>non modificabile ({0})</translation>
    </message>
    <message>
        <source>senza scadenza</source>
        <translation>senza scadenza</translation>
    </message>
    <message>
        <source>l&apos;importo risulterebbe zero o negativo</source>
        <translation>l&apos;importo risulterebbe zero o negativo</translation>
    </message>
    <message>
        <source>l&apos;importo supererebbe il massimo ammesso</source>
        <translation>l&apos;importo supererebbe il massimo ammesso</translation>
    </message>
    <message>
        <source>già sul portale: l&apos;IUD non si può cambiare</source>
        <translation>già sul portale: l&apos;IUD non si può cambiare</translation>
    </message>
    <message>
        <source>L&apos;Ente aderisce a MyPay in modalità base: non carica dovuti sul portale. Cambia la modalità di adesione nelle impostazioni se l&apos;Ente è passato ai flussi.</source>
        <translation>L&apos;Ente aderisce a MyPay in modalità base: non carica dovuti sul portale. Cambia la modalità di adesione nelle impostazioni se l&apos;Ente è passato ai flussi.</translation>
    </message>
    <message>
        <source>Un altro invio di questa lista è in corso: riprova tra poco</source>
        <translation>Un altro invio di questa lista è in corso: riprova tra poco</translation>
    </message>
    <message>
        <source>Indica lo IUD del dovuto</source>
        <translation>Indica lo IUD del dovuto</translation>
    </message>
    <message>
        <source>L&apos;Ente aderisce in modalità base: non invia dovuti al portale</source>
        <translation>L&apos;Ente aderisce in modalità base: non invia dovuti al portale</translation>
    </message>
    <message>
        <source>Il dovuto {0} fa parte di un flusso in corso di invio: attendi l&apos;esito</source>
        <translation>Il dovuto {0} fa parte di un flusso in corso di invio: attendi l&apos;esito</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già allineato con il portale: non c&apos;è niente da inviare</source>
        <translation>Il dovuto {0} è già allineato con il portale: non c&apos;è niente da inviare</translation>
    </message>
    <message>
        <source>Il dovuto {0} ha degli errori: correggili prima di inviarlo</source>
        <translation>Il dovuto {0} ha degli errori: correggili prima di inviarlo</translation>
    </message>
    <message>
        <source>Il pagamento presso lo sportello richiede la modalità di adesione «Iniziato presso l&apos;Ente»</source>
        <translation>Il pagamento presso lo sportello richiede la modalità di adesione «Iniziato presso l&apos;Ente»</translation>
    </message>
    <message>
        <source>Il dovuto {0} ha degli errori: correggili prima del pagamento</source>
        <translation>Il dovuto {0} ha degli errori: correggili prima del pagamento</translation>
    </message>
    <message>
        <source>Codice IPA mancante: salva prima i dati dell&apos;Ente</source>
        <translation>Codice IPA mancante: salva prima i dati dell&apos;Ente</translation>
    </message>
    <message>
        <source>La password del portale è vuota</source>
        <translation>La password del portale è vuota</translation>
    </message>
    <message>
        <source>sandbox dimostrativa</source>
        <translation>sandbox dimostrativa</translation>
    </message>
    <message>
        <source>file dello spazio di lavoro</source>
        <translation>file dello spazio di lavoro</translation>
    </message>
    <message>
        <source>portachiavi di sistema</source>
        <translation>portachiavi di sistema</translation>
    </message>
    <message>
        <source>Il numero di IUV da generare deve essere almeno 1</source>
        <translation>Il numero di IUV da generare deve essere almeno 1</translation>
    </message>
    <message>
        <source>Imposta il codice di segregazione dell&apos;Ente per generare IUV</source>
        <translation>Imposta il codice di segregazione dell&apos;Ente per generare IUV</translation>
    </message>
    <message>
        <source>Nessun Ente configurato: usa «mypay-desk ente set» o la configurazione guidata</source>
        <translation>Nessun Ente configurato: usa «mypay-desk ente set» o la configurazione guidata</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare: la lista è allineata con il portale</source>
        <translation>Nessuna modifica da inviare: la lista è allineata con il portale</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare: la lista è allineata con il portale ({0} dovuti risultano pagati sul portale e non sono stati modificati)</source>
        <translation>Nessuna modifica da inviare: la lista è allineata con il portale ({0} dovuti risultano pagati sul portale e non sono stati modificati)</translation>
    </message>
    <message>
        <source>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti)</source>
        <translation>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti)</translation>
    </message>
    <message>
        <source>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti) ripreso</source>
        <translation>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti) ripreso</translation>
    </message>
    <message>
        <source>{0} accettati, {1} rifiutati</source>
        <translation>{0} accettati, {1} rifiutati</translation>
    </message>
    <message>
        <source>{0} accettati, {1} rifiutati ({2} dei rifiutati erano già sul portale e sono stati ripresi)</source>
        <translation>{0} accettati, {1} rifiutati ({2} dei rifiutati erano già sul portale e sono stati ripresi)</translation>
    </message>
    <message>
        <source>non cercato sul portale (oltre i primi {0} del flusso): per riprenderlo invialo di nuovo con «Reinvia anche i dovuti rifiutati e non modificati»</source>
        <translation>non cercato sul portale (oltre i primi {0} del flusso): per riprenderlo invialo di nuovo con «Reinvia anche i dovuti rifiutati e non modificati»</translation>
    </message>
    <message>
        <source>il portale aveva già il dovuto (da un invio precedente): ripreso con lo IUV {0}, la versione della lista partirà con il prossimo invio come modifica</source>
        <translation>il portale aveva già il dovuto (da un invio precedente): ripreso con lo IUV {0}, la versione della lista partirà con il prossimo invio come modifica</translation>
    </message>
    <message>
        <source>rifiutato dal portale. {0} Le modifiche restano in attesa.</source>
        <translation>rifiutato dal portale. {0} Le modifiche restano in attesa.</translation>
    </message>
    <message>
        <source>Il dovuto risulta già pagato sul portale{0}: {1} non è stata applicata per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</source>
        <translation>Il dovuto risulta già pagato sul portale{0}: {1} non è stata applicata per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</translation>
    </message>
    <message>
        <source>Il dovuto risulta già pagato sul portale{0}: {1} per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</source>
        <translation>Il dovuto risulta già pagato sul portale{0}: {1} per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</translation>
    </message>
    <message>
        <source>l&apos;inserimento non è stato applicato</source>
        <translation>l&apos;inserimento non è stato applicato</translation>
    </message>
    <message>
        <source>la modifica non è stata applicata</source>
        <translation>la modifica non è stata applicata</translation>
    </message>
    <message>
        <source>l&apos;annullamento non è stato applicato</source>
        <translation>l&apos;annullamento non è stato applicato</translation>
    </message>
    <message>
        <source> ({0} il {1})</source>
        <translation> ({0} il {1})</translation>
    </message>
    <message>
        <source> ({0} il {1}, {2})</source>
        <translation> ({0} il {1}, {2})</translation>
    </message>
    <message>
        <source>la modifica</source>
        <translation>la modifica</translation>
    </message>
    <message>
        <source>l&apos;annullamento</source>
        <translation>l&apos;annullamento</translation>
    </message>
    <message>
        <source>il dovuto risulta già pagato</source>
        <translation>il dovuto risulta già pagato</translation>
    </message>
    <message>
        <source>Connessione riuscita: il portale ha riconosciuto l&apos;Ente {0} ({1} ms)</source>
        <translation>Connessione riuscita: il portale ha riconosciuto l&apos;Ente {0} ({1} ms)</translation>
    </message>
    <message>
        <source>Lista «{0}» non trovata per l&apos;Ente {1}</source>
        <translation>Lista «{0}» non trovata per l&apos;Ente {1}</translation>
    </message>
    <message>
        <source>Indicare una lista, degli IUD o dei dovuti da stampare</source>
        <translation>Indicare una lista, degli IUD o dei dovuti da stampare</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;Ente deve avere 11 cifre per stampare gli avvisi</source>
        <translation>Il codice fiscale dell&apos;Ente deve avere 11 cifre per stampare gli avvisi</translation>
    </message>
    <message>
        <source>{0} è una cartella: indicare il nome del file da creare</source>
        <translation>{0} è una cartella: indicare il nome del file da creare</translation>
    </message>
    <message>
        <source>La cartella {0} non esiste</source>
        <translation>La cartella {0} non esiste</translation>
    </message>
    <message>
        <source>Font mancante per gli avvisi: {0}. Reinstallare l&apos;applicazione.</source>
        <translation>Font mancante per gli avvisi: {0}. Reinstallare l&apos;applicazione.</translation>
    </message>
    <message>
        <source>Il database è vuoto: non c&apos;è nulla da copiare</source>
        <translation>Il database è vuoto: non c&apos;è nulla da copiare</translation>
    </message>
    <message>
        <source>Backup non trovato: {0}</source>
        <translation>Backup non trovato: {0}</translation>
    </message>
    <message>
        <source>{0} non è un database leggibile: scegli un altro backup ({1})</source>
        <translation>{0} non è un database leggibile: scegli un altro backup ({1})</translation>
    </message>
    <message>
        <source>{0} non è un backup di MyPay Desk</source>
        <translation>{0} non è un backup di MyPay Desk</translation>
    </message>
    <message>
        <source>{0} viene da una versione più recente dell&apos;app</source>
        <translation>{0} viene da una versione più recente dell&apos;app</translation>
    </message>
    <message>
        <source>{0} è danneggiato e non viene ripristinato ({1}). I dati attuali non sono stati toccati: scegli un altro backup.</source>
        <translation>{0} è danneggiato e non viene ripristinato ({1}). I dati attuali non sono stati toccati: scegli un altro backup.</translation>
    </message>
    <message>
        <source>Lettura del file</source>
        <translation>Lettura del file</translation>
    </message>
    <message>
        <source>Controllo dei dati</source>
        <translation>Controllo dei dati</translation>
    </message>
    <message>
        <source>Confronto con la lista</source>
        <translation>Confronto con la lista</translation>
    </message>
    <message>
        <source>Salvataggio</source>
        <translation>Salvataggio</translation>
    </message>
    <message>
        <source>Fatto</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Preparazione del flusso</source>
        <translation>Preparazione del flusso</translation>
    </message>
    <message>
        <source>Caricamento sul portale</source>
        <translation>Caricamento sul portale</translation>
    </message>
    <message>
        <source>Elaborazione sul portale</source>
        <translation>Elaborazione sul portale</translation>
    </message>
    <message>
        <source>Applicazione degli esiti</source>
        <translation>Applicazione degli esiti</translation>
    </message>
    <message>
        <source>{0} di {1} dovuti</source>
        <translation>{0} di {1} dovuti</translation>
    </message>
    <message>
        <source>Abbinamento delle ricevute già presenti</source>
        <translation>Abbinamento delle ricevute già presenti</translation>
    </message>
    <message>
        <source>{0} ricevute lette, {1} nuove</source>
        <translation>{0} ricevute lette, {1} nuove</translation>
    </message>
    <message>
        <source>{0} ricevute nuove</source>
        <translation>{0} ricevute nuove</translation>
    </message>
    <message>
        <source>Scaricamento dell&apos;export delle ricevute</source>
        <translation>Scaricamento dell&apos;export delle ricevute</translation>
    </message>
    <message>
        <source>Prenotazione dell&apos;export delle ricevute</source>
        <translation>Prenotazione dell&apos;export delle ricevute</translation>
    </message>
    <message>
        <source>Il portale sta preparando l&apos;export ({0})</source>
        <translation>Il portale sta preparando l&apos;export ({0})</translation>
    </message>
    <message>
        <source>Lettura dei dati</source>
        <translation>Lettura dei dati</translation>
    </message>
    <message>
        <source>Flussi e movimenti di tesoreria</source>
        <translation>Flussi e movimenti di tesoreria</translation>
    </message>
    <message>
        <source>Preparazione dell&apos;Ente dimostrativo</source>
        <translation>Preparazione dell&apos;Ente dimostrativo</translation>
    </message>
    <message>
        <source>Avvio del portale di prova</source>
        <translation>Avvio del portale di prova</translation>
    </message>
    <message>
        <source>Creazione della lista «{0}»</source>
        <translation>Creazione della lista «{0}»</translation>
    </message>
    <message>
        <source>Ente dimostrativo pronto</source>
        <translation>Ente dimostrativo pronto</translation>
    </message>
    <message>
        <source>Invio della lista «{0}» al portale di prova</source>
        <translation>Invio della lista «{0}» al portale di prova</translation>
    </message>
    <message>
        <source>I cittadini pagano una parte dei dovuti sul portale di prova</source>
        <translation>I cittadini pagano una parte dei dovuti sul portale di prova</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute dal portale di prova</source>
        <translation>Scaricamento delle ricevute dal portale di prova</translation>
    </message>
    <message>
        <source>Modifiche alla TARI da inviare al portale</source>
        <translation>Modifiche alla TARI da inviare al portale</translation>
    </message>
    <message>
        <source>Rendicontazioni dei PSP e giornale di cassa della tesoreria</source>
        <translation>Rendicontazioni dei PSP e giornale di cassa della tesoreria</translation>
    </message>
    <message>
        <source>Riconciliazione di ricevute, rendicontazioni e tesoreria</source>
        <translation>Riconciliazione di ricevute, rendicontazioni e tesoreria</translation>
    </message>
    <message>
        <source>Pagamenti Notificati</source>
        <translation>Pagamenti Notificati</translation>
    </message>
    <message>
        <source>Pagamenti Notificati e Rendicontati</source>
        <translation>Pagamenti Notificati e Rendicontati</translation>
    </message>
    <message>
        <source>Pagamenti riversati cumulativamente</source>
        <translation>Pagamenti riversati cumulativamente</translation>
    </message>
    <message>
        <source>Pagamenti Rendicontati</source>
        <translation>Pagamenti Rendicontati</translation>
    </message>
    <message>
        <source>Pagamenti riversati puntualmente</source>
        <translation>Pagamenti riversati puntualmente</translation>
    </message>
    <message>
        <source>Pagamenti non correttamente rendicontati</source>
        <translation>Pagamenti non correttamente rendicontati</translation>
    </message>
    <message>
        <source>Pagamenti non correttamente notificati</source>
        <translation>Pagamenti non correttamente notificati</translation>
    </message>
    <message>
        <source>Notifiche di pagamenti non eseguiti</source>
        <translation>Notifiche di pagamenti non eseguiti</translation>
    </message>
    <message>
        <source>Rendicontazioni di pagamenti non eseguiti</source>
        <translation>Rendicontazioni di pagamenti non eseguiti</translation>
    </message>
    <message>
        <source>Rendicontazioni non correttamente riversate</source>
        <translation>Rendicontazioni non correttamente riversate</translation>
    </message>
    <message>
        <source>Rendicontazioni riversate con importo scorretto</source>
        <translation>Rendicontazioni riversate con importo scorretto</translation>
    </message>
    <message>
        <source>Riversamenti non rendicontati o di pagamenti non eseguiti</source>
        <translation>Riversamenti non rendicontati o di pagamenti non eseguiti</translation>
    </message>
    <message>
        <source>Riversamenti di tesoreria sconosciuti</source>
        <translation>Riversamenti di tesoreria sconosciuti</translation>
    </message>
    <message>
        <source>Pagamenti doppi</source>
        <translation>Pagamenti doppi</translation>
    </message>
    <message>
        <source>Dovuto, ricevuta, rendicontazione e accredito in tesoreria concordano.</source>
        <translation>Dovuto, ricevuta, rendicontazione e accredito in tesoreria concordano.</translation>
    </message>
    <message>
        <source>Dovuto, ricevuta e rendicontazione concordano; manca l&apos;accredito in tesoreria del flusso (o ha un importo diverso).</source>
        <translation>Dovuto, ricevuta e rendicontazione concordano; manca l&apos;accredito in tesoreria del flusso (o ha un importo diverso).</translation>
    </message>
    <message>
        <source>Ricevuta, rendicontazione e accredito cumulativo concordano; manca il dovuto dell&apos;Ente o ha un importo diverso.</source>
        <translation>Ricevuta, rendicontazione e accredito cumulativo concordano; manca il dovuto dell&apos;Ente o ha un importo diverso.</translation>
    </message>
    <message>
        <source>Ricevuta e rendicontazione concordano.</source>
        <translation>Ricevuta e rendicontazione concordano.</translation>
    </message>
    <message>
        <source>Ricevuta accreditata singolarmente in tesoreria (causale con lo IUV).</source>
        <translation>Ricevuta accreditata singolarmente in tesoreria (causale con lo IUV).</translation>
    </message>
    <message>
        <source>La ricevuta non ha una rendicontazione del PSP con lo stesso importo.</source>
        <translation>La ricevuta non ha una rendicontazione del PSP con lo stesso importo.</translation>
    </message>
    <message>
        <source>Pagamento senza un dovuto dell&apos;Ente corrispondente.</source>
        <translation>Pagamento senza un dovuto dell&apos;Ente corrispondente.</translation>
    </message>
    <message>
        <source>Dovuto scaduto senza ricevuta, o con una ricevuta di importo diverso.</source>
        <translation>Dovuto scaduto senza ricevuta, o con una ricevuta di importo diverso.</translation>
    </message>
    <message>
        <source>Il PSP ha rendicontato un pagamento di cui non c&apos;è la ricevuta.</source>
        <translation>Il PSP ha rendicontato un pagamento di cui non c&apos;è la ricevuta.</translation>
    </message>
    <message>
        <source>Il flusso di rendicontazione non risulta accreditato in tesoreria.</source>
        <translation>Il flusso di rendicontazione non risulta accreditato in tesoreria.</translation>
    </message>
    <message>
        <source>L&apos;accredito in tesoreria del flusso ha un importo diverso dal totale rendicontato.</source>
        <translation>L&apos;accredito in tesoreria del flusso ha un importo diverso dal totale rendicontato.</translation>
    </message>
    <message>
        <source>Accredito con un riferimento pagoPA (IUF o IUV) che non corrisponde a nessun flusso, ricevuta o dovuto.</source>
        <translation>Accredito con un riferimento pagoPA (IUF o IUV) che non corrisponde a nessun flusso, ricevuta o dovuto.</translation>
    </message>
    <message>
        <source>Accredito senza alcun riferimento pagoPA nella causale.</source>
        <translation>Accredito senza alcun riferimento pagoPA nella causale.</translation>
    </message>
    <message>
        <source>Lo stesso IUV risulta pagato o rendicontato più volte: l&apos;importo è l&apos;eccedenza.</source>
        <translation>Lo stesso IUV risulta pagato o rendicontato più volte: l&apos;importo è l&apos;eccedenza.</translation>
    </message>
    <message>
        <source>Flussi di rendicontazione (FdR)</source>
        <translation>Flussi di rendicontazione (FdR)</translation>
    </message>
    <message>
        <source>Giornale di cassa OPI</source>
        <translation>Giornale di cassa OPI</translation>
    </message>
    <message>
        <source>Estratto conto CSV</source>
        <translation>Estratto conto CSV</translation>
    </message>
    <message>
        <source>File misti</source>
        <translation>File misti</translation>
    </message>
    <message>
        <source>Dovuto (notifica dell&apos;Ente)</source>
        <translation>Dovuto (notifica dell&apos;Ente)</translation>
    </message>
    <message>
        <source>Ricevuta (RT)</source>
        <translation>Ricevuta (RT)</translation>
    </message>
    <message>
        <source>Rendicontazione PSP (FdR)</source>
        <translation>Rendicontazione PSP (FdR)</translation>
    </message>
    <message>
        <source>Movimento di tesoreria</source>
        <translation>Movimento di tesoreria</translation>
    </message>
    <message>
        <source>Il record collegato non è più presente: esegui di nuovo la riconciliazione.</source>
        <translation>Il record collegato non è più presente: esegui di nuovo la riconciliazione.</translation>
    </message>
    <message>
        <source>Nessun dovuto dell&apos;Ente con questo IUV.</source>
        <translation>Nessun dovuto dell&apos;Ente con questo IUV.</translation>
    </message>
    <message>
        <source>Nessuna ricevuta di pagamento con questo IUV.</source>
        <translation>Nessuna ricevuta di pagamento con questo IUV.</translation>
    </message>
    <message>
        <source>Nessun flusso di rendicontazione con questo IUV.</source>
        <translation>Nessun flusso di rendicontazione con questo IUV.</translation>
    </message>
    <message>
        <source>Nessun accredito in tesoreria collegato.</source>
        <translation>Nessun accredito in tesoreria collegato.</translation>
    </message>
    <message>
        <source>Numero avviso</source>
        <translation>Numero avviso</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>IUR</source>
        <translation>IUR</translation>
    </message>
    <message>
        <source>Pagatore</source>
        <translation>Pagatore</translation>
    </message>
    <message>
        <source>Importo pagato</source>
        <translation>Importo pagato</translation>
    </message>
    <message>
        <source>Totale pagato</source>
        <translation>Totale pagato</translation>
    </message>
    <message>
        <source>Data esito</source>
        <translation>Data esito</translation>
    </message>
    <message>
        <source>PSP</source>
        <translation>PSP</translation>
    </message>
    <message>
        <source>Identificativo ricevuta</source>
        <translation>Identificativo ricevuta</translation>
    </message>
    <message>
        <source>Indice</source>
        <translation>Indice</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Flusso (IUF)</source>
        <translation>Flusso (IUF)</translation>
    </message>
    <message>
        <source>Data flusso</source>
        <translation>Data flusso</translation>
    </message>
    <message>
        <source>Regolamento</source>
        <translation>Regolamento</translation>
    </message>
    <message>
        <source>Data regolamento</source>
        <translation>Data regolamento</translation>
    </message>
    <message>
        <source>Pagamenti nel flusso</source>
        <translation>Pagamenti nel flusso</translation>
    </message>
    <message>
        <source>Totale flusso</source>
        <translation>Totale flusso</translation>
    </message>
    <message>
        <source>Fonte</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Data contabile</source>
        <translation>Data contabile</translation>
    </message>
    <message>
        <source>Data valuta</source>
        <translation>Data valuta</translation>
    </message>
    <message>
        <source>Ordinante</source>
        <translation>Ordinante</translation>
    </message>
    <message>
        <source>IUF nella causale</source>
        <translation>IUF nella causale</translation>
    </message>
    <message>
        <source>IUV nella causale</source>
        <translation>IUV nella causale</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Conto</source>
        <translation>Conto</translation>
    </message>
    <message>
        <source>Accrediti per questo flusso</source>
        <translation>Accrediti per questo flusso</translation>
    </message>
    <message>
        <source>{0}, totale {1}</source>
        <translation>{0}, totale {1}</translation>
    </message>
    <message>
        <source>Estratto conto</source>
        <translation>Estratto conto</translation>
    </message>
    <message>
        <source>codice sconosciuto</source>
        <translation>codice sconosciuto</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Preparato (non ancora inviato)</source>
        <translation>Preparato (non ancora inviato)</translation>
    </message>
    <message>
        <source>Invio da verificare</source>
        <translation>Invio da verificare</translation>
    </message>
    <message>
        <source>In elaborazione sul portale</source>
        <translation>In elaborazione sul portale</translation>
    </message>
    <message>
        <source>Elaborato</source>
        <translation>Elaborato</translation>
    </message>
    <message>
        <source>Abbinato (IUD)</source>
        <translation>Abbinato (IUD)</translation>
    </message>
    <message>
        <source>Abbinato (IUV)</source>
        <translation>Abbinato (IUV)</translation>
    </message>
    <message>
        <source>Non abbinato</source>
        <translation>Non abbinato</translation>
    </message>
    <message>
        <source>Tipo di ricevuta</source>
        <translation>Tipo di ricevuta</translation>
    </message>
    <message>
        <source>Dati dell&apos;export (la ricevuta XML non è inclusa)</source>
        <translation>Dati dell&apos;export (la ricevuta XML non è inclusa)</translation>
    </message>
    <message>
        <source>Data pagamento</source>
        <translation>Data pagamento</translation>
    </message>
    <message>
        <source>Pagamento eseguito</source>
        <translation>Pagamento eseguito</translation>
    </message>
    <message>
        <source>Pagamento non eseguito</source>
        <translation>Pagamento non eseguito</translation>
    </message>
    <message>
        <source>Pagamento parzialmente eseguito</source>
        <translation>Pagamento parzialmente eseguito</translation>
    </message>
    <message>
        <source>Decorrenza termini</source>
        <translation>Decorrenza termini</translation>
    </message>
    <message>
        <source>Decorrenza termini parziale</source>
        <translation>Decorrenza termini parziale</translation>
    </message>
    <message>
        <source>Pagamento revocato</source>
        <translation>Pagamento revocato</translation>
    </message>
    <message>
        <source>Pagamento eseguito in Stand-In</source>
        <translation>Pagamento eseguito in Stand-In</translation>
    </message>
    <message>
        <source>Pagamento eseguito in Stand-In senza RPT</source>
        <translation>Pagamento eseguito in Stand-In senza RPT</translation>
    </message>
    <message>
        <source>Pagamento eseguito in assenza di RPT</source>
        <translation>Pagamento eseguito in assenza di RPT</translation>
    </message>
    <message>
        <source>Ricevuta pagoPA (paSendRT)</source>
        <translation>Ricevuta pagoPA (paSendRT)</translation>
    </message>
    <message>
        <source>Ricevuta telematica (RT)</source>
        <translation>Ricevuta telematica (RT)</translation>
    </message>
    <message>
        <source>Esito MyPay (Pagati)</source>
        <translation>Esito MyPay (Pagati)</translation>
    </message>
    <message>
        <source>Ente creditore</source>
        <translation>Ente creditore</translation>
    </message>
    <message>
        <source>Versante</source>
        <translation>Versante</translation>
    </message>
    <message>
        <source>Canale</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Metodo di pagamento</source>
        <translation>Metodo di pagamento</translation>
    </message>
    <message>
        <source>Commissione</source>
        <translation>Commissione</translation>
    </message>
    <message>
        <source>Data e ora pagamento</source>
        <translation>Data e ora pagamento</translation>
    </message>
    <message>
        <source>Data applicativa</source>
        <translation>Data applicativa</translation>
    </message>
    <message>
        <source>Versamento</source>
        <translation>Versamento</translation>
    </message>
    <message>
        <source>Versamento {0}</source>
        <translation>Versamento {0}</translation>
    </message>
    <message>
        <source>Avviso</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Un&apos;altra postazione</source>
        <translation>Un&apos;altra postazione</translation>
    </message>
    <message>
        <source>Un&apos;altra finestra o un comando di MyPay Desk su questa postazione ({0})</source>
        <translation>Un&apos;altra finestra o un comando di MyPay Desk su questa postazione ({0})</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale dalle {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando la lista «{1}» al portale dalle {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale dal {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando la lista «{1}» al portale dal {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando la lista «{1}» al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando un flusso al portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando un flusso al portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta inviando un flusso al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta scaricando le ricevute dal portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta scaricando le ricevute dal portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta scaricando le ricevute dal portale: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta eseguendo la riconciliazione dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta eseguendo la riconciliazione dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} sta eseguendo la riconciliazione: attendi che abbia finito e riprova. Nulla è stato fatto.</translation>
    </message>
    <message>
        <source>La connessione al database si è interrotta durante l&apos;operazione: per non inviare due volte gli stessi dati l&apos;operazione si è fermata e riprenderà al prossimo tentativo.</source>
        <translation>La connessione al database si è interrotta durante l&apos;operazione: per non inviare due volte gli stessi dati l&apos;operazione si è fermata e riprenderà al prossimo tentativo.</translation>
    </message>
    <message>
        <source>Non riesco a salvare l&apos;Ente corrente in {0}: {1}</source>
        <translation>Non riesco a salvare l&apos;Ente corrente in {0}: {1}</translation>
    </message>
    <message>
        <source>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</source>
        <translation>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</translation>
    </message>
    <message>
        <source>L&apos;IUD non può iniziare o finire con spazi</source>
        <translation>L&apos;IUD non può iniziare o finire con spazi</translation>
    </message>
    <message>
        <source>Caratteri non ammessi nel civico: usa lettere senza accento, cifre, spazi e i comuni segni di punteggiatura (es. 12/A)</source>
        <translation>Caratteri non ammessi nel civico: usa lettere senza accento, cifre, spazi e i comuni segni di punteggiatura (es. 12/A)</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario supera il massimo ammesso (999.999.999,99)</source>
        <translation>L&apos;importo dell&apos;ente secondario supera il massimo ammesso (999.999.999,99)</translation>
    </message>
    <message>
        <source>IBAN «{0}» non valido: MyPay accetta IBAN italiani di {1} caratteri, questo ne ha {2}</source>
        <translation>IBAN «{0}» non valido: MyPay accetta IBAN italiani di {1} caratteri, questo ne ha {2}</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione dell&apos;ente secondario sono obbligatori (es. 9/0101108TS/)</source>
        <translation>I dati specifici di riscossione dell&apos;ente secondario sono obbligatori (es. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Dati specifici dell&apos;ente secondario «{0}» non validi: la forma è 9/&lt;codice tassonomico&gt;/ seguito da al massimo 129 caratteri senza spazi (es. 9/0101108TS/)</source>
        <translation>Dati specifici dell&apos;ente secondario «{0}» non validi: la forma è 9/&lt;codice tassonomico&gt;/ seguito da al massimo 129 caratteri senza spazi (es. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Capitolo {0}: un codice contiene caratteri di controllo (a capo, tabulazioni): rimuovili</source>
        <translation>Capitolo {0}: un codice contiene caratteri di controllo (a capo, tabulazioni): rimuovili</translation>
    </message>
    <message>
        <source>Rifiutato dal portale ({0}): {1}</source>
        <translation>Rifiutato dal portale ({0}): {1}</translation>
    </message>
    <message>
        <source>Rifiutato dal portale ({0})</source>
        <translation>Rifiutato dal portale ({0})</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione devono avere la forma &lt;0|1|2|9&gt;/&lt;codice&gt; (es. 9/0101108TS/), da 5 a 140 caratteri senza spazi</source>
        <translation>I dati specifici di riscossione devono avere la forma &lt;0|1|2|9&gt;/&lt;codice&gt; (es. 9/0101108TS/), da 5 a 140 caratteri senza spazi</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Copia dettagli</source>
        <translation>Copia dettagli</translation>
    </message>
    <message>
        <source>Copiati negli appunti</source>
        <translation>Copiati negli appunti</translation>
    </message>
    <message>
        <source>Il file di log è {0}.</source>
        <translation>Il file di log è {0}.</translation>
    </message>
    <message>
        <source>Nulla di quanto già salvato è stato perso.</source>
        <translation>Nulla di quanto già salvato è stato perso.</translation>
    </message>
    <message>
        <source>Il database è occupato da un&apos;altra operazione (un&apos;altra finestra o un comando in corso).</source>
        <translation>Il database è occupato da un&apos;altra operazione (un&apos;altra finestra o un comando in corso).</translation>
    </message>
    <message>
        <source>Nulla è stato modificato: riprova tra poco.</source>
        <translation>Nulla è stato modificato: riprova tra poco.</translation>
    </message>
    <message>
        <source>Un valore contiene il carattere nullo (NUL, codice 0), che il database PostgreSQL non può salvare.</source>
        <translation>Un valore contiene il carattere nullo (NUL, codice 0), che il database PostgreSQL non può salvare.</translation>
    </message>
    <message>
        <source>Nulla è stato modificato: togli quel carattere dal file o dal valore e riprova.</source>
        <translation>Nulla è stato modificato: togli quel carattere dal file o dal valore e riprova.</translation>
    </message>
    <message>
        <source>Il portale non ha risposto come previsto:</source>
        <translation>Il portale non ha risposto come previsto:</translation>
    </message>
    <message>
        <source>Le modifiche restano in attesa e verranno inviate alla prossima sincronizzazione.</source>
        <translation>Le modifiche restano in attesa e verranno inviate alla prossima sincronizzazione.</translation>
    </message>
    <message>
        <source>Si è verificato un errore imprevisto.</source>
        <translation>Si è verificato un errore imprevisto.</translation>
    </message>
    <message>
        <source>Quanto già salvato non è stato perso.</source>
        <translation>Quanto già salvato non è stato perso.</translation>
    </message>
    <message>
        <source>Copia i dettagli con «Copia dettagli» e inviali all&apos;assistenza.</source>
        <translation>Copia i dettagli con «Copia dettagli» e inviali all&apos;assistenza.</translation>
    </message>
    <message>
        <source>Si è verificato un errore imprevisto:</source>
        <translation>Si è verificato un errore imprevisto:</translation>
    </message>
    <message>
        <source>L&apos;applicazione continua a funzionare e quanto già salvato non è stato perso.</source>
        <translation>L&apos;applicazione continua a funzionare e quanto già salvato non è stato perso.</translation>
    </message>
    <message>
        <source>Errore imprevisto</source>
        <translation>Errore imprevisto</translation>
    </message>
</context>
<context>
    <name>instance_lock</name>
    <message>
        <source>MyPay Desk è già aperto su questo spazio di lavoro ({folder}).

Passa alla finestra già aperta (anche su un altro desktop o ridotta a icona), oppure chiudila e riapri l&apos;app. Due finestre sugli stessi dati non sono permesse perché ognuna mostrerebbe dati non aggiornati dall&apos;altra.</source>
        <translation>MyPay Desk è già aperto su questo spazio di lavoro ({folder}).

Passa alla finestra già aperta (anche su un altro desktop o ridotta a icona), oppure chiudila e riapri l&apos;app. Due finestre sugli stessi dati non sono permesse perché ognuna mostrerebbe dati non aggiornati dall&apos;altra.</translation>
    </message>
    <message>
        <source>MyPay Desk</source>
        <translation>MyPay Desk</translation>
    </message>
    <message>
        <source>Processo {pid} sul computer «{host}».</source>
        <translation>Processo {pid} sul computer «{host}».</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Un unico PDF (*.pdf)</source>
        <translation>Un unico PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Un PDF per dovuto in un file ZIP (*.zip)</source>
        <translation>Un PDF per dovuto in un file ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Avvisi</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>selezione</source>
        <translation>selezione</translation>
    </message>
    <message>
        <source>Stampa avvisi</source>
        <translation>Stampa avvisi</translation>
    </message>
    <message>
        <source>{0}: importo sul portale {1}, nella lista {2}</source>
        <translation>{0}: importo sul portale {1}, nella lista {2}</translation>
    </message>
    <message>
        <source>{0}: scadenza sul portale {1}, nella lista {2}</source>
        <translation>{0}: scadenza sul portale {1}, nella lista {2}</translation>
    </message>
    <message>
        <source>{0}: modifiche non ancora inviate al portale</source>
        <translation>{0}: modifiche non ancora inviate al portale</translation>
    </message>
    <message>
        <source>rimossi i file parziali di stampe interrotte: {0}</source>
        <translation>rimossi i file parziali di stampe interrotte: {0}</translation>
    </message>
    <message>
        <source>Nessun avviso stampato: nessuno dei dovuti scelti può avere un avviso (vedi i motivi elencati).</source>
        <translation>Nessun avviso stampato: nessuno dei dovuti scelti può avere un avviso (vedi i motivi elencati).</translation>
    </message>
    <message>
        <source>Stampa degli avvisi annullata: nessun file creato</source>
        <translation>Stampa degli avvisi annullata: nessun file creato</translation>
    </message>
</context>
</TS>
