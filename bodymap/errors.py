"""The one exception for input that cannot be served, shared by every layer."""


class BadInput(ValueError):
    """A request the app cannot serve, with a message that says what is wrong.

    The web layer answers it with 400 (or ``status``): JSON from the API,
    a page for people.
    """

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status
