import type { Requirements } from "@voice-onboarding/protocol";
import type { CardLabels } from "../../labels.js";
import type { RequirementsPatch } from "./rows.js";

export interface RowEditorProps {
  requirements: Requirements;
  labels: CardLabels;
  /** Every key the editor owns; the row drops unchanged ones before sending. */
  onSave: (candidate: RequirementsPatch) => void;
  onCancel: () => void;
  title: string;
}
