"""Parley's settings: one file, every value from the environment (see README, "Configuration").

PARLEY_ENV picks the defaults: `development` (the quickstart: SQLite, tasks inline, DEBUG on)
or `production` (secrets and hosts required, HTTPS-only cookies, `check --deploy` clean).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_choice, env_float, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

PARLEY_ENV = env_choice("PARLEY_ENV", "development", ("development", "production"))
PRODUCTION = PARLEY_ENV == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when PARLEY_ENV=production.")

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters with 5 distinct ones.")
else:
    # A fixed key is fine for a laptop; production refuses to start without its own.
    SECRET_KEY = env_str("SECRET_KEY", "django-insecure-parley-development-key-never-use-in-production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names Parley is served under.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "apps.accounts",
    "apps.ingestion",
    "apps.extraction",
    "apps.records",
    "apps.timeline",
    "apps.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.query_guard.refuse_nul_in_query_string",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default so a checkout runs at once; PostgreSQL (psycopg 3) in CI, compose and
# production, where full-text search and concurrent workers need it.
DATABASE_URL = env_url(
    "DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}", ("sqlite", "postgres", "postgresql")
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Inline tasks and the web request share the file: wait for a lock rather than fail.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 5, minimum=1
    )
    # No JIT: the timeline page's per-card counts are costed above jit_above_cost (a hashed
    # subplan the planner overestimates), and compiling them took 37 of the 39 ms the query ran
    # at 100k events (docs/benchmarks.md). A web app's short queries never repay compilation.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Login rate limit: five failures lock the username+address pair for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# --- Redis: Celery broker and cache ---------------------------------------------------------
REDIS_URL = env_url("REDIS_URL", None, ("redis", "rediss"))

if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down is a cache miss, not a 500 (config/cache.py); the short timeouts keep a
            # Redis that does not answer from holding a page for long.
            "BACKEND": "config.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    # Room for a page's 30 cards, the page and its rendering by what it shows, for a few hundred
    # views: at Django's default of 300 entries a few pages culled the others (bench-timeline).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 5000}}}
# Rendered timeline fragments and API pages, keyed by the data version every write bumps
# (apps/timeline/freshness.py). Only with a cache every process shares: local memory is one
# process's, and in production several processes write, so there it is off without Redis.
PARLEY_PAGE_CACHE = env_bool("PARLEY_PAGE_CACHE", bool(REDIS_URL) or not PRODUCTION)
# A bound on a page kept while a version bump was lost (Redis unreachable at that moment).
PARLEY_PAGE_CACHE_SECONDS = env_int("PARLEY_PAGE_CACHE_SECONDS", 300, minimum=1)

# Celery (read by config/celery.py with the CELERY_ namespace).
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
# Without Redis, tasks run inline in the process that queues them: the quickstart needs no
# services. With Redis they always go to a worker.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = "UTC"
CELERY_ENABLE_UTC = True
# A task is acknowledged only once it has finished, and given back to the queue when its
# worker dies: every task is idempotent, so doing one twice is harmless, losing one is not.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180, minimum=2)
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT must be above CELERY_TASK_SOFT_TIME_LIMIT.")
# Redis redelivers an unacknowledged task after this; it must exceed the hard time limit or a
# long task would run twice while still alive.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT * 2, minimum=1)
if CELERY_VISIBILITY_TIMEOUT <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_VISIBILITY_TIMEOUT must be above CELERY_TASK_TIME_LIMIT.")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Look for such orphaned tasks every 10 s; kombu's default throttle (every 10th sweep) would
    # leave a dead worker's task waiting up to 100 s more after its visibility timeout.
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "apps.ingestion.tasks.*": {"queue": "ingestion"},
    "apps.extraction.tasks.*": {"queue": "extraction"},
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_SEND_TASK_EVENTS = True
CELERY_TASK_SEND_SENT_EVENT = True

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
# Where scripts/collect_static.sh writes and production serves from; tests collect elsewhere so
# they never touch a checkout's own staticfiles/.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
if not STATIC_ROOT.is_absolute():
    raise ImproperlyConfigured(f"STATIC_ROOT={STATIC_ROOT} must be an absolute path.")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Development and tests serve static files straight from the finders; production from collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Security -------------------------------------------------------------------------------
# Strict CSP: no inline script or style anywhere, so injected article text cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie (the token is in <body hx-headers>), but admin JS may.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Who may read the dashboard without logging in: anyone on a laptop, nobody in production
# unless the operator says so. Editing always needs the Editors group.
PARLEY_PUBLIC_TIMELINE = env_bool("PARLEY_PUBLIC_TIMELINE", not PRODUCTION)
# API requests a minute per token (per user or address without one); more answer 429 Retry-After.
PARLEY_API_RATE = env_int("PARLEY_API_RATE", 120, minimum=1)
# Days /api/v1/deleted remembers what left the lists; a client that last synced longer ago is told
# to download everything again (410), and a daily task forgets older entries.
PARLEY_TOMBSTONE_RETENTION_DAYS = env_int("PARLEY_TOMBSTONE_RETENTION_DAYS", 90, minimum=1)

# --- Ingestion limits ------------------------------------------------------------------------
PARLEY_FETCH_TIMEOUT = env_int("PARLEY_FETCH_TIMEOUT", 15, minimum=1)
PARLEY_FETCH_MAX_BYTES = env_int("PARLEY_FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
PARLEY_USER_AGENT = env_str(
    "PARLEY_USER_AGENT", "ParleyBot/0.1 (+https://github.com/parley-news/parley; news timeline)"
)
PARLEY_FETCH_MAX_REDIRECTS = env_int("PARLEY_FETCH_MAX_REDIRECTS", 5, minimum=0)
# Politeness: at most one request to a host per this many seconds (0.5 works), across all workers (Redis).
PARLEY_FETCH_HOST_INTERVAL = env_float("PARLEY_FETCH_HOST_INTERVAL", 2.0, minimum=0)
# A fetch whose host slot is at most this many seconds away waits for it in its worker; one
# further off goes back to the queue until that time, keeping its slot, and frees the worker.
PARLEY_FETCH_INLINE_WAIT = env_float("PARLEY_FETCH_INLINE_WAIT", 5.0, minimum=0)
# Tests serve pages from 127.0.0.1: only they may turn this on. Never in production.
PARLEY_ALLOW_LOOPBACK_FETCH = env_bool("PARLEY_ALLOW_LOOPBACK_FETCH", False)
if PRODUCTION and PARLEY_ALLOW_LOOPBACK_FETCH:
    raise ImproperlyConfigured("PARLEY_ALLOW_LOOPBACK_FETCH must stay off in production.")

# --- Extraction --------------------------------------------------------------------------------
# Longest text the extractor reads; longer articles are marked failed with the reason.
PARLEY_EXTRACT_MAX_CHARS = env_int("PARLEY_EXTRACT_MAX_CHARS", 300_000, minimum=1000)

# --- Logging: web and workers log the same way ----------------------------------------------
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(processName)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "celery": {"level": LOG_LEVEL},
        "apps": {"level": LOG_LEVEL},
    },
}
