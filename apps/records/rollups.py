"""The rollups' SQL: PostgreSQL triggers that keep them current, and their rebuild from scratch.

The tables are the models at the end of apps/records/models.py. Every trigger applies a delta:
what the rows it saw contributed before the statement, subtracted, and what they contribute
after, added, summed per key and upserted (`n = n + delta`), so concurrent writers add up
instead of overwriting each other. The triggers are per statement with transition tables, so
the extraction's bulk inserts pay once per statement, not once per row.

Each rule below restates a read in SQL, as records 0003's `sources_irrelevant` does:
- visible event: Event.objects.visible() on PostgreSQL;
- counted event: what timeline.queries.co_participants() counts (not rejected, not merged away);
- visible statement: Statement.objects.visible().
tests/timeline/test_rollups.py checks each table against the live query after a mix of writes.

Races: a delta read from one row (an event's visibility, an article's status) while another
transaction changes that row would be lost, so the triggers on participants
and event topics lock the events they read visibility from (FOR NO KEY UPDATE, as records 0003's
refresh does, in id order) and then read in a fresh snapshot: whichever of the two writers comes
second sees the first's committed rows. Statements take no lock on their article (see
_statements_body): that one race is left to `rebuild_rollups`.

On SQLite nothing is made; the readers count live there (apps/timeline/queries.py).
"""

from __future__ import annotations

TABLES = [
    "rollup_event_day", "rollup_event_topic_day", "rollup_statement_day",
    "rollup_actor_events", "rollup_actor_statement_month", "rollup_co_participants",
]
KEYS = {
    "rollup_event_day": "day, kind",
    "rollup_event_topic_day": "day, topic_id",
    "rollup_statement_day": "day",
    "rollup_actor_events": "actor_id",
    "rollup_actor_statement_month": "speaker_id, month",
    "rollup_co_participants": "actor_id, other_id",
}


def visible_event(e: str) -> str:
    return (f"({e}.review_state <> 'rejected' AND {e}.merged_into_id IS NULL"
            f" AND NOT ({e}.sources_irrelevant AND {e}.review_state = 'unreviewed'))")


def counted_event(e: str) -> str:
    return f"({e}.review_state <> 'rejected' AND {e}.merged_into_id IS NULL)"


def visible_statement(s: str, a: str) -> str:
    # LEFT JOIN to the article: a statement whose article is gone counts as not irrelevant.
    return (f"({s}.review_state <> 'rejected'"
            f" AND NOT ({s}.review_state = 'unreviewed' AND COALESCE({a}.status = 'irrelevant', false)))")


MONTH_OF = "COALESCE(date_trunc('month', {0})::date, DATE '0001-01-01')"  # models.UNDATED_MONTH


def upsert(table: str, deltas: str) -> str:
    """Add the (key..., delta) rows of `deltas` to `table`, in key order (no deadlock between two writers)."""
    keys = KEYS[table]
    return f"""
    INSERT INTO {table} ({keys}, n)
    SELECT {keys}, sum(d) FROM ({deltas}) AS delta ({keys}, d)
    GROUP BY {keys} HAVING sum(d) <> 0 ORDER BY {keys}
    ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + EXCLUDED.n;"""


def _both(contribution, old: str, new: str) -> str:
    return f"{contribution(old, -1)} UNION ALL {contribution(new, 1)}"


# --- What a set of rows contributes (rows: a table expression; sign: -1 before, +1 after) -----

def event_day(rows: str, sign: int) -> str:
    return f"SELECT r.date, r.kind, {sign} FROM {rows} r WHERE {visible_event('r')} AND r.date IS NOT NULL"


def event_topic_day(rows: str, sign: int) -> str:
    return (f"SELECT r.date, COALESCE(t.topic_id, 0), {sign} FROM {rows} r"
            f" LEFT JOIN timeline_event_topics t ON t.event_id = r.id"
            f" WHERE {visible_event('r')} AND r.date IS NOT NULL")


