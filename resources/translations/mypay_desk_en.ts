<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
<context>
    <name>AmountLineEdit</name>
    <message>
        <source>Scrivi un importo (per esempio 1.234,56)</source>
        <translation>Type an amount (for example 1.234,56)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Data e ora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Utente</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Postazione</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Dettagli</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Registro attività</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <source>Ogni azione fatta sui dati dell&apos;Ente, con chi l&apos;ha fatta e da quale postazione. Il nome dell&apos;utente e della postazione si impostano in Impostazioni › Preferenze.</source>
        <translation>Every action on the Ente&apos;s data, with who did it and from which desk. The user&apos;s and the desk&apos;s names are set in Settings › Preferences.</translation>
    </message>
    <message>
        <source>Tutto</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Togli i filtri</source>
        <translation>Clear the filters</translation>
    </message>
    <message>
        <source>Utente</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Al</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Tutti</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Tutte</source>
        <translation>All</translation>
    </message>
    <message numerus="yes">
        <source>%n righe</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>All&apos;avvio dell&apos;app viene fatta una copia automatica del database, al più ogni {hours} ore; si tengono le ultime {keep}. Una copia viene fatta anche prima di ogni aggiornamento dell&apos;app e prima di ogni ripristino.</source>
        <translation>When the app starts, an automatic copy of the database is made, at most every {hours} hours; the last {keep} are kept. A copy is also made before every update of the app and before every restore.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dimensione</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Nessun backup ancora: usa «Crea backup ora».</source>
        <translation>No backups yet: use “Back up now”.</translation>
    </message>
    <message>
        <source>Crea backup ora</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Apri cartella</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Ripristina da backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Sostituisce i dati attuali con quelli del backup selezionato</source>
        <translation>Replaces the current data with those of the selected backup</translation>
    </message>
    <message>
        <source>Il database è condiviso su un server PostgreSQL: questa postazione non ne copia i file e non fa copie automatiche. I backup di un database condiviso si fanno sul server (un pg_dump pianificato o i backup del server). «Crea backup ora» esegue pg_dump e salva la copia nella cartella dei backup di questo spazio di lavoro.</source>
        <translation>The database is shared on a PostgreSQL server: this desk does not copy its files and makes no automatic copies. A shared database is backed up on its server (a scheduled pg_dump or the server&apos;s own backups). “Back up now” runs pg_dump and saves the copy in this workspace&apos;s backups folder.</translation>
    </message>
    <message>
        <source>pg_dump non è installato su questa postazione: installa gli strumenti client di PostgreSQL, della stessa versione del server o più recenti (Debian/Ubuntu: «apt install postgresql-client»; Windows: l&apos;installer di PostgreSQL con il solo componente «Command Line Tools», poi aggiungi la sua cartella bin al PATH).</source>
        <translation>pg_dump is not installed on this desk: install the PostgreSQL client tools, of the server&apos;s version or newer (Debian/Ubuntu: “apt install postgresql-client”; Windows: the PostgreSQL installer with only the “Command Line Tools” component, then add its bin folder to the PATH).</translation>
    </message>
    <message>
        <source>pg_dump: {0}</source>
        <translation>pg_dump: {0}</translation>
    </message>
    <message>
        <source>Per ripristinare una copia: chiudi MyPay Desk su tutte le postazioni, poi chi gestisce il server esegue {0}</source>
        <translation>To restore a copy: close MyPay Desk on every desk, then whoever runs the server executes {0}</translation>
    </message>
    <message>
        <source>Automatico</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Manuale</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Prima del ripristino</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>Prima dell&apos;aggiornamento dell&apos;app</source>
        <translation>Before app update</translation>
    </message>
    <message>
        <source>Backup creato: {name}</source>
        <translation>Backup created: {name}</translation>
    </message>
    <message>
        <source>Backup del database</source>
        <translation>Database backup</translation>
    </message>
    <message>
        <source>Ripristina da backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Ripristinare i dati dal backup del {date}?</source>
        <translation>Restore the data from the backup of {date}?</translation>
    </message>
    <message>
        <source>Prima del ripristino viene fatta una copia di sicurezza dei dati attuali: la trovi in questo elenco come «Prima del ripristino» e puoi ripristinarla se cambi idea.

Dopo il ripristino liste, dovuti, flussi e pagamenti tornano come erano al momento del backup; quanto fatto dopo resta solo nella copia di sicurezza.</source>
        <translation>Before restoring, a safety copy of the current data is made: you will find it in this list as “Before restore” and can restore it if you change your mind.

After the restore, lists, debts, flows and payments go back to how they were at the time of the backup; whatever was done afterwards stays only in the safety copy.</translation>
    </message>
    <message>
        <source>Ripristina</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Seleziona nell&apos;elenco il backup da ripristinare.</source>
        <translation>Select the backup to restore in the list.</translation>
    </message>
    <message>
        <source>Dati ripristinati dal backup del {date}. Copia di sicurezza dei dati precedenti: {name}</source>
        <translation>Data restored from the backup of {date}. Safety copy of the previous data: {name}</translation>
    </message>
    <message>
        <source>Ripristino del backup</source>
        <translation>Restoring the backup</translation>
    </message>
