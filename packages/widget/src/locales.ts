// Every catalogue the widget ships, statically: for a host that renders on the server in another
// language (`<VoiceOnboarding locale="de" messages={de} />` needs no load) or builds its own
// language from one. The widget itself loads a catalogue only when its locale asks for it.

import type { CatalogueLanguage } from "./i18n/catalogues.js";
import { de } from "./i18n/de.js";
import { en } from "./i18n/en.js";
import { es } from "./i18n/es.js";
import type { Messages } from "./i18n/messages.js";

export { de, en, es };
export const CATALOGUES: Record<CatalogueLanguage, Messages> = { en, es, de };
