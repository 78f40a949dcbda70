"""Schemathesis hooks: ids and page tokens that name something the emulator holds.

A schema can say what an id looks like, not that it exists; random ids are answered as the
contract says (400 naming the field), which the fuzzer would count against a valid request.
The contract script passes real ones from the seeded emulator in the environment.
"""

import os

import schemathesis

REFERENCES = {
    "organizationId": os.environ.get("CONTRACT_ORGANIZATION_ID", ""),
    "parentOrganizationId": os.environ.get("CONTRACT_ORGANIZATION_ID", ""),
    "billingContactId": os.environ.get("CONTRACT_CONTACT_ID", ""),
}
PAGES = {
    "/accounts": os.environ.get("CONTRACT_ACCOUNTS_PAGE", ""),
    "/contacts": os.environ.get("CONTRACT_CONTACTS_PAGE", ""),
    "/organizations": os.environ.get("CONTRACT_ORGANIZATIONS_PAGE", ""),
}


@schemathesis.hook
def map_body(ctx, body):
    # Only a non-empty text id is swapped: an empty or mistyped one is a case meant to be refused.
    if isinstance(body, dict):
        for field, real in REFERENCES.items():
            if isinstance(body.get(field), str) and body[field] and real:
                body[field] = real
    return body


@schemathesis.hook
def map_query(ctx, query):
    if isinstance(query, dict) and isinstance(query.get("page"), str) and query["page"]:
        real = PAGES.get(ctx.operation.path, "")
        if real:
            query["page"] = real
    return query
