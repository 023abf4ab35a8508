"""ente.iuv_generation: who gives a debt sent without an IUV its IUV (portal | app);
treasury_movement.bill_number: esercizio/numero_bolletta_quietanza, what a reversal names

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN only (no table copy): existing Enti get the portal, which works without a segregation code.
    with op.batch_alter_table('ente', recreate='never') as batch_op:
        batch_op.add_column(sa.Column('iuv_generation', sa.String(length=10), nullable=False,
                                      server_default='portal'))
    with op.batch_alter_table('treasury_movement', recreate='never') as batch_op:
        batch_op.add_column(sa.Column('bill_number', sa.String(length=30), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('treasury_movement') as batch_op:
        batch_op.drop_column('bill_number')
    with op.batch_alter_table('ente') as batch_op:
        batch_op.drop_column('iuv_generation')
