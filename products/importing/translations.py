"""Translations in an import file: ``translation_of`` names the product a row translates.

Before writing, ``check_translations`` makes sure each named product exists (in the file or
the database), that the person importing may translate it (``ImportRights.may_translate``:
what "Dịch sang…" in the admin allows), that chains end (no loops) and that each translation
group has one product per language. While writing, ``TranslationKeys`` gives every member of a
group the Wagtail ``translation_key`` of the product at the start of its chain (its root).
"""

import uuid

from django.utils.translation import gettext as _

from products import languages
from products.importing.report import RowError
from products.models import ProductPage

MAX_HOPS = 100  # a longer chain is taken for a loop
CHUNK = 2000


def follow_chain(translation_map, external_id):
    """(the product at the end of the chain of translations from ``external_id``, the hops)."""
    root, hops = external_id, 0
    while root in translation_map and hops < MAX_HOPS:
        root, hops = translation_map[root], hops + 1
    return root, hops


def resolve_root(translation_map, external_id):
    """The product at the start of a chain of translations."""
    return follow_chain(translation_map, external_id)[0]


def _targets_in_database(external_ids):
    """external_id → (language, translation_key, unit_id, live) of the products the database has."""
    external_ids, found = list(external_ids), {}
    for start in range(0, len(external_ids), CHUNK):
        found.update(
            (ext, (lang, key, unit_id, live))
            for ext, lang, key, unit_id, live in ProductPage.objects.filter(
                external_id__in=external_ids[start : start + CHUNK]
            ).values_list("external_id", "language", "translation_key", "unit_id", "live")
        )
    return found


def _group_taken_message(root, language, other):
    return _("nhóm bản dịch của «%(root)s» đã có bản ngôn ngữ «%(lang)s» (%(other)s)") % {
        "root": root,
        "lang": language,
        "other": other,
    }


def _no_rights_message(target, unit_name, language):
    return _(
        "bạn không có quyền dịch «%(value)s», sản phẩm của đơn vị «%(unit)s»: chỉ bàn biên tập của "
        "đơn vị đó, hoặc biên dịch viên được phân công ngôn ngữ «%(language)s» (với sản phẩm đã xuất "
        "bản), mới nhập được bản dịch của sản phẩm này"
    ) % {"value": target, "unit": unit_name, "language": languages.BY_CODE[language].local_name}


def _check_rights(report, seen, in_db, rights, unit_names):
    """Each row naming a product of the database that the person could not translate in the
    admin is refused. A product named in the file is written by this import, so the checks of
    its own row (rights in its unit) already answer for it."""
    if rights is None or rights.unrestricted:
        return
    for external_id, target in report.translation_map.items():
        if target in seen or target not in in_db:
            continue
        row_number, language = seen[external_id]
        _language, _key, unit_id, live = in_db[target]
        if language and not rights.may_translate(unit_id, live, language):
            message = _no_rights_message(target, unit_names.get(unit_id) or unit_id, language)
            report.add(RowError(row_number, "translation_of", message))


def check_translations(report, seen, rights=None, unit_names=None):
    """``translation_of`` names a product in the file or the database, in another language, that
    the person (``rights``; None: no restriction) may translate; one product per language in each
    translation group. ``seen``: external_id → (row, language)."""
    tmap = report.translation_map
    if not tmap:
        return
    in_db = _targets_in_database({target for target in tmap.values() if target not in seen})
    _check_rights(report, seen, in_db, rights, unit_names or {})
    group_langs = {}  # root → {language: external_id}
    for external_id, target in tmap.items():
        row_number, language = seen[external_id]
        message = _target_problem(report, seen, in_db, row_number, target)
        root, hops = follow_chain(tmap, target)
        if not message and (root == external_id or hops >= MAX_HOPS):
            message = _("bản dịch tạo thành vòng lặp")
        if not message:
            langs = group_langs.setdefault(root, {})
            if not langs:
                root_language = seen[root][1] if root in seen else in_db.get(root, (None,))[0]
                if root_language:
                    langs[root_language] = root
            if language in langs and langs[language] != external_id:
                message = _group_taken_message(root, language, langs[language])
            else:
                langs[language] = external_id
        if message:
            report.add(RowError(row_number, "translation_of", message))
    _check_database_groups(report, seen, in_db, group_langs)


def _target_problem(report, seen, in_db, row_number, target):
    """Why the product a row translates cannot be used ("" when it can)."""
    if target not in seen and target not in in_db:
        return _("không tìm thấy sản phẩm gốc «%(value)s» (trong tệp hay trong cơ sở dữ liệu)") % {
            "value": target
        }
    if target in seen and seen[target][0] in report.invalid_rows and seen[target][0] != row_number:
        return _("sản phẩm gốc «%(value)s» (dòng %(other)s) có lỗi") % {
            "value": target,
            "other": seen[target][0],
        }
    return ""


def _check_database_groups(report, seen, in_db, group_langs):
    """A group whose root is in the database may already have a product in a row's language."""
    db_roots = {root: in_db[root][1] for root in group_langs if root in in_db}
    if not db_roots:
        return
    by_key = {}
    for key, lang, ext in ProductPage.objects.filter(translation_key__in=list(db_roots.values())).values_list(
        "translation_key", "language", "external_id"
    ):
        by_key.setdefault(key, {})[lang] = ext
    for root, key in db_roots.items():
        for lang, ext in group_langs[root].items():
            other = by_key.get(key, {}).get(lang)
            if other and other != ext and ext in seen:
                report.add(RowError(seen[ext][0], "translation_of", _group_taken_message(root, lang, other)))


class TranslationKeys:
    """The ``translation_key`` of each written row, across the batches of one import."""

    def __init__(self, translation_map):
        self.translation_map = translation_map
        self.pending = {}  # root external_id → translation_key given before the root was written

    def for_rows(self, rows, existing_keys):
        """The translation_key each row gets (None: keep or make its own)."""
        roots = {row.external_id: resolve_root(self.translation_map, row.external_id) for row in rows}
        wanted = {root for ext, root in roots.items() if root != ext}
        db_keys = dict(
            ProductPage.objects.filter(external_id__in=wanted).values_list("external_id", "translation_key")
        )
        keys, batch_roots = {}, {}
        for row in rows:  # roots first, so that their translations in the batch share their key
            if roots[row.external_id] != row.external_id:
                continue
            if row.external_id in existing_keys:
                keys[row.external_id] = None
            else:
                keys[row.external_id] = self.pending.pop(row.external_id, None) or uuid.uuid4()
                batch_roots[row.external_id] = keys[row.external_id]
        for row in rows:
            root = roots[row.external_id]
            if root != row.external_id:
                keys[row.external_id] = (
                    db_keys.get(root) or batch_roots.get(root) or self.pending.setdefault(root, uuid.uuid4())
                )
        return keys
