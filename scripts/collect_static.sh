#!/bin/sh
# Collect static files the way production serves them: hashed names, compressed copies, and the
# manifest that production's {% static %} looks every name up in. The Dockerfile runs this at
# build time; `make static` and tests/reliability/test_production_smoke.py run it the same way.
#
# It runs under PARLEY_ENV=production so that collectstatic writes with production's storage
# (CompressedManifestStaticFilesStorage): collected under development, no manifest is written and
# every HTML page of the image answers 500. collectstatic reads neither the database nor the
# secret key, but production settings refuse to load without a key and a host: a throwaway key,
# made here and gone with this process, satisfies them without putting a secret in the image.
# STATIC_ROOT, when set, says where the files go (default: staticfiles/ in the project).
set -eu
cd "$(dirname "$0")/.."
PARLEY_ENV=production \
DEBUG=0 \
SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
ALLOWED_HOSTS=build.invalid \
  exec python manage.py collectstatic --noinput
