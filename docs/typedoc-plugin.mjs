// Two changes to TypeDoc's output for this package's reference (docs/typedoc.json).
import { Converter, PageEvent, ReferenceType, ReflectionKind, ReflectionType } from "typedoc";

const INLINE_SCRIPT = /<script>(?:(?!<\/script>)[\s\S])*<\/script>/g;

/** @param {import("typedoc").Application} app */
export function load(app) {
  // `client.accounts` and `validate` are `Readonly<{ … }>`, whose members TypeDoc would not list:
  // documented as the object inside, so every method shows with its comment and example.
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property | ReflectionKind.Variable)) {
      const type = reflection.type;
      if (type instanceof ReferenceType && type.name === "Readonly" && type.package === "typescript" && type.typeArguments?.[0] instanceof ReflectionType) {
        reflection.type = type.typeArguments[0];
      }
    }
  });
  // The one inline script of each page only hides it until main.js has run; the demo's
  // Content-Security-Policy refuses inline scripts, so the reference works without it.
  app.renderer.on(PageEvent.END, (page) => {
    if (page.contents) page.contents = page.contents.replace(INLINE_SCRIPT, "");
  });
}
