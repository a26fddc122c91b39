"""Alembic environment for the run database.

reportmine runs migrations itself (store/db.py: ``upgrade``), passing its own
connection in ``config.attributes["connection"]``; a developer's
``alembic -c src/reportmine/store/alembic.ini …`` uses the URL in that file.
"""

from alembic import context
from sqlalchemy import create_engine

from reportmine.store.models import metadata


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from reportmine.store.db import engine_url

    engine = create_engine(engine_url(context.config.get_main_option("sqlalchemy.url")))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


main()
