"""Pure rules and value types: no I/O, no Qt, no SQL.

Besides the standard library, only python-stdnum (codice fiscale / partita IVA checks) is allowed here.
"""
