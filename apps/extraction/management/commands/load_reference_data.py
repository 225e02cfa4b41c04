from django.core.management.base import BaseCommand

from apps.extraction.reference_data import load_actors, load_topics


class Command(BaseCommand):
    help = "Load the shipped actors (gazetteer) and topic rules; what editors changed is kept."

    def handle(self, *args, **options):
        topics = load_topics()
        actors = load_actors()
        self.stdout.write(f"{actors} actors and {topics} topics added.")
