"""The portal's UI follows the URL language: Vietnamese msgids, an English catalog."""


def test_portal_ui_in_english_and_vietnamese(client, db):
    assert "Sản phẩm mới" in client.get("/vi/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Latest products" in english and "Sản phẩm mới" not in english


def test_ethnic_language_ui_falls_back_to_vietnamese(client, db):
    assert "Sản phẩm mới" in client.get("/bdq/").content.decode()
