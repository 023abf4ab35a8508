"""Command-line sub-commands, one module per area; each exposes ``register(subparsers)``.

Handlers take ``(args, ctx)`` where ``ctx`` is a :class:`mypay_desk.clicmds.common.CliContext`.
"""

AREA_MODULES = ["lists", "portal", "receipts", "reconcile", "notices", "simulator", "workspace", "audit"]
