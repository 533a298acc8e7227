"""eventwire: news articles in, conflict event records out.

    >>> import eventwire
    >>> events = eventwire.extract("Turkish forces entered Al Bab on Wednesday.", published="2017-02-09")
    >>> pipeline = eventwire.Pipeline(workers=2)
    >>> for result in pipeline.pipe(articles): ...
"""

from eventwire.records import Actor, Article, ArticleResult, Event, Evidence, Place, PlaceMention, Plover

__version__ = "0.1.0"


def extract(text, published=None, article_id="0", model=None):
    """The events of one article (a list of Event; `to_dict()` gives the SCHEMA JSON)."""
    from eventwire.extraction.pipeline import extract as _extract

    return _extract(text, published=published, article_id=article_id, model=model)


def __getattr__(name):
    if name == "Pipeline":  # loaded lazily: importing eventwire stays cheap for the store and the web server
        from eventwire.extraction.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


__all__ = ["Actor", "Article", "ArticleResult", "Event", "Evidence", "Place", "PlaceMention", "Plover",
           "Pipeline", "extract", "__version__"]
