from mypay_desk.ui.qtfix import guard_bool_refcounts as _guard  # PySide6 6.12.0 on CPython 3.11, see qtfix.py

_guard()
