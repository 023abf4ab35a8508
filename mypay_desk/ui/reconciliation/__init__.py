"""Widgets and models of the Riconciliazione page."""
