/** Turns anything thrown by the gateway into one plain sentence for the pane (never a stack trace). */
import type { Bilingual } from "../core/rules/types";
import type { Translate } from "./i18n";

function isBilingual(x: unknown): x is Bilingual {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Bilingual).en === "string" &&
    typeof (x as Bilingual).zh === "string"
  );
}

export function plainError(err: unknown, t: Translate, lang: "en" | "zh"): string {
  if (typeof err === "object" && err !== null) {
    const e = err as { userMessage?: unknown; bilingual?: unknown; message?: unknown };
    if (isBilingual(e.userMessage)) return e.userMessage[lang];
    if (isBilingual(e.bilingual)) return e.bilingual[lang];
    if (typeof e.message === "string") {
      const first = e.message.split("\n")[0].trim();
      // A one-line message from Excel ("The argument is invalid…") is plain enough; anything else is not.
      if (first && first.length <= 200 && !/\bat\s+\S+\s+\(|\.tsx?:\d+|\.js:\d+/.test(first)) {
        return `${t("errorGeneric")} (${first})`;
      }
    }
  }
  return t("errorGeneric");
}
