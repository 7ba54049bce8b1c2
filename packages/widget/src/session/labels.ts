import type { ControlMessages } from "../i18n/control-messages.js";
import { en } from "../i18n/en.js";

/**
 * The voice controls' strings.
 * @deprecated Since the message catalogue: use `Messages` (all of the widget's strings) or `ControlMessages`.
 */
export type ControlLabels = ControlMessages;

/**
 * The English control strings.
 * @deprecated Use the English catalogue `en` (or `useMessages()` for the current language).
 */
export const DEFAULT_CONTROL_LABELS: ControlLabels = en;
