"""Recount the activity chart's and the actor pages' rollups from the records."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from apps.records import rollups


class Command(BaseCommand):
    help = ("Empty the rollups (events per day, kind and topic; statements per day; actors' counts and "
            "co-participants) and count them again from the records. PostgreSQL triggers keep them "
            "current; this is for a restore, a bulk load with triggers off, or a doubt.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Nothing to rebuild: without PostgreSQL the pages count live.")
            return
        with transaction.atomic():
            rollups.rebuild(connection)
        self.stdout.write(self.style.SUCCESS("Rollups rebuilt."))
