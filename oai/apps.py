from django.apps import AppConfig


class OaiConfig(AppConfig):
    name = "oai"
    label = "oai"
    verbose_name = "OAI-PMH"  # a protocol's name: the same in every language
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oai import receivers

        receivers.connect()
