"""The portal's UI follows the URL language: Vietnamese msgids, an English catalog."""


def test_portal_ui_in_english_and_vietnamese(client, db):
    assert "Sản phẩm mới" in client.get("/vi/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Latest products" in english and "Sản phẩm mới" not in english


def test_ethnic_language_ui_falls_back_to_vietnamese(client, db):
    assert "Sản phẩm mới" in client.get("/bdq/").content.decode()


def test_language_switcher_names_each_language_in_itself(client, db):
    html = client.get("/vi/").content.decode()
    for name in ("English", "Bahnar", "Xơ Đăng", "ພາສາລາວ", "ភាសាខ្មែរ", "简体中文"):
        assert name in html
