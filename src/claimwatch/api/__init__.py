"""The REST API and the web page: ``create_app(url, token=None)`` builds the FastAPI app."""

from claimwatch.api.app import create_app

__all__ = ["create_app"]
