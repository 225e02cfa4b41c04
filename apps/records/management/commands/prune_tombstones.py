"""Forget /api/v1/deleted's entries older than PARLEY_TOMBSTONE_RETENTION_DAYS."""

from django.core.management.base import BaseCommand

from apps.records.models import Tombstone


class Command(BaseCommand):
    help = ("Delete the API's records of removed rows (/api/v1/deleted) older than "
            "PARLEY_TOMBSTONE_RETENTION_DAYS; beat does it daily (config/celery.py).")

    def handle(self, *args, **options):
        pruned = Tombstone.prune()
        self.stdout.write(self.style.SUCCESS(f"{pruned} tombstones older than {Tombstone.horizon():%Y-%m-%d %H:%M} UTC deleted."))
