"""Use cases: synchronous, no Qt. Each takes a cancel token and a progress callback where work is long."""
