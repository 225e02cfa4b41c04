"""Content types follow the models from timeline to records, so permissions, the groups and users
that hold them, and admin log entries keep pointing at the same models.

Renaming the rows keeps their ids, and every row that points at them stays as it was. Where a
records row already exists (a database that ran `migrate` between the two steps), the timeline
row's permissions and log entries move to it first.
"""

from django.db import migrations

MODELS = [
    "actor", "alias", "event", "eventparticipant", "eventevidence", "statement", "mention", "topic",
    "mergerecord", "historicalactor", "historicalalias", "historicalevent", "historicaleventparticipant",
    "historicalstatement",
]


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        for permission in Permission.objects.filter(content_type=old):
            twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
            if twin is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
                continue
            for group in permission.group_set.all():
                group.permissions.add(twin)
            for user in permission.user_set.all():
                user.user_permissions.add(twin)
            permission.delete()
        LogEntry.objects.filter(content_type=old).update(content_type=new)
        old.delete()


def forward(apps, schema_editor):
    _move(apps, "timeline", "records")


def backward(apps, schema_editor):
    _move(apps, "records", "timeline")


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("accounts", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
