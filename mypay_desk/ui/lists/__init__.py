"""The debts table and its dialogs: lazy model, delegates, clipboard, undo, bulk changes, import."""
