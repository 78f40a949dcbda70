"""Schemathesis hooks: ids and page tokens that name something the emulator holds.

A schema can say what an id looks like, not that it exists; a made-up id is answered as the
contract says (400 naming the body field, 404 naming the path's id), which the checks would count
against a valid request. The contract script passes real ids from the seeded emulator in the
environment; `before_call` puts them into every request of every phase just before it is sent, in
place of any id no answer has named (schemathesis then checks again whether the request is valid).
Ids an answer named are kept, so the stateful phase follows its links to what it created.

What is left is an account that existed and was deleted (soft delete); organizations and contacts
are never deleted, so a 400 naming a body's id stays a failure. A valid request is allowed only
2xx and 409 (tests/contract/schemathesis.toml); `filter_failure` accepts besides a 404 that names
the deleted account its path sent, and the reads of a deleted account that soft delete allows.
"""

import os
import re

import schemathesis

ROOT_ORGANIZATION = os.environ.get("CONTRACT_ORGANIZATION_ID", "")
CONTACT = os.environ.get("CONTRACT_CONTACT_ID", "")
ACCOUNT = os.environ.get("CONTRACT_ACCOUNT_ID", "")
# The accounts the seed soft-deleted. Delete and undelete take turns on the first, or act on one
# this run created, so either can succeed and the seeded accounts that reads and updates get stay live.
SEEDED_DELETED = os.environ.get("CONTRACT_DELETED_ACCOUNT_IDS", "").split()
DELETED_ACCOUNT = next(iter(SEEDED_DELETED), "")

# Each id field, the prefix of the ids it takes (so an id linked by name from another kind of
# resource is not kept) and the real one a made-up id becomes.
BODY_IDS = {
    # The root is nobody's descendant: any organization may hang below it.
    "organizationId": ("o-", ROOT_ORGANIZATION),
    "parentOrganizationId": ("o-", ROOT_ORGANIZATION),
    "billingContactId": ("c-", CONTACT),
}
PATH_IDS = {
    "accountId": ("a-", ACCOUNT),
    "contactId": ("c-", CONTACT),
    "organizationId": ("o-", os.environ.get("CONTRACT_CHILD_ORGANIZATION_ID", "")),
    "invoiceNumber": ("", os.environ.get("CONTRACT_INVOICE_NUMBER", "")),
}
PAGES = {
    "/accounts": os.environ.get("CONTRACT_ACCOUNTS_PAGE", ""),
    "/contacts": os.environ.get("CONTRACT_CONTACTS_PAGE", ""),
    "/organizations": os.environ.get("CONTRACT_ORGANIZATIONS_PAGE", ""),
}
DELETED_ACCOUNTS_PAGE = os.environ.get("CONTRACT_DELETED_ACCOUNTS_PAGE", "")

# The spec's pattern for ids in bodies: a character other than white space.
NOT_BLANK = re.compile(r"[^\t\n\x0b\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")

# Every id and invoice number an answer has named; the accounts this run created; whether each
# account is deleted, as the seed left it and the deletes and undeletes that succeeded since
# (never as an answer says, which is what the checks judge).
NAMED = {ROOT_ORGANIZATION, *SEEDED_DELETED} | {real for _, real in PATH_IDS.values()}
CREATED = {DELETED_ACCOUNT}
DELETED = {account: True for account in SEEDED_DELETED}

UNDELETE = "/accounts/{accountId}/undelete"
ACCOUNT_PATH = "/accounts/{accountId}"


def real_id(value, prefix, real):
    # A blank or mistyped id is a case meant to be refused, so only one the spec calls valid is swapped.
    if not isinstance(value, str) or NOT_BLANK.search(value) is None or not real:
        return value
    return value if value in NAMED and value.startswith(prefix) else real


@schemathesis.hook
def before_call(ctx, case, kwargs):
    method = case.method.upper()
    deleting = case.path == UNDELETE or (case.path == ACCOUNT_PATH and method == "DELETE")
    for name, (prefix, real) in PATH_IDS.items():
        if name in (case.path_parameters or {}):
            value = real_id(case.path_parameters[name], prefix, real)
            if name == "accountId" and deleting and value not in CREATED:
                value = DELETED_ACCOUNT
            case.path_parameters[name] = value

    if isinstance(case.body, dict):
        for field, (prefix, real) in BODY_IDS.items():
            if field in case.body:
                case.body[field] = real_id(case.body[field], prefix, real)

    query = case.query
    if isinstance(query, dict) and isinstance(query.get("page"), str) and query["page"]:
        # A token belongs to the listing that issued it; the deleted accounts have their own.
        deleted = case.path == "/accounts" and query.get("deleted") in (True, "true")
        real = DELETED_ACCOUNTS_PAGE if deleted else PAGES.get(case.path, "")
        if real:
            query["page"] = real


def remember(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("id", "invoiceNumber") and isinstance(item, str):
                NAMED.add(item)
            remember(item)
    elif isinstance(value, list):
        for item in value:
            remember(item)


def answer(response):
    try:
        return response.json()
    except ValueError:
        return None


@schemathesis.hook
def after_call(ctx, case, response):
    method = case.method.upper()
    account = (case.path_parameters or {}).get("accountId")
    if response.status_code == 200:
        if case.path == ACCOUNT_PATH and method == "DELETE":
            DELETED[account] = True
        elif case.path == UNDELETE:
            DELETED[account] = False
    if "json" in (response.headers.get("content-type") or [""])[0]:
        body = answer(response)
        remember(body)
        if case.path == "/accounts" and method == "POST" and response.status_code == 200:
            CREATED.add(body.get("id"))


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    account = (case.path_parameters or {}).get("accountId")
    body = answer(response)
    if account is None or not isinstance(body, dict):
        return True
    if failure.code == "ST202" and response.status_code == 404:
        # A valid request on an account deleted earlier: not found, naming it, is the right answer.
        return not (DELETED.get(account) is True and f'"{account}"' in str(body.get("detail", "")))
    if failure.code == "ST301" and case.path == ACCOUNT_PATH and body.get("id") == account:
        # Soft delete keeps an account readable with deleted=true, and undelete brings it back.
        if body.get("isSoftDeleted") is True:
            return not (DELETED.get(account) is True and (case.query or {}).get("deleted") in (True, "true"))
        return DELETED.get(account) is not False
    return True