def event_actors(rows: str, sign: int) -> str:
    return (f"SELECT p.actor_id, {sign} FROM {rows} r JOIN timeline_eventparticipant p ON p.event_id = r.id"
            f" WHERE {visible_event('r')}")


def event_pairs(rows: str, sign: int) -> str:
    return (f"SELECT a.actor_id, b.actor_id, {sign} FROM {rows} r"
            f" JOIN timeline_eventparticipant a ON a.event_id = r.id"
            f" JOIN timeline_eventparticipant b ON b.event_id = r.id AND b.actor_id <> a.actor_id"
            f" WHERE {counted_event('r')}")


def statement_day(rows: str, sign: int) -> str:
    return (f"SELECT r.said_on, {sign} FROM {rows} r LEFT JOIN ingestion_article a ON a.id = r.article_id"
            f" WHERE {visible_statement('r', 'a')} AND r.said_on IS NOT NULL")


def statement_months(rows: str, sign: int) -> str:
    return (f"SELECT r.speaker_id, {MONTH_OF.format('r.said_on')}, {sign} FROM {rows} r"
            f" LEFT JOIN ingestion_article a ON a.id = r.article_id"
            f" WHERE {visible_statement('r', 'a')} AND r.speaker_id IS NOT NULL")


def participant_actors(rows: str, sign: int) -> str:
    return (f"SELECT r.actor_id, {sign} FROM {rows} r JOIN timeline_event e ON e.id = r.event_id"
            f" WHERE {visible_event('e')}")


# --- Trigger functions ----------------------------------------------------------------------------

NO_ROWS = {
    "timeline_event_topics": "(SELECT NULL::bigint AS id, NULL::bigint AS event_id, NULL::bigint AS topic_id WHERE false)",
    "timeline_eventparticipant": "(SELECT NULL::bigint AS id, NULL::bigint AS event_id, NULL::bigint AS actor_id WHERE false)",
}


def _changed(old: str, new: str, columns: list[str]) -> tuple[str, str]:
    """old and new rows of an UPDATE restricted to those where a column the rollups read changed."""
    differ = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in columns)
    return (f"(SELECT o.* FROM {old} o JOIN {new} n ON n.id = o.id WHERE {differ})",
            f"(SELECT n.* FROM {old} o JOIN {new} n ON n.id = o.id WHERE {differ})")


def _nothing_changed_returns(columns: list[str]) -> str:
    """An UPDATE trigger's first step: leave at once when no row changed a column the rollups read.

    Most updates of these tables change nothing counted (the extraction's touch of `updated_at`,
    an editor's new title): without this, each ran the body's four joins of its transition tables
    for nothing (2.8 ms for a touch of 64 events, as long as the update itself).
    """
    differ = " OR ".join(f"o.{c} IS DISTINCT FROM n.{c}" for c in columns)
    return f"""
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {differ}) THEN
        RETURN NULL;
    END IF;"""


