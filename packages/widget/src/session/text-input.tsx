"use client";

import { MAX_CHAT_CHARS } from "@voice-onboarding/protocol";
import { type FormEvent, useId, useState } from "react";
import { useOnboardingSession } from "../hooks/use-onboarding-session.js";
import type { ControlMessages } from "../i18n/control-messages.js";

/** Lets the recruiter type instead of speak. */
export function TextInput({ labels }: { labels: ControlMessages }) {
  const { connection, sendText } = useOnboardingSession();
  const [text, setText] = useState("");
  const inputId = useId();
  const connected = connection.status === "connected";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!connected || text.trim() === "") return;
    void sendText(text);
    setText("");
  };
  return (
    <form className="vo-text-input" onSubmit={submit}>
      <label className="vo-visually-hidden" htmlFor={inputId}>
        {labels.messageLabel}
      </label>
      <input
        id={inputId}
        className="vo-input"
        value={text}
        placeholder={labels.messagePlaceholder}
        disabled={!connected}
        maxLength={MAX_CHAT_CHARS}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="vo-button" disabled={!connected || text.trim() === ""}>
        {labels.send}
      </button>
    </form>
  );
}
