"""Parley's extraction pipeline: article text in, actors, statements, events and topics out."""
from .extract import EXTRACTOR_VERSION, extract, extract_many, to_contract_json
from .gazetteer import Gazetteer
from .records import Actor, ArticleInput, Event, Extraction, Mention, Participant, Statement

__all__ = ["EXTRACTOR_VERSION", "Actor", "ArticleInput", "Event", "Extraction", "Gazetteer", "Mention",
           "Participant", "Statement", "extract", "extract_many", "to_contract_json"]
