"""Aiuto › Guida rapida: the keys, how to type dates and amounts, how to import, send and print."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guida rapida"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(640, 560)

    def text(self) -> str:
        keys = [
            (self.tr("Ctrl+1 … Ctrl+5"), self.tr("Liste, Portale, Pagamenti, Riconciliazione, Impostazioni")),
            (self.tr("Ctrl+Maiusc+N"), self.tr("nuovo dovuto in fondo alla lista")),
            (self.tr("Invio / Maiusc+Invio"), self.tr("conferma la cella e scende / sale")),
            (self.tr("Tab / Maiusc+Tab"), self.tr("conferma la cella e passa a destra / a sinistra")),
            (self.tr("Esc"), self.tr("lascia la cella com'era")),
            (self.tr("F2"), self.tr("modifica la cella senza cancellarla")),
            (self.tr("Canc"), self.tr("svuota le celle selezionate")),
            (self.tr("Ctrl+Z / Ctrl+Y"), self.tr("annulla / ripeti (anche incolla e modifiche in blocco)")),
            (self.tr("Ctrl+C / Ctrl+V"), self.tr("copia / incolla celle, anche da e verso Excel")),
            (self.tr("Ctrl+F"), self.tr("cerca nella pagina")),
            (self.tr("Ctrl+D"), self.tr("dettaglio del dovuto: debitore, rate, bilancio")),
            (self.tr("Ctrl+I / Ctrl+E / Ctrl+P"), self.tr("importa / esporta in Excel / stampa avvisi")),
            (self.tr("Alt+Giù o F4"), self.tr("in una data: apre il calendario")),
            (self.tr("Ctrl+Q"), self.tr("esci")),
        ]
        rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in keys)
        return self.tr(
            "<h2>Guida rapida</h2>"
            "<h3>Tasti</h3><table cellspacing='4'>{0}</table>"
            "<h3>Date e importi</h3>"
            "<p>Le date si scrivono giorno, mese, anno: <b>28/02/2027</b>, <b>28/2/27</b>, <b>28022027</b>, "
            "<b>28-02-2027</b> o <b>2027-02-28</b>. Una data che non esiste (31/02) non viene salvata: il "
            "campo diventa rosso e dice perché. Gli importi si scrivono all'italiana: <b>1.234,56</b>, "
            "<b>45,5</b>, <b>45,50 €</b>.</p>"
            "<h3>Importare una lista</h3>"
            "<ol><li>Nella pagina Liste di dovuti premi <b>Importa…</b> (Ctrl+I) o trascina il file sulla "
            "tabella: Excel (.xlsx), CSV o flusso MyPay (.zip).</li>"
            "<li>Controlla l'abbinamento delle colonne e l'anteprima: ogni riga con problemi dice quale "
            "campo correggere.</li>"
            "<li>Scegli la lista (nuova o esistente) e conferma. Importare di nuovo nella stessa lista la "
            "aggiorna: i dovuti sono riconosciuti dallo IUD.</li></ol>"
            "<h3>Inviare al portale</h3>"
            "<p><b>Invia al portale</b> mostra quanti inserimenti, modifiche e annullamenti partiranno e "
            "quali righe restano fuori (con errori, o rifiutate e non corrette), poi chiede conferma. "
            "Alla fine elenca le righe rifiutate con il motivo.</p>"
            "<h3>Stampare gli avvisi</h3>"
            "<p><b>Stampa avvisi…</b> (Ctrl+P) stampa la lista o le righe selezionate. Se un importo o una "
            "scadenza sono cambiati e non ancora inviati, l'app avvisa prima di stampare.</p>").format(rows)
