"""Schemathesis hooks: ids and page tokens that name something the emulator holds.

A schema can say what an id looks like, not that it exists; random ids are answered as the
contract says (400 naming the field), which the fuzzer would count against a valid request.
The contract script passes real ones from the seeded emulator in the environment.
"""

import os

import schemathesis

REFERENCES = {
    "organizationId": os.environ.get("CONTRACT_ORGANIZATION_ID", ""),
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
        # The one parent that exists is the root, which cannot become its own child; a new
        # organization may hang below it, an update keeps its parent.
        parent = body.get("parentOrganizationId")
        if isinstance(parent, str) and parent:
            if ctx.operation.method.upper() == "POST":
                body["parentOrganizationId"] = os.environ.get("CONTRACT_ORGANIZATION_ID", parent)
            else:
                body.pop("parentOrganizationId")
    return body


@schemathesis.hook
def map_query(ctx, query):
    if not isinstance(query, dict):
        return query
    page = query.get("page")
    if isinstance(page, str) and page:
        # A token belongs to the listing that issued it; the deleted listing has its own.
        real = PAGES.get(ctx.operation.path, "")
        if real and "deleted" not in query:
            query["page"] = real
        else:
            query.pop("page")
    return query


@schemathesis.hook
def filter_body(ctx, body):
    # The stateful phase links a contact's id into `organizationId` by name alone; that body
    # names an organization that cannot exist, so it is not a valid request to hold against the API.
    return not (isinstance(body, dict) and str(body.get("organizationId", "")).startswith("c-p-"))
