"""Feature code shared by the loaders and the stages (line features of text captures: ``text``)."""
