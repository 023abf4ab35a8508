<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
    <context>
        <name>EnteForm</name>
        <message>
            <source>Identità</source>
            <translation>Identity</translation>
        </message>
        <message>
            <source>Il codice IPA identifica l'Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</source>
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
            <source>indirizzo, contatti: stampati sull'avviso</source>
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
            <source>Iniziato presso l'Ente</source>
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
            <source>La pagina dei servizi di pagamento dell'Ente a cui rimanda il catalogo del portale regionale.</source>
            <translation>The authority's payment services page that the regional portal's catalogue links to.</translation>
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
            <source>Confronta i pagamenti con i dovuti notificati dall'Ente (flg_pagati)</source>
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
            <source>Correggi i campi segnati in rosso e salva di nuovo.</source>
            <translation>Correct the fields marked in red and save again.</translation>
        </message>
        <message>
            <source>Salvataggio dell'Ente</source>
            <translation>Saving the authority</translation>
        </message>
        <message>
            <source>Dati dell'Ente salvati.</source>
            <translation>Authority details saved.</translation>
        </message>
        <message>
            <source>I dati dell'Ente non sono stati salvati</source>
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
            <source>Salva l'Ente</source>
            <translation>Save the authority</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Chi è l'Ente</source>
            <translation>Who the authority is</translation>
        </message>
        <message>
            <source>I dati con cui l'Ente è registrato nell'Indice delle Pubbliche Amministrazioni e su MyPay.</source>
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
            <source>Come l'Ente usa MyPay</source>
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
            <source>L'indirizzo del portale MyPay a cui l'Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</source>
            <translation>The address of the MyPay portal the authority sends its flows to; you can leave it empty and enter it later.</translation>
        </message>
        <message>
            <source>Codici pagoPA</source>
            <translation>pagoPA codes</translation>
        </message>
        <message>
            <source>Il codice di segregazione è assegnato all'Ente da MyPay: entra in ogni IUV e numero avviso.</source>
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
            <source>Salvataggio dell'Ente</source>
            <translation>Saving the authority</translation>
        </message>
        <message>
            <source>Ente {0} salvato. Ora aggiungi i tipi dovuto.</source>
            <translation>Authority {0} saved. Now add its payment types.</translation>
        </message>
        <message>
            <source>L'Ente non è stato salvato</source>
            <translation>The authority was not saved</translation>
        </message>
    </context>
    <context>
        <name>LogoPicker</name>
        <message>
            <source>Il logo pesa {0} kB: al massimo {1} kB</source>
            <translation>The logo is {0} kB: at most {1} kB</translation>
        </message>
        <message>
            <source>Il logo deve essere un'immagine PNG o JPEG</source>
            <translation>The logo must be a PNG or JPEG image</translation>
        </message>
        <message>
            <source>L'immagine del logo è danneggiata o illeggibile</source>
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
            <source>Scegli il logo dell'Ente</source>
            <translation>Choose the authority's logo</translation>
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
            <source>Qui prepari le liste di dovuti dell'Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L'app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</source>
            <translation>Here you prepare the authority's debt lists: import from Excel, CSV or MyPay flows, fix the rows flagged as wrong, assign IUVs and notice numbers and print the payment notices. The app works out by itself which debts to send to the portal as new, changed or cancelled.</translation>
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
            <translation>Here you find the payment receipts downloaded from the portal or imported from files, with the debt they match, and the amounts collected per payment type.</translation>
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
            <source>Impostazioni</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</source>
            <translation>The authority's details, its payment types and the preferences of this workstation.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Esci</source>
            <translation>E&amp;xit</translation>
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
            <source>Apri l'Ente dimostrativo</source>
            <translation>Open the demo authority</translation>
        </message>
        <message>
            <source>Passa a:</source>
            <translation>Switch to:</translation>
        </message>
        <message>
            <source>Ente corrente: {0}</source>
            <translation>Current authority: {0}</translation>
        </message>
        <message>
            <source>L'Ente dimostrativo non è disponibile in questa versione dell'app. Configura il tuo Ente con «Configura il tuo Ente».</source>
            <translation>The demo authority is not available in this version of the app. Set up your authority with “Set up your authority”.</translation>
        </message>
        <message>
            <source>Preparazione dell'Ente dimostrativo</source>
            <translation>Preparing the demo authority</translation>
        </message>
        <message>
            <source>Ente dimostrativo pronto: il portale di prova è attivo.</source>
            <translation>Demo authority ready: the test portal is running.</translation>
        </message>
        <message>
            <source>L'Ente dimostrativo non è pronto</source>
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
        <name>PlaceholderPage</name>
        <message>
            <source>Questa sezione non è ancora disponibile in questa versione.</source>
            <translation>This section is not available yet in this version.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Impostazioni</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</source>
            <translation>The authority's details, its payment types and the preferences of this workstation.</translation>
        </message>
        <message>
            <source>Ente</source>
            <translation>Authority</translation>
        </message>
        <message>
            <source>Tipi dovuto</source>
            <translation>Payment types</translation>
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
            <source>La lingua scelta si applica al prossimo avvio dell'app.</source>
            <translation>The chosen language applies the next time the app starts.</translation>
        </message>
        <message>
            <source>Lingua dell'interfaccia</source>
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
            <source>Backup</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>Una copia del database viene fatta a ogni aggiornamento dell'app. Qui troverai i backup automatici e il ripristino da backup.</source>
            <translation>A copy of the database is made at every update of the app. Automatic backups and restoring from a backup will be here.</translation>
        </message>
        <message>
            <source>Lingua salvata: sarà usata al prossimo avvio.</source>
            <translation>Language saved: it will be used at the next start.</translation>
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
        <message>
            <source>Modifiche in attesa: {0}</source>
            <translation>Pending changes: {0}</translation>
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
            <translation>New payment type</translation>
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
            <source>Stampa la scadenza sull'avviso</source>
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
            <translation>Save payment type</translation>
        </message>
        <message>
            <source>Annulla modifiche</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <source>Tipi dovuto non caricati</source>
            <translation>Payment types not loaded</translation>
        </message>
        <message>
            <source>Modifiche non salvate</source>
            <translation>Unsaved changes</translation>
        </message>
        <message>
            <source>Il tipo dovuto ha modifiche non salvate. Vuoi lasciarle?</source>
            <translation>The payment type has unsaved changes. Discard them?</translation>
        </message>
        <message>
            <source>Tipo dovuto {0}</source>
            <translation>Payment type {0}</translation>
        </message>
        <message>
            <source>Il tipo dovuto «{0}» esiste già: selezionalo nella tabella per modificarlo</source>
            <translation>The payment type “{0}” already exists: select it in the table to edit it</translation>
        </message>
        <message>
            <source>Salvataggio del tipo dovuto</source>
            <translation>Saving the payment type</translation>
        </message>
        <message>
            <source>Tipo dovuto {0} salvato.</source>
            <translation>Payment type {0} saved.</translation>
        </message>
        <message>
            <source>Il tipo dovuto non è stato salvato</source>
            <translation>The payment type was not saved</translation>
        </message>
        <message>
            <source>Elimina tipo dovuto</source>
            <translation>Delete payment type</translation>
        </message>
        <message>
            <source>Eliminare il tipo dovuto «{0}»? I dovuti già creati con questo tipo restano, ma non potrai crearne di nuovi. Per sospenderlo soltanto, togli «Attivo».</source>
            <translation>Delete the payment type “{0}”? Debts already created with this type remain, but you will not be able to create new ones. To suspend it only, clear “Active”.</translation>
        </message>
        <message>
            <source>Tipo dovuto {0} eliminato.</source>
            <translation>Payment type {0} deleted.</translation>
        </message>
        <message>
            <source>Il tipo dovuto non è stato eliminato</source>
            <translation>The payment type was not deleted</translation>
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
        <name>_ModeChooser</name>
        <message>
            <source>Base (pagamenti spontanei)</source>
            <translation>Basic (spontaneous payments)</translation>
        </message>
        <message>
            <source>I cittadini pagano spontaneamente sul portale; l'app scarica le ricevute e riconcilia.</source>
            <translation>Citizens pay spontaneously on the portal; the app downloads the receipts and reconciles.</translation>
        </message>
        <message>
            <source>Per flussi</source>
            <translation>By flows</translation>
        </message>
        <message>
            <source>L'Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</source>
            <translation>The authority uploads debt lists and notices as flows and keeps them aligned with the portal.</translation>
        </message>
        <message>
            <source>Iniziato presso l'Ente</source>
            <translation>Started at the authority</translation>
        </message>
        <message>
            <source>In più, lo sportello dell'Ente avvia il pagamento e consegna link o QR al cittadino.</source>
            <translation>In addition, the authority's front desk starts the payment and hands the citizen a link or QR code.</translation>
        </message>
    </context>
    <context>
        <name>_ProgressDialog</name>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>domain</name>
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
            <source>Il nome dell'Ente è obbligatorio</source>
            <translation>The authority's name is required</translation>
        </message>
        <message>
            <source>Il nome dell'Ente supera i 100 caratteri</source>
            <translation>The authority's name is longer than 100 characters</translation>
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
            <source>Il conto corrente postale ha fino a 12 cifre</source>
            <translation>The postal account has up to 12 digits</translation>
        </message>
        <message>
            <source>Indica l'intestatario del conto corrente postale</source>
            <translation>Enter the holder of the postal account</translation>
        </message>
        <message>
            <source>L'indirizzo deve iniziare con http:// o https://</source>
            <translation>The address must start with http:// or https://</translation>
        </message>
        <message>
            <source>Il codice del tipo dovuto è obbligatorio</source>
            <translation>The payment type code is required</translation>
        </message>
        <message>
            <source>Il codice del tipo dovuto supera i 64 caratteri</source>
            <translation>The payment type code is longer than 64 characters</translation>
        </message>
        <message>
            <source>Il codice del tipo dovuto ammette lettere, cifre e _</source>
            <translation>The payment type code allows letters, digits and _</translation>
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
            <source>Il codice fiscale dell'Ente «{0}» deve avere 11 cifre</source>
            <translation>The authority's tax code “{0}” must have 11 digits</translation>
        </message>
        <message>
            <source>Il codice fiscale dell'Ente «{0}» ha il carattere di controllo errato</source>
            <translation>The authority's tax code “{0}” has a wrong check digit</translation>
        </message>
        <message>
            <source>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</source>
            <translation>The segregation code “{0}” must be two digits (00-99)</translation>
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
            <source>Copia i dettagli con «Copia dettagli» e inviali all'assistenza.</source>
            <translation>Copy the details with “Copy details” and send them to support.</translation>
        </message>
        <message>
            <source>Si è verificato un errore imprevisto:</source>
            <translation>An unexpected error occurred:</translation>
        </message>
        <message>
            <source>L'applicazione continua a funzionare e quanto già salvato non è stato perso.</source>
            <translation>The application keeps working and nothing already saved has been lost.</translation>
        </message>
        <message>
            <source>Errore imprevisto</source>
            <translation>Unexpected error</translation>
        </message>
    </context>
</TS>
