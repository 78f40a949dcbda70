// Forms in dialogs, validated as the user types with the SDK's own `validate` functions:
// each issue shows under its field, and a form with issues sends nothing.
import { busy, h, uid } from "./dom.js";
import { problemBox } from "./problem.js";

/** A labelled control with its error line; `name` is the field as the SDK's issues name it. */
export function field({ name, label, control, hint, wide }) {
  const id = uid("field");
  control.id = id;
  control.name ||= name;
  control.setAttribute("aria-describedby", [`${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" "));
  return h(
    "div",
    { class: wide ? "field wide" : "field", "data-field": name },
    h("label", { for: id }, label),
    control,
    hint && h("p", { class: "field-hint", id: `${id}-hint` }, hint),
    h("p", { class: "field-error", id: `${id}-error`, "aria-live": "polite" }),
  );
}

export const textInput = (props = {}) => h("input", { type: "text", autocomplete: "off", spellcheck: "false", ...props });

/** `options` as `[value, label]` pairs. */
export const selectInput = (options, props = {}) =>
  h("select", props, options.map(([value, label]) => h("option", { value, selected: value === props.value }, label)));

/** Checkboxes sharing one field name (e.g. contact roles); read them with `checkedValues`. */
export function checkboxGroup({ name, legend, options, checked = [] }) {
  return h(
    "fieldset",
    { class: "field wide", "data-field": name },
    h("legend", null, legend),
    h("div", { class: "checks" }, options.map(([value, label]) => h("label", { class: "check" }, h("input", { type: "checkbox", name, value, checked: checked.includes(value) }), label))),
    h("p", { class: "field-error", "aria-live": "polite" }),
  );
}

export const checkedValues = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);

/** The trimmed text of a control, or undefined when blank (optional fields are then left out). */
export function optional(form, name) {
  const value = form.elements[name]?.value.trim();
  return value ? value : undefined;
}

/** The slot an issue belongs to: the longest field name it equals or starts (`roles` for `roles[1]`). */
function slotFor(slots, issueField) {
  let best;
  for (const slot of slots) {
    const name = slot.dataset.field;
    const fits = issueField === name || issueField.startsWith(`${name}[`) || issueField.startsWith(`${name}.`);
    if (fits && (!best || name.length > best.dataset.field.length)) best = slot;
  }
  return best;
}

/**
 * Opens a modal form. `read(form, action)` builds the request body, `check(body, action)`
 * returns the SDK's issues for it, `submit(body, action)` sends it (its result resolves the
 * returned promise). `buttons` are `[{ value, label }]`, the first being the default action.
 * Resolves `undefined` when the user cancels.
 */
export function formDialog({ title, intro, fields, buttons = [{ value: "save", label: "Save" }], read, check, submit }) {
  const titleId = uid("dialog-title");
  const issuesList = h("ul", { class: "form-issues", "aria-live": "polite" });
  const problemSlot = h("div", { class: "form-problem" });
  const form = h(
    "form",
    { class: "form", novalidate: true },
    h("header", { class: "dialog-head" }, h("h2", { id: titleId }, title), h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => dialog.close() }, "×")),
    intro && h("p", { class: "dialog-intro" }, intro),
    h("div", { class: "form-grid" }, fields),
    issuesList,
    problemSlot,
    // The default action comes first, so Enter picks it; the footer shows it rightmost (row-reverse).
    h(
      "footer",
      { class: "dialog-foot" },
      buttons.map((button, i) => h("button", { type: "submit", class: i === 0 ? "button primary" : "button", value: button.value }, button.label)),
      h("button", { type: "button", class: "button ghost", onclick: () => dialog.close() }, "Cancel"),
    ),
  );
  const dialog = h("dialog", { class: "sheet", "aria-labelledby": titleId }, form);
  const touched = new Set();
  let showAll = false;

  function render(issues) {
    const slots = [...form.querySelectorAll("[data-field]")];
    const bySlot = new Map(slots.map((slot) => [slot, []]));
    const loose = [];
    for (const issue of issues) {
      const slot = slotFor(slots, issue.field);
      if (slot) bySlot.get(slot).push(issue);
      else loose.push(issue);
    }
    for (const [slot, mine] of bySlot) {
      const shown = showAll || touched.has(slot.dataset.field) ? mine : [];
      slot.querySelector(".field-error").textContent = shown.map((issue) => issue.message).join(". ");
      slot.classList.toggle("invalid", shown.length > 0);
      for (const control of slot.querySelectorAll("input, select, textarea")) control.setAttribute("aria-invalid", String(shown.length > 0));
    }
    issuesList.replaceChildren(...(showAll ? loose : []).map((issue) => h("li", null, issue.message)));
  }

  const validateNow = (action = buttons[0].value) => {
    const issues = check(read(form, action), action);
    render(issues);
    return issues;
  };

  const onEdit = (event) => {
    const slot = event.target.closest("[data-field]");
    if (slot) touched.add(slot.dataset.field);
    validateNow();
  };
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);

  return new Promise((resolve) => {
    let result;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const action = event.submitter?.value || buttons[0].value;
      showAll = true;
      problemSlot.replaceChildren();
      if (validateNow(action).length > 0) {
        form.querySelector("[aria-invalid=true]")?.focus();
        return;
      }
      await busy(event.submitter ?? form.querySelector("[type=submit]"), async () => {
        try {
          result = await submit(read(form, action), action);
          dialog.close();
        } catch (error) {
          const fromServer = error?.invalidParams?.map((p) => ({ field: p.name, message: p.reason }));
          if (error?.issues?.length || fromServer?.length) render(error.issues ?? fromServer);
          problemSlot.replaceChildren(problemBox(error));
        }
      });
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    form.querySelector("input, select")?.focus();
  });
}