def _function(name: str, body: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{body}
    RETURN NULL;
END;
$$;"""


def _trigger(name: str, table: str, operation: str, function: str) -> str:
    referencing = {"INSERT": "NEW TABLE AS new_rows", "DELETE": "OLD TABLE AS old_rows",
                   "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}[operation]
    return f"""
DROP TRIGGER IF EXISTS {name} ON {table};
CREATE TRIGGER {name} AFTER {operation} ON {table}
    REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"""


def _rows(operation: str, empty: str) -> tuple[str, str]:
    old = "old_rows" if operation in ("DELETE", "UPDATE") else empty
    new = "new_rows" if operation in ("INSERT", "UPDATE") else empty
    return old, new


EMPTY_EVENTS = "(SELECT * FROM timeline_event WHERE false)"
EMPTY_STATEMENTS = "(SELECT * FROM timeline_statement WHERE false)"
EVENT_COLUMNS = ["date", "kind", "review_state", "merged_into_id", "sources_irrelevant"]
STATEMENT_COLUMNS = ["said_on", "speaker_id", "review_state", "article_id"]


def _event_body(operation: str) -> str:
    # An event's topics and participants are the same before and after a statement on the event
    # table, so old rows joined to them give the "before" and new rows the "after".
    old, new = _rows(operation, EMPTY_EVENTS)
    first = ""
    if operation == "UPDATE":
        old, new = _changed(old, new, EVENT_COLUMNS)
        first = _nothing_changed_returns(EVENT_COLUMNS)
    return first + "".join(upsert(table, _both(contribution, old, new)) for table, contribution in [
        ("rollup_event_day", event_day), ("rollup_event_topic_day", event_topic_day),
        ("rollup_actor_events", event_actors), ("rollup_co_participants", event_pairs),
    ])


def _lock_events(ids: str) -> str:
    return f"    PERFORM 1 FROM timeline_event WHERE id IN ({ids}) ORDER BY id FOR NO KEY UPDATE;"


def _topics_body(operation: str) -> str:
    old, new = _rows(operation, NO_ROWS["timeline_event_topics"])
    # An event counts once per topic, or once under NO_TOPIC without any: the delta of adding or
    # removing a topic depends on the event's other topics, so the event's topics before the
    # statement (now, less the rows added, plus the rows removed) and after are both counted.
    events = f"SELECT event_id FROM {old} x UNION SELECT event_id FROM {new} y"
    deltas = f"""
        WITH ev AS (
            SELECT e.id, e.date FROM timeline_event e
            WHERE e.id IN ({events}) AND {visible_event('e')} AND e.date IS NOT NULL
        ), after AS (
            SELECT event_id, topic_id FROM timeline_event_topics WHERE event_id IN (SELECT id FROM ev)
        ), before AS (
            (SELECT event_id, topic_id FROM after EXCEPT ALL SELECT event_id, topic_id FROM {new} n)
            UNION ALL SELECT event_id, topic_id FROM {old} o
        )
        SELECT ev.date, COALESCE(a.topic_id, 0), 1 FROM ev LEFT JOIN after a ON a.event_id = ev.id
        UNION ALL
        SELECT ev.date, COALESCE(b.topic_id, 0), -1 FROM ev LEFT JOIN before b ON b.event_id = ev.id"""
    return _lock_events(events) + upsert("rollup_event_topic_day", deltas)


def _participants_body(operation: str) -> str:
    old, new = _rows(operation, NO_ROWS["timeline_eventparticipant"])
    events = f"SELECT event_id FROM {old} x UNION SELECT event_id FROM {new} y"
    # Pairs depend on the event's other participants: ordered pairs among them after the
    # statement, less those before (now, less the rows added, plus the rows removed).
    pairs = f"""
        WITH ev AS (
            SELECT e.id FROM timeline_event e WHERE e.id IN ({events}) AND {counted_event('e')}
        ), after AS (
            SELECT event_id, actor_id FROM timeline_eventparticipant WHERE event_id IN (SELECT id FROM ev)
        ), before AS (
            (SELECT event_id, actor_id FROM after EXCEPT ALL SELECT event_id, actor_id FROM {new} n)
            UNION ALL SELECT event_id, actor_id FROM {old} o WHERE event_id IN (SELECT id FROM ev)
        )
        SELECT a.actor_id, b.actor_id, 1 FROM after a JOIN after b ON b.event_id = a.event_id AND b.actor_id <> a.actor_id
        UNION ALL
        SELECT a.actor_id, b.actor_id, -1 FROM before a JOIN before b ON b.event_id = a.event_id AND b.actor_id <> a.actor_id"""
    return (_lock_events(events) + upsert("rollup_actor_events", _both(participant_actors, old, new))
            + upsert("rollup_co_participants", pairs))


def _statements_body(operation: str) -> str:
    old, new = _rows(operation, EMPTY_STATEMENTS)
    first = ""
    if operation == "UPDATE":
        old, new = _changed(old, new, STATEMENT_COLUMNS)
        first = _nothing_changed_returns(STATEMENT_COLUMNS)
    # No lock on the articles here: an editor's save of a statement during its article's
    # re-extraction (the worker holds the article) deadlocked with it
    # (tests/reliability/test_editor_during_reextraction.py). Left open: a statement stored while
    # another transaction marks its article irrelevant may be counted once too often, until
    # `rebuild_rollups`; a claimed article is stored by one worker at a time.
    return first + (upsert("rollup_statement_day", _both(statement_day, old, new))
            + upsert("rollup_actor_statement_month", _both(statement_months, old, new)))


ARTICLE_STATUS = f"""
CREATE OR REPLACE FUNCTION rollup_article_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change integer := CASE WHEN NEW.status = 'irrelevant' THEN -1 ELSE 1 END;
BEGIN
    -- Marked irrelevant (or back): its unreviewed statements leave (or rejoin) the counts. Its
    -- events follow through sources_irrelevant (records 0003), an update of the event rows.
    {upsert("rollup_statement_day", "SELECT said_on, change FROM timeline_statement WHERE article_id = NEW.id AND review_state = 'unreviewed' AND said_on IS NOT NULL")}
    {upsert("rollup_actor_statement_month", "SELECT speaker_id, " + MONTH_OF.format('said_on') + ", change FROM timeline_statement WHERE article_id = NEW.id AND review_state = 'unreviewed' AND speaker_id IS NOT NULL")}
    RETURN NULL;
END;
$$;
DROP TRIGGER IF EXISTS rollup_article_status ON ingestion_article;
CREATE TRIGGER rollup_article_status AFTER UPDATE OF status ON ingestion_article
    FOR EACH ROW WHEN ((OLD.status = 'irrelevant') IS DISTINCT FROM (NEW.status = 'irrelevant'))
    EXECUTE FUNCTION rollup_article_status_changed();
"""

SOURCES = [
    ("event", "timeline_event", _event_body),
    ("event_topics", "timeline_event_topics", _topics_body),
    ("participant", "timeline_eventparticipant", _participants_body),
    ("statement", "timeline_statement", _statements_body),
]
OPERATIONS = {"INSERT": "ins", "DELETE": "del", "UPDATE": "upd"}


def install_sql() -> str:
    parts = []
    for name, table, body in SOURCES:
        for operation, suffix in OPERATIONS.items():
            function = f"rollup_{name}_{suffix}"
            parts.append(_function(function, body(operation)))
            parts.append(_trigger(function, table, operation, function))
    parts.append(ARTICLE_STATUS)
    return "\n".join(parts)


def uninstall_sql() -> str:
    parts = ["DROP TRIGGER IF EXISTS rollup_article_status ON ingestion_article;",
             "DROP FUNCTION IF EXISTS rollup_article_status_changed();"]
    for name, table, _body in SOURCES:
        for suffix in OPERATIONS.values():
            parts.append(f"DROP TRIGGER IF EXISTS rollup_{name}_{suffix} ON {table};")
            parts.append(f"DROP FUNCTION IF EXISTS rollup_{name}_{suffix}();")
    return "\n".join(parts)


# --- Rebuild ----------------------------------------------------------------------------------

def rebuild_sql() -> list[str]:
    """Empty the rollups and count everything again from the records (the same contributions)."""
    # TRUNCATE takes the tables' exclusive lock: writers' triggers wait for the rebuild to commit
    # and then add their deltas on top of counts that did not include them.
    statements = [f"TRUNCATE {', '.join(TABLES)}"]
    for table, contribution, rows in [
        ("rollup_event_day", event_day, "timeline_event"),
        ("rollup_event_topic_day", event_topic_day, "timeline_event"),
        ("rollup_actor_events", event_actors, "timeline_event"),
        ("rollup_co_participants", event_pairs, "timeline_event"),
        ("rollup_statement_day", statement_day, "timeline_statement"),
        ("rollup_actor_statement_month", statement_months, "timeline_statement"),
    ]:
        statements.append(upsert(table, contribution(rows, 1)))
    return statements


def rebuild(connection) -> None:
    """Recount every rollup (PostgreSQL; nothing to do elsewhere, where pages count live)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in rebuild_sql():
            cursor.execute(statement)