</context>
<context>
    <name>BulkChangeDialog</name>
    <message>
        <source>Modifiche in blocco</source>
        <translation>Bulk changes</translation>
    </message>
    <message>
        <source>Su quali dovuti</source>
        <translation>Which debts</translation>
    </message>
    <message numerus="yes">
        <source>Righe selezionate (%Ln)</source>
        <translation>
            <numerusform>Selected row (%Ln)</numerusform>
            <numerusform>Selected rows (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tutte le righe mostrate dal filtro (%Ln)</source>
        <translation>
            <numerusform>The row shown by the filter (%Ln)</numerusform>
            <numerusform>All rows shown by the filter (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imposta il tipo dovuto</source>
        <translation>Set the debt type</translation>
    </message>
    <message>
        <source>Imposta la scadenza</source>
        <translation>Set the due date</translation>
    </message>
    <message>
        <source>Sposta le scadenze</source>
        <translation>Move the due dates</translation>
    </message>
    <message>
        <source>Aumenta gli importi di una percentuale</source>
        <translation>Increase the amounts by a percentage</translation>
    </message>
    <message>
        <source>Aumenta gli importi di una somma fissa</source>
        <translation>Increase the amounts by a fixed sum</translation>
    </message>
    <message>
        <source>Causale da un modello</source>
        <translation>Reason for payment from a template</translation>
    </message>
    <message>
        <source>Genera gli IUD con un prefisso</source>
        <translation>Generate the IUDs with a prefix</translation>
    </message>
    <message>
        <source>Annulla i dovuti</source>
        <translation>Cancel the debts</translation>
    </message>
    <message>
        <source>Scegli che cosa modificare…</source>
        <translation>Choose what to change…</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione seguono il tipo scelto.</source>
        <translation>The collection data follow the chosen type.</translation>
    </message>
    <message>
        <source>Nuova scadenza</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>Giorni</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Mesi</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Valori negativi anticipano. I dovuti senza scadenza restano senza.</source>
        <translation>Negative values bring them forward. Debts without a due date stay without one.</translation>
    </message>
    <message>
        <source>Percentuale</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>Arrotondato al centesimo; il bilancio è riproporzionato.</source>
        <translation>Rounded to the cent; the budget breakdown is rescaled.</translation>
    </message>
    <message>
        <source>Somma (€, anche negativa)</source>
        <translation>Sum (€, may be negative)</translation>
    </message>
    <message>
        <source>Il bilancio è riproporzionato al nuovo importo.</source>
        <translation>The budget breakdown is rescaled to the new amount.</translation>
    </message>
    <message>
        <source>TARI {anno} - {nome} ({codice_fiscale})</source>
        <translation>TARI {anno} - {nome} ({codice_fiscale})</translation>
    </message>
    <message>
        <source>Modello</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Anno ({anno})</source>
        <translation>Year ({anno})</translation>
    </message>
    <message>
        <source>Segnaposto: {anno}, {nome}, {codice_fiscale}, {iud}, {importo}.</source>
        <translation>Placeholders: {anno} (year), {nome} (name), {codice_fiscale} (tax code), {iud}, {importo} (amount).</translation>
    </message>
    <message>
        <source>Prefisso</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Primo numero</source>
        <translation>First number</translation>
    </message>
    <message>
        <source>Cifre</source>
        <translation>Digits</translation>
    </message>
    <message>
        <source>Numerati nell&apos;ordine della tabella. I dovuti già inviati al portale tengono il loro.</source>
        <translation>Numbered in the order of the table. Debts already sent to the portal keep theirs.</translation>
    </message>
    <message>
        <source>I dovuti mai inviati sono annullati subito; quelli sul portale saranno annullati con il prossimo invio (azione A).</source>
        <translation>Debts never sent are cancelled at once; those on the portal will be cancelled with the next sending (action A).</translation>
    </message>
    <message>
        <source>Scegli sopra la modifica da fare: niente viene cambiato finché non premi «Applica».</source>
        <translation>Choose the change above: nothing is changed until you press “Apply”.</translation>
    </message>
    <message>
        <source>Applica</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation>Change</translation>
    </message>
    <message numerus="yes">
        <source>Applica a %Ln dovuti</source>
        <translation>
            <numerusform>Apply to %Ln debt</numerusform>
            <numerusform>Apply to %Ln debts</numerusform>
        </translation>
    </message>
    <message>
        <source>Scegli che cosa modificare</source>
        <translation>Choose what to change</translation>
    </message>
    <message>
        <source>Nessun tipo dovuto configurato per l&apos;Ente</source>
        <translation>No debt type set up for the authority</translation>
    </message>
    <message>
        <source>Nuova scadenza: {0}</source>
        <translation>New due date: {0}</translation>
    </message>
    <message>
        <source>Indica di quanti giorni o mesi spostare le scadenze</source>
        <translation>Enter by how many days or months to move the due dates</translation>
    </message>
    <message>
        <source>Indica una percentuale diversa da zero</source>
        <translation>Enter a percentage other than zero</translation>
    </message>
    <message>
        <source>Indica una somma diversa da zero</source>
        <translation>Enter a sum other than zero</translation>
    </message>
    <message>
        <source>Annullare i dovuti scelti? L&apos;operazione si può annullare solo finché non sono stati inviati al portale.</source>
        <translation>Cancel the chosen debts? This can be undone only until they have been sent to the portal.</translation>
    </message>
</context>
<context>
    <name>CellEditors</name>
    <message>
        <source>(valore non salvato)</source>
        <translation>(value not saved)</translation>
    </message>
    <message>
        <source>{0}, riga {1}</source>
        <translation>{0}, row {1}</translation>
    </message>
</context>
<context>
    <name>CheckedLineEdit</name>
    <message>
        <source>Campo obbligatorio</source>
        <translation>Required field</translation>
    </message>
</context>
<context>
    <name>CollectionsChart</name>
    <message>
        <source>Nessun incasso nel periodo scelto</source>
        <translation>No collections in the chosen period</translation>
    </message>
    <message>
        <source>{0}: {1} ({2})</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pagamenti</source>
        <translation>
            <numerusform>%Ln payment</numerusform>
            <numerusform>%Ln payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Dovuti modificati da un&apos;altra postazione</source>
        <translation>Debts changed by another desk</translation>
    </message>
    <message>
        <source>un&apos;altra postazione</source>
        <translation>another desk</translation>
    </message>
    <message>
        <source> alle {0}</source>
        <translation> at {0}</translation>
    </message>
    <message numerus="yes">
        <source>Mentre li modificavi, %n dovuti sono stati modificati da {0}{1}.</source>
        <translation>
            <numerusform>While you were editing it, %n debt was changed by {0}{1}.</numerusform>
            <numerusform>While you were editing them, %n debts were changed by {0}{1}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Le tue modifiche non sono state salvate: ecco cosa c&apos;è adesso e cosa volevi scrivere.</source>
        <translation>Your changes were not saved: here is what is there now and what you wanted to write.</translation>
    </message>
    <message>
        <source>Dovuto</source>
        <translation>Debt</translation>
    </message>
    <message>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Valore attuale</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Il tuo valore</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Modificato da</source>
        <translation>Changed by</translation>
    </message>
    <message numerus="yes">
        <source>… e altre %n righe.</source>
        <translation>
            <numerusform>… and %n more line.</numerusform>
            <numerusform>… and %n more lines.</numerusform>
        </translation>
    </message>
    <message>
        <source>«Tieni i valori attuali» lascia quanto salvato dall&apos;altra postazione. «Applica i miei valori» scrive i tuoi sopra i suoi.</source>
        <translation>“Keep the current values” leaves what the other desk saved. “Apply my values” writes yours over theirs.</translation>
    </message>
    <message>
        <source>Tieni i valori attuali</source>
        <translation>Keep the current values</translation>
    </message>
    <message>
        <source>Applica i miei valori</source>
        <translation>Apply my values</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>instalments</translation>
    </message>
    <message>
        <source>(vuoto)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Salvato da {0}</source>
        <translation>Saved by {0}</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <source>Data contabile (obbligatoria)</source>
        <translation>Booking date (required)</translation>
    </message>
    <message>
        <source>Data valuta</source>
        <translation>Value date</translation>
    </message>
    <message>
        <source>Importo con segno</source>
        <translation>Signed amount</translation>
    </message>
    <message>
        <source>Entrate / Avere</source>
        <translation>Credits / In</translation>
    </message>
    <message>
        <source>Uscite / Dare</source>
        <translation>Debits / Out</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Reason for payment</translation>
    </message>
    <message>
        <source>Altra colonna di causale</source>
        <translation>Second reason for payment column</translation>
    </message>
    <message>
        <source>Ordinante</source>
        <translation>Ordering party</translation>
    </message>
    <message>
        <source>Colonne dell&apos;estratto conto</source>
        <translation>Bank statement columns</translation>
    </message>
    <message>
        <source>Indica quali colonne di «{0}» contengono i dati del movimento. Servono la data e l&apos;importo (una colonna con segno, oppure entrate e uscite separate); lo IUF o lo IUV vengono cercati nella causale.</source>
        <translation>Indicate which columns of “{0}” hold the movement data. The date and the amount are needed (one signed column, or separate credits and debits); the IUF or the IUV are looked for in the reason for payment.</translation>
    </message>
    <message>
        <source>(nessuna)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Importa</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Prime righe dopo l&apos;intestazione (riga {0}):</source>
        <translation>First rows after the header (row {0}):</translation>
    </message>
    <message>
        <source>Scegli la colonna della data.</source>
        <translation>Choose the date column.</translation>
    </message>
    <message>
        <source>Scegli la colonna dell&apos;importo o quella delle entrate.</source>
        <translation>Choose the amount column or the credits column.</translation>
    </message>
    <message>
        <source>Senza causale non si trovano IUF e IUV: i movimenti risulteranno sconosciuti.</source>
        <translation>Without a reason for payment no IUF or IUV can be found: the movements will be unknown.</translation>
    </message>
</context>
<context>
    <name>DatabasePanel</name>
    <message>
        <source>Un ufficio con più postazioni usa un database PostgreSQL condiviso. Scrivi l&apos;indirizzo senza password: PostgreSQL la legge dal file delle password (~/.pgpass; su Windows %APPDATA%\postgresql\pgpass.conf), dalla variabile PGPASSWORD o da un servizio (?service=NOME). La scelta vale dal prossimo avvio; log, backup e impostazioni restano nella cartella dello spazio di lavoro.</source>
        <translation>An office with several desks uses a shared PostgreSQL database. Write the address without a password: PostgreSQL reads it from the password file (~/.pgpass; on Windows %APPDATA%\postgresql\pgpass.conf), from the PGPASSWORD variable or from a service (?service=NAME). The choice applies from the next start; logs, backups and settings stay in the workspace folder.</translation>
    </message>
    <message>
        <source>Prova connessione</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Prova e salva</source>
        <translation>Test and save</translation>
    </message>
    <message>
        <source>Salva l&apos;indirizzo solo se la connessione riesce</source>
        <translation>Saves the address only if the connection succeeds</translation>
    </message>
    <message>
        <source>Usa il database locale</source>
        <translation>Use the local database</translation>
    </message>
    <message>
        <source>Dal prossimo avvio questo spazio di lavoro usa il suo file SQLite</source>
        <translation>From the next start this workspace uses its own SQLite file</translation>
    </message>
    <message>
        <source>In uso</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Database condiviso</source>
        <translation>Shared database</translation>
    </message>
    <message>
        <source>database condiviso PostgreSQL: {0}</source>
        <translation>shared PostgreSQL database: {0}</translation>
    </message>
    <message>
        <source>database locale di questa postazione (SQLite): {0}</source>
        <translation>this desk&apos;s local database (SQLite): {0}</translation>
    </message>
    <message>
        <source>Scelto all&apos;avvio con {0}, che prevale sulla scelta salvata qui.</source>
        <translation>Chosen at start-up with {0}, which takes precedence over the choice saved here.</translation>
    </message>
    <message>
        <source>Verifica in corso…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Prova connessione al database</source>
        <translation>Database connection test</translation>
    </message>
    <message>
        <source>Salvato: MyPay Desk userà questo database dal prossimo avvio.</source>
        <translation>Saved: MyPay Desk will use this database from the next start.</translation>
    </message>
    <message>
        <source>Database condiviso salvato: sarà usato al prossimo avvio.</source>
        <translation>Shared database saved: it will be used from the next start.</translation>
    </message>
    <message>
        <source>Dal prossimo avvio questo spazio di lavoro usa il suo database locale (SQLite).</source>
        <translation>From the next start this workspace uses its local database (SQLite).</translation>
    </message>
    <message>
        <source>Database locale: sarà usato al prossimo avvio.</source>
        <translation>Local database: it will be used from the next start.</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Calendario</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Scegli dal calendario (Alt+Giù)</source>
        <translation>Pick from the calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>Scrivi una data (gg/mm/aaaa)</source>
        <translation>Type a date (dd/mm/yyyy)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>«{0}»: l&apos;anno {1} non è plausibile; scrivi la data come gg/mm/aaaa</source>
        <translation>“{0}”: the year {1} is not plausible; type the date as dd/mm/yyyy</translation>
    </message>
    <message>
        <source>«{0}» non è una data esistente (giorno {1}, mese {2}, anno {3})</source>
        <translation>“{0}” is not an existing date (day {1}, month {2}, year {3})</translation>
    </message>
    <message>
        <source>«{0}» non è una data: scrivi gg/mm/aaaa, per esempio 28/02/2027</source>
        <translation>“{0}” is not a date: type dd/mm/yyyy, for example 28/02/2027</translation>
    </message>
</context>
<context>
    <name>DebtColumns</name>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Da inviare</source>
        <translation>To send</translation>
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
        <translation>Tax code / VAT no.</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Reason for payment</translation>
    </message>
    <message>
        <source>Errori</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Street no.</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Prov.</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <source>Naz.</source>
        <translation>Ctry</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Dati riscossione</source>
        <translation>Collection data</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Numero avviso</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>Da correggere</source>
        <translation>To fix</translation>
    </message>
    <message>
        <source>Tipo soggetto «{0}»: scrivi F (persona fisica) o G (persona giuridica)</source>
        <translation>Subject type “{0}”: write F (natural person) or G (legal person)</translation>
    </message>
    <message>
        <source>Testo di {0} caratteri: al massimo {1}</source>
        <translation>Text of {0} characters: at most {1}</translation>
    </message>
</context>
<context>
    <name>DebtDelegate</name>
    <message>
        <source>{0}, riga {1}</source>
        <translation>{0}, row {1}</translation>
    </message>
</context>
<context>
    <name>DebtDetailDialog</name>
    <message>
        <source>Dovuto {0}</source>
        <translation>Debt {0}</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Dovuto</source>
        <translation>Debt</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>Ente secondario</source>
        <translation>Secondary authority</translation>
    </message>
    <message>
        <source>Bilancio</source>
        <translation>Budget breakdown</translation>
    </message>
    <message>
        <source>Stato: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>IUV {0}</source>
        <translation>IUV {0}</translation>
    </message>
    <message>
        <source>avviso {0}</source>
        <translation>notice {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n errori</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>Tipo soggetto</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Tax code / VAT no.</translation>
    </message>
    <message>
        <source>Debitore (anagrafica)</source>
        <translation>Debtor (name)</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Street no.</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Nazione</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Commissione a carico dell&apos;Ente</source>
        <translation>Fee paid by the authority</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Reason for payment</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Collection data (taxonomy)</translation>
    </message>
    <message>
        <source>Tipo versamento</source>
        <translation>Payment method type</translation>
    </message>
    <message>
        <source>Pagamento in un&apos;unica soluzione</source>
        <translation>One-off payment</translation>
    </message>
    <message>
        <source>Pagamento unico oppure a rate</source>
        <translation>One-off payment or instalments</translation>
    </message>
    <message>
        <source> mesi</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Dividi in rate uguali</source>
        <translation>Split into equal instalments</translation>
    </message>
    <message>
        <source>Numero di rate</source>
        <translation>Number of instalments</translation>
    </message>
    <message>
        <source>ogni</source>
        <translation>every</translation>
    </message>
    <message>
        <source>Rata</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>IUV</source>
        <translation>IUV</translation>
    </message>
    <message>
        <source>Ogni rata è una posizione a sé sul portale (IUD, IUV e scadenza propri); il pagamento unico resta disponibile, come prevede pagoPA.</source>
        <translation>Each instalment is a separate position on the portal (its own IUD, IUV and due date); the one-off payment stays available, as pagoPA requires.</translation>
    </message>
    <message>
        <source>Rata {0}: {1}</source>
        <translation>Instalment {0}: {1}</translation>
    </message>
    <message>
        <source>Totale rate: {0}</source>
        <translation>Instalments total: {0}</translation>
    </message>
    <message>
        <source>Dovuto multibeneficiario (tracciato 1_4)</source>
        <translation>Multi-beneficiary debt (layout 1_4)</translation>
    </message>
    <message>
        <source>C.F. ente secondario</source>
        <translation>Secondary authority tax code</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>IBAN di accredito</source>
        <translation>Credit IBAN</translation>
    </message>
    <message>
        <source>Capitolo</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <source>Ufficio</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Accertamento</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Aggiungi riga</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Togli riga</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Una riga per accertamento; le righe con lo stesso capitolo e ufficio formano un capitolo. La somma deve essere uguale all&apos;importo.</source>
        <translation>One row per assessment; rows with the same chapter and office form one chapter. The total must equal the amount.</translation>
    </message>
    <message>
        <source>Bilancio, riga {0}: {1}</source>
        <translation>Budget breakdown, row {0}: {1}</translation>
    </message>
    <message>
        <source>Nessun bilancio (facoltativo).</source>
        <translation>No budget breakdown (optional).</translation>
    </message>
    <message>
        <source>Totale bilancio: {0}</source>
        <translation>Budget breakdown total: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Scadenza: {0}</source>
        <translation>Due date: {0}</translation>
    </message>
    <message>
        <source>Importo ente secondario</source>
        <translation>Secondary body amount</translation>
    </message>
</context>
<context>
    <name>DebtTableController</name>
    <message>
        <source>Caricamento dei dovuti</source>
        <translation>Loading the debts</translation>
    </message>
    <message>
        <source>i miei valori</source>
        <translation>my values</translation>
    </message>
    <message>
        <source>Salvataggio delle modifiche</source>
        <translation>Saving the changes</translation>
    </message>
    <message>
        <source>Aggiunta dei dovuti</source>
        <translation>Adding the debts</translation>
    </message>
    <message>
        <source>Rimozione dei dovuti aggiunti</source>
        <translation>Removing the added debts</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>Annulla dovuti</source>
        <translation>Cancel debts</translation>
    </message>
    <message>
        <source>Ripristina dovuti</source>
        <translation>Restore debts</translation>
    </message>
    <message>
        <source>Modifica «{0}»</source>
        <translation>Edit “{0}”</translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Rate del dovuto</source>
        <translation>Instalments of the debt</translation>
    </message>
    <message>
        <source>Selezione troppo grande: usa le modifiche in blocco.</source>
        <translation>Selection too large: use the bulk changes.</translation>
    </message>
    <message>
        <source>Lo IUD non si svuota: è rimasto com&apos;era (per cambiarlo scrivine uno nuovo).</source>
        <translation>The IUD is never emptied: it was left as it was (to change it, type a new one).</translation>
    </message>
    <message>
        <source>cancella</source>
        <translation>clear</translation>
    </message>
    <message>
        <source>Troppe righe da incollare ({0}): al massimo {1}. Usa «Importa».</source>
        <translation>Too many rows to paste ({0}): at most {1}. Use “Import”.</translation>
    </message>
    <message>
        <source>riga {0}, {1}: {2}</source>
        <translation>row {0}, {1}: {2}</translation>
    </message>
    <message numerus="yes">
        <source>Incolla %Ln righe</source>
        <translation>
            <numerusform>Paste %Ln row</numerusform>
            <numerusform>Paste %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln celle non incollate.</source>
        <translation>
            <numerusform>%Ln cell not pasted.</numerusform>
            <numerusform>%Ln cells not pasted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebtTableModel</name>
    <message>
        <source>{0}, riga {1}: {2}</source>
        <translation>{0}, row {1}: {2}</translation>
    </message>
</context>
<context>
    <name>DeskPanel</name>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Come ti vedono le altre postazioni e il registro attività. Vuoto: l&apos;utente del sistema operativo e il nome del computer.</source>
        <translation>How the other desks and the activity log see you. Empty: the operating system&apos;s user and the computer&apos;s name.</translation>
    </message>
    <message>
        <source>Nome dell&apos;utente</source>
        <translation>User&apos;s name</translation>
    </message>
    <message>
        <source>Nome della postazione</source>
        <translation>Desk&apos;s name</translation>
    </message>
    <message>
        <source>Questa postazione compare come: {0}</source>
        <translation>This desk appears as: {0}</translation>
    </message>
    <message>
        <source>Nome della postazione salvato: {0}</source>
        <translation>Desk name saved: {0}</translation>
    </message>
</context>
<context>
    <name>EnteForm</name>
    <message>
        <source>Identità</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Il codice IPA identifica l&apos;Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</source>
        <translation>The IPA code identifies the authority in the flows and cannot be changed; for another authority use “Authority › Add an authority…”.</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>IPA code</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>es. Servizi tributari</source>
        <translation>e.g. Tax services</translation>
    </message>
    <message>
        <source>Settore</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>indirizzo, contatti: stampati sull&apos;avviso</source>
        <translation>address, contacts: printed on the notice</translation>
    </message>
    <message>
        <source>Informazioni</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Codici pagoPA</source>
        <translation>pagoPA codes</translation>
    </message>
    <message>
        <source>due cifre</source>
        <translation>two digits</translation>
    </message>
    <message>
        <source>Codice di segregazione</source>
        <translation>Segregation code</translation>
    </message>
    <message>
        <source>facoltativo, due cifre</source>
        <translation>optional, two digits</translation>
    </message>
    <message>
        <source>Codice applicativo</source>
        <translation>Application code</translation>
    </message>
    <message>
        <source>facoltativo</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Codice CBILL</source>
        <translation>CBILL code</translation>
    </message>
    <message>
        <source>Il portale MyPay</source>
        <translation>The MyPay portal</translation>
    </message>
    <message>
        <source>MyPay Desk, dal codice di segregazione</source>
        <translation>MyPay Desk, from the segregation code</translation>
    </message>
    <message>
        <source>Chi genera gli IUV</source>
        <translation>Who generates the IUVs</translation>
    </message>
    <message>
        <source>Per i dovuti inviati senza IUV. Il portale lo genera importando il flusso e l&apos;app lo riceve con l&apos;esito; MyPay Desk lo assegna prima dell&apos;invio, così gli avvisi si stampano anche senza connessione.</source>
        <translation>For debts sent without an IUV. The portal generates it while importing the flow and the app receives it with the outcome; MyPay Desk assigns it before sending, so notices can be printed even offline.</translation>
    </message>
    <message>
        <source>Il prossimo progressivo IUV: avanza da solo e non viene mai riusato.</source>
        <translation>The next IUV sequence number: it advances by itself and is never reused.</translation>
    </message>
    <message>
        <source>Prossimo progressivo IUV</source>
        <translation>Next IUV sequence number</translation>
    </message>
    <message>
        <source>Adesione a MyPay</source>
        <translation>MyPay membership</translation>
    </message>
    <message>
        <source>Base (pagamenti spontanei)</source>
        <translation>Basic (spontaneous payments)</translation>
    </message>
    <message>
        <source>Per flussi</source>
        <translation>By flows</translation>
    </message>
    <message>
        <source>Iniziato presso l&apos;Ente</source>
        <translation>Started at the authority</translation>
    </message>
    <message>
        <source>Modalità</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Portal address</translation>
    </message>
    <message>
        <source>La pagina dei servizi di pagamento dell&apos;Ente a cui rimanda il catalogo del portale regionale.</source>
        <translation>The authority&apos;s payment services page that the regional portal&apos;s catalogue links to.</translation>
    </message>
    <message>
        <source>Pagina web dei pagamenti</source>
        <translation>Payments web page</translation>
    </message>
    <message>
        <source>La password del portale e la prova di connessione sono nella pagina Portale.</source>
        <translation>The portal password and the connection test are on the Portal page.</translation>
    </message>
    <message>
        <source>Conto corrente postale</source>
        <translation>Postal account</translation>
    </message>
    <message>
        <source>fino a 12 cifre</source>
        <translation>up to 12 digits</translation>
    </message>
    <message>
        <source>Numero di conto</source>
        <translation>Account number</translation>
    </message>
    <message>
        <source>Intestatario</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <source>es. AUT. 123/2024 del 01/01/2024</source>
        <translation>e.g. AUT. 123/2024 of 01/01/2024</translation>
    </message>
    <message>
        <source>Autorizzazione Poste</source>
        <translation>Poste authorisation</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Confronta i pagamenti con i dovuti notificati dall&apos;Ente (flg_pagati)</source>
        <translation>Match payments against the debts notified by the authority (flg_pagati)</translation>
    </message>
    <message>
        <source>Confronta i riversamenti con i movimenti di tesoreria (flg_tesoreria)</source>
        <translation>Match transfers against treasury movements (flg_tesoreria)</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annulla modifiche</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Ente dimostrativo: collegato al portale di prova locale.</source>
        <translation>Demo authority: connected to the local test portal.</translation>
    </message>
    <message>
        <source>Gli avvisi riportano il codice CBILL per pagare dall&apos;home banking.</source>
        <translation>Notices carry the CBILL code for paying through home banking.</translation>
    </message>
    <message>
        <source>Senza codice CBILL gli avvisi non riportano la riga per pagare dall&apos;home banking (circuito CBILL): il codice lo assegna la banca tesoriera, se l&apos;Ente aderisce a CBILL.</source>
        <translation>Without a CBILL code the notices have no line for paying through home banking (CBILL network): the treasury bank assigns the code, if the Ente joins CBILL.</translation>
    </message>
    <message>
        <source>Correggi i campi segnati in rosso e salva di nuovo.</source>
        <translation>Correct the fields marked in red and save again.</translation>
    </message>
    <message>
        <source>Salvataggio dell&apos;Ente</source>
        <translation>Saving the authority</translation>
    </message>
    <message>
        <source>Dati dell&apos;Ente salvati.</source>
        <translation>Authority details saved.</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente non sono stati salvati</source>
        <translation>The authority details were not saved</translation>
    </message>
</context>
<context>
    <name>EnteWizard</name>
    <message>
        <source>Configura il tuo Ente</source>
        <translation>Set up your authority</translation>
    </message>
    <message>
        <source>Avanti</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Salva l&apos;Ente</source>
        <translation>Save the authority</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chi è l&apos;Ente</source>
        <translation>Who the authority is</translation>
    </message>
    <message>
        <source>I dati con cui l&apos;Ente è registrato nell&apos;Indice delle Pubbliche Amministrazioni e su MyPay.</source>
        <translation>The details under which the authority is registered in the Index of Public Administrations (IPA) and on MyPay.</translation>
    </message>
    <message>
        <source>es. c_f205</source>
        <translation>e.g. c_f205</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>IPA code</translation>
    </message>
    <message>
        <source>11 cifre, es. 01199250158</source>
        <translation>11 digits, e.g. 01199250158</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>es. Comune di Milano</source>
        <translation>e.g. Comune di Milano</translation>
    </message>
    <message>
        <source>Denominazione</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Come l&apos;Ente usa MyPay</source>
        <translation>How the authority uses MyPay</translation>
    </message>
    <message>
        <source>La modalità di adesione decide quali funzioni vedi: puoi cambiarla più avanti in Impostazioni.</source>
        <translation>The membership mode decides which functions you see: you can change it later in Settings.</translation>
    </message>
    <message>
        <source>Modalità</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Portal address</translation>
    </message>
    <message>
        <source>L&apos;indirizzo del portale MyPay a cui l&apos;Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</source>
        <translation>The address of the MyPay portal the authority sends its flows to; you can leave it empty and enter it later.</translation>
    </message>
    <message>
        <source>Codici pagoPA</source>
        <translation>pagoPA codes</translation>
    </message>
    <message>
        <source>Il codice di segregazione è assegnato all&apos;Ente da MyPay: entra in ogni IUV e numero avviso.</source>
        <translation>The segregation code is assigned to the authority by MyPay: it is part of every IUV and notice number.</translation>
    </message>
    <message>
        <source>due cifre, es. 12</source>
        <translation>two digits, e.g. 12</translation>
    </message>
    <message>
        <source>Codice di segregazione</source>
        <translation>Segregation code</translation>
    </message>
    <message>
        <source>facoltativo, es. AB123</source>
        <translation>optional, e.g. AB123</translation>
    </message>
    <message>
        <source>Codice CBILL</source>
        <translation>CBILL code</translation>
    </message>
    <message>
        <source>Un Ente con codice IPA «{0}» è già in questo spazio di lavoro: modificalo in Impostazioni</source>
        <translation>An authority with IPA code “{0}” is already in this workspace: edit it in Settings</translation>
    </message>
    <message>
        <source>Il codice di segregazione serve per generare IUV e avvisi: indicalo (due cifre)</source>
        <translation>The segregation code is needed to generate IUVs and notices: enter it (two digits)</translation>
    </message>
    <message>
        <source>Salvataggio dell&apos;Ente</source>
        <translation>Saving the authority</translation>
    </message>
    <message>
        <source>Ente {0} salvato. Ora aggiungi i tipi dovuto.</source>
        <translation>Authority {0} saved. Now add its debt types.</translation>
    </message>
    <message>
        <source>L&apos;Ente non è stato salvato</source>
        <translation>The authority was not saved</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Cerca IUD, IUV, avviso, codice fiscale, nome, causale…</source>
        <translation>Search IUD, IUV, notice, tax code, name, reason…</translation>
    </message>
    <message>
        <source>Tutti gli stati</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Con errori</source>
        <translation>With errors</translation>
    </message>
    <message>
        <source>Validi</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Tutti i tipi</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Azzera</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Togli tutti i filtri</source>
        <translation>Remove all filters</translation>
    </message>
    <message>
        <source>Scadenza dal</source>
        <translation>Due from</translation>
    </message>
    <message>
        <source>al</source>
        <translation>to</translation>
    </message>
    <message>
        <source>gg/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guida rapida</source>
        <translation>Quick guide</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation>Ctrl+1 … Ctrl+5</translation>
    </message>
    <message>
        <source>Liste, Portale, Pagamenti, Riconciliazione, Impostazioni</source>
        <translation>Lists, Portal, Payments, Reconciliation, Settings</translation>
    </message>
    <message>
        <source>Ctrl+Maiusc+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>nuovo dovuto in fondo alla lista</source>
        <translation>new debt at the end of the list</translation>
    </message>
    <message>
        <source>Invio / Maiusc+Invio</source>
        <translation>Enter / Shift+Enter</translation>
    </message>
    <message>
        <source>conferma la cella e scende / sale</source>
        <translation>confirms the cell and moves down / up</translation>
    </message>
    <message>
        <source>Tab / Maiusc+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>conferma la cella e passa a destra / a sinistra</source>
        <translation>confirms the cell and moves right / left</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>lascia la cella com&apos;era</source>
        <translation>leaves the cell as it was</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>modifica la cella senza cancellarla</source>
        <translation>edits the cell without clearing it</translation>
    </message>
    <message>
        <source>Canc</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>svuota le celle selezionate</source>
        <translation>empties the selected cells</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Y</source>
        <translation>Ctrl+Z / Ctrl+Y</translation>
    </message>
    <message>
        <source>annulla / ripeti (anche incolla e modifiche in blocco)</source>
        <translation>undo / redo (pastes and bulk changes too)</translation>
    </message>
    <message>
        <source>Ctrl+C / Ctrl+V</source>
        <translation>Ctrl+C / Ctrl+V</translation>
    </message>
    <message>
        <source>copia / incolla celle, anche da e verso Excel</source>
        <translation>copy / paste cells, also from and to Excel</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>cerca nella pagina</source>
        <translation>search the page</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>dettaglio del dovuto: debitore, rate, bilancio</source>
        <translation>debt detail: debtor, instalments, budget</translation>
    </message>
    <message>
        <source>Ctrl+I / Ctrl+E / Ctrl+P</source>
        <translation>Ctrl+I / Ctrl+E / Ctrl+P</translation>
    </message>
    <message>
        <source>importa / esporta in Excel / stampa avvisi</source>
        <translation>import / export to Excel / print notices</translation>
    </message>
    <message>
        <source>Alt+Giù o F4</source>
        <translation>Alt+Down or F4</translation>
    </message>
    <message>
        <source>in una data: apre il calendario</source>
        <translation>in a date: opens the calendar</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>esci</source>
        <translation>quit</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Guida rapida&lt;/h2&gt;&lt;h3&gt;Tasti&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;{0}&lt;/table&gt;&lt;h3&gt;Date e importi&lt;/h3&gt;&lt;p&gt;Le date si scrivono giorno, mese, anno: &lt;b&gt;28/02/2027&lt;/b&gt;, &lt;b&gt;28/2/27&lt;/b&gt;, &lt;b&gt;28022027&lt;/b&gt;, &lt;b&gt;28-02-2027&lt;/b&gt; o &lt;b&gt;2027-02-28&lt;/b&gt;. Una data che non esiste (31/02) non viene salvata: il campo diventa rosso e dice perché. Gli importi si scrivono all&apos;italiana: &lt;b&gt;1.234,56&lt;/b&gt;, &lt;b&gt;45,5&lt;/b&gt;, &lt;b&gt;45,50 €&lt;/b&gt;.&lt;/p&gt;&lt;h3&gt;Importare una lista&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Nella pagina Liste di dovuti premi &lt;b&gt;Importa…&lt;/b&gt; (Ctrl+I) o trascina il file sulla tabella: Excel (.xlsx), CSV o flusso MyPay (.zip).&lt;/li&gt;&lt;li&gt;Controlla l&apos;abbinamento delle colonne e l&apos;anteprima: ogni riga con problemi dice quale campo correggere.&lt;/li&gt;&lt;li&gt;Scegli la lista (nuova o esistente) e conferma. Importare di nuovo nella stessa lista la aggiorna: i dovuti sono riconosciuti dallo IUD.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Inviare al portale&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Invia al portale&lt;/b&gt; mostra quanti inserimenti, modifiche e annullamenti partiranno e quali righe restano fuori (con errori, o rifiutate e non corrette), poi chiede conferma. Alla fine elenca le righe rifiutate con il motivo.&lt;/p&gt;&lt;h3&gt;Stampare gli avvisi&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Stampa avvisi…&lt;/b&gt; (Ctrl+P) stampa la lista o le righe selezionate. Se un importo o una scadenza sono cambiati e non ancora inviati, l&apos;app avvisa prima di stampare.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Quick guide&lt;/h2&gt;&lt;h3&gt;Keys&lt;/h3&gt;&lt;table cellspacing=&apos;4&apos;&gt;{0}&lt;/table&gt;&lt;h3&gt;Dates and amounts&lt;/h3&gt;&lt;p&gt;Dates are typed day, month, year: &lt;b&gt;28/02/2027&lt;/b&gt;, &lt;b&gt;28/2/27&lt;/b&gt;, &lt;b&gt;28022027&lt;/b&gt;, &lt;b&gt;28-02-2027&lt;/b&gt; or &lt;b&gt;2027-02-28&lt;/b&gt;. A date that does not exist (31/02) is not saved: the field turns red and says why. Amounts are typed the Italian way: &lt;b&gt;1.234,56&lt;/b&gt;, &lt;b&gt;45,5&lt;/b&gt;, &lt;b&gt;45,50 €&lt;/b&gt;.&lt;/p&gt;&lt;h3&gt;Importing a list&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;On the Debt lists page press &lt;b&gt;Import…&lt;/b&gt; (Ctrl+I) or drop the file on the table: Excel (.xlsx), CSV or MyPay flow (.zip).&lt;/li&gt;&lt;li&gt;Check how the columns were matched and the preview: every row with problems says which field to fix.&lt;/li&gt;&lt;li&gt;Choose the list (new or existing) and confirm. Importing again into the same list updates it: debts are recognised by their IUD.&lt;/li&gt;&lt;/ol&gt;&lt;h3&gt;Sending to the portal&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Send to portal&lt;/b&gt; shows how many inserts, changes and cancellations will go and which rows stay out (with errors, or rejected and not fixed), then asks. At the end it lists the rejected rows with the reason.&lt;/p&gt;&lt;h3&gt;Printing notices&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Print notices…&lt;/b&gt; (Ctrl+P) prints the list or the selected rows. If an amount or a due date changed and was not sent yet, the app warns before printing.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cognome</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Importa {0}</source>
        <translation>Import {0}</translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Avanti</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Importa</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>Aggiorna una lista esistente</source>
        <translation>Update an existing list</translation>
    </message>
    <message>
        <source>Crea una nuova lista</source>
        <translation>Create a new list</translation>
    </message>
    <message>
        <source>(quello della lista)</source>
        <translation>(the list&apos;s own)</translation>
    </message>
    <message>
        <source>Tipo dovuto delle righe che non lo indicano</source>
        <translation>Debt type of the rows that do not give one</translation>
    </message>
    <message>
        <source>es. TARI26- (solo se il file non ha gli IUD)</source>
        <translation>e.g. TARI26- (only if the file has no IUDs)</translation>
    </message>
    <message>
        <source>Le righe senza IUD ricevono il prefisso seguito da 12 caratteri ricavati da debitore e tipo dovuto: importando di nuovo lo stesso file gli stessi dovuti hanno gli stessi IUD.</source>
        <translation>Rows without an IUD get the prefix followed by 12 characters derived from the debtor and the tipo dovuto: importing the same file again gives the same debts the same IUDs.</translation>
    </message>
    <message>
        <source>Prefisso IUD per le righe senza IUD</source>
        <translation>IUD prefix for rows without an IUD</translation>
    </message>
    <message>
        <source>In una lista esistente i dovuti sono riconosciuti dall&apos;IUD: i campi cambiati diventano modifiche da inviare, le righe nuove sono aggiunte e i dovuti che mancano dal file sono segnalati. Ogni riga è importata: quelle con errori restano da correggere nella tabella. Ogni dovuto ha bisogno di un IUD: se il file non lo ha, indica un prefisso.</source>
        <translation>In an existing list debts are recognised by their IUD: changed fields become changes to send, new rows are added and debts missing from the file are reported. Every row is imported: those with errors stay in the table to be corrected. Every debt needs an IUD: if the file has none, give a prefix.</translation>
    </message>
    <message>
        <source>Indica che cosa contiene ogni colonna del file (riconosciute dai titoli; correggi dove serve).</source>
        <translation>Indicate what each column of the file holds (recognised from the headings; correct where needed).</translation>
    </message>
    <message>
        <source>Foglio</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Colonna del file</source>
        <translation>File column</translation>
    </message>
    <message>
        <source>Esempi</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Campo del dovuto</source>
        <translation>Debt field</translation>
    </message>
    <message>
        <source>Mostra solo le righe con errori</source>
        <translation>Show only the rows with errors</translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Scrivi il nome della nuova lista</source>
        <translation>Write the name of the new list</translation>
    </message>
    <message>
        <source>Il file non si può leggere: {0}</source>
        <translation>The file cannot be read: {0}</translation>
    </message>
    <message>
        <source>Lettura di {0}</source>
        <translation>Reading {0}</translation>
    </message>
    <message>
        <source>{0} (nascosto)</source>
        <translation>{0} (hidden)</translation>
    </message>
    <message>
        <source>(non importare)</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>flusso MyPay {0}</source>
        <translation>MyPay flow {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, {2} valide, {3} con errori.</source>
        <translation>{0}: {1}, {2} valid, {3} with errors.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe lette</source>
        <translation>
            <numerusform>%Ln row read</numerusform>
            <numerusform>%Ln rows read</numerusform>
        </translation>
    </message>
    <message>
        <source>Nella lista «{0}»: {1} già presenti (per IUD), {2} nuove, {3}.</source>
        <translation>In the list “{0}”: {1} already there (by IUD), {2} new, {3}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti della lista mancano dal file</source>
        <translation>
            <numerusform>%Ln debt of the list is missing from the file</numerusform>
            <numerusform>%Ln debts of the list are missing from the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln IUD generati con il prefisso.</source>
        <translation>
            <numerusform>%Ln IUD generated with the prefix.</numerusform>
            <numerusform>%Ln IUDs generated with the prefix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe non hanno l&apos;IUD: indica la colonna che lo contiene oppure, nella prima pagina, un prefisso IUD. Senza, il file non si può importare.</source>
        <translation>
            <numerusform>%Ln row has no IUD: choose the column that holds it or, on the first page, an IUD prefix. Without it the file cannot be imported.</numerusform>
            <numerusform>%Ln rows have no IUD: choose the column that holds it or, on the first page, an IUD prefix. Without it the file cannot be imported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna colonna è indicata come importo: i dovuti avrebbero importo 0. Torna indietro e scegli la colonna che lo contiene.</source>
        <translation>No column is set as the amount: the debts would have amount 0. Go back and choose the column that holds it.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti della lista non sono nel file.</source>
        <translation>
            <numerusform>%Ln debt of the list is not in the file.</numerusform>
            <numerusform>%Ln debts of the list are not in the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annullare %Ln dovuti che non sono nel file? Quelli già sul portale saranno annullati con il prossimo invio.</source>
        <translation>
            <numerusform>Cancel %Ln debt that is not in the file? If it is already on the portal it will be cancelled with the next send.</numerusform>
            <numerusform>Cancel the %Ln debts that are not in the file? Those already on the portal will be cancelled with the next send.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln non annullabili (es. {0}: {1}).</source>
        <translation>
            <numerusform>%Ln cannot be cancelled ({0}: {1}).</numerusform>
            <numerusform>%Ln cannot be cancelled (e.g. {0}: {1}).</numerusform>
        </translation>
    </message>
    <message>
        <source>L&apos;elenco mostra le prime {0} righe.</source>
        <translation>The list shows the first {0} rows.</translation>
    </message>
    <message>
        <source>Nulla è stato ancora scritto.</source>
        <translation>Nothing has been written yet.</translation>
    </message>
    <message>
        <source>Importazione non riuscita: {0}</source>
        <translation>Import failed: {0}</translation>
    </message>
    <message>
        <source>Importazione di {0}</source>
        <translation>Importing {0}</translation>
    </message>
    <message>
        <source>Importazione interrotta: nulla è stato scritto.</source>
        <translation>Import interrupted: nothing has been written.</translation>
    </message>
    <message>
        <source>Lista «{0}»{1}.</source>
        <translation>List “{0}”{1}.</translation>
    </message>
    <message>
        <source> (creata)</source>
        <translation> (created)</translation>
    </message>
    <message>
        <source>Righe lette: {0} ({1} valide, {2} con errori da correggere nella tabella).</source>
        <translation>Rows read: {0} ({1} valid, {2} with errors to correct in the table).</translation>
    </message>
    <message>
        <source>Aggiunti: {0} · aggiornati: {1} · invariati: {2} · annullati dal file: {3}.</source>
        <translation>Added: {0} · updated: {1} · unchanged: {2} · cancelled by the file: {3}.</translation>
    </message>
    <message>
        <source>Annulla i mancanti ({0})</source>
        <translation>Cancel the missing ones ({0})</translation>
    </message>
    <message>
        <source>Annullati: {0} subito, {1} con il prossimo invio.</source>
        <translation>Cancelled: {0} at once, {1} with the next sending.</translation>
    </message>
    <message>
        <source>Annulla i mancanti</source>
        <translation>Cancel the missing ones</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message numerus="yes">
        <source>%Ln IUV assegnati</source>
        <translation>
            <numerusform>%Ln IUV assigned</numerusform>
            <numerusform>%Ln IUVs assigned</numerusform>
        </translation>
    </message>
    <message>
        <source>Assegna IUV</source>
        <translation>Assign IUVs</translation>
    </message>
    <message>
        <source>Esporta flusso</source>
        <translation>Export flow</translation>
    </message>
    <message>
        <source>Versione del tracciato:</source>
        <translation>Layout version:</translation>
    </message>
    <message>
        <source>Flusso {0} scritto in {1} ({2}: {3} I, {4} M, {5} A).</source>
        <translation>Flow {0} written to {1} ({2}: {3} I, {4} M, {5} A).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti non validi esclusi: correggili nella tabella (colonna Errori).</source>
        <translation>
            <numerusform>%Ln invalid debt left out: fix it in the table (Errors column).</numerusform>
            <numerusform>%Ln invalid debts left out: fix them in the table (Errors column).</numerusform>
        </translation>
    </message>
    <message>
        <source>Esporta Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lista esportata in {0}</source>
        <translation>List exported to {0}</translation>
    </message>
    <message>
        <source>Invio al portale</source>
        <translation>Sending to the portal</translation>
    </message>
</context>
<context>
    <name>ListTexts</name>
    <message numerus="yes">
        <source>%Ln dovuti su {0} (filtro attivo)</source>
        <translation>
            <numerusform>%Ln debt of {0} (filter on)</numerusform>
            <numerusform>%Ln debts of {0} (filter on)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti</source>
        <translation>
            <numerusform>%Ln debt</numerusform>
            <numerusform>%Ln debts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln da inviare</source>
        <translation>
            <numerusform>%Ln to send</numerusform>
            <numerusform>%Ln to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln con errori</source>
        <translation>
            <numerusform>%Ln with errors</numerusform>
            <numerusform>%Ln with errors</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna lista. Crea una lista con «Nuova lista…» oppure importa un file con «Importa…» (Ctrl+I): Excel, CSV o un flusso MyPay.</source>
        <translation>No list yet. Create one with “New list…” or import a file with “Import…” (Ctrl+I): Excel, CSV or a MyPay flow.</translation>
    </message>
    <message>
        <source>Nessun dovuto corrisponde ai filtri: «Azzera» li toglie.</source>
        <translation>No debt matches the filters: “Clear” removes them.</translation>
    </message>
    <message>
        <source>La lista è vuota. Premi «Nuovo dovuto» (Ctrl+Maiusc+N) e scrivi il primo dovuto, incolla righe copiate da Excel (Ctrl+V) oppure importa un file con «Importa…» (Ctrl+I) o trascinandolo qui.</source>
        <translation>The list is empty. Press “New debt” (Ctrl+Shift+N) and type the first debt, paste rows copied from Excel (Ctrl+V), or import a file with “Import…” (Ctrl+I) or by dropping it here.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Nuova lista…</source>
        <translation>New list…</translation>
    </message>
    <message>
        <source>Rinomina…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Elimina</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Liste di dovuti</source>
        <translation>Debt lists</translation>
    </message>
    <message>
        <source>Filtro per scadenza: {0}</source>
        <translation>Due date filter: {0}</translation>
    </message>
    <message>
        <source>Annulla modifica</source>
        <translation>Undo change</translation>
    </message>
    <message>
        <source>Ripeti modifica</source>
        <translation>Redo change</translation>
    </message>
    <message>
        <source>Nuovo dovuto</source>
        <translation>New debt</translation>
    </message>
    <message>
        <source>Una riga nuova in fondo alla lista, con lo IUD successivo (Ctrl+Maiusc+N)</source>
        <translation>A new row at the end of the list, with the next IUD (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Dettaglio…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Debitore, importi, rate, ente secondario e bilancio</source>
        <translation>Debtor, amounts, instalments, secondary authority and budget breakdown</translation>
    </message>
    <message>
        <source>Importa…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Excel, CSV o flusso MyPay (anche trascinando il file sulla tabella)</source>
        <translation>Excel, CSV or MyPay flow (also by dropping the file on the table)</translation>
    </message>
    <message>
        <source>Modifiche in blocco…</source>
        <translation>Bulk changes…</translation>
    </message>
    <message>
        <source>Annulla dovuti</source>
        <translation>Cancel debts</translation>
    </message>
    <message>
        <source>Annulla i dovuti selezionati (sul portale con il prossimo invio)</source>
        <translation>Cancel the selected debts (on the portal with the next send)</translation>
    </message>
    <message>
        <source>Assegna IUV</source>
        <translation>Assign IUVs</translation>
    </message>
    <message>
        <source>Dà uno IUV dell&apos;Ente ai dovuti validi che non lo hanno, per stampare gli avvisi prima dell&apos;invio</source>
        <translation>Gives an IUV of the authority to the valid debts without one, to print the notices before sending</translation>
    </message>
    <message>
        <source>Esporta flusso MyPay…</source>
        <translation>Export MyPay flow…</translation>
    </message>
    <message>
        <source>Esporta Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Esporta</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Stampa avvisi…</source>
        <translation>Print notices…</translation>
    </message>
    <message>
        <source>La lista, o le righe selezionate (Ctrl+P)</source>
        <translation>The list, or the selected rows (Ctrl+P)</translation>
    </message>
    <message>
        <source>Invia al portale</source>
        <translation>Send to the portal</translation>
    </message>
    <message numerus="yes">
        <source>Eliminare la lista «{0}» con i suoi %Ln dovuti?</source>
        <translation>
            <numerusform>Delete the list “{0}” with its %Ln debt?</numerusform>
            <numerusform>Delete the list “{0}” with its %Ln debts?</numerusform>
        </translation>
    </message>
    <message>
        <source>Filtri tolti per mostrare il nuovo dovuto</source>
        <translation>Filters cleared to show the new debt</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti modificati</source>
        <translation>
            <numerusform>%Ln debt changed</numerusform>
            <numerusform>%Ln debts changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lasciati invariati ({0})</source>
        <translation>
            <numerusform>%Ln left unchanged ({0})</numerusform>
            <numerusform>%Ln left unchanged ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annullare %Ln dovuti? Quelli già sul portale saranno annullati con il prossimo invio.</source>
        <translation>
            <numerusform>Cancel %Ln debt? If it is already on the portal it will be cancelled with the next send.</numerusform>
            <numerusform>Cancel %Ln debts? Those already on the portal will be cancelled with the next send.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ripristina colonne</source>
        <translation>Reset columns</translation>
    </message>
    <message>
        <source>Invia le modifiche in attesa (inserimenti, modifiche, annullamenti): prima mostra che cosa partirà</source>
        <translation>Sends the pending changes (inserts, changes, cancellations): first shows what will go</translation>
    </message>
    <message>
        <source>Nessuna lista: creane una o importa un file</source>
        <translation>No lists: create one or import a file</translation>
    </message>
    <message>
        <source>Nuova lista</source>
        <translation>New list</translation>
    </message>
    <message>
        <source>Nome della lista:</source>
        <translation>List name:</translation>
    </message>
    <message>
        <source>Tipo dovuto predefinito:</source>
        <translation>Default debt type:</translation>
    </message>
    <message>
        <source>Rinomina lista</source>
        <translation>Rename list</translation>
    </message>
    <message>
        <source>Nuovo nome:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Elimina lista</source>
        <translation>Delete list</translation>
    </message>
    <message>
        <source>La lista «{0}» ha dovuti già inviati al portale: non si può eliminare. Annulla i dovuti che non servono più.</source>
        <translation>The list “{0}” has debts already sent to the portal: it cannot be deleted. Cancel the debts that are no longer needed.</translation>
    </message>
    <message>
        <source>dettaglio</source>
        <translation>details</translation>
    </message>
    <message>
        <source>Tipo dovuto in blocco</source>
        <translation>Debt type in bulk</translation>
    </message>
    <message>
        <source>Scadenza in blocco</source>
        <translation>Due date in bulk</translation>
    </message>
    <message>
        <source>Scadenze spostate</source>
        <translation>Due dates moved</translation>
    </message>
    <message>
        <source>Importi aumentati</source>
        <translation>Amounts increased</translation>
    </message>
    <message>
        <source>Causale da modello</source>
        <translation>Reason for payment from template</translation>
    </message>
    <message>
        <source>IUD generati</source>
        <translation>IUDs generated</translation>
    </message>
    <message>
        <source>Dovuti annullati</source>
        <translation>Debts cancelled</translation>
    </message>
    <message>
        <source>Interrotto</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>Importa dovuti</source>
        <translation>Import debts</translation>
    </message>
    <message>
        <source>File di dovuti (*.xlsx *.xlsm *.csv *.txt *.zip);;Tutti i file (*)</source>
        <translation>Debt files (*.xlsx *.xlsm *.csv *.txt *.zip);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ListsTableModel</name>
    <message>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dovuti</source>
        <translation>Debts</translation>
    </message>
    <message>
        <source>Nuovi</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Sul portale</source>
        <translation>On the portal</translation>
    </message>
    <message>
        <source>Pagati</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Annullati</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Con errori</source>
        <translation>With errors</translation>
    </message>
    <message>
        <source>Da inviare</source>
        <translation>To send</translation>
    </message>
    <message>
        <source>Totale</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Il logo pesa {0} kB: al massimo {1} kB</source>
        <translation>The logo is {0} kB: at most {1} kB</translation>
    </message>
    <message>
        <source>Il logo deve essere un&apos;immagine PNG o JPEG</source>
        <translation>The logo must be a PNG or JPEG image</translation>
    </message>
    <message>
        <source>L&apos;immagine del logo è danneggiata o illeggibile</source>
        <translation>The logo image is damaged or unreadable</translation>
    </message>
    <message>
        <source>Scegli…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Rimuovi</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Nessun logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Immagine non leggibile</source>
        <translation>Unreadable image</translation>
    </message>
    <message>
        <source>Scegli il logo dell&apos;Ente</source>
        <translation>Choose the authority&apos;s logo</translation>
    </message>
    <message>
        <source>Immagini PNG o JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Impossibile leggere {0}: {1}</source>
        <translation>Cannot read {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ente dimostrativo</source>
        <translation>Demo authority</translation>
    </message>
    <message>
        <source>versione {0}</source>
        <translation>version {0}</translation>
    </message>
    <message>
        <source>Liste di dovuti</source>
        <translation>Debt lists</translation>
    </message>
    <message>
        <source>Qui prepari le liste di dovuti dell&apos;Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L&apos;app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</source>
        <translation>Here you prepare the authority&apos;s debt lists: import from Excel, CSV or MyPay flows, fix the rows flagged as wrong, assign IUVs and notice numbers and print the payment notices. The app works out by itself which debts to send to the portal as new, changed or cancelled.</translation>
    </message>
    <message>
        <source>Portale</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Qui vedi i flussi inviati al portale MyPay e il loro esito (righe accettate e scartate), invii le modifiche in attesa e consulti il registro di ogni scambio con il portale.</source>
        <translation>Here you see the flows sent to the MyPay portal and their outcome (rows accepted and rejected), send the pending changes and look up the log of every exchange with the portal.</translation>
    </message>
    <message>
        <source>Pagamenti</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Qui trovi le ricevute dei pagamenti scaricate dal portale o importate da file, con il dovuto a cui corrispondono, e gli importi incassati per tipo dovuto.</source>
        <translation>Here you find the payment receipts downloaded from the portal or imported from files, with the debt they match, and the amounts collected per debt type.</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Qui importi i flussi di rendicontazione (FdR) e il giornale di cassa della tesoreria e confronti ricevute, rendicontazioni e accrediti, con il riepilogo per esito.</source>
        <translation>Here you import the reporting flows (FdR) and the treasury cash journal and match receipts, reports and credits, with a summary by outcome.</translation>
    </message>
    <message>
        <source>Registro attività</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <source>Chi ha fatto cosa e quando: ogni azione delle postazioni dell&apos;ufficio, con l&apos;utente e la postazione, filtrabile per utente, data e lista.</source>
        <translation>Who did what and when: every action of the office&apos;s desks, with the user and the desk, filtered by user, date and list.</translation>
    </message>
    <message>
        <source>Impostazioni</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</source>
        <translation>The authority&apos;s details, its debt types and the preferences of this workstation.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Modifica</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Vai</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>E&amp;nte</source>
        <translation>&amp;Authority</translation>
    </message>
    <message>
        <source>&amp;Aiuto</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Guida rapida</source>
        <translation>&amp;Quick guide</translation>
    </message>
    <message>
        <source>&amp;Informazioni</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Apri la cartella dei &amp;log</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>Aggiungi un Ente…</source>
        <translation>Add an authority…</translation>
    </message>
    <message>
        <source>Apri l&apos;Ente dimostrativo</source>
        <translation>Open the demo authority</translation>
    </message>
    <message>
        <source>Passa a:</source>
        <translation>Switch to:</translation>
    </message>
    <message>
        <source>Portale non raggiungibile: i flussi in sospeso ripartiranno alla prossima sincronizzazione.</source>
        <translation>Portal unreachable: the pending flows will restart at the next synchronisation.</translation>
    </message>
    <message>
        <source>Flussi in sospeso ripresi: {0}</source>
        <translation>Pending flows resumed: {0}</translation>
    </message>
    <message>
        <source>Ente corrente: {0}</source>
        <translation>Current authority: {0}</translation>
    </message>
    <message>
        <source>L&apos;Ente dimostrativo non è disponibile in questa versione dell&apos;app. Configura il tuo Ente con «Configura il tuo Ente».</source>
        <translation>The demo authority is not available in this version of the app. Set up your authority with “Set up your authority”.</translation>
    </message>
    <message>
        <source>Preparazione dell&apos;Ente dimostrativo</source>
        <translation>Preparing the demo authority</translation>
    </message>
    <message>
        <source>Ente dimostrativo pronto: il portale di prova è attivo.</source>
        <translation>Demo authority ready: the test portal is running.</translation>
    </message>
    <message>
        <source>L&apos;Ente dimostrativo non è pronto</source>
        <translation>The demo authority is not ready</translation>
    </message>
    <message>
        <source>Il portale di prova non è disponibile in questa versione.</source>
        <translation>The test portal is not available in this version.</translation>
    </message>
    <message>
        <source>Il portale di prova non si è avviato: {0}</source>
        <translation>The test portal did not start: {0}</translation>
    </message>
    <message>
        <source>Questa sezione non si è aperta per un errore imprevisto: i dettagli sono nel file di log. Le altre sezioni funzionano normalmente.</source>
        <translation>This section did not open because of an unexpected error: the details are in the log file. The other sections work as usual.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MyPay Desk {0}&lt;/h3&gt;&lt;p&gt;Back-office per gli Enti che incassano con pagoPA tramite MyPay: liste di dovuti, avvisi, allineamento con il portale, ricevute e riconciliazione.&lt;/p&gt;&lt;p&gt;Spazio di lavoro: {1}&lt;br&gt;File di log: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MyPay Desk {0}&lt;/h3&gt;&lt;p&gt;Back office for authorities collecting pagoPA payments through MyPay: debt lists, notices, alignment with the portal, receipts and reconciliation.&lt;/p&gt;&lt;p&gt;Workspace: {1}&lt;br&gt;Log file: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>non attivo</source>
        <translation>not active</translation>
    </message>
    <message>
        <source>Informazioni su MyPay Desk</source>
        <translation>About MyPay Desk</translation>
    </message>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Ci sono modifiche non salvate in: {0}. Vuoi lasciarle?</source>
        <translation>There are unsaved changes in: {0}. Discard them?</translation>
    </message>
    <message>
        <source>Operazioni in corso</source>
        <translation>Operations running</translation>
    </message>
    <message>
        <source>Alcune operazioni sono ancora in corso. Annullarle e uscire? Quanto già completato resta salvato.</source>
        <translation>Some operations are still running. Cancel them and quit? Whatever has been completed stays saved.</translation>
    </message>
</context>
<context>
    <name>MenuBuilder</name>
    <message>
        <source>&amp;Importa…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Esporta in Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>Esporta &amp;flusso MyPay…</source>
        <translation>Export MyPay &amp;flow…</translation>
    </message>
    <message>
        <source>&amp;Stampa avvisi…</source>
        <translation>&amp;Print notices…</translation>
    </message>
    <message>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Annulla</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Ripeti</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Taglia</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copia</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>I&amp;ncolla</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Seleziona tutto</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <source>&amp;Trova…</source>
        <translation>&amp;Find…</translation>
    </message>
</context>
<context>
    <name>NoticePreviewDialog</name>
    <message>
        <source>Anteprima avvisi – {0}</source>
        <translation>Notice preview – {0}</translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Apri con il visualizzatore</source>
        <translation>Open with the viewer</translation>
    </message>
    <message>
        <source>Salva una copia…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>Pagina precedente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Pagina successiva</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Riduci</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Ingrandisci</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Adatta alla larghezza</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Pagina intera</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Impossibile aprire {0}</source>
        <translation>Cannot open {0}</translation>
    </message>
    <message>
        <source> di {0}</source>
        <translation> of {0}</translation>
    </message>
    <message>
        <source>Stampa avvisi</source>
        <translation>Print notices</translation>
    </message>
    <message>
        <source>Stampa in corso…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>La stampante non è disponibile.</source>
        <translation>The printer is not available.</translation>
    </message>
    <message>
        <source>Salva una copia</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Documento PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Impossibile salvare: {0}</source>
        <translation>Cannot save: {0}</translation>
    </message>
</context>
<context>
    <name>NoticeTexts</name>
    <message numerus="yes">
        <source>%Ln pagine</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi ({0}) salvati in {1}</source>
        <translation>
            <numerusform>%Ln notice ({0}) saved in {1}</numerusform>
            <numerusform>%Ln notices ({0}) saved in {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi salvati, un PDF per dovuto, in {0}</source>
        <translation>
            <numerusform>%Ln notice saved, one PDF per debt, in {0}</numerusform>
            <numerusform>%Ln notices saved, one PDF per debt, in {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Pagamento presso lo sportello</source>
        <translation>Payment at the desk</translation>
    </message>
    <message>
        <source>Il cittadino può pagare ora il dovuto {0} di {1}: inquadri il codice QR con lo smartphone oppure apra il collegamento.</source>
        <translation>The citizen can pay debt {0} of {1} now: scan the QR code with a smartphone or open the link.</translation>
    </message>
    <message>
        <source>Numero avviso: {0}</source>
        <translation>Notice number: {0}</translation>
    </message>
    <message>
        <source>non ancora assegnato</source>
        <translation>not assigned yet</translation>
    </message>
    <message>
        <source>Copia il collegamento</source>
        <translation>Copy the link</translation>
    </message>
    <message>
        <source>Apri nel browser</source>
        <translation>Open in the browser</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Importa file ricevute…</source>
        <translation>Import receipts file…</translation>
    </message>
    <message>
        <source>Importa un export delle ricevute di MyPay (ZIP o CSV, tracciato 1.0-1.3)</source>
        <translation>Import a MyPay receipts export (ZIP or CSV, layout 1.0-1.3)</translation>
    </message>
    <message>
        <source>Scarica ricevute dal portale</source>
        <translation>Download receipts from the portal</translation>
    </message>
    <message>
        <source>Chiede al portale le ricevute arrivate dall&apos;ultimo scaricamento</source>
        <translation>Asks the portal for the receipts that arrived since the last download</translation>
    </message>
    <message>
        <source>Esporta in Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>al</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Tutti i tipi dovuto</source>
        <translation>All debt types</translation>
    </message>
    <message>
        <source>Filtro per data: {0}</source>
        <translation>Date filter: {0}</translation>
    </message>
    <message>
        <source>Cerca IUV, IUD, debitore, PSP, causale…</source>
        <translation>Search IUV, IUD, debtor, PSP, reason…</translation>
    </message>
    <message>
        <source>Tutte le ricevute</source>
        <translation>All receipts</translation>
    </message>
    <message>
        <source>Abbinate a un dovuto</source>
        <translation>Matched to a debt</translation>
    </message>
    <message>
        <source>Non abbinate</source>
        <translation>Not matched</translation>
    </message>
    <message>
        <source>Pagati dal</source>
        <translation>Paid from</translation>
    </message>
    <message>
        <source>Automatico</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Per giorno</source>
        <translation>By day</translation>
    </message>
    <message>
        <source>Per mese</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>Incassi nel tempo</source>
        <translation>Collections over time</translation>
    </message>
    <message>
        <source>Pagamenti</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Ricevute non disponibili: {0}</source>
        <translation>Receipts not available: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute</source>
        <translation>
            <numerusform>%Ln receipt</numerusform>
            <numerusform>%Ln receipts</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} incassati</source>
        <translation>{0} collected</translation>
    </message>
    <message numerus="yes">
        <source>%Ln abbinate ({0})</source>
        <translation>
            <numerusform>%Ln matched ({0})</numerusform>
            <numerusform>%Ln matched ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln non abbinate ({0})</source>
        <translation>
            <numerusform>%Ln unmatched ({0})</numerusform>
            <numerusform>%Ln unmatched ({0})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute lette</source>
        <translation>
            <numerusform>%Ln receipt read</numerusform>
            <numerusform>%Ln receipts read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln nuove</source>
        <translation>
            <numerusform>%Ln new</numerusform>
            <numerusform>%Ln new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abbinate a un dovuto</source>
        <translation>
            <numerusform>%Ln matched to a debt</numerusform>
            <numerusform>%Ln matched to a debt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln senza dovuto</source>
        <translation>
            <numerusform>%Ln without a debt</numerusform>
            <numerusform>%Ln without a debt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln erano già presenti.</source>
        <translation>
            <numerusform>%Ln was already there.</numerusform>
            <numerusform>%Ln were already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute importate in precedenza ora abbinate.</source>
        <translation>
            <numerusform>%Ln receipt imported earlier now matched.</numerusform>
            <numerusform>%Ln receipts imported earlier now matched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe rifiutate (le altre sono state importate): vedi i dettagli.</source>
        <translation>
            <numerusform>%Ln row refused (the others were imported): see the details.</numerusform>
            <numerusform>%Ln rows refused (the others were imported): see the details.</numerusform>
        </translation>
    </message>
    <message>
        <source>riga {0}</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>, colonna {0}</source>
        <translation>, column {0}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ricevute esportate in {0}</source>
        <translation>
            <numerusform>%Ln receipt exported to {0}</numerusform>
            <numerusform>%Ln receipts exported to {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Non abbinate per tipo dovuto: {0}</source>
        <translation>Not matched by debt type: {0}</translation>
    </message>
    <message>
        <source>Incassi per mese</source>
        <translation>Collections by month</translation>
    </message>
    <message>
        <source>Incassi per giorno</source>
        <translation>Collections by day</translation>
    </message>
    <message>
        <source>Importa file ricevute</source>
        <translation>Import receipts file</translation>
    </message>
    <message>
        <source>Export ricevute MyPay (*.zip *.csv);;Tutti i file (*)</source>
        <translation>MyPay receipts export (*.zip *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Importazione delle ricevute da {0}</source>
        <translation>Importing the receipts from {0}</translation>
    </message>
    <message>
        <source>Importazione ricevute</source>
        <translation>Receipts import</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute interrotto: la richiesta al portale è conservata e verrà ripresa</source>
        <translation>Receipts download interrupted: the request to the portal is kept and will be resumed</translation>
    </message>
    <message>
        <source>Ricevute dal portale</source>
        <translation>Receipts from the portal</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute dal portale</source>
        <translation>Downloading the receipts from the portal</translation>
    </message>
    <message>
        <source>Nessuna nuova ricevuta sul portale.</source>
        <translation>No new receipts on the portal.</translation>
    </message>
    <message>
        <source>Esporta in Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Cartella di Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Esportazione in Excel</source>
        <translation>Export to Excel</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Questa sezione non è ancora disponibile in questa versione.</source>
        <translation>This section is not available yet in this version.</translation>
    </message>
</context>
<context>
    <name>PortalDesk</name>
    <message>
        <source>Dovuto {0} inviato al portale.</source>
        <translation>Debt {0} sent to the portal.</translation>
    </message>
    <message>
        <source>Numero avviso: {0}</source>
        <translation>Notice number: {0}</translation>
    </message>
    <message>
        <source>Invio immediato</source>
        <translation>Immediate sending</translation>
    </message>
    <message>
        <source>Il portale ha rifiutato il dovuto {0}:
{1} {2}</source>
        <translation>The portal rejected debt {0}:
{1} {2}</translation>
    </message>
    <message>
        <source>Invio del dovuto al portale</source>
        <translation>Sending the debt to the portal</translation>
    </message>
    <message>
        <source>Avvio del pagamento</source>
        <translation>Starting the payment</translation>
    </message>
</context>
<context>
    <name>PortalModels</name>
    <message>
        <source>Flusso (IUF)</source>
        <translation>Flow (IUF)</translation>
    </message>
    <message>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stato sul portale</source>
        <translation>Status on the portal</translation>
    </message>
    <message>
        <source>Creato</source>
        <translation>Created</translation>
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
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Rifiutati</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Errore</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Riga</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Messaggio</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Risposta</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Operazione</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Durata (ms)</source>
        <translation>Duration (ms)</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Outcome</translation>
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
        <translation>Portal</translation>
    </message>
    <message>
        <source>Connessione a MyPay, invio delle modifiche in attesa, flussi inviati e registro degli scambi.</source>
        <translation>Connection to MyPay, sending the pending changes, flows sent and the log of exchanges.</translation>
    </message>
    <message>
        <source>Flussi inviati</source>
        <translation>Flows sent</translation>
    </message>
    <message>
        <source>Registro degli scambi</source>
        <translation>Exchange log</translation>
    </message>
    <message>
        <source>Sportello</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Connessione al portale</source>
        <translation>Connection to the portal</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Prova connessione</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Indirizzo del portale</source>
        <translation>Portal address</translation>
    </message>
    <message>
        <source>Codice IPA</source>
        <translation>IPA code</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sincronizza una lista</source>
        <translation>Synchronise a list</translation>
    </message>
    <message>
        <source>Sincronizza</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Reinvia anche i dovuti rifiutati e non modificati</source>
        <translation>Also resend the rejected debts that were not changed</translation>
    </message>
    <message>
        <source>Sportello: un dovuto subito</source>
        <translation>Desk: one debt at once</translation>
    </message>
    <message>
        <source>IUD del dovuto</source>
        <translation>IUD of the debt</translation>
    </message>
    <message>
        <source>Invia subito</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Invia al portale solo questo dovuto, senza attendere un flusso</source>
        <translation>Send only this debt to the portal, without waiting for a flow</translation>
    </message>
    <message>
        <source>Avvia pagamento</source>
        <translation>Start payment</translation>
    </message>
    <message>
        <source>Il cittadino paga ora: mostra il collegamento e il codice QR</source>
        <translation>The citizen pays now: show the link and the QR code</translation>
    </message>
    <message>
        <source>Righe rifiutate del flusso selezionato</source>
        <translation>Rejected rows of the selected flow</translation>
    </message>
    <message>
        <source>Riprendi il flusso</source>
        <translation>Resume the flow</translation>
    </message>
    <message>
        <source>Verifica sul portale e completa un invio interrotto</source>
        <translation>Check on the portal and complete an interrupted sending</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Ogni scambio con il portale: operazione, durata, esito e codice d&apos;errore. Password e token non vengono mai registrati.</source>
        <translation>Every exchange with the portal: operation, duration, outcome and error code. Passwords and tokens are never logged.</translation>
    </message>
    <message>
        <source>Dati del portale non disponibili: {0}</source>
        <translation>Portal data not available: {0}</translation>
    </message>
    <message>
        <source>Nessun Ente configurato</source>
        <translation>No authority set up</translation>
    </message>
    <message>
        <source>Indirizzo salvato: {0}</source>
        <translation>Saved address: {0}</translation>
    </message>
    <message>
        <source>nessuno</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>%Ln con errori da correggere</source>
        <translation>
            <numerusform>%Ln with errors to fix</numerusform>
            <numerusform>%Ln with errors to fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutati e non modificati</source>
        <translation>
            <numerusform>%Ln rejected and not changed</numerusform>
            <numerusform>%Ln rejected and not changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln in un flusso in corso</source>
        <translation>
            <numerusform>%Ln in a flow in progress</numerusform>
            <numerusform>%Ln in a flow in progress</numerusform>
        </translation>
    </message>
    <message>
        <source>non impostata</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>salvata (vuota: non cambia)</source>
        <translation>saved (empty: unchanged)</translation>
    </message>
    <message>
        <source>La password è conservata in: {0}. Non viene mai scritta nel database né nel registro.</source>
        <translation>The password is kept in: {0}. It is never written to the database or the log.</translation>
    </message>
    <message>
        <source>● raggiungibile</source>
        <translation>● reachable</translation>
    </message>
    <message>
        <source>● non raggiungibile</source>
        <translation>● unreachable</translation>
    </message>
    <message>
        <source>● non ancora contattato</source>
        <translation>● not contacted yet</translation>
    </message>
    <message>
        <source>Nessuna lista: creane una nella pagina Liste di dovuti.</source>
        <translation>No lists: create one on the Debt lists page.</translation>
    </message>
    <message>
        <source>In attesa: {0} da inserire, {1} da modificare, {2} da annullare</source>
        <translation>Pending: {0} to insert, {1} to modify, {2} to cancel</translation>
    </message>
    <message>
        <source>Righe rifiutate del flusso {0}</source>
        <translation>Rejected rows of flow {0}</translation>
    </message>
    <message>
        <source>Connessione al portale salvata</source>
        <translation>Portal connection saved</translation>
    </message>
    <message>
        <source>Verifica in corso…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Sincronizzazione in corso…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Sincronizzazione della lista «{0}»</source>
        <translation>Synchronising the list “{0}”</translation>
    </message>
    <message>
        <source>Le righe rifiutate sono elencate sotto, con il motivo: correggile e sincronizza di nuovo.</source>
        <translation>The rejected rows are listed below, with the reason: correct them and synchronise again.</translation>
    </message>
    <message>
        <source>… e altri {0}</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <source>Sincronizzazione</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sincronizzazione annullata: quanto già inviato sarà verificato e completato alla prossima sincronizzazione.</source>
        <translation>Synchronisation cancelled: whatever was already sent will be checked and completed at the next synchronisation.</translation>
    </message>
    <message>
        <source>Ripresa del flusso {0}</source>
        <translation>Resuming flow {0}</translation>
    </message>
    <message>
        <source>Invio immediato</source>
        <translation>Immediate sending</translation>
    </message>
    <message>
        <source>Avvio del pagamento</source>
        <translation>Starting the payment</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Riga</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Tax code / VAT no.</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>Errori</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Da correggere</source>
        <translation>To correct</translation>
    </message>
    <message>
        <source>Valida</source>
        <translation>Valid</translation>
    </message>
</context>
<context>
    <name>ReceiptDetailPane</name>
    <message>
        <source>Seleziona una ricevuta per vederne il dettaglio</source>
        <translation>Select a receipt to see its details</translation>
    </message>
    <message>
        <source>Colonna</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Valore</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Ricevuta</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Colonne dell&apos;export</source>
        <translation>Export columns</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>Ricevuta IUV {0} · {1}</source>
        <translation>Receipt IUV {0} · {1}</translation>
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
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Importo dovuto</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Pagato</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Reason for payment</translation>
    </message>
    <message>
        <source>Rata</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Eccedenza</source>
        <translation>Excess</translation>
    </message>
    <message>
        <source>Ancora da pagare</source>
        <translation>Still to pay</translation>
    </message>
    <message>
        <source>Pagamento incassato per conto di un altro Ente (ente secondario).</source>
        <translation>Payment collected on behalf of another authority (secondary authority).</translation>
    </message>
    <message>
        <source>Nessun dovuto locale corrisponde a questa ricevuta (pagamento spontaneo o dovuto non presente nelle liste): è elencata tra i non abbinati del tipo «{0}».</source>
        <translation>No local debt matches this receipt (spontaneous payment or debt not in the lists): it is listed among the unmatched ones of type “{0}”.</translation>
    </message>
    <message>
        <source>(l&apos;export non conteneva la ricevuta XML)</source>
        <translation>(the export did not contain the XML receipt)</translation>
    </message>
</context>
<context>
    <name>ReceiptTableModel</name>
    <message>
        <source>Data pagamento</source>
        <translation>Payment date</translation>
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
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>PSP</source>
        <translation>PSP</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Abbinamento</source>
        <translation>Match</translation>
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <source>Importa file…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <source>Flussi di rendicontazione dei PSP (XML o ZIP), giornale di cassa OPI (XML) o estratto conto (CSV)</source>
        <translation>PSP reporting flows (XML or ZIP), OPI cash journal (XML) or bank statement (CSV)</translation>
    </message>
    <message>
        <source>Importa cartella…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <source>Riconcilia</source>
        <translation>Reconcile</translation>
    </message>
    <message>
        <source>Classifica di nuovo i pagamenti: solo ciò che è cambiato viene riscritto, note e segni di «risolto» restano</source>
        <translation>Classify the payments again: only what changed is rewritten, notes and “resolved” marks stay</translation>
    </message>
    <message>
        <source>Esporta Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Esporta CSV MyPivot…</source>
        <translation>Export MyPivot CSV…</translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cerca IUV, IUF o nota…</source>
        <translation>Search IUV, IUF or note…</translation>
    </message>
    <message>
        <source>Solo da verificare</source>
        <translation>Only to check</translation>
    </message>
    <message>
        <source>Riconciliazione</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Configura prima l&apos;Ente nelle Impostazioni.</source>
        <translation>Set up the authority in the Settings first.</translation>
    </message>
    <message>
        <source>Riconciliazione non disponibile: {0}</source>
        <translation>Reconciliation not available: {0}</translation>
    </message>
    <message>
        <source>{0} pagamenti riconciliati ({1}) · {2} anomalie da verificare</source>
        <translation>{0} payments reconciled ({1}) · {2} anomalies to check</translation>
    </message>
    <message>
        <source>Ultima riconciliazione: {0} in {1} s; {2}, {3} aggiornati, {4} rimossi.</source>
        <translation>Last reconciliation: {0} in {1} s; {2}, {3} updated, {4} removed.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pagamenti esaminati</source>
        <translation>
            <numerusform>%Ln payment examined</numerusform>
            <numerusform>%Ln payments examined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln risultati nuovi</source>
        <translation>
            <numerusform>%Ln new result</numerusform>
            <numerusform>%Ln new results</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessun risultato: importa i flussi di rendicontazione e la tesoreria, poi premi «Riconcilia».</source>
        <translation>No results: import the reporting flows and the treasury, then press “Reconcile”.</translation>
    </message>
    <message>
        <source>Sono arrivati nuovi dati (ricevute o dovuti): premi «Riconcilia» per aggiornare.</source>
        <translation>New data have arrived (receipts or debts): press “Reconcile” to update.</translation>
    </message>
    <message>
        <source>{0} · {1}: {2}</source>
        <translation>{0} · {1}: {2}</translation>
    </message>
    <message>
        <source>Nota salvata</source>
        <translation>Note saved</translation>
    </message>
    <message>
        <source>Salva nota</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Segnato come risolto</source>
        <translation>Marked as resolved</translation>
    </message>
    <message>
        <source>Riaperto</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Importa rendicontazioni e tesoreria</source>
        <translation>Import reports and treasury</translation>
    </message>
    <message>
        <source>Rendicontazioni e tesoreria (*.xml *.zip *.csv *.txt);;Tutti i file (*)</source>
        <translation>Reports and treasury (*.xml *.zip *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Importazione di {0}</source>
        <translation>Importing {0}</translation>
    </message>
    <message>
        <source>Importa una cartella di flussi</source>
        <translation>Import a folder of flows</translation>
    </message>
    <message>
        <source>Importazione della cartella {0}</source>
        <translation>Importing the folder {0}</translation>
    </message>
    <message>
        <source>Importazione</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>{0}: già importato, nulla da aggiungere</source>
        <translation>{0}: already imported, nothing to add</translation>
    </message>
    <message>
        <source>{0}: {1} ({2} nuovi), {3} ({4} nuovi)</source>
        <translation>{0}: {1} ({2} new), {3} ({4} new)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln flussi</source>
        <translation>
            <numerusform>%Ln flow</numerusform>
            <numerusform>%Ln flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln movimenti di tesoreria</source>
        <translation>
            <numerusform>%Ln treasury movement</numerusform>
            <numerusform>%Ln treasury movements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln movimenti non di entrata ignorati</source>
        <translation>
            <numerusform>%Ln non-income movement ignored</numerusform>
            <numerusform>%Ln non-income movements ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe esportate in {0}</source>
        <translation>
            <numerusform>%Ln row exported to {0}</numerusform>
            <numerusform>%Ln rows exported to {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>attenzione: {0}</source>
        <translation>warning: {0}</translation>
    </message>
    <message>
        <source>Nessun file importato.</source>
        <translation>No file imported.</translation>
    </message>
    <message>
        <source>Alcuni documenti sono stati rifiutati o hanno avvisi: vedi i dettagli. Nulla di quanto già salvato è stato perso.</source>
        <translation>Some documents were rejected or have warnings: see the details. Nothing already saved has been lost.</translation>
    </message>
    <message>
        <source>Riconciliazione annullata: i risultati precedenti sono invariati</source>
        <translation>Reconciliation cancelled: the previous results are unchanged</translation>
    </message>
    <message>
        <source>Riconciliazione dei pagamenti</source>
        <translation>Reconciling the payments</translation>
    </message>
    <message>
        <source>Esporta in Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Cartella di Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Esporta CSV stile MyPivot</source>
        <translation>Export MyPivot-style CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Esportazione della riconciliazione</source>
        <translation>Exporting the reconciliation</translation>
    </message>
    <message>
        <source>Esportazione</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ResultDetailPane</name>
    <message>
        <source>Nota dell&apos;operatore (es. «sollecitato il PSP il 12/03»)</source>
        <translation>Operator&apos;s note (e.g. “PSP reminded on 12/03”)</translation>
    </message>
    <message>
        <source>Salva nota</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Segna come risolto</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <source>Seleziona un pagamento per confrontare dovuto, ricevuta, rendicontazione e tesoreria</source>
        <translation>Select a payment to compare debt, receipt, report and treasury</translation>
    </message>
    <message>
        <source>Risolto da {0}{1}</source>
        <translation>Resolved by {0}{1}</translation>
    </message>
    <message>
        <source>Riapri</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Da verificare</source>
        <translation>To check</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>IUV / chiave</source>
        <translation>IUV / key</translation>
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
        <translation>Amount</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pagatore / ordinante</source>
        <translation>Payer / ordering party</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Risolto da {0}{1}</source>
        <translation>Resolved by {0}{1}</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>SendConfirmBox</name>
    <message>
        <source>Invia al portale</source>
        <translation>Send to portal</translation>
    </message>
    <message numerus="yes">
        <source>Un invio precedente della lista «{0}» non è ancora concluso (%Ln dovuti).</source>
        <translation>
            <numerusform>A previous send of the list «{0}» is not finished yet (%Ln debt).</numerusform>
            <numerusform>A previous send of the list «{0}» is not finished yet (%Ln debts).</numerusform>
        </translation>
    </message>
    <message>
        <source>Riprendilo: il portale dice se lo ha elaborato e il suo esito viene applicato ai dovuti.</source>
        <translation>Resume it: the portal says whether it has processed it, and its outcome is applied to the debts.</translation>
    </message>
    <message>
        <source>Riprendi l&apos;invio</source>
        <translation>Resume the send</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare per la lista «{0}».</source>
        <translation>No change to send for the list “{0}”.</translation>
    </message>
    <message>
        <source>Inviare al portale le modifiche della lista «{0}»?</source>
        <translation>Send the changes of the list “{0}” to the portal?</translation>
    </message>
    <message numerus="yes">
        <source>Invia %Ln dovuti</source>
        <translation>
            <numerusform>Send %Ln debt</numerusform>
            <numerusform>Send %Ln debts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserimenti</source>
        <translation>
            <numerusform>%Ln insert</numerusform>
            <numerusform>%Ln inserts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annullamenti</source>
        <translation>
            <numerusform>%Ln cancellation</numerusform>
            <numerusform>%Ln cancellations</numerusform>
        </translation>
    </message>
    <message>
        <source>Saranno inviati: {0}.</source>
        <translation>Will be sent: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe con errori escluse (correggile nella colonna Errori)</source>
        <translation>
            <numerusform>%Ln row with errors left out (fix it in the Errors column)</numerusform>
            <numerusform>%Ln rows with errors left out (fix them in the Errors column)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln righe rifiutate dal portale e non modificate escluse</source>
        <translation>
            <numerusform>%Ln row rejected by the portal and not changed left out</numerusform>
            <numerusform>%Ln rows rejected by the portal and not changed left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti di un invio precedente ancora in corso</source>
        <translation>
            <numerusform>%Ln debt of an earlier send still in progress</numerusform>
            <numerusform>%Ln debts of an earlier send still in progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendResultBox</name>
    <message>
        <source>Invia al portale</source>
        <translation>Send to portal</translation>
    </message>
    <message numerus="yes">
        <source>Rifiutati dal portale (%Ln):</source>
        <translation>
            <numerusform>Rejected by the portal (%Ln):</numerusform>
            <numerusform>Rejected by the portal (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Già sul portale, ripresi (%Ln):</source>
        <translation>
            <numerusform>Already on the portal, taken back (%Ln):</numerusform>
            <numerusform>Already on the portal, taken back (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Non modificati perché cambiati sul portale (%Ln):</source>
        <translation>
            <numerusform>Not changed because changed on the portal (%Ln):</numerusform>
            <numerusform>Not changed because changed on the portal (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Non inviati (%Ln):</source>
        <translation>
            <numerusform>Not sent (%Ln):</numerusform>
            <numerusform>Not sent (%Ln):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inserimenti</source>
        <translation>
            <numerusform>%Ln insert</numerusform>
            <numerusform>%Ln inserts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annullamenti</source>
        <translation>
            <numerusform>%Ln cancellation</numerusform>
            <numerusform>%Ln cancellations</numerusform>
        </translation>
    </message>
    <message>
        <source>Flusso {0} ({1}): {2}, {3}</source>
        <translation>Flow {0} ({1}): {2}, {3}</translation>
    </message>
    <message>
        <source>Flusso {0} ripreso ({1}): {2}, {3}</source>
        <translation>Flow {0} resumed ({1}): {2}, {3}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln accettati</source>
        <translation>
            <numerusform>%Ln accepted</numerusform>
            <numerusform>%Ln accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutati</source>
        <translation>
            <numerusform>%Ln rejected</numerusform>
            <numerusform>%Ln rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln dei rifiutati erano già sul portale e sono stati ripresi)</source>
        <translation>
            <numerusform>(%Ln of the rejected was already on the portal and was taken back)</numerusform>
            <numerusform>(%Ln of the rejected were already on the portal and were taken back)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Impostazioni</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>I dati dell&apos;Ente, i tipi dovuto e le preferenze di questa postazione.</source>
        <translation>The authority&apos;s details, its debt types and the preferences of this workstation.</translation>
    </message>
    <message>
        <source>Ente</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Tipi dovuto</source>
        <translation>Debt types</translation>
    </message>
    <message>
        <source>Preferenze</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Lingua</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>La lingua scelta si applica al prossimo avvio dell&apos;app.</source>
        <translation>The chosen language applies the next time the app starts.</translation>
    </message>
    <message>
        <source>Lingua dell&apos;interfaccia</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Spazio di lavoro</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Cartella</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Apri la cartella dei log</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Postazione</source>
        <translation>Desk</translation>
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
        <translation>Language saved: it will be used at the next start.</translation>
    </message>
</context>
<context>
    <name>SkippedDialog</name>
    <message>
        <source>Dovuti senza avviso</source>
        <translation>Debts without a notice</translation>
    </message>
    <message numerus="yes">
        <source>%Ln avvisi stampati</source>
        <translation>
            <numerusform>%Ln notice printed</numerusform>
            <numerusform>%Ln notices printed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti saltati:</source>
        <translation>
            <numerusform>%Ln debt skipped:</numerusform>
            <numerusform>%Ln debts skipped:</numerusform>
        </translation>
    </message>
    <message>
        <source>IUD</source>
        <translation>IUD</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Copia elenco</source>
        <translation>Copy list</translation>
    </message>
</context>
<context>
    <name>SpreadsheetView</name>
    <message>
        <source>Copia	Ctrl+C</source>
        <translation>Copy	Ctrl+C</translation>
    </message>
    <message>
        <source>Taglia	Ctrl+X</source>
        <translation>Cut	Ctrl+X</translation>
    </message>
    <message>
        <source>Incolla	Ctrl+V</source>
        <translation>Paste	Ctrl+V</translation>
    </message>
    <message>
        <source>Cancella contenuto</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <source>Seleziona tutto	Ctrl+A</source>
        <translation>Select all	Ctrl+A</translation>
    </message>
    <message numerus="yes">
        <source>Copiate %Ln righe.</source>
        <translation>
            <numerusform>%Ln row copied.</numerusform>
            <numerusform>%Ln rows copied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Selezione troppo grande da copiare: usa «Esporta Excel».</source>
        <translation>Selection too large to copy: use “Export Excel”.</translation>
    </message>
</context>
<context>
    <name>StatusBarWidget</name>
    <message>
        <source>Ente: {0} ({1})</source>
        <translation>Authority: {0} ({1})</translation>
    </message>
    <message>
        <source>· dimostrativo</source>
        <translation>· demo</translation>
    </message>
    <message>
        <source>Nessun Ente configurato</source>
        <translation>No authority set up</translation>
    </message>
    <message>
        <source>Portale: in linea</source>
        <translation>Portal: online</translation>
    </message>
    <message>
        <source>Portale: non raggiungibile</source>
        <translation>Portal: unreachable</translation>
    </message>
    <message>
        <source>Portale: stato sconosciuto</source>
        <translation>Portal: status unknown</translation>
    </message>
    <message>
        <source>Portale: non configurato</source>
        <translation>Portal: not configured</translation>
    </message>
    <message>
        <source>Modifiche in attesa: —</source>
        <translation>Pending changes: —</translation>
    </message>
    <message numerus="yes">
        <source>Modifiche in attesa: %Ln</source>
        <translation>
            <numerusform>Pending changes: %Ln</numerusform>
            <numerusform>Pending changes: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Dovuti da inviare al portale, in tutte le liste dell&apos;Ente</source>
        <translation>Debts to send to the portal, in all the lists of the Ente</translation>
    </message>
    <message>
        <source>In corso: {0}</source>
        <translation>Running: {0}</translation>
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
        <translation>Code</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Numero</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Da verificare</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>Anomalia da verificare</source>
        <translation>Anomaly to check</translation>
    </message>
    <message>
        <source>Pagamenti riconciliati</source>
        <translation>Reconciled payments</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{0}
Annullamento in corso…</source>
        <translation>{0}
Cancelling…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Operazione</source>
        <translation>Operation</translation>
    </message>
</context>
<context>
    <name>TypesEditor</name>
    <message>
        <source>Nuovo tipo dovuto</source>
        <translation>New debt type</translation>
    </message>
    <message>
        <source>Elimina</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>es. TARI</source>
        <translation>e.g. TARI</translation>
    </message>
    <message>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>es. 9/0101108TS/</source>
        <translation>e.g. 9/0101108TS/</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione: tipo contabilità / codice di tassonomia, es. 9/0101108TS/</source>
        <translation>Collection data: accounting type / taxonomy code, e.g. 9/0101108TS/</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Collection data (taxonomy)</translation>
    </message>
    <message>
        <source>facoltativo</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>IBAN di accredito</source>
        <translation>Credit IBAN</translation>
    </message>
    <message>
        <source>facoltativo, fino a 12 cifre</source>
        <translation>optional, up to 12 digits</translation>
    </message>
    <message>
        <source>Conto corrente postale</source>
        <translation>Postal account</translation>
    </message>
    <message>
        <source>Settore</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Scadenza obbligatoria</source>
        <translation>Due date required</translation>
    </message>
    <message>
        <source>Stampa la scadenza sull&apos;avviso</source>
        <translation>Print the due date on the notice</translation>
    </message>
    <message>
        <source>Ammette debitori anonimi</source>
        <translation>Anonymous debtors allowed</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Opzioni</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Salva tipo dovuto</source>
        <translation>Save debt type</translation>
    </message>
    <message>
        <source>Annulla modifiche</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Tipi dovuto non caricati</source>
        <translation>Debt types not loaded</translation>
    </message>
    <message>
        <source>Modifiche non salvate</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Il tipo dovuto ha modifiche non salvate. Vuoi lasciarle?</source>
        <translation>The debt type has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>Tipo dovuto {0}</source>
        <translation>Debt type {0}</translation>
    </message>
    <message>
        <source>Il tipo dovuto «{0}» esiste già: selezionalo nella tabella per modificarlo</source>
        <translation>The debt type “{0}” already exists: select it in the table to edit it</translation>
    </message>
    <message>
        <source>Salvataggio del tipo dovuto</source>
        <translation>Saving the debt type</translation>
    </message>
    <message>
        <source>Tipo dovuto {0} salvato.</source>
        <translation>Debt type {0} saved.</translation>
    </message>
    <message>
        <source>Il tipo dovuto non è stato salvato</source>
        <translation>The debt type was not saved</translation>
    </message>
    <message>
        <source>Elimina tipo dovuto</source>
        <translation>Delete debt type</translation>
    </message>
    <message>
        <source>Eliminare il tipo dovuto «{0}»? I dovuti già creati con questo tipo restano, ma non potrai crearne di nuovi. Per sospenderlo soltanto, togli «Attivo».</source>
        <translation>Delete the debt type “{0}”? Debts already created with this type remain, but you will not be able to create new ones. To suspend it only, clear “Active”.</translation>
    </message>
    <message>
        <source>Tipo dovuto {0} eliminato.</source>
        <translation>Debt type {0} deleted.</translation>
    </message>
    <message>
        <source>Il tipo dovuto non è stato eliminato</source>
        <translation>The debt type was not deleted</translation>
    </message>
</context>
<context>
    <name>TypesModel</name>
    <message>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Descrizione</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Collection data (taxonomy)</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>yes</translation>
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
        <translation>Print notices</translation>
    </message>
    <message numerus="yes">
        <source>%Ln dovuti hanno importo o scadenza diversi da quelli sul portale: le modifiche non sono ancora state inviate.</source>
        <translation>
            <numerusform>%Ln debt has an amount or due date different from the portal&apos;s: the change has not been sent yet.</numerusform>
            <numerusform>%Ln debts have an amount or due date different from the portal&apos;s: the changes have not been sent yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>L&apos;avviso riporterebbe i valori nuovi, che il portale non conosce: il pagamento potrebbe essere rifiutato. Invia prima le modifiche al portale.</source>
        <translation>The notice would carry the new values, which the portal does not know: the payment could be refused. Send the changes to the portal first.</translation>
    </message>
    <message>
        <source>Stampa comunque</source>
        <translation>Print anyway</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Benvenuto in MyPay Desk</source>
        <translation>Welcome to MyPay Desk</translation>
    </message>
    <message>
        <source>Prepara le liste di dovuti, tienile allineate con il portale MyPay, stampa gli avvisi di pagamento, guarda cosa è stato pagato e riconcilia ricevute, rendicontazioni e tesoreria.</source>
        <translation>Prepare debt lists, keep them aligned with the MyPay portal, print payment notices, see what has been paid and reconcile receipts, reporting and treasury.</translation>
    </message>
    <message>
        <source>Configura il tuo Ente</source>
        <translation>Set up your authority</translation>
    </message>
    <message>
        <source>Codice IPA, codice fiscale, codice di segregazione e modalità di adesione: bastano due minuti.</source>
        <translation>IPA code, tax code, segregation code and membership mode: it takes two minutes.</translation>
    </message>
    <message>
        <source>Prova con un Ente dimostrativo</source>
        <translation>Try a demo authority</translation>
    </message>
    <message>
        <source>Un Comune di esempio con i suoi dati e un portale di prova locale: nulla arriva al portale vero.</source>
        <translation>A sample municipality with its data and a local test portal: nothing reaches the real portal.</translation>
    </message>
    <message>
        <source>Spazio di lavoro: {0}</source>
        <translation>Workspace: {0}</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Cerca in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>Nome del file:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Tipo di file:</source>
        <translation>Files of type:</translation>
    </message>
</context>
<context>
    <name>_ModeChooser</name>
    <message>
        <source>Base (pagamenti spontanei)</source>
        <translation>Basic (spontaneous payments)</translation>
    </message>
    <message>
        <source>I cittadini pagano spontaneamente sul portale; l&apos;app scarica le ricevute e riconcilia.</source>
        <translation>Citizens pay spontaneously on the portal; the app downloads the receipts and reconciles.</translation>
    </message>
    <message>
        <source>Per flussi</source>
        <translation>By flows</translation>
    </message>
    <message>
        <source>L&apos;Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</source>
        <translation>The authority uploads debt lists and notices as flows and keeps them aligned with the portal.</translation>
    </message>
    <message>
        <source>Iniziato presso l&apos;Ente</source>
        <translation>Started at the authority</translation>
    </message>
    <message>
        <source>In più, lo sportello dell&apos;Ente avvia il pagamento e consegna link o QR al cittadino.</source>
        <translation>In addition, the authority&apos;s front desk starts the payment and hands the citizen a link or QR code.</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Nuovo (non inviato)</source>
        <translation>New (not sent)</translation>
    </message>
    <message>
        <source>In invio</source>
        <translation>Being sent</translation>
    </message>
    <message>
        <source>Sul portale</source>
        <translation>On the portal</translation>
    </message>
    <message>
        <source>Rifiutato dal portale</source>
        <translation>Rejected by the portal</translation>
    </message>
    <message>
        <source>Annullato</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Pagato</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Pagato in parte</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <source>Scaduto</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Da inserire</source>
        <translation>To insert</translation>
    </message>
    <message>
        <source>Da modificare</source>
        <translation>To modify</translation>
    </message>
    <message>
        <source>Da annullare</source>
        <translation>To cancel</translation>
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
        <translation>Subject type (F/G)</translation>
    </message>
    <message>
        <source>Codice fiscale / P.IVA</source>
        <translation>Tax code / VAT no.</translation>
    </message>
    <message>
        <source>Debitore</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Street no.</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Località</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Nazione</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Commissione a carico dell&apos;Ente</source>
        <translation>Fee paid by the authority</translation>
    </message>
    <message>
        <source>Tipo dovuto</source>
        <translation>Debt type</translation>
    </message>
    <message>
        <source>Tipo versamento</source>
        <translation>Payment method type</translation>
    </message>
    <message>
        <source>Causale</source>
        <translation>Reason for payment</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione</source>
        <translation>Collection data (taxonomy)</translation>
    </message>
    <message>
        <source>Bilancio</source>
        <translation>Budget breakdown</translation>
    </message>
    <message>
        <source>Genera IUV</source>
        <translation>Generate IUV</translation>
    </message>
    <message>
        <source>Multibeneficiario</source>
        <translation>Multi-beneficiary</translation>
    </message>
    <message>
        <source>C.F. ente secondario</source>
        <translation>Secondary authority tax code</translation>
    </message>
    <message>
        <source>Ente secondario</source>
        <translation>Secondary authority</translation>
    </message>
    <message>
        <source>IBAN ente secondario</source>
        <translation>Secondary authority IBAN</translation>
    </message>
    <message>
        <source>Indirizzo ente secondario</source>
        <translation>Secondary authority address</translation>
    </message>
    <message>
        <source>Civico ente secondario</source>
        <translation>Secondary authority street no.</translation>
    </message>
    <message>
        <source>CAP ente secondario</source>
        <translation>Secondary authority postcode</translation>
    </message>
    <message>
        <source>Località ente secondario</source>
        <translation>Secondary authority town</translation>
    </message>
    <message>
        <source>Provincia ente secondario</source>
        <translation>Secondary authority province</translation>
    </message>
    <message>
        <source>Nazione ente secondario</source>
        <translation>Secondary authority country</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione ente secondario</source>
        <translation>Secondary authority collection data</translation>
    </message>
    <message>
        <source>Causale ente secondario</source>
        <translation>Secondary authority reason for payment</translation>
    </message>
    <message>
        <source>Importo ente secondario</source>
        <translation>Secondary authority amount</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>L&apos;IUD (identificativo univoco del dovuto)</source>
        <translation>The IUD (unique debt identifier)</translation>
    </message>
    <message>
        <source>Il codice fiscale o la partita IVA</source>
        <translation>The tax code or VAT number</translation>
    </message>
    <message>
        <source>Il nome del debitore (anagrafica)</source>
        <translation>The debtor&apos;s name</translation>
    </message>
    <message>
        <source>Il tipo dovuto</source>
        <translation>The debt type</translation>
    </message>
    <message>
        <source>{0} è obbligatorio</source>
        <translation>{0} is required</translation>
    </message>
    <message>
        <source>Troppo lungo: {0} caratteri, al massimo {1}</source>
        <translation>Too long: {0} characters, at most {1}</translation>
    </message>
    <message>
        <source>Contiene caratteri di controllo (a capo, tabulazioni): rimuovili</source>
        <translation>Contains control characters (line breaks, tabs): remove them</translation>
    </message>
    <message>
        <source>Versione del tracciato «{0}» non valida: ammesse {1}</source>
        <translation>Layout version “{0}” is not valid: allowed {1}</translation>
    </message>
    <message>
        <source>L&apos;IUD non può iniziare con 000 (prefisso riservato a MyPay)</source>
        <translation>The IUD cannot start with 000 (prefix reserved for MyPay)</translation>
    </message>
    <message>
        <source>Uno IUV con 00 in terza e quarta posizione è riservato a quelli generati da MyPay: lascia vuoto lo IUV o usane uno dell&apos;Ente</source>
        <translation>An IUV with 00 in the third and fourth position is reserved for those generated by MyPay: leave the IUV empty or use one of the authority&apos;s</translation>
    </message>
    <message>
        <source>Lo IUV deve iniziare con il codice di segregazione dell&apos;Ente ({0})</source>
        <translation>The IUV must start with the authority&apos;s segregation code ({0})</translation>
    </message>
    <message>
        <source>Uno IUV di 15 cifre non può iniziare con 00</source>
        <translation>A 15-digit IUV cannot start with 00</translation>
    </message>
    <message>
        <source>MyPay non accetta più IUV di 15 cifre per i nuovi dovuti (dal 30/04/2024): lascia vuoto lo IUV o usane uno di 17 cifre</source>
        <translation>MyPay no longer accepts 15-digit IUVs for new debts (since 30/04/2024): leave the IUV empty or use a 17-digit one</translation>
    </message>
    <message>
        <source>MyPay accetta solo riferimenti RF di 25 caratteri, questo ne ha {0}</source>
        <translation>MyPay only accepts RF references of 25 characters, this one has {0}</translation>
    </message>
    <message>
        <source>Un riferimento RF di vecchio formato (finale 0000) deve avere 99 in settima e ottava posizione</source>
        <translation>An old-format RF reference (ending in 0000) must have 99 in the seventh and eighth positions</translation>
    </message>
    <message>
        <source>Per un soggetto G (persona giuridica) MyPay accetta solo la partita IVA o il codice fiscale numerico di 11 cifre: per un codice fiscale di 16 caratteri usa il tipo F</source>
        <translation>For a G subject (legal person) MyPay only accepts the VAT number or the 11-digit numeric tax code: for a 16-character tax code use type F</translation>
    </message>
    <message>
        <source>Tipo soggetto obbligatorio: F (persona fisica) o G (persona giuridica)</source>
        <translation>Subject type required: F (natural person) or G (legal person)</translation>
    </message>
    <message>
        <source>Tipo soggetto «{0}» non valido: F (persona fisica) o G (persona giuridica)</source>
        <translation>Subject type “{0}” is not valid: F (natural person) or G (legal person)</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso: il tipo dovuto {0} non lo consente</source>
        <translation>ANONIMO (anonymous) debtor not allowed: debt type {0} does not permit it</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso: il tipo dovuto non lo consente</source>
        <translation>ANONIMO (anonymous) debtor not allowed: the debt type does not permit it</translation>
    </message>
    <message>
        <source>MyPay dividerebbe la riga del flusso in modo diverso a causa delle virgolette (&quot;): sono in numero dispari, o un &quot;;&quot; sta tra virgolette. Togli le virgolette o il punto e virgola</source>
        <translation>MyPay would split the flow row differently because of the double quotes (&quot;): there is an odd number of them, or a &quot;;&quot; between them. Remove the quotes or the semicolon</translation>
    </message>
    <message>
        <source>Nazione «{0}» non valida: usa il codice ISO di due lettere (es. IT)</source>
        <translation>Country “{0}” is not valid: use the two-letter ISO code (e.g. IT)</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido: in Italia sono 5 cifre</source>
        <translation>Postcode “{0}” is not valid: in Italy it has 5 digits</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido: solo lettere e cifre, senza spazi</source>
        <translation>Postcode “{0}” is not valid: letters and digits only, no spaces</translation>
    </message>
    <message>
        <source>Provincia «{0}» non valida: usa la sigla di due lettere (es. MI)</source>
        <translation>Province “{0}” is not valid: use the two-letter code (e.g. MI)</translation>
    </message>
    <message>
        <source>Indirizzo e-mail «{0}» non valido</source>
        <translation>Email address “{0}” is not valid</translation>
    </message>
    <message>
        <source>La data di scadenza è obbligatoria nelle versioni 1_0 e 1_1</source>
        <translation>The due date is required in versions 1_0 and 1_1</translation>
    </message>
    <message>
        <source>La data di scadenza è obbligatoria per il tipo dovuto {0}</source>
        <translation>The due date is required for debt type {0}</translation>
    </message>
    <message>
        <source>L&apos;importo non può essere zero</source>
        <translation>The amount cannot be zero</translation>
    </message>
    <message>
        <source>L&apos;importo non può essere negativo</source>
        <translation>The amount cannot be negative</translation>
    </message>
    <message>
        <source>L&apos;importo supera il massimo ammesso (999.999.999,99)</source>
        <translation>The amount exceeds the maximum allowed (999.999.999,99)</translation>
    </message>
    <message>
        <source>La commissione a carico dell&apos;Ente non può essere negativa</source>
        <translation>The fee paid by the authority cannot be negative</translation>
    </message>
    <message>
        <source>La commissione supera il massimo ammesso (999.999.999,99)</source>
        <translation>The fee exceeds the maximum allowed (999.999.999,99)</translation>
    </message>
    <message>
        <source>Il tipo dovuto MARCA_BOLLO_DIGITALE non si può caricare con i flussi</source>
        <translation>The debt type MARCA_BOLLO_DIGITALE cannot be uploaded with flows</translation>
    </message>
    <message>
        <source>Tipo dovuto «{0}» non configurato per l&apos;Ente: aggiungilo nelle impostazioni o correggi il codice</source>
        <translation>Debt type “{0}” is not set up for the authority: add it in the settings or correct the code</translation>
    </message>
    <message>
        <source>Il tipo dovuto {0} non è attivo</source>
        <translation>Debt type {0} is not active</translation>
    </message>
    <message>
        <source>Tipo versamento «{0}» non valido: ALL oppure uno o più tra {1} separati da |</source>
        <translation>Payment method type “{0}” is not valid: ALL or one or more of {1} separated by |</translation>
    </message>
    <message>
        <source>La causale è obbligatoria</source>
        <translation>The reason for payment is required</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione sono obbligatori (es. 9/0101108TS/)</source>
        <translation>The collection data are required (e.g. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Dati specifici di riscossione «{0}» non validi: la forma è &lt;0|1|2|9&gt;/&lt;codice&gt;, da 5 a 140 caratteri senza spazi (es. 9/0101108TS/)</source>
        <translation>Collection data “{0}” are not valid: the form is &lt;0|1|2|9&gt;/&lt;code&gt;, 5 to 140 characters without spaces (e.g. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Il bilancio richiede il tracciato 1_2 o successivo (scelto {0})</source>
        <translation>The budget breakdown requires layout 1_2 or later (chosen: {0})</translation>
    </message>
    <message>
        <source>La generazione dello IUV da parte di MyPay richiede il tracciato 1_3 o 1_4 (scelto {0})</source>
        <translation>IUV generation by MyPay requires layout 1_3 or 1_4 (chosen: {0})</translation>
    </message>
    <message>
        <source>Lo IUV è già presente: togli la richiesta di generarlo</source>
        <translation>The IUV is already there: remove the request to generate it</translation>
    </message>
    <message>
        <source>Il dovuto multibeneficiario richiede il tracciato 1_4 (scelto {0})</source>
        <translation>A multi-beneficiary debt requires layout 1_4 (chosen: {0})</translation>
    </message>
    <message>
        <source>Azione «{0}» non valida: I (inserimento), M (modifica) o A (annullamento)</source>
        <translation>Action “{0}” is not valid: I (insert), M (modify) or A (cancel)</translation>
    </message>
    <message>
        <source>L&apos;azione è obbligatoria: I, M o A</source>
        <translation>The action is required: I, M or A</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;ente secondario è obbligatorio</source>
        <translation>The secondary authority&apos;s tax code is required</translation>
    </message>
    <message>
        <source>La denominazione dell&apos;ente secondario è obbligatoria</source>
        <translation>The secondary authority&apos;s name is required</translation>
    </message>
    <message>
        <source>L&apos;IBAN di accredito dell&apos;ente secondario è obbligatorio</source>
        <translation>The secondary authority&apos;s credit IBAN is required</translation>
    </message>
    <message>
        <source>IBAN «{0}» non valido</source>
        <translation>IBAN “{0}” is not valid</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario è obbligatorio</source>
        <translation>The secondary authority&apos;s amount is required</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario deve essere maggiore di zero</source>
        <translation>The secondary authority&apos;s amount must be greater than zero</translation>
    </message>
    <message>
        <source>Nazione «{0}» non valida: codice ISO di due lettere</source>
        <translation>Country “{0}” is not valid: two-letter ISO code</translation>
    </message>
    <message>
        <source>CAP «{0}» non valido</source>
        <translation>Postcode “{0}” is not valid</translation>
    </message>
    <message>
        <source>Provincia «{0}» non valida: sigla di due lettere</source>
        <translation>Province “{0}” is not valid: two-letter code</translation>
    </message>
    <message>
        <source>Capitolo {0}: il codice del capitolo è obbligatorio</source>
        <translation>Chapter {0}: the chapter code is required</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice più lungo di 64 caratteri</source>
        <translation>Chapter {0}: code longer than 64 characters</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice ufficio più lungo di 64 caratteri</source>
        <translation>Chapter {0}: office code longer than 64 characters</translation>
    </message>
    <message>
        <source>Capitolo {0}: serve almeno un accertamento con il suo importo</source>
        <translation>Chapter {0}: at least one assessment with its amount is needed</translation>
    </message>
    <message>
        <source>Capitolo {0}: l&apos;importo di ogni accertamento deve essere positivo</source>
        <translation>Chapter {0}: the amount of every assessment must be positive</translation>
    </message>
    <message>
        <source>Capitolo {0}: codice accertamento più lungo di 64 caratteri</source>
        <translation>Chapter {0}: assessment code longer than 64 characters</translation>
    </message>
    <message>
        <source>La somma del bilancio ({0}) è diversa dall&apos;importo del dovuto ({1})</source>
        <translation>The budget breakdown total ({0}) differs from the debt amount ({1})</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte (righe {2}): deve essere univoco</source>
        <translation>IUD “{0}” repeated {1} times (rows {2}): it must be unique</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte: deve essere univoco</source>
        <translation>IUD “{0}” repeated {1} times: it must be unique</translation>
    </message>
    <message>
        <source>IUD «{0}» ripetuto {1} volte (righe {2} e altre {3}): deve essere univoco</source>
        <translation>IUD “{0}” repeated {1} times (rows {2} and {3} more): it must be unique</translation>
    </message>
    <message>
        <source>Codice fiscale «{0}» non valido: {1}</source>
        <translation>Tax code “{0}” is not valid: {1}</translation>
    </message>
    <message>
        <source>deve avere 16 caratteri, ne ha {0}</source>
        <translation>it must have 16 characters, it has {0}</translation>
    </message>
    <message>
        <source>carattere di controllo errato</source>
        <translation>wrong check character</translation>
    </message>
    <message>
        <source>formato errato</source>
        <translation>wrong format</translation>
    </message>
    <message>
        <source>data di nascita o comune non validi</source>
        <translation>date of birth or municipality not valid</translation>
    </message>
    <message>
        <source>{0} «{1}» deve avere 11 cifre</source>
        <translation>{0} “{1}” must have 11 digits</translation>
    </message>
    <message>
        <source>{0} «{1}» ha il carattere di controllo errato</source>
        <translation>{0} “{1}” has a wrong check digit</translation>
    </message>
    <message>
        <source>Il codice fiscale numerico</source>
        <translation>The numeric tax code</translation>
    </message>
    <message>
        <source>La partita IVA</source>
        <translation>The VAT number</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;Ente</source>
        <translation>The authority&apos;s tax code</translation>
    </message>
    <message>
        <source>Il codice fiscale / partita IVA</source>
        <translation>The tax code / VAT number</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;ente secondario</source>
        <translation>The secondary authority&apos;s tax code</translation>
    </message>
    <message>
        <source>Debitore ANONIMO non ammesso per questo tipo dovuto</source>
        <translation>ANONIMO (anonymous) debtor not allowed for this debt type</translation>
    </message>
    <message>
        <source>«{0}» deve contenere solo cifre</source>
        <translation>“{0}” must contain digits only</translation>
    </message>
    <message>
        <source>Il progressivo IUV deve partire da 1</source>
        <translation>The IUV sequence number must start from 1</translation>
    </message>
    <message>
        <source>Progressivi IUV esauriti per questo codice di segregazione</source>
        <translation>IUV sequence numbers exhausted for this segregation code</translation>
    </message>
    <message>
        <source>Il numero avviso deve contenere solo cifre</source>
        <translation>The notice number must contain digits only</translation>
    </message>
    <message>
        <source>Il numero avviso deve avere 18 cifre, ne ha {0}</source>
        <translation>The notice number must have 18 digits, it has {0}</translation>
    </message>
    <message>
        <source>Cifra ausiliaria {0} non valida: ammesse 0, 1, 2, 3</source>
        <translation>Auxiliary digit {0} is not valid: allowed 0, 1, 2, 3</translation>
    </message>
    <message>
        <source>Cifre di controllo errate: «{0}», attese «{1}» (resto della divisione per 93)</source>
        <translation>Wrong check digits: “{0}”, expected “{1}” (remainder of the division by 93)</translation>
    </message>
    <message>
        <source>Lo IUV numerico deve contenere solo cifre</source>
        <translation>A numeric IUV must contain digits only</translation>
    </message>
    <message>
        <source>Cifre di controllo dello IUV errate: «{0}», attese «{1}»</source>
        <translation>Wrong IUV check digits: “{0}”, expected “{1}”</translation>
    </message>
    <message>
        <source>Lo IUV deve avere 15 o 17 cifre (o essere un riferimento RF), ne ha {0}</source>
        <translation>The IUV must have 15 or 17 digits (or be an RF reference), it has {0}</translation>
    </message>
    <message>
        <source>Il riferimento RF ammette da 1 a 21 lettere o cifre</source>
        <translation>The RF reference allows 1 to 21 letters or digits</translation>
    </message>
    <message>
        <source>Un riferimento RF è «RF», due cifre di controllo e da 1 a 21 lettere o cifre</source>
        <translation>An RF reference is “RF”, two check digits and 1 to 21 letters or digits</translation>
    </message>
    <message>
        <source>Cifre di controllo RF errate: «{0}», attese «{1}» (ISO 11649)</source>
        <translation>Wrong RF check digits: “{0}”, expected “{1}” (ISO 11649)</translation>
    </message>
    <message>
        <source>Codice vuoto</source>
        <translation>Empty code</translation>
    </message>
    <message>
        <source>«{0}» non è un numero avviso (18 cifre), uno IUV (15 o 17 cifre) né un riferimento RF</source>
        <translation>“{0}” is not a notice number (18 digits), an IUV (15 or 17 digits) or an RF reference</translation>
    </message>
    <message>
        <source>Importo non valido</source>
        <translation>Amount not valid</translation>
    </message>
    <message>
        <source>Importo mancante</source>
        <translation>Amount missing</translation>
    </message>
    <message>
        <source>Importo «{0}» non valido: usa il formato 1.234,56</source>
        <translation>Amount “{0}” is not valid: use the format 1.234,56</translation>
    </message>
    <message>
        <source>Importo «{0}» con più di due decimali</source>
        <translation>Amount “{0}” has more than two decimals</translation>
    </message>
    <message>
        <source>Importo «{0}» oltre il massimo ammesso ({1})</source>
        <translation>Amount “{0}” above the maximum allowed ({1})</translation>
    </message>
    <message>
        <source>Importo «{0}» non valido: atteso un numero con il punto decimale (es. 1234.56)</source>
        <translation>Amount “{0}” is not valid: expected a number with a decimal point (e.g. 1234.56)</translation>
    </message>
    <message>
        <source>Il codice IPA è obbligatorio</source>
        <translation>The IPA code is required</translation>
    </message>
    <message>
        <source>Il codice IPA è lungo {0} caratteri: al massimo 35</source>
        <translation>The IPA code is {0} characters long: at most 35</translation>
    </message>
    <message>
        <source>Il codice IPA ammette solo lettere, cifre e _ (il trattino separa le parti del nome del flusso)</source>
        <translation>The IPA code allows only letters, digits and _ (the hyphen separates the parts of the flow name)</translation>
    </message>
    <message>
        <source>Il nome dell&apos;Ente è obbligatorio</source>
        <translation>The authority&apos;s name is required</translation>
    </message>
    <message>
        <source>Il nome dell&apos;Ente supera i 100 caratteri</source>
        <translation>The authority&apos;s name is longer than 100 characters</translation>
    </message>
    <message>
        <source>Il codice applicativo deve essere di due cifre</source>
        <translation>The application code must be two digits</translation>
    </message>
    <message>
        <source>Il codice CBILL è di 5 caratteri alfanumerici maiuscoli</source>
        <translation>The CBILL code is 5 upper-case letters or digits</translation>
    </message>
    <message>
        <source>Modalità di adesione «{0}» non valida: base, flussi o ente</source>
        <translation>Membership mode “{0}” is not valid: base, flussi or ente</translation>
    </message>
    <message>
        <source>Generazione IUV «{0}» non valida: portal o app</source>
        <translation>IUV generation “{0}” is not valid: portal or app</translation>
    </message>
    <message>
        <source>Per generare gli IUV con MyPay Desk serve il codice di segregazione dell&apos;Ente</source>
        <translation>To generate IUVs with MyPay Desk the Ente&apos;s segregation code is needed</translation>
    </message>
    <message>
        <source>Il conto corrente postale ha fino a 12 cifre</source>
        <translation>The postal account has up to 12 digits</translation>
    </message>
    <message>
        <source>Indica l&apos;intestatario del conto corrente postale</source>
        <translation>Enter the holder of the postal account</translation>
    </message>
    <message>
        <source>L&apos;indirizzo deve iniziare con http:// o https://</source>
        <translation>The address must start with http:// or https://</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto è obbligatorio</source>
        <translation>The debt type code is required</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto supera i 64 caratteri</source>
        <translation>The debt type code is longer than 64 characters</translation>
    </message>
    <message>
        <source>Il codice del tipo dovuto ammette lettere, cifre e _</source>
        <translation>The debt type code allows letters, digits and _</translation>
    </message>
    <message>
        <source>MARCA_BOLLO_DIGITALE non è gestibile con i flussi</source>
        <translation>MARCA_BOLLO_DIGITALE cannot be handled with flows</translation>
    </message>
    <message>
        <source>IBAN non valido</source>
        <translation>Invalid IBAN</translation>
    </message>
    <message>
        <source>dovuto annullato</source>
        <translation>debt cancelled</translation>
    </message>
    <message>
        <source>dovuto già pagato</source>
        <translation>debt already paid</translation>
    </message>
    <message>
        <source>dovuto già pagato in parte</source>
        <translation>debt already partly paid</translation>
    </message>
    <message>
        <source>dati del dovuto non validi: correggere gli errori segnalati</source>
        <translation>debt data not valid: correct the errors shown</translation>
    </message>
    <message>
        <source>dovuto rifiutato dal portale: correggerlo e inviarlo di nuovo</source>
        <translation>debt rejected by the portal: correct it and send it again</translation>
    </message>
    <message>
        <source>dovuto scaduto sul portale</source>
        <translation>debt expired on the portal</translation>
    </message>
    <message>
        <source>numero avviso non ancora assegnato</source>
        <translation>notice number not assigned yet</translation>
    </message>
    <message>
        <source>numero avviso «{0}» non valido (servono 18 cifre)</source>
        <translation>notice number “{0}” is not valid (18 digits needed)</translation>
    </message>
    <message>
        <source>importo mancante o pari a zero</source>
        <translation>amount missing or zero</translation>
    </message>
    <message>
        <source>importo oltre il massimo stampabile sull&apos;avviso (999.999,99)</source>
        <translation>amount above the maximum that can be printed on the notice (999.999,99)</translation>
    </message>
    <message>
        <source>rata {0}: {1}</source>
        <translation>instalment {0}: {1}</translation>
    </message>
    <message>
        <source>nessuna rata da pagare</source>
        <translation>no instalment to pay</translation>
    </message>
    <message>
        <source>IUD non trovato</source>
        <translation>IUD not found</translation>
    </message>
    <message>
        <source>IUD non trovato nella lista «{0}»</source>
        <translation>IUD not found in list “{0}”</translation>
    </message>
    <message>
        <source>file {0}</source>
        <translation>file {0}</translation>
    </message>
    <message>
        <source>riga {0}</source>
        <translation>row {0}</translation>
    </message>
    <message>
        <source>colonna {0}</source>
        <translation>column {0}</translation>
    </message>
    <message>
        <source>campo {0}</source>
        <translation>field {0}</translation>
    </message>
    <message>
        <source>IUD «{0}» già usato da un altro dovuto in questa lista: deve essere univoco per l&apos;Ente</source>
        <translation>IUD “{0}” already used by another debt in this list: it must be unique for the authority</translation>
    </message>
    <message>
        <source>IUD «{0}» già usato da un altro dovuto nella lista {1}: deve essere univoco per l&apos;Ente</source>
        <translation>IUD “{0}” already used by another debt in list {1}: it must be unique for the authority</translation>
    </message>
    <message>
        <source>Il bilancio supera i {0} caratteri</source>
        <translation>The budget breakdown exceeds {0} characters</translation>
    </message>
    <message>
        <source>Il nome della lista è obbligatorio</source>
        <translation>The list name is required</translation>
    </message>
    <message>
        <source>Il nome della lista supera i 120 caratteri</source>
        <translation>The list name is longer than 120 characters</translation>
    </message>
    <message>
        <source>Esiste già una lista chiamata «{0}»</source>
        <translation>A list called “{0}” already exists</translation>
    </message>
    <message>
        <source>Tipo dovuto «{0}» non configurato per l&apos;Ente</source>
        <translation>Debt type “{0}” is not set up for the authority</translation>
    </message>
    <message>
        <source>La lista «{0}» non si può eliminare: alcuni suoi dovuti sono già stati inviati al portale. Annulla i dovuti che non servono più.</source>
        <translation>The list “{0}” cannot be deleted: some of its debts have already been sent to the portal. Cancel the debts that are no longer needed.</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già stato inviato al portale: annullalo invece di eliminarlo</source>
        <translation>Debt {0} has already been sent to the portal: cancel it instead of deleting it</translation>
    </message>
    <message>
        <source>Alcune rate sono già sul portale: annullale invece di eliminarle</source>
        <translation>Some instalments are already on the portal: cancel them instead of deleting them</translation>
    </message>
    <message>
        <source>Campo «{0}» non modificabile</source>
        <translation>Field “{0}” cannot be edited</translation>
    </message>
    <message>
        <source>Il dovuto {0} non si può modificare ({1})</source>
        <translation>Debt {0} cannot be edited ({1})</translation>
    </message>
    <message>
        <source>annullamento richiesto</source>
        <translation>cancellation requested</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già sul portale: l&apos;IUD non si può cambiare (annullalo e creane uno nuovo)</source>
        <translation>Debt {0} is already on the portal: its IUD cannot be changed (cancel it and create a new one)</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già sul portale: lo IUV non si può cambiare</source>
        <translation>Debt {0} is already on the portal: its IUV cannot be changed</translation>
    </message>
    <message>
        <source>{0} è già una rata: dividi il dovuto principale</source>
        <translation>{0} is already an instalment: split the main debt</translation>
    </message>
    <message>
        <source>Le rate di {0} sono già state inviate al portale: non si possono cambiare né togliere (annulla il dovuto e creane uno nuovo)</source>
        <translation>The instalments of {0} have already been sent to the portal: they cannot be changed or removed (cancel the debt and create a new one)</translation>
    </message>
    <message>
        <source>Servono almeno due rate (una sola rata è il pagamento in unica soluzione)</source>
        <translation>At least two instalments are needed (a single instalment is the one-off payment)</translation>
    </message>
    <message>
        <source>Al massimo 99 rate</source>
        <translation>At most 99 instalments</translation>
    </message>
    <message>
        <source>Rata {0}: l&apos;importo deve essere maggiore di zero</source>
        <translation>Instalment {0}: the amount must be greater than zero</translation>
    </message>
    <message>
        <source>Rata {0}: importo oltre il massimo ammesso</source>
        <translation>Instalment {0}: amount above the maximum allowed</translation>
    </message>
    <message>
        <source>Rata {0}: la scadenza è obbligatoria</source>
        <translation>Instalment {0}: the due date is required</translation>
    </message>
    <message>
        <source>Le scadenze delle rate devono essere in ordine crescente</source>
        <translation>The instalment due dates must be in ascending order</translation>
    </message>
    <message>
        <source>La somma delle rate ({0}) deve essere uguale all&apos;importo di {1} ({2})</source>
        <translation>The instalments total ({0}) must equal the amount of {1} ({2})</translation>
    </message>
    <message>
        <source>Data «{0}» non valida</source>
        <translation>Date “{0}” is not valid</translation>
    </message>
    <message>
        <source>File non trovato</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>Nessuna colonna riconosciuta: indica quale colonna contiene codice fiscale, nome, importo e gli altri dati</source>
        <translation>No column recognised: indicate which column holds the tax code, name, amount and the other data</translation>
    </message>
    <message>
        <source>Il file non contiene righe di dati (solo l&apos;intestazione o righe vuote)</source>
        <translation>The file contains no data rows (only the header or empty rows)</translation>
    </message>
    <message>
        <source>Cartella di destinazione inesistente</source>
        <translation>The destination folder does not exist</translation>
    </message>
    <message>
        <source>Nessun dovuto da inviare nella lista «{0}»</source>
        <translation>No debt to send in list “{0}”</translation>
    </message>
    <message>
        <source>Nessun dovuto da inviare nella lista «{0}»: {1} con errori da correggere</source>
        <translation>No debt to send in list “{0}”: {1} with errors to correct</translation>
    </message>
    <message>
        <source>Scegli il tipo dovuto da assegnare</source>
        <translation>Choose the debt type to assign</translation>
    </message>
    <message>
        <source>Indica di quanti giorni o mesi spostare le scadenze</source>
        <translation>Enter by how many days or months to move the due dates</translation>
    </message>
    <message>
        <source>Indica la percentuale o la somma da aggiungere</source>
        <translation>Enter the percentage or the sum to add</translation>
    </message>
    <message>
        <source>Nessun IUD libero dopo {0}: scrivi l&apos;IUD a mano</source>
        <translation>No free IUD after {0}: type the IUD by hand</translation>
    </message>
    <message>
        <source>Il prefisso non può iniziare con 000 (riservato a MyPay)</source>
        <translation>The prefix cannot start with 000 (reserved for MyPay)</translation>
    </message>
    <message>
        <source>Il prefisso ammette lettere, cifre e _ - .</source>
        <translation>The prefix allows letters, digits and _ - .</translation>
    </message>
    <message>
        <source>Prefisso troppo lungo: l&apos;IUD ha al massimo 35 caratteri</source>
        <translation>Prefix too long: the IUD has at most 35 characters</translation>
    </message>
    <message>
        <source>Prefisso IUD «{0}» non valido: usa lettere, cifre e _ - .</source>
        <translation>IUD prefix «{0}» is not valid: use letters, digits and _ - .</translation>
    </message>
    <message>
        <source>Il prefisso IUD non può iniziare con 000 (riservato a MyPay)</source>
        <translation>The IUD prefix cannot start with 000 (reserved to MyPay)</translation>
    </message>
    <message>
        <source>Prefisso IUD troppo lungo: al massimo {0} caratteri (l&apos;IUD ne ha {1}, {2} sono generati)</source>
        <translation>IUD prefix too long: at most {0} characters (an IUD has {1}, {2} are generated)</translation>
    </message>
    <message>
        <source>L&apos;IUD del dovuto {0} non può essere vuoto: scrivine uno nuovo invece di cancellarlo</source>
        <translation>The IUD of debt {0} cannot be empty: type a new one instead of clearing it</translation>
    </message>
    <message>
        <source>Indirizzo del portale non impostato per l&apos;Ente {0}: indicalo nella pagina Portale o con «mypay-desk ente set --ipa {1} --portal-url URL»</source>
        <translation>Portal address not set for Ente {0}: enter it on the Portal page or with «mypay-desk ente set --ipa {1} --portal-url URL»</translation>
    </message>
    <message>
        <source>Password del portale non impostata per l&apos;Ente {0}: inseriscila nella pagina Portale o con «mypay-desk ente set --ipa {1} --password-stdin» (su un server senza portachiavi: «--password-file FILE»)</source>
        <translation>Portal password not set for Ente {0}: enter it on the Portal page or with «mypay-desk ente set --ipa {1} --password-stdin» (on a server without a keyring: «--password-file FILE»)</translation>
    </message>
    <message>
        <source>Indirizzo del portale «{0}» non valido: scrivilo come https://nome-del-portale/... (per il portale di prova: http://127.0.0.1:PORTA)</source>
        <translation>Portal address «{0}» is not valid: write it as https://portal-name/... (for the sandbox: http://127.0.0.1:PORT)</translation>
    </message>
    <message>
        <source>Scrivi il modello della causale</source>
        <translation>Write the reason for payment template</translation>
    </message>
    <message>
        <source>Modello della causale non valido: {0}</source>
        <translation>Reason for payment template not valid: {0}</translation>
    </message>
    <message>
        <source>non modificabile ({0})</source>
        <translation>not editable ({0})</translation>
    </message>
    <message>
        <source>senza scadenza</source>
        <translation>no due date</translation>
    </message>
    <message>
        <source>l&apos;importo risulterebbe zero o negativo</source>
        <translation>the amount would be zero or negative</translation>
    </message>
    <message>
        <source>l&apos;importo supererebbe il massimo ammesso</source>
        <translation>the amount would exceed the maximum allowed</translation>
    </message>
    <message>
        <source>già sul portale: l&apos;IUD non si può cambiare</source>
        <translation>already on the portal: the IUD cannot be changed</translation>
    </message>
    <message>
        <source>L&apos;Ente aderisce a MyPay in modalità base: non carica dovuti sul portale. Cambia la modalità di adesione nelle impostazioni se l&apos;Ente è passato ai flussi.</source>
        <translation>The authority uses MyPay in basic mode: it does not upload debts to the portal. Change the membership mode in the settings if the authority has moved to flows.</translation>
    </message>
    <message>
        <source>Un altro invio di questa lista è in corso: riprova tra poco</source>
        <translation>Another sending of this list is in progress: try again shortly</translation>
    </message>
    <message>
        <source>Indica lo IUD del dovuto</source>
        <translation>Enter the debt&apos;s IUD</translation>
    </message>
    <message>
        <source>L&apos;Ente aderisce in modalità base: non invia dovuti al portale</source>
        <translation>The authority is in basic mode: it does not send debts to the portal</translation>
    </message>
    <message>
        <source>Il dovuto {0} fa parte di un flusso in corso di invio: attendi l&apos;esito</source>
        <translation>Debt {0} is part of a flow being sent: wait for the outcome</translation>
    </message>
    <message>
        <source>Il dovuto {0} è già allineato con il portale: non c&apos;è niente da inviare</source>
        <translation>Debt {0} is already aligned with the portal: there is nothing to send</translation>
    </message>
    <message>
        <source>Il dovuto {0} ha degli errori: correggili prima di inviarlo</source>
        <translation>Debt {0} has errors: correct them before sending it</translation>
    </message>
    <message>
        <source>Il pagamento presso lo sportello richiede la modalità di adesione «Iniziato presso l&apos;Ente»</source>
        <translation>Payment at the desk requires the membership mode “Started at the authority”</translation>
    </message>
    <message>
        <source>Il dovuto {0} ha degli errori: correggili prima del pagamento</source>
        <translation>Debt {0} has errors: correct them before the payment</translation>
    </message>
    <message>
        <source>Codice IPA mancante: salva prima i dati dell&apos;Ente</source>
        <translation>IPA code missing: save the authority&apos;s details first</translation>
    </message>
    <message>
        <source>La password del portale è vuota</source>
        <translation>The portal password is empty</translation>
    </message>
    <message>
        <source>sandbox dimostrativa</source>
        <translation>demo sandbox</translation>
    </message>
    <message>
        <source>file dello spazio di lavoro</source>
        <translation>the workspace&apos;s file</translation>
    </message>
    <message>
        <source>portachiavi di sistema</source>
        <translation>the system keyring</translation>
    </message>
    <message>
        <source>Il numero di IUV da generare deve essere almeno 1</source>
        <translation>The number of IUVs to generate must be at least 1</translation>
    </message>
    <message>
        <source>Imposta il codice di segregazione dell&apos;Ente per generare IUV</source>
        <translation>Set the authority&apos;s segregation code to generate IUVs</translation>
    </message>
    <message>
        <source>Nessun Ente configurato: usa «mypay-desk ente set» o la configurazione guidata</source>
        <translation>No authority set up: use “mypay-desk ente set” or the guided setup</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare: la lista è allineata con il portale</source>
        <translation>No change to send: the list is aligned with the portal</translation>
    </message>
    <message>
        <source>Nessuna modifica da inviare: la lista è allineata con il portale ({0} dovuti risultano pagati sul portale e non sono stati modificati)</source>
        <translation>No change to send: the list is aligned with the portal ({0} debts appear paid on the portal and were not modified)</translation>
    </message>
    <message>
        <source>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti)</source>
        <translation>Flow {0} ({1} insertions, {2} modifications, {3} cancellations)</translation>
    </message>
    <message>
        <source>Flusso {0} ({1} inserimenti, {2} modifiche, {3} annullamenti) ripreso</source>
        <translation>Flow {0} ({1} insertions, {2} modifications, {3} cancellations) resumed</translation>
    </message>
    <message>
        <source>{0} accettati, {1} rifiutati</source>
        <translation>{0} accepted, {1} rejected</translation>
    </message>
    <message>
        <source>{0} accettati, {1} rifiutati ({2} dei rifiutati erano già sul portale e sono stati ripresi)</source>
        <translation>{0} accepted, {1} rejected ({2} of the rejected were already on the portal and were taken back)</translation>
    </message>
    <message>
        <source>non cercato sul portale (oltre i primi {0} del flusso): per riprenderlo invialo di nuovo con «Reinvia anche i dovuti rifiutati e non modificati»</source>
        <translation>not looked for on the portal (beyond the first {0} of the flow): to take it back, send it again with “Also resend the rejected debts that were not changed”</translation>
    </message>
    <message>
        <source>il portale aveva già il dovuto (da un invio precedente): ripreso con lo IUV {0}, la versione della lista partirà con il prossimo invio come modifica</source>
        <translation>the portal already had the debt (from an earlier sending): taken back with IUV {0}, the list&apos;s version will go with the next sending as a change</translation>
    </message>
    <message>
        <source>rifiutato dal portale. {0} Le modifiche restano in attesa.</source>
        <translation>rejected by the portal. {0} The changes stay pending.</translation>
    </message>
    <message>
        <source>Il dovuto risulta già pagato sul portale{0}: {1} non è stata applicata per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</source>
        <translation>The debt is already paid on the portal{0}: {1} was not applied so as not to overwrite the payment. Download the receipts to update the list.</translation>
    </message>
    <message>
        <source>Il dovuto risulta già pagato sul portale{0}: {1} per non sovrascrivere il pagamento. Scarica le ricevute per aggiornare la lista.</source>
        <translation>The debt is already paid on the portal{0}: {1} so as not to overwrite the payment. Download the receipts to update the list.</translation>
    </message>
    <message>
        <source>l&apos;inserimento non è stato applicato</source>
        <translation>the insertion was not applied</translation>
    </message>
    <message>
        <source>la modifica non è stata applicata</source>
        <translation>the change was not applied</translation>
    </message>
    <message>
        <source>l&apos;annullamento non è stato applicato</source>
        <translation>the cancellation was not applied</translation>
    </message>
    <message>
        <source> ({0} il {1})</source>
        <translation> ({0} on {1})</translation>
    </message>
    <message>
        <source> ({0} il {1}, {2})</source>
        <translation> ({0} on {1}, {2})</translation>
    </message>
    <message>
        <source>la modifica</source>
        <translation>the change</translation>
    </message>
    <message>
        <source>l&apos;annullamento</source>
        <translation>the cancellation</translation>
    </message>
    <message>
        <source>il dovuto risulta già pagato</source>
        <translation>the debt is already paid</translation>
    </message>
    <message>
        <source>Connessione riuscita: il portale ha riconosciuto l&apos;Ente {0} ({1} ms)</source>
        <translation>Connection successful: the portal recognised the authority {0} ({1} ms)</translation>
    </message>
    <message>
        <source>Lista «{0}» non trovata per l&apos;Ente {1}</source>
        <translation>List “{0}” not found for authority {1}</translation>
    </message>
    <message>
        <source>Indicare una lista, degli IUD o dei dovuti da stampare</source>
        <translation>Indicate a list, IUDs or debts to print</translation>
    </message>
    <message>
        <source>Il codice fiscale dell&apos;Ente deve avere 11 cifre per stampare gli avvisi</source>
        <translation>The authority&apos;s tax code must have 11 digits to print notices</translation>
    </message>
    <message>
        <source>{0} è una cartella: indicare il nome del file da creare</source>
        <translation>{0} is a folder: give the name of the file to create</translation>
    </message>
    <message>
        <source>La cartella {0} non esiste</source>
        <translation>The folder {0} does not exist</translation>
    </message>
    <message>
        <source>Font mancante per gli avvisi: {0}. Reinstallare l&apos;applicazione.</source>
        <translation>Font missing for the notices: {0}. Reinstall the application.</translation>
    </message>
    <message>
        <source>Il database è vuoto: non c&apos;è nulla da copiare</source>
        <translation>The database is empty: there is nothing to copy</translation>
    </message>
    <message>
        <source>Backup non trovato: {0}</source>
        <translation>Backup not found: {0}</translation>
    </message>
    <message>
        <source>{0} non è un database leggibile: scegli un altro backup ({1})</source>
        <translation>{0} is not a readable database: choose another backup ({1})</translation>
    </message>
    <message>
        <source>{0} non è un backup di MyPay Desk</source>
        <translation>{0} is not a MyPay Desk backup</translation>
    </message>
    <message>
        <source>{0} viene da una versione più recente dell&apos;app</source>
        <translation>{0} comes from a newer version of the app</translation>
    </message>
    <message>
        <source>{0} è danneggiato e non viene ripristinato ({1}). I dati attuali non sono stati toccati: scegli un altro backup.</source>
        <translation>{0} is damaged and is not restored ({1}). The current data have not been touched: choose another backup.</translation>
    </message>
    <message>
        <source>Lettura del file</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>Controllo dei dati</source>
        <translation>Checking the data</translation>
    </message>
    <message>
        <source>Confronto con la lista</source>
        <translation>Comparing with the list</translation>
    </message>
    <message>
        <source>Salvataggio</source>
        <translation>Saving</translation>
    </message>
    <message>
        <source>Fatto</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Preparazione del flusso</source>
        <translation>Preparing the flow</translation>
    </message>
    <message>
        <source>Caricamento sul portale</source>
        <translation>Uploading to the portal</translation>
    </message>
    <message>
        <source>Elaborazione sul portale</source>
        <translation>Processing on the portal</translation>
    </message>
    <message>
        <source>Applicazione degli esiti</source>
        <translation>Applying the outcomes</translation>
    </message>
    <message>
        <source>{0} di {1} dovuti</source>
        <translation>{0} of {1} debts</translation>
    </message>
    <message>
        <source>Abbinamento delle ricevute già presenti</source>
        <translation>Matching the receipts already present</translation>
    </message>
    <message>
        <source>{0} ricevute lette, {1} nuove</source>
        <translation>{0} receipts read, {1} new</translation>
    </message>
    <message>
        <source>{0} ricevute nuove</source>
        <translation>{0} new receipts</translation>
    </message>
    <message>
        <source>Scaricamento dell&apos;export delle ricevute</source>
        <translation>Downloading the receipts export</translation>
    </message>
    <message>
        <source>Prenotazione dell&apos;export delle ricevute</source>
        <translation>Requesting the receipts export</translation>
    </message>
    <message>
        <source>Il portale sta preparando l&apos;export ({0})</source>
        <translation>The portal is preparing the export ({0})</translation>
    </message>
    <message>
        <source>Lettura dei dati</source>
        <translation>Reading the data</translation>
    </message>
    <message>
        <source>Flussi e movimenti di tesoreria</source>
        <translation>Flows and treasury movements</translation>
    </message>
    <message>
        <source>Preparazione dell&apos;Ente dimostrativo</source>
        <translation>Preparing the demo authority</translation>
    </message>
    <message>
        <source>Avvio del portale di prova</source>
        <translation>Starting the test portal</translation>
    </message>
    <message>
        <source>Creazione della lista «{0}»</source>
        <translation>Creating the list “{0}”</translation>
    </message>
    <message>
        <source>Ente dimostrativo pronto</source>
        <translation>Demo authority ready</translation>
    </message>
    <message>
        <source>Invio della lista «{0}» al portale di prova</source>
        <translation>Sending the list “{0}” to the test portal</translation>
    </message>
    <message>
        <source>I cittadini pagano una parte dei dovuti sul portale di prova</source>
        <translation>Citizens pay some of the debts on the test portal</translation>
    </message>
    <message>
        <source>Scaricamento delle ricevute dal portale di prova</source>
        <translation>Downloading the receipts from the test portal</translation>
    </message>
    <message>
        <source>Modifiche alla TARI da inviare al portale</source>
        <translation>TARI changes to send to the portal</translation>
    </message>
    <message>
        <source>Rendicontazioni dei PSP e giornale di cassa della tesoreria</source>
        <translation>PSP reports and the treasury cash journal</translation>
    </message>
    <message>
        <source>Riconciliazione di ricevute, rendicontazioni e tesoreria</source>
        <translation>Reconciling receipts, reports and treasury</translation>
    </message>
    <message>
        <source>Pagamenti Notificati</source>
        <translation>Notified payments</translation>
    </message>
    <message>
        <source>Pagamenti Notificati e Rendicontati</source>
        <translation>Notified and reported payments</translation>
    </message>
    <message>
        <source>Pagamenti riversati cumulativamente</source>
        <translation>Payments transferred cumulatively</translation>
    </message>
    <message>
        <source>Pagamenti Rendicontati</source>
        <translation>Reported payments</translation>
    </message>
    <message>
        <source>Pagamenti riversati puntualmente</source>
        <translation>Payments transferred one by one</translation>
    </message>
    <message>
        <source>Pagamenti non correttamente rendicontati</source>
        <translation>Payments not correctly reported</translation>
    </message>
    <message>
        <source>Pagamenti non correttamente notificati</source>
        <translation>Payments not correctly notified</translation>
    </message>
    <message>
        <source>Notifiche di pagamenti non eseguiti</source>
        <translation>Notifications of payments not made</translation>
    </message>
    <message>
        <source>Rendicontazioni di pagamenti non eseguiti</source>
        <translation>Reports of payments not made</translation>
    </message>
    <message>
        <source>Rendicontazioni non correttamente riversate</source>
        <translation>Reports not correctly transferred</translation>
    </message>
    <message>
        <source>Rendicontazioni riversate con importo scorretto</source>
        <translation>Reports transferred with a wrong amount</translation>
    </message>
    <message>
        <source>Riversamenti non rendicontati o di pagamenti non eseguiti</source>
        <translation>Transfers not reported or of payments not made</translation>
    </message>
    <message>
        <source>Riversamenti di tesoreria sconosciuti</source>
        <translation>Unknown treasury transfers</translation>
    </message>
    <message>
        <source>Pagamenti doppi</source>
        <translation>Duplicate payments</translation>
    </message>
    <message>
        <source>Dovuto, ricevuta, rendicontazione e accredito in tesoreria concordano.</source>
        <translation>Debt, receipt, report and treasury credit agree.</translation>
    </message>
    <message>
        <source>Dovuto, ricevuta e rendicontazione concordano; manca l&apos;accredito in tesoreria del flusso (o ha un importo diverso).</source>
        <translation>Debt, receipt and report agree; the flow&apos;s treasury credit is missing (or has a different amount).</translation>
    </message>
    <message>
        <source>Ricevuta, rendicontazione e accredito cumulativo concordano; manca il dovuto dell&apos;Ente o ha un importo diverso.</source>
        <translation>Receipt, report and cumulative credit agree; the authority&apos;s debt is missing or has a different amount.</translation>
    </message>
    <message>
        <source>Ricevuta e rendicontazione concordano.</source>
        <translation>Receipt and report agree.</translation>
    </message>
    <message>
        <source>Ricevuta accreditata singolarmente in tesoreria (causale con lo IUV).</source>
        <translation>Receipt credited on its own in the treasury (reason for payment with the IUV).</translation>
    </message>
    <message>
        <source>La ricevuta non ha una rendicontazione del PSP con lo stesso importo.</source>
        <translation>The receipt has no PSP report with the same amount.</translation>
    </message>
    <message>
        <source>Pagamento senza un dovuto dell&apos;Ente corrispondente.</source>
        <translation>Payment without a matching debt of the authority.</translation>
    </message>
    <message>
        <source>Dovuto scaduto senza ricevuta, o con una ricevuta di importo diverso.</source>
        <translation>Expired debt without a receipt, or with a receipt of a different amount.</translation>
    </message>
    <message>
        <source>Il PSP ha rendicontato un pagamento di cui non c&apos;è la ricevuta.</source>
        <translation>The PSP reported a payment for which there is no receipt.</translation>
    </message>
    <message>
        <source>Il flusso di rendicontazione non risulta accreditato in tesoreria.</source>
        <translation>The reporting flow does not appear as credited in the treasury.</translation>
    </message>
    <message>
        <source>L&apos;accredito in tesoreria del flusso ha un importo diverso dal totale rendicontato.</source>
        <translation>The flow&apos;s treasury credit has an amount different from the reported total.</translation>
    </message>
    <message>
        <source>Accredito con un riferimento pagoPA (IUF o IUV) che non corrisponde a nessun flusso, ricevuta o dovuto.</source>
        <translation>Credit with a pagoPA reference (IUF or IUV) that matches no flow, receipt or debt.</translation>
    </message>
    <message>
        <source>Accredito senza alcun riferimento pagoPA nella causale.</source>
        <translation>Credit without any pagoPA reference in the reason for payment.</translation>
    </message>
    <message>
        <source>Lo stesso IUV risulta pagato o rendicontato più volte: l&apos;importo è l&apos;eccedenza.</source>
        <translation>The same IUV appears paid or reported more than once: the amount is the excess.</translation>
    </message>
    <message>
        <source>Flussi di rendicontazione (FdR)</source>
        <translation>Reporting flows (FdR)</translation>
    </message>
    <message>
        <source>Giornale di cassa OPI</source>
        <translation>OPI cash journal</translation>
    </message>
    <message>
        <source>Estratto conto CSV</source>
        <translation>CSV bank statement</translation>
    </message>
    <message>
        <source>File misti</source>
        <translation>Mixed files</translation>
    </message>
    <message>
        <source>Dovuto (notifica dell&apos;Ente)</source>
        <translation>Debt (authority&apos;s notification)</translation>
    </message>
    <message>
        <source>Ricevuta (RT)</source>
        <translation>Receipt (RT)</translation>
    </message>
    <message>
        <source>Rendicontazione PSP (FdR)</source>
        <translation>PSP report (FdR)</translation>
    </message>
    <message>
        <source>Movimento di tesoreria</source>
        <translation>Treasury movement</translation>
    </message>
    <message>
        <source>Il record collegato non è più presente: esegui di nuovo la riconciliazione.</source>
        <translation>The linked record is no longer there: run the reconciliation again.</translation>
    </message>
    <message>
        <source>Nessun dovuto dell&apos;Ente con questo IUV.</source>
        <translation>No debt of the authority with this IUV.</translation>
    </message>
    <message>
        <source>Nessuna ricevuta di pagamento con questo IUV.</source>
        <translation>No payment receipt with this IUV.</translation>
    </message>
    <message>
        <source>Nessun flusso di rendicontazione con questo IUV.</source>
        <translation>No reporting flow with this IUV.</translation>
    </message>
    <message>
        <source>Nessun accredito in tesoreria collegato.</source>
        <translation>No linked treasury credit.</translation>
    </message>
    <message>
        <source>Numero avviso</source>
        <translation>Notice number</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>IUR</source>
        <translation>IUR</translation>
    </message>
    <message>
        <source>Pagatore</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Importo pagato</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Totale pagato</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <source>Data esito</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <source>PSP</source>
        <translation>PSP</translation>
    </message>
    <message>
        <source>Identificativo ricevuta</source>
        <translation>Receipt identifier</translation>
    </message>
    <message>
        <source>Indice</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Flusso (IUF)</source>
        <translation>Flow (IUF)</translation>
    </message>
    <message>
        <source>Data flusso</source>
        <translation>Flow date</translation>
    </message>
    <message>
        <source>Regolamento</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <source>Data regolamento</source>
        <translation>Settlement date</translation>
    </message>
    <message>
        <source>Pagamenti nel flusso</source>
        <translation>Payments in the flow</translation>
    </message>
    <message>
        <source>Totale flusso</source>
        <translation>Flow total</translation>
    </message>
    <message>
        <source>Fonte</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Data contabile</source>
        <translation>Booking date</translation>
    </message>
    <message>
        <source>Data valuta</source>
        <translation>Value date</translation>
    </message>
    <message>
        <source>Ordinante</source>
        <translation>Ordering party</translation>
    </message>
    <message>
        <source>IUF nella causale</source>
        <translation>IUF in the reason for payment</translation>
    </message>
    <message>
        <source>IUV nella causale</source>
        <translation>IUV in the reason for payment</translation>
    </message>
    <message>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Conto</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Accrediti per questo flusso</source>
        <translation>Credits for this flow</translation>
    </message>
    <message>
        <source>{0}, totale {1}</source>
        <translation>{0}, total {1}</translation>
    </message>
    <message>
        <source>Estratto conto</source>
        <translation>Bank statement</translation>
    </message>
    <message>
        <source>codice sconosciuto</source>
        <translation>unknown code</translation>
    </message>
    <message>
        <source>sì</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Preparato (non ancora inviato)</source>
        <translation>Prepared (not sent yet)</translation>
    </message>
    <message>
        <source>Invio da verificare</source>
        <translation>Sending to be checked</translation>
    </message>
    <message>
        <source>In elaborazione sul portale</source>
        <translation>Being processed on the portal</translation>
    </message>
    <message>
        <source>Elaborato</source>
        <translation>Processed</translation>
    </message>
    <message>
        <source>Abbinato (IUD)</source>
        <translation>Matched (IUD)</translation>
    </message>
    <message>
        <source>Abbinato (IUV)</source>
        <translation>Matched (IUV)</translation>
    </message>
    <message>
        <source>Non abbinato</source>
        <translation>Not matched</translation>
    </message>
    <message>
        <source>Tipo di ricevuta</source>
        <translation>Receipt type</translation>
    </message>
    <message>
        <source>Dati dell&apos;export (la ricevuta XML non è inclusa)</source>
        <translation>Export data (the XML receipt is not included)</translation>
    </message>
    <message>
        <source>Data pagamento</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Pagamento eseguito</source>
        <translation>Payment made</translation>
    </message>
    <message>
        <source>Pagamento non eseguito</source>
        <translation>Payment not made</translation>
    </message>
    <message>
        <source>Pagamento parzialmente eseguito</source>
        <translation>Payment partly made</translation>
    </message>
    <message>
        <source>Decorrenza termini</source>
        <translation>Time limit expired</translation>
    </message>
    <message>
        <source>Decorrenza termini parziale</source>
        <translation>Time limit partly expired</translation>
    </message>
    <message>
        <source>Pagamento revocato</source>
        <translation>Payment revoked</translation>
    </message>
    <message>
        <source>Pagamento eseguito in Stand-In</source>
        <translation>Payment made in Stand-In</translation>
    </message>
    <message>
        <source>Pagamento eseguito in Stand-In senza RPT</source>
        <translation>Payment made in Stand-In without RPT</translation>
    </message>
    <message>
        <source>Pagamento eseguito in assenza di RPT</source>
        <translation>Payment made without RPT</translation>
    </message>
    <message>
        <source>Ricevuta pagoPA (paSendRT)</source>
        <translation>pagoPA receipt (paSendRT)</translation>
    </message>
    <message>
        <source>Ricevuta telematica (RT)</source>
        <translation>Electronic receipt (RT)</translation>
    </message>
    <message>
        <source>Esito MyPay (Pagati)</source>
        <translation>MyPay outcome (Pagati)</translation>
    </message>
    <message>
        <source>Ente creditore</source>
        <translation>Creditor authority</translation>
    </message>
    <message>
        <source>Versante</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Canale</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Metodo di pagamento</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Commissione</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Data e ora pagamento</source>
        <translation>Payment date and time</translation>
    </message>
    <message>
        <source>Data applicativa</source>
        <translation>Application date</translation>
    </message>
    <message>
        <source>Versamento</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Versamento {0}</source>
        <translation>Transfer {0}</translation>
    </message>
    <message>
        <source>Avviso</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Un&apos;altra postazione</source>
        <translation>Another desk</translation>
    </message>
    <message>
        <source>Un&apos;altra finestra o un comando di MyPay Desk su questa postazione ({0})</source>
        <translation>Another window or command of MyPay Desk on this desk ({0})</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale dalle {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been sending the list “{1}” to the portal since {2}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale dal {2}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been sending the list “{1}” to the portal since {2}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta inviando la lista «{1}» al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} is sending the list “{1}” to the portal: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been sending a flow to the portal since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been sending a flow to the portal since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta inviando un flusso al portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} is sending a flow to the portal: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been downloading the receipts from the portal since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been downloading the receipts from the portal since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta scaricando le ricevute dal portale: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} is downloading the receipts from the portal: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione dalle {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been running the reconciliation since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione dal {1}: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} has been running the reconciliation since {1}: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>{0} sta eseguendo la riconciliazione: attendi che abbia finito e riprova. Nulla è stato fatto.</source>
        <translation>{0} is running the reconciliation: wait until they have finished and try again. Nothing was done.</translation>
    </message>
    <message>
        <source>La connessione al database si è interrotta durante l&apos;operazione: per non inviare due volte gli stessi dati l&apos;operazione si è fermata e riprenderà al prossimo tentativo.</source>
        <translation>The connection to the database was lost during the operation: so as not to send the same data twice, the operation stopped and will resume at the next attempt.</translation>
    </message>
    <message>
        <source>Non riesco a salvare l&apos;Ente corrente in {0}: {1}</source>
        <translation>Cannot save the current Ente in {0}: {1}</translation>
    </message>
    <message>
        <source>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</source>
        <translation>The segregation code “{0}” must be two digits (00-99)</translation>
    </message>
    <message>
        <source>L&apos;IUD non può iniziare o finire con spazi</source>
        <translation>The IUD cannot start or end with spaces</translation>
    </message>
    <message>
        <source>Caratteri non ammessi nel civico: usa lettere senza accento, cifre, spazi e i comuni segni di punteggiatura (es. 12/A)</source>
        <translation>Characters not allowed in the street number: use unaccented letters, digits, spaces and common punctuation (e.g. 12/A)</translation>
    </message>
    <message>
        <source>L&apos;importo dell&apos;ente secondario supera il massimo ammesso (999.999.999,99)</source>
        <translation>The secondary entity&apos;s amount exceeds the maximum allowed (999,999,999.99)</translation>
    </message>
    <message>
        <source>IBAN «{0}» non valido: MyPay accetta IBAN italiani di {1} caratteri, questo ne ha {2}</source>
        <translation>IBAN “{0}” is not valid: MyPay accepts Italian IBANs of {1} characters, this one has {2}</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione dell&apos;ente secondario sono obbligatori (es. 9/0101108TS/)</source>
        <translation>The secondary entity&apos;s collection data are required (e.g. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Dati specifici dell&apos;ente secondario «{0}» non validi: la forma è 9/&lt;codice tassonomico&gt;/ seguito da al massimo 129 caratteri senza spazi (es. 9/0101108TS/)</source>
        <translation>Secondary entity collection data “{0}” are not valid: the form is 9/&lt;taxonomy code&gt;/ followed by at most 129 characters without spaces (e.g. 9/0101108TS/)</translation>
    </message>
    <message>
        <source>Capitolo {0}: un codice contiene caratteri di controllo (a capo, tabulazioni): rimuovili</source>
        <translation>Chapter {0}: a code contains control characters (line breaks, tabs): remove them</translation>
    </message>
    <message>
        <source>Rifiutato dal portale ({0}): {1}</source>
        <translation>Rejected by the portal ({0}): {1}</translation>
    </message>
    <message>
        <source>Rifiutato dal portale ({0})</source>
        <translation>Rejected by the portal ({0})</translation>
    </message>
    <message>
        <source>I dati specifici di riscossione devono avere la forma &lt;0|1|2|9&gt;/&lt;codice&gt; (es. 9/0101108TS/), da 5 a 140 caratteri senza spazi</source>
        <translation>The collection data must have the form &lt;0|1|2|9&gt;/&lt;code&gt; (e.g. 9/0101108TS/), 5 to 140 characters without spaces</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Copia dettagli</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Copiati negli appunti</source>
        <translation>Copied to the clipboard</translation>
    </message>
    <message>
        <source>Il file di log è {0}.</source>
        <translation>The log file is {0}.</translation>
    </message>
    <message>
        <source>Nulla di quanto già salvato è stato perso.</source>
        <translation>Nothing already saved has been lost.</translation>
    </message>
    <message>
        <source>Il database è occupato da un&apos;altra operazione (un&apos;altra finestra o un comando in corso).</source>
        <translation>The database is busy with another operation (another window or a command running).</translation>
    </message>
    <message>
        <source>Nulla è stato modificato: riprova tra poco.</source>
        <translation>Nothing has been changed: try again shortly.</translation>
    </message>
    <message>
        <source>Un valore contiene il carattere nullo (NUL, codice 0), che il database PostgreSQL non può salvare.</source>
        <translation>A value contains the null character (NUL, code 0), which the PostgreSQL database cannot store.</translation>
    </message>
    <message>
        <source>Nulla è stato modificato: togli quel carattere dal file o dal valore e riprova.</source>
        <translation>Nothing has been changed: remove that character from the file or the value and try again.</translation>
    </message>
    <message>
        <source>Il portale non ha risposto come previsto:</source>
        <translation>The portal did not answer as expected:</translation>
    </message>
    <message>
        <source>Le modifiche restano in attesa e verranno inviate alla prossima sincronizzazione.</source>
        <translation>The changes stay pending and will be sent at the next synchronisation.</translation>
    </message>
    <message>
        <source>Si è verificato un errore imprevisto.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Quanto già salvato non è stato perso.</source>
        <translation>Whatever was already saved has not been lost.</translation>
    </message>
    <message>
        <source>Copia i dettagli con «Copia dettagli» e inviali all&apos;assistenza.</source>
        <translation>Copy the details with “Copy details” and send them to support.</translation>
    </message>
    <message>
        <source>Si è verificato un errore imprevisto:</source>
        <translation>An unexpected error occurred:</translation>
    </message>
    <message>
        <source>L&apos;applicazione continua a funzionare e quanto già salvato non è stato perso.</source>
        <translation>The application keeps working and nothing already saved has been lost.</translation>
    </message>
    <message>
        <source>Errore imprevisto</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>instance_lock</name>
    <message>
        <source>MyPay Desk è già aperto su questo spazio di lavoro ({folder}).

Passa alla finestra già aperta (anche su un altro desktop o ridotta a icona), oppure chiudila e riapri l&apos;app. Due finestre sugli stessi dati non sono permesse perché ognuna mostrerebbe dati non aggiornati dall&apos;altra.</source>
        <translation>MyPay Desk is already open on this workspace ({folder}).

Switch to the window already open (it may be on another desktop or minimised), or close it and open the app again. Two windows on the same data are not allowed because each would show data the other has not updated.</translation>
    </message>
    <message>
        <source>MyPay Desk</source>
        <translation>MyPay Desk</translation>
    </message>
    <message>
        <source>Processo {pid} sul computer «{host}».</source>
        <translation>Process {pid} on computer “{host}”.</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>Un unico PDF (*.pdf)</source>
        <translation>A single PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Un PDF per dovuto in un file ZIP (*.zip)</source>
        <translation>One PDF per debt in a ZIP file (*.zip)</translation>
    </message>
    <message>
        <source>Avvisi</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>selezione</source>
        <translation>selection</translation>
    </message>
    <message>
        <source>Stampa avvisi</source>
        <translation>Print notices</translation>
    </message>
    <message>
        <source>{0}: importo sul portale {1}, nella lista {2}</source>
        <translation>{0}: amount on the portal {1}, in the list {2}</translation>
    </message>
    <message>
        <source>{0}: scadenza sul portale {1}, nella lista {2}</source>
        <translation>{0}: due date on the portal {1}, in the list {2}</translation>
    </message>
    <message>
        <source>{0}: modifiche non ancora inviate al portale</source>
        <translation>{0}: changes not sent to the portal yet</translation>
    </message>
    <message>
        <source>rimossi i file parziali di stampe interrotte: {0}</source>
        <translation>removed the partial files of interrupted prints: {0}</translation>
    </message>
    <message>
        <source>Nessun avviso stampato: nessuno dei dovuti scelti può avere un avviso (vedi i motivi elencati).</source>
        <translation>No notice printed: none of the chosen debts can have a notice (see the reasons listed).</translation>
    </message>
    <message>
        <source>Stampa degli avvisi annullata: nessun file creato</source>
        <translation>Printing of the notices cancelled: no file created</translation>
    </message>
</context>
</TS>
