import type { Requirements } from "@voice-onboarding/protocol";
import type { CardMessages } from "../../i18n/card-messages.js";
import type { RequirementsPatch } from "./rows.js";

export interface RowEditorProps {
  requirements: Requirements;
  labels: CardMessages;
  /** Every key the editor owns; the row drops unchanged ones before sending. */
  onSave: (candidate: RequirementsPatch) => void;
  onCancel: () => void;
  title: string;
}
