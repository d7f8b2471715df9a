"""Reading reports safely: bytes to text, HTML to article text, files/feeds/URLs to documents.

Every reader either returns text or raises `InputError` naming the document and the
reason; batch readers turn a bad item into a `Failure` and go on.
"""
