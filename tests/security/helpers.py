import json


def text_of(response):
    """The page as a person would read it (modal choosers answer JSON with the HTML inside)."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False)
    return response.content.decode()
