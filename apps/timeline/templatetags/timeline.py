"""Template filters of the dashboard: dates at their precision, localized names."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.timeline import cardcache
from apps.timeline.charts import local_date
from apps.timeline.charts import topic_name as _topic_name

register = template.Library()


@register.filter
def topic_name(topic) -> str:
    return _topic_name(topic)


@register.filter
def fuzzy_date(value: dt.date | None, precision: str = "day") -> str:
    """A date no more exact than what the sources said: "September 2025", not "1 September"."""
    if value is None or precision == "unknown":
        return _("Date unknown")
    if precision == "year":
        return date_format(value, "Y")
    if precision == "month":
        return date_format(value, "YEAR_MONTH_FORMAT")
    if precision == "week":
        return _("Week of %(date)s") % {"date": date_format(value, "DATE_FORMAT")}
    return date_format(value, "DATE_FORMAT")


@register.filter
def short_date(value: dt.date | None, precision: str = "day") -> str:
    """fuzzy_date for one line of the compact view: "4 Sept 2025", "week of 1 Sept", "Sept 2025"."""
    if value is None or precision == "unknown":
        return _("Date unknown")
    if precision == "year":
        return local_date(value, "y")
    if precision == "month":
        return local_date(value, "LLL y")
    if precision == "week":
        return _("week of %(date)s") % {"date": local_date(value, "d MMM")}
    return local_date(value, "d MMM y")


@register.filter
def local_month_day(value: dt.date) -> str:
    """ "4 Aug", "4 août": CLDR's abbreviations rather than Django's "Aoû"."""
    return local_date(value, "d MMM")


@register.filter
def local_month(value: dt.date) -> str:
    return local_date(value, "LLL")


@register.filter
def local_day_month_year(value: dt.date) -> str:
    return local_date(value, "d MMM y")


@register.filter
def week_end(monday: dt.date) -> dt.date:
    return monday + dt.timedelta(days=6)


@register.filter
def iso_week(value: dt.date) -> int:
    return value.isocalendar()[1]


@register.filter
def web_url(value) -> str:
    """The URL if it is http(s), else nothing: an article URL must never run script when clicked."""
    text = str(value or "")
    return text if text.lower().startswith(("https://", "http://")) else ""


class CachedCardNode(template.Node):
    def __init__(self, nodelist, name: str, event, vary):
        self.nodelist, self.name, self.event, self.vary = nodelist, name, event, vary

    def render(self, context) -> str:
        event = self.event.resolve(context)
        vary = tuple(value.resolve(context) for value in self.vary)
        return cardcache.rendered(self.name, event, vary, lambda: self.nodelist.render(context))


@register.tag
def cachedcard(parser, token):
    """`{% cachedcard "name" event value… %}…{% endcachedcard %}`: the block's HTML kept under a key of
    everything the card shows of `event` and the values given (apps.timeline.cardcache).

    Every value of the context the block reads besides `event` must be among the values given."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and an event")
    nodelist = parser.parse(("endcachedcard",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return CachedCardNode(nodelist, name, parser.compile_filter(bits[2]), [parser.compile_filter(b) for b in bits[3:]])
