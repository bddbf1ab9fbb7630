"""Actors: the knowledge base, mention matching in parsed text and argument resolution."""
