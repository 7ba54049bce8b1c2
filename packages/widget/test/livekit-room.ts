import {
  DataPacket,
  DataPacket_Kind,
  DataStream_Chunk,
  DataStream_Header,
  DataStream_OperationType,
  DataStream_TextHeader,
  DataStream_Trailer,
  Encryption_Type,
  ParticipantInfo,
  ParticipantInfo_State,
  UserPacket,
} from "@livekit/protocol";
import { DATA_TOPIC } from "@voice-onboarding/protocol";
import { type ConnectionState, ParticipantKind, RemoteParticipant, type Room } from "livekit-client";

/**
 * The pieces of a real livekit-client Room that a server would drive. There is no LiveKit
 * server here, so tests call the room's own packet handler with real protobuf packets.
 */
interface RoomInternals {
  engine: { client: ConstructorParameters<typeof RemoteParticipant>[0] };
  handleDataPacket(packet: DataPacket, encryption: Encryption_Type): void;
  handleParticipantUpdates(infos: ParticipantInfo[]): void;
  setAndEmitConnectionState(state: ConnectionState): boolean;
}

const internals = (room: Room) => room as unknown as RoomInternals;

export function joinParticipant(
  room: Room,
  identity: string,
  kind: ParticipantKind,
  attributes: Record<string, string> = {},
): RemoteParticipant {
  const participant = new RemoteParticipant(
    internals(room).engine.client,
    `PA_${identity}`,
    identity,
    identity,
    "",
    attributes,
    undefined,
    kind,
  );
  room.remoteParticipants.set(identity, participant);
  return participant;
}

export const joinAgent = (room: Room, attributes?: Record<string, string>) =>
  joinParticipant(room, "agent-1", ParticipantKind.AGENT, attributes);

let infoVersion = 0;

/**
 * A participant update as the server sends it (join, attribute change, leave), through the room's
 * own handler: it emits ParticipantConnected / ParticipantAttributesChanged / ParticipantDisconnected
 * as on a real server. The local identity updates the local participant.
 */
export function updateParticipant(
  room: Room,
  identity: string,
  {
    kind = ParticipantKind.STANDARD,
    attributes = {},
    left = false,
  }: {
    kind?: ParticipantKind;
    attributes?: Record<string, string>;
    left?: boolean;
  } = {},
) {
  infoVersion += 1;
  internals(room).handleParticipantUpdates([
    new ParticipantInfo({
      sid: `PA_${identity}`,
      identity,
      kind,
      attributes,
      version: infoVersion,
      state: left ? ParticipantInfo_State.DISCONNECTED : ParticipantInfo_State.ACTIVE,
    }),
  ]);
  return room.remoteParticipants.get(identity);
}

/** The local participant as a connect leaves it: identity and the token's attributes. */
export function setLocalParticipant(room: Room, identity: string, attributes: Record<string, string>) {
  room.localParticipant.updateInfo(
    new ParticipantInfo({ sid: `PA_${identity}`, identity, attributes, version: ++infoVersion }),
  );
}

export function setConnectionState(room: Room, state: ConnectionState) {
  internals(room).setAndEmitConnectionState(state);
}

/** A reliable data packet on the profile topic, as the server would deliver it. */
export function deliverDataPacket(room: Room, fromIdentity: string, payload: string, topic = DATA_TOPIC) {
  const packet = new DataPacket({
    kind: DataPacket_Kind.RELIABLE,
    participantIdentity: fromIdentity,
    value: { case: "user", value: new UserPacket({ payload: new TextEncoder().encode(payload), topic }) },
  });
  internals(room).handleDataPacket(packet, Encryption_Type.NONE);
}

let streamCounter = 0;

/** A text stream (header, one chunk per piece, trailer), as `sendText` on the agent produces it. */
export function deliverTextStream(
  room: Room,
  fromIdentity: string,
  pieces: string[],
  topic = DATA_TOPIC,
  attributes: Record<string, string> = {},
) {
  streamCounter += 1;
  const streamId = `stream-${streamCounter}`;
  const encoded = pieces.map((piece) => new TextEncoder().encode(piece));
  const totalLength = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  const send = (value: DataPacket["value"]) =>
    internals(room).handleDataPacket(
      new DataPacket({ kind: DataPacket_Kind.RELIABLE, participantIdentity: fromIdentity, value }),
      Encryption_Type.NONE,
    );
  const header = new DataStream_Header({
    streamId,
    topic,
    mimeType: "text/plain",
    attributes,
    timestamp: BigInt(Date.now()),
    totalLength: BigInt(totalLength),
    contentHeader: {
      case: "textHeader",
      value: new DataStream_TextHeader({ operationType: DataStream_OperationType.CREATE }),
    },
  });
  send({ case: "streamHeader", value: header });
  encoded.forEach((content, index) => {
    send({
      case: "streamChunk",
      value: new DataStream_Chunk({ streamId, chunkIndex: BigInt(index), content }),
    });
  });
  send({ case: "streamTrailer", value: new DataStream_Trailer({ streamId }) });
}
