/**
 * A software passkey for unit tests of the server-side rules (auth/passkeys.test.ts): an ES256 key made
 * with node:crypto, answering registration and sign-in options with the same bytes a real
 * authenticator sends ("none" attestation, COSE key, signed authenticator data). The browser tests use
 * Chromium's virtual authenticators instead; this one lets a test forge what a browser would not (a
 * wrong origin, a counter going backwards, an answer replayed).
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";

const b64u = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

export class SoftPasskey {
  readonly credentialId = randomBytes(16);
  private readonly key: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  counter = 0;

  constructor(
    readonly origin: string,
    readonly rpId = new URL(origin).hostname,
  ) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.key = pair.privateKey;
    const jwk = pair.publicKey.export({ format: "jwk" });
    this.publicJwk = { x: String(jwk.x), y: String(jwk.y) };
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Flags: user present, user verified, and (for a synced passkey) backup eligible and backed up. */
  private flags(extra: number, synced: boolean): number {
    return 0x01 | 0x04 | (synced ? 0x18 : 0) | extra;
  }

  private counterBytes(): Buffer {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(this.counter);
    return b;
  }

  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    o: { origin?: string; rpId?: string; synced?: boolean } = {},
  ): RegistrationResponseJSON {
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.publicJwk.x, "base64url")],
      [-3, Buffer.from(this.publicJwk.y, "base64url")],
    ]);
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha(o.rpId ?? this.rpId),
      Buffer.from([this.flags(0x40, o.synced ?? false)]),
      this.counterBytes(),
      Buffer.alloc(16),
      idLen,
      this.credentialId,
      Buffer.from(isoCBOR.encode(cose)),
    ]);
    const attestation = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(this.clientData("webauthn.create", options.challenge, o.origin)),
        attestationObject: b64u(attestation),
        transports: ["internal"],
      },
    };
  }

  /** Signs in: the counter moves on by one first (unless `counter` sets it). */
  answer(
    options: PublicKeyCredentialRequestOptionsJSON | { challenge: string },
    o: { origin?: string; rpId?: string; counter?: number; synced?: boolean } = {},
  ): AuthenticationResponseJSON {
    this.counter = o.counter ?? this.counter + 1;
    const authData = Buffer.concat([
      sha(o.rpId ?? this.rpId),
      Buffer.from([this.flags(0, o.synced ?? false)]),
      this.counterBytes(),
    ]);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, o.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha(clientDataJSON)]), this.key);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
      },
    };
  }
}
