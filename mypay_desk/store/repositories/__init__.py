"""Repositories: the queries the services need, one module per area."""
