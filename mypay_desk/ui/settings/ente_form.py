"""The Ente form of Impostazioni: every field of EnteData, saved through ``ws.ente.save``.

Messages from ``validate_ente`` show under each field while typing (fields touched so far) and all at
once on "Salva"; an error the service raises for a field lands under that field. The IPA code is
read-only here: it names the Ente in every flow, and another Ente is added from the Ente menu.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mypay_desk.domain.ente import EnteData, validate_ente
from mypay_desk.domain.identity import normalize
from mypay_desk.services.errors import UserError
from mypay_desk.ui.context import AppContext
from mypay_desk.ui.errors import show_error
from mypay_desk.ui.widgets.fields import FieldSet
from mypay_desk.ui.widgets.logo_picker import LogoPicker

log = logging.getLogger(__name__)


class EnteForm(QWidget):
    saved = Signal(object)  # EnteData

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enteForm")
        self.ente: EnteData | None = None
        self.dirty = False
        self._saving = False
        f = self.fields = FieldSet(self)

        # --- Identità -------------------------------------------------------------------------
        identity = QGroupBox(self.tr("Identità"))
        form = self._form(identity)
        ipa = f.line("ipa_code")
        ipa.setReadOnly(True)
        ipa.setToolTip(self.tr("Il codice IPA identifica l'Ente nei flussi e non si modifica; "
                               "per un altro Ente usa «Ente › Aggiungi un Ente…»."))
        form.addRow(self.tr("Codice IPA"), f.cell("ipa_code"))
        f.line("fiscal_code", max_length=20)
        form.addRow(self.tr("Codice fiscale"), f.cell("fiscal_code"))
        f.line("name", max_length=100)
        form.addRow(self.tr("Denominazione"), f.cell("name"))
        f.line("sector", max_length=100, placeholder=self.tr("es. Servizi tributari"))
        form.addRow(self.tr("Settore"), f.cell("sector"))
        f.text("info", max_length=200, lines=3, placeholder=self.tr("indirizzo, contatti: stampati sull'avviso"))
        form.addRow(self.tr("Informazioni"), f.cell("info"))
        self.logo = LogoPicker(settings=ctx.settings)
        f.custom("logo", self.logo, self.logo.logo, self.logo.set_logo, self.logo.changed)
        self.logo.problem.connect(lambda msg: f.set_error("logo", msg))
        form.addRow(self.tr("Logo"), f.cell("logo"))

        # --- Codici pagoPA --------------------------------------------------------------------------
        codes = QGroupBox(self.tr("Codici pagoPA"))
        form = self._form(codes)
        f.line("segregation_code", max_length=2, placeholder=self.tr("due cifre"))
        form.addRow(self.tr("Codice di segregazione"), f.cell("segregation_code"))
        f.line("application_code", max_length=2, placeholder=self.tr("facoltativo, due cifre"))
        form.addRow(self.tr("Codice applicativo"), f.cell("application_code"))
        f.line("cbill", max_length=5, upper=True, placeholder=self.tr("facoltativo"))
        form.addRow(self.tr("Codice CBILL"), f.cell("cbill"))
        self.cbill_note = QLabel()
        self.cbill_note.setObjectName("cbillNote")
        self.cbill_note.setProperty("role", "hint")
        self.cbill_note.setWordWrap(True)
        form.addRow("", self.cbill_note)
        f.editor("cbill").textChanged.connect(lambda _t: self._update_cbill_note())
        f.combo("iuv_generation", [
            ("portal", self.tr("Il portale MyPay")),
            ("app", self.tr("MyPay Desk, dal codice di segregazione")),
        ])
        form.addRow(self.tr("Chi genera gli IUV"), f.cell("iuv_generation"))
        iuv_note = QLabel(self.tr(
            "Per i dovuti inviati senza IUV. Il portale lo genera importando il flusso e l'app lo riceve con "
            "l'esito; MyPay Desk lo assegna prima dell'invio, così gli avvisi si stampano anche senza connessione."))
        iuv_note.setProperty("role", "hint")
        iuv_note.setWordWrap(True)
        form.addRow("", iuv_note)
        self.progressive = QLabel()
        self.progressive.setProperty("role", "hint")
        self.progressive.setToolTip(self.tr("Il prossimo progressivo IUV: avanza da solo e non viene mai riusato."))
        form.addRow(self.tr("Prossimo progressivo IUV"), self.progressive)

        # --- Adesione --------------------------------------------------------------------------------
        adhesion = QGroupBox(self.tr("Adesione a MyPay"))
        form = self._form(adhesion)
        f.combo("adhesion_mode", [
            ("base", self.tr("Base (pagamenti spontanei)")),
            ("flussi", self.tr("Per flussi")),
            ("ente", self.tr("Iniziato presso l'Ente")),
        ])
        form.addRow(self.tr("Modalità"), f.cell("adhesion_mode"))
        f.line("portal_url", max_length=300, placeholder="https://")
        form.addRow(self.tr("Indirizzo del portale"), f.cell("portal_url"))
        f.line("payments_web_page", max_length=300, placeholder="https://")
        f.editor("payments_web_page").setToolTip(self.tr(
            "La pagina dei servizi di pagamento dell'Ente a cui rimanda il catalogo del portale regionale."))
        form.addRow(self.tr("Pagina web dei pagamenti"), f.cell("payments_web_page"))
        note = QLabel(self.tr("La password del portale e la prova di connessione sono nella pagina Portale."))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        form.addRow("", note)

        # --- Poste -----------------------------------------------------------------------------------
        poste = QGroupBox(self.tr("Conto corrente postale"))
        form = self._form(poste)
        f.line("postal_account", max_length=12, placeholder=self.tr("fino a 12 cifre"))
        form.addRow(self.tr("Numero di conto"), f.cell("postal_account"))
        f.line("postal_holder", max_length=100)
        form.addRow(self.tr("Intestatario"), f.cell("postal_holder"))
        f.line("poste_authorization", max_length=200, placeholder=self.tr("es. AUT. 123/2024 del 01/01/2024"))
        form.addRow(self.tr("Autorizzazione Poste"), f.cell("poste_authorization"))

        # --- Riconciliazione ----------------------------------------------------------------------------
        recon = QGroupBox(self.tr("Riconciliazione"))
        col = QVBoxLayout(recon)
        f.check("reconcile_notifications",
                self.tr("Confronta i pagamenti con i dovuti notificati dall'Ente (flg_pagati)"))
        f.check("reconcile_treasury",
                self.tr("Confronta i riversamenti con i movimenti di tesoreria (flg_tesoreria)"))
        col.addWidget(f.cell("reconcile_notifications"))
        col.addWidget(f.cell("reconcile_treasury"))

        # --- buttons ----------------------------------------------------------------------------------
        self.save_button = QPushButton(self.tr("Salva"))
        self.save_button.setObjectName("saveEnte")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Annulla modifiche"))
        self.revert_button.clicked.connect(self.revert)
        self.demo_note = QLabel(self.tr("Ente dimostrativo: collegato al portale di prova locale."))
        self.demo_note.setObjectName("demoBadge")
        self.demo_note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_note)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (identity, recon):
            left.addWidget(box)
        left.addStretch(1)
        for box in (adhesion, codes, poste):
            right.addWidget(box)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setObjectName("enteScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        f.edited.connect(self._edited)
        self._set_dirty(False)

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(6)
        return form

    # --- loading ----------------------------------------------------------------------------------
    def load(self, ente: EnteData | None) -> None:
        self.ente = ente
        self.setEnabled(ente is not None)
        if ente is None:
            return
        self.fields.set_values({n: getattr(ente, n) for n in self.fields.names()})
        self.progressive.setText(str(ente.iuv_progressive))
        self.demo_note.setVisible(bool(ente.is_demo))
        self._update_cbill_note()
        self._set_dirty(False)

    def _update_cbill_note(self) -> None:
        """What the notices lack without a CBILL code (the line for paying through home banking)."""
        if self.fields.value("cbill"):
            self.cbill_note.setText(self.tr("Gli avvisi riportano il codice CBILL per pagare dall'home banking."))
        else:
            self.cbill_note.setText(self.tr(
                "Senza codice CBILL gli avvisi non riportano la riga per pagare dall'home banking (circuito "
                "CBILL): il codice lo assegna la banca tesoriera, se l'Ente aderisce a CBILL."))

    def data(self) -> EnteData:
        """The Ente as the form shows it (unchanged fields keep their stored values)."""
        assert self.ente is not None
        v = self.fields.values()
        v["fiscal_code"] = normalize(v["fiscal_code"])
        v["cbill"] = (v["cbill"] or "").upper()
        return replace(self.ente, **v)

    def messages(self) -> dict[str, str]:
        msgs: dict[str, str] = {}
        for err in validate_ente(self.data()).errors:
            msgs.setdefault(err.field, err.message)
        logo_problem = self.fields.error("logo")
        if logo_problem:
            msgs["logo"] = logo_problem
        return msgs

    def _edited(self, name: str) -> None:
        self._set_dirty(True)
        if name == "logo":
            return  # the picker reports its own problems
        msgs = self.messages()
        msgs.pop("logo", None)
        logo = self.fields.error("logo")
        self.fields.show_report(msgs, only_touched=True)
        self.fields.set_error("logo", logo)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)

    def revert(self) -> None:
        self.load(self.ente)

    # --- saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        """Validate, then save on the database lane. False when the form shows errors instead."""
        if self.ente is None or self._saving:
            return False
        msgs = self.messages()
        if msgs:
            self.fields.touch_all()
            self.fields.show_report(msgs)
            self.fields.focus(next(iter(msgs)))
            self.ctx.status_message.emit(self.tr("Correggi i campi segnati in rosso e salva di nuovo."))
            return False
        data = self.data()
        self._saving = True
        self._set_dirty(True)
        ws = self.ctx.ws
        self.ctx.tasks.run(lambda _p, _c: ws.ente.save(data, make_current=True), lane="db",
                           title=self.tr("Salvataggio dell'Ente"), cancellable=False, parent_widget=self,
                           on_success=self._saved, on_error=self._save_failed)
        return True

    def _saved(self, ente: EnteData) -> None:
        self._saving = False
        self.load(ente)
        self.saved.emit(ente)
        self.ctx.ente_changed.emit()
        self.ctx.status_message.emit(self.tr("Dati dell'Ente salvati."))

    def _save_failed(self, failure) -> None:
        self._saving = False
        self._set_dirty(True)
        exc = failure.exception
        if isinstance(exc, UserError) and exc.field and self.fields.set_error(exc.field, exc.message):
            self.fields.focus(exc.field)
            return
        show_error(self, self.tr("I dati dell'Ente non sono stati salvati"), failure)
