"""python -m reportmine.store: write the SQLite schema snapshot (store/sqlite_schema.sql)
from the Alembic migrations; run it after adding a migration."""

from .snapshot import SNAPSHOT, regenerate

regenerate()
print(f"wrote {SNAPSHOT}")
