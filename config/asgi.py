import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from config.readiness import require_static_manifest  # noqa: E402 (needs the settings loaded above)

require_static_manifest()
