"""Small widgets shared by the pages: form fields with inline errors, the status bar, saved view state."""
