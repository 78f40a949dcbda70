// The demo page: lists accounts page by page, creates one with inline validation, soft-deletes.
import { SignicatClient, SignicatError, validate } from "./pkg/entries/browser.js";

const client = new SignicatClient({
  baseUrl: `${location.origin}/account-management`,
  tokenUrl: `${location.origin}/auth/open/connect/token`,
  clientId: "demo-client",
  clientSecret: "demo-secret",
  dangerouslyAllowBrowser: true,
});

const $ = (id) => document.getElementById(id);
const form = $("create");
let next;

function show(error) {
  $("status").textContent = error instanceof SignicatError ? `${error.kind}: ${error.message}` : String(error);
}

function row(account) {
  const tr = document.createElement("tr");
  for (const text of [account.name, account.id, account.isSandbox ? "sandbox" : "production", account.enabled ? "yes" : "no"]) {
    tr.insertCell().textContent = text;
  }
  const button = document.createElement("button");
  button.textContent = account.isSoftDeleted ? "Undelete" : "Delete";
  button.onclick = async () => {
    try {
      const changed = account.isSoftDeleted ? await client.accounts.undelete(account.id) : await client.accounts.delete(account.id);
      tr.replaceWith(row(changed));
    } catch (error) {
      show(error);
    }
  };
  tr.insertCell().append(button);
  return tr;
}

async function loadPage() {
  try {
    const page = await client.accounts.list({ limit: 20, page: next });
    $("accounts").append(...page.data.map(row));
    next = page.next;
    $("more").hidden = !next;
  } catch (error) {
    show(error);
  }
}

function body() {
  const data = new FormData(form);
  return {
    name: data.get("name"),
    organizationId: data.get("organizationId"),
    isSandbox: data.get("isSandbox") === "true",
    region: "EU",
    cloud: data.get("cloud"),
  };
}

function showIssues(issues) {
  $("issues").replaceChildren(...issues.map((issue) => Object.assign(document.createElement("li"), { textContent: issue.message })));
}

form.oninput = () => showIssues(validate.createAccount(body()));
form.onsubmit = async (event) => {
  event.preventDefault();
  try {
    const account = await client.accounts.create(body());
    $("accounts").prepend(row(account));
    $("status").textContent = `Created ${account.id}`;
    form.reset();
  } catch (error) {
    if (error instanceof SignicatError && error.issues) showIssues(error.issues);
    else show(error);
  }
};
$("more").onclick = loadPage;

for await (const org of client.organizations.listAll()) {
  form.organizationId.append(new Option(org.name, org.id));
}
await loadPage();
