"""Persistence: SQLAlchemy models, the database engine, Alembic migrations and repositories.

The only package that speaks SQL.
"""
