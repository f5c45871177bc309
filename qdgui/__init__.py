"""qdgui: field-work records for Qingdao's urban-renewal campaign."""

__version__ = "0.1.0"
