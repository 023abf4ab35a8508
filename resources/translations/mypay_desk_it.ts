<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="it_IT">
    <context>
        <name>EnteForm</name>
        <message>
            <source>Identità</source>
            <translation>Identità</translation>
        </message>
        <message>
            <source>Il codice IPA identifica l'Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</source>
            <translation>Il codice IPA identifica l'Ente nei flussi e non si modifica; per un altro Ente usa «Ente › Aggiungi un Ente…».</translation>
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
            <source>indirizzo, contatti: stampati sull'avviso</source>
            <translation>indirizzo, contatti: stampati sull'avviso</translation>
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
            <source>Iniziato presso l'Ente</source>
            <translation>Iniziato presso l'Ente</translation>
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
            <source>La pagina dei servizi di pagamento dell'Ente a cui rimanda il catalogo del portale regionale.</source>
            <translation>La pagina dei servizi di pagamento dell'Ente a cui rimanda il catalogo del portale regionale.</translation>
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
            <source>Confronta i pagamenti con i dovuti notificati dall'Ente (flg_pagati)</source>
            <translation>Confronta i pagamenti con i dovuti notificati dall'Ente (flg_pagati)</translation>
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
            <source>Correggi i campi segnati in rosso e salva di nuovo.</source>
            <translation>Correggi i campi segnati in rosso e salva di nuovo.</translation>
        </message>
        <message>
            <source>Salvataggio dell'Ente</source>
            <translation>Salvataggio dell'Ente</translation>
        </message>
        <message>
            <source>Dati dell'Ente salvati.</source>
            <translation>Dati dell'Ente salvati.</translation>
        </message>
        <message>
            <source>I dati dell'Ente non sono stati salvati</source>
            <translation>I dati dell'Ente non sono stati salvati</translation>
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
            <source>Salva l'Ente</source>
            <translation>Salva l'Ente</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Chi è l'Ente</source>
            <translation>Chi è l'Ente</translation>
        </message>
        <message>
            <source>I dati con cui l'Ente è registrato nell'Indice delle Pubbliche Amministrazioni e su MyPay.</source>
            <translation>I dati con cui l'Ente è registrato nell'Indice delle Pubbliche Amministrazioni e su MyPay.</translation>
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
            <source>Come l'Ente usa MyPay</source>
            <translation>Come l'Ente usa MyPay</translation>
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
            <source>L'indirizzo del portale MyPay a cui l'Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</source>
            <translation>L'indirizzo del portale MyPay a cui l'Ente invia i flussi; puoi lasciarlo vuoto e indicarlo più tardi.</translation>
        </message>
        <message>
            <source>Codici pagoPA</source>
            <translation>Codici pagoPA</translation>
        </message>
        <message>
            <source>Il codice di segregazione è assegnato all'Ente da MyPay: entra in ogni IUV e numero avviso.</source>
            <translation>Il codice di segregazione è assegnato all'Ente da MyPay: entra in ogni IUV e numero avviso.</translation>
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
            <source>Salvataggio dell'Ente</source>
            <translation>Salvataggio dell'Ente</translation>
        </message>
        <message>
            <source>Ente {0} salvato. Ora aggiungi i tipi dovuto.</source>
            <translation>Ente {0} salvato. Ora aggiungi i tipi dovuto.</translation>
        </message>
        <message>
            <source>L'Ente non è stato salvato</source>
            <translation>L'Ente non è stato salvato</translation>
        </message>
    </context>
    <context>
        <name>LogoPicker</name>
        <message>
            <source>Il logo pesa {0} kB: al massimo {1} kB</source>
            <translation>Il logo pesa {0} kB: al massimo {1} kB</translation>
        </message>
        <message>
            <source>Il logo deve essere un'immagine PNG o JPEG</source>
            <translation>Il logo deve essere un'immagine PNG o JPEG</translation>
        </message>
        <message>
            <source>L'immagine del logo è danneggiata o illeggibile</source>
            <translation>L'immagine del logo è danneggiata o illeggibile</translation>
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
            <source>Scegli il logo dell'Ente</source>
            <translation>Scegli il logo dell'Ente</translation>
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
            <source>Qui prepari le liste di dovuti dell'Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L'app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</source>
            <translation>Qui prepari le liste di dovuti dell'Ente: importi da Excel, CSV o flussi MyPay, correggi le righe segnalate come errate, assegni IUV e numeri avviso e stampi gli avvisi di pagamento. L'app calcola da sola quali dovuti inviare al portale come nuovi, modificati o annullati.</translation>
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
            <source>Impostazioni</source>
            <translation>Impostazioni</translation>
        </message>
        <message>
            <source>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</source>
            <translation>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Esci</source>
            <translation>&amp;Esci</translation>
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
            <source>Apri l'Ente dimostrativo</source>
            <translation>Apri l'Ente dimostrativo</translation>
        </message>
        <message>
            <source>Passa a:</source>
            <translation>Passa a:</translation>
        </message>
        <message>
            <source>Ente corrente: {0}</source>
            <translation>Ente corrente: {0}</translation>
        </message>
        <message>
            <source>L'Ente dimostrativo non è disponibile in questa versione dell'app. Configura il tuo Ente con «Configura il tuo Ente».</source>
            <translation>L'Ente dimostrativo non è disponibile in questa versione dell'app. Configura il tuo Ente con «Configura il tuo Ente».</translation>
        </message>
        <message>
            <source>Preparazione dell'Ente dimostrativo</source>
            <translation>Preparazione dell'Ente dimostrativo</translation>
        </message>
        <message>
            <source>Ente dimostrativo pronto: il portale di prova è attivo.</source>
            <translation>Ente dimostrativo pronto: il portale di prova è attivo.</translation>
        </message>
        <message>
            <source>L'Ente dimostrativo non è pronto</source>
            <translation>L'Ente dimostrativo non è pronto</translation>
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
        <name>PlaceholderPage</name>
        <message>
            <source>Questa sezione non è ancora disponibile in questa versione.</source>
            <translation>Questa sezione non è ancora disponibile in questa versione.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Impostazioni</source>
            <translation>Impostazioni</translation>
        </message>
        <message>
            <source>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</source>
            <translation>I dati dell'Ente, i tipi dovuto e le preferenze di questa postazione.</translation>
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
            <source>La lingua scelta si applica al prossimo avvio dell'app.</source>
            <translation>La lingua scelta si applica al prossimo avvio dell'app.</translation>
        </message>
        <message>
            <source>Lingua dell'interfaccia</source>
            <translation>Lingua dell'interfaccia</translation>
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
            <source>Backup</source>
            <translation>Backup</translation>
        </message>
        <message>
            <source>Una copia del database viene fatta a ogni aggiornamento dell'app. Qui troverai i backup automatici e il ripristino da backup.</source>
            <translation>Una copia del database viene fatta a ogni aggiornamento dell'app. Qui troverai i backup automatici e il ripristino da backup.</translation>
        </message>
        <message>
            <source>Lingua salvata: sarà usata al prossimo avvio.</source>
            <translation>Lingua salvata: sarà usata al prossimo avvio.</translation>
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
        <message>
            <source>Modifiche in attesa: {0}</source>
            <translation>Modifiche in attesa: {0}</translation>
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
            <source>Stampa la scadenza sull'avviso</source>
            <translation>Stampa la scadenza sull'avviso</translation>
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
        <name>_ModeChooser</name>
        <message>
            <source>Base (pagamenti spontanei)</source>
            <translation>Base (pagamenti spontanei)</translation>
        </message>
        <message>
            <source>I cittadini pagano spontaneamente sul portale; l'app scarica le ricevute e riconcilia.</source>
            <translation>I cittadini pagano spontaneamente sul portale; l'app scarica le ricevute e riconcilia.</translation>
        </message>
        <message>
            <source>Per flussi</source>
            <translation>Per flussi</translation>
        </message>
        <message>
            <source>L'Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</source>
            <translation>L'Ente carica liste di dovuti e avvisi con i flussi e li tiene allineati al portale.</translation>
        </message>
        <message>
            <source>Iniziato presso l'Ente</source>
            <translation>Iniziato presso l'Ente</translation>
        </message>
        <message>
            <source>In più, lo sportello dell'Ente avvia il pagamento e consegna link o QR al cittadino.</source>
            <translation>In più, lo sportello dell'Ente avvia il pagamento e consegna link o QR al cittadino.</translation>
        </message>
    </context>
    <context>
        <name>_ProgressDialog</name>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
    </context>
    <context>
        <name>domain</name>
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
            <source>Il nome dell'Ente è obbligatorio</source>
            <translation>Il nome dell'Ente è obbligatorio</translation>
        </message>
        <message>
            <source>Il nome dell'Ente supera i 100 caratteri</source>
            <translation>Il nome dell'Ente supera i 100 caratteri</translation>
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
            <source>Il conto corrente postale ha fino a 12 cifre</source>
            <translation>Il conto corrente postale ha fino a 12 cifre</translation>
        </message>
        <message>
            <source>Indica l'intestatario del conto corrente postale</source>
            <translation>Indica l'intestatario del conto corrente postale</translation>
        </message>
        <message>
            <source>L'indirizzo deve iniziare con http:// o https://</source>
            <translation>L'indirizzo deve iniziare con http:// o https://</translation>
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
            <source>Il codice fiscale dell'Ente «{0}» deve avere 11 cifre</source>
            <translation>Il codice fiscale dell'Ente «{0}» deve avere 11 cifre</translation>
        </message>
        <message>
            <source>Il codice fiscale dell'Ente «{0}» ha il carattere di controllo errato</source>
            <translation>Il codice fiscale dell'Ente «{0}» ha il carattere di controllo errato</translation>
        </message>
        <message>
            <source>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</source>
            <translation>Il codice di segregazione «{0}» deve essere di due cifre (00-99)</translation>
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
            <source>Copia i dettagli con «Copia dettagli» e inviali all'assistenza.</source>
            <translation>Copia i dettagli con «Copia dettagli» e inviali all'assistenza.</translation>
        </message>
        <message>
            <source>Si è verificato un errore imprevisto:</source>
            <translation>Si è verificato un errore imprevisto:</translation>
        </message>
        <message>
            <source>L'applicazione continua a funzionare e quanto già salvato non è stato perso.</source>
            <translation>L'applicazione continua a funzionare e quanto già salvato non è stato perso.</translation>
        </message>
        <message>
            <source>Errore imprevisto</source>
            <translation>Errore imprevisto</translation>
        </message>
    </context>
</TS>
