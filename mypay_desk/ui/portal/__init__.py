"""Portale page widgets and desk dialogs."""
