"""Payment notices in the GUI: the PDF preview with printing, and batch printing of a list or selection."""
