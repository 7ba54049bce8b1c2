import { type EditCommand, planEdit } from "@voice-onboarding/protocol";
import { ChangeError, type ChangePlan } from "../service/index.js";

/**
 * A recruiter's edit as a service plan: the protocol's edit semantics (the same the widget previews
 * with), re-planned on fresh state if another change lands first.
 */
export function planForEdit(command: EditCommand): ChangePlan {
  return (profile) => {
    const plan = planEdit(profile, command);
    if (plan.ok) return plan.change;
    return new ChangeError(plan.message, plan.code === "not_found" ? "not_found" : "invalid");
  };
}
