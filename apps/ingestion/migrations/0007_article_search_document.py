"""PostgreSQL: each article's search document in a column that triggers keep, adopted from timeline 0007.

Idempotent, so a database that ran timeline 0007 keeps what it made and a new one gets it here;
undoing it leaves them (timeline's migrations owned them before).

timeline 0003 indexed the expression to_tsvector('english', title || ' ' || text) ||
to_tsvector('french', …). Every UPDATE that is not HOT re-evaluates an expression index, and an
article's status changes four or five times on its way through ingestion and extraction, each
time parsing the whole text in two languages: 0.75 ms of the database's time per article and
update (16 articles: 12 ms; with the stored column, 1.8 ms). The document is now computed when
the row is inserted or its title or text change, and the GIN index is on the column.

As with the events' sources_irrelevant (records 0003), the column stays out of Django's model state, so no save()
ever writes it; queries read it through ArticleSearchDocument. On SQLite nothing is made (search
there is a plain icontains).
"""

from django.db import migrations

DOCUMENT = ("to_tsvector('english'::regconfig, NEW.title || ' ' || NEW.text) || "
            "to_tsvector('french'::regconfig, NEW.title || ' ' || NEW.text)")

CREATE = f"""
ALTER TABLE ingestion_article ADD COLUMN IF NOT EXISTS search_document tsvector;

CREATE OR REPLACE FUNCTION ingestion_article_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := {DOCUMENT};
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS article_search_document_ins ON ingestion_article;
CREATE TRIGGER article_search_document_ins BEFORE INSERT ON ingestion_article
    FOR EACH ROW EXECUTE FUNCTION ingestion_article_search_document();
DROP TRIGGER IF EXISTS article_search_document_upd ON ingestion_article;
CREATE TRIGGER article_search_document_upd BEFORE UPDATE OF title, text ON ingestion_article
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION ingestion_article_search_document();

UPDATE ingestion_article SET search_document = {DOCUMENT.replace("NEW.", "")};

DROP INDEX IF EXISTS article_search_idx;
CREATE INDEX article_search_idx ON ingestion_article USING gin (search_document);
"""


def _has_column(schema_editor, table: str, column: str) -> bool:
    with schema_editor.connection.cursor() as cursor:
        return any(c.name == column for c in schema_editor.connection.introspection.get_table_description(cursor, table))


def create(apps, schema_editor):
    # A database that ran timeline 0007 has it all: leave it (no re-parse of every article).
    if schema_editor.connection.vendor == "postgresql" and not _has_column(schema_editor, "ingestion_article",
                                                                           "search_document"):
        # Without parameters, so psycopg sends the statements (and their $$ bodies) as one script.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(CREATE)


class Migration(migrations.Migration):
    dependencies = [("ingestion", "0006_remove_article_topics")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
