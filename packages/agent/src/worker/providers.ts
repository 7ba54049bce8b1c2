import type { voice } from "@livekit/agents";
import * as deepgram from "@livekit/agents-plugin-deepgram";
import * as elevenlabs from "@livekit/agents-plugin-elevenlabs";
import * as openai from "@livekit/agents-plugin-openai";
import type { WorkerConfig } from "../config/index.js";
import { OpenAISpeech } from "./openai-speech.js";

type Providers = Required<Pick<voice.AgentSessionOptions, "stt" | "llm" | "tts">>;

/** Speech-to-text, the model and text-to-speech as the environment chose them (validated at start). */
export function createProviders(config: WorkerConfig): Providers {
  const { stt, llm, tts } = config;
  return {
    stt:
      stt.provider === "deepgram"
        ? new deepgram.STT({
            apiKey: stt.apiKey,
            model: stt.model,
            language: stt.language,
            // The plugin speaks WebSocket; an http(s) base (as Deepgram documents it) means ws(s).
            ...(stt.baseUrl && { baseUrl: stt.baseUrl.replace(/^http/, "ws") }),
          })
        : // POST /audio/transcriptions per utterance (Silero VAD cuts the turns), which every
          // OpenAI-compatible server has; the realtime WebSocket API few self-hosted servers speak.
          new openai.STT({
            apiKey: stt.apiKey,
            model: stt.model,
            language: stt.language,
            useRealtime: false,
            ...(stt.baseURL && { baseURL: stt.baseURL }),
          }),
    llm: new openai.LLM({
      baseURL: llm.baseURL,
      apiKey: llm.apiKey,
      model: llm.model,
      temperature: llm.temperature,
    }),
    tts:
      tts.provider === "elevenlabs"
        ? new elevenlabs.TTS({
            apiKey: tts.apiKey,
            voiceId: tts.voiceId,
            model: tts.model,
            ...(tts.baseURL && { baseURL: tts.baseURL }),
          })
        : new OpenAISpeech({
            apiKey: tts.apiKey,
            voice: tts.voice,
            model: tts.model,
            ...(tts.baseURL && { baseURL: tts.baseURL }),
          }),
  };
}
