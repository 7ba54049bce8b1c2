import { describe, expectTypeOf, it } from "vitest";
import type { EditCommand, MessageOf, ProtocolMessage, Trait } from "../src/index.js";
import { applyMessage, decodeMessage } from "../src/index.js";

describe("ProtocolMessage union", () => {
  it("narrows data on type", () => {
    const handle = (message: ProtocolMessage) => {
      switch (message.type) {
        case "trait.created":
          expectTypeOf(message.data.trait).toEqualTypeOf<Trait>();
          break;
        case "stages.reordered":
          expectTypeOf(message.data.stageIds).toEqualTypeOf<string[]>();
          break;
        case "field.confirmed":
          expectTypeOf(message.data.field).toEqualTypeOf<
            | "job_title"
            | "location"
            | "experience"
            | "compensation"
            | "visa"
            | "equity"
            | "traits"
            | "interview_stages"
          >();
          break;
        default:
          // @ts-expect-error data differs by type until narrowed
          message.data.trait;
      }
    };
    expectTypeOf(handle).toBeFunction();
  });

  it("MessageOf picks one member", () => {
    expectTypeOf<MessageOf<"trait.deleted">["data"]>().toEqualTypeOf<{ traitId: string }>();
    expectTypeOf<MessageOf<"profile.snapshot">["type"]>().toEqualTypeOf<"profile.snapshot">();
  });

  it("decode results narrow on ok", () => {
    const result = decodeMessage("{}");
    if (result.ok) expectTypeOf(result.message).toEqualTypeOf<ProtocolMessage>();
    else
      expectTypeOf(result.error.kind).toEqualTypeOf<
        "too_large" | "invalid_json" | "unsupported_version" | "invalid_message" | "unknown_type"
      >();
  });

  it("apply results narrow on status", () => {
    const result = applyMessage(null, {} as ProtocolMessage);
    if (result.status === "gap") expectTypeOf(result.expectedSeq).toEqualTypeOf<number | null>();
    if (result.status === "rejected") expectTypeOf(result.reason).toBeString();
  });

  it("edit commands narrow on type", () => {
    const edit = {} as EditCommand;
    if (edit.type === "trait.update") expectTypeOf(edit.data.traitId).toBeString();
    if (edit.type === "requirements.update")
      expectTypeOf(edit.data.requirements.jobTitle).toEqualTypeOf<string | null | undefined>();
  });
});
