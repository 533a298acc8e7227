"""Stage 5: places (see geoparser.py). `Geoparser` is the stage; the modules beside it do one job each."""

from .geoparser import Geoparser, geoparser_ruler_patterns
from .mention import ADJECTIVE, DEMONYM, LITERAL, METONYM
from .words import PlaceWords

__all__ = ["ADJECTIVE", "DEMONYM", "LITERAL", "METONYM", "Geoparser", "PlaceWords", "geoparser_ruler_patterns"]
