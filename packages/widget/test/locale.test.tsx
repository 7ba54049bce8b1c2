import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { es } from "../src/locales.js";
import { VoiceOnboarding } from "../src/voice-onboarding.js";
import { createControlledTransport } from "./controlled-transport.js";
import { baseProfile, message, snapshot, trait, traitCreated } from "./fixtures.js";

afterEach(cleanup);

const announcer = () => screen.getByTestId("vo-announcer").textContent;

async function pressStart(name: string) {
  await act(async () => fireEvent.click(screen.getByRole("button", { name })));
}

describe("<VoiceOnboarding locale>", () => {
  // First in this file: no language but English is loaded yet (each test file has its own modules).
  it("renders once its language is in, and keeps the old language while a new one loads", async () => {
    const { transport } = createControlledTransport();
    const { container, rerender } = render(<VoiceOnboarding transport={transport} locale="es" />);
    expect(container.innerHTML).toBe("");
    await screen.findByRole("button", { name: "Iniciar conversación" });
    rerender(<VoiceOnboarding transport={transport} locale="de" />);
    expect(screen.getByRole("button", { name: "Iniciar conversación" })).toBeTruthy();
    await screen.findByRole("button", { name: "Gespräch starten" });
    expect(document.querySelector(".vo-root")?.getAttribute("lang")).toBe("de-DE");
  });

  it("renders at once in the language of a whole catalogue passed as messages", () => {
    const { transport } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} locale="es" messages={es} />);
    expect(screen.getByRole("button", { name: "Iniciar conversación" })).toBeTruthy();
  });

  it("shows the Spanish catalogue on the controls, the cards and the aria-live announcements", async () => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} locale="es" />);
    await screen.findByRole("button", { name: "Iniciar conversación" });
    expect(document.querySelector(".vo-root")?.getAttribute("lang")).toBe("es-ES");
    await pressStart("Iniciar conversación");
    expect(screen.getByRole("button", { name: "Terminar conversación" })).toBeTruthy();
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    expect(announcer()).toBe("Perfil cargado");
    const traits = await screen.findByRole("region", { name: "Rasgos" }, { timeout: 5000 });
    expect(within(traits).getByRole("button", { name: "Editar Go" })).toBeTruthy();
    act(() => void controlled.sink?.message(traitCreated(2, "t2", "Rust")));
    expect(announcer()).toBe("Rasgo añadido: Rust");
  });

  it("lists changed requirements in the locale's words and list format", async () => {
    const { transport, controlled } = createControlledTransport();
    render(<VoiceOnboarding transport={transport} locale="de" />);
    await screen.findByRole("button", { name: "Gespräch starten" });
    await pressStart("Gespräch starten");
    act(() => void controlled.sink?.message(snapshot(baseProfile())));
    act(
      () =>
        void controlled.sink?.message(
          message("requirements.updated", 2, {
            requirements: {
              jobTitle: "Backend-Entwickler",
              locationCity: "Berlin",
              compensation: { min: 70000, max: 90000, currency: "EUR", interval: "year" },
            },
          }),
        ),
    );
    expect(announcer()).toBe("Aktualisiert: Jobtitel, Standort und Gehalt");
    const requirements = await screen.findByRole("region", { name: "Anforderungen" }, { timeout: 5000 });
    expect(within(requirements).getByText(/70\.000–90\.000\s€ pro Jahr/)).toBeTruthy();
  });

  it("announces a refused edit in the chosen language, and switches language while running", async () => {
    const { transport, controlled } = createControlledTransport();
    controlled.answerEdit = (commandId) => ({
      ok: false,
      commandId,
      error: { code: "forbidden", message: "Bloqueado" },
    });
    const { rerender } = render(<VoiceOnboarding transport={transport} locale="es" />);
    await screen.findByRole("button", { name: "Iniciar conversación" });
    await pressStart("Iniciar conversación");
    act(() => void controlled.sink?.message(snapshot(baseProfile({ traits: [trait("t1", "Go")] }))));
    const deleteGo = await screen.findByRole("button", { name: "Eliminar Go" }, { timeout: 5000 });
    await act(async () => fireEvent.click(deleteGo));
    expect(announcer()).toBe("No se guardó el cambio: Bloqueado");

    rerender(<VoiceOnboarding transport={transport} locale="de" />);
    expect(screen.getByRole("button", { name: "Gespräch beenden" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go löschen" })).toBeTruthy();
    act(() => void controlled.sink?.message(traitCreated(2, "t2", "Rust")));
    expect(announcer()).toBe("Eigenschaft hinzugefügt: Rust");
  });

  it("lays `messages` over the catalogue and still honours the deprecated `labels`", async () => {
    const { transport } = createControlledTransport();
    const messages = { start: "¡Empecemos!" };
    const labels = { start: "ignored under messages", stop: "Colgar" };
    render(<VoiceOnboarding transport={transport} locale="es" messages={messages} labels={labels} />);
    await screen.findByRole("button", { name: "¡Empecemos!" });
    await pressStart("¡Empecemos!");
    expect(screen.getByRole("button", { name: "Colgar" })).toBeTruthy();
  });
});
