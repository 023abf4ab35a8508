"""Parts of the Impostazioni page: the Ente form and the tipi dovuto editor."""
